CREATE TABLE "companion_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_person_id" uuid NOT NULL,
	"recipient_person_id" uuid,
	"recipient_organisation_id" uuid,
	"met" text[] NOT NULL,
	"open" text[] NOT NULL,
	"next" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "companion_notice_one_recipient" CHECK (("companion_notice"."recipient_person_id" is null) <> ("companion_notice"."recipient_organisation_id" is null))
);
--> statement-breakpoint
ALTER TABLE "companion_holder" ADD COLUMN "announced_met" text[];--> statement-breakpoint
ALTER TABLE "companion_notice" ADD CONSTRAINT "companion_notice_subject_person_id_person_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_notice" ADD CONSTRAINT "companion_notice_recipient_person_id_person_id_fk" FOREIGN KEY ("recipient_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_notice" ADD CONSTRAINT "companion_notice_recipient_organisation_id_organisation_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companion_notice_subject_idx" ON "companion_notice" USING btree ("subject_person_id","created_at");
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
CREATE TABLE "support_offer_version" (
	"offer_id" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"values" jsonb NOT NULL,
	"changed" text[] NOT NULL,
	"reason" text,
	"edited_by" uuid,
	"editor_organisation_id" uuid,
	"edited_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "support_offer_version_offer_id_version_pk" PRIMARY KEY("offer_id","version")
);
--> statement-breakpoint
ALTER TABLE "companion_holder" ADD COLUMN "announced_met" text[];--> statement-breakpoint
ALTER TABLE "support_offer" ADD COLUMN "district_ags" text;--> statement-breakpoint
ALTER TABLE "support_offer" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_offer" ADD COLUMN "retired_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "companion_notice" ADD CONSTRAINT "companion_notice_subject_person_id_person_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_notice" ADD CONSTRAINT "companion_notice_recipient_person_id_person_id_fk" FOREIGN KEY ("recipient_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_notice" ADD CONSTRAINT "companion_notice_recipient_organisation_id_organisation_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer_version" ADD CONSTRAINT "support_offer_version_offer_id_support_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."support_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer_version" ADD CONSTRAINT "support_offer_version_edited_by_person_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer_version" ADD CONSTRAINT "support_offer_version_editor_organisation_id_organisation_id_fk" FOREIGN KEY ("editor_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companion_notice_subject_idx" ON "companion_notice" USING btree ("subject_person_id","created_at");--> statement-breakpoint
ALTER TABLE "support_offer" ADD CONSTRAINT "support_offer_district_ags_district_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;
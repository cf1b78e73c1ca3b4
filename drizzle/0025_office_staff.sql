CREATE TABLE "office_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fte" numeric(6, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "office_staff_fte" CHECK ("office_staff"."fte" >= 0 and "office_staff"."fte" <= 1000)
);
--> statement-breakpoint
ALTER TABLE "office_staff" ADD CONSTRAINT "office_staff_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_staff" ADD CONSTRAINT "office_staff_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "office_staff_org_idx" ON "office_staff" USING btree ("organisation_id","effective_from","recorded_at");
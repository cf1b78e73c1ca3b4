CREATE TABLE "companion_employment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"consented_at" timestamp (3) with time zone NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"confirmed_at" timestamp (3) with time zone,
	"confirmed_by" uuid,
	"started_on" date,
	"hours_per_week" integer,
	"monthly_gross_eur" integer,
	"permanent" boolean,
	"contract_ends_on" date,
	CONSTRAINT "companion_employment_confirmed_whole" CHECK ("companion_employment"."confirmed_at" is null or ("companion_employment"."started_on" is not null and "companion_employment"."hours_per_week" between 1 and 60
        and "companion_employment"."monthly_gross_eur" between 1 and 100000 and "companion_employment"."permanent" is not null
        and ("companion_employment"."permanent" or "companion_employment"."contract_ends_on" > "companion_employment"."started_on")))
);
--> statement-breakpoint
ALTER TABLE "companion_holder" ADD COLUMN "district_ags" text;--> statement-breakpoint
ALTER TABLE "companion_employment" ADD CONSTRAINT "companion_employment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_employment" ADD CONSTRAINT "companion_employment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_employment" ADD CONSTRAINT "companion_employment_confirmed_by_person_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companion_employment_person_idx" ON "companion_employment" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "companion_employment_org_idx" ON "companion_employment" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "companion_employment_open_uq" ON "companion_employment" USING btree ("person_id","organisation_id") WHERE "companion_employment"."withdrawn_at" is null;--> statement-breakpoint
ALTER TABLE "companion_holder" ADD CONSTRAINT "companion_holder_district_ags_district_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;
CREATE TABLE "employer_profile" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"street" text NOT NULL,
	"postcode" text NOT NULL,
	"town" text NOT NULL,
	"district_ags" text NOT NULL,
	"register_court" text,
	"register_number" text,
	"register_key" text,
	"public_kind" text,
	"size_band" text NOT NULL,
	"trust" text DEFAULT 'unconfirmed' NOT NULL,
	"trust_changed_at" timestamp (3) with time zone NOT NULL,
	"registered_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "employer_profile_postcode" CHECK ("employer_profile"."postcode" ~ '^[0-9]{5}$'),
	CONSTRAINT "employer_profile_identity" CHECK (("employer_profile"."register_number" is not null and "employer_profile"."register_court" is not null and "employer_profile"."register_key" is not null
        and "employer_profile"."public_kind" is null)
        or ("employer_profile"."register_number" is null and "employer_profile"."register_court" is null and "employer_profile"."register_key" is null
        and "employer_profile"."public_kind" is not null)),
	CONSTRAINT "employer_profile_public_kind" CHECK (public_kind is null or public_kind in ('municipality', 'state-administration', 'federal-administration', 'public-hospital', 'university', 'other-public-body')),
	CONSTRAINT "employer_profile_size" CHECK (size_band in ('1-9', '10-49', '50-249', '250+')),
	CONSTRAINT "employer_profile_trust" CHECK (trust in ('unconfirmed', 'confirmed', 'refused', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "employer_trust_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"officer_person_id" uuid,
	"officer_organisation_id" uuid NOT NULL,
	"decided_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "employer_trust_decision_known" CHECK (decision in ('confirm', 'refuse', 'withdraw')),
	CONSTRAINT "employer_trust_decision_reason" CHECK ("employer_trust_decision"."decision" = 'confirm' or length(trim("employer_trust_decision"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "employer_profile" ADD CONSTRAINT "employer_profile_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_profile" ADD CONSTRAINT "employer_profile_district_ags_district_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_profile" ADD CONSTRAINT "employer_profile_registered_by_person_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_trust_decision" ADD CONSTRAINT "employer_trust_decision_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_trust_decision" ADD CONSTRAINT "employer_trust_decision_officer_person_id_person_id_fk" FOREIGN KEY ("officer_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_trust_decision" ADD CONSTRAINT "employer_trust_decision_officer_organisation_id_organisation_id_fk" FOREIGN KEY ("officer_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_profile_register_unique" ON "employer_profile" USING btree ("register_key");--> statement-breakpoint
CREATE INDEX "employer_profile_district_idx" ON "employer_profile" USING btree ("district_ags");--> statement-breakpoint
CREATE INDEX "employer_trust_decision_org_idx" ON "employer_trust_decision" USING btree ("organisation_id","decided_at");
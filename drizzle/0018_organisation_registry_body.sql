CREATE TABLE "organisation_registry_body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recognition_authority_id" text,
	"nationwide_body_id" text,
	"crafts_chamber_id" text,
	CONSTRAINT "organisation_registry_body_one" CHECK (num_nonnulls("organisation_registry_body"."recognition_authority_id", "organisation_registry_body"."nationwide_body_id", "organisation_registry_body"."crafts_chamber_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "organisation_registry_body" ADD CONSTRAINT "organisation_registry_body_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_registry_body" ADD CONSTRAINT "organisation_registry_body_recognition_authority_id_recognition_authority_id_fk" FOREIGN KEY ("recognition_authority_id") REFERENCES "public"."recognition_authority"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_registry_body" ADD CONSTRAINT "organisation_registry_body_nationwide_body_id_nationwide_body_id_fk" FOREIGN KEY ("nationwide_body_id") REFERENCES "public"."nationwide_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_registry_body" ADD CONSTRAINT "organisation_registry_body_crafts_chamber_id_crafts_chamber_id_fk" FOREIGN KEY ("crafts_chamber_id") REFERENCES "public"."crafts_chamber"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_registry_body_org_idx" ON "organisation_registry_body" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_registry_body_authority_unique" ON "organisation_registry_body" USING btree ("recognition_authority_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_registry_body_nationwide_unique" ON "organisation_registry_body" USING btree ("nationwide_body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_registry_body_chamber_unique" ON "organisation_registry_body" USING btree ("crafts_chamber_id");
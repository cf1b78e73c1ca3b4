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
ALTER TABLE "support_offer" ADD COLUMN "district_ags" text;--> statement-breakpoint
ALTER TABLE "support_offer" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_offer" ADD COLUMN "retired_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "support_offer_version" ADD CONSTRAINT "support_offer_version_offer_id_support_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."support_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer_version" ADD CONSTRAINT "support_offer_version_edited_by_person_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer_version" ADD CONSTRAINT "support_offer_version_editor_organisation_id_organisation_id_fk" FOREIGN KEY ("editor_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer" ADD CONSTRAINT "support_offer_district_ags_district_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;
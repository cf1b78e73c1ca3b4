CREATE TABLE "job_ad" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title_de" text,
	"title_en" text,
	"occupation_kldb" text NOT NULL,
	"district_ags" text NOT NULL,
	"salary_min_eur" integer NOT NULL,
	"salary_max_eur" integer,
	"weekly_hours" integer NOT NULL,
	"contract_months" integer,
	"german_level" text NOT NULL,
	"english_level" text NOT NULL,
	"start_date" date NOT NULL,
	"expires_on" date NOT NULL,
	"collective_agreement" text DEFAULT '' NOT NULL,
	"willing_accelerated" boolean DEFAULT false NOT NULL,
	"description_de" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"english_enough" boolean NOT NULL,
	"accelerated_ready" boolean NOT NULL,
	"recognition_needed" boolean NOT NULL,
	"collective_agreement_flag" boolean NOT NULL,
	"pathways" jsonb NOT NULL,
	"pathway_ids" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"published_at" timestamp (3) with time zone,
	CONSTRAINT "job_ad_status" CHECK (status in ('draft', 'published', 'paused')),
	CONSTRAINT "job_ad_title" CHECK ("job_ad"."title_de" is not null or "job_ad"."title_en" is not null),
	CONSTRAINT "job_ad_salary" CHECK ("job_ad"."salary_min_eur" > 0 and ("job_ad"."salary_max_eur" is null or "job_ad"."salary_max_eur" >= "job_ad"."salary_min_eur")),
	CONSTRAINT "job_ad_hours" CHECK ("job_ad"."weekly_hours" between 1 and 48),
	CONSTRAINT "job_ad_contract" CHECK ("job_ad"."contract_months" is null or "job_ad"."contract_months" between 1 and 120),
	CONSTRAINT "job_ad_german" CHECK (german_level in ('none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
	CONSTRAINT "job_ad_english" CHECK (english_level in ('none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'))
);
--> statement-breakpoint
ALTER TABLE "job_ad" ADD CONSTRAINT "job_ad_employer_id_organisation_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_ad" ADD CONSTRAINT "job_ad_occupation_kldb_occupation_kldb_fk" FOREIGN KEY ("occupation_kldb") REFERENCES "public"."occupation"("kldb") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_ad" ADD CONSTRAINT "job_ad_district_ags_district_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_ad" ADD CONSTRAINT "job_ad_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_ad_employer_idx" ON "job_ad" USING btree ("employer_id","updated_at");--> statement-breakpoint
CREATE INDEX "job_ad_search_idx" ON "job_ad" USING btree ("status","expires_on");
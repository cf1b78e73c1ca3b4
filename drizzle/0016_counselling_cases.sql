CREATE TABLE "counselling_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"opened_on" date NOT NULL,
	"topic" text NOT NULL,
	"applicant_person_id" uuid,
	"referrals" text[] DEFAULT '{}'::text[] NOT NULL,
	"outcome" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "counselling_case_topic" CHECK ("counselling_case"."topic" in ('recognition', 'qualification', 'visa-residence', 'job-search', 'family', 'chancen-aufenthaltsrecht', 'other')),
	CONSTRAINT "counselling_case_outcome" CHECK ("counselling_case"."outcome" in ('open', 'referred', 'recognition-applied', 'resolved', 'dropped')),
	CONSTRAINT "counselling_case_referrals" CHECK ("counselling_case"."referrals" <@ array['recognition-authority', 'foreigners-office', 'employment-agency', 'chamber', 'language-course', 'other']::text[]),
	CONSTRAINT "counselling_case_closed_after_opened" CHECK ("counselling_case"."closed_on" is null or "counselling_case"."closed_on" >= "counselling_case"."opened_on")
);
--> statement-breakpoint
ALTER TABLE "counselling_case" ADD CONSTRAINT "counselling_case_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_case" ADD CONSTRAINT "counselling_case_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_case" ADD CONSTRAINT "counselling_case_applicant_person_id_person_id_fk" FOREIGN KEY ("applicant_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "counselling_case_org_opened_idx" ON "counselling_case" USING btree ("organisation_id","opened_on");
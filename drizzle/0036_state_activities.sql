CREATE TABLE "activity_overlap_digest" (
	"state_code" text NOT NULL,
	"overlap_key" text NOT NULL,
	"sent_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "activity_overlap_digest_state_code_overlap_key_pk" PRIMARY KEY("state_code","overlap_key")
);
--> statement-breakpoint
CREATE TABLE "state_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"countries" text[] NOT NULL,
	"occupations" text[] NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"budget_cents" bigint,
	"funding_source" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "state_activity_kind" CHECK (kind in ('recruitment-project', 'partnership', 'fair', 'campaign', 'counselling-programme')),
	CONSTRAINT "state_activity_status" CHECK (status in ('planned', 'running', 'finished')),
	CONSTRAINT "state_activity_period" CHECK ("state_activity"."period_end" >= "state_activity"."period_start"),
	CONSTRAINT "state_activity_budget" CHECK ("state_activity"."budget_cents" is null or "state_activity"."budget_cents" >= 0),
	CONSTRAINT "state_activity_countries" CHECK (cardinality("state_activity"."countries") >= 1)
);
--> statement-breakpoint
ALTER TABLE "activity_overlap_digest" ADD CONSTRAINT "activity_overlap_digest_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_activity" ADD CONSTRAINT "state_activity_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_activity" ADD CONSTRAINT "state_activity_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_activity" ADD CONSTRAINT "state_activity_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_activity" ADD CONSTRAINT "state_activity_updated_by_person_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "state_activity_state_idx" ON "state_activity" USING btree ("state_code","period_start");--> statement-breakpoint
CREATE INDEX "state_activity_public_idx" ON "state_activity" USING btree ("is_public");
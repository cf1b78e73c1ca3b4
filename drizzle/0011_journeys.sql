CREATE TABLE "idempotency_key" (
	"actor_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "idempotency_key_actor_id_key_pk" PRIMARY KEY("actor_id","key")
);
--> statement-breakpoint
CREATE TABLE "journey" (
	"id" uuid PRIMARY KEY NOT NULL,
	"applicant_id" uuid NOT NULL,
	"linked_to" uuid,
	"pathway" text NOT NULL,
	"occupation" text,
	"target_state_code" text,
	"target_district_ags" text,
	"country_code" text,
	"employer_id" uuid,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_event" (
	"journey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_organisation_id" text,
	"at" timestamp (3) with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text,
	CONSTRAINT "journey_event_journey_id_version_pk" PRIMARY KEY("journey_id","version")
);
--> statement-breakpoint
CREATE TABLE "journey_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"journey_id" uuid NOT NULL,
	"step" text,
	"kind" text NOT NULL,
	"recipient_person_id" uuid,
	"recipient_organisation_id" uuid,
	"message_key" text NOT NULL,
	"values" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"mailed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "journey_step" (
	"journey_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"required" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"owner_id" uuid,
	"due_at" date,
	"paused_since" date,
	"deadline_rule" text,
	"deadline_due_at" date,
	"deadline_closed_on" date,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "journey_step_journey_id_kind_pk" PRIMARY KEY("journey_id","kind")
);
--> statement-breakpoint
ALTER TABLE "journey" ADD CONSTRAINT "journey_applicant_id_person_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_event" ADD CONSTRAINT "journey_event_journey_id_journey_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_notice" ADD CONSTRAINT "journey_notice_journey_id_journey_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_notice" ADD CONSTRAINT "journey_notice_recipient_person_id_person_id_fk" FOREIGN KEY ("recipient_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_notice" ADD CONSTRAINT "journey_notice_recipient_organisation_id_organisation_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_step" ADD CONSTRAINT "journey_step_journey_id_journey_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_applicant_idx" ON "journey" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "journey_employer_idx" ON "journey" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "journey_state_idx" ON "journey" USING btree ("target_state_code");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_notice_dedupe_idx" ON "journey_notice" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "journey_notice_person_idx" ON "journey_notice" USING btree ("recipient_person_id");--> statement-breakpoint
CREATE INDEX "journey_notice_org_idx" ON "journey_notice" USING btree ("recipient_organisation_id");--> statement-breakpoint
CREATE INDEX "journey_step_queue_idx" ON "journey_step" USING btree ("owner_id","due_at");--> statement-breakpoint
CREATE INDEX "journey_step_due_idx" ON "journey_step" USING btree ("due_at") WHERE "journey_step"."due_at" is not null;
CREATE TABLE "joint_project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"lead_state_code" text NOT NULL,
	"budget_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"key_kind" text NOT NULL,
	"key_year" text,
	"negotiated_weights" jsonb,
	"calculated_at" timestamp (3) with time zone NOT NULL,
	"created_by" uuid,
	"created_by_organisation_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "joint_project_budget" CHECK ("joint_project"."budget_cents" > 0),
	CONSTRAINT "joint_project_currency" CHECK ("joint_project"."currency" = 'EUR'),
	CONSTRAINT "joint_project_key_kind" CHECK (key_kind in ('koenigstein', 'population', 'equal', 'negotiated')),
	CONSTRAINT "joint_project_key_year" CHECK (("joint_project"."key_kind" = 'koenigstein') = ("joint_project"."key_year" is not null)),
	CONSTRAINT "joint_project_weights" CHECK (("joint_project"."key_kind" = 'negotiated') = ("joint_project"."negotiated_weights" is not null))
);
--> statement-breakpoint
CREATE TABLE "joint_project_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state_code" text,
	"actor_person_id" uuid,
	"actor_organisation_id" uuid,
	"detail" jsonb,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "joint_project_event_kind" CHECK (kind in ('created', 'agreed', 'declined', 'recalculated'))
);
--> statement-breakpoint
CREATE TABLE "joint_project_state" (
	"project_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"key_value" double precision NOT NULL,
	"key_period" text,
	"key_source" text,
	"key_verified" boolean DEFAULT true NOT NULL,
	"share_cents" bigint NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_by_organisation_id" uuid,
	"answered_at" timestamp (3) with time zone,
	CONSTRAINT "joint_project_state_project_id_state_code_pk" PRIMARY KEY("project_id","state_code"),
	CONSTRAINT "joint_project_state_share" CHECK ("joint_project_state"."share_cents" >= 0 and "joint_project_state"."key_value" >= 0),
	CONSTRAINT "joint_project_state_answer" CHECK (answer is null or answer in ('agreed', 'declined')),
	CONSTRAINT "joint_project_state_answered" CHECK (("joint_project_state"."answer" is null) = ("joint_project_state"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "joint_project" ADD CONSTRAINT "joint_project_lead_state_code_state_code_fk" FOREIGN KEY ("lead_state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project" ADD CONSTRAINT "joint_project_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project" ADD CONSTRAINT "joint_project_created_by_organisation_id_organisation_id_fk" FOREIGN KEY ("created_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_event" ADD CONSTRAINT "joint_project_event_project_id_joint_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."joint_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_event" ADD CONSTRAINT "joint_project_event_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_event" ADD CONSTRAINT "joint_project_event_actor_person_id_person_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_event" ADD CONSTRAINT "joint_project_event_actor_organisation_id_organisation_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_state" ADD CONSTRAINT "joint_project_state_project_id_joint_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."joint_project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_state" ADD CONSTRAINT "joint_project_state_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_state" ADD CONSTRAINT "joint_project_state_answered_by_person_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_project_state" ADD CONSTRAINT "joint_project_state_answered_by_organisation_id_organisation_id_fk" FOREIGN KEY ("answered_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_project_created_idx" ON "joint_project" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "joint_project_event_project_idx" ON "joint_project_event" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "joint_project_state_state_idx" ON "joint_project_state" USING btree ("state_code");
CREATE TABLE "joint_draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"target" text NOT NULL,
	"target_date" date NOT NULL,
	"deadline" date NOT NULL,
	"created_by" uuid,
	"created_by_organisation_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "joint_draft_kind" CHECK (kind in ('resolution', 'statement', 'bundesrat-initiative')),
	CONSTRAINT "joint_draft_target" CHECK (target in ('wmk', 'asmk', 'intmk', 'mpk-ost', 'bundesrat')),
	CONSTRAINT "joint_draft_deadline" CHECK ("joint_draft"."deadline" <= "joint_draft"."target_date")
);
--> statement-breakpoint
CREATE TABLE "joint_draft_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"state_code" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"organisation_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "joint_draft_comment_paragraph" CHECK ("joint_draft_comment"."paragraph" >= 1)
);
--> statement-breakpoint
CREATE TABLE "joint_draft_reminder" (
	"draft_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"day" date NOT NULL,
	"sent_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "joint_draft_reminder_draft_id_state_code_day_pk" PRIMARY KEY("draft_id","state_code","day")
);
--> statement-breakpoint
CREATE TABLE "joint_draft_sign_off" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"decision" text NOT NULL,
	"remarks" text,
	"person_id" uuid,
	"organisation_id" uuid,
	"at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "joint_draft_sign_off_decision" CHECK (decision in ('agree', 'agree-with-remarks', 'decline')),
	CONSTRAINT "joint_draft_sign_off_remarks" CHECK (("joint_draft_sign_off"."decision" = 'agree') = ("joint_draft_sign_off"."remarks" is null))
);
--> statement-breakpoint
CREATE TABLE "joint_draft_state" (
	"draft_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	CONSTRAINT "joint_draft_state_draft_id_state_code_pk" PRIMARY KEY("draft_id","state_code")
);
--> statement-breakpoint
CREATE TABLE "joint_draft_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"body" text NOT NULL,
	"state_code" text NOT NULL,
	"created_by" uuid,
	"organisation_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "joint_draft_version_number" UNIQUE("draft_id","number"),
	CONSTRAINT "joint_draft_version_number_positive" CHECK ("joint_draft_version"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "joint_draft" ADD CONSTRAINT "joint_draft_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft" ADD CONSTRAINT "joint_draft_created_by_organisation_id_organisation_id_fk" FOREIGN KEY ("created_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_comment" ADD CONSTRAINT "joint_draft_comment_version_id_joint_draft_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."joint_draft_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_comment" ADD CONSTRAINT "joint_draft_comment_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_comment" ADD CONSTRAINT "joint_draft_comment_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_comment" ADD CONSTRAINT "joint_draft_comment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_reminder" ADD CONSTRAINT "joint_draft_reminder_draft_id_joint_draft_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."joint_draft"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_reminder" ADD CONSTRAINT "joint_draft_reminder_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_sign_off" ADD CONSTRAINT "joint_draft_sign_off_draft_id_joint_draft_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."joint_draft"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_sign_off" ADD CONSTRAINT "joint_draft_sign_off_version_id_joint_draft_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."joint_draft_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_sign_off" ADD CONSTRAINT "joint_draft_sign_off_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_sign_off" ADD CONSTRAINT "joint_draft_sign_off_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_sign_off" ADD CONSTRAINT "joint_draft_sign_off_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_state" ADD CONSTRAINT "joint_draft_state_draft_id_joint_draft_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."joint_draft"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_state" ADD CONSTRAINT "joint_draft_state_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_version" ADD CONSTRAINT "joint_draft_version_draft_id_joint_draft_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."joint_draft"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_version" ADD CONSTRAINT "joint_draft_version_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_version" ADD CONSTRAINT "joint_draft_version_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_draft_version" ADD CONSTRAINT "joint_draft_version_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_draft_created_idx" ON "joint_draft" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "joint_draft_comment_version_idx" ON "joint_draft_comment" USING btree ("version_id","paragraph");--> statement-breakpoint
CREATE INDEX "joint_draft_sign_off_draft_idx" ON "joint_draft_sign_off" USING btree ("draft_id","at");
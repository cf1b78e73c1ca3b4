CREATE TABLE "applicant_profile" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"residence_ags" text,
	"country_code" text,
	"nationality" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applicant_country_iso" CHECK ("applicant_profile"."country_code" is null or "applicant_profile"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "applicant_nationality_iso" CHECK ("applicant_profile"."nationality" is null or "applicant_profile"."nationality" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "auth_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scope" text DEFAULT 'data-and-documents' NOT NULL,
	"granted_at" timestamp (3) with time zone NOT NULL,
	"withdrawn_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"seat_state_code" text,
	"seat_district_ags" text,
	"seat_country_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisation_slug_format" CHECK ("organisation"."slug" ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
	CONSTRAINT "organisation_kind_known" CHECK (kind in ('employer', 'counselling-centre', 'recognition-authority', 'foreigners-office', 'central-foreigners-office', 'mission', 'employment-agency', 'state-ministry', 'operator')),
	CONSTRAINT "organisation_seat_country_iso" CHECK ("organisation"."seat_country_code" is null or "organisation"."seat_country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "organisation_jurisdiction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"state_code" text,
	"district_ags" text,
	"country_code" text,
	CONSTRAINT "organisation_jurisdiction_shape" CHECK (("organisation_jurisdiction"."scope" = 'nationwide' and "organisation_jurisdiction"."state_code" is null and "organisation_jurisdiction"."district_ags" is null and "organisation_jurisdiction"."country_code" is null)
        or ("organisation_jurisdiction"."scope" = 'state' and "organisation_jurisdiction"."state_code" is not null and "organisation_jurisdiction"."district_ags" is null and "organisation_jurisdiction"."country_code" is null)
        or ("organisation_jurisdiction"."scope" = 'district' and "organisation_jurisdiction"."district_ags" is not null and "organisation_jurisdiction"."state_code" is null and "organisation_jurisdiction"."country_code" is null)
        or ("organisation_jurisdiction"."scope" = 'country' and "organisation_jurisdiction"."country_code" ~ '^[A-Z]{2}$' and "organisation_jurisdiction"."state_code" is null and "organisation_jurisdiction"."district_ags" is null))
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"email_verified_at" timestamp (3) with time zone,
	"totp_secret" text,
	"totp_enabled_at" timestamp (3) with time zone,
	"totp_last_step" integer,
	"disabled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_email_lower" CHECK ("person"."email" = lower("person"."email"))
);
--> statement-breakpoint
CREATE TABLE "recovery_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "role_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"granted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"granted_by" uuid,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "role_assignment_role_known" CHECK (role in ('applicant', 'family-member', 'employer-admin', 'employer-member', 'counsellor', 'recognition-officer', 'foreigners-office-caseworker', 'mission-officer', 'employment-agency-officer', 'ministry-officer', 'administrator'))
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"role_class" text NOT NULL,
	"pending_second_factor" boolean DEFAULT false NOT NULL,
	"csrf_secret_hash" text,
	"user_agent" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp (3) with time zone,
	"last_failure_at" timestamp (3) with time zone,
	"locked" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entry" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_person_id" uuid,
	"actor_role" text,
	"actor_organisation_id" uuid,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"subject_person_id" uuid,
	"purpose" text NOT NULL,
	"result" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_entry_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "outbox_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applicant_profile" ADD CONSTRAINT "applicant_profile_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_profile" ADD CONSTRAINT "applicant_profile_residence_ags_district_ags_fk" FOREIGN KEY ("residence_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_token" ADD CONSTRAINT "auth_token_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_seat_state_code_state_code_fk" FOREIGN KEY ("seat_state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_seat_district_ags_district_ags_fk" FOREIGN KEY ("seat_district_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_jurisdiction" ADD CONSTRAINT "organisation_jurisdiction_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_jurisdiction" ADD CONSTRAINT "organisation_jurisdiction_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_jurisdiction" ADD CONSTRAINT "organisation_jurisdiction_district_ags_district_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_token_person_idx" ON "auth_token" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "consent_person_idx" ON "consent" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "consent_org_idx" ON "consent" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_jurisdiction_org_idx" ON "organisation_jurisdiction" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_email_unique" ON "person" USING btree ("email");--> statement-breakpoint
CREATE INDEX "recovery_code_person_idx" ON "recovery_code" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "role_assignment_person_idx" ON "role_assignment" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "role_assignment_org_idx" ON "role_assignment" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "session_person_idx" ON "session" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_entry" USING btree ("subject_person_id","seq");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_entry" USING btree ("actor_person_id");
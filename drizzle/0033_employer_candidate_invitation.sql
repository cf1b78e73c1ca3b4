CREATE TABLE "employer_candidate_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp (3) with time zone,
	"answered_by" uuid,
	"journey_id" uuid,
	CONSTRAINT "employer_candidate_invitation_answer" CHECK (answer is null or answer in ('accepted', 'declined')),
	CONSTRAINT "employer_candidate_invitation_answered" CHECK (("employer_candidate_invitation"."answer" is null) = ("employer_candidate_invitation"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "employer_candidate_invitation" ADD CONSTRAINT "employer_candidate_invitation_organisation_id_employer_profile_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."employer_profile"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_candidate_invitation" ADD CONSTRAINT "employer_candidate_invitation_invited_by_person_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_candidate_invitation" ADD CONSTRAINT "employer_candidate_invitation_answered_by_person_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_candidate_invitation_token_idx" ON "employer_candidate_invitation" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "employer_candidate_invitation_org_idx" ON "employer_candidate_invitation" USING btree ("organisation_id","created_at");
CREATE TABLE "pool_contact_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applicant_person_id" uuid NOT NULL,
	"label" text NOT NULL,
	"requester_person_id" uuid,
	"requester_organisation_id" uuid NOT NULL,
	"message" text NOT NULL,
	"job_ad_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp (3) with time zone,
	CONSTRAINT "pool_contact_request_answer" CHECK ("pool_contact_request"."answer" is null or "pool_contact_request"."answer" in ('revealed', 'declined')),
	CONSTRAINT "pool_contact_request_answered" CHECK (("pool_contact_request"."answer" is null) = ("pool_contact_request"."answered_at" is null)),
	CONSTRAINT "pool_contact_request_message" CHECK (length(trim("pool_contact_request"."message")) between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "pool_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"label" text NOT NULL,
	"occupation_kldb" text NOT NULL,
	"qualification" text NOT NULL,
	"recognition" text NOT NULL,
	"languages" jsonb NOT NULL,
	"available_from" date NOT NULL,
	"preferred_states" text[] NOT NULL,
	"pool_states" text[] NOT NULL,
	"released" text[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "pool_profile_pool_states" CHECK (cardinality("pool_profile"."pool_states") > 0),
	CONSTRAINT "pool_profile_released" CHECK (cardinality("pool_profile"."released") > 0)
);
--> statement-breakpoint
ALTER TABLE "pool_contact_request" ADD CONSTRAINT "pool_contact_request_applicant_person_id_person_id_fk" FOREIGN KEY ("applicant_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_contact_request" ADD CONSTRAINT "pool_contact_request_requester_person_id_person_id_fk" FOREIGN KEY ("requester_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_contact_request" ADD CONSTRAINT "pool_contact_request_requester_organisation_id_organisation_id_fk" FOREIGN KEY ("requester_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_profile" ADD CONSTRAINT "pool_profile_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_profile" ADD CONSTRAINT "pool_profile_occupation_kldb_occupation_kldb_fk" FOREIGN KEY ("occupation_kldb") REFERENCES "public"."occupation"("kldb") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pool_contact_request_applicant_idx" ON "pool_contact_request" USING btree ("applicant_person_id","created_at");--> statement-breakpoint
CREATE INDEX "pool_contact_request_org_idx" ON "pool_contact_request" USING btree ("requester_organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_profile_person_unique" ON "pool_profile" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_profile_label_unique" ON "pool_profile" USING btree ("label");--> statement-breakpoint
CREATE INDEX "pool_profile_states_idx" ON "pool_profile" USING gin ("pool_states");
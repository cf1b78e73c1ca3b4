CREATE TABLE "companion_holder" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"state_code" text NOT NULL,
	"permit_granted_on" date NOT NULL,
	"permit_expires_on" date NOT NULL,
	"birth_date" date NOT NULL,
	"in_germany_since" date,
	"german" text,
	"livelihood_mainly_from_work" boolean,
	"lives_with_minor_child" boolean,
	"german_school_or_qualification" boolean,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "companion_holder_period" CHECK ("companion_holder"."permit_expires_on" > "companion_holder"."permit_granted_on")
);
--> statement-breakpoint
CREATE TABLE "companion_reminder" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"expires_on" date NOT NULL,
	"sent_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "companion_reminder_person_id_kind_expires_on_pk" PRIMARY KEY("person_id","kind","expires_on")
);
--> statement-breakpoint
CREATE TABLE "support_offer" (
	"id" text PRIMARY KEY NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"research_name" text NOT NULL,
	"provider" text NOT NULL,
	"levels" text[] NOT NULL,
	"state_code" text,
	"target_groups" text[] NOT NULL,
	"conditions" text[] NOT NULL,
	"languages" text,
	"contact_url" text,
	"source_urls" text[] NOT NULL,
	"source_date" text,
	"cost_de" text,
	"cost_en" text,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companion_holder" ADD CONSTRAINT "companion_holder_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_holder" ADD CONSTRAINT "companion_holder_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companion_reminder" ADD CONSTRAINT "companion_reminder_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offer" ADD CONSTRAINT "support_offer_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_offer_state_idx" ON "support_offer" USING btree ("state_code");
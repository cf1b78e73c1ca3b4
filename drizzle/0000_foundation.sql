CREATE TABLE "accessibility_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locale" text NOT NULL,
	"page" text,
	"message" text NOT NULL,
	CONSTRAINT "feedback_message_length" CHECK (char_length("accessibility_feedback"."message") between 1 and 2000),
	CONSTRAINT "feedback_page_length" CHECK ("accessibility_feedback"."page" is null or char_length("accessibility_feedback"."page") <= 300)
);
--> statement-breakpoint
CREATE TABLE "district" (
	"ags" text PRIMARY KEY NOT NULL,
	"state_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"foreigners_office" text NOT NULL,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL,
	CONSTRAINT "district_ags_format" CHECK ("district"."ags" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "state" (
	"code" text PRIMARY KEY NOT NULL,
	"ags_prefix" text NOT NULL,
	"name_de" text NOT NULL,
	"name_en" text NOT NULL,
	"central_office" text,
	"central_office_exists" boolean NOT NULL,
	"central_office_notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL,
	CONSTRAINT "state_ags_prefix_unique" UNIQUE("ags_prefix"),
	CONSTRAINT "state_code_format" CHECK ("state"."code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "reference_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"max_age_days" integer NOT NULL,
	"checked_rows" integer NOT NULL,
	"stale_count" integer NOT NULL,
	"stale" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district" ADD CONSTRAINT "district_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "district_state_idx" ON "district" USING btree ("state_code","name");
CREATE TABLE "crafts_chamber" (
	"id" text PRIMARY KEY NOT NULL,
	"state_code" text NOT NULL,
	"name" text NOT NULL,
	"seat" text NOT NULL,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crafts_chamber_district" (
	"chamber_id" text NOT NULL,
	"ags" text NOT NULL,
	"partial" boolean NOT NULL,
	CONSTRAINT "crafts_chamber_district_chamber_id_ags_pk" PRIMARY KEY("chamber_id","ags")
);
--> statement-breakpoint
CREATE TABLE "mission" (
	"id" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"visa_section" boolean NOT NULL,
	"region" text,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mission_waiting_time" (
	"id" text PRIMARY KEY NOT NULL,
	"country" text NOT NULL,
	"mission_id" text,
	"weeks" double precision,
	"category" text,
	"measured_at" text,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_recognition_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"profession" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"outcome" text NOT NULL,
	"bridging_step" text,
	"legal_basis" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nationwide_body" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"address" text,
	"legal_basis" text NOT NULL,
	"regulated_note" text NOT NULL,
	"fees" text,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation" (
	"kldb" text PRIMARY KEY NOT NULL,
	"isco08" text NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text NOT NULL,
	"kldb_label_en" text NOT NULL,
	"level" text NOT NULL,
	"regulated" boolean NOT NULL,
	"regulated_note" text NOT NULL,
	"profession" text,
	"route" text NOT NULL,
	"shortage" boolean NOT NULL,
	"shortage_evidence" text,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL,
	CONSTRAINT "occupation_kldb_format" CHECK ("occupation"."kldb" ~ '^[0-9]{5}$'),
	CONSTRAINT "occupation_isco_format" CHECK ("occupation"."isco08" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "occupation_term" (
	"kldb" text NOT NULL,
	"lang" text NOT NULL,
	"term" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "occupation_term_kldb_lang_term_pk" PRIMARY KEY("kldb","lang","term")
);
--> statement-breakpoint
CREATE TABLE "recognition_authority" (
	"id" text PRIMARY KEY NOT NULL,
	"state_code" text NOT NULL,
	"profession" text NOT NULL,
	"profession_title" text NOT NULL,
	"authority" text NOT NULL,
	"address" text,
	"email" text,
	"legal_basis" text NOT NULL,
	"legal_basis_type" text NOT NULL,
	"regulated" boolean NOT NULL,
	"regulated_note" text NOT NULL,
	"fees" text,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"payload" jsonb NOT NULL,
	"signed_text" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"status" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	CONSTRAINT "recognition_record_code_unique" UNIQUE("code"),
	CONSTRAINT "recognition_record_code_format" CHECK ("recognition_record"."code" ~ '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$')
);
--> statement-breakpoint
CREATE TABLE "recognition_record_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "registry_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_name" text NOT NULL,
	"row_key" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistic" (
	"id" text PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"indicator" text NOT NULL,
	"geography" text NOT NULL,
	"period" text NOT NULL,
	"value" text NOT NULL,
	"value_number" double precision,
	"unit" text NOT NULL,
	"notes" text,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"confidence" text NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crafts_chamber" ADD CONSTRAINT "crafts_chamber_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crafts_chamber_district" ADD CONSTRAINT "crafts_chamber_district_chamber_id_crafts_chamber_id_fk" FOREIGN KEY ("chamber_id") REFERENCES "public"."crafts_chamber"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crafts_chamber_district" ADD CONSTRAINT "crafts_chamber_district_ags_district_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."district"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_waiting_time" ADD CONSTRAINT "mission_waiting_time_mission_id_mission_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."mission"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_recognition_entry" ADD CONSTRAINT "mutual_recognition_entry_from_state_state_code_fk" FOREIGN KEY ("from_state") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_recognition_entry" ADD CONSTRAINT "mutual_recognition_entry_to_state_state_code_fk" FOREIGN KEY ("to_state") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_term" ADD CONSTRAINT "occupation_term_kldb_occupation_kldb_fk" FOREIGN KEY ("kldb") REFERENCES "public"."occupation"("kldb") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_authority" ADD CONSTRAINT "recognition_authority_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_record_event" ADD CONSTRAINT "recognition_record_event_record_id_recognition_record_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."recognition_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crafts_chamber_district_ags_idx" ON "crafts_chamber_district" USING btree ("ags");--> statement-breakpoint
CREATE INDEX "mission_country_idx" ON "mission" USING btree ("country");--> statement-breakpoint
CREATE INDEX "mission_waiting_time_country_idx" ON "mission_waiting_time" USING btree ("country");--> statement-breakpoint
CREATE INDEX "mutual_recognition_pair_idx" ON "mutual_recognition_entry" USING btree ("profession","from_state","to_state");--> statement-breakpoint
CREATE INDEX "occupation_term_trgm_idx" ON "occupation_term" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "recognition_authority_profession_idx" ON "recognition_authority" USING btree ("profession","state_code");--> statement-breakpoint
CREATE INDEX "recognition_record_event_record_idx" ON "recognition_record_event" USING btree ("record_id","at");--> statement-breakpoint
CREATE INDEX "registry_change_row_idx" ON "registry_change" USING btree ("table_name","row_key","at");--> statement-breakpoint
CREATE INDEX "statistic_topic_idx" ON "statistic" USING btree ("topic","geography");
CREATE TABLE "allocation_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"ran_at" timestamp (3) with time zone NOT NULL,
	"rule_version" text NOT NULL,
	"seed" text NOT NULL,
	"input_hash" text NOT NULL,
	"output_hash" text NOT NULL,
	"assignments" jsonb NOT NULL,
	"alerts" jsonb NOT NULL,
	"waitlisted" integer NOT NULL,
	"trigger" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_closure" (
	"organisation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"day" date NOT NULL,
	"slots" integer NOT NULL,
	"reason" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "appointment_closure_organisation_id_service_type_day_pk" PRIMARY KEY("organisation_id","service_type","day"),
	CONSTRAINT "appointment_closure_slots" CHECK ("appointment_closure"."slots" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointment_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"person_key" text NOT NULL,
	"priority_class" text NOT NULL,
	"deadline" date,
	"state" text DEFAULT 'submitted' NOT NULL,
	"ready_on" date,
	"accepts_earlier_slots" integer DEFAULT 1 NOT NULL,
	"short_notice_ok" integer DEFAULT 0 NOT NULL,
	"unavailable" date[] DEFAULT '{}'::date[] NOT NULL,
	"slot_id" uuid,
	"offer_expires_at" timestamp (3) with time zone,
	"reason" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "appointment_request_state" CHECK ("appointment_request"."state" in ('submitted', 'ready', 'offered', 'booked', 'attended', 'no-show', 'withdrawn')),
	CONSTRAINT "appointment_request_class" CHECK ("appointment_request"."priority_class" in ('emergency', 'statutory-deadline', 'document-need', 'standard')),
	CONSTRAINT "appointment_request_type" CHECK ("appointment_request"."service_type" in ('visa-application', 'residence-permit', 'counselling'))
);
--> statement-breakpoint
CREATE TABLE "appointment_service" (
	"organisation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"target_weeks" integer NOT NULL,
	"weekday_slots" integer[] NOT NULL,
	"first_start" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/Berlin' NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "appointment_service_organisation_id_service_type_pk" PRIMARY KEY("organisation_id","service_type"),
	CONSTRAINT "appointment_service_type" CHECK ("appointment_service"."service_type" in ('visa-application', 'residence-permit', 'counselling')),
	CONSTRAINT "appointment_service_minutes" CHECK ("appointment_service"."slot_minutes" between 5 and 240),
	CONSTRAINT "appointment_service_target" CHECK ("appointment_service"."target_weeks" between 1 and 52),
	CONSTRAINT "appointment_service_weekdays" CHECK (cardinality("appointment_service"."weekday_slots") = 5),
	CONSTRAINT "appointment_service_start" CHECK ("appointment_service"."first_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "appointment_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"day" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"request_id" uuid,
	"reserved_for" text,
	"release_reserved_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appointment_slot_state" CHECK ("appointment_slot"."state" in ('open', 'offered', 'booked', 'attended', 'no-show', 'cancelled')),
	CONSTRAINT "appointment_slot_held" CHECK (("appointment_slot"."state" in ('open', 'cancelled') and "appointment_slot"."request_id" is null) or ("appointment_slot"."state" not in ('open', 'cancelled') and "appointment_slot"."request_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "allocation_run" ADD CONSTRAINT "allocation_run_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_closure" ADD CONSTRAINT "appointment_closure_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_request" ADD CONSTRAINT "appointment_request_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_request" ADD CONSTRAINT "appointment_request_journey_id_journey_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_request" ADD CONSTRAINT "appointment_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_service" ADD CONSTRAINT "appointment_service_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slot" ADD CONSTRAINT "appointment_slot_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_run_point_idx" ON "allocation_run" USING btree ("organisation_id","service_type","ran_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_request_one_live_per_person" ON "appointment_request" USING btree ("person_id","service_type") WHERE "appointment_request"."state" in ('submitted', 'ready', 'offered', 'booked');--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_request_one_live_per_passport" ON "appointment_request" USING btree ("person_key","service_type") WHERE "appointment_request"."state" in ('submitted', 'ready', 'offered', 'booked');--> statement-breakpoint
CREATE INDEX "appointment_request_point_idx" ON "appointment_request" USING btree ("organisation_id","service_type","state");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slot_time" ON "appointment_slot" USING btree ("organisation_id","service_type","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slot_one_live_per_request" ON "appointment_slot" USING btree ("request_id") WHERE "appointment_slot"."state" in ('offered', 'booked');--> statement-breakpoint
CREATE INDEX "appointment_slot_open_idx" ON "appointment_slot" USING btree ("organisation_id","service_type","state","starts_at");
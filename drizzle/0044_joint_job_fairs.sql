CREATE TABLE "fair" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"time_zone" text NOT NULL,
	"countries" text[] NOT NULL,
	"occupations" text[] NOT NULL,
	"created_by" uuid,
	"created_by_organisation_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "fair_dates" CHECK ("fair"."ends_on" >= "fair"."starts_on"),
	CONSTRAINT "fair_title" CHECK (length("fair"."title") between 3 and 200)
);
--> statement-breakpoint
CREATE TABLE "fair_booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"fair_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"booked_at" timestamp (3) with time zone NOT NULL,
	"attendance" text,
	"outcome" text,
	"recorded_by" uuid,
	"recorded_at" timestamp (3) with time zone,
	"journey_id" uuid,
	"handed_off_at" timestamp (3) with time zone,
	"handed_off_by" uuid,
	CONSTRAINT "fair_booking_slot_key" UNIQUE("slot_id"),
	CONSTRAINT "fair_booking_attendance" CHECK (attendance is null or attendance in ('attended', 'no-show')),
	CONSTRAINT "fair_booking_outcome" CHECK (outcome is null or outcome in ('interested', 'offer', 'no-fit')),
	CONSTRAINT "fair_booking_outcome_attended" CHECK ("fair_booking"."outcome" is null or "fair_booking"."attendance" = 'attended')
);
--> statement-breakpoint
CREATE TABLE "fair_exhibitor" (
	"fair_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp (3) with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	CONSTRAINT "fair_exhibitor_fair_id_organisation_id_pk" PRIMARY KEY("fair_id","organisation_id"),
	CONSTRAINT "fair_exhibitor_status" CHECK (status in ('applied', 'approved', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "fair_registration" (
	"fair_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"country_code" text NOT NULL,
	"registered_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "fair_registration_fair_id_person_id_pk" PRIMARY KEY("fair_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "fair_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"capacity" integer NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "fair_session_capacity" CHECK ("fair_session"."capacity" between 1 and 100000),
	CONSTRAINT "fair_session_times" CHECK ("fair_session"."ends_at" > "fair_session"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "fair_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "fair_slot_minutes" CHECK ("fair_slot"."minutes" between 5 and 120)
);
--> statement-breakpoint
CREATE TABLE "fair_state" (
	"fair_id" uuid NOT NULL,
	"state_code" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp (3) with time zone,
	CONSTRAINT "fair_state_fair_id_state_code_pk" PRIMARY KEY("fair_id","state_code"),
	CONSTRAINT "fair_state_answer" CHECK (answer is null or answer in ('agreed', 'declined')),
	CONSTRAINT "fair_state_answered" CHECK (("fair_state"."answer" is null) = ("fair_state"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "fair" ADD CONSTRAINT "fair_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair" ADD CONSTRAINT "fair_created_by_organisation_id_organisation_id_fk" FOREIGN KEY ("created_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booking" ADD CONSTRAINT "fair_booking_slot_id_fair_slot_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."fair_slot"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booking" ADD CONSTRAINT "fair_booking_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booking" ADD CONSTRAINT "fair_booking_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booking" ADD CONSTRAINT "fair_booking_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booking" ADD CONSTRAINT "fair_booking_journey_id_journey_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journey"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booking" ADD CONSTRAINT "fair_booking_handed_off_by_person_id_fk" FOREIGN KEY ("handed_off_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_exhibitor" ADD CONSTRAINT "fair_exhibitor_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_exhibitor" ADD CONSTRAINT "fair_exhibitor_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_exhibitor" ADD CONSTRAINT "fair_exhibitor_applied_by_person_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_exhibitor" ADD CONSTRAINT "fair_exhibitor_decided_by_person_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_registration" ADD CONSTRAINT "fair_registration_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_registration" ADD CONSTRAINT "fair_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_session" ADD CONSTRAINT "fair_session_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_session" ADD CONSTRAINT "fair_session_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_slot" ADD CONSTRAINT "fair_slot_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_slot" ADD CONSTRAINT "fair_slot_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_slot" ADD CONSTRAINT "fair_slot_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_state" ADD CONSTRAINT "fair_state_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_state" ADD CONSTRAINT "fair_state_state_code_state_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."state"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_state" ADD CONSTRAINT "fair_state_answered_by_person_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fair_starts_idx" ON "fair" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "fair_booking_person_idx" ON "fair_booking" USING btree ("person_id","fair_id");--> statement-breakpoint
CREATE INDEX "fair_booking_fair_idx" ON "fair_booking" USING btree ("fair_id");--> statement-breakpoint
CREATE INDEX "fair_exhibitor_org_idx" ON "fair_exhibitor" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "fair_session_fair_idx" ON "fair_session" USING btree ("fair_id","starts_at");--> statement-breakpoint
CREATE INDEX "fair_slot_fair_idx" ON "fair_slot" USING btree ("fair_id","organisation_id","starts_at");
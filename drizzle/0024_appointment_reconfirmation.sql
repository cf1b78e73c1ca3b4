ALTER TABLE "appointment_request" DROP CONSTRAINT "appointment_request_state";--> statement-breakpoint
ALTER TABLE "appointment_request" ADD COLUMN "reconfirmed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "appointment_request" ADD COLUMN "deprioritised_until" date;--> statement-breakpoint
ALTER TABLE "appointment_request" ADD CONSTRAINT "appointment_request_state" CHECK ("appointment_request"."state" in ('submitted', 'ready', 'offered', 'booked', 'attended', 'no-show', 'withdrawn', 'released'));--> statement-breakpoint
UPDATE "appointment_request" SET "reconfirmed_at" = "updated_at" WHERE "state" = 'booked';

CREATE TABLE "erasure_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"reason" text,
	"handled_at" timestamp (3) with time zone,
	"handled_by" uuid,
	"outcome" text,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "erasure_request" ADD CONSTRAINT "erasure_request_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erasure_request_open_idx" ON "erasure_request" USING btree ("handled_at");
CREATE TABLE "document_checklist_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_kind" text NOT NULL,
	"pathway" text,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp (3) with time zone NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "document_checklist_version_key" UNIQUE NULLS NOT DISTINCT("step_kind","pathway","version"),
	CONSTRAINT "document_checklist_version_from_2" CHECK ("document_checklist_version"."version" >= 2),
	CONSTRAINT "document_checklist_reason_given" CHECK (length(trim("document_checklist_version"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "appointment_request" ADD COLUMN "checklist_version" integer;--> statement-breakpoint
ALTER TABLE "document_checklist_version" ADD CONSTRAINT "document_checklist_version_edited_by_person_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;
CREATE TABLE "companion_reminder" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"expires_on" date NOT NULL,
	"sent_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "companion_reminder_person_id_kind_expires_on_pk" PRIMARY KEY("person_id","kind","expires_on")
);
--> statement-breakpoint
ALTER TABLE "companion_reminder" ADD CONSTRAINT "companion_reminder_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;
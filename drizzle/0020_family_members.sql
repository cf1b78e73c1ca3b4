CREATE TABLE "family_member" (
	"journey_id" uuid PRIMARY KEY NOT NULL,
	"principal_journey_id" uuid NOT NULL,
	"member_person_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" date NOT NULL,
	"travel" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "family_member_relationship" CHECK (relationship in ('spouse', 'child')),
	CONSTRAINT "family_member_travel" CHECK (travel in ('with-principal', 'later'))
);
--> statement-breakpoint
ALTER TABLE "family_member" ADD CONSTRAINT "family_member_journey_id_journey_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_member" ADD CONSTRAINT "family_member_principal_journey_id_journey_id_fk" FOREIGN KEY ("principal_journey_id") REFERENCES "public"."journey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_member" ADD CONSTRAINT "family_member_member_person_id_person_id_fk" FOREIGN KEY ("member_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "family_member_principal_person_idx" ON "family_member" USING btree ("principal_journey_id","member_person_id");
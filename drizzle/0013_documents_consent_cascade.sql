ALTER TABLE "document_share" DROP CONSTRAINT "document_share_consent_id_consent_id_fk";
--> statement-breakpoint
ALTER TABLE "document_share" ADD CONSTRAINT "document_share_consent_id_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consent"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "audit_entry" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_chain_idx" ON "audit_entry" USING btree ("chain","seq");
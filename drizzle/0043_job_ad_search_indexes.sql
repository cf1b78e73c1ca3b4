DROP INDEX IF EXISTS "job_ad_trigram_idx";--> statement-breakpoint
CREATE INDEX "job_ad_updated_idx" ON "job_ad" USING btree ("updated_at");
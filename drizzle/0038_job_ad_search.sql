ALTER TABLE "job_ad" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_ad" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', search_text) || to_tsvector('english', search_text)) STORED;--> statement-breakpoint
CREATE INDEX "job_ad_published_idx" ON "job_ad" USING btree ("published_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "job_ad_words_idx" ON "job_ad" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "job_ad_trigram_idx" ON "job_ad" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
UPDATE "job_ad" SET "search_text" = concat_ws(' · ', nullif("job_ad"."title_de", ''), nullif("job_ad"."title_en", ''), "occupation"."title_de", "occupation"."title_en") FROM "occupation" WHERE "occupation"."kldb" = "job_ad"."occupation_kldb";

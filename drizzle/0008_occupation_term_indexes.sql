DROP INDEX "occupation_term_trgm_idx";--> statement-breakpoint
CREATE INDEX "occupation_term_fts_idx" ON "occupation_term" USING gin (to_tsvector('simple', "term"));--> statement-breakpoint
CREATE INDEX "occupation_term_trgm_idx" ON "occupation_term" USING gin (lower("term") gin_trgm_ops);
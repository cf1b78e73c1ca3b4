CREATE TABLE "pathway_answers" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pathway_answers_token_hash_format" CHECK ("pathway_answers"."token_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "pathway_answers_expires_idx" ON "pathway_answers" USING btree ("expires_at");
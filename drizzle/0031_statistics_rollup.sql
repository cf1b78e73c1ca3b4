CREATE TABLE "statistics_rollup" (
	"week" date NOT NULL,
	"state_code" text NOT NULL,
	"step" text NOT NULL,
	"filed" integer NOT NULL,
	"decided" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"with_deadline" integer NOT NULL,
	"within_deadline" integer NOT NULL,
	"durations" jsonb NOT NULL,
	CONSTRAINT "statistics_rollup_week_state_code_step_pk" PRIMARY KEY("week","state_code","step")
);
--> statement-breakpoint
CREATE TABLE "statistics_rollup_run" (
	"id" integer PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	"cases" integer NOT NULL
);

CREATE TABLE "waiting_times_snapshot" (
	"as_of" date PRIMARY KEY NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	"figures" jsonb NOT NULL
);

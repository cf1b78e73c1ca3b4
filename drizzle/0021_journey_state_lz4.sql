-- The projection's `state` (the folded journey, ~9 kB of JSON) is compressed with LZ4 where the server has it:
-- about 40 % less time to write a journey than with the default pglz, measured with COPY of 20 000 journeys on
-- PostgreSQL 15 (issue 7, `seed --scale`). Servers built without LZ4 (PGlite) keep pglz.
DO $$
BEGIN
  ALTER TABLE journey ALTER COLUMN state SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR undefined_object THEN
  RAISE NOTICE 'lz4 not available, journey.state keeps the default compression';
END
$$;

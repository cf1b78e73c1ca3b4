-- Appends one audit entry in a single round trip (issue 7, benchmark): takes the chain's lock, reads the chain's
-- newest entry with a fresh snapshot, computes the entry's hash exactly as src/platform/audit/audit.ts
-- (canonicalEntry, chainHash) does, and inserts it. The lock is then held for one call and the commit instead
-- of three round trips. `chancenregion audit verify` recomputes every hash in TypeScript, so the two must agree.
CREATE OR REPLACE FUNCTION audit_json(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN 'null' ELSE to_json(v)::text END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_append(
  p_chain smallint,
  p_at timestamptz,
  p_actor_person_id uuid,
  p_actor_role text,
  p_actor_organisation_id uuid,
  p_action text,
  p_object_type text,
  p_object_id text,
  p_subject_person_id uuid,
  p_purpose text,
  p_result text,
  OUT out_seq bigint,
  OUT out_hash text
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_prev text;
  v_last_at timestamptz;
  v_at timestamptz;
  v_canonical text;
BEGIN
  -- Same key as the TypeScript fallback: (7 301 2024, chain). A volatile function takes a new snapshot for each
  -- statement, so the SELECT below sees the entry of a transaction that committed while we waited.
  PERFORM pg_advisory_xact_lock(73012024, p_chain);
  SELECT e.hash, e.at INTO v_prev, v_last_at FROM audit_entry e WHERE e.chain = p_chain ORDER BY e.seq DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_at := date_trunc('milliseconds', p_at);
  IF v_last_at IS NOT NULL AND v_last_at > v_at THEN
    v_at := v_last_at;
  END IF;
  v_canonical := '{"action":' || audit_json(p_action)
    || ',"actorOrganisationId":' || audit_json(p_actor_organisation_id::text)
    || ',"actorPersonId":' || audit_json(p_actor_person_id::text)
    || ',"actorRole":' || audit_json(p_actor_role)
    || ',"at":' || audit_json(to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    || ',"objectId":' || audit_json(p_object_id)
    || ',"objectType":' || audit_json(p_object_type)
    || ',"prevHash":' || audit_json(v_prev)
    || ',"purpose":' || audit_json(p_purpose)
    || ',"result":' || audit_json(p_result)
    || ',"subjectPersonId":' || audit_json(p_subject_person_id::text)
    || '}';
  out_hash := encode(sha256(convert_to(v_prev || E'\n' || v_canonical, 'UTF8')), 'hex');
  INSERT INTO audit_entry (chain, at, actor_person_id, actor_role, actor_organisation_id, action, object_type,
    object_id, subject_person_id, purpose, result, prev_hash, hash)
  VALUES (p_chain, v_at, p_actor_person_id, p_actor_role, p_actor_organisation_id, p_action, p_object_type,
    p_object_id, p_subject_person_id, p_purpose, p_result, v_prev, out_hash)
  RETURNING seq INTO out_seq;
END
$$;

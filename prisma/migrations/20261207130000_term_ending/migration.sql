-- "term.ending" (issue 23): 14 days before a holder's term ends, an event says so. What the trigger of a term
-- (20261207090000_slot_terms) queues is now one function of the slot, which the trigger calls and each worker calls
-- at its start for every slot with a term (lib/server/slots/slot-terms.ts, queueEveryTerm): the job that applies the
-- term, keyed by the slot, and the announcement, keyed by the slot too. A later change replaces both; the tasks check
-- that the term is still as they were queued for (and an announcement not made already).
CREATE OR REPLACE FUNCTION "remit_queue_slot_term_of"(s "slot") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regnamespace('graphile_worker') IS NULL
    OR EXISTS (SELECT 1 FROM "organization" o WHERE o."id" = s."organization_id" AND o."draft_of_id" IS NOT NULL) THEN
    RETURN;
  END IF;
  PERFORM graphile_worker.add_job('slot.term', json_build_object('slotId', s."id"),
    run_at => least(s."holder_until", s."next_holder_from"), max_attempts => 5,
    job_key => 'slot.term:' || s."id", job_key_mode => 'replace');
  IF s."holder_until" IS NOT NULL AND s."holder_id" IS NOT NULL THEN
    PERFORM graphile_worker.add_job('slot.term-ending',
      json_build_object('slotId', s."id", 'until', to_char(s."holder_until" AT TIME ZONE 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
      run_at => s."holder_until" - interval '14 days', max_attempts => 5,
      job_key => 'slot.term-ending:' || s."id", job_key_mode => 'replace');
  END IF;
END;
$$;

CREATE OR REPLACE FUNCTION "remit_queue_slot_term"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM remit_queue_slot_term_of(NEW);
  RETURN NULL;
END;
$$;

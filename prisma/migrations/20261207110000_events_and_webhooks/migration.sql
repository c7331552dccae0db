-- Events (issue 23): what happened that someone may want to hear of, recorded in the transaction of the change that
-- caused it, and the webhook endpoints that hear of them, with one delivery per event and endpoint.
CREATE TABLE "event" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "event_organization_id_at_idx" ON "event"("organization_id", "at");
ALTER TABLE "event" ADD CONSTRAINT "event_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "webhook_endpoint" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "format" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "last_success_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "disabled_reason" TEXT,
    CONSTRAINT "webhook_endpoint_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_endpoint_organization_id_idx" ON "webhook_endpoint"("organization_id");
ALTER TABLE "webhook_endpoint" ADD CONSTRAINT "webhook_endpoint_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "webhook_delivery" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "response_status" INTEGER,
    "response_excerpt" TEXT,
    "duration_ms" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_attempt_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_delivery_endpoint_id_created_at_idx" ON "webhook_delivery"("endpoint_id", "created_at");
CREATE INDEX "webhook_delivery_event_id_idx" ON "webhook_delivery"("event_id");
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Flag events: the first journal entry of each group (per organisation) queues one job that works out, after the
-- commit, the flags the group introduced and resolved (lib/server/events/flag-events.ts). Every write that changes
-- the map is journalled by triggers, so none can forget it. Queued only when someone listens: an enabled endpoint
-- of the organisation (a draft's: of its live organisation) subscribed to a flag event; otherwise the cost is one
-- lookup per group, and nothing per further entry of it (the transaction-local setting remembers the group).
-- Seeds, a new organisation and a draft's copy of live introduce nothing anyone asked to hear of. Before the job
-- queue's tables exist (every app server makes them at start), a write is never refused for want of them.
CREATE FUNCTION "remit_queue_flag_events"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seen TEXT := NEW.organization_id || ':' || NEW.group_id;
BEGIN
  IF current_setting('remit.flag_events', true) IS NOT DISTINCT FROM seen THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('remit.flag_events', seen, true);
  IF NEW.action IN ('organization.create', 'system.seed', 'draft.create') THEN
    RETURN NULL;
  END IF;
  IF EXISTS (
    SELECT 1 FROM "organization" o JOIN "webhook_endpoint" w ON w.organization_id = coalesce(o.draft_of_id, o.id)
    WHERE o.id = NEW.organization_id AND w.disabled_at IS NULL
      AND w.events && ARRAY['flag.introduced', 'flag.resolved']
  ) AND to_regnamespace('graphile_worker') IS NOT NULL THEN
    PERFORM graphile_worker.add_job(
      'events.flags',
      json_build_object('organizationId', NEW.organization_id, 'groupId', NEW.group_id),
      max_attempts => 5,
      job_key => 'events.flags:' || seen,
      job_key_mode => 'replace');
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "queue_flag_events" AFTER INSERT ON "journal_entry" FOR EACH ROW EXECUTE FUNCTION "remit_queue_flag_events"();

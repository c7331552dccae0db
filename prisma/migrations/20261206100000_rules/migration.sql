-- The organisation's rules (lib/domain/rules.ts): one row per rule whose settings differ from its defaults.
CREATE TABLE "rule" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "exempt_teams" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rule_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "rule_organization_id_rule_id_key" ON "rule"("organization_id", "rule_id");

ALTER TABLE "rule" ADD CONSTRAINT "rule_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Journalled like the map's tables (entity "rule"): the same function records the row before and after, and refuses
-- a change whose writer did not name itself; rows go unjournalled only with their organisation. No map is copied
-- into this table (a draft uses its live organisation's rules), so it needs no copy guard.
CREATE TRIGGER "journal" AFTER INSERT OR UPDATE OR DELETE ON "rule" FOR EACH ROW EXECUTE FUNCTION "remit_journal_row"();

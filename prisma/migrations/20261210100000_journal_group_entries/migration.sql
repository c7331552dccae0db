-- An action's entries in order: History reads the first 50 of each action it shows, and counts the rest, without
-- reading every row of a large one (a 1,000-team import is one action of tens of thousands of entries).
DROP INDEX "journal_entry_organization_id_group_id_idx";
CREATE INDEX "journal_entry_organization_id_group_id_id_idx" ON "journal_entry"("organization_id", "group_id", "id");

-- One organisation's journal from a moment on (time travel, restore, health history) is read by time: an index that
-- leads with the organisation and the time keeps that proportional to the organisation's own recent entries, instead
-- of scanning every organisation's journal.
CREATE INDEX "journal_entry_organization_id_at_idx" ON "journal_entry"("organization_id", "at");

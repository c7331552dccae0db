-- Journal checkpoints: the map's rows at a moment, in parts (everything but cells, then each team's cells), so that
-- time travel rewinds at most the entries between two checkpoints, whatever the journal's length.
CREATE TABLE "journal_checkpoint" (
    "organization_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "part" TEXT NOT NULL,
    "rows" BYTEA NOT NULL,

    CONSTRAINT "journal_checkpoint_pkey" PRIMARY KEY ("organization_id","at","part")
);

ALTER TABLE "journal_checkpoint" ADD CONSTRAINT "journal_checkpoint_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The undo's check for later changes that point at what it deletes (refs && ids) without reading every later entry.
CREATE INDEX "journal_entry_refs_idx" ON "journal_entry" USING GIN ("refs");

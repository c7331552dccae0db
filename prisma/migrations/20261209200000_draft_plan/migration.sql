-- A draft made by a suggested plan keeps what the plan said: its summary, what it could not clear, and each change
-- with the flags it resolves (shown beside the changes on the compare page).
ALTER TABLE "draft" ADD COLUMN "plan" JSONB;

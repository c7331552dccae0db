-- Server-side sessions: signing out ends a session for good, not only in the browser that signed out.
CREATE TABLE "user_session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "user_session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "user_session_user_id_idx" ON "user_session"("user_id");
CREATE INDEX "user_session_expires_at_idx" ON "user_session"("expires_at");
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rate limits count requests per window in one row instead of one row per request.
DROP TABLE "rate_limit_event";
CREATE TABLE "rate_limit_counter" (
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("bucket", "key", "window_start")
);
CREATE INDEX "rate_limit_counter_window_start_idx" ON "rate_limit_counter"("window_start");

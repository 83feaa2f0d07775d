-- When a session was last used (Unix seconds): a session unused for longer than the idle
-- limit (auth::SESSION_IDLE_SECONDS) ends, whatever its lifetime. Sessions from before
-- this column have 0, so they end: staff log in once more.
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;

-- When a session was last used (Unix seconds): a session unused for longer than the idle
-- limit (auth::SESSION_IDLE_SECONDS) ends, whatever its lifetime. Sessions from before
-- this column have 0, so they end: staff log in once more.
-- PostgreSQL twin of migrations/sqlite/0009.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;

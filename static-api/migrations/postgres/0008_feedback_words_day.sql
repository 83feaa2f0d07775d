-- The day an after-show answer's own words were given, so they can be removed after the
-- retention period (one year by default). Only the day: nothing finer.
-- PostgreSQL twin of migrations/sqlite/0008 (today as 'YYYY-MM-DD' text, in UTC like
-- SQLite's date('now')).
ALTER TABLE culture_feedback_words ADD COLUMN day TEXT NOT NULL DEFAULT '';
UPDATE culture_feedback_words SET day = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') WHERE day = '';
CREATE INDEX culture_feedback_words_by_day ON culture_feedback_words (day);

-- The day an after-show answer's own words were given, so they can be removed after the
-- retention period (one year by default). Only the day: nothing finer.
ALTER TABLE culture_feedback_words ADD COLUMN day TEXT NOT NULL DEFAULT '';
UPDATE culture_feedback_words SET day = date('now') WHERE day = '';
CREATE INDEX culture_feedback_words_by_day ON culture_feedback_words (day);

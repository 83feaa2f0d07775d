-- Culture Matcher insight: anonymous counts per centre, show and day. Nothing here can
-- tell one young person from another: no device id, no session, no address, no time of day.

-- How often a show was shown in the swipe, hearted, crossed, suggested, saved, shared
-- and had its ticket link opened.
CREATE TABLE culture_interaction_daily (
    centre_id TEXT NOT NULL,
    show_id TEXT NOT NULL,
    day TEXT NOT NULL,
    interaction TEXT NOT NULL CHECK (interaction IN
        ('shown', 'heart', 'cross', 'suggested', 'saved', 'shared', 'ticket')),
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (centre_id, show_id, day, interaction)
);

-- The after-show chat as counts: how many gave each rating, and how many would (not)
-- like to see something similar.
CREATE TABLE culture_feedback_daily (
    centre_id TEXT NOT NULL,
    show_id TEXT NOT NULL,
    day TEXT NOT NULL,
    rating_1 INTEGER NOT NULL DEFAULT 0,
    rating_2 INTEGER NOT NULL DEFAULT 0,
    rating_3 INTEGER NOT NULL DEFAULT 0,
    rating_4 INTEGER NOT NULL DEFAULT 0,
    rating_5 INTEGER NOT NULL DEFAULT 0,
    similar_yes INTEGER NOT NULL DEFAULT 0,
    similar_no INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (centre_id, show_id, day)
);

-- The optional own words, without date or rating; only the newest
-- FEEDBACK_WORDS_KEPT (suite-domain) per show are kept.
CREATE TABLE culture_feedback_words (
    id INTEGER PRIMARY KEY,
    centre_id TEXT NOT NULL,
    show_id TEXT NOT NULL,
    words TEXT NOT NULL
);

CREATE INDEX culture_feedback_words_by_show ON culture_feedback_words (centre_id, show_id, id);

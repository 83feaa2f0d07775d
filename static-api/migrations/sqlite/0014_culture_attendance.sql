-- Culture Matcher (issue 13): whether young people went to a saved show or not, counted
-- per show and day like the other interactions ('went' when they rate it in the
-- after-show chat, 'not_gone' for "Ik ben niet gegaan"). SQLite cannot change a CHECK,
-- so the table is made again with the same rows.
CREATE TABLE culture_interaction_daily_new (
    centre_id TEXT NOT NULL,
    show_id TEXT NOT NULL,
    day TEXT NOT NULL,
    interaction TEXT NOT NULL CHECK (interaction IN
        ('shown', 'heart', 'cross', 'suggested', 'saved', 'shared', 'ticket', 'went', 'not_gone')),
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (centre_id, show_id, day, interaction)
);
INSERT INTO culture_interaction_daily_new (centre_id, show_id, day, interaction, count)
SELECT centre_id, show_id, day, interaction, count FROM culture_interaction_daily;
DROP TABLE culture_interaction_daily;
ALTER TABLE culture_interaction_daily_new RENAME TO culture_interaction_daily;

-- PostgreSQL twin of migrations/sqlite/0014.
-- Culture Matcher (issue 13): whether young people went to a saved show or not, counted
-- per show and day like the other interactions ('went' when they rate it in the
-- after-show chat, 'not_gone' for "Ik ben niet gegaan").
ALTER TABLE culture_interaction_daily DROP CONSTRAINT culture_interaction_daily_interaction_check;
ALTER TABLE culture_interaction_daily ADD CONSTRAINT culture_interaction_daily_interaction_check
    CHECK (interaction IN
        ('shown', 'heart', 'cross', 'suggested', 'saved', 'shared', 'ticket', 'went', 'not_gone'));

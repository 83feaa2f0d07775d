-- Culture Matcher (programme source): where a centre's programme comes from in UiTdatabank,
-- a search URL ('search_url') or the centre's organiser id ('organiser'), set by its
-- staff in the back-office; the scheduled refresh (serve --programme-refresh) imports
-- it for every centre with an active Culture Matcher subscription. One row per centre;
-- no row: the programme is only imported by hand.
CREATE TABLE culture_programme_sources (
    centre_id TEXT NOT NULL PRIMARY KEY,
    org_kind TEXT NOT NULL DEFAULT 'centre' CHECK (org_kind = 'centre'),
    kind TEXT NOT NULL CHECK (kind IN ('search_url', 'organiser')),
    value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 2000),
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    FOREIGN KEY (org_kind, centre_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

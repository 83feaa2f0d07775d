-- Culture Matcher: each centre's venues (with the centre's own notes on getting there)
-- and shows, imported from UiTdatabank or made by staff. The published programme
-- (/data/culture-matcher/<centre>.json) is built from these tables.
-- PostgreSQL twin of migrations/sqlite/0004 (there is no 0003 in either set).
CREATE TABLE culture_venues (
    centre_id TEXT NOT NULL,
    org_kind TEXT NOT NULL DEFAULT 'centre' CHECK (org_kind = 'centre'),
    id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    -- The Venue as JSON; the notes below override its note fields.
    venue TEXT NOT NULL,
    transport_note TEXT,
    bike_note TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (centre_id, id),
    FOREIGN KEY (org_kind, centre_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

CREATE TABLE culture_shows (
    centre_id TEXT NOT NULL,
    org_kind TEXT NOT NULL DEFAULT 'centre' CHECK (org_kind = 'centre'),
    id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    -- 'import': from UiTdatabank, updated by every import; 'staff': made in the
    -- back-office, never touched by an import.
    origin TEXT NOT NULL CHECK (origin IN ('import', 'staff')),
    -- The centre chose the show for the swipe; imports keep this choice.
    in_swipe BIGINT NOT NULL DEFAULT 0 CHECK (in_swipe IN (0, 1)),
    -- The Show as JSON.
    show TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (centre_id, id),
    FOREIGN KEY (org_kind, centre_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

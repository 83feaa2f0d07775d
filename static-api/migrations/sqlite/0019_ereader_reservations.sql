-- E-book reservations (the e-reader): a title's queue, first come first served, as
-- suite_domain::lending::Title keeps it. A place is suspended (skipped when a licence
-- frees up) or holds a licence for the member until `hold_until`. A place that ends keeps
-- its row with how it ended, for the statistics per title (queue lengths, hold
-- expiries): taken (borrowed), cancelled, passed (the hold declined) or expired (the
-- hold's time ran out). The limits are held by unique slots among open places, like the
-- loans': a member has at most 2 places (member, reservation_slot) and one per title.
--
-- Reading history is off by default: a loan or place that ended loses its member
-- (member_id NULL) unless the member chose to keep their history (keep_history = 1);
-- the statistics per title need no member. Loans that ended before this migration
-- lose theirs now.

CREATE TABLE ereader_reservations (
    id INTEGER PRIMARY KEY,
    title_id BIGINT NOT NULL REFERENCES ereader_titles (id) ON DELETE CASCADE,
    member_id BIGINT REFERENCES ereader_members (id) ON DELETE CASCADE,
    reservation_slot BIGINT NOT NULL CHECK (reservation_slot >= 0),
    -- Unix seconds (the server's clock), like the loans'.
    since BIGINT NOT NULL,
    suspended BIGINT NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    hold_until BIGINT,
    ended_at BIGINT,
    ended_how TEXT CHECK (ended_how IN ('taken', 'cancelled', 'passed', 'expired')),
    CHECK ((ended_at IS NULL) = (ended_how IS NULL)),
    CHECK (hold_until IS NULL OR suspended = 0),
    CHECK (member_id IS NOT NULL OR ended_at IS NOT NULL)
);
CREATE UNIQUE INDEX ereader_reservations_member_slot ON ereader_reservations (member_id, reservation_slot) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX ereader_reservations_member_title ON ereader_reservations (member_id, title_id) WHERE ended_at IS NULL;
CREATE INDEX ereader_reservations_queue ON ereader_reservations (title_id, since, id) WHERE ended_at IS NULL;
CREATE INDEX ereader_reservations_holds ON ereader_reservations (hold_until) WHERE ended_at IS NULL AND hold_until IS NOT NULL;
CREATE INDEX ereader_reservations_by_title ON ereader_reservations (title_id, ended_how);

ALTER TABLE ereader_members ADD COLUMN keep_history BIGINT NOT NULL DEFAULT 0 CHECK (keep_history IN (0, 1));

-- SQLite cannot drop a NOT NULL: the loans' table is made anew, as 0018 made it but
-- for a member that an ended loan may lose.
CREATE TABLE ereader_loans_new (
    id INTEGER PRIMARY KEY,
    title_id BIGINT NOT NULL REFERENCES ereader_titles (id) ON DELETE CASCADE,
    member_id BIGINT REFERENCES ereader_members (id) ON DELETE CASCADE,
    licence_slot BIGINT NOT NULL CHECK (licence_slot >= 0),
    loan_slot BIGINT NOT NULL CHECK (loan_slot >= 0),
    started_at BIGINT NOT NULL,
    until_at BIGINT NOT NULL,
    ended_at BIGINT,
    ended_how TEXT CHECK (ended_how IN ('returned', 'expired')),
    position TEXT,
    CHECK ((ended_at IS NULL) = (ended_how IS NULL)),
    CHECK (member_id IS NOT NULL OR ended_at IS NOT NULL)
);
INSERT INTO ereader_loans_new (id, title_id, member_id, licence_slot, loan_slot, started_at, until_at, ended_at, ended_how, position)
    SELECT id, title_id, CASE WHEN ended_at IS NULL THEN member_id END, licence_slot, loan_slot,
        started_at, until_at, ended_at, ended_how, CASE WHEN ended_at IS NULL THEN position END
    FROM ereader_loans;
DROP TABLE ereader_loans;
ALTER TABLE ereader_loans_new RENAME TO ereader_loans;
CREATE UNIQUE INDEX ereader_loans_licence ON ereader_loans (title_id, licence_slot) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX ereader_loans_member_slot ON ereader_loans (member_id, loan_slot) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX ereader_loans_member_title ON ereader_loans (member_id, title_id) WHERE ended_at IS NULL;
CREATE INDEX ereader_loans_running ON ereader_loans (until_at) WHERE ended_at IS NULL;
CREATE INDEX ereader_loans_history ON ereader_loans (member_id, ended_at) WHERE ended_at IS NOT NULL;

-- Bookmarks and highlights: each member's own per title, kept apart by kind. They go
-- when the member's loan of the title ends, unless the member keeps their reading
-- history (then the next loan of the title shows them again).
CREATE TABLE ereader_annotations (
    id INTEGER PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES ereader_members (id) ON DELETE CASCADE,
    title_id BIGINT NOT NULL REFERENCES ereader_titles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('bookmark', 'highlight')),
    -- Where in the book: suite_domain::ereader::AnnotationPlace as JSON.
    place TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX ereader_annotations_of ON ereader_annotations (member_id, title_id, kind);

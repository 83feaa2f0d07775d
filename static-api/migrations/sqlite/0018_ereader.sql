-- E-book lending (the e-reader): the libraries that take part with the population they
-- serve, the titles of the shared collection (the EPUB files stay in the data folder,
-- never under public/), members (card number as SHA-256, PIN as argon2id: no name, no
-- address), their sessions, loans and reservations. The rules are
-- suite_domain::lending; the limits are held by unique slots, each free again when its
-- row ends: a licence lends to one member at a time (title, licence_slot), a member has
-- at most 2 loans (member, loan_slot) and 2 reservations (member, reservation_slot),
-- and never two loans of one title.

CREATE TABLE ereader_libraries (
    org_kind TEXT NOT NULL DEFAULT 'library' CHECK (org_kind = 'library'),
    library_id TEXT NOT NULL PRIMARY KEY,
    population BIGINT NOT NULL CHECK (population >= 0),
    joined_at TEXT NOT NULL,
    FOREIGN KEY (org_kind, library_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

CREATE TABLE ereader_titles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    -- JSON array of the creators, in the package's order.
    creators TEXT NOT NULL,
    language TEXT NOT NULL,
    -- The EPUB file: <data-dir>/ereader/<sha256>.epub
    file_sha256 TEXT NOT NULL UNIQUE,
    file_bytes BIGINT NOT NULL,
    -- Licences set by hand (NULL: they follow the rule of the population served).
    licences_set BIGINT CHECK (licences_set >= 0),
    -- The licences in force.
    licences BIGINT NOT NULL CHECK (licences >= 0),
    -- 1: a member may download the book for an e-reader device during the loan.
    download BIGINT NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL
);

CREATE TABLE ereader_members (
    id INTEGER PRIMARY KEY,
    library_id TEXT NOT NULL REFERENCES ereader_libraries (library_id) ON DELETE CASCADE,
    card_hash TEXT NOT NULL UNIQUE,
    pin_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE ereader_sessions (
    -- SHA-256 of the cookie token.
    token_hash TEXT PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES ereader_members (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX ereader_sessions_by_member ON ereader_sessions (member_id);

CREATE TABLE ereader_loans (
    id INTEGER PRIMARY KEY,
    title_id BIGINT NOT NULL REFERENCES ereader_titles (id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES ereader_members (id) ON DELETE CASCADE,
    licence_slot BIGINT NOT NULL CHECK (licence_slot >= 0),
    loan_slot BIGINT NOT NULL CHECK (loan_slot >= 0),
    -- Unix seconds (the server's clock).
    started_at BIGINT NOT NULL,
    until_at BIGINT NOT NULL,
    ended_at BIGINT,
    ended_how TEXT CHECK (ended_how IN ('returned', 'expired')),
    -- Where the member is in the book (suite_domain::ereader::ReadingPosition as JSON),
    -- so another device continues there; gone with the loan's row.
    position TEXT,
    CHECK ((ended_at IS NULL) = (ended_how IS NULL))
);
CREATE UNIQUE INDEX ereader_loans_licence ON ereader_loans (title_id, licence_slot) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX ereader_loans_member_slot ON ereader_loans (member_id, loan_slot) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX ereader_loans_member_title ON ereader_loans (member_id, title_id) WHERE ended_at IS NULL;
CREATE INDEX ereader_loans_running ON ereader_loans (until_at) WHERE ended_at IS NULL;

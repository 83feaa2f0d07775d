-- Organisations, staff accounts with roles, and server-side sessions.
CREATE TABLE organisations (
    kind TEXT NOT NULL CHECK (kind IN ('library', 'centre', 'company')),
    id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL,
    town TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (kind, id)
);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    -- PHC string of an argon2id hash.
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    org_kind TEXT,
    org_id TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    FOREIGN KEY (org_kind, org_id) REFERENCES organisations (kind, id) ON DELETE CASCADE,
    CHECK (
        (role = 'admin' AND org_kind IS NULL AND org_id IS NULL)
        OR (role = 'library_staff' AND org_kind = 'library' AND org_id IS NOT NULL)
        OR (role = 'centre_staff' AND org_kind = 'centre' AND org_id IS NOT NULL)
        OR (role = 'company' AND org_kind = 'company' AND org_id IS NOT NULL)
    )
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie token: a stolen database does not hold live tokens.
    token_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE INDEX sessions_by_staff ON sessions (staff_id);

-- Running the service (issue 12): archived organisations, library branches,
-- subscriptions per organisation and app with their history, staff managers and
-- disabled accounts, invitation links, sessions' start and device, the audit log.

-- An archived organisation keeps its history; its staff can no longer log in.
ALTER TABLE organisations ADD COLUMN archived_at TEXT;

-- A manager may invite colleagues into their own organisation and reset or disable
-- their accounts. A disabled account cannot log in; its sessions ended when it was
-- disabled. An account that has not yet set its password (invited, or reset) has an
-- empty password_hash, which never verifies.
ALTER TABLE staff ADD COLUMN manager INTEGER NOT NULL DEFAULT 0 CHECK (manager IN (0, 1));
ALTER TABLE staff ADD COLUMN disabled_at TEXT;

-- When a session began (Unix seconds) and on what (a short description of the
-- browser), for the list of one's own sessions.
ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';

CREATE TABLE library_branches (
    org_kind TEXT NOT NULL DEFAULT 'library' CHECK (org_kind = 'library'),
    library_id TEXT NOT NULL,
    id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    name TEXT NOT NULL,
    -- The branch's location id in the catalogue (availability by branch).
    location_id TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (library_id, id),
    FOREIGN KEY (org_kind, library_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

-- One row per organisation and app: where the subscription stands now.
CREATE TABLE subscriptions (
    org_kind TEXT NOT NULL,
    org_id TEXT NOT NULL,
    app TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('requested', 'active', 'paused', 'ended')),
    requested_at TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    -- Set when it was switched on (the first time, and again after an end).
    active_from TEXT,
    changed_at TEXT NOT NULL,
    -- The e-book service: inhabitants the library serves.
    population INTEGER,
    PRIMARY KEY (org_kind, org_id, app),
    FOREIGN KEY (org_kind, org_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

-- Every change of a subscription, for the figures over time.
CREATE TABLE subscription_changes (
    id INTEGER PRIMARY KEY,
    org_kind TEXT NOT NULL,
    org_id TEXT NOT NULL,
    app TEXT NOT NULL,
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    by_email TEXT NOT NULL
);
CREATE INDEX subscription_changes_by_app ON subscription_changes (app, at);

-- One-time links: an invitation to set one's password (a new account, or a reset).
-- Only the SHA-256 of the link's token is stored.
CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX invitations_by_staff ON invitations (staff_id);

-- What staff did: who, what, for which organisation, when. No passwords, no data of
-- children or teenagers. Kept a year by default (the scheduled tidy removes older rows).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_email TEXT NOT NULL,
    org_kind TEXT,
    org_id TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_org ON audit_log (org_kind, org_id, at);
CREATE INDEX audit_log_by_time ON audit_log (at);

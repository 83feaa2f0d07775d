-- Login limits shared by several server instances (PostgreSQL; a single SQLite process
-- keeps them in memory, the table stays empty there). Keys are SHA-256 hashes of the
-- email and client address, never the email or the address; rows older than the
-- longest delay are removed as attempts come in.
CREATE TABLE login_limits (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    since_ms BIGINT NOT NULL
);

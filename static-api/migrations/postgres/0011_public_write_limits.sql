-- Limits on the public writes shared by several server instances (PostgreSQL; a single
-- SQLite process keeps them in memory, the tables stay empty there). Slots are SHA-256
-- hashes of a secret, the day and the client address: no address is stored, and slots
-- change daily. Tokens are kept in thousandths.
CREATE TABLE public_write_buckets (
    slot TEXT PRIMARY KEY,
    milli_tokens BIGINT NOT NULL,
    at_ms BIGINT NOT NULL
);
CREATE TABLE public_write_words (
    day TEXT NOT NULL,
    slot TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, slot)
);

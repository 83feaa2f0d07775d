-- Bieblo: each kiosk's heartbeat, so staff learn that a kiosk is gone or cannot load its
-- library's book list while the child at the kiosk keeps seeing the last good one.
-- (0015 is another change's number.)

-- When the server last heard from the kiosk (RFC 3339, UTC).
ALTER TABLE bieblo_branch_kiosks ADD COLUMN last_seen_at TEXT;
-- The generated_at of the book list the kiosk showed then.
ALTER TABLE bieblo_branch_kiosks ADD COLUMN data_from TEXT;
-- What the kiosk reported going wrong, a code of `KioskProblem` ('snapshot': it could
-- not load the book list and shows older data; no CHECK, so a new code needs no table
-- rebuild on SQLite), and since when it reports it.
ALTER TABLE bieblo_branch_kiosks ADD COLUMN problem TEXT;
ALTER TABLE bieblo_branch_kiosks ADD COLUMN problem_since TEXT;

-- Bieblo: kiosk settings per library, anonymous daily counts, and import runs.
CREATE TABLE bieblo_kiosks (
    library_id TEXT PRIMARY KEY,
    org_kind TEXT NOT NULL DEFAULT 'library' CHECK (org_kind = 'library'),
    branch TEXT NOT NULL,
    idle_seconds INTEGER NOT NULL CHECK (idle_seconds BETWEEN 15 AND 600),
    active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    FOREIGN KEY (org_kind, library_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

-- Only counts: nothing here can tell one child from another.
CREATE TABLE bieblo_daily (
    library_id TEXT NOT NULL,
    day TEXT NOT NULL,
    visits INTEGER NOT NULL DEFAULT 0,
    tips INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (library_id, day)
);

CREATE TABLE bieblo_theme_daily (
    library_id TEXT NOT NULL,
    day TEXT NOT NULL,
    theme TEXT NOT NULL,
    likes INTEGER NOT NULL DEFAULT 0,
    dislikes INTEGER NOT NULL DEFAULT 0,
    tips INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (library_id, day, theme)
);

CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    org_kind TEXT NOT NULL,
    org_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    -- The ImportReport as JSON.
    report TEXT NOT NULL
);

CREATE INDEX import_runs_by_org ON import_runs (org_kind, org_id, id);

-- A library's own themes (labels, pictures, catalogue terms), edited in the back-office.
-- No row: the library uses the ten default themes.
-- PostgreSQL twin of migrations/sqlite/0006.
CREATE TABLE bieblo_themes (
    library_id TEXT PRIMARY KEY,
    org_kind TEXT NOT NULL DEFAULT 'library' CHECK (org_kind = 'library'),
    -- JSON array of suite_domain::bieblo::Theme, checked by check_themes before saving.
    themes TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (org_kind, library_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);

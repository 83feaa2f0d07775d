-- Voor de Show: the theatre companies a centre invited, the companies' shows (their show
-- data as JSON, checked before stored) and uploads, the centre's school performances
-- with their class codes, and what classes did per code, assignment and day (no address,
-- no time finer than the day, no personal data).

CREATE TABLE vds_centre_companies (
    centre_id TEXT NOT NULL,
    company_id TEXT NOT NULL,
    invited_at TEXT NOT NULL,
    invited_by TEXT NOT NULL,
    PRIMARY KEY (centre_id, company_id)
);
CREATE INDEX vds_centre_companies_by_company ON vds_centre_companies (company_id);

CREATE TABLE vds_shows (
    id INTEGER PRIMARY KEY,
    company_id TEXT NOT NULL,
    title TEXT NOT NULL,
    -- suite_domain::show::ShowData as JSON.
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX vds_shows_by_company ON vds_shows (company_id);

-- A file is stored once by its content (`<data-dir>/voor-de-show/media/<file>`); each
-- company that uploaded it has a row.
CREATE TABLE vds_media (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    media_use TEXT NOT NULL CHECK (media_use IN ('image', 'sound')),
    content_type TEXT NOT NULL,
    file TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    width BIGINT,
    height BIGINT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (company_id, id)
);
CREATE INDEX vds_media_by_id ON vds_media (id);

CREATE TABLE vds_performances (
    id INTEGER PRIMARY KEY,
    centre_id TEXT NOT NULL,
    show_id BIGINT NOT NULL REFERENCES vds_shows (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    venue TEXT NOT NULL,
    -- Grade labels joined by commas (`6-8,8-10`).
    grades TEXT NOT NULL,
    published BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX vds_performances_by_centre ON vds_performances (centre_id);

CREATE TABLE vds_class_codes (
    code TEXT PRIMARY KEY,
    performance_id BIGINT NOT NULL REFERENCES vds_performances (id) ON DELETE CASCADE,
    -- The last day the code opens the game.
    expires_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX vds_class_codes_by_performance ON vds_class_codes (performance_id);

CREATE TABLE vds_play_daily (
    code TEXT NOT NULL REFERENCES vds_class_codes (code) ON DELETE CASCADE,
    assignment TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('done', 'skipped')),
    day TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (code, assignment, kind, day)
);

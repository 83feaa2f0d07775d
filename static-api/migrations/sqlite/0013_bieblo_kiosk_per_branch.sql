-- Bieblo: a kiosk per branch of a library (issue 12), each with its own settings and
-- its own counts. Until now a library had one kiosk that named its branch as text.

-- A branch's kiosk as staff set it; a branch without a row has a kiosk that is
-- switched off with the default idle time. Removing the branch removes its kiosk.
CREATE TABLE bieblo_branch_kiosks (
    library_id TEXT NOT NULL,
    branch_id TEXT NOT NULL,
    idle_seconds INTEGER NOT NULL CHECK (idle_seconds BETWEEN 15 AND 600),
    active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    -- The language every visit starts in (a BCP 47 tag of the suite's languages).
    lang TEXT NOT NULL DEFAULT 'nl-BE' CHECK (lang IN ('nl-BE', 'en')),
    PRIMARY KEY (library_id, branch_id),
    FOREIGN KEY (library_id, branch_id) REFERENCES library_branches (library_id, id) ON DELETE CASCADE
);

-- Visits and tips per branch's kiosk and day (bieblo_daily keeps the library's totals,
-- with its daily cap). Only counts: nothing here can tell one child from another. The
-- counts stay when a branch is removed.
CREATE TABLE bieblo_kiosk_daily (
    library_id TEXT NOT NULL,
    branch_id TEXT NOT NULL,
    day TEXT NOT NULL,
    visits INTEGER NOT NULL DEFAULT 0,
    tips INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (library_id, branch_id, day)
);

-- The old kiosk of a library moves to the branch of the same name; a library without
-- such a branch gets one, with the id 'kiosk'.
INSERT INTO library_branches (library_id, id, name)
SELECT k.library_id, 'kiosk', k.branch FROM bieblo_kiosks k
WHERE NOT EXISTS (
    SELECT 1 FROM library_branches b WHERE b.library_id = k.library_id AND b.name = k.branch
)
ON CONFLICT (library_id, id) DO NOTHING;

INSERT INTO bieblo_branch_kiosks (library_id, branch_id, idle_seconds, active)
SELECT k.library_id, MIN(b.id), k.idle_seconds, k.active
FROM bieblo_kiosks k JOIN library_branches b ON b.library_id = k.library_id AND b.name = k.branch
GROUP BY k.library_id, k.idle_seconds, k.active;

-- Each library had one kiosk, so its counts so far are that kiosk's.
INSERT INTO bieblo_kiosk_daily (library_id, branch_id, day, visits, tips)
SELECT d.library_id, k.branch_id, d.day, d.visits, d.tips
FROM bieblo_daily d JOIN bieblo_branch_kiosks k ON k.library_id = d.library_id
WHERE true;

DROP TABLE bieblo_kiosks;

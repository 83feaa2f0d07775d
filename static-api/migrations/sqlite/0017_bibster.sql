-- Bibster: the games libraries build, the sessions a leader starts, the teams that play
-- them, their answers, the tasks they opened (time limits run from the server's clock)
-- and the leader's messages. Teams leave no personal data: a name they chose (filtered)
-- and the SHA-256 of their device's token.

CREATE TABLE bibster_games (
    id INTEGER PRIMARY KEY,
    org_kind TEXT NOT NULL DEFAULT 'library' CHECK (org_kind = 'library'),
    library_id TEXT NOT NULL,
    title TEXT NOT NULL,
    variant TEXT NOT NULL CHECK (variant IN ('story', 'quest')),
    -- The game in its JSON format (suite_domain::bibster::game), checked before stored.
    game TEXT NOT NULL,
    tasks BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'archived')),
    -- 1: in the public template library, with the library's name.
    shared BIGINT NOT NULL DEFAULT 0,
    -- The game this one was copied from (kept when the source goes: its title stays).
    source_id BIGINT,
    source_library TEXT,
    source_title TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    FOREIGN KEY (org_kind, library_id) REFERENCES organisations (kind, id) ON DELETE CASCADE
);
CREATE INDEX bibster_games_by_library ON bibster_games (library_id, state);
CREATE INDEX bibster_games_shared ON bibster_games (shared, state);

CREATE TABLE bibster_sessions (
    id INTEGER PRIMARY KEY,
    -- The game's code on the big screen; unique while the session runs (an ended
    -- session's code is set free by the partial index).
    code TEXT NOT NULL,
    library_id TEXT NOT NULL,
    game_id BIGINT NOT NULL REFERENCES bibster_games (id) ON DELETE CASCADE,
    -- The game as it was when the session started: edits later do not change it.
    game TEXT NOT NULL,
    title TEXT NOT NULL,
    teams_mode TEXT NOT NULL CHECK (teams_mode IN ('join', 'premade')),
    started_at TEXT NOT NULL,
    started_by TEXT NOT NULL,
    ended_at TEXT
);
CREATE UNIQUE INDEX bibster_sessions_running_code ON bibster_sessions (code) WHERE ended_at IS NULL;
CREATE INDEX bibster_sessions_by_library ON bibster_sessions (library_id, started_at);
CREATE INDEX bibster_sessions_by_game ON bibster_sessions (game_id);

CREATE TABLE bibster_teams (
    id INTEGER PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES bibster_sessions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- A pre-made team's code (to hand out); NULL for teams that joined by name.
    code TEXT,
    -- SHA-256 of the token its device holds; NULL for a pre-made team not yet joined.
    token_hash TEXT UNIQUE,
    -- Seeds the order the team sees items in (suite_domain::bibster::team::shuffled).
    seed BIGINT NOT NULL,
    joined_at TEXT,
    removed_at TEXT
);
CREATE UNIQUE INDEX bibster_teams_name ON bibster_teams (session_id, name) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX bibster_teams_code ON bibster_teams (session_id, code);

-- A task a team opened (and its hint): the start of its time limit, in milliseconds.
CREATE TABLE bibster_opens (
    team_id BIGINT NOT NULL REFERENCES bibster_teams (id) ON DELETE CASCADE,
    task_id TEXT NOT NULL,
    opened_ms BIGINT NOT NULL,
    hint_opened BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, task_id)
);

-- The first answer of a team to a task counts.
CREATE TABLE bibster_answers (
    team_id BIGINT NOT NULL REFERENCES bibster_teams (id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL,
    task_id TEXT NOT NULL,
    -- The game's own answer (suite_domain::bibster::task::Answer) as JSON.
    answer TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('right', 'wrong', 'to_review')),
    points BIGINT NOT NULL,
    hint_opened BIGINT NOT NULL DEFAULT 0,
    -- Milliseconds from opening to the answer on the server's clock, if it was opened.
    elapsed_ms BIGINT,
    answered_at TEXT NOT NULL,
    reviewed_at TEXT,
    reviewed_by TEXT,
    PRIMARY KEY (team_id, task_id)
);
CREATE INDEX bibster_answers_by_session ON bibster_answers (session_id, verdict);

CREATE TABLE bibster_messages (
    id INTEGER PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES bibster_sessions (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    sent_at TEXT NOT NULL
);
CREATE INDEX bibster_messages_by_session ON bibster_messages (session_id, id);

-- Settings of the installation itself, such as whether `serve --demo` seeded it (then
-- it holds demo accounts whose passwords are published, and is only served as a demo).
-- PostgreSQL twin of migrations/sqlite/0007.
CREATE TABLE service_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Settings of the installation itself, such as whether `serve --demo` seeded it (then
-- it holds demo accounts whose passwords are published, and is only served as a demo).
CREATE TABLE service_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

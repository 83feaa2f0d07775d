-- A library takes part in the e-reader while its `e-reader` subscription is active: the
-- subscription's write keeps ereader_libraries in step with it (db/ereader_admin.rs).
-- `left_at` is when the subscription was paused or ended (NULL: taking part). A library
-- that left keeps its members and their history, but they cannot log in, and its
-- population no longer counts for the licence rule.
ALTER TABLE ereader_libraries ADD COLUMN left_at TEXT;

-- From now on the subscriptions decide: a library with an active subscription takes
-- part with its population; any other leaves (when its subscription last changed).
INSERT INTO ereader_libraries (library_id, population, joined_at)
SELECT org_id, COALESCE(population, 0), COALESCE(active_from, changed_at) FROM subscriptions
WHERE org_kind = 'library' AND app = 'e-reader' AND state = 'active'
ON CONFLICT (library_id) DO UPDATE SET population = excluded.population;

UPDATE ereader_libraries SET left_at = COALESCE(
    (SELECT s.changed_at FROM subscriptions s WHERE s.org_kind = 'library'
     AND s.org_id = ereader_libraries.library_id AND s.app = 'e-reader'),
    ereader_libraries.joined_at)
WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.org_kind = 'library'
    AND s.org_id = ereader_libraries.library_id AND s.app = 'e-reader' AND s.state = 'active');

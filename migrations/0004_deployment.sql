-- ovn-edge schema, version 4: the deployment id.
--
-- Every NB row ovn-edge writes carries `ovn-edge:deployment=<id>` next to its owner key, so that
-- several ovn-edge deployments (each with its own database) can share one NB without removing
-- each other's rows as orphans. The id is made here, once, when the migration runs: a copy or
-- backup of the database is the same deployment; a new database is a new one.
CREATE TABLE deployment (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    id          TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
-- A random (version 4) UUID in its lowercase text form.
WITH random_hex(h) AS (SELECT lower(hex(randomblob(16))))
INSERT INTO deployment (singleton, id, created_at)
SELECT 1,
       substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
           || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM random_hex;

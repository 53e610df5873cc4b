-- ovn-edge schema, version 2: bearer tokens of the REST API.
--
-- Only a SHA-256 hash of each token's secret is stored; the secret is shown once, when the token
-- is created. A token is identified by `id` (a short random hex string that is also the public
-- part of the bearer value) and a unique `name` (the change log's actor). `project` NULL means
-- the token sees every project. Revoked tokens stay, so the change log's actors keep a meaning.

CREATE TABLE api_tokens (
    id                 TEXT    PRIMARY KEY,
    name               TEXT    NOT NULL UNIQUE,
    role               TEXT    NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    project            TEXT,
    secret_hash        TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    revoked_at         TEXT
);
CREATE INDEX api_tokens_active ON api_tokens (id) WHERE revoked_at IS NULL;

-- ovn-edge schema, version 1.
--
-- Every resource table shares the same leading columns:
--   seq                 insertion order; list order and keyset cursor
--   id                  UUID, lower-case text; what references point at
--   name                optional, unique per kind
--   revision            +1 per spec change
--   phase … conditions  sync status, written back by the reconciler
--   change_seq          change_log.id of the last spec change (monotonic), so the reconciler
--                       can ask "what changed after N"
-- Objects waiting for the reconciler (phase <> 'ready') are found through a partial index.
-- Times are UTC text "YYYY-MM-DD HH:MM:SS.SSS", which sorts chronologically.

CREATE TABLE external_networks (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    name               TEXT    NOT NULL UNIQUE,
    project            TEXT    NOT NULL DEFAULT 'default',
    labels             TEXT    NOT NULL DEFAULT '{}',
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    phase              TEXT    NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending', 'ready', 'error', 'deleting')),
    observed_revision  INTEGER NOT NULL DEFAULT 0,
    status_message     TEXT,
    conditions         TEXT    NOT NULL DEFAULT '[]',
    change_seq         INTEGER NOT NULL DEFAULT 0,

    logical_switch     TEXT,
    cidr_v4            TEXT,
    gateway_v4         TEXT,
    cidr_v6            TEXT,
    gateway_v6         TEXT,
    exclude            TEXT    NOT NULL DEFAULT '[]',   -- JSON array of "a..b" / "a"
    gateway_chassis    TEXT    NOT NULL DEFAULT '[]',   -- JSON array, highest priority first
    mode               TEXT    NOT NULL DEFAULT 'centralized' CHECK (mode IN ('centralized', 'distributed')),
    localnet_network   TEXT,
    CHECK (cidr_v4 IS NOT NULL OR cidr_v6 IS NOT NULL)
);
CREATE INDEX external_networks_unsynced ON external_networks (change_seq) WHERE phase <> 'ready';

CREATE TABLE eips (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    name               TEXT    UNIQUE,
    project            TEXT    NOT NULL DEFAULT 'default',
    labels             TEXT    NOT NULL DEFAULT '{}',
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    phase              TEXT    NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending', 'ready', 'error', 'deleting')),
    observed_revision  INTEGER NOT NULL DEFAULT 0,
    status_message     TEXT,
    conditions         TEXT    NOT NULL DEFAULT '[]',
    change_seq         INTEGER NOT NULL DEFAULT 0,

    network_id         TEXT    NOT NULL REFERENCES external_networks (id) ON DELETE RESTRICT,
    ip_v4              TEXT,
    ip_v6              TEXT,
    mac                TEXT    NOT NULL,
    CHECK (ip_v4 IS NOT NULL OR ip_v6 IS NOT NULL),
    UNIQUE (network_id, ip_v4),
    UNIQUE (network_id, ip_v6),
    UNIQUE (network_id, mac)
);
CREATE INDEX eips_unsynced ON eips (change_seq) WHERE phase <> 'ready';
CREATE INDEX eips_project ON eips (project, seq);

CREATE TABLE router_gateways (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    name               TEXT    UNIQUE,
    project            TEXT    NOT NULL DEFAULT 'default',
    labels             TEXT    NOT NULL DEFAULT '{}',
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    phase              TEXT    NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending', 'ready', 'error', 'deleting')),
    observed_revision  INTEGER NOT NULL DEFAULT 0,
    status_message     TEXT,
    conditions         TEXT    NOT NULL DEFAULT '[]',
    change_seq         INTEGER NOT NULL DEFAULT 0,

    router             TEXT    NOT NULL,
    network_id         TEXT    NOT NULL REFERENCES external_networks (id) ON DELETE RESTRICT,
    eip_id             TEXT    NOT NULL UNIQUE REFERENCES eips (id) ON DELETE RESTRICT,
    eip_owned          INTEGER NOT NULL DEFAULT 0,      -- 1: allocated for this gateway, released with it
    gateway_chassis    TEXT    NOT NULL DEFAULT '[]',
    default_route      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (router, network_id)
);
CREATE INDEX router_gateways_unsynced ON router_gateways (change_seq) WHERE phase <> 'ready';

CREATE TABLE fips (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    name               TEXT    UNIQUE,
    project            TEXT    NOT NULL DEFAULT 'default',
    labels             TEXT    NOT NULL DEFAULT '{}',
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    phase              TEXT    NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending', 'ready', 'error', 'deleting')),
    observed_revision  INTEGER NOT NULL DEFAULT 0,
    status_message     TEXT,
    conditions         TEXT    NOT NULL DEFAULT '[]',
    change_seq         INTEGER NOT NULL DEFAULT 0,

    eip_id             TEXT    NOT NULL UNIQUE REFERENCES eips (id) ON DELETE RESTRICT,   -- one FIP per EIP
    router             TEXT    NOT NULL,
    internal_ip        TEXT    NOT NULL,
    logical_port       TEXT,
    mode               TEXT    NOT NULL DEFAULT 'centralized' CHECK (mode IN ('centralized', 'distributed')),
    stateless          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fips_unsynced ON fips (change_seq) WHERE phase <> 'ready';
CREATE INDEX fips_router ON fips (router);

CREATE TABLE snat_rules (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    name               TEXT    UNIQUE,
    project            TEXT    NOT NULL DEFAULT 'default',
    labels             TEXT    NOT NULL DEFAULT '{}',
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    phase              TEXT    NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending', 'ready', 'error', 'deleting')),
    observed_revision  INTEGER NOT NULL DEFAULT 0,
    status_message     TEXT,
    conditions         TEXT    NOT NULL DEFAULT '[]',
    change_seq         INTEGER NOT NULL DEFAULT 0,

    eip_id             TEXT    NOT NULL REFERENCES eips (id) ON DELETE RESTRICT,
    router             TEXT    NOT NULL,
    internal_cidr      TEXT    NOT NULL,
    UNIQUE (router, internal_cidr)
);
CREATE INDEX snat_rules_unsynced ON snat_rules (change_seq) WHERE phase <> 'ready';
CREATE INDEX snat_rules_eip ON snat_rules (eip_id);

CREATE TABLE dnat_rules (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    name               TEXT    UNIQUE,
    project            TEXT    NOT NULL DEFAULT 'default',
    labels             TEXT    NOT NULL DEFAULT '{}',
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    phase              TEXT    NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending', 'ready', 'error', 'deleting')),
    observed_revision  INTEGER NOT NULL DEFAULT 0,
    status_message     TEXT,
    conditions         TEXT    NOT NULL DEFAULT '[]',
    change_seq         INTEGER NOT NULL DEFAULT 0,

    eip_id             TEXT    NOT NULL REFERENCES eips (id) ON DELETE RESTRICT,
    router             TEXT    NOT NULL,
    protocol           TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp', 'sctp')),
    external_port      INTEGER NOT NULL CHECK (external_port BETWEEN 1 AND 65535),
    internal_ip        TEXT    NOT NULL,
    internal_port      INTEGER NOT NULL CHECK (internal_port BETWEEN 1 AND 65535),
    UNIQUE (eip_id, protocol, external_port)
);
CREATE INDEX dnat_rules_unsynced ON dnat_rules (change_seq) WHERE phase <> 'ready';

CREATE TABLE mirrors (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    name               TEXT    NOT NULL UNIQUE,
    project            TEXT    NOT NULL DEFAULT 'default',
    labels             TEXT    NOT NULL DEFAULT '{}',
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    phase              TEXT    NOT NULL DEFAULT 'pending' CHECK (phase IN ('pending', 'ready', 'error', 'deleting')),
    observed_revision  INTEGER NOT NULL DEFAULT 0,
    status_message     TEXT,
    conditions         TEXT    NOT NULL DEFAULT '[]',
    change_seq         INTEGER NOT NULL DEFAULT 0,

    type               TEXT    NOT NULL CHECK (type IN ('gre', 'erspan')),
    mirror_index       INTEGER NOT NULL CHECK (mirror_index >= 0),
    filter             TEXT    NOT NULL CHECK (filter IN ('from-lport', 'to-lport', 'both')),
    sink               TEXT    NOT NULL
);
CREATE INDEX mirrors_unsynced ON mirrors (change_seq) WHERE phase <> 'ready';

-- Logical switch ports a mirror is attached to, in attach order.
CREATE TABLE mirror_ports (
    mirror_id          TEXT    NOT NULL REFERENCES mirrors (id) ON DELETE CASCADE,
    port               TEXT    NOT NULL,
    position           INTEGER NOT NULL,
    PRIMARY KEY (mirror_id, port)
);
CREATE INDEX mirror_ports_port ON mirror_ports (port);

-- One row per holding of an address: opened when an EIP takes it, closed when released. No
-- foreign keys: history outlives the EIP and the network.
CREATE TABLE ip_allocations (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id         TEXT    NOT NULL,
    family             TEXT    NOT NULL CHECK (family IN ('ipv4', 'ipv6')),
    ip                 TEXT    NOT NULL,
    eip_id             TEXT    NOT NULL,
    project            TEXT    NOT NULL,
    allocated_at       TEXT    NOT NULL,
    released_at        TEXT,
    CHECK (released_at IS NULL OR released_at >= allocated_at)
);
-- An address has at most one open holding per network: the last guard against double allocation.
CREATE UNIQUE INDEX ip_allocations_open ON ip_allocations (network_id, ip) WHERE released_at IS NULL;
CREATE INDEX ip_allocations_ip ON ip_allocations (ip, allocated_at);
CREATE INDEX ip_allocations_eip ON ip_allocations (eip_id, allocated_at);

-- Append-only log of every change, written in the change's own transaction. Its id is the event
-- id of /v1/events (and Last-Event-ID).
CREATE TABLE change_log (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    time               TEXT    NOT NULL,
    actor              TEXT,
    request_id         TEXT,
    action             TEXT    NOT NULL,
    object_kind        TEXT    NOT NULL,
    object_id          TEXT    NOT NULL,
    before             TEXT,                  -- JSON snapshot, NULL on create
    after              TEXT                   -- JSON snapshot, NULL on delete
);
CREATE INDEX change_log_object ON change_log (object_kind, object_id, id);
CREATE INDEX change_log_actor ON change_log (actor, id);
CREATE INDEX change_log_request ON change_log (request_id, id);
CREATE INDEX change_log_time ON change_log (time, id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'change_log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'change_log is append-only');
END;

-- Idempotency-Key replay: the first response to (scope, key) is kept and replayed.
CREATE TABLE idempotency_keys (
    scope              TEXT    NOT NULL,      -- the client identity (token id), '' without auth
    key                TEXT    NOT NULL,
    request_hash       TEXT    NOT NULL,
    status             INTEGER NOT NULL,
    response           BLOB    NOT NULL,
    created_at         TEXT    NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

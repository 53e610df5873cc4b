-- ovn-edge schema, version 3: EIP usages and node gateways (issue 11).
--
-- An EIP's `usage` says what it is for (Kube-OVN's oeip "type"): `nat` (floating IP, SNAT and
-- DNAT rules), `router-gateway` (a router's port on the network) or `node-gateway` (a node's port
-- on the network's switch). EIPs router gateways hold become `router-gateway`, unless NAT rules
-- use them too (a mix earlier versions allowed; they stay `nat` and keep working).
ALTER TABLE eips ADD COLUMN usage TEXT NOT NULL DEFAULT 'nat'
    CHECK (usage IN ('nat', 'router-gateway', 'node-gateway'));
UPDATE eips SET usage = 'router-gateway'
WHERE id IN (SELECT eip_id FROM router_gateways)
  AND id NOT IN (SELECT eip_id FROM fips UNION SELECT eip_id FROM snat_rules UNION SELECT eip_id FROM dnat_rules);
CREATE INDEX eips_usage ON eips (usage, seq);

-- A node's VIF port on an external network: Logical_Switch_Port `port` (default: the node's
-- name) with the EIP's MAC and addresses. One per (node, network); LSP names are unique in NB,
-- so `port` is unique here too.
CREATE TABLE node_gateways (
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

    node               TEXT    NOT NULL,
    port               TEXT    NOT NULL UNIQUE,
    network_id         TEXT    NOT NULL REFERENCES external_networks (id) ON DELETE RESTRICT,
    eip_id             TEXT    NOT NULL UNIQUE REFERENCES eips (id) ON DELETE RESTRICT,
    eip_owned          INTEGER NOT NULL DEFAULT 0,      -- 1: allocated for this gateway, released with it
    UNIQUE (node, network_id)
);
CREATE INDEX node_gateways_unsynced ON node_gateways (change_seq) WHERE phase <> 'ready';
CREATE INDEX node_gateways_network ON node_gateways (network_id);

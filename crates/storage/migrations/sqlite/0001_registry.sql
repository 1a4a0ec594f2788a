-- sailau registry, ledger and sessions (SQLite).
-- Integers are 64-bit; booleans are 0/1 integers; times are milliseconds since the Unix epoch (UTC).

CREATE TABLE territories (
    code        TEXT PRIMARY KEY NOT NULL,
    parent_code TEXT REFERENCES territories(code),
    kind        TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    name_kk     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    region_code TEXT NOT NULL,
    depth       INTEGER NOT NULL
);
CREATE INDEX territories_parent ON territories(parent_code);
CREATE INDEX territories_region ON territories(region_code);

CREATE TABLE precincts (
    region_code    TEXT NOT NULL,
    number         INTEGER NOT NULL,
    territory_code TEXT NOT NULL REFERENCES territories(code),
    address        TEXT NOT NULL,
    voters         INTEGER NOT NULL,
    PRIMARY KEY (region_code, number)
);
CREATE INDEX precincts_territory ON precincts(territory_code);

CREATE TABLE parties (
    code       TEXT PRIMARY KEY NOT NULL,
    name_ru    TEXT NOT NULL,
    name_kk    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    short_name TEXT NOT NULL
);

CREATE TABLE branches (
    party_code     TEXT NOT NULL REFERENCES parties(code),
    territory_code TEXT NOT NULL REFERENCES territories(code),
    PRIMARY KEY (party_code, territory_code)
);

CREATE TABLE persons (
    id          TEXT PRIMARY KEY NOT NULL,
    surname     TEXT NOT NULL,
    given_name  TEXT NOT NULL,
    patronymic  TEXT NOT NULL,
    birth_date  TEXT NOT NULL,
    gender      TEXT NOT NULL
);

CREATE TABLE accounts (
    username     TEXT PRIMARY KEY NOT NULL,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL,
    scope        TEXT NOT NULL,
    active       INTEGER NOT NULL
);

-- Secrets and sessions: not registry state, never in the ledger.
CREATE TABLE credentials (
    username      TEXT PRIMARY KEY NOT NULL REFERENCES accounts(username),
    password_hash TEXT NOT NULL,
    changed_at_ms INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    username      TEXT NOT NULL REFERENCES accounts(username),
    csrf_token    TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at_ms);

CREATE TABLE login_attempts (
    attempt_key     TEXT PRIMARY KEY NOT NULL,
    failures        INTEGER NOT NULL,
    window_start_ms INTEGER NOT NULL
);

-- The ledger: one row per entry, append-only. `root` is the tree root after this entry.
CREATE TABLE ledger (
    idx       INTEGER PRIMARY KEY NOT NULL,
    entry     BLOB NOT NULL,
    leaf_hash BLOB NOT NULL,
    root      BLOB NOT NULL,
    at_ms     INTEGER NOT NULL,
    kind      TEXT NOT NULL
);

-- One row: the size of the ledger and the right edge of its Merkle tree; every command
-- transaction updates it first, which serializes commands across connections and servers.
CREATE TABLE ledger_state (
    id       INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    size     INTEGER NOT NULL,
    frontier BLOB NOT NULL,
    writes   INTEGER NOT NULL,
    -- The signed tree head over (size, root) as JSON, signed at the end of every command.
    signed_head TEXT NOT NULL
);
INSERT INTO ledger_state (id, size, frontier, writes, signed_head) VALUES (1, 0, x'0000000000000000', 0, '');

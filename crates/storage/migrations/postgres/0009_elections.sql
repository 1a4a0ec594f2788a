-- Elections (issue 11): elections, their contests (one per unit), nominations, attached files.
-- Each row keeps its key columns for queries and the domain value as JSON in `doc`.

CREATE TABLE elections (
    id             TEXT PRIMARY KEY NOT NULL,
    territory_code TEXT REFERENCES territories(code),
    election_day   TEXT NOT NULL,
    called_at_ms   BIGINT NOT NULL,
    doc            TEXT NOT NULL
);
CREATE INDEX elections_day ON elections(election_day);

CREATE TABLE contests (
    id               TEXT PRIMARY KEY NOT NULL,
    election_id      TEXT NOT NULL REFERENCES elections(id),
    unit_code        TEXT NOT NULL REFERENCES territories(code),
    election_day     TEXT NOT NULL,
    voters           BIGINT NOT NULL,
    ballots_produced BIGINT NOT NULL,
    ballot_changed   BIGINT NOT NULL
);
CREATE INDEX contests_election ON contests(election_id);
CREATE INDEX contests_unit_day ON contests(unit_code, election_day);

CREATE TABLE nominations (
    id              TEXT PRIMARY KEY NOT NULL,
    contest_id      TEXT NOT NULL REFERENCES contests(id),
    person_id       TEXT NOT NULL REFERENCES persons(id),
    party_code      TEXT REFERENCES parties(code),
    route           TEXT NOT NULL,
    status          TEXT NOT NULL,
    number          BIGINT,
    nominated_at_ms BIGINT NOT NULL,
    doc             TEXT NOT NULL
);
CREATE INDEX nominations_contest ON nominations(contest_id);
CREATE INDEX nominations_person ON nominations(person_id);

-- Files attached to nominations, by content: the ledger records the SHA-256, this table the bytes.
CREATE TABLE attachments (
    sha256     TEXT PRIMARY KEY NOT NULL,
    media_type TEXT NOT NULL,
    size       BIGINT NOT NULL,
    bytes      BYTEA NOT NULL
);

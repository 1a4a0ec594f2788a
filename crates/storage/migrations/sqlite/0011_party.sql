-- i13-party: the party context (issue 13). Members, conferences, delegates, motions, votes.
-- Integers are 64-bit; booleans 0/1; times Unix milliseconds; dates ISO 8601 text; JSON as text.

-- Members as the ledger knows them: no personal data, only a salted commitment to the record.
CREATE TABLE party_members (
    id          TEXT PRIMARY KEY NOT NULL,
    party_code  TEXT NOT NULL REFERENCES parties(code),
    branch_code TEXT NOT NULL REFERENCES territories(code),
    joined_on   TEXT NOT NULL,
    commitment  TEXT NOT NULL,
    erased      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX party_members_branch ON party_members(party_code, branch_code);

-- Members' personal records: never in the ledger, not replayed, erasable (erase_member_data).
CREATE TABLE party_member_records (
    member_id    TEXT PRIMARY KEY NOT NULL REFERENCES party_members(id),
    party_code   TEXT NOT NULL,
    card_number  TEXT NOT NULL,
    surname      TEXT NOT NULL,
    given_name   TEXT NOT NULL,
    patronymic   TEXT NOT NULL,
    birth_date   TEXT NOT NULL,
    salt         TEXT NOT NULL,
    identity_key TEXT NOT NULL,
    UNIQUE (party_code, card_number)
);
CREATE INDEX party_member_records_identity ON party_member_records(party_code, identity_key);

-- The number of each branch's last conference before sailau.
CREATE TABLE party_conference_counts (
    party_code  TEXT NOT NULL,
    branch_code TEXT NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (party_code, branch_code)
);

CREATE TABLE party_conferences (
    id                  TEXT PRIMARY KEY NOT NULL,
    party_code          TEXT NOT NULL REFERENCES parties(code),
    branch_code         TEXT NOT NULL REFERENCES territories(code),
    ordinal             INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    held_on             TEXT NOT NULL,
    place               TEXT NOT NULL,
    agenda              TEXT NOT NULL,
    rules               TEXT NOT NULL,
    chair               INTEGER,
    secretary           INTEGER,
    counting_commission TEXT NOT NULL,
    UNIQUE (party_code, branch_code, ordinal)
);

CREATE TABLE party_delegates (
    conference_id    TEXT NOT NULL REFERENCES party_conferences(id),
    mandate          INTEGER NOT NULL,
    member_id        TEXT NOT NULL REFERENCES party_members(id),
    checked_in_at_ms INTEGER,
    PRIMARY KEY (conference_id, mandate),
    UNIQUE (conference_id, member_id)
);

CREATE TABLE party_motions (
    id               TEXT PRIMARY KEY NOT NULL,
    conference_id    TEXT NOT NULL REFERENCES party_conferences(id),
    position         INTEGER NOT NULL,
    subject          TEXT NOT NULL,
    mode             TEXT NOT NULL,
    next_round       INTEGER NOT NULL,
    round_contenders TEXT NOT NULL,
    decided          INTEGER NOT NULL,
    adopted          INTEGER,
    opened_at_ms     INTEGER NOT NULL
);
CREATE INDEX party_motions_conference ON party_motions(conference_id, position);

CREATE TABLE party_votes (
    motion_id TEXT NOT NULL REFERENCES party_motions(id),
    round     INTEGER NOT NULL,
    tally     TEXT NOT NULL,
    decision  TEXT NOT NULL,
    at_ms     INTEGER NOT NULL,
    PRIMARY KEY (motion_id, round)
);

-- The party's adopted nominee per unit (at most one per unit per party).
CREATE TABLE party_nominations (
    party_code TEXT NOT NULL,
    unit_code  TEXT NOT NULL,
    motion_id  TEXT NOT NULL REFERENCES party_motions(id),
    member_id  TEXT NOT NULL REFERENCES party_members(id),
    person_id  TEXT NOT NULL REFERENCES persons(id),
    at_ms      INTEGER NOT NULL,
    PRIMARY KEY (party_code, unit_code)
);

-- Signature sheets of self-nominees (issue 11, item 5; branch i11-sign).
--
-- signature_batches: one row per `record_signature_sheets` entry — the counts per ground and the
-- salted SHA-256 of the lines, exactly as the ledger records them. The salt is private: it makes
-- the hash a commitment that cannot be searched with guessed IINs, and it is erased with the lines.
-- signature_lines: the signers' personal data. Never in the ledger; written only from a command's
-- private data (a replay of the ledger writes none); emptied by `erase_signature_data`.

CREATE TABLE signature_batches (
    nomination_id   TEXT NOT NULL,
    -- 1, 2, ... in the order the batches were recorded for the nomination.
    batch           INTEGER NOT NULL,
    recorded_at_ms  INTEGER NOT NULL,
    sheets          INTEGER NOT NULL,
    lines           INTEGER NOT NULL,
    valid           INTEGER NOT NULL,
    iin_malformed   INTEGER NOT NULL,
    iin_check_digit INTEGER NOT NULL,
    under_age       INTEGER NOT NULL,
    outside_unit    INTEGER NOT NULL,
    outside_window  INTEGER NOT NULL,
    duplicate       INTEGER NOT NULL,
    -- The number of valid signatures needed when the batch was recorded.
    threshold       INTEGER NOT NULL,
    -- Hex SHA-256 of the salt followed by the canonical lines (as in the ledger entry).
    rows_sha256     TEXT NOT NULL,
    -- NULL once erased, and on a replayed database (private data is never replayed).
    salt            BLOB,
    -- When the lines and the salt were erased (NULL: not erased).
    erased_at_ms    INTEGER,
    PRIMARY KEY (nomination_id, batch)
);

CREATE TABLE signature_lines (
    nomination_id  TEXT NOT NULL,
    batch          INTEGER NOT NULL,
    sheet          INTEGER NOT NULL,
    line           INTEGER NOT NULL,
    surname        TEXT NOT NULL,
    given_name     TEXT NOT NULL,
    patronymic     TEXT NOT NULL,
    iin            TEXT NOT NULL,
    address        TEXT NOT NULL,
    territory_code TEXT NOT NULL,
    signed_on      TEXT NOT NULL,
    -- The grounds the line breaks, as JSON (`[]`: a valid signature).
    grounds        TEXT NOT NULL,
    -- The IIN in its 12 digits when it is well-formed (for duplicates across batches), else ''.
    iin_key        TEXT NOT NULL,
    PRIMARY KEY (nomination_id, batch, sheet, line),
    FOREIGN KEY (nomination_id, batch) REFERENCES signature_batches(nomination_id, batch)
);
CREATE INDEX signature_lines_iin ON signature_lines(nomination_id, iin_key);

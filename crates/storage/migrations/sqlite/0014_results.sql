-- Results of election day (issue 12 §4; branch i12-results).
--
-- result_certifications: one row per `certify_results` entry — the commission's decision that a
-- contest's result is final. Everything else about results (sums, winners, statistics) is computed
-- from the accepted protocols and is never stored: the ledger is the only source.

CREATE TABLE result_certifications (
    contest_id      TEXT PRIMARY KEY REFERENCES contests(id),
    certified_at_ms INTEGER NOT NULL
);

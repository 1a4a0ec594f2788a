-- Results of election day (issue 12 §4; branch i12-results).
--
-- result_certifications: one row per `certify_results` entry — the commission's decision that a
-- contest's result is final. Everything else about results (sums, winners, statistics) is computed
-- from the accepted protocols and is never stored: the ledger is the only source.

CREATE TABLE result_certifications (
    contest_id      TEXT PRIMARY KEY REFERENCES contests(id),
    certified_at_ms BIGINT NOT NULL
);

-- Live results on several instances: every commit that grows the ledger notifies the channel
-- `ledger_appended` with the new size. PostgreSQL delivers a notification when (and only if) its
-- transaction commits, so a listener never sees a size whose entries it cannot read yet.
CREATE FUNCTION notify_ledger_appended() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('ledger_appended', NEW.size::text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_appended
    AFTER UPDATE OF size ON ledger_state
    FOR EACH ROW WHEN (NEW.size <> OLD.size)
    EXECUTE FUNCTION notify_ledger_appended();

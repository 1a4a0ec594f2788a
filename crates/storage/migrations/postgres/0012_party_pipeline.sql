-- i13-pipeline: meetings of primary party organizations and regional plans (issue 13 §3, §7).
-- Integers are 64-bit; dates ISO 8601 text; JSON as text.

-- A primary organization's meeting that elected delegates to its branch's conference.
CREATE TABLE party_meetings (
    id                TEXT PRIMARY KEY NOT NULL,
    conference_id     TEXT NOT NULL REFERENCES party_conferences(id),
    organization_code TEXT NOT NULL REFERENCES territories(code),
    held_on           TEXT NOT NULL,
    members_present   BIGINT NOT NULL,
    seats             BIGINT NOT NULL,
    -- [{member, votes_for, against, abstain}] in the order proposed
    contenders        TEXT NOT NULL,
    -- [{member, mandate}] in the order of their mandates
    elected           TEXT NOT NULL
);
CREATE INDEX party_meetings_conference ON party_meetings(conference_id, held_on);

-- A region's plan of the pipeline: one per party and region (adopting again replaces the dates).
CREATE TABLE party_plans (
    party_code              TEXT NOT NULL REFERENCES parties(code),
    region_code             TEXT NOT NULL REFERENCES territories(code),
    starts_on               TEXT NOT NULL,
    primary_meetings_by     TEXT NOT NULL,
    district_conferences_by TEXT NOT NULL,
    regional_conference_by  TEXT NOT NULL,
    PRIMARY KEY (party_code, region_code)
);

//! Golden bytes of the party pipeline's ledger entries (issue 13, i13-pipeline): one entry of
//! every kind, pinned byte for byte (`ledger_entry.rs` checks that every kind has one).

use sailau_domain::party::commands::ConferenceId;
use sailau_domain::party::member::MemberId;
use sailau_domain::party::pipeline::*;
use sailau_domain::*;

fn at(index: u64, at_ms: i64, command: impl Into<Command>) -> LedgerEntry {
    LedgerEntry {
        v: 2,
        index,
        at_ms,
        actor: Actor::Account {
            username: Username::parse("amanat-aktobe").unwrap(),
        },
        command: command.into(),
    }
}

fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + n)
}

/// One entry of every pipeline kind with its canonical bytes.
pub fn golden() -> Vec<(LedgerEntry, &'static str)> {
    vec![
        (
            at(
                70,
                1_694_000_000_000,
                AdoptRegionalPlan {
                    party: PartyCode::parse("amanat").unwrap(),
                    region: TerritoryCode::parse("150000000").unwrap(),
                    starts_on: "2023-09-01".parse().unwrap(),
                    primary_meetings_by: "2023-09-10".parse().unwrap(),
                    district_conferences_by: "2023-09-20".parse().unwrap(),
                    regional_conference_by: "2023-09-30".parse().unwrap(),
                },
            ),
            r#"{"v":2,"index":70,"at_ms":1694000000000,"actor":{"type":"account","username":"amanat-aktobe"},"command":{"type":"adopt_regional_plan","party":"amanat","region":"150000000","starts_on":"2023-09-01","primary_meetings_by":"2023-09-10","district_conferences_by":"2023-09-20","regional_conference_by":"2023-09-30"}}"#,
        ),
        (
            at(
                71,
                1_694_100_000_000,
                RecordPrimaryMeeting {
                    meeting: MeetingId(uuid(0xc01)),
                    conference: ConferenceId(uuid(0xc02)),
                    organization: TerritoryCode::parse("155200000").unwrap(),
                    held_on: "2023-09-05".parse().unwrap(),
                    members_present: 40,
                    seats: 1,
                    contenders: vec![MeetingContender {
                        member: MemberId(uuid(0xc03)),
                        votes_for: 31,
                        against: 6,
                        abstain: 3,
                    }],
                },
            ),
            r#"{"v":2,"index":71,"at_ms":1694100000000,"actor":{"type":"account","username":"amanat-aktobe"},"command":{"type":"record_primary_meeting","meeting":"01900000-0000-7000-8000-000000000c01","conference":"01900000-0000-7000-8000-000000000c02","organization":"155200000","held_on":"2023-09-05","members_present":40,"seats":1,"contenders":[{"member":"01900000-0000-7000-8000-000000000c03","votes_for":31,"against":6,"abstain":3}]}}"#,
        ),
    ]
}

//! Election day end to end on SQLite and PostgreSQL (issue 12, i12-day): turnout through the
//! day, protocols that must balance (refused with the relation and its numbers, nothing
//! written), a second submission refused, amendments with both versions kept, double entry by
//! two operators, observers' copies flagged where they differ, scopes of the precinct
//! commission and the observer; the ledger replays.

use sailau_app::Acting;
use sailau_domain::elections::certification::{CertifyResults, ResultsRule};
use sailau_domain::elections::protocol::{
    AmendProtocol, DayRule, EnterProtocol, ProtocolNumbers, RecordObserverCopy,
};
use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, RuleSet};
use sailau_domain::elections::tabulation::ResultStatus;
use sailau_domain::elections::turnout::ReportTurnout;
use sailau_domain::elections::*;
use sailau_domain::*;

use crate::elections::{
    ELECTION, PARTY_DOCS, UIL, by_party, called, complete, person, rules_of, set_clock, size, uuid,
};
use crate::fixture::*;

fn p(number: u32) -> PrecinctRef {
    PrecinctRef {
        region_code: code("150000000"),
        number,
    }
}

fn election() -> ElectionId {
    ElectionId(uuid(ELECTION))
}

/// Numbers of precinct 501 (5,000 on the list): 1,200 received, 1,000 + 80 + 20 issued, 100
/// cancelled, 1,090 found = 10 invalid + 30 against all + 600 (№1) + 450 (№2).
pub fn balanced() -> ProtocolNumbers {
    ProtocolNumbers {
        fields: [
            ("voters_on_list", 5000),
            ("ballots_received", 1200),
            ("issued_inside", 1000),
            ("issued_outside", 80),
            ("issued_absentee", 20),
            ("cancelled", 100),
            ("found_in_boxes", 1090),
            ("invalid", 10),
            ("against_all", 30),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
        candidates: [(1, 600), (2, 450)].into_iter().collect(),
    }
}

/// Registers two candidates in Uil (№1 amanat, №2 akzhol).
async fn register_two(f: &Fixture) {
    set_clock(f, "2023-09-28T06:00:00Z");
    for (n, party, who) in [
        (
            0xd1,
            "amanat",
            person(41, "Шалбаев", jiff::civil::date(1972, 4, 4), Gender::Male),
        ),
        (
            0xd2,
            "akzhol",
            person(42, "Әлиева", jiff::civil::date(1983, 5, 5), Gender::Female),
        ),
    ] {
        f.app
            .execute(&Acting::Operator, by_party(n, UIL, party, who))
            .await
            .unwrap();
        complete(f, n, PARTY_DOCS).await;
        f.app
            .execute(
                &Acting::Operator,
                RegisterCandidate {
                    nomination: NominationId(uuid(n)),
                },
            )
            .await
            .unwrap();
    }
}

/// The election called, two candidates registered in Uil.
pub async fn with_candidates() -> Vec<Fixture> {
    let mut out = Vec::new();
    for f in called().await {
        register_two(&f).await;
        out.push(f);
    }
    out
}

fn turnout(number: u32, at: &str, voted: u64) -> ReportTurnout {
    ReportTurnout {
        election: election(),
        precinct: p(number),
        at: at.into(),
        voted,
    }
}

fn enter(number: u32, numbers: ProtocolNumbers) -> EnterProtocol {
    EnterProtocol {
        election: election(),
        precinct: p(number),
        numbers,
    }
}

#[tokio::test]
async fn turnout_is_reported_through_the_day() {
    for f in with_candidates().await {
        let commission = Acting::Account(
            account(
                &f,
                "pec-501",
                Role::PrecinctCommission,
                Scope::Precincts {
                    precincts: vec![p(501)],
                },
            )
            .await,
        );
        // 06:30 local in Aktobe (UTC+5): the polls are not open.
        set_clock(&f, "2023-11-05T01:30:00Z");
        let e = f
            .app
            .execute(&commission, turnout(501, "10:00", 100))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0].1.key(), "election-window-not-open");
        // 10:05 local.
        set_clock(&f, "2023-11-05T05:05:00Z");
        f.app
            .execute(&commission, turnout(501, "10:00", 800))
            .await
            .unwrap();
        let e = f
            .app
            .execute(&commission, turnout(501, "10:00", 900))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0].1.key(), "day-turnout-reported");
        // Another precinct is out of this commission's scope.
        let e = f
            .app
            .execute(&commission, turnout(502, "10:00", 10))
            .await
            .unwrap_err();
        assert!(matches!(e, sailau_app::AppError::Forbidden(_)), "{e:?}");
        // 12:10 local: fewer than at 10:00 is refused with the numbers; above the list too.
        set_clock(&f, "2023-11-05T07:10:00Z");
        let e = f
            .app
            .execute(&commission, turnout(501, "12:00", 700))
            .await
            .unwrap_err();
        assert_eq!(
            rules_of(&e),
            vec![(
                "voted".to_owned(),
                Rule::Day(DayRule::TurnoutOrder {
                    time: "10:00".into(),
                    voted: 800
                })
            )]
        );
        let e = f
            .app
            .execute(&commission, turnout(501, "12:00", 5001))
            .await
            .unwrap_err();
        assert_eq!(
            rules_of(&e)[0].1,
            Rule::Day(DayRule::AboveList {
                value: 5001,
                voters: 5000
            })
        );
        f.app
            .execute(&commission, turnout(501, "12:00", 1500))
            .await
            .unwrap();
        let rows = f.app.election_turnout(&election()).await.unwrap();
        let got: Vec<(&str, u64, u64)> = rows
            .iter()
            .map(|r| (r.at.as_str(), r.voted, r.voters))
            .collect();
        assert_eq!(
            got,
            [("10:00", 800, 5000), ("12:00", 1500, 5000)],
            "{}",
            f.backend
        );
        // After 21:00 local (the close plus an hour) nothing more.
        set_clock(&f, "2023-11-05T16:01:00Z");
        let e = f
            .app
            .execute(&commission, turnout(501, "20:00", 2000))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0].1.key(), "election-window-closed");
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_protocol_must_balance_is_accepted_once_and_amended_with_a_reason() {
    for f in with_candidates().await {
        // 20:30 local.
        set_clock(&f, "2023-11-05T15:30:00Z");
        let before = size(&f).await;
        let mut bad = balanced();
        bad.fields.insert("cancelled".into(), 90);
        bad.candidates.insert(7, 1);
        let e = f
            .app
            .execute(&Acting::Operator, enter(501, bad))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0].0, "candidates.7");
        let mut bad = balanced();
        bad.fields.insert("cancelled".into(), 90);
        let e = f
            .app
            .execute(&Acting::Operator, enter(501, bad))
            .await
            .unwrap_err();
        let rules = rules_of(&e);
        assert_eq!(rules.len(), 1);
        let Rule::Day(DayRule::RelationFailed { relation, ru, .. }) = &rules[0].1 else {
            panic!("{rules:?}")
        };
        assert_eq!(relation, "received_balance");
        assert!(ru.contains("(1200) ≠") && ru.contains("= 1190"), "{ru}");
        assert_eq!(size(&f).await, before, "nothing written");
        assert_eq!(
            f.app
                .protocol_view(&election(), &p(501))
                .await
                .unwrap()
                .status,
            "none"
        );
        // Unknown precinct; a precinct of Kobda (no candidates: no candidate lines).
        let e = f
            .app
            .execute(&Acting::Operator, enter(999, balanced()))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0], ("precinct".into(), Rule::PrecinctMissing));
        f.app
            .execute(&Acting::Operator, enter(501, balanced()))
            .await
            .unwrap();
        let e = f
            .app
            .execute(&Acting::Operator, enter(501, balanced()))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0].1, Rule::Day(DayRule::ProtocolAccepted));
        let accepted = f.app.accepted_protocols(&election()).await.unwrap();
        assert_eq!(accepted.len(), 1);
        assert_eq!(accepted[0].numbers.as_ref(), Some(&balanced()));
        assert_eq!(accepted[0].contest, ContestId(uuid(UIL)));
        // Amendment: a reason, both versions kept, the differences shown.
        let mut fixed = balanced();
        fixed.candidates.insert(1, 590);
        fixed.candidates.insert(2, 460);
        let amend = |reason: &str| AmendProtocol {
            election: election(),
            precinct: p(501),
            numbers: fixed.clone(),
            reason: reason.into(),
        };
        let e = f
            .app
            .execute(&Acting::Operator, amend(""))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0], ("reason".into(), Rule::FieldRequired));
        f.app
            .execute(&Acting::Operator, amend("Пересчёт по жалобе наблюдателя"))
            .await
            .unwrap();
        let view = f.app.protocol_view(&election(), &p(501)).await.unwrap();
        assert_eq!((view.status.as_str(), view.version), ("accepted", 2));
        assert_eq!(view.versions.len(), 2);
        let changed: Vec<&str> = view.versions[1]
            .differences
            .iter()
            .map(|d| d.field.as_str())
            .collect();
        assert_eq!(changed, ["candidates.1", "candidates.2"]);
        assert_eq!(view.numbers, Some(fixed.clone()));
        // An observer accredited to the region enters the copy handed to them: one line differs.
        let observer = Acting::Account(
            account(
                &f,
                "obs-aktobe",
                Role::Observer,
                Scope::Territory {
                    territory: code("150000000"),
                },
            )
            .await,
        );
        let mut copy = fixed.clone();
        copy.fields.insert("invalid".into(), 12);
        f.app
            .execute(
                &observer,
                RecordObserverCopy {
                    election: election(),
                    precinct: p(501),
                    numbers: copy,
                },
            )
            .await
            .unwrap();
        let view = f.app.protocol_view(&election(), &p(501)).await.unwrap();
        assert_eq!(view.observer_copies.len(), 1);
        assert_eq!(view.observer_copies[0].observer, "obs-aktobe");
        assert_eq!(view.observer_copies[0].differences.len(), 1);
        assert_eq!(
            view.observer_copies[0].differences[0].field,
            "fields.invalid"
        );
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn double_entry_needs_two_operators_who_agree() {
    let toml = KZ_AKIM_DISTRICT_2023.replace("double_entry = false", "double_entry = true");
    assert_ne!(
        RuleSet::digest(&toml),
        RuleSet::digest(KZ_AKIM_DISTRICT_2023)
    );
    for f in with_double_entry(&toml).await {
        set_clock(&f, "2023-11-05T15:30:00Z");
        let one = Acting::Account(
            account(
                &f,
                "tec-uil-1",
                Role::TerritorialCommission,
                Scope::Territory {
                    territory: code("155200000"),
                },
            )
            .await,
        );
        let two = Acting::Account(
            account(
                &f,
                "tec-uil-2",
                Role::TerritorialCommission,
                Scope::Territory {
                    territory: code("155200000"),
                },
            )
            .await,
        );
        f.app.execute(&one, enter(501, balanced())).await.unwrap();
        assert_eq!(
            f.app
                .protocol_view(&election(), &p(501))
                .await
                .unwrap()
                .status,
            "pending"
        );
        // The same operator cannot confirm its own entry.
        let e = f
            .app
            .execute(&one, enter(501, balanced()))
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e)[0].1, Rule::Day(DayRule::SameOperator));
        // A different entry is kept, the differences shown field by field.
        let mut other = balanced();
        other.fields.insert("invalid".into(), 20);
        other.candidates.insert(1, 590);
        f.app.execute(&two, enter(501, other)).await.unwrap();
        let view = f.app.protocol_view(&election(), &p(501)).await.unwrap();
        assert_eq!(view.status, "pending");
        let lines: Vec<&str> = view
            .entry_differences
            .iter()
            .map(|d| d.field.as_str())
            .collect();
        assert_eq!(lines, ["fields.invalid", "candidates.1"]);
        // The second operator checks the paper and agrees with the first: accepted.
        f.app.execute(&two, enter(501, balanced())).await.unwrap();
        let view = f.app.protocol_view(&election(), &p(501)).await.unwrap();
        assert_eq!(
            (view.status.as_str(), view.version, view.entries.len()),
            ("accepted", 1, 3)
        );
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap();
    }
}

/// Small numbers that balance for a precinct with `voters` on the list (at least 500).
fn small(voters: u64) -> ProtocolNumbers {
    let mut n = balanced();
    for (k, v) in [
        ("voters_on_list", voters),
        ("ballots_received", 500),
        ("issued_inside", 400),
        ("issued_outside", 40),
        ("issued_absentee", 10),
        ("cancelled", 50),
        ("found_in_boxes", 450),
        ("invalid", 10),
        ("against_all", 40),
    ] {
        n.fields.insert(k.into(), v);
    }
    n.candidates = [(1, 250), (2, 150)].into_iter().collect();
    n
}

#[tokio::test]
async fn results_are_certified_once_every_protocol_is_in_and_only_once() {
    for f in with_candidates().await {
        set_clock(&f, "2023-11-05T15:30:00Z");
        let contest = f
            .app
            .store()
            .contests_of(&election())
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.unit.as_str() == "155200000")
            .unwrap()
            .id;
        let certify = || CertifyResults { contest };
        f.app
            .execute(&Acting::Operator, enter(501, balanced()))
            .await
            .unwrap();
        // Two of Uil's three precincts are missing: refused, naming them; nothing written.
        let before = size(&f).await;
        let e = f
            .app
            .execute(&Acting::Operator, certify())
            .await
            .unwrap_err();
        assert_eq!(
            rules_of(&e)[0].1,
            Rule::Results(ResultsRule::Incomplete {
                count: 2,
                missing: "150000000/502, 150000000/503".into(),
            })
        );
        assert_eq!(size(&f).await, before);
        f.app
            .execute(&Acting::Operator, enter(502, small(4000)))
            .await
            .unwrap();
        f.app
            .execute(&Acting::Operator, enter(503, small(1001)))
            .await
            .unwrap();
        f.app.execute(&Acting::Operator, certify()).await.unwrap();
        let r = f.app.election_results(&election()).await.unwrap();
        let unit = r.units.iter().find(|u| u.contest.id == contest).unwrap();
        assert_eq!(unit.result.status, ResultStatus::Certified);
        // Once only.
        let e = f
            .app
            .execute(&Acting::Operator, certify())
            .await
            .unwrap_err();
        assert_eq!(
            rules_of(&e)[0].1,
            Rule::Results(ResultsRule::AlreadyCertified)
        );
    }
}

/// Like [`with_candidates`], under a rule set asking for double entry.
async fn with_double_entry(toml: &str) -> Vec<Fixture> {
    let mut out = Vec::new();
    for f in crate::fixture::registries().await {
        crate::elections::aktobe(&f).await;
        set_clock(&f, "2023-09-15T05:00:00Z");
        let mut c = crate::elections::call(ELECTION, &[(UIL, "155200000")], Some("150000000"));
        c.rule_set = toml.to_owned();
        c.rule_set_sha256 = RuleSet::digest(toml);
        f.app.execute(&Acting::Operator, c).await.unwrap();
        register_two(&f).await;
        out.push(f);
    }
    out
}

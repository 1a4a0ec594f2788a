//! Election day (issue 12, i12-day): the protocol's control relations against an independent
//! oracle, the messages with their numbers, double entry, amendments, and turnout reports within
//! the day's hours, never decreasing, never above the list.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::date;
use proptest::prelude::*;
use sailau_domain::elections::protocol::*;
use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, RuleSet};
use sailau_domain::elections::turnout::{ReportTurnout, TurnoutFacts};
use sailau_domain::elections::*;
use sailau_domain::*;

fn election(toml: &str) -> Election {
    Election {
        id: ElectionId(uuid::Uuid::nil()),
        names: Names {
            ru: "В".into(),
            kk: "С".into(),
            en: String::new(),
        },
        level: Level::District,
        election_day: date(2023, 11, 5),
        called_on: date(2023, 9, 15),
        territory: None,
        rule_set_id: "kz-akim-district-2023".into(),
        rule_set_sha256: RuleSet::digest(toml),
        rule_set_toml: toml.into(),
    }
}

fn contest() -> Contest {
    Contest {
        id: ContestId(uuid::Uuid::nil()),
        election: ElectionId(uuid::Uuid::nil()),
        // Aktobe region: Asia/Aqtobe, UTC+5.
        unit: TerritoryCode::parse("155200000").unwrap(),
        voters: 10_000,
        ballots_produced: true,
        ballot_changed: false,
    }
}

/// A local time on election day (5 Nov 2023) in Aktobe (UTC+5).
fn local(h: i8, m: i8) -> Timestamp {
    let tz = zones::named_zone("Asia/Aqtobe").unwrap();
    date(2023, 11, 5)
        .at(h, m, 0, 0)
        .to_zoned(tz)
        .unwrap()
        .timestamp()
}

fn precinct() -> PrecinctRef {
    PrecinctRef {
        region_code: TerritoryCode::parse("150000000").unwrap(),
        number: 101,
    }
}

const KEYS: [&str; 9] = [
    "voters_on_list",
    "ballots_received",
    "issued_inside",
    "issued_outside",
    "issued_absentee",
    "cancelled",
    "found_in_boxes",
    "invalid",
    "against_all",
];

fn numbers(v: [u64; 9], candidates: &[u64]) -> ProtocolNumbers {
    ProtocolNumbers {
        fields: KEYS
            .iter()
            .zip(v)
            .map(|(k, n)| ((*k).to_owned(), n))
            .collect(),
        candidates: candidates
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u32 + 1, *n))
            .collect(),
    }
}

fn registered(n: usize) -> BTreeSet<u32> {
    (1..=n as u32).collect()
}

/// A balanced protocol: 1500 on the list, 1200 received, 1000 + 80 + 20 issued, 100 cancelled,
/// 1090 found = 10 invalid + 30 against all + 600 + 450.
fn balanced() -> ProtocolNumbers {
    numbers([1500, 1200, 1000, 80, 20, 100, 1090, 10, 30], &[600, 450])
}

/// The oracle: the default relations of rules.md §4 written out by hand, and the bound by the
/// list, without the rule set's data.
fn oracle(v: [u64; 9], c: &[u64]) -> bool {
    let [
        list,
        received,
        inside,
        outside,
        absentee,
        cancelled,
        found,
        invalid,
        against,
    ] = v;
    let issued = inside + outside + absentee;
    let votes: u64 = c.iter().sum();
    received == issued + cancelled
        && found == invalid + against + votes
        && found <= issued
        && issued <= list
        && [inside, outside, absentee, found, invalid, against]
            .iter()
            .all(|n| *n <= list)
        && c.iter().all(|n| *n <= list)
}

fn protocol_rules() -> sailau_domain::elections::rules::ProtocolRules {
    RuleSet::parse(KZ_AKIM_DISTRICT_2023).unwrap().protocol
}

/// Protocols that mostly balance, with small perturbations.
fn any_protocol() -> impl Strategy<Value = ([u64; 9], Vec<u64>)> {
    (
        0u64..3000,
        proptest::collection::vec(0u64..800, 1..5),
        0u64..50,
        0u64..50,
        0u64..200,
        0u64..100,
        0u64..40,
        proptest::collection::vec(-3i64..=3, 9),
    )
        .prop_map(
            |(list, cands, invalid, against, outside, cancelled, absentee, noise)| {
                let votes: u64 = cands.iter().sum();
                let found = invalid + against + votes;
                let inside = found.saturating_sub(outside + absentee) + 5;
                let issued = inside + outside + absentee;
                let received = issued + cancelled;
                let mut v = [
                    list.max(issued),
                    received,
                    inside,
                    outside,
                    absentee,
                    cancelled,
                    found,
                    invalid,
                    against,
                ];
                // Perturb a few numbers: half the time nothing changes.
                for (x, d) in v.iter_mut().zip(noise) {
                    if d.abs() == 3 {
                        *x = x.saturating_add_signed(d);
                    }
                }
                (v, cands)
            },
        )
}

proptest! {
    /// `check` accepts exactly the protocols the oracle accepts; a refusal names every failed
    /// relation or bound, and only failed ones.
    #[test]
    fn check_agrees_with_the_oracle((v, c) in any_protocol()) {
        let rules = protocol_rules();
        let n = numbers(v, &c);
        let got = check(&rules, &n, &registered(c.len()));
        prop_assert_eq!(got.is_ok(), oracle(v, &c), "{:?} {:?} {:?}", v, c, got);
        if let Err(e) = got {
            for fe in &e.0 {
                if let Rule::Day(DayRule::RelationFailed { relation, .. }) = &fe.rule {
                    let r = rules.relations.iter().find(|r| &r.name == relation).unwrap();
                    prop_assert!(!holds(r, &n));
                }
            }
            let failed = rules.relations.iter().filter(|r| !holds(r, &n)).count();
            let reported = e.0.iter().filter(|fe| matches!(fe.rule, Rule::Day(DayRule::RelationFailed { .. }))).count();
            prop_assert_eq!(failed, reported);
        }
    }

    /// Differences are symmetric and empty exactly for equal numbers.
    #[test]
    fn differences_are_symmetric((v, c) in any_protocol(), (w, d) in any_protocol()) {
        let (a, b) = (numbers(v, &c), numbers(w, &d));
        let ab = differences(&a, &b);
        let ba = differences(&b, &a);
        prop_assert_eq!(ab.is_empty(), a == b);
        prop_assert_eq!(ab.len(), ba.len());
        for (x, y) in ab.iter().zip(&ba) {
            prop_assert_eq!(&x.field, &y.field);
            prop_assert_eq!(x.first, y.second);
        }
    }

    /// Turnout reports in order are accepted; any report below an earlier one or above a later
    /// one is refused, naming that report.
    #[test]
    fn turnout_never_decreases(a in 0u64..1500, b in 0u64..1500) {
        let e = election(KZ_AKIM_DISTRICT_2023);
        let facts = TurnoutFacts { voters: 1500, reports: BTreeMap::from([("10:00".to_owned(), a)]) };
        let r = ReportTurnout { election: e.id, precinct: precinct(), at: "12:00".into(), voted: b };
        let got = r.validate(&e, &contest(), &facts, local(12, 5));
        prop_assert_eq!(got.is_ok(), b >= a);
        if let Err(errs) = got {
            let refused = errs.0.iter().any(|fe| fe.field == "voted" && fe.rule == Rule::Day(DayRule::TurnoutOrder { time: "10:00".into(), voted: a }));
            prop_assert!(refused);
        }
    }
}

#[test]
fn a_balanced_protocol_is_accepted_with_the_optional_field_filled() {
    let mut n = balanced();
    n.fields.remove("issued_absentee");
    n.fields.insert("issued_inside".into(), 1020);
    let out = check(&protocol_rules(), &n, &registered(2)).unwrap();
    assert_eq!(out.fields["issued_absentee"], 0);
}

#[test]
fn a_failed_relation_says_which_with_its_numbers_in_every_language() {
    let mut n = balanced();
    n.fields.insert("cancelled".into(), 90);
    let e = check(&protocol_rules(), &n, &registered(2)).unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(e.0[0].field, "fields.ballots_received");
    let Rule::Day(DayRule::RelationFailed {
        relation,
        kk,
        ru,
        en,
    }) = &e.0[0].rule
    else {
        panic!("{e}")
    };
    assert_eq!(relation, "received_balance");
    assert!(
        ru.contains("Получено бюллетеней участковой комиссией (1200) ≠"),
        "{ru}"
    );
    assert!(
        ru.contains("Погашено неиспользованных бюллетеней (90) = 1190"),
        "{ru}"
    );
    assert!(en.contains("Ballots received (1200) ≠"), "{en}");
    assert!(kk.contains("(1200) ≠") && kk.contains("= 1190"), "{kk}");
}

#[test]
fn unknown_fields_and_candidates_and_numbers_above_the_list_are_named() {
    let mut n = balanced();
    n.fields.insert("spoiled".into(), 3);
    n.candidates.insert(7, 1);
    n.fields.remove("invalid");
    let e = check(&protocol_rules(), &n, &registered(3)).unwrap_err();
    let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
    assert!(fields.contains(&"fields.spoiled"), "{e}");
    assert!(fields.contains(&"candidates.7"), "{e}");
    assert!(fields.contains(&"fields.invalid"), "{e}");
    assert!(fields.contains(&"candidates.3"), "{e}");
    let mut n = balanced();
    n.fields.insert("voters_on_list".into(), 500);
    let e = check(&protocol_rules(), &n, &registered(2)).unwrap_err();
    assert!(e.0.iter().any(|f| f.field == "candidates.1"
        && f.rule
            == Rule::Day(DayRule::AboveList {
                value: 600,
                voters: 500
            })));
}

fn enter(n: ProtocolNumbers) -> EnterProtocol {
    EnterProtocol {
        election: ElectionId(uuid::Uuid::nil()),
        precinct: precinct(),
        numbers: n,
    }
}

#[test]
fn a_protocol_is_entered_after_the_polls_close_and_once() {
    let e = election(KZ_AKIM_DISTRICT_2023);
    let facts = ProtocolFacts {
        registered: registered(2),
        state: ProtocolState::Empty,
    };
    let early = enter(balanced()).validate(&e, &contest(), &facts, local(19, 59));
    assert!(
        matches!(&early, Err(v) if matches!(v.0[0].rule, Rule::Day(DayRule::PollsNotClosed { .. }))),
        "{early:?}"
    );
    let ok = enter(balanced()).validate(&e, &contest(), &facts, local(20, 0));
    assert_eq!(ok, Ok(Entered::Accepted(balanced())));
    let again = ProtocolFacts {
        state: ProtocolState::Accepted {
            version: 1,
            numbers: balanced(),
        },
        ..facts
    };
    let e2 = enter(balanced())
        .validate(&e, &contest(), &again, local(21, 0))
        .unwrap_err();
    assert_eq!(e2.0[0].rule, Rule::Day(DayRule::ProtocolAccepted));
}

#[test]
fn double_entry_accepts_when_two_operators_agree() {
    let toml = KZ_AKIM_DISTRICT_2023.replace("double_entry = false", "double_entry = true");
    let e = election(&toml);
    let at = local(21, 0);
    let facts = |state| ProtocolFacts {
        registered: registered(2),
        state,
    };
    let first = enter(balanced()).validate(&e, &contest(), &facts(ProtocolState::Empty), at);
    assert_eq!(
        first,
        Ok(Entered::Pending {
            numbers: balanced(),
            differences: vec![]
        })
    );
    // A different second entry is kept, with the differences line by line.
    let mut other = balanced();
    other.candidates.insert(1, 590);
    other.fields.insert("invalid".into(), 20);
    let second = enter(other.clone())
        .validate(
            &e,
            &contest(),
            &facts(ProtocolState::Pending(vec![(balanced(), false)])),
            at,
        )
        .unwrap();
    let Entered::Pending { differences, .. } = second else {
        panic!("{second:?}")
    };
    let lines: Vec<&str> = differences.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(lines, ["fields.invalid", "candidates.1"]);
    // The same account cannot confirm its own entry.
    let same = enter(balanced())
        .validate(
            &e,
            &contest(),
            &facts(ProtocolState::Pending(vec![(balanced(), true)])),
            at,
        )
        .unwrap_err();
    assert_eq!(same.0[0].rule, Rule::Day(DayRule::SameOperator));
    // A third entry agreeing with the first (by another operator) is accepted.
    let third = enter(balanced()).validate(
        &e,
        &contest(),
        &facts(ProtocolState::Pending(vec![
            (balanced(), false),
            (other, true),
        ])),
        at,
    );
    assert_eq!(third, Ok(Entered::Accepted(balanced())));
}

#[test]
fn an_amendment_needs_a_reason_new_numbers_and_balance() {
    let e = election(KZ_AKIM_DISTRICT_2023);
    let facts = ProtocolFacts {
        registered: registered(2),
        state: ProtocolState::Accepted {
            version: 1,
            numbers: balanced(),
        },
    };
    let amend = |n, reason: &str| AmendProtocol {
        election: e.id,
        precinct: precinct(),
        numbers: n,
        reason: reason.into(),
    };
    let err = amend(balanced(), " ")
        .validate(&e, &facts, Edition::CURRENT)
        .unwrap_err();
    let fields: Vec<&str> = err.0.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["reason", "numbers"], "{err}");
    let mut fixed = balanced();
    fixed.candidates.insert(1, 590);
    fixed.candidates.insert(2, 460);
    let ok = amend(fixed.clone(), "Ошибка при переносе строки 10")
        .validate(&e, &facts, Edition::CURRENT)
        .unwrap();
    assert_eq!(ok, (2, fixed));
    let mut unbalanced = balanced();
    unbalanced.candidates.insert(1, 1);
    assert!(
        amend(unbalanced, "ошибка")
            .validate(&e, &facts, Edition::CURRENT)
            .is_err()
    );
    let none = ProtocolFacts {
        state: ProtocolState::Empty,
        ..facts
    };
    let err = amend(balanced(), "x")
        .validate(&e, &none, Edition::CURRENT)
        .unwrap_err();
    assert_eq!(err.0[0].rule, Rule::Day(DayRule::ProtocolNotAccepted));
}

#[test]
fn turnout_is_reported_within_the_day_at_its_times() {
    let e = election(KZ_AKIM_DISTRICT_2023);
    let facts = TurnoutFacts {
        voters: 1500,
        reports: BTreeMap::new(),
    };
    let report = |at: &str, voted| ReportTurnout {
        election: e.id,
        precinct: precinct(),
        at: at.into(),
        voted,
    };
    let rule = |r: Result<(), ValidationErrors>| r.unwrap_err().0[0].rule.key();
    assert!(
        report("10:00", 100)
            .validate(&e, &contest(), &facts, local(10, 1))
            .is_ok()
    );
    assert_eq!(
        rule(report("10:00", 100).validate(&e, &contest(), &facts, local(6, 59))),
        "election-window-not-open"
    );
    assert_eq!(
        rule(report("20:00", 100).validate(&e, &contest(), &facts, local(21, 1))),
        "election-window-closed"
    );
    assert!(
        report("20:00", 100)
            .validate(&e, &contest(), &facts, local(20, 59))
            .is_ok()
    );
    assert_eq!(
        rule(report("12:00", 100).validate(&e, &contest(), &facts, local(11, 0))),
        "day-turnout-too-early"
    );
    assert_eq!(
        rule(report("11:00", 100).validate(&e, &contest(), &facts, local(11, 0))),
        "day-turnout-time-unknown"
    );
    assert_eq!(
        rule(report("12:00", 1501).validate(&e, &contest(), &facts, local(12, 0))),
        "day-above-list"
    );
    let done = TurnoutFacts {
        voters: 1500,
        reports: BTreeMap::from([("12:00".to_owned(), 300)]),
    };
    assert_eq!(
        rule(report("12:00", 300).validate(&e, &contest(), &done, local(12, 30))),
        "day-turnout-reported"
    );
}

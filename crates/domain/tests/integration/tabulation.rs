//! Tabulation (issue 12 §4, §6) against an independent oracle: sums by hand, the winner found by
//! counting how many candidates reach the maximum, refunds in whole-number arithmetic.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use sailau_domain::elections::RouteKind;
use sailau_domain::elections::tabulation::{
    CandidateFacts, Counts, Outcome, Policies, ResultStatus, statistics, summarize, tabulate_unit,
};
use sailau_domain::person::Gender;

/// A protocol that balances: found = invalid + against + Σ votes; issued ≥ found; list ≥ issued.
fn protocol(candidates: usize) -> impl Strategy<Value = Counts<u8>> {
    (
        prop::collection::vec(0u64..400, candidates),
        0u64..50,
        0u64..20,
        0u64..30,
        0u64..500,
    )
        .prop_map(|(votes, against, invalid, unreturned, absent)| {
            let found = votes.iter().sum::<u64>() + against + invalid;
            let issued = found + unreturned;
            Counts {
                voters_on_list: issued + absent,
                ballots_issued: issued,
                found_in_boxes: found,
                invalid,
                against_all: against,
                votes: votes
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (i as u8, v))
                    .collect(),
            }
        })
}

fn unit() -> impl Strategy<Value = (usize, Vec<Counts<u8>>, usize)> {
    (1usize..6).prop_flat_map(|n| (Just(n), prop::collection::vec(protocol(n), 0..8), 0usize..3))
}

fn policies() -> impl Strategy<Value = (Policies, u32)> {
    (any::<bool>(), any::<bool>(), 0u32..3, 0u32..=20).prop_map(|(abs, aa, turnout, refund)| {
        (
            Policies {
                absolute_majority: abs,
                against_all_repeats: aa,
                minimum_turnout_percent: [0.0, 30.0, 60.0][turnout as usize],
                refund_min_percent: f64::from(refund),
            },
            refund,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn unit_result_matches_the_oracle((n, accepted, missing) in unit(), (pol, refund_pct) in policies(), certified in any::<bool>()) {
        let candidates: Vec<u8> = (0..n as u8).collect();
        let total_precincts = accepted.len() + missing;
        let r = tabulate_unit(&candidates, &accepted, total_precincts, certified, &pol);

        // Sums by hand.
        let field = |f: fn(&Counts<u8>) -> u64| accepted.iter().map(f).sum::<u64>();
        prop_assert_eq!(r.totals.voters_on_list, field(|c| c.voters_on_list));
        prop_assert_eq!(r.totals.ballots_issued, field(|c| c.ballots_issued));
        prop_assert_eq!(r.totals.found_in_boxes, field(|c| c.found_in_boxes));
        prop_assert_eq!(r.totals.against_all, field(|c| c.against_all));
        let votes: Vec<u64> = candidates
            .iter()
            .map(|k| accepted.iter().map(|c| c.votes[k]).sum())
            .collect();
        for (k, v) in candidates.iter().zip(&votes) {
            prop_assert_eq!(r.totals.votes[k], *v);
        }
        prop_assert_eq!(r.lines.len(), n);
        prop_assert!(r.lines.windows(2).all(|w| w[0].votes >= w[1].votes));

        // Status.
        let status = if certified {
            ResultStatus::Certified
        } else if missing == 0 {
            ResultStatus::Complete
        } else {
            ResultStatus::Preliminary
        };
        prop_assert_eq!(r.status, status);

        // Outcome.
        let found = r.totals.found_in_boxes;
        let max = votes.iter().copied().max().unwrap_or(0);
        let at_max: Vec<u8> = candidates.iter().copied().filter(|k| votes[*k as usize] == max).collect();
        let against_outpolls = found > 0 && r.totals.against_all > max;
        prop_assert_eq!(r.against_all_outpolls, against_outpolls);
        let low_turnout = pol.minimum_turnout_percent > 0.0
            && (r.totals.ballots_issued as f64) * 100.0
                < pol.minimum_turnout_percent * r.totals.voters_on_list as f64;
        let expected = if found == 0 {
            "no_votes"
        } else if low_turnout {
            "repeat_low_turnout"
        } else if against_outpolls && pol.against_all_repeats {
            "repeat_against_all"
        } else if at_max.len() > 1 {
            "repeat_tie"
        } else if !pol.absolute_majority || 2 * max > found || n == 1 {
            "elected"
        } else {
            let mut rest: Vec<u64> = votes.clone();
            rest.sort_unstable_by(|a, b| b.cmp(a));
            if rest.iter().filter(|v| **v == rest[1]).count() > 1 { "repeat_tie" } else { "run_off" }
        };
        prop_assert_eq!(r.outcome.as_str(), expected);
        if let Outcome::Elected { winner } = &r.outcome {
            prop_assert_eq!(votes[*winner as usize], max);
        }
        if let Outcome::RepeatTie { tied } = &r.outcome {
            prop_assert!(tied.len() > 1);
        }

        // Refunds: elected, or votes × 100 ≥ pct × found (whole numbers).
        for l in &r.lines {
            let elected = matches!(&r.outcome, Outcome::Elected { winner } if *winner == l.candidate);
            let share = found > 0 && l.votes * 100 >= u64::from(refund_pct) * found;
            prop_assert_eq!(l.refund, elected || share);
        }
    }

    #[test]
    fn national_summary_is_the_sum_of_precincts(units in prop::collection::vec(unit(), 1..6)) {
        let pol = Policies {
            absolute_majority: false,
            against_all_repeats: false,
            minimum_turnout_percent: 0.0,
            refund_min_percent: 5.0,
        };
        let results: Vec<_> = units
            .iter()
            .map(|(n, acc, miss)| {
                let cands: Vec<u8> = (0..*n as u8).collect();
                tabulate_unit(&cands, acc, acc.len() + miss, false, &pol)
            })
            .collect();
        let s = summarize(&results);
        let all: Vec<&Counts<u8>> = units.iter().flat_map(|u| u.1.iter()).collect();
        prop_assert_eq!(s.units, units.len());
        prop_assert_eq!(s.precincts_in, all.len());
        prop_assert_eq!(s.precincts_total, units.iter().map(|u| u.1.len() + u.2).sum::<usize>());
        prop_assert_eq!(s.voters_on_list, all.iter().map(|c| c.voters_on_list).sum::<u64>());
        prop_assert_eq!(s.ballots_issued, all.iter().map(|c| c.ballots_issued).sum::<u64>());
        prop_assert_eq!(s.by_outcome.values().sum::<usize>(), units.len());
        prop_assert_eq!(s.by_status.values().sum::<usize>(), units.len());
    }
}

#[test]
fn statistics_count_routes_parties_winners_and_ages() {
    let c =
        |k: u8, route, party: Option<&str>, gender, age, registered, incumbent| CandidateFacts {
            candidate: k,
            route,
            party: party.map(str::to_owned),
            gender,
            age,
            registered,
            on_ballot: registered,
            incumbent,
        };
    let cands = vec![
        c(
            1,
            RouteKind::Party,
            Some("AMANAT"),
            Gender::Male,
            46,
            true,
            true,
        ),
        c(
            2,
            RouteKind::SelfNominated,
            None,
            Gender::Female,
            38,
            true,
            false,
        ),
        c(
            3,
            RouteKind::Party,
            Some("Respublica"),
            Gender::Male,
            50,
            true,
            false,
        ),
        c(
            4,
            RouteKind::SelfNominated,
            None,
            Gender::Male,
            30,
            false,
            false,
        ),
    ];
    let winners: BTreeSet<u8> = [1, 3].into();
    let precinct = |issued, list| Counts::<u8> {
        voters_on_list: list,
        ballots_issued: issued,
        ..Counts::default()
    };
    let s = statistics(
        &cands,
        &winners,
        &[precinct(63, 100), precinct(100, 100), precinct(0, 0)],
    );
    assert_eq!((s.nominated, s.registered, s.on_ballot), (4, 3, 3));
    assert_eq!(s.registered_by_route["party"], 2);
    assert_eq!(s.registered_by_route["self_nominated"], 1);
    assert_eq!(s.registered_by_gender["female"], 1);
    assert_eq!(s.registered_by_age["45-54"], 2);
    assert_eq!(s.winners_by_party["AMANAT"], 1);
    assert_eq!((s.incumbents_reelected, s.new_winners), (1, 1));
    assert!((s.average_age_of_winners - 48.0).abs() < 1e-9);
    assert_eq!(
        s.turnout_distribution,
        BTreeMap::from([
            ("60-70".to_owned(), 1),
            ("90-100".to_owned(), 1),
            ("0-10".to_owned(), 1)
        ])
    );
}

mod certification {
    use jiff::Timestamp;
    use jiff::civil::date;
    use sailau_domain::elections::certification::{CertifyFacts, CertifyResults, ResultsRule};
    use sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023;
    use sailau_domain::elections::{Contest, ContestId, Election, ElectionId, Level, RuleSet};
    use sailau_domain::{Names, Rule, TerritoryCode};

    fn world() -> (Election, Contest) {
        let election = Election {
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
            rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
            rule_set_toml: KZ_AKIM_DISTRICT_2023.into(),
        };
        let contest = Contest {
            id: ContestId(uuid::Uuid::nil()),
            election: election.id,
            unit: TerritoryCode::parse("155200000").unwrap(),
            voters: 10_000,
            ballots_produced: true,
            ballot_changed: false,
        };
        (election, contest)
    }

    fn rules_of(e: sailau_domain::ValidationErrors) -> Vec<Rule> {
        e.0.into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn refused_while_polls_open_with_missing_precincts_named() {
        let (election, contest) = world();
        // 5 Nov 2023 15:00 in Aktobe (UTC+5): the polls are open.
        let now: Timestamp = "2023-11-05T10:00:00Z".parse().unwrap();
        let facts = CertifyFacts {
            missing_precincts: vec!["15/101".into(), "15/102".into()],
            already_certified: false,
        };
        let cmd = CertifyResults {
            contest: contest.id,
        };
        let errs = rules_of(cmd.validate(&contest, &election, &facts, now).unwrap_err());
        assert_eq!(
            errs,
            vec![
                Rule::Results(ResultsRule::PollsOpen),
                Rule::Results(ResultsRule::Incomplete {
                    count: 2,
                    missing: "15/101, 15/102".into()
                })
            ]
        );
    }

    #[test]
    fn certified_once_after_the_count_when_all_are_in() {
        let (election, contest) = world();
        let now: Timestamp = "2023-11-06T03:00:00Z".parse().unwrap();
        let cmd = CertifyResults {
            contest: contest.id,
        };
        cmd.validate(&contest, &election, &CertifyFacts::default(), now)
            .unwrap();
        let again = CertifyFacts {
            already_certified: true,
            ..CertifyFacts::default()
        };
        assert_eq!(
            rules_of(cmd.validate(&contest, &election, &again, now).unwrap_err()),
            vec![Rule::Results(ResultsRule::AlreadyCertified)]
        );
    }

    #[test]
    fn a_long_list_of_missing_precincts_is_cut() {
        let missing: Vec<String> = (1..=25).map(|i| format!("15/{i}")).collect();
        let ResultsRule::Incomplete { count, missing } = ResultsRule::incomplete(&missing) else {
            panic!("not incomplete");
        };
        assert_eq!(count, 25);
        assert!(missing.ends_with("15/20, …"), "{missing}");
    }
}

/// i12-results: golden bytes of `certify_results` (the contest only; the decision's facts are in
/// the database).
pub fn golden() -> Vec<(sailau_domain::LedgerEntry, &'static str)> {
    use sailau_domain::elections::ContestId;
    use sailau_domain::elections::certification::CertifyResults;
    use sailau_domain::{Actor, LedgerEntry, Username};
    vec![(
        LedgerEntry {
            v: 2,
            index: 60,
            at_ms: 1_699_250_000_000,
            actor: Actor::Account {
                username: Username::parse("tec-150").unwrap(),
            },
            command: CertifyResults {
                contest: ContestId(uuid::Uuid::from_u128(
                    0x0190_0000_0000_7000_8000_0000_0000_0b01,
                )),
            }
            .into(),
        },
        r#"{"v":2,"index":60,"at_ms":1699250000000,"actor":{"type":"account","username":"tec-150"},"command":{"type":"certify_results","contest":"01900000-0000-7000-8000-000000000b01"}}"#,
    )]
}

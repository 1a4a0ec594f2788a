//! The party context's pure rules: numbering, member records, the rule set, and the decision of
//! a vote (property tests: counts never above the delegates present, the default rule is
//! "for > present ÷ 2", at most one winner, a tie is never adopted, no decision without quorum).

use std::collections::BTreeSet;

use jiff::civil::date;
use proptest::prelude::*;
use sailau_domain::party::member::MemberRecord;
use sailau_domain::party::numbering::{conference_number, roman};
use sailau_domain::party::rules::PartyRule;
use sailau_domain::party::vote::*;
use sailau_domain::*;

fn rules() -> PartyRules {
    PartyRules::amanat()
}

fn present(n: u32) -> BTreeSet<u32> {
    (1..=n).collect()
}

fn counts(votes_for: Vec<u32>, against: u32, abstain: u32) -> Tally {
    Tally::Counts {
        votes_for,
        against,
        abstain,
    }
}

fn facts(elected: u32, present: &BTreeSet<u32>, contenders: u32) -> VoteFacts<'_> {
    VoteFacts {
        elected,
        present,
        contenders,
        mode: VoteMode::Open,
        final_round: false,
    }
}

fn rules_of(e: &ValidationErrors) -> Vec<Rule> {
    e.0.iter().map(|f| f.rule.clone()).collect()
}

#[test]
fn the_amanat_preset_reads_from_its_toml() {
    let r = rules();
    assert_eq!(r.id, "amanat-2023");
    assert_eq!(r.quorum, QuorumRule::MoreThanHalfOfElected);
    assert_eq!(r.decision, DecisionRule::MajorityOfPresent);
    assert_eq!(r.second_round, SecondRound::TopTwo);
    assert!(!r.sources.is_empty());
}

#[test]
fn an_unknown_key_or_value_in_a_rule_set_is_named() {
    let bad = "id = \"x\"\nquorum = \"most\"\ndecision = \"majority_of_present\"\nsecond_round = \"top_two\"\n";
    let e = PartyRules::from_toml(bad).unwrap_err();
    match &e.0[0].rule {
        Rule::RuleSetInvalid { key, problem, line } => {
            assert_eq!(key, "quorum");
            assert_eq!((problem.as_str(), *line), ("choice", 2));
        }
        other => panic!("{other:?}"),
    }
    let extra = format!(
        "{}\nquorum_percent = 50\n",
        sailau_domain::party::vote::AMANAT_TOML
    );
    assert!(PartyRules::from_toml(&extra).is_err());
}

#[test]
fn the_seeds_conference_numbers() {
    assert_eq!(conference_number(50, "ru"), "L (50-я)");
    assert_eq!(conference_number(50, "kk"), "L (50-ші)");
    assert_eq!(conference_number(44, "ru"), "XLIV (44-я)");
    assert_eq!(roman(42).as_deref(), Some("XLII"));
}

#[test]
fn beineu_160_delegates_a_majority_of_those_present() {
    // 160 elected, 150 present: 76 for is a majority of those present, 75 is not.
    let p = present(150);
    let d = decide(&rules(), &facts(160, &p, 1), &counts(vec![76], 50, 24)).unwrap();
    assert_eq!(d.outcome, Outcome::Adopted { winner: 0 });
    assert_eq!(d.quorum_needed, 81);
    let d = decide(&rules(), &facts(160, &p, 1), &counts(vec![75], 0, 75)).unwrap();
    assert_eq!(
        d.outcome,
        Outcome::NotAdopted { tie: false },
        "abstentions weigh as present"
    );
}

#[test]
fn no_decision_without_quorum_and_counts_above_present_are_refused_together() {
    let p = present(80);
    let e = decide(&rules(), &facts(160, &p, 1), &counts(vec![81], 0, 0)).unwrap_err();
    assert_eq!(
        rules_of(&e),
        vec![
            PartyRule::NoQuorum {
                present: 80,
                needed: 81
            }
            .into(),
            PartyRule::CountsAbovePresent { present: 80 }.into(),
        ]
    );
}

#[test]
fn shieli_three_contenders_go_to_a_second_round_between_the_top_two() {
    // Shieli's XLII: 120 delegates, three contenders (rules.md §8).
    let p = present(120);
    let d = decide(
        &rules(),
        &facts(120, &p, 3),
        &counts(vec![50, 40, 30], 0, 0),
    )
    .unwrap();
    assert_eq!(d.outcome, Outcome::SecondRound { between: [0, 1] });
    let last = VoteFacts {
        final_round: true,
        ..facts(120, &p, 2)
    };
    let d = decide(&rules(), &last, &counts(vec![70, 50], 0, 0)).unwrap();
    assert_eq!(d.outcome, Outcome::Adopted { winner: 0 });
    let d = decide(&rules(), &last, &counts(vec![60, 60], 0, 0)).unwrap();
    assert_eq!(d.outcome, Outcome::NotAdopted { tie: true });
}

#[test]
fn a_roll_call_counts_each_present_delegate_once() {
    let p: BTreeSet<u32> = [1, 2, 3].into_iter().collect();
    let f = VoteFacts {
        mode: VoteMode::RollCall,
        ..facts(4, &p, 1)
    };
    let votes = vec![
        RollCallVote {
            mandate: 1,
            choice: Choice::For(0),
        },
        RollCallVote {
            mandate: 2,
            choice: Choice::For(0),
        },
        RollCallVote {
            mandate: 3,
            choice: Choice::Against,
        },
    ];
    let d = decide(
        &rules(),
        &f,
        &Tally::RollCall {
            votes: votes.clone(),
        },
    )
    .unwrap();
    assert_eq!(d.counts.votes_for, vec![2]);
    assert_eq!(d.outcome, Outcome::Adopted { winner: 0 });
    let mut bad = votes;
    bad.push(RollCallVote {
        mandate: 4,
        choice: Choice::For(0),
    });
    bad.push(RollCallVote {
        mandate: 1,
        choice: Choice::Abstain,
    });
    let e = decide(&rules(), &f, &Tally::RollCall { votes: bad }).unwrap_err();
    assert_eq!(
        rules_of(&e),
        vec![
            PartyRule::NotCheckedIn { mandate: 4 }.into(),
            PartyRule::VotedTwice { mandate: 1 }.into(),
        ]
    );
    // Counts are not a roll call's record.
    let e = decide(&rules(), &f, &counts(vec![1], 0, 0)).unwrap_err();
    assert_eq!(rules_of(&e), vec![PartyRule::TallyMode.into()]);
}

#[test]
fn member_records_commit_to_every_field_and_validate_all_at_once() {
    let r = MemberRecord {
        salt: "00112233445566778899aabbccddeeff".into(),
        card_number: "AM-0001".into(),
        surname: "Казыбаев".into(),
        given_name: "Аскар".into(),
        patronymic: String::new(),
        birth_date: date(1979, 3, 1),
    };
    let c = r.commitment();
    assert_eq!(c.len(), 64);
    let other = MemberRecord {
        salt: "ff112233445566778899aabbccddeeff".into(),
        ..r.clone()
    };
    assert_ne!(other.commitment(), c, "the salt changes the commitment");
    assert!(
        !format!("{r:?}").contains("Казыбаев"),
        "no personal data in Debug"
    );
    let bad = MemberRecord {
        card_number: "AM 0001<".into(),
        surname: String::new(),
        birth_date: date(2030, 1, 1),
        ..r.clone()
    };
    let e = bad
        .validate(date(2024, 1, 1), date(2023, 9, 27), Edition::CURRENT)
        .unwrap_err();
    let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        vec!["card_number", "surname", "birth_date", "joined_on"]
    );
    // A card number is kept in capitals, so that one card cannot be recorded twice in two cases.
    let lower = MemberRecord {
        card_number: " am-0001 ".into(),
        ..r.clone()
    };
    let kept = lower
        .validate(date(2000, 1, 1), date(2023, 9, 27), Edition::CURRENT)
        .unwrap();
    assert_eq!(kept.card_number, "AM-0001");
}

fn any_rules() -> impl Strategy<Value = PartyRules> {
    (
        prop_oneof![
            Just(QuorumRule::MoreThanHalfOfElected),
            Just(QuorumRule::TwoThirdsOfElected)
        ],
        prop_oneof![
            Just(DecisionRule::MajorityOfPresent),
            Just(DecisionRule::MajorityOfCast),
            Just(DecisionRule::TwoThirdsOfPresent),
            Just(DecisionRule::MajorityOfElected)
        ],
        prop_oneof![Just(SecondRound::TopTwo), Just(SecondRound::None)],
    )
        .prop_map(|(quorum, decision, second_round)| PartyRules {
            id: "test".into(),
            quorum,
            decision,
            second_round,
            sources: Vec::new(),
        })
}

proptest! {
    #[test]
    fn counts_above_present_are_never_decided(
        r in any_rules(),
        elected in 1u32..300,
        present_n in 0u32..300,
        votes_for in proptest::collection::vec(0u32..300, 1..5),
        against in 0u32..300,
        abstain in 0u32..300,
    ) {
        let present_n = present_n.min(elected);
        let p = present(present_n);
        let n = votes_for.len() as u32;
        let total: u64 = votes_for.iter().map(|v| u64::from(*v)).sum::<u64>() + u64::from(against) + u64::from(abstain);
        let got = decide(&r, &facts(elected, &p, n), &counts(votes_for.clone(), against, abstain));
        match got {
            Ok(d) => {
                prop_assert!(total <= u64::from(present_n));
                prop_assert!(present_n >= r.quorum.needed(elected), "decided without quorum");
                prop_assert_eq!(d.counts.total(), total);
                if let Outcome::Adopted { winner } = d.outcome {
                    let w = votes_for[winner as usize];
                    // The winner has strictly more votes than every other contender.
                    for (i, v) in votes_for.iter().enumerate() {
                        if i as u32 != winner { prop_assert!(w > *v); }
                    }
                    if r.decision == DecisionRule::MajorityOfPresent {
                        prop_assert!(u64::from(w) * 2 > u64::from(present_n));
                    }
                }
            }
            Err(e) => {
                let rs = rules_of(&e);
                let above = rs.contains(&PartyRule::CountsAbovePresent { present: present_n }.into());
                prop_assert_eq!(above, total > u64::from(present_n));
                let no_quorum = rs.iter().any(|r| matches!(r, Rule::Party(PartyRule::NoQuorum { .. })));
                prop_assert_eq!(no_quorum, present_n < r.quorum.needed(elected));
            }
        }
    }

    #[test]
    fn the_default_rule_adopts_exactly_when_for_is_more_than_half_of_present(
        present_n in 1u32..500,
        split in (0u32..500, 0u32..500),
    ) {
        let p = present(present_n);
        let votes_for = split.0.min(present_n);
        let against = split.1.min(present_n - votes_for);
        let abstain = present_n - votes_for - against;
        let d = decide(&rules(), &facts(present_n, &p, 1), &counts(vec![votes_for], against, abstain)).unwrap();
        let adopted = matches!(d.outcome, Outcome::Adopted { .. });
        prop_assert_eq!(adopted, u64::from(votes_for) * 2 > u64::from(present_n));
    }

    #[test]
    fn more_votes_for_never_undo_an_adoption(
        present_n in 1u32..400,
        votes_for in 0u32..400,
        extra in 0u32..400,
    ) {
        let p = present(present_n);
        let votes_for = votes_for.min(present_n);
        let more = (votes_for + extra).min(present_n);
        let before = decide(&rules(), &facts(present_n, &p, 1), &counts(vec![votes_for], 0, 0)).unwrap();
        let after = decide(&rules(), &facts(present_n, &p, 1), &counts(vec![more], 0, 0)).unwrap();
        if matches!(before.outcome, Outcome::Adopted { .. }) {
            let adopted = matches!(after.outcome, Outcome::Adopted { .. });
            prop_assert!(adopted);
        }
    }

    #[test]
    fn a_tie_at_the_top_is_never_adopted(
        r in any_rules(),
        top in 0u32..100,
        others in proptest::collection::vec(0u32..100, 0..3),
    ) {
        let mut votes_for = vec![top, top];
        votes_for.extend(others.iter().map(|o| o.min(&top)).copied());
        let total: u32 = votes_for.iter().sum();
        let p = present(total.max(1));
        let n = votes_for.len() as u32;
        let d = decide(&r, &facts(total.max(1), &p, n), &counts(votes_for, 0, 0)).unwrap();
        let adopted = matches!(d.outcome, Outcome::Adopted { .. });
        prop_assert!(!adopted, "{:?}", d.outcome);
    }
}

#[test]
fn a_delegate_sits_on_one_roster_of_a_day() {
    use sailau_domain::party::conference::{SeatFacts, Seated, validate_seat};
    use sailau_domain::party::member::{MemberFacts, MemberId};
    let party = PartyCode::parse("amanat").unwrap();
    let conference = SeatFacts {
        party: party.clone(),
        held_on: date(2023, 9, 27),
        voting_started: false,
        mandate_taken: false,
    };
    let member = MemberFacts {
        member: MemberId(uuid::Uuid::from_u128(7)),
        party,
        branch: TerritoryCode::parse("155200000").unwrap(),
        joined_on: date(2008, 3, 1),
        erased: false,
    };
    let seat = |seated| validate_seat(Some(&conference), 2, Some(&member), seated);
    assert!(seat(Seated::default()).is_ok());
    // Another conference of the party on the same day: refused, naming the rule.
    let e = seat(Seated {
        here: false,
        elsewhere_same_day: true,
    })
    .unwrap_err();
    assert_eq!(rules_of(&e), vec![PartyRule::DelegateElsewhere.into()]);
    assert_eq!(e.0[0].field, "member");
    // Already on this roster: the nearer rule, said once.
    let e = seat(Seated {
        here: true,
        elsewhere_same_day: true,
    })
    .unwrap_err();
    assert_eq!(rules_of(&e), vec![PartyRule::DelegateTwice.into()]);
}

proptest! {
    /// A check-in given the one mandate's place on the roster refuses exactly as it did given
    /// the whole roster and the delegates present (the rule before `CheckInFacts`).
    #[test]
    fn a_check_in_refuses_as_it_did_with_the_whole_roster(
        roster in proptest::collection::btree_set(1u32..40, 0..30),
        present_of in proptest::collection::vec(any::<bool>(), 30),
        mandate in 0u32..45,
        exists in any::<bool>(),
    ) {
        use sailau_domain::party::conference::{CheckInFacts, validate_check_in};
        let present: BTreeSet<u32> = roster
            .iter()
            .zip(&present_of)
            .filter(|(_, p)| **p)
            .map(|(m, _)| *m)
            .collect();
        let before = if !exists {
            Err(ValidationErrors::one("conference", PartyRule::ConferenceMissing.into()))
        } else if !roster.contains(&mandate) {
            Err(ValidationErrors::one("mandate", PartyRule::MandateMissing { mandate }.into()))
        } else if present.contains(&mandate) {
            Err(ValidationErrors::one("mandate", PartyRule::CheckedInTwice { mandate }.into()))
        } else {
            Ok(())
        };
        let facts = exists.then(|| {
            if !roster.contains(&mandate) {
                CheckInFacts::NotOnRoster
            } else if present.contains(&mandate) {
                CheckInFacts::Present
            } else {
                CheckInFacts::Absent
            }
        });
        prop_assert_eq!(validate_check_in(facts, mandate), before);
    }
}

/// The seating rule as it was given the whole roster (before `SeatFacts`), kept to compare.
fn seat_with_the_roster(
    conference: Option<&sailau_domain::party::conference::ConferenceFacts>,
    mandate: u32,
    member: Option<&sailau_domain::party::member::MemberFacts>,
    seated: sailau_domain::party::conference::Seated,
) -> Result<(), ValidationErrors> {
    use sailau_domain::party::conference::MAX_MANDATE;
    use sailau_domain::party::member::member_on;
    let mut errs = ValidationErrors::new();
    let Some(c) = conference else {
        return Err(ValidationErrors::one(
            "conference",
            PartyRule::ConferenceMissing.into(),
        ));
    };
    if c.voting_started {
        errs.push("conference", PartyRule::RosterClosed.into());
    }
    if mandate == 0 || mandate > MAX_MANDATE {
        errs.push("mandate", PartyRule::MandateRange.into());
    } else if c.roster.contains(&mandate) {
        errs.push("mandate", PartyRule::MandateTaken.into());
    }
    if let Err(r) = member_on(member, &c.party, c.held_on) {
        errs.push("member", r.into());
    }
    if seated.here {
        errs.push("member", PartyRule::DelegateTwice.into());
    } else if seated.elsewhere_same_day {
        errs.push("member", PartyRule::DelegateElsewhere.into());
    }
    errs.into_result()
}

proptest! {
    /// Seating given the conference's state and whether the one mandate is taken refuses
    /// exactly as it did given the whole roster: the same rules, fields and order.
    #[test]
    fn a_seat_refuses_as_it_did_with_the_whole_roster(
        roster in proptest::collection::btree_set(1u32..40, 0..30),
        present_of in proptest::collection::vec(any::<bool>(), 30),
        mandate in prop_oneof![0u32..45, Just(99_999u32), Just(100_000u32), Just(u32::MAX)],
        exists in any::<bool>(),
        voting_started in any::<bool>(),
        presidium_elected in any::<bool>(),
        motion_open in any::<bool>(),
        member_kind in 0u8..4,
        joined_day in 1i8..29,
        here in any::<bool>(),
        elsewhere_same_day in any::<bool>(),
    ) {
        use sailau_domain::party::conference::{ConferenceFacts, Seated, SeatFacts, validate_seat};
        use sailau_domain::party::member::{MemberFacts, MemberId};
        let amanat = PartyCode::parse("amanat").unwrap();
        let held_on = date(2023, 9, 15);
        let present: BTreeSet<u32> = roster
            .iter()
            .zip(&present_of)
            .filter(|(_, p)| **p)
            .map(|(m, _)| *m)
            .collect();
        let whole = ConferenceFacts {
            party: amanat.clone(),
            held_on,
            roster: roster.clone(),
            present,
            voting_started,
            presidium_elected,
            motion_open,
        };
        // No member, another party's, the party's joined before or after the day, erased.
        let member = (member_kind > 0).then(|| MemberFacts {
            member: MemberId(uuid::Uuid::from_u128(7)),
            party: if member_kind == 1 {
                PartyCode::parse("auyl").unwrap()
            } else {
                amanat.clone()
            },
            branch: TerritoryCode::parse("155200000").unwrap(),
            joined_on: date(2023, 9, joined_day),
            erased: member_kind == 3,
        });
        let seated = Seated { here, elsewhere_same_day };
        let before = seat_with_the_roster(
            exists.then_some(&whole),
            mandate,
            member.as_ref(),
            seated,
        );
        let facts = exists.then(|| SeatFacts {
            party: amanat.clone(),
            held_on,
            voting_started,
            mandate_taken: roster.contains(&mandate),
        });
        prop_assert_eq!(
            validate_seat(facts.as_ref(), mandate, member.as_ref(), seated),
            before
        );
    }
}

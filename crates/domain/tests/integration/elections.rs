//! Properties of the elections rules: the calendar (windows in order, deadlines at the stated
//! local times in every zone), age on election day, eligibility by age, one nominee per party per
//! unit, one standing nomination declaring the sitting akim per contest, and the signature
//! threshold.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use sailau_domain::elections::nomination::NominationFacts;
use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, KZ_AKIM_RURAL_2021, RuleSet};
use sailau_domain::elections::*;
use sailau_domain::*;

fn rules() -> RuleSet {
    RuleSet::parse(KZ_AKIM_DISTRICT_2023).unwrap()
}

const ZONES: [&str; 7] = [
    "Asia/Almaty",
    "Asia/Aqtobe",
    "Asia/Oral",
    "Asia/Atyrau",
    "Asia/Aqtau",
    "Asia/Qyzylorda",
    "Asia/Qostanay",
];

fn any_day() -> impl Strategy<Value = Date> {
    (2021i16..2035, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

proptest! {
    /// Whatever the day and zone, the windows follow the law's order and the deadlines fall at
    /// their local times.
    #[test]
    fn the_calendar_keeps_its_order_and_local_times(day in any_day(), zone in 0usize..7, back in 50i64..80) {
        for text in [KZ_AKIM_DISTRICT_2023, KZ_AKIM_RURAL_2021] {
            let r = RuleSet::parse(text).unwrap();
            let called = day.checked_sub(jiff::Span::new().days(back)).unwrap();
            let cal = Calendar::compute(&r, day, called, ZONES[zone]).unwrap();
            let w = |p| cal.window(p).unwrap().clone();
            let nomination = w(Phase::Nomination);
            let registration = w(Phase::Registration);
            let voting = w(Phase::Voting);
            prop_assert!(nomination.opens.as_ref().unwrap().at < nomination.closes.at);
            prop_assert!(nomination.closes.at <= registration.closes.at);
            prop_assert!(registration.closes.at <= w(Phase::HigherAkimProposal).closes.at);
            prop_assert!(w(Phase::HigherAkimProposal).closes.at <= w(Phase::HigherAkimRegistration).closes.at);
            prop_assert!(w(Phase::Withdrawal).closes.at < voting.opens.as_ref().unwrap().at);
            prop_assert!(w(Phase::Campaign).closes.at <= voting.opens.as_ref().unwrap().at);
            prop_assert_eq!(voting.opens.as_ref().unwrap().date, day);
            // The local time of the registration deadline is the rule set's.
            let tz = zones::named_zone(ZONES[zone]).unwrap();
            let local = registration.closes.at.to_zoned(tz).datetime();
            prop_assert_eq!(format!("{:02}:{:02}", local.hour(), local.minute()), r.calendar.registration_closes_time.clone());
            // Open exactly inside [opens, closes).
            let opens = nomination.opens.as_ref().unwrap().at;
            prop_assert!(cal.check(Phase::Nomination, opens).is_ok());
            prop_assert!(cal.check(Phase::Nomination, nomination.closes.at).is_err());
            let before = Timestamp::from_millisecond(opens.as_millisecond() - 1).unwrap();
            let refused_before = matches!(cal.check(Phase::Nomination, before), Err(Rule::WindowNotOpen { .. }));
            prop_assert!(refused_before);
        }
    }

    /// Age on a day: whole years, the birthday itself counts, never more than the year difference.
    #[test]
    fn age_on_election_day_counts_whole_years(born in any_day(), day in any_day()) {
        let p = Person {
            id: PersonId(uuid::Uuid::nil()),
            surname: "А".into(),
            given_name: "Б".into(),
            patronymic: String::new(),
            birth_date: born,
            gender: Gender::Male,
        };
        let age = i32::from(p.age_on(day));
        let years = i32::from(day.year()) - i32::from(born.year());
        prop_assert!(age == years || age == years - 1);
        let birthday_passed = (day.month(), day.day()) >= (born.month(), born.day());
        prop_assert_eq!(age == years, birthday_passed);
    }

    /// A nominee is eligible by age exactly when 25 or older on election day, a second
    /// nominee of a party in a unit is always refused, and so is a nomination declaring the
    /// sitting akim when another standing one already does (on `incumbent`); the refusal names
    /// the numbers.
    #[test]
    fn eligibility_by_age_and_one_nominee_per_party(
        age in 18i16..40,
        second in any::<bool>(),
        incumbent in any::<bool>(),
        declared in any::<bool>(),
    ) {
        let r = rules();
        let election_day = date(2023, 11, 5);
        let born = date(2023 - age, 11, 5);
        let election = Election {
            id: ElectionId(uuid::Uuid::nil()),
            names: Names { ru: "В".into(), kk: "С".into(), en: String::new() },
            level: Level::District,
            election_day,
            called_on: date(2023, 9, 15),
            territory: None,
            rule_set_id: r.id.clone(),
            rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
            rule_set_toml: KZ_AKIM_DISTRICT_2023.into(),
        };
        let contest = Contest {
            id: ContestId(uuid::Uuid::nil()),
            election: election.id,
            unit: TerritoryCode::parse("155200000").unwrap(),
            voters: 10_000,
            ballots_produced: false,
            ballot_changed: false,
        };
        let cmd = NominateByParty {
            nomination: NominationId(uuid::Uuid::nil()),
            contest: contest.id,
            candidate: Candidate {
                person: Person {
                    id: PersonId(uuid::Uuid::from_u128(1)),
                    surname: "Казыбаев".into(),
                    given_name: "Аскар".into(),
                    patronymic: String::new(),
                    birth_date: born,
                    gender: Gender::Male,
                },
                post: "аким".into(),
                residence: "с. Уил".into(),
                qualifications: vec![],
                incumbent,
            },
            party: PartyCode::parse("amanat").unwrap(),
            decision: Decision { number: "1".into(), date: date(2023, 9, 27), body: "Конференция".into() },
            membership: Membership { document: "билет".into() },
        };
        let facts = NominationFacts {
            party_exists: true,
            party_has_nominee: second,
            incumbent_declared: declared,
            ..Default::default()
        };
        let now: Timestamp = "2023-09-27T06:00:00Z".parse().unwrap();
        let got = cmd.validate(&contest, &election, &facts, now, Edition::CURRENT);
        let too_young = age < 25;
        let two_akims = incumbent && declared;
        match got {
            Ok((n, _)) => {
                prop_assert!(!too_young && !second && !two_akims);
                prop_assert_eq!(n.candidate.incumbent, incumbent);
            }
            Err(e) => {
                let young = e.0.iter().any(|f| matches!(&f.rule, Rule::CandidateTooYoung { min: 25, age: a, .. } if i64::try_from(*a).unwrap() == i64::from(age)));
                let taken = e.0.iter().any(|f| matches!(&f.rule, Rule::PartyNomineeTaken { .. }));
                let akim = e.0.iter().any(|f| f.field == "incumbent" && f.rule == Rule::IncumbentTaken);
                prop_assert_eq!(young, too_young);
                prop_assert_eq!(taken, second);
                prop_assert_eq!(akim, two_akims);
            }
        }
    }

    /// The signature threshold is the share of the voters rounded up.
    #[test]
    fn signatures_are_one_percent_rounded_up(voters in 0u64..2_000_000) {
        let need = rules().signatures_required(voters);
        prop_assert!(need * 100 >= voters);
        prop_assert!(need == 0 || (need - 1) * 100 < voters);
    }
}

//! The primaries (issue 14): golden ledger entries of every primaries command, the campaign's
//! and contenders' rules, and property tests of the quota-balanced lists (§7): the quotas hold
//! whenever the contenders make them possible, and the vote order is otherwise kept.

use jiff::civil::date;
use proptest::prelude::*;
use sailau_domain::party::member::{MemberFacts, MemberId};
use sailau_domain::primaries::campaign::*;
use sailau_domain::primaries::contenders::*;
use sailau_domain::primaries::debates::*;
use sailau_domain::primaries::lists::*;
use sailau_domain::primaries::paper::*;
use sailau_domain::primaries::rules::*;
use sailau_domain::primaries::*;
use sailau_domain::*;

fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + n)
}

fn ts(s: &str) -> Instant {
    s.parse().unwrap()
}

fn at(index: u64, at_ms: i64, command: impl Into<Command>) -> LedgerEntry {
    LedgerEntry {
        v: 2,
        index,
        at_ms,
        actor: Actor::Account {
            username: Username::parse("amanat-committee").unwrap(),
        },
        command: command.into(),
    }
}

/// The 2020 calendar (rules.md §8) in Almaty's time (UTC+6 then).
fn windows() -> Windows {
    Windows {
        registration: Window {
            opens: ts("2020-08-16T18:00:00Z"),
            closes: ts("2020-08-28T18:00:00Z"),
        },
        debates: Window {
            opens: ts("2020-09-13T18:00:00Z"),
            closes: ts("2020-09-30T18:00:00Z"),
        },
        online_voting: Window {
            opens: ts("2020-09-30T18:00:00Z"),
            closes: ts("2020-10-03T08:00:00Z"),
        },
        paper_voting: Window {
            opens: ts("2020-10-03T02:00:00Z"),
            closes: ts("2020-10-03T08:00:00Z"),
        },
    }
}

fn open() -> OpenCampaign {
    OpenCampaign {
        campaign: CampaignId(uuid(0xd01)),
        party: PartyCode::parse("amanat").unwrap(),
        territory: TerritoryCode::parse("190000000").unwrap(),
        title_ru: "Праймериз 2020".into(),
        title_kk: "Праймериз 2020".into(),
        title_en: "Primaries 2020".into(),
        positions: vec![
            Position {
                key: "akim-195000000".into(),
                name_ru: "Аким района".into(),
                name_kk: "Аудан әкімі".into(),
                name_en: String::new(),
                kind: PositionKind::Akim {
                    unit: TerritoryCode::parse("195000000").unwrap(),
                },
            },
            Position {
                key: "maslikhat".into(),
                name_ru: "Список в маслихат".into(),
                name_kk: "Мәслихатқа тізім".into(),
                name_en: String::new(),
                kind: PositionKind::List { seats: 10 },
            },
        ],
        windows: windows(),
        trustees: vec![
            Username::parse("trustee-1").unwrap(),
            Username::parse("trustee-2").unwrap(),
        ],
        threshold: 2,
        rules: AMANAT_2020_TOML.into(),
    }
}

fn register() -> RegisterContender {
    RegisterContender {
        contender: ContenderId(uuid(0xd02)),
        campaign: CampaignId(uuid(0xd01)),
        position: "akim-195000000".into(),
        member: MemberId(uuid(0xd03)),
        route: Route::SelfNominated,
        gender: Gender::Female,
        young: true,
        residence_years: 12,
        no_criminal_record: true,
    }
}

/// One entry of every primaries kind with its canonical bytes.
pub fn golden() -> Vec<(LedgerEntry, &'static str)> {
    let rules = serde_json::to_string(AMANAT_2020_TOML).unwrap();
    let open_bytes: &'static str = Box::leak(
        format!(
            r#"{{"v":2,"index":80,"at_ms":1597000000000,"actor":{{"type":"account","username":"amanat-committee"}},"command":{{"type":"open_campaign","campaign":"01900000-0000-7000-8000-000000000d01","party":"amanat","territory":"190000000","title_ru":"Праймериз 2020","title_kk":"Праймериз 2020","title_en":"Primaries 2020","positions":[{{"key":"akim-195000000","name_ru":"Аким района","name_kk":"Аудан әкімі","name_en":"","kind":"akim","unit":"195000000"}},{{"key":"maslikhat","name_ru":"Список в маслихат","name_kk":"Мәслихатқа тізім","name_en":"","kind":"list","seats":10}}],"windows":{{"registration":{{"opens":"2020-08-16T18:00:00Z","closes":"2020-08-28T18:00:00Z"}},"debates":{{"opens":"2020-09-13T18:00:00Z","closes":"2020-09-30T18:00:00Z"}},"online_voting":{{"opens":"2020-09-30T18:00:00Z","closes":"2020-10-03T08:00:00Z"}},"paper_voting":{{"opens":"2020-10-03T02:00:00Z","closes":"2020-10-03T08:00:00Z"}}}},"trustees":["trustee-1","trustee-2"],"threshold":2,"rules":{rules}}}}}"#
        )
        .into_boxed_str(),
    );
    vec![
        (at(80, 1_597_000_000_000, open()), open_bytes),
        (
            at(81, 1_597_700_000_000, register()),
            r#"{"v":2,"index":81,"at_ms":1597700000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"register_contender","contender":"01900000-0000-7000-8000-000000000d02","campaign":"01900000-0000-7000-8000-000000000d01","position":"akim-195000000","member":"01900000-0000-7000-8000-000000000d03","route":"self_nominated","gender":"female","young":true,"residence_years":12,"no_criminal_record":true}}"#,
        ),
        (
            at(
                82,
                1_598_000_000_000,
                DecideContender {
                    contender: ContenderId(uuid(0xd02)),
                    decision: Decision::Refuse {
                        ground: "Не представлена декларация".into(),
                    },
                },
            ),
            r#"{"v":2,"index":82,"at_ms":1598000000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"decide_contender","contender":"01900000-0000-7000-8000-000000000d02","decision":"refuse","ground":"Не представлена декларация"}}"#,
        ),
        (
            at(
                83,
                1_598_100_000_000,
                WithdrawContender {
                    contender: ContenderId(uuid(0xd02)),
                },
            ),
            r#"{"v":2,"index":83,"at_ms":1598100000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"withdraw_contender","contender":"01900000-0000-7000-8000-000000000d02"}}"#,
        ),
        (
            at(
                84,
                1_599_000_000_000,
                ScheduleDebate {
                    debate: DebateId(uuid(0xd04)),
                    campaign: CampaignId(uuid(0xd01)),
                    position: "akim-195000000".into(),
                    topic: "Развитие села".into(),
                    place: "Уральск, ДК".into(),
                    starts_at: ts("2020-09-15T09:00:00Z"),
                    stream_url: "https://example.kz/live/1".into(),
                    contenders: vec![ContenderId(uuid(0xd02)), ContenderId(uuid(0xd05))],
                },
            ),
            r#"{"v":2,"index":84,"at_ms":1599000000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"schedule_debate","debate":"01900000-0000-7000-8000-000000000d04","campaign":"01900000-0000-7000-8000-000000000d01","position":"akim-195000000","topic":"Развитие села","place":"Уральск, ДК","starts_at":"2020-09-15T09:00:00Z","stream_url":"https://example.kz/live/1","contenders":["01900000-0000-7000-8000-000000000d02","01900000-0000-7000-8000-000000000d05"]}}"#,
        ),
        (
            at(
                85,
                1_600_200_000_000,
                RecordDebate {
                    debate: DebateId(uuid(0xd04)),
                    present: vec![ContenderId(uuid(0xd02))],
                    absent: vec![ContenderId(uuid(0xd05))],
                    recording_url: String::new(),
                },
            ),
            r#"{"v":2,"index":85,"at_ms":1600200000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"record_debate","debate":"01900000-0000-7000-8000-000000000d04","present":["01900000-0000-7000-8000-000000000d02"],"absent":["01900000-0000-7000-8000-000000000d05"],"recording_url":""}}"#,
        ),
        (
            at(
                86,
                1_601_700_000_000,
                RecordPaperCount {
                    campaign: CampaignId(uuid(0xd01)),
                    organization: TerritoryCode::parse("195020000").unwrap(),
                    position: "akim-195000000".into(),
                    issued: 40,
                    counts: vec![ContenderVotes {
                        contender: ContenderId(uuid(0xd02)),
                        votes: 31,
                    }],
                },
            ),
            r#"{"v":2,"index":86,"at_ms":1601700000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"record_paper_count","campaign":"01900000-0000-7000-8000-000000000d01","organization":"195020000","position":"akim-195000000","issued":40,"counts":[{"contender":"01900000-0000-7000-8000-000000000d02","votes":31}]}}"#,
        ),
        (
            at(
                87,
                1_601_400_000_000,
                sailau_domain::primaries::voting::FixBallot {
                    campaign: CampaignId(uuid(0xd01)),
                },
            ),
            r#"{"v":2,"index":87,"at_ms":1601400000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"fix_ballot","campaign":"01900000-0000-7000-8000-000000000d01"}}"#,
        ),
    ]
}

#[test]
fn the_ballot_has_a_contest_per_position_and_an_option_per_admitted_contender() {
    use sailau_domain::primaries::voting::*;
    let c = campaign();
    let mut contenders = vec![
        contender(1, ContenderStatus::Admitted, "akim-195000000"),
        contender(2, ContenderStatus::Admitted, "akim-195000000"),
        contender(3, ContenderStatus::Excluded, "akim-195000000"),
    ];
    // The list has no contender yet: named.
    let e = validate_fix(&c, &contenders, false, ts("2020-09-30T12:00:00Z")).unwrap_err();
    assert_eq!(e.0[0].field, "positions[1]");
    assert_eq!(e.0[0].rule.key(), "prim-position-without-contenders");
    for n in 4..7 {
        contenders.push(contender(n, ContenderStatus::Admitted, "maslikhat"));
    }
    let (manifest, parameters) =
        validate_fix(&c, &contenders, false, ts("2020-09-30T12:00:00Z")).unwrap();
    assert_eq!(manifest.contests.len(), 2);
    assert_eq!(
        manifest.contests[0].options.len(),
        2,
        "the excluded one is not on it"
    );
    assert_eq!(
        (
            manifest.contests[0].min_selections,
            manifest.contests[0].max_selections
        ),
        (1, 1)
    );
    assert_eq!(
        manifest.contests[1].max_selections, 3,
        "a 10-seat list of 3 contenders takes up to 3 marks"
    );
    assert_eq!((parameters.trustees, parameters.threshold), (2, 2));
    assert_eq!(parameters.manifest_hash, manifest.hash());
    // Once fixed, or once voting opens: refused.
    for (fixed, at) in [
        (true, "2020-09-30T12:00:00Z"),
        (false, "2020-10-01T00:00:00Z"),
    ] {
        let e = validate_fix(&c, &contenders, fixed, ts(at)).unwrap_err();
        assert_eq!(e.0[0].rule.key(), "prim-ballot-fixed");
    }
    let admit = DecideContender {
        contender: contenders[0].registered.contender,
        decision: Decision::Admit,
    };
    let mut applied = contenders[0].clone();
    applied.status = ContenderStatus::Applied;
    let e = validate_decision(
        &admit,
        Some(&applied),
        &c,
        ts("2020-09-30T12:00:00Z"),
        true,
        Edition::CURRENT,
    )
    .unwrap_err();
    assert_eq!(e.0[0].rule.key(), "prim-ballot-fixed");
}

fn facts() -> OpenFacts {
    OpenFacts {
        id_taken: false,
        branch_exists: true,
        units_inside: vec![Some(true)],
        trustee_roles: vec![Some(Role::Trustee), Some(Role::Trustee)],
        now: ts("2020-08-01T00:00:00Z"),
    }
}

#[test]
fn the_2020_calendar_opens_a_campaign() {
    let c = validate_open(&open(), &facts(), Edition::CURRENT).unwrap();
    assert_eq!(c.position("maslikhat").unwrap().seats(), Some(10));
    assert_eq!(c.title("en"), "Primaries 2020");
}

#[test]
fn a_bad_campaign_names_every_broken_rule() {
    let mut c = open();
    c.windows.debates.opens = ts("2020-08-20T00:00:00Z");
    c.windows.paper_voting.closes = ts("2020-10-04T00:00:00Z");
    c.positions[1].key = "maslikhat".into();
    c.positions[0].key = "maslikhat".into();
    c.positions[1].kind = PositionKind::List { seats: 0 };
    c.threshold = 3;
    let mut f = facts();
    f.units_inside = vec![Some(false)];
    f.trustee_roles[1] = Some(Role::Observer);
    let e = validate_open(&c, &f, Edition::CURRENT).unwrap_err();
    let got: Vec<(String, &str)> =
        e.0.iter()
            .map(|e| (e.field.clone(), e.rule.key()))
            .collect();
    for want in [
        ("windows.debates.opens", "prim-windows-order"),
        ("windows.paper_voting.opens", "prim-paper-outside-online"),
        ("positions[1].key", "prim-position-key-twice"),
        ("positions[0].unit", "prim-unit-outside-campaign"),
        ("positions[1].seats", "prim-seats-range"),
        ("threshold", "prim-threshold-range"),
        ("trustees[1]", "prim-not-trustee"),
    ] {
        assert!(
            got.contains(&(want.0.to_owned(), want.1)),
            "{want:?} in {got:?}"
        );
    }
}

fn campaign() -> Campaign {
    validate_open(&open(), &facts(), Edition::CURRENT).unwrap()
}

fn register_facts(c: &Campaign) -> RegisterFacts<'_> {
    RegisterFacts {
        campaign: Some(c),
        id_taken: false,
        member: Some(MemberFacts {
            member: MemberId(uuid(0xd03)),
            party: PartyCode::parse("amanat").unwrap(),
            branch: TerritoryCode::parse("195000000").unwrap(),
            joined_on: date(2010, 5, 1),
            erased: false,
        }),
        member_inside: true,
        already_standing: false,
        organization_ok: true,
        birth_date: Some(date(1990, 1, 1)),
        today: date(2020, 8, 20),
        registration_opens_on: date(2020, 8, 17),
        voting_opens_on: date(2020, 10, 1),
        now: ts("2020-08-20T05:00:00Z"),
        window_text: ("17.08.2020 00:00".into(), "29.08.2020 00:00".into()),
    }
}

#[test]
fn an_eligible_member_registers_and_an_ineligible_one_is_told_every_rule() {
    let c = campaign();
    validate_register(&register(), &register_facts(&c), Edition::CURRENT).unwrap();

    let mut r = register();
    r.no_criminal_record = false;
    r.young = false;
    let mut f = register_facts(&c);
    f.birth_date = Some(date(2004, 1, 1));
    f.already_standing = true;
    f.now = ts("2020-09-01T00:00:00Z");
    let e = validate_register(&r, &f, Edition::CURRENT).unwrap_err();
    let keys: Vec<&str> = e.0.iter().map(|e| e.rule.key()).collect();
    for want in [
        "prim-registration-closed",
        "prim-contender-twice",
        "prim-too-young",
        "prim-young-mismatch",
        "prim-criminal-record-undeclared",
    ] {
        assert!(keys.contains(&want), "{want} in {keys:?}");
    }
    let closed =
        e.0.iter()
            .find(|e| e.rule.key() == "prim-registration-closed")
            .unwrap();
    assert_eq!(
        closed.rule.args(),
        vec![
            ("opens", "17.08.2020 00:00".to_owned()),
            ("closes", "29.08.2020 00:00".to_owned())
        ]
    );

    // A member who joined after registration opened may not stand under "member".
    let mut f = register_facts(&c);
    f.member.as_mut().unwrap().joined_on = date(2020, 8, 18);
    let e = validate_register(&register(), &f, Edition::CURRENT).unwrap_err();
    assert_eq!(e.0[0].rule.key(), "prim-not-member");
}

fn contender(n: u128, status: ContenderStatus, position: &str) -> Contender {
    let mut r = register();
    r.contender = ContenderId(uuid(n));
    r.position = position.into();
    Contender {
        registered: r,
        status,
        ground: None,
        seq: 1,
    }
}

#[test]
fn decisions_withdrawals_and_exclusions_stop_when_online_voting_opens() {
    let c = campaign();
    let applied = contender(1, ContenderStatus::Applied, "akim-195000000");
    let admit = DecideContender {
        contender: applied.registered.contender,
        decision: Decision::Admit,
    };
    assert_eq!(
        validate_decision(
            &admit,
            Some(&applied),
            &c,
            ts("2020-09-01T00:00:00Z"),
            false,
            Edition::CURRENT
        )
        .unwrap(),
        ContenderStatus::Admitted
    );
    let late = validate_decision(
        &admit,
        Some(&applied),
        &c,
        ts("2020-10-01T00:00:00Z"),
        false,
        Edition::CURRENT,
    )
    .unwrap_err();
    assert_eq!(late.0[0].rule.key(), "prim-ballot-fixed");
    let refuse = DecideContender {
        contender: applied.registered.contender,
        decision: Decision::Refuse { ground: " ".into() },
    };
    let e = validate_decision(
        &refuse,
        Some(&applied),
        &c,
        ts("2020-09-01T00:00:00Z"),
        false,
        Edition::CURRENT,
    )
    .unwrap_err();
    assert_eq!(e.0[0].rule.key(), "prim-ground-required");
    let out = contender(2, ContenderStatus::Withdrawn, "akim-195000000");
    assert_eq!(
        validate_withdrawal(Some(&out), &c, ts("2020-09-01T00:00:00Z"), false)
            .unwrap_err()
            .0[0]
            .rule
            .key(),
        "prim-already-out"
    );
}

#[test]
fn an_absent_contender_is_excluded_from_a_mandatory_debate() {
    let c = campaign();
    let a = contender(1, ContenderStatus::Admitted, "akim-195000000");
    let b = contender(2, ContenderStatus::Admitted, "akim-195000000");
    let d = ScheduleDebate {
        debate: DebateId(uuid(9)),
        campaign: c.opened.campaign,
        position: "akim-195000000".into(),
        topic: "Дороги".into(),
        place: "Студия".into(),
        starts_at: ts("2020-09-15T09:00:00Z"),
        stream_url: "https://example.kz/live".into(),
        contenders: vec![a.registered.contender, b.registered.contender],
    };
    let w = ("14.09.2020 00:00".to_owned(), "01.10.2020 00:00".to_owned());
    validate_schedule(
        &d,
        Some(&c),
        false,
        &[Some(a.clone()), Some(b.clone())],
        w.clone(),
        Edition::CURRENT,
    )
    .unwrap();
    let applied = contender(3, ContenderStatus::Applied, "akim-195000000");
    let mut bad = d.clone();
    bad.contenders = vec![a.registered.contender, applied.registered.contender];
    bad.starts_at = ts("2020-10-02T00:00:00Z");
    bad.stream_url = "ftp://x".into();
    let keys: Vec<&str> = validate_schedule(
        &bad,
        Some(&c),
        false,
        &[Some(a.clone()), Some(applied)],
        w,
        Edition::CURRENT,
    )
    .unwrap_err()
    .0
    .iter()
    .map(|e| e.rule.key())
    .collect();
    assert_eq!(
        keys,
        vec![
            "prim-debate-outside-window",
            "prim-link-format",
            "prim-debate-contenders"
        ]
    );

    let debate = Debate {
        scheduled: d,
        held: None,
    };
    let record = RecordDebate {
        debate: debate.scheduled.debate,
        present: vec![a.registered.contender],
        absent: vec![b.registered.contender],
        recording_url: String::new(),
    };
    assert_eq!(
        validate_record(
            &record,
            Some(&debate),
            &c,
            ts("2020-09-15T12:00:00Z"),
            false
        )
        .unwrap(),
        vec![b.registered.contender]
    );
    assert_eq!(
        validate_record(
            &record,
            Some(&debate),
            &c,
            ts("2020-09-15T08:00:00Z"),
            false
        )
        .unwrap_err()
        .0[0]
            .rule
            .key(),
        "prim-attendance-not-due"
    );
}

#[test]
fn a_paper_count_names_each_admitted_contender_once_within_the_ballots_issued() {
    let c = campaign();
    let a = contender(1, ContenderStatus::Admitted, "akim-195000000");
    let b = contender(2, ContenderStatus::Admitted, "akim-195000000");
    let count = RecordPaperCount {
        campaign: c.opened.campaign,
        organization: TerritoryCode::parse("195020000").unwrap(),
        position: "akim-195000000".into(),
        issued: 40,
        counts: vec![
            ContenderVotes {
                contender: a.registered.contender,
                votes: 25,
            },
            ContenderVotes {
                contender: b.registered.contender,
                votes: 15,
            },
        ],
    };
    let facts = PaperFacts {
        campaign: Some(&c),
        organization_ok: true,
        counted: false,
        admitted: vec![a.clone(), b],
        now: ts("2020-10-03T09:00:00Z"),
        published: false,
        window_text: ("03.10.2020 08:00".into(), "03.10.2020 14:00".into()),
    };
    validate_paper_count(&count, &facts).unwrap();
    let mut over = count.clone();
    over.counts[0].votes = 26;
    over.counts.push(ContenderVotes {
        contender: a.registered.contender,
        votes: 0,
    });
    let keys: Vec<&str> = validate_paper_count(&over, &facts)
        .unwrap_err()
        .0
        .iter()
        .map(|e| e.rule.key())
        .collect();
    assert_eq!(
        keys,
        vec!["prim-paper-count-shape", "prim-paper-counts-above-issued"]
    );

    // Counting commissions count after the polling stations close (14:00): a count entered in
    // the evening is taken, until the trustees' decryption makes the ratings final.
    let evening = PaperFacts {
        now: ts("2020-10-03T19:00:00Z"),
        ..facts.clone()
    };
    validate_paper_count(&count, &evening).unwrap();
    let rule_of = |f: &PaperFacts<'_>| -> Vec<&'static str> {
        validate_paper_count(&count, f)
            .unwrap_err()
            .0
            .iter()
            .map(|e| e.rule.key())
            .collect()
    };
    let final_ratings = PaperFacts {
        published: true,
        ..evening
    };
    assert_eq!(
        rule_of(&final_ratings),
        vec!["prim-paper-count-after-results"]
    );
    let too_early = PaperFacts {
        now: ts("2020-10-03T01:59:00Z"),
        ..facts.clone()
    };
    assert_eq!(rule_of(&too_early), vec!["prim-paper-closed"]);
}

// ---- §7: quota-balanced lists -------------------------------------------------------------

fn standings() -> impl Strategy<Value = Vec<Standing>> {
    prop::collection::vec((any::<bool>(), any::<bool>(), 0u64..20, 0u64..5), 0..11).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (woman, young, online, paper))| Standing {
                contender: ContenderId(uuid(i as u128)),
                seq: i as u32 + 1,
                woman,
                young,
                online,
                paper,
            })
            .collect()
    })
}

fn quota_strategy() -> impl Strategy<Value = Quotas> {
    (0u32..=100, 0u32..=100).prop_map(|(w, y)| Quotas {
        women_min_percent: w,
        young_min_percent: y,
        young_under_age: 35,
    })
}

/// Every subset of `n` indices of size `k`, as bit masks.
fn subsets(n: usize, k: usize) -> Vec<u32> {
    (0u32..(1 << n))
        .filter(|m| m.count_ones() as usize == k)
        .collect()
}

/// The positions in rating order of a chosen set, ascending (what "best in rating order" compares).
fn positions(mask: u32) -> Vec<u32> {
    (0..32).filter(|i| mask & (1 << i) != 0).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn quotas_hold_whenever_possible_and_the_order_is_otherwise_kept(
        st in standings(), seats in 1u32..8, q in quota_strategy()
    ) {
        let l = quota_list(&st, seats, &q);
        let ordered = rating_order(&st);
        let n = ordered.len();
        let len = n.min(seats as usize);
        prop_assert_eq!(l.chosen.len(), len);

        let counts = |mask: u32| {
            let w = positions(mask).iter().filter(|&&i| ordered[i as usize].woman).count() as u32;
            let y = positions(mask).iter().filter(|&&i| ordered[i as usize].young).count() as u32;
            (w, y)
        };
        let meets = |mask: u32| {
            let (w, y) = counts(mask);
            w >= q.women_needed(seats) && y >= q.young_needed(seats)
        };
        let all = subsets(n, len);
        let possible = all.iter().any(|&m| meets(m));
        let chosen_mask: u32 = l
            .chosen
            .iter()
            .map(|c| 1u32 << ordered.iter().position(|s| &s.contender == c).unwrap())
            .sum();

        // The list stands in rating order.
        let idx: Vec<u32> = positions(chosen_mask);
        let in_list_order: Vec<ContenderId> = idx.iter().map(|&i| ordered[i as usize].contender).collect();
        prop_assert_eq!(&in_list_order, &l.chosen);

        // Whenever the contenders make the quotas possible, the list meets them.
        prop_assert_eq!(l.quotas_met, meets(chosen_mask));
        if possible {
            prop_assert!(l.quotas_met, "possible but not met: {:?}", l);
            // ... and it is the best such choice in rating order.
            let best = all.iter().copied().filter(|&m| meets(m)).min_by_key(|&m| positions(m)).unwrap();
            prop_assert_eq!(chosen_mask, best);
        }
        // When the top of the rating meets the quotas, the list is the top.
        let top: u32 = (0..len).map(|i| 1u32 << i).sum();
        if meets(top) {
            prop_assert_eq!(chosen_mask, top);
            prop_assert!(l.moved_in.is_empty() && l.moved_out.is_empty());
        }
        prop_assert_eq!(l.moved_in.len(), l.moved_out.len());
    }

    #[test]
    fn ratings_rank_by_votes_and_restrict_to_their_group(st in standings()) {
        for kind in RatingKind::ALL {
            let r = rating(&st, kind);
            prop_assert_eq!(r.len(), st.iter().filter(|s| kind.includes(s)).count());
            for w in r.windows(2) {
                prop_assert!(w[0].standing.votes() >= w[1].standing.votes());
                prop_assert_eq!(w[0].rank == w[1].rank, w[0].standing.votes() == w[1].standing.votes());
            }
            if let Some(first) = r.first() {
                prop_assert_eq!(first.rank, 1);
            }
        }
    }
}

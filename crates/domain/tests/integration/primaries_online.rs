//! i14-online: the verifiable online vote's commands — their pinned ledger bytes, and the rules
//! of the ceremony, the credentials, ballots, the participation register and the tally, on a
//! real 2-of-2 ceremony made with `sailau-vote`.

use sailau_domain::primaries::online::*;
use sailau_domain::primaries::*;
use sailau_domain::*;
use sailau_vote::{
    ElectionParameters, Hash32, Manifest, Point, PublicScalar, SchnorrProof, TrackingCode,
};

fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + n)
}

fn entry(index: u64, actor: Actor, command: impl Into<Command>) -> LedgerEntry {
    LedgerEntry {
        v: 2,
        index,
        at_ms: 1_601_500_000_000,
        actor,
        command: command.into(),
    }
}

fn account(name: &str) -> Actor {
    Actor::Account {
        username: Username::parse(name).unwrap(),
    }
}

fn h(byte: u8) -> Hash32 {
    Hash32::from_hex(&format!("{byte:02x}").repeat(32)).unwrap()
}

fn g() -> Point {
    Point::generator()
}

fn s1() -> PublicScalar {
    PublicScalar::from_hex(&format!("01{}", "00".repeat(31))).unwrap()
}

fn schnorr() -> SchnorrProof {
    SchnorrProof {
        commitment: g(),
        response: s1(),
    }
}

const G: &str = "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76";

/// One entry of every online kind with its canonical bytes.
pub fn golden() -> Vec<(LedgerEntry, &'static str)> {
    let campaign = CampaignId(uuid(0xd01));
    let one = format!("01{}", "00".repeat(31));
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    vec![
        (
            entry(
                88,
                account("trustee-1"),
                PublishCeremonyFile {
                    campaign,
                    trustee: 1,
                    file: CeremonyFile::Finalized {
                        verification_key: g(),
                    },
                },
            ),
            leak(format!(
                r#"{{"v":2,"index":88,"at_ms":1601500000000,"actor":{{"type":"account","username":"trustee-1"}},"command":{{"type":"publish_ceremony_file","campaign":"01900000-0000-7000-8000-000000000d01","trustee":1,"file":{{"round":"finalized","verification_key":"{G}"}}}}}}"#
            )),
        ),
        (
            entry(
                89,
                account("credentials"),
                PublishCredentials {
                    campaign,
                    count: 300,
                    sha256: "ab".repeat(32),
                },
            ),
            leak(format!(
                r#"{{"v":2,"index":89,"at_ms":1601500000000,"actor":{{"type":"account","username":"credentials"}},"command":{{"type":"publish_credentials","campaign":"01900000-0000-7000-8000-000000000d01","count":300,"sha256":"{}"}}}}"#,
                "ab".repeat(32)
            )),
        ),
        (
            entry(
                90,
                Actor::Voter,
                SubmitBallot {
                    campaign,
                    kind: SubmissionKind::Cast,
                    ballot_hash: h(0x11),
                    credential: g(),
                },
            ),
            leak(format!(
                r#"{{"v":2,"index":90,"at_ms":1601500000000,"actor":{{"type":"voter"}},"command":{{"type":"submit_ballot","campaign":"01900000-0000-7000-8000-000000000d01","kind":"cast","ballot_hash":"{}","credential":"{G}"}}}}"#,
                "11".repeat(32)
            )),
        ),
        (
            entry(
                91,
                account("amanat-committee"),
                TallyBoard {
                    campaign,
                    board: BoardState {
                        entries: 3,
                        head: TrackingCode(h(0x22)),
                        voters: 2,
                        superseded: 1,
                    },
                    tally: sailau_vote::EncryptedTally {
                        election_hash: h(0x33),
                        ballot_count: 2,
                        contests: vec![vec![sailau_vote::Ciphertext {
                            alpha: g(),
                            beta: g(),
                        }]],
                    },
                },
            ),
            leak(format!(
                r#"{{"v":2,"index":91,"at_ms":1601500000000,"actor":{{"type":"account","username":"amanat-committee"}},"command":{{"type":"tally_board","campaign":"01900000-0000-7000-8000-000000000d01","board":{{"entries":3,"head":"{}","voters":2,"superseded":1}},"tally":{{"election_hash":"{}","ballot_count":2,"contests":[[{{"alpha":"{G}","beta":"{G}"}}]]}}}}}}"#,
                "22".repeat(32),
                "33".repeat(32)
            )),
        ),
        (
            entry(
                92,
                account("trustee-2"),
                PublishDecryptionShare {
                    campaign,
                    share: sailau_vote::DecryptionShare {
                        election_hash: h(0x33),
                        trustee: 2,
                        contests: vec![vec![sailau_vote::PartialDecryption {
                            share: g(),
                            proof: sailau_vote::DleqProof {
                                a: g(),
                                b: g(),
                                v: s1(),
                            },
                        }]],
                    },
                },
            ),
            leak(format!(
                r#"{{"v":2,"index":92,"at_ms":1601500000000,"actor":{{"type":"account","username":"trustee-2"}},"command":{{"type":"publish_decryption_share","campaign":"01900000-0000-7000-8000-000000000d01","share":{{"election_hash":"{}","trustee":2,"contests":[[{{"share":"{G}","proof":{{"a":"{G}","b":"{G}","v":"{one}"}}}}]]}}}}}}"#,
                "33".repeat(32)
            )),
        ),
        (
            entry(
                93,
                account("amanat-committee"),
                PublishResults {
                    campaign,
                    result: sailau_vote::ElectionResult {
                        election_hash: h(0x33),
                        ballot_count: 2,
                        trustees: vec![1, 2],
                        contests: vec![sailau_vote::ContestResult {
                            contest_id: "akim-195000000".into(),
                            counts: vec![sailau_vote::OptionCount {
                                option_id: "01900000-0000-7000-8000-000000000d02".into(),
                                count: 2,
                            }],
                        }],
                    },
                },
            ),
            leak(format!(
                r#"{{"v":2,"index":93,"at_ms":1601500000000,"actor":{{"type":"account","username":"amanat-committee"}},"command":{{"type":"publish_results","campaign":"01900000-0000-7000-8000-000000000d01","result":{{"election_hash":"{}","ballot_count":2,"trustees":[1,2],"contests":[{{"contest_id":"akim-195000000","counts":[{{"option_id":"01900000-0000-7000-8000-000000000d02","count":2}}]}}]}}}}}}"#,
                "33".repeat(32)
            )),
        ),
        (
            entry(
                96,
                account("amanat-committee"),
                RestartCeremony {
                    campaign,
                    trustees: vec![
                        Username::parse("trustee-1").unwrap(),
                        Username::parse("trustee-3").unwrap(),
                    ],
                },
            ),
            r#"{"v":2,"index":96,"at_ms":1601500000000,"actor":{"type":"account","username":"amanat-committee"},"command":{"type":"restart_ceremony","campaign":"01900000-0000-7000-8000-000000000d01","trustees":["trustee-1","trustee-3"]}}"#,
        ),
        (
            entry(
                94,
                account("paper-count"),
                IssuePaperBallot {
                    campaign,
                    organization: TerritoryCode::parse("195020000").unwrap(),
                },
            ),
            r#"{"v":2,"index":94,"at_ms":1601500000000,"actor":{"type":"account","username":"paper-count"},"command":{"type":"issue_paper_ballot","campaign":"01900000-0000-7000-8000-000000000d01","organization":"195020000"}}"#,
        ),
    ]
}

#[test]
fn a_complaints_file_is_pinned() {
    let campaign = CampaignId(uuid(0xd01));
    let one = format!("01{}", "00".repeat(31));
    let e = entry(
        95,
        account("trustee-1"),
        PublishCeremonyFile {
            campaign,
            trustee: 1,
            file: CeremonyFile::Complaints {
                complaints: vec![sailau_vote::Complaint {
                    parameters_hash: h(0x44),
                    dealer: 2,
                    recipient: 1,
                    shared_key: g(),
                    proof: sailau_vote::DleqProof {
                        a: g(),
                        b: g(),
                        v: s1(),
                    },
                }],
            },
        },
    );
    let bytes = format!(
        r#"{{"v":2,"index":95,"at_ms":1601500000000,"actor":{{"type":"account","username":"trustee-1"}},"command":{{"type":"publish_ceremony_file","campaign":"01900000-0000-7000-8000-000000000d01","trustee":1,"file":{{"round":"complaints","complaints":[{{"parameters_hash":"{}","dealer":2,"recipient":1,"shared_key":"{G}","proof":{{"a":"{G}","b":"{G}","v":"{one}"}}}}]}}}}}}"#,
        "44".repeat(32)
    );
    assert_eq!(String::from_utf8(e.encode().unwrap()).unwrap(), bytes);
}

#[test]
fn a_trustee_announcement_is_pinned_with_its_proofs() {
    // Round 1's file inside the ledger: the record layout of spec §12.3 (`Schnorr {r, s}`).
    let cmd = PublishCeremonyFile {
        campaign: CampaignId(uuid(0xd01)),
        trustee: 1,
        file: CeremonyFile::Announcement {
            public: Box::new(sailau_vote::TrusteePublic {
                index: 1,
                parameters_hash: h(0x44),
                commitments: vec![g(), g()],
                coefficient_proof: schnorr(),
                share_encryption_key: g(),
                share_key_proof: schnorr(),
            }),
        },
    };
    let json = serde_json::to_string(&Command::from(cmd.clone())).unwrap();
    assert!(json.starts_with(r#"{"type":"publish_ceremony_file","campaign":"01900000-0000-7000-8000-000000000d01","trustee":1,"file":{"round":"announcement","public":{"index":1,"#), "{json}");
    let back: Command = serde_json::from_str(&json).unwrap();
    assert_eq!(back, Command::from(cmd));
}

/// A 2-of-2 election on a one-contest manifest, its ceremony run with `sailau-vote`.
struct Ceremony {
    manifest: Manifest,
    parameters: ElectionParameters,
    publics: Vec<sailau_vote::TrusteePublic>,
    dealt: Vec<Vec<sailau_vote::EncryptedShare>>,
    keys: Vec<sailau_vote::TrusteeKey>,
}

fn ceremony() -> Ceremony {
    let manifest = Manifest {
        election_id: "demo".into(),
        title: "Праймериз".into(),
        contests: vec![sailau_vote::Contest {
            id: "akim".into(),
            title: "Аким".into(),
            min_selections: 1,
            max_selections: 1,
            options: ["a", "b"]
                .iter()
                .map(|id| sailau_vote::ContestOption {
                    id: (*id).into(),
                    label: (*id).into(),
                    kind: sailau_vote::OptionKind::Candidate,
                })
                .collect(),
        }],
    };
    let parameters = ElectionParameters::new(&manifest, 2, 2).unwrap();
    let mut rng = rand::rng();
    let (s1, p1) = sailau_vote::generate_trustee(&parameters, 1, &mut rng).unwrap();
    let (s2, p2) = sailau_vote::generate_trustee(&parameters, 2, &mut rng).unwrap();
    let publics = vec![p1, p2];
    let d1 = sailau_vote::deal_shares(&parameters, &s1, &publics, &mut rng).unwrap();
    let d2 = sailau_vote::deal_shares(&parameters, &s2, &publics, &mut rng).unwrap();
    let all: Vec<_> = d1.iter().chain(&d2).cloned().collect();
    let key =
        |s| match sailau_vote::receive_shares(&parameters, s, &publics, &all, &mut rand::rng())
            .unwrap()
        {
            sailau_vote::ShareOutcome::Accepted(k) => k,
            sailau_vote::ShareOutcome::Complaints(_) => panic!("complaints"),
        };
    let keys = vec![key(&s1), key(&s2)];
    Ceremony {
        manifest,
        parameters,
        publics,
        dealt: vec![d1, d2],
        keys,
    }
}

fn campaign_2020() -> campaign::Campaign {
    let t = |s: &str| -> Instant { s.parse().unwrap() };
    let w = |a: &str, b: &str| Window {
        opens: t(a),
        closes: t(b),
    };
    campaign::Campaign {
        opened: campaign::OpenCampaign {
            campaign: CampaignId(uuid(0xd01)),
            party: PartyCode::parse("amanat").unwrap(),
            territory: TerritoryCode::parse("190000000").unwrap(),
            title_ru: "Праймериз".into(),
            title_kk: "Праймериз".into(),
            title_en: "Primaries".into(),
            positions: Vec::new(),
            windows: campaign::Windows {
                registration: w("2020-08-16T18:00:00Z", "2020-08-28T18:00:00Z"),
                debates: w("2020-09-13T18:00:00Z", "2020-09-30T18:00:00Z"),
                online_voting: w("2020-09-30T18:00:00Z", "2020-10-03T08:00:00Z"),
                paper_voting: w("2020-10-03T02:00:00Z", "2020-10-03T08:00:00Z"),
            },
            trustees: vec![
                Username::parse("trustee-1").unwrap(),
                Username::parse("trustee-2").unwrap(),
            ],
            threshold: 2,
            rules: rules::AMANAT_2020_TOML.into(),
        },
    }
}

fn rule_of(e: &ValidationErrors) -> Vec<(String, rules::PrimariesRule)> {
    e.0.iter()
        .map(|f| match &f.rule {
            Rule::Primaries(r) => (f.field.clone(), r.clone()),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn the_ceremony_takes_each_round_once_in_order_and_checks_every_file() {
    let c = ceremony();
    let campaign = campaign_2020();
    let fixed = Fixed {
        manifest: &c.manifest,
        parameters: &c.parameters,
    };
    let now: Instant = "2020-09-30T12:00:00Z".parse().unwrap();
    let file = |trustee, file| PublishCeremonyFile {
        campaign: campaign.opened.campaign,
        trustee,
        file,
    };
    let announce = |i: usize| {
        file(
            i as u32 + 1,
            CeremonyFile::Announcement {
                public: Box::new(c.publics[i].clone()),
            },
        )
    };
    let mut state = OnlineVote::default();
    let check = |cmd: &PublishCeremonyFile, state: &OnlineVote, by| {
        validate_ceremony_file(cmd, &campaign, Some(fixed), state, by, now)
    };
    // Not before the ballot is fixed; not by another trustee.
    let e = validate_ceremony_file(
        &announce(0),
        &campaign,
        None,
        &state,
        Publisher::Anyone,
        now,
    )
    .unwrap_err();
    assert_eq!(rule_of(&e)[0].1, rules::PrimariesRule::BallotNotFixed);
    let e = check(&announce(0), &state, Publisher::Trustee(Some(2))).unwrap_err();
    assert_eq!(
        rule_of(&e),
        vec![("trustee".into(), rules::PrimariesRule::NotYourTrustee)]
    );
    // Dealing waits for every announcement.
    let deal = |i: usize| {
        file(
            i as u32 + 1,
            CeremonyFile::Dealt {
                shares: c.dealt[i].clone(),
            },
        )
    };
    check(&announce(0), &state, Publisher::Trustee(Some(1))).unwrap();
    state.apply_ceremony(&announce(0), &c.parameters);
    let e = check(&deal(0), &state, Publisher::Trustee(Some(1))).unwrap_err();
    assert_eq!(rule_of(&e)[0].1, rules::PrimariesRule::CeremonyNotReady);
    let e = check(&announce(0), &state, Publisher::Trustee(Some(1))).unwrap_err();
    assert_eq!(rule_of(&e)[0].1, rules::PrimariesRule::CeremonyStepTwice);
    // A tampered announcement fails its proof.
    let mut bad = c.publics[1].clone();
    bad.share_encryption_key = g();
    let e = check(
        &file(
            2,
            CeremonyFile::Announcement {
                public: Box::new(bad),
            },
        ),
        &state,
        Publisher::Anyone,
    )
    .unwrap_err();
    assert!(matches!(
        rule_of(&e)[0].1,
        rules::PrimariesRule::FileRefused { .. }
    ));
    check(&announce(1), &state, Publisher::Anyone).unwrap();
    state.apply_ceremony(&announce(1), &c.parameters);
    for i in 0..2 {
        check(&deal(i), &state, Publisher::Anyone).unwrap();
        state.apply_ceremony(&deal(i), &c.parameters);
    }
    assert!(!state.key_published(2));
    // A finalized key that is not the one the announcements give is refused.
    let wrong = file(
        1,
        CeremonyFile::Finalized {
            verification_key: g(),
        },
    );
    assert!(check(&wrong, &state, Publisher::Anyone).is_err());
    for (i, k) in c.keys.iter().enumerate() {
        let f = file(
            i as u32 + 1,
            CeremonyFile::Finalized {
                verification_key: k.verification_key,
            },
        );
        check(&f, &state, Publisher::Anyone).unwrap();
        state.apply_ceremony(&f, &c.parameters);
    }
    assert!(state.key_published(2));
    assert!(state.context(&c.manifest, &c.parameters).is_some());
    // Not after online voting has closed.
    let late: Instant = "2020-10-03T08:00:00Z".parse().unwrap();
    let e = validate_ceremony_file(
        &announce(0),
        &campaign,
        Some(fixed),
        &OnlineVote::default(),
        Publisher::Anyone,
        late,
    )
    .unwrap_err();
    assert_eq!(rule_of(&e)[0].1, rules::PrimariesRule::VotingOver);
}

#[test]
fn a_complaint_is_judged_aborts_the_ceremony_and_a_restart_starts_afresh() {
    let c = ceremony();
    let params = &c.parameters;
    let campaign = campaign_2020();
    let fixed = Fixed {
        manifest: &c.manifest,
        parameters: params,
    };
    let now: Instant = "2020-09-30T12:00:00Z".parse().unwrap();
    let file = |trustee, file| PublishCeremonyFile {
        campaign: campaign.opened.campaign,
        trustee,
        file,
    };
    let check = |cmd: &PublishCeremonyFile, state: &OnlineVote| {
        validate_ceremony_file(cmd, &campaign, Some(fixed), state, Publisher::Anyone, now)
    };
    // Trustee 2 deals from a polynomial its announcement does not commit to.
    let mut rng = rand::rng();
    let (s1, p1) = sailau_vote::generate_trustee(params, 1, &mut rng).unwrap();
    let (s2, p2) = sailau_vote::generate_trustee(params, 2, &mut rng).unwrap();
    let mut sj = serde_json::to_value(&s2).unwrap();
    sj["coefficients"][1] = sj["coefficients"][0].clone();
    let cheat: sailau_vote::TrusteeSecrets = serde_json::from_value(sj).unwrap();
    // What the cheat deals from (its second commitment now that of its first coefficient).
    let mut pj = serde_json::to_value(&p2).unwrap();
    pj["commitments"][1] = pj["commitments"][0].clone();
    let cheat_view = vec![p1.clone(), serde_json::from_value(pj).unwrap()];
    let publics = vec![p1.clone(), p2];
    let d1 = sailau_vote::deal_shares(params, &s1, &publics, &mut rng).unwrap();
    let d2 = sailau_vote::deal_shares(params, &cheat, &cheat_view, &mut rng).unwrap();
    let mut state = OnlineVote::default();
    for (i, p) in publics.iter().enumerate() {
        let f = file(
            i as u32 + 1,
            CeremonyFile::Announcement {
                public: Box::new(p.clone()),
            },
        );
        check(&f, &state).unwrap();
        state.apply_ceremony(&f, params);
    }
    for (i, d) in [&d1, &d2].into_iter().enumerate() {
        // The cheat does not show before the recipient decrypts: the dealt file is accepted.
        let f = file(i as u32 + 1, CeremonyFile::Dealt { shares: d.clone() });
        check(&f, &state).unwrap();
        state.apply_ceremony(&f, params);
    }
    let all: Vec<_> = d1.iter().chain(&d2).cloned().collect();
    let complaints =
        match sailau_vote::receive_shares(params, &s1, &publics, &all, &mut rng).unwrap() {
            sailau_vote::ShareOutcome::Complaints(c) => c,
            sailau_vote::ShareOutcome::Accepted(_) => panic!("the cheat went unnoticed"),
        };
    // A complaint made by another trustee than its file's is refused; trustee 1's own is
    // judged: the dealer cheated, trustee 2 is disqualified, the ceremony is aborted.
    let e = check(
        &file(
            2,
            CeremonyFile::Complaints {
                complaints: complaints.clone(),
            },
        ),
        &state,
    )
    .unwrap_err();
    assert!(matches!(
        rule_of(&e)[0].1,
        rules::PrimariesRule::FileRefused { .. }
    ));
    let f = file(1, CeremonyFile::Complaints { complaints });
    check(&f, &state).unwrap();
    state.apply_ceremony(&f, params);
    assert!(state.aborted());
    assert_eq!(state.complaints[0].verdict, Verdict::DealerCheated);
    assert_eq!(state.complaints[0].disqualified(), 2);
    // Nothing more is taken: not trustee 2's finalized key, not another complaint.
    let e = check(
        &file(
            2,
            CeremonyFile::Finalized {
                verification_key: g(),
            },
        ),
        &state,
    )
    .unwrap_err();
    assert_eq!(
        rule_of(&e),
        vec![("campaign".into(), rules::PrimariesRule::CeremonyAborted)]
    );

    // The restart names as many trustees as the ballot, each once, each a trustee account;
    // all the errors at once.
    let restart = |names: &[&str]| RestartCeremony {
        campaign: campaign.opened.campaign,
        trustees: names.iter().map(|n| Username::parse(n).unwrap()).collect(),
    };
    let trustee = Some(Role::Trustee);
    let e = validate_restart(
        &restart(&["trustee-1", "trustee-1", "trustee-3"]),
        &campaign,
        Some(params),
        &state,
        &[trustee, trustee, Some(Role::Observer)],
        now,
    )
    .unwrap_err();
    assert_eq!(
        rule_of(&e),
        vec![
            (
                "trustees".into(),
                rules::PrimariesRule::TrusteeCountFixed { count: 2 }
            ),
            ("trustees".into(), rules::PrimariesRule::TrusteesShape),
            ("trustees[2]".into(), rules::PrimariesRule::NotTrustee),
        ]
    );
    let fresh = restart(&["trustee-1", "trustee-3"]);
    let e = validate_restart(
        &fresh,
        &campaign,
        Some(params),
        &OnlineVote::default(),
        &[trustee, trustee],
        now,
    )
    .unwrap_err();
    assert_eq!(rule_of(&e)[0].1, rules::PrimariesRule::CeremonyNotAborted);
    validate_restart(
        &fresh,
        &campaign,
        Some(params),
        &state,
        &[trustee, trustee],
        now,
    )
    .unwrap();
    state.apply_restart(campaign.opened.trustees.clone());
    assert!(!state.aborted());
    assert!(state.announcements.is_empty() && state.dealt.is_empty());
    assert_eq!(state.aborted.len(), 1);
    assert_eq!(
        state.aborted[0].complaints[0].verdict,
        Verdict::DealerCheated
    );
    // The re-run starts from new secrets: an announcement of the aborted ceremony is refused.
    let old = file(
        1,
        CeremonyFile::Announcement {
            public: Box::new(p1),
        },
    );
    let e = check(&old, &state).unwrap_err();
    assert_eq!(rule_of(&e)[0].1, rules::PrimariesRule::CeremonyKeyReused);
    let (_, new1) = sailau_vote::generate_trustee(params, 1, &mut rng).unwrap();
    check(
        &file(
            1,
            CeremonyFile::Announcement {
                public: Box::new(new1),
            },
        ),
        &state,
    )
    .unwrap();
}

#[test]
fn the_credentials_file_is_read_strictly_and_names_the_bad_line() {
    let mut rng = rand::rng();
    let params = ceremony().parameters;
    let mut pts: Vec<Point> = (0..3)
        .map(|_| sailau_vote::generate_credential(&params, &mut rng).1)
        .collect();
    pts.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    let line = |p: &Point| format!("{{\"credential\":\"{}\"}}\n", p.to_hex());
    let good: String = pts.iter().map(line).collect();
    assert_eq!(read_credentials(good.as_bytes()).unwrap(), pts);
    assert!(read_credentials(b"").unwrap().is_empty());
    let line_of = |text: &str| match &rule_of(&read_credentials(text.as_bytes()).unwrap_err())[0].1
    {
        rules::PrimariesRule::CredentialsFile { line, .. } => *line,
        other => panic!("{other:?}"),
    };
    // Out of order, twice, a blank line, no final newline, not a point, an unknown field.
    let swapped = format!("{}{}{}", line(&pts[1]), line(&pts[0]), line(&pts[2]));
    assert_eq!(line_of(&swapped), 2);
    let twice = format!("{}{}", line(&pts[0]), line(&pts[0]));
    assert_eq!(line_of(&twice), 2);
    assert_eq!(line_of(&format!("{}\n{}", line(&pts[0]), line(&pts[1]))), 2);
    assert_eq!(line_of(good.trim_end()), 3);
    assert_eq!(line_of("{\"credential\":\"zz\"}\n"), 1);
    assert_eq!(
        line_of(&format!(
            "{{\"credential\":\"{}\",\"voter\":1}}\n",
            pts[0].to_hex()
        )),
        1
    );
}

#[test]
fn a_ballot_is_taken_only_in_the_window_with_the_key_a_listed_credential_and_good_proofs() {
    let c = ceremony();
    let mut state = OnlineVote {
        announcements: c.publics.clone(),
        ..OnlineVote::default()
    };
    state.finalized = c
        .keys
        .iter()
        .map(|k| (k.index, k.verification_key))
        .collect();
    let ctx = state.context(&c.manifest, &c.parameters).unwrap();
    let mut rng = rand::rng();
    let code = sailau_vote::CredentialCode::generate(&mut rng);
    let key = code.derive_key(ctx.parameters_hash());
    let plain =
        sailau_vote::PlaintextBallot::from_selections(&c.manifest, &[("akim", &["a"])]).unwrap();
    let (ballot, secrets) = sailau_vote::encrypt_ballot(&ctx, &key, &plain, &mut rng).unwrap();
    let cmd = SubmitBallot {
        campaign: CampaignId(uuid(0xd01)),
        kind: SubmissionKind::Cast,
        ballot_hash: ballot.hash(),
        credential: ballot.credential,
    };
    let campaign = campaign_2020();
    let window = campaign.opened.windows.online_voting;
    let text = || ("01.10.2020 00:00".to_owned(), "03.10.2020 14:00".to_owned());
    let inside: Instant = "2020-10-01T06:00:00Z".parse().unwrap();
    let facts = |now, body| BallotFacts {
        context: Some(&ctx),
        credentials_published: true,
        credential_listed: true,
        seen: Seen::New,
        tallied: false,
        body,
        now,
        proofs_checked: false,
    };
    validate_ballot(&cmd, &window, text(), &facts(inside, Some((&ballot, None)))).unwrap();
    let first = |f: &BallotFacts<'_>| {
        rule_of(&validate_ballot(&cmd, &window, text(), f).unwrap_err())[0].clone()
    };
    // Outside the window, or after the tally.
    let after: Instant = "2020-10-03T08:00:00Z".parse().unwrap();
    assert!(matches!(
        first(&facts(after, None)).1,
        rules::PrimariesRule::VotingClosed { .. }
    ));
    let mut f = facts(inside, None);
    f.tallied = true;
    assert!(matches!(
        first(&f).1,
        rules::PrimariesRule::VotingClosed { .. }
    ));
    // Before the key, before the credentials, a replay, an unknown credential.
    let mut f = facts(inside, None);
    f.context = None;
    assert_eq!(first(&f).1, rules::PrimariesRule::KeyNotPublished);
    let mut f = facts(inside, None);
    f.credentials_published = false;
    assert_eq!(first(&f).1, rules::PrimariesRule::CredentialsNotPublished);
    for seen in [Seen::Cast, Seen::Challenged] {
        let mut f = facts(inside, None);
        f.seen = seen;
        assert_eq!(first(&f).1, rules::PrimariesRule::BallotReplay);
    }
    let mut f = facts(inside, Some((&ballot, None)));
    f.credential_listed = false;
    assert_eq!(
        first(&f),
        ("credential".into(), rules::PrimariesRule::CredentialUnknown)
    );
    // A ballot whose proof is broken (re-signed, so only the proof fails).
    let mut forged = ballot.clone();
    forged.contests[0].selections[0].beta = g();
    sailau_vote::sign_ballot(&mut forged, &key, &mut rng);
    let forged_cmd = SubmitBallot {
        ballot_hash: forged.hash(),
        ..cmd.clone()
    };
    let e = validate_ballot(
        &forged_cmd,
        &window,
        text(),
        &facts(inside, Some((&forged, None))),
    )
    .unwrap_err();
    assert!(matches!(
        rule_of(&e)[0].1,
        rules::PrimariesRule::BallotRefused { .. }
    ));
    // A challenged ballot opens; a cast ballot cannot carry an opening.
    let opening = secrets.open();
    let challenged = SubmitBallot {
        kind: SubmissionKind::Challenged,
        ..cmd.clone()
    };
    validate_ballot(
        &challenged,
        &window,
        text(),
        &facts(inside, Some((&ballot, Some(&opening)))),
    )
    .unwrap();
    assert!(
        validate_ballot(
            &cmd,
            &window,
            text(),
            &facts(inside, Some((&ballot, Some(&opening))))
        )
        .is_err()
    );
}

#[test]
fn the_register_refuses_paper_after_online_and_online_after_paper_alike() {
    use rules::PrimariesRule as R;
    validate_online_voter(true, None).unwrap();
    validate_online_voter(true, Some(Participation::Online)).unwrap();
    let e = validate_online_voter(true, Some(Participation::Paper)).unwrap_err();
    assert_eq!(rule_of(&e), vec![("member".into(), R::PaperBallotTaken)]);
    let e = validate_online_voter(false, None).unwrap_err();
    assert_eq!(rule_of(&e), vec![("member".into(), R::NotVoter)]);
    let campaign = campaign_2020();
    let w = campaign.opened.windows.paper_voting;
    let text = || ("03.10.2020 08:00".to_owned(), "03.10.2020 14:00".to_owned());
    let morning: Instant = "2020-10-03T03:00:00Z".parse().unwrap();
    validate_paper_ballot(&w, text(), true, Some(true), None, morning).unwrap();
    // Voted online or already took a paper ballot: the same refusal, which does not say which.
    for how in [Participation::Online, Participation::Paper] {
        let e =
            validate_paper_ballot(&w, text(), true, Some(true), Some(how), morning).unwrap_err();
        assert_eq!(rule_of(&e), vec![("member".into(), R::PaperBallotRefused)]);
    }
    // Every broken rule at once.
    let night: Instant = "2020-10-02T20:00:00Z".parse().unwrap();
    let e = validate_paper_ballot(&w, text(), false, Some(false), None, night).unwrap_err();
    let fields: Vec<String> = rule_of(&e).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, vec!["campaign", "organization", "member"]);
}

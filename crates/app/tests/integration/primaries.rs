//! The primaries end to end on every backend (issue 14 §1–3, 5–7): a campaign opened by the
//! organizing committee, contenders registering themselves or nominated by a primary
//! organization, the committee's decisions, a mandatory debate excluding an absent contender,
//! paper counts, the ratings and the quota-balanced list; every bad input refused with its rule
//! and nothing half-written; no name in the ledger; the ledger replaying to the same tables.

use std::sync::atomic::Ordering;

use jiff::civil::date;
use sailau_app::{Acting, AppError};
use sailau_domain::party::commands::RecordMember;
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::primaries::campaign::*;
use sailau_domain::primaries::contenders::*;
use sailau_domain::primaries::debates::*;
use sailau_domain::primaries::lists::RatingKind;
use sailau_domain::primaries::paper::*;
use sailau_domain::primaries::rules::AMANAT_2020_TOML;
use sailau_domain::primaries::*;
use sailau_domain::registry::*;
use sailau_domain::*;

use crate::fixture::*;
use crate::party::{amanat, member_command};

fn ts(s: &str) -> Instant {
    s.parse().unwrap()
}

fn ms(s: &str) -> i64 {
    ts(s).as_millisecond()
}

fn prim_rules(e: &AppError) -> Vec<String> {
    match e {
        AppError::Invalid(v) => {
            v.0.iter()
                .map(|f| format!("{}:{}", f.field, f.rule.key()))
                .collect()
        }
        other => panic!("not a refusal by rules: {other:?}"),
    }
}

fn open(id: CampaignId) -> OpenCampaign {
    OpenCampaign {
        campaign: id,
        party: amanat(),
        territory: code("100000000"),
        title_ru: "Праймериз 2020".into(),
        title_kk: "Праймериз 2020".into(),
        title_en: "Primaries 2020".into(),
        positions: vec![
            Position {
                key: "akim".into(),
                name_ru: "Аким района".into(),
                name_kk: "Аудан әкімі".into(),
                name_en: "District akim".into(),
                kind: PositionKind::Akim {
                    unit: code("101000000"),
                },
            },
            Position {
                key: "list".into(),
                name_ru: "Список в маслихат".into(),
                name_kk: "Мәслихатқа тізім".into(),
                name_en: "Maslikhat list".into(),
                kind: PositionKind::List { seats: 3 },
            },
        ],
        windows: Windows {
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
        },
        trustees: vec![user("trustee-1"), user("trustee-2")],
        threshold: 2,
        rules: AMANAT_2020_TOML.into(),
    }
}

fn apply(
    campaign: CampaignId,
    position: &str,
    member: MemberId,
    gender: Gender,
    young: bool,
) -> (ContenderId, RegisterContender) {
    let id = ContenderId(uuid::Uuid::new_v4());
    (
        id,
        RegisterContender {
            contender: id,
            campaign,
            position: position.into(),
            member,
            route: Route::SelfNominated,
            gender,
            young,
            residence_years: 10,
            no_criminal_record: true,
        },
    )
}

/// A member of the district branch who joined on `joined_on`.
fn member_joined(
    card: &str,
    surname: &str,
    birth: jiff::civil::Date,
    joined_on: jiff::civil::Date,
) -> (MemberId, Issued) {
    let record = MemberRecord {
        salt: format!("{:032x}", uuid::Uuid::new_v4().as_u128()),
        card_number: card.into(),
        surname: surname.into(),
        given_name: "Ерлан".into(),
        patronymic: String::new(),
        birth_date: birth,
    };
    let member = MemberId(uuid::Uuid::new_v4());
    let cmd = RecordMember {
        member,
        party: amanat(),
        branch: code("101000000"),
        joined_on,
        commitment: record.commitment(),
    };
    (member, Issued::new(cmd, record))
}

#[tokio::test]
async fn a_campaign_from_contenders_to_the_quota_list() {
    for f in registries().await {
        let b = f.backend;
        let op = Acting::Operator;
        f.clock
            .0
            .store(ms("2020-08-01T00:00:00Z"), Ordering::SeqCst);
        for branch in ["100000000", "101000000"] {
            f.app
                .execute(
                    &op,
                    CreateBranch {
                        branch: Branch {
                            party_code: amanat(),
                            territory_code: code(branch),
                        },
                    },
                )
                .await
                .unwrap();
        }
        let committee = account(
            &f,
            "amanat-committee",
            Role::OrganizingCommittee,
            Scope::Party {
                party: amanat(),
                territory: Some(code("100000000")),
            },
        )
        .await;
        for t in ["trustee-1", "trustee-2"] {
            account(
                &f,
                t,
                Role::Trustee,
                Scope::Party {
                    party: amanat(),
                    territory: None,
                },
            )
            .await;
        }
        let committee = Acting::Account(committee);

        // A campaign with every rule broken at once: refused, nothing written.
        let id = CampaignId(uuid::Uuid::new_v4());
        let mut bad = open(id);
        bad.positions[0].kind = PositionKind::Akim {
            unit: code("201000000"),
        };
        bad.trustees[1] = user("amanat-committee");
        bad.windows.paper_voting.opens = ts("2020-09-01T00:00:00Z");
        let before = f.app.store().ledger_status().await.unwrap().size;
        let e = f.app.execute(&committee, bad).await.unwrap_err();
        assert_eq!(
            prim_rules(&e),
            vec![
                "windows.paper_voting.opens:prim-paper-outside-online",
                "positions[0].unit:prim-unit-outside-campaign",
                "trustees[1]:prim-not-trustee",
            ],
            "{b}"
        );
        assert_eq!(f.app.store().ledger_status().await.unwrap().size, before);
        f.app.execute(&committee, open(id)).await.unwrap();

        // Members of the district branch.
        let mut members = Vec::new();
        for (i, (surname, birth)) in [
            ("Казыбаев", date(1979, 3, 1)),
            ("Сейтқали", date(1990, 7, 12)),
            ("Жұмабаев", date(1975, 2, 2)),
            ("Әбілқасымова", date(1970, 10, 10)),
            ("Ермеков", date(1995, 8, 8)),
            ("Ташенов", date(2002, 12, 1)),
        ]
        .into_iter()
        .enumerate()
        {
            let card = format!("AM-{i:04}");
            let (m, cmd) = if birth.year() > 2000 {
                // A member who joined at 16 and is 17 when registration opens.
                member_joined(&card, surname, birth, date(2019, 1, 1))
            } else {
                member_command(&amanat(), "101000000", &card, surname, birth)
            };
            f.app.execute_batch(&op, vec![cmd]).await.unwrap();
            members.push(m);
        }

        // Registration: before the window, refused with the window in local time.
        f.clock
            .0
            .store(ms("2020-08-10T00:00:00Z"), Ordering::SeqCst);
        let young = f.app.contender_young(&id, &members[0]).await.unwrap();
        assert_eq!(young, Some(false), "{b}: born 1979");
        let (_, early) = apply(id, "akim", members[0], Gender::Male, false);
        let e = f.app.execute(&committee, early).await.unwrap_err();
        assert_eq!(
            prim_rules(&e),
            vec!["campaign:prim-registration-closed"],
            "{b}"
        );
        match &e {
            AppError::Invalid(v) => assert_eq!(
                v.0[0].rule.args(),
                vec![
                    ("opens", "17.08.2020 00:00".to_owned()),
                    ("closes", "29.08.2020 00:00".to_owned())
                ],
                "{b}: Astana's time (UTC+6 in 2020)"
            ),
            _ => unreachable!(),
        }

        f.clock
            .0
            .store(ms("2020-08-20T05:00:00Z"), Ordering::SeqCst);
        // The member registers itself: the member's own account.
        let member0 = Acting::Account(
            account(
                &f,
                "member-0",
                Role::PartyMember,
                Scope::Member { member: members[0] },
            )
            .await,
        );
        let (akim0, cmd) = apply(id, "akim", members[0], Gender::Male, false);
        f.app.execute(&member0, cmd).await.unwrap();
        // ... but not another member.
        let (_, cmd) = apply(id, "akim", members[1], Gender::Female, true);
        assert!(
            matches!(
                f.app.execute(&member0, cmd).await,
                Err(AppError::Forbidden(_))
            ),
            "{b}"
        );
        // A second registration for the same position, a young one recorded as not young,
        // a member too young, an undeclared record: every rule at once.
        let (_, mut twice) = apply(id, "akim", members[0], Gender::Male, true);
        twice.no_criminal_record = false;
        let e = f.app.execute(&committee, twice).await.unwrap_err();
        assert_eq!(
            prim_rules(&e),
            vec![
                "member:prim-contender-twice",
                "young:prim-young-mismatch",
                "no_criminal_record:prim-criminal-record-undeclared",
            ],
            "{b}"
        );
        let (_, minor) = apply(id, "list", members[5], Gender::Male, true);
        assert_eq!(
            prim_rules(&f.app.execute(&committee, minor).await.unwrap_err()),
            vec!["member:prim-too-young"],
            "{b}"
        );
        // A primary organization's nomination from outside the campaign's territory is refused.
        let (_, mut outside) = apply(id, "akim", members[2], Gender::Male, false);
        outside.route = Route::Organization {
            organization: code("201000000"),
        };
        assert_eq!(
            prim_rules(&f.app.execute(&committee, outside).await.unwrap_err()),
            vec!["organization:prim-organization-invalid"],
            "{b}"
        );

        let (akim1, c) = apply(id, "akim", members[1], Gender::Female, true);
        f.app.execute(&committee, c).await.unwrap();
        let (akim2, mut c) = apply(id, "akim", members[2], Gender::Male, false);
        c.route = Route::Organization {
            organization: code("101000000"),
        };
        f.app.execute(&committee, c).await.unwrap();
        let mut list = Vec::new();
        for (i, (g, y)) in [
            (Gender::Male, false),
            (Gender::Male, false),
            (Gender::Female, false),
            (Gender::Male, true),
        ]
        .into_iter()
        .enumerate()
        {
            let m = [members[0], members[2], members[3], members[4]][i];
            let (cid, c) = apply(id, "list", m, g, y);
            f.app.execute(&committee, c).await.unwrap();
            list.push(cid);
        }

        // Decisions: admit all but one refused with its ground; a refusal without one is told.
        f.clock
            .0
            .store(ms("2020-09-01T05:00:00Z"), Ordering::SeqCst);
        let e = f
            .app
            .execute(
                &committee,
                DecideContender {
                    contender: akim2,
                    decision: Decision::Refuse {
                        ground: "  ".into(),
                    },
                },
            )
            .await
            .unwrap_err();
        assert_eq!(prim_rules(&e), vec!["ground:prim-ground-required"], "{b}");
        for c in [akim0, akim1, akim2].iter().chain(&list) {
            f.app
                .execute(
                    &committee,
                    DecideContender {
                        contender: *c,
                        decision: Decision::Admit,
                    },
                )
                .await
                .unwrap();
        }
        let e = f
            .app
            .execute(
                &committee,
                DecideContender {
                    contender: akim0,
                    decision: Decision::Admit,
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            prim_rules(&e),
            vec!["contender:prim-already-decided"],
            "{b}"
        );

        // A debate of the three akim contenders; the third does not come and is excluded.
        let debate = DebateId(uuid::Uuid::new_v4());
        f.app
            .execute(
                &committee,
                ScheduleDebate {
                    debate,
                    campaign: id,
                    position: "akim".into(),
                    topic: "Развитие сельских округов".into(),
                    place: "Дом культуры".into(),
                    starts_at: ts("2020-09-15T09:00:00Z"),
                    stream_url: "https://primaries.example.kz/live/1".into(),
                    contenders: vec![akim0, akim1, akim2],
                },
            )
            .await
            .unwrap();
        f.clock
            .0
            .store(ms("2020-09-15T12:00:00Z"), Ordering::SeqCst);
        let record = RecordDebate {
            debate,
            present: vec![akim0, akim1],
            absent: vec![akim2],
            recording_url: "https://primaries.example.kz/rec/1".into(),
        };
        f.app.execute(&committee, record.clone()).await.unwrap();
        assert_eq!(
            prim_rules(&f.app.execute(&committee, record).await.unwrap_err()),
            vec!["debate:prim-attendance-not-due"],
            "{b}: recorded once"
        );

        // The committee fixes the online ballot: a second time refused; no decision after it.
        f.clock
            .0
            .store(ms("2020-09-30T12:00:00Z"), Ordering::SeqCst);
        f.app
            .execute(
                &committee,
                sailau_domain::primaries::voting::FixBallot { campaign: id },
            )
            .await
            .unwrap();
        assert_eq!(
            prim_rules(
                &f.app
                    .execute(
                        &committee,
                        sailau_domain::primaries::voting::FixBallot { campaign: id }
                    )
                    .await
                    .unwrap_err()
            ),
            vec!["campaign:prim-ballot-fixed"],
            "{b}"
        );
        assert_eq!(
            prim_rules(
                &f.app
                    .execute(&committee, WithdrawContender { contender: akim1 })
                    .await
                    .unwrap_err()
            ),
            vec!["contender:prim-ballot-fixed"],
            "{b}"
        );

        // The key ceremony: trustee 2 deals trustee 1 a share its commitments do not give;
        // trustee 1's complaint (its file as `sailau trustee finalize` writes it) is judged at
        // once, aborts the ceremony, and the committee restarts it with trustee 2 replaced.
        ceremony_with_a_cheat(&f, id, &committee).await;

        // Paper counts at the primary organization on the last morning.
        f.clock
            .0
            .store(ms("2020-10-03T09:00:00Z"), Ordering::SeqCst);
        let counting = Acting::Account(
            account(
                &f,
                "counting-101",
                Role::CountingCommission,
                Scope::Party {
                    party: amanat(),
                    territory: Some(code("101000000")),
                },
            )
            .await,
        );
        let akim_count = RecordPaperCount {
            campaign: id,
            organization: code("101000000"),
            position: "akim".into(),
            issued: 50,
            counts: vec![
                ContenderVotes {
                    contender: akim0,
                    votes: 20,
                },
                ContenderVotes {
                    contender: akim1,
                    votes: 27,
                },
            ],
        };
        // The excluded contender named: refused.
        let mut with_excluded = akim_count.clone();
        with_excluded.counts.push(ContenderVotes {
            contender: akim2,
            votes: 1,
        });
        assert_eq!(
            prim_rules(&f.app.execute(&counting, with_excluded).await.unwrap_err()),
            vec!["counts:prim-paper-count-shape"],
            "{b}"
        );
        f.app.execute(&counting, akim_count.clone()).await.unwrap();
        assert_eq!(
            prim_rules(&f.app.execute(&counting, akim_count).await.unwrap_err()),
            vec!["organization:prim-paper-count-twice"],
            "{b}"
        );
        f.app
            .execute(
                &counting,
                RecordPaperCount {
                    campaign: id,
                    organization: code("101000000"),
                    position: "list".into(),
                    issued: 50,
                    counts: vec![
                        ContenderVotes {
                            contender: list[0],
                            votes: 40,
                        },
                        ContenderVotes {
                            contender: list[1],
                            votes: 35,
                        },
                        ContenderVotes {
                            contender: list[2],
                            votes: 20,
                        },
                        ContenderVotes {
                            contender: list[3],
                            votes: 30,
                        },
                    ],
                },
            )
            .await
            .unwrap();

        // The view: the excluded contender, the ratings, the quota list.
        let v = f.app.campaign_view(&id).await.unwrap().unwrap();
        let status = |c: ContenderId| {
            v.contenders
                .iter()
                .find(|x| x.contender.registered.contender == c)
                .unwrap()
                .contender
                .status
        };
        assert_eq!(status(akim2), ContenderStatus::Excluded, "{b}");
        assert_eq!(v.manifest_hash.as_ref().map(String::len), Some(64), "{b}");
        assert_eq!(
            v.contenders[0].name.as_deref(),
            Some("Казыбаев Аскар"),
            "{b}: names from the member records"
        );
        let akim = &v.results[0];
        let overall = &akim.ratings[0];
        assert_eq!(overall.0, RatingKind::Overall);
        assert_eq!(
            overall
                .1
                .iter()
                .map(|r| (r.standing.contender, r.standing.votes()))
                .collect::<Vec<_>>(),
            vec![(akim1, 27), (akim0, 20)],
            "{b}"
        );
        assert_eq!(akim.ratings[1].1.len(), 1, "{b}: one woman");
        let l = v.results[1].list.as_ref().unwrap();
        // The top 3 by votes are list0 (40), list1 (35) and list3 (30, the only young one):
        // no woman, and 30 % of 3 seats asks for one. list3 must stay for the young's quota
        // (20 % of 3 asks for one), so list1 leaves and list2 (20, a woman) comes in.
        assert_eq!(
            l.chosen,
            vec![list[0], list[3], list[2]],
            "{b}: in rating order"
        );
        assert_eq!(l.moved_in, vec![list[2]], "{b}");
        assert_eq!(l.moved_out, vec![list[1]], "{b}");
        assert!(l.quotas_met, "{b}");

        // Too late for a withdrawal: the ballot is fixed.
        assert_eq!(
            prim_rules(
                &f.app
                    .execute(&committee, WithdrawContender { contender: akim0 })
                    .await
                    .unwrap_err()
            ),
            vec!["contender:prim-ballot-fixed"],
            "{b}"
        );

        // No name or card number in the ledger; the ledger replays to the same tables.
        for row in f.app.store().ledger_all().await.unwrap() {
            let text = String::from_utf8(row.entry).unwrap();
            assert!(
                !text.contains("Казыбаев") && !text.contains("AM-0000"),
                "{b}: {text}"
            );
        }
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e:?}"));
    }
}

/// Round 1 and 2 of a ceremony in which trustee 2 cheats, trustee 1's complaint, and the
/// committee's restart (spec §4.3–§4.4).
async fn ceremony_with_a_cheat(f: &Fixture, id: CampaignId, committee: &Acting) {
    use sailau_domain::primaries::online::{
        CeremonyFile, PublishCeremonyFile, RestartCeremony, Verdict,
    };
    let b = f.backend;
    let files = f.app.election_public(&id).await.unwrap().unwrap();
    let params = &files.parameters;
    let mut rng = rand::rng();
    let trustee = |i: u32| {
        Acting::Account(Principal {
            username: user(&format!("trustee-{i}")),
            role: Role::Trustee,
            scope: Scope::Party {
                party: amanat(),
                territory: None,
            },
        })
    };
    let (s1, p1) = sailau_vote::generate_trustee(params, 1, &mut rng).unwrap();
    let (s2, p2) = sailau_vote::generate_trustee(params, 2, &mut rng).unwrap();
    let mut sj = serde_json::to_value(&s2).unwrap();
    sj["coefficients"][1] = sj["coefficients"][0].clone();
    let cheat: sailau_vote::TrusteeSecrets = serde_json::from_value(sj).unwrap();
    let mut pj = serde_json::to_value(&p2).unwrap();
    pj["commitments"][1] = pj["commitments"][0].clone();
    let cheat_view = vec![p1.clone(), serde_json::from_value(pj).unwrap()];
    let publics = vec![p1, p2];
    for (i, p) in publics.iter().enumerate() {
        let i = i as u32 + 1;
        let file = CeremonyFile::Announcement {
            public: Box::new(p.clone()),
        };
        f.app
            .execute(
                &trustee(i),
                PublishCeremonyFile {
                    campaign: id,
                    trustee: i,
                    file,
                },
            )
            .await
            .unwrap();
    }
    let d1 = sailau_vote::deal_shares(params, &s1, &publics, &mut rng).unwrap();
    let d2 = sailau_vote::deal_shares(params, &cheat, &cheat_view, &mut rng).unwrap();
    for (i, shares) in [(1, d1.clone()), (2, d2.clone())] {
        let file = CeremonyFile::Dealt { shares };
        f.app
            .execute(
                &trustee(i),
                PublishCeremonyFile {
                    campaign: id,
                    trustee: i,
                    file,
                },
            )
            .await
            .unwrap();
    }
    let all: Vec<_> = d1.iter().chain(&d2).cloned().collect();
    let complaints =
        match sailau_vote::receive_shares(params, &s1, &publics, &all, &mut rng).unwrap() {
            sailau_vote::ShareOutcome::Complaints(c) => c,
            sailau_vote::ShareOutcome::Accepted(_) => panic!("{b}: the cheat went unnoticed"),
        };
    let text = serde_json::to_string(&sailau_record::format::Complaints {
        trustee: 1,
        complaints,
    })
    .unwrap();
    let cmd = sailau_app::primaries::online::ceremony_command(id, 1, 3, &text).unwrap();
    assert!(matches!(cmd.file, CeremonyFile::Complaints { .. }));
    f.app.execute(&trustee(1), cmd).await.unwrap();
    let v = f.app.online_view(&id).await.unwrap();
    assert_eq!(v.complaints.len(), 1, "{b}");
    assert_eq!(v.complaints[0].verdict, Verdict::DealerCheated, "{b}");
    assert_eq!(v.complaints[0].disqualified(), 2, "{b}");
    // The ceremony takes nothing more until it is restarted.
    let late = PublishCeremonyFile {
        campaign: id,
        trustee: 2,
        file: CeremonyFile::Finalized {
            verification_key: sailau_vote::Point::generator(),
        },
    };
    assert_eq!(
        prim_rules(&f.app.execute(&trustee(2), late).await.unwrap_err()),
        vec!["campaign:prim-ceremony-aborted"],
        "{b}"
    );
    // A restart by a trustee is not its to make; the committee's names an account that is no
    // trustee: refused; then trustee 3 replaces trustee 2.
    let restart = |names: &[&str]| RestartCeremony {
        campaign: id,
        trustees: names.iter().map(|n| user(n)).collect(),
    };
    assert!(
        f.app
            .execute(&trustee(1), restart(&["trustee-1", "trustee-3"]))
            .await
            .is_err()
    );
    assert_eq!(
        prim_rules(
            &f.app
                .execute(committee, restart(&["trustee-1", "amanat-committee"]))
                .await
                .unwrap_err()
        ),
        vec!["trustees[1]:prim-not-trustee"],
        "{b}"
    );
    account(
        f,
        "trustee-3",
        Role::Trustee,
        Scope::Party {
            party: amanat(),
            territory: None,
        },
    )
    .await;
    f.app
        .execute(committee, restart(&["trustee-1", "trustee-3"]))
        .await
        .unwrap();
    let v = f.app.online_view(&id).await.unwrap();
    assert!(v.complaints.is_empty() && v.rounds[0].is_empty(), "{b}");
    assert_eq!(v.aborted, 1, "{b}");
    let c = f.app.store().campaign(&id).await.unwrap().unwrap();
    assert_eq!(
        c.opened.trustees,
        vec![user("trustee-1"), user("trustee-3")],
        "{b}"
    );
}

//! The party context end to end on every backend (issue 13): members imported with their
//! personal data kept out of the ledger, conferences numbered on from an imported last number,
//! a roster, check-in, quorum, motions decided by the delegates present, the party's nominee
//! per unit, every bad input refused with its rule and nothing half-written, and the ledger
//! replaying to the same tables.

use jiff::civil::date;
use sailau_app::import::{Format, ImportError};
use sailau_app::{Acting, AppError};
use sailau_domain::party::commands::*;
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::party::rules::PartyRule;
use sailau_domain::party::vote::*;
use sailau_domain::registry::*;
use sailau_domain::*;

use crate::fixture::*;

/// 2023-09-27 12:00 in Aktobe (UTC+5): the day of the Uil conference (rules.md §8).
pub const CONFERENCE_DAY_MS: i64 = 1_695_798_000_000;

fn uid() -> uuid::Uuid {
    uuid::Uuid::new_v4()
}

pub fn amanat() -> PartyCode {
    PartyCode::parse("amanat").unwrap()
}

fn rules_of(e: &AppError) -> Vec<Rule> {
    match e {
        AppError::Invalid(v) => v.0.iter().map(|f| f.rule.clone()).collect(),
        AppError::Batch { error, .. } => rules_of(error),
        other => panic!("not a refusal by rules: {other:?}"),
    }
}

fn party_rule(e: &AppError) -> Vec<PartyRule> {
    rules_of(e)
        .into_iter()
        .filter_map(|r| match r {
            Rule::Party(p) => Some(p),
            _ => None,
        })
        .collect()
}

pub fn member_command(
    party: &PartyCode,
    branch: &str,
    card: &str,
    surname: &str,
    birth: jiff::civil::Date,
) -> (MemberId, Issued) {
    let record = MemberRecord {
        salt: format!("{:032x}", uid().as_u128()),
        card_number: card.into(),
        surname: surname.into(),
        given_name: "Аскар".into(),
        patronymic: String::new(),
        birth_date: birth,
    };
    let member = MemberId(uid());
    let cmd = RecordMember {
        member,
        party: party.clone(),
        branch: code(branch),
        joined_on: date(2010, 5, 4),
        commitment: record.commitment(),
    };
    (member, Issued::new(cmd, record))
}

pub fn convene(party: &PartyCode, branch: &str, ordinal: u32) -> (ConferenceId, Issued) {
    convene_on(party, branch, ordinal, date(2023, 9, 27))
}

/// [`convene`] on another day: a member sits on one roster of the party per day
/// (`PartyRule::DelegateElsewhere`).
pub fn convene_on(
    party: &PartyCode,
    branch: &str,
    ordinal: u32,
    held_on: jiff::civil::Date,
) -> (ConferenceId, Issued) {
    let id = ConferenceId(uid());
    let c = ConveneConference {
        conference: id,
        party: party.clone(),
        branch: code(branch),
        ordinal,
        kind: ConferenceKind::Extraordinary,
        held_on,
        place: "с. Уил, районный Дом культуры".into(),
        agenda: vec!["О выдвижении кандидата на должность акима района".into()],
        rules: PartyRules::amanat(),
    };
    (id, c.into())
}

fn counts(votes_for: Vec<u32>, against: u32, abstain: u32) -> Tally {
    Tally::Counts {
        votes_for,
        against,
        abstain,
    }
}

const MEMBERS_CSV: &str = "card_number,surname,given_name,patronymic,birth_date,joined_on,branch_code\n\
AM-0001,Казыбаев,Аскар,,01.03.1979,04.05.2010,101000000\n\
AM-0002,Сейтқали,Мөлдір,Ержанқызы,1985-07-12,2012-01-20,101000000\n\
AM-0003,Жұмабаев,Нұрлан,,1990-02-02,2015-03-03,101000000\n\
AM-0004,Әбілқасымова,Гүлнар,,1970-10-10,2001-06-06,101000000\n\
AM-0005,Ермеков,Дархан,,1988-08-08,2019-09-09,101000000\n";

#[tokio::test]
async fn a_district_conference_from_members_to_the_nominee() {
    for f in registries().await {
        let b = f.backend;
        f.clock
            .0
            .store(CONFERENCE_DAY_MS, std::sync::atomic::Ordering::SeqCst);
        let op = Acting::Operator;
        f.app
            .execute(
                &op,
                CreateBranch {
                    branch: Branch {
                        party_code: amanat(),
                        territory_code: code("101000000"),
                    },
                },
            )
            .await
            .unwrap();

        // A member list with bad rows: every row named, nothing written.
        let bad = "card_number,surname,given_name,patronymic,birth_date,joined_on,branch_code\n\
AM 1<,Казыбаев,Аскар,,01.03.1979,04.05.2010,101000000\n\
AM-0009,,Аскар,,31.02.1979,04.05.2010,101000000\n\
AM-0010,Ким,Ли,,01.01.1980,01.01.2030,101000000\n";
        let before = f.app.store().ledger_status().await.unwrap().size;
        match f
            .app
            .import_members(&op, &amanat(), Format::Csv, bad.as_bytes().to_vec())
            .await
        {
            Err(ImportError::Rows(rows)) => {
                let got: Vec<(usize, &str)> =
                    rows.iter().map(|r| (r.line, r.field.as_str())).collect();
                assert_eq!(
                    got,
                    vec![
                        (2, "card_number"),
                        (3, "birth_date"),
                        (3, "surname"),
                        (4, "joined_on")
                    ],
                    "{b}: {rows:?}"
                );
            }
            other => panic!("{b}: {other:?}"),
        }
        assert_eq!(f.app.store().ledger_status().await.unwrap().size, before);

        let n = f
            .app
            .import_members(&op, &amanat(), Format::Csv, MEMBERS_CSV.as_bytes().to_vec())
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        assert_eq!(n, 5);
        // A second file with a card number already taken: refused, named.
        match f
            .app
            .import_members(
                &op,
                &amanat(),
                Format::Csv,
                MEMBERS_CSV
                    .lines()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join("\n")
                    .into_bytes(),
            )
            .await
        {
            Err(ImportError::Rows(rows)) => assert!(
                rows.iter()
                    .any(|r| r.rule == Some(PartyRule::CardNumberTaken.into())),
                "{b}: {rows:?}"
            ),
            other => panic!("{b}: {other:?}"),
        }
        // No personal data in the ledger.
        for row in f.app.store().ledger_all().await.unwrap() {
            let text = String::from_utf8(row.entry).unwrap();
            assert!(
                !text.contains("Казыбаев") && !text.contains("AM-0001"),
                "{b}: {text}"
            );
        }

        // Numbering continues from the branch's last conference before sailau.
        f.app
            .execute(
                &op,
                SetConferenceCount {
                    party: amanat(),
                    branch: code("101000000"),
                    last: 49,
                },
            )
            .await
            .unwrap();
        let (_, wrong) = convene(&amanat(), "101000000", 49);
        let e = f.app.execute(&op, wrong).await.unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::OrdinalNotNext { expected: 50 }]
        );
        assert_eq!(
            f.app
                .next_conference_ordinal(&amanat(), &code("101000000"))
                .await
                .unwrap(),
            50
        );
        let (conf, c) = convene(&amanat(), "101000000", 50);
        f.app.execute(&op, c).await.unwrap();
        let e = f
            .app
            .execute(
                &op,
                SetConferenceCount {
                    party: amanat(),
                    branch: code("101000000"),
                    last: 60,
                },
            )
            .await
            .unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::NumberingLocked]);

        // The roster: an unknown card is named; then four delegates.
        match f
            .app
            .import_roster(
                &op,
                &conf,
                Format::Csv,
                b"mandate,card_number\n1,AM-0001\n2,AM-0404\n",
            )
            .await
        {
            Err(ImportError::Rows(rows)) => {
                assert_eq!(rows.len(), 1, "{b}");
                assert_eq!(rows[0].line, 3);
                assert_eq!(rows[0].rule, Some(PartyRule::MemberMissing.into()));
            }
            other => panic!("{b}: {other:?}"),
        }
        let roster = "mandate,card_number\n1,AM-0001\n2,AM-0002\n3,AM-0003\n4,AM-0004\n";
        assert_eq!(
            f.app
                .import_roster(&op, &conf, Format::Csv, roster.as_bytes())
                .await
                .unwrap(),
            4
        );
        let e = f
            .app
            .import_roster(
                &op,
                &conf,
                Format::Csv,
                b"mandate,card_number\n4,AM-0005\n5,AM-0001\n",
            )
            .await
            .unwrap_err();
        match e {
            ImportError::Rows(rows) => {
                let got: Vec<_> = rows.iter().map(|r| r.rule.clone().unwrap()).collect();
                assert_eq!(
                    got,
                    vec![
                        PartyRule::MandateTaken.into(),
                        PartyRule::DelegateTwice.into()
                    ],
                    "{b}"
                );
            }
            other => panic!("{b}: {other:?}"),
        }

        // Check-in; a second check-in and an unknown mandate are refused.
        for m in [1, 2] {
            f.app
                .execute(
                    &op,
                    CheckIn {
                        conference: conf,
                        mandate: m,
                    },
                )
                .await
                .unwrap();
        }
        let e = f
            .app
            .execute(
                &op,
                CheckIn {
                    conference: conf,
                    mandate: 1,
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::CheckedInTwice { mandate: 1 }]
        );
        let e = f
            .app
            .execute(
                &op,
                CheckIn {
                    conference: conf,
                    mandate: 77,
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::MandateMissing { mandate: 77 }]
        );

        // The presidium first.
        let kazybaev = PersonId(uid());
        f.app
            .execute(
                &op,
                RegisterPerson {
                    person: Person {
                        id: kazybaev,
                        surname: "Казыбаев".into(),
                        given_name: "Аскар".into(),
                        patronymic: String::new(),
                        birth_date: date(1979, 3, 1),
                        gender: Gender::Male,
                    },
                },
            )
            .await
            .unwrap();
        let member_1 = f
            .app
            .store()
            .member_by_card(&amanat(), "AM-0001")
            .await
            .unwrap()
            .unwrap();
        let member_2 = f
            .app
            .store()
            .member_by_card(&amanat(), "AM-0002")
            .await
            .unwrap()
            .unwrap();
        let nominate = |member: MemberId, person: PersonId| OpenMotion {
            motion: MotionId(uid()),
            conference: conf,
            subject: Subject::Nominate {
                unit: code("101000000"),
                contenders: vec![Contender { member, person }],
            },
            mode: VoteMode::RollCall,
        };
        let e = f
            .app
            .execute(&op, nominate(member_1, kazybaev))
            .await
            .unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::PresidiumFirst]);
        let presidium = MotionId(uid());
        f.app
            .execute(
                &op,
                OpenMotion {
                    motion: presidium,
                    conference: conf,
                    subject: Subject::Presidium {
                        chair: 1,
                        secretary: 2,
                        counting_commission: vec![3],
                    },
                    mode: VoteMode::Open,
                },
            )
            .await
            .unwrap();
        // Two of four present: no quorum (more than half of the elected is 3).
        let e = f
            .app
            .execute(
                &op,
                RecordVote {
                    motion: presidium,
                    round: 1,
                    tally: counts(vec![2], 0, 0),
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::NoQuorum {
                present: 2,
                needed: 3
            }]
        );
        f.app
            .execute(
                &op,
                CheckIn {
                    conference: conf,
                    mandate: 3,
                },
            )
            .await
            .unwrap();
        let e = f
            .app
            .execute(
                &op,
                RecordVote {
                    motion: presidium,
                    round: 1,
                    tally: counts(vec![3], 1, 0),
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::CountsAbovePresent { present: 3 }]
        );
        f.app
            .execute(
                &op,
                RecordVote {
                    motion: presidium,
                    round: 1,
                    tally: counts(vec![3], 0, 0),
                },
            )
            .await
            .unwrap();
        let e = f
            .app
            .execute(
                &op,
                RecordVote {
                    motion: presidium,
                    round: 1,
                    tally: counts(vec![3], 0, 0),
                },
            )
            .await
            .unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::MotionDecided]);

        // A nominee whose member record is not the person: refused.
        let e = f
            .app
            .execute(&op, nominate(member_2, kazybaev))
            .await
            .unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::MemberNotPerson]);
        let e = f
            .app
            .execute(&op, nominate(MemberId(uid()), kazybaev))
            .await
            .unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::NomineeNotMember]);

        // The nomination by roll call: a delegate not checked in cannot vote.
        let motion = nominate(member_1, kazybaev);
        let nomination = motion.motion;
        f.app.execute(&op, motion).await.unwrap();
        let vote = |mandate, choice| RollCallVote { mandate, choice };
        let e = f
            .app
            .execute(
                &op,
                RecordVote {
                    motion: nomination,
                    round: 1,
                    tally: Tally::RollCall {
                        votes: vec![vote(1, Choice::For(0)), vote(4, Choice::For(0))],
                    },
                },
            )
            .await
            .unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::NotCheckedIn { mandate: 4 }]);
        f.app
            .execute(
                &op,
                RecordVote {
                    motion: nomination,
                    round: 1,
                    tally: Tally::RollCall {
                        votes: vec![
                            vote(1, Choice::For(0)),
                            vote(2, Choice::For(0)),
                            vote(3, Choice::Abstain),
                        ],
                    },
                },
            )
            .await
            .unwrap();
        let view = f.app.conference_view(&conf).await.unwrap();
        assert_eq!(view.number_ru, "L (50-я)");
        assert_eq!(view.number_kk, "L (50-ші)");
        assert_eq!((view.elected, view.present, view.quorum_needed), (4, 3, 3));
        assert_eq!(view.conference.chair, Some(1));
        assert_eq!(view.motions.len(), 2);
        assert_eq!(view.motions[1].motion.adopted, Some(0));
        let nominations = f.app.store().party_nominations(&amanat()).await.unwrap();
        assert_eq!(nominations.len(), 1);
        assert_eq!(nominations[0].person, kazybaev);

        // One nominee per unit per party.
        let e = f
            .app
            .execute(&op, nominate(member_1, kazybaev))
            .await
            .unwrap_err();
        assert!(
            party_rule(&e).contains(&PartyRule::UnitNominated {
                name: "Казыбаев Аскар".into()
            }),
            "{b}: {e:?}"
        );

        // Membership as the elections context asks it.
        assert!(
            f.app
                .is_member(&amanat(), &kazybaev, date(2023, 9, 27))
                .await
                .unwrap()
        );
        assert!(
            !f.app
                .is_member(&amanat(), &kazybaev, date(2009, 1, 1))
                .await
                .unwrap(),
            "not yet a member before joining"
        );
        assert!(
            !f.app
                .is_member(
                    &PartyCode::parse("akzhol").unwrap(),
                    &kazybaev,
                    date(2023, 9, 27)
                )
                .await
                .unwrap()
        );

        // Erasure keeps the ledger verifiable; the ledger replays to the same party tables.
        f.app
            .execute(&op, EraseMemberData { member: member_2 })
            .await
            .unwrap();
        assert!(
            f.app
                .store()
                .member_record(&member_2)
                .await
                .unwrap()
                .is_none()
        );
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
    }
}

#[tokio::test]
async fn three_contenders_go_to_a_second_round_and_a_tie_is_not_adopted() {
    for f in registries().await {
        let b = f.backend;
        f.clock
            .0
            .store(CONFERENCE_DAY_MS, std::sync::atomic::Ordering::SeqCst);
        let op = Acting::Operator;
        let mut batch: Vec<Issued> = vec![
            CreateBranch {
                branch: Branch {
                    party_code: amanat(),
                    territory_code: code("101000000"),
                },
            }
            .into(),
        ];
        let mut members = Vec::new();
        let mut persons = Vec::new();
        for i in 0..6 {
            let surname = [
                "Абаев",
                "Бекова",
                "Викторов",
                "Газизов",
                "Дәулетов",
                "Ержанов",
            ][i];
            let birth = date(1970 + i as i16, 1, 1);
            let (m, cmd) =
                member_command(&amanat(), "101000000", &format!("C-{i}"), surname, birth);
            batch.push(cmd);
            members.push(m);
            let p = PersonId(uid());
            persons.push(p);
            batch.push(
                RegisterPerson {
                    person: Person {
                        id: p,
                        surname: surname.into(),
                        given_name: "Аскар".into(),
                        patronymic: String::new(),
                        birth_date: birth,
                        gender: Gender::Male,
                    },
                }
                .into(),
            );
        }
        let (conf, c) = convene(&amanat(), "101000000", 1);
        batch.push(c);
        for (i, m) in members.iter().enumerate() {
            batch.push(
                SeatDelegate {
                    conference: conf,
                    mandate: i as u32 + 1,
                    member: *m,
                }
                .into(),
            );
            batch.push(
                CheckIn {
                    conference: conf,
                    mandate: i as u32 + 1,
                }
                .into(),
            );
        }
        let presidium = MotionId(uid());
        batch.push(
            OpenMotion {
                motion: presidium,
                conference: conf,
                subject: Subject::Presidium {
                    chair: 1,
                    secretary: 2,
                    counting_commission: vec![3, 4],
                },
                mode: VoteMode::Open,
            }
            .into(),
        );
        batch.push(
            RecordVote {
                motion: presidium,
                round: 1,
                tally: counts(vec![6], 0, 0),
            }
            .into(),
        );
        f.app
            .execute_batch(&op, batch)
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let motion = MotionId(uid());
        f.app
            .execute(
                &op,
                OpenMotion {
                    motion,
                    conference: conf,
                    subject: Subject::Nominate {
                        unit: code("101000000"),
                        contenders: (0..3)
                            .map(|i| Contender {
                                member: members[i],
                                person: persons[i],
                            })
                            .collect(),
                    },
                    mode: VoteMode::Secret,
                },
            )
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        // 2-2-1 of 6: a second round is due, but the second place is clear only between 0 and 1.
        f.app
            .execute(
                &op,
                RecordVote {
                    motion,
                    round: 1,
                    tally: counts(vec![2, 2, 1], 0, 1),
                },
            )
            .await
            .unwrap();
        let m = f.app.store().motion(&motion).await.unwrap().unwrap();
        assert_eq!((m.next_round, m.decided), (2, false), "{b}");
        assert_eq!(m.round_contenders, vec![0, 1]);
        let e = f
            .app
            .execute(
                &op,
                RecordVote {
                    motion,
                    round: 1,
                    tally: counts(vec![3, 3], 0, 0),
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::RoundNotNext { expected: 2 }]
        );
        // A tie in the second round: not adopted, no nominee.
        f.app
            .execute(
                &op,
                RecordVote {
                    motion,
                    round: 2,
                    tally: counts(vec![3, 3], 0, 0),
                },
            )
            .await
            .unwrap();
        let m = f.app.store().motion(&motion).await.unwrap().unwrap();
        assert!(m.decided && m.adopted.is_none(), "{b}: {m:?}");
        assert!(
            f.app
                .store()
                .party_nominations(&amanat())
                .await
                .unwrap()
                .is_empty()
        );
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
    }
}

/// What the permission matrix acts on, one side per party: inside (amanat, district 102000000)
/// and outside (akzhol, district 202000000).
pub struct MatrixWorld {
    sides: [MatrixSide; 2],
}

struct MatrixSide {
    party: PartyCode,
    district: &'static str,
    region: &'static str,
    to_erase: MemberId,
    to_seat: MemberId,
    conference: ConferenceId,
    open_resolution: MotionId,
    // i13-pipeline
    second: ConferenceId,
    delegate: MemberId,
    org: &'static str,
    org_member: MemberId,
}

/// Prepares, as the operator, a world in which every party command of the matrix is valid once
/// on each side: branches, members, a conference with three delegates to seat more on, and a
/// second conference with its presidium elected and a resolution open for a vote.
pub async fn prepare_matrix(f: &Fixture) -> MatrixWorld {
    let mut sides = Vec::new();
    // Districts of their own, so that the registry's `create_branch` of the matrix (on
    // 101000000 and 201000000) stays free.
    for (party, district, region, org) in [
        ("amanat", "102000000", "100000000", "102010000"),
        ("akzhol", "202000000", "200000000", "202010000"),
    ] {
        let party = PartyCode::parse(party).unwrap();
        let mut batch: Vec<Issued> = vec![
            territory(district, Some(region), TerritoryKind::District),
            territory(org, Some(district), TerritoryKind::RuralOkrug),
        ];
        let (org_member, cmd) = member_command(&party, org, "ORG-1", "Сапаров", date(1981, 1, 1));
        for t in [district, region, org] {
            batch.push(
                CreateBranch {
                    branch: Branch {
                        party_code: party.clone(),
                        territory_code: code(t),
                    },
                }
                .into(),
            );
        }
        let mut members = Vec::new();
        for i in 0..5 {
            let (m, cmd) = member_command(
                &party,
                district,
                &format!("M-{i}"),
                "Иванов",
                date(1980, 1, 1 + i as i8),
            );
            members.push(m);
            batch.push(cmd);
        }
        let (conference, c) = convene(&party, district, 1);
        // The same three delegates sit on both rosters, so the second is held another day.
        let (second, d) = convene_on(&party, district, 2, date(2023, 9, 28));
        batch.push(c);
        batch.push(d);
        for mandate in 1..=3u32 {
            let member = members[mandate as usize];
            for conf in [conference, second] {
                batch.push(
                    SeatDelegate {
                        conference: conf,
                        mandate,
                        member,
                    }
                    .into(),
                );
            }
            batch.push(
                CheckIn {
                    conference: second,
                    mandate,
                }
                .into(),
            );
        }
        let presidium = MotionId(uid());
        batch.push(
            OpenMotion {
                motion: presidium,
                conference: second,
                subject: Subject::Presidium {
                    chair: 1,
                    secretary: 2,
                    counting_commission: vec![3],
                },
                mode: VoteMode::Open,
            }
            .into(),
        );
        batch.push(
            RecordVote {
                motion: presidium,
                round: 1,
                tally: counts(vec![3], 0, 0),
            }
            .into(),
        );
        let open_resolution = MotionId(uid());
        batch.push(
            OpenMotion {
                motion: open_resolution,
                conference: second,
                subject: Subject::Resolution {
                    text: "Об итогах работы филиала".into(),
                },
                mode: VoteMode::Open,
            }
            .into(),
        );
        batch.push(cmd);
        f.app
            .execute_batch(&Acting::Operator, batch)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
        sides.push(MatrixSide {
            party,
            district,
            region,
            to_erase: members[0],
            to_seat: members[4],
            conference,
            open_resolution,
            second,
            delegate: members[1],
            org,
            org_member,
        });
    }
    let [inside, outside]: [MatrixSide; 2] = sides.try_into().unwrap_or_else(|_| panic!());
    MatrixWorld {
        sides: [inside, outside],
    }
}

/// The party command of `kind` for the matrix, inside or outside the home scope.
pub fn matrix_command(kind: CommandKind, inside: bool, w: &MatrixWorld) -> Issued {
    let s = &w.sides[usize::from(!inside)];
    match kind {
        CommandKind::RecordMember => {
            member_command(&s.party, s.district, "NEW-1", "Петров", date(1975, 5, 5)).1
        }
        CommandKind::EraseMemberData => EraseMemberData { member: s.to_erase }.into(),
        CommandKind::SetConferenceCount => SetConferenceCount {
            party: s.party.clone(),
            branch: code(s.region),
            last: 5,
        }
        .into(),
        CommandKind::ConveneConference => convene(&s.party, s.district, 3).1,
        CommandKind::SeatDelegate => SeatDelegate {
            conference: s.conference,
            mandate: 4,
            member: s.to_seat,
        }
        .into(),
        CommandKind::CheckIn => CheckIn {
            conference: s.conference,
            mandate: 1,
        }
        .into(),
        CommandKind::OpenMotion => OpenMotion {
            motion: MotionId(uid()),
            conference: s.conference,
            subject: Subject::Presidium {
                chair: 1,
                secretary: 2,
                counting_commission: vec![3],
            },
            mode: VoteMode::Open,
        }
        .into(),
        CommandKind::RecordVote => RecordVote {
            motion: s.open_resolution,
            round: 1,
            tally: counts(vec![3], 0, 0),
        }
        .into(),
        // i13-pipeline
        CommandKind::RecordPrimaryMeeting => sailau_domain::party::pipeline::RecordPrimaryMeeting {
            meeting: sailau_domain::party::pipeline::MeetingId(uid()),
            conference: s.conference,
            organization: code(s.org),
            held_on: date(2023, 9, 20),
            members_present: 1,
            seats: 1,
            contenders: vec![sailau_domain::party::pipeline::MeetingContender {
                member: s.org_member,
                votes_for: 1,
                against: 0,
                abstain: 0,
            }],
        }
        .into(),
        CommandKind::AdoptRegionalPlan => sailau_domain::party::pipeline::AdoptRegionalPlan {
            party: s.party.clone(),
            region: code(s.region),
            starts_on: date(2023, 9, 1),
            primary_meetings_by: date(2023, 9, 20),
            district_conferences_by: date(2023, 9, 30),
            regional_conference_by: date(2023, 10, 10),
        }
        .into(),
        other => panic!("{other} is not a party command"),
    }
}

/// The home scope of the party's own roles in the matrix world (i13-pipeline): the counting
/// commission of the inside conference that has a motion open, the delegate seated there.
pub fn matrix_scope(role: Role, w: &MatrixWorld) -> Option<Scope> {
    let s = &w.sides[0];
    match role {
        Role::CountingCommission => Some(Scope::Conference {
            conference: s.second,
        }),
        Role::PartyDelegate | Role::PartyMember => Some(Scope::Member { member: s.delegate }),
        _ => None,
    }
}

/// The hand-off: Uil's L (50th) extraordinary conference nominates Kazybayev; the decision
/// becomes the elections context's party nomination in the Uil contest, through the same
/// pipeline; a motion that did not end in a nomination cannot be handed over.
#[tokio::test]
async fn an_adopted_nomination_is_handed_to_the_territorial_commission() {
    use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, RuleSet};
    use sailau_domain::elections::{CallElection, ContestId, ElectionId, Level, NewContest};
    for f in registries().await {
        let b = f.backend;
        let op = Acting::Operator;
        let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap().as_millisecond();
        f.clock.0.store(
            at("2023-09-15T05:00:00Z"),
            std::sync::atomic::Ordering::SeqCst,
        );
        let contest = ContestId(uid());
        f.app
            .execute_batch(
                &op,
                vec![
                    territory("150000000", None, TerritoryKind::Region),
                    territory("155200000", Some("150000000"), TerritoryKind::District),
                    precinct(501, "155200000", 10_001),
                    CallElection {
                        election: ElectionId(uid()),
                        names: Names {
                            ru: "Выборы акимов районов 5 ноября 2023 года".into(),
                            kk: "2023 жылғы 5 қарашадағы аудан әкімдерінің сайлауы".into(),
                            en: String::new(),
                        },
                        level: Level::District,
                        election_day: date(2023, 11, 5),
                        territory: Some(code("150000000")),
                        contests: vec![NewContest {
                            id: contest,
                            unit: code("155200000"),
                        }],
                        rule_set: KZ_AKIM_DISTRICT_2023.into(),
                        rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
                    }
                    .into(),
                ],
            )
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        f.clock.0.store(
            at("2023-09-27T07:00:00Z"),
            std::sync::atomic::Ordering::SeqCst,
        );
        let person = PersonId(uid());
        let mut batch: Vec<Issued> = vec![
            CreateBranch {
                branch: Branch {
                    party_code: amanat(),
                    territory_code: code("155200000"),
                },
            }
            .into(),
            SetConferenceCount {
                party: amanat(),
                branch: code("155200000"),
                last: 49,
            }
            .into(),
            RegisterPerson {
                person: Person {
                    id: person,
                    surname: "Казыбаев".into(),
                    given_name: "Аскар".into(),
                    patronymic: String::new(),
                    birth_date: date(1979, 3, 1),
                    gender: Gender::Male,
                },
            }
            .into(),
        ];
        let mut members = Vec::new();
        for (i, surname) in ["Казыбаев", "Сейтқали", "Жұмабаев"].iter().enumerate()
        {
            let (m, cmd) = member_command(
                &amanat(),
                "155200000",
                &format!("AM-5{i}"),
                surname,
                date(1979, 3, 1),
            );
            members.push(m);
            batch.push(cmd);
        }
        let (conf, c) = convene(&amanat(), "155200000", 50);
        batch.push(c);
        for (i, m) in members.iter().enumerate() {
            let mandate = i as u32 + 1;
            batch.push(
                SeatDelegate {
                    conference: conf,
                    mandate,
                    member: *m,
                }
                .into(),
            );
            batch.push(
                CheckIn {
                    conference: conf,
                    mandate,
                }
                .into(),
            );
        }
        let presidium = MotionId(uid());
        batch.push(
            OpenMotion {
                motion: presidium,
                conference: conf,
                subject: Subject::Presidium {
                    chair: 1,
                    secretary: 2,
                    counting_commission: vec![3],
                },
                mode: VoteMode::Open,
            }
            .into(),
        );
        batch.push(
            RecordVote {
                motion: presidium,
                round: 1,
                tally: counts(vec![3], 0, 0),
            }
            .into(),
        );
        let nominate = MotionId(uid());
        batch.push(
            OpenMotion {
                motion: nominate,
                conference: conf,
                subject: Subject::Nominate {
                    unit: code("155200000"),
                    contenders: vec![Contender {
                        member: members[0],
                        person,
                    }],
                },
                mode: VoteMode::Open,
            }
            .into(),
        );
        batch.push(
            RecordVote {
                motion: nominate,
                round: 1,
                tally: counts(vec![2], 0, 1),
            }
            .into(),
        );
        f.app
            .execute_batch(&op, batch)
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let form = || sailau_app::party::HandOff {
            contest,
            post: "заместитель акима района".into(),
            residence: "Актюбинская область, Уилский район, с. Уил".into(),
            qualifications: vec![
                "citizenship".into(),
                "legal_capacity".into(),
                "civil_service_qualification".into(),
            ],
            incumbent: false,
        };
        // The presidium's election is no nomination: nothing to hand over.
        let e = f
            .app
            .hand_off_nomination(&op, &presidium, form())
            .await
            .unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::NotAdopted], "{b}");
        let (id, _) = f
            .app
            .hand_off_nomination(&op, &nominate, form())
            .await
            .unwrap_or_else(|e| panic!("{b}: {e:?}"));
        let view = f
            .app
            .nomination(&id)
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let text = format!("{view:?}");
        assert!(text.contains("L (50-я)"), "{b}: {text}");
        assert!(text.contains("Казыбаев"), "{b}: {text}");
        // A second hand-off of the same decision is refused by the elections context.
        assert!(
            f.app
                .hand_off_nomination(&op, &nominate, form())
                .await
                .is_err(),
            "{b}"
        );
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
    }
}

#[tokio::test]
async fn a_delegate_sits_on_one_conferences_roster_of_a_day() {
    for f in registries().await {
        let b = f.backend;
        f.clock
            .0
            .store(CONFERENCE_DAY_MS, std::sync::atomic::Ordering::SeqCst);
        let op = Acting::Operator;
        for branch in ["101000000", "100000000"] {
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
        let (member, m) = member_command(
            &amanat(),
            "101000000",
            "AM-0001",
            "Казыбаев",
            date(1979, 3, 1),
        );
        f.app.execute(&op, m).await.unwrap();
        // The district's conference and the region's, on the same day (27 September 2023).
        let (district, c) = convene(&amanat(), "101000000", 1);
        f.app.execute(&op, c).await.unwrap();
        let (region, c) = convene(&amanat(), "100000000", 1);
        f.app.execute(&op, c).await.unwrap();
        let seat = |conference, mandate| SeatDelegate {
            conference,
            mandate,
            member,
        };
        f.app.execute(&op, seat(district, 1)).await.unwrap();
        let before = f.app.store().ledger_status().await.unwrap().size;
        let e = f.app.execute(&op, seat(region, 1)).await.unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::DelegateElsewhere], "{b}");
        assert_eq!(
            f.app.store().ledger_status().await.unwrap().size,
            before,
            "{b}: nothing written"
        );
        // The region's next conference, days later (seed 003: the regional conference follows
        // the district ones), seats the district's delegate.
        let later = ConferenceId(uid());
        f.app
            .execute(
                &op,
                ConveneConference {
                    conference: later,
                    party: amanat(),
                    branch: code("100000000"),
                    ordinal: 2,
                    kind: ConferenceKind::Extraordinary,
                    held_on: date(2023, 10, 3),
                    place: "г. Актобе".into(),
                    agenda: vec!["Об избрании делегатов".into()],
                    rules: PartyRules::amanat(),
                },
            )
            .await
            .unwrap();
        f.app
            .execute(&op, seat(later, 1))
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
    }
}

/// A branch in Almaty with `n` members (card numbers `{prefix}-0`…), a conference convened,
/// and its first five members seated as mandates 1–5.
async fn five_seated(f: &Fixture, prefix: &str, n: usize) -> (ConferenceId, Vec<MemberId>) {
    let mut batch: Vec<Issued> = vec![
        CreateBranch {
            branch: Branch {
                party_code: amanat(),
                territory_code: code("101000000"),
            },
        }
        .into(),
    ];
    let mut members = Vec::new();
    for i in 0..n {
        let (m, cmd) = member_command(
            &amanat(),
            "101000000",
            &format!("{prefix}-{i}"),
            "Абаев",
            date(1970, 1, 1),
        );
        batch.push(cmd);
        members.push(m);
    }
    let (conf, c) = convene(&amanat(), "101000000", 1);
    batch.push(c);
    for (i, m) in members.iter().take(5).enumerate() {
        batch.push(
            SeatDelegate {
                conference: conf,
                mandate: i as u32 + 1,
                member: *m,
            }
            .into(),
        );
    }
    f.app.execute_batch(&Acting::Operator, batch).await.unwrap();
    (conf, members)
}

/// A check-in reads its own delegate, not the roster: with every other delegate's row made
/// unreadable behind sailau's back (a negative mandate, which no read decodes), reading the
/// whole roster fails, and check-ins still succeed and refuse exactly as before.
#[tokio::test]
async fn a_check_in_does_not_read_the_roster() {
    use sqlx::Connection;
    for f in registries().await {
        let b = f.backend;
        f.clock
            .0
            .store(CONFERENCE_DAY_MS, std::sync::atomic::Ordering::SeqCst);
        let op = Acting::Operator;
        let (conf, _) = five_seated(&f, "R", 6).await;

        // Mandates 2–5 become unreadable; mandate 1 stays as it was.
        let mut c = sqlx::AnyConnection::connect(&f.url).await.unwrap();
        sqlx::query(
            "UPDATE party_delegates SET mandate = -mandate WHERE conference_id = $1 AND mandate > 1",
        )
        .bind(conf.0.to_string())
        .execute(&mut c)
        .await
        .unwrap();
        c.close().await.unwrap();

        // The control: reading the roster cannot.
        assert!(f.app.store().delegates(&conf).await.is_err(), "{b}");

        // Check-ins read mandate 1's row only.
        let check_in = |mandate| CheckIn {
            conference: conf,
            mandate,
        };
        f.app
            .execute(&op, check_in(1))
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let e = f.app.execute(&op, check_in(1)).await.unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::CheckedInTwice { mandate: 1 }],
            "{b}"
        );
        let e = f.app.execute(&op, check_in(77)).await.unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::MandateMissing { mandate: 77 }],
            "{b}"
        );
        let e = f
            .app
            .execute(
                &op,
                CheckIn {
                    conference: ConferenceId(uid()),
                    mandate: 1,
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::ConferenceMissing],
            "{b}: no such conference"
        );
        assert_eq!(
            f.app.store().delegate_counts(&conf).await.unwrap(),
            (5, 1),
            "{b}"
        );
    }
}

/// Seating a delegate reads the conference and the one mandate it names, not the roster: with
/// every delegate's row made unreadable behind sailau's back (a negative mandate, which no read
/// decodes), reading the whole roster fails, and seating still succeeds and refuses exactly as
/// before (a roster of 1,000 imported delegate by delegate no longer reads ~500,000 rows).
#[tokio::test]
async fn seating_a_delegate_does_not_read_the_roster() {
    use sqlx::Connection;
    for f in registries().await {
        let b = f.backend;
        f.clock
            .0
            .store(CONFERENCE_DAY_MS, std::sync::atomic::Ordering::SeqCst);
        let op = Acting::Operator;
        let (conf, members) = five_seated(&f, "S", 7).await;

        // Every delegate of the roster becomes unreadable: mandates 1–5 read as −1…−5.
        let mut c = sqlx::AnyConnection::connect(&f.url).await.unwrap();
        sqlx::query("UPDATE party_delegates SET mandate = -mandate WHERE conference_id = $1")
            .bind(conf.0.to_string())
            .execute(&mut c)
            .await
            .unwrap();
        c.close().await.unwrap();
        // The control: reading the roster cannot.
        assert!(f.app.store().delegates(&conf).await.is_err(), "{b}");

        let seat = |mandate, member| SeatDelegate {
            conference: conf,
            mandate,
            member,
        };
        f.app
            .execute(&op, seat(6, members[5]))
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        // Mandate 6 is now taken (and mandates −1…−5 are not mandates anyone can name).
        let e = f.app.execute(&op, seat(6, members[6])).await.unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::MandateTaken], "{b}");
        // The same member twice, on a free mandate.
        let e = f.app.execute(&op, seat(7, members[5])).await.unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::DelegateTwice], "{b}");
        // Every broken rule at once, in the order they always came.
        let e = f.app.execute(&op, seat(6, members[0])).await.unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::MandateTaken, PartyRule::DelegateTwice],
            "{b}"
        );
        let e = f.app.execute(&op, seat(0, members[6])).await.unwrap_err();
        assert_eq!(party_rule(&e), vec![PartyRule::MandateRange], "{b}");
        let e = f
            .app
            .execute(
                &op,
                SeatDelegate {
                    conference: ConferenceId(uid()),
                    mandate: 1,
                    member: members[6],
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rule(&e),
            vec![PartyRule::ConferenceMissing],
            "{b}: no such conference"
        );
        f.app
            .execute(&op, seat(7, members[6]))
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        assert_eq!(
            f.app.store().delegate_counts(&conf).await.unwrap(),
            (7, 0),
            "{b}"
        );
    }
}

//! The elections context end to end, on SQLite and PostgreSQL: calling an election under the
//! 2023 rule set (deadlines in Aqtobe's local time), nominations by the three routes, documents,
//! deposits, registration with every missing condition named, refusal, withdrawal after the
//! ballots were produced, the ballot's contents, the higher akim's route, and every bad input of
//! the issue refused with the rule and the numbers, nothing half-written; the ledger replays.

use std::sync::atomic::Ordering;

use jiff::civil::date;
use sailau_app::{Acting, AppError};
use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, RuleSet};
use sailau_domain::elections::*;
use sailau_domain::*;

use crate::fixture::*;

/// Milliseconds of an RFC 3339 instant.
fn ms(s: &str) -> i64 {
    s.parse::<jiff::Timestamp>().unwrap().as_millisecond()
}

pub fn set_clock(f: &Fixture, at: &str) {
    f.clock.0.store(ms(at), Ordering::SeqCst);
}

pub fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(n)
}

pub const ELECTION: u128 = 0xe1;
pub const UIL: u128 = 0xc1;
pub const KOBDA: u128 = 0xc2;

/// Aktobe region with Uil (3 precincts, 10,001 voters: 101 signatures needed) and Khobda.
pub async fn aktobe(f: &Fixture) {
    f.app
        .execute_batch(
            &Acting::Operator,
            vec![
                territory("150000000", None, TerritoryKind::Region),
                territory("155200000", Some("150000000"), TerritoryKind::District),
                territory("154400000", Some("150000000"), TerritoryKind::District),
                precinct(501, "155200000", 5000),
                precinct(502, "155200000", 4000),
                precinct(503, "155200000", 1001),
                precinct(504, "154400000", 3000),
            ],
        )
        .await
        .unwrap();
}

pub fn call(election: u128, contests: &[(u128, &str)], territory: Option<&str>) -> CallElection {
    CallElection {
        election: ElectionId(uuid(election)),
        names: Names {
            ru: "Выборы акимов районов 5 ноября 2023 года".into(),
            kk: "2023 жылғы 5 қарашадағы аудан әкімдерінің сайлауы".into(),
            en: String::new(),
        },
        level: Level::District,
        election_day: date(2023, 11, 5),
        territory: territory.map(code),
        contests: contests
            .iter()
            .map(|(id, unit)| NewContest {
                id: ContestId(uuid(*id)),
                unit: code(unit),
            })
            .collect(),
        rule_set: KZ_AKIM_DISTRICT_2023.into(),
        rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
    }
}

/// The fixture with Aktobe and the election called on 15 Sep 2023 10:00 local (05:00 UTC).
pub async fn called() -> Vec<Fixture> {
    let mut out = Vec::new();
    for f in registries().await {
        aktobe(&f).await;
        set_clock(&f, "2023-09-15T05:00:00Z");
        f.app
            .execute(
                &Acting::Operator,
                call(
                    ELECTION,
                    &[(UIL, "155200000"), (KOBDA, "154400000")],
                    Some("150000000"),
                ),
            )
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
        out.push(f);
    }
    out
}

pub fn person(n: u128, surname: &str, born: jiff::civil::Date, gender: Gender) -> Person {
    Person {
        id: PersonId(uuid(n)),
        surname: surname.into(),
        given_name: "Аскар".into(),
        patronymic: "Серикович".into(),
        birth_date: born,
        gender,
    }
}

pub fn candidate(p: Person) -> Candidate {
    Candidate {
        person: p,
        post: "заместитель акима района".into(),
        residence: "Актюбинская область, Уилский район, с. Уил".into(),
        qualifications: vec![
            "citizenship".into(),
            "legal_capacity".into(),
            "civil_service_qualification".into(),
        ],
        incumbent: false,
    }
}

pub fn by_party(n: u128, contest: u128, party: &str, p: Person) -> NominateByParty {
    NominateByParty {
        nomination: NominationId(uuid(n)),
        contest: ContestId(uuid(contest)),
        candidate: candidate(p),
        party: PartyCode::parse(party).unwrap(),
        decision: Decision {
            number: "1".into(),
            date: date(2023, 9, 27),
            body: "L (50-я) внеочередная конференция Уилского районного филиала".into(),
        },
        membership: Membership {
            document: "партийный билет № 0001".into(),
        },
    }
}

fn self_nominated(n: u128, contest: u128, p: Person) -> ApplySelfNomination {
    ApplySelfNomination {
        nomination: NominationId(uuid(n)),
        contest: ContestId(uuid(contest)),
        candidate: candidate(p),
    }
}

/// Runs `command` as the operator; the app must accept it.
async fn accepted(f: &Fixture, command: impl Into<sailau_domain::Issued>) {
    f.app.execute(&Acting::Operator, command).await.unwrap();
}

/// Runs `command` as the operator; the app must refuse it, and the refusal is returned.
async fn refused(f: &Fixture, command: impl Into<sailau_domain::Issued>) -> AppError {
    f.app.execute(&Acting::Operator, command).await.unwrap_err()
}

pub fn rules_of(e: &AppError) -> Vec<(String, Rule)> {
    match e {
        AppError::Invalid(v) => {
            v.0.iter()
                .map(|f| (f.field.clone(), f.rule.clone()))
                .collect()
        }
        other => panic!("expected a refusal by the rules, got {other:?}"),
    }
}

pub async fn size(f: &Fixture) -> u64 {
    f.app.store().ledger_status().await.unwrap().size
}

/// Ticks every document of the route and records the full deposit.
pub async fn complete(f: &Fixture, nomination: u128, docs: &[&str]) {
    for d in docs {
        accepted(
            f,
            TickDocument {
                nomination: NominationId(uuid(nomination)),
                document: (*d).into(),
                present: true,
            },
        )
        .await;
    }
    accepted(
        f,
        RecordDeposit {
            nomination: NominationId(uuid(nomination)),
            amount_tenge: 350_000,
            paid_on: date(2023, 9, 28),
            document_number: "ПП-17".into(),
        },
    )
    .await;
}

pub const PARTY_DOCS: &[&str] = &[
    "application",
    "deposit_receipt",
    "qualification_documents",
    "asset_declaration_certificate",
    "party_decision",
];

#[tokio::test]
async fn the_calendar_is_in_the_regions_local_time() {
    for f in called().await {
        let view = f.app.election(&ElectionId(uuid(ELECTION))).await.unwrap();
        assert_eq!(view.calendar.zone, "Asia/Aqtobe");
        let reg = view.calendar.window(Phase::Registration).unwrap();
        assert_eq!(reg.closes.date_text(), "10.10.2023");
        assert_eq!(reg.closes.time, "18:00");
        assert_eq!(reg.closes.at.to_string(), "2023-10-10T13:00:00Z");
        let nom = view.calendar.window(Phase::Nomination).unwrap();
        assert_eq!(nom.opens.as_ref().unwrap().date_text(), "16.09.2023");
        assert_eq!(nom.closes.date_text(), "05.10.2023");
        assert_eq!(view.open_now, [Phase::Call], "nomination opens on 16 Sep");
        set_clock(&f, "2023-09-20T05:00:00Z");
        let view = f.app.election(&ElectionId(uuid(ELECTION))).await.unwrap();
        assert!(view.open_now.contains(&Phase::Nomination));
        assert_eq!(view.contests.len(), 2);
        let uil = view
            .contests
            .iter()
            .find(|c| c.contest.unit.as_str() == "155200000")
            .unwrap();
        assert_eq!(uil.contest.voters, 10_001);
        let contest = f.app.contest(&ContestId(uuid(UIL))).await.unwrap();
        assert_eq!(contest.signatures_required, 101);
        assert_eq!(contest.deposit_required, Some(350_000));
    }
}

#[tokio::test]
async fn a_bad_call_is_refused_naming_every_rule_and_writes_nothing() {
    for f in registries().await {
        aktobe(&f).await;
        set_clock(&f, "2023-09-15T05:00:00Z");
        let before = size(&f).await;
        // A rule set with a misspelt key, another digest, a unit outside the territory.
        let mut bad = call(
            ELECTION,
            &[(UIL, "155200000"), (KOBDA, "101000000")],
            Some("150000000"),
        );
        bad.rule_set = KZ_AKIM_DISTRICT_2023.replace("min_candidates = 2", "min_candidate = 2");
        let e = refused(&f, bad).await;
        let rules = rules_of(&e);
        assert!(
            rules.contains(&("rule_set_sha256".into(), Rule::RuleSetDigestMismatch)),
            "{rules:?}"
        );
        assert!(
            rules.iter().any(|(f, r)| f == "rule_set"
                && matches!(r, Rule::RuleSetInvalid { key, problem, .. } if key == "min_candidate" && problem == "unknown")),
            "{rules:?}"
        );
        assert!(rules.contains(&(
            "contests[1].unit".into(),
            Rule::UnitOutsideTerritory {
                unit: "101000000".into()
            }
        )));
        // After E−50 (16 Sep 2023, 24:00 in Aqtobe) the call is late.
        set_clock(&f, "2023-09-16T19:00:01Z");
        let e = refused(&f, call(ELECTION, &[(UIL, "155200000")], Some("150000000"))).await;
        assert_eq!(
            rules_of(&e),
            vec![(
                "election_day".into(),
                Rule::WindowClosed {
                    window: "call".into(),
                    date: "16.09.2023".into(),
                    time: "24:00".into()
                }
            )]
        );
        assert_eq!(size(&f).await, before, "{}: nothing written", f.backend);
        assert!(f.app.elections().await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn party_nominations_one_per_unit_members_only_and_of_age() {
    for f in called().await {
        set_clock(&f, "2023-09-27T12:00:00Z");
        let kazybayev = person(1, "Казыбаев", date(1979, 3, 1), Gender::Male);
        accepted(&f, by_party(0xa1, UIL, "amanat", kazybayev)).await;
        // A second AMANAT nominee, no membership document, 24 on election day: all said at once.
        let before = size(&f).await;
        let mut second = by_party(
            0xa2,
            UIL,
            "amanat",
            person(2, "Серикова", date(1998, 11, 6), Gender::Female),
        );
        second.membership.document = String::new();
        let e = refused(&f, second).await;
        let rules = rules_of(&e);
        assert!(rules.contains(&(
            "party".into(),
            Rule::PartyNomineeTaken {
                party: "amanat".into()
            }
        )));
        assert!(rules.contains(&("membership.document".into(), Rule::PartyMembershipMissing)));
        assert!(rules.contains(&(
            "person.birth_date".into(),
            Rule::CandidateTooYoung {
                min: 25,
                age: 24,
                election_day: "05.11.2023".into()
            }
        )));
        assert_eq!(size(&f).await, before);
        assert!(
            f.app
                .store()
                .person(&PersonId(uuid(2)))
                .await
                .unwrap()
                .is_none(),
            "no person half-written"
        );
        // Another party may nominate in the same unit; the same one elsewhere.
        accepted(
            &f,
            by_party(
                0xa3,
                UIL,
                "akzhol",
                person(3, "Ахметов", date(1980, 1, 1), Gender::Male),
            ),
        )
        .await;
        accepted(
            &f,
            by_party(
                0xa4,
                KOBDA,
                "amanat",
                person(4, "Нурланов", date(1975, 5, 5), Gender::Male),
            ),
        )
        .await;
        // After nomination closed (5 Oct 24:00 local = 19:00 UTC).
        set_clock(&f, "2023-10-05T19:00:00Z");
        let e = refused(
            &f,
            self_nominated(
                0xa5,
                UIL,
                person(5, "Поздний", date(1980, 1, 1), Gender::Male),
            ),
        )
        .await;
        assert_eq!(
            rules_of(&e),
            vec![(
                "contest".into(),
                Rule::WindowClosed {
                    window: "nomination".into(),
                    date: "05.10.2023".into(),
                    time: "24:00".into()
                }
            )]
        );
    }
}

/// A unit has one akim: a nomination declaring the sitting akim is refused on `incumbent` while
/// another standing nomination of the contest declares it, allowed in another contest, and
/// allowed again once that nomination is withdrawn; nothing is written by the refusal.
#[tokio::test]
async fn one_standing_nomination_per_contest_declares_the_sitting_akim() {
    for f in called().await {
        set_clock(&f, "2023-09-27T12:00:00Z");
        let akim = |mut c: Candidate| {
            c.incumbent = true;
            c
        };
        let mut first = by_party(
            0x1a1,
            UIL,
            "amanat",
            person(0x101, "Казыбаев", date(1979, 3, 1), Gender::Male),
        );
        first.candidate = akim(first.candidate);
        accepted(&f, first).await;
        let before = size(&f).await;
        let mut second = self_nominated(
            0x1a2,
            UIL,
            person(0x102, "Ермеков", date(1980, 1, 1), Gender::Male),
        );
        second.candidate = akim(second.candidate);
        let e = refused(&f, second.clone()).await;
        assert_eq!(
            rules_of(&e),
            vec![("incumbent".into(), Rule::IncumbentTaken)],
            "{}",
            f.backend
        );
        assert_eq!(size(&f).await, before, "{}: nothing written", f.backend);
        // Another contest has its own akim; a candidate who does not declare it is not refused.
        let mut elsewhere = self_nominated(
            0x1a3,
            KOBDA,
            person(0x103, "Нурланов", date(1975, 5, 5), Gender::Male),
        );
        elsewhere.candidate = akim(elsewhere.candidate);
        accepted(&f, elsewhere).await;
        accepted(
            &f,
            self_nominated(
                0x1a4,
                UIL,
                person(0x104, "Бекова", date(1985, 2, 2), Gender::Female),
            ),
        )
        .await;
        // Withdrawn, the first no longer stands: the declaration may be made again.
        accepted(
            &f,
            CancelRegistration {
                nomination: NominationId(uuid(0x1a1)),
                reason: CancelReason::Withdrawn,
                text: String::new(),
            },
        )
        .await;
        accepted(&f, second).await;
        let view = f.app.contest(&ContestId(uuid(UIL))).await.unwrap();
        let declaring: Vec<_> = view
            .nominations
            .iter()
            .filter(|n| n.status.is_active() && n.candidate.incumbent)
            .map(|n| n.id)
            .collect();
        assert_eq!(declaring, [NominationId(uuid(0x1a2))], "{}", f.backend);
    }
}

#[tokio::test]
async fn registration_names_every_missing_condition_then_numbers_candidates() {
    for f in called().await {
        set_clock(&f, "2023-09-28T06:00:00Z");
        accepted(
            &f,
            self_nominated(
                0xb1,
                UIL,
                person(11, "Бекова", date(1985, 2, 2), Gender::Female),
            ),
        )
        .await;
        let before = size(&f).await;
        let e = refused(
            &f,
            RegisterCandidate {
                nomination: NominationId(uuid(0xb1)),
            },
        )
        .await;
        let rules = rules_of(&e);
        for d in [
            "application",
            "deposit_receipt",
            "qualification_documents",
            "asset_declaration_certificate",
            "signature_protocol",
        ] {
            assert!(
                rules.contains(&(
                    "documents".into(),
                    Rule::DocumentMissing { document: d.into() }
                )),
                "{d}: {rules:?}"
            );
        }
        assert!(rules.contains(&("deposit".into(), Rule::DepositMissing)));
        assert!(rules.contains(&("signatures".into(), Rule::SignaturesMissing)));
        assert_eq!(size(&f).await, before);
        // The nomination's page says the same.
        let view = f.app.nomination(&NominationId(uuid(0xb1))).await.unwrap();
        assert_eq!(view.missing.0.len(), rules.len());
        assert_eq!(view.signatures_required, 101);
        // A deposit below 5 × 70,000 ₸.
        let e = refused(
            &f,
            RecordDeposit {
                nomination: NominationId(uuid(0xb1)),
                amount_tenge: 300_000,
                paid_on: date(2023, 9, 28),
                document_number: "ПП-1".into(),
            },
        )
        .await;
        assert_eq!(
            rules_of(&e),
            vec![(
                "amount_tenge".into(),
                Rule::DepositTooLow {
                    amount: 300_000,
                    required: 350_000,
                    year: "2023".into()
                }
            )]
        );
        // A party nominee with everything registers as number 1, the next as 2.
        accepted(
            &f,
            by_party(
                0xb2,
                UIL,
                "amanat",
                person(12, "Казыбаев", date(1979, 3, 1), Gender::Male),
            ),
        )
        .await;
        accepted(
            &f,
            by_party(
                0xb3,
                UIL,
                "akzhol",
                person(13, "Әбенов", date(1970, 3, 1), Gender::Male),
            ),
        )
        .await;
        complete(&f, 0xb2, PARTY_DOCS).await;
        complete(&f, 0xb3, PARTY_DOCS).await;
        for n in [0xb2, 0xb3] {
            accepted(
                &f,
                RegisterCandidate {
                    nomination: NominationId(uuid(n)),
                },
            )
            .await;
        }
        let contest = f.app.contest(&ContestId(uuid(UIL))).await.unwrap();
        let numbers: Vec<_> = contest
            .nominations
            .iter()
            .map(|n| n.status.clone())
            .collect();
        assert!(numbers.contains(&Status::Registered { number: 1 }));
        assert!(numbers.contains(&Status::Registered { number: 2 }));
        // Registering twice is refused with the status.
        let e = refused(
            &f,
            RegisterCandidate {
                nomination: NominationId(uuid(0xb2)),
            },
        )
        .await;
        assert_eq!(
            rules_of(&e),
            vec![(
                "nomination".into(),
                Rule::NominationStatus {
                    status: "registered".into()
                }
            )]
        );
        // Refusal with a ground of the rule set; an unknown ground is refused.
        let e = refused(
            &f,
            RefuseRegistration {
                nomination: NominationId(uuid(0xb1)),
                ground: "whim".into(),
                text: String::new(),
            },
        )
        .await;
        assert_eq!(
            rules_of(&e),
            vec![(
                "ground".into(),
                Rule::GroundUnknown {
                    ground: "whim".into()
                }
            )]
        );
        accepted(
            &f,
            RefuseRegistration {
                nomination: NominationId(uuid(0xb1)),
                ground: "signatures_insufficient".into(),
                text: "Подписные листы не представлены".into(),
            },
        )
        .await;
        // After the registration deadline (10 Oct 2023 18:00 in Aqtobe = 13:00 UTC).
        set_clock(&f, "2023-10-10T13:00:00Z");
        let e = refused(
            &f,
            TickDocument {
                nomination: NominationId(uuid(0xb1)),
                document: "application".into(),
                present: true,
            },
        )
        .await;
        assert!(rules_of(&e).contains(&(
            "nomination".into(),
            Rule::WindowClosed {
                window: "registration".into(),
                date: "10.10.2023".into(),
                time: "18:00".into()
            }
        )));
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
    }
}

#[tokio::test]
async fn attachments_are_checked_by_content_and_size_and_stored_by_hash() {
    for f in called().await {
        set_clock(&f, "2023-09-28T06:00:00Z");
        accepted(
            &f,
            by_party(
                0xd1,
                UIL,
                "amanat",
                person(21, "Казыбаев", date(1979, 3, 1), Gender::Male),
            ),
        )
        .await;
        let nomination = NominationId(uuid(0xd1));
        let before = size(&f).await;
        // Not a PDF, JPEG or PNG by its first bytes (a renamed text file).
        let e = f
            .app
            .attach_file(
                &Acting::Operator,
                nomination,
                "party_decision",
                b"hello, I am a .pdf".to_vec(),
            )
            .await
            .unwrap_err();
        assert_eq!(
            rules_of(&e),
            vec![(
                "file".into(),
                Rule::AttachmentType {
                    allowed: "application/pdf, image/jpeg, image/png".into()
                }
            )]
        );
        // Larger than 10 MiB.
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(10 * 1024 * 1024 + 1, b' ');
        let e = f
            .app
            .attach_file(&Acting::Operator, nomination, "party_decision", big)
            .await
            .unwrap_err();
        assert_eq!(
            rules_of(&e),
            vec![(
                "file".into(),
                Rule::AttachmentTooLarge {
                    size: 10 * 1024 * 1024 + 1,
                    max: 10 * 1024 * 1024
                }
            )]
        );
        // A document the route does not have.
        let png = [
            &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
            b"rest",
        ]
        .concat();
        let e = f
            .app
            .attach_file(
                &Acting::Operator,
                nomination,
                "signature_protocol",
                png.clone(),
            )
            .await
            .unwrap_err();
        assert_eq!(
            rules_of(&e),
            vec![(
                "document".into(),
                Rule::DocumentUnknown {
                    document: "signature_protocol".into()
                }
            )]
        );
        assert_eq!(size(&f).await, before);
        // A PNG scan of the decision: stored by its SHA-256, which the entry records.
        let applied = f
            .app
            .attach_file(&Acting::Operator, nomination, "party_decision", png.clone())
            .await
            .unwrap();
        let view = f.app.nomination(&nomination).await.unwrap();
        let sha = view.nomination.attachments[0].file.sha256.clone();
        let entry = f
            .app
            .ledger_entries(applied.index, applied.index + 1)
            .await
            .unwrap();
        let canonical = &entry[0].canonical;
        assert!(
            canonical.contains(&sha) && !canonical.contains("rest"),
            "{canonical}"
        );
        let admin = account(&f, "cec1", Role::CecMember, Scope::Global).await;
        let stored = f.app.attachment(Some(&admin), &sha).await.unwrap();
        assert_eq!(
            (stored.media_type.as_str(), stored.bytes),
            ("image/png", png)
        );
        let observer = account(&f, "obs1", Role::Observer, Scope::Global).await;
        assert!(matches!(
            f.app.attachment(Some(&observer), &sha).await,
            Err(AppError::Forbidden(_))
        ));
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
    }
}

#[tokio::test]
async fn withdrawal_after_the_ballots_marks_them_changed_and_the_higher_akim_route_opens() {
    for f in called().await {
        set_clock(&f, "2023-09-28T06:00:00Z");
        for (n, party, p) in [
            (
                0xe1,
                "amanat",
                person(31, "Шалбаев", date(1972, 4, 4), Gender::Male),
            ),
            (
                0xe2,
                "akzhol",
                person(32, "Әлиева", date(1983, 5, 5), Gender::Female),
            ),
        ] {
            accepted(&f, by_party(n, UIL, party, p)).await;
            complete(&f, n, PARTY_DOCS).await;
            accepted(
                &f,
                RegisterCandidate {
                    nomination: NominationId(uuid(n)),
                },
            )
            .await;
        }
        // Ballots only after the registration deadline.
        let e = refused(
            &f,
            ProduceBallots {
                contest: ContestId(uuid(UIL)),
            },
        )
        .await;
        assert!(
            matches!(&rules_of(&e)[0].1, Rule::WindowNotOpen { window, .. } if window == "ballots")
        );
        set_clock(&f, "2023-10-11T06:00:00Z");
        // Kobda has no candidate: too few for ballots; flagged.
        let kobda = f.app.contest(&ContestId(uuid(KOBDA))).await.unwrap();
        assert!(kobda.below_minimum);
        let e = refused(
            &f,
            ProduceBallots {
                contest: ContestId(uuid(KOBDA)),
            },
        )
        .await;
        assert_eq!(
            rules_of(&e),
            vec![(
                "contest".into(),
                Rule::TooFewCandidates {
                    registered: 0,
                    min: 2
                }
            )]
        );
        // The ballot: alphabetical, surname in capitals, year of birth, party, against all.
        let ballot = f.app.ballot(&ContestId(uuid(UIL))).await.unwrap();
        let surnames: Vec<_> = ballot
            .candidates
            .iter()
            .map(|c| c.surname.as_str())
            .collect();
        assert_eq!(surnames, ["ӘЛИЕВА", "ШАЛБАЕВ"]);
        assert_eq!(ballot.candidates[1].birth_year, 1972);
        assert_eq!(ballot.candidates[1].nomination_ru, "Партия amanat");
        assert_eq!(
            (
                ballot.against_all_ru.as_str(),
                ballot.against_all_kk.as_str()
            ),
            ("Против всех", "Барлығына қарсы")
        );
        accepted(
            &f,
            ProduceBallots {
                contest: ContestId(uuid(UIL)),
            },
        )
        .await;
        // A self-nominee cannot be "recalled"; the party recalls its nominee.
        let e = f
            .app
            .execute(
                &Acting::Operator,
                CancelRegistration {
                    nomination: NominationId(uuid(0xe2)),
                    reason: CancelReason::Recalled,
                    text: String::new(),
                },
            )
            .await;
        assert!(e.is_ok(), "{e:?}");
        let ballot = f.app.ballot(&ContestId(uuid(UIL))).await.unwrap();
        assert!(ballot.produced && ballot.changed);
        assert_eq!(ballot.candidates.len(), 1);
        // Now Uil is below the minimum: the higher akim may propose until E−20 18:00.
        let propose = ProposeByHigherAkim {
            nomination: NominationId(uuid(0xe3)),
            contest: ContestId(uuid(UIL)),
            candidate: candidate(person(33, "Иманов", date(1980, 6, 6), Gender::Male)),
            proposal: Decision {
                number: "12".into(),
                date: date(2023, 10, 12),
                body: "Аким Актюбинской области".into(),
            },
        };
        set_clock(&f, "2023-10-12T06:00:00Z");
        accepted(&f, propose.clone()).await;
        let contest = f.app.contest(&ContestId(uuid(UIL))).await.unwrap();
        assert!(contest.below_minimum);
        // After the withdrawal deadline (2 Nov 18:00 local).
        set_clock(&f, "2023-11-02T13:00:00Z");
        let e = refused(
            &f,
            CancelRegistration {
                nomination: NominationId(uuid(0xe1)),
                reason: CancelReason::Withdrawn,
                text: String::new(),
            },
        )
        .await;
        assert_eq!(
            rules_of(&e),
            vec![(
                "nomination".into(),
                Rule::WindowClosed {
                    window: "withdrawal".into(),
                    date: "02.11.2023".into(),
                    time: "18:00".into()
                }
            )]
        );
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
    }
}

#[tokio::test]
async fn a_candidate_account_acts_on_its_own_person_only() {
    for f in called().await {
        set_clock(&f, "2023-09-20T06:00:00Z");
        let me = person(41, "Ермеков", date(1980, 1, 1), Gender::Male);
        let other = person(42, "Жанов", date(1980, 1, 1), Gender::Male);
        f.app
            .execute_batch(
                &Acting::Operator,
                vec![
                    sailau_domain::registry::RegisterPerson { person: me.clone() }.into(),
                    sailau_domain::registry::RegisterPerson {
                        person: other.clone(),
                    }
                    .into(),
                ],
            )
            .await
            .unwrap();
        let p = account(
            &f,
            "ermekov",
            Role::Candidate,
            Scope::Person { person: me.id },
        )
        .await;
        let acting = Acting::Account(p);
        let e = f
            .app
            .execute(&acting, self_nominated(0xf2, UIL, other))
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::Forbidden(Denied::OutOfScope { .. })),
            "{e:?}"
        );
        f.app
            .execute(&acting, self_nominated(0xf1, UIL, me.clone()))
            .await
            .unwrap();
        let mine = f.app.person_nominations(&me.id).await.unwrap();
        assert_eq!(mine.len(), 1);
        // Its own withdrawal.
        f.app
            .execute(
                &acting,
                CancelRegistration {
                    nomination: NominationId(uuid(0xf1)),
                    reason: CancelReason::Withdrawn,
                    text: "Заявление".into(),
                },
            )
            .await
            .unwrap();
        // The account's scope must name a person of the registry.
        let bad = Account {
            username: user("ghost"),
            display_name: "Призрак".into(),
            role: Role::Candidate,
            scope: Scope::Person {
                person: PersonId(uuid(99)),
            },
            active: true,
        };
        let e = f
            .app
            .create_account(&Acting::Operator, bad, "correct horse battery")
            .await
            .unwrap_err();
        assert_eq!(rules_of(&e), vec![("scope".into(), Rule::PersonMissing)]);
    }
}

//! The elections context's commands × every role, in and out of scope, through the real command
//! path (the permission table of `permissions.rs`): an allowed command is applied with its ledger
//! entry; a denied one comes back Forbidden with the reason and leaves the ledger as it was.
//! Each attempt acts on its own contest (a district of region 100000000 inside, of 200000000
//! outside), prepared by the operator, so attempts do not interfere.

use std::sync::atomic::Ordering;

use jiff::civil::date;
use sailau_app::{Acting, AppError};
use sailau_domain::elections::rules::{KZ_AKIM_DISTRICT_2023, RuleSet};
use sailau_domain::elections::*;
use sailau_domain::*;

use crate::elections::{candidate, person};
use crate::fixture::*;
use crate::permissions::{self, Outcome};

fn at(f: &Fixture, s: &str) {
    f.clock.0.store(
        s.parse::<jiff::Timestamp>().unwrap().as_millisecond(),
        Ordering::SeqCst,
    );
}

fn unit(inside: bool, k: usize) -> String {
    format!("{}{:02}00000", if inside { "10" } else { "20" }, k + 20)
}

fn contest(inside: bool, k: usize) -> ContestId {
    ContestId(uuid::Uuid::from_u128(
        0xC000 + (u128::from(inside) << 8) + k as u128,
    ))
}

fn p(n: u128) -> Person {
    person(n, "Ермеков", date(1980, 1, 1), Gender::Male)
}

fn nominate(id: u128, inside: bool, k: usize, who: u128) -> NominateByParty {
    NominateByParty {
        nomination: NominationId(uuid::Uuid::from_u128(id)),
        contest: contest(inside, k),
        candidate: candidate(p(who)),
        party: PartyCode::parse(if inside { "amanat" } else { "akzhol" }).unwrap(),
        decision: Decision {
            number: "1".into(),
            date: date(2023, 9, 20),
            body: "Конференция филиала".into(),
        },
        membership: Membership {
            document: "билет № 1".into(),
        },
    }
}

fn complete(n: NominationId) -> Vec<Issued> {
    let mut v: Vec<Issued> = [
        "application",
        "deposit_receipt",
        "qualification_documents",
        "asset_declaration_certificate",
        "party_decision",
    ]
    .iter()
    .map(|d| {
        TickDocument {
            nomination: n,
            document: (*d).into(),
            present: true,
        }
        .into()
    })
    .collect();
    v.push(
        RecordDeposit {
            nomination: n,
            amount_tenge: 350_000,
            paid_on: date(2023, 9, 26),
            document_number: "ПП-1".into(),
        }
        .into(),
    );
    v
}

const P_IN: u128 = 1;
const P_OUT: u128 = 2;

/// The registry, the candidate's person, 12 districts per region and the election over them.
async fn prepared(f: &Fixture) {
    let mut batch = Vec::new();
    for k in 0..12 {
        batch.push(territory(
            &unit(true, k),
            Some("100000000"),
            TerritoryKind::District,
        ));
        batch.push(territory(
            &unit(false, k),
            Some("200000000"),
            TerritoryKind::District,
        ));
    }
    batch.push(sailau_domain::registry::RegisterPerson { person: p(P_IN) }.into());
    batch.push(sailau_domain::registry::RegisterPerson { person: p(P_OUT) }.into());
    f.app.execute_batch(&Acting::Operator, batch).await.unwrap();
    at(f, "2023-09-15T04:00:00Z");
    let contests = (0..12)
        .flat_map(|k| {
            [true, false].map(|inside| NewContest {
                id: contest(inside, k),
                unit: code(&unit(inside, k)),
            })
        })
        .collect();
    f.app
        .execute(
            &Acting::Operator,
            CallElection {
                election: ElectionId(uuid::Uuid::from_u128(0xE1)),
                names: names("Выборы"),
                level: Level::District,
                election_day: date(2023, 11, 5),
                territory: None,
                contests,
                rule_set: KZ_AKIM_DISTRICT_2023.into(),
                rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
            },
        )
        .await
        .unwrap();
    // Prepared nominations (ids 0xN0k0 + inside): P_IN of AMANAT inside, P_OUT of Ak zhol outside.
    at(f, "2023-09-27T06:00:00Z");
    let mut batch: Vec<Issued> = Vec::new();
    for k in 4..10 {
        for inside in [true, false] {
            let id = 0x1000 + ((k as u128) << 4) + u128::from(inside);
            batch.push(nominate(id, inside, k, if inside { P_IN } else { P_OUT }).into());
        }
    }
    // Registration needs them complete; ballots need two registered.
    for inside in [true, false] {
        let n = NominationId(uuid::Uuid::from_u128(
            0x1000 + (7 << 4) + u128::from(inside),
        ));
        batch.extend(complete(n));
        for (j, who) in [(0, 10u128), (1, 11)] {
            let id = 0x2000 + (j << 4) + u128::from(inside);
            let mut c = nominate(id, inside, 10, who + u128::from(inside) * 10);
            c.party = PartyCode::parse(if j == 0 { "amanat" } else { "akzhol" }).unwrap();
            batch.push(c.into());
            batch.extend(complete(NominationId(uuid::Uuid::from_u128(id))));
            batch.push(
                RegisterCandidate {
                    nomination: NominationId(uuid::Uuid::from_u128(id)),
                }
                .into(),
            );
        }
    }
    f.app.execute_batch(&Acting::Operator, batch).await.unwrap();
}

fn prepared_id(k: usize, inside: bool) -> NominationId {
    NominationId(uuid::Uuid::from_u128(
        0x1000 + ((k as u128) << 4) + u128::from(inside),
    ))
}

fn command(kind: CommandKind, inside: bool, n: &mut u128) -> Issued {
    *n += 1;
    let fresh = 0x9000 + *n;
    let who = if inside { P_IN } else { P_OUT };
    let png = [
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
        b"scan",
    ]
    .concat();
    match kind {
        CommandKind::CallElection => CallElection {
            election: ElectionId(uuid::Uuid::from_u128(fresh)),
            names: names("Повторные выборы"),
            level: Level::District,
            election_day: date(2023, 11, 26),
            territory: Some(code(if inside { "100000000" } else { "200000000" })),
            contests: vec![NewContest {
                id: ContestId(uuid::Uuid::from_u128(fresh)),
                unit: code(&unit(inside, 0)),
            }],
            rule_set: KZ_AKIM_DISTRICT_2023.into(),
            rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
        }
        .into(),
        CommandKind::NominateByParty => nominate(fresh, inside, 1, who).into(),
        CommandKind::ApplySelfNomination => ApplySelfNomination {
            nomination: NominationId(uuid::Uuid::from_u128(fresh)),
            contest: contest(inside, 2),
            candidate: candidate(p(who)),
        }
        .into(),
        CommandKind::ProposeByHigherAkim => ProposeByHigherAkim {
            nomination: NominationId(uuid::Uuid::from_u128(fresh)),
            contest: contest(inside, 3),
            candidate: candidate(p(fresh)),
            proposal: Decision {
                number: "7".into(),
                date: date(2023, 10, 12),
                body: "Аким области".into(),
            },
        }
        .into(),
        CommandKind::AttachDocument => Issued::new(
            AttachDocument {
                nomination: prepared_id(4, inside),
                document: "party_decision".into(),
                file: AttachmentMeta::of(
                    &png,
                    &RuleSet::parse(KZ_AKIM_DISTRICT_2023).unwrap().attachments,
                )
                .unwrap(),
            },
            Blob(png),
        ),
        CommandKind::TickDocument => TickDocument {
            nomination: prepared_id(5, inside),
            document: "application".into(),
            present: true,
        }
        .into(),
        CommandKind::RecordDeposit => RecordDeposit {
            nomination: prepared_id(6, inside),
            amount_tenge: 350_000,
            paid_on: date(2023, 9, 26),
            document_number: "ПП-2".into(),
        }
        .into(),
        CommandKind::RegisterCandidate => RegisterCandidate {
            nomination: prepared_id(7, inside),
        }
        .into(),
        CommandKind::RefuseRegistration => RefuseRegistration {
            nomination: prepared_id(8, inside),
            ground: "qualification_requirements".into(),
            text: String::new(),
        }
        .into(),
        CommandKind::CancelRegistration => CancelRegistration {
            nomination: prepared_id(9, inside),
            reason: CancelReason::Recalled,
            text: String::new(),
        }
        .into(),
        CommandKind::ProduceBallots => ProduceBallots {
            contest: contest(inside, 10),
        }
        .into(),
        other => panic!("{other} is not an elections command"),
    }
}

/// The kinds after the registration deadline (the higher akim's route, ballots).
fn late(kind: CommandKind) -> bool {
    matches!(
        kind,
        CommandKind::ProposeByHigherAkim | CommandKind::ProduceBallots
    )
}

#[tokio::test]
async fn every_elections_command_for_every_role_in_and_out_of_scope_with_the_reason() {
    let kinds: Vec<CommandKind> = CommandKind::ALL
        .into_iter()
        .skip_while(|k| *k != CommandKind::CallElection)
        .take_while(|k| *k != CommandKind::RecordSignatureSheets)
        .collect();
    assert_eq!(kinds.len(), 11);
    let mut runs = 0;
    for role in Role::ALL {
        // i13-pipeline: the party's own roles scope to a conference or a member, which this
        // fixture has none of; they are granted no elections command, which the domain's matrix
        // (`permissions.rs` PARTY_COMMANDS) walks with the reason.
        if matches!(
            role,
            Role::CountingCommission | Role::PartyDelegate | Role::PartyMember
        ) {
            continue;
        }
        for f in registries().await {
            prepared(&f).await;
            let me = format!("actor-{}", role.as_str().replace('_', "-"));
            let scope = match role {
                Role::Candidate => Scope::Person {
                    person: PersonId(uuid::Uuid::from_u128(P_IN)),
                },
                r => home_scope(r),
            };
            let acting = Acting::Account(account(&f, &me, role, scope).await);
            let mut n = 0;
            for phase_late in [false, true] {
                at(
                    &f,
                    if phase_late {
                        "2023-10-12T06:00:00Z"
                    } else {
                        "2023-09-27T07:00:00Z"
                    },
                );
                for kind in kinds.iter().copied().filter(|k| late(*k) == phase_late) {
                    for inside in [true, false] {
                        let want = permissions::expected(role, kind, inside);
                        let before = f.app.store().ledger_status().await.unwrap().size;
                        let got = f.app.execute(&acting, command(kind, inside, &mut n)).await;
                        let after = f.app.store().ledger_status().await.unwrap().size;
                        let what = format!("{} {role} {kind} inside={inside}", f.backend);
                        match (want, got) {
                            (Outcome::Allowed, Ok(_)) => assert_eq!(after, before + 1, "{what}"),
                            (Outcome::RoleDenied, Err(AppError::Forbidden(d))) => {
                                assert_eq!(
                                    d,
                                    Denied::Role {
                                        role,
                                        command: kind
                                    },
                                    "{what}"
                                );
                                assert_eq!(after, before, "{what}");
                            }
                            (Outcome::OutOfScope, Err(AppError::Forbidden(d))) => {
                                assert_eq!(d, Denied::OutOfScope { command: kind }, "{what}");
                                assert_eq!(after, before, "{what}");
                            }
                            (want, got) => panic!("{what}: want {want:?}, got {got:?}"),
                        }
                    }
                }
            }
            sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
                .await
                .unwrap_or_else(|e| panic!("{} {role}: {e}", f.backend));
            runs += 1;
        }
    }
    assert!(runs >= 7);
}

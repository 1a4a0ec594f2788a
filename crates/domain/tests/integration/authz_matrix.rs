//! Walks every command kind (and every non-public read) × every role, in and out of scope,
//! against the one permission table (`permissions.rs`), asserting the reason of each refusal.

use sailau_domain::*;

use crate::permissions::{self, Outcome};

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}
fn user(s: &str) -> Username {
    Username::parse(s).unwrap()
}

/// The region 100000000 contains district 101000000; 200000000 is another region.
fn target(kind: CommandKind, in_scope: bool) -> Target {
    let (region, district) = if in_scope {
        (code("100000000"), code("101000000"))
    } else {
        (code("200000000"), code("201000000"))
    };
    let party = PartyCode::parse(if in_scope { "amanat" } else { "akzhol" }).unwrap();
    let precinct = PrecinctRef {
        region_code: region.clone(),
        number: if in_scope { 1 } else { 2 },
    };
    let account = user(if in_scope { "me1" } else { "someone-else" });
    let mut t = Target::default();
    match kind {
        CommandKind::CreateTerritory | CommandKind::RenameTerritory => {
            t.territory_path = vec![region, district];
        }
        CommandKind::CreatePrecinct | CommandKind::UpdatePrecinct => {
            t.territory_path = vec![region, district];
            t.precinct = Some(precinct);
        }
        CommandKind::CreateParty | CommandKind::UpdateParty => t.party = Some(party),
        CommandKind::CreateBranch => {
            t.party = Some(party);
            t.territory_path = vec![region, district];
        }
        CommandKind::RegisterPerson => {}
        CommandKind::CreateAccount
        | CommandKind::ChangeAccountRole
        | CommandKind::SetAccountActive
        | CommandKind::ChangePassword => t.account = Some(account),
        // i13-party: a party's branch (the secretary's party subtree).
        CommandKind::RecordMember
        | CommandKind::EraseMemberData
        | CommandKind::SetConferenceCount
        | CommandKind::ConveneConference
        | CommandKind::SeatDelegate
        | CommandKind::CheckIn
        | CommandKind::OpenMotion
        | CommandKind::RecordVote
        | CommandKind::RecordPrimaryMeeting
        | CommandKind::AdoptRegionalPlan => {
            t.party = Some(party.clone());
            t.territory_path = vec![region.clone(), district.clone()];
            t.conference = Some(conference(in_scope));
        }
        CommandKind::CallElection
        | CommandKind::TickDocument
        | CommandKind::RecordDeposit
        | CommandKind::RegisterCandidate
        | CommandKind::RefuseRegistration
        | CommandKind::ProduceBallots
        | CommandKind::ProposeByHigherAkim => t.territory_path = vec![region, district],
        // i12-results: certification names the contest's unit.
        CommandKind::CertifyResults => t.territory_path = vec![region, district],
        // i11-sign: the sheets of a nomination name its unit.
        CommandKind::RecordSignatureSheets | CommandKind::EraseSignatureData => {
            t.territory_path = vec![region, district]
        }
        // i12-day: a precinct of an election, with its territory path.
        CommandKind::ReportTurnout
        | CommandKind::EnterProtocol
        | CommandKind::AmendProtocol
        | CommandKind::AttachProtocolScan
        | CommandKind::RecordObserverCopy => {
            t.territory_path = vec![region, district];
            t.precinct = Some(precinct);
        }
        // i14-primaries: the campaign's party and territory; a contender's own member.
        CommandKind::OpenCampaign
        | CommandKind::RegisterContender
        | CommandKind::DecideContender
        | CommandKind::WithdrawContender
        | CommandKind::ScheduleDebate
        | CommandKind::RecordDebate
        | CommandKind::RecordPaperCount
        | CommandKind::FixBallot
        | CommandKind::PublishCeremonyFile
        | CommandKind::RestartCeremony
        | CommandKind::PublishCredentials
        | CommandKind::SubmitBallot
        | CommandKind::TallyBoard
        | CommandKind::PublishDecryptionShare
        | CommandKind::PublishResults
        | CommandKind::IssuePaperBallot => {
            t.party = Some(party);
            t.territory_path = vec![region, district];
            t.member = Some(member(in_scope));
        }
        // Commands on a nomination name its unit, its party and its person.
        CommandKind::NominateByParty
        | CommandKind::ApplySelfNomination
        | CommandKind::AttachDocument
        | CommandKind::CancelRegistration => {
            t.territory_path = vec![region, district];
            t.party = Some(party);
            t.person = Some(person(in_scope));
        }
    }
    t
}

/// The counting commission's own conference (inside) or another one (i13-pipeline).
fn conference(inside: bool) -> party::commands::ConferenceId {
    party::commands::ConferenceId(uuid::Uuid::from_u128(if inside { 11 } else { 12 }))
}

/// The delegate's or member's own member record (inside) or another one (i13-pipeline).
fn member(inside: bool) -> party::member::MemberId {
    party::member::MemberId(uuid::Uuid::from_u128(if inside { 21 } else { 22 }))
}

/// The candidate's own person (inside) or another one.
fn person(inside: bool) -> PersonId {
    PersonId(uuid::Uuid::from_u128(if inside { 1 } else { 2 }))
}

fn principal(role: Role) -> Principal {
    let scope = match role {
        Role::TerritorialCommission => Scope::Territory {
            territory: code("100000000"),
        },
        Role::PrecinctCommission => Scope::Precincts {
            precincts: vec![PrecinctRef {
                region_code: code("100000000"),
                number: 1,
            }],
        },
        Role::PartySecretary
        | Role::OrganizingCommittee
        | Role::Trustee
        | Role::CredentialAuthority => Scope::Party {
            party: PartyCode::parse("amanat").unwrap(),
            territory: None,
        },
        Role::Candidate => Scope::Person {
            person: person(true),
        },
        Role::CountingCommission => Scope::Conference {
            conference: conference(true),
        },
        Role::PartyDelegate | Role::PartyMember => Scope::Member {
            member: member(true),
        },
        // i12-day: an observer accredited to the region (observers' copies).
        Role::Observer => Scope::Territory {
            territory: code("100000000"),
        },
        _ => Scope::Global,
    };
    Principal {
        username: user("me1"),
        role,
        scope,
    }
}

fn check(got: Result<(), Denied>, want: Outcome, on_role: Denied, on_scope: Denied, what: &str) {
    let want = match want {
        Outcome::Allowed => Ok(()),
        Outcome::RoleDenied => Err(on_role),
        Outcome::OutOfScope => Err(on_scope),
    };
    assert_eq!(got, want, "{what}");
}

#[test]
fn every_command_for_every_role_in_and_out_of_scope_with_the_reason() {
    assert_eq!(
        permissions::COMMANDS
            .iter()
            .map(|r| r.0)
            .collect::<Vec<_>>(),
        CommandKind::ALL.to_vec(),
        "the table has one row per command kind, in order"
    );
    let mut checked = 0;
    for kind in CommandKind::ALL {
        for inside in [true, false] {
            let t = target(kind, inside);
            assert_eq!(
                authorize(None, kind, &t),
                Err(Denied::Anonymous),
                "anonymous {kind}"
            );
            for role in Role::ALL {
                let (want, why) = permissions::expected_why(role, kind, inside);
                check(
                    authorize(Some(&principal(role)), kind, &t),
                    want,
                    Denied::Role {
                        role,
                        command: kind,
                    },
                    Denied::OutOfScope { command: kind },
                    &format!("{role} {kind} inside={inside}: {why}"),
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, CommandKind::ALL.len() * Role::ALL.len() * 2);
}

#[test]
fn every_private_read_for_every_role_with_the_reason() {
    assert_eq!(
        permissions::READS.iter().map(|r| r.0).collect::<Vec<_>>(),
        Read::ALL.to_vec()
    );
    for read in Read::ALL {
        for inside in [true, false] {
            let (party, region) = if inside {
                ("amanat", "100000000")
            } else {
                ("akzhol", "200000000")
            };
            let t = Target {
                account: Some(user(if inside { "me1" } else { "someone-else" })),
                party: Some(PartyCode::parse(party).unwrap()),
                territory_path: vec![code(region)],
                conference: Some(conference(inside)),
                member: Some(member(inside)),
                ..Target::default()
            };
            assert_eq!(
                authorize_read(None, read, &t),
                Err(Denied::Anonymous),
                "anonymous {read}"
            );
            for role in Role::ALL {
                check(
                    authorize_read(Some(&principal(role)), read, &t),
                    permissions::expected_read(role, read, inside),
                    Denied::ReadRole { role, read },
                    Denied::ReadOutOfScope { read },
                    &format!("{role} reads {read} inside={inside}"),
                );
            }
        }
    }
}

#[test]
fn party_secretary_of_a_branch_subtree_cannot_touch_other_subtrees_or_the_party_itself() {
    let p = Principal {
        username: user("sec"),
        role: Role::PartySecretary,
        scope: Scope::Party {
            party: PartyCode::parse("amanat").unwrap(),
            territory: Some(code("101000000")),
        },
    };
    let mut t = target(CommandKind::CreateBranch, true);
    assert!(authorize(Some(&p), CommandKind::CreateBranch, &t).is_ok());
    t.territory_path = vec![code("100000000"), code("102000000")];
    assert_eq!(
        authorize(Some(&p), CommandKind::CreateBranch, &t),
        Err(Denied::OutOfScope {
            command: CommandKind::CreateBranch
        })
    );
    let t = target(CommandKind::UpdateParty, true);
    assert_eq!(
        authorize(Some(&p), CommandKind::UpdateParty, &t),
        Err(Denied::OutOfScope {
            command: CommandKind::UpdateParty
        })
    );
}

//! Every command × every role, in and out of scope, through the real command path: allowed
//! commands are applied, denied ones come back Forbidden and leave the ledger as it was.

use sailau_app::{Acting, AppError};
use sailau_domain::accounts::*;
use sailau_domain::registry::*;
use sailau_domain::*;

use crate::fixture::*;
use crate::permissions::{self, Outcome};

/// The registry's and accounts' kinds; the elections context's are walked with their own
/// fixture (an election with a contest per attempt) in `elections_authz.rs`.
pub fn registry_kinds() -> Vec<CommandKind> {
    CommandKind::ALL
        .into_iter()
        .take_while(|k| *k != CommandKind::CallElection)
        .collect()
}

/// The party context's kinds (i13-party, i13-pipeline), walked here with the party's matrix
/// world (`party::prepare_matrix`).
pub fn party_kinds() -> Vec<CommandKind> {
    use CommandKind::*;
    vec![
        RecordMember,
        EraseMemberData,
        SetConferenceCount,
        ConveneConference,
        SeatDelegate,
        CheckIn,
        OpenMotion,
        RecordVote,
        RecordPrimaryMeeting,
        AdoptRegionalPlan,
    ]
}

/// A concrete command of each kind, inside or outside the fixture's home scope.
fn command(kind: CommandKind, inside: bool, me: &str, world: &crate::party::MatrixWorld) -> Issued {
    let password = || Password::new("password", "another long password").unwrap();
    let (district, region) = if inside {
        ("101000000", "100000000")
    } else {
        ("201000000", "200000000")
    };
    match kind {
        CommandKind::CreateTerritory => territory(
            if inside { "101010000" } else { "201010000" },
            Some(district),
            TerritoryKind::RuralOkrug,
        ),
        CommandKind::RenameTerritory => RenameTerritory {
            code: code(district),
            names: names("Новое имя"),
        }
        .into(),
        CommandKind::CreatePrecinct => precinct(3, district, 500),
        CommandKind::UpdatePrecinct => UpdatePrecinct {
            precinct: PrecinctRef {
                region_code: code(region),
                number: 1,
            },
            address: "ул. Новая, 1".into(),
            voters: 1001,
        }
        .into(),
        CommandKind::CreateParty => CreateParty {
            party: party(if inside { "respublica" } else { "baytaq" }),
        }
        .into(),
        CommandKind::UpdateParty => UpdateParty {
            party: party(if inside { "amanat" } else { "akzhol" }),
        }
        .into(),
        CommandKind::CreateBranch => CreateBranch {
            branch: Branch {
                party_code: PartyCode::parse(if inside { "amanat" } else { "akzhol" }).unwrap(),
                territory_code: code("101000000"),
            },
        }
        .into(),
        CommandKind::RegisterPerson => RegisterPerson {
            person: Person {
                id: PersonId(uuid::Uuid::new_v4()),
                surname: "Казыбаев".into(),
                given_name: "Аскар".into(),
                patronymic: String::new(),
                birth_date: jiff::civil::date(1979, 3, 1),
                gender: Gender::Male,
            },
        }
        .into(),
        CommandKind::CreateAccount => Issued::new(
            CreateAccount {
                account: Account {
                    username: user(if inside { "new-in" } else { "new-out" }),
                    display_name: String::new(),
                    role: Role::Observer,
                    scope: Scope::Global,
                    active: true,
                },
            },
            password(),
        ),
        CommandKind::ChangeAccountRole => ChangeAccountRole {
            username: user("victim"),
            role: Role::Observer,
            scope: Scope::Global,
        }
        .into(),
        CommandKind::SetAccountActive => SetAccountActive {
            username: user("victim"),
            active: inside,
        }
        .into(),
        CommandKind::ChangePassword => Issued::new(
            ChangePassword {
                username: user(if inside { me } else { "victim" }),
            },
            password(),
        ),
        // i13-party
        CommandKind::RecordMember
        | CommandKind::EraseMemberData
        | CommandKind::SetConferenceCount
        | CommandKind::ConveneConference
        | CommandKind::SeatDelegate
        | CommandKind::CheckIn
        | CommandKind::OpenMotion
        | CommandKind::RecordVote
        | CommandKind::RecordPrimaryMeeting
        | CommandKind::AdoptRegionalPlan => crate::party::matrix_command(kind, inside, world),
        other => panic!("{other} is walked in elections_authz.rs"),
    }
}

#[tokio::test]
async fn every_command_for_every_role_in_and_out_of_scope_with_the_reason() {
    let mut checked = 0;
    let mut runs = 0;
    for role in Role::ALL {
        for f in registries().await {
            let me = format!("actor-{}", role.as_str().replace('_', "-"));
            let world = crate::party::prepare_matrix(&f).await;
            let scope =
                crate::party::matrix_scope(role, &world).unwrap_or_else(|| home_scope(role));
            let principal = account(&f, &me, role, scope).await;
            account(&f, "victim", Role::Observer, Scope::Global).await;
            let acting = Acting::Account(principal);
            for kind in registry_kinds().into_iter().chain(party_kinds()) {
                for inside in [true, false] {
                    let want = permissions::expected(role, kind, inside);
                    let before = f.app.store().ledger_status().await.unwrap().size;
                    let cmd = command(kind, inside, &me, &world);
                    let got = f.app.execute(&acting, cmd).await;
                    let after = f.app.store().ledger_status().await.unwrap().size;
                    let denied = match want {
                        Outcome::Allowed => None,
                        Outcome::RoleDenied => Some(Denied::Role {
                            role,
                            command: kind,
                        }),
                        Outcome::OutOfScope => Some(Denied::OutOfScope { command: kind }),
                    };
                    match (denied, got) {
                        (None, Ok(_)) => {
                            assert_eq!(after, before + 1, "{role} {kind}: one ledger entry")
                        }
                        (Some(want), Err(AppError::Forbidden(got))) => {
                            assert_eq!(got, want, "{} {role} {kind} inside={inside}", f.backend);
                            assert_eq!(
                                after, before,
                                "{role} {kind}: a refused command leaves no trace"
                            );
                        }
                        (want, got) => {
                            panic!(
                                "{} {role} {kind} inside={inside}: want {want:?}, got {got:?}",
                                f.backend
                            )
                        }
                    }
                    checked += 1;
                }
            }
            // Whatever happened, the ledger replays to the same registry.
            sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
                .await
                .unwrap_or_else(|e| panic!("{} {role}: {e}", f.backend));
            runs += 1;
        }
    }
    assert!(runs >= 7);
    assert_eq!(
        checked,
        runs * (registry_kinds().len() + party_kinds().len()) * 2
    );
}

#[tokio::test]
async fn anonymous_and_deactivated_accounts_can_do_nothing() {
    let f = registry().await;
    let p = account(&f, "cec1", Role::CecMember, Scope::Global).await;
    let acting = Acting::Account(p);
    f.app
        .execute(
            &Acting::Operator,
            SetAccountActive {
                username: user("cec1"),
                active: false,
            },
        )
        .await
        .unwrap();
    let got = f.app.execute(&acting, precinct(9, "101000000", 10)).await;
    assert!(
        matches!(got, Err(AppError::Forbidden(Denied::Anonymous))),
        "{got:?}"
    );
}

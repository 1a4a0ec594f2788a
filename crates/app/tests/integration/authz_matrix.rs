//! Every command × every role, in and out of scope, through the real command path: allowed
//! commands are applied, denied ones come back Forbidden and leave the ledger as it was.

use sailau_app::{Acting, AppError};
use sailau_domain::accounts::*;
use sailau_domain::registry::*;
use sailau_domain::*;

use crate::fixture::*;

/// A concrete command of each kind, inside or outside the fixture's home scope.
fn command(kind: CommandKind, inside: bool, me: &str) -> Issued {
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
    }
}

/// (allowed inside the home scope, allowed outside it).
fn expected(role: Role, kind: CommandKind) -> (bool, bool) {
    use CommandKind as K;
    use Role as R;
    match (role, kind) {
        (R::Administrator, _) => (true, true),
        (
            R::CecMember,
            K::CreateTerritory | K::RenameTerritory | K::CreatePrecinct | K::UpdatePrecinct,
        )
        | (R::CecMember, K::CreateParty | K::UpdateParty | K::RegisterPerson) => (true, true),
        (
            R::TerritorialCommission,
            K::CreateTerritory | K::RenameTerritory | K::CreatePrecinct | K::UpdatePrecinct,
        ) => (true, false),
        (R::TerritorialCommission | R::PartySecretary, K::RegisterPerson) => (true, true),
        (R::PrecinctCommission, K::UpdatePrecinct) => (true, false),
        (R::PartySecretary, K::CreateBranch | K::UpdateParty) => (true, false),
        (_, K::ChangePassword) => (true, false),
        _ => (false, false),
    }
}

#[tokio::test]
async fn every_command_for_every_role_in_and_out_of_scope() {
    let mut checked = 0;
    for role in Role::ALL {
        let f = registry().await;
        let me = format!("actor-{}", role.as_str().replace('_', "-"));
        let principal = account(&f, &me, role, home_scope(role)).await;
        account(&f, "victim", Role::Observer, Scope::Global).await;
        let acting = Acting::Account(principal);
        for kind in CommandKind::ALL {
            for inside in [true, false] {
                let want = if inside {
                    expected(role, kind).0
                } else {
                    expected(role, kind).1
                };
                let before = f.app.store().ledger_status().await.unwrap().size;
                let cmd = command(kind, inside, &me);
                let got = f.app.execute(&acting, cmd).await;
                let after = f.app.store().ledger_status().await.unwrap().size;
                if want {
                    assert!(
                        got.is_ok(),
                        "{role} {kind} inside={inside} should be allowed: {got:?}"
                    );
                    assert_eq!(after, before + 1, "{role} {kind}: one ledger entry");
                } else {
                    assert!(
                        matches!(got, Err(AppError::Forbidden(_))),
                        "{role} {kind} inside={inside} should be forbidden: {got:?}"
                    );
                    assert_eq!(
                        after, before,
                        "{role} {kind}: a refused command leaves no trace"
                    );
                }
                checked += 1;
            }
        }
        // Whatever happened, the ledger replays to the same registry.
        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap();
    }
    assert_eq!(checked, 7 * 12 * 2);
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

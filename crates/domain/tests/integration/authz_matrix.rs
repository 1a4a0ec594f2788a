//! Walks every command kind × every role, in and out of scope, against the table below.

use sailau_domain::*;

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
    }
    t
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
        Role::PartySecretary => Scope::Party {
            party: PartyCode::parse("amanat").unwrap(),
            territory: None,
        },
        _ => Scope::Global,
    };
    Principal {
        username: user("me1"),
        role,
        scope,
    }
}

/// Expected outcome: (allowed in scope, allowed out of scope).
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
        (R::CecMember, K::ChangePassword) => (true, false),
        (
            R::TerritorialCommission,
            K::CreateTerritory | K::RenameTerritory | K::CreatePrecinct | K::UpdatePrecinct,
        ) => (true, false),
        (R::TerritorialCommission, K::RegisterPerson) => (true, true),
        (R::PrecinctCommission, K::UpdatePrecinct) => (true, false),
        (R::PartySecretary, K::CreateBranch | K::UpdateParty) => (true, false),
        (R::PartySecretary, K::RegisterPerson) => (true, true),
        (_, K::ChangePassword) => (true, false),
        _ => (false, false),
    }
}

#[test]
fn every_command_for_every_role_in_and_out_of_scope() {
    let mut checked = 0;
    for kind in CommandKind::ALL {
        for in_scope in [true, false] {
            let t = target(kind, in_scope);
            assert_eq!(
                authorize(None, kind, &t),
                Err(Denied::Anonymous),
                "anonymous {kind}"
            );
            for role in Role::ALL {
                let (yes_in, yes_out) = expected(role, kind);
                let want = if in_scope { yes_in } else { yes_out };
                let got = authorize(Some(&principal(role)), kind, &t);
                assert_eq!(
                    got.is_ok(),
                    want,
                    "{role} {kind} in_scope={in_scope}: {got:?}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 12 * 7 * 2);
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
    assert!(authorize(Some(&p), CommandKind::CreateBranch, &t).is_err());
    let t = target(CommandKind::UpdateParty, true);
    assert!(authorize(Some(&p), CommandKind::UpdateParty, &t).is_err());
}

//! Who may issue which command, and where.
//!
//! The rules live here, in one function, so that the web, the API and the command line cannot
//! disagree. The caller describes what a command touches as a [`Target`] (looked up from the
//! registry); this module decides.

use serde::Serialize;

use crate::account::{Role, Scope, Username};
use crate::command::CommandKind;
use crate::party::PartyCode;
use crate::precinct::PrecinctRef;
use crate::territory::TerritoryCode;

/// A signed-in account acting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Principal {
    pub username: Username,
    pub role: Role,
    pub scope: Scope,
}

/// What a command touches, as far as authorization cares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    /// The territory affected, with its ancestors: from the region down to the territory itself.
    /// For a new territory: the parent's path followed by the new code.
    pub territory_path: Vec<TerritoryCode>,
    /// The party affected.
    pub party: Option<PartyCode>,
    /// The precinct affected.
    pub precinct: Option<PrecinctRef>,
    /// The account affected.
    pub account: Option<Username>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("sign in to do this")]
    Anonymous,
    #[error("the role {role} may not {command}")]
    Role { role: Role, command: CommandKind },
    #[error("{command} is outside the scope of this account")]
    OutOfScope { command: CommandKind },
}

impl Denied {
    pub fn key(&self) -> &'static str {
        match self {
            Denied::Anonymous => "denied-anonymous",
            Denied::Role { .. } => "denied-role",
            Denied::OutOfScope { .. } => "denied-scope",
        }
    }
}

/// Decides whether `principal` (None: the anonymous public) may issue a command of `kind` on `target`.
pub fn authorize(
    principal: Option<&Principal>,
    kind: CommandKind,
    target: &Target,
) -> Result<(), Denied> {
    use CommandKind as K;
    let Some(p) = principal else {
        return Err(Denied::Anonymous);
    };
    let role_denied = Denied::Role {
        role: p.role,
        command: kind,
    };
    let out_of_scope = Denied::OutOfScope { command: kind };
    let within = |ok: bool| {
        if ok {
            Ok(())
        } else {
            Err(out_of_scope.clone())
        }
    };
    match p.role {
        Role::Administrator => Ok(()),
        Role::CecMember => match kind {
            K::CreateTerritory
            | K::RenameTerritory
            | K::CreatePrecinct
            | K::UpdatePrecinct
            | K::CreateParty
            | K::UpdateParty
            | K::RegisterPerson => Ok(()),
            K::ChangePassword => within(is_self(p, target)),
            _ => Err(role_denied),
        },
        Role::TerritorialCommission => match kind {
            K::CreateTerritory | K::RenameTerritory | K::CreatePrecinct | K::UpdatePrecinct => {
                within(in_territory_scope(&p.scope, target))
            }
            K::RegisterPerson => Ok(()),
            K::ChangePassword => within(is_self(p, target)),
            _ => Err(role_denied),
        },
        Role::PrecinctCommission => match kind {
            K::UpdatePrecinct => within(match (&p.scope, &target.precinct) {
                (Scope::Precincts { precincts }, Some(t)) => precincts.contains(t),
                _ => false,
            }),
            K::ChangePassword => within(is_self(p, target)),
            _ => Err(role_denied),
        },
        Role::PartySecretary => match kind {
            K::CreateBranch => within(in_party_scope(&p.scope, target)),
            K::UpdateParty => within(match (&p.scope, &target.party) {
                (
                    Scope::Party {
                        party,
                        territory: None,
                    },
                    Some(t),
                ) => party == t,
                _ => false,
            }),
            K::RegisterPerson => Ok(()),
            K::ChangePassword => within(is_self(p, target)),
            _ => Err(role_denied),
        },
        Role::Candidate | Role::Observer => match kind {
            K::ChangePassword => within(is_self(p, target)),
            _ => Err(role_denied),
        },
    }
}

fn is_self(p: &Principal, target: &Target) -> bool {
    target.account.as_ref() == Some(&p.username)
}

fn in_territory_scope(scope: &Scope, target: &Target) -> bool {
    match scope {
        Scope::Territory { territory } => target.territory_path.contains(territory),
        _ => false,
    }
}

fn in_party_scope(scope: &Scope, target: &Target) -> bool {
    match scope {
        Scope::Party { party, territory } => {
            target.party.as_ref() == Some(party)
                && match territory {
                    None => true,
                    Some(t) => target.territory_path.contains(t),
                }
        }
        _ => false,
    }
}

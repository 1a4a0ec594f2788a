//! The registry context's commands: territories, precincts, parties and their branches, people.
//!
//! Each command is a struct whose JSON fields are exactly what its ledger entry records, with its
//! authorization [`Policy`] (who may issue it, over what reach). The rules that make its values
//! valid live beside the types they check (`territory.rs`, `precinct.rs`, `party.rs`,
//! `person.rs`); the app looks up the facts those rules need and writes the change.

use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::party::{Branch, Party};
use crate::person::Person;
use crate::precinct::{NewPrecinct, PrecinctRef};
use crate::territory::{Names, Territory, TerritoryCode};
use crate::text;

/// The CEC anywhere, a territorial commission within its subtree.
const TERRITORIAL: Policy = Policy::new(&[
    Grant::new(Role::CecMember, Reach::Anywhere),
    Grant::new(Role::TerritorialCommission, Reach::TerritorySubtree),
]);

/// A new territory under an existing parent (or a new region / city of republican significance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateTerritory {
    /// The territory.
    pub territory: Territory,
}

impl DomainCommand for CreateTerritory {
    const POLICY: Policy = TERRITORIAL;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.territory.code, self.territory.names.ru)
    }
    fn normalized(self) -> Self {
        CreateTerritory {
            territory: Territory {
                names: text::normalize_names(self.territory.names.clone()),
                ..self.territory
            },
        }
    }
}

/// New names for a territory, in the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenameTerritory {
    /// The territory renamed.
    pub code: TerritoryCode,
    /// Its new names.
    pub names: Names,
}

impl DomainCommand for RenameTerritory {
    const POLICY: Policy = TERRITORIAL;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.code, self.names.ru)
    }
    fn normalized(self) -> Self {
        RenameTerritory {
            code: self.code,
            names: text::normalize_names(self.names),
        }
    }
}

/// A new precinct (polling station) on a territory; its number must be free in the region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatePrecinct {
    /// The precinct; its region is found from its territory.
    pub precinct: NewPrecinct,
}

impl DomainCommand for CreatePrecinct {
    const POLICY: Policy = TERRITORIAL;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "№{} @ {}",
            self.precinct.number, self.precinct.territory_code
        )
    }
    fn normalized(self) -> Self {
        CreatePrecinct {
            precinct: NewPrecinct {
                address: text::normalize(&self.precinct.address),
                ..self.precinct
            },
        }
    }
}

/// A precinct's new address and count of voters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdatePrecinct {
    /// The precinct changed.
    pub precinct: PrecinctRef,
    /// Its new address.
    pub address: String,
    /// Its new number of voters.
    pub voters: u32,
}

impl DomainCommand for UpdatePrecinct {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::Anywhere),
        Grant::new(Role::TerritorialCommission, Reach::TerritorySubtree),
        Grant::new(Role::PrecinctCommission, Reach::OwnPrecincts),
    ]);
    type Private = ();
    fn summary(&self) -> String {
        self.precinct.to_string()
    }
    fn normalized(self) -> Self {
        UpdatePrecinct {
            address: text::normalize(&self.address),
            ..self
        }
    }
}

/// A newly registered party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateParty {
    /// The party.
    pub party: Party,
}

impl DomainCommand for CreateParty {
    const POLICY: Policy = Policy::new(&[Grant::new(Role::CecMember, Reach::Anywhere)]);
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.party.code, self.party.short_name)
    }
    fn normalized(self) -> Self {
        CreateParty {
            party: text::normalize_party(self.party),
        }
    }
}

/// A party's names, replaced (its code stays).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateParty {
    /// The party with its new names (its code names it).
    pub party: Party,
}

impl DomainCommand for UpdateParty {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::Anywhere),
        Grant::new(Role::PartySecretary, Reach::WholeParty),
    ]);
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.party.code, self.party.short_name)
    }
    fn normalized(self) -> Self {
        UpdateParty {
            party: text::normalize_party(self.party),
        }
    }
}

/// A party's branch on a territory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateBranch {
    /// The branch.
    pub branch: Branch,
}

impl DomainCommand for CreateBranch {
    const POLICY: Policy = Policy::new(&[Grant::new(Role::PartySecretary, Reach::PartySubtree)]);
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} @ {}",
            self.branch.party_code, self.branch.territory_code
        )
    }
}

/// A person entered into the registry (a candidate, a commission member, a secretary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterPerson {
    /// The person, with the id the server chose.
    pub person: Person,
}

impl DomainCommand for RegisterPerson {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::Anywhere),
        Grant::new(Role::TerritorialCommission, Reach::Anywhere),
        Grant::new(Role::PartySecretary, Reach::Anywhere),
    ]);
    type Private = ();
    fn summary(&self) -> String {
        self.person.full_name()
    }
    fn normalized(self) -> Self {
        RegisterPerson {
            person: Person {
                surname: text::normalize(&self.person.surname),
                given_name: text::normalize(&self.person.given_name),
                patronymic: text::normalize(&self.person.patronymic),
                ..self.person
            },
        }
    }
}

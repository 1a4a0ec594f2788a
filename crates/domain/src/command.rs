//! Commands: every change of state is one of these, recorded in the ledger as a [`LedgerEntry`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::account::{Account, Role, Scope, Username};
use crate::party::{Branch, Party};
use crate::person::Person;
use crate::precinct::{NewPrecinct, PrecinctRef};
use crate::territory::{Names, Territory, TerritoryCode};

/// A change of the registry. The payload is exactly what the ledger records, so replaying the
/// commands in order rebuilds the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    CreateTerritory {
        territory: Territory,
    },
    RenameTerritory {
        code: TerritoryCode,
        names: Names,
    },
    CreatePrecinct {
        precinct: NewPrecinct,
    },
    UpdatePrecinct {
        precinct: PrecinctRef,
        address: String,
        voters: u32,
    },
    CreateParty {
        party: Party,
    },
    UpdateParty {
        party: Party,
    },
    CreateBranch {
        branch: Branch,
    },
    RegisterPerson {
        person: Person,
    },
    /// A new account. Its password is set by the same transaction but never recorded here.
    CreateAccount {
        account: Account,
    },
    ChangeAccountRole {
        username: Username,
        role: Role,
        scope: Scope,
    },
    SetAccountActive {
        username: Username,
        active: bool,
    },
    /// The password of an account was changed (the credential itself stays out of the ledger).
    ChangePassword {
        username: Username,
    },
}

/// The kinds of command, for authorization and listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    CreateTerritory,
    RenameTerritory,
    CreatePrecinct,
    UpdatePrecinct,
    CreateParty,
    UpdateParty,
    CreateBranch,
    RegisterPerson,
    CreateAccount,
    ChangeAccountRole,
    SetAccountActive,
    ChangePassword,
}

impl CommandKind {
    pub const ALL: [CommandKind; 12] = [
        CommandKind::CreateTerritory,
        CommandKind::RenameTerritory,
        CommandKind::CreatePrecinct,
        CommandKind::UpdatePrecinct,
        CommandKind::CreateParty,
        CommandKind::UpdateParty,
        CommandKind::CreateBranch,
        CommandKind::RegisterPerson,
        CommandKind::CreateAccount,
        CommandKind::ChangeAccountRole,
        CommandKind::SetAccountActive,
        CommandKind::ChangePassword,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommandKind::CreateTerritory => "create_territory",
            CommandKind::RenameTerritory => "rename_territory",
            CommandKind::CreatePrecinct => "create_precinct",
            CommandKind::UpdatePrecinct => "update_precinct",
            CommandKind::CreateParty => "create_party",
            CommandKind::UpdateParty => "update_party",
            CommandKind::CreateBranch => "create_branch",
            CommandKind::RegisterPerson => "register_person",
            CommandKind::CreateAccount => "create_account",
            CommandKind::ChangeAccountRole => "change_account_role",
            CommandKind::SetAccountActive => "set_account_active",
            CommandKind::ChangePassword => "change_password",
        }
    }
}

impl fmt::Display for CommandKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Command {
    pub fn kind(&self) -> CommandKind {
        match self {
            Command::CreateTerritory { .. } => CommandKind::CreateTerritory,
            Command::RenameTerritory { .. } => CommandKind::RenameTerritory,
            Command::CreatePrecinct { .. } => CommandKind::CreatePrecinct,
            Command::UpdatePrecinct { .. } => CommandKind::UpdatePrecinct,
            Command::CreateParty { .. } => CommandKind::CreateParty,
            Command::UpdateParty { .. } => CommandKind::UpdateParty,
            Command::CreateBranch { .. } => CommandKind::CreateBranch,
            Command::RegisterPerson { .. } => CommandKind::RegisterPerson,
            Command::CreateAccount { .. } => CommandKind::CreateAccount,
            Command::ChangeAccountRole { .. } => CommandKind::ChangeAccountRole,
            Command::SetAccountActive { .. } => CommandKind::SetAccountActive,
            Command::ChangePassword { .. } => CommandKind::ChangePassword,
        }
    }

    /// A one-line human summary for listings ("create_precinct 391000000/123").
    pub fn summary(&self) -> String {
        let what = match self {
            Command::CreateTerritory { territory } => {
                format!("{} {}", territory.code, territory.names.ru)
            }
            Command::RenameTerritory { code, names } => format!("{code} {}", names.ru),
            Command::CreatePrecinct { precinct } => {
                format!("№{} @ {}", precinct.number, precinct.territory_code)
            }
            Command::UpdatePrecinct { precinct, .. } => precinct.to_string(),
            Command::CreateParty { party } | Command::UpdateParty { party } => {
                format!("{} {}", party.code, party.short_name)
            }
            Command::CreateBranch { branch } => {
                format!("{} @ {}", branch.party_code, branch.territory_code)
            }
            Command::RegisterPerson { person } => person.full_name(),
            Command::CreateAccount { account } => {
                format!("{} ({})", account.username, account.role)
            }
            Command::ChangeAccountRole { username, role, .. } => format!("{username} ({role})"),
            Command::SetAccountActive { username, active } => format!("{username} = {active}"),
            Command::ChangePassword { username } => username.to_string(),
        };
        format!("{} {}", self.kind(), what)
    }
}

/// Who issued a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Actor {
    /// A signed-in account.
    Account { username: Username },
    /// The operator of the installation, acting through the `sailau` command line with direct
    /// access to the database (imports, `user add`, the demo loader). Allowed everything.
    Operator,
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Account { username } => f.write_str(username.as_str()),
            Actor::Operator => f.write_str("operator"),
        }
    }
}

/// Format version of ledger entries.
pub const ENTRY_VERSION: u32 = 1;

/// One entry of the public ledger: who did what, when, at which position.
///
/// The canonical encoding is compact JSON with the fields in declaration order, exactly as
/// [`LedgerEntry::encode`] writes it. A stored entry is valid only if decoding and re-encoding it
/// gives back the same bytes, so every entry has exactly one byte representation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub v: u32,
    /// Position in the ledger, from 0.
    pub index: u64,
    /// Milliseconds since the Unix epoch (UTC) when the command was applied.
    pub at_ms: i64,
    pub actor: Actor,
    pub command: Command,
}

#[derive(Debug, thiserror::Error)]
pub enum LedgerEntryError {
    #[error("entry is not valid JSON for a ledger entry: {0}")]
    Malformed(String),
    #[error("entry is not in canonical form")]
    NotCanonical,
    #[error("entry has format version {0}, this sailau reads version {ENTRY_VERSION}")]
    Version(u32),
}

impl LedgerEntry {
    /// The canonical bytes of this entry.
    pub fn encode(&self) -> Result<Vec<u8>, LedgerEntryError> {
        serde_json::to_vec(self).map_err(|e| LedgerEntryError::Malformed(e.to_string()))
    }

    /// Decodes an entry and checks that `bytes` is its canonical encoding.
    pub fn decode_canonical(bytes: &[u8]) -> Result<LedgerEntry, LedgerEntryError> {
        let entry: LedgerEntry = serde_json::from_slice(bytes)
            .map_err(|e| LedgerEntryError::Malformed(e.to_string()))?;
        if entry.v != ENTRY_VERSION {
            return Err(LedgerEntryError::Version(entry.v));
        }
        if entry.encode()? != bytes {
            return Err(LedgerEntryError::NotCanonical);
        }
        Ok(entry)
    }
}

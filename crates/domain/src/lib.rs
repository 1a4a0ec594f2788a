//! The pure domain of sailau.
//!
//! Registry types (territories, precincts, parties and branches, people, accounts), the rules that
//! make them valid, the typed [`Command`]s that change them, and who may issue which command.
//!
//! **Architecture invariant:** this crate knows no SQL, no HTTP, no files and no clock. Everything a
//! rule needs to know about the world (does this code exist? what is today's date?) is handed to it
//! as a value by the caller. That is what makes the ledger replayable: the same commands applied to
//! the same facts give the same result, byte for byte.

#![warn(missing_docs)]

/// Declares a UUID identifier type: transparent in serde, shown and parsed hyphenated.
macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl $name {
            /// Parses the hyphenated UUID form.
            pub fn parse(s: &str) -> Option<$name> {
                uuid::Uuid::parse_str(s.trim()).ok().map($name)
            }
        }
    };
}

pub mod account;
pub mod accounts;
pub mod authz;
pub mod collation;
pub mod command;
pub mod date;
pub mod elections;
pub mod error;
pub mod party;
pub mod person;
pub mod precinct;
pub mod primaries;
pub mod registry;
pub mod territory;
pub mod text;

pub use account::{Account, Role, Scope, Username};
pub use authz::{Denied, Grant, Policy, Principal, Reach, Read, Target, authorize, authorize_read};
pub use command::{
    Actor, Command, CommandKind, DomainCommand, Edition, Issued, LedgerEntry, LedgerEntryError,
    Private,
};
pub use error::{DomainError, FieldError, Rule, ValidationErrors};
pub use party::{Branch, Party, PartyCode};
pub use person::{Gender, Person, PersonId};
pub use precinct::{NewPrecinct, Precinct, PrecinctRef};
pub use territory::{Names, Territory, TerritoryCode, TerritoryKind};

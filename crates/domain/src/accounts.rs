//! The accounts context's commands: accounts, their roles, activity and passwords.
//!
//! Passwords never enter the ledger: the commands that set one carry a [`Password`] as their
//! private data ([`DomainCommand::Private`]), so they cannot be issued without it, and the ledger
//! records only that the account was created or its password changed.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::account::{Account, Role, Scope, Username, validate_password};
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::error::ValidationErrors;

/// A new password that passed the rules ([`validate_password`]). Its text is shown only by
/// [`Password::expose`]; `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Checks `text` against the password rules; `field` names the form field in the error.
    pub fn new(field: &str, text: &str) -> Result<Password, ValidationErrors> {
        validate_password(field, text)?;
        Ok(Password(text.to_owned()))
    }

    /// The password itself (to hash it).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

/// Administrators only: no other role is granted account management.
const ADMINISTRATORS: Policy = Policy::new(&[]);

/// A new account. Its password is set by the same transaction but never recorded here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateAccount {
    /// The account (its password travels beside the command, never in it).
    pub account: Account,
}

impl DomainCommand for CreateAccount {
    const POLICY: Policy = ADMINISTRATORS;
    type Private = Password;
    fn summary(&self) -> String {
        format!("{} ({})", self.account.username, self.account.role)
    }
    fn normalized(self) -> Self {
        CreateAccount {
            account: Account {
                display_name: crate::text::normalize(&self.account.display_name),
                ..self.account
            },
        }
    }
}

/// An account's new role and scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeAccountRole {
    /// The account changed.
    pub username: Username,
    /// Its new role.
    pub role: Role,
    /// Its new scope; it must fit the role.
    pub scope: Scope,
}

impl DomainCommand for ChangeAccountRole {
    const POLICY: Policy = ADMINISTRATORS;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} ({})", self.username, self.role)
    }
}

/// An account deactivated (it can no longer sign in; its sessions end) or reactivated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAccountActive {
    /// The account changed.
    pub username: Username,
    /// `false` deactivates (its sessions end), `true` reactivates.
    pub active: bool,
}

impl DomainCommand for SetAccountActive {
    const POLICY: Policy = ADMINISTRATORS;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} = {}", self.username, self.active)
    }
}

/// The password of an account was changed (the credential itself stays out of the ledger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePassword {
    /// The account whose password changed.
    pub username: Username,
}

impl DomainCommand for ChangePassword {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::OwnAccount),
        Grant::new(Role::TerritorialCommission, Reach::OwnAccount),
        Grant::new(Role::PrecinctCommission, Reach::OwnAccount),
        Grant::new(Role::PartySecretary, Reach::OwnAccount),
        Grant::new(Role::Candidate, Reach::OwnAccount),
        Grant::new(Role::Observer, Reach::OwnAccount),
        // i13-pipeline
        Grant::new(Role::CountingCommission, Reach::OwnAccount),
        Grant::new(Role::PartyDelegate, Reach::OwnAccount),
        Grant::new(Role::PartyMember, Reach::OwnAccount),
        // i14-primaries
        Grant::new(Role::OrganizingCommittee, Reach::OwnAccount),
        Grant::new(Role::Trustee, Reach::OwnAccount),
        Grant::new(Role::CredentialAuthority, Reach::OwnAccount),
    ]);
    type Private = Password;
    fn summary(&self) -> String {
        self.username.to_string()
    }
}

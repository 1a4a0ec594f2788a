//! Who may issue which command, and where.
//!
//! Each command declares a [`Policy`]: the roles granted it and how far each grant reaches
//! ([`Reach`]). [`authorize`] is the one function that reads those policies, so the web, the API,
//! the command line and ledger replay cannot disagree. Administrators may issue every command and
//! are not listed in the policies. The caller describes what a command touches as a [`Target`]
//! (looked up from the registry); this module decides.

use serde::Serialize;

use crate::account::{Role, Scope, Username};
use crate::command::CommandKind;
use crate::party::PartyCode;
use crate::precinct::PrecinctRef;
use crate::territory::TerritoryCode;

/// A signed-in account acting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Principal {
    /// The account's username.
    pub username: Username,
    /// Its role, as of this request.
    pub role: Role,
    /// Its scope, as of this request.
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
    /// The person affected (a candidate acting on their own candidacy).
    pub person: Option<crate::person::PersonId>,
    /// The party conference affected (i13-pipeline: its counting commission).
    pub conference: Option<crate::party::commands::ConferenceId>,
    /// The party member affected (i13-pipeline: a delegate's or member's own record).
    pub member: Option<crate::party::member::MemberId>,
    /// Something the command names that does not exist (the territory of a new precinct, say),
    /// as the field and rule its validation will report. Nothing missing lies in anyone's scope,
    /// so the pipeline reports this instead of a refusal for scope.
    pub missing: Option<crate::FieldError>,
}

impl Target {
    /// Notes that the command names something that does not exist (see [`Target::missing`]).
    pub fn missing(mut self, field: &str, rule: crate::Rule) -> Target {
        self.missing = Some(crate::FieldError {
            field: field.to_owned(),
            rule,
        });
        self
    }
}

/// How far a [`Grant`] reaches: which targets, given the acting account's [`Scope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Anywhere: the account's scope is not consulted.
    Anywhere,
    /// Targets within the territory subtree of a `territory:` scope.
    TerritorySubtree,
    /// The precincts of a `precincts:` scope.
    OwnPrecincts,
    /// The party of a `party:` scope that covers the whole party (no territory).
    WholeParty,
    /// The party of a `party:` scope, within its territory subtree when it has one.
    PartySubtree,
    /// The acting account itself.
    OwnAccount,
    /// The person of a `person:` scope (a candidate's own candidacy).
    OwnPerson,
    /// The conference of a `conference:` scope (its counting commission; i13-pipeline).
    OwnConference,
    /// The member of a `member:` scope (a delegate's or member's own record; i13-pipeline).
    OwnMember,
}

impl Reach {
    /// Whether `principal` reaches `target`.
    pub fn covers(self, principal: &Principal, target: &Target) -> bool {
        let scope = &principal.scope;
        match self {
            Reach::Anywhere => true,
            Reach::TerritorySubtree => match scope {
                Scope::Territory { territory } => target.territory_path.contains(territory),
                _ => false,
            },
            Reach::OwnPrecincts => match (scope, &target.precinct) {
                (Scope::Precincts { precincts }, Some(t)) => precincts.contains(t),
                _ => false,
            },
            Reach::WholeParty => match (scope, &target.party) {
                (
                    Scope::Party {
                        party,
                        territory: None,
                    },
                    Some(t),
                ) => party == t,
                _ => false,
            },
            Reach::PartySubtree => match scope {
                Scope::Party { party, territory } => {
                    target.party.as_ref() == Some(party)
                        && territory
                            .as_ref()
                            .is_none_or(|t| target.territory_path.contains(t))
                }
                _ => false,
            },
            Reach::OwnAccount => target.account.as_ref() == Some(&principal.username),
            Reach::OwnPerson => match (scope, &target.person) {
                (Scope::Person { person }, Some(t)) => person == t,
                _ => false,
            },
            Reach::OwnConference => match (scope, &target.conference) {
                (Scope::Conference { conference }, Some(t)) => conference == t,
                _ => false,
            },
            Reach::OwnMember => match (scope, &target.member) {
                (Scope::Member { member }, Some(t)) => member == t,
                _ => false,
            },
        }
    }
}

/// One role granted a command, with its reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    /// The role granted.
    pub role: Role,
    /// Where it may act.
    pub reach: Reach,
}

impl Grant {
    /// `role` may, within `reach`.
    pub const fn new(role: Role, reach: Reach) -> Grant {
        Grant { role, reach }
    }
}

/// Who may issue a command: the grants besides administrators (who may issue everything).
/// A role listed twice may act where either grant reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The grants; an empty list means administrators only.
    pub grants: &'static [Grant],
}

impl Policy {
    /// A policy of these grants.
    pub const fn new(grants: &'static [Grant]) -> Policy {
        Policy { grants }
    }
}

/// Why a command (or a read) was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("sign in to do this")]
    /// Nobody is signed in.
    Anonymous,
    #[error("the role {role} may not {command}")]
    /// The role is granted no such command.
    Role {
        /// The actor's role.
        role: Role,
        /// The command refused.
        command: CommandKind,
    },
    #[error("{command} is outside the scope of this account")]
    /// The role may issue the command, but not on this target.
    OutOfScope {
        /// The command refused.
        command: CommandKind,
    },
    #[error("the role {role} may not see {read}")]
    /// The role may not see this.
    ReadRole {
        /// The reader's role.
        role: Role,
        /// The read refused.
        read: Read,
    },
    #[error("{read} outside the scope of this account")]
    /// The role may see this kind of thing, but not this one.
    ReadOutOfScope {
        /// The read refused.
        read: Read,
    },
}

impl Denied {
    /// The message key of the refusal in the Fluent catalogs (`denied-anonymous`, `denied-role`, ...).
    pub fn key(&self) -> &'static str {
        match self {
            Denied::Anonymous => "denied-anonymous",
            Denied::Role { .. } | Denied::ReadRole { .. } => "denied-role",
            Denied::OutOfScope { .. } | Denied::ReadOutOfScope { .. } => "denied-scope",
        }
    }
}

/// Decides whether `principal` (None: the anonymous public) may issue a command of `kind` on
/// `target`, by the kind's [`Policy`]: anonymous → [`Denied::Anonymous`]; a role the policy does
/// not grant → [`Denied::Role`]; granted, but no grant reaches the target → [`Denied::OutOfScope`].
pub fn authorize(
    principal: Option<&Principal>,
    kind: CommandKind,
    target: &Target,
) -> Result<(), Denied> {
    let p = principal.ok_or(Denied::Anonymous)?;
    match decide(p, kind.policy(), target) {
        Decision::Allowed => Ok(()),
        Decision::NotGranted => Err(Denied::Role {
            role: p.role,
            command: kind,
        }),
        Decision::OutOfReach => Err(Denied::OutOfScope { command: kind }),
    }
}

/// What is not public to read (territories, precincts, parties and the ledger are public).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Read {
    /// The list of all accounts.
    Accounts,
    /// One account, named by the target's `account`.
    Account,
    /// The people of the registry, with their birth dates.
    Persons,
    /// The commission's workbench: applications awaiting a decision (issue 11).
    Workbench,
    /// Files attached to nominations (scans of documents; issue 11).
    Attachments,
    /// A party member's own record: card number, name, branch (issue 13 §9; i13-pipeline).
    MemberRecord,
    /// A delegate's seats: check-in status and roll-call votes (issue 13 §9; i13-pipeline).
    DelegateRecord,
    /// The members who may vote in a campaign, with card numbers and names, in the order of the
    /// credential authority's letters (issue 14 §4; i14-online).
    VoterRoster,
}

impl Read {
    /// Every read, for tests and listings.
    pub const ALL: [Read; 8] = [
        Read::Accounts,
        Read::Account,
        Read::Persons,
        Read::Workbench,
        Read::Attachments,
        Read::MemberRecord,
        Read::DelegateRecord,
        Read::VoterRoster,
    ];

    /// A short English name (`accounts`) for messages and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Read::Accounts => "accounts",
            Read::Account => "account",
            Read::Persons => "persons",
            Read::Workbench => "workbench",
            Read::Attachments => "attachments",
            Read::MemberRecord => "member record",
            Read::DelegateRecord => "delegate record",
            Read::VoterRoster => "voter roster",
        }
    }

    /// Who may read it (administrators may read everything).
    pub fn policy(self) -> Policy {
        const EVERY_ROLE_ANYWHERE: &[Grant] = &[
            Grant::new(Role::CecMember, Reach::Anywhere),
            Grant::new(Role::TerritorialCommission, Reach::Anywhere),
            Grant::new(Role::PrecinctCommission, Reach::Anywhere),
            Grant::new(Role::PartySecretary, Reach::Anywhere),
            Grant::new(Role::Candidate, Reach::Anywhere),
            Grant::new(Role::Observer, Reach::Anywhere),
        ];
        // The reads of the commission's files; a territorial commission's listing is narrowed
        // to its territory by the reader.
        const COMMISSIONS: &[Grant] = &[
            Grant::new(Role::CecMember, Reach::Anywhere),
            Grant::new(Role::TerritorialCommission, Reach::Anywhere),
        ];
        const EVERY_ROLE_ITSELF: &[Grant] = &[
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
        ];
        // i13-pipeline: a member's own record (the branch's secretary, the member itself, and
        // the member as a delegate); a delegate's seats, check-in and roll-call votes (the
        // secretary, the conference's counting commission, the delegate itself).
        const MEMBER_RECORD: &[Grant] = &[
            Grant::new(Role::PartySecretary, Reach::PartySubtree),
            Grant::new(Role::PartyMember, Reach::OwnMember),
            Grant::new(Role::PartyDelegate, Reach::OwnMember),
        ];
        const DELEGATE_RECORD: &[Grant] = &[
            Grant::new(Role::PartySecretary, Reach::PartySubtree),
            Grant::new(Role::CountingCommission, Reach::OwnConference),
            Grant::new(Role::PartyDelegate, Reach::OwnMember),
        ];
        // i14-online: the credential authority of the party's subtree prints the letters.
        const VOTER_ROSTER: &[Grant] =
            &[Grant::new(Role::CredentialAuthority, Reach::PartySubtree)];
        match self {
            Read::Accounts => Policy::new(&[]),
            Read::Account => Policy::new(EVERY_ROLE_ITSELF),
            Read::Persons => Policy::new(EVERY_ROLE_ANYWHERE),
            Read::Workbench | Read::Attachments => Policy::new(COMMISSIONS),
            Read::MemberRecord => Policy::new(MEMBER_RECORD),
            Read::DelegateRecord => Policy::new(DELEGATE_RECORD),
            Read::VoterRoster => Policy::new(VOTER_ROSTER),
        }
    }
}

impl std::fmt::Display for Read {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Decides whether `principal` may see what `read` names on `target`, by the read's policy, as
/// [`authorize`] does for commands: anonymous → [`Denied::Anonymous`], a role not granted →
/// [`Denied::ReadRole`], no grant reaching the target → [`Denied::ReadOutOfScope`].
pub fn authorize_read(
    principal: Option<&Principal>,
    read: Read,
    target: &Target,
) -> Result<(), Denied> {
    let p = principal.ok_or(Denied::Anonymous)?;
    match decide(p, &read.policy(), target) {
        Decision::Allowed => Ok(()),
        Decision::NotGranted => Err(Denied::ReadRole { role: p.role, read }),
        Decision::OutOfReach => Err(Denied::ReadOutOfScope { read }),
    }
}

enum Decision {
    Allowed,
    NotGranted,
    OutOfReach,
}

/// The one reading of a policy, for commands and reads alike.
fn decide(p: &Principal, policy: &Policy, target: &Target) -> Decision {
    if p.role == Role::Administrator {
        return Decision::Allowed;
    }
    let mut granted = policy.grants.iter().filter(|g| g.role == p.role).peekable();
    if granted.peek().is_none() {
        Decision::NotGranted
    } else if granted.any(|g| g.reach.covers(p, target)) {
        Decision::Allowed
    } else {
        Decision::OutOfReach
    }
}

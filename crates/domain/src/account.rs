//! Accounts, roles and the scope a role acts within.
//!
//! Credentials (password hashes) are deliberately not here: they never enter the public ledger.

use crate::command::Edition;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Rule, ValidationErrors};
use crate::party::PartyCode;
use crate::precinct::PrecinctRef;
use crate::territory::TerritoryCode;
use crate::text;

/// Passwords need at least this many characters.
pub const MIN_PASSWORD: usize = 10;
/// And at most this many (argon2 is given no more).
pub const MAX_PASSWORD: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
/// A username: 3–64 characters of a–z, 0–9, dot, hyphen and underscore, unique in the
/// registry; how an account signs in and how the ledger names it.
pub struct Username(String);

impl Username {
    /// Reads a username (surrounding spaces ignored).
    ///
    /// # Errors
    /// [`Rule::UsernameFormat`] unless 3–64 characters of `a–z 0–9 . - _`.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        let s = s.trim();
        let ok = (3..=64).contains(&s.len())
            && s.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_')
            });
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(Rule::UsernameFormat)
        }
    }
    /// The username as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Username {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).map_err(|r| r.english())
    }
}

impl From<Username> for String {
    fn from(u: Username) -> String {
        u.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The roles of sailau. The anonymous public has no account and so no role.
///
/// Each role's name (`administrator`, `cec_member`, ...) is the same in the ledger (serde), the
/// CLI, forms and the API (strum); the catalogs word it as `role-<name with hyphens>`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    /// Administrator of the system: may do everything, anywhere.
    Administrator,
    /// Member of the Central Election Commission.
    CecMember,
    /// Member of a territorial election commission: acts within a territory subtree.
    TerritorialCommission,
    /// Member of a precinct election commission: acts on its precincts.
    PrecinctCommission,
    /// Secretary of a party (or of a branch subtree).
    PartySecretary,
    /// A candidate: acts on nothing but its own account.
    Candidate,
    /// An observer: reads, and acts on nothing but its own account.
    Observer,
    /// A member of a party conference's counting commission: records the conference's votes
    /// (scope `conference:<uuid>`; issue 13 §9).
    CountingCommission,
    /// A delegate of a party conference: reads its own check-in status and roll-call record
    /// (scope `member:<uuid>`; issue 13 §9).
    PartyDelegate,
    /// A party member: reads its own member record (scope `member:<uuid>`; issue 13 §9).
    PartyMember,
    /// A member of a primaries organizing committee: opens campaigns, decides on contenders,
    /// schedules debates, within a `party:` scope (issue 14 §1).
    OrganizingCommittee,
    /// A trustee of a primaries key ceremony and decryption (issue 14 §4), within a `party:`
    /// scope.
    Trustee,
    /// The credential authority of the primaries: generates members' voting credentials
    /// (issue 14 §4), within a `party:` scope.
    CredentialAuthority,
}

impl Role {
    /// Every role, in declaration order (the order forms and tables show them).
    pub const ALL: [Role; 13] = [
        Role::Administrator,
        Role::CecMember,
        Role::TerritorialCommission,
        Role::PrecinctCommission,
        Role::PartySecretary,
        Role::Candidate,
        Role::Observer,
        // i13-pipeline
        Role::CountingCommission,
        Role::PartyDelegate,
        Role::PartyMember,
        // i14-primaries
        Role::OrganizingCommittee,
        Role::Trustee,
        Role::CredentialAuthority,
    ];

    /// The role's name: `administrator`, `cec_member`, `territorial_commission`, ...
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether `scope` is the kind of scope this role acts within.
    pub fn accepts(self, scope: &Scope) -> bool {
        match (self, scope) {
            (
                Role::Administrator | Role::CecMember | Role::Candidate | Role::Observer,
                Scope::Global,
            ) => true,
            (Role::TerritorialCommission, Scope::Territory { .. }) => true,
            // i12-day: an observer accredited to a territory (observers' copies).
            (Role::Observer, Scope::Territory { .. }) => true,
            (Role::PrecinctCommission, Scope::Precincts { precincts }) => !precincts.is_empty(),
            (Role::PartySecretary, Scope::Party { .. }) => true,
            (Role::Candidate, Scope::Person { .. }) => true,
            // i13-pipeline
            (Role::CountingCommission, Scope::Conference { .. }) => true,
            (Role::PartyDelegate | Role::PartyMember, Scope::Member { .. }) => true,
            // i14-primaries: paper counts at primary organizations
            (
                Role::OrganizingCommittee
                | Role::Trustee
                | Role::CredentialAuthority
                | Role::CountingCommission,
                Scope::Party { .. },
            ) => true,
            _ => false,
        }
    }
}

/// `ALL` lists every variant: the compiler counts them.
const _: () = assert!(Role::ALL.len() == <Role as strum::VariantArray>::VARIANTS.len());

/// Parses a role's name (surrounding spaces ignored).
///
/// # Errors
/// [`Rule::RoleUnknown`] for anything else.
impl FromStr for Role {
    type Err = Rule;
    fn from_str(s: &str) -> Result<Self, Rule> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(Rule::RoleUnknown)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a role may act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Scope {
    /// Everywhere (administrators, the CEC; candidates and observers act on nothing but themselves).
    Global,
    /// A territory and everything under it.
    Territory {
        /// The territory at the top of the subtree.
        territory: TerritoryCode,
    },
    /// These precincts.
    Precincts {
        /// The precincts (at least one for a precinct commission).
        precincts: Vec<PrecinctRef>,
    },
    /// A party, optionally only its branches within a territory subtree.
    Party {
        /// The party.
        party: PartyCode,
        /// When given, only the party's branches on this territory and under it.
        territory: Option<TerritoryCode>,
    },
    /// One person of the registry: a candidate's account acts on that person's own candidacy
    /// (`person:<uuid>`; issue 11).
    Person {
        /// The person the candidate's account acts for.
        person: crate::person::PersonId,
    },
    /// One party conference: its counting commission's account records its votes
    /// (`conference:<uuid>`; issue 13 §9, i13-pipeline).
    Conference {
        /// The conference.
        conference: crate::party::commands::ConferenceId,
    },
    /// One party member: a delegate's or member's account reads its own record
    /// (`member:<uuid>`; issue 13 §9, i13-pipeline).
    Member {
        /// The member.
        member: crate::party::member::MemberId,
    },
}

impl Scope {
    /// The textual form used by the CLI and forms: `global`, `territory:CODE`,
    /// `precincts:REGION/N,REGION/N`, `party:CODE`, `party:CODE@TERRITORY`, `person:UUID`,
    /// `conference:UUID` or `member:UUID`.
    pub fn parse(s: &str) -> Result<Scope, Rule> {
        let s = s.trim();
        if s.is_empty() || s == "global" {
            return Ok(Scope::Global);
        }
        let (kind, rest) = s.split_once(':').ok_or(Rule::RoleScopeMismatch)?;
        match kind {
            "territory" => Ok(Scope::Territory {
                territory: TerritoryCode::parse(rest)?,
            }),
            "precincts" => {
                let precincts = rest
                    .split(',')
                    .filter(|p| !p.trim().is_empty())
                    .map(PrecinctRef::parse)
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Scope::Precincts { precincts })
            }
            "party" => match rest.split_once('@') {
                Some((p, t)) => Ok(Scope::Party {
                    party: PartyCode::parse(p)?,
                    territory: Some(TerritoryCode::parse(t)?),
                }),
                None => Ok(Scope::Party {
                    party: PartyCode::parse(rest)?,
                    territory: None,
                }),
            },
            "person" => uuid::Uuid::parse_str(rest.trim())
                .map(|u| Scope::Person {
                    person: crate::person::PersonId(u),
                })
                .map_err(|_| Rule::RoleScopeMismatch),
            "conference" => uuid::Uuid::parse_str(rest.trim())
                .map(|u| Scope::Conference {
                    conference: crate::party::commands::ConferenceId(u),
                })
                .map_err(|_| Rule::RoleScopeMismatch),
            "member" => uuid::Uuid::parse_str(rest.trim())
                .map(|u| Scope::Member {
                    member: crate::party::member::MemberId(u),
                })
                .map_err(|_| Rule::RoleScopeMismatch),
            _ => Err(Rule::RoleScopeMismatch),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Global => f.write_str("global"),
            Scope::Territory { territory } => write!(f, "territory:{territory}"),
            Scope::Precincts { precincts } => {
                f.write_str("precincts:")?;
                for (i, p) in precincts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
            Scope::Party {
                party,
                territory: None,
            } => write!(f, "party:{party}"),
            Scope::Party {
                party,
                territory: Some(t),
            } => write!(f, "party:{party}@{t}"),
            Scope::Person { person } => write!(f, "person:{person}"),
            Scope::Conference { conference } => write!(f, "conference:{conference}"),
            Scope::Member { member } => write!(f, "member:{member}"),
        }
    }
}

/// An account as the registry (and the ledger) knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The username (unique).
    pub username: Username,
    /// The name shown for the account (at most [`Account::MAX_DISPLAY`] characters; may be empty).
    pub display_name: String,
    /// The role.
    pub role: Role,
    /// Where the role acts; it must fit the role ([`Role::accepts`]).
    pub scope: Scope,
    /// Whether the account may sign in.
    pub active: bool,
}

/// What the caller looked up about the things a scope names.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScopeFacts {
    /// Every territory, precinct and party the scope names exists.
    pub all_exist: bool,
}

impl Account {
    /// The longest display name, in characters.
    pub const MAX_DISPLAY: usize = 200;

    /// Checks a new account against the facts the caller looked up: whether the username is taken
    /// and whether what the scope names exists. Returns the account with its text normalized.
    ///
    /// # Errors
    /// Every broken rule at once: [`Rule::UsernameTaken`], [`Rule::RoleScopeMismatch`],
    /// [`Rule::FieldTooLong`] and the text rules on `display_name`.
    pub fn validate_new(
        &self,
        taken: bool,
        scope: ScopeFacts,
    ) -> Result<Account, ValidationErrors> {
        self.validate_new_in(taken, scope, Edition::CURRENT)
    }

    /// [`Account::validate_new`] under the rules of an [`Edition`].
    pub fn validate_new_in(
        &self,
        taken: bool,
        scope: ScopeFacts,
        edition: Edition,
    ) -> Result<Account, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        if taken {
            errs.push("username", Rule::UsernameTaken);
        }
        let display = errs.absorb(text::clean_in(
            "display_name",
            &self.display_name,
            text::TextKind::Name,
            Self::MAX_DISPLAY,
            edition,
        ));
        if let Err(e) = validate_role_scope(self.role, &self.scope, scope) {
            errs.0.extend(e.0);
        }
        errs.into_result()?;
        Ok(Account {
            display_name: display.unwrap_or_default(),
            ..self.clone()
        })
    }
}

/// Checks that a scope fits a role and names things that exist.
pub fn validate_role_scope(
    role: Role,
    scope: &Scope,
    facts: ScopeFacts,
) -> Result<(), ValidationErrors> {
    if !role.accepts(scope) {
        return Err(ValidationErrors::one("scope", Rule::RoleScopeMismatch));
    }
    if !facts.all_exist {
        let rule = match scope {
            Scope::Global => return Ok(()),
            Scope::Territory { .. } => Rule::TerritoryMissing,
            Scope::Precincts { .. } => Rule::PrecinctMissing,
            Scope::Party { .. } => Rule::PartyMissing,
            Scope::Person { .. } => Rule::PersonMissing,
            Scope::Conference { .. } => crate::party::rules::PartyRule::ConferenceMissing.into(),
            Scope::Member { .. } => crate::party::rules::PartyRule::MemberMissing.into(),
        };
        return Err(ValidationErrors::one("scope", rule));
    }
    Ok(())
}

/// The installation keeps at least one active administrator: `account` (as it is now) may
/// become `role_after` / `active_after` only if it is not the last active administrator.
/// `other_active_administrators` is the fact the caller looked up: how many active
/// administrators there are besides this account. The field named is `role` for a demotion and
/// `active` for a deactivation.
///
/// Source: without an administrator nobody can create, change or re-enable accounts through
/// sailau (issue 7); the operator's command line is the only way back.
pub fn keep_an_administrator(
    account: &Account,
    role_after: Role,
    active_after: bool,
    other_active_administrators: u64,
) -> Result<(), ValidationErrors> {
    let is_admin = account.active && account.role == Role::Administrator;
    let stays_admin = active_after && role_after == Role::Administrator;
    if is_admin && !stays_admin && other_active_administrators == 0 {
        let field = if active_after { "role" } else { "active" };
        return Err(ValidationErrors::one(field, Rule::LastAdministrator));
    }
    Ok(())
}

/// Checks a new password's length (the only rule; long passphrases are welcome).
pub fn validate_password(field: &str, password: &str) -> Result<(), ValidationErrors> {
    let n = password.chars().count();
    if n < MIN_PASSWORD {
        return Err(ValidationErrors::one(
            field,
            Rule::PasswordTooShort { min: MIN_PASSWORD },
        ));
    }
    if n > MAX_PASSWORD {
        return Err(ValidationErrors::one(
            field,
            Rule::FieldTooLong { max: MAX_PASSWORD },
        ));
    }
    Ok(())
}

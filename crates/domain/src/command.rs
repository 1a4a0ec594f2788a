//! Commands: every change of state is one of these, recorded in the ledger as a [`LedgerEntry`].
//!
//! Each context (`registry`, `accounts`; later elections, parties, primaries) defines its
//! commands as structs implementing [`DomainCommand`]: their payload, their authorization
//! [`Policy`] and the private data that travels beside them. [`for_each_command!`] is the one
//! list that registers them; it generates the ledger form [`Command`], [`CommandKind`] and the
//! conversions, and the app uses the same list to dispatch a command to its context.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::account::Username;
use crate::accounts::Password;
use crate::authz::Policy;

/// A command of a context: what its ledger entry records (its serde fields), who may issue it,
/// and what travels beside it without being recorded.
pub trait DomainCommand: Clone + Into<Command> {
    /// Which roles may issue it and over what reach (administrators may issue every command).
    const POLICY: Policy;
    /// Data that must reach the command's transaction but never the ledger (a password; later
    /// members' personal data). `()` for commands that have none. A command whose `Private` is
    /// not `()` can only be issued with it ([`Issued::new`]).
    type Private: Into<Private>;
    /// A short human summary of the payload for listings (`151000000 Актюбинская область`).
    fn summary(&self) -> String;
    /// The command with its human-entered text normalized ([`crate::text::normalize`]: trimmed,
    /// NFC), so that the ledger records exactly what is stored. Commands without free text keep
    /// this default; normalizing a normalized command changes nothing.
    fn normalized(self) -> Self
    where
        Self: Sized,
    {
        self
    }
}

/// The one list of commands: `Variant(path::Type) = "ledger_name"`, in the order of
/// [`CommandKind::ALL`]. Adding a command to a context adds one line here; the domain's
/// [`Command`] and the app's dispatch are generated from it.
///
/// `$callback` is a macro that receives the list.
#[macro_export]
macro_rules! for_each_command {
    ($callback:ident) => {
        $callback! {
            CreateTerritory($crate::registry::CreateTerritory) = "create_territory",
            RenameTerritory($crate::registry::RenameTerritory) = "rename_territory",
            CreatePrecinct($crate::registry::CreatePrecinct) = "create_precinct",
            UpdatePrecinct($crate::registry::UpdatePrecinct) = "update_precinct",
            CreateParty($crate::registry::CreateParty) = "create_party",
            UpdateParty($crate::registry::UpdateParty) = "update_party",
            CreateBranch($crate::registry::CreateBranch) = "create_branch",
            RegisterPerson($crate::registry::RegisterPerson) = "register_person",
            CreateAccount($crate::accounts::CreateAccount) = "create_account",
            ChangeAccountRole($crate::accounts::ChangeAccountRole) = "change_account_role",
            SetAccountActive($crate::accounts::SetAccountActive) = "set_account_active",
            ChangePassword($crate::accounts::ChangePassword) = "change_password",
            // i11-core
            CallElection($crate::elections::CallElection) = "call_election",
            NominateByParty($crate::elections::NominateByParty) = "nominate_by_party",
            ApplySelfNomination($crate::elections::ApplySelfNomination) = "apply_self_nomination",
            ProposeByHigherAkim($crate::elections::ProposeByHigherAkim) = "propose_by_higher_akim",
            AttachDocument($crate::elections::AttachDocument) = "attach_document",
            TickDocument($crate::elections::TickDocument) = "tick_document",
            RecordDeposit($crate::elections::RecordDeposit) = "record_deposit",
            RegisterCandidate($crate::elections::RegisterCandidate) = "register_candidate",
            RefuseRegistration($crate::elections::RefuseRegistration) = "refuse_registration",
            CancelRegistration($crate::elections::CancelRegistration) = "cancel_registration",
            ProduceBallots($crate::elections::ProduceBallots) = "produce_ballots",
            // i11-sign
            RecordSignatureSheets($crate::elections::signatures::RecordSignatureSheets) = "record_signature_sheets",
            EraseSignatureData($crate::elections::signatures::EraseSignatureData) = "erase_signature_data",
            // i13-party
            RecordMember($crate::party::commands::RecordMember) = "record_member",
            EraseMemberData($crate::party::commands::EraseMemberData) = "erase_member_data",
            SetConferenceCount($crate::party::commands::SetConferenceCount) = "set_conference_count",
            ConveneConference($crate::party::commands::ConveneConference) = "convene_conference",
            SeatDelegate($crate::party::commands::SeatDelegate) = "seat_delegate",
            CheckIn($crate::party::commands::CheckIn) = "check_in",
            OpenMotion($crate::party::commands::OpenMotion) = "open_motion",
            RecordVote($crate::party::commands::RecordVote) = "record_vote",
            // i13-pipeline
            RecordPrimaryMeeting($crate::party::pipeline::RecordPrimaryMeeting) = "record_primary_meeting",
            AdoptRegionalPlan($crate::party::pipeline::AdoptRegionalPlan) = "adopt_regional_plan",
            // i12-day
            ReportTurnout($crate::elections::turnout::ReportTurnout) = "report_turnout",
            EnterProtocol($crate::elections::protocol::EnterProtocol) = "enter_protocol",
            AmendProtocol($crate::elections::protocol::AmendProtocol) = "amend_protocol",
            AttachProtocolScan($crate::elections::protocol::AttachProtocolScan) = "attach_protocol_scan",
            RecordObserverCopy($crate::elections::protocol::RecordObserverCopy) = "record_observer_copy",
            // i12-results
            CertifyResults($crate::elections::certification::CertifyResults) = "certify_results",
            // i14-primaries
            OpenCampaign($crate::primaries::campaign::OpenCampaign) = "open_campaign",
            RegisterContender($crate::primaries::contenders::RegisterContender) = "register_contender",
            DecideContender($crate::primaries::contenders::DecideContender) = "decide_contender",
            WithdrawContender($crate::primaries::contenders::WithdrawContender) = "withdraw_contender",
            ScheduleDebate($crate::primaries::debates::ScheduleDebate) = "schedule_debate",
            RecordDebate($crate::primaries::debates::RecordDebate) = "record_debate",
            RecordPaperCount($crate::primaries::paper::RecordPaperCount) = "record_paper_count",
            FixBallot($crate::primaries::voting::FixBallot) = "fix_ballot",
            PublishCeremonyFile($crate::primaries::online::PublishCeremonyFile) = "publish_ceremony_file",
            PublishCredentials($crate::primaries::online::PublishCredentials) = "publish_credentials",
            SubmitBallot($crate::primaries::online::SubmitBallot) = "submit_ballot",
            TallyBoard($crate::primaries::online::TallyBoard) = "tally_board",
            PublishDecryptionShare($crate::primaries::online::PublishDecryptionShare) = "publish_decryption_share",
            PublishResults($crate::primaries::online::PublishResults) = "publish_results",
            IssuePaperBallot($crate::primaries::online::IssuePaperBallot) = "issue_paper_ballot",
            RestartCeremony($crate::primaries::online::RestartCeremony) = "restart_ceremony",
        }
    };
}

macro_rules! define_commands {
    ($($variant:ident($ty:path) = $name:literal,)*) => {
        /// A change of the registry, in the form the ledger records. The JSON is the command's
        /// fields with a `"type"` tag (`{"type":"create_territory","territory":{…}}`), so replaying
        /// the commands in order rebuilds the registry.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "type", rename_all = "snake_case")]
        pub enum Command {
            $(
                #[doc = concat!("`", $name, "`: see [`", stringify!($ty), "`].")]
                $variant($ty),
            )*
        }

        /// The kinds of command, for authorization and listings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum CommandKind {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl CommandKind {
            /// Every kind, in registration order.
            pub const ALL: [CommandKind; [$($name),*].len()] = [$(CommandKind::$variant),*];

            /// The kind's name in the ledger (`create_territory`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(CommandKind::$variant => $name,)*
                }
            }

            /// Who may issue commands of this kind.
            pub fn policy(self) -> &'static Policy {
                match self {
                    $(CommandKind::$variant => &<$ty as DomainCommand>::POLICY,)*
                }
            }
        }

        impl Command {
            /// The command's kind.
            pub fn kind(&self) -> CommandKind {
                match self {
                    $(Command::$variant(_) => CommandKind::$variant,)*
                }
            }

            /// The command with its human-entered text normalized (see
            /// [`DomainCommand::normalized`]).
            pub fn normalized(self) -> Command {
                match self {
                    $(Command::$variant(c) => Command::$variant(c.normalized()),)*
                }
            }

            /// A one-line human summary for listings ("create_precinct №123 @ 391000000").
            pub fn summary(&self) -> String {
                let what = match self {
                    $(Command::$variant(c) => c.summary(),)*
                };
                format!("{} {}", self.kind(), what)
            }
        }

        $(
            impl From<$ty> for Command {
                fn from(c: $ty) -> Command {
                    Command::$variant(c)
                }
            }
        )*
    };
}

for_each_command!(define_commands);

impl fmt::Display for CommandKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What travels beside a command into its transaction and is written by its context, but never
/// enters the ledger. One envelope for every kind of private data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Private {
    /// The command carries nothing beside its ledger form.
    None,
    /// A new password for the account the command names.
    Password(Password),
    /// Bytes kept beside the entry, of which the entry records only a digest (an attached
    /// scan's content; any command whose ledger form carries the SHA-256 of what it stores).
    Blob(crate::elections::Blob),
    /// The signers' lines of a batch of signature sheets with the salt of their hash
    /// (`record_signature_sheets`; i11-sign).
    SignatureSheets(crate::elections::signatures::SignatureSheets),
    /// A party member's personal record (i13-party), written to an erasable table.
    Member(crate::party::member::MemberRecord),
    /// The member who votes, for the participation register, and an online ballot as
    /// submitted (i14: `submit_ballot`, `issue_paper_ballot`).
    Voter(crate::primaries::online::Voter),
}

impl From<crate::primaries::online::Voter> for Private {
    fn from(v: crate::primaries::online::Voter) -> Private {
        Private::Voter(v)
    }
}

impl From<crate::party::member::MemberRecord> for Private {
    fn from(r: crate::party::member::MemberRecord) -> Private {
        Private::Member(r)
    }
}

impl From<()> for Private {
    fn from((): ()) -> Private {
        Private::None
    }
}

impl From<crate::elections::Blob> for Private {
    fn from(b: crate::elections::Blob) -> Private {
        Private::Blob(b)
    }
}

impl From<crate::elections::signatures::SignatureSheets> for Private {
    fn from(s: crate::elections::signatures::SignatureSheets) -> Private {
        Private::SignatureSheets(s)
    }
}

impl From<Password> for Private {
    fn from(p: Password) -> Private {
        Private::Password(p)
    }
}

/// A command as issued: its ledger form and its private data, built only from a context's
/// command and that command's own [`DomainCommand::Private`] type. A command that needs a
/// credential therefore cannot be issued without one:
///
/// ```
/// use sailau_domain::accounts::{ChangePassword, Password};
/// use sailau_domain::registry::RenameTerritory;
/// use sailau_domain::{Issued, Names, TerritoryCode, Username};
///
/// let username = Username::parse("a.nurlanova").unwrap();
/// let password = Password::new("password", "a long passphrase").unwrap();
/// let with_password = Issued::new(ChangePassword { username }, password);
/// let names = Names { ru: "Уил".into(), kk: "Ойыл".into(), en: String::new() };
/// let plain: Issued = RenameTerritory { code: TerritoryCode::parse("154800000").unwrap(), names }.into();
/// ```
///
/// ```compile_fail
/// use sailau_domain::accounts::ChangePassword;
/// use sailau_domain::{Issued, Username};
///
/// let username = Username::parse("a.nurlanova").unwrap();
/// // No password: `ChangePassword` does not convert into `Issued`.
/// let issued: Issued = ChangePassword { username }.into();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    command: Command,
    private: Private,
}

impl Issued {
    /// Issues `command` with its private data.
    pub fn new<C: DomainCommand>(command: C, private: C::Private) -> Issued {
        Issued {
            command: command.into(),
            private: private.into(),
        }
    }

    /// The ledger form.
    pub fn command(&self) -> &Command {
        &self.command
    }

    /// The ledger form and the private data.
    pub fn into_parts(self) -> (Command, Private) {
        (self.command, self.private)
    }
}

impl<C: DomainCommand<Private = ()>> From<C> for Issued {
    fn from(command: C) -> Issued {
        Issued::new(command, ())
    }
}

/// Who issued a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Actor {
    /// A signed-in account.
    Account {
        /// The account's username.
        username: Username,
    },
    /// The operator of the installation, acting through the `sailau` command line with direct
    /// access to the database (imports, `user add`, the demo loader). Allowed everything.
    Operator,
    /// An anonymous voter: the issuer of `submit_ballot`, a signed-in member whom the ledger
    /// does not name (ballot secrecy, i14). Allowed nothing else.
    Voter,
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Account { username } => f.write_str(username.as_str()),
            Actor::Operator => f.write_str("operator"),
            Actor::Voter => f.write_str("voter"),
        }
    }
}

/// The edition of the rules a ledger entry was written under, recorded as its format version
/// `v`. A rule tightened in a later edition applies to entries of that edition onwards only, so
/// that a ledger written by an earlier version keeps replaying into the same registry.
///
/// - [`Edition::V1`] (sailau 0.1): text is trimmed; control characters and over-long text are
///   refused.
/// - [`Edition::V2`]: text is normalized (NFC) and held to its kind's characters (no invisible
///   characters, no mixed-script words: `text::clean`); a territory's KATO code must fit its
///   parent's (`territory::code_fits`); party names must not read like another party's; the last
///   active administrator stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edition {
    /// The rules of sailau 0.1.
    V1 = 1,
    /// The rules of the import and sign-in hardening (text normalizer, KATO structure).
    V2 = 2,
}

impl Edition {
    /// The edition new entries are written under.
    pub const CURRENT: Edition = Edition::V2;

    /// The edition of an entry's format version, if this sailau knows it.
    pub fn of(v: u32) -> Option<Edition> {
        match v {
            1 => Some(Edition::V1),
            2 => Some(Edition::V2),
            _ => None,
        }
    }

    /// The format version recorded in entries of this edition.
    pub fn version(self) -> u32 {
        self as u32
    }
}

/// Format version of new ledger entries (the current [`Edition`]); entries of every earlier
/// edition are still read and replayed under their own rules.
pub const ENTRY_VERSION: u32 = Edition::CURRENT as u32;

/// One entry of the public ledger: who did what, when, at which position.
///
/// The canonical encoding is compact JSON with the fields in declaration order, exactly as
/// [`LedgerEntry::encode`] writes it. A stored entry is valid only if decoding and re-encoding it
/// gives back the same bytes, so every entry has exactly one byte representation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// The [`Edition`] of the rules the entry was written under (1 for sailau 0.1, 2 now).
    pub v: u32,
    /// Position in the ledger, from 0.
    pub index: u64,
    /// Milliseconds since the Unix epoch (UTC) when the command was applied.
    pub at_ms: i64,
    /// Who issued the command.
    pub actor: Actor,
    /// The command, in its ledger form (`{"type":"create_territory",...}`).
    pub command: Command,
}

#[derive(Debug, thiserror::Error)]
/// Why stored bytes are not a ledger entry.
pub enum LedgerEntryError {
    #[error("entry is not valid JSON for a ledger entry: {0}")]
    /// Not JSON of a ledger entry (the decoder's reason).
    Malformed(String),
    #[error("entry is not in canonical form")]
    /// Valid, but re-encoding gives other bytes: not the one canonical form.
    NotCanonical,
    #[error("entry has format version {0}, this sailau reads versions 1 to {ENTRY_VERSION}")]
    /// An edition this version of sailau does not know.
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
        if Edition::of(entry.v).is_none() {
            return Err(LedgerEntryError::Version(entry.v));
        }
        if entry.encode()? != bytes {
            return Err(LedgerEntryError::NotCanonical);
        }
        Ok(entry)
    }
}

//! The party context's commands: members, conference numbering, conferences, delegates,
//! check-in, motions and votes. Each struct's serde fields are exactly what its ledger entry
//! records; none records a member's personal data (see [`super::member`]).
//!
//! Authorization (issue 13 §9): a party secretary within the `PartySubtree` of the account's
//! scope (`party:amanat` for the whole party, `party:amanat@154800000` for the Uil district
//! branch and below); administrators everywhere. A conference's counting commission
//! (`counting_commission`, scope `conference:<uuid>`) records that conference's votes
//! (i13-pipeline); delegates and members only read their own records (`authz::Read`).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::party::PartyCode;
use crate::party::member::{MemberId, MemberRecord};
use crate::party::vote::{PartyRules, Tally, VoteMode};
use crate::person::PersonId;
use crate::territory::TerritoryCode;
use crate::text;

/// A party secretary in the party's subtree of the account's scope.
const BRANCH_SECRETARY: Policy =
    Policy::new(&[Grant::new(Role::PartySecretary, Reach::PartySubtree)]);

/// The branch secretary, or the conference's own counting commission (i13-pipeline).
const COUNTING: Policy = Policy::new(&[
    Grant::new(Role::PartySecretary, Reach::PartySubtree),
    Grant::new(Role::CountingCommission, Reach::OwnConference),
]);

/// A conference's identifier, chosen when it is convened and kept in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConferenceId(pub uuid::Uuid);

impl std::fmt::Display for ConferenceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A motion's identifier, chosen when it is put to the conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MotionId(pub uuid::Uuid);

impl std::fmt::Display for MotionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A party member entered (one row of a member list). The record travels beside the entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMember {
    /// The new member's identifier.
    pub member: MemberId,
    /// The party.
    pub party: PartyCode,
    /// The territory of the member's branch (the party must have a branch there).
    pub branch: TerritoryCode,
    /// When the member joined the party.
    pub joined_on: Date,
    /// The salted commitment to the record ([`MemberRecord::commitment`]), lowercase hex.
    pub commitment: String,
}

impl DomainCommand for RecordMember {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = MemberRecord;
    fn summary(&self) -> String {
        format!("{} @ {} {}", self.party, self.branch, self.member)
    }
}

/// Erases a member's personal record (the ledger's commitment stays and reveals nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraseMemberData {
    /// The member.
    pub member: MemberId,
}

impl DomainCommand for EraseMemberData {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        self.member.to_string()
    }
}

/// The number of a branch's last conference held before sailau (so that the next one is
/// numbered on from it: the Uil branch's 49th before its L (50th)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetConferenceCount {
    /// The party.
    pub party: PartyCode,
    /// The branch's territory.
    pub branch: TerritoryCode,
    /// The number of the branch's last conference before sailau (0: none).
    pub last: u32,
}

impl DomainCommand for SetConferenceCount {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} @ {}: {}", self.party, self.branch, self.last)
    }
}

/// Whether a conference is regular or extraordinary («внеочередная»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConferenceKind {
    /// A regular conference.
    Regular,
    /// An extraordinary conference (how akim candidates are nominated, rules.md §5).
    Extraordinary,
}

impl ConferenceKind {
    /// The kind's identifier (`regular`, `extraordinary`).
    pub fn as_str(self) -> &'static str {
        match self {
            ConferenceKind::Regular => "regular",
            ConferenceKind::Extraordinary => "extraordinary",
        }
    }

    /// Reads `regular` or `extraordinary`.
    pub fn parse(s: &str) -> Option<ConferenceKind> {
        match s.trim() {
            "regular" => Some(ConferenceKind::Regular),
            "extraordinary" => Some(ConferenceKind::Extraordinary),
            _ => None,
        }
    }
}

/// A branch's conference convened, with the branch's next ordinal number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConveneConference {
    /// The new conference's identifier.
    pub conference: ConferenceId,
    /// The party.
    pub party: PartyCode,
    /// The branch's territory.
    pub branch: TerritoryCode,
    /// The branch's next ordinal number (1–3999).
    pub ordinal: u32,
    /// Regular or extraordinary.
    pub kind: ConferenceKind,
    /// The day it is held (local date).
    pub held_on: Date,
    /// Where it is held.
    pub place: String,
    /// The agenda items, in order (at least one).
    pub agenda: Vec<String>,
    /// The party's rules the conference decides by (its own copy).
    pub rules: PartyRules,
}

impl ConveneConference {
    /// Longest place text.
    pub const MAX_PLACE: usize = 300;
    /// Longest agenda item.
    pub const MAX_ITEM: usize = 1000;
}

impl DomainCommand for ConveneConference {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} @ {} {}",
            self.party,
            self.branch,
            crate::party::numbering::conference_number(self.ordinal, "ru")
        )
    }
    fn normalized(self) -> Self {
        ConveneConference {
            place: text::normalize(&self.place),
            agenda: self.agenda.iter().map(|a| text::normalize(a)).collect(),
            ..self
        }
    }
}

/// A delegate put on a conference's roster with a mandate number (from a roster or a meeting
/// of a lower organization).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatDelegate {
    /// The conference.
    pub conference: ConferenceId,
    /// The delegate's mandate number (1–99,999), unique in the conference.
    pub mandate: u32,
    /// The member elected delegate.
    pub member: MemberId,
}

impl DomainCommand for SeatDelegate {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} №{}", self.conference, self.mandate)
    }
}

/// A delegate registered at the door.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The conference.
    pub conference: ConferenceId,
    /// The delegate's mandate number.
    pub mandate: u32,
}

impl DomainCommand for CheckIn {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} №{}", self.conference, self.mandate)
    }
}

/// One contender for a nomination: a member of the party, who is (or is registered as) a
/// registry person, since candidates' data is public (ARCHITECTURE.md "Personal data").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contender {
    /// The member.
    pub member: MemberId,
    /// The same human as a registry person.
    pub person: PersonId,
}

/// What a motion proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    /// The chair, the secretary and the counting commission (mandate numbers), elected first.
    Presidium {
        /// The chair's mandate.
        chair: u32,
        /// The secretary's mandate.
        secretary: u32,
        /// The counting commission's mandates.
        counting_commission: Vec<u32>,
    },
    /// Nominate a member for akim of a unit (one nominee per unit per party; several
    /// contenders may stand).
    Nominate {
        /// The unit (district, city, rural okrug) whose akim is elected.
        unit: TerritoryCode,
        /// The contenders, in ballot order.
        contenders: Vec<Contender>,
    },
    /// Approve a party list.
    ApproveList {
        /// The list's title.
        title: String,
    },
    /// Elect delegates to a higher conference (voted as one slate).
    ElectDelegates {
        /// The higher branch's territory.
        to_branch: TerritoryCode,
        /// The members proposed.
        members: Vec<MemberId>,
    },
    /// Any other resolution.
    Resolution {
        /// Its text.
        text: String,
    },
}

impl Subject {
    /// Longest title or resolution text.
    pub const MAX_TEXT: usize = 2000;

    /// How many contenders the first round has (1 for a yes/no question).
    pub fn contenders(&self) -> u32 {
        match self {
            Subject::Nominate { contenders, .. } => {
                u32::try_from(contenders.len()).unwrap_or(u32::MAX).max(1)
            }
            _ => 1,
        }
    }

    /// The subject's identifier (`presidium`, `nominate`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Presidium { .. } => "presidium",
            Subject::Nominate { .. } => "nominate",
            Subject::ApproveList { .. } => "approve_list",
            Subject::ElectDelegates { .. } => "elect_delegates",
            Subject::Resolution { .. } => "resolution",
        }
    }
}

/// A motion put to the conference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenMotion {
    /// The new motion's identifier.
    pub motion: MotionId,
    /// The conference.
    pub conference: ConferenceId,
    /// What it proposes.
    pub subject: Subject,
    /// How it is voted on.
    pub mode: VoteMode,
}

impl DomainCommand for OpenMotion {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.conference, self.subject.kind())
    }
    fn normalized(self) -> Self {
        let subject = match self.subject {
            Subject::ApproveList { title } => Subject::ApproveList {
                title: text::normalize(&title),
            },
            Subject::Resolution { text: t } => Subject::Resolution {
                text: text::normalize(&t),
            },
            other => other,
        };
        OpenMotion { subject, ..self }
    }
}

/// The counting commission's record of one round of a motion's vote; sailau decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordVote {
    /// The motion.
    pub motion: MotionId,
    /// The round (1, then 2 for a second round between the top two).
    pub round: u32,
    /// The counts or the roll call.
    pub tally: Tally,
}

impl DomainCommand for RecordVote {
    const POLICY: Policy = COUNTING;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} round {}", self.motion, self.round)
    }
}

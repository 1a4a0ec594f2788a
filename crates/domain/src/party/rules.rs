//! The rules of the party context that a command can break, as [`PartyRule`]s carried by
//! [`crate::Rule::Party`]. Each has a stable message key (`party-…`) worded in the Fluent
//! catalogs, the arguments its message needs, and an English text for logs and the API.
//!
//! Sources: issue 13 ("Bad input"), rules.md §5 and §8 (Nur Otan's rule: decisions by a majority
//! of the delegates present), seeds 000 and 003.

use serde::Serialize;

/// A broken rule of the party context (members, conferences, delegates, motions and votes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "party_rule", rename_all = "kebab-case")]
pub enum PartyRule {
    /// A membership card number: 1–32 letters, digits or hyphens.
    CardNumberFormat,
    /// The party already has a member with this card number.
    CardNumberTaken,
    /// The member identifier is already used.
    MemberTaken,
    /// A member's record does not match the salted commitment recorded in the ledger.
    CommitmentMismatch,
    /// The joining date lies after the command's date (or before the member's 14th birthday:
    /// party membership starts at 18 in Kazakhstan's law on parties, 14 is a lenient floor).
    JoinedOnInvalid,
    /// No member of this party has this card number (or this identifier).
    MemberMissing,
    /// The member's personal data has been erased; the member can no longer be named.
    MemberErased,
    /// The member joined the party after `date` (a member on that day is required).
    MemberJoinedAfter {
        /// The day membership is required on (ISO 8601).
        date: String,
    },
    /// The member's name and birth date are not those of the person named.
    MemberNotPerson,
    /// The party has no branch on this territory.
    BranchMissing,
    /// Conferences of this branch were already convened in sailau: the last number before sailau
    /// can no longer be changed.
    NumberingLocked,
    /// A conference's ordinal number is the branch's next one, `expected`.
    OrdinalNotNext {
        /// The branch's next ordinal number.
        expected: u32,
    },
    /// Ordinal numbers run from 1 to 3,999 (what Roman numerals can write).
    OrdinalRange,
    /// No conference has this identifier.
    ConferenceMissing,
    /// The conference identifier is already used.
    ConferenceTaken,
    /// The agenda needs at least one item.
    AgendaEmpty,
    /// The mandate number is already given to another delegate of this conference.
    MandateTaken,
    /// Mandate numbers run from 1 to 99,999.
    MandateRange,
    /// The member already sits on this conference's roster.
    DelegateTwice,
    /// The member already sits on the roster of another of the party's conferences held the same
    /// day: a delegate sits on one conference's roster (issue 13 §3).
    DelegateElsewhere,
    /// No delegate of this conference holds mandate number `mandate`.
    MandateMissing {
        /// The mandate number named.
        mandate: u32,
    },
    /// The delegate with mandate `mandate` is already checked in.
    CheckedInTwice {
        /// The mandate number named.
        mandate: u32,
    },
    /// The delegate with mandate `mandate` is not checked in, so cannot vote.
    NotCheckedIn {
        /// The mandate number named.
        mandate: u32,
    },
    /// The delegate with mandate `mandate` appears twice in the roll call.
    VotedTwice {
        /// The mandate number named.
        mandate: u32,
    },
    /// Delegates cannot be added once voting has started.
    RosterClosed,
    /// The chair, the secretary and the counting commission are elected first.
    PresidiumFirst,
    /// Another motion is still being voted on.
    MotionStillOpen,
    /// No motion has this identifier.
    MotionMissing,
    /// The motion identifier is already used.
    MotionTaken,
    /// The motion is decided already.
    MotionDecided,
    /// The motion is not an adopted nomination: there is nothing to hand to the commission.
    NotAdopted,
    /// The vote is for round `expected` of this motion.
    RoundNotNext {
        /// The round that is due.
        expected: u32,
    },
    /// No decision without quorum: `present` delegates present, `needed` required.
    NoQuorum {
        /// Delegates checked in.
        present: u32,
        /// Delegates required for a quorum.
        needed: u32,
    },
    /// The counts add up to more than the `present` delegates present.
    CountsAbovePresent {
        /// Delegates checked in.
        present: u32,
    },
    /// The counts do not fit the motion: `expected` contenders' counts are due.
    TallyShape {
        /// How many contenders' counts are due (0 for a yes/no question).
        expected: u32,
    },
    /// The voting mode needs another kind of record (counts for open and secret votes, each
    /// delegate's vote for a roll call).
    TallyMode,
    /// The unit of the nomination does not exist or is outside the branch's territory.
    UnitOutsideBranch,
    /// The party has already nominated `name` for this unit (one nominee per unit per party).
    UnitNominated {
        /// The nominee's card number or name as the party knows it.
        name: String,
    },
    /// The same member is named twice among the contenders (or the presidium).
    ContenderTwice,
    /// A nomination needs at least one contender.
    ContendersRequired,
    /// The nominee is not a member of the party.
    NomineeNotMember,
    /// A conference of a higher branch before the conferences of the branches below it
    /// (regional after district, seed 003), or a conference whose delegates are not yet elected.
    OutOfOrder,
    /// The meeting identifier is already used.
    MeetingTaken,
    /// A primary organization is the party's branch on a territory below the conference's branch.
    OrganizationNotBelow,
    /// A primary meeting is held on or before the day of the conference it elects delegates to.
    MeetingAfterConference,
    /// Members present: at least 1 and at most the organization's `members`.
    MembersPresentRange {
        /// Members recorded in the organization.
        members: u32,
    },
    /// A meeting elects 1 to 999 delegates.
    SeatsRange,
    /// A contender's counts add up to more than the `present` members present.
    MeetingCountsAbovePresent {
        /// Members present at the meeting.
        present: u32,
    },
    /// The member is not a member of this primary organization.
    NotOfOrganization,
    /// A regional plan is made for a region or a city of republican significance.
    PlanNotRegion,
    /// The plan's dates run in order: start, primary meetings, district conferences, regional
    /// conference.
    PlanDatesOrder,
}

impl PartyRule {
    /// The message key in the Fluent catalogs.
    pub fn key(&self) -> &'static str {
        match self {
            PartyRule::CardNumberFormat => "party-card-number-format",
            PartyRule::CardNumberTaken => "party-card-number-taken",
            PartyRule::MemberTaken => "party-member-taken",
            PartyRule::CommitmentMismatch => "party-commitment-mismatch",
            PartyRule::JoinedOnInvalid => "party-joined-on-invalid",
            PartyRule::MemberMissing => "party-member-missing",
            PartyRule::MemberErased => "party-member-erased",
            PartyRule::MemberJoinedAfter { .. } => "party-member-joined-after",
            PartyRule::MemberNotPerson => "party-member-not-person",
            PartyRule::BranchMissing => "party-branch-missing",
            PartyRule::NumberingLocked => "party-numbering-locked",
            PartyRule::OrdinalNotNext { .. } => "party-ordinal-not-next",
            PartyRule::OrdinalRange => "party-ordinal-range",
            PartyRule::ConferenceMissing => "party-conference-missing",
            PartyRule::ConferenceTaken => "party-conference-taken",
            PartyRule::AgendaEmpty => "party-agenda-empty",
            PartyRule::MandateTaken => "party-mandate-taken",
            PartyRule::MandateRange => "party-mandate-range",
            PartyRule::DelegateTwice => "party-delegate-twice",
            PartyRule::DelegateElsewhere => "party-delegate-elsewhere",
            PartyRule::MandateMissing { .. } => "party-mandate-missing",
            PartyRule::CheckedInTwice { .. } => "party-checked-in-twice",
            PartyRule::NotCheckedIn { .. } => "party-not-checked-in",
            PartyRule::VotedTwice { .. } => "party-voted-twice",
            PartyRule::RosterClosed => "party-roster-closed",
            PartyRule::PresidiumFirst => "party-presidium-first",
            PartyRule::MotionStillOpen => "party-motion-still-open",
            PartyRule::MotionMissing => "party-motion-missing",
            PartyRule::MotionTaken => "party-motion-taken",
            PartyRule::MotionDecided => "party-motion-decided",
            PartyRule::NotAdopted => "party-not-adopted",
            PartyRule::RoundNotNext { .. } => "party-round-not-next",
            PartyRule::NoQuorum { .. } => "party-no-quorum",
            PartyRule::CountsAbovePresent { .. } => "party-counts-above-present",
            PartyRule::TallyShape { .. } => "party-tally-shape",
            PartyRule::TallyMode => "party-tally-mode",
            PartyRule::UnitOutsideBranch => "party-unit-outside-branch",
            PartyRule::UnitNominated { .. } => "party-unit-nominated",
            PartyRule::ContenderTwice => "party-contender-twice",
            PartyRule::ContendersRequired => "party-contenders-required",
            PartyRule::NomineeNotMember => "party-nominee-not-member",
            PartyRule::OutOfOrder => "party-out-of-order",
            PartyRule::MeetingTaken => "party-meeting-taken",
            PartyRule::OrganizationNotBelow => "party-organization-not-below",
            PartyRule::MeetingAfterConference => "party-meeting-after-conference",
            PartyRule::MembersPresentRange { .. } => "party-members-present-range",
            PartyRule::SeatsRange => "party-seats-range",
            PartyRule::MeetingCountsAbovePresent { .. } => "party-meeting-counts-above-present",
            PartyRule::NotOfOrganization => "party-not-of-organization",
            PartyRule::PlanNotRegion => "party-plan-not-region",
            PartyRule::PlanDatesOrder => "party-plan-dates-order",
        }
    }

    /// The variables the message needs, by name.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            PartyRule::MemberJoinedAfter { date } => vec![("date", date.clone())],
            PartyRule::OrdinalNotNext { expected } | PartyRule::RoundNotNext { expected } => {
                vec![("expected", expected.to_string())]
            }
            PartyRule::TallyShape { expected } => vec![("expected", expected.to_string())],
            PartyRule::MandateMissing { mandate }
            | PartyRule::CheckedInTwice { mandate }
            | PartyRule::NotCheckedIn { mandate }
            | PartyRule::VotedTwice { mandate } => vec![("mandate", mandate.to_string())],
            PartyRule::NoQuorum { present, needed } => vec![
                ("attending", present.to_string()),
                ("needed", needed.to_string()),
            ],
            PartyRule::CountsAbovePresent { present }
            | PartyRule::MeetingCountsAbovePresent { present } => {
                vec![("attending", present.to_string())]
            }
            PartyRule::MembersPresentRange { members } => vec![("members", members.to_string())],
            PartyRule::UnitNominated { name } => vec![("name", name.clone())],
            _ => Vec::new(),
        }
    }

    /// The rule in plain English, for logs, the command line and API `detail` fields.
    pub fn english(&self) -> String {
        match self {
            PartyRule::CardNumberFormat => {
                "a card number is 1 to 32 letters, digits or hyphens".into()
            }
            PartyRule::CardNumberTaken => "the party already has a member with this card".into(),
            PartyRule::MemberTaken => "this member identifier is taken".into(),
            PartyRule::CommitmentMismatch => {
                "the member's record does not match its commitment".into()
            }
            PartyRule::JoinedOnInvalid => {
                "the joining date must be a real date no later than today".into()
            }
            PartyRule::MemberMissing => "no member of the party has this card number".into(),
            PartyRule::MemberErased => "this member's personal data has been erased".into(),
            PartyRule::MemberJoinedAfter { date } => {
                format!("the member joined the party after {date}")
            }
            PartyRule::MemberNotPerson => {
                "the member's name and birth date are not the person's".into()
            }
            PartyRule::BranchMissing => "the party has no branch on this territory".into(),
            PartyRule::NumberingLocked => {
                "conferences of this branch are already numbered in sailau".into()
            }
            PartyRule::OrdinalNotNext { expected } => {
                format!("the branch's next conference is number {expected}")
            }
            PartyRule::OrdinalRange => "a conference number runs from 1 to 3999".into(),
            PartyRule::ConferenceMissing => "no such conference".into(),
            PartyRule::ConferenceTaken => "this conference identifier is taken".into(),
            PartyRule::AgendaEmpty => "the agenda needs at least one item".into(),
            PartyRule::MandateTaken => "this mandate number is given to another delegate".into(),
            PartyRule::MandateRange => "a mandate number runs from 1 to 99999".into(),
            PartyRule::DelegateTwice => "this member is already on the conference's roster".into(),
            PartyRule::DelegateElsewhere => {
                "this member already sits on the roster of another conference of the party held the same day".into()
            }
            PartyRule::MandateMissing { mandate } => {
                format!("no delegate holds mandate number {mandate}")
            }
            PartyRule::CheckedInTwice { mandate } => {
                format!("the delegate with mandate {mandate} is already checked in")
            }
            PartyRule::NotCheckedIn { mandate } => {
                format!("the delegate with mandate {mandate} is not checked in and cannot vote")
            }
            PartyRule::VotedTwice { mandate } => {
                format!("the delegate with mandate {mandate} is named twice in the roll call")
            }
            PartyRule::RosterClosed => "delegates cannot be added once voting has started".into(),
            PartyRule::PresidiumFirst => {
                "the chair, the secretary and the counting commission are elected first".into()
            }
            PartyRule::MotionStillOpen => "another motion is still being voted on".into(),
            PartyRule::MotionMissing => "no such motion".into(),
            PartyRule::MotionTaken => "this motion identifier is taken".into(),
            PartyRule::MotionDecided => "this motion is already decided".into(),
            PartyRule::NotAdopted => {
                "the motion is not an adopted nomination: nothing to hand over".into()
            }
            PartyRule::RoundNotNext { expected } => {
                format!("the vote due is round {expected}")
            }
            PartyRule::NoQuorum { present, needed } => format!(
                "no quorum: {present} delegates present, at least {needed} needed; no decision can be taken"
            ),
            PartyRule::CountsAbovePresent { present } => {
                format!("the counts add up to more than the {present} delegates present")
            }
            PartyRule::TallyShape { expected } => {
                format!("the counts do not fit the motion ({expected} contenders)")
            }
            PartyRule::TallyMode => "this voting mode needs another kind of record".into(),
            PartyRule::UnitOutsideBranch => {
                "the unit does not exist or is outside the branch's territory".into()
            }
            PartyRule::UnitNominated { name } => {
                format!("the party has already nominated {name} for this unit")
            }
            PartyRule::ContenderTwice => "the same member is named twice".into(),
            PartyRule::ContendersRequired => "name at least one contender".into(),
            PartyRule::NomineeNotMember => "the nominee is not a member of the party".into(),
            PartyRule::OutOfOrder => {
                "out of order: the conferences below (or the delegates' election) come first".into()
            }
            PartyRule::MeetingTaken => "this meeting identifier is taken".into(),
            PartyRule::OrganizationNotBelow => {
                "the primary organization must be the party's branch below the conference's branch"
                    .into()
            }
            PartyRule::MeetingAfterConference => {
                "the meeting must be held on or before the conference's day".into()
            }
            PartyRule::MembersPresentRange { members } => {
                format!("members present must be between 1 and the organization's {members} members")
            }
            PartyRule::SeatsRange => "a meeting elects 1 to 999 delegates".into(),
            PartyRule::MeetingCountsAbovePresent { present } => {
                format!("the counts add up to more than the {present} members present")
            }
            PartyRule::NotOfOrganization => {
                "this member is not a member of the primary organization".into()
            }
            PartyRule::PlanNotRegion => {
                "a regional plan is made for a region or a city of republican significance".into()
            }
            PartyRule::PlanDatesOrder => {
                "the plan's dates must run in order: start, primary meetings, district conferences, regional conference".into()
            }
        }
    }

    /// One value of every rule, for tests that every rule reads well in every language.
    pub fn samples() -> Vec<PartyRule> {
        vec![
            PartyRule::CardNumberFormat,
            PartyRule::CardNumberTaken,
            PartyRule::MemberTaken,
            PartyRule::CommitmentMismatch,
            PartyRule::JoinedOnInvalid,
            PartyRule::MemberMissing,
            PartyRule::MemberErased,
            PartyRule::MemberJoinedAfter {
                date: "2023-09-27".into(),
            },
            PartyRule::MemberNotPerson,
            PartyRule::BranchMissing,
            PartyRule::NumberingLocked,
            PartyRule::OrdinalNotNext { expected: 50 },
            PartyRule::OrdinalRange,
            PartyRule::ConferenceMissing,
            PartyRule::ConferenceTaken,
            PartyRule::AgendaEmpty,
            PartyRule::MandateTaken,
            PartyRule::MandateRange,
            PartyRule::DelegateTwice,
            PartyRule::DelegateElsewhere,
            PartyRule::MandateMissing { mandate: 17 },
            PartyRule::CheckedInTwice { mandate: 17 },
            PartyRule::NotCheckedIn { mandate: 17 },
            PartyRule::VotedTwice { mandate: 17 },
            PartyRule::RosterClosed,
            PartyRule::PresidiumFirst,
            PartyRule::MotionStillOpen,
            PartyRule::MotionMissing,
            PartyRule::MotionTaken,
            PartyRule::MotionDecided,
            PartyRule::NotAdopted,
            PartyRule::RoundNotNext { expected: 2 },
            PartyRule::NoQuorum {
                present: 80,
                needed: 81,
            },
            PartyRule::CountsAbovePresent { present: 120 },
            PartyRule::TallyShape { expected: 3 },
            PartyRule::TallyMode,
            PartyRule::UnitOutsideBranch,
            PartyRule::UnitNominated {
                name: "Казыбаев Аскар".into(),
            },
            PartyRule::ContenderTwice,
            PartyRule::ContendersRequired,
            PartyRule::NomineeNotMember,
            PartyRule::OutOfOrder,
            PartyRule::MeetingTaken,
            PartyRule::OrganizationNotBelow,
            PartyRule::MeetingAfterConference,
            PartyRule::MembersPresentRange { members: 42 },
            PartyRule::SeatsRange,
            PartyRule::MeetingCountsAbovePresent { present: 35 },
            PartyRule::NotOfOrganization,
            PartyRule::PlanNotRegion,
            PartyRule::PlanDatesOrder,
        ]
    }
}

//! The rules of conferences, delegates and motions, as pure functions of the facts the app
//! looks up (issue 13 §2–5). Each returns the cleaned value or every broken rule at once.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::command::Edition;
use crate::error::{Rule, ValidationErrors};
use crate::party::PartyCode;
use crate::party::commands::{ConveneConference, Subject};
use crate::party::member::{MemberFacts, MemberId, member_on};
use crate::party::numbering::MAX_ORDINAL;
use crate::party::rules::PartyRule;
use crate::text::{self, TextKind};

/// Largest mandate number.
pub const MAX_MANDATE: u32 = 99_999;

/// A branch's next conference number: one after the last one convened in sailau, or after the
/// last one held before sailau (`imported`), or 1.
pub fn next_ordinal(imported: Option<u32>, last_convened: Option<u32>) -> u32 {
    imported
        .unwrap_or(0)
        .max(last_convened.unwrap_or(0))
        .saturating_add(1)
}

/// The facts `convene_conference` is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConveneFacts {
    /// Whether the party has a branch on the territory.
    pub branch_exists: bool,
    /// The branch's next ordinal ([`next_ordinal`]).
    pub next_ordinal: u32,
    /// Whether the conference identifier is used already.
    pub id_taken: bool,
}

/// Checks a conference to convene; returns it with its text cleaned.
pub fn validate_convene(
    c: &ConveneConference,
    facts: &ConveneFacts,
    edition: Edition,
) -> Result<ConveneConference, ValidationErrors> {
    let mut errs = ValidationErrors::new();
    if facts.id_taken {
        errs.push("conference", PartyRule::ConferenceTaken.into());
    }
    if !facts.branch_exists {
        errs.push("branch", PartyRule::BranchMissing.into());
    }
    if c.ordinal == 0 || c.ordinal > MAX_ORDINAL {
        errs.push("ordinal", PartyRule::OrdinalRange.into());
    } else if c.ordinal != facts.next_ordinal {
        errs.push(
            "ordinal",
            PartyRule::OrdinalNotNext {
                expected: facts.next_ordinal,
            }
            .into(),
        );
    }
    let place = errs.absorb(text::required_kind(
        "place",
        &c.place,
        TextKind::Address,
        ConveneConference::MAX_PLACE,
        edition,
    ));
    if c.agenda.iter().all(|a| a.trim().is_empty()) {
        errs.push("agenda", PartyRule::AgendaEmpty.into());
    }
    let mut agenda = Vec::new();
    for item in c.agenda.iter().filter(|a| !a.trim().is_empty()) {
        if let Some(a) = errs.absorb(text::clean_in(
            "agenda",
            item,
            TextKind::FreeText,
            ConveneConference::MAX_ITEM,
            edition,
        )) {
            agenda.push(a);
        }
    }
    errs.into_result()?;
    Ok(ConveneConference {
        place: place.unwrap_or_default(),
        agenda,
        ..c.clone()
    })
}

/// What the app knows of a conference, for the rules of its roster and motions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConferenceFacts {
    /// The party.
    pub party: PartyCode,
    /// The day it is held.
    pub held_on: Date,
    /// Mandate numbers on its roster.
    pub roster: BTreeSet<u32>,
    /// Mandate numbers checked in.
    pub present: BTreeSet<u32>,
    /// Whether a vote has been recorded (the roster is then closed).
    pub voting_started: bool,
    /// Whether the presidium (chair, secretary, counting commission) has been elected.
    pub presidium_elected: bool,
    /// Whether a motion is open (not yet decided).
    pub motion_open: bool,
}

/// Where a member already sits, for the rule "a delegate sits on one conference's roster"
/// (issue 13 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Seated {
    /// On this conference's roster already.
    pub here: bool,
    /// On the roster of another of the party's conferences held the same day. A conference is
    /// held on one day, so two conferences of one day are open at the same time; a district
    /// delegate elected to the regional conference days later (seed 003: district conferences
    /// 10–12 November, the regional one on 16 November) sits on both rosters, one at a time.
    pub elsewhere_same_day: bool,
}

/// What seating a delegate is checked against on its conference: the conference's party, day
/// and state, and whether the one mandate named is taken; not the roster, so that the app reads
/// the conference's row and at most that one delegate's row (a roster of 1,000 delegates is
/// imported without reading the delegates seated before each one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFacts {
    /// The party.
    pub party: PartyCode,
    /// The day it is held.
    pub held_on: Date,
    /// Whether a vote has been recorded (the roster is then closed).
    pub voting_started: bool,
    /// Whether a delegate already holds the mandate on the conference's roster.
    pub mandate_taken: bool,
}

/// Checks a delegate to seat: the conference exists (`conference` is `None` when it does not)
/// and has not started voting, the mandate is free and in range, the member is the party's on
/// the conference's day, not already seated there, and not on the roster of another conference
/// of the party held the same day (issue 13 §3).
///
/// # Errors
/// [`PartyRule::ConferenceMissing`] alone on `conference`; otherwise every broken rule, in this
/// order: `conference` ([`PartyRule::RosterClosed`]), `mandate` ([`PartyRule::MandateRange`], or
/// else [`PartyRule::MandateTaken`]), `member` (the membership rule of
/// [`member_on`]), `member` ([`PartyRule::DelegateTwice`], or else
/// [`PartyRule::DelegateElsewhere`]).
pub fn validate_seat(
    conference: Option<&SeatFacts>,
    mandate: u32,
    member: Option<&MemberFacts>,
    seated: Seated,
) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::new();
    let Some(c) = conference else {
        return Err(ValidationErrors::one(
            "conference",
            PartyRule::ConferenceMissing.into(),
        ));
    };
    if c.voting_started {
        errs.push("conference", PartyRule::RosterClosed.into());
    }
    if mandate == 0 || mandate > MAX_MANDATE {
        errs.push("mandate", PartyRule::MandateRange.into());
    } else if c.mandate_taken {
        errs.push("mandate", PartyRule::MandateTaken.into());
    }
    if let Err(r) = member_on(member, &c.party, c.held_on) {
        errs.push("member", r.into());
    }
    if seated.here {
        errs.push("member", PartyRule::DelegateTwice.into());
    } else if seated.elsewhere_same_day {
        errs.push("member", PartyRule::DelegateElsewhere.into());
    }
    errs.into_result()
}

/// Where the one mandate a check-in names stands on its conference's roster: all a check-in is
/// checked against, so that the app reads that one delegate, not the roster (a conference of
/// 1,000 delegates checks each one in without reading the other 999).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInFacts {
    /// No delegate holds the mandate on the conference's roster.
    NotOnRoster,
    /// A delegate holds it and has not checked in.
    Absent,
    /// A delegate holds it and has checked in already.
    Present,
}

/// Checks a check-in: the conference exists (`facts` is `None` when it does not), the delegate
/// is on the roster and not checked in yet (issue 13 §3). One error at most, in this order:
/// `conference` ([`PartyRule::ConferenceMissing`]), `mandate`
/// ([`PartyRule::MandateMissing`], then [`PartyRule::CheckedInTwice`]).
///
/// # Errors
/// The broken rule, with its field.
pub fn validate_check_in(
    facts: Option<CheckInFacts>,
    mandate: u32,
) -> Result<(), ValidationErrors> {
    match facts {
        None => Err(ValidationErrors::one(
            "conference",
            PartyRule::ConferenceMissing.into(),
        )),
        Some(CheckInFacts::NotOnRoster) => Err(ValidationErrors::one(
            "mandate",
            PartyRule::MandateMissing { mandate }.into(),
        )),
        Some(CheckInFacts::Present) => Err(ValidationErrors::one(
            "mandate",
            PartyRule::CheckedInTwice { mandate }.into(),
        )),
        Some(CheckInFacts::Absent) => Ok(()),
    }
}

/// What the app looked up about a contender of a nomination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContenderFacts {
    /// The member's public facts, if the member exists.
    pub member: Option<MemberFacts>,
    /// Whether the registry person exists.
    pub person_exists: bool,
    /// Whether the member's record names the person (same name and birth date); `None` when the
    /// record cannot be consulted (ledger replay, which never sees personal data).
    pub record_matches: Option<bool>,
}

/// The facts a motion is checked against besides the conference.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MotionFacts {
    /// Whether the motion identifier is used already.
    pub id_taken: bool,
    /// For a nomination: whether the unit exists within the branch's territory.
    pub unit_in_branch: bool,
    /// For a nomination: the party's nominee already adopted for the unit, if any.
    pub unit_nominee: Option<String>,
    /// For a nomination: each contender's facts, in order.
    pub contenders: Vec<ContenderFacts>,
    /// For an election of delegates: each proposed member's facts, in order.
    pub members: Vec<Option<MemberFacts>>,
}

/// What opening a motion is checked against on its conference: its party, day and state, the
/// size of its roster, and which of the mandates the motion names ([`named_mandates`]) are on the
/// roster; not the roster itself, so that the app counts the delegates and looks up the few
/// mandates named (a presidium's), not every delegate's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotionConference {
    /// The party.
    pub party: PartyCode,
    /// The day it is held.
    pub held_on: Date,
    /// How many delegates are on its roster (for the pipeline's order, i13-pipeline).
    pub elected: u32,
    /// Of the mandates the motion names, those on its roster.
    pub named_on_roster: BTreeSet<u32>,
    /// Whether the presidium (chair, secretary, counting commission) has been elected.
    pub presidium_elected: bool,
    /// Whether a motion is open (not yet decided).
    pub motion_open: bool,
}

/// The mandates a motion's subject names, whose place on the roster [`validate_motion`] checks:
/// a presidium's chair, secretary and counting commission, in that order; none for the others.
pub fn named_mandates(subject: &Subject) -> Vec<u32> {
    match subject {
        Subject::Presidium {
            chair,
            secretary,
            counting_commission,
        } => [*chair, *secretary]
            .into_iter()
            .chain(counting_commission.iter().copied())
            .collect(),
        _ => Vec::new(),
    }
}

/// Checks a motion to open: the conference exists, no other motion is open, the presidium comes
/// first, and the subject's own rules (mandates on the roster, contenders members of the party
/// on the conference's day, one nominee per unit per party).
///
/// # Errors
/// [`PartyRule::ConferenceMissing`] alone when `conference` is `None`; otherwise every broken
/// rule, with its field.
pub fn validate_motion(
    conference: Option<&MotionConference>,
    subject: &Subject,
    facts: &MotionFacts,
    edition: Edition,
) -> Result<Subject, ValidationErrors> {
    let Some(c) = conference else {
        return Err(ValidationErrors::one(
            "conference",
            PartyRule::ConferenceMissing.into(),
        ));
    };
    let mut errs = ValidationErrors::new();
    if facts.id_taken {
        errs.push("motion", PartyRule::MotionTaken.into());
    }
    if c.motion_open {
        errs.push("conference", PartyRule::MotionStillOpen.into());
    }
    let is_presidium = matches!(subject, Subject::Presidium { .. });
    if !c.presidium_elected && !is_presidium {
        errs.push("subject", PartyRule::PresidiumFirst.into());
    }
    let mut cleaned = subject.clone();
    match subject {
        Subject::Presidium {
            chair,
            secretary,
            counting_commission,
        } => {
            let mut seen = BTreeSet::new();
            for (field, m) in [("chair", *chair), ("secretary", *secretary)]
                .into_iter()
                .chain(
                    counting_commission
                        .iter()
                        .map(|m| ("counting_commission", *m)),
                )
            {
                if !c.named_on_roster.contains(&m) {
                    errs.push(field, PartyRule::MandateMissing { mandate: m }.into());
                } else if !seen.insert(m) {
                    errs.push(field, PartyRule::ContenderTwice.into());
                }
            }
            if counting_commission.is_empty() {
                errs.push("counting_commission", Rule::FieldRequired);
            }
        }
        Subject::Nominate { contenders, .. } => {
            if !facts.unit_in_branch {
                errs.push("unit", PartyRule::UnitOutsideBranch.into());
            }
            if let Some(name) = &facts.unit_nominee {
                errs.push(
                    "unit",
                    PartyRule::UnitNominated { name: name.clone() }.into(),
                );
            }
            if contenders.is_empty() {
                errs.push("contenders", PartyRule::ContendersRequired.into());
            }
            let mut members: BTreeSet<MemberId> = BTreeSet::new();
            for (i, contender) in contenders.iter().enumerate() {
                if !members.insert(contender.member) {
                    errs.push("contenders", PartyRule::ContenderTwice.into());
                }
                let Some(f) = facts.contenders.get(i) else {
                    errs.push("contenders", PartyRule::NomineeNotMember.into());
                    continue;
                };
                match member_on(f.member.as_ref(), &c.party, c.held_on) {
                    Err(PartyRule::MemberMissing) => {
                        errs.push("contenders", PartyRule::NomineeNotMember.into())
                    }
                    Err(r) => errs.push("contenders", r.into()),
                    Ok(()) => {}
                }
                if f.member.as_ref().is_some_and(|m| m.erased) {
                    errs.push("contenders", PartyRule::MemberErased.into());
                }
                if !f.person_exists {
                    errs.push("contenders", Rule::FieldRequired);
                }
                if f.record_matches == Some(false) {
                    errs.push("contenders", PartyRule::MemberNotPerson.into());
                }
            }
        }
        Subject::ApproveList { title } => {
            if let Some(t) = errs.absorb(text::required_kind(
                "title",
                title,
                TextKind::FreeText,
                Subject::MAX_TEXT,
                edition,
            )) {
                cleaned = Subject::ApproveList { title: t };
            }
        }
        Subject::ElectDelegates { members, .. } => {
            if members.is_empty() {
                errs.push("members", PartyRule::ContendersRequired.into());
            }
            let mut seen = BTreeSet::new();
            for (i, m) in members.iter().enumerate() {
                if !seen.insert(*m) {
                    errs.push("members", PartyRule::ContenderTwice.into());
                }
                let f = facts.members.get(i).cloned().flatten();
                if let Err(r) = member_on(f.as_ref(), &c.party, c.held_on) {
                    errs.push("members", r.into());
                }
            }
        }
        Subject::Resolution { text: t } => {
            if let Some(t) = errs.absorb(text::required_kind(
                "text",
                t,
                TextKind::FreeText,
                Subject::MAX_TEXT,
                edition,
            )) {
                cleaned = Subject::Resolution { text: t };
            }
        }
    }
    errs.into_result()?;
    Ok(cleaned)
}

/// The state of a motion, for its next vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotionState {
    /// Whether it is decided (adopted or not).
    pub decided: bool,
    /// The round due (1, or 2 after a round that called for a second).
    pub next_round: u32,
}

/// Checks that a vote of `round` may be recorded on a motion in `state`.
pub fn validate_round(state: Option<&MotionState>, round: u32) -> Result<(), ValidationErrors> {
    let Some(s) = state else {
        return Err(ValidationErrors::one(
            "motion",
            PartyRule::MotionMissing.into(),
        ));
    };
    if s.decided {
        return Err(ValidationErrors::one(
            "motion",
            PartyRule::MotionDecided.into(),
        ));
    }
    if round != s.next_round {
        return Err(ValidationErrors::one(
            "round",
            PartyRule::RoundNotNext {
                expected: s.next_round,
            }
            .into(),
        ));
    }
    Ok(())
}

//! The pipeline across levels (issue 13 §3 and §7, seed 003): meetings of primary party
//! organizations elect the delegates of their branch's next conference; a regional plan dates
//! the stages (primary meetings, district and city conferences, the regional conference); a
//! conference is refused while its delegates are not elected, and a regional conference while
//! a district or city conference of its region is not held. The dashboard's status of a stage
//! ([`stage_status`]) is computed from a date passed in: the domain has no clock.
//!
//! A **primary party organization** is the party's branch on a territory below the conference's
//! branch (a rural okrug, village or city of district significance of the district); its members
//! are the members recorded in that branch.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::error::ValidationErrors;
use crate::party::PartyCode;
use crate::party::commands::ConferenceId;
use crate::party::member::{MemberFacts, MemberId, member_on};
use crate::party::rules::PartyRule;
use crate::party::vote::DecisionRule;
use crate::territory::TerritoryCode;

/// A party secretary in the party's subtree of the account's scope.
const BRANCH_SECRETARY: Policy =
    Policy::new(&[Grant::new(Role::PartySecretary, Reach::PartySubtree)]);

/// The most delegates one meeting elects.
pub const MAX_SEATS: u32 = 999;

/// A primary meeting's identifier, chosen when its record is entered and kept in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeetingId(pub uuid::Uuid);

impl std::fmt::Display for MeetingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// One contender for delegate at a primary meeting, voted on separately (open vote: for,
/// against, abstaining).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingContender {
    /// The member proposed (a member of the meeting's organization).
    pub member: MemberId,
    /// Members voting for.
    pub votes_for: u32,
    /// Members voting against.
    pub against: u32,
    /// Members abstaining.
    pub abstain: u32,
}

/// The record of a meeting of a primary party organization that elected delegates to its
/// branch's conference (issue 13 §3). Who is elected is decided by sailau ([`elect`]); the
/// elected are seated on the conference's roster with the next free mandate numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPrimaryMeeting {
    /// The new meeting's identifier.
    pub meeting: MeetingId,
    /// The conference the delegates are elected to.
    pub conference: ConferenceId,
    /// The territory of the primary organization's branch (below the conference's branch).
    pub organization: TerritoryCode,
    /// The day the meeting was held (on or before the conference's day).
    pub held_on: Date,
    /// Members present at the meeting.
    pub members_present: u32,
    /// Delegates the meeting elects (1–999).
    pub seats: u32,
    /// The contenders, in the order proposed, each with the counts of its own vote.
    pub contenders: Vec<MeetingContender>,
}

impl DomainCommand for RecordPrimaryMeeting {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} @ {} → {}: {} elected of {}",
            self.meeting,
            self.organization,
            self.conference,
            self.seats,
            self.contenders.len()
        )
    }
}

/// A region's plan of the pipeline (seed 003): the dated stages of primary meetings, district and
/// city conferences, and the regional conference. Adopting it again for the same party and region
/// replaces the dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptRegionalPlan {
    /// The party.
    pub party: PartyCode,
    /// The region (or city of republican significance); the party has a branch there.
    pub region: TerritoryCode,
    /// The first day of the plan: conferences held before it do not count for it.
    pub starts_on: Date,
    /// The last day of the primary organizations' meetings.
    pub primary_meetings_by: Date,
    /// The last day of the district and city branches' conferences.
    pub district_conferences_by: Date,
    /// The last day of the regional conference.
    pub regional_conference_by: Date,
}

impl DomainCommand for AdoptRegionalPlan {
    const POLICY: Policy = BRANCH_SECRETARY;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} @ {}: {}…{}",
            self.party, self.region, self.starts_on, self.regional_conference_by
        )
    }
}

/// The facts a primary meeting's record is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    /// Whether the meeting identifier is used already.
    pub id_taken: bool,
    /// The conference's party, branch, day and decision rule, if it exists.
    pub conference: Option<MeetingConference>,
    /// Whether the party has a branch on the organization's territory.
    pub organization_exists: bool,
    /// The organization's territory path (from the region down to it).
    pub organization_path: Vec<TerritoryCode>,
    /// Members recorded in the organization's branch.
    pub organization_members: u32,
    /// Each contender's public facts, in order.
    pub contenders: Vec<Option<MemberFacts>>,
    /// The contenders already on the conference's roster.
    pub seated: BTreeSet<MemberId>,
    /// The contenders on the roster of another of the party's conferences held on the
    /// conference's day (a delegate sits on one conference's roster, issue 13 §3).
    pub seated_elsewhere: BTreeSet<MemberId>,
}

/// What a meeting needs to know of the conference it elects delegates to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingConference {
    /// The party.
    pub party: PartyCode,
    /// The branch's territory.
    pub branch: TerritoryCode,
    /// The conference's day.
    pub held_on: Date,
    /// The rule a contender is elected by (the conference's rule set).
    pub decision: DecisionRule,
    /// Whether the conference has begun voting (its roster is closed).
    pub voting_started: bool,
}

/// Checks a primary meeting's record: the conference exists and has not begun voting; the
/// organization is the party's branch strictly below the conference's branch; the meeting is
/// held on or before the conference; members present do not exceed the organization's members;
/// each contender's counts add up to no more than the members present; each contender is a
/// member of that organization on the meeting's day, named once, not yet on the roster nor on
/// another conference's roster of the same day.
/// Every broken rule at once.
pub fn validate_meeting(
    m: &RecordPrimaryMeeting,
    f: &MeetingFacts,
) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::new();
    if f.id_taken {
        errs.push("meeting", PartyRule::MeetingTaken.into());
    }
    let Some(c) = &f.conference else {
        errs.push("conference", PartyRule::ConferenceMissing.into());
        return Err(errs);
    };
    if c.voting_started {
        errs.push("conference", PartyRule::RosterClosed.into());
    }
    if !f.organization_exists {
        errs.push("organization", PartyRule::BranchMissing.into());
    } else if m.organization == c.branch || !f.organization_path.contains(&c.branch) {
        errs.push("organization", PartyRule::OrganizationNotBelow.into());
    }
    if m.held_on > c.held_on {
        errs.push("held_on", PartyRule::MeetingAfterConference.into());
    }
    if m.members_present == 0 || m.members_present > f.organization_members {
        errs.push(
            "members_present",
            PartyRule::MembersPresentRange {
                members: f.organization_members,
            }
            .into(),
        );
    }
    if m.seats == 0 || m.seats > MAX_SEATS {
        errs.push("seats", PartyRule::SeatsRange.into());
    }
    if m.contenders.is_empty() {
        errs.push("contenders", PartyRule::ContendersRequired.into());
    }
    let mut seen = BTreeSet::new();
    for (i, k) in m.contenders.iter().enumerate() {
        let field = format!("contenders[{i}]");
        if !seen.insert(k.member) {
            errs.push(field.clone(), PartyRule::ContenderTwice.into());
        }
        let total = u64::from(k.votes_for) + u64::from(k.against) + u64::from(k.abstain);
        if total > u64::from(m.members_present) {
            errs.push(
                field.clone(),
                PartyRule::MeetingCountsAbovePresent {
                    present: m.members_present,
                }
                .into(),
            );
        }
        let facts = f.contenders.get(i).cloned().flatten();
        match member_on(facts.as_ref(), &c.party, m.held_on) {
            Err(r) => errs.push(field.clone(), r.into()),
            Ok(()) => {
                if facts.as_ref().is_some_and(|x| x.branch != m.organization) {
                    errs.push(field.clone(), PartyRule::NotOfOrganization.into());
                }
            }
        }
        if f.seated.contains(&k.member) {
            errs.push(field, PartyRule::DelegateTwice.into());
        } else if f.seated_elsewhere.contains(&k.member) {
            errs.push(field, PartyRule::DelegateElsewhere.into());
        }
    }
    errs.into_result()
}

/// Who a meeting elects: the contenders whose votes for reach `rule` (with the members present
/// as "present" and the organization's members as "elected"), most votes first, at most `seats`.
/// Contenders tied at the last seat are all left out (a tie is not adopted, issue 13 §5). Returns
/// positions in `contenders`, in the order of their mandates (most votes first, then the order
/// proposed).
pub fn elect(
    rule: DecisionRule,
    members_present: u32,
    organization_members: u32,
    seats: u32,
    contenders: &[MeetingContender],
) -> Vec<usize> {
    let mut reached: Vec<(usize, u32)> = contenders
        .iter()
        .enumerate()
        .filter(|(_, k)| {
            let cast = k.votes_for.saturating_add(k.against);
            rule.reached(k.votes_for, members_present, organization_members, cast)
        })
        .map(|(i, k)| (i, k.votes_for))
        .collect();
    reached.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let seats = seats as usize;
    if reached.len() > seats && seats > 0 {
        let cut = reached[seats - 1].1;
        if reached[seats].1 == cut {
            reached.retain(|(_, v)| *v > cut);
        }
    }
    reached.truncate(seats);
    reached.into_iter().map(|(i, _)| i).collect()
}

/// The facts a regional plan is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanFacts {
    /// Whether the territory is a region or a city of republican significance.
    pub region_is_top: bool,
    /// Whether the party has a branch there.
    pub branch_exists: bool,
}

/// Checks a regional plan: a top-level territory with the party's branch, dates in order
/// (start ≤ primary meetings ≤ district conferences ≤ regional conference).
pub fn validate_plan(p: &AdoptRegionalPlan, f: PlanFacts) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::new();
    if !f.region_is_top {
        errs.push("region", PartyRule::PlanNotRegion.into());
    } else if !f.branch_exists {
        errs.push("region", PartyRule::BranchMissing.into());
    }
    for (field, before, after) in [
        ("primary_meetings_by", p.starts_on, p.primary_meetings_by),
        (
            "district_conferences_by",
            p.primary_meetings_by,
            p.district_conferences_by,
        ),
        (
            "regional_conference_by",
            p.district_conferences_by,
            p.regional_conference_by,
        ),
    ] {
        if after < before {
            errs.push(field, PartyRule::PlanDatesOrder.into());
        }
    }
    errs.into_result()
}

/// What the order of the pipeline needs to know of a conference about to decide its first
/// motion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFacts {
    /// Delegates on the conference's roster.
    pub roster: u32,
    /// For a regional branch's conference under a plan: the district and city branches of the
    /// region that have not held a conference since the plan's start (empty otherwise).
    pub pending_below: Vec<TerritoryCode>,
}

/// The order of the pipeline (seed 003): no conference before its delegates are elected, no
/// regional conference before the district and city conferences of its region.
///
/// # Errors
/// [`PartyRule::OutOfOrder`] on the field `conference`.
pub fn check_order(f: &OrderFacts) -> Result<(), ValidationErrors> {
    if f.roster == 0 || !f.pending_below.is_empty() {
        return Err(ValidationErrors::one(
            "conference",
            PartyRule::OutOfOrder.into(),
        ));
    }
    Ok(())
}

/// Where a stage of the pipeline stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    /// Held (the conference decided at least one motion).
    Held,
    /// Not held, and its deadline has not passed (or there is none).
    Pending,
    /// Not held, and its deadline passed before `on`.
    Overdue,
}

impl StageStatus {
    /// The status's identifier (`held`, `pending`, `overdue`).
    pub fn as_str(self) -> &'static str {
        match self {
            StageStatus::Held => "held",
            StageStatus::Pending => "pending",
            StageStatus::Overdue => "overdue",
        }
    }
}

/// A stage's status on `on`: held, or overdue when `on` is after the deadline, else pending.
pub fn stage_status(held: bool, deadline: Option<Date>, on: Date) -> StageStatus {
    match (held, deadline) {
        (true, _) => StageStatus::Held,
        (false, Some(d)) if on > d => StageStatus::Overdue,
        _ => StageStatus::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(votes_for: u32, against: u32) -> MeetingContender {
        MeetingContender {
            member: MemberId(uuid::Uuid::new_v4()),
            votes_for,
            against,
            abstain: 0,
        }
    }

    #[test]
    fn elects_by_majority_of_present_and_leaves_a_tie_at_the_last_seat() {
        let r = DecisionRule::MajorityOfPresent;
        assert_eq!(
            elect(r, 20, 30, 2, &[k(15, 5), k(11, 9), k(10, 10)]),
            [0, 1]
        );
        assert_eq!(
            elect(r, 20, 30, 1, &[k(15, 5), k(15, 5)]),
            Vec::<usize>::new()
        );
        assert_eq!(elect(r, 20, 30, 2, &[k(16, 4), k(15, 5), k(15, 5)]), [0]);
    }

    #[test]
    fn status_is_computed_from_the_date_given() {
        let d: Date = "2020-11-20".parse().unwrap_or_default();
        let after: Date = "2020-11-21".parse().unwrap_or_default();
        assert_eq!(stage_status(false, Some(d), d), StageStatus::Pending);
        assert_eq!(stage_status(false, Some(d), after), StageStatus::Overdue);
        assert_eq!(stage_status(true, Some(d), after), StageStatus::Held);
    }
}

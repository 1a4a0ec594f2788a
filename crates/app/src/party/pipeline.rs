//! The pipeline across levels in the app (issue 13 §3, §7): the handlers of primary meetings and
//! regional plans, the order of the pipeline an opening motion is checked against, and the
//! regional dashboard (read model). The rules are the domain's
//! (`sailau_domain::party::pipeline`).

use jiff::civil::Date;
use sailau_domain::party::commands::ConferenceId;
use sailau_domain::party::member::{MemberFacts, MemberId};
use sailau_domain::party::numbering::conference_number;
use sailau_domain::party::pipeline::{
    AdoptRegionalPlan, MeetingConference, MeetingFacts, MeetingId, OrderFacts, PlanFacts,
    RecordPrimaryMeeting, StageStatus, check_order, elect, stage_status, validate_meeting,
    validate_plan,
};
use sailau_domain::party::rules::PartyRule;
use sailau_domain::party::vote::{Choice, Tally};
use sailau_domain::{Branch, PartyCode, Principal, Read, Target, TerritoryCode, authorize_read};
use sailau_storage::Tx;
use sailau_storage::party::ConferenceRow;
use sailau_storage::party_pipeline::{ElectedDelegate, MeetingRow, PipelineDump};
use serde::Serialize;

use super::{branch_exists, branch_target, conference_target, table};
use crate::execute::{Ctx, Handler};
use crate::{App, AppError};

impl Handler for RecordPrimaryMeeting {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        conference_target(tx, &self.conference).await
    }

    async fn apply(&self, tx: &mut Tx, _: &Ctx<'_>) -> Result<(), AppError> {
        let conference = tx.conference(&self.conference).await?;
        // Only whether voting started, not the roster the meetings are electing.
        let voting_started = tx.voting_started(&self.conference).await?;
        let mut facts = MeetingFacts {
            id_taken: tx.meeting(&self.meeting).await?.is_some(),
            conference: None,
            organization_exists: false,
            organization_path: tx.territory_path(&self.organization).await?,
            organization_members: 0,
            contenders: Vec::new(),
            seated: Default::default(),
            seated_elsewhere: Default::default(),
        };
        if let Some(c) = &conference {
            facts.organization_exists = branch_exists(tx, &c.party, &self.organization).await?;
            facts.organization_members = tx.branch_members(&c.party, &self.organization).await?;
            facts.conference = Some(MeetingConference {
                party: c.party.clone(),
                branch: c.branch.clone(),
                held_on: c.held_on,
                decision: c.rules.decision,
                voting_started,
            });
        }
        for k in &self.contenders {
            facts.contenders.push(tx.member_facts(&k.member).await?);
            if tx.member_seated(&self.conference, &k.member).await? {
                facts.seated.insert(k.member);
            }
            if tx
                .member_seated_same_day(&self.conference, &k.member)
                .await?
            {
                facts.seated_elsewhere.insert(k.member);
            }
        }
        validate_meeting(self, &facts)?;
        let Some(c) = facts.conference else {
            return Err(super::invalid("conference", PartyRule::ConferenceMissing));
        };
        let winners = elect(
            c.decision,
            self.members_present,
            facts.organization_members,
            self.seats,
            &self.contenders,
        );
        let mut mandate = tx.next_mandate(&self.conference).await?;
        let mut elected = Vec::new();
        for i in winners {
            let Some(k) = self.contenders.get(i) else {
                continue;
            };
            tx.insert_delegate(&self.conference, mandate, &k.member)
                .await?;
            elected.push(ElectedDelegate {
                member: k.member,
                mandate,
            });
            mandate = mandate.saturating_add(1);
        }
        tx.insert_meeting(self, &elected).await?;
        Ok(())
    }
}

impl Handler for AdoptRegionalPlan {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        branch_target(tx, &self.party, &self.region).await
    }

    async fn apply(&self, tx: &mut Tx, _: &Ctx<'_>) -> Result<(), AppError> {
        let facts = PlanFacts {
            region_is_top: tx
                .territory(&self.region)
                .await?
                .is_some_and(|t| t.kind.is_top_level()),
            branch_exists: branch_exists(tx, &self.party, &self.region).await?,
        };
        validate_plan(self, facts)?;
        tx.upsert_plan(self).await?;
        Ok(())
    }
}

/// Checks the order of the pipeline before a conference's motion is opened: its delegates are
/// elected (the roster is not empty), and, for a regional branch's conference under a plan, every
/// district and city branch of the region has held a conference since the plan's start.
pub(crate) async fn check_conference_order(
    tx: &mut Tx,
    conference: &ConferenceRow,
    roster: u32,
) -> Result<(), AppError> {
    let pending_below = match tx.plan(&conference.party, &conference.branch).await? {
        Some(plan) if conference.held_on >= plan.starts_on => {
            tx.pending_below(&conference.party, &conference.branch, plan.starts_on)
                .await?
        }
        _ => Vec::new(),
    };
    check_order(&OrderFacts {
        roster,
        pending_below,
    })?;
    Ok(())
}

/// Names the first pipeline table whose rows differ between the live database and the replay.
pub(crate) fn compare_replay(live: &PipelineDump, replay: &PipelineDump) -> Result<(), String> {
    table("party_meetings", &live.meetings, &replay.meetings)?;
    table("party_plans", &live.plans, &replay.plans)
}

/// One branch's line on the regional dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BranchStage {
    /// The branch's territory.
    pub branch: TerritoryCode,
    /// `true` for the regional branch itself (its conference is the last stage).
    pub regional: bool,
    /// The branch's latest conference since the plan's start (any, without a plan).
    pub conference: Option<ConferenceRow>,
    /// Held, pending or overdue on the dashboard's day.
    pub status: StageStatus,
    /// The stage's deadline by the plan, if any.
    pub deadline: Option<Date>,
    /// Primary meetings recorded for that conference.
    pub meetings: u32,
    /// Nominations that conference adopted.
    pub nominations: u32,
}

/// The regional dashboard (issue 13 §7): the plan, and each district and city branch's
/// conference, then the regional conference, as held, pending or overdue on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionDashboard {
    /// The party.
    pub party: PartyCode,
    /// The region.
    pub region: TerritoryCode,
    /// The day the status is computed for.
    pub on: Date,
    /// The region's plan, if adopted.
    pub plan: Option<AdoptRegionalPlan>,
    /// The district and city branches (by code), then the regional branch.
    pub branches: Vec<BranchStage>,
}

impl RegionDashboard {
    /// How many stages have this status.
    pub fn count(&self, status: StageStatus) -> usize {
        self.branches.iter().filter(|b| b.status == status).count()
    }

    /// Nominations made across the region.
    pub fn nominations(&self) -> u32 {
        self.branches.iter().map(|b| b.nominations).sum()
    }
}

impl App {
    /// A primary meeting's record.
    pub async fn primary_meeting(&self, id: &MeetingId) -> Result<Option<MeetingRow>, AppError> {
        Ok(self.store.meeting(id).await?)
    }

    /// The primary meetings that elected a conference's delegates, by date.
    pub async fn conference_meetings(
        &self,
        id: &ConferenceId,
    ) -> Result<Vec<MeetingRow>, AppError> {
        Ok(self.store.meetings_of(id).await?)
    }

    /// The regional dashboard of `party` in `region` on the day `on` (the caller's today in the
    /// region's time zone, or any day asked for: the status is a function of it).
    ///
    /// # Errors
    /// [`AppError::NotFound`] when the party has no branch in the region.
    pub async fn regional_dashboard(
        &self,
        party: &PartyCode,
        region: &TerritoryCode,
        on: Date,
    ) -> Result<RegionDashboard, AppError> {
        let regional = Branch {
            party_code: party.clone(),
            territory_code: region.clone(),
        };
        if !self.store.branches_of(party).await?.contains(&regional) {
            return Err(AppError::NotFound(
                crate::Thing::Branch,
                format!("{party} @ {region}"),
            ));
        }
        let plan = self.store.plan(party, region).await?;
        let mut branches = Vec::new();
        let below = self.store.branches_below(party, region).await?;
        let stages = below
            .into_iter()
            .map(|b| (b, false))
            .chain(std::iter::once((region.clone(), true)));
        for (branch, is_region) in stages {
            let since = plan.as_ref().map(|p| p.starts_on);
            let conference = self
                .store
                .conferences(party, Some(&branch))
                .await?
                .into_iter()
                .find(|c| since.is_none_or(|s| c.held_on >= s));
            let (progress, meetings) = match &conference {
                Some(c) => (
                    self.store.conference_progress(&c.id).await?,
                    self.store.meetings_of(&c.id).await?.len(),
                ),
                None => Default::default(),
            };
            let deadline = plan.as_ref().map(|p| {
                if is_region {
                    p.regional_conference_by
                } else {
                    p.district_conferences_by
                }
            });
            branches.push(BranchStage {
                branch,
                regional: is_region,
                status: stage_status(progress.decided > 0, deadline, on),
                deadline,
                meetings: u32::try_from(meetings).unwrap_or(u32::MAX),
                nominations: progress.nominations,
                conference,
            });
        }
        Ok(RegionDashboard {
            party: party.clone(),
            region: region.clone(),
            on,
            plan,
            branches,
        })
    }
}

/// A delegate's seat as the delegate (or the secretary, or the conference's counting
/// commission) sees it: check-in status and the delegate's own roll-call votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelegateSeat {
    /// The conference.
    pub conference: ConferenceId,
    /// Its number in Russian, Kazakh and English (`L (50-я)`, `L (50-ші)`, `L (50th)`).
    pub number: [String; 3],
    /// The conference's day.
    pub held_on: Date,
    /// The delegate's mandate number.
    pub mandate: u32,
    /// When the delegate checked in (Unix ms), if so.
    pub checked_in_at_ms: Option<i64>,
    /// The delegate's votes in roll calls: motion, round, choice.
    pub votes: Vec<(sailau_domain::party::commands::MotionId, u32, Choice)>,
}

/// A party member's own record (issue 13 §9): the public facts, the personal record unless
/// erased (only to those [`Read::MemberRecord`] allows), and the seats the reader may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnPartyRecord {
    /// The member's public facts (party, branch, joined on).
    pub member: MemberFacts,
    /// Card number, name and birth date; `None` once erased.
    pub record: Option<MemberView>,
    /// The member's seats as a delegate that the reader may see.
    pub seats: Vec<DelegateSeat>,
}

/// The personal part of a member's record, as its owner sees it (no salt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberView {
    /// The party card's number.
    pub card_number: String,
    /// Full name, surname first.
    pub full_name: String,
    /// Date of birth.
    pub birth_date: Date,
}

impl App {
    /// A member's record as `reader` may see it: the member record needs
    /// [`Read::MemberRecord`] (the member, the member as a delegate, the branch's secretary);
    /// each seat needs [`Read::DelegateRecord`] (the delegate, the secretary, that conference's
    /// counting commission). A reader who may see neither is refused with the reason.
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown member; [`AppError::Forbidden`] as above.
    pub async fn member_own_record(
        &self,
        reader: Option<&Principal>,
        member: &MemberId,
    ) -> Result<OwnPartyRecord, AppError> {
        let facts = self
            .store
            .member_facts(member)
            .await?
            .ok_or_else(|| AppError::NotFound(crate::Thing::Member, member.to_string()))?;
        let target = Target {
            territory_path: self
                .store
                .territory_ancestors(&facts.branch)
                .await?
                .into_iter()
                .map(|t| t.code)
                .chain(std::iter::once(facts.branch.clone()))
                .collect(),
            party: Some(facts.party.clone()),
            member: Some(*member),
            ..Target::default()
        };
        let may_record = authorize_read(reader, Read::MemberRecord, &target);
        let mut seats = Vec::new();
        let mut seat_denied = None;
        for (conference, d) in self.store.seats_of(member).await? {
            let t = Target {
                conference: Some(conference),
                ..target.clone()
            };
            if let Err(e) = authorize_read(reader, Read::DelegateRecord, &t) {
                seat_denied.get_or_insert(e);
                continue;
            }
            let Some(c) = self.store.conference(&conference).await? else {
                continue;
            };
            let mut votes = Vec::new();
            for m in self.store.motions(&conference).await? {
                for v in self.store.votes(&m.id).await? {
                    if let Tally::RollCall { votes: calls } = &v.tally {
                        votes.extend(
                            calls
                                .iter()
                                .filter(|c| c.mandate == d.mandate)
                                .map(|c| (m.id, v.round, c.choice)),
                        );
                    }
                }
            }
            seats.push(DelegateSeat {
                conference,
                number: ["ru", "kk", "en"].map(|l| conference_number(c.ordinal, l)),
                held_on: c.held_on,
                mandate: d.mandate,
                checked_in_at_ms: d.checked_in_at_ms,
                votes,
            });
        }
        let record = match may_record {
            Ok(()) => self.store.member_record(member).await?.map(|r| MemberView {
                card_number: r.card_number.clone(),
                full_name: r.full_name(),
                birth_date: r.birth_date,
            }),
            Err(e) if seats.is_empty() => {
                return Err(seat_denied.unwrap_or(e).into());
            }
            Err(_) => None,
        };
        Ok(OwnPartyRecord {
            member: facts,
            record,
            seats,
        })
    }
}

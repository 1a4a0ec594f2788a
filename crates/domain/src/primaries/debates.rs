//! Debates (issue 14 §3): sessions of a position's contenders with a topic, a place, a time and
//! the stream's link (`schedule_debate`), and afterwards who took part and the recording's link
//! (`record_debate`). Under a rule set whose debates are mandatory and exclude refusers, a
//! contender recorded as absent is excluded (rules.md §8: 125 contenders who refused were
//! excluded in 2020).

use serde::{Deserialize, Serialize};

use crate::authz::Policy;
use crate::command::{DomainCommand, Edition};
use crate::error::ValidationErrors;
use crate::primaries::campaign::Campaign;
use crate::primaries::contenders::Contender;
use crate::primaries::rules::PrimariesRule;
use crate::primaries::{COMMITTEE, CampaignId, ContenderId, DebateId, Instant};
use crate::text;

/// The longest link, in characters.
pub const MAX_LINK: usize = 2000;

/// A debate is scheduled (`schedule_debate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleDebate {
    /// The new debate's identifier.
    pub debate: DebateId,
    /// The campaign.
    pub campaign: CampaignId,
    /// The position whose contenders debate.
    pub position: String,
    /// The topic.
    pub topic: String,
    /// Where it is held (a hall, a studio).
    pub place: String,
    /// When it starts.
    pub starts_at: Instant,
    /// Where it is streamed (`https://…`; empty when not streamed).
    pub stream_url: String,
    /// The contenders taking part (at least two admitted contenders of the position).
    pub contenders: Vec<ContenderId>,
}

impl DomainCommand for ScheduleDebate {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {} {}", self.campaign, self.position, self.topic)
    }
    fn normalized(mut self) -> Self {
        self.topic = text::normalize(&self.topic);
        self.place = text::normalize(&self.place);
        self.stream_url = self.stream_url.trim().to_owned();
        self
    }
}

/// Who took part in a debate, and its recording (`record_debate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDebate {
    /// The debate.
    pub debate: DebateId,
    /// The contenders who took part.
    pub present: Vec<ContenderId>,
    /// The contenders who did not (refused): excluded under a rule set that says so.
    pub absent: Vec<ContenderId>,
    /// Where the recording is (`https://…`; may be empty).
    pub recording_url: String,
}

impl DomainCommand for RecordDebate {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{}: {} present, {} absent",
            self.debate,
            self.present.len(),
            self.absent.len()
        )
    }
    fn normalized(mut self) -> Self {
        self.recording_url = self.recording_url.trim().to_owned();
        self
    }
}

/// A debate as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debate {
    /// What `schedule_debate` recorded.
    #[serde(flatten)]
    pub scheduled: ScheduleDebate,
    /// What `record_debate` recorded, once it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<RecordDebate>,
}

/// Whether `url` is empty or an `http(s)://` link without spaces or control characters.
pub fn link_ok(url: &str) -> bool {
    url.is_empty()
        || ((url.starts_with("https://") || url.starts_with("http://"))
            && url.len() > "https://".len()
            && url.chars().count() <= MAX_LINK
            && !url.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// Checks a new debate against its campaign (`None`: missing), whether its identifier is taken,
/// and the contenders it names (`None` for an unknown one), in order.
///
/// # Errors
/// [`PrimariesRule::CampaignMissing`], `DebateTaken`, `PositionMissing`, `DebateOutsideWindow`
/// (`window_text`: the debates' window in local times), `DebateContenders` (fewer than two,
/// twice, unknown, not admitted or of another position), `LinkFormat`, and the text rules of
/// topic and place.
pub fn validate_schedule(
    d: &ScheduleDebate,
    campaign: Option<&Campaign>,
    id_taken: bool,
    contenders: &[Option<Contender>],
    window_text: (String, String),
    edition: Edition,
) -> Result<(), ValidationErrors> {
    let Some(campaign) = campaign else {
        return Err(ValidationErrors::one(
            "campaign",
            PrimariesRule::CampaignMissing.into(),
        ));
    };
    let mut errs = ValidationErrors::new();
    if id_taken {
        errs.push("debate", PrimariesRule::DebateTaken.into());
    }
    if campaign.position(&d.position).is_none() {
        errs.push("position", PrimariesRule::PositionMissing.into());
    }
    if !campaign.opened.windows.debates.contains(d.starts_at) {
        let (opens, closes) = window_text;
        errs.push(
            "starts_at",
            PrimariesRule::DebateOutsideWindow { opens, closes }.into(),
        );
    }
    errs.absorb(text::required("topic", &d.topic, 500, edition));
    errs.absorb(text::required("place", &d.place, 500, edition));
    if !link_ok(&d.stream_url) {
        errs.push("stream_url", PrimariesRule::LinkFormat.into());
    }
    let twice = d
        .contenders
        .iter()
        .enumerate()
        .any(|(i, c)| d.contenders[..i].contains(c));
    let fit = contenders.iter().all(|c| {
        c.as_ref().is_some_and(|c| {
            c.admitted()
                && c.registered.campaign == campaign.opened.campaign
                && c.registered.position == d.position
        })
    });
    if d.contenders.len() < 2 || twice || !fit || contenders.len() != d.contenders.len() {
        errs.push("contenders", PrimariesRule::DebateContenders.into());
    }
    errs.into_result()
}

/// Checks the record of a debate (`None`: no such debate) at `now` (the ballot `fixed` or
/// not), and returns the contenders
/// to exclude under `campaign`'s rules (the absent ones, when debates are mandatory and exclude
/// refusers; none otherwise).
///
/// # Errors
/// [`PrimariesRule::DebateMissing`], `AttendanceNotDue` (before the start, or recorded already),
/// `AttendanceShape` (present and absent are not exactly the scheduled contenders, each once),
/// `BallotFixed` (exclusions once the ballot is fixed or online voting opened), `LinkFormat`.
pub fn validate_record(
    r: &RecordDebate,
    debate: Option<&Debate>,
    campaign: &Campaign,
    now: Instant,
    fixed: bool,
) -> Result<Vec<ContenderId>, ValidationErrors> {
    let Some(debate) = debate else {
        return Err(ValidationErrors::one(
            "debate",
            PrimariesRule::DebateMissing.into(),
        ));
    };
    let rules = campaign.rules()?;
    let mut errs = ValidationErrors::new();
    if now < debate.scheduled.starts_at || debate.held.is_some() {
        errs.push("debate", PrimariesRule::AttendanceNotDue.into());
    }
    let named: Vec<&ContenderId> = r.present.iter().chain(&r.absent).collect();
    let each_once = named
        .iter()
        .enumerate()
        .all(|(i, c)| !named[..i].contains(c));
    let all = named.len() == debate.scheduled.contenders.len()
        && debate
            .scheduled
            .contenders
            .iter()
            .all(|c| named.contains(&c));
    if !each_once || !all {
        errs.push("present", PrimariesRule::AttendanceShape.into());
    }
    if !link_ok(&r.recording_url) {
        errs.push("recording_url", PrimariesRule::LinkFormat.into());
    }
    let excluded = if rules.debates.mandatory && rules.debates.exclude_on_refusal {
        r.absent.clone()
    } else {
        Vec::new()
    };
    if !excluded.is_empty() && (fixed || now >= campaign.voting_opens()) {
        errs.push("absent", PrimariesRule::BallotFixed.into());
    }
    errs.into_result()?;
    Ok(excluded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_web_addresses() {
        assert!(link_ok(""));
        assert!(link_ok("https://primaries.amanat.kz/debates/17"));
        assert!(!link_ok("javascript:alert(1)"));
        assert!(!link_ok("https://a b"));
        assert!(!link_ok("https://"));
    }
}

//! Paper voting at primary organizations (issue 14 §5; rules.md §8: paper ballots on the last
//! morning where there was no internet). A counting commission enters the count of its
//! organization per position (`record_paper_count`): the ballots issued and the votes per
//! admitted contender. A ballot for an akim position marks one contender; a ballot for a list of
//! `seats` places marks up to `seats`.

use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::error::ValidationErrors;
use crate::primaries::campaign::Campaign;
use crate::primaries::contenders::Contender;
use crate::primaries::rules::PrimariesRule;
use crate::primaries::{CampaignId, ContenderId, Instant};
use crate::territory::TerritoryCode;

/// A counting commission of the organization's subtree, or the organizing committee.
const COUNTING: Policy = Policy::new(&[
    Grant::new(Role::CountingCommission, Reach::PartySubtree),
    Grant::new(Role::OrganizingCommittee, Reach::PartySubtree),
]);

/// Votes for one contender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContenderVotes {
    /// The contender.
    pub contender: ContenderId,
    /// The votes.
    pub votes: u64,
}

/// A primary organization's paper count for one position (`record_paper_count`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPaperCount {
    /// The campaign.
    pub campaign: CampaignId,
    /// The primary organization's territory (a branch of the party in the campaign's territory).
    pub organization: TerritoryCode,
    /// The position's key.
    pub position: String,
    /// The paper ballots issued to members.
    pub issued: u64,
    /// The votes per admitted contender of the position, each once.
    pub counts: Vec<ContenderVotes>,
}

impl DomainCommand for RecordPaperCount {
    const POLICY: Policy = COUNTING;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {} {}", self.campaign, self.organization, self.position)
    }
}

/// What [`validate_paper_count`] needs to know about the world.
#[derive(Debug, Clone)]
pub struct PaperFacts<'a> {
    /// The campaign (`None`: missing).
    pub campaign: Option<&'a Campaign>,
    /// Whether the organization is a branch of the party inside the campaign's territory.
    pub organization_ok: bool,
    /// Whether this organization already entered its count for the position.
    pub counted: bool,
    /// The admitted contenders of the position.
    pub admitted: Vec<Contender>,
    /// When the command is issued.
    pub now: Instant,
    /// Whether the trustees' decryption of the online votes is published, so that the ratings
    /// are final (no count after that).
    pub published: bool,
    /// The paper window as the message shows it (local times).
    pub window_text: (String, String),
}

/// Checks a paper count.
///
/// # Errors
/// [`PrimariesRule::CampaignMissing`], `PositionMissing`, `OrganizationInvalid`, `PaperClosed`
/// (before paper voting opens), `PaperCountAfterResults` (the trustees' decryption of the online
/// votes is published: the ratings are final, seed 003), `PaperCountTwice`,
/// `PaperCountShape` (not each admitted contender once), `PaperCountsAboveIssued` (more votes
/// than the ballots issued allow).
pub fn validate_paper_count(
    c: &RecordPaperCount,
    facts: &PaperFacts<'_>,
) -> Result<(), ValidationErrors> {
    let Some(campaign) = facts.campaign else {
        return Err(ValidationErrors::one(
            "campaign",
            PrimariesRule::CampaignMissing.into(),
        ));
    };
    let mut errs = ValidationErrors::new();
    let position = campaign.position(&c.position);
    if position.is_none() {
        errs.push("position", PrimariesRule::PositionMissing.into());
    }
    if !facts.organization_ok {
        errs.push("organization", PrimariesRule::OrganizationInvalid.into());
    }
    if facts.published {
        errs.push("campaign", PrimariesRule::PaperCountAfterResults.into());
    } else if facts.now < campaign.opened.windows.paper_voting.opens {
        let (opens, closes) = facts.window_text.clone();
        errs.push(
            "campaign",
            PrimariesRule::PaperClosed { opens, closes }.into(),
        );
    }
    if facts.counted {
        errs.push("organization", PrimariesRule::PaperCountTwice.into());
    }
    let named: Vec<ContenderId> = c.counts.iter().map(|v| v.contender).collect();
    let each_once = named
        .iter()
        .enumerate()
        .all(|(i, x)| !named[..i].contains(x));
    let exact = named.len() == facts.admitted.len()
        && facts
            .admitted
            .iter()
            .all(|a| named.contains(&a.registered.contender));
    if !each_once || !exact {
        errs.push("counts", PrimariesRule::PaperCountShape.into());
    }
    let per_ballot = position.and_then(|p| p.seats()).unwrap_or(1);
    let total: u64 = c
        .counts
        .iter()
        .map(|v| v.votes)
        .fold(0, u64::saturating_add);
    if total > c.issued.saturating_mul(u64::from(per_ballot)) {
        errs.push(
            "counts",
            PrimariesRule::PaperCountsAboveIssued { issued: c.issued }.into(),
        );
    }
    errs.into_result()
}

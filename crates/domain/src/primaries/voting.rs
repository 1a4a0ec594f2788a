//! Fixing the online ballot (issue 14 §4, first step): once the contenders are decided, the
//! organizing committee fixes the ballot (`fix_ballot`). The election manifest and parameters
//! of `docs/verifiable-voting.md` §3.2 are derived from the campaign and its admitted
//! contenders, so the key ceremony, the voters' clients and the verifier all bind to the same
//! manifest hash; from then on no decision, withdrawal or exclusion changes the ballot.
//!
//! The manifest names contenders by their identifiers, never by name (names are members'
//! personal data; pages show them beside the identifiers while the records exist).

use serde::{Deserialize, Serialize};

use sailau_vote::{Contest, ContestOption, ElectionParameters, Manifest, OptionKind};

use crate::authz::Policy;
use crate::command::DomainCommand;
use crate::error::ValidationErrors;
use crate::primaries::campaign::{Campaign, PositionKind};
use crate::primaries::contenders::Contender;
use crate::primaries::rules::PrimariesRule;
use crate::primaries::{COMMITTEE, CampaignId, Instant};

/// The committee fixes the campaign's online ballot (`fix_ballot`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixBallot {
    /// The campaign.
    pub campaign: CampaignId,
}

impl DomainCommand for FixBallot {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        self.campaign.to_string()
    }
}

/// The manifest and parameters of a campaign's ballot: one contest per position (its key and
/// Russian name), one option per admitted contender in order of registration (the contender's
/// identifier as id and label); an akim nomination takes exactly one mark, a list of `seats`
/// from one to `seats` marks (no more than there are contenders). The parameters carry the
/// campaign's trustees and threshold.
///
/// # Errors
/// [`PrimariesRule::PositionWithoutContenders`] (the field names the position) when a position
/// has no admitted contender; [`PrimariesRule::BallotInvalid`] if the protocol refuses the
/// manifest (an identifier or count out of its bounds).
pub fn ballot_of(
    campaign: &Campaign,
    contenders: &[Contender],
) -> Result<(Manifest, ElectionParameters), ValidationErrors> {
    let mut errs = ValidationErrors::new();
    let mut contests = Vec::new();
    for (i, p) in campaign.opened.positions.iter().enumerate() {
        let mut admitted: Vec<&Contender> = contenders
            .iter()
            .filter(|c| c.admitted() && c.registered.position == p.key)
            .collect();
        admitted.sort_by_key(|c| c.seq);
        if admitted.is_empty() {
            errs.push(
                format!("positions[{i}]"),
                PrimariesRule::PositionWithoutContenders.into(),
            );
            continue;
        }
        let n = u32::try_from(admitted.len()).unwrap_or(u32::MAX);
        let max = match p.kind {
            PositionKind::Akim { .. } => 1,
            PositionKind::List { seats } => seats.min(n),
        };
        contests.push(Contest {
            id: p.key.clone(),
            title: p.name_ru.clone(),
            min_selections: 1,
            max_selections: max,
            options: admitted
                .iter()
                .map(|c| ContestOption {
                    id: c.registered.contender.to_string(),
                    label: c.registered.contender.to_string(),
                    kind: OptionKind::Candidate,
                })
                .collect(),
        });
    }
    errs.into_result()?;
    let manifest = Manifest {
        election_id: campaign.opened.campaign.to_string(),
        title: campaign.opened.title_ru.clone(),
        contests,
    };
    let trustees = u32::try_from(campaign.opened.trustees.len()).unwrap_or(u32::MAX);
    let parameters = manifest
        .validate()
        .and_then(|()| ElectionParameters::new(&manifest, trustees, campaign.opened.threshold))
        .map_err(|e| {
            ValidationErrors::one(
                "campaign",
                PrimariesRule::BallotInvalid {
                    reason: e.to_string(),
                }
                .into(),
            )
        })?;
    Ok((manifest, parameters))
}

/// Checks `fix_ballot` at `now` and gives the ballot.
///
/// # Errors
/// [`PrimariesRule::BallotFixed`] when the ballot is fixed already or online voting has opened;
/// the errors of [`ballot_of`].
pub fn validate_fix(
    campaign: &Campaign,
    contenders: &[Contender],
    fixed: bool,
    now: Instant,
) -> Result<(Manifest, ElectionParameters), ValidationErrors> {
    if fixed || now >= campaign.voting_opens() {
        return Err(ValidationErrors::one(
            "campaign",
            PrimariesRule::BallotFixed.into(),
        ));
    }
    ballot_of(campaign, contenders)
}

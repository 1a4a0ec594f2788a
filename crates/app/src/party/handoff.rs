//! The hand-off (issue 13 §8): a conference's adopted decision to nominate becomes the elections
//! context's party nomination (`nominate_by_party`), through the same command pipeline, so the
//! territorial commission sees it in its workbench. The nomination's decision names the
//! conference and the motion (`{ordinal}-{position}`, the conference's day and its body in
//! Russian); its membership document names the party register's member record by identifier,
//! never by the member's personal data.

use sailau_domain::ValidationErrors;
use sailau_domain::elections::{
    Candidate, ContestId, Decision, Membership, NominateByParty, NominationId,
};
use sailau_domain::party::commands::{MotionId, Subject};
use sailau_domain::party::numbering::conference_number;
use sailau_domain::party::rules::PartyRule;

use crate::{Acting, App, AppError, Applied};

/// What the commission needs besides the decision: the contest of the unit and the candidate's
/// details the nomination form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandOff {
    /// The contest (of the election) for the motion's unit.
    pub contest: ContestId,
    /// The candidate's current post.
    pub post: String,
    /// The candidate's place of residence.
    pub residence: String,
    /// The qualifications of the election's rule set the candidate declares (keys).
    pub qualifications: Vec<String>,
    /// The candidate is the sitting akim of the contest's unit (declared by the party).
    pub incumbent: bool,
}

impl App {
    /// Files the party nomination decided by `motion` with the territorial commission: the
    /// motion must be an adopted nomination; the nominee is the person the conference chose.
    /// Returns the new nomination's identifier and its ledger position.
    pub async fn hand_off_nomination(
        &self,
        acting: &Acting,
        motion: &MotionId,
        h: HandOff,
    ) -> Result<(NominationId, Applied), AppError> {
        let m = self
            .store
            .motion(motion)
            .await?
            .ok_or_else(|| ValidationErrors::one("motion", PartyRule::MotionMissing.into()))?;
        let (Subject::Nominate { unit, contenders }, Some(winner)) = (&m.subject, m.adopted) else {
            return Err(ValidationErrors::one("motion", PartyRule::NotAdopted.into()).into());
        };
        let contender = contenders
            .get(winner as usize)
            .ok_or_else(|| ValidationErrors::one("motion", PartyRule::NotAdopted.into()))?;
        let c = self.store.conference(&m.conference).await?.ok_or_else(|| {
            ValidationErrors::one("conference", PartyRule::ConferenceMissing.into())
        })?;
        let person = self.store.person(&contender.person).await?.ok_or_else(|| {
            AppError::NotFound(crate::Thing::Person, contender.person.to_string())
        })?;
        let kind = match c.kind.as_str() {
            "extraordinary" => "внеочередная ",
            _ => "",
        };
        let party = self
            .store
            .party(&c.party)
            .await?
            .map(|p| p.short_name)
            .unwrap_or_else(|| c.party.to_string());
        let body = format!(
            "{kind}{} конференция филиала партии «{party}» ({})",
            conference_number(c.ordinal, "ru"),
            c.branch
        );
        let nomination = NominationId(uuid::Uuid::new_v4());
        let command = NominateByParty {
            nomination,
            contest: h.contest,
            candidate: Candidate {
                person,
                post: h.post,
                residence: h.residence,
                qualifications: h.qualifications,
                incumbent: h.incumbent,
            },
            party: c.party.clone(),
            decision: Decision {
                number: format!("{}-{}", c.ordinal, m.position),
                date: c.held_on,
                body,
            },
            membership: Membership {
                document: format!("реестр членов партии, запись {} ({unit})", contender.member),
            },
        };
        let applied = self.execute(acting, command).await?;
        Ok((nomination, applied))
    }
}

//! The party context in the app (issue 13): how each party command finds its target and the
//! facts its rules need, and what it writes. The rules are the domain's
//! (`sailau_domain::party`).
//!
//! Members' personal records reach the handlers only live, as the command's private data;
//! ledger replay never sees them. So facts that come from a record (a card number taken, a
//! member's record naming a registry person) are checked when the command is issued, and replay
//! holds the public facts only (the member exists in the party, joined in time, ...).

mod handoff;
pub mod import;
pub mod pipeline;
pub mod read;

use sailau_domain::date::local_date;
use sailau_domain::party::commands::{
    CheckIn, ConferenceId, ConveneConference, EraseMemberData, OpenMotion, RecordMember,
    RecordVote, SeatDelegate, SetConferenceCount, Subject,
};
use sailau_domain::party::conference::{
    ContenderFacts, ConveneFacts, MotionFacts, MotionState, Seated, named_mandates, next_ordinal,
    validate_check_in, validate_convene, validate_motion, validate_round, validate_seat,
};
use sailau_domain::party::member::identity_key;
use sailau_domain::party::numbering::MAX_ORDINAL;
use sailau_domain::party::rules::PartyRule;
use sailau_domain::party::vote::{Outcome, VoteFacts, decide};
use sailau_domain::{Branch, PartyCode, Rule, Target, TerritoryCode, ValidationErrors};
use sailau_storage::Tx;
use sailau_storage::party::NominationRow;

use crate::AppError;
use crate::execute::{Ctx, Handler};
pub use handoff::HandOff;

fn invalid(field: &str, rule: impl Into<Rule>) -> AppError {
    ValidationErrors::one(field, rule.into()).into()
}

/// The target of a command on a party's branch: the party and the branch's territory path.
async fn branch_target(
    tx: &mut Tx,
    party: &PartyCode,
    branch: &TerritoryCode,
) -> Result<Target, AppError> {
    let t = Target {
        territory_path: tx.territory_path(branch).await?,
        party: Some(party.clone()),
        ..Target::default()
    };
    Ok(if t.territory_path.is_empty() {
        t.missing("branch", Rule::TerritoryMissing)
    } else {
        t
    })
}

/// The target of a command on a conference: its party and branch.
async fn conference_target(tx: &mut Tx, id: &ConferenceId) -> Result<Target, AppError> {
    match tx.conference(id).await? {
        Some(c) => Ok(Target {
            conference: Some(*id),
            ..branch_target(tx, &c.party, &c.branch).await?
        }),
        None => Ok(Target::default().missing("conference", PartyRule::ConferenceMissing.into())),
    }
}

async fn branch_exists(
    tx: &mut Tx,
    party: &PartyCode,
    branch: &TerritoryCode,
) -> Result<bool, AppError> {
    Ok(tx
        .branch_exists(&Branch {
            party_code: party.clone(),
            territory_code: branch.clone(),
        })
        .await?)
}

impl Handler for RecordMember {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        branch_target(tx, &self.party, &self.branch).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let mut errs = ValidationErrors::new();
        if tx.member_facts(&self.member).await?.is_some() {
            errs.push("member", PartyRule::MemberTaken.into());
        }
        if !branch_exists(tx, &self.party, &self.branch).await? {
            errs.push("branch", PartyRule::BranchMissing.into());
        }
        let region = tx.territory_region(&self.branch).await?.map(|(r, _)| r);
        let today = local_date(ctx.at_ms, region.as_ref())?;
        if self.joined_on > today {
            errs.push("joined_on", PartyRule::JoinedOnInvalid.into());
        }
        let record = match ctx.member_record()? {
            Some(r) => {
                let r = errs.absorb(r.validate(self.joined_on, today, ctx.edition));
                if let Some(r) = &r {
                    if r.commitment() != self.commitment {
                        errs.push("commitment", PartyRule::CommitmentMismatch.into());
                    }
                    if tx.card_taken(&self.party, &r.card_number).await? {
                        errs.push("card_number", PartyRule::CardNumberTaken.into());
                    }
                }
                r
            }
            None => None,
        };
        // Joining dates a second time are refused once: keep only the first of equal errors.
        errs.0.dedup();
        errs.into_result()?;
        tx.insert_member(self, record.as_ref()).await?;
        Ok(())
    }
}

impl Handler for EraseMemberData {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        match tx.member_facts(&self.member).await? {
            Some(m) => branch_target(tx, &m.party, &m.branch).await,
            None => Ok(Target::default().missing("member", PartyRule::MemberMissing.into())),
        }
    }

    async fn apply(&self, tx: &mut Tx, _: &Ctx<'_>) -> Result<(), AppError> {
        if tx.member_facts(&self.member).await?.is_none() {
            return Err(invalid("member", PartyRule::MemberMissing));
        }
        tx.erase_member(&self.member).await?;
        Ok(())
    }
}

impl Handler for SetConferenceCount {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        branch_target(tx, &self.party, &self.branch).await
    }

    async fn apply(&self, tx: &mut Tx, _: &Ctx<'_>) -> Result<(), AppError> {
        let mut errs = ValidationErrors::new();
        if !branch_exists(tx, &self.party, &self.branch).await? {
            errs.push("branch", PartyRule::BranchMissing.into());
        }
        if tx
            .conference_numbers(&self.party, &self.branch)
            .await?
            .1
            .is_some()
        {
            errs.push("last", PartyRule::NumberingLocked.into());
        }
        if self.last >= MAX_ORDINAL {
            errs.push("last", PartyRule::OrdinalRange.into());
        }
        errs.into_result()?;
        tx.set_conference_count(&self.party, &self.branch, self.last)
            .await?;
        Ok(())
    }
}

impl Handler for ConveneConference {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        branch_target(tx, &self.party, &self.branch).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let (imported, convened) = tx.conference_numbers(&self.party, &self.branch).await?;
        let facts = ConveneFacts {
            branch_exists: branch_exists(tx, &self.party, &self.branch).await?,
            next_ordinal: next_ordinal(imported, convened),
            id_taken: tx.conference(&self.conference).await?.is_some(),
        };
        let c = validate_convene(self, &facts, ctx.edition)?;
        tx.insert_conference(&c).await?;
        Ok(())
    }
}

impl Handler for SeatDelegate {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        conference_target(tx, &self.conference).await
    }

    async fn apply(&self, tx: &mut Tx, _: &Ctx<'_>) -> Result<(), AppError> {
        // The conference's row and the one mandate's, not the roster (`Tx::seat_facts`).
        let conference = tx.seat_facts(&self.conference, self.mandate).await?;
        let member = tx.member_facts(&self.member).await?;
        let seated = Seated {
            here: tx.member_seated(&self.conference, &self.member).await?,
            elsewhere_same_day: tx
                .member_seated_same_day(&self.conference, &self.member)
                .await?,
        };
        validate_seat(conference.as_ref(), self.mandate, member.as_ref(), seated)?;
        tx.insert_delegate(&self.conference, self.mandate, &self.member)
            .await?;
        Ok(())
    }
}

impl Handler for CheckIn {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        conference_target(tx, &self.conference).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        // The one delegate's row, not the roster (`Tx::check_in_facts`).
        let facts = tx.check_in_facts(&self.conference, self.mandate).await?;
        validate_check_in(facts, self.mandate)?;
        tx.check_in(&self.conference, self.mandate, ctx.at_ms)
            .await?;
        Ok(())
    }
}

/// The name the party's nominee for a unit is shown by in a refusal.
async fn nominee_name(tx: &mut Tx, n: &NominationRow) -> Result<String, AppError> {
    Ok(match tx.person(&n.person).await? {
        Some(p) => p.full_name(),
        None => n.person.to_string(),
    })
}

impl Handler for OpenMotion {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        conference_target(tx, &self.conference).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let conference_row = tx.conference(&self.conference).await?;
        // The roster counted and the mandates the motion names looked up, not every delegate's
        // row (`Tx::motion_conference`).
        let conference = tx
            .motion_conference(&self.conference, &named_mandates(&self.subject))
            .await?;
        let mut facts = MotionFacts {
            id_taken: tx.motion(&self.motion).await?.is_some(),
            ..MotionFacts::default()
        };
        match &self.subject {
            Subject::Nominate { unit, contenders } => {
                if let Some(c) = &conference_row {
                    facts.unit_in_branch = tx.territory_path(unit).await?.contains(&c.branch);
                    if let Some(n) = tx.party_nomination(&c.party, unit).await? {
                        facts.unit_nominee = Some(nominee_name(tx, &n).await?);
                    }
                }
                for contender in contenders {
                    let member = tx.member_facts(&contender.member).await?;
                    let person = tx.person(&contender.person).await?;
                    // Only live, and only for a member whose record is there (an erased
                    // member is refused by its public facts).
                    let record_matches = if ctx.replaying() || member.is_none() {
                        None
                    } else {
                        match (tx.member_record(&contender.member).await?, &person) {
                            (Some(r), Some(p)) => Some(
                                r.identity_key()
                                    == identity_key(
                                        &p.surname,
                                        &p.given_name,
                                        &p.patronymic,
                                        p.birth_date,
                                    ),
                            ),
                            _ => None,
                        }
                    };
                    facts.contenders.push(ContenderFacts {
                        member,
                        person_exists: person.is_some(),
                        record_matches,
                    });
                }
            }
            Subject::ElectDelegates { members, .. } => {
                for m in members {
                    facts.members.push(tx.member_facts(m).await?);
                }
            }
            _ => {}
        }
        // i13-pipeline: no conference before its delegates are elected, no regional conference
        // before the district and city conferences of its region (seed 003).
        if let (Some(row), Some(c)) = (&conference_row, &conference) {
            pipeline::check_conference_order(tx, row, c.elected).await?;
        }
        let subject = validate_motion(conference.as_ref(), &self.subject, &facts, ctx.edition)?;
        let contenders: Vec<u32> = (0..subject.contenders()).collect();
        tx.insert_motion(
            &self.motion,
            &self.conference,
            &subject,
            self.mode,
            &contenders,
            ctx.at_ms,
        )
        .await?;
        Ok(())
    }
}

impl Handler for RecordVote {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        match tx.motion(&self.motion).await? {
            Some(m) => conference_target(tx, &m.conference).await,
            None => Ok(Target::default().missing("motion", PartyRule::MotionMissing.into())),
        }
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let motion = tx.motion(&self.motion).await?;
        let state = motion.as_ref().map(|m| MotionState {
            decided: m.decided,
            next_round: m.next_round,
        });
        validate_round(state.as_ref(), self.round)?;
        let Some(motion) = motion else {
            return Err(invalid("motion", PartyRule::MotionMissing));
        };
        let (Some(conference), Some(facts)) = (
            tx.conference(&motion.conference).await?,
            tx.conference_facts(&motion.conference).await?,
        ) else {
            return Err(invalid("conference", PartyRule::ConferenceMissing));
        };
        let vote_facts = VoteFacts {
            elected: u32::try_from(facts.roster.len()).unwrap_or(u32::MAX),
            present: &facts.present,
            contenders: u32::try_from(motion.round_contenders.len()).unwrap_or(u32::MAX),
            mode: motion.mode,
            final_round: self.round >= 2,
        };
        let decision = decide(&conference.rules, &vote_facts, &self.tally)?;
        let (next_round, round_contenders, decided, adopted) = match decision.outcome {
            Outcome::Adopted { winner } => {
                let original = motion
                    .round_contenders
                    .get(winner as usize)
                    .copied()
                    .unwrap_or(winner);
                (
                    self.round,
                    motion.round_contenders.clone(),
                    true,
                    Some(original),
                )
            }
            Outcome::NotAdopted { .. } => (self.round, motion.round_contenders.clone(), true, None),
            Outcome::SecondRound { between } => {
                let pick = |i: u32| {
                    motion
                        .round_contenders
                        .get(i as usize)
                        .copied()
                        .unwrap_or(i)
                };
                (
                    self.round + 1,
                    vec![pick(between[0]), pick(between[1])],
                    false,
                    None,
                )
            }
        };
        // What an adopted motion changes besides itself.
        if let Some(winner) = adopted {
            match &motion.subject {
                Subject::Presidium {
                    chair,
                    secretary,
                    counting_commission,
                } => {
                    tx.set_presidium(&conference.id, *chair, *secretary, counting_commission)
                        .await?;
                }
                Subject::Nominate { unit, contenders } => {
                    if let Some(n) = tx.party_nomination(&conference.party, unit).await? {
                        let name = nominee_name(tx, &n).await?;
                        return Err(invalid("unit", PartyRule::UnitNominated { name }));
                    }
                    let Some(c) = contenders.get(winner as usize) else {
                        return Err(invalid("votes_for", PartyRule::TallyShape { expected: 1 }));
                    };
                    tx.insert_party_nomination(&NominationRow {
                        party: conference.party.clone(),
                        unit: unit.clone(),
                        motion: motion.id,
                        member: c.member,
                        person: c.person,
                        at_ms: ctx.at_ms,
                    })
                    .await?;
                }
                _ => {}
            }
        }
        tx.record_round(
            &self.motion,
            self.round,
            &self.tally,
            &decision,
            ctx.at_ms,
            next_round,
            &round_contenders,
            decided,
            adopted,
        )
        .await?;
        Ok(())
    }
}

/// Compares one table's rows between the live database and the replay; names the first that
/// differs.
pub(crate) fn table<T: PartialEq + std::fmt::Debug>(
    name: &str,
    live: &[T],
    replay: &[T],
) -> Result<(), String> {
    if live.len() != replay.len() {
        return Err(format!(
            "table {name} holds {} rows, the ledger gives {}",
            live.len(),
            replay.len()
        ));
    }
    match live.iter().zip(replay).position(|(a, b)| a != b) {
        Some(i) => Err(format!(
            "table {name}, row {}: differs from the ledger's",
            i + 1
        )),
        None => Ok(()),
    }
}

/// Names the first party table whose rows differ between the live database and the replay.
pub(crate) fn compare_replay(
    live: &sailau_storage::party::PartyDump,
    replay: &sailau_storage::party::PartyDump,
) -> Result<(), String> {
    table("party_members", &live.members, &replay.members)?;
    table("party_conference_counts", &live.counts, &replay.counts)?;
    table("party_conferences", &live.conferences, &replay.conferences)?;
    table("party_delegates", &live.delegates, &replay.delegates)?;
    table("party_motions", &live.motions, &replay.motions)?;
    table("party_votes", &live.votes, &replay.votes)?;
    table("party_nominations", &live.nominations, &replay.nominations)?;
    Ok(())
}

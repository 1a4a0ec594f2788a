//! How each elections command finds its target and facts, and what it writes. The rules are the
//! domain's (`sailau_domain::elections`); "now" is the command's instant.

use jiff::Timestamp;
use sailau_domain::elections::{
    ApplySelfNomination, AttachDocument, CallElection, CallFacts, CancelRegistration, Contest,
    ContestId, Election, NominateByParty, Nomination, NominationFacts, NominationId,
    ProduceBallots, ProposeByHigherAkim, RecordDeposit, RefuseRegistration, RegisterCandidate,
    Status, TickDocument, UnitFacts,
};
use sailau_domain::{Person, Rule, Target, ValidationErrors};
use sailau_storage::Tx;

use crate::AppError;
use crate::execute::{Ctx, Handler};

/// The command's instant.
pub(crate) fn now_of(ctx: &Ctx<'_>) -> Result<Timestamp, AppError> {
    Timestamp::from_millisecond(ctx.at_ms)
        .map_err(|_| AppError::Date(sailau_domain::date::DateError::OutOfRange(ctx.at_ms)))
}

/// A contest and its election, or the refusal naming `field`.
pub(super) async fn contest_and_election(
    tx: &mut Tx,
    id: &ContestId,
    field: &str,
) -> Result<(Contest, Election), AppError> {
    let contest = tx
        .contest(id)
        .await?
        .ok_or_else(|| ValidationErrors::one(field, Rule::ContestMissing))?;
    let election = tx
        .election(&contest.election)
        .await?
        .ok_or_else(|| ValidationErrors::one(field, Rule::ElectionMissing))?;
    Ok((contest, election))
}

/// A nomination with its contest and election, or the refusal on `nomination`.
async fn nomination_in(
    tx: &mut Tx,
    id: &NominationId,
) -> Result<(Nomination, Contest, Election), AppError> {
    let n = tx
        .nomination(id)
        .await?
        .ok_or_else(|| ValidationErrors::one("nomination", Rule::NominationMissing))?;
    let (c, e) = contest_and_election(tx, &n.contest, "nomination").await?;
    Ok((n, c, e))
}

/// What a command on a contest touches: the unit's territory path.
pub(super) async fn contest_target(tx: &mut Tx, id: &ContestId) -> Result<Target, AppError> {
    match tx.contest(id).await? {
        Some(c) => Ok(Target {
            territory_path: tx.territory_path(&c.unit).await?,
            ..Target::default()
        }),
        None => Ok(Target::default().missing("contest", Rule::ContestMissing)),
    }
}

/// What a command on a nomination touches: the unit's territory path, the nominating party and
/// the candidate.
async fn nomination_target(tx: &mut Tx, id: &NominationId) -> Result<Target, AppError> {
    let Some(n) = tx.nomination(id).await? else {
        return Ok(Target::default().missing("nomination", Rule::NominationMissing));
    };
    let mut t = contest_target(tx, &n.contest).await?;
    t.party = n.route.party().cloned();
    t.person = Some(n.candidate.person.id);
    Ok(t)
}

/// The facts of a new nomination of `person` in `contest`.
async fn nomination_facts(
    tx: &mut Tx,
    id: &NominationId,
    contest: &Contest,
    person: &Person,
    party: Option<&sailau_domain::PartyCode>,
) -> Result<NominationFacts, AppError> {
    let others = tx.contest_nominations(&contest.id).await?;
    let standing = |n: &&Nomination| n.status.is_active();
    Ok(NominationFacts {
        id_taken: tx.nomination(id).await?.is_some(),
        person: tx.person(&person.id).await?,
        person_stands: others
            .iter()
            .filter(standing)
            .any(|n| n.candidate.person.id == person.id),
        party_exists: match party {
            Some(p) => tx.party(p).await?.is_some(),
            None => true,
        },
        party_has_nominee: party.is_some_and(|p| {
            others
                .iter()
                .filter(standing)
                .any(|n| n.route.party() == Some(p))
        }),
        incumbent_declared: others
            .iter()
            .filter(standing)
            .any(|n| n.candidate.incumbent),
        registered: others
            .iter()
            .filter(|n| matches!(n.status, Status::Registered { .. }))
            .count() as u64,
    })
}

/// Writes a new nomination (and its person, when new to the registry).
async fn write_new(
    tx: &mut Tx,
    ctx: &Ctx<'_>,
    (n, new_person): (Nomination, bool),
) -> Result<(), AppError> {
    if new_person {
        tx.insert_person(&n.candidate.person).await?;
    }
    tx.insert_nomination(&n, ctx.at_ms).await?;
    Ok(())
}

impl Handler for CallElection {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        Ok(match &self.territory {
            Some(t) => {
                let path = tx.territory_path(t).await?;
                if path.is_empty() {
                    Target::default().missing("territory", Rule::TerritoryMissing)
                } else {
                    Target {
                        territory_path: path,
                        ..Target::default()
                    }
                }
            }
            None => Target::default(),
        })
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let day = self.election_day.to_string();
        let mut units = Vec::with_capacity(self.contests.len());
        let mut contest_ids_taken = Vec::new();
        for c in &self.contests {
            if tx.contest(&c.id).await?.is_some() {
                contest_ids_taken.push(c.id);
            }
            units.push(match tx.territory(&c.unit).await? {
                Some(t) => Some(UnitFacts {
                    kind: t.kind,
                    path: tx.territory_path(&c.unit).await?,
                    voters: tx.subtree_voters(&c.unit).await?,
                    busy: tx.unit_busy(&c.unit, &day).await?,
                }),
                None => None,
            });
        }
        let facts = CallFacts {
            id_taken: tx.election(&self.election).await?.is_some(),
            contest_ids_taken,
            territory_exists: match &self.territory {
                Some(t) => tx.territory(t).await?.is_some(),
                None => true,
            },
            units,
        };
        let (election, contests) = self.validate(&facts, now_of(ctx)?, ctx.edition)?;
        tx.insert_election(&election, ctx.at_ms).await?;
        for c in &contests {
            tx.insert_contest(c, &day).await?;
        }
        Ok(())
    }
}

/// Files a new nomination in `contest`: looks up the contest, its election and the facts of the
/// nominee, lets `validate` decide, and writes what it returns.
async fn file_nomination(
    tx: &mut Tx,
    ctx: &Ctx<'_>,
    (id, contest, person, party): (
        &NominationId,
        &ContestId,
        &Person,
        Option<&sailau_domain::PartyCode>,
    ),
    validate: impl FnOnce(
        &Contest,
        &Election,
        &NominationFacts,
        Timestamp,
    ) -> Result<(Nomination, bool), ValidationErrors>,
) -> Result<(), AppError> {
    let (contest, election) = contest_and_election(tx, contest, "contest").await?;
    let facts = nomination_facts(tx, id, &contest, person, party).await?;
    let out = validate(&contest, &election, &facts, now_of(ctx)?)?;
    write_new(tx, ctx, out).await
}

/// Changes an existing nomination: looks it up with its contest and election, lets `decide`
/// make the new nomination, and writes it.
async fn update_nomination(
    tx: &mut Tx,
    ctx: &Ctx<'_>,
    id: &NominationId,
    decide: impl FnOnce(
        &Nomination,
        &Contest,
        &Election,
        Timestamp,
    ) -> Result<Nomination, ValidationErrors>,
) -> Result<(), AppError> {
    let (n, contest, election) = nomination_in(tx, id).await?;
    let out = decide(&n, &contest, &election, now_of(ctx)?)?;
    tx.update_nomination(&out).await?;
    Ok(())
}

/// The nominating party of a command that files a nomination (none but for a party's).
trait Filing {
    fn party(&self) -> Option<&sailau_domain::PartyCode> {
        None
    }
}

impl Filing for NominateByParty {
    fn party(&self) -> Option<&sailau_domain::PartyCode> {
        Some(&self.party)
    }
}
impl Filing for ApplySelfNomination {}
impl Filing for ProposeByHigherAkim {}

/// `impl Handler` for a command that files a nomination: its target is the contest's unit, the
/// nominee and the nominating party ([`Filing`]).
macro_rules! filing_handler {
    ($cmd:ty) => {
        impl Handler for $cmd {
            async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
                let mut t = contest_target(tx, &self.contest).await?;
                t.party = Filing::party(self).cloned();
                t.person = Some(self.candidate.person.id);
                Ok(t)
            }

            async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
                let key = (
                    &self.nomination,
                    &self.contest,
                    &self.candidate.person,
                    Filing::party(self),
                );
                file_nomination(tx, ctx, key, |c, e, facts, now| {
                    self.validate(c, e, facts, now, ctx.edition)
                })
                .await
            }
        }
    };
}

filing_handler!(NominateByParty);
filing_handler!(ApplySelfNomination);
filing_handler!(ProposeByHigherAkim);

/// `impl Handler` for a command on an existing nomination: its target is the nomination's unit,
/// party and candidate; `apply` is the given body with the command bound to `$this`.
macro_rules! nomination_handler {
    ($cmd:ty, |$this:ident, $tx:ident, $ctx:ident| $apply:block) => {
        impl Handler for $cmd {
            async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
                nomination_target(tx, &self.nomination).await
            }

            async fn apply(&self, $tx: &mut Tx, $ctx: &Ctx<'_>) -> Result<(), AppError> {
                let $this = self;
                $apply
            }
        }
    };
}

nomination_handler!(AttachDocument, |cmd, tx, ctx| {
    let (n, contest, election) = nomination_in(tx, &cmd.nomination).await?;
    let out = cmd.validate(&n, &contest, &election, now_of(ctx)?)?;
    // Live, the bytes must be exactly the file the entry records; on replay there are none.
    if let Some(bytes) = ctx.blob()? {
        if !cmd.file.matches(bytes) {
            return Err(ValidationErrors::one("file", Rule::AttachmentMismatch).into());
        }
        tx.insert_attachment(&cmd.file, bytes).await?;
    }
    tx.update_nomination(&out).await?;
    Ok(())
});

nomination_handler!(TickDocument, |cmd, tx, ctx| {
    update_nomination(tx, ctx, &cmd.nomination, |n, c, e, now| {
        cmd.validate(n, c, e, now)
    })
    .await
});

nomination_handler!(RecordDeposit, |cmd, tx, ctx| {
    update_nomination(tx, ctx, &cmd.nomination, |n, c, e, now| {
        cmd.validate(n, c, e, now, ctx.edition)
    })
    .await
});

nomination_handler!(RegisterCandidate, |cmd, tx, ctx| {
    let (n, contest, election) = nomination_in(tx, &cmd.nomination).await?;
    let number = tx.next_registration_number(&contest.id).await?;
    let out = cmd.validate(&n, &contest, &election, number, now_of(ctx)?)?;
    tx.update_nomination(&out).await?;
    Ok(())
});

nomination_handler!(RefuseRegistration, |cmd, tx, ctx| {
    update_nomination(tx, ctx, &cmd.nomination, |n, c, e, now| {
        cmd.validate(n, c, e, now, ctx.edition)
    })
    .await
});

nomination_handler!(CancelRegistration, |cmd, tx, ctx| {
    let (n, contest, election) = nomination_in(tx, &cmd.nomination).await?;
    let (out, contest_after) = cmd.validate(&n, &contest, &election, now_of(ctx)?, ctx.edition)?;
    tx.update_nomination(&out).await?;
    if contest_after != contest {
        tx.update_contest(&contest_after).await?;
    }
    Ok(())
});

impl Handler for ProduceBallots {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        contest_target(tx, &self.contest).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let (contest, election) = contest_and_election(tx, &self.contest, "contest").await?;
        let registered = tx
            .contest_nominations(&contest.id)
            .await?
            .iter()
            .filter(|n| matches!(n.status, Status::Registered { .. }))
            .count();
        let out = self.validate(&contest, &election, registered, now_of(ctx)?)?;
        tx.update_contest(&out).await?;
        Ok(())
    }
}

//! Election day in the app (issue 12, branch i12-day): the handlers of `report_turnout`,
//! `enter_protocol`, `amend_protocol`, `attach_protocol_scan` and `record_observer_copy`, and
//! the reads tabulation and the pages need (accepted protocols, a precinct's protocol with its
//! versions, entries, copies and scans, turnout per time).
//!
//! A command names its election and precinct; the precinct's contest is the election's contest
//! whose unit contains the precinct's territory. Authorization sees the precinct and its
//! territory path (a precinct commission on its precincts, a territorial commission in its
//! subtree, an accredited observer in its territory).

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use sailau_domain::elections::protocol::{
    AmendProtocol, AttachProtocolScan, DayRule, Difference, EnterProtocol, Entered, ProtocolFacts,
    ProtocolNumbers, ProtocolState, RecordObserverCopy, differences,
};
use sailau_domain::elections::turnout::{ReportTurnout, TurnoutFacts};
use sailau_domain::elections::{Contest, ContestId, Election, ElectionId, Status};
use sailau_domain::{
    CommandKind, FieldError, Precinct, PrecinctRef, Rule, Target, TerritoryCode, ValidationErrors,
};
use sailau_storage::Tx;
use sailau_storage::election_day::{
    NewTurnout, ObserverCopy, ProtocolEntry, ProtocolScan, ProtocolVersion, STATUS_ACCEPTED,
    STATUS_PENDING, StoredProtocol, TurnoutRow,
};
use serde::Serialize;

use super::handlers::now_of;
use crate::execute::{Ctx, Handler};
use crate::{App, AppError};

/// Where an election-day command acts: the election, the precinct's contest, the precinct and
/// its territory path.
struct Place {
    election: Arc<Election>,
    contest: Arc<Contest>,
    precinct: Precinct,
    path: Vec<TerritoryCode>,
}

/// The contest whose unit contains a territory (`None`: the election has none there).
type ContestOnPath = Option<Arc<Contest>>;

/// What the election-day commands of one batch read alike (issue 12, measure 1: an import of
/// 10,000 protocols reads its election, its contests, their registered candidates and the
/// territories above the precincts once, not once per row): the election, each territory's
/// path, the contest on each path and each contest's registration numbers. No election-day
/// command changes any of them, so the batch keeps them until it applies a command of another
/// kind ([`DayMemo::keeps_after`]); precincts and protocols are read row by row.
#[derive(Default)]
pub(crate) struct DayMemo {
    elections: Mutex<HashMap<ElectionId, Arc<Election>>>,
    paths: Mutex<HashMap<TerritoryCode, Vec<TerritoryCode>>>,
    /// The contest on a territory's path, by (election, the precinct's territory).
    contests: Mutex<HashMap<(ElectionId, TerritoryCode), ContestOnPath>>,
    registered: Mutex<HashMap<ContestId, BTreeSet<u32>>>,
}

impl DayMemo {
    /// Whether what the memo holds is still true after a command of `kind` was applied: after
    /// an election-day command, yes; after any other (a registration, a new precinct, a
    /// deactivated account), the batch reads afresh.
    pub(crate) fn keeps_after(&self, kind: CommandKind) -> bool {
        matches!(
            kind,
            CommandKind::ReportTurnout
                | CommandKind::EnterProtocol
                | CommandKind::AmendProtocol
                | CommandKind::AttachProtocolScan
                | CommandKind::RecordObserverCopy
        )
    }

    /// Forgets everything.
    pub(crate) fn clear(&self) {
        locked(&self.elections).clear();
        locked(&self.paths).clear();
        locked(&self.contests).clear();
        locked(&self.registered).clear();
    }
}

use crate::locked;

/// The place of `(election, precinct)`, or what is missing as the field and rule to report;
/// through the batch's memo when there is one.
async fn place(
    tx: &mut Tx,
    memo: Option<&DayMemo>,
    election: &ElectionId,
    p: &PrecinctRef,
) -> Result<Result<Place, FieldError>, AppError> {
    let known = memo.and_then(|m| locked(&m.elections).get(election).cloned());
    let e = match known {
        Some(e) => e,
        None => {
            let Some(e) = tx.election(election).await? else {
                return Ok(Err(FieldError::new("election", Rule::ElectionMissing)));
            };
            let e = Arc::new(e);
            if let Some(m) = memo {
                locked(&m.elections).insert(*election, e.clone());
            }
            e
        }
    };
    let Some(precinct) = tx.precinct(p).await? else {
        return Ok(Err(FieldError::new("precinct", Rule::PrecinctMissing)));
    };
    let territory = &precinct.territory_code;
    let known = memo.and_then(|m| locked(&m.paths).get(territory).cloned());
    let path = match known {
        Some(path) => path,
        None => {
            let path = tx.territory_path(territory).await?;
            if let Some(m) = memo {
                locked(&m.paths).insert(territory.clone(), path.clone());
            }
            path
        }
    };
    let key = (*election, territory.clone());
    let known = memo.and_then(|m| locked(&m.contests).get(&key).cloned());
    let contest = match known {
        Some(c) => c,
        None => {
            let c = match tx.contest_on_path(election, &path).await? {
                Some(id) => tx.contest(&id).await?.map(Arc::new),
                None => None,
            };
            if let Some(m) = memo {
                locked(&m.contests).insert(key, c.clone());
            }
            c
        }
    };
    let Some(contest) = contest else {
        return Ok(Err(FieldError::new(
            "precinct",
            DayRule::PrecinctOutsideElection.into(),
        )));
    };
    Ok(Ok(Place {
        election: e,
        contest,
        precinct,
        path,
    }))
}

/// The target of a command on `(election, precinct)`.
async fn day_target(
    tx: &mut Tx,
    memo: Option<&DayMemo>,
    election: &ElectionId,
    p: &PrecinctRef,
) -> Result<Target, AppError> {
    Ok(match place(tx, memo, election, p).await? {
        Ok(pl) => Target {
            territory_path: pl.path,
            precinct: Some(p.clone()),
            ..Target::default()
        },
        Err(fe) => Target::default().missing(&fe.field, fe.rule),
    })
}

/// The place, or the refusal.
async fn place_or_refuse(
    tx: &mut Tx,
    ctx: &Ctx<'_>,
    election: &ElectionId,
    p: &PrecinctRef,
) -> Result<Place, AppError> {
    place(tx, ctx.day, election, p)
        .await?
        .map_err(|fe| AppError::from(ValidationErrors(vec![fe])))
}

/// The registration numbers of a contest's registered candidates.
async fn registered(
    tx: &mut Tx,
    memo: Option<&DayMemo>,
    contest: &Contest,
) -> Result<BTreeSet<u32>, AppError> {
    if let Some(known) = memo.and_then(|m| locked(&m.registered).get(&contest.id).cloned()) {
        return Ok(known);
    }
    let numbers: BTreeSet<u32> = tx
        .contest_nominations(&contest.id)
        .await?
        .iter()
        .filter_map(|n| match n.status {
            Status::Registered { number } => Some(number),
            _ => None,
        })
        .collect();
    if let Some(m) = memo {
        locked(&m.registered).insert(contest.id, numbers.clone());
    }
    Ok(numbers)
}

/// The protocol's state as the domain sees it, for the acting account.
async fn protocol_facts(
    tx: &mut Tx,
    pl: &Place,
    ctx: &Ctx<'_>,
) -> Result<(ProtocolFacts, Vec<ProtocolEntry>), AppError> {
    let p = pl.precinct.reference();
    let stored = tx.protocol(&pl.election.id, &p).await?;
    let entries = tx.protocol_entries(&pl.election.id, &p).await?;
    let state = match stored {
        Some(s) if s.status == STATUS_ACCEPTED => ProtocolState::Accepted {
            version: s.version,
            numbers: s.numbers.unwrap_or_default(),
        },
        _ if entries.is_empty() => ProtocolState::Empty,
        _ => ProtocolState::Pending(
            entries
                .iter()
                .map(|e| (e.numbers.clone(), e.entered_by == ctx.actor))
                .collect(),
        ),
    };
    Ok((
        ProtocolFacts {
            registered: registered(tx, ctx.day, &pl.contest).await?,
            state,
        },
        entries,
    ))
}

impl Handler for ReportTurnout {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        day_target(tx, None, &self.election, &self.precinct).await
    }

    async fn target_in(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<Target, AppError> {
        day_target(tx, ctx.day, &self.election, &self.precinct).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let pl = place_or_refuse(tx, ctx, &self.election, &self.precinct).await?;
        let facts = TurnoutFacts {
            voters: u64::from(pl.precinct.voters),
            reports: tx.precinct_turnout(&self.election, &self.precinct).await?,
        };
        self.validate(&pl.election, &pl.contest, &facts, now_of(ctx)?)?;
        tx.insert_turnout(&NewTurnout {
            election: &self.election,
            row: TurnoutRow {
                contest: pl.contest.id,
                precinct: self.precinct.clone(),
                at: self.at.clone(),
                voted: self.voted,
                voters: facts.voters,
                reported_at_ms: ctx.at_ms,
            },
        })
        .await?;
        Ok(())
    }
}

impl Handler for EnterProtocol {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        day_target(tx, None, &self.election, &self.precinct).await
    }

    async fn target_in(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<Target, AppError> {
        day_target(tx, ctx.day, &self.election, &self.precinct).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let pl = place_or_refuse(tx, ctx, &self.election, &self.precinct).await?;
        let (facts, entries) = protocol_facts(tx, &pl, ctx).await?;
        let outcome = self.validate(&pl.election, &pl.contest, &facts, now_of(ctx)?)?;
        let double = !matches!(facts.state, ProtocolState::Empty)
            || matches!(outcome, Entered::Pending { .. });
        let numbers = match &outcome {
            Entered::Accepted(n) | Entered::Pending { numbers: n, .. } => n,
        };
        if double {
            let seq = u32::try_from(entries.len())
                .unwrap_or(u32::MAX)
                .saturating_add(1);
            tx.insert_protocol_entry(
                &self.election,
                &self.precinct,
                &ProtocolEntry {
                    seq,
                    entered_by: ctx.actor.clone(),
                    numbers: numbers.clone(),
                    entered_at_ms: ctx.at_ms,
                },
            )
            .await?;
        }
        let accepted = matches!(outcome, Entered::Accepted(_));
        if accepted {
            tx.insert_protocol_version(
                &self.election,
                &self.precinct,
                &ProtocolVersion {
                    version: 1,
                    numbers: numbers.clone(),
                    reason: None,
                    recorded_by: ctx.actor.clone(),
                    recorded_at_ms: ctx.at_ms,
                },
            )
            .await?;
        }
        tx.put_protocol(&StoredProtocol {
            election: self.election,
            contest: pl.contest.id,
            precinct: self.precinct.clone(),
            status: if accepted {
                STATUS_ACCEPTED
            } else {
                STATUS_PENDING
            }
            .to_owned(),
            version: u32::from(accepted),
            numbers: accepted.then(|| numbers.clone()),
            accepted_at_ms: accepted.then_some(ctx.at_ms),
            updated_at_ms: ctx.at_ms,
        })
        .await?;
        Ok(())
    }
}

impl Handler for AmendProtocol {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        day_target(tx, None, &self.election, &self.precinct).await
    }

    async fn target_in(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<Target, AppError> {
        day_target(tx, ctx.day, &self.election, &self.precinct).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let pl = place_or_refuse(tx, ctx, &self.election, &self.precinct).await?;
        let (facts, _) = protocol_facts(tx, &pl, ctx).await?;
        let (version, numbers) = self.validate(&pl.election, &facts, ctx.edition)?;
        tx.insert_protocol_version(
            &self.election,
            &self.precinct,
            &ProtocolVersion {
                version,
                numbers: numbers.clone(),
                reason: Some(self.reason.clone()),
                recorded_by: ctx.actor.clone(),
                recorded_at_ms: ctx.at_ms,
            },
        )
        .await?;
        let accepted_at_ms = tx
            .protocol(&self.election, &self.precinct)
            .await?
            .and_then(|p| p.accepted_at_ms);
        tx.put_protocol(&StoredProtocol {
            election: self.election,
            contest: pl.contest.id,
            precinct: self.precinct.clone(),
            status: STATUS_ACCEPTED.to_owned(),
            version,
            numbers: Some(numbers),
            accepted_at_ms,
            updated_at_ms: ctx.at_ms,
        })
        .await?;
        Ok(())
    }
}

impl Handler for AttachProtocolScan {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        day_target(tx, None, &self.election, &self.precinct).await
    }

    async fn target_in(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<Target, AppError> {
        day_target(tx, ctx.day, &self.election, &self.precinct).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let pl = place_or_refuse(tx, ctx, &self.election, &self.precinct).await?;
        self.validate(&pl.election, &pl.contest, now_of(ctx)?)?;
        // Live, the bytes must be exactly the file the entry records; on replay there are none.
        if let Some(bytes) = ctx.blob()? {
            if !self.file.matches(bytes) {
                return Err(ValidationErrors::one("file", Rule::AttachmentMismatch).into());
            }
            tx.insert_attachment(&self.file, bytes).await?;
        }
        tx.insert_protocol_scan(
            &self.election,
            &self.precinct,
            &ProtocolScan {
                file: self.file.clone(),
                attached_at_ms: ctx.at_ms,
            },
        )
        .await?;
        Ok(())
    }
}

impl Handler for RecordObserverCopy {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        day_target(tx, None, &self.election, &self.precinct).await
    }

    async fn target_in(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<Target, AppError> {
        day_target(tx, ctx.day, &self.election, &self.precinct).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let pl = place_or_refuse(tx, ctx, &self.election, &self.precinct).await?;
        let reg = registered(tx, ctx.day, &pl.contest).await?;
        let numbers = self.validate(&pl.election, &pl.contest, &reg, now_of(ctx)?)?;
        tx.insert_observer_copy(
            &self.election,
            &self.precinct,
            &ctx.actor,
            &numbers,
            ctx.at_ms,
        )
        .await?;
        Ok(())
    }
}

/// An observer's copy with its differences from the accepted protocol's current version.
#[derive(Debug, Clone, Serialize)]
pub struct CopyView {
    /// Its order among the precinct's copies, from 1.
    pub seq: u32,
    /// The observer's username.
    pub observer: String,
    /// The numbers on the copy.
    pub numbers: ProtocolNumbers,
    /// When recorded, ms since the Unix epoch.
    pub recorded_at_ms: i64,
    /// Lines where the copy (second) differs from the accepted protocol (first); empty when
    /// they agree or nothing is accepted yet.
    pub differences: Vec<Difference>,
}

/// A version of an accepted protocol with its differences from the version before.
#[derive(Debug, Clone, Serialize)]
pub struct VersionView {
    /// 1 for the accepted protocol, then +1 per amendment.
    pub version: u32,
    /// Its numbers.
    pub numbers: ProtocolNumbers,
    /// The amendment's reason (`None` for version 1).
    pub reason: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When, ms since the Unix epoch.
    pub recorded_at_ms: i64,
    /// Lines changed from the previous version (first: before, second: after).
    pub differences: Vec<Difference>,
}

/// One double-entry entry.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    /// Its order, from 1.
    pub seq: u32,
    /// Who entered it.
    pub entered_by: String,
    /// The numbers.
    pub numbers: ProtocolNumbers,
    /// When, ms since the Unix epoch.
    pub entered_at_ms: i64,
}

/// A scan of the signed protocol.
#[derive(Debug, Clone, Serialize)]
pub struct ScanView {
    /// SHA-256, lowercase hex (the attachment's download key).
    pub sha256: String,
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// When attached, ms since the Unix epoch.
    pub attached_at_ms: i64,
}

/// Everything known of one precinct's protocol: public (no personal data).
#[derive(Debug, Clone, Serialize)]
pub struct ProtocolView {
    /// The election.
    pub election: ElectionId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// `none`, `pending` or `accepted`.
    pub status: String,
    /// The current version (0: none accepted).
    pub version: u32,
    /// The current numbers (accepted), if any.
    pub numbers: Option<ProtocolNumbers>,
    /// The versions, oldest first.
    pub versions: Vec<VersionView>,
    /// Double-entry entries, oldest first.
    pub entries: Vec<EntryView>,
    /// Double entry: lines where the last two entries differ (empty once accepted).
    pub entry_differences: Vec<Difference>,
    /// Observers' copies with their differences from the accepted protocol.
    pub observer_copies: Vec<CopyView>,
    /// Scans of the signed paper protocol.
    pub scans: Vec<ScanView>,
}

impl App {
    /// One precinct's protocol with its versions (and the differences between them), its
    /// double-entry entries, observers' copies (flagged where they differ) and scans.
    pub async fn protocol_view(
        &self,
        election: &ElectionId,
        precinct: &PrecinctRef,
    ) -> Result<ProtocolView, AppError> {
        // An election or a polling station that does not exist has no protocol to show, not
        // an empty one.
        if self.store.election(election).await?.is_none() {
            return Err(AppError::NotFound(
                crate::Thing::Election,
                election.to_string(),
            ));
        }
        if self.store.precinct(precinct).await?.is_none() {
            return Err(AppError::NotFound(
                crate::Thing::Precinct,
                precinct.to_string(),
            ));
        }
        let stored = self.store.protocol(election, precinct).await?;
        let versions = self.store.protocol_versions(election, precinct).await?;
        let entries = self.store.protocol_entries(election, precinct).await?;
        let copies: Vec<ObserverCopy> = self.store.observer_copies(election, precinct).await?;
        let scans = self.store.protocol_scans(election, precinct).await?;
        let current = stored.as_ref().and_then(|s| s.numbers.clone());
        let mut version_views = Vec::new();
        let mut before: Option<&ProtocolNumbers> = None;
        for v in &versions {
            version_views.push(VersionView {
                version: v.version,
                numbers: v.numbers.clone(),
                reason: v.reason.clone(),
                recorded_by: v.recorded_by.clone(),
                recorded_at_ms: v.recorded_at_ms,
                differences: before
                    .map(|b| differences(b, &v.numbers))
                    .unwrap_or_default(),
            });
            before = Some(&v.numbers);
        }
        let accepted = stored.as_ref().is_some_and(|s| s.status == STATUS_ACCEPTED);
        let entry_differences = match (accepted, entries.len()) {
            (false, n) if n >= 2 => differences(&entries[n - 2].numbers, &entries[n - 1].numbers),
            _ => Vec::new(),
        };
        Ok(ProtocolView {
            election: *election,
            precinct: precinct.clone(),
            status: stored
                .as_ref()
                .map(|s| s.status.clone())
                .unwrap_or_else(|| "none".to_owned()),
            version: stored.as_ref().map(|s| s.version).unwrap_or(0),
            numbers: current.clone(),
            versions: version_views,
            entries: entries
                .into_iter()
                .map(|e| EntryView {
                    seq: e.seq,
                    entered_by: e.entered_by,
                    numbers: e.numbers,
                    entered_at_ms: e.entered_at_ms,
                })
                .collect(),
            entry_differences,
            observer_copies: copies
                .into_iter()
                .map(|c| CopyView {
                    differences: current
                        .as_ref()
                        .map(|a| differences(a, &c.numbers))
                        .unwrap_or_default(),
                    seq: c.seq,
                    observer: c.observer,
                    numbers: c.numbers,
                    recorded_at_ms: c.recorded_at_ms,
                })
                .collect(),
            scans: scans
                .into_iter()
                .map(|s| ScanView {
                    sha256: s.file.sha256,
                    media_type: s.file.media_type.as_str().to_owned(),
                    size: s.file.size,
                    attached_at_ms: s.attached_at_ms,
                })
                .collect(),
        })
    }

    /// The accepted protocols of an election (current versions), by region and precinct: what
    /// tabulation sums.
    pub async fn accepted_protocols(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<StoredProtocol>, AppError> {
        Ok(self.store.accepted_protocols(election).await?)
    }

    /// Every turnout report of an election, by time, region and precinct.
    pub async fn election_turnout(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<TurnoutRow>, AppError> {
        Ok(self.store.election_turnout(election).await?)
    }
}

//! Signature sheets in the app (issue 11, item 5): recording a batch of sheets (entered by form or
//! imported), erasing the signers' data after the retention period, and the
//! signature-verification protocol.
//!
//! Recording runs the domain's checks twice: once before the command is issued, to put the counts
//! and the salted hash in its ledger form, and again inside the command's transaction against the
//! facts as they are then; if they differ (the unit or the calendar changed in between), the
//! command is refused and nothing is written. The lines travel as the command's private data
//! ([`SignatureSheets`]) into the erasable `signature_lines` table; the ledger holds only counts
//! and the hash. Replay restores the counts and the nomination's summary, never the lines.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use jiff::civil::Date;
use rand::RngExt;
use sailau_domain::elections::iin::Iin;
use sailau_domain::elections::signatures::{
    CollectionDates, Counts, EraseSignatureData, Facts, Finding, Ground, RecordSignatureSheets,
    SIGNER_MIN_AGE, SignatureLine, SignatureSheets, canonical_lines, check_erase, check_record,
    erasable_from, validate_lines, verify,
};
use sailau_domain::elections::{
    Contest, Election, Nomination, NominationId, Phase, RuleSet, SignatureSummary, zones,
};
use sailau_domain::{
    CommandKind, Issued, Rule, Target, TerritoryCode, ValidationErrors, authorize,
};
use sailau_storage::{CheckedLine, NewBatch, Tx};
use sha2::{Digest, Sha256};

use super::signature_file::{SheetFile, read_sheets};
use crate::execute::{Acting, Applied, Ctx, Handler};
use crate::import::{ImportError, RowError};
use crate::{App, AppError};

pub use sailau_storage::{SignatureBatch, StoredLine};

/// What recording a batch gave: its ledger position, its counts and flagged lines, and the
/// nomination's summary after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureReport {
    /// The ledger entry.
    pub applied: Applied,
    /// This batch's counts per ground.
    pub counts: Counts,
    /// This batch's lines that do not count, with their grounds.
    pub findings: Vec<Finding>,
    /// The nomination's valid signatures over every batch, against the required number.
    pub summary: SignatureSummary,
}

/// One flagged line of the protocol (shown to the commission only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlaggedLine {
    /// The batch it came in (1, 2, ...).
    pub batch: u32,
    /// The line as entered.
    pub line: SignatureLine,
    /// Why it does not count, in the order of judgement (the first is the one it is counted
    /// under).
    pub grounds: Vec<Ground>,
}

/// The signature-verification protocol's data: plain values for a page (helper W) and a PDF
/// (helper D).
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureProtocol {
    /// The self-nomination.
    pub nomination: Nomination,
    /// Its contest (unit and voters).
    pub contest: Contest,
    /// The election (name, election day).
    pub election: Election,
    /// The rule set's share of the unit's voters, in percent.
    pub share_percent: f64,
    /// Valid signatures required (the share of the contest's voters, rounded up).
    pub required: u64,
    /// The counts of every batch added up.
    pub counts: Counts,
    /// Whether the valid signatures reach the required number.
    pub enough: bool,
    /// The batches in the order recorded (counts, hash, erasure).
    pub batches: Vec<SignatureBatch>,
    /// The collection window (local dates).
    pub collection: CollectionDates,
    /// The first day the signers' data may be erased.
    pub erasable_from: Date,
    /// The lines that do not count: `Some` for the commission (and the operator), `None` for the
    /// public, who see the counts only. Empty once erased.
    pub flagged: Option<Vec<FlaggedLine>>,
}

impl SignatureProtocol {
    /// Whether the signers' lines were erased.
    pub fn erased(&self) -> bool {
        !self.batches.is_empty() && self.batches.iter().all(|b| b.erased_at_ms.is_some())
    }
}

/// What a batch is checked against, looked up in a transaction.
struct SheetFacts {
    nomination: Nomination,
    unit: HashSet<TerritoryCode>,
    collection: CollectionDates,
    required: u64,
    earlier_iins: HashSet<String>,
    earlier_valid: u64,
    batches: u32,
}

fn missing() -> AppError {
    ValidationErrors::one("nomination", Rule::NominationMissing).into()
}

/// The nomination with its contest and election, or "no such nomination".
async fn nomination_of(
    tx: &mut Tx,
    id: &NominationId,
) -> Result<(Nomination, Contest, Election), AppError> {
    let nomination = tx.nomination(id).await?.ok_or_else(missing)?;
    let contest = tx.contest(&nomination.contest).await?.ok_or_else(missing)?;
    let election = tx.election(&contest.election).await?.ok_or_else(missing)?;
    Ok((nomination, contest, election))
}

/// The collection window of a contest as local dates: from the day it opens to the day it closes
/// (a window closing at 00:00 ends the day before).
fn collection_dates(
    contest: &Contest,
    election: &Election,
    rules: &RuleSet,
) -> Result<CollectionDates, AppError> {
    let calendar = contest.calendar(election, rules)?;
    let w = calendar
        .window(Phase::Signatures)
        .ok_or_else(|| ValidationErrors::one("nomination", Rule::SignaturesNotSelfNominated))?;
    let from = w.opens.as_ref().map_or(election.called_on, |o| o.date);
    let to = if w.closes.time == "00:00" {
        w.closes.date.yesterday().unwrap_or(w.closes.date)
    } else {
        w.closes.date
    };
    Ok(CollectionDates { from, to })
}

async fn facts(tx: &mut Tx, id: &NominationId, with_iins: bool) -> Result<SheetFacts, AppError> {
    let (nomination, contest, election) = nomination_of(tx, id).await?;
    let rules = election.rules()?;
    let collection = collection_dates(&contest, &election, &rules)?;
    let unit = tx.territory_subtree(&contest.unit).await?;
    let batches = tx.signature_batches(id.0).await?;
    let earlier_iins = if with_iins {
        tx.signature_iins(id.0).await?
    } else {
        HashSet::new()
    };
    Ok(SheetFacts {
        required: rules.signatures_required(contest.voters),
        earlier_valid: batches.iter().map(|b| u64::from(b.counts.valid)).sum(),
        batches: u32::try_from(batches.len()).unwrap_or(u32::MAX),
        nomination,
        unit,
        collection,
        earlier_iins,
    })
}

impl SheetFacts {
    fn verify(
        &self,
        lines: &[SignatureLine],
    ) -> sailau_domain::elections::signatures::Verification {
        verify(
            lines,
            &Facts {
                unit: &self.unit,
                window: self.collection,
                min_age: SIGNER_MIN_AGE,
                earlier: &self.earlier_iins,
            },
        )
    }
}

/// Lowercase hex SHA-256 of the salt followed by the canonical lines.
fn rows_sha256(salt: &[u8; 32], lines: &[SignatureLine]) -> String {
    let mut h = Sha256::new();
    h.update(salt);
    h.update(canonical_lines(lines));
    hex::encode(h.finalize())
}

/// What authorization needs: the territory path of the nomination's unit.
async fn target_of(tx: &mut Tx, id: &NominationId) -> Result<Target, AppError> {
    let unit = match tx.nomination(id).await? {
        Some(n) => tx.contest(&n.contest).await?.map(|c| c.unit),
        None => None,
    };
    Ok(match unit {
        Some(unit) => Target {
            territory_path: tx.territory_path(&unit).await?,
            ..Target::default()
        },
        None => Target::default().missing("nomination", Rule::NominationMissing),
    })
}

impl Handler for RecordSignatureSheets {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        target_of(tx, &self.nomination).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let sheets = ctx.signature_sheets()?;
        let f = facts(tx, &self.nomination, sheets.is_some()).await?;
        let summary = check_record(&f.nomination, f.earlier_valid, &self.counts, self.required)?;
        let batch = f.batches + 1;
        let Some(sheets) = sheets else {
            // Replay: the counts as recorded; the lines never were in the ledger.
            tx.insert_signature_batch(&NewBatch {
                nomination: self.nomination.0,
                batch,
                at_ms: ctx.at_ms,
                counts: &self.counts,
                threshold: self.required,
                rows_sha256: &self.rows_sha256,
                private: None,
            })
            .await?;
            return write_summary(tx, f.nomination, summary).await;
        };
        let v = f.verify(&sheets.lines);
        if v.counts != self.counts
            || f.required != self.required
            || rows_sha256(&sheets.salt, &sheets.lines) != self.rows_sha256
        {
            return Err(ValidationErrors::one("nomination", Rule::SignatureFactsChanged).into());
        }
        let mut grounds: HashMap<(u32, u32), Vec<Ground>> = v
            .findings
            .into_iter()
            .map(|f| ((f.sheet, f.line), f.grounds))
            .collect();
        let rows: Vec<CheckedLine> = sheets
            .lines
            .iter()
            .map(|l| CheckedLine {
                line: l.clone(),
                grounds: grounds.remove(&(l.sheet, l.line)).unwrap_or_default(),
                iin: Iin::parse(&l.iin).ok().map(String::from),
            })
            .collect();
        tx.insert_signature_batch(&NewBatch {
            nomination: self.nomination.0,
            batch,
            at_ms: ctx.at_ms,
            counts: &self.counts,
            threshold: self.required,
            rows_sha256: &self.rows_sha256,
            private: Some((&sheets.salt, &rows)),
        })
        .await?;
        write_summary(tx, f.nomination, summary).await
    }
}

async fn write_summary(
    tx: &mut Tx,
    mut nomination: Nomination,
    summary: SignatureSummary,
) -> Result<(), AppError> {
    nomination.signatures = Some(summary);
    tx.update_nomination(&nomination).await?;
    Ok(())
}

/// The local date of `at_ms` in the contest's zone.
fn local_day(contest: &Contest, at_ms: i64) -> Result<Date, AppError> {
    let tz = zones::named_zone(contest.zone())?;
    let at = Timestamp::from_millisecond(at_ms)
        .map_err(|_| sailau_domain::date::DateError::OutOfRange(at_ms))?;
    Ok(at.to_zoned(tz).date())
}

impl Handler for EraseSignatureData {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        target_of(tx, &self.nomination).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let (_, contest, election) = nomination_of(tx, &self.nomination).await?;
        let rules = election.rules()?;
        let from = erasable_from(election.election_day, rules.retention.signer_data_days);
        check_erase(local_day(&contest, ctx.at_ms)?, from)?;
        tx.erase_signature_lines(self.nomination.0, ctx.at_ms)
            .await?;
        Ok(())
    }
}

/// Rows refused by [`validate_lines`], as the app's row errors (position from 0).
fn rows_refused(bad: Vec<(usize, ValidationErrors)>) -> AppError {
    AppError::Rows(
        bad.into_iter()
            .map(|(i, e)| (i, AppError::Invalid(e)))
            .collect(),
    )
}

impl App {
    /// Checks a batch of signature-sheet lines (entered by form or read from a file) against the
    /// nomination's unit, collection window and earlier sheets, and records it: the counts and a
    /// salted hash in the ledger, the lines in the erasable table. Lines whose text breaks a rule
    /// (or a sheet and line given twice) refuse the whole batch, each named by its position
    /// ([`AppError::Rows`]); a malformed IIN, a signer under 18, from elsewhere, outside the window
    /// or signing twice is a finding of the protocol, not a refusal.
    pub async fn record_signature_sheets(
        &self,
        acting: &Acting,
        nomination: NominationId,
        lines: Vec<SignatureLine>,
    ) -> Result<SignatureReport, AppError> {
        let lines = validate_lines(&lines).map_err(rows_refused)?;
        // The facts as they are now, in a transaction that writes nothing (it is rolled back).
        let mut tx = self.store.begin().await?;
        self.authorize_sheets(&mut tx, acting, &nomination).await?;
        let f = facts(&mut tx, &nomination, true).await;
        tx.rollback().await?;
        let f = f?;
        let v = f.verify(&lines);
        let summary = check_record(&f.nomination, f.earlier_valid, &v.counts, f.required)?;
        let salt: [u8; 32] = rand::rng().random();
        let command = RecordSignatureSheets {
            nomination,
            counts: v.counts,
            required: f.required,
            rows_sha256: rows_sha256(&salt, &lines),
        };
        let applied = self
            .execute(
                acting,
                Issued::new(command, SignatureSheets { salt, lines }),
            )
            .await?;
        Ok(SignatureReport {
            applied,
            counts: v.counts,
            findings: v.findings,
            summary,
        })
    }

    /// Reads a CSV or XLSX file of signature sheets ([`read_sheets`]) and records it
    /// ([`App::record_signature_sheets`]). The account's permission is checked before the file is
    /// parsed; every bad row is reported with its line in the file.
    pub async fn import_signature_sheets(
        &self,
        acting: &Acting,
        nomination: NominationId,
        format: sailau_tabular::Format,
        bytes: Vec<u8>,
    ) -> Result<SignatureReport, ImportError> {
        {
            let mut tx = self
                .store
                .begin()
                .await
                .map_err(|e| ImportError::App(e.into()))?;
            let allowed = self.authorize_sheets(&mut tx, acting, &nomination).await;
            tx.rollback()
                .await
                .map_err(|e| ImportError::App(e.into()))?;
            allowed.map_err(ImportError::App)?;
        }
        let SheetFile {
            lines, file_lines, ..
        } = tokio::task::spawn_blocking(move || read_sheets(format, &bytes))
            .await
            .map_err(|e| ImportError::Read(e.to_string()))??;
        self.record_signature_sheets(acting, nomination, lines)
            .await
            .map_err(|e| match e {
                AppError::Rows(rows) => ImportError::Rows(
                    rows.into_iter()
                        .flat_map(|(i, e)| {
                            let line = file_lines.get(i).copied().unwrap_or(0);
                            match e {
                                AppError::Invalid(v) => {
                                    v.0.into_iter()
                                        .map(|f| RowError {
                                            line,
                                            field: f.field,
                                            message: f.rule.english(),
                                            rule: Some(f.rule),
                                        })
                                        .collect::<Vec<_>>()
                                }
                                other => vec![RowError {
                                    line,
                                    field: String::new(),
                                    rule: None,
                                    message: other.to_string(),
                                }],
                            }
                        })
                        .collect(),
                ),
                other => ImportError::App(other),
            })
    }

    /// Erases the signers' lines of a nomination (refused before the retention period ends).
    pub async fn erase_signature_data(
        &self,
        acting: &Acting,
        nomination: NominationId,
    ) -> Result<Applied, AppError> {
        self.execute(acting, EraseSignatureData { nomination })
            .await
    }

    /// Whether `acting` may act on the nomination's sheets (the policy of
    /// `record_signature_sheets`); the same decides who sees the flagged lines.
    async fn authorize_sheets(
        &self,
        tx: &mut Tx,
        acting: &Acting,
        nomination: &NominationId,
    ) -> Result<(), AppError> {
        let target = target_of(tx, nomination).await?;
        if let Some(m) = target.missing {
            return Err(ValidationErrors::one(&m.field, m.rule).into());
        }
        match crate::execute::refresh_acting(tx, acting).await? {
            Acting::Operator => Ok(()),
            Acting::Account(p) => {
                authorize(Some(&p), CommandKind::RecordSignatureSheets, &target)?;
                Ok(())
            }
            Acting::Voter => Err(sailau_domain::Denied::Anonymous.into()),
        }
    }

    /// The signature-verification protocol of a nomination. The flagged lines (signers' personal
    /// data) are given only to whoever may record the nomination's sheets (`acting`: `None` for
    /// the public). Reads outside any command transaction.
    pub async fn signature_protocol(
        &self,
        acting: Option<&Acting>,
        nomination: NominationId,
    ) -> Result<SignatureProtocol, AppError> {
        let store = &self.store;
        let n = store.nomination(&nomination).await?.ok_or_else(missing)?;
        let contest = store.contest(&n.contest).await?.ok_or_else(missing)?;
        let election = store
            .election(&contest.election)
            .await?
            .ok_or_else(missing)?;
        let rules = election.rules()?;
        let commission = match acting {
            None | Some(Acting::Voter) => false,
            Some(Acting::Operator) => true,
            Some(Acting::Account(p)) => {
                let mut path: Vec<TerritoryCode> = store
                    .territory_ancestors(&contest.unit)
                    .await?
                    .into_iter()
                    .map(|t| t.code)
                    .collect();
                path.push(contest.unit.clone());
                let target = Target {
                    territory_path: path,
                    ..Target::default()
                };
                authorize(Some(p), CommandKind::RecordSignatureSheets, &target).is_ok()
            }
        };
        let batches = store.signature_batches(nomination.0).await?;
        let counts = batches
            .iter()
            .fold(Counts::default(), |acc, b| acc.plus(&b.counts));
        let flagged = if commission {
            Some(
                store
                    .signature_lines(nomination.0, true)
                    .await?
                    .into_iter()
                    .map(|s| FlaggedLine {
                        batch: s.batch,
                        line: s.line,
                        grounds: s.grounds,
                    })
                    .collect(),
            )
        } else {
            None
        };
        let required = rules.signatures_required(contest.voters);
        Ok(SignatureProtocol {
            share_percent: rules.nomination.signature_share_percent,
            required,
            enough: u64::from(counts.valid) >= required,
            erasable_from: erasable_from(election.election_day, rules.retention.signer_data_days),
            collection: collection_dates(&contest, &election, &rules)?,
            counts,
            batches,
            flagged,
            nomination: n,
            contest,
            election,
        })
    }
}

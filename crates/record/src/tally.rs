//! Closing the election: the homomorphic tally, the trustees' decryption shares, and their combination into
//! published results.

use std::path::Path;

use rand_core::CryptoRng;
use sailau_vote::{
    DecryptionShare, DlogTable, ElectionResult, combine_decryption_shares, decryption_share,
    verify_decryption_share,
};

use crate::error::{RecordError, Result};
use crate::format::{BoardState, TallyRecord};
use crate::jsonl::{read_json, read_json_required, write_json_new};
use crate::progress::Progress;
use crate::record::Record;
use crate::verify::{Findings, ScanConfig, scan_board, superseded_sums};

/// Sums the last ballot of each credential on the board into `tally.json` (which closes the board). The board
/// checked every ballot when it accepted it; this pass re-checks the tracking-code chain and refuses to tally a
/// broken board.
pub fn tally(record: &Record, progress: &dyn Progress) -> Result<TallyRecord> {
    let ctx = record.open_context()?;
    let _lock = crate::board::BoardLock::acquire(record)?;
    let path = record.dir().tally();
    if path.exists() {
        return Err(RecordError::Exists {
            path,
            hint: "the election has already been tallied".into(),
        });
    }
    let mut findings = Findings::new(10);
    let config = ScanConfig {
        credentials: None,
        verify_proofs: false,
        batch: 1,
        chunk: 4096,
    };
    let scan = scan_board(record, &ctx, &config, progress, &mut findings)?;
    if let Some(first) = findings.first() {
        return Err(RecordError::invalid(format!(
            "the board is not sound, refusing to tally it: {first}"
        )));
    }
    progress.phase("superseded ballots", scan.superseded.len() as u64);
    let mut sums = scan.all.clone();
    sums.subtract(&superseded_sums(
        record,
        ctx.manifest(),
        &scan.superseded,
        progress,
    )?);
    progress.finish_phase();
    let record_out = TallyRecord {
        board: BoardState {
            entries: scan.entries,
            head: scan.head,
            voters: scan.voters,
            superseded: scan.superseded.len() as u64,
        },
        tally: sums.to_tally(*ctx.election_hash()),
    };
    write_json_new(&path, &record_out, "the election has already been tallied")?;
    Ok(record_out)
}

/// Reads `tally.json`.
pub fn read_tally(record: &Record) -> Result<TallyRecord> {
    read_json_required(&record.dir().tally(), "run `sailau tally` first")
}

/// The trustee of `secret_path` computes its decryption share of the tally into `shares/share-<j>.json`.
pub fn decrypt<R: CryptoRng + ?Sized>(
    record: &Record,
    secret_path: &Path,
    rng: &mut R,
) -> Result<DecryptionShare> {
    let ctx = record.open_context()?;
    let file = crate::ceremony::read_secret_file(secret_path)?;
    let index = file.secrets.index;
    let key = file.key.as_ref().ok_or_else(|| {
        RecordError::invalid(format!(
            "trustee {index} has no key share yet: run `sailau trustee finalize` first"
        ))
    })?;
    let published = read_tally(record)?;
    let share = decryption_share(&ctx, key, &published.tally, rng)
        .map_err(|e| RecordError::crypto(format!("trustee {index} decrypting"), e))?;
    let dir = record.dir().shares_dir();
    std::fs::create_dir_all(&dir).map_err(|e| RecordError::io(&dir, e))?;
    write_json_new(
        &record.dir().share(index),
        &share,
        "this trustee has already published its share",
    )?;
    Ok(share)
}

/// What [`combine`] did.
#[derive(Debug, Clone)]
pub struct Combined {
    /// The published result.
    pub result: ElectionResult,
    /// Shares left out because their proofs do not hold: `(trustee, reason)`.
    pub rejected: Vec<(u32, String)>,
}

/// Combines the decryption shares in `shares/` (all valid ones, or exactly those of `trustees`) into
/// `results.json`.
pub fn combine(record: &Record, trustees: Option<&[u32]>) -> Result<Combined> {
    let ctx = record.open_context()?;
    if let Some(named) = trustees {
        let n = ctx.trustee_count();
        for (k, &j) in named.iter().enumerate() {
            if j == 0 || j > n {
                return Err(RecordError::invalid(format!(
                    "there is no trustee {j}: the election has {n} trustees, numbered 1 to {n}"
                )));
            }
            if named.get(..k).is_some_and(|before| before.contains(&j)) {
                return Err(RecordError::invalid(format!("trustee {j} is named twice")));
            }
        }
    }
    let published = read_tally(record)?;
    let tally = &published.tally;
    let mut shares = Vec::new();
    let mut rejected = Vec::new();
    for j in 1..=ctx.trustee_count() {
        if trustees.is_some_and(|t| !t.contains(&j)) {
            continue;
        }
        let path = record.dir().share(j);
        if !path.exists() {
            if trustees.is_some() {
                return Err(RecordError::Missing {
                    path,
                    hint: format!("trustee {j} has not decrypted"),
                });
            }
            continue;
        }
        let share: DecryptionShare = read_json(&path)?;
        match verify_decryption_share(&ctx, tally, &share) {
            Ok(()) if share.trustee == j => shares.push(share),
            Ok(()) => rejected.push((
                j,
                format!("the file holds trustee {}'s share", share.trustee),
            )),
            Err(e) => rejected.push((j, e.to_string())),
        }
    }
    if shares.len() < ctx.threshold() as usize {
        let why = rejected
            .iter()
            .map(|(j, e)| format!("trustee {j}: {e}"))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(RecordError::invalid(format!(
            "{} valid decryption shares, {} needed{}",
            shares.len(),
            ctx.threshold(),
            if why.is_empty() {
                String::new()
            } else {
                format!(" ({why})")
            }
        )));
    }
    // Every count is at most the number of ballots.
    let table = DlogTable::new(tally.ballot_count.max(1))
        .map_err(|e| RecordError::crypto("discrete-log table", e))?;
    let result = combine_decryption_shares(&ctx, tally, &shares, &table)
        .map_err(|e| RecordError::crypto("combining", e))?;
    write_json_new(
        &record.dir().results(),
        &result,
        "the results are already published",
    )?;
    Ok(Combined { result, rejected })
}

/// The results as a text table with the manifest's titles and labels.
pub fn results_table(manifest: &sailau_vote::Manifest, result: &ElectionResult) -> String {
    let mut out = format!(
        "{}\nballots counted: {}\n",
        manifest.title, result.ballot_count
    );
    for (contest, counts) in manifest.contests.iter().zip(&result.contests) {
        out.push_str(&format!("\n{} ({})\n", contest.title, contest.id));
        let width = contest
            .options
            .iter()
            .map(|o| o.label.chars().count())
            .max()
            .unwrap_or(0);
        for (option, count) in contest.options.iter().zip(&counts.counts) {
            let pad = width.saturating_sub(option.label.chars().count());
            out.push_str(&format!(
                "  {}{}  {:>10}\n",
                option.label,
                " ".repeat(pad),
                count.count
            ));
        }
    }
    out
}

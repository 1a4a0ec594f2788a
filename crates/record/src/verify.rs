//! The independent verifier: checks everything an election record claims, using only the record.
//!
//! Checks, in order:
//! 1. the manifest and parameters; every trustee announcement (proofs of knowledge), every dealt share's
//!    signature, every complaint's verdict, every finalized verification key, and `election.json`;
//! 2. `credentials.jsonl`: every line a valid public credential, none listed twice;
//! 3. `ballots.jsonl`, streamed in chunks on all cores: every ballot's proofs and credential signature (batch
//!    verification per chunk, per-ballot fall-back to name the bad ones), its fingerprint, the tracking-code
//!    chain, eligibility of the credential, no replayed ballot; and which ballot of each credential counts
//!    (the last one);
//! 4. `challenged.jsonl` (spec §8.1): openings (the revealed nonces reproduce the ciphertexts), signature by a
//!    listed credential — not the proofs, so that a challenge can expose an over-vote — and that no challenged
//!    ballot is on the board or challenged twice;
//! 5. `tally.json` equals the component-wise product (sum, in additive notation) of exactly the counted
//!    ballots, and covers the whole board;
//! 6. every decryption share's proofs (batched), and `results.json`: each published count is what the
//!    combined shares decrypt to.
//!
//! Every file is read strictly (spec §12.2, [`crate::strict`]): JSON lines end with LF, no blank line, structs
//! are objects without unknown fields; `trustees/` and `shares/` hold only files of existing trustees.
//! Problems are collected as [`Finding`]s naming the check, file, line and item; [`verify`] returns an error
//! only when the record cannot be read at all (no directory, or `manifest.json` / `parameters.json` missing or
//! unreadable).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use sailau_vote::{
    BallotError, ComplaintVerdict, DecryptionError, DecryptionShare, ElectionContext,
    ElectionParameters, ElectionResult, EncryptedBallot, Hash32, Manifest, TrackingCode,
    TrusteePublic, verify_complaint, verify_encrypted_share, verify_result, verify_trustee_public,
};

use crate::check::{DEFAULT_BATCH, verify_chunk, verify_shares};
use crate::error::{RecordError, Result};
use crate::format::{
    BoardEntry, BoardEntryHead, ChallengedEntry, Complaints, CredentialLine, DealtShares,
    ElectionPublic, Finalized, LightEntry, TallyRecord,
};
use crate::jsonl::{
    LineDefect, LineReader, RawLine, count_lines, read_json, read_json_required, read_line_at,
};
use crate::layout::RecordDir;
use crate::layout::names;
use crate::progress::Progress;
use crate::record::{Record, election_public};
use crate::strict;
use crate::sums::Sums;

/// What the verifier checks; each finding names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// A file is missing or a line cannot be read.
    Readable,
    /// Manifest and parameters.
    Election,
    /// Trustee announcements, dealt shares, complaints, verification keys, `election.json`.
    KeyCeremony,
    /// A line of the credential list is not a valid public credential.
    Credential,
    /// A credential is listed more than once.
    DuplicateCredential,
    /// A ballot's proofs, signature or shape.
    BallotProof,
    /// A ballot signed with a credential that is not in the list.
    UnknownCredential,
    /// The tracking-code chain (or a ballot's fingerprint).
    TrackingChain,
    /// The same ballot submitted twice.
    Replay,
    /// A challenged ballot.
    Challenged,
    /// The encrypted tally.
    Tally,
    /// A trustee's decryption share.
    DecryptionShare,
    /// The published results.
    Results,
}

impl Check {
    /// A short kebab-case name, shown in brackets in messages.
    pub fn name(self) -> &'static str {
        match self {
            Check::Readable => "readable",
            Check::Election => "election",
            Check::KeyCeremony => "key-ceremony",
            Check::Credential => "credential",
            Check::DuplicateCredential => "duplicate-credential",
            Check::BallotProof => "ballot-proof",
            Check::UnknownCredential => "unknown-credential",
            Check::TrackingChain => "tracking-chain",
            Check::Replay => "replay",
            Check::Challenged => "challenged",
            Check::Tally => "tally",
            Check::DecryptionShare => "decryption-share",
            Check::Results => "results",
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One thing that does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Which check failed.
    pub check: Check,
    /// The file, relative to the record.
    pub file: String,
    /// The line (JSON-lines files), counted from 1.
    pub line: Option<u64>,
    /// The item: a tracking code, a trustee, a credential.
    pub item: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": [{}] ", self.check)?;
        if let Some(item) = &self.item {
            write!(f, "{item}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Counts and timing of a verification.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Public credentials listed.
    pub credentials: u64,
    /// Cast ballots on the board.
    pub ballots: u64,
    /// Distinct credentials that cast a ballot (= ballots counted).
    pub voters: u64,
    /// Ballots replaced by a later ballot of the same credential.
    pub superseded: u64,
    /// Challenged ballots.
    pub challenged: u64,
    /// Trustees.
    pub trustees: u32,
    /// Decryption shares checked.
    pub shares: u64,
    /// Whether `results.json` was checked.
    pub results: bool,
    /// Worker threads used.
    pub threads: usize,
    /// Wall-clock time of the whole verification.
    pub elapsed: Duration,
    /// Wall-clock time of the ballot phase (`ballots.jsonl`).
    pub ballots_elapsed: Duration,
}

/// The verifier's verdict.
#[derive(Debug, Clone, Default)]
pub struct VerifyReport {
    /// What does not hold (at most [`VerifyOptions::max_findings`]).
    pub findings: Vec<Finding>,
    /// Findings beyond the limit, counted but not kept.
    pub omitted: u64,
    /// Counts and timing.
    pub summary: Summary,
}

impl VerifyReport {
    /// Whether everything holds.
    pub fn ok(&self) -> bool {
        self.findings.is_empty() && self.omitted == 0
    }

    /// Whether some finding is of `check`.
    pub fn has(&self, check: Check) -> bool {
        self.findings.iter().any(|f| f.check == check)
    }
}

/// How to verify.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Ballots per batch verification.
    pub batch: usize,
    /// Lines read and checked per chunk.
    pub chunk: usize,
    /// Findings kept (the rest are only counted).
    pub max_findings: usize,
    /// Whether a record without tally, shares and results is acceptable (an election still open).
    pub allow_incomplete: bool,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            threads: 0,
            batch: DEFAULT_BATCH,
            chunk: 8192,
            max_findings: 1000,
            allow_incomplete: false,
        }
    }
}

/// Collected findings with a limit.
#[derive(Debug)]
pub(crate) struct Findings {
    list: Vec<Finding>,
    omitted: u64,
    max: usize,
}

impl Findings {
    pub fn new(max: usize) -> Self {
        Findings {
            list: Vec::new(),
            omitted: 0,
            max,
        }
    }

    pub fn push(
        &mut self,
        check: Check,
        file: &str,
        line: Option<u64>,
        item: Option<String>,
        message: String,
    ) {
        if self.list.len() < self.max {
            self.list.push(Finding {
                check,
                file: file.to_owned(),
                line,
                item,
                message,
            });
        } else {
            self.omitted += 1;
        }
    }

    pub fn first(&self) -> Option<&Finding> {
        self.list.first()
    }
}

/// Verifies the record in `root`.
pub fn verify(
    root: &Path,
    options: &VerifyOptions,
    progress: &dyn Progress,
) -> Result<VerifyReport> {
    if !root.is_dir() {
        return Err(RecordError::Missing {
            path: root.to_owned(),
            hint: "not an election record directory".into(),
        });
    }
    if let Some(inner) = record_below(root) {
        return Err(RecordError::Missing {
            path: RecordDir::new(root).manifest(),
            hint: format!(
                "not an election record; {} holds one: verify that directory",
                inner.display()
            ),
        });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| RecordError::invalid(format!("thread pool: {e}")))?;
    let threads = pool.current_num_threads();
    let started = Instant::now();
    let record = Record::new(root);
    let mut findings = Findings::new(options.max_findings);
    let mut summary = pool.install(|| verify_record(&record, options, progress, &mut findings))?;
    summary.threads = threads;
    summary.elapsed = started.elapsed();
    Ok(VerifyReport {
        findings: findings.list,
        omitted: findings.omitted,
        summary,
    })
}

/// When `root` holds no manifest but one of its directories does (the parent of a downloaded
/// record's `record/`, say): that directory, the first by name.
pub fn record_below(root: &Path) -> Option<std::path::PathBuf> {
    if RecordDir::new(root).manifest().exists() {
        return None;
    }
    let mut inner: Vec<_> = std::fs::read_dir(root)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir() && RecordDir::new(p).manifest().exists())
        .collect();
    inner.sort();
    inner.into_iter().next()
}

fn verify_record(
    record: &Record,
    options: &VerifyOptions,
    progress: &dyn Progress,
    findings: &mut Findings,
) -> Result<Summary> {
    let mut summary = Summary::default();
    // Without the manifest and the parameters nothing can be checked: the record cannot be read (exit 2).
    let manifest: Manifest =
        read_json_required(&record.dir().manifest(), "not an election record")?;
    let parameters: ElectionParameters =
        read_json_required(&record.dir().parameters(), "not an election record")?;
    progress.phase("election and key ceremony", 0);
    let Some(ctx) = check_setup(record, manifest, parameters, findings) else {
        progress.finish_phase();
        return Ok(summary);
    };
    progress.finish_phase();
    summary.trustees = ctx.trustee_count();

    let credentials = check_credentials(record, options, progress, findings)?;
    summary.credentials = credentials.len() as u64;

    let started = Instant::now();
    let scan = scan_board(
        record,
        &ctx,
        &ScanConfig {
            credentials: Some(&credentials),
            verify_proofs: true,
            batch: options.batch,
            chunk: options.chunk,
        },
        progress,
        findings,
    )?;
    summary.ballots_elapsed = started.elapsed();
    summary.ballots = scan.entries;
    summary.voters = scan.voters;
    summary.superseded = scan.superseded.len() as u64;

    summary.challenged = check_challenged(
        record,
        &ctx,
        &credentials,
        &scan,
        options,
        progress,
        findings,
    )?;
    drop(credentials);

    let tally_path = record.dir().tally();
    if !tally_path.exists() {
        if !options.allow_incomplete {
            findings.push(
                Check::Readable,
                names::TALLY,
                None,
                None,
                "missing: the election has not been tallied (verify with --incomplete while it is open)".into(),
            );
        }
        return Ok(summary);
    }
    progress.phase("tally", summary.superseded);
    let tally = check_tally(record, &ctx, &scan, progress, findings)?;
    progress.finish_phase();
    let Some(tally) = tally else {
        return Ok(summary);
    };
    progress.phase("decryption shares and results", 0);
    let (shares, results) = check_decryption(record, &ctx, &tally, options, findings)?;
    progress.finish_phase();
    summary.shares = shares;
    summary.results = results;
    Ok(summary)
}

// ---------------------------------------------------------------------------------------------------------
// 1. Election and key ceremony

/// Reads a whole-file part of the record; a missing or unreadable file is a [`Check::Readable`] finding.
fn read_part<T: serde::de::DeserializeOwned>(
    record: &Record,
    path: &Path,
    findings: &mut Findings,
) -> Option<T> {
    let file = record.dir().display(path).to_string();
    if !path.exists() {
        findings.push(Check::Readable, &file, None, None, "missing".into());
        return None;
    }
    match read_json(path) {
        Ok(v) => Some(v),
        Err(e) => {
            findings.push(
                Check::Readable,
                &file,
                None,
                None,
                format!("unreadable: {}", error_detail(&e)),
            );
            None
        }
    }
}

fn error_detail(e: &RecordError) -> String {
    match e {
        RecordError::Json { source, .. } | RecordError::JsonLine { source, .. } => {
            source.to_string()
        }
        RecordError::Io { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}

/// Checks manifest, parameters and the key ceremony; returns the context when it can be derived.
fn check_setup(
    record: &Record,
    manifest: Manifest,
    parameters: ElectionParameters,
    findings: &mut Findings,
) -> Option<ElectionContext> {
    let dir = record.dir();
    if let Err(e) = manifest.validate() {
        findings.push(Check::Election, names::MANIFEST, None, None, e.to_string());
        return None;
    }
    if let Err(e) = parameters.validate_with(&manifest) {
        findings.push(
            Check::Election,
            names::PARAMETERS,
            None,
            None,
            e.to_string(),
        );
        return None;
    }
    let n = parameters.trustees;
    for (path, reason) in stray_files(&dir.trustees_dir(), TRUSTEE_FILES, n) {
        findings.push(
            Check::KeyCeremony,
            &dir.display(&path).to_string(),
            None,
            None,
            reason,
        );
    }
    let mut publics: Vec<TrusteePublic> = Vec::new();
    let mut complete = true;
    for i in 1..=n {
        let path = dir.trustee(i);
        let file = dir.display(&path).to_string();
        let Some(public) = read_part::<TrusteePublic>(record, &path, findings) else {
            complete = false;
            continue;
        };
        if public.index != i {
            findings.push(
                Check::KeyCeremony,
                &file,
                None,
                None,
                format!("holds trustee {}", public.index),
            );
            complete = false;
        } else if let Err(e) = verify_trustee_public(&parameters, &public) {
            findings.push(
                Check::KeyCeremony,
                &file,
                None,
                Some(format!("trustee {i}")),
                e.to_string(),
            );
            complete = false;
        }
        publics.push(public);
    }
    if !complete {
        return None;
    }
    // Dealt shares: every dealer's, exactly one per other trustee, each well routed and signed.
    let mut all_dealt: Vec<Option<DealtShares>> = Vec::new();
    for i in 1..=n {
        let path = dir.dealt(i);
        let file = dir.display(&path).to_string();
        let dealt = read_part::<DealtShares>(record, &path, findings);
        if let Some(dealt) = &dealt {
            let recipients: Vec<u32> = dealt.shares.iter().map(|s| s.recipient).collect();
            let expected: Vec<u32> = (1..=n).filter(|&j| j != i).collect();
            if dealt.dealer != i {
                findings.push(
                    Check::KeyCeremony,
                    &file,
                    None,
                    None,
                    format!("holds the shares dealt by trustee {}", dealt.dealer),
                );
            } else if recipients != expected {
                findings.push(
                    Check::KeyCeremony,
                    &file,
                    None,
                    Some(format!("trustee {i}")),
                    "does not hold exactly one share for every other trustee, in increasing recipient order"
                        .into(),
                );
            }
            for share in &dealt.shares {
                if share.dealer != i {
                    findings.push(
                        Check::KeyCeremony,
                        &file,
                        None,
                        None,
                        format!("share dealt by trustee {}", share.dealer),
                    );
                } else if let Err(e) = verify_encrypted_share(&parameters, &publics, share) {
                    findings.push(
                        Check::KeyCeremony,
                        &file,
                        None,
                        Some(format!("trustee {i}")),
                        e.to_string(),
                    );
                }
            }
        }
        all_dealt.push(dealt);
    }
    // Complaints: a record used for counting has no complaints file at all (§4.4); each one present is read
    // once and each complaint in it judged, so that the report says who misbehaved.
    for j in 1..=n {
        let cpath = dir.complaints(j);
        if !cpath.exists() {
            continue;
        }
        let cfile = dir.display(&cpath).to_string();
        let Some(complaints) = read_part::<Complaints>(record, &cpath, findings) else {
            continue;
        };
        if complaints.trustee != j {
            findings.push(
                Check::KeyCeremony,
                &cfile,
                None,
                None,
                format!("holds the complaints of trustee {}", complaints.trustee),
            );
            continue;
        }
        if complaints.complaints.is_empty() {
            findings.push(
                Check::KeyCeremony,
                &cfile,
                None,
                Some(format!("trustee {j}")),
                "a complaints file without complaints: a record used for counting has no complaints file"
                    .into(),
            );
            continue;
        }
        for complaint in &complaints.complaints {
            let dealer = complaint.dealer;
            let share = dealer
                .checked_sub(1)
                .and_then(|d| all_dealt.get(d as usize))
                .and_then(Option::as_ref)
                .and_then(|d| d.shares.iter().find(|s| s.recipient == complaint.recipient));
            let verdict = match share {
                _ if complaint.recipient != j => format!(
                    "a complaint by trustee {} in trustee {j}'s file",
                    complaint.recipient
                ),
                None => format!("a complaint about a share trustee {dealer} did not deal"),
                Some(share) => match verify_complaint(&parameters, &publics, share, complaint) {
                    Ok(ComplaintVerdict::DealerCheated) => format!(
                        "trustee {dealer} dealt an invalid share to trustee {j}: the dealer is disqualified and \
                         the ceremony must be rerun without it"
                    ),
                    Ok(ComplaintVerdict::ComplaintUnfounded) => format!(
                        "trustee {j} complained without cause about trustee {dealer}'s share: the ceremony must \
                         be rerun without trustee {j}"
                    ),
                    Err(e) => format!("invalid complaint about trustee {dealer}'s share: {e}"),
                },
            };
            findings.push(
                Check::KeyCeremony,
                &cfile,
                None,
                Some(format!("trustee {j}")),
                verdict,
            );
        }
    }
    let ctx = match ElectionContext::new(&manifest, &parameters, &publics) {
        Ok(ctx) => ctx,
        Err(e) => {
            findings.push(
                Check::KeyCeremony,
                names::TRUSTEES,
                None,
                None,
                e.to_string(),
            );
            return None;
        }
    };
    for j in 1..=n {
        let path = dir.finalized(j);
        let file = dir.display(&path).to_string();
        if let Some(f) = read_part::<Finalized>(record, &path, findings)
            && (f.trustee != j || Some(&f.verification_key) != ctx.verification_key(j))
        {
            findings.push(
                Check::KeyCeremony,
                &file,
                None,
                Some(format!("trustee {j}")),
                "verification key differs from the one the commitments imply".into(),
            );
        }
    }
    if let Some(published) = read_part::<ElectionPublic>(record, &dir.election(), findings)
        && published != election_public(&ctx)
    {
        findings.push(
            Check::KeyCeremony,
            names::ELECTION,
            None,
            None,
            "election hash, joint key or verification keys differ from those the trustees' data imply".into(),
        );
    }
    Some(ctx)
}

/// The files `trustees/` may hold, each followed by `-<i>.json`.
const TRUSTEE_FILES: &[&str] = &["trustee", "dealt", "finalized", "complaints"];
/// The files `shares/` may hold.
const SHARE_FILES: &[&str] = &["share"];

/// Entries of `dir` that are not `<prefix>-<i>.json` for one of `prefixes` and a trustee `i` in `1..=n`
/// (decimal, no leading zero), with the reason; sorted by name. A missing directory has none.
pub(crate) fn stray_files(
    dir: &Path,
    prefixes: &[&str],
    n: u32,
) -> Vec<(std::path::PathBuf, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<(String, std::path::PathBuf)> = entries
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for (name, path) in names {
        let index = prefixes.iter().find_map(|p| {
            name.strip_prefix(p)?
                .strip_prefix('-')?
                .strip_suffix(".json")
                .map(str::to_owned)
        });
        let reason = match index {
            Some(digits)
                if !digits.is_empty()
                    && !digits.starts_with('0')
                    && digits.bytes().all(|b| b.is_ascii_digit()) =>
            {
                match digits.parse::<u64>() {
                    Ok(i) if i <= u64::from(n) && path.is_file() => continue,
                    Ok(i) if i <= u64::from(n) => "not a regular file".to_owned(),
                    _ => format!("there is no trustee {digits}: the election has {n} trustees"),
                }
            }
            _ => format!(
                "not a file of the record: this directory holds only {} for trustees 1 to {n}",
                prefixes
                    .iter()
                    .map(|p| format!("{p}-<i>.json"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        out.push((path, reason));
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// 2. Credentials

/// Reads chunks of raw lines, calling `each` with every chunk (on the caller's thread).
fn for_each_chunk(
    path: &Path,
    chunk: usize,
    mut each: impl FnMut(Vec<RawLine>) -> Result<()>,
) -> Result<()> {
    let Some(mut reader) = LineReader::open_or_empty(path)? else {
        return Ok(());
    };
    loop {
        let lines = reader.next_chunk(chunk.max(1))?;
        if lines.is_empty() {
            return Ok(());
        }
        each(lines)?;
    }
}

/// Reports a line's framing defect ([`Check::Readable`]); returns whether the line still holds something to read.
fn report_framing(raw: &RawLine, file: &str, findings: &mut Findings) -> bool {
    match raw.defect {
        None => true,
        Some(defect) => {
            findings.push(
                Check::Readable,
                file,
                Some(raw.line),
                None,
                defect.describe().to_owned(),
            );
            !defect.is_empty()
        }
    }
}

fn check_credentials(
    record: &Record,
    options: &VerifyOptions,
    progress: &dyn Progress,
    findings: &mut Findings,
) -> Result<HashMap<[u8; 32], u64>> {
    let path = record.dir().credentials();
    progress.phase("credentials", count_lines(&path)?);
    let file = names::CREDENTIALS;
    let mut seen: HashMap<[u8; 32], u64> = HashMap::new();
    let mut previous: Option<[u8; 32]> = None;
    if !path.exists() {
        findings.push(Check::Readable, file, None, None, "missing".into());
    }
    for_each_chunk(&path, options.chunk * 8, |lines| {
        let parsed: Vec<std::result::Result<CredentialLine, String>> = lines
            .par_iter()
            .map(|raw| strict::from_str::<CredentialLine>(&raw.text).map_err(|e| e.to_string()))
            .collect();
        for (raw, p) in lines.iter().zip(parsed) {
            if !report_framing(raw, file, findings) {
                continue;
            }
            match p {
                Err(e) => findings.push(
                    Check::Readable,
                    file,
                    Some(raw.line),
                    None,
                    format!("unreadable: {e}"),
                ),
                Ok(c) if c.credential.is_identity() => findings.push(
                    Check::Credential,
                    file,
                    Some(raw.line),
                    None,
                    "the identity element is not a credential".into(),
                ),
                Ok(c) => {
                    let bytes = c.credential.to_bytes();
                    if let Some(first) = seen.insert(bytes, raw.line) {
                        seen.insert(bytes, first);
                        findings.push(
                            Check::DuplicateCredential,
                            file,
                            Some(raw.line),
                            Some(format!("credential {}", short_hex(&bytes))),
                            format!("duplicate credential: already listed on line {first}"),
                        );
                    } else if previous.is_some_and(|p| bytes < p) {
                        // The list is published sorted so that its order says nothing about the voters.
                        findings.push(
                            Check::Credential,
                            file,
                            Some(raw.line),
                            Some(format!("credential {}", short_hex(&bytes))),
                            "out of order: the list must be sorted in increasing order of the encodings".into(),
                        );
                    }
                    previous = Some(bytes);
                }
            }
        }
        progress.advance(lines.len() as u64);
        Ok(())
    })?;
    progress.finish_phase();
    Ok(seen)
}

fn short_hex(bytes: &[u8; 32]) -> String {
    hex::encode(bytes.get(..8).unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------------------
// 3. The board

/// What [`scan_board`] checks besides the chain.
pub(crate) struct ScanConfig<'a> {
    /// The credential list (None: eligibility is not checked).
    pub credentials: Option<&'a HashMap<[u8; 32], u64>>,
    /// Whether to verify proofs and signatures.
    pub verify_proofs: bool,
    /// Ballots per batch.
    pub batch: usize,
    /// Lines per chunk.
    pub chunk: usize,
}

/// What a pass over `ballots.jsonl` found.
pub(crate) struct BoardScan {
    /// Entries on the board.
    pub entries: u64,
    /// The tracking code of the last entry.
    pub head: TrackingCode,
    /// Distinct credentials.
    pub voters: u64,
    /// `(line, offset)` of every ballot replaced by a later one of the same credential, in board order.
    pub superseded: Vec<(u64, u64)>,
    /// Sum of every readable ballot of the right shape.
    pub all: Sums,
    /// Fingerprint → line of every board ballot.
    pub hashes: HashMap<Hash32, u64>,
}

fn describe_ballot_error(manifest: &Manifest, e: &BallotError) -> String {
    let contest = |ci: usize| manifest.contests.get(ci);
    match e {
        BallotError::OptionProofInvalid {
            contest: ci,
            option: oi,
        } => {
            let c = contest(*ci);
            let cid = c.map_or("?", |c| c.id.as_str());
            let oid = c
                .and_then(|c| c.options.get(*oi))
                .map_or("?", |o| o.id.as_str());
            format!(
                "altered ciphertext or proof: the 0/1 proof of contest {cid:?}, option {oid:?} does not hold"
            )
        }
        BallotError::CountProofInvalid { contest: ci } => {
            let (cid, min, max) = contest(*ci).map_or(("?", 0, 0), |c| {
                (c.id.as_str(), c.min_selections, c.max_selections)
            });
            let allowed = if min == max {
                format!("exactly {min}")
            } else {
                format!("between {min} and {max}")
            };
            format!(
                "wrong number of marks: the proof that contest {cid:?} has {allowed} marks does not hold \
                 (a ballot with too many marks or none, or an altered proof)"
            )
        }
        BallotError::SignatureInvalid => {
            "the credential signature does not hold: the ballot was altered after it was signed"
                .into()
        }
        other => other.to_string(),
    }
}

/// Two tracking codes shown with enough hex digits to tell them apart: at least the 16 shown to voters, in
/// groups of four, and up to the first digit that differs.
pub(crate) fn distinguishing(a: &TrackingCode, b: &TrackingCode) -> (String, String) {
    let (ha, hb) = (a.0.to_hex(), b.0.to_hex());
    let first_difference = ha
        .bytes()
        .zip(hb.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(ha.len());
    let digits = (first_difference + 1)
        .next_multiple_of(4)
        .clamp(16, ha.len());
    let group = |h: &str| {
        h.as_bytes()
            .get(..digits)
            .unwrap_or_default()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    };
    (group(&ha), group(&hb))
}

fn tracking_item(code: &TrackingCode) -> Option<String> {
    Some(format!("tracking code {}", code.short()))
}

/// What the sequential part of the board scan needs from one line (the ballot itself is dropped once checked).
struct Checked {
    tracking_code: TrackingCode,
    recorded_hash: Hash32,
    hash: Hash32,
    credential: [u8; 32],
    proof: Option<BallotError>,
}

/// Parses, hashes, batch-verifies (per the config) and sums one sub-chunk of board lines on one worker.
fn process_lines(
    ctx: &ElectionContext,
    lines: &[RawLine],
    verify_proofs: bool,
) -> (Vec<std::result::Result<Checked, String>>, Sums) {
    if !verify_proofs {
        return process_lines_light(ctx, lines);
    }
    let parsed: Vec<std::result::Result<BoardEntry, String>> = lines
        .iter()
        .map(|raw| {
            if raw.defect.is_some_and(LineDefect::is_empty) {
                // Reported by the framing check; nothing to parse.
                return Err(String::new());
            }
            strict::from_str::<BoardEntry>(&raw.text).map_err(|e| e.to_string())
        })
        .collect();
    let ballots: Vec<&EncryptedBallot> = parsed
        .iter()
        .filter_map(|p| p.as_ref().ok().map(|e| &e.ballot))
        .collect();
    let mut proofs = verify_chunk(ctx, &ballots).into_iter();
    let mut sums = Sums::new(ctx.manifest());
    let checked = parsed
        .into_iter()
        .map(|p| {
            let entry = p?;
            sums.apply(&entry.ballot, true);
            Ok(Checked {
                tracking_code: entry.tracking_code,
                recorded_hash: entry.ballot_hash,
                hash: entry.ballot.hash(),
                credential: entry.ballot.credential.to_bytes(),
                proof: proofs.next().flatten(),
            })
        })
        .collect();
    (checked, sums)
}

/// The tally's pass: chain fields and ciphertexts only; the recorded fingerprints are trusted (the board
/// computed them, the verifier recomputes them).
fn process_lines_light(
    ctx: &ElectionContext,
    lines: &[RawLine],
) -> (Vec<std::result::Result<Checked, String>>, Sums) {
    let mut sums = Sums::new(ctx.manifest());
    let checked = lines
        .iter()
        .map(|raw| {
            if raw.defect.is_some_and(LineDefect::is_empty) {
                return Err(String::new());
            }
            let entry: LightEntry =
                strict::from_str_partial(&raw.text).map_err(|e| e.to_string())?;
            let credential = crate::board::credential_key(&entry.ballot.credential)
                .ok_or_else(|| "the credential is not 64 hex digits".to_owned())?;
            if !sums.apply_light(&entry.ballot, true) {
                return Err("the ballot does not have the manifest's shape".to_owned());
            }
            Ok(Checked {
                tracking_code: entry.tracking_code,
                recorded_hash: entry.ballot_hash,
                hash: entry.ballot_hash,
                credential,
                proof: None,
            })
        })
        .collect();
    (checked, sums)
}

/// One pass over `ballots.jsonl`: chain, fingerprints, replays, eligibility, proofs (per the config), the
/// last ballot of each credential, and the sum of all ballots.
pub(crate) fn scan_board(
    record: &Record,
    ctx: &ElectionContext,
    config: &ScanConfig<'_>,
    progress: &dyn Progress,
    findings: &mut Findings,
) -> Result<BoardScan> {
    let path = record.dir().ballots();
    let manifest = ctx.manifest();
    progress.phase("ballots", count_lines(&path)?);
    let mut head = TrackingCode::initial(ctx.election_hash());
    let mut chain_known = true;
    let mut entries = 0u64;
    let mut last: HashMap<[u8; 32], (u64, u64)> = HashMap::new();
    let mut superseded = Vec::new();
    let mut hashes: HashMap<Hash32, u64> = HashMap::new();
    let mut all = Sums::new(manifest);
    let file = names::BALLOTS;
    for_each_chunk(&path, config.chunk, |lines| {
        let sub = if config.verify_proofs {
            config.batch.max(1)
        } else {
            256
        };
        let processed: Vec<(Vec<std::result::Result<Checked, String>>, Sums)> = lines
            .par_chunks(sub)
            .map(|sub_lines| {
                let processed = process_lines(ctx, sub_lines, config.verify_proofs);
                progress.advance(sub_lines.len() as u64);
                processed
            })
            .collect();
        let mut checked = Vec::with_capacity(lines.len());
        for (items, sums) in processed {
            all.merge(&sums);
            checked.extend(items);
        }
        for (raw, entry) in lines.iter().zip(checked) {
            match raw.defect {
                Some(LineDefect::Blank) => {
                    // Not an entry: reported, and the chain goes on over it.
                    report_framing(raw, file, findings);
                    continue;
                }
                Some(LineDefect::NotUtf8) => {
                    report_framing(raw, file, findings);
                    entries += 1;
                    chain_known = false;
                    continue;
                }
                Some(LineDefect::Unterminated) => {
                    report_framing(raw, file, findings);
                }
                None => {}
            }
            entries += 1;
            let entry = match entry {
                Ok(entry) => entry,
                Err(msg) => {
                    findings.push(
                        Check::Readable,
                        file,
                        Some(raw.line),
                        None,
                        format!("unreadable ballot: {msg}"),
                    );
                    // Keep following the chain from the stored code if at least that much can be read.
                    match strict::from_str_partial::<BoardEntryHead>(&raw.text) {
                        Ok(h) => {
                            head = h.tracking_code;
                            chain_known = true;
                        }
                        Err(_) => chain_known = false,
                    }
                    continue;
                }
            };
            let hash = &entry.hash;
            let item = tracking_item(&entry.tracking_code);
            if entry.recorded_hash != *hash {
                findings.push(
                    Check::TrackingChain,
                    file,
                    Some(raw.line),
                    item.clone(),
                    format!(
                        "the recorded fingerprint is not the ballot's hash {}",
                        hash.to_hex()
                    ),
                );
            }
            let expected = head.next(hash);
            if chain_known && entry.tracking_code != expected {
                let (found, expected) = distinguishing(&entry.tracking_code, &expected);
                findings.push(
                    Check::TrackingChain,
                    file,
                    Some(raw.line),
                    Some(format!("tracking code {found}")),
                    format!(
                        "broken tracking-code chain: expected {expected} from the previous entry and this ballot \
                         (an entry was removed, inserted, reordered or altered)"
                    ),
                );
            }
            head = entry.tracking_code;
            chain_known = true;
            if let Some(first) = hashes.insert(*hash, raw.line) {
                hashes.insert(*hash, first);
                findings.push(
                    Check::Replay,
                    file,
                    Some(raw.line),
                    item.clone(),
                    format!("replayed ballot: the same ballot is already on line {first}"),
                );
            }
            let credential = entry.credential;
            if let Some(list) = config.credentials
                && !list.contains_key(&credential)
            {
                findings.push(
                    Check::UnknownCredential,
                    file,
                    Some(raw.line),
                    item.clone(),
                    format!(
                        "unknown credential {}: not in {} (ineligible ballot)",
                        short_hex(&credential),
                        names::CREDENTIALS
                    ),
                );
            }
            if let Some(e) = entry.proof {
                findings.push(
                    Check::BallotProof,
                    file,
                    Some(raw.line),
                    item,
                    describe_ballot_error(manifest, &e),
                );
            }
            if let Some(previous) = last.insert(credential, (raw.line, raw.offset)) {
                superseded.push(previous);
            }
        }
        Ok(())
    })?;
    progress.finish_phase();
    Ok(BoardScan {
        entries,
        head,
        voters: last.len() as u64,
        superseded,
        all,
        hashes,
    })
}

/// The sum of the superseded ballots (read back by offset, in parallel).
pub(crate) fn superseded_sums(
    record: &Record,
    manifest: &Manifest,
    superseded: &[(u64, u64)],
    progress: &dyn Progress,
) -> Result<Sums> {
    let path = record.dir().ballots();
    superseded
        .par_chunks(256)
        .map(|chunk| {
            let mut s = Sums::new(manifest);
            for &(line, offset) in chunk {
                let entry: LightEntry = read_line_at(&path, offset, line)?;
                s.apply_light(&entry.ballot, true);
            }
            progress.advance(chunk.len() as u64);
            Ok(s)
        })
        .try_reduce(
            || Sums::new(manifest),
            |mut a, b| {
                a.merge(&b);
                Ok(a)
            },
        )
}

// ---------------------------------------------------------------------------------------------------------
// 4. Challenged ballots

/// A challenged entry's problem, naming contests and options by their ids.
fn describe_challenge_problem(manifest: &Manifest, r: &crate::board::Refusal) -> String {
    use crate::board::Refusal;
    match r {
        Refusal::BadOpening(BallotError::OpeningMismatch { contest, option }) => {
            let c = manifest.contests.get(*contest);
            format!(
                "the revealed nonce and mark of contest {:?}, option {:?} do not open its ciphertext",
                c.map_or("?", |c| c.id.as_str()),
                c.and_then(|c| c.options.get(*option))
                    .map_or("?", |o| o.id.as_str())
            )
        }
        Refusal::BadOpening(e) => format!("the revealed nonces do not open the ballot: {e}"),
        Refusal::UnknownCredential(_) => {
            format!("unknown credential: not in {}", names::CREDENTIALS)
        }
        Refusal::InvalidBallot(BallotError::SignatureInvalid) => {
            "the credential signature does not hold".into()
        }
        other => other.to_string(),
    }
}

fn check_challenged(
    record: &Record,
    ctx: &ElectionContext,
    credentials: &HashMap<[u8; 32], u64>,
    scan: &BoardScan,
    options: &VerifyOptions,
    progress: &dyn Progress,
    findings: &mut Findings,
) -> Result<u64> {
    let path = record.dir().challenged();
    progress.phase("challenged ballots", count_lines(&path)?);
    let file = names::CHALLENGED;
    let mut count = 0u64;
    let mut seen: HashMap<Hash32, u64> = HashMap::new();
    for_each_chunk(&path, options.chunk, |lines| {
        type Checked = std::result::Result<(Hash32, Vec<String>), String>;
        let checked: Vec<Checked> = lines
            .par_iter()
            .map(|raw| {
                if raw.defect.is_some_and(LineDefect::is_empty) {
                    return Err(String::new());
                }
                let entry: ChallengedEntry =
                    strict::from_str(&raw.text).map_err(|e| e.to_string())?;
                let hash = entry.ballot.hash();
                let mut problems = Vec::new();
                if entry.ballot_hash != hash {
                    problems.push("the recorded fingerprint is not the ballot's hash".to_owned());
                }
                let listed = |c: &[u8; 32]| credentials.contains_key(c);
                problems.extend(
                    crate::check::challenge_problems(ctx, &entry.ballot, &entry.opening, &listed)
                        .into_iter()
                        .map(|r| describe_challenge_problem(ctx.manifest(), &r)),
                );
                Ok((hash, problems))
            })
            .collect();
        for (raw, c) in lines.iter().zip(checked) {
            if !report_framing(raw, file, findings) {
                continue;
            }
            count += 1;
            let (hash, problems) = match c {
                Ok(x) => x,
                Err(e) => {
                    findings.push(
                        Check::Readable,
                        file,
                        Some(raw.line),
                        None,
                        format!("unreadable: {e}"),
                    );
                    continue;
                }
            };
            let item = Some(format!("ballot {}", short_hex(hash.as_bytes())));
            let mut bad = |message: String| {
                findings.push(
                    Check::Challenged,
                    file,
                    Some(raw.line),
                    item.clone(),
                    message,
                )
            };
            for problem in problems {
                bad(problem);
            }
            if let Some(line) = scan.hashes.get(&hash) {
                bad(format!(
                    "a challenged ballot was cast: it is on {} line {line}",
                    names::BALLOTS
                ));
            }
            if let Some(first) = seen.insert(hash, raw.line) {
                seen.insert(hash, first);
                bad(format!("challenged twice: already on line {first}"));
            }
        }
        progress.advance(lines.len() as u64);
        Ok(())
    })?;
    progress.finish_phase();
    Ok(count)
}

// ---------------------------------------------------------------------------------------------------------
// 5. Tally

fn check_tally(
    record: &Record,
    ctx: &ElectionContext,
    scan: &BoardScan,
    progress: &dyn Progress,
    findings: &mut Findings,
) -> Result<Option<TallyRecord>> {
    let file = names::TALLY;
    let Some(published) = read_part::<TallyRecord>(record, &record.dir().tally(), findings) else {
        return Ok(None);
    };
    let tally = &published.tally;
    if let Err(e) = tally.check_shape(ctx) {
        findings.push(Check::Tally, file, None, None, e.to_string());
        return Ok(None);
    }
    let board = &published.board;
    if board.entries != scan.entries || board.head != scan.head {
        let (claimed, actual) = distinguishing(&board.head, &scan.head);
        findings.push(
            Check::Tally,
            file,
            None,
            None,
            format!(
                "covers a board of {} ballots ending in {claimed}, but {} holds {} ballots ending in {actual}",
                board.entries,
                names::BALLOTS,
                scan.entries,
            ),
        );
    }
    if board.voters != scan.voters || board.superseded != scan.superseded.len() as u64 {
        findings.push(
            Check::Tally,
            file,
            None,
            None,
            format!(
                "claims {} voters and {} superseded ballots, the board has {} and {}",
                board.voters,
                board.superseded,
                scan.voters,
                scan.superseded.len()
            ),
        );
    }
    let mut expected = scan.all.clone();
    expected.subtract(&superseded_sums(
        record,
        ctx.manifest(),
        &scan.superseded,
        progress,
    )?);
    let mismatches = expected.mismatches(tally);
    let expected_count = u64::try_from(expected.count()).unwrap_or(0);
    if mismatches.is_empty() && tally.ballot_count == expected_count {
        return Ok(Some(published));
    }
    let positions = mismatches
        .iter()
        .map(|(ci, oi)| {
            let c = ctx.manifest().contests.get(*ci);
            format!(
                "{}/{}",
                c.map_or("?", |c| c.id.as_str()),
                c.and_then(|c| c.options.get(*oi))
                    .map_or("?", |o| o.id.as_str())
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let what = match tally.ballot_count.cmp(&expected_count) {
        std::cmp::Ordering::Less => format!(
            "ballot dropped from the tally: it counts {} ballots, the board has {} counted ballots (the last of \
             each credential)",
            tally.ballot_count, expected_count
        ),
        std::cmp::Ordering::Greater => format!(
            "ballot added to the tally: it counts {} ballots, the board has only {} counted ballots (the last of \
             each credential)",
            tally.ballot_count, expected_count
        ),
        std::cmp::Ordering::Equal => {
            "the tally is not the product of exactly the counted ballots (a ballot was replaced or altered)".into()
        }
    };
    let mut message = if positions.is_empty() {
        what
    } else {
        format!("{what}; differs at {positions}")
    };
    if let Some(culprit) = diagnose(record, &expected, tally)? {
        message.push_str("; ");
        message.push_str(&culprit);
    }
    findings.push(Check::Tally, file, None, None, message);
    Ok(Some(published))
}

/// When the tally is off by exactly one ballot, find it on the board or among the challenged ballots.
fn diagnose(
    record: &Record,
    expected: &Sums,
    tally: &sailau_vote::EncryptedTally,
) -> Result<Option<String>> {
    let Some(diff) = expected.difference_from(tally) else {
        return Ok(None);
    };
    let negate = match diff.count() {
        -1 => true,
        1 => false,
        _ => return Ok(None),
    };
    for (path, name) in [
        (record.dir().ballots(), names::BALLOTS),
        (record.dir().challenged(), names::CHALLENGED),
    ] {
        let mut found: Option<(u64, String)> = None;
        for_each_chunk(&path, 4096, |lines| {
            if found.is_some() {
                return Ok(());
            }
            found = lines.par_iter().find_map_first(|raw| {
                let ballot: EncryptedBallot = if name == names::BALLOTS {
                    serde_json::from_str::<BoardEntry>(&raw.text).ok()?.ballot
                } else {
                    serde_json::from_str::<ChallengedEntry>(&raw.text)
                        .ok()?
                        .ballot
                };
                diff.equals_ballot(&ballot, negate)
                    .then(|| (raw.line, ballot.hash().to_hex()))
            });
            Ok(())
        })?;
        if let Some((line, hash)) = found {
            let verb = if negate { "left out" } else { "added" };
            return Ok(Some(format!(
                "the ballot {verb} is {name} line {line} (fingerprint {hash})"
            )));
        }
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------------------
// 6. Decryption shares and results

fn describe_decryption_error(manifest: &Manifest, e: &DecryptionError) -> String {
    let names = |ci: usize, oi: usize| {
        let c = manifest.contests.get(ci);
        (
            c.map_or("?".to_owned(), |c| c.id.clone()),
            c.and_then(|c| c.options.get(oi))
                .map_or("?".to_owned(), |o| o.id.clone()),
        )
    };
    match e {
        DecryptionError::ShareProofInvalid {
            trustee,
            contest,
            option,
        } => {
            let (c, o) = names(*contest, *option);
            format!(
                "forged decryption share: trustee {trustee}'s proof for contest {c:?}, option {o:?} does not hold"
            )
        }
        DecryptionError::CountMismatch {
            contest,
            option,
            published,
        } => {
            let (c, o) = names(*contest, *option);
            format!(
                "wrong published count: contest {c:?}, option {o:?} is published as {published}, which is not \
                 what the decryption shares give"
            )
        }
        other => other.to_string(),
    }
}

fn check_decryption(
    record: &Record,
    ctx: &ElectionContext,
    published: &TallyRecord,
    options: &VerifyOptions,
    findings: &mut Findings,
) -> Result<(u64, bool)> {
    let tally = &published.tally;
    let manifest = ctx.manifest();
    let mut shares: Vec<(String, DecryptionShare)> = Vec::new();
    for (path, reason) in stray_files(&record.dir().shares_dir(), SHARE_FILES, ctx.trustee_count())
    {
        findings.push(
            Check::DecryptionShare,
            &record.dir().display(&path).to_string(),
            None,
            None,
            reason,
        );
    }
    for j in 1..=ctx.trustee_count() {
        let path = record.dir().share(j);
        if !path.exists() {
            continue;
        }
        let file = record.dir().display(&path).to_string();
        if let Some(share) = read_part::<DecryptionShare>(record, &path, findings) {
            if share.trustee != j {
                findings.push(
                    Check::DecryptionShare,
                    &file,
                    None,
                    None,
                    format!("holds trustee {}'s share", share.trustee),
                );
                continue;
            }
            shares.push((file, share));
        }
    }
    let refs: Vec<&DecryptionShare> = shares.iter().map(|(_, s)| s).collect();
    let results = verify_shares(ctx, tally, &refs);
    for ((file, share), r) in shares.iter().zip(results) {
        match r {
            None => {}
            Some(e) => findings.push(
                Check::DecryptionShare,
                file,
                None,
                Some(format!("trustee {}", share.trustee)),
                describe_decryption_error(manifest, &e),
            ),
        }
    }
    let results_path = record.dir().results();
    if !results_path.exists() {
        if !options.allow_incomplete {
            findings.push(
                Check::Readable,
                names::RESULTS,
                None,
                None,
                "missing: the results are not published".into(),
            );
        }
        return Ok((shares.len() as u64, false));
    }
    let Some(result) = read_part::<ElectionResult>(record, &results_path, findings) else {
        return Ok((shares.len() as u64, false));
    };
    if !result.trustees.is_sorted_by(|a, b| a < b) {
        findings.push(
            Check::Results,
            names::RESULTS,
            None,
            None,
            format!(
                "trustees {:?}: the list must be strictly increasing (spec §12.3)",
                result.trustees
            ),
        );
        return Ok((shares.len() as u64, true));
    }
    let used: Vec<DecryptionShare> = shares
        .iter()
        .filter(|(_, s)| result.trustees.contains(&s.trustee))
        .map(|(_, s)| s.clone())
        .collect();
    if used.len() != result.trustees.len() {
        findings.push(
            Check::Results,
            names::RESULTS,
            None,
            None,
            format!(
                "combines the shares of trustees {}, but not all of them are in shares/",
                result
                    .trustees
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    } else if let Err(e) = verify_result(ctx, tally, &used, &result) {
        findings.push(
            Check::Results,
            names::RESULTS,
            None,
            None,
            describe_decryption_error(manifest, &e),
        );
    }
    Ok((shares.len() as u64, true))
}

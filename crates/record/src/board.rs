//! The bulletin board: checks each submitted ballot and appends it to `ballots.jsonl` (cast) or
//! `challenged.jsonl` (challenged), extending the tracking-code chain.
//!
//! A cast ballot is accepted only if every proof and the credential signature hold, the credential is in
//! `credentials.jsonl`, the same ballot is not already on the board (replay) nor challenged, and the board is
//! still open (no `tally.json`). A later ballot of the same credential replaces the earlier one in the tally
//! (re-voting). A challenged ballot must satisfy spec §8.1: it must open correctly and be signed by a listed
//! credential, but its proofs need not hold (a challenge must be able to expose an over-vote); it never
//! counts, and can never be cast.

use std::collections::HashSet;

use sailau_vote::{BallotError, ElectionContext, EncryptedBallot, Hash32, TrackingCode};

use crate::check::{DEFAULT_BATCH, challenge_problems, verify_ballots};
use crate::error::{RecordError, Result};
use crate::format::{BoardEntry, BoardEntryHead, ChallengedEntry, CredentialLineRaw, Submission};
use crate::jsonl::{JsonLinesWriter, LineReader};
use crate::record::Record;

/// Why the board refused a submission.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// A proof, the signature, the shape or the election binding is wrong.
    #[error("invalid ballot: {0}")]
    InvalidBallot(BallotError),
    /// The credential is not in `credentials.jsonl`.
    #[error("unknown credential {0}: not in the published credential list")]
    UnknownCredential(String),
    /// This exact ballot is already on the board.
    #[error("replay: ballot {0} is already on the board")]
    Replay(String),
    /// This ballot was challenged: it never counts and cannot be submitted again (spec §8).
    #[error(
        "ballot {0} was challenged: a challenged ballot never counts and cannot be cast or challenged again; \
         encrypt a fresh ballot"
    )]
    Challenged(String),
    /// This ballot is already on the board: a cast ballot cannot be challenged afterwards.
    #[error("ballot {0} is already cast: a cast ballot cannot be challenged")]
    AlreadyCast(String),
    /// The challenged ballot's opening does not match it.
    #[error("challenged ballot does not open: {0}")]
    BadOpening(BallotError),
    /// `tally.json` exists: the board is closed.
    #[error("the board is closed: the tally has been computed")]
    Closed,
}

/// What the board gave back for an accepted submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Receipt {
    /// Cast and appended to `ballots.jsonl`.
    Cast {
        /// The voter's tracking code.
        tracking_code: TrackingCode,
        /// The ballot fingerprint.
        ballot_hash: Hash32,
        /// Line number in `ballots.jsonl`.
        line: u64,
        /// Whether this replaces an earlier ballot of the same credential.
        revote: bool,
    },
    /// Challenged and appended to `challenged.jsonl`.
    Challenged {
        /// The ballot fingerprint.
        ballot_hash: Hash32,
        /// Line number in `challenged.jsonl`.
        line: u64,
    },
}

/// An open bulletin board.
pub struct Board {
    record: Record,
    ctx: ElectionContext,
    credentials: HashSet<[u8; 32]>,
    voted: HashSet<[u8; 32]>,
    /// Fingerprints of the cast ballots.
    cast: HashSet<Hash32>,
    /// Fingerprints of the challenged ballots.
    spoiled: HashSet<Hash32>,
    head: TrackingCode,
    entries: u64,
    challenged: u64,
    ballots_out: Option<JsonLinesWriter>,
    challenged_out: Option<JsonLinesWriter>,
    // Last, so that the writers are flushed before the lock is released.
    _lock: BoardLock,
}

/// Exclusive use of a record's board (`.board.lock`, created atomically, removed on drop): the board appends
/// and the tally never run concurrently, so the tracking-code chain cannot fork.
#[derive(Debug)]
pub struct BoardLock {
    path: std::path::PathBuf,
}

impl BoardLock {
    /// Takes the lock, or fails if another process holds it.
    pub fn acquire(record: &Record) -> Result<BoardLock> {
        let path = record.dir().lock();
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(_) => Ok(BoardLock { path }),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(RecordError::Exists {
                path,
                hint: "another process is appending to or tallying this board; if none is, remove the file"
                    .into(),
            }),
            Err(e) => Err(RecordError::io(&path, e)),
        }
    }
}

impl Drop for BoardLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl std::fmt::Debug for Board {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Board")
            .field("entries", &self.entries)
            .field("head", &self.head)
            .finish_non_exhaustive()
    }
}

/// Parses a public credential's hex (64 lowercase hex digits, spec §2) without decompressing it.
pub(crate) fn credential_key(hex: &str) -> Option<[u8; 32]> {
    if hex.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(hex, &mut out).ok().map(|()| out)
}

impl Board {
    /// Opens the board of a record whose key ceremony is complete: reads the credential list and the chain of
    /// `ballots.jsonl` (checking it), and the fingerprints of the challenged ballots.
    pub fn open(record: &Record) -> Result<Board> {
        let ctx = record.open_context()?;
        let lock = BoardLock::acquire(record)?;
        let dir = record.dir();
        // The list must be one the verifier accepts (spec §12.3): well framed, each line a credential, in
        // strictly increasing order (points are decoded only when a ballot names them).
        let mut credentials = HashSet::new();
        let path = dir.credentials();
        if !path.exists() {
            return Err(RecordError::Missing {
                path,
                hint: "run `sailau credentials generate` first".into(),
            });
        }
        let mut lines = LineReader::open(&path)?;
        let mut previous: Option<[u8; 32]> = None;
        while let Some(raw) = lines.next_line()? {
            let line: CredentialLineRaw = raw.parse(&path)?;
            let bad = |why: &str| {
                RecordError::invalid(format!(
                    "{}:{}: {why}; the board cannot take ballots until the credential list is fixed",
                    path.display(),
                    raw.line
                ))
            };
            let key = credential_key(&line.credential)
                .filter(|k| *k != [0u8; 32])
                .ok_or_else(|| bad("not a public credential"))?;
            if previous.is_some_and(|p| key <= p) {
                return Err(bad(if previous == Some(key) {
                    "a credential listed twice"
                } else {
                    "out of order: the list must be sorted in increasing order of the encodings"
                }));
            }
            previous = Some(key);
            credentials.insert(key);
        }
        let mut board = Board {
            record: record.clone(),
            head: TrackingCode::initial(ctx.election_hash()),
            ctx,
            credentials,
            voted: HashSet::new(),
            cast: HashSet::new(),
            spoiled: HashSet::new(),
            entries: 0,
            challenged: 0,
            ballots_out: None,
            challenged_out: None,
            _lock: lock,
        };
        board.scan()?;
        Ok(board)
    }

    fn scan(&mut self) -> Result<()> {
        let dir = self.record.dir().clone();
        if let Some(mut lines) = LineReader::open_or_empty(&dir.ballots())? {
            while let Some(raw) = lines.next_line()? {
                let head: BoardEntryHead = raw.parse_partial(&dir.ballots())?;
                let expected = self.head.next(&head.ballot_hash);
                if head.tracking_code != expected {
                    return Err(RecordError::invalid(format!(
                        "ballots.jsonl:{}: the tracking-code chain is broken; refusing to extend it",
                        raw.line
                    )));
                }
                self.head = expected;
                self.cast.insert(head.ballot_hash);
                if let Some(c) = credential_key(&head.ballot.credential) {
                    self.voted.insert(c);
                }
                self.entries += 1;
            }
        }
        if let Some(mut lines) = LineReader::open_or_empty(&dir.challenged())? {
            while let Some(raw) = lines.next_line()? {
                let head: ChallengedHead = raw.parse_partial(&dir.challenged())?;
                self.spoiled.insert(head.ballot_hash);
                self.challenged += 1;
            }
        }
        Ok(())
    }

    /// The election context.
    pub fn context(&self) -> &ElectionContext {
        &self.ctx
    }

    /// The tracking code of the last cast ballot (`T₀` when empty).
    pub fn head(&self) -> TrackingCode {
        self.head
    }

    /// Number of cast ballots on the board.
    pub fn entries(&self) -> u64 {
        self.entries
    }

    /// Number of challenged ballots.
    pub fn challenged(&self) -> u64 {
        self.challenged
    }

    /// Number of credentials in the published list.
    pub fn credential_count(&self) -> usize {
        self.credentials.len()
    }

    /// Checks everything about `submission` that does not depend on other submissions of the same batch: for a
    /// cast ballot its proofs and signature (`proof_error`, the result of its verification) and eligibility;
    /// for a challenged ballot spec §8.1's rules 1–5.
    fn check_alone(
        &self,
        submission: &Submission,
        proof_error: Option<BallotError>,
    ) -> Result<(), Refusal> {
        if self.record.dir().tally().exists() {
            return Err(Refusal::Closed);
        }
        self.check_new(submission)?;
        match submission {
            Submission::Cast { ballot } => {
                if let Some(e) = proof_error {
                    return Err(Refusal::InvalidBallot(e));
                }
                if !self.credentials.contains(ballot.credential.as_bytes()) {
                    return Err(Refusal::UnknownCredential(ballot.credential.to_hex()));
                }
                Ok(())
            }
            Submission::Challenged { ballot, opening } => {
                let listed = |c: &[u8; 32]| self.credentials.contains(c);
                match challenge_problems(&self.ctx, ballot, opening, &listed)
                    .into_iter()
                    .next()
                {
                    Some(refusal) => Err(refusal),
                    None => Ok(()),
                }
            }
        }
    }

    /// Checks and appends one submission.
    pub fn submit(&mut self, submission: &Submission) -> Result<Receipt> {
        let proof = match submission {
            Submission::Cast { ballot } => sailau_vote::verify_ballot(&self.ctx, ballot).err(),
            Submission::Challenged { .. } => None,
        };
        self.check_alone(submission, proof)?;
        self.append(submission)
    }

    /// Checks many submissions (the cast ballots' proofs in parallel batches on the current rayon pool) and
    /// appends the good ones in order; one result per submission.
    pub fn submit_all(&mut self, submissions: &[Submission]) -> Vec<Result<Receipt>> {
        let cast: Vec<&EncryptedBallot> = submissions
            .iter()
            .filter_map(|s| match s {
                Submission::Cast { ballot } => Some(ballot),
                Submission::Challenged { .. } => None,
            })
            .collect();
        let mut proofs = verify_ballots(&self.ctx, &cast, DEFAULT_BATCH).into_iter();
        submissions
            .iter()
            .map(|s| {
                let proof = match s {
                    Submission::Cast { .. } => proofs.next().flatten(),
                    Submission::Challenged { .. } => None,
                };
                self.check_alone(s, proof)?;
                self.append(s)
            })
            .collect()
    }

    /// Refuses a ballot hash that is already on the board or challenged: a ballot hash lives in exactly one
    /// place (spec §8.1). Checked before the proofs, so that a challenged ballot later cast is refused as
    /// challenged even when its proofs fail (an over-vote).
    fn check_new(&self, submission: &Submission) -> Result<(), Refusal> {
        let ballot_hash = submission.ballot().hash();
        let hex = || ballot_hash.to_hex();
        if self.spoiled.contains(&ballot_hash) {
            return Err(Refusal::Challenged(hex()));
        }
        if self.cast.contains(&ballot_hash) {
            return Err(match submission {
                Submission::Cast { .. } => Refusal::Replay(hex()),
                Submission::Challenged { .. } => Refusal::AlreadyCast(hex()),
            });
        }
        Ok(())
    }

    /// Appends a checked submission.
    fn append(&mut self, submission: &Submission) -> Result<Receipt> {
        self.check_new(submission)?;
        let ballot = submission.ballot();
        let ballot_hash = ballot.hash();
        let dir = self.record.dir().clone();
        let receipt = match submission {
            Submission::Cast { ballot } => {
                let tracking_code = self.head.next(&ballot_hash);
                let entry = BoardEntry {
                    tracking_code,
                    ballot_hash,
                    ballot: ballot.clone(),
                };
                let out = match &mut self.ballots_out {
                    Some(out) => out,
                    None => self
                        .ballots_out
                        .insert(JsonLinesWriter::append(&dir.ballots())?),
                };
                out.write(&entry)?;
                self.cast.insert(ballot_hash);
                self.head = tracking_code;
                self.entries += 1;
                let revote = !self.voted.insert(*ballot.credential.as_bytes());
                Receipt::Cast {
                    tracking_code,
                    ballot_hash,
                    line: self.entries,
                    revote,
                }
            }
            Submission::Challenged { ballot, opening } => {
                let entry = ChallengedEntry {
                    ballot_hash,
                    ballot: ballot.clone(),
                    opening: opening.clone(),
                };
                let out = match &mut self.challenged_out {
                    Some(out) => out,
                    None => self
                        .challenged_out
                        .insert(JsonLinesWriter::append(&dir.challenged())?),
                };
                out.write(&entry)?;
                self.spoiled.insert(ballot_hash);
                self.challenged += 1;
                Receipt::Challenged {
                    ballot_hash,
                    line: self.challenged,
                }
            }
        };
        Ok(receipt)
    }

    /// Flushes and syncs the appended lines.
    pub fn close(mut self) -> Result<()> {
        if let Some(out) = self.ballots_out.take() {
            out.finish()?;
        }
        if let Some(out) = self.challenged_out.take() {
            out.finish()?;
        }
        Ok(())
    }
}

#[derive(serde::Deserialize)]
struct ChallengedHead {
    ballot_hash: Hash32,
}

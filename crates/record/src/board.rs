//! The bulletin board: checks each submitted ballot and appends it to `ballots.jsonl` (cast) or
//! `challenged.jsonl` (challenged), extending the tracking-code chain.
//!
//! A cast ballot is accepted only if every proof and the credential signature hold, the credential is in
//! `credentials.jsonl`, the same ballot is not already on the board (replay), and the board is still open (no
//! `tally.json`). A later ballot of the same credential replaces the earlier one in the tally (re-voting).
//! A challenged ballot must in addition open correctly; it never counts.

use std::collections::HashSet;

use sailau_vote::{
    BallotError, ElectionContext, EncryptedBallot, Hash32, TrackingCode, verify_opening,
};

use crate::check::{DEFAULT_BATCH, verify_ballots};
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
    /// This exact ballot is already on the board or among the challenged ballots.
    #[error("replay: ballot {0} was already submitted")]
    Replay(String),
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
    hashes: HashSet<Hash32>,
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

/// Parses a public credential's hex without decompressing it.
pub(crate) fn credential_key(hex: &str) -> Option<[u8; 32]> {
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
        let mut credentials = HashSet::new();
        if let Some(mut lines) = LineReader::open_or_empty(&dir.credentials())? {
            while let Some(raw) = lines.next_line()? {
                let line: CredentialLineRaw = raw.parse(&dir.credentials())?;
                let key = credential_key(&line.credential).ok_or_else(|| {
                    RecordError::invalid(format!(
                        "credentials.jsonl:{}: not a credential",
                        raw.line
                    ))
                })?;
                credentials.insert(key);
            }
        }
        let mut board = Board {
            record: record.clone(),
            head: TrackingCode::initial(ctx.election_hash()),
            ctx,
            credentials,
            voted: HashSet::new(),
            hashes: HashSet::new(),
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
                let head: BoardEntryHead = raw.parse(&dir.ballots())?;
                let expected = self.head.next(&head.ballot_hash);
                if head.tracking_code != expected {
                    return Err(RecordError::invalid(format!(
                        "ballots.jsonl:{}: the tracking-code chain is broken; refusing to extend it",
                        raw.line
                    )));
                }
                self.head = expected;
                self.hashes.insert(head.ballot_hash);
                if let Some(c) = credential_key(&head.ballot.credential) {
                    self.voted.insert(c);
                }
                self.entries += 1;
            }
        }
        if let Some(mut lines) = LineReader::open_or_empty(&dir.challenged())? {
            while let Some(raw) = lines.next_line()? {
                let head: ChallengedHead = raw.parse(&dir.challenged())?;
                self.hashes.insert(head.ballot_hash);
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

    /// Checks everything about `submission` that does not depend on other submissions of the same batch
    /// (proofs, signature, eligibility, opening); `proof_error` is the result of the ballot's verification if
    /// it was already done.
    fn check_alone(
        &self,
        submission: &Submission,
        proof_error: Option<BallotError>,
    ) -> Result<(), Refusal> {
        if self.record.dir().tally().exists() {
            return Err(Refusal::Closed);
        }
        let ballot = submission.ballot();
        if let Some(e) = proof_error {
            return Err(Refusal::InvalidBallot(e));
        }
        if !self.credentials.contains(ballot.credential.as_bytes()) {
            return Err(Refusal::UnknownCredential(ballot.credential.to_hex()));
        }
        if let Submission::Challenged { ballot, opening } = submission {
            verify_opening(&self.ctx, ballot, opening).map_err(Refusal::BadOpening)?;
        }
        Ok(())
    }

    /// Checks and appends one submission.
    pub fn submit(&mut self, submission: &Submission) -> Result<Receipt> {
        let proof = sailau_vote::verify_ballot(&self.ctx, submission.ballot()).err();
        self.check_alone(submission, proof)?;
        self.append(submission)
    }

    /// Checks many submissions (proofs in parallel batches on the current rayon pool) and appends the good
    /// ones in order; one result per submission.
    pub fn submit_all(&mut self, submissions: &[Submission]) -> Vec<Result<Receipt>> {
        let ballots: Vec<&EncryptedBallot> = submissions.iter().map(Submission::ballot).collect();
        let proofs = verify_ballots(&self.ctx, &ballots, DEFAULT_BATCH);
        submissions
            .iter()
            .zip(proofs)
            .map(|(s, proof)| {
                self.check_alone(s, proof)?;
                self.append(s)
            })
            .collect()
    }

    /// Appends a checked submission (refusing replays).
    fn append(&mut self, submission: &Submission) -> Result<Receipt> {
        let ballot = submission.ballot();
        let ballot_hash = ballot.hash();
        if self.hashes.contains(&ballot_hash) {
            return Err(Refusal::Replay(ballot_hash.to_hex()).into());
        }
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
                self.challenged += 1;
                Receipt::Challenged {
                    ballot_hash,
                    line: self.challenged,
                }
            }
        };
        self.hashes.insert(ballot_hash);
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

//! Where each part of an election record lives.
//!
//! ```text
//! RECORD/
//!   manifest.json        the election: contests, options, trustees n and threshold t
//!   parameters.json      protocol, manifest hash, trustees n and threshold t
//!   trustees/
//!     trustee-<i>.json   trustee i's announcement: commitments, proofs of knowledge, share-encryption key
//!     dealt-<i>.json     the key shares trustee i dealt, each encrypted to its recipient and signed
//!     finalized-<j>.json trustee j accepted its shares; its verification key
//!     complaints-<j>.json  (only if trustee j found a bad share) complaints anyone can judge
//!   election.json        derived when the last trustee finalizes: election hash, joint key, verification keys
//!   credentials.jsonl    public credentials, one per line
//!   ballots.jsonl        the bulletin board: accepted cast ballots in order, with the tracking-code chain
//!   challenged.jsonl     challenged (spoiled) ballots with their revealed nonces; never counted
//!   tally.json           the encrypted tally over the last ballot of each credential
//!   shares/
//!     share-<i>.json     trustee i's partial decryption of the tally, with proofs
//!   results.json         the combined decryption: counts per option
//!   .board.lock          exists only while a process appends to or tallies the board
//! ```
//!
//! Secrets never live in the record: each trustee's secret file and the voters' private credentials are written
//! wherever their owners say.

use std::path::{Path, PathBuf};

/// File names inside a record directory.
pub mod names {
    /// The election manifest.
    pub const MANIFEST: &str = "manifest.json";
    /// Protocol parameters and the joint public key.
    pub const PARAMETERS: &str = "parameters.json";
    /// Trustee public data.
    pub const TRUSTEES: &str = "trustees";
    /// What the key ceremony produced.
    pub const ELECTION: &str = "election.json";
    /// Public credentials.
    pub const CREDENTIALS: &str = "credentials.jsonl";
    /// The bulletin board of cast ballots.
    pub const BALLOTS: &str = "ballots.jsonl";
    /// Challenged ballots.
    pub const CHALLENGED: &str = "challenged.jsonl";
    /// The encrypted tally.
    pub const TALLY: &str = "tally.json";
    /// Partial decryptions.
    pub const SHARES: &str = "shares";
    /// The published results.
    pub const RESULTS: &str = "results.json";
    /// Held while the board is appended to or tallied.
    pub const LOCK: &str = ".board.lock";
}

/// The paths of one election record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDir {
    root: PathBuf,
}

impl RecordDir {
    /// A record rooted at `root` (nothing is read or created).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The record's directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `manifest.json`.
    pub fn manifest(&self) -> PathBuf {
        self.root.join(names::MANIFEST)
    }

    /// `parameters.json`.
    pub fn parameters(&self) -> PathBuf {
        self.root.join(names::PARAMETERS)
    }

    /// `trustees/`.
    pub fn trustees_dir(&self) -> PathBuf {
        self.root.join(names::TRUSTEES)
    }

    /// `trustees/trustee-<i>.json`.
    pub fn trustee(&self, index: u32) -> PathBuf {
        self.trustees_dir().join(format!("trustee-{index}.json"))
    }

    /// `trustees/finalized-<i>.json`.
    pub fn finalized(&self, index: u32) -> PathBuf {
        self.trustees_dir().join(format!("finalized-{index}.json"))
    }

    /// `trustees/dealt-<i>.json`.
    pub fn dealt(&self, index: u32) -> PathBuf {
        self.trustees_dir().join(format!("dealt-{index}.json"))
    }

    /// `trustees/complaints-<j>.json`.
    pub fn complaints(&self, index: u32) -> PathBuf {
        self.trustees_dir().join(format!("complaints-{index}.json"))
    }

    /// `election.json`.
    pub fn election(&self) -> PathBuf {
        self.root.join(names::ELECTION)
    }

    /// `credentials.jsonl`.
    pub fn credentials(&self) -> PathBuf {
        self.root.join(names::CREDENTIALS)
    }

    /// `ballots.jsonl`.
    pub fn ballots(&self) -> PathBuf {
        self.root.join(names::BALLOTS)
    }

    /// `challenged.jsonl`.
    pub fn challenged(&self) -> PathBuf {
        self.root.join(names::CHALLENGED)
    }

    /// `tally.json`.
    pub fn tally(&self) -> PathBuf {
        self.root.join(names::TALLY)
    }

    /// `shares/`.
    pub fn shares_dir(&self) -> PathBuf {
        self.root.join(names::SHARES)
    }

    /// `shares/share-<i>.json`.
    pub fn share(&self, index: u32) -> PathBuf {
        self.shares_dir().join(format!("share-{index}.json"))
    }

    /// `results.json`.
    pub fn results(&self) -> PathBuf {
        self.root.join(names::RESULTS)
    }

    /// `.board.lock`.
    pub fn lock(&self) -> PathBuf {
        self.root.join(names::LOCK)
    }

    /// A path relative to the record root, for messages (`ballots.jsonl`, `shares/share-2.json`).
    pub fn display<'a>(&self, path: &'a Path) -> std::path::Display<'a> {
        path.strip_prefix(&self.root).unwrap_or(path).display()
    }
}

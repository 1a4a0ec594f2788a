//! Election manifest (contests and options) and election parameters (trustees, threshold).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::ManifestError;
use crate::hash::{Hash32, PROTOCOL, Transcript};

/// At most this many contests per manifest.
pub const MAX_CONTESTS: usize = 64;
/// At most this many options per contest.
pub const MAX_OPTIONS: usize = 255;
/// At most this many allowed mark counts per contest (`max - min + 1`), i.e. branches of the
/// count proof.
pub const MAX_RANGE: u32 = 64;
/// At most this many trustees.
pub const MAX_TRUSTEES: u32 = 255;

/// What an option stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    /// A candidate (or a yes/no answer).
    #[default]
    Candidate,
    /// «Против всех» / "against all". At most one per contest.
    AgainstAll,
}

impl OptionKind {
    /// The byte hashed into the manifest hash: 0 = candidate, 1 = against all.
    pub fn code(self) -> u8 {
        match self {
            OptionKind::Candidate => 0,
            OptionKind::AgainstAll => 1,
        }
    }
}

/// One option of a contest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestOption {
    /// Identifier, unique within the contest.
    pub id: String,
    /// Display label (e.g. the candidate's name).
    pub label: String,
    /// Candidate or "against all".
    #[serde(default)]
    pub kind: OptionKind,
}

/// One contest: the voter marks between `min_selections` and `max_selections` options.
/// An akim ballot has `min_selections = max_selections = 1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contest {
    /// Identifier, unique within the manifest.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Minimum number of marks.
    pub min_selections: u32,
    /// Maximum number of marks.
    pub max_selections: u32,
    /// The options, in ballot order.
    pub options: Vec<ContestOption>,
}

/// The election manifest: what is voted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Globally unique election identifier.
    pub election_id: String,
    /// Display title.
    pub title: String,
    /// The contests, in ballot order.
    pub contests: Vec<Contest>,
}

impl Manifest {
    /// Check identifiers, counts and selection limits.
    pub fn validate(&self) -> Result<(), ManifestError> {
        if self.election_id.is_empty() {
            return Err(ManifestError::EmptyId("election".into()));
        }
        if self.contests.is_empty() {
            return Err(ManifestError::NoContests);
        }
        if self.contests.len() > MAX_CONTESTS {
            return Err(ManifestError::TooManyContests {
                found: self.contests.len(),
                max: MAX_CONTESTS,
            });
        }
        let mut contest_ids = HashSet::new();
        for c in &self.contests {
            if c.id.is_empty() {
                return Err(ManifestError::EmptyId("contest".into()));
            }
            if !contest_ids.insert(c.id.as_str()) {
                return Err(ManifestError::DuplicateContestId(c.id.clone()));
            }
            if c.options.is_empty() || c.options.len() > MAX_OPTIONS {
                return Err(ManifestError::OptionCount {
                    contest: c.id.clone(),
                    found: c.options.len(),
                    max: MAX_OPTIONS,
                });
            }
            let mut option_ids = HashSet::new();
            let mut against_all = 0usize;
            for o in &c.options {
                if o.id.is_empty() {
                    return Err(ManifestError::EmptyId(format!(
                        "option of contest {:?}",
                        c.id
                    )));
                }
                if !option_ids.insert(o.id.as_str()) {
                    return Err(ManifestError::DuplicateOptionId {
                        contest: c.id.clone(),
                        option: o.id.clone(),
                    });
                }
                if o.kind == OptionKind::AgainstAll {
                    against_all += 1;
                }
            }
            if against_all > 1 {
                return Err(ManifestError::MultipleAgainstAll(c.id.clone()));
            }
            let n = c.options.len();
            let ok = c.min_selections <= c.max_selections
                && c.max_selections >= 1
                && (c.max_selections as usize) <= n
                && c.max_selections - c.min_selections < MAX_RANGE;
            if !ok {
                return Err(ManifestError::SelectionLimits {
                    contest: c.id.clone(),
                    min: c.min_selections,
                    max: c.max_selections,
                    options: n,
                });
            }
        }
        Ok(())
    }

    /// The manifest hash (spec §3.1): transcript `"manifest"` over election id, title,
    /// contest count, then per contest id, title, min, max, option count, then per option
    /// id, label and kind byte.
    pub fn hash(&self) -> Hash32 {
        let mut t = Transcript::new("manifest");
        t.str(&self.election_id).str(&self.title);
        t.count(self.contests.len());
        for c in &self.contests {
            t.str(&c.id)
                .str(&c.title)
                .u32(c.min_selections)
                .u32(c.max_selections)
                .count(c.options.len());
            for o in &c.options {
                t.str(&o.id).str(&o.label).bytes(&[o.kind.code()]);
            }
        }
        t.hash32()
    }

    /// Position of a contest by id.
    pub fn contest_index(&self, id: &str) -> Option<usize> {
        self.contests.iter().position(|c| c.id == id)
    }
}

/// Public election parameters fixed before the key ceremony.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionParameters {
    /// Always [`PROTOCOL`] (`"sailau-vote/v1"`).
    pub protocol: String,
    /// [`Manifest::hash`] of the manifest.
    pub manifest_hash: Hash32,
    /// Number of trustees `n` (indices 1..=n).
    pub trustees: u32,
    /// Number of trustees `t` needed to decrypt.
    pub threshold: u32,
}

impl ElectionParameters {
    /// Parameters for a manifest with `threshold`-of-`trustees` decryption.
    pub fn new(manifest: &Manifest, trustees: u32, threshold: u32) -> Result<Self, ManifestError> {
        manifest.validate()?;
        let p = ElectionParameters {
            protocol: PROTOCOL.to_string(),
            manifest_hash: manifest.hash(),
            trustees,
            threshold,
        };
        p.validate()?;
        Ok(p)
    }

    /// Check protocol and `1 <= t <= n <= 255`.
    pub fn validate(&self) -> Result<(), ManifestError> {
        if self.protocol != PROTOCOL {
            return Err(ManifestError::Protocol(self.protocol.clone()));
        }
        if self.threshold == 0 || self.threshold > self.trustees || self.trustees > MAX_TRUSTEES {
            return Err(ManifestError::Threshold {
                threshold: self.threshold,
                trustees: self.trustees,
            });
        }
        Ok(())
    }

    /// Validate these parameters together with the manifest they name.
    pub fn validate_with(&self, manifest: &Manifest) -> Result<(), ManifestError> {
        self.validate()?;
        manifest.validate()?;
        if manifest.hash() != self.manifest_hash {
            return Err(ManifestError::ManifestHashMismatch);
        }
        Ok(())
    }

    /// The parameters hash (spec §3.2): transcript `"parameters"` over manifest hash, n, t.
    /// Binds the key ceremony and the credentials to this election.
    pub fn hash(&self) -> Hash32 {
        let mut t = Transcript::new("parameters");
        t.hash(&self.manifest_hash)
            .u32(self.trustees)
            .u32(self.threshold);
        t.hash32()
    }
}

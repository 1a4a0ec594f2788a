//! The small input file of `sailau election init`: the manifest plus the trustee numbers, in TOML or JSON.
//!
//! ```toml
//! election_id = "akim-almaty-2025"
//! title = "Election of the akim of Almaty"
//! trustees = 5
//! threshold = 3
//!
//! [[contests]]
//! id = "akim"
//! title = "Akim"
//! against_all = true            # adds the option "against-all" / «Против всех» at the end
//! # min_selections = 1          # default 1
//! # max_selections = 1          # default 1
//! options = ["Aigerim Zhaksylykova", { id = "b", label = "Berik Omarov" }]
//! ```
//!
//! An option given as a bare string gets the id `1`, `2`, … by position.

use serde::{Deserialize, Serialize};

use sailau_vote::{Contest, ContestOption, ElectionParameters, Manifest, OptionKind};

use crate::error::{RecordError, Result};

/// Id of the "against all" option added by `against_all = true`.
pub const AGAINST_ALL_ID: &str = "against-all";
/// Label of the "against all" option added by `against_all = true`.
pub const AGAINST_ALL_LABEL: &str = "Против всех / Барлығына қарсы / Against all";

/// The election to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionSpec {
    /// Globally unique election identifier.
    pub election_id: String,
    /// Display title.
    pub title: String,
    /// Number of trustees `n`.
    pub trustees: u32,
    /// Trustees needed to decrypt, `t`.
    pub threshold: u32,
    /// The contests in ballot order.
    pub contests: Vec<ContestSpec>,
}

/// One contest of an [`ElectionSpec`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestSpec {
    /// Contest identifier.
    pub id: String,
    /// Display title (defaults to the id).
    #[serde(default)]
    pub title: Option<String>,
    /// Minimum number of marks (default 1).
    #[serde(default = "one")]
    pub min_selections: u32,
    /// Maximum number of marks (default 1).
    #[serde(default = "one")]
    pub max_selections: u32,
    /// Whether to add an "against all" option at the end.
    #[serde(default)]
    pub against_all: bool,
    /// The options.
    pub options: Vec<OptionSpec>,
}

fn one() -> u32 {
    1
}

/// An option: a bare label, or an id with a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OptionSpec {
    /// Just the label; the id is the 1-based position.
    Label(String),
    /// Explicit id and label.
    Full {
        /// Option id.
        id: String,
        /// Display label.
        label: String,
        /// Candidate (default) or against all.
        #[serde(default)]
        kind: OptionKind,
    },
}

impl ElectionSpec {
    /// Parses a spec from TOML (when `name` ends in `.toml`) or JSON.
    pub fn parse(name: &str, text: &str) -> Result<Self> {
        if name.ends_with(".toml") {
            basic_toml::from_str(text).map_err(|e| RecordError::invalid(format!("{name}: {e}")))
        } else {
            serde_json::from_str(text).map_err(|e| RecordError::invalid(format!("{name}: {e}")))
        }
    }

    /// A one-contest election: the candidates, optionally "against all", exactly one mark.
    pub fn single_contest(
        election_id: &str,
        title: &str,
        candidates: &[String],
        against_all: bool,
        trustees: u32,
        threshold: u32,
    ) -> Self {
        ElectionSpec {
            election_id: election_id.to_owned(),
            title: title.to_owned(),
            trustees,
            threshold,
            contests: vec![ContestSpec {
                id: "main".to_owned(),
                title: Some(title.to_owned()),
                min_selections: 1,
                max_selections: 1,
                against_all,
                options: candidates.iter().cloned().map(OptionSpec::Label).collect(),
            }],
        }
    }

    /// The manifest and parameters this spec describes, validated by the vote crate.
    pub fn build(&self) -> Result<(Manifest, ElectionParameters)> {
        let contests = self
            .contests
            .iter()
            .map(|c| {
                let mut options: Vec<ContestOption> = c
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| match o {
                        OptionSpec::Label(label) => ContestOption {
                            id: (i + 1).to_string(),
                            label: label.clone(),
                            kind: OptionKind::Candidate,
                        },
                        OptionSpec::Full { id, label, kind } => ContestOption {
                            id: id.clone(),
                            label: label.clone(),
                            kind: *kind,
                        },
                    })
                    .collect();
                if c.against_all {
                    options.push(ContestOption {
                        id: AGAINST_ALL_ID.to_owned(),
                        label: AGAINST_ALL_LABEL.to_owned(),
                        kind: OptionKind::AgainstAll,
                    });
                }
                Contest {
                    id: c.id.clone(),
                    title: c.title.clone().unwrap_or_else(|| c.id.clone()),
                    min_selections: c.min_selections,
                    max_selections: c.max_selections,
                    options,
                }
            })
            .collect();
        let manifest = Manifest {
            election_id: self.election_id.clone(),
            title: self.title.clone(),
            contests,
        };
        let parameters = ElectionParameters::new(&manifest, self.trustees, self.threshold)
            .map_err(|e| RecordError::invalid(format!("election: {e}")))?;
        Ok((manifest, parameters))
    }
}

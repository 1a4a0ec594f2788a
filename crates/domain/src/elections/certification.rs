//! Certification of a contest's results (issue 12 §4): the territorial commission's decision,
//! recorded by `certify_results`, turns a complete result into a certified one. Refused while the
//! polls are open, while any precinct's protocol is missing (the refusal names them), and a
//! second time.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::calendar::Phase;
use super::{COMMISSION, Contest, ContestId, Election};
use crate::authz::Policy;
use crate::command::DomainCommand;
use crate::error::{Rule, ValidationErrors};

/// How many missing precincts a refusal lists by number before it only counts the rest.
pub const MISSING_LISTED: usize = 20;

/// A broken rule of the results side of election day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "results_rule", rename_all = "kebab-case")]
pub enum ResultsRule {
    /// {count} precincts have no accepted protocol: {missing}.
    Incomplete {
        /// How many precincts are missing.
        count: u64,
        /// Their numbers, comma-separated (at most [`MISSING_LISTED`], then `…`).
        missing: String,
    },
    /// The contest's results are already certified.
    AlreadyCertified,
    /// The polls have not closed yet: results are certified after the count.
    PollsOpen,
}

impl ResultsRule {
    /// The message key in the Fluent catalogs.
    pub fn key(&self) -> &'static str {
        match self {
            ResultsRule::Incomplete { .. } => "results-incomplete",
            ResultsRule::AlreadyCertified => "results-already-certified",
            ResultsRule::PollsOpen => "results-polls-open",
        }
    }

    /// The message arguments.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ResultsRule::Incomplete { count, missing } => {
                vec![("count", count.to_string()), ("missing", missing.clone())]
            }
            ResultsRule::AlreadyCertified | ResultsRule::PollsOpen => vec![],
        }
    }

    /// The English message (logs, `Display`).
    pub fn english(&self) -> String {
        match self {
            ResultsRule::Incomplete { count, missing } => {
                format!("{count} precincts have no accepted protocol: {missing}")
            }
            ResultsRule::AlreadyCertified => "the results are already certified".into(),
            ResultsRule::PollsOpen => "the polls have not closed yet".into(),
        }
    }

    /// One value of every variant (for the catalog and wording tests).
    pub fn samples() -> Vec<ResultsRule> {
        vec![
            ResultsRule::Incomplete {
                count: 2,
                missing: "15/101, 15/102".into(),
            },
            ResultsRule::AlreadyCertified,
            ResultsRule::PollsOpen,
        ]
    }

    /// The refusal naming `missing` precinct numbers (the first [`MISSING_LISTED`], then `…`).
    pub fn incomplete(missing: &[String]) -> ResultsRule {
        let mut listed = missing
            .iter()
            .take(MISSING_LISTED)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if missing.len() > MISSING_LISTED {
            listed.push_str(", …");
        }
        ResultsRule::Incomplete {
            count: missing.len() as u64,
            missing: listed,
        }
    }
}

impl From<ResultsRule> for Rule {
    fn from(r: ResultsRule) -> Rule {
        Rule::Results(r)
    }
}

/// `certify_results`: the commission certifies a contest's results (law art. 113-1: the
/// territorial commission determines the results; issue 12 §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifyResults {
    /// The contest.
    pub contest: ContestId,
}

impl DomainCommand for CertifyResults {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        self.contest.to_string()
    }
}

/// What the app looked up for `certify_results`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertifyFacts {
    /// Numbers of the unit's precincts without an accepted protocol, in order.
    pub missing_precincts: Vec<String>,
    /// The contest is already certified.
    pub already_certified: bool,
}

impl CertifyResults {
    /// Checks that the polls have closed (the rule set's `voting_closes` on election day, local
    /// time), that every precinct is in and that the contest is not certified yet; every broken
    /// rule at once, on the field `contest`.
    pub fn validate(
        &self,
        contest: &Contest,
        election: &Election,
        facts: &CertifyFacts,
        now: Timestamp,
    ) -> Result<(), ValidationErrors> {
        let rules = election.rules()?;
        let cal = contest.calendar(election, &rules)?;
        let mut errs = ValidationErrors::new();
        let closed = cal
            .windows
            .iter()
            .find(|w| w.phase == Phase::Voting)
            .is_none_or(|w| now >= w.closes.at);
        if !closed {
            errs.push("contest", ResultsRule::PollsOpen.into());
        }
        if facts.already_certified {
            errs.push("contest", ResultsRule::AlreadyCertified.into());
        }
        if !facts.missing_precincts.is_empty() {
            errs.push(
                "contest",
                ResultsRule::incomplete(&facts.missing_precincts).into(),
            );
        }
        errs.into_result()
    }
}

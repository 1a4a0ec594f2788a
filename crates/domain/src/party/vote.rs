//! Quorum and decisions of a party conference, as data: the party's rule set ([`PartyRules`],
//! TOML) and the pure decision of a vote ([`decide`]).
//!
//! Sources: rules.md §5 and seed 003 («решения … большинством голосов присутствующих
//! делегатов»: a majority of the delegates present, so abstentions weigh as present); the quorum
//! is not stated anywhere (**[default]**: more than half of the elected delegates,
//! configurable). Issue 13 §5: counts cannot exceed the delegates present, a tie is not adopted,
//! several contenders → a second round between the top two when nobody reaches the majority.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::error::ValidationErrors;
use crate::party::rules::PartyRule;

/// When a conference can decide at all, from the number of delegates elected to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuorumRule {
    /// More than half of the elected delegates present (**[default]**, rules.md §5).
    MoreThanHalfOfElected,
    /// At least two thirds of the elected delegates present.
    TwoThirdsOfElected,
}

impl QuorumRule {
    /// The smallest number of delegates present that makes a quorum of `elected`.
    pub fn needed(self, elected: u32) -> u32 {
        match self {
            QuorumRule::MoreThanHalfOfElected => elected / 2 + 1,
            QuorumRule::TwoThirdsOfElected => (u64::from(elected) * 2).div_ceil(3) as u32,
        }
    }
}

/// When a proposal (or a contender) is adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionRule {
    /// For > present ÷ 2: abstentions and delegates present who did not vote weigh against
    /// (**[stated]**, seed 003: «большинством голосов присутствующих делегатов»).
    MajorityOfPresent,
    /// For > (all for + against) ÷ 2: abstentions do not count.
    MajorityOfCast,
    /// For ≥ two thirds of the delegates present.
    TwoThirdsOfPresent,
    /// For > elected ÷ 2.
    MajorityOfElected,
}

impl DecisionRule {
    /// Whether `votes_for` reaches the rule, given the delegates `present`, `elected` and the
    /// votes `cast` (for all contenders + against).
    pub fn reached(self, votes_for: u32, present: u32, elected: u32, cast: u32) -> bool {
        let f = u64::from(votes_for);
        match self {
            DecisionRule::MajorityOfPresent => f * 2 > u64::from(present),
            DecisionRule::MajorityOfCast => f * 2 > u64::from(cast),
            DecisionRule::TwoThirdsOfPresent => f > 0 && f * 3 >= u64::from(present) * 2,
            DecisionRule::MajorityOfElected => f * 2 > u64::from(elected),
        }
    }
}

/// What happens when several contenders stand and nobody reaches the decision rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecondRound {
    /// A second round between the two with most votes (issue 13 §5, the default).
    TopTwo,
    /// No second round: the motion is not adopted.
    None,
}

/// A party's rules for conferences, as data (TOML, `deny_unknown_fields`). A conference keeps
/// the copy it was convened with (it is recorded in `convene_conference`), so changing the
/// party's rules later does not change a past decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyRules {
    /// A short identifier (`amanat-2023`).
    pub id: String,
    /// When a conference can decide.
    pub quorum: QuorumRule,
    /// When a proposal is adopted.
    pub decision: DecisionRule,
    /// Several contenders and no majority.
    pub second_round: SecondRound,
    /// Where each value comes from (rules.md sections, seeds, statutes).
    #[serde(default)]
    pub sources: Vec<String>,
}

/// The preset for AMANAT (rules.md §5, seed 003), embedded from `rulesets/party-amanat.toml`.
pub const AMANAT_TOML: &str = include_str!("../../rulesets/party-amanat.toml");

impl PartyRules {
    /// Reads a rule set from TOML; an unknown key or value is refused naming it.
    ///
    /// # Errors
    /// [`crate::Rule::RuleSetInvalid`] on the field `rules`.
    pub fn from_toml(text: &str) -> Result<PartyRules, ValidationErrors> {
        toml::from_str::<PartyRules>(text).map_err(|e| {
            crate::elections::rule_set_errors_on(
                "rules",
                &[crate::elections::rules::toml_problem(text, &e)],
            )
        })
    }

    /// The AMANAT preset (majority of the delegates present, quorum more than half of the
    /// elected, second round between the top two).
    pub fn amanat() -> PartyRules {
        PartyRules::from_toml(AMANAT_TOML).unwrap_or(PartyRules {
            id: "amanat-2023".into(),
            quorum: QuorumRule::MoreThanHalfOfElected,
            decision: DecisionRule::MajorityOfPresent,
            second_round: SecondRound::TopTwo,
            sources: Vec::new(),
        })
    }
}

/// One delegate's vote in a roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// For the contender at this position of the round's contenders (0 for a yes/no question).
    For(u32),
    /// Against (against all contenders).
    Against,
    /// Abstains.
    Abstain,
}

/// A delegate's vote by name (mandate number) in a roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCallVote {
    /// The delegate's mandate number.
    pub mandate: u32,
    /// How the delegate voted.
    pub choice: Choice,
}

/// What the counting commission records for one round of a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tally {
    /// Counts (open vote by show of hand or mandate, or a secret vote's ballots).
    Counts {
        /// Votes for each contender of the round, in order (one count for a yes/no question).
        votes_for: Vec<u32>,
        /// Votes against (against all).
        against: u32,
        /// Abstentions.
        abstain: u32,
    },
    /// Each present delegate's vote by mandate number (roll call).
    RollCall {
        /// The votes, one per delegate who voted.
        votes: Vec<RollCallVote>,
    },
}

/// How a motion is voted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMode {
    /// By show of hand or mandate; the counting commission enters the counts.
    Open,
    /// Each present delegate's vote by name.
    RollCall,
    /// Paper ballots; the counting commission enters the counts (verifiable secret ballots come
    /// with the primaries issue).
    Secret,
}

/// The counts of one round, whatever the mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Votes for each contender of the round.
    pub votes_for: Vec<u32>,
    /// Votes against (against all).
    pub against: u32,
    /// Abstentions.
    pub abstain: u32,
}

impl Counts {
    /// Every vote counted (for, against, abstaining).
    pub fn total(&self) -> u64 {
        self.votes_for.iter().map(|v| u64::from(*v)).sum::<u64>()
            + u64::from(self.against)
            + u64::from(self.abstain)
    }

    /// Votes cast for a contender or against (abstentions excluded).
    pub fn cast(&self) -> u64 {
        self.votes_for.iter().map(|v| u64::from(*v)).sum::<u64>() + u64::from(self.against)
    }
}

/// The result of one round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Adopted: the contender at `winner` (0 for a yes/no question) of the round.
    Adopted {
        /// Position of the winner among the round's contenders.
        winner: u32,
    },
    /// Not adopted (nobody reached the rule, or a tie).
    NotAdopted {
        /// Whether a tie was the reason.
        tie: bool,
    },
    /// Nobody reached the rule: a second round between these two (positions in this round).
    SecondRound {
        /// The two contenders with most votes.
        between: [u32; 2],
    },
}

/// A round's decision with the facts it was taken on, as the minutes print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Delegates elected to the conference.
    pub elected: u32,
    /// Delegates present (checked in) at the vote.
    pub present: u32,
    /// Delegates needed for a quorum.
    pub quorum_needed: u32,
    /// The counts.
    pub counts: Counts,
    /// What the round decided.
    pub outcome: Outcome,
}

/// The facts a vote is decided on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteFacts<'a> {
    /// Delegates elected to the conference (on its roster).
    pub elected: u32,
    /// Mandate numbers of the delegates checked in.
    pub present: &'a BTreeSet<u32>,
    /// How many contenders this round has (1 for a yes/no question).
    pub contenders: u32,
    /// The motion's voting mode.
    pub mode: VoteMode,
    /// Whether this is the last round possible (a second round has no third).
    pub final_round: bool,
}

/// Decides one round: quorum (re-checked at every vote), the tally's shape and mode, counts not
/// above the delegates present, then the party's decision rule. Every broken rule is returned
/// at once; nothing is decided without quorum.
pub fn decide(
    rules: &PartyRules,
    facts: &VoteFacts<'_>,
    tally: &Tally,
) -> Result<Decision, ValidationErrors> {
    let mut errs = ValidationErrors::new();
    let present = u32::try_from(facts.present.len()).unwrap_or(u32::MAX);
    let needed = rules.quorum.needed(facts.elected);
    if present < needed {
        errs.push("present", PartyRule::NoQuorum { present, needed }.into());
    }
    let n = facts.contenders.max(1);
    let counts = match (tally, facts.mode) {
        (
            Tally::Counts {
                votes_for,
                against,
                abstain,
            },
            VoteMode::Open | VoteMode::Secret,
        ) => {
            if votes_for.len() != n as usize {
                errs.push("votes_for", PartyRule::TallyShape { expected: n }.into());
            }
            Counts {
                votes_for: votes_for.clone(),
                against: *against,
                abstain: *abstain,
            }
        }
        (Tally::RollCall { votes }, VoteMode::RollCall) => {
            let mut seen = BTreeSet::new();
            let mut counts = Counts {
                votes_for: vec![0; n as usize],
                against: 0,
                abstain: 0,
            };
            for v in votes {
                if !facts.present.contains(&v.mandate) {
                    errs.push(
                        "votes",
                        PartyRule::NotCheckedIn { mandate: v.mandate }.into(),
                    );
                    continue;
                }
                if !seen.insert(v.mandate) {
                    errs.push("votes", PartyRule::VotedTwice { mandate: v.mandate }.into());
                    continue;
                }
                match v.choice {
                    Choice::For(i) => match counts.votes_for.get_mut(i as usize) {
                        Some(c) => *c += 1,
                        None => errs.push("votes", PartyRule::TallyShape { expected: n }.into()),
                    },
                    Choice::Against => counts.against += 1,
                    Choice::Abstain => counts.abstain += 1,
                }
            }
            counts
        }
        _ => {
            errs.push("tally", PartyRule::TallyMode.into());
            Counts {
                votes_for: Vec::new(),
                against: 0,
                abstain: 0,
            }
        }
    };
    if counts.total() > u64::from(present) {
        errs.push("tally", PartyRule::CountsAbovePresent { present }.into());
    }
    errs.into_result()?;
    let outcome = outcome(rules, facts, present, &counts);
    Ok(Decision {
        elected: facts.elected,
        present,
        quorum_needed: needed,
        counts,
        outcome,
    })
}

/// The outcome of valid counts by the rule set.
fn outcome(rules: &PartyRules, facts: &VoteFacts<'_>, present: u32, counts: &Counts) -> Outcome {
    let cast = u32::try_from(counts.cast()).unwrap_or(u32::MAX);
    let reached: Vec<u32> = counts
        .votes_for
        .iter()
        .enumerate()
        .filter(|(_, v)| rules.decision.reached(**v, present, facts.elected, cast))
        .map(|(i, _)| i as u32)
        .collect();
    let mut order: Vec<(u32, u32)> = counts
        .votes_for
        .iter()
        .enumerate()
        .map(|(i, v)| (i as u32, *v))
        .collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    match reached.as_slice() {
        [winner] => {
            // A rule weaker than a majority could let two reach it: the one with most votes
            // wins, a tie between them is not adopted (handled below).
            Outcome::Adopted { winner: *winner }
        }
        [] => {
            let tie_at_top = order.len() >= 2 && order[0].1 == order[1].1;
            if order.len() >= 3 && rules.second_round == SecondRound::TopTwo && !facts.final_round {
                if order[1].1 == order[2].1 {
                    // Who is second cannot be said: not adopted.
                    Outcome::NotAdopted { tie: true }
                } else {
                    Outcome::SecondRound {
                        between: [order[0].0, order[1].0],
                    }
                }
            } else {
                Outcome::NotAdopted { tie: tie_at_top }
            }
        }
        _ => {
            if order.len() >= 2 && order[0].1 == order[1].1 {
                Outcome::NotAdopted { tie: true }
            } else {
                Outcome::Adopted { winner: order[0].0 }
            }
        }
    }
}

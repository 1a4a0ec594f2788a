//! Tabulation (issue 12 §4, §6): from accepted precinct protocols to unit results, winners,
//! deposit refunds, region and national summaries and statistics. Pure: the app passes the
//! accepted protocols and the facts; nothing here reads storage or a clock.
//!
//! The rules come from the rule set's `[election_day]` and `[deposit]` sections (rules.md §4):
//!
//! - a unit's result is the sum of its accepted protocols ([`Counts`]); its status is
//!   [`ResultStatus::Preliminary`] until every precinct is in, then [`ResultStatus::Complete`],
//!   and [`ResultStatus::Certified`] after the commission's `certify_results`;
//! - the winner by `winner_rule`: `plurality` (most votes) or `absolute_majority` (more than half
//!   of the ballots found in the boxes, else a run-off between the top two);
//! - a tie for first place (or for the second run-off place) → repeat election (`tie`);
//! - turnout below `minimum_turnout_percent` → repeat election;
//! - "against all" outpolling every candidate: flagged; under `against_all = "repeat_election"`
//!   also a repeat election;
//! - deposits are refunded to the elected candidate and to every candidate with at least
//!   `refund_min_percent` of the ballots found in the boxes.
//!
//! Everything is generic over the key of a candidate `K` and of a precinct `P`, so the same code
//! serves the app (nomination ids, precinct numbers), the audit tool and the property tests.
//! Shares are compared in integers (`votes × 100 × 10⁶ ≥ percent×10⁶ × total`), so no rounding
//! decides a winner or a refund.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::RouteKind;
use super::rules::{DepositRules, ElectionDayRules};
use crate::person::Gender;

/// The counts of one precinct protocol, or their sum over any set of protocols.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(
    serialize = "K: Serialize + Ord",
    deserialize = "K: Deserialize<'de> + Ord"
))]
pub struct Counts<K> {
    /// Voters on the list.
    pub voters_on_list: u64,
    /// Ballots issued (inside the station, outside it and on absentee certificates): the voters
    /// who took part.
    pub ballots_issued: u64,
    /// Ballots found in the boxes (stationary and mobile).
    pub found_in_boxes: u64,
    /// Invalid ballots.
    pub invalid: u64,
    /// Votes "against all".
    pub against_all: u64,
    /// Votes per candidate.
    pub votes: BTreeMap<K, u64>,
}

impl<K> Default for Counts<K> {
    fn default() -> Self {
        Counts {
            voters_on_list: 0,
            ballots_issued: 0,
            found_in_boxes: 0,
            invalid: 0,
            against_all: 0,
            votes: BTreeMap::new(),
        }
    }
}

impl<K: Ord + Clone> Counts<K> {
    /// Adds `other` to these counts (saturating: national sums are far below `u64::MAX`).
    pub fn add(&mut self, other: &Counts<K>) {
        self.voters_on_list = self.voters_on_list.saturating_add(other.voters_on_list);
        self.ballots_issued = self.ballots_issued.saturating_add(other.ballots_issued);
        self.found_in_boxes = self.found_in_boxes.saturating_add(other.found_in_boxes);
        self.invalid = self.invalid.saturating_add(other.invalid);
        self.against_all = self.against_all.saturating_add(other.against_all);
        for (k, v) in &other.votes {
            let e = self.votes.entry(k.clone()).or_insert(0);
            *e = e.saturating_add(*v);
        }
    }

    /// The sum of any number of counts.
    pub fn sum<'a>(all: impl IntoIterator<Item = &'a Counts<K>>) -> Counts<K>
    where
        K: 'a,
    {
        let mut total = Counts::default();
        for c in all {
            total.add(c);
        }
        total
    }

    /// Turnout in percent (ballots issued ÷ voters on the list × 100); 0 with no voters.
    pub fn turnout_percent(&self) -> f64 {
        percent(self.ballots_issued, self.voters_on_list)
    }
}

/// `part ÷ whole × 100`, 0 when `whole` is 0. For display; decisions use [`at_least_percent`].
pub fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Whether `part ÷ whole ≥ pct %`, decided in integers with `pct` taken to six decimals
/// (a rule set's percentages such as `5.0` or `62.5` are exact). With `whole` = 0 only a 0%
/// threshold is met.
pub fn at_least_percent(part: u64, whole: u64, pct: f64) -> bool {
    let micro = (pct * 1_000_000.0).round().max(0.0) as u128;
    u128::from(part) * 100_000_000 >= micro * u128::from(whole)
}

/// A unit result's status (issue 12 §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultStatus {
    /// Some precincts have not reported: the numbers are partial.
    Preliminary,
    /// Every precinct's protocol is accepted.
    Complete,
    /// The territorial commission certified the result.
    Certified,
}

impl ResultStatus {
    /// `preliminary`, `complete`, `certified`.
    pub fn as_str(self) -> &'static str {
        match self {
            ResultStatus::Preliminary => "preliminary",
            ResultStatus::Complete => "complete",
            ResultStatus::Certified => "certified",
        }
    }
}

/// What a unit's counts decide (on preliminary counts: what they would decide if final).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome<K> {
    /// No ballots in the boxes yet: nothing to decide.
    NoVotes,
    /// The candidate is elected.
    Elected {
        /// The winner.
        winner: K,
    },
    /// Nobody has an absolute majority: a run-off between the top two.
    RunOff {
        /// The first two, by votes.
        first: K,
        /// The second.
        second: K,
    },
    /// A tie for first place (or for the second run-off place): a repeat election.
    RepeatTie {
        /// The tied candidates.
        tied: Vec<K>,
    },
    /// Turnout below the rule set's minimum: a repeat election.
    RepeatLowTurnout,
    /// "Against all" outpolled every candidate under `against_all = "repeat_election"`.
    RepeatAgainstAll,
}

impl<K> Outcome<K> {
    /// `no_votes`, `elected`, `run_off`, `repeat_tie`, `repeat_low_turnout`,
    /// `repeat_against_all`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::NoVotes => "no_votes",
            Outcome::Elected { .. } => "elected",
            Outcome::RunOff { .. } => "run_off",
            Outcome::RepeatTie { .. } => "repeat_tie",
            Outcome::RepeatLowTurnout => "repeat_low_turnout",
            Outcome::RepeatAgainstAll => "repeat_against_all",
        }
    }

    /// Whether the outcome calls for a repeat election.
    pub fn is_repeat(&self) -> bool {
        matches!(
            self,
            Outcome::RepeatTie { .. } | Outcome::RepeatLowTurnout | Outcome::RepeatAgainstAll
        )
    }
}

/// How a rule set decides a winner, read from its `[election_day]` and `[deposit]` sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Policies {
    /// Absolute majority with a run-off (`winner_rule = "absolute_majority"`) instead of
    /// plurality.
    pub absolute_majority: bool,
    /// "Against all" outpolling everyone calls a repeat election (`against_all =
    /// "repeat_election"`) instead of only a flag.
    pub against_all_repeats: bool,
    /// `minimum_turnout_percent` (0: none).
    pub minimum_turnout_percent: f64,
    /// `deposit.refund_min_percent`.
    pub refund_min_percent: f64,
}

impl Policies {
    /// The policies of a rule set's sections (validated when the rule set was parsed).
    pub fn of(day: &ElectionDayRules, deposit: &DepositRules) -> Policies {
        Policies {
            absolute_majority: day.winner_rule == "absolute_majority",
            against_all_repeats: day.against_all == "repeat_election",
            minimum_turnout_percent: day.minimum_turnout_percent,
            refund_min_percent: deposit.refund_min_percent,
        }
    }
}

/// One line of a unit's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line<K> {
    /// The candidate.
    pub candidate: K,
    /// Votes.
    pub votes: u64,
    /// Share of the ballots found in the boxes, percent.
    pub percent: f64,
    /// The deposit is refunded (elected, or at least `refund_min_percent`).
    pub refund: bool,
}

/// A unit's (contest's) result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(
    serialize = "K: Serialize + Ord",
    deserialize = "K: Deserialize<'de> + Ord"
))]
pub struct UnitResult<K> {
    /// Preliminary, complete or certified.
    pub status: ResultStatus,
    /// Precincts whose protocol is accepted.
    pub precincts_in: usize,
    /// Precincts of the unit.
    pub precincts_total: usize,
    /// The sum of the accepted protocols.
    pub totals: Counts<K>,
    /// Turnout in percent of the accepted protocols.
    pub turnout_percent: f64,
    /// One line per candidate on the ballot, most votes first (ties in key order).
    pub lines: Vec<Line<K>>,
    /// "Against all" has more votes than every candidate (shown; a repeat only if the rule set
    /// says so).
    pub against_all_outpolls: bool,
    /// What the counts decide.
    pub outcome: Outcome<K>,
}

/// Tabulates one unit: `candidates` are those on the ballot (a candidate with no votes in any
/// protocol still has a line), `accepted` the accepted protocols, `precincts_total` the unit's
/// precincts, `certified` whether the commission certified it.
pub fn tabulate_unit<K: Ord + Clone>(
    candidates: &[K],
    accepted: &[Counts<K>],
    precincts_total: usize,
    certified: bool,
    policies: &Policies,
) -> UnitResult<K> {
    let mut totals = Counts::sum(accepted);
    for c in candidates {
        totals.votes.entry(c.clone()).or_insert(0);
    }
    let status = if certified {
        ResultStatus::Certified
    } else if accepted.len() >= precincts_total {
        ResultStatus::Complete
    } else {
        ResultStatus::Preliminary
    };
    let mut ranked: Vec<(K, u64)> = totals.votes.iter().map(|(k, v)| (k.clone(), *v)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let best = ranked.first().map(|r| r.1).unwrap_or(0);
    let against_all_outpolls = totals.found_in_boxes > 0 && totals.against_all > best;
    let outcome = decide(&ranked, &totals, against_all_outpolls, policies);
    let winner = match &outcome {
        Outcome::Elected { winner } => Some(winner.clone()),
        _ => None,
    };
    let lines = ranked
        .into_iter()
        .map(|(candidate, votes)| Line {
            refund: winner.as_ref() == Some(&candidate)
                || (totals.found_in_boxes > 0
                    && at_least_percent(votes, totals.found_in_boxes, policies.refund_min_percent)),
            percent: percent(votes, totals.found_in_boxes),
            candidate,
            votes,
        })
        .collect();
    UnitResult {
        status,
        precincts_in: accepted.len(),
        precincts_total,
        turnout_percent: totals.turnout_percent(),
        totals,
        lines,
        against_all_outpolls,
        outcome,
    }
}

fn decide<K: Ord + Clone>(
    ranked: &[(K, u64)],
    totals: &Counts<K>,
    against_all_outpolls: bool,
    p: &Policies,
) -> Outcome<K> {
    if totals.found_in_boxes == 0 || ranked.is_empty() {
        return Outcome::NoVotes;
    }
    if p.minimum_turnout_percent > 0.0
        && !at_least_percent(
            totals.ballots_issued,
            totals.voters_on_list,
            p.minimum_turnout_percent,
        )
    {
        return Outcome::RepeatLowTurnout;
    }
    if against_all_outpolls && p.against_all_repeats {
        return Outcome::RepeatAgainstAll;
    }
    let best = ranked[0].1;
    let tied: Vec<K> = ranked
        .iter()
        .take_while(|r| r.1 == best)
        .map(|r| r.0.clone())
        .collect();
    if tied.len() > 1 {
        return Outcome::RepeatTie { tied };
    }
    let first = ranked[0].0.clone();
    if !p.absolute_majority || best.saturating_mul(2) > totals.found_in_boxes {
        return Outcome::Elected { winner: first };
    }
    match ranked.get(1) {
        None => Outcome::Elected { winner: first },
        Some(second) => {
            let seconds: Vec<K> = ranked
                .iter()
                .skip(1)
                .take_while(|r| r.1 == second.1)
                .map(|r| r.0.clone())
                .collect();
            if seconds.len() > 1 {
                Outcome::RepeatTie { tied: seconds }
            } else {
                Outcome::RunOff {
                    first,
                    second: second.0.clone(),
                }
            }
        }
    }
}

/// A summary over many units (a region, or the nation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Units (contests) counted.
    pub units: usize,
    /// Units per status (`preliminary`, `complete`, `certified`).
    pub by_status: BTreeMap<ResultStatus, usize>,
    /// Units per outcome kind ([`Outcome::as_str`]).
    pub by_outcome: BTreeMap<String, usize>,
    /// Precincts whose protocol is accepted.
    pub precincts_in: usize,
    /// Precincts in all.
    pub precincts_total: usize,
    /// Voters on the list of the accepted protocols.
    pub voters_on_list: u64,
    /// Ballots issued in the accepted protocols.
    pub ballots_issued: u64,
    /// Ballots found in the boxes.
    pub found_in_boxes: u64,
    /// Invalid ballots.
    pub invalid: u64,
    /// Votes against all.
    pub against_all: u64,
    /// Turnout in percent over the accepted protocols.
    pub turnout_percent: f64,
}

/// Sums unit results into a region's or the nation's summary.
pub fn summarize<'a, K: Ord + Clone + 'a>(
    units: impl IntoIterator<Item = &'a UnitResult<K>>,
) -> Summary {
    let mut s = Summary {
        units: 0,
        by_status: BTreeMap::new(),
        by_outcome: BTreeMap::new(),
        precincts_in: 0,
        precincts_total: 0,
        voters_on_list: 0,
        ballots_issued: 0,
        found_in_boxes: 0,
        invalid: 0,
        against_all: 0,
        turnout_percent: 0.0,
    };
    for u in units {
        s.units += 1;
        *s.by_status.entry(u.status).or_insert(0) += 1;
        *s.by_outcome
            .entry(u.outcome.as_str().to_owned())
            .or_insert(0) += 1;
        s.precincts_in += u.precincts_in;
        s.precincts_total += u.precincts_total;
        s.voters_on_list += u.totals.voters_on_list;
        s.ballots_issued += u.totals.ballots_issued;
        s.found_in_boxes += u.totals.found_in_boxes;
        s.invalid += u.totals.invalid;
        s.against_all += u.totals.against_all;
    }
    s.turnout_percent = percent(s.ballots_issued, s.voters_on_list);
    s
}

/// What statistics need to know of one candidacy (issue 12 §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateFacts<K> {
    /// The candidacy.
    pub candidate: K,
    /// Its nomination route.
    pub route: RouteKind,
    /// The nominating party's short name (party route only).
    pub party: Option<String>,
    /// Gender.
    pub gender: Gender,
    /// Age in whole years on election day.
    pub age: u32,
    /// Registered by the commission (and not cancelled).
    pub registered: bool,
    /// On the ballot.
    pub on_ballot: bool,
    /// The sitting akim of the unit.
    pub incumbent: bool,
}

/// Statistics of an election or a region (issue 12 §6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    /// Candidacies nominated (every route, whatever became of them).
    pub nominated: usize,
    /// Registered.
    pub registered: usize,
    /// On the ballots.
    pub on_ballot: usize,
    /// Registered candidates by route (`party`, `self_nominated`, `higher_akim_proposal`).
    pub registered_by_route: BTreeMap<String, usize>,
    /// Registered candidates by party (party route only).
    pub registered_by_party: BTreeMap<String, usize>,
    /// Registered candidates by gender (`female`, `male`).
    pub registered_by_gender: BTreeMap<String, usize>,
    /// Registered candidates by age band (`25-34`, `35-44`, `45-54`, `55-64`, `65+`; under 25
    /// as `<25`).
    pub registered_by_age: BTreeMap<String, usize>,
    /// Winners by party (`""` for none: self-nominated or proposed).
    pub winners_by_party: BTreeMap<String, usize>,
    /// Winners by route.
    pub winners_by_route: BTreeMap<String, usize>,
    /// Winners who were the sitting akim.
    pub incumbents_reelected: usize,
    /// Winners who were not.
    pub new_winners: usize,
    /// Average age of the winners, years (0 without winners).
    pub average_age_of_winners: f64,
    /// Precincts per turnout band of ten percentage points (`0-10` … `90-100`).
    pub turnout_distribution: BTreeMap<String, usize>,
}

/// The age band of an age in whole years.
pub fn age_band(age: u32) -> &'static str {
    match age {
        0..=24 => "<25",
        25..=34 => "25-34",
        35..=44 => "35-44",
        45..=54 => "45-54",
        55..=64 => "55-64",
        _ => "65+",
    }
}

/// The turnout band (ten points wide, `90-100` includes 100) of a precinct.
pub fn turnout_band<K: Ord + Clone>(c: &Counts<K>) -> String {
    let band = c
        .ballots_issued
        .saturating_mul(10)
        .checked_div(c.voters_on_list)
        .map_or(0, |b| b.min(9)) as u32;
    format!("{}-{}", band * 10, band * 10 + 10)
}

/// Statistics over `candidates`, the `winners` (elected keys) and the accepted precinct
/// protocols (whose candidate keys `P` may differ from `K`: only their turnout is used).
pub fn statistics<'a, K: Ord + Clone, P: Ord + Clone + 'a>(
    candidates: &[CandidateFacts<K>],
    winners: &BTreeSet<K>,
    precincts: impl IntoIterator<Item = &'a Counts<P>>,
) -> Statistics {
    let mut s = Statistics {
        nominated: candidates.len(),
        registered: 0,
        on_ballot: 0,
        registered_by_route: BTreeMap::new(),
        registered_by_party: BTreeMap::new(),
        registered_by_gender: BTreeMap::new(),
        registered_by_age: BTreeMap::new(),
        winners_by_party: BTreeMap::new(),
        winners_by_route: BTreeMap::new(),
        incumbents_reelected: 0,
        new_winners: 0,
        average_age_of_winners: 0.0,
        turnout_distribution: BTreeMap::new(),
    };
    let mut winner_ages = 0u64;
    for c in candidates {
        if c.on_ballot {
            s.on_ballot += 1;
        }
        if c.registered {
            s.registered += 1;
            bump(&mut s.registered_by_route, c.route.as_str());
            if let Some(p) = &c.party {
                bump(&mut s.registered_by_party, p);
            }
            bump(&mut s.registered_by_gender, gender_key(c.gender));
            bump(&mut s.registered_by_age, age_band(c.age));
        }
        if winners.contains(&c.candidate) {
            // Party nominees by party; the self-nominated are counted by route only.
            if let Some(p) = &c.party {
                bump(&mut s.winners_by_party, p);
            }
            bump(&mut s.winners_by_route, c.route.as_str());
            if c.incumbent {
                s.incumbents_reelected += 1;
            } else {
                s.new_winners += 1;
            }
            winner_ages += u64::from(c.age);
        }
    }
    let n_winners = s.incumbents_reelected + s.new_winners;
    if n_winners > 0 {
        s.average_age_of_winners = winner_ages as f64 / n_winners as f64;
    }
    for p in precincts {
        bump(&mut s.turnout_distribution, &turnout_band(p));
    }
    s
}

fn gender_key(g: Gender) -> &'static str {
    match g {
        Gender::Female => "female",
        Gender::Male => "male",
    }
}

fn bump(m: &mut BTreeMap<String, usize>, k: &str) {
    *m.entry(k.to_owned()).or_insert(0) += 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plurality() -> Policies {
        Policies {
            absolute_majority: false,
            against_all_repeats: false,
            minimum_turnout_percent: 0.0,
            refund_min_percent: 5.0,
        }
    }

    fn p(votes: &[(u8, u64)], against: u64, invalid: u64) -> Counts<u8> {
        let sum: u64 = votes.iter().map(|v| v.1).sum::<u64>() + against + invalid;
        Counts {
            voters_on_list: sum * 2,
            ballots_issued: sum,
            found_in_boxes: sum,
            invalid,
            against_all: against,
            votes: votes.iter().copied().collect(),
        }
    }

    #[test]
    fn plurality_winner_and_refunds() {
        let r = tabulate_unit(
            &[1, 2, 3],
            &[p(&[(1, 60), (2, 36), (3, 4)], 0, 0)],
            2,
            false,
            &plurality(),
        );
        assert_eq!(r.status, ResultStatus::Preliminary);
        assert_eq!(r.outcome, Outcome::Elected { winner: 1 });
        let refunds: Vec<u8> = r
            .lines
            .iter()
            .filter(|l| l.refund)
            .map(|l| l.candidate)
            .collect();
        assert_eq!(refunds, vec![1, 2]);
        assert!((r.turnout_percent - 50.0).abs() < 1e-9);
    }

    #[test]
    fn exactly_five_percent_is_refunded() {
        assert!(at_least_percent(5, 100, 5.0));
        assert!(!at_least_percent(4, 100, 5.0));
        assert!(at_least_percent(0, 0, 0.0));
    }

    #[test]
    fn tie_for_first_repeats() {
        let r = tabulate_unit(
            &[1, 2],
            &[p(&[(1, 10), (2, 10)], 1, 0)],
            1,
            false,
            &plurality(),
        );
        assert_eq!(r.status, ResultStatus::Complete);
        assert_eq!(r.outcome, Outcome::RepeatTie { tied: vec![1, 2] });
    }

    #[test]
    fn absolute_majority_run_off() {
        let pol = Policies {
            absolute_majority: true,
            ..plurality()
        };
        let r = tabulate_unit(
            &[1, 2, 3],
            &[p(&[(1, 40), (2, 35), (3, 25)], 0, 0)],
            1,
            true,
            &pol,
        );
        assert_eq!(r.status, ResultStatus::Certified);
        assert_eq!(
            r.outcome,
            Outcome::RunOff {
                first: 1,
                second: 2
            }
        );
    }

    #[test]
    fn against_all_flag_and_repeat() {
        let c = [p(&[(1, 10), (2, 5)], 20, 0)];
        let r = tabulate_unit(&[1, 2], &c, 1, false, &plurality());
        assert!(r.against_all_outpolls);
        assert_eq!(r.outcome, Outcome::Elected { winner: 1 });
        let pol = Policies {
            against_all_repeats: true,
            ..plurality()
        };
        let r = tabulate_unit(&[1, 2], &c, 1, false, &pol);
        assert_eq!(r.outcome, Outcome::RepeatAgainstAll);
    }

    #[test]
    fn low_turnout_repeats() {
        let pol = Policies {
            minimum_turnout_percent: 50.0,
            ..plurality()
        };
        let mut c = p(&[(1, 10), (2, 5)], 0, 0);
        c.voters_on_list = 31;
        let r = tabulate_unit(&[1, 2], &[c], 1, false, &pol);
        assert_eq!(r.outcome, Outcome::RepeatLowTurnout);
    }
}

//! Recomputing results from the public ledger alone (issue 12 §8): what `sailau audit results`
//! runs on a copy of the ledger.
//!
//! Three steps, all pure (no storage, no clock, no network; the command line fetches or reads
//! the copy and the published results):
//!
//! 1. [`check_ledger`]: every entry's bytes against its listed leaf hash, the indexes without a
//!    gap, the Merkle root of all leaves against the signed tree head (RFC 9162), the head's
//!    Ed25519 signature, and the roots of earlier signed heads (consistency: a shorter prefix of
//!    the same leaves). Each fault names the entry or the head.
//! 2. [`recompute`]: a fold over the decoded entries that keeps only what results need —
//!    territories and precincts (`create_territory`, `create_precinct`, `update_precinct`),
//!    elections and their contests (`call_election`: the rule set's text), candidacies (with
//!    the person's gender and birth date and whether the nomination declared the sitting akim)
//!    and their registration numbers (`nominate_by_party`, `apply_self_nomination`,
//!    `propose_by_higher_akim`, `register_candidate`, `refuse_registration`,
//!    `cancel_registration`, `produce_ballots`), protocols (`enter_protocol` with double entry,
//!    `amend_protocol`, each checked again against the rule set's control relations) and
//!    certifications (`certify_results`) — then tabulates every unit with the domain's
//!    [`tabulate_unit`], and sums regions, the nation and the statistics with [`summarize`] and
//!    [`statistics`]. The server's results code (which reads the database) is not used.
//! 3. [`compare`]: the recomputation against the published `results.json` of the election,
//!    naming every difference by unit, precinct and field.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use sailau_domain::elections::protocol::{ProtocolNumbers, check};
use sailau_domain::elections::rules::RuleSet;
use sailau_domain::elections::tabulation::{
    CandidateFacts, Counts, Outcome, Policies, Statistics, Summary, UnitResult, statistics,
    summarize, tabulate_unit,
};
use sailau_domain::elections::{Candidate, ContestId, ElectionId, NominationId, RouteKind};
use sailau_domain::{Command, Gender, LedgerEntry, PrecinctRef, TerritoryCode};
use sailau_ledger::{SignedTreeHead, VerifyingKey, hash_to_hex, leaf_hash};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::results::{age_on, protocol_counts};

// ---- 1. the copy of the ledger ----

/// One entry of a copy of the public ledger, as `GET /api/ledger/entries` lists it (other
/// fields of that listing are ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopiedEntry {
    /// The entry's index, from 0.
    pub index: u64,
    /// The canonical entry bytes as text: what the leaf hash covers.
    pub canonical: String,
    /// The RFC 9162 leaf hash the copy lists, 64 hex characters (checked when present).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaf_hash: Option<String>,
}

/// What is wrong with a copy of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerFault {
    /// An index is missing or out of order.
    #[error("entry {expected} is missing: entry {found} stands in its place")]
    Gap {
        /// The index expected at this position.
        expected: u64,
        /// The index found.
        found: u64,
    },
    /// Fewer or more entries than the signed tree head counts.
    #[error("the copy holds {entries} entries, the signed tree head counts {size}")]
    Size {
        /// Entries in the copy.
        entries: u64,
        /// The head's size.
        size: u64,
    },
    /// The entry's bytes do not hash to the leaf hash listed with it.
    #[error(
        "entry {index} was changed: its bytes hash to {computed}, the ledger lists leaf hash {listed}"
    )]
    LeafMismatch {
        /// The entry.
        index: u64,
        /// SHA-256(0x00 ‖ bytes), hex.
        computed: String,
        /// The hash listed, hex.
        listed: String,
    },
    /// The bytes are not a canonical ledger entry (or carry another index).
    #[error("entry {index} is not a ledger entry: {reason}")]
    Undecodable {
        /// The entry.
        index: u64,
        /// Why.
        reason: String,
    },
    /// The Merkle root of the leaves differs from the signed one.
    #[error(
        "the first {size} entries give the Merkle root {computed}, the signed tree head says {signed}"
    )]
    Root {
        /// The tree size.
        size: u64,
        /// The root recomputed, hex.
        computed: String,
        /// The root signed, hex.
        signed: String,
    },
    /// The signature of a head does not verify.
    #[error("the signed tree head of size {size} does not verify: {reason}")]
    Signature {
        /// The head's size.
        size: u64,
        /// Why.
        reason: String,
    },
}

/// The entries of a checked copy and what is wrong with it (nothing, for a sound copy). The
/// entries that decode are kept even when faults are found, so that the recomputation can name
/// what a changed entry changes.
#[derive(Debug, Clone)]
pub struct CheckedLedger {
    /// The decoded entries, by index.
    pub entries: Vec<LedgerEntry>,
    /// Every fault found, in the order of the entries, then the heads.
    pub faults: Vec<LedgerFault>,
}

/// Checks a copy of the ledger against its signed tree head `head` (verified with `key`) and
/// any earlier signed heads (each must sign the root of the same first entries: the ledger only
/// grew). RFC 9162 §2.1: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right).
pub fn check_ledger(
    copy: &[CopiedEntry],
    head: &SignedTreeHead,
    key: &VerifyingKey,
    earlier: &[SignedTreeHead],
) -> CheckedLedger {
    let mut faults = Vec::new();
    let mut leaves = Vec::with_capacity(copy.len());
    let mut entries = Vec::with_capacity(copy.len());
    for (position, e) in copy.iter().enumerate() {
        let expected = position as u64;
        if e.index != expected {
            faults.push(LedgerFault::Gap {
                expected,
                found: e.index,
            });
        }
        let bytes = e.canonical.as_bytes();
        let leaf = leaf_hash(bytes);
        if let Some(listed) = &e.leaf_hash
            && !listed.eq_ignore_ascii_case(&hash_to_hex(&leaf))
        {
            faults.push(LedgerFault::LeafMismatch {
                index: e.index,
                computed: hash_to_hex(&leaf),
                listed: listed.clone(),
            });
        }
        leaves.push(leaf);
        match LedgerEntry::decode_canonical(bytes) {
            Ok(entry) if entry.index == e.index => entries.push(entry),
            Ok(entry) => faults.push(LedgerFault::Undecodable {
                index: e.index,
                reason: format!("its bytes say index {}", entry.index),
            }),
            Err(err) => faults.push(LedgerFault::Undecodable {
                index: e.index,
                reason: err.to_string(),
            }),
        }
    }
    if leaves.len() as u64 != head.head.size {
        faults.push(LedgerFault::Size {
            entries: leaves.len() as u64,
            size: head.head.size,
        });
    }
    for h in std::iter::once(head).chain(earlier) {
        if let Err(e) = sailau_ledger::verify(h, key) {
            faults.push(LedgerFault::Signature {
                size: h.head.size,
                reason: e.to_string(),
            });
        }
        let Ok(n) = usize::try_from(h.head.size) else {
            continue;
        };
        if n > leaves.len() {
            continue;
        }
        let computed = sailau_ledger::root(&leaves[..n]);
        if computed != h.head.root {
            faults.push(LedgerFault::Root {
                size: h.head.size,
                computed: hash_to_hex(&computed),
                signed: hash_to_hex(&h.head.root),
            });
        }
    }
    CheckedLedger { entries, faults }
}

// ---- 2. the recomputation ----

/// A unit's results recomputed from the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditUnit {
    /// The contest.
    pub contest: ContestId,
    /// The unit's KATO code.
    pub unit: TerritoryCode,
    /// Its region's code.
    pub region: TerritoryCode,
    /// The candidates on the ballot: registration number and candidacy, by number.
    pub candidates: Vec<(u32, NominationId)>,
    /// Every precinct of the unit with its voters on the registry's list and its accepted
    /// protocol's counts, by region and number.
    pub precincts: Vec<(PrecinctRef, u32, Option<Counts<u32>>)>,
    /// The tabulation.
    pub result: UnitResult<u32>,
}

/// An election's results recomputed from the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditElection {
    /// The election.
    pub election: ElectionId,
    /// Units, by unit code.
    pub units: Vec<AuditUnit>,
    /// Region summaries, by code.
    pub regions: BTreeMap<TerritoryCode, Summary>,
    /// All units.
    pub national: Summary,
    /// Statistics of the election.
    pub statistics: Statistics,
}

/// An entry the recomputation could not take as the server did (a sound ledger has none).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("entry {index}: {reason}")]
pub struct EntryProblem {
    /// The entry.
    pub index: u64,
    /// What is wrong with it, in words.
    pub reason: String,
}

/// What the recomputation gives: every election's results and the entries it could not take.
#[derive(Debug, Clone, Default)]
pub struct Recomputed {
    /// The elections, by id.
    pub elections: BTreeMap<ElectionId, AuditElection>,
    /// Entries refused by the rules (e.g. a protocol that does not balance).
    pub problems: Vec<EntryProblem>,
}

#[derive(Debug, Clone)]
enum Standing {
    Nominated,
    Registered(u32),
    Refused,
    Cancelled(Option<u32>),
}

#[derive(Debug, Clone)]
struct Candidacy {
    contest: ContestId,
    route: RouteKind,
    party: Option<String>,
    gender: Gender,
    birth: Date,
    /// The sitting akim of the unit, as the nomination declared.
    incumbent: bool,
    standing: Standing,
}

impl Candidacy {
    fn number(&self) -> Option<u32> {
        match self.standing {
            Standing::Registered(n) | Standing::Cancelled(Some(n)) => Some(n),
            _ => None,
        }
    }
}

struct ElectionFacts {
    day: Date,
    policies: Policies,
    rules: RuleSet,
}

#[derive(Default)]
struct ProtocolFold {
    /// Double entry: entries awaiting agreement, with who entered them.
    pending: Vec<(ProtocolNumbers, String)>,
    accepted: Option<ProtocolNumbers>,
}

#[derive(Default)]
struct Fold {
    parents: BTreeMap<TerritoryCode, Option<TerritoryCode>>,
    precincts: BTreeMap<PrecinctRef, (TerritoryCode, u32)>,
    elections: BTreeMap<ElectionId, ElectionFacts>,
    /// Contests in the order called, with their election and unit.
    contests: Vec<(ContestId, ElectionId, TerritoryCode)>,
    ballots: BTreeSet<ContestId>,
    /// Candidacies in the order filed.
    candidacies: Vec<(NominationId, Candidacy)>,
    protocols: BTreeMap<(ElectionId, PrecinctRef), ProtocolFold>,
    certified: BTreeSet<ContestId>,
    problems: Vec<EntryProblem>,
}

impl Fold {
    /// The territory and its ancestors, from itself up to its region.
    fn path(&self, code: &TerritoryCode) -> Vec<TerritoryCode> {
        let mut out = vec![code.clone()];
        let mut at = code.clone();
        while let Some(Some(parent)) = self.parents.get(&at) {
            if out.contains(parent) {
                break;
            }
            out.push(parent.clone());
            at = parent.clone();
        }
        out
    }

    fn region(&self, code: &TerritoryCode) -> TerritoryCode {
        self.path(code).pop().unwrap_or_else(|| code.clone())
    }

    fn candidacy(&mut self, id: &NominationId) -> Option<&mut Candidacy> {
        self.candidacies
            .iter_mut()
            .find(|(n, _)| n == id)
            .map(|(_, c)| c)
    }

    fn registered(&self, contest: &ContestId) -> BTreeSet<u32> {
        self.candidacies
            .iter()
            .filter(|(_, c)| c.contest == *contest)
            .filter_map(|(_, c)| match c.standing {
                Standing::Registered(n) => Some(n),
                _ => None,
            })
            .collect()
    }

    fn contest_of(&self, election: &ElectionId, p: &PrecinctRef) -> Option<ContestId> {
        let (territory, _) = self.precincts.get(p)?;
        let path = self.path(territory);
        self.contests
            .iter()
            .find(|(_, e, unit)| e == election && path.contains(unit))
            .map(|(c, _, _)| *c)
    }

    fn problem(&mut self, index: u64, reason: impl Into<String>) {
        self.problems.push(EntryProblem {
            index,
            reason: reason.into(),
        });
    }

    fn nominate(
        &mut self,
        id: NominationId,
        contest: ContestId,
        route: RouteKind,
        party: Option<String>,
        candidate: &Candidate,
    ) {
        self.candidacies.push((
            id,
            Candidacy {
                contest,
                route,
                party,
                gender: candidate.person.gender,
                birth: candidate.person.birth_date,
                incumbent: candidate.incumbent,
                standing: Standing::Nominated,
            },
        ));
    }

    /// A protocol's numbers as the server took them: checked against the rule set and the
    /// contest's registered candidates; `None` (and a problem) when they break a rule.
    fn checked(
        &mut self,
        index: u64,
        election: &ElectionId,
        p: &PrecinctRef,
        numbers: &ProtocolNumbers,
    ) -> Option<ProtocolNumbers> {
        let Some(contest) = self.contest_of(election, p) else {
            self.problem(
                index,
                format!("precinct {p} lies in no contest of the election"),
            );
            return None;
        };
        let registered = self.registered(&contest);
        let facts = self.elections.get(election)?;
        match check(&facts.rules.protocol, numbers, &registered) {
            Ok(n) => Some(n),
            Err(errors) => {
                let broken: Vec<String> = errors
                    .0
                    .iter()
                    .map(|e| format!("{} ({})", e.field, e.rule.key()))
                    .collect();
                self.problem(
                    index,
                    format!(
                        "the protocol of precinct {p} breaks the rule set: {}",
                        broken.join(", ")
                    ),
                );
                None
            }
        }
    }

    fn apply(&mut self, entry: &LedgerEntry) {
        let index = entry.index;
        match &entry.command {
            Command::CreateTerritory(c) => {
                self.parents
                    .insert(c.territory.code.clone(), c.territory.parent_code.clone());
            }
            Command::CreatePrecinct(c) => {
                let region = self.region(&c.precinct.territory_code);
                self.precincts.insert(
                    PrecinctRef {
                        region_code: region,
                        number: c.precinct.number,
                    },
                    (c.precinct.territory_code.clone(), c.precinct.voters),
                );
            }
            Command::UpdatePrecinct(c) => {
                if let Some(p) = self.precincts.get_mut(&c.precinct) {
                    p.1 = c.voters;
                }
            }
            Command::CallElection(c) => match RuleSet::parse(&c.rule_set) {
                Ok(rules) => {
                    self.elections.insert(
                        c.election,
                        ElectionFacts {
                            day: c.election_day,
                            policies: Policies::of(&rules.election_day, &rules.deposit),
                            rules,
                        },
                    );
                    for contest in &c.contests {
                        self.contests
                            .push((contest.id, c.election, contest.unit.clone()));
                    }
                }
                Err(e) => self.problem(index, format!("the rule set does not parse: {e}")),
            },
            Command::NominateByParty(c) => self.nominate(
                c.nomination,
                c.contest,
                RouteKind::Party,
                Some(c.party.as_str().to_owned()),
                &c.candidate,
            ),
            Command::ApplySelfNomination(c) => self.nominate(
                c.nomination,
                c.contest,
                RouteKind::SelfNominated,
                None,
                &c.candidate,
            ),
            Command::ProposeByHigherAkim(c) => self.nominate(
                c.nomination,
                c.contest,
                RouteKind::HigherAkimProposal,
                None,
                &c.candidate,
            ),
            Command::RegisterCandidate(c) => {
                let contest = self.candidacy(&c.nomination).map(|n| n.contest);
                let next = contest.map(|contest| {
                    self.candidacies
                        .iter()
                        .filter(|(_, n)| n.contest == contest)
                        .filter_map(|(_, n)| n.number())
                        .max()
                        .unwrap_or(0)
                        + 1
                });
                match (self.candidacy(&c.nomination), next) {
                    (Some(n), Some(next)) => n.standing = Standing::Registered(next),
                    _ => self.problem(index, "registers an unknown candidacy"),
                }
            }
            Command::RefuseRegistration(c) => {
                if let Some(n) = self.candidacy(&c.nomination) {
                    n.standing = Standing::Refused;
                }
            }
            Command::CancelRegistration(c) => {
                if let Some(n) = self.candidacy(&c.nomination) {
                    let number = match n.standing {
                        Standing::Registered(k) => Some(k),
                        _ => None,
                    };
                    n.standing = Standing::Cancelled(number);
                }
            }
            Command::ProduceBallots(c) => {
                self.ballots.insert(c.contest);
            }
            Command::EnterProtocol(c) => {
                let Some(numbers) = self.checked(index, &c.election, &c.precinct, &c.numbers)
                else {
                    return;
                };
                let double = self
                    .elections
                    .get(&c.election)
                    .is_some_and(|e| e.rules.protocol.double_entry);
                let actor = entry.actor.to_string();
                let fold = self
                    .protocols
                    .entry((c.election, c.precinct.clone()))
                    .or_default();
                if fold.accepted.is_some() {
                    self.problems.push(EntryProblem {
                        index,
                        reason: format!(
                            "a second protocol for precinct {} (it changes only by an amendment)",
                            c.precinct
                        ),
                    });
                    return;
                }
                if !double
                    || fold
                        .pending
                        .iter()
                        .any(|(n, a)| *n == numbers && *a != actor)
                {
                    fold.accepted = Some(numbers);
                    fold.pending.clear();
                } else {
                    fold.pending.push((numbers, actor));
                }
            }
            Command::AmendProtocol(c) => {
                let Some(numbers) = self.checked(index, &c.election, &c.precinct, &c.numbers)
                else {
                    return;
                };
                match self.protocols.get_mut(&(c.election, c.precinct.clone())) {
                    Some(ProtocolFold {
                        accepted: Some(a), ..
                    }) => *a = numbers,
                    _ => self.problem(
                        index,
                        format!(
                            "amends precinct {}, which has no accepted protocol",
                            c.precinct
                        ),
                    ),
                }
            }
            Command::CertifyResults(c) => {
                self.certified.insert(c.contest);
            }
            _ => {}
        }
    }

    fn results(&self) -> BTreeMap<ElectionId, AuditElection> {
        let mut out = BTreeMap::new();
        for (id, facts) in &self.elections {
            out.insert(*id, self.election(*id, facts));
        }
        out
    }

    fn election(&self, id: ElectionId, facts: &ElectionFacts) -> AuditElection {
        let mut units = Vec::new();
        let mut cands = Vec::new();
        let mut winners = BTreeSet::new();
        for (contest, _, unit) in self.contests.iter().filter(|(_, e, _)| *e == id) {
            let mut candidates = Vec::new();
            for (nid, c) in self
                .candidacies
                .iter()
                .filter(|(_, c)| c.contest == *contest)
            {
                let standing = matches!(c.standing, Standing::Registered(_));
                if let Standing::Registered(n) = c.standing {
                    candidates.push((n, *nid));
                }
                cands.push(CandidateFacts {
                    candidate: (*contest, *nid),
                    route: c.route,
                    party: c.party.clone(),
                    gender: c.gender,
                    age: age_on(c.birth, facts.day),
                    registered: c.number().is_some(),
                    on_ballot: standing && self.ballots.contains(contest),
                    incumbent: c.incumbent,
                });
            }
            candidates.sort_by_key(|c| c.0);
            let precincts: Vec<(PrecinctRef, u32, Option<Counts<u32>>)> = self
                .precincts
                .iter()
                .filter(|(_, (t, _))| self.path(t).contains(unit))
                .map(|(p, (_, voters))| {
                    let counts = self
                        .protocols
                        .get(&(id, p.clone()))
                        .and_then(|f| f.accepted.as_ref())
                        .map(protocol_counts);
                    (p.clone(), *voters, counts)
                })
                .collect();
            let numbers: Vec<u32> = candidates.iter().map(|c| c.0).collect();
            let accepted: Vec<Counts<u32>> = precincts.iter().filter_map(|p| p.2.clone()).collect();
            let result = tabulate_unit(
                &numbers,
                &accepted,
                precincts.len(),
                self.certified.contains(contest),
                &facts.policies,
            );
            if let Outcome::Elected { winner } = &result.outcome
                && let Some((_, n)) = candidates.iter().find(|c| c.0 == *winner)
            {
                winners.insert((*contest, *n));
            }
            units.push(AuditUnit {
                contest: *contest,
                region: self.region(unit),
                unit: unit.clone(),
                candidates,
                precincts,
                result,
            });
        }
        units.sort_by(|a, b| a.unit.cmp(&b.unit));
        let mut by_region: BTreeMap<TerritoryCode, Vec<&UnitResult<u32>>> = BTreeMap::new();
        for u in &units {
            by_region
                .entry(u.region.clone())
                .or_default()
                .push(&u.result);
        }
        let regions = by_region
            .into_iter()
            .map(|(code, rs)| (code, summarize(rs)))
            .collect();
        let national = summarize(units.iter().map(|u| &u.result));
        let statistics = statistics(
            &cands,
            &winners,
            units
                .iter()
                .flat_map(|u| u.precincts.iter().filter_map(|p| p.2.as_ref())),
        );
        AuditElection {
            election: id,
            units,
            regions,
            national,
            statistics,
        }
    }
}

/// Recomputes every election's results from ledger entries alone (in index order), as
/// described in the module's documentation.
pub fn recompute(entries: &[LedgerEntry]) -> Recomputed {
    let mut fold = Fold::default();
    for e in entries {
        fold.apply(e);
    }
    Recomputed {
        elections: fold.results(),
        problems: fold.problems,
    }
}

// ---- 3. the comparison ----

/// One difference between the recomputation and the published results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// Where: the unit (KATO code and contest), the precinct, the field
    /// (`unit 154800000 (contest …): result.totals.votes.1`).
    pub at: String,
    /// The value the ledger gives (JSON), `absent` when there is none.
    pub ledger: String,
    /// The value published, `absent` when there is none.
    pub published: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: the ledger gives {}, the published results say {}",
            self.at, self.ledger, self.published
        )
    }
}

fn shown(v: Option<&Value>) -> String {
    v.map_or_else(|| "absent".to_owned(), Value::to_string)
}

fn same_number(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

/// Walks two JSON values and records every leaf that differs.
fn diff(at: &str, ledger: Option<&Value>, published: Option<&Value>, out: &mut Vec<Difference>) {
    match (ledger, published) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                diff(&format!("{at}.{k}"), a.get(k), b.get(k), out);
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                diff(&format!("{at}[{i}]"), a.get(i), b.get(i), out);
            }
        }
        (Some(a), Some(b)) if a == b || same_number(a, b) => {}
        (None, None) => {}
        (a, b) => out.push(Difference {
            at: at.to_owned(),
            ledger: shown(a),
            published: shown(b),
        }),
    }
}

fn to_value<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// Compares an election's recomputation with its published results (the JSON of
/// `GET /elections/{id}/results.json`): per unit its result (totals, lines, outcome, status,
/// precincts in), candidates and precincts; per region its summary; the national summary; the
/// statistics. Returns every difference (none when they agree).
pub fn compare(mine: &AuditElection, published: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    let empty = Vec::new();
    let units = published["units"].as_array().unwrap_or(&empty);
    let mut seen = BTreeSet::new();
    for u in &mine.units {
        let name = format!("unit {} (contest {})", u.unit, u.contest);
        let id = u.contest.to_string();
        let Some(p) = units
            .iter()
            .find(|p| p["contest"]["id"].as_str() == Some(id.as_str()))
        else {
            out.push(Difference {
                at: name,
                ledger: "a contest".into(),
                published: "absent".into(),
            });
            continue;
        };
        seen.insert(id);
        diff(
            &format!("{name}: result"),
            Some(&to_value(&u.result)),
            p.get("result"),
            &mut out,
        );
        let published_numbers: Vec<Value> = p["candidates"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .map(|c| serde_json::json!([c["number"], c["nomination"]]))
            .collect();
        diff(
            &format!("{name}: candidates (number, candidacy)"),
            Some(&to_value(&u.candidates)),
            Some(&Value::Array(published_numbers)),
            &mut out,
        );
        let precincts = p["precincts"].as_array().unwrap_or(&empty);
        for (r, voters, counts) in &u.precincts {
            let at = format!("{name}: precinct {r}");
            let found = precincts.iter().find(|q| {
                q["precinct"]["region_code"].as_str() == Some(r.region_code.as_str())
                    && q["precinct"]["number"].as_u64() == Some(u64::from(r.number))
            });
            match found {
                None => out.push(Difference {
                    at,
                    ledger: "a precinct".into(),
                    published: "absent".into(),
                }),
                Some(q) => {
                    diff(
                        &format!("{at}: voters"),
                        Some(&Value::from(*voters)),
                        q.get("voters"),
                        &mut out,
                    );
                    diff(
                        &format!("{at}: counts"),
                        Some(&to_value(counts)),
                        q.get("counts"),
                        &mut out,
                    );
                }
            }
        }
        if precincts.len() > u.precincts.len() {
            out.push(Difference {
                at: format!("{name}: precincts"),
                ledger: u.precincts.len().to_string(),
                published: precincts.len().to_string(),
            });
        }
    }
    for p in units {
        if let Some(id) = p["contest"]["id"].as_str()
            && !seen.contains(id)
        {
            out.push(Difference {
                at: format!("contest {id}"),
                ledger: "absent".into(),
                published: "a contest".into(),
            });
        }
    }
    let regions = published["regions"].as_array().unwrap_or(&empty);
    for (code, summary) in &mine.regions {
        let found = regions
            .iter()
            .find(|r| r["region"]["code"].as_str() == Some(code.as_str()));
        diff(
            &format!("region {code}: summary"),
            Some(&to_value(summary)),
            found.and_then(|r| r.get("summary")),
            &mut out,
        );
    }
    if regions.len() > mine.regions.len() {
        out.push(Difference {
            at: "regions".into(),
            ledger: mine.regions.len().to_string(),
            published: regions.len().to_string(),
        });
    }
    diff(
        "national summary",
        Some(&to_value(&mine.national)),
        published.get("national"),
        &mut out,
    );
    diff(
        "statistics",
        Some(&to_value(&mine.statistics)),
        published.get("statistics"),
        &mut out,
    );
    out
}

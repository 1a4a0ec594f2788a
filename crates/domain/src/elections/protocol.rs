//! Precinct protocols on election day (issue 12 item 2–3; rules.md §4): the numbers of a
//! protocol, the control relations of the rule set checked with their numbers, double entry,
//! amendments with a reason, scans of the signed paper and observers' copies.
//!
//! Commands: [`EnterProtocol`] (`enter_protocol`), [`AmendProtocol`] (`amend_protocol`),
//! [`AttachProtocolScan`] (`attach_protocol_scan`), [`RecordObserverCopy`]
//! (`record_observer_copy`); the turnout reports are in [`super::turnout`]. Every rule is pure:
//! the app passes the election, the contest, the registered candidates' numbers, the protocol's
//! current state and "now".

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::attachment::AttachmentMeta;
use super::calendar::Phase;
use super::registration::MAX_REASON;
use super::rules::{CANDIDATES_TERM, ProtocolRules, Relation, VOTERS_ON_LIST};
use super::{Contest, Election, ElectionId};
use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::error::{Rule, ValidationErrors};
use crate::precinct::PrecinctRef;
use crate::text::{self, TextKind};

/// The largest number a protocol line may hold (a precinct has at most 100,000 voters: the
/// registry's limit, `Rule::VotersOutOfRange`).
pub const MAX_PROTOCOL_NUMBER: u32 = 100_000;

/// The precinct commission on its precincts, the territorial commission in its subtree, the CEC
/// anywhere: who enters protocols and turnout (issue 12 item 1–2).
pub const PRECINCT_WORK: Policy = Policy::new(&[
    Grant::new(Role::CecMember, Reach::Anywhere),
    Grant::new(Role::TerritorialCommission, Reach::TerritorySubtree),
    Grant::new(Role::PrecinctCommission, Reach::OwnPrecincts),
]);

/// An observer accredited to a territory, within it (issue 12 item 3).
pub const OBSERVERS: Policy = Policy::new(&[Grant::new(Role::Observer, Reach::TerritorySubtree)]);

/// The numbers of one protocol: the rule set's fields by key and one line per registered
/// candidate keyed by registration number. Counts of ballots or voters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProtocolNumbers {
    /// Field key (`ballots_received`) → count.
    pub fields: BTreeMap<String, u64>,
    /// Candidate's registration number → votes (JSON keys are the numbers as text, `"1"`).
    #[serde(with = "number_keys")]
    pub candidates: BTreeMap<u32, u64>,
}

/// A map keyed by registration numbers, written with the numbers as text keys (JSON object keys
/// are strings; ledger entries are decoded through a tagged enum, which does not turn them back
/// into numbers by itself).
mod number_keys {
    use std::collections::BTreeMap;

    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(m: &BTreeMap<u32, u64>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(m.iter().map(|(k, v)| (k.to_string(), v)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<u32, u64>, D::Error> {
        BTreeMap::<String, u64>::deserialize(d)?
            .into_iter()
            .map(|(k, v)| {
                k.parse::<u32>()
                    .map(|k| (k, v))
                    .map_err(|_| D::Error::custom(format!("a registration number, not {k:?}")))
            })
            .collect()
    }
}

impl ProtocolNumbers {
    /// The value of a relation term: a field (0 when absent) or the sum of the candidate lines.
    pub fn term(&self, term: &str) -> u64 {
        if term == CANDIDATES_TERM {
            self.candidates.values().sum()
        } else {
            self.fields.get(term).copied().unwrap_or(0)
        }
    }

    /// The voters on the list (0 when absent).
    pub fn voters_on_list(&self) -> u64 {
        self.term(VOTERS_ON_LIST)
    }
}

/// A broken rule of election day, carried by [`Rule::Day`]. Each has a stable message key
/// (`day-…`) worded in the Fluent catalogs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "day_rule", rename_all = "kebab-case")]
pub enum DayRule {
    /// The field is not one of the rule set's protocol fields.
    FieldUnknown {
        /// The key given.
        key: String,
    },
    /// No candidate of the contest is registered under this number.
    CandidateUnknown {
        /// The registration number given.
        number: u32,
    },
    /// A control relation of the rule set fails; the texts show it with its numbers in each
    /// language ("Получено бюллетеней (1200) ≠ … = 1190").
    RelationFailed {
        /// The relation's stable name (`received_balance`).
        relation: String,
        /// In Kazakh.
        kk: String,
        /// In Russian.
        ru: String,
        /// In English.
        en: String,
    },
    /// The number exceeds the voters on the list.
    AboveList {
        /// The number given.
        value: u64,
        /// The voters on the list.
        voters: u64,
    },
    /// Double entry: this field differs from the other operator's entry.
    EntriesDiffer {
        /// The other entry's value (`None`: absent there).
        first: Option<u64>,
        /// This entry's value.
        second: Option<u64>,
    },
    /// The precinct's protocol was already accepted: it changes only by an amendment.
    ProtocolAccepted,
    /// There is no accepted protocol to amend.
    ProtocolNotAccepted,
    /// The amendment changes no number.
    AmendmentUnchanged,
    /// Double entry needs two operators: the same account entered the agreeing entry.
    SameOperator,
    /// The precinct lies in none of the election's units.
    PrecinctOutsideElection,
    /// Protocols are entered after the polls close.
    PollsNotClosed {
        /// Local date, `DD.MM.YYYY`.
        date: String,
        /// Local time, `HH:MM`.
        time: String,
    },
    /// Not one of the rule set's turnout report times.
    TurnoutTimeUnknown {
        /// The times allowed, comma-separated.
        allowed: String,
    },
    /// The report for this time cannot be made before that time.
    TurnoutTooEarly {
        /// The report's local time, `HH:MM`.
        time: String,
    },
    /// The precinct already reported turnout at this time.
    TurnoutReported {
        /// The report's local time.
        time: String,
    },
    /// Turnout never decreases through the day: the report at `time` said `voted`.
    TurnoutOrder {
        /// The other report's time.
        time: String,
        /// Its number of voters.
        voted: u64,
    },
}

impl DayRule {
    /// The message key in the Fluent catalogs.
    pub fn key(&self) -> &'static str {
        match self {
            DayRule::FieldUnknown { .. } => "day-field-unknown",
            DayRule::CandidateUnknown { .. } => "day-candidate-unknown",
            DayRule::RelationFailed { .. } => "day-relation-failed",
            DayRule::AboveList { .. } => "day-above-list",
            DayRule::EntriesDiffer { .. } => "day-entries-differ",
            DayRule::ProtocolAccepted => "day-protocol-accepted",
            DayRule::ProtocolNotAccepted => "day-protocol-not-accepted",
            DayRule::AmendmentUnchanged => "day-amendment-unchanged",
            DayRule::SameOperator => "day-same-operator",
            DayRule::PrecinctOutsideElection => "day-precinct-outside-election",
            DayRule::PollsNotClosed { .. } => "day-polls-not-closed",
            DayRule::TurnoutTimeUnknown { .. } => "day-turnout-time-unknown",
            DayRule::TurnoutTooEarly { .. } => "day-turnout-too-early",
            DayRule::TurnoutReported { .. } => "day-turnout-reported",
            DayRule::TurnoutOrder { .. } => "day-turnout-order",
        }
    }

    /// The variables the message needs, by name.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let opt = |v: &Option<u64>| v.map(|n| n.to_string()).unwrap_or_else(|| "—".into());
        match self {
            DayRule::FieldUnknown { key } => vec![("key", key.clone())],
            DayRule::CandidateUnknown { number } => vec![("registration", number.to_string())],
            DayRule::RelationFailed {
                relation,
                kk,
                ru,
                en,
            } => vec![
                ("relation", relation.clone()),
                ("kk", kk.clone()),
                ("ru", ru.clone()),
                ("en", en.clone()),
            ],
            DayRule::AboveList { value, voters } => {
                vec![("value", value.to_string()), ("voters", voters.to_string())]
            }
            DayRule::EntriesDiffer { first, second } => {
                vec![("first", opt(first)), ("second", opt(second))]
            }
            DayRule::PollsNotClosed { date, time } => {
                vec![("date", date.clone()), ("time", time.clone())]
            }
            DayRule::TurnoutTimeUnknown { allowed } => vec![("allowed", allowed.clone())],
            DayRule::TurnoutTooEarly { time } | DayRule::TurnoutReported { time } => {
                vec![("time", time.clone())]
            }
            DayRule::TurnoutOrder { time, voted } => {
                vec![("time", time.clone()), ("voted", voted.to_string())]
            }
            _ => Vec::new(),
        }
    }

    /// The rule in plain English, for logs, the CLI and API `detail` fields.
    pub fn english(&self) -> String {
        let opt = |v: &Option<u64>| v.map(|n| n.to_string()).unwrap_or_else(|| "none".into());
        match self {
            DayRule::FieldUnknown { key } => format!("{key} is not a field of the protocol"),
            DayRule::CandidateUnknown { number } => {
                format!("no candidate is registered under number {number}")
            }
            DayRule::RelationFailed { en, .. } => en.clone(),
            DayRule::AboveList { value, voters } => {
                format!("{value} is more than the {voters} voters on the list")
            }
            DayRule::EntriesDiffer { first, second } => format!(
                "the two entries differ: {} in the first, {} in the second",
                opt(first),
                opt(second)
            ),
            DayRule::ProtocolAccepted => {
                "this precinct's protocol is already accepted; change it by an amendment".into()
            }
            DayRule::ProtocolNotAccepted => "the precinct has no accepted protocol yet".into(),
            DayRule::AmendmentUnchanged => "the amendment changes no number".into(),
            DayRule::SameOperator => {
                "double entry needs a second operator: the same account made the other entry".into()
            }
            DayRule::PrecinctOutsideElection => {
                "the precinct lies in none of the election's units".into()
            }
            DayRule::PollsNotClosed { date, time } => {
                format!("protocols are entered after the polls close, {date} at {time}")
            }
            DayRule::TurnoutTimeUnknown { allowed } => {
                format!("turnout is reported at {allowed} only")
            }
            DayRule::TurnoutTooEarly { time } => {
                format!("the {time} report cannot be made before {time}")
            }
            DayRule::TurnoutReported { time } => {
                format!("the precinct already reported turnout at {time}")
            }
            DayRule::TurnoutOrder { time, voted } => format!(
                "the report at {time} gave {voted} voters; turnout never decreases through the day"
            ),
        }
    }
}

impl From<DayRule> for Rule {
    fn from(r: DayRule) -> Rule {
        Rule::Day(r)
    }
}

/// The form's (and API's) field name of a protocol term: `fields.<key>`, `candidates.<n>`, or
/// `candidates` for the sum of the candidate lines.
pub fn field_name(term: &str) -> String {
    if term == CANDIDATES_TERM {
        CANDIDATES_TERM.to_owned()
    } else {
        format!("fields.{term}")
    }
}

/// The text of a failed relation in one language: the message, then each side with its
/// labelled numbers and its sum (`…: Получено бюллетеней (1200) ≠ Выдано… (1100) + Погашено… (90)
/// = 1190`).
fn relation_text(
    rules: &ProtocolRules,
    relation: &Relation,
    numbers: &ProtocolNumbers,
    lang: Lang3,
) -> String {
    let label = |t: &str| -> String {
        if t == CANDIDATES_TERM {
            lang.pick(
                &rules.candidates.kk,
                &rules.candidates.ru,
                &rules.candidates.en,
            )
            .to_owned()
        } else {
            rules
                .field(t)
                .map(|f| lang.pick(&f.kk, &f.ru, &f.en).to_owned())
                .unwrap_or_else(|| t.to_owned())
        }
    };
    let message = lang.pick(&relation.kk, &relation.ru, &relation.en);
    let side = |terms: &[String]| -> String {
        let parts: Vec<String> = terms
            .iter()
            .map(|t| format!("{} ({})", label(t), numbers.term(t)))
            .collect();
        let sum: u64 = terms.iter().map(|t| numbers.term(t)).sum();
        if terms.len() > 1 {
            format!("{} = {sum}", parts.join(" + "))
        } else {
            parts.join("")
        }
    };
    let negated = match relation.op.as_str() {
        "=" => "≠",
        "<=" => ">",
        _ => "<",
    };
    format!(
        "{message}: {} {negated} {}",
        side(&relation.left),
        side(&relation.right)
    )
}

/// One of the three languages of the rule set's texts.
#[derive(Clone, Copy)]
enum Lang3 {
    Kk,
    Ru,
    En,
}

impl Lang3 {
    fn pick<'a>(self, kk: &'a str, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang3::Kk => kk,
            Lang3::Ru => ru,
            Lang3::En => en,
        }
    }
}

/// Whether a relation holds for `numbers`.
pub fn holds(relation: &Relation, numbers: &ProtocolNumbers) -> bool {
    let sum = |terms: &[String]| -> u64 { terms.iter().map(|t| numbers.term(t)).sum() };
    let (l, r) = (sum(&relation.left), sum(&relation.right));
    match relation.op.as_str() {
        "=" => l == r,
        "<=" => l <= r,
        ">=" => l >= r,
        _ => false,
    }
}

/// Checks the shape of `numbers` against the rule set and the contest's registered candidates:
/// no unknown field or candidate, every required field and every candidate line present, no
/// number above [`MAX_PROTOCOL_NUMBER`]. Returns the numbers with optional fields filled in with
/// 0, or every problem (fields `fields.<key>`, `candidates.<n>`).
pub fn check_shape(
    rules: &ProtocolRules,
    numbers: &ProtocolNumbers,
    registered: &BTreeSet<u32>,
) -> Result<ProtocolNumbers, ValidationErrors> {
    let mut errs = ValidationErrors::new();
    for key in numbers.fields.keys() {
        if rules.field(key).is_none() {
            errs.push(
                format!("fields.{key}"),
                DayRule::FieldUnknown { key: key.clone() }.into(),
            );
        }
    }
    let mut out = ProtocolNumbers::default();
    for f in &rules.fields {
        match numbers.fields.get(&f.key) {
            Some(v) => {
                out.fields.insert(f.key.clone(), *v);
            }
            None if f.optional => {
                out.fields.insert(f.key.clone(), 0);
            }
            None => errs.push(format!("fields.{}", f.key), Rule::FieldRequired),
        }
    }
    for (n, v) in &numbers.candidates {
        if registered.contains(n) {
            out.candidates.insert(*n, *v);
        } else {
            errs.push(
                format!("candidates.{n}"),
                DayRule::CandidateUnknown { number: *n }.into(),
            );
        }
    }
    for n in registered {
        if !numbers.candidates.contains_key(n) {
            errs.push(format!("candidates.{n}"), Rule::FieldRequired);
        }
    }
    let too_big = Rule::NumberOutOfRange {
        min: 0,
        max: MAX_PROTOCOL_NUMBER,
    };
    for (k, v) in &numbers.fields {
        if *v > u64::from(MAX_PROTOCOL_NUMBER) {
            errs.push(format!("fields.{k}"), too_big.clone());
        }
    }
    for (n, v) in &numbers.candidates {
        if *v > u64::from(MAX_PROTOCOL_NUMBER) {
            errs.push(format!("candidates.{n}"), too_big.clone());
        }
    }
    errs.into_result()?;
    Ok(out)
}

/// Checks a protocol completely: its shape ([`check_shape`]), no number above the voters on the
/// list (fields with `within_list`, and every candidate line), and every control relation of
/// the rule set, each failure with its numbers. Returns the cleaned numbers or every problem.
pub fn check(
    rules: &ProtocolRules,
    numbers: &ProtocolNumbers,
    registered: &BTreeSet<u32>,
) -> Result<ProtocolNumbers, ValidationErrors> {
    let n = check_shape(rules, numbers, registered)?;
    let mut errs = ValidationErrors::new();
    let voters = n.voters_on_list();
    for f in rules.fields.iter().filter(|f| f.within_list) {
        let value = n.term(&f.key);
        if value > voters {
            errs.push(
                format!("fields.{}", f.key),
                DayRule::AboveList { value, voters }.into(),
            );
        }
    }
    for (c, value) in &n.candidates {
        if *value > voters {
            errs.push(
                format!("candidates.{c}"),
                DayRule::AboveList {
                    value: *value,
                    voters,
                }
                .into(),
            );
        }
    }
    for r in rules.relations.iter().filter(|r| !holds(r, &n)) {
        let field = r
            .left
            .first()
            .map(|t| field_name(t))
            .unwrap_or_else(|| "fields".to_owned());
        errs.push(
            field,
            DayRule::RelationFailed {
                relation: r.name.clone(),
                kk: relation_text(rules, r, &n, Lang3::Kk),
                ru: relation_text(rules, r, &n, Lang3::Ru),
                en: relation_text(rules, r, &n, Lang3::En),
            }
            .into(),
        );
    }
    errs.into_result()?;
    Ok(n)
}

/// One line where two sets of numbers differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// The field name (`fields.invalid`, `candidates.3`).
    pub field: String,
    /// The value in the first (`None`: absent).
    pub first: Option<u64>,
    /// The value in the second.
    pub second: Option<u64>,
}

/// Every line where `a` and `b` differ, fields in key order then candidates by number (double
/// entry; an observer's copy against the accepted protocol; an amendment against its base).
pub fn differences(a: &ProtocolNumbers, b: &ProtocolNumbers) -> Vec<Difference> {
    fn diff<K: Ord + Clone>(
        a: &BTreeMap<K, u64>,
        b: &BTreeMap<K, u64>,
        name: impl Fn(&K) -> String,
        out: &mut Vec<Difference>,
    ) {
        let keys: BTreeSet<&K> = a.keys().chain(b.keys()).collect();
        for k in keys {
            let (x, y) = (a.get(k).copied(), b.get(k).copied());
            if x != y {
                out.push(Difference {
                    field: name(k),
                    first: x,
                    second: y,
                });
            }
        }
    }
    let mut out = Vec::new();
    diff(&a.fields, &b.fields, |k| format!("fields.{k}"), &mut out);
    diff(
        &a.candidates,
        &b.candidates,
        |n| format!("candidates.{n}"),
        &mut out,
    );
    out
}

/// Where a precinct's protocol stands before a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolState {
    /// Nothing entered yet.
    Empty,
    /// Double entry: entries that do not yet agree, oldest first; `true` when the acting
    /// account made it.
    Pending(Vec<(ProtocolNumbers, bool)>),
    /// Accepted (version 1) or amended (later versions).
    Accepted {
        /// The current version, from 1.
        version: u32,
        /// Its numbers.
        numbers: ProtocolNumbers,
    },
}

/// What the app looked up for a protocol command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolFacts {
    /// The registration numbers of the contest's registered candidates.
    pub registered: BTreeSet<u32>,
    /// The protocol's state.
    pub state: ProtocolState,
}

/// The outcome of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entered {
    /// The protocol is accepted as version 1 with these numbers.
    Accepted(ProtocolNumbers),
    /// Double entry: kept as an entry awaiting agreement; the differences from the previous
    /// entry (empty for the first).
    Pending {
        /// The cleaned numbers.
        numbers: ProtocolNumbers,
        /// Lines that differ from the previous entry.
        differences: Vec<Difference>,
    },
}

/// Refuses before the polls close on election day in the contest's zone.
fn after_polls(
    contest: &Contest,
    election: &Election,
    now: Timestamp,
) -> Result<(), ValidationErrors> {
    let rules = election.rules()?;
    let cal = contest.calendar(election, &rules)?;
    if let Some(w) = cal.window(Phase::Voting)
        && now < w.closes.at
    {
        return Err(ValidationErrors::one(
            "precinct",
            DayRule::PollsNotClosed {
                date: w.closes.date_text(),
                time: w.closes.time.clone(),
            }
            .into(),
        ));
    }
    Ok(())
}

/// `enter_protocol`: a precinct's protocol as entered by an operator (from the form or a row of
/// an import). Accepted at once when it balances; with double entry (`[protocol] double_entry`)
/// accepted when it agrees with an earlier entry by another operator (issue 12 item 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterProtocol {
    /// The election.
    pub election: ElectionId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// The numbers.
    pub numbers: ProtocolNumbers,
}

impl DomainCommand for EnterProtocol {
    const POLICY: Policy = PRECINCT_WORK;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} №{}", self.election, self.precinct.number)
    }
}

impl EnterProtocol {
    /// Checks the entry at `now` (after the polls close): not yet accepted, the numbers
    /// ([`check`]), and with double entry the agreement with an earlier entry.
    pub fn validate(
        &self,
        election: &Election,
        contest: &Contest,
        facts: &ProtocolFacts,
        now: Timestamp,
    ) -> Result<Entered, ValidationErrors> {
        after_polls(contest, election, now)?;
        if matches!(facts.state, ProtocolState::Accepted { .. }) {
            return Err(ValidationErrors::one(
                "precinct",
                DayRule::ProtocolAccepted.into(),
            ));
        }
        let rules = election.rules()?;
        let numbers = check(&rules.protocol, &self.numbers, &facts.registered)?;
        if !rules.protocol.double_entry {
            return Ok(Entered::Accepted(numbers));
        }
        let earlier = match &facts.state {
            ProtocolState::Pending(e) => e.as_slice(),
            _ => &[],
        };
        if earlier.iter().any(|(n, same)| *n == numbers && !*same) {
            return Ok(Entered::Accepted(numbers));
        }
        if earlier.iter().any(|(n, same)| *n == numbers && *same) {
            return Err(ValidationErrors::one(
                "precinct",
                DayRule::SameOperator.into(),
            ));
        }
        let differences = earlier
            .last()
            .map(|(n, _)| differences(n, &numbers))
            .unwrap_or_default();
        Ok(Entered::Pending {
            numbers,
            differences,
        })
    }
}

/// `amend_protocol`: the commission changes an accepted protocol, giving its reason; the new
/// version must balance; the earlier versions are kept (issue 12 item 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendProtocol {
    /// The election.
    pub election: ElectionId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// The new numbers.
    pub numbers: ProtocolNumbers,
    /// Why (free text, at most 2,000 characters).
    pub reason: String,
}

impl DomainCommand for AmendProtocol {
    const POLICY: Policy = PRECINCT_WORK;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} №{}: {}",
            self.election, self.precinct.number, self.reason
        )
    }
    fn normalized(self) -> Self {
        AmendProtocol {
            reason: text::normalize(&self.reason),
            ..self
        }
    }
}

impl AmendProtocol {
    /// Checks the amendment: an accepted protocol, a reason, numbers that balance and differ
    /// from the current version. Returns the new version's number and numbers.
    pub fn validate(
        &self,
        election: &Election,
        facts: &ProtocolFacts,
        edition: crate::Edition,
    ) -> Result<(u32, ProtocolNumbers), ValidationErrors> {
        let mut errs = ValidationErrors::new();
        let rules = election.rules()?;
        let current = match &facts.state {
            ProtocolState::Accepted { version, numbers } => Some((*version, numbers)),
            _ => {
                errs.push("precinct", DayRule::ProtocolNotAccepted.into());
                None
            }
        };
        if self.reason.trim().is_empty() {
            errs.push("reason", Rule::FieldRequired);
        } else {
            errs.absorb(text::clean_in(
                "reason",
                &self.reason,
                TextKind::FreeText,
                MAX_REASON,
                edition,
            ));
        }
        let numbers = errs.absorb(check(&rules.protocol, &self.numbers, &facts.registered));
        if let (Some((_, cur)), Some(n)) = (current, &numbers)
            && cur == n
        {
            errs.push("numbers", DayRule::AmendmentUnchanged.into());
        }
        errs.into_result()?;
        match (current, numbers) {
            (Some((v, _)), Some(n)) => Ok((v.saturating_add(1), n)),
            _ => Err(ValidationErrors::one(
                "precinct",
                DayRule::ProtocolNotAccepted.into(),
            )),
        }
    }
}

/// `attach_protocol_scan`: the photo or scan of the signed paper protocol; the ledger records
/// its SHA-256, kind and size, the bytes are stored beside (as `attach_document`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachProtocolScan {
    /// The election.
    pub election: ElectionId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// The file.
    pub file: AttachmentMeta,
}

impl DomainCommand for AttachProtocolScan {
    const POLICY: Policy = PRECINCT_WORK;
    type Private = super::Blob;
    fn summary(&self) -> String {
        format!(
            "{} №{} {}",
            self.election, self.precinct.number, self.file.sha256
        )
    }
}

impl AttachProtocolScan {
    /// Checks the scan against the rule set's limits, after the polls close.
    pub fn validate(
        &self,
        election: &Election,
        contest: &Contest,
        now: Timestamp,
    ) -> Result<(), ValidationErrors> {
        after_polls(contest, election, now)?;
        self.file.validate(&election.rules()?.attachments)
    }
}

/// `record_observer_copy`: an observer in scope enters the numbers of the copy of the protocol
/// handed to them; differences from the accepted protocol are shown on the precinct's page
/// (issue 12 item 3). The copy is recorded as it reads: its shape is checked, not its balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordObserverCopy {
    /// The election.
    pub election: ElectionId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// The numbers on the copy.
    pub numbers: ProtocolNumbers,
}

impl DomainCommand for RecordObserverCopy {
    const POLICY: Policy = OBSERVERS;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} №{}", self.election, self.precinct.number)
    }
}

impl RecordObserverCopy {
    /// Checks the copy after the polls close: known fields and candidates only.
    pub fn validate(
        &self,
        election: &Election,
        contest: &Contest,
        registered: &BTreeSet<u32>,
        now: Timestamp,
    ) -> Result<ProtocolNumbers, ValidationErrors> {
        after_polls(contest, election, now)?;
        check_shape(&election.rules()?.protocol, &self.numbers, registered)
    }
}

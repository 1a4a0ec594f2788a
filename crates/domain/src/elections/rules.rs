//! Rule sets: the law's calendar, arithmetic and texts of one kind of election, as TOML data.
//!
//! A rule set is read with unknown keys refused (`deny_unknown_fields`) and then checked as a whole
//! ([`RuleSet::parse`]); every error names the key (`calendar.registration_closes_time`). The
//! presets live in `crates/domain/rulesets/*.toml`, embedded in the program, every value with its
//! source in a comment. An election keeps the text it was called with and its SHA-256
//! ([`RuleSet::digest`]) in its `call_election` entry, so a later change of a preset never changes
//! a past election.

use std::collections::BTreeMap;

use jiff::civil::Time;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Level;

/// The preset for district and city akims, 5 Nov 2023 (rules.md §2–4, §8).
pub const KZ_AKIM_DISTRICT_2023: &str = include_str!("../../rulesets/kz-akim-district-2023.toml");
/// The preset for rural akims, 25 Jul 2021 (rules.md §2–3).
pub const KZ_AKIM_RURAL_2021: &str = include_str!("../../rulesets/kz-akim-rural-2021.toml");

/// The presets: `(id, TOML text)`.
pub const PRESETS: [(&str, &str); 2] = [
    ("kz-akim-district-2023", KZ_AKIM_DISTRICT_2023),
    ("kz-akim-rural-2021", KZ_AKIM_RURAL_2021),
];

/// The TOML text of a preset by its id.
pub fn preset(id: &str) -> Option<&'static str> {
    PRESETS.iter().find(|(k, _)| *k == id).map(|(_, t)| *t)
}

/// A text in the three languages of sailau.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

/// A rule set (see the module documentation). Field names are the TOML keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Its identifier (`kz-akim-district-2023`).
    pub id: String,
    /// The level of akim it elects.
    pub level: Level,
    /// The minimum number of registered candidates for a contested election (rules.md §3: 2).
    pub min_candidates: u32,
    /// Where its values come from.
    pub sources: Vec<String>,
    /// Its title.
    pub title: Texts,
    /// Deadlines.
    pub calendar: CalendarRules,
    /// Who may stand.
    pub eligibility: EligibilityRules,
    /// How candidates are nominated.
    pub nomination: NominationRules,
    /// The electoral deposit.
    pub deposit: DepositRules,
    /// Required documents per route (document keys).
    pub documents: DocumentRules,
    /// Grounds of refusal.
    pub refusal: RefusalRules,
    /// Ballot texts.
    pub ballot: BallotRules,
    /// What election day (issue 12) needs.
    pub election_day: ElectionDayRules,
    /// How long signers' data is kept.
    pub retention: RetentionRules,
    /// Limits of attached scans.
    pub attachments: AttachmentRules,
    /// The precinct protocol: its fields and control relations (i12-day; rules.md §4). Rule
    /// sets stored before it existed read as the default.
    #[serde(default)]
    pub protocol: ProtocolRules,
}

/// The calendar as offsets from election day E (days) and local times of day (`"HH:MM"`,
/// `"24:00"` = the end of that day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarRules {
    /// The call is made no later than E − this many days (until 24:00 of that day).
    pub call_latest_days_before: u32,
    /// Nomination opens this many days after the call ...
    pub nomination_opens_days_after_call: u32,
    /// ... at this local time.
    pub nomination_opens_time: String,
    /// Nomination closes on E − this many days ...
    pub nomination_closes_days_before: u32,
    /// ... at this local time.
    pub nomination_closes_time: String,
    /// Registration closes on E − this many days ...
    pub registration_closes_days_before: u32,
    /// ... at this local time.
    pub registration_closes_time: String,
    /// Campaigning closes on E − this many days ...
    pub campaign_closes_days_before: u32,
    /// ... at this local time.
    pub campaign_closes_time: String,
    /// Withdrawal of a registered candidate closes on E − this many days ...
    pub withdrawal_closes_days_before: u32,
    /// ... at this local time.
    pub withdrawal_closes_time: String,
    /// Polls open on E at this local time.
    pub voting_opens: String,
    /// Polls close on E at this local time.
    pub voting_closes: String,
}

/// Who may stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityRules {
    /// Minimum age in whole years on election day.
    pub minimum_age: u32,
    /// Qualifications a candidate declares (checklist keys).
    pub qualifications: Vec<String>,
    /// What bars a candidate (keys).
    pub disqualifications: Vec<String>,
}

/// How candidates are nominated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NominationRules {
    /// The routes open: `party`, `self_nominated`, `higher_akim_proposal`.
    pub routes: Vec<String>,
    /// A party nominates at most one candidate per unit.
    pub party_one_per_unit: bool,
    /// A party nominates only its members.
    pub party_members_only: bool,
    /// Signatures a self-nominee needs, as a percentage of the unit's voters (rounded up).
    pub signature_share_percent: f64,
    /// Signature collection opens this many days after the call (00:00) ...
    pub signatures_open_days_after_call: u32,
    /// ... and closes on E − this many days ...
    pub signatures_close_days_before: u32,
    /// ... at this local time.
    pub signatures_close_time: String,
    /// The higher akim's proposals (after the registration deadline) close on E − this many days ...
    pub higher_akim_proposal_closes_days_before: u32,
    /// ... at this local time.
    pub higher_akim_proposal_closes_time: String,
    /// Registration of proposed candidates closes on E − this many days ...
    pub higher_akim_registration_closes_days_before: u32,
    /// ... at this local time.
    pub higher_akim_registration_closes_time: String,
}

/// The electoral deposit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepositRules {
    /// The deposit is this many minimum monthly wages.
    pub multiple: u32,
    /// Refunded to candidates with at least this share of the votes (percent).
    pub refund_min_percent: f64,
    /// The minimum monthly wage in tenge, per year (`"2023" = 70000`).
    pub minimum_wage: BTreeMap<String, u64>,
}

impl DepositRules {
    /// The deposit in tenge for an election held in `year`, if the wage of that year is known.
    pub fn amount_for(&self, year: i16) -> Option<u64> {
        self.minimum_wage
            .get(&year.to_string())
            .map(|w| w.saturating_mul(u64::from(self.multiple)))
    }
}

/// Required documents per route (keys such as `application`, `party_decision`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRules {
    /// For party nominees.
    pub party: Vec<String>,
    /// For self-nominees.
    pub self_nominated: Vec<String>,
    /// For candidates proposed by the higher akim.
    pub higher_akim_proposal: Vec<String>,
}

/// Grounds of refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalRules {
    /// The grounds, each with its texts.
    pub grounds: Vec<Ground>,
}

/// One ground of refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ground {
    /// Its key (`qualification_requirements`).
    pub key: String,
    /// Kazakh text.
    pub kk: String,
    /// Russian text.
    pub ru: String,
    /// English text.
    pub en: String,
}

/// Ballot texts (Kazakh and Russian: ballots are printed in both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotRules {
    /// The ballot's title in Kazakh.
    pub title_kk: String,
    /// The ballot's title in Russian.
    pub title_ru: String,
    /// The against-all line in Kazakh («Барлығына қарсы»).
    pub against_all_kk: String,
    /// The against-all line in Russian («Против всех»).
    pub against_all_ru: String,
    /// "Self-nominated" in Kazakh.
    pub self_nominated_kk: String,
    /// "Self-nominated" in Russian.
    pub self_nominated_ru: String,
    /// "Proposed by the higher akim" in Kazakh.
    pub higher_akim_kk: String,
    /// "Proposed by the higher akim" in Russian.
    pub higher_akim_ru: String,
    /// Order of candidates: `alphabetical`.
    pub order: String,
}

/// What election day needs (issue 12).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionDayRules {
    /// `plurality` or `absolute_majority` (with a run-off of the top two).
    pub winner_rule: String,
    /// What a tie for first place leads to: `repeat_election`.
    pub tie: String,
    /// What happens when "against all" outpolls everyone: `flag_only` or `repeat_election`.
    pub against_all: String,
    /// The minimum turnout in percent (0: none).
    pub minimum_turnout_percent: f64,
    /// Local times of the turnout reports.
    pub turnout_report_times: Vec<String>,
    /// Minutes after the polls close during which the last turnout report may still be made
    /// (i12-day; [default] 60). Rule sets stored before it existed read as 60.
    #[serde(default = "default_turnout_grace")]
    pub turnout_grace_minutes: u32,
}

fn default_turnout_grace() -> u32 {
    60
}

/// The rule set's `[protocol]` section when it has none: [`DEFAULT_PROTOCOL`].
impl Default for ProtocolRules {
    fn default() -> Self {
        // The default is a constant text checked by a test (`default_protocol_parses`).
        toml::from_str::<ProtocolDefault>(DEFAULT_PROTOCOL)
            .map(|d| d.protocol)
            .unwrap_or_else(|_| ProtocolRules {
                double_entry: false,
                candidates: Texts {
                    kk: String::new(),
                    ru: String::new(),
                    en: String::new(),
                },
                fields: Vec::new(),
                relations: Vec::new(),
            })
    }
}

#[derive(Deserialize)]
struct ProtocolDefault {
    protocol: ProtocolRules,
}

/// The default `[protocol]` section (rules.md §4), the same text as in the presets.
pub const DEFAULT_PROTOCOL: &str = include_str!("../../rulesets/protocol-default.toml");

/// The precinct protocol (rules.md §4): its numeric fields in order, the label of the candidate
/// lines, and the control relations every protocol must satisfy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolRules {
    /// Two operators enter every protocol; it is accepted when two entries agree.
    #[serde(default)]
    pub double_entry: bool,
    /// The label of the sum of the candidate lines in relation messages ("votes for candidates").
    pub candidates: Texts,
    /// The fields, in the order of the form and of the import's columns.
    pub fields: Vec<ProtocolField>,
    /// The control relations.
    pub relations: Vec<Relation>,
}

/// One numeric field of the protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolField {
    /// Its stable key (`ballots_received`): the form's field, the import's column.
    pub key: String,
    /// Kazakh label.
    pub kk: String,
    /// Russian label.
    pub ru: String,
    /// English label.
    pub en: String,
    /// May be left out (read as 0), e.g. a column absent from the import file.
    #[serde(default)]
    pub optional: bool,
    /// The number may not exceed the voters on the list (`voters_on_list` itself: false).
    #[serde(default = "yes")]
    pub within_list: bool,
}

fn yes() -> bool {
    true
}

/// A control relation: `Σ left <op> Σ right` over field keys and `candidates` (the sum of the
/// candidate lines), with its stable name and message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Its stable name (`received_balance`).
    pub name: String,
    /// Terms summed on the left.
    pub left: Vec<String>,
    /// `=`, `<=` or `>=`.
    pub op: String,
    /// Terms summed on the right.
    pub right: Vec<String>,
    /// The message in Kazakh.
    pub kk: String,
    /// The message in Russian.
    pub ru: String,
    /// The message in English.
    pub en: String,
}

/// The term of a relation that stands for the sum of the candidate lines.
pub const CANDIDATES_TERM: &str = "candidates";

impl ProtocolRules {
    /// A field by key.
    pub fn field(&self, key: &str) -> Option<&ProtocolField> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The problems of the section, each naming its key (`protocol.relations[1].left[0]`).
    fn problems(&self, bad: &mut impl FnMut(&str, &str)) {
        if self.fields.is_empty() {
            bad("protocol.fields", "at least one field");
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, f) in self.fields.iter().enumerate() {
            if !is_key(&f.key) || f.key == CANDIDATES_TERM {
                bad(
                    &format!("protocol.fields[{i}].key"),
                    "a key of a-z, 0-9 and underscores, not candidates",
                );
            }
            if !seen.insert(f.key.as_str()) {
                bad(
                    &format!("protocol.fields[{i}].key"),
                    "one of a kind: the key is repeated",
                );
            }
            if f.kk.trim().is_empty() || f.ru.trim().is_empty() || f.en.trim().is_empty() {
                bad(&format!("protocol.fields[{i}]"), "texts kk, ru and en");
            }
        }
        if !seen.contains(VOTERS_ON_LIST) {
            bad("protocol.fields", "at least one field voters_on_list");
        }
        let mut names = std::collections::BTreeSet::new();
        for (i, r) in self.relations.iter().enumerate() {
            if !is_key(&r.name) || !names.insert(r.name.as_str()) {
                bad(
                    &format!("protocol.relations[{i}].name"),
                    "a key of a-z, 0-9 and underscores, one of a kind",
                );
            }
            if !matches!(r.op.as_str(), "=" | "<=" | ">=") {
                bad(&format!("protocol.relations[{i}].op"), "one of =, <=, >=");
            }
            for (side, terms) in [("left", &r.left), ("right", &r.right)] {
                if terms.is_empty() {
                    bad(
                        &format!("protocol.relations[{i}].{side}"),
                        "at least one term",
                    );
                }
                for (j, t) in terms.iter().enumerate() {
                    if t != CANDIDATES_TERM && !seen.contains(t.as_str()) {
                        bad(
                            &format!("protocol.relations[{i}].{side}[{j}]"),
                            "one of the protocol's field keys or candidates",
                        );
                    }
                }
            }
            if r.kk.trim().is_empty() || r.ru.trim().is_empty() || r.en.trim().is_empty() {
                bad(&format!("protocol.relations[{i}]"), "texts kk, ru and en");
            }
        }
        if self.candidates.kk.trim().is_empty()
            || self.candidates.ru.trim().is_empty()
            || self.candidates.en.trim().is_empty()
        {
            bad("protocol.candidates", "texts kk, ru and en");
        }
    }
}

/// The key of the field every protocol has: the voters on the list.
pub const VOTERS_ON_LIST: &str = "voters_on_list";

/// How long personal data of signers is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionRules {
    /// Days after election day after which signers' data may be erased.
    pub signer_data_days: u32,
}

/// Limits of attached scans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRules {
    /// The largest file in bytes.
    pub max_bytes: u64,
    /// The media types accepted (`application/pdf`, `image/jpeg`, `image/png`).
    pub media_types: Vec<String>,
}

/// One problem of a rule set, naming its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSetProblem {
    /// The key, dotted (`calendar.registration_closes_time`); empty for the document as a whole.
    pub key: String,
    /// The kind of problem, a message variable: `syntax`, `unknown` (no such key), `missing`,
    /// `type`, `time` (not HH:MM), `order` (windows out of order), `range`, `empty`, `choice`
    /// (not one of the values allowed), `year`, `key-format`.
    pub code: String,
    /// The line of a syntax error (0 when not known or not a syntax error).
    pub line: u64,
    /// What is wrong, in English (the TOML reader's words for syntax errors).
    pub problem: String,
}

/// Why a rule set was refused: every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("rule set: {}", .0.iter().map(|p| format!("{} {}: {}", p.code, p.key, p.problem)).collect::<Vec<_>>().join("; "))]
pub struct RuleSetError(pub Vec<RuleSetProblem>);

/// The problem of a rule-set text the TOML reader refused, for every rule set sailau reads
/// (elections', the party's, the primaries'): an unknown or missing key named (`unknown`,
/// `missing`), a value of another type (`type`), or text that does not read as TOML (`syntax`,
/// with its line).
pub fn toml_problem(text: &str, e: &toml::de::Error) -> RuleSetProblem {
    let message = e.message().to_owned();
    let at = e
        .span()
        .map(|s| s.start)
        .filter(|&i| text.is_char_boundary(i));
    // Lines from 1: the newlines before the place, plus one.
    let line = at
        .and_then(|i| text.get(..i))
        .map(|before| before.matches('\n').count() as u64 + 1)
        .unwrap_or(0);
    // The TOML reader names unknown and missing keys in its message: "unknown field `x`,
    // expected ..." / "missing field `x`".
    let quoted = message
        .split('`')
        .nth(1)
        .map(str::to_owned)
        .unwrap_or_default();
    let code = if message.starts_with("unknown field") {
        "unknown"
    } else if message.starts_with("missing field") {
        "missing"
    } else if message.starts_with("invalid type") {
        "type"
    } else if message.starts_with("invalid value") {
        "range"
    } else if message.starts_with("unknown variant") {
        "choice"
    } else {
        "syntax"
    };
    let key = match (code, at) {
        ("syntax", _) => String::new(),
        ("missing", _) => quoted,
        // Under its table (`eligibility.min_agee`), when the place is the key's line.
        ("unknown", Some(i)) => dotted_key_at(text, i)
            .filter(|k| *k == quoted || k.ends_with(&format!(".{quoted}")))
            .unwrap_or(quoted),
        // The dotted key of the line the value is on (`eligibility.min_age`), not the value.
        (_, Some(i)) => dotted_key_at(text, i).unwrap_or(quoted),
        (_, None) => quoted,
    };
    RuleSetProblem {
        key,
        code: code.to_owned(),
        line,
        problem: message,
    }
}

/// The dotted key of the `key = value` line holding byte `at` of a TOML text, under the last
/// table header before it (`[eligibility]` + `min_age` → `eligibility.min_age`); `None` when
/// the line holds no `=`.
fn dotted_key_at(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at)?;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?;
    let key = line.split_once('=')?.0.trim().trim_matches('"');
    if key.is_empty() {
        return None;
    }
    let table = before
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_owned());
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key.to_owned(),
    })
}

/// Routes a rule set may name.
pub const ROUTES: [&str; 3] = ["party", "self_nominated", "higher_akim_proposal"];

/// Parses a local time of day `"HH:MM"`; `"24:00"` is the end of the day (returned as `None`
/// hours past midnight: the caller adds a day).
pub fn parse_time(s: &str) -> Option<(Time, bool)> {
    if s == "24:00" {
        return Some((Time::midnight(), true));
    }
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let h: i8 = h.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    Time::new(h, m, 0, 0).ok().map(|t| (t, false))
}

/// How many distinct rule-set texts [`RuleSet::shared`] keeps (an installation holds a handful;
/// past this the memo starts over).
const SHARED_CAPACITY: usize = 64;

/// The rule sets read so far, by their text.
static SHARED: std::sync::Mutex<BTreeMap<String, std::sync::Arc<RuleSet>>> =
    std::sync::Mutex::new(BTreeMap::new());

impl RuleSet {
    /// [`RuleSet::parse`], remembered: the same text gives the same shared value without being
    /// read again. A pure function's memo (no I/O, no clock); a text that does not parse is not
    /// remembered.
    ///
    /// # Errors
    /// As [`RuleSet::parse`].
    pub fn shared(text: &str) -> Result<std::sync::Arc<RuleSet>, RuleSetError> {
        let lock = || {
            SHARED
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(rs) = lock().get(text) {
            return Ok(rs.clone());
        }
        let rs = std::sync::Arc::new(RuleSet::parse(text)?);
        let mut memo = lock();
        if memo.len() >= SHARED_CAPACITY {
            memo.clear();
        }
        memo.insert(text.to_owned(), rs.clone());
        Ok(rs)
    }

    /// Reads and checks a rule set; errors name every bad key.
    pub fn parse(text: &str) -> Result<RuleSet, RuleSetError> {
        let rs: RuleSet =
            toml::from_str(text).map_err(|e| RuleSetError(vec![toml_problem(text, &e)]))?;
        rs.check()?;
        Ok(rs)
    }

    /// A preset by id, parsed.
    pub fn preset(id: &str) -> Option<Result<RuleSet, RuleSetError>> {
        preset(id).map(RuleSet::parse)
    }

    /// SHA-256 of a rule set's text, lowercase hex (what the `call_election` entry records).
    pub fn digest(text: &str) -> String {
        hex_lower(&Sha256::digest(text.as_bytes()))
    }

    /// The checks beyond the shape: values in range, times readable, windows in order.
    fn check(&self) -> Result<(), RuleSetError> {
        let mut p = Vec::new();
        let mut bad = |key: &str, problem: &str| {
            p.push(RuleSetProblem {
                key: key.to_owned(),
                code: problem_code(problem).to_owned(),
                line: 0,
                problem: problem.to_owned(),
            })
        };
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 64
            && self
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            bad("id", "1 to 64 characters of a-z, 0-9 and hyphens");
        }
        if self.min_candidates == 0 {
            bad("min_candidates", "at least 1");
        }
        for (key, t) in [
            ("title.kk", &self.title.kk),
            ("title.ru", &self.title.ru),
            ("title.en", &self.title.en),
        ] {
            if t.trim().is_empty() {
                bad(key, "must not be empty");
            }
        }
        let c = &self.calendar;
        for (key, t) in [
            ("calendar.nomination_opens_time", &c.nomination_opens_time),
            ("calendar.nomination_closes_time", &c.nomination_closes_time),
            (
                "calendar.registration_closes_time",
                &c.registration_closes_time,
            ),
            ("calendar.campaign_closes_time", &c.campaign_closes_time),
            ("calendar.withdrawal_closes_time", &c.withdrawal_closes_time),
            ("calendar.voting_opens", &c.voting_opens),
            ("calendar.voting_closes", &c.voting_closes),
            (
                "nomination.signatures_close_time",
                &self.nomination.signatures_close_time,
            ),
            (
                "nomination.higher_akim_proposal_closes_time",
                &self.nomination.higher_akim_proposal_closes_time,
            ),
            (
                "nomination.higher_akim_registration_closes_time",
                &self.nomination.higher_akim_registration_closes_time,
            ),
        ] {
            if parse_time(t).is_none() {
                bad(key, "a local time HH:MM from 00:00 to 24:00");
            }
        }
        for (i, t) in self.election_day.turnout_report_times.iter().enumerate() {
            if parse_time(t).is_none() {
                bad(
                    &format!("election_day.turnout_report_times[{i}]"),
                    "a local time HH:MM",
                );
            }
        }
        if c.call_latest_days_before > 366 {
            bad("calendar.call_latest_days_before", "at most 366 days");
        }
        if c.nomination_closes_days_before >= c.call_latest_days_before {
            bad(
                "calendar.nomination_closes_days_before",
                "nomination must close after the latest call",
            );
        }
        if c.registration_closes_days_before > c.nomination_closes_days_before {
            bad(
                "calendar.registration_closes_days_before",
                "registration cannot close before nomination",
            );
        }
        if c.campaign_closes_days_before > c.registration_closes_days_before {
            bad(
                "calendar.campaign_closes_days_before",
                "campaigning cannot close before registration",
            );
        }
        if c.withdrawal_closes_days_before > c.registration_closes_days_before {
            bad(
                "calendar.withdrawal_closes_days_before",
                "withdrawal cannot close before registration",
            );
        }
        let n = &self.nomination;
        if n.routes.is_empty() {
            bad("nomination.routes", "at least one route");
        }
        for (i, r) in n.routes.iter().enumerate() {
            if !ROUTES.contains(&r.as_str()) {
                bad(
                    &format!("nomination.routes[{i}]"),
                    "one of party, self_nominated, higher_akim_proposal",
                );
            }
        }
        if !(n.signature_share_percent >= 0.0 && n.signature_share_percent <= 100.0) {
            bad(
                "nomination.signature_share_percent",
                "a percentage from 0 to 100",
            );
        }
        if n.higher_akim_proposal_closes_days_before > c.registration_closes_days_before {
            bad(
                "nomination.higher_akim_proposal_closes_days_before",
                "proposals come after the registration deadline",
            );
        }
        if n.higher_akim_registration_closes_days_before > n.higher_akim_proposal_closes_days_before
        {
            bad(
                "nomination.higher_akim_registration_closes_days_before",
                "registration of proposed candidates closes after proposals",
            );
        }
        if self.eligibility.minimum_age == 0 || self.eligibility.minimum_age > 120 {
            bad(
                "eligibility.minimum_age",
                "a whole number of years from 1 to 120",
            );
        }
        if self.deposit.minimum_wage.is_empty() {
            bad("deposit.minimum_wage", "at least one year");
        }
        for (year, wage) in &self.deposit.minimum_wage {
            let ok = year.len() == 4
                && year
                    .parse::<i16>()
                    .is_ok_and(|y| (1991..=2999).contains(&y));
            if !ok {
                bad(
                    &format!("deposit.minimum_wage.{year}"),
                    "a year such as 2023",
                );
            }
            if *wage == 0 {
                bad(
                    &format!("deposit.minimum_wage.{year}"),
                    "a wage above 0 tenge",
                );
            }
        }
        if !(0.0..=100.0).contains(&self.deposit.refund_min_percent) {
            bad("deposit.refund_min_percent", "a percentage from 0 to 100");
        }
        for (key, docs) in [
            ("documents.party", &self.documents.party),
            ("documents.self_nominated", &self.documents.self_nominated),
            (
                "documents.higher_akim_proposal",
                &self.documents.higher_akim_proposal,
            ),
        ] {
            for (i, d) in docs.iter().enumerate() {
                if !is_key(d) {
                    bad(&format!("{key}[{i}]"), "a key of a-z, 0-9 and underscores");
                }
            }
        }
        if self.refusal.grounds.is_empty() {
            bad("refusal.grounds", "at least one ground");
        }
        for (i, g) in self.refusal.grounds.iter().enumerate() {
            if !is_key(&g.key) {
                bad(
                    &format!("refusal.grounds[{i}].key"),
                    "a key of a-z, 0-9 and underscores",
                );
            }
            if g.kk.trim().is_empty() || g.ru.trim().is_empty() || g.en.trim().is_empty() {
                bad(&format!("refusal.grounds[{i}]"), "texts kk, ru and en");
            }
        }
        let b = &self.ballot;
        for (key, t) in [
            ("ballot.title_kk", &b.title_kk),
            ("ballot.title_ru", &b.title_ru),
            ("ballot.against_all_kk", &b.against_all_kk),
            ("ballot.against_all_ru", &b.against_all_ru),
            ("ballot.self_nominated_kk", &b.self_nominated_kk),
            ("ballot.self_nominated_ru", &b.self_nominated_ru),
            ("ballot.higher_akim_kk", &b.higher_akim_kk),
            ("ballot.higher_akim_ru", &b.higher_akim_ru),
        ] {
            if t.trim().is_empty() {
                bad(key, "must not be empty");
            }
        }
        if b.order != "alphabetical" {
            bad("ballot.order", "alphabetical");
        }
        let e = &self.election_day;
        if !matches!(e.winner_rule.as_str(), "plurality" | "absolute_majority") {
            bad("election_day.winner_rule", "plurality or absolute_majority");
        }
        if e.tie != "repeat_election" {
            bad("election_day.tie", "repeat_election");
        }
        if !matches!(e.against_all.as_str(), "flag_only" | "repeat_election") {
            bad("election_day.against_all", "flag_only or repeat_election");
        }
        if !(0.0..=100.0).contains(&e.minimum_turnout_percent) {
            bad(
                "election_day.minimum_turnout_percent",
                "a percentage from 0 to 100",
            );
        }
        self.protocol.problems(&mut bad);
        if e.turnout_report_times.is_empty() {
            bad("election_day.turnout_report_times", "at least one time");
        }
        if e.turnout_grace_minutes > 24 * 60 {
            bad("election_day.turnout_grace_minutes", "at most 1440 minutes");
        }
        if self.attachments.max_bytes == 0 || self.attachments.max_bytes > 100 * 1024 * 1024 {
            bad("attachments.max_bytes", "from 1 byte to 100 MiB");
        }
        for (i, m) in self.attachments.media_types.iter().enumerate() {
            if super::attachment::MediaType::parse(m).is_none() {
                bad(
                    &format!("attachments.media_types[{i}]"),
                    "application/pdf, image/jpeg or image/png",
                );
            }
        }
        if p.is_empty() {
            Ok(())
        } else {
            Err(RuleSetError(p))
        }
    }

    /// The required documents of a route.
    pub fn documents_for(&self, route: super::RouteKind) -> &[String] {
        match route {
            super::RouteKind::Party => &self.documents.party,
            super::RouteKind::SelfNominated => &self.documents.self_nominated,
            super::RouteKind::HigherAkimProposal => &self.documents.higher_akim_proposal,
        }
    }

    /// Whether the rule set opens a route.
    pub fn allows(&self, route: super::RouteKind) -> bool {
        self.nomination.routes.iter().any(|r| r == route.as_str())
    }

    /// A refusal ground by key.
    pub fn ground(&self, key: &str) -> Option<&Ground> {
        self.refusal.grounds.iter().find(|g| g.key == key)
    }

    /// Signatures a self-nominee needs in a unit of `voters`: the share, rounded up.
    pub fn signatures_required(&self, voters: u64) -> u64 {
        // Work in hundredths of a percent to round up exactly for shares like 1 or 0.5.
        let basis = (self.nomination.signature_share_percent * 100.0).round() as u64;
        (voters.saturating_mul(basis)).div_ceil(10_000)
    }
}

/// The kind of a problem found by the checks, from its English wording.
fn problem_code(problem: &str) -> &'static str {
    if problem.contains("HH:MM") {
        "time"
    } else if problem.contains("must close")
        || problem.contains("cannot close")
        || problem.contains("come after")
        || problem.contains("closes after")
    {
        "order"
    } else if problem.contains("must not be empty")
        || problem.contains("at least one")
        || problem.contains("texts kk")
    {
        "empty"
    } else if problem.contains("a year") {
        "year"
    } else if problem.contains("a key of") || problem.contains("1 to 64 characters") {
        "key-format"
    } else if problem.contains("one of")
        || problem.contains(" or ")
        || problem == "alphabetical"
        || problem == "repeat_election"
    {
        "choice"
    } else {
        "range"
    }
}

fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Lowercase hexadecimal of bytes.
pub(crate) fn hex_lower(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_parse() {
        for (id, text) in PRESETS {
            let rs = RuleSet::parse(text).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(rs.id, id);
        }
    }

    #[test]
    fn deposit_2023_is_350000() {
        let rs = RuleSet::parse(KZ_AKIM_DISTRICT_2023).unwrap();
        assert_eq!(rs.deposit.amount_for(2023), Some(350_000));
        assert_eq!(rs.deposit.amount_for(1999), None);
    }

    #[test]
    fn signatures_round_up() {
        let rs = RuleSet::parse(KZ_AKIM_DISTRICT_2023).unwrap();
        assert_eq!(rs.signatures_required(10_000), 100);
        assert_eq!(rs.signatures_required(10_001), 101);
        assert_eq!(rs.signatures_required(0), 0);
    }

    #[test]
    fn unknown_and_missing_keys_are_named() {
        let text = KZ_AKIM_DISTRICT_2023.replace("min_candidates = 2", "min_candidate = 2");
        let e = RuleSet::parse(&text).unwrap_err();
        assert!(e.to_string().contains("min_candidate"), "{e}");
        let text = KZ_AKIM_DISTRICT_2023.replace(
            "registration_closes_time = \"18:00\"",
            "registration_closes_time = \"18:60\"",
        );
        let e = RuleSet::parse(&text).unwrap_err();
        assert_eq!(e.0[0].key, "calendar.registration_closes_time");
    }

    #[test]
    fn default_protocol_parses_and_presets_use_it() {
        let d = ProtocolRules::default();
        assert!(d.field(VOTERS_ON_LIST).is_some());
        assert_eq!(d.relations.len(), 4);
        for (_, text) in PRESETS {
            assert_eq!(RuleSet::parse(text).unwrap().protocol, d);
        }
    }

    #[test]
    fn a_rule_set_without_protocol_reads_the_default() {
        let start = KZ_AKIM_DISTRICT_2023.find("[protocol]").unwrap();
        let old = &KZ_AKIM_DISTRICT_2023[..start];
        let rs = RuleSet::parse(old).unwrap();
        assert_eq!(rs.protocol, ProtocolRules::default());
        assert_eq!(rs.election_day.turnout_grace_minutes, 60);
    }

    #[test]
    fn unknown_relation_term_is_named() {
        let text =
            KZ_AKIM_DISTRICT_2023.replace("left = [\"ballots_received\"]", "left = [\"ballots\"]");
        let e = RuleSet::parse(&text).unwrap_err();
        assert!(
            e.0.iter().any(|p| p.key == "protocol.relations[0].left[0]"),
            "{e}"
        );
    }
}

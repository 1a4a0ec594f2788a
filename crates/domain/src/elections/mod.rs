//! The elections context (issue 11): rule sets as data, calling an election with its calendar,
//! nominations by the three routes, documents, deposits, registration and withdrawal, ballots.
//!
//! - [`rules`]: the rule set (TOML) and its presets; [`zones`]: region → IANA zone;
//!   [`calendar`]: every window in local time.
//! - Commands: [`CallElection`] and [`ProduceBallots`] here; the nominations in [`nomination`]
//!   (`nominate_by_party`, `apply_self_nomination`, `propose_by_higher_akim`, `attach_document`,
//!   `tick_document`, `record_deposit`); the commission's decisions in [`registration`]
//!   (`register_candidate`, `refuse_registration`, `cancel_registration`).
//! - [`ballot`]: the ballot's contents (pure).
//!
//! Every rule takes "now" as a [`jiff::Timestamp`] from the command's instant, and the facts it
//! needs as values: the domain has no clock and no storage.

pub mod attachment;
pub mod ballot;
pub mod calendar;
pub mod certification;
pub mod iin;
pub mod nomination;
pub mod protocol;
pub mod registration;
pub mod rules;
pub mod signatures;
pub mod tabulation;
pub mod turnout;
pub mod zones;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::error::{Rule, ValidationErrors};
use crate::person::Person;
use crate::territory::{Names, TerritoryCode, TerritoryKind};
use crate::text;

pub use attachment::{AttachmentMeta, Blob, MediaType};
pub use ballot::{Ballot, BallotLine};
pub use calendar::{Calendar, LocalMoment, Phase, Window, WindowState};
pub use nomination::{
    ApplySelfNomination, AttachDocument, Attached, Candidate, Decision, Deposit, Membership,
    NominateByParty, Nomination, NominationFacts, ProposeByHigherAkim, RecordDeposit, Route,
    RouteKind, SignatureSummary, Status, TickDocument,
};
pub use registration::{CancelReason, CancelRegistration, RefuseRegistration, RegisterCandidate};
pub use rules::RuleSet;

uuid_id!(
    /// An election's identifier, chosen by whoever calls it and recorded in the ledger.
    ElectionId
);
uuid_id!(
    /// A contest's identifier (one contest per unit of an election).
    ContestId
);
uuid_id!(
    /// A nomination's (candidacy's) identifier.
    NominationId
);

/// The level of akim an election chooses (rules.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Akims of districts and cities of regional significance (since 2023).
    District,
    /// Akims of rural okrugs, villages, settlements and cities of district significance (since 2021).
    Rural,
}

impl Level {
    /// `district` or `rural`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::District => "district",
            Level::Rural => "rural",
        }
    }

    /// Whether a territory of `kind` elects an akim of this level.
    pub fn fits(self, kind: TerritoryKind) -> bool {
        match self {
            Level::District => {
                matches!(kind, TerritoryKind::District | TerritoryKind::RegionalCity)
            }
            Level::Rural => matches!(
                kind,
                TerritoryKind::RuralOkrug
                    | TerritoryKind::Village
                    | TerritoryKind::Settlement
                    | TerritoryKind::DistrictCity
            ),
        }
    }
}

/// The CEC anywhere, a territorial commission within its subtree: the commission's decisions.
pub(crate) const COMMISSION: Policy = Policy::new(&[
    Grant::new(Role::CecMember, Reach::Anywhere),
    Grant::new(Role::TerritorialCommission, Reach::TerritorySubtree),
]);

/// An election as stored: what `call_election` recorded, with the calendar's inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    /// Its identifier.
    pub id: ElectionId,
    /// Its name in the three languages.
    pub names: Names,
    /// The level of akim.
    pub level: Level,
    /// Election day (local date).
    pub election_day: Date,
    /// The local date of the call (in the calling territory's zone).
    pub called_on: Date,
    /// The calling commission's territory (`None`: the CEC).
    pub territory: Option<TerritoryCode>,
    /// The rule set's id.
    pub rule_set_id: String,
    /// SHA-256 of the rule set's text (lowercase hex), as recorded in the ledger.
    pub rule_set_sha256: String,
    /// The rule set's text, kept forever with the election.
    pub rule_set_toml: String,
}

impl Election {
    /// The election's rule set (it was checked when the election was called), read once per
    /// text and shared ([`rules::RuleSet::shared`]): every command of election day asks for it.
    pub fn rules(&self) -> Result<std::sync::Arc<RuleSet>, ValidationErrors> {
        RuleSet::shared(&self.rule_set_toml).map_err(|e| rule_set_errors(&e))
    }
}

/// A contest: one unit of an election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contest {
    /// Its identifier.
    pub id: ContestId,
    /// The election.
    pub election: ElectionId,
    /// The unit (district, city, rural okrug...).
    pub unit: TerritoryCode,
    /// The unit's voters when the election was called: the sum of its precincts'.
    pub voters: u64,
    /// Ballots have been produced.
    pub ballots_produced: bool,
    /// A registration was cancelled after the ballots were produced: they must be changed.
    pub ballot_changed: bool,
}

impl Contest {
    /// The IANA zone of the unit's region.
    pub fn zone(&self) -> &'static str {
        zones::zone_name(Some(&self.unit))
    }

    /// The contest's calendar.
    pub fn calendar(
        &self,
        election: &Election,
        rules: &RuleSet,
    ) -> Result<Calendar, ValidationErrors> {
        Calendar::compute(
            rules,
            election.election_day,
            election.called_on,
            self.zone(),
        )
        .map_err(|e| ValidationErrors::one("election_day", Rule::CalendarInvalid { reason: e.0 }))
    }
}

/// The refusal of a rule set, one error per problem, on the field `rule_set`.
pub fn rule_set_errors(e: &rules::RuleSetError) -> ValidationErrors {
    rule_set_errors_on("rule_set", &e.0)
}

/// The refusal of a rule set, one [`Rule::RuleSetInvalid`] per problem, on `field` (`rules`
/// for the party's and the primaries' rule sets).
pub fn rule_set_errors_on(field: &str, problems: &[rules::RuleSetProblem]) -> ValidationErrors {
    ValidationErrors(
        problems
            .iter()
            .map(|p| {
                crate::FieldError::new(
                    field,
                    Rule::RuleSetInvalid {
                        key: p.key.clone(),
                        problem: p.code.clone(),
                        line: p.line,
                    },
                )
            })
            .collect(),
    )
}

/// One contest of a new election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewContest {
    /// Its identifier.
    pub id: ContestId,
    /// The unit.
    pub unit: TerritoryCode,
}

/// `call_election`: a commission calls an election for units in its territory, under a rule set
/// whose full text and SHA-256 the entry records (law art. 113-1; rules.md §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallElection {
    /// The new election's identifier.
    pub election: ElectionId,
    /// Its name (ru, kk required; en may be empty).
    pub names: Names,
    /// The level of akim.
    pub level: Level,
    /// Election day, a local date.
    pub election_day: Date,
    /// The calling commission's territory (`None`: the CEC calls).
    pub territory: Option<TerritoryCode>,
    /// The contests, one per unit.
    pub contests: Vec<NewContest>,
    /// The rule set's TOML text.
    pub rule_set: String,
    /// SHA-256 of `rule_set`, lowercase hex.
    pub rule_set_sha256: String,
}

impl DomainCommand for CallElection {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} {} ({} units)",
            self.election_day,
            self.names.ru,
            self.contests.len()
        )
    }
    fn normalized(self) -> Self {
        CallElection {
            names: text::normalize_names(self.names),
            ..self
        }
    }
}

/// What the app looked up about one unit of a new election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitFacts {
    /// The unit's kind.
    pub kind: TerritoryKind,
    /// The unit's ancestry from its region down to itself.
    pub path: Vec<TerritoryCode>,
    /// Its voters: the sum of its precincts'.
    pub voters: u64,
    /// Another election with a contest for this unit on the same day exists.
    pub busy: bool,
}

/// What the app looked up for `call_election`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallFacts {
    /// The election id is taken.
    pub id_taken: bool,
    /// Some contest id is taken.
    pub contest_ids_taken: Vec<ContestId>,
    /// The calling territory exists (true when `territory` is `None`).
    pub territory_exists: bool,
    /// Per contest, in order: the unit's facts (`None`: no such territory).
    pub units: Vec<Option<UnitFacts>>,
}

impl CallElection {
    /// Checks the call at `now`: the rule set (parsed, its hash, its level), the names, the
    /// contests (units exist, fit the level, lie in the calling territory, appear once, are not
    /// in another election that day) and the call deadline (E − 50 by default) in the calling
    /// territory's zone. Returns the election and its contests, or every broken rule.
    pub fn validate(
        &self,
        facts: &CallFacts,
        now: Timestamp,
        edition: crate::Edition,
    ) -> Result<(Election, Vec<Contest>), ValidationErrors> {
        let mut errs = ValidationErrors::new();
        if facts.id_taken {
            errs.push("election", Rule::ElectionTaken);
        }
        let names = errs.absorb(self.names.validated_in(edition));
        let digest = RuleSet::digest(&self.rule_set);
        if digest != self.rule_set_sha256 {
            errs.push("rule_set_sha256", Rule::RuleSetDigestMismatch);
        }
        let rules = match RuleSet::parse(&self.rule_set) {
            Ok(r) => Some(r),
            Err(e) => {
                errs.0.extend(rule_set_errors(&e).0);
                None
            }
        };
        if let Some(r) = &rules
            && r.level != self.level
        {
            errs.push(
                "level",
                Rule::RuleSetLevel {
                    level: r.level.as_str().to_owned(),
                },
            );
        }
        if !facts.territory_exists {
            errs.push("territory", Rule::TerritoryMissing);
        }
        if self.contests.is_empty() {
            errs.push("contests", Rule::FieldRequired);
        }
        for id in &facts.contest_ids_taken {
            errs.push(
                "contests",
                Rule::ContestTaken {
                    contest: id.to_string(),
                },
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut seen_ids = std::collections::BTreeSet::new();
        for (i, c) in self.contests.iter().enumerate() {
            let field = format!("contests[{i}].unit");
            if !seen.insert(c.unit.clone()) {
                errs.push(
                    &field,
                    Rule::ContestUnitTwice {
                        unit: c.unit.to_string(),
                    },
                );
            }
            if !seen_ids.insert(c.id) {
                errs.push(
                    format!("contests[{i}].id"),
                    Rule::ContestTaken {
                        contest: c.id.to_string(),
                    },
                );
            }
            match facts.units.get(i).and_then(|u| u.as_ref()) {
                None => errs.push(&field, Rule::TerritoryMissing),
                Some(u) => {
                    if !self.level.fits(u.kind) {
                        errs.push(
                            &field,
                            Rule::UnitLevelMismatch {
                                unit: c.unit.to_string(),
                                level: self.level.as_str().to_owned(),
                            },
                        );
                    }
                    if let Some(t) = &self.territory
                        && !u.path.contains(t)
                    {
                        errs.push(
                            &field,
                            Rule::UnitOutsideTerritory {
                                unit: c.unit.to_string(),
                            },
                        );
                    }
                    if u.busy {
                        errs.push(
                            &field,
                            Rule::UnitBusy {
                                unit: c.unit.to_string(),
                            },
                        );
                    }
                }
            }
        }
        // The call's deadline and "today" in the calling territory's zone.
        let zone_name = zones::zone_name(self.territory.as_ref());
        let mut called_on = None;
        if let Some(r) = &rules {
            match zones::named_zone(zone_name) {
                Ok(tz) => {
                    let today = now.to_zoned(tz.clone()).date();
                    called_on = Some(today);
                    if self.election_day <= today {
                        errs.push("election_day", Rule::ElectionDayPast);
                    } else {
                        match calendar::call_deadline(r, self.election_day, &tz) {
                            Ok(w) => {
                                if let Err(rule) = w.check(now) {
                                    errs.push("election_day", rule);
                                }
                            }
                            Err(e) => {
                                errs.push("election_day", Rule::CalendarInvalid { reason: e.0 })
                            }
                        }
                    }
                }
                Err(e) => errs.push(
                    "territory",
                    Rule::CalendarInvalid {
                        reason: e.to_string(),
                    },
                ),
            }
        }
        errs.into_result()?;
        let (Some(names), Some(rules), Some(called_on)) = (names, rules, called_on) else {
            return Err(ValidationErrors::one("rule_set", Rule::FieldRequired));
        };
        let election = Election {
            id: self.election,
            names,
            level: self.level,
            election_day: self.election_day,
            called_on,
            territory: self.territory.clone(),
            rule_set_id: rules.id.clone(),
            rule_set_sha256: digest,
            rule_set_toml: self.rule_set.clone(),
        };
        let contests = self
            .contests
            .iter()
            .zip(&facts.units)
            .map(|(c, u)| Contest {
                id: c.id,
                election: self.election,
                unit: c.unit.clone(),
                voters: u.as_ref().map(|u| u.voters).unwrap_or(0),
                ballots_produced: false,
                ballot_changed: false,
            })
            .collect();
        Ok((election, contests))
    }
}

/// `produce_ballots`: the commission records that a contest's ballots were produced (after the
/// registration deadline, before the polls open); a later cancellation marks them changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProduceBallots {
    /// The contest.
    pub contest: ContestId,
}

impl DomainCommand for ProduceBallots {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        self.contest.to_string()
    }
}

impl ProduceBallots {
    /// Checks the window (after registration, before voting) and that the contest has the
    /// minimum of registered candidates; returns the contest marked produced.
    pub fn validate(
        &self,
        contest: &Contest,
        election: &Election,
        registered: usize,
        now: Timestamp,
    ) -> Result<Contest, ValidationErrors> {
        let rules = election.rules()?;
        let cal = contest.calendar(election, &rules)?;
        let mut errs = ValidationErrors::new();
        if let Err(r) = cal.check(Phase::Ballots, now) {
            errs.push("contest", r);
        }
        if (registered as u64) < u64::from(rules.min_candidates) {
            errs.push(
                "contest",
                Rule::TooFewCandidates {
                    registered: registered as u64,
                    min: u64::from(rules.min_candidates),
                },
            );
        }
        errs.into_result()?;
        Ok(Contest {
            ballots_produced: true,
            ballot_changed: false,
            ..contest.clone()
        })
    }
}

/// Whether two records of a person agree (the registry's and a nomination's), after the text
/// normalization every command gets.
pub fn same_person(a: &Person, b: &Person) -> bool {
    a.id == b.id
        && text::normalize(&a.surname) == text::normalize(&b.surname)
        && text::normalize(&a.given_name) == text::normalize(&b.given_name)
        && text::normalize(&a.patronymic) == text::normalize(&b.patronymic)
        && a.birth_date == b.birth_date
        && a.gender == b.gender
}

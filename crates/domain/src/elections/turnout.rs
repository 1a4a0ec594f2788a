//! Turnout through election day (issue 12 item 1): each precinct reports how many voters have
//! voted at the rule set's times (`[election_day] turnout_report_times`, 10:00 … 20:00 local by
//! default), within the voting hours of election day (plus `turnout_grace_minutes` after the
//! close for the last report), never above the voters on the list and never decreasing.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::calendar::{Phase, moment};
use super::protocol::{DayRule, PRECINCT_WORK};
use super::{Contest, Election, ElectionId};
use crate::authz::Policy;
use crate::command::DomainCommand;
use crate::error::{Rule, ValidationErrors};
use crate::precinct::PrecinctRef;

/// `report_turnout`: the number of voters who have voted in a precinct by a report time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTurnout {
    /// The election.
    pub election: ElectionId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// The report time, local `HH:MM`, one of the rule set's.
    pub at: String,
    /// Voters who have voted by then (a count of people).
    pub voted: u64,
}

impl DomainCommand for ReportTurnout {
    const POLICY: Policy = PRECINCT_WORK;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} №{} {} {}",
            self.election, self.precinct.number, self.at, self.voted
        )
    }
}

/// What the app looked up for a turnout report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TurnoutFacts {
    /// The precinct's voters on the list (the registry's count).
    pub voters: u64,
    /// The precinct's earlier reports in this election: time → voted.
    pub reports: BTreeMap<String, u64>,
}

/// Why turnout cannot be reported at `now`, or `None` while it can: from the opening of the
/// polls until `turnout_grace_minutes` after their close (the last report is filed after
/// closing). The operator pages ask this before offering the form.
pub fn reporting_closed(
    rules: &super::RuleSet,
    cal: &super::calendar::Calendar,
    now: Timestamp,
) -> Option<Rule> {
    let w = cal.window(Phase::Voting)?;
    let grace =
        jiff::SignedDuration::from_mins(i64::from(rules.election_day.turnout_grace_minutes));
    let last = w.closes.at.checked_add(grace).unwrap_or(w.closes.at);
    match &w.opens {
        Some(o) if now < o.at => Some(Rule::WindowNotOpen {
            window: Phase::Voting.as_str().to_owned(),
            date: o.date_text(),
            time: o.time.clone(),
        }),
        _ if now > last => Some(Rule::WindowClosed {
            window: Phase::Voting.as_str().to_owned(),
            date: w.closes.date_text(),
            time: w.closes.time.clone(),
        }),
        _ => None,
    }
}

impl ReportTurnout {
    /// Checks the report at `now`: a time of the rule set, not before that time, within the
    /// voting hours of election day in the contest's zone (the last report up to the grace
    /// period after the close), not yet reported, at most the voters on the list, and between
    /// the earlier and later reports of the day. Every broken rule at once.
    pub fn validate(
        &self,
        election: &Election,
        contest: &Contest,
        facts: &TurnoutFacts,
        now: Timestamp,
    ) -> Result<(), ValidationErrors> {
        let rules = election.rules()?;
        let cal = contest.calendar(election, &rules)?;
        let mut errs = ValidationErrors::new();
        let times = &rules.election_day.turnout_report_times;
        if !times.contains(&self.at) {
            errs.push(
                "at",
                DayRule::TurnoutTimeUnknown {
                    allowed: times.join(", "),
                }
                .into(),
            );
        } else {
            let tz = super::zones::named_zone(contest.zone()).map_err(|e| {
                ValidationErrors::one(
                    "at",
                    Rule::CalendarInvalid {
                        reason: e.to_string(),
                    },
                )
            })?;
            let slot = moment(election.election_day, 0, &self.at, &tz)
                .map_err(|e| ValidationErrors::one("at", Rule::CalendarInvalid { reason: e.0 }))?;
            if let Some(refusal) = reporting_closed(&rules, &cal, now) {
                errs.push("at", refusal);
            } else if cal.window(Phase::Voting).is_some() && now < slot.at {
                errs.push(
                    "at",
                    DayRule::TurnoutTooEarly {
                        time: self.at.clone(),
                    }
                    .into(),
                );
            }
        }
        if facts.reports.contains_key(&self.at) {
            errs.push(
                "at",
                DayRule::TurnoutReported {
                    time: self.at.clone(),
                }
                .into(),
            );
        }
        if self.voted > facts.voters {
            errs.push(
                "voted",
                DayRule::AboveList {
                    value: self.voted,
                    voters: facts.voters,
                }
                .into(),
            );
        }
        // "HH:MM" times order as text.
        for (time, voted) in &facts.reports {
            let wrong = (time.as_str() < self.at.as_str() && *voted > self.voted)
                || (time.as_str() > self.at.as_str() && *voted < self.voted);
            if wrong {
                errs.push(
                    "voted",
                    DayRule::TurnoutOrder {
                        time: time.clone(),
                        voted: *voted,
                    }
                    .into(),
                );
            }
        }
        errs.into_result()
    }
}

//! The territorial commission's decisions on a nomination: register (after the completeness
//! check, which names every failed condition), refuse with a ground of the rule set, and cancel
//! a registration on the candidate's withdrawal or the party's recall (law art. 113-6 p.1).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::calendar::Phase;
use super::nomination::{Nomination, RouteKind, Status, check_age, required_deposit};
use super::rules::RuleSet;
use super::{COMMISSION, Contest, Election, NominationId};
use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::{DomainCommand, Edition};
use crate::error::{Rule, ValidationErrors};
use crate::text::{self, TextKind};

/// Longest text of a refusal or a cancellation.
pub const MAX_REASON: usize = 2000;

/// The conditions of registration not met by a nomination, each as the rule it breaks (empty:
/// complete). Checked: every required document of the route ticked, the deposit recorded in the
/// full amount of the election year, a self-nominee's verified signatures (none recorded:
/// "signatures missing"), the minimum age on election day and the declared qualifications.
pub fn missing(n: &Nomination, election: &Election, rules: &RuleSet) -> ValidationErrors {
    let mut errs = ValidationErrors::new();
    for d in rules.documents_for(n.route.kind()) {
        if !n.documents.contains(d) {
            errs.push(
                "documents",
                Rule::DocumentMissing {
                    document: d.clone(),
                },
            );
        }
    }
    match (&n.deposit, required_deposit(rules, election.election_day)) {
        (None, _) => errs.push("deposit", Rule::DepositMissing),
        (Some(d), Ok(required)) if d.amount_tenge < required => errs.push(
            "deposit",
            Rule::DepositTooLow {
                amount: d.amount_tenge,
                required,
                year: election.election_day.year().to_string(),
            },
        ),
        (Some(_), Ok(_)) => {}
        (Some(_), Err(r)) => errs.push("deposit", r),
    }
    if n.route.kind() == RouteKind::SelfNominated {
        match n.signatures {
            None => errs.push("signatures", Rule::SignaturesMissing),
            Some(s) if s.valid < s.required => errs.push(
                "signatures",
                Rule::SignaturesTooFew {
                    valid: s.valid,
                    required: s.required,
                },
            ),
            Some(_) => {}
        }
    }
    check_age(&n.candidate.person, rules, election.election_day, &mut errs);
    for q in &rules.eligibility.qualifications {
        if !n.candidate.qualifications.contains(q) {
            errs.push(
                "qualifications",
                Rule::QualificationMissing {
                    qualification: q.clone(),
                },
            );
        }
    }
    errs
}

fn check_decision(
    n: &Nomination,
    contest: &Contest,
    election: &Election,
    rules: &RuleSet,
    now: Timestamp,
    errs: &mut ValidationErrors,
) -> Result<(), ValidationErrors> {
    if n.status != Status::Nominated {
        errs.push(
            "nomination",
            Rule::NominationStatus {
                status: n.status.as_str().to_owned(),
            },
        );
    }
    let cal = contest.calendar(election, rules)?;
    if let Err(r) = cal.check(n.route.kind().decision_phase(), now) {
        errs.push("nomination", r);
    }
    Ok(())
}

/// `register_candidate`: the commission registers a complete nomination; the number is the next
/// in the contest (1, 2, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterCandidate {
    /// The nomination.
    pub nomination: NominationId,
}

impl DomainCommand for RegisterCandidate {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        self.nomination.to_string()
    }
}

impl RegisterCandidate {
    /// Checks status, window and completeness (naming every failed condition); returns the
    /// nomination registered as number `next_number`.
    pub fn validate(
        &self,
        n: &Nomination,
        contest: &Contest,
        election: &Election,
        next_number: u32,
        now: Timestamp,
    ) -> Result<Nomination, ValidationErrors> {
        let rules = election.rules()?;
        let mut errs = ValidationErrors::new();
        check_decision(n, contest, election, &rules, now, &mut errs)?;
        errs.0.extend(missing(n, election, &rules).0);
        errs.into_result()?;
        Ok(Nomination {
            status: Status::Registered {
                number: next_number,
            },
            ..n.clone()
        })
    }
}

/// `refuse_registration`: the commission refuses with a ground of the rule set and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefuseRegistration {
    /// The nomination.
    pub nomination: NominationId,
    /// The ground's key in the rule set.
    pub ground: String,
    /// The commission's explanation.
    pub text: String,
}

impl DomainCommand for RefuseRegistration {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.nomination, self.ground)
    }
    fn normalized(self) -> Self {
        RefuseRegistration {
            text: text::normalize(&self.text),
            ..self
        }
    }
}

impl RefuseRegistration {
    /// Checks status, window and ground; returns the nomination refused.
    pub fn validate(
        &self,
        n: &Nomination,
        contest: &Contest,
        election: &Election,
        now: Timestamp,
        edition: Edition,
    ) -> Result<Nomination, ValidationErrors> {
        let rules = election.rules()?;
        let mut errs = ValidationErrors::new();
        check_decision(n, contest, election, &rules, now, &mut errs)?;
        if rules.ground(&self.ground).is_none() {
            errs.push(
                "ground",
                Rule::GroundUnknown {
                    ground: self.ground.clone(),
                },
            );
        }
        let text = errs.absorb(text::clean_in(
            "text",
            &self.text,
            TextKind::FreeText,
            MAX_REASON,
            edition,
        ));
        errs.into_result()?;
        Ok(Nomination {
            status: Status::Refused {
                ground: self.ground.clone(),
                text: text.unwrap_or_default(),
            },
            ..n.clone()
        })
    }
}

/// Why a candidacy was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CancelReason {
    /// On the candidate's written application.
    Withdrawn,
    /// Recalled by the nominating party.
    Recalled,
}

impl CancelReason {
    /// `withdrawn` or `recalled`.
    pub fn as_str(self) -> &'static str {
        match self {
            CancelReason::Withdrawn => "withdrawn",
            CancelReason::Recalled => "recalled",
        }
    }
}

/// `cancel_registration`: a nomination or registration cancelled on the candidate's application
/// or the party's recall, until the withdrawal deadline; after the ballots were produced, the
/// contest's ballot is marked as changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelRegistration {
    /// The nomination.
    pub nomination: NominationId,
    /// Withdrawn or recalled.
    pub reason: CancelReason,
    /// The application's text or reference.
    pub text: String,
}

impl DomainCommand for CancelRegistration {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::Anywhere),
        Grant::new(Role::TerritorialCommission, Reach::TerritorySubtree),
        Grant::new(Role::PartySecretary, Reach::PartySubtree),
        Grant::new(Role::Candidate, Reach::OwnPerson),
    ]);
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.nomination, self.reason.as_str())
    }
    fn normalized(self) -> Self {
        CancelRegistration {
            text: text::normalize(&self.text),
            ..self
        }
    }
}

impl CancelRegistration {
    /// Checks status, reason and window; returns the nomination cancelled and the contest (its
    /// ballot marked changed when it had been produced and the candidate was registered).
    pub fn validate(
        &self,
        n: &Nomination,
        contest: &Contest,
        election: &Election,
        now: Timestamp,
        edition: Edition,
    ) -> Result<(Nomination, Contest), ValidationErrors> {
        let rules = election.rules()?;
        let cal = contest.calendar(election, &rules)?;
        let mut errs = ValidationErrors::new();
        let number = match &n.status {
            Status::Nominated => None,
            Status::Registered { number } => Some(*number),
            other => {
                errs.push(
                    "nomination",
                    Rule::NominationStatus {
                        status: other.as_str().to_owned(),
                    },
                );
                None
            }
        };
        if self.reason == CancelReason::Recalled && n.route.kind() != RouteKind::Party {
            errs.push("reason", Rule::RecallNotParty);
        }
        if let Err(r) = cal.check(Phase::Withdrawal, now) {
            errs.push("nomination", r);
        }
        errs.absorb(text::clean_in(
            "text",
            &self.text,
            TextKind::FreeText,
            MAX_REASON,
            edition,
        ));
        errs.into_result()?;
        let mut c = contest.clone();
        if number.is_some() && c.ballots_produced {
            c.ballot_changed = true;
        }
        Ok((
            Nomination {
                status: Status::Cancelled {
                    reason: self.reason,
                    number,
                },
                ..n.clone()
            },
            c,
        ))
    }
}

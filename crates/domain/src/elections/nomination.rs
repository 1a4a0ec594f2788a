//! Nominations (candidacies) by the three routes, and what is filed with them: documents,
//! attachments, the deposit.
//!
//! Routes (rules.md §3): a party nominates one of its members per unit by a decision of its
//! branch's conference (`nominate_by_party`); a citizen applies as a self-nominee
//! (`apply_self_nomination`) and collects signatures; when fewer than the minimum are
//! registered, the higher-level akim proposes (`propose_by_higher_akim`).

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::attachment::AttachmentMeta;
use super::calendar::Phase;
use super::rules::RuleSet;
use super::{COMMISSION, Contest, ContestId, Election, NominationId, same_person};
use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::{DomainCommand, Edition};
use crate::error::{Rule, ValidationErrors};
use crate::party::PartyCode;
use crate::person::Person;
use crate::text::{self, TextKind};

/// Longest post, residence, decision body or document reference.
pub const MAX_TEXT: usize = 300;

/// A candidate as nominated: the person and what the ballot and the commission need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The person (registered with the nomination if new; otherwise it must match the registry).
    pub person: Person,
    /// Current post as written in the application ("аким Уилского района").
    pub post: String,
    /// Place of residence.
    pub residence: String,
    /// The qualifications of the rule set's checklist the candidate declares (keys).
    pub qualifications: Vec<String>,
    /// The candidate is the sitting akim of the unit the contest elects, as declared in the
    /// nomination (by the nominating party, the higher akim or the self-nominee; the territorial
    /// commission sees it when it registers). Election statistics count the winners who were
    /// sitting akims as re-elected (issue 12 §6; on 5 Nov 2023, 29 incumbent akims were
    /// re-elected, rules.md §8).
    ///
    /// Ledger form: absent when `false`, so entries written before the field existed read as
    /// `false` and re-encode to the same bytes; `"incumbent":true` otherwise.
    #[serde(default, skip_serializing_if = "is_false")]
    pub incumbent: bool,
}

/// Whether `b` is `false` (serde's test for leaving a `false` flag out of the ledger form).
fn is_false(b: &bool) -> bool {
    !*b
}

impl Candidate {
    fn normalized(self) -> Candidate {
        Candidate {
            person: Person {
                surname: text::normalize(&self.person.surname),
                given_name: text::normalize(&self.person.given_name),
                patronymic: text::normalize(&self.person.patronymic),
                ..self.person
            },
            post: text::normalize(&self.post),
            residence: text::normalize(&self.residence),
            qualifications: self.qualifications,
            incumbent: self.incumbent,
        }
    }
}

/// A decision: a party conference's nomination or the higher akim's proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Its number.
    pub number: String,
    /// Its date.
    pub date: Date,
    /// Who decided ("L (50th) extraordinary conference of the Uil district branch").
    pub body: String,
}

impl Decision {
    fn normalized(self) -> Decision {
        Decision {
            number: text::normalize(&self.number),
            body: text::normalize(&self.body),
            date: self.date,
        }
    }

    fn check(&self, field: &str, today: Date, errs: &mut ValidationErrors) {
        errs.absorb(text::required_kind(
            &format!("{field}.number"),
            &self.number,
            TextKind::Name,
            64,
            Edition::CURRENT,
        ));
        errs.absorb(text::required_kind(
            &format!("{field}.body"),
            &self.body,
            TextKind::Name,
            MAX_TEXT,
            Edition::CURRENT,
        ));
        if self.date > today {
            errs.push(format!("{field}.date"), Rule::DateInFuture);
        }
    }
}

/// The fact that the nominee is a member of the party, with the party document that shows it
/// (the party issue brings member registers; until then the document is recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The document (party card or register extract: its number and date as written).
    pub document: String,
}

/// How a candidate was nominated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Route {
    /// By a party.
    Party {
        /// The party.
        party: PartyCode,
        /// Its conference's decision.
        decision: Decision,
        /// The nominee's membership.
        membership: Membership,
    },
    /// Self-nomination.
    SelfNominated,
    /// Proposed by the higher-level akim.
    HigherAkimProposal {
        /// The proposal.
        proposal: Decision,
    },
}

/// The kind of a [`Route`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteKind {
    /// By a party.
    Party,
    /// Self-nomination.
    SelfNominated,
    /// Proposed by the higher-level akim.
    HigherAkimProposal,
}

impl RouteKind {
    /// `party`, `self_nominated`, `higher_akim_proposal`.
    pub fn as_str(self) -> &'static str {
        match self {
            RouteKind::Party => "party",
            RouteKind::SelfNominated => "self_nominated",
            RouteKind::HigherAkimProposal => "higher_akim_proposal",
        }
    }

    /// The window of filing and decisions for this route.
    pub fn decision_phase(self) -> Phase {
        match self {
            RouteKind::HigherAkimProposal => Phase::HigherAkimRegistration,
            _ => Phase::Registration,
        }
    }
}

impl Route {
    /// Its kind.
    pub fn kind(&self) -> RouteKind {
        match self {
            Route::Party { .. } => RouteKind::Party,
            Route::SelfNominated => RouteKind::SelfNominated,
            Route::HigherAkimProposal { .. } => RouteKind::HigherAkimProposal,
        }
    }

    /// The nominating party, if any.
    pub fn party(&self) -> Option<&PartyCode> {
        match self {
            Route::Party { party, .. } => Some(party),
            _ => None,
        }
    }
}

/// The deposit as paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deposit {
    /// Amount in tenge.
    pub amount_tenge: u64,
    /// Payment date.
    pub paid_on: Date,
    /// The payment document's number.
    pub document_number: String,
}

/// The signatures of a self-nominee as verified (filled by `record_signature_sheets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureSummary {
    /// Valid unique signatures.
    pub valid: u64,
    /// Signatures required (the rule set's share of the unit's voters, rounded up).
    pub required: u64,
}

pub use super::registration::CancelReason;

/// Where a nomination stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// Nominated, awaiting the commission's decision.
    Nominated,
    /// Registered with its number in the contest.
    Registered {
        /// Registration number, from 1 per contest.
        number: u32,
    },
    /// Registration refused.
    Refused {
        /// The rule set's ground.
        ground: String,
        /// The commission's text.
        text: String,
    },
    /// Cancelled (withdrawn by the candidate, recalled by the party).
    Cancelled {
        /// Why.
        reason: CancelReason,
        /// The registration number it had, if it was registered.
        number: Option<u32>,
    },
}

impl Status {
    /// `nominated`, `registered`, `refused`, `cancelled`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Nominated => "nominated",
            Status::Registered { .. } => "registered",
            Status::Refused { .. } => "refused",
            Status::Cancelled { .. } => "cancelled",
        }
    }

    /// Still standing (nominated or registered).
    pub fn is_active(&self) -> bool {
        matches!(self, Status::Nominated | Status::Registered { .. })
    }
}

/// An attachment filed for a document of a nomination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attached {
    /// The document key (`party_decision`).
    pub document: String,
    /// The file's hash, kind and size.
    pub file: AttachmentMeta,
}

/// A nomination as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nomination {
    /// Its identifier.
    pub id: NominationId,
    /// The contest.
    pub contest: ContestId,
    /// The candidate.
    pub candidate: Candidate,
    /// The route.
    pub route: Route,
    /// Documents the commission ticked as present.
    pub documents: BTreeSet<String>,
    /// Attached scans.
    pub attachments: Vec<Attached>,
    /// The deposit, once recorded.
    pub deposit: Option<Deposit>,
    /// The verified signatures (self-nominees), once recorded.
    pub signatures: Option<SignatureSummary>,
    /// Its status.
    pub status: Status,
}

/// What the app looked up for a new nomination.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NominationFacts {
    /// The nomination id is taken.
    pub id_taken: bool,
    /// The person as the registry has it (`None`: new).
    pub person: Option<Person>,
    /// The person already stands (nominated or registered) in this contest.
    pub person_stands: bool,
    /// The party exists (party route).
    pub party_exists: bool,
    /// The party already has a standing nominee in this contest (party route).
    pub party_has_nominee: bool,
    /// Another nomination still standing in this contest (nominated or registered, see
    /// [`Status::is_active`]) already declares its candidate the sitting akim.
    pub incumbent_declared: bool,
    /// Registered candidates in the contest (higher akim's route).
    pub registered: u64,
}

/// The local date of `now` in the contest's zone.
pub(crate) fn today_in(contest: &Contest, now: Timestamp) -> Result<Date, ValidationErrors> {
    let tz = super::zones::named_zone(contest.zone()).map_err(|e| {
        ValidationErrors::one(
            "contest",
            Rule::CalendarInvalid {
                reason: e.to_string(),
            },
        )
    })?;
    Ok(now.to_zoned(tz).date())
}

/// Checks a new candidacy in `contest` at `now` by `route`; returns the nomination and whether
/// its person is new to the registry.
#[allow(clippy::too_many_arguments)]
fn validate_new(
    id: NominationId,
    candidate: &Candidate,
    route: Route,
    contest: &Contest,
    election: &Election,
    facts: &NominationFacts,
    now: Timestamp,
    edition: Edition,
) -> Result<(Nomination, bool), ValidationErrors> {
    let rules = election.rules()?;
    let cal = contest.calendar(election, &rules)?;
    let today = today_in(contest, now)?;
    let mut errs = ValidationErrors::new();
    if facts.id_taken {
        errs.push("nomination", Rule::NominationTaken);
    }
    let kind = route.kind();
    if !rules.allows(kind) {
        errs.push(
            "route",
            Rule::RouteClosed {
                route: kind.as_str().to_owned(),
            },
        );
    }
    let phase = match kind {
        RouteKind::HigherAkimProposal => Phase::HigherAkimProposal,
        _ => Phase::Nomination,
    };
    if let Err(r) = cal.check(phase, now) {
        errs.push("contest", r);
    }
    if kind == RouteKind::HigherAkimProposal && facts.registered >= u64::from(rules.min_candidates)
    {
        errs.push(
            "contest",
            Rule::EnoughCandidates {
                registered: facts.registered,
                min: u64::from(rules.min_candidates),
            },
        );
    }
    // The person: new (validated like `register_person`) or the registry's (must match).
    let person = match &facts.person {
        Some(existing) => {
            if !same_person(existing, &candidate.person) {
                errs.push("person", Rule::PersonMismatch);
            }
            Some(existing.clone())
        }
        None => {
            let p = candidate.person.validate_in(false, today, edition);
            errs.absorb(p.map_err(|e| prefix("person", e)))
        }
    };
    if facts.person_stands {
        errs.push("person", Rule::PersonAlreadyStands);
    }
    // A unit has one akim: at most one standing nomination declares its candidate the sitting
    // one. A nomination that does not declare it is never refused here, so entries written
    // before incumbency was recorded (all `false`) replay unchanged.
    if candidate.incumbent && facts.incumbent_declared {
        errs.push("incumbent", Rule::IncumbentTaken);
    }
    let post = errs.absorb(text::required_kind(
        "post",
        &candidate.post,
        TextKind::Name,
        MAX_TEXT,
        edition,
    ));
    let residence = errs.absorb(text::required_kind(
        "residence",
        &candidate.residence,
        TextKind::Address,
        MAX_TEXT,
        edition,
    ));
    let mut quals = BTreeSet::new();
    for q in &candidate.qualifications {
        if !rules.eligibility.qualifications.contains(q) {
            errs.push(
                "qualifications",
                Rule::QualificationUnknown {
                    qualification: q.clone(),
                },
            );
        }
        quals.insert(q.clone());
    }
    // Eligibility: the minimum age on election day (rules.md §3).
    check_age(&candidate.person, &rules, election.election_day, &mut errs);
    // The route's own facts.
    let route = match route {
        Route::Party {
            party,
            decision,
            membership,
        } => {
            if !facts.party_exists {
                errs.push("party", Rule::PartyMissing);
            }
            if rules.nomination.party_one_per_unit && facts.party_has_nominee {
                errs.push(
                    "party",
                    Rule::PartyNomineeTaken {
                        party: party.to_string(),
                    },
                );
            }
            if rules.nomination.party_members_only && membership.document.trim().is_empty() {
                errs.push("membership.document", Rule::PartyMembershipMissing);
            } else {
                errs.absorb(text::clean_in(
                    "membership.document",
                    &membership.document,
                    TextKind::Name,
                    MAX_TEXT,
                    edition,
                ));
            }
            decision.check("decision", today, &mut errs);
            Route::Party {
                party,
                decision: decision.normalized(),
                membership: Membership {
                    document: text::normalize(&membership.document),
                },
            }
        }
        Route::HigherAkimProposal { proposal } => {
            proposal.check("proposal", today, &mut errs);
            Route::HigherAkimProposal {
                proposal: proposal.normalized(),
            }
        }
        Route::SelfNominated => Route::SelfNominated,
    };
    errs.into_result()?;
    let (Some(person), Some(post), Some(residence)) = (person, post, residence) else {
        return Err(ValidationErrors::one("person", Rule::FieldRequired));
    };
    let new_person = facts.person.is_none();
    Ok((
        Nomination {
            id,
            contest: contest.id,
            candidate: Candidate {
                person,
                post,
                residence,
                qualifications: quals.into_iter().collect(),
                incumbent: candidate.incumbent,
            },
            route,
            documents: BTreeSet::new(),
            attachments: Vec::new(),
            deposit: None,
            signatures: None,
            status: Status::Nominated,
        },
        new_person,
    ))
}

/// Adds `eligibility-age` when the person is under the minimum age on election day.
pub(crate) fn check_age(person: &Person, rules: &RuleSet, day: Date, errs: &mut ValidationErrors) {
    let age = person.age_on(day);
    let min = i64::from(rules.eligibility.minimum_age);
    if i64::from(age) < min {
        errs.push(
            "person.birth_date",
            Rule::CandidateTooYoung {
                min: min as u64,
                age: i64::from(age).max(0) as u64,
                election_day: format!("{:02}.{:02}.{:04}", day.day(), day.month(), day.year()),
            },
        );
    }
}

/// The errors of a sub-value, their fields prefixed (`person.surname`).
fn prefix(p: &str, e: ValidationErrors) -> ValidationErrors {
    ValidationErrors(
        e.0.into_iter()
            .map(|f| crate::FieldError::new(format!("{p}.{}", f.field), f.rule))
            .collect(),
    )
}

/// `nominate_by_party`: a party's secretary files its nomination for a unit (rules.md §3, §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NominateByParty {
    /// The new nomination's identifier.
    pub nomination: NominationId,
    /// The contest.
    pub contest: ContestId,
    /// The candidate.
    pub candidate: Candidate,
    /// The nominating party.
    pub party: PartyCode,
    /// The conference's decision.
    pub decision: Decision,
    /// The nominee's party membership.
    pub membership: Membership,
}

impl DomainCommand for NominateByParty {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::Anywhere),
        Grant::new(Role::PartySecretary, Reach::PartySubtree),
    ]);
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {}", self.party, self.candidate.person.full_name())
    }
    fn normalized(self) -> Self {
        NominateByParty {
            candidate: self.candidate.normalized(),
            decision: self.decision.normalized(),
            membership: Membership {
                document: text::normalize(&self.membership.document),
            },
            ..self
        }
    }
}

impl NominateByParty {
    /// Checks the nomination; returns it and whether its person is new to the registry.
    pub fn validate(
        &self,
        contest: &Contest,
        election: &Election,
        facts: &NominationFacts,
        now: Timestamp,
        edition: Edition,
    ) -> Result<(Nomination, bool), ValidationErrors> {
        validate_new(
            self.nomination,
            &self.candidate,
            Route::Party {
                party: self.party.clone(),
                decision: self.decision.clone(),
                membership: self.membership.clone(),
            },
            contest,
            election,
            facts,
            now,
            edition,
        )
    }
}

/// `apply_self_nomination`: a citizen's application as a self-nominee, filed by the candidate's
/// own account or entered by the commission (rules.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplySelfNomination {
    /// The new nomination's identifier.
    pub nomination: NominationId,
    /// The contest.
    pub contest: ContestId,
    /// The candidate.
    pub candidate: Candidate,
}

impl DomainCommand for ApplySelfNomination {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::Anywhere),
        Grant::new(Role::TerritorialCommission, Reach::TerritorySubtree),
        Grant::new(Role::Candidate, Reach::OwnPerson),
    ]);
    type Private = ();
    fn summary(&self) -> String {
        self.candidate.person.full_name()
    }
    fn normalized(self) -> Self {
        ApplySelfNomination {
            candidate: self.candidate.normalized(),
            ..self
        }
    }
}

impl ApplySelfNomination {
    /// Checks the application; returns it and whether its person is new to the registry.
    pub fn validate(
        &self,
        contest: &Contest,
        election: &Election,
        facts: &NominationFacts,
        now: Timestamp,
        edition: Edition,
    ) -> Result<(Nomination, bool), ValidationErrors> {
        validate_new(
            self.nomination,
            &self.candidate,
            Route::SelfNominated,
            contest,
            election,
            facts,
            now,
            edition,
        )
    }
}

/// `propose_by_higher_akim`: after the registration deadline, in a contest with fewer than the
/// minimum of registered candidates, the higher-level akim proposes one (rules.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposeByHigherAkim {
    /// The new nomination's identifier.
    pub nomination: NominationId,
    /// The contest.
    pub contest: ContestId,
    /// The candidate.
    pub candidate: Candidate,
    /// The akim's proposal.
    pub proposal: Decision,
}

impl DomainCommand for ProposeByHigherAkim {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        self.candidate.person.full_name()
    }
    fn normalized(self) -> Self {
        ProposeByHigherAkim {
            candidate: self.candidate.normalized(),
            proposal: self.proposal.normalized(),
            ..self
        }
    }
}

impl ProposeByHigherAkim {
    /// Checks the proposal; returns it and whether its person is new to the registry.
    pub fn validate(
        &self,
        contest: &Contest,
        election: &Election,
        facts: &NominationFacts,
        now: Timestamp,
        edition: Edition,
    ) -> Result<(Nomination, bool), ValidationErrors> {
        validate_new(
            self.nomination,
            &self.candidate,
            Route::HigherAkimProposal {
                proposal: self.proposal.clone(),
            },
            contest,
            election,
            facts,
            now,
            edition,
        )
    }
}

/// The checks every filing on an existing nomination shares: still awaiting a decision, and the
/// route's filing window open.
fn check_filing(
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

fn check_document_key(
    n: &Nomination,
    rules: &RuleSet,
    document: &str,
    errs: &mut ValidationErrors,
) {
    if !rules
        .documents_for(n.route.kind())
        .iter()
        .any(|d| d == document)
    {
        errs.push(
            "document",
            Rule::DocumentUnknown {
                document: document.to_owned(),
            },
        );
    }
}

/// `attach_document`: a scan filed for one of the route's documents. The entry records the
/// file's SHA-256, kind and size; the bytes travel as the command's private data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachDocument {
    /// The nomination.
    pub nomination: NominationId,
    /// The document key (`party_decision`).
    pub document: String,
    /// The file.
    pub file: AttachmentMeta,
}

impl DomainCommand for AttachDocument {
    const POLICY: Policy = Policy::new(&[
        Grant::new(Role::CecMember, Reach::Anywhere),
        Grant::new(Role::TerritorialCommission, Reach::TerritorySubtree),
        Grant::new(Role::PartySecretary, Reach::PartySubtree),
        Grant::new(Role::Candidate, Reach::OwnPerson),
    ]);
    type Private = super::attachment::Blob;
    fn summary(&self) -> String {
        format!("{} {} {}", self.nomination, self.document, self.file.sha256)
    }
}

impl AttachDocument {
    /// Checks the filing; returns the nomination with the attachment (replacing an earlier one
    /// for the same document).
    pub fn validate(
        &self,
        n: &Nomination,
        contest: &Contest,
        election: &Election,
        now: Timestamp,
    ) -> Result<Nomination, ValidationErrors> {
        let rules = election.rules()?;
        let mut errs = ValidationErrors::new();
        check_filing(n, contest, election, &rules, now, &mut errs)?;
        check_document_key(n, &rules, &self.document, &mut errs);
        errs.absorb(self.file.validate(&rules.attachments));
        errs.into_result()?;
        let mut out = n.clone();
        out.attachments.retain(|a| a.document != self.document);
        out.attachments.push(Attached {
            document: self.document.clone(),
            file: self.file.clone(),
        });
        Ok(out)
    }
}

/// `tick_document`: the commission marks a required document as present (or not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TickDocument {
    /// The nomination.
    pub nomination: NominationId,
    /// The document key.
    pub document: String,
    /// Present (`true`) or withdrawn from the file (`false`).
    pub present: bool,
}

impl DomainCommand for TickDocument {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {} {}", self.nomination, self.document, self.present)
    }
}

impl TickDocument {
    /// Checks the tick; returns the nomination with its documents updated.
    pub fn validate(
        &self,
        n: &Nomination,
        contest: &Contest,
        election: &Election,
        now: Timestamp,
    ) -> Result<Nomination, ValidationErrors> {
        let rules = election.rules()?;
        let mut errs = ValidationErrors::new();
        check_filing(n, contest, election, &rules, now, &mut errs)?;
        check_document_key(n, &rules, &self.document, &mut errs);
        errs.into_result()?;
        let mut out = n.clone();
        if self.present {
            out.documents.insert(self.document.clone());
        } else {
            out.documents.remove(&self.document);
        }
        Ok(out)
    }
}

/// `record_deposit`: the commission records the electoral deposit, checked against the rule
/// set's amount for the election year (5 × 70,000 ₸ = 350,000 ₸ in 2023; rules.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDeposit {
    /// The nomination.
    pub nomination: NominationId,
    /// Amount paid, in tenge.
    pub amount_tenge: u64,
    /// Payment date.
    pub paid_on: Date,
    /// Payment document's number.
    pub document_number: String,
}

impl DomainCommand for RecordDeposit {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {} ₸", self.nomination, self.amount_tenge)
    }
    fn normalized(self) -> Self {
        RecordDeposit {
            document_number: text::normalize(&self.document_number),
            ..self
        }
    }
}

/// The deposit the rule set requires for an election, or the refusal when the year's minimum
/// wage is not in the rule set.
pub fn required_deposit(rules: &RuleSet, election_day: Date) -> Result<u64, Rule> {
    rules
        .deposit
        .amount_for(election_day.year())
        .ok_or(Rule::DepositWageUnknown {
            year: election_day.year().to_string(),
        })
}

impl RecordDeposit {
    /// Checks the deposit; returns the nomination with it.
    pub fn validate(
        &self,
        n: &Nomination,
        contest: &Contest,
        election: &Election,
        now: Timestamp,
        edition: Edition,
    ) -> Result<Nomination, ValidationErrors> {
        let rules = election.rules()?;
        let today = today_in(contest, now)?;
        let mut errs = ValidationErrors::new();
        check_filing(n, contest, election, &rules, now, &mut errs)?;
        match required_deposit(&rules, election.election_day) {
            Ok(required) if self.amount_tenge < required => errs.push(
                "amount_tenge",
                Rule::DepositTooLow {
                    amount: self.amount_tenge,
                    required,
                    year: election.election_day.year().to_string(),
                },
            ),
            Ok(_) => {}
            Err(r) => errs.push("amount_tenge", r),
        }
        if self.paid_on > today {
            errs.push("paid_on", Rule::DateInFuture);
        }
        let number = errs.absorb(text::required_kind(
            "document_number",
            &self.document_number,
            TextKind::Name,
            64,
            edition,
        ));
        errs.into_result()?;
        let mut out = n.clone();
        out.deposit = Some(Deposit {
            amount_tenge: self.amount_tenge,
            paid_on: self.paid_on,
            document_number: number.unwrap_or_default(),
        });
        Ok(out)
    }
}

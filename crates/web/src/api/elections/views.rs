//! The elections API's answers as typed OpenAPI schemas (fold-api): each view is built from the
//! app's read (`sailau_app::elections`) and serializes to exactly the JSON the app's value
//! serializes to (a web test compares the two), so the document describes what is sent.
//!
//! Two parts stay free-form objects, described in words: the rule set (its TOML keys, documented
//! in `docs/rules.md` and `sailau_domain::elections::rules`) and the broken conditions of
//! registration (each a rule key with the values its message needs).

use sailau_app::elections::{
    ContestSummary, ContestView, ElectionView, NominationView, RegisteredCandidate, WorkbenchItem,
};
use sailau_domain::elections::{
    Ballot, BallotLine, CancelReason, Contest, Election, Level, LocalMoment, Nomination, Phase,
    Route, Status, Window,
};
use sailau_domain::elections::{Calendar, Decision};
use sailau_domain::{Names, Territory, ValidationErrors};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::api::types::{GenderName, TerritoryKindName, api_enum};

api_enum! {
    /// The level of akim an election chooses: `district` (districts and cities of regional
    /// significance) or `rural`.
    LevelView(Level) in [Level::District, Level::Rural]
}

api_enum! {
    /// A window of the calendar, in calendar order.
    PhaseView(Phase)
}

api_enum! {
    /// Why a candidacy was cancelled: the candidate withdrew, or the party recalled it.
    CancelReasonView(CancelReason) in [CancelReason::Withdrawn, CancelReason::Recalled]
}

/// A name in the three languages.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NamesView {
    /// In Russian.
    pub ru: String,
    /// In Kazakh.
    pub kk: String,
    /// In English (may be empty).
    pub en: String,
}

impl From<Names> for NamesView {
    fn from(n: Names) -> Self {
        NamesView {
            ru: n.ru,
            kk: n.kk,
            en: n.en,
        }
    }
}

/// An election in the list of elections.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ElectionSummary {
    /// Its id.
    #[schema(format = Uuid)]
    pub id: String,
    /// Its name.
    pub names: NamesView,
    /// The level of akim.
    pub level: LevelView,
    /// Election day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub election_day: String,
    /// The calling commission's territory (KATO code); null when the CEC called it.
    pub territory: Option<String>,
    /// The rule set's id (`kz-akim-district-2023`).
    pub rule_set_id: String,
    /// SHA-256 of the rule set's text, lowercase hex, as recorded in the ledger.
    pub rule_set_sha256: String,
}

impl From<Election> for ElectionSummary {
    fn from(e: Election) -> Self {
        ElectionSummary {
            id: e.id.to_string(),
            names: e.names.into(),
            level: e.level.into(),
            election_day: e.election_day.to_string(),
            territory: e.territory.map(|t| t.to_string()),
            rule_set_id: e.rule_set_id,
            rule_set_sha256: e.rule_set_sha256,
        }
    }
}

/// An election as recorded, with the text of its rule set.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ElectionRecord {
    /// Its id.
    #[schema(format = Uuid)]
    pub id: String,
    /// Its name.
    pub names: NamesView,
    /// The level of akim.
    pub level: LevelView,
    /// Election day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub election_day: String,
    /// The local date of the call (YYYY-MM-DD, in the calling territory's zone).
    #[schema(format = Date)]
    pub called_on: String,
    /// The calling commission's territory (KATO code); null when the CEC called it.
    pub territory: Option<String>,
    /// The rule set's id.
    pub rule_set_id: String,
    /// SHA-256 of the rule set's text, lowercase hex.
    pub rule_set_sha256: String,
    /// The rule set's TOML text, kept with the election.
    pub rule_set_toml: String,
}

impl From<Election> for ElectionRecord {
    fn from(e: Election) -> Self {
        ElectionRecord {
            id: e.id.to_string(),
            names: e.names.into(),
            level: e.level.into(),
            election_day: e.election_day.to_string(),
            called_on: e.called_on.to_string(),
            territory: e.territory.map(|t| t.to_string()),
            rule_set_id: e.rule_set_id,
            rule_set_sha256: e.rule_set_sha256,
            rule_set_toml: e.rule_set_toml,
        }
    }
}

/// A unit (territory) of a contest.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitView {
    /// The 9-digit KATO code.
    pub code: String,
    /// The parent's code (null for regions and cities of republican significance).
    pub parent_code: Option<String>,
    /// The kind of territory.
    pub kind: TerritoryKindName,
    /// Its names.
    pub names: NamesView,
}

impl From<Territory> for UnitView {
    fn from(t: Territory) -> Self {
        UnitView {
            code: t.code.to_string(),
            parent_code: t.parent_code.map(|c| c.to_string()),
            kind: t.kind.into(),
            names: t.names.into(),
        }
    }
}

/// A moment as the law writes deadlines: a local date and `HH:MM` (`24:00` is the end of the
/// date), with the instant it stands for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MomentView {
    /// The local date (YYYY-MM-DD).
    #[schema(format = Date)]
    pub date: String,
    /// The local time, `HH:MM` (`24:00` for the end of the day).
    #[schema(example = "18:00")]
    pub time: String,
    /// The instant (RFC 3339, UTC).
    #[schema(format = DateTime)]
    pub at: String,
}

impl From<LocalMoment> for MomentView {
    fn from(m: LocalMoment) -> Self {
        MomentView {
            date: m.date.to_string(),
            time: m.time,
            at: m.at.to_string(),
        }
    }
}

/// One window of the calendar: open from `opens` (inclusive) until `closes` (exclusive).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WindowView {
    /// Which window.
    pub phase: PhaseView,
    /// When it opens (null: it has no beginning, as the call).
    pub opens: Option<MomentView>,
    /// When it closes.
    pub closes: MomentView,
}

impl From<Window> for WindowView {
    fn from(w: Window) -> Self {
        WindowView {
            phase: w.phase.into(),
            opens: w.opens.map(MomentView::from),
            closes: w.closes.into(),
        }
    }
}

/// The calendar of an election in one zone.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalendarView {
    /// The IANA zone of the local moments (`Asia/Almaty`).
    pub zone: String,
    /// Election day (YYYY-MM-DD).
    #[schema(format = Date)]
    pub election_day: String,
    /// Every window, in calendar order.
    pub windows: Vec<WindowView>,
}

impl From<Calendar> for CalendarView {
    fn from(c: Calendar) -> Self {
        CalendarView {
            zone: c.zone,
            election_day: c.election_day.to_string(),
            windows: c.windows.into_iter().map(WindowView::from).collect(),
        }
    }
}

/// A contest: one unit of an election.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContestRecord {
    /// Its id.
    #[schema(format = Uuid)]
    pub id: String,
    /// The election's id.
    #[schema(format = Uuid)]
    pub election: String,
    /// The unit's KATO code.
    pub unit: String,
    /// The unit's voters when the election was called.
    pub voters: u64,
    /// Ballots have been produced.
    pub ballots_produced: bool,
    /// A registration was cancelled after the ballots were produced: they must be changed.
    pub ballot_changed: bool,
}

impl From<Contest> for ContestRecord {
    fn from(c: Contest) -> Self {
        ContestRecord {
            id: c.id.to_string(),
            election: c.election.to_string(),
            unit: c.unit.to_string(),
            voters: c.voters,
            ballots_produced: c.ballots_produced,
            ballot_changed: c.ballot_changed,
        }
    }
}

/// A contest in an election's listing.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContestSummaryView {
    /// The contest.
    pub contest: ContestRecord,
    /// The unit.
    pub unit: UnitView,
    /// Candidacies standing (nominated or registered).
    pub standing: u64,
    /// Registered candidates.
    pub registered: u64,
    /// After the registration deadline, fewer than the minimum are registered.
    pub below_minimum: bool,
}

impl From<ContestSummary> for ContestSummaryView {
    fn from(c: ContestSummary) -> Self {
        ContestSummaryView {
            contest: c.contest.into(),
            unit: c.unit.into(),
            standing: c.standing,
            registered: c.registered,
            below_minimum: c.below_minimum,
        }
    }
}

/// An election with its rule set, its calendar in the calling territory's zone, what is open
/// now, and its contests.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ElectionDetail {
    /// The election.
    pub election: ElectionRecord,
    /// Its rule set as parsed: the keys of its TOML text (`docs/rules.md`).
    #[schema(value_type = Object)]
    pub rules: Value,
    /// The calendar.
    pub calendar: CalendarView,
    /// The windows open now.
    pub open_now: Vec<PhaseView>,
    /// The contests, by unit code.
    pub contests: Vec<ContestSummaryView>,
}

impl TryFrom<ElectionView> for ElectionDetail {
    type Error = serde_json::Error;

    fn try_from(v: ElectionView) -> Result<Self, Self::Error> {
        Ok(ElectionDetail {
            election: v.election.into(),
            rules: serde_json::to_value(&v.rules)?,
            calendar: v.calendar.into(),
            open_now: v.open_now.into_iter().map(PhaseView::from).collect(),
            contests: v
                .contests
                .into_iter()
                .map(ContestSummaryView::from)
                .collect(),
        })
    }
}

/// A person as nominated.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonView {
    /// The registry's id of the person.
    #[schema(format = Uuid)]
    pub id: String,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic (empty when none).
    pub patronymic: String,
    /// Birth date (YYYY-MM-DD).
    #[schema(format = Date)]
    pub birth_date: String,
    /// Gender.
    pub gender: GenderName,
}

/// A candidate: the person and what the ballot and the commission need.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CandidateView {
    /// The person.
    pub person: PersonView,
    /// Current post.
    pub post: String,
    /// Place of residence.
    pub residence: String,
    /// The qualifications of the rule set's checklist declared (keys).
    pub qualifications: Vec<String>,
    /// The candidate is the sitting akim of the unit the contest elects, as declared in the
    /// nomination.
    pub incumbent: bool,
}

/// A decision: a party conference's nomination or the higher akim's proposal.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionView {
    /// Its number.
    pub number: String,
    /// Its date (YYYY-MM-DD).
    #[schema(format = Date)]
    pub date: String,
    /// Who decided.
    pub body: String,
}

impl From<Decision> for DecisionView {
    fn from(d: Decision) -> Self {
        DecisionView {
            number: d.number,
            date: d.date.to_string(),
            body: d.body,
        }
    }
}

/// The nominee's party membership as documented.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MembershipView {
    /// The document (party card or register extract).
    pub document: String,
}

/// How a candidate was nominated (`kind` tells which).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RouteView {
    /// By a party.
    Party {
        /// The party's code.
        party: String,
        /// Its conference's decision.
        decision: DecisionView,
        /// The nominee's membership.
        membership: MembershipView,
    },
    /// Self-nomination.
    SelfNominated,
    /// Proposed by the higher-level akim.
    HigherAkimProposal {
        /// The proposal.
        proposal: DecisionView,
    },
}

impl From<Route> for RouteView {
    fn from(r: Route) -> Self {
        match r {
            Route::Party {
                party,
                decision,
                membership,
            } => RouteView::Party {
                party: party.to_string(),
                decision: decision.into(),
                membership: MembershipView {
                    document: membership.document,
                },
            },
            Route::SelfNominated => RouteView::SelfNominated,
            Route::HigherAkimProposal { proposal } => RouteView::HigherAkimProposal {
                proposal: proposal.into(),
            },
        }
    }
}

/// Where a nomination stands (`status` tells which).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StatusView {
    /// Nominated, awaiting the commission's decision.
    Nominated,
    /// Registered.
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
    /// Cancelled.
    Cancelled {
        /// Why.
        reason: CancelReasonView,
        /// The registration number it had, if it was registered.
        number: Option<u32>,
    },
}

impl From<Status> for StatusView {
    fn from(s: Status) -> Self {
        match s {
            Status::Nominated => StatusView::Nominated,
            Status::Registered { number } => StatusView::Registered { number },
            Status::Refused { ground, text } => StatusView::Refused { ground, text },
            Status::Cancelled { reason, number } => StatusView::Cancelled {
                reason: reason.into(),
                number,
            },
        }
    }
}

/// A scan attached for a document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttachedView {
    /// The document's key (`party_decision`).
    pub document: String,
    /// The file.
    pub file: FileView,
}

/// What the ledger records of an attached file.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FileView {
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: String,
    /// `application/pdf`, `image/jpeg` or `image/png`.
    #[schema(pattern = "^(application/pdf|image/jpeg|image/png)$")]
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// The deposit as paid.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DepositView {
    /// Amount in tenge.
    pub amount_tenge: u64,
    /// Payment date (YYYY-MM-DD).
    #[schema(format = Date)]
    pub paid_on: String,
    /// The payment document's number.
    pub document_number: String,
}

/// A self-nominee's signatures as verified.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignaturesView {
    /// Valid unique signatures.
    pub valid: u64,
    /// Signatures required.
    pub required: u64,
}

/// A nomination as recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NominationRecord {
    /// Its id.
    #[schema(format = Uuid)]
    pub id: String,
    /// The contest's id.
    #[schema(format = Uuid)]
    pub contest: String,
    /// The candidate.
    pub candidate: CandidateView,
    /// The route.
    pub route: RouteView,
    /// Documents the commission ticked as present (keys).
    pub documents: Vec<String>,
    /// Attached scans.
    pub attachments: Vec<AttachedView>,
    /// The deposit, once recorded.
    pub deposit: Option<DepositView>,
    /// The verified signatures (self-nominees), once recorded.
    pub signatures: Option<SignaturesView>,
    /// Its status.
    pub status: StatusView,
}

impl From<Nomination> for NominationRecord {
    fn from(n: Nomination) -> Self {
        let p = n.candidate.person;
        NominationRecord {
            id: n.id.to_string(),
            contest: n.contest.to_string(),
            candidate: CandidateView {
                person: PersonView {
                    id: p.id.to_string(),
                    surname: p.surname,
                    given_name: p.given_name,
                    patronymic: p.patronymic,
                    birth_date: p.birth_date.to_string(),
                    gender: p.gender.into(),
                },
                post: n.candidate.post,
                residence: n.candidate.residence,
                qualifications: n.candidate.qualifications,
                incumbent: n.candidate.incumbent,
            },
            route: n.route.into(),
            documents: n.documents.into_iter().collect(),
            attachments: n
                .attachments
                .into_iter()
                .map(|a| AttachedView {
                    document: a.document,
                    file: FileView {
                        sha256: a.file.sha256,
                        media_type: a.file.media_type.as_str().to_owned(),
                        size: a.file.size,
                    },
                })
                .collect(),
            deposit: n.deposit.map(|d| DepositView {
                amount_tenge: d.amount_tenge,
                paid_on: d.paid_on.to_string(),
                document_number: d.document_number,
            }),
            signatures: n.signatures.map(|s| SignaturesView {
                valid: s.valid,
                required: s.required,
            }),
            status: n.status.into(),
        }
    }
}

/// A condition of registration not met: the field, the rule's key (`rule`) and the values its
/// message needs (e.g. `required`, `valid`) as further properties, as in problem documents.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MissingCondition {
    /// The field or document concerned.
    pub field: String,
    /// The rule's key (`deposit-missing`, `signatures-too-few`, ...).
    pub rule: String,
}

/// The conditions not met, each as a [`MissingCondition`].
fn missing(errors: &ValidationErrors) -> Result<Vec<Value>, serde_json::Error> {
    errors.0.iter().map(serde_json::to_value).collect()
}

/// A contest with its nominations.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContestDetail {
    /// The election.
    pub election: ElectionRecord,
    /// The contest.
    pub contest: ContestRecord,
    /// The unit.
    pub unit: UnitView,
    /// The calendar in the unit's zone.
    pub calendar: CalendarView,
    /// The windows open now.
    pub open_now: Vec<PhaseView>,
    /// Every nomination, in filing order.
    pub nominations: Vec<NominationRecord>,
    /// Registered candidates.
    pub registered: u64,
    /// The rule set's minimum of candidates.
    pub min_candidates: u32,
    /// After the registration deadline, fewer than the minimum are registered.
    pub below_minimum: bool,
    /// Signatures a self-nominee needs here.
    pub signatures_required: u64,
    /// The deposit for this election's year (tenge), if the rule set knows the year's wage.
    pub deposit_required: Option<u64>,
}

impl From<ContestView> for ContestDetail {
    fn from(v: ContestView) -> Self {
        ContestDetail {
            election: v.election.into(),
            contest: v.contest.into(),
            unit: v.unit.into(),
            calendar: v.calendar.into(),
            open_now: v.open_now.into_iter().map(PhaseView::from).collect(),
            nominations: v
                .nominations
                .into_iter()
                .map(NominationRecord::from)
                .collect(),
            registered: v.registered,
            min_candidates: v.min_candidates,
            below_minimum: v.below_minimum,
            signatures_required: v.signatures_required,
            deposit_required: v.deposit_required,
        }
    }
}

/// A nomination with what it still lacks for registration.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NominationDetail {
    /// The nomination.
    pub nomination: NominationRecord,
    /// Its contest.
    pub contest: ContestRecord,
    /// Its election.
    pub election: ElectionRecord,
    /// The unit.
    pub unit: UnitView,
    /// The calendar in the unit's zone.
    pub calendar: CalendarView,
    /// The conditions of registration not met (empty: complete).
    #[schema(value_type = Vec<MissingCondition>)]
    pub missing: Vec<Value>,
    /// The documents the route requires (keys).
    pub required_documents: Vec<String>,
    /// The deposit required (tenge).
    pub deposit_required: Option<u64>,
    /// Signatures required (self-nominees).
    pub signatures_required: u64,
    /// When the commission's decision window closes.
    pub decision_closes: Option<MomentView>,
}

impl TryFrom<NominationView> for NominationDetail {
    type Error = serde_json::Error;

    fn try_from(v: NominationView) -> Result<Self, Self::Error> {
        Ok(NominationDetail {
            missing: missing(&v.missing)?,
            nomination: v.nomination.into(),
            contest: v.contest.into(),
            election: v.election.into(),
            unit: v.unit.into(),
            calendar: v.calendar.into(),
            required_documents: v.required_documents,
            deposit_required: v.deposit_required,
            signatures_required: v.signatures_required,
            decision_closes: v.decision_closes.map(MomentView::from),
        })
    }
}

/// A registered candidate in the public list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisteredCandidateView {
    /// The contest's id.
    #[schema(format = Uuid)]
    pub contest: String,
    /// The unit.
    pub unit: UnitView,
    /// The nomination (status `registered`).
    pub nomination: NominationRecord,
}

impl From<RegisteredCandidate> for RegisteredCandidateView {
    fn from(r: RegisteredCandidate) -> Self {
        RegisteredCandidateView {
            contest: r.contest.to_string(),
            unit: r.unit.into(),
            nomination: r.nomination.into(),
        }
    }
}

/// An application awaiting the commission's decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WorkbenchItemView {
    /// The election's id.
    #[schema(format = Uuid)]
    pub election: String,
    /// The unit.
    pub unit: UnitView,
    /// The nomination.
    pub nomination: NominationRecord,
    /// When the decision window closes.
    pub closes: MomentView,
    /// Whole days left until then (0 on the last day; negative once closed).
    pub days_left: i64,
    /// What it still lacks.
    #[schema(value_type = Vec<MissingCondition>)]
    pub missing: Vec<Value>,
}

impl TryFrom<WorkbenchItem> for WorkbenchItemView {
    type Error = serde_json::Error;

    fn try_from(w: WorkbenchItem) -> Result<Self, Self::Error> {
        Ok(WorkbenchItemView {
            missing: missing(&w.missing)?,
            election: w.election.to_string(),
            unit: w.unit.into(),
            nomination: w.nomination.into(),
            closes: w.closes.into(),
            days_left: w.days_left,
        })
    }
}

/// One candidate's line on a ballot.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BallotLineView {
    /// The registration number in the contest.
    pub number: u32,
    /// Surname in capitals.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic (may be empty).
    pub patronymic: String,
    /// Year of birth.
    pub birth_year: i16,
    /// Current post.
    pub post: String,
    /// Nomination in Kazakh (the party's Kazakh name, or the self-nomination text).
    pub nomination_kk: String,
    /// Nomination in Russian.
    pub nomination_ru: String,
}

impl From<BallotLine> for BallotLineView {
    fn from(l: BallotLine) -> Self {
        BallotLineView {
            number: l.number,
            surname: l.surname,
            given_name: l.given_name,
            patronymic: l.patronymic,
            birth_year: l.birth_year,
            post: l.post,
            nomination_kk: l.nomination_kk,
            nomination_ru: l.nomination_ru,
        }
    }
}

/// A contest's ballot: the registered candidates in the Kazakh alphabetical order, then the
/// against-all line, in Kazakh and Russian.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BallotView {
    /// The contest's id.
    #[schema(format = Uuid)]
    pub contest: String,
    /// The unit's names.
    pub unit: NamesView,
    /// Election day, `dd.mm.yyyy`.
    pub election_day: String,
    /// Title in Kazakh.
    pub title_kk: String,
    /// Title in Russian.
    pub title_ru: String,
    /// The candidates in ballot order.
    pub candidates: Vec<BallotLineView>,
    /// The against-all line in Kazakh.
    pub against_all_kk: String,
    /// The against-all line in Russian.
    pub against_all_ru: String,
    /// Ballots have been produced.
    pub produced: bool,
    /// A candidate withdrew after the ballots were produced: they must be changed.
    pub changed: bool,
}

impl From<Ballot> for BallotView {
    fn from(b: Ballot) -> Self {
        BallotView {
            contest: b.contest.to_string(),
            unit: b.unit.into(),
            election_day: b.election_day,
            title_kk: b.title_kk,
            title_ru: b.title_ru,
            candidates: b.candidates.into_iter().map(BallotLineView::from).collect(),
            against_all_kk: b.against_all_kk,
            against_all_ru: b.against_all_ru,
            produced: b.produced,
            changed: b.changed,
        }
    }
}

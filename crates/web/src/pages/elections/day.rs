//! Election-day pages for the commissions and observers (issue 12 items 1–3): the precincts in
//! the reader's scope, the turnout report at the rule set's hours, the precinct protocol (entry,
//! double entry, amendment with a reason, the scan of the signed paper), the territorial
//! commission's protocol file, and the observer's copy.
//!
//! The protocol form is rendered from the rule set's `[protocol]` data: one input per field and
//! one per registered candidate (registration number and name). `protocol.js` (served here, no
//! CDN) checks every control relation of the same data as the operator types and shows the
//! relation's message with its numbers next to the fields; without JavaScript the server refuses
//! the same way (the domain's `protocol::check`), every error next to its field at once, in the
//! reader's language. Handlers are thin: they parse, run one command through `App::execute`,
//! and render; whether a form is shown is decided by `authorize` on the same target the app
//! checks (the precinct and its territory path).

use std::collections::{BTreeSet, HashMap};

use askama::Template;
use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use sailau_app::Acting;
use sailau_app::elections::day::ProtocolView;
use sailau_domain::elections::calendar::Phase;
use sailau_domain::elections::protocol::{
    AmendProtocol, AttachProtocolScan, EnterProtocol, ProtocolNumbers, RecordObserverCopy,
    check_shape,
};
use sailau_domain::elections::rules::{CANDIDATES_TERM, ProtocolRules, VOTERS_ON_LIST};
use sailau_domain::elections::turnout::{ReportTurnout, reporting_closed};
use sailau_domain::elections::{
    AttachmentMeta, Blob, Contest, Election, ElectionId, RuleSet, Status,
};
use sailau_domain::text::parse_whole_number;
use sailau_domain::{
    CommandKind, Issued, Precinct, PrecinctRef, Role, Rule, Scope, Target, TerritoryCode,
    ValidationErrors,
};
use serde::Serialize;

use super::{
    MAX_FORM_UPLOAD, crumbs_root, election_href, election_id, full_name, rules_of, territory_path,
    when,
};
use crate::WebState;
use crate::pages::forms::see_other;
use crate::pages::territories::{ImportForm, execute, import_errors};
use crate::pages::{Fail, Page, PageCtx, check_form, form_map, may, saved_index};

/// The routes of the election-day pages.
pub fn router() -> Router<WebState> {
    Router::new()
        .route("/elections/protocol.js", get(script))
        .route("/elections/{election}/day", get(index))
        .route(
            "/elections/{election}/day/import",
            get(import_form)
                .post(import)
                .layer(DefaultBodyLimit::max(crate::pages::MAX_UPLOAD)),
        )
        .route(
            "/elections/{election}/day/{region}/{number}/turnout",
            get(turnout_form).post(turnout),
        )
        .route(
            "/elections/{election}/day/{region}/{number}/protocol",
            get(protocol_form).post(protocol),
        )
        .route(
            "/elections/{election}/day/{region}/{number}/scan",
            post(scan).layer(DefaultBodyLimit::max(MAX_FORM_UPLOAD)),
        )
        .route(
            "/elections/{election}/day/{region}/{number}/observer-copy",
            get(copy_form).post(copy),
        )
}

/// The path of an election's day page (the precincts in the reader's scope).
pub fn day_href(election: &ElectionId) -> String {
    format!("/elections/{election}/day")
}

fn precinct_base(election: &ElectionId, p: &PrecinctRef) -> String {
    format!("/elections/{election}/day/{}/{}", p.region_code, p.number)
}

/// Whether an account of this role works on election day (the election page and the account
/// page link the day's pages for it).
pub fn works_on_election_day(role: Role) -> bool {
    matches!(
        role,
        Role::CecMember | Role::TerritorialCommission | Role::PrecinctCommission | Role::Observer
    )
}

// ---------------------------------------------------------------- the place

/// A precinct of an election with what every page of it needs.
struct Place {
    election: Election,
    rules: std::sync::Arc<RuleSet>,
    contest: Contest,
    unit: String,
    precinct: Precinct,
    target: Target,
    /// Registered candidates: registration number and name, by number.
    candidates: Vec<(u32, String)>,
}

impl Place {
    fn reference(&self) -> PrecinctRef {
        self.precinct.reference()
    }

    fn registered(&self) -> BTreeSet<u32> {
        self.candidates.iter().map(|(n, _)| *n).collect()
    }

    fn base(&self) -> String {
        precinct_base(&self.election.id, &self.reference())
    }

    fn public_href(&self) -> String {
        format!(
            "/elections/{}/results/contests/{}/precincts/{}/{}",
            self.election.id, self.contest.id, self.precinct.region_code, self.precinct.number
        )
    }
}

/// The contest of `election` whose unit lies on `path`.
async fn contest_on(
    state: &WebState,
    election: &ElectionId,
    path: &[TerritoryCode],
) -> Result<Option<Contest>, Fail> {
    Ok(state
        .app
        .store()
        .contests_of(election)
        .await?
        .into_iter()
        .find(|c| path.contains(&c.unit)))
}

/// The precinct `{region}/{number}` of `election` (404 when either is unknown or the precinct
/// lies in none of the election's units).
async fn place(
    ctx: &PageCtx,
    state: &WebState,
    election: &str,
    region: &str,
    number: &str,
) -> Result<Place, Fail> {
    let id = election_id(election)?;
    let reference =
        PrecinctRef::parse(&format!("{region}/{number}")).map_err(|_| Fail::NotFound)?;
    let store = state.app.store();
    let election = store.election(&id).await?.ok_or(Fail::NotFound)?;
    let rules = rules_of(&election)?;
    let precinct = store.precinct(&reference).await?.ok_or(Fail::NotFound)?;
    let path = territory_path(state, &precinct.territory_code).await?;
    let contest = contest_on(state, &id, &path).await?.ok_or(Fail::NotFound)?;
    let unit = match store.territory(&contest.unit).await? {
        Some(t) => ctx.name_of(&t.names).to_owned(),
        None => contest.unit.to_string(),
    };
    let mut candidates: Vec<(u32, String)> = store
        .contest_nominations(&contest.id)
        .await?
        .iter()
        .filter_map(|n| match n.status {
            Status::Registered { number } => Some((number, full_name(n))),
            _ => None,
        })
        .collect();
    candidates.sort();
    Ok(Place {
        target: Target {
            territory_path: path,
            precinct: Some(reference),
            ..Target::default()
        },
        election,
        rules,
        contest,
        unit,
        precinct,
        candidates,
    })
}

/// Refuses a reader who may not issue `kind` on the place (403 with the reason; anonymous: sign
/// in first).
fn allowed(page: &Page, kind: CommandKind, place: &Place) -> Result<(), Fail> {
    sailau_domain::authorize(page.principal(), kind, &place.target)
        .map(|_| ())
        .map_err(|d| Fail::Forbidden(Some(d)))
}

fn place_crumbs(ctx: &PageCtx, place: &Place) -> Vec<(String, String)> {
    let mut crumbs = crumbs_root(ctx);
    crumbs.push((
        election_href(&place.election.id),
        ctx.name_of(&place.election.names).to_owned(),
    ));
    crumbs.push((day_href(&place.election.id), ctx.tr("day-title")));
    crumbs
}

/// A field's label in the page's language from the rule set.
fn field_label(ctx: &PageCtx, rules: &ProtocolRules, key: &str) -> String {
    if key == CANDIDATES_TERM {
        return pick(
            ctx,
            &rules.candidates.kk,
            &rules.candidates.ru,
            &rules.candidates.en,
        );
    }
    rules
        .field(key)
        .map(|f| pick(ctx, &f.kk, &f.ru, &f.en))
        .unwrap_or_else(|| key.to_owned())
}

fn pick(ctx: &PageCtx, kk: &str, ru: &str, en: &str) -> String {
    match ctx.lang {
        "kk" => kk,
        "en" => en,
        _ => ru,
    }
    .to_owned()
}

fn candidate_label(ctx: &PageCtx, number: u32, name: &str) -> String {
    ctx.tr_args(
        "day-candidate-line",
        &[
            ("registration", number.to_string()),
            ("name", name.to_owned()),
        ],
    )
}

/// The label of a protocol line by its form name (`fields.invalid`, `candidates.3`,
/// `candidates`), from the rule set and the registered candidates.
pub(crate) fn line_label(
    ctx: &PageCtx,
    rules: &ProtocolRules,
    candidates: &[(u32, String)],
    name: &str,
) -> String {
    if let Some(key) = name.strip_prefix("fields.") {
        return field_label(ctx, rules, key);
    }
    if let Some(n) = name
        .strip_prefix("candidates.")
        .and_then(|n| n.parse::<u32>().ok())
    {
        let who = candidates
            .iter()
            .find(|(c, _)| *c == n)
            .map(|(_, name)| name.as_str())
            .unwrap_or("");
        return candidate_label(ctx, n, who);
    }
    field_label(ctx, rules, name)
}

// ---------------------------------------------------------------- numbers in a form

/// One number input of the protocol form.
pub struct NumberInput {
    /// The form field's name (`fields.<key>`, `candidates.<n>`); the element id is `f-<name>`.
    pub name: String,
    /// Its label.
    pub label: String,
    /// The value as typed.
    pub value: String,
    /// The error(s) next to it, "" when none.
    pub error: String,
    /// Whether it may be left empty (read as 0).
    pub optional: bool,
}

/// The errors of a submitted form: each next to its input, the rest above the form.
#[derive(Default)]
struct Errors {
    /// (field, message) in the order the domain reported them.
    items: Vec<(String, String)>,
}

impl Errors {
    fn of(ctx: &PageCtx, errors: &ValidationErrors) -> Errors {
        Errors::of_form(ctx, errors, &[])
    }

    /// The errors of a form whose drop-downs are `choices`: one of them left empty is told to
    /// choose («Выберите значение.»), not to enter a value.
    fn of_form(ctx: &PageCtx, errors: &ValidationErrors, choices: &[&str]) -> Errors {
        let mut out = Errors::default();
        for e in &errors.0 {
            let message = if e.rule == Rule::FieldRequired && choices.contains(&e.field.as_str()) {
                ctx.tr("field-choose")
            } else {
                ctx.rule(&e.rule)
            };
            if !out
                .items
                .iter()
                .any(|(f, m)| *f == e.field && *m == message)
            {
                out.items.push((e.field.clone(), message));
            }
        }
        out
    }

    fn on(&self, field: &str) -> String {
        self.items
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The summary above the form: (input name to link, or "", "Label: message").
    fn summary(
        &self,
        ctx: &PageCtx,
        inputs: &[&str],
        label: &dyn Fn(&str) -> String,
    ) -> Vec<(String, String)> {
        self.items
            .iter()
            .map(|(field, message)| {
                if inputs.contains(&field.as_str()) {
                    (
                        field.clone(),
                        ctx.tr_args(
                            "field-error-with-label",
                            &[
                                ("field", label(field)),
                                ("message", crate::pages::messages::lower_first(message)),
                            ],
                        ),
                    )
                } else {
                    (String::new(), ctx.field_message(field, message))
                }
            })
            .collect()
    }
}

/// Reads the protocol's numbers from a form: every value through the domain's whole-number
/// reader (`1 000` with a space is a thousand); an empty input is absent (the domain names a
/// required one). Returns the numbers that parsed and the inputs that did not.
fn read_numbers(
    values: &HashMap<String, String>,
    rules: &ProtocolRules,
    candidates: &[(u32, String)],
) -> (ProtocolNumbers, ValidationErrors) {
    let mut numbers = ProtocolNumbers::default();
    let mut errs = ValidationErrors::new();
    let mut read = |name: String| -> Option<u64> {
        let v = values.get(&name).map(|s| s.trim()).unwrap_or("");
        if v.is_empty() {
            return None;
        }
        match parse_whole_number(v) {
            Ok(n) => Some(n),
            Err(rule) => {
                errs.push(name, rule);
                None
            }
        }
    };
    for f in &rules.fields {
        if let Some(n) = read(format!("fields.{}", f.key)) {
            numbers.fields.insert(f.key.clone(), n);
        }
    }
    for (c, _) in candidates {
        if let Some(n) = read(format!("candidates.{c}")) {
            numbers.candidates.insert(*c, n);
        }
    }
    (numbers, errs)
}

/// The errors of numbers that did not all parse: those, and the domain's shape check of the
/// rest (a required line left empty), so every error shows at once.
fn unparsed(
    mut errs: ValidationErrors,
    numbers: &ProtocolNumbers,
    place: &Place,
) -> ValidationErrors {
    if let Err(shape) = check_shape(&place.rules.protocol, numbers, &place.registered()) {
        for e in shape.0 {
            if !errs.0.iter().any(|x| x.field == e.field) {
                errs.0.push(e);
            }
        }
    }
    errs
}

fn inputs(
    ctx: &PageCtx,
    place: &Place,
    values: &dyn Fn(&str) -> String,
    errors: &Errors,
) -> (Vec<NumberInput>, Vec<NumberInput>) {
    let fields = place
        .rules
        .protocol
        .fields
        .iter()
        .map(|f| {
            let name = format!("fields.{}", f.key);
            NumberInput {
                label: pick(ctx, &f.kk, &f.ru, &f.en),
                value: values(&name),
                error: errors.on(&name),
                optional: f.optional,
                name,
            }
        })
        .collect();
    let candidates = place
        .candidates
        .iter()
        .map(|(n, who)| {
            let name = format!("candidates.{n}");
            NumberInput {
                label: candidate_label(ctx, *n, who),
                value: values(&name),
                error: errors.on(&name),
                optional: false,
                name,
            }
        })
        .collect();
    (fields, candidates)
}

fn numbers_value(numbers: &ProtocolNumbers) -> impl Fn(&str) -> String + '_ {
    move |name: &str| {
        let v = if let Some(k) = name.strip_prefix("fields.") {
            numbers.fields.get(k)
        } else {
            name.strip_prefix("candidates.")
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(|n| numbers.candidates.get(&n))
        };
        v.map(ToString::to_string).unwrap_or_default()
    }
}

// ---------------------------------------------------------------- the live check's data

/// What `protocol.js` checks, in the page's language (embedded as JSON).
#[derive(Serialize)]
struct CheckData {
    /// The input holding the voters on the list.
    voters: String,
    /// Inputs that may not exceed the voters on the list.
    within_list: Vec<String>,
    /// "More than the voters on the list".
    above_list: String,
    /// Input names by term (`candidates` → every candidate input).
    terms: HashMap<String, Vec<String>>,
    /// Labels by term.
    labels: HashMap<String, String>,
    /// The control relations.
    relations: Vec<CheckRelation>,
}

#[derive(Serialize)]
struct CheckRelation {
    name: String,
    left: Vec<String>,
    op: String,
    right: Vec<String>,
    message: String,
    /// Where the server shows the failure: the input of the first left term (or `candidates`).
    at: String,
}

fn check_json(ctx: &PageCtx, place: &Place) -> String {
    let p = &place.rules.protocol;
    let mut terms = HashMap::new();
    let mut labels = HashMap::new();
    for f in &p.fields {
        terms.insert(f.key.clone(), vec![format!("fields.{}", f.key)]);
        labels.insert(f.key.clone(), pick(ctx, &f.kk, &f.ru, &f.en));
    }
    terms.insert(
        CANDIDATES_TERM.to_owned(),
        place
            .candidates
            .iter()
            .map(|(n, _)| format!("candidates.{n}"))
            .collect(),
    );
    labels.insert(
        CANDIDATES_TERM.to_owned(),
        field_label(ctx, p, CANDIDATES_TERM),
    );
    let data = CheckData {
        voters: format!("fields.{VOTERS_ON_LIST}"),
        within_list: p
            .fields
            .iter()
            .filter(|f| f.within_list)
            .map(|f| format!("fields.{}", f.key))
            .chain(
                place
                    .candidates
                    .iter()
                    .map(|(n, _)| format!("candidates.{n}")),
            )
            .collect(),
        above_list: ctx.tr("day-live-above-list"),
        terms,
        labels,
        relations: p
            .relations
            .iter()
            .map(|r| CheckRelation {
                name: r.name.clone(),
                left: r.left.clone(),
                op: r.op.clone(),
                right: r.right.clone(),
                message: pick(ctx, &r.kk, &r.ru, &r.en),
                at: r
                    .left
                    .first()
                    .map(|t| sailau_domain::elections::protocol::field_name(t))
                    .unwrap_or_default(),
            })
            .collect(),
    };
    // No `<` in the script element's text (it could end it early): `\u003c` in JSON strings.
    serde_json::to_string(&data)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

const SCRIPT: &str = include_str!("../../../assets/protocol.js");

/// GET /elections/protocol.js: the live check of the protocol form.
pub async fn script() -> Response {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
        .into_response()
}

// ---------------------------------------------------------------- the day's index

/// One precinct in the day's list.
pub struct DayRow {
    /// `region/number`.
    pub number: String,
    /// Its address.
    pub address: String,
    /// Voters on the list.
    pub voters: String,
    /// "3 of 6" turnout reports.
    pub turnout: String,
    /// The protocol's status in words.
    pub protocol: String,
    /// The turnout form, when the reader may report.
    pub turnout_href: String,
    /// The protocol form, when the reader may enter it.
    pub protocol_href: String,
    /// The observer's copy form, when the reader is an observer here.
    pub copy_href: String,
}

/// One unit with its precincts in the reader's scope.
pub struct DayUnit {
    /// The unit's name.
    pub name: String,
    /// Its results page.
    pub results_href: String,
    /// Its precincts.
    pub precincts: Vec<DayRow>,
}

#[derive(Template)]
#[template(path = "elections/day_index.html")]
struct IndexPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    voting: String,
    hours: String,
    units: Vec<DayUnit>,
    import_href: String,
}

fn protocol_status(ctx: &PageCtx, status: &str, version: u32) -> String {
    match status {
        "accepted" if version > 1 => ctx.tr_arg("day-status-amended", "index", version),
        "accepted" => ctx.tr("day-status-accepted"),
        "pending" => ctx.tr("day-status-pending"),
        _ => ctx.tr("day-status-none"),
    }
}

/// The voting hours of a contest in words ("05.11.2023 в 07:00 – 20:00, UTC+5") and the
/// turnout report times.
fn voting_text(
    ctx: &PageCtx,
    e: &Election,
    rules: &RuleSet,
    contest: &Contest,
) -> (String, String) {
    let hours = rules.election_day.turnout_report_times.join(", ");
    let Ok(cal) = contest.calendar(e, rules) else {
        return (String::new(), hours);
    };
    let Some(w) = cal.window(Phase::Voting) else {
        return (String::new(), hours);
    };
    let opens = w
        .opens
        .as_ref()
        .map(|o| when::moment(ctx.language(), o.date, &o.time))
        .unwrap_or_default();
    let offset = sailau_domain::elections::zones::named_zone(contest.zone())
        .map(|tz| when::utc_offset(tz.to_offset(w.closes.at).seconds()))
        .unwrap_or_default();
    (
        ctx.tr_args(
            "day-voting-hours",
            &[
                ("opens", opens),
                ("closes", w.closes.time.clone()),
                ("offset", offset),
            ],
        ),
        hours,
    )
}

/// Why turnout cannot be reported in `contest` now (the domain's refusal), or `None` while the
/// polls are open: the pages offer the form only when the server would take it.
fn turnout_closed(
    state: &WebState,
    e: &Election,
    rules: &RuleSet,
    contest: &Contest,
) -> Option<sailau_domain::Rule> {
    match contest.calendar(e, rules) {
        Ok(cal) => reporting_closed(rules, &cal, super::now(state)),
        Err(_) => None,
    }
}

/// GET /elections/{election}/day: the precincts of the election in the reader's scope, with
/// their turnout reports and protocol, and links to the forms the reader may use.
pub async fn index(
    page: Page,
    State(state): State<WebState>,
    Path(election): Path<String>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        let Some(principal) = page.principal() else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        let ctx = &page.ctx;
        let store = state.app.store();
        let e = store.election(&id).await?.ok_or(Fail::NotFound)?;
        let rules = rules_of(&e)?;
        let turnout = state.app.election_turnout(&id).await?;
        let times = rules.election_day.turnout_report_times.len();
        let mut units = Vec::new();
        let mut paths: HashMap<TerritoryCode, Vec<TerritoryCode>> = HashMap::new();
        let mut voting = String::new();
        let mut hours = String::new();
        for contest in store.contests_of(&id).await? {
            let protocols = store.contest_protocols(&contest.id).await?;
            let reporting = turnout_closed(&state, &e, &rules, &contest).is_none();
            let mut rows = Vec::new();
            for p in store.unit_precincts(&contest.unit).await? {
                // A precinct commission's own precincts only (no lookups for the others).
                if let Scope::Precincts { precincts } = &principal.scope
                    && !precincts.contains(&p.reference())
                {
                    continue;
                }
                let path = match paths.get(&p.territory_code) {
                    Some(path) => path.clone(),
                    None => {
                        let path = territory_path(&state, &p.territory_code).await?;
                        paths.insert(p.territory_code.clone(), path.clone());
                        path
                    }
                };
                let reference = p.reference();
                let target = Target {
                    territory_path: path,
                    precinct: Some(reference.clone()),
                    ..Target::default()
                };
                let who = Some(principal);
                let enter = may(who, CommandKind::EnterProtocol, &target);
                let report = may(who, CommandKind::ReportTurnout, &target);
                let observe = may(who, CommandKind::RecordObserverCopy, &target);
                if !(enter || report || observe) {
                    continue;
                }
                let base = precinct_base(&id, &reference);
                let stored = protocols.iter().find(|s| s.precinct == reference);
                let reported = turnout.iter().filter(|t| t.precinct == reference).count();
                rows.push(DayRow {
                    number: reference.number.to_string(),
                    address: p.address.clone(),
                    voters: ctx.num(p.voters),
                    turnout: ctx.tr_args(
                        "results-precincts-of",
                        &[
                            ("count", reported.to_string()),
                            ("total", times.to_string()),
                        ],
                    ),
                    protocol: stored.map_or_else(
                        || protocol_status(ctx, "none", 0),
                        |s| protocol_status(ctx, &s.status, s.version),
                    ),
                    turnout_href: if report && reporting {
                        format!("{base}/turnout")
                    } else {
                        String::new()
                    },
                    protocol_href: if enter {
                        format!("{base}/protocol")
                    } else {
                        String::new()
                    },
                    copy_href: if observe {
                        format!("{base}/observer-copy")
                    } else {
                        String::new()
                    },
                });
            }
            if rows.is_empty() {
                continue;
            }
            if voting.is_empty() {
                (voting, hours) = voting_text(ctx, &e, &rules, &contest);
            }
            let name = match store.territory(&contest.unit).await? {
                Some(t) => ctx.name_of(&t.names).to_owned(),
                None => contest.unit.to_string(),
            };
            units.push(DayUnit {
                name,
                results_href: format!("/elections/{id}/results/contests/{}", contest.id),
                precincts: rows,
            });
        }
        let import_href = if matches!(
            principal.role,
            Role::TerritorialCommission | Role::CecMember
        ) {
            format!("{}/import", day_href(&id))
        } else {
            String::new()
        };
        let mut crumbs = crumbs_root(ctx);
        crumbs.push((election_href(&id), ctx.name_of(&e.names).to_owned()));
        Ok(page.render(
            StatusCode::OK,
            &IndexPage {
                ctx: ctx.clone(),
                crumbs,
                title: ctx.tr_arg("day-index-title", "name", ctx.name_of(&e.names)),
                voting,
                hours,
                units,
                import_href,
            },
        ))
    })
    .await
}

// ---------------------------------------------------------------- turnout

/// One report time of a precinct.
pub struct TurnoutSlot {
    /// `HH:MM`.
    pub time: String,
    /// Voters who had voted, or "".
    pub voted: String,
    /// Turnout with `%`, or "".
    pub percent: String,
    /// When it was reported (UTC), or "".
    pub reported: String,
}

#[derive(Template)]
#[template(path = "elections/day_turnout.html")]
struct TurnoutPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    unit: String,
    voters: String,
    voting: String,
    slots: Vec<TurnoutSlot>,
    times: Vec<(String, String)>,
    /// Why the form is not offered now (the polls are not open), or "".
    closed: String,
    action: String,
    at: String,
    voted: String,
    errors: Vec<(String, String)>,
    at_error: String,
    voted_error: String,
    saved: Option<u64>,
}

async fn turnout_page(
    page: &Page,
    state: &WebState,
    place: &Place,
    values: &HashMap<String, String>,
    errors: &Errors,
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let reference = place.reference();
    let reports: Vec<_> = state
        .app
        .election_turnout(&place.election.id)
        .await?
        .into_iter()
        .filter(|t| t.precinct == reference)
        .collect();
    let voters = u64::from(place.precinct.voters);
    let slots = place
        .rules
        .election_day
        .turnout_report_times
        .iter()
        .map(|time| match reports.iter().find(|r| &r.at == time) {
            Some(r) => TurnoutSlot {
                time: time.clone(),
                voted: ctx.num(r.voted),
                percent: format!(
                    "{}%",
                    super::results::pct(
                        ctx,
                        sailau_domain::elections::tabulation::percent(r.voted, r.voters)
                    )
                ),
                reported: crate::pages::local_instant(
                    ctx,
                    r.reported_at_ms,
                    &place.precinct.region_code,
                ),
            },
            None => TurnoutSlot {
                time: time.clone(),
                voted: String::new(),
                percent: String::new(),
                reported: String::new(),
            },
        })
        .collect();
    let times = place
        .rules
        .election_day
        .turnout_report_times
        .iter()
        .filter(|t| !reports.iter().any(|r| &r.at == *t))
        .map(|t| (t.clone(), t.clone()))
        .collect();
    let (voting, _) = voting_text(ctx, &place.election, &place.rules, &place.contest);
    let number = reference.number.to_string();
    let label = |f: &str| match f {
        "at" => ctx.tr("day-turnout-time"),
        _ => ctx.tr("day-turnout-voted"),
    };
    let t = TurnoutPage {
        crumbs: place_crumbs(ctx, place),
        title: ctx.tr_arg("day-turnout-title", "precinct", &number),
        unit: place.unit.clone(),
        voters: ctx.num(voters),
        voting,
        slots,
        times,
        closed: turnout_closed(state, &place.election, &place.rules, &place.contest)
            .map(|r| ctx.rule(&r))
            .unwrap_or_default(),
        action: format!("{}/turnout", place.base()),
        at: values.get("at").cloned().unwrap_or_default(),
        voted: values.get("voted").cloned().unwrap_or_default(),
        errors: errors.summary(ctx, &["at", "voted"], &label),
        at_error: errors.on("at"),
        voted_error: errors.on("voted"),
        saved,
        ctx: ctx.clone(),
    };
    Ok(page.render(status, &t))
}

/// GET /elections/{election}/day/{region}/{number}/turnout
pub async fn turnout_form(
    page: Page,
    State(state): State<WebState>,
    Path((election, region, number)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let place = place(&page.ctx, &state, &election, &region, &number).await?;
        allowed(&page, CommandKind::ReportTurnout, &place)?;
        turnout_page(
            &page,
            &state,
            &place,
            &HashMap::new(),
            &Errors::default(),
            saved_index(&query),
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// POST /elections/{election}/day/{region}/{number}/turnout (`at`, `voted`)
pub async fn turnout(
    page: Page,
    State(state): State<WebState>,
    Path((election, region, number)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let place = place(&page.ctx, &state, &election, &region, &number).await?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        allowed(&page, CommandKind::ReportTurnout, &place)?;
        let at = values.get("at").map(|s| s.trim()).unwrap_or("");
        let voted = values.get("voted").map(|s| s.trim()).unwrap_or("");
        let mut errs = ValidationErrors::new();
        if at.is_empty() {
            errs.push("at", Rule::FieldRequired);
        }
        let n = if voted.is_empty() {
            errs.push("voted", Rule::FieldRequired);
            None
        } else {
            match parse_whole_number(voted) {
                Ok(n) => Some(n),
                Err(rule) => {
                    errs.push("voted", rule);
                    None
                }
            }
        };
        let errors = match (errs.0.is_empty(), n) {
            (true, Some(voted)) => {
                let cmd = ReportTurnout {
                    election: place.election.id,
                    precinct: place.reference(),
                    at: at.to_owned(),
                    voted,
                };
                match execute(&page, &state, cmd.into()).await? {
                    Ok(index) => {
                        return Ok(see_other(&format!(
                            "{}/turnout?saved={index}",
                            place.base()
                        )));
                    }
                    Err(errors) => errors,
                }
            }
            _ => errs,
        };
        let errors = Errors::of_form(&page.ctx, &errors, &["at"]);
        turnout_page(
            &page,
            &state,
            &place,
            &values,
            &errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    })
    .await
}

// ---------------------------------------------------------------- the protocol

/// One line of the versions table.
pub struct VersionLine {
    /// The line's label.
    pub label: String,
    /// Its value in each version, and whether it changed from the version before.
    pub cells: Vec<(String, bool)>,
}

/// One line where two entries differ.
pub struct DiffLine {
    /// The line's label.
    pub label: String,
    /// The value in the first.
    pub first: String,
    /// The value in the second.
    pub second: String,
}

/// A scan of the signed paper protocol.
pub struct ScanRow {
    /// SHA-256, hex.
    pub sha256: String,
    /// "PDF, 12 345 bytes".
    pub file: String,
    /// When attached (UTC).
    pub at: String,
}

/// What a form of the protocol page submits and shows.
struct ProtocolForm {
    values: HashMap<String, String>,
    errors: Errors,
    reason: String,
}

#[derive(Template)]
#[template(path = "elections/day_protocol.html")]
struct ProtocolPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    unit: String,
    address: String,
    voters: String,
    status: String,
    public_href: String,
    /// `enter`, `amend` or `copy`.
    mode: &'static str,
    lead: String,
    action: String,
    fields: Vec<NumberInput>,
    candidates: Vec<NumberInput>,
    candidates_label: String,
    candidates_error: String,
    reason: String,
    reason_error: String,
    errors: Vec<(String, String)>,
    check: String,
    versions: Vec<String>,
    reasons: Vec<String>,
    version_lines: Vec<VersionLine>,
    entries: usize,
    entry_differences: Vec<DiffLine>,
    scans: Vec<ScanRow>,
    scan_action: String,
    scan_error: String,
    saved: Option<u64>,
}

fn opt_num(ctx: &PageCtx, v: Option<u64>) -> String {
    v.map_or_else(|| "—".to_owned(), |n| ctx.num(n))
}

/// The lines of every version side by side, each cell marked where it changed from the
/// version before.
pub(crate) fn version_table(
    ctx: &PageCtx,
    rules: &ProtocolRules,
    candidates: &[(u32, String)],
    view: &ProtocolView,
) -> Vec<VersionLine> {
    if view.versions.is_empty() {
        return Vec::new();
    }
    line_names(rules, candidates)
        .iter()
        .map(|name| VersionLine {
            label: line_label(ctx, rules, candidates, name),
            cells: view
                .versions
                .iter()
                .map(|v| {
                    let value = numbers_value(&v.numbers)(name);
                    let changed = v.differences.iter().any(|d| &d.field == name);
                    (
                        if value.is_empty() {
                            "—".to_owned()
                        } else {
                            ctx.num(value)
                        },
                        changed,
                    )
                })
                .collect(),
        })
        .collect()
}

/// Every line of a protocol by form name: the fields, then the candidates.
fn line_names(rules: &ProtocolRules, candidates: &[(u32, String)]) -> Vec<String> {
    let mut names: Vec<String> = rules
        .fields
        .iter()
        .map(|f| format!("fields.{}", f.key))
        .collect();
    names.extend(candidates.iter().map(|(n, _)| format!("candidates.{n}")));
    names
}

/// The lines where two sets of numbers differ, labelled.
pub(crate) fn diff_lines(
    ctx: &PageCtx,
    rules: &ProtocolRules,
    candidates: &[(u32, String)],
    differences: &[sailau_domain::elections::protocol::Difference],
) -> Vec<DiffLine> {
    differences
        .iter()
        .map(|d| DiffLine {
            label: line_label(ctx, rules, candidates, &d.field),
            first: opt_num(ctx, d.first),
            second: opt_num(ctx, d.second),
        })
        .collect()
}

/// The scans of a protocol as pages list them.
pub(crate) fn scan_rows(ctx: &PageCtx, view: &ProtocolView) -> Vec<ScanRow> {
    view.scans
        .iter()
        .map(|s| ScanRow {
            sha256: s.sha256.clone(),
            file: ctx.tr_args(
                "day-scan-file",
                &[
                    (
                        "format",
                        s.media_type.rsplit('/').next().unwrap_or("").to_uppercase(),
                    ),
                    ("size", s.size.to_string()),
                ],
            ),
            at: crate::pages::local_instant(ctx, s.attached_at_ms, &view.precinct.region_code),
        })
        .collect()
}

/// The versions' headers ("Version 1", …) and reasons ("" for the first).
pub(crate) fn version_heads(ctx: &PageCtx, view: &ProtocolView) -> (Vec<String>, Vec<String>) {
    (
        view.versions
            .iter()
            .map(|v| ctx.tr_arg("day-version", "index", v.version))
            .collect(),
        view.versions
            .iter()
            .map(|v| v.reason.clone().unwrap_or_default())
            .collect(),
    )
}

#[allow(clippy::too_many_arguments)]
async fn protocol_page(
    page: &Page,
    state: &WebState,
    place: &Place,
    copy: bool,
    form: ProtocolForm,
    scan_error: String,
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let view = state
        .app
        .protocol_view(&place.election.id, &place.reference())
        .await?;
    let accepted = view.status == "accepted";
    let mode = match (copy, accepted) {
        (true, _) => "copy",
        (false, true) => "amend",
        (false, false) => "enter",
    };
    let current = view.numbers.clone().unwrap_or_default();
    let submitted = !form.values.is_empty();
    let value = |name: &str| -> String {
        if submitted {
            form.values.get(name).cloned().unwrap_or_default()
        } else if mode == "amend" {
            numbers_value(&current)(name)
        } else {
            String::new()
        }
    };
    let (fields, candidates) = inputs(ctx, place, &value, &form.errors);
    let mut names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    names.extend(candidates.iter().map(|f| f.name.as_str()));
    names.push("reason");
    names.push(CANDIDATES_TERM);
    let label = |f: &str| match f {
        "reason" => ctx.tr("day-amend-reason"),
        other => line_label(ctx, &place.rules.protocol, &place.candidates, other),
    };
    let errors = form.errors.summary(ctx, &names, &label);
    let number = place.reference().number.to_string();
    let base = place.base();
    let (versions, reasons) = version_heads(ctx, &view);
    let t = ProtocolPage {
        crumbs: place_crumbs(ctx, place),
        title: if copy {
            ctx.tr_arg("day-copy-title", "precinct", &number)
        } else {
            ctx.tr_arg("day-protocol-title", "precinct", &number)
        },
        unit: place.unit.clone(),
        address: place.precinct.address.clone(),
        voters: ctx.num(place.precinct.voters),
        status: protocol_status(ctx, &view.status, view.version),
        public_href: place.public_href(),
        mode,
        lead: match mode {
            "copy" => ctx.tr("day-copy-lead"),
            "amend" => ctx.tr("day-amend-lead"),
            _ if place.rules.protocol.double_entry => ctx.tr("day-enter-lead-double"),
            _ => ctx.tr("day-enter-lead"),
        },
        action: if copy {
            format!("{base}/observer-copy")
        } else {
            format!("{base}/protocol")
        },
        fields,
        candidates,
        candidates_label: field_label(ctx, &place.rules.protocol, CANDIDATES_TERM),
        candidates_error: form.errors.on(CANDIDATES_TERM),
        reason: form.reason.clone(),
        reason_error: form.errors.on("reason"),
        errors,
        check: if copy {
            String::new()
        } else {
            check_json(ctx, place)
        },
        versions,
        reasons,
        version_lines: if copy {
            Vec::new()
        } else {
            version_table(ctx, &place.rules.protocol, &place.candidates, &view)
        },
        entries: if copy { 0 } else { view.entries.len() },
        entry_differences: diff_lines(
            ctx,
            &place.rules.protocol,
            &place.candidates,
            &view.entry_differences,
        ),
        scans: scan_rows(ctx, &view),
        scan_action: if copy {
            String::new()
        } else {
            format!("{base}/scan")
        },
        scan_error,
        saved,
        ctx: ctx.clone(),
    };
    Ok(page.render(status, &t))
}

fn empty_form() -> ProtocolForm {
    ProtocolForm {
        values: HashMap::new(),
        errors: Errors::default(),
        reason: String::new(),
    }
}

/// GET /elections/{election}/day/{region}/{number}/protocol: the protocol form (an amendment
/// once accepted), its versions, double-entry differences and scans.
pub async fn protocol_form(
    page: Page,
    State(state): State<WebState>,
    Path((election, region, number)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let place = place(&page.ctx, &state, &election, &region, &number).await?;
        allowed(&page, CommandKind::EnterProtocol, &place)?;
        protocol_page(
            &page,
            &state,
            &place,
            false,
            empty_form(),
            String::new(),
            saved_index(&query),
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// POST /elections/{election}/day/{region}/{number}/protocol: `fields.<key>`,
/// `candidates.<n>` (and `reason` for an amendment of an accepted protocol).
pub async fn protocol(
    page: Page,
    State(state): State<WebState>,
    Path((election, region, number)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let place = place(&page.ctx, &state, &election, &region, &number).await?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        allowed(&page, CommandKind::EnterProtocol, &place)?;
        let reason = values.get("reason").cloned().unwrap_or_default();
        let accepted = state
            .app
            .store()
            .protocol(&place.election.id, &place.reference())
            .await?
            .is_some_and(|p| p.status == "accepted");
        let (numbers, errs) = read_numbers(&values, &place.rules.protocol, &place.candidates);
        let errors = if errs.0.is_empty() {
            let command: Issued = if accepted {
                AmendProtocol {
                    election: place.election.id,
                    precinct: place.reference(),
                    numbers,
                    reason: reason.clone(),
                }
                .into()
            } else {
                EnterProtocol {
                    election: place.election.id,
                    precinct: place.reference(),
                    numbers,
                }
                .into()
            };
            match execute(&page, &state, command).await? {
                Ok(index) => {
                    return Ok(see_other(&format!(
                        "{}/protocol?saved={index}",
                        place.base()
                    )));
                }
                Err(errors) => errors,
            }
        } else {
            let mut all = unparsed(errs, &numbers, &place);
            if accepted && reason.trim().is_empty() {
                all.push("reason", Rule::FieldRequired);
            }
            all
        };
        let form = ProtocolForm {
            errors: Errors::of(&page.ctx, &errors),
            values,
            reason,
        };
        protocol_page(
            &page,
            &state,
            &place,
            false,
            form,
            String::new(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    })
    .await
}

/// POST /elections/{election}/day/{region}/{number}/scan (multipart: `csrf`, `file`): the scan
/// or photo of the signed paper protocol; the ledger records its SHA-256.
pub async fn scan(
    page: Page,
    State(state): State<WebState>,
    Path((election, region, number)): Path<(String, String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    page.answer(async {
        let place = place(&page.ctx, &state, &election, &region, &number).await?;
        let upload = super::upload::read(multipart).await?;
        let ctx = &page.ctx;
        let (message, status) = if upload.too_large {
            (
                ctx.tr_arg("import-too-large", "max", MAX_FORM_UPLOAD / (1024 * 1024)),
                StatusCode::PAYLOAD_TOO_LARGE,
            )
        } else {
            check_form(&page, &headers, &upload.fields)?;
            allowed(&page, CommandKind::AttachProtocolScan, &place)?;
            match upload.files.get("file").filter(|f| !f.bytes.is_empty()) {
                None => (ctx.tr("file-required"), StatusCode::UNPROCESSABLE_ENTITY),
                Some(file) => {
                    let errors = match AttachmentMeta::of(&file.bytes, &place.rules.attachments) {
                        Ok(meta) => {
                            let command = Issued::new(
                                AttachProtocolScan {
                                    election: place.election.id,
                                    precinct: place.reference(),
                                    file: meta,
                                },
                                Blob(file.bytes.clone()),
                            );
                            match execute(&page, &state, command).await? {
                                Ok(index) => {
                                    return Ok(see_other(&format!(
                                        "{}/protocol?saved={index}#scans",
                                        place.base()
                                    )));
                                }
                                Err(errors) => errors,
                            }
                        }
                        Err(errors) => errors,
                    };
                    let message = errors
                        .0
                        .iter()
                        .map(|e| ctx.rule(&e.rule))
                        .collect::<Vec<_>>()
                        .join(" ");
                    (message, StatusCode::UNPROCESSABLE_ENTITY)
                }
            }
        };
        protocol_page(
            &page,
            &state,
            &place,
            false,
            empty_form(),
            message,
            None,
            status,
        )
        .await
    })
    .await
}

// ---------------------------------------------------------------- the observer's copy

/// GET /elections/{election}/day/{region}/{number}/observer-copy
pub async fn copy_form(
    page: Page,
    State(state): State<WebState>,
    Path((election, region, number)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let place = place(&page.ctx, &state, &election, &region, &number).await?;
        allowed(&page, CommandKind::RecordObserverCopy, &place)?;
        protocol_page(
            &page,
            &state,
            &place,
            true,
            empty_form(),
            String::new(),
            saved_index(&query),
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// POST /elections/{election}/day/{region}/{number}/observer-copy: the numbers of the copy
/// handed to an observer, as it reads.
pub async fn copy(
    page: Page,
    State(state): State<WebState>,
    Path((election, region, number)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let place = place(&page.ctx, &state, &election, &region, &number).await?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        allowed(&page, CommandKind::RecordObserverCopy, &place)?;
        let (numbers, errs) = read_numbers(&values, &place.rules.protocol, &place.candidates);
        let errors = if errs.0.is_empty() {
            let command = RecordObserverCopy {
                election: place.election.id,
                precinct: place.reference(),
                numbers,
            };
            match execute(&page, &state, command.into()).await? {
                Ok(index) => {
                    return Ok(see_other(&format!(
                        "{}/observer-copy?saved={index}",
                        place.base()
                    )));
                }
                Err(errors) => errors,
            }
        } else {
            unparsed(errs, &numbers, &place)
        };
        let form = ProtocolForm {
            errors: Errors::of(&page.ctx, &errors),
            values,
            reason: String::new(),
        };
        protocol_page(
            &page,
            &state,
            &place,
            true,
            form,
            String::new(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    })
    .await
}

// ---------------------------------------------------------------- the protocol file

#[derive(Template)]
#[template(path = "elections/day_import.html")]
struct ImportPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    action: String,
    header: String,
    regions: Vec<(String, String)>,
    region: String,
    region_error: String,
    form: ImportForm,
    imported: Option<usize>,
}

/// The regions an import may name: those of the election's units the reader may enter
/// protocols in (by the territorial commission's scope).
async fn import_regions(
    page: &Page,
    state: &WebState,
    id: &ElectionId,
) -> Result<Vec<(String, String)>, Fail> {
    let store = state.app.store();
    // The region of a territorial commission's territory: its units there are offered (the
    // import refuses, row by row, the precincts outside its subtree).
    let own_region = match page.principal().map(|p| (&p.role, &p.scope)) {
        Some((Role::TerritorialCommission, Scope::Territory { territory })) => {
            territory_path(state, territory).await?.first().cloned()
        }
        _ => None,
    };
    let cec = page.principal().is_some_and(|p| p.role == Role::CecMember);
    let mut out: Vec<(String, String)> = Vec::new();
    for contest in store.contests_of(id).await? {
        let path = territory_path(state, &contest.unit).await?;
        let Some(region) = path.first().cloned() else {
            continue;
        };
        let in_scope = cec || own_region.as_ref() == Some(&region);
        if !in_scope || out.iter().any(|(c, _)| *c == region.as_str()) {
            continue;
        }
        let name = match store.territory(&region).await? {
            Some(t) => page.ctx.name_of(&t.names).to_owned(),
            None => region.to_string(),
        };
        out.push((region.to_string(), name));
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
async fn import_page(
    page: &Page,
    state: &WebState,
    id: &ElectionId,
    region: String,
    region_error: String,
    form: ImportForm,
    imported: Option<usize>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let e = state
        .app
        .store()
        .election(id)
        .await?
        .ok_or(Fail::NotFound)?;
    let rules = rules_of(&e)?;
    let regions = import_regions(page, state, id).await?;
    if regions.is_empty() {
        return Err(Fail::Forbidden(
            page.principal()
                .map_or(Some(sailau_domain::Denied::Anonymous), |_| None),
        ));
    }
    let mut crumbs = crumbs_root(ctx);
    crumbs.push((election_href(id), ctx.name_of(&e.names).to_owned()));
    crumbs.push((day_href(id), ctx.tr("day-title")));
    let t = ImportPage {
        crumbs,
        title: ctx.tr("day-import-title"),
        action: format!("{}/import", day_href(id)),
        header: format!(
            "{},1,2,…",
            sailau_app::elections::day_import::expected(&rules.protocol)
        ),
        region: if region.is_empty() && regions.len() == 1 {
            regions[0].0.clone()
        } else {
            region
        },
        regions,
        region_error,
        form,
        imported,
        ctx: ctx.clone(),
    };
    Ok(page.render(status, &t))
}

/// GET /elections/{election}/day/import: the territorial commission's protocol file form.
pub async fn import_form(
    page: Page,
    State(state): State<WebState>,
    Path(election): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        let imported = query.get("imported").and_then(|s| s.parse().ok());
        import_page(
            &page,
            &state,
            &id,
            String::new(),
            String::new(),
            ImportForm::default(),
            imported,
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// POST /elections/{election}/day/import (multipart: `csrf`, `region`, `file`): a region's
/// protocols from CSV or XLSX, all rows or none, every bad row listed with its line.
pub async fn import(
    page: Page,
    State(state): State<WebState>,
    Path(election): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        let upload = super::upload::read(multipart).await?;
        let ctx = &page.ctx;
        let region = upload.fields.get("region").cloned().unwrap_or_default();
        let mut form = ImportForm::default();
        if upload.too_large {
            form.file_error = ctx.tr_arg(
                "import-too-large",
                "max",
                crate::pages::MAX_UPLOAD / (1024 * 1024),
            );
            return import_page(
                &page,
                &state,
                &id,
                region,
                String::new(),
                form,
                None,
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
        check_form(&page, &headers, &upload.fields)?;
        let Some(session) = &page.session else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        let code = TerritoryCode::parse(region.trim()).ok();
        let mut region_error = String::new();
        if code.is_none() {
            region_error = ctx.tr("field-choose");
        }
        match upload.files.get("file") {
            None => form.file_error = ctx.tr("file-required"),
            Some(f) if f.bytes.is_empty() => form.file_error = ctx.tr("file-empty"),
            Some(_) => {}
        }
        let (Some(code), Some(file), true) =
            (code, upload.files.get("file"), form.file_error.is_empty())
        else {
            return import_page(
                &page,
                &state,
                &id,
                region,
                region_error,
                form,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        };
        let format = sailau_app::import::Format::guess(&file.filename, &file.bytes);
        match state
            .app
            .import_protocols(
                &Acting::Account(session.principal.clone()),
                id,
                &code,
                format,
                file.bytes.clone(),
                &|_, _| {},
            )
            .await
        {
            Ok(n) => Ok(see_other(&format!("{}/import?imported={n}", day_href(&id)))),
            Err(e) => {
                import_errors(ctx, e, &mut form)?;
                import_page(
                    &page,
                    &state,
                    &id,
                    region,
                    String::new(),
                    form,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    })
    .await
}

// ---------------------------------------------------------------- the public record

/// An observer's copy on the public page of its precinct (the observer is not named).
pub struct CopyRow {
    /// "Observer's copy 1".
    pub title: String,
    /// When recorded (UTC).
    pub at: String,
    /// Lines where the copy differs from the accepted protocol (first: protocol, second: copy).
    pub differences: Vec<DiffLine>,
    /// Whether there is an accepted protocol to compare with.
    pub compared: bool,
}

/// What the public precinct page shows of a protocol's history: versions with their reasons,
/// observers' copies flagged where they differ, scans with their hashes.
pub struct PublicRecord {
    /// The versions' headers.
    pub versions: Vec<String>,
    /// The versions' reasons ("" for version 1).
    pub reasons: Vec<String>,
    /// Every line across the versions (shown when amended).
    pub version_lines: Vec<VersionLine>,
    /// The observers' copies.
    pub copies: Vec<CopyRow>,
    /// The scans.
    pub scans: Vec<ScanRow>,
}

/// The public record of a protocol (see [`PublicRecord`]).
pub(crate) fn public_record(
    ctx: &PageCtx,
    rules: &ProtocolRules,
    candidates: &[(u32, String)],
    view: &ProtocolView,
) -> PublicRecord {
    let (versions, reasons) = version_heads(ctx, view);
    let compared = view.numbers.is_some();
    PublicRecord {
        version_lines: if view.versions.len() > 1 {
            version_table(ctx, rules, candidates, view)
        } else {
            Vec::new()
        },
        versions,
        reasons,
        copies: view
            .observer_copies
            .iter()
            .map(|c| CopyRow {
                title: ctx.tr_arg("day-copy-number", "index", c.seq),
                at: crate::pages::local_instant(ctx, c.recorded_at_ms, &view.precinct.region_code),
                differences: diff_lines(ctx, rules, candidates, &c.differences),
                compared,
            })
            .collect(),
        scans: scan_rows(ctx, view),
    }
}

/// The elections whose day pages the signed-in account works on (commissions and observers),
/// latest election day first: (name, the day page). Empty for other accounts.
pub(crate) async fn election_days(
    page: &Page,
    state: &WebState,
) -> Result<Vec<(String, String)>, Fail> {
    if !page
        .principal()
        .is_some_and(|p| works_on_election_day(p.role))
    {
        return Ok(Vec::new());
    }
    let mut elections = state.app.elections().await?;
    elections.sort_by_key(|e| std::cmp::Reverse(e.election_day));
    Ok(elections
        .iter()
        .map(|e| {
            (
                format!(
                    "{} ({})",
                    page.ctx.name_of(&e.names),
                    when::date(page.ctx.language(), e.election_day)
                ),
                day_href(&e.id),
            )
        })
        .collect())
}

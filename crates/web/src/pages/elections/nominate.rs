//! The forms that start things: calling an election (a territorial commission), a
//! self-nomination application (the commission enters it, or the candidate's own account), and a
//! party's nomination with the scan of its decision (the party's secretary).

use std::collections::HashMap;

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_app::Acting;
use sailau_domain::command::Edition;
use sailau_domain::elections::rules::{PRESETS, RuleSet};
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, Candidate, ContestId, Decision, ElectionId, Membership,
    NewContest, NominateByParty, NominationFacts, NominationId, Phase, ProposeByHigherAkim,
};
use sailau_domain::{
    Gender, Names, PartyCode, Person, PersonId, Rule, Scope, TerritoryCode, ValidationErrors,
};

use super::list::{election_name, may_call};
use super::nomination::parse_date;
use super::{
    contest_href, contest_id, crumbs_root, election_href, election_id, nomination_href,
    qualification_name, renamed,
};
use crate::WebState;
use crate::pages::forms::see_other;
use crate::pages::territories::execute;
use crate::pages::{Fail, FormState, Page, PageCtx, check_form, form_map};

// ------------------------------------------------------------------ calling an election

const CALL_FIELDS: &[&str] = &[
    "name_ru",
    "name_kk",
    "name_en",
    "ruleset",
    "election_day",
    "units",
];
const CALL_LABELS: &[(&str, &str)] = &[
    ("name_ru", "el-field-name-ru"),
    ("name_kk", "el-field-name-kk"),
    ("name_en", "el-field-name-en"),
    ("ruleset", "el-field-ruleset"),
    ("election_day", "el-field-election-day"),
    ("units", "el-field-units"),
];

#[derive(Template)]
#[template(path = "elections/call.html")]
struct CallPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    form: FormState,
    rulesets: Vec<(String, String)>,
}

fn rulesets(ctx: &PageCtx) -> Vec<(String, String)> {
    PRESETS
        .iter()
        .filter_map(|(id, text)| {
            let rules = RuleSet::parse(text).ok()?;
            let title = match ctx.lang {
                "kk" => rules.title.kk,
                "en" => rules.title.en,
                _ => rules.title.ru,
            };
            Some(((*id).to_owned(), title))
        })
        .collect()
}

fn call_page(page: &Page, form: FormState, status: StatusCode) -> Response {
    let ctx = &page.ctx;
    let mut crumbs = crumbs_root(ctx);
    crumbs.push((String::new(), ctx.tr("el-call-title")));
    page.render(
        status,
        &CallPage {
            ctx: ctx.clone(),
            crumbs,
            form,
            rulesets: rulesets(ctx),
        },
    )
}

/// GET /elections/call
pub async fn call_form(page: Page) -> Response {
    if page.session.is_none() {
        return page.fail(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
    }
    if !may_call(&page) {
        return page.fail(Fail::Forbidden(None));
    }
    call_page(
        &page,
        FormState::new(CALL_FIELDS).labelled(CALL_LABELS),
        StatusCode::OK,
    )
}

/// KATO codes written with commas, spaces, semicolons or one per line.
fn parse_units(s: &str) -> (Vec<TerritoryCode>, Vec<Rule>) {
    let mut units = Vec::new();
    let mut errors = Vec::new();
    for part in s
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        match TerritoryCode::parse(part) {
            Ok(c) => units.push(c),
            Err(r) => {
                if !errors.contains(&r) {
                    errors.push(r);
                }
            }
        }
    }
    (units, errors)
}

/// POST /elections/call
pub async fn call(
    page: Page,
    State(state): State<WebState>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let result = async {
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let ctx = &page.ctx;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = FormState::filled(CALL_FIELDS, &values)
            .labelled(CALL_LABELS)
            .choices(&["ruleset"]);
        let rule_set = match get("ruleset") {
            "" => {
                form.required(ctx, "ruleset");
                None
            }
            id => match sailau_domain::elections::rules::preset(id) {
                Some(text) => Some(text),
                None => {
                    form.push("ruleset", ctx.tr("el-ruleset-unknown"));
                    None
                }
            },
        };
        let election_day = match parse_date(get("election_day")) {
            Ok(d) => Some(d),
            Err(key) => {
                form.push("election_day", ctx.tr(key));
                None
            }
        };
        let (units, unit_errors) = parse_units(get("units"));
        for r in &unit_errors {
            form.push("units", ctx.rule(r));
        }
        if units.is_empty() && unit_errors.is_empty() {
            form.required(ctx, "units");
        }
        let territory = match page.principal().map(|p| &p.scope) {
            Some(Scope::Territory { territory }) => Some(territory.clone()),
            _ => None,
        };
        let text = rule_set.unwrap_or(sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023);
        let level = RuleSet::parse(text)
            .map(|r| r.level)
            .unwrap_or(sailau_domain::elections::Level::District);
        let id = ElectionId(uuid::Uuid::new_v4());
        let command = CallElection {
            election: id,
            names: Names {
                ru: get("name_ru").to_owned(),
                kk: get("name_kk").to_owned(),
                en: get("name_en").to_owned(),
            },
            level,
            election_day: election_day.unwrap_or(jiff::civil::date(2100, 1, 1)),
            territory,
            contests: units
                .iter()
                .map(|unit| NewContest {
                    id: ContestId(uuid::Uuid::new_v4()),
                    unit: unit.clone(),
                })
                .collect(),
            rule_set: text.to_owned(),
            rule_set_sha256: RuleSet::digest(text),
        };
        if form.has_errors() {
            // Names are checked by themselves (the rest needs the fields that did not parse).
            let names = command
                .names
                .validated_in(sailau_domain::command::Edition::CURRENT);
            if let Err(errors) = names {
                form.absorb(ctx, &errors);
            }
            return Ok(call_page(&page, form, StatusCode::UNPROCESSABLE_ENTITY));
        }
        match execute(&page, &state, command.into()).await? {
            Ok(index) => Ok(see_other(&format!("{}?saved={index}", election_href(&id)))),
            Err(errors) => {
                form.absorb(ctx, &call_errors(&errors));
                Ok(call_page(&page, form, StatusCode::UNPROCESSABLE_ENTITY))
            }
        }
    }
    .await;
    page.respond(result)
}

/// The call's errors on the form's fields: every contest's unit is the field `units`.
fn call_errors(errors: &ValidationErrors) -> ValidationErrors {
    ValidationErrors(
        errors
            .0
            .iter()
            .map(|e| {
                let field = if e.field == "contests" || e.field.starts_with("contests[") {
                    "units".to_owned()
                } else if matches!(e.field.as_str(), "rule_set" | "rule_set_sha256" | "level") {
                    "ruleset".to_owned()
                } else {
                    e.field.clone()
                };
                sailau_domain::FieldError::new(field, e.rule.clone())
            })
            .collect(),
    )
}

// ------------------------------------------------------------------ nominations

/// The three ways a candidate is put forward (rules.md §3), each with its form: a
/// self-nomination, a party's nomination with the scan of its decision, and the higher akim's
/// proposal with the scan of the proposal (the commission enters it, when a contest has fewer
/// candidates than the minimum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// `apply_self_nomination` (a urlencoded form).
    SelfNominated,
    /// `nominate_by_party` (multipart: the decision's scan).
    Party,
    /// `propose_by_higher_akim` (multipart: the proposal's scan).
    HigherAkim,
}

impl Way {
    /// The form's fields.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Way::SelfNominated => PERSON_FIELDS,
            Way::Party => PARTY_FIELDS,
            Way::HigherAkim => AKIM_FIELDS,
        }
    }

    /// The fields' labels (for the error summary).
    fn labels(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Way::HigherAkim => AKIM_LABELS,
            _ => LABELS,
        }
    }

    /// The domain's field names → the form's.
    fn names(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Way::HigherAkim => AKIM_NAMES,
            _ => NAMES,
        }
    }

    /// The form's path under its contest.
    pub fn path(self) -> &'static str {
        match self {
            Way::SelfNominated => "self-nomination",
            Way::Party => "party-nomination",
            Way::HigherAkim => "higher-akim-proposal",
        }
    }

    /// The window of the calendar the form belongs to (rules.md §3): nominations by parties and
    /// self-nominees in the nomination window, the higher akim's proposals in their own.
    fn phase(self) -> Phase {
        match self {
            Way::SelfNominated | Way::Party => Phase::Nomination,
            Way::HigherAkim => Phase::HigherAkimProposal,
        }
    }

    /// The document the form's scan is filed as; `None`: the form has no file.
    fn scan(self) -> Option<&'static str> {
        match self {
            Way::SelfNominated => None,
            Way::Party => Some("party_decision"),
            Way::HigherAkim => Some("higher_akim_proposal"),
        }
    }
}

const PERSON_FIELDS: &[&str] = &[
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "gender",
    "current_post",
    "residence",
    "incumbent",
];
const PARTY_FIELDS: &[&str] = &[
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "gender",
    "current_post",
    "residence",
    "incumbent",
    "party",
    "membership",
    "decision_number",
    "decision_date",
    "decision_body",
    "decision_file",
];
const AKIM_FIELDS: &[&str] = &[
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "gender",
    "current_post",
    "residence",
    "incumbent",
    "decision_number",
    "decision_date",
    "decision_body",
    "decision_file",
];
const LABELS: &[(&str, &str)] = &[
    ("surname", "person-surname"),
    ("given_name", "person-given-name"),
    ("patronymic", "person-patronymic"),
    ("birth_date", "person-birth-date"),
    ("gender", "person-gender"),
    ("current_post", "el-field-current-post"),
    ("residence", "el-field-residence"),
    ("incumbent", "el-field-incumbent"),
    ("party", "el-field-party"),
    ("membership", "el-field-membership"),
    ("decision_number", "el-field-decision-number"),
    ("decision_date", "el-field-decision-date"),
    ("decision_body", "el-field-decision-body"),
    ("decision_file", "el-field-decision-file"),
    ("qualifications", "el-field-qualifications"),
];
const AKIM_LABELS: &[(&str, &str)] = &[
    ("surname", "person-surname"),
    ("given_name", "person-given-name"),
    ("patronymic", "person-patronymic"),
    ("birth_date", "person-birth-date"),
    ("gender", "person-gender"),
    ("current_post", "el-field-current-post"),
    ("residence", "el-field-residence"),
    ("incumbent", "el-field-incumbent"),
    ("decision_number", "el-field-proposal-number"),
    ("decision_date", "el-field-proposal-date"),
    ("decision_body", "el-field-proposal-body"),
    ("decision_file", "el-field-proposal-file"),
    ("qualifications", "el-field-qualifications"),
];
/// The domain's field names → the form's.
const NAMES: &[(&str, &str)] = &[
    ("person.surname", "surname"),
    ("person.given_name", "given_name"),
    ("person.patronymic", "patronymic"),
    ("person.birth_date", "birth_date"),
    ("person.gender", "gender"),
    ("post", "current_post"),
    ("membership.document", "membership"),
    ("decision.number", "decision_number"),
    ("decision.date", "decision_date"),
    ("decision.body", "decision_body"),
    ("file", "decision_file"),
];
const AKIM_NAMES: &[(&str, &str)] = &[
    ("person.surname", "surname"),
    ("person.given_name", "given_name"),
    ("person.patronymic", "patronymic"),
    ("person.birth_date", "birth_date"),
    ("person.gender", "gender"),
    ("post", "current_post"),
    ("proposal.number", "decision_number"),
    ("proposal.date", "decision_date"),
    ("proposal.body", "decision_body"),
    ("file", "decision_file"),
];

/// The labels of the decision's fields as the template shows them.
struct DecisionLabels {
    number: String,
    date: String,
    body: String,
    body_hint: String,
    file: String,
}

#[derive(Template)]
#[template(path = "elections/nominate.html")]
struct NominatePage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    lead: String,
    action: String,
    /// The party's fields (party, membership).
    party: bool,
    /// The decision's fields and its scan (a multipart form).
    decision: Option<DecisionLabels>,
    /// Why the form is not offered now (its window closed or not yet open, in words), or "".
    /// A refused form is shown again with its errors.
    closed: String,
    form: FormState,
    genders: Vec<(String, String)>,
    parties: Vec<(String, String)>,
    qualifications: Vec<(String, String, bool)>,
}

async fn nominate_page(
    page: &Page,
    state: &WebState,
    (election, contest): (&ElectionId, &ContestId),
    way: Way,
    form: FormState,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let view = state.app.contest(contest).await?;
    if &view.election.id != election {
        return Err(Fail::NotFound);
    }
    let rules = super::rules_of(&view.election)?;
    let href = contest_href(election, contest);
    let unit = ctx.name_of(&view.unit.names).to_owned();
    let mut crumbs = crumbs_root(ctx);
    crumbs.push((election_href(election), election_name(ctx, &view.election)));
    crumbs.push((href.clone(), unit.clone()));
    let contest_title = ctx.tr_arg("el-contest-title", "unit", &unit);
    let (title, lead) = match way {
        Way::SelfNominated => (
            ctx.tr("el-self-nominate-title"),
            format!("{contest_title} {}", ctx.tr("el-self-nominate-lead")),
        ),
        Way::Party => (ctx.tr("el-party-nominate-title"), contest_title),
        Way::HigherAkim => (
            ctx.tr("el-akim-propose-title"),
            format!("{contest_title} {}", ctx.tr("el-akim-propose-lead")),
        ),
    };
    crumbs.push((String::new(), title.clone()));
    let closed = if form.has_errors() {
        String::new()
    } else {
        let calendar = super::calendar::of_contest(&view.contest, &view.election)?;
        super::calendar::closed_notice(ctx, &calendar, way.phase(), super::now(state))
            .unwrap_or_default()
    };
    let decision = match way {
        Way::SelfNominated => None,
        Way::Party => Some(DecisionLabels {
            number: ctx.tr("el-field-decision-number"),
            date: ctx.tr("el-field-decision-date"),
            body: ctx.tr("el-field-decision-body"),
            body_hint: ctx.tr("el-field-decision-body-hint"),
            file: ctx.tr("el-field-decision-file"),
        }),
        Way::HigherAkim => Some(DecisionLabels {
            number: ctx.tr("el-field-proposal-number"),
            date: ctx.tr("el-field-proposal-date"),
            body: ctx.tr("el-field-proposal-body"),
            body_hint: ctx.tr("el-field-proposal-body-hint"),
            file: ctx.tr("el-field-proposal-file"),
        }),
    };
    // A party secretary nominates for its own party only.
    let parties = if way == Way::Party {
        state
            .app
            .store()
            .parties()
            .await?
            .into_iter()
            .filter(|p| match page.principal().map(|p| &p.scope) {
                Some(Scope::Party { party, .. }) => &p.code == party,
                _ => true,
            })
            .map(|p| (p.code.to_string(), p.name(ctx.lang).to_owned()))
            .collect()
    } else {
        Vec::new()
    };
    let qualifications = rules
        .eligibility
        .qualifications
        .iter()
        .map(|q| {
            let checked = form.value(&format!("qual_{q}")) == "on";
            (format!("qual_{q}"), qualification_name(ctx, q), checked)
        })
        .collect();
    Ok(page.render(
        status,
        &NominatePage {
            ctx: ctx.clone(),
            crumbs,
            title,
            lead,
            action: format!("{href}/{}", way.path()),
            party: way == Way::Party,
            decision,
            closed,
            form,
            genders: vec![
                ("female".to_owned(), ctx.tr("gender-female")),
                ("male".to_owned(), ctx.tr("gender-male")),
            ],
            parties,
            qualifications,
        },
    ))
}

/// The empty form of `way` (signed-in readers only; the app decides on submission).
async fn blank_form(
    page: Page,
    state: WebState,
    (election, contest): (String, String),
    way: Way,
) -> Response {
    page.answer(async {
        if page.session.is_none() {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        }
        let (election, contest) = (election_id(&election)?, contest_id(&contest)?);
        let form = FormState::new(way.fields()).labelled(way.labels());
        nominate_page(
            &page,
            &state,
            (&election, &contest),
            way,
            form,
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// GET …/self-nomination
pub async fn self_form(
    page: Page,
    State(state): State<WebState>,
    Path(ids): Path<(String, String)>,
) -> Response {
    blank_form(page, state, ids, Way::SelfNominated).await
}

/// GET …/party-nomination
pub async fn party_form(
    page: Page,
    State(state): State<WebState>,
    Path(ids): Path<(String, String)>,
) -> Response {
    blank_form(page, state, ids, Way::Party).await
}

/// GET …/higher-akim-proposal
pub async fn akim_form(
    page: Page,
    State(state): State<WebState>,
    Path(ids): Path<(String, String)>,
) -> Response {
    blank_form(page, state, ids, Way::HigherAkim).await
}

/// The candidate of a nomination form; fields that do not parse are told on the form and
/// replaced by stand-ins that break no rule, so the domain reports everything else at once.
async fn candidate_of(
    page: &Page,
    state: &WebState,
    values: &HashMap<String, String>,
    form: &mut FormState,
) -> Result<Candidate, Fail> {
    let ctx = &page.ctx;
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let birth_date = match parse_date(get("birth_date")) {
        Ok(d) => d,
        Err(_) => {
            form.push("birth_date", ctx.rule(&Rule::PersonBirthDateInvalid));
            jiff::civil::date(1970, 1, 1)
        }
    };
    let gender = match Gender::parse(get("gender")) {
        Ok(g) => g,
        Err(_) if get("gender").is_empty() => {
            form.required(ctx, "gender");
            Gender::Female
        }
        Err(r) => {
            form.push("gender", ctx.rule(&r));
            Gender::Female
        }
    };
    let mut person = Person {
        id: PersonId(uuid::Uuid::new_v4()),
        surname: get("surname").to_owned(),
        given_name: get("given_name").to_owned(),
        patronymic: get("patronymic").to_owned(),
        birth_date,
        gender,
    };
    // A candidate's own account applies for its own person; anyone else enters a new one.
    if let Some(Scope::Person { person: own }) = page.principal().map(|p| &p.scope) {
        person.id = *own;
        if let Some(existing) = state.app.store().person(own).await? {
            person = existing;
        }
    }
    Ok(Candidate {
        person,
        post: get("current_post").to_owned(),
        residence: get("residence").to_owned(),
        qualifications: ticked_qualifications(values),
        incumbent: get("incumbent") == "on",
    })
}

/// The qualifications ticked on a form (`qual_<key>=on`).
fn ticked_qualifications(values: &HashMap<String, String>) -> Vec<String> {
    let mut q: Vec<String> = values
        .iter()
        .filter(|(k, v)| k.starts_with("qual_") && v.as_str() == "on")
        .map(|(k, _)| k.trim_start_matches("qual_").to_owned())
        .collect();
    q.sort();
    q
}

/// The form of `way` filled with what was sent (ticked qualifications kept).
fn filled(way: Way, values: &HashMap<String, String>) -> FormState {
    let mut form = FormState::filled(way.fields(), values)
        .labelled(way.labels())
        .choices(&["gender", "party"])
        .files(&["decision_file"]);
    for (k, v) in values {
        if k.starts_with("qual_") {
            form.set(k, v.clone());
        }
    }
    form
}

/// The decision (a party's, or the akim's proposal) of a form; a date that does not parse is
/// told on the form and replaced by a stand-in.
fn decision_of(ctx: &PageCtx, values: &HashMap<String, String>, form: &mut FormState) -> Decision {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let date = match parse_date(get("decision_date")) {
        Ok(d) => d,
        Err(key) => {
            form.push("decision_date", ctx.tr(key));
            jiff::civil::date(2000, 1, 1)
        }
    };
    Decision {
        number: get("decision_number").to_owned(),
        date,
        body: get("decision_body").to_owned(),
    }
}

/// A nomination command of any way, ready to run or to be checked without writing.
enum NewNomination {
    SelfNominated(ApplySelfNomination),
    Party(NominateByParty),
    HigherAkim(ProposeByHigherAkim),
}

impl NewNomination {
    /// The domain's errors, checked without writing (when some field did not parse): the facts
    /// looked up for a real filing are not needed for the fields' own rules.
    fn dry_run(
        &self,
        view: &sailau_app::elections::ContestView,
        now: jiff::Timestamp,
    ) -> ValidationErrors {
        let facts = NominationFacts {
            party_exists: true,
            ..NominationFacts::default()
        };
        let (c, e, edition) = (&view.contest, &view.election, Edition::CURRENT);
        let checked = match self {
            NewNomination::SelfNominated(cmd) => {
                cmd.validate(c, e, &facts, now, edition).map(|_| ())
            }
            NewNomination::Party(cmd) => cmd.validate(c, e, &facts, now, edition).map(|_| ()),
            NewNomination::HigherAkim(cmd) => cmd.validate(c, e, &facts, now, edition).map(|_| ()),
        };
        checked.err().unwrap_or_default()
    }

    fn issued(self) -> sailau_domain::Issued {
        match self {
            NewNomination::SelfNominated(cmd) => cmd.into(),
            NewNomination::Party(cmd) => cmd.into(),
            NewNomination::HigherAkim(cmd) => cmd.into(),
        }
    }
}

/// The one body of every nomination form: reads the candidate (and the decision, the party and
/// the scan of the ways that have them), runs the command, files the scan, and answers with the
/// new nomination's page, or with the form and every error at once.
async fn nominate(
    page: &Page,
    state: &WebState,
    (election, contest): (ElectionId, ContestId),
    way: Way,
    values: &HashMap<String, String>,
    file: Option<&super::upload::File>,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let mut form = filled(way, values);
    let candidate = candidate_of(page, state, values, &mut form).await?;
    let id = NominationId(uuid::Uuid::new_v4());
    let command = match way {
        Way::SelfNominated => NewNomination::SelfNominated(ApplySelfNomination {
            nomination: id,
            contest,
            candidate,
        }),
        Way::Party => {
            let party = match PartyCode::parse(get("party")) {
                Ok(p) => p,
                Err(_) => {
                    form.required(ctx, "party");
                    PartyCode::parse("amanat").map_err(|_| Fail::BadRequest)?
                }
            };
            NewNomination::Party(NominateByParty {
                nomination: id,
                contest,
                candidate,
                party,
                decision: decision_of(ctx, values, &mut form),
                membership: Membership {
                    document: get("membership").to_owned(),
                },
            })
        }
        Way::HigherAkim => NewNomination::HigherAkim(ProposeByHigherAkim {
            nomination: id,
            contest,
            candidate,
            proposal: decision_of(ctx, values, &mut form),
        }),
    };
    let view = state.app.contest(&contest).await?;
    if way.scan().is_some() {
        // The scan's type and size against the rule set, before anything is written.
        match file {
            None => form.required(ctx, "decision_file"),
            Some(f) => {
                let rules = super::rules_of(&view.election)?;
                if let Err(errors) =
                    sailau_domain::elections::AttachmentMeta::of(&f.bytes, &rules.attachments)
                {
                    form.absorb(ctx, &renamed(&errors, way.names()));
                }
            }
        }
    }
    let errors = if form.has_errors() {
        command.dry_run(&view, super::now(state))
    } else {
        match execute(page, state, command.issued()).await? {
            Ok(index) => {
                if let (Some(document), Some(f), Some(session)) = (way.scan(), file, &page.session)
                {
                    state
                        .app
                        .attach_file(
                            &Acting::Account(session.principal.clone()),
                            id,
                            document,
                            f.bytes.clone(),
                        )
                        .await?;
                }
                return Ok(see_other(&format!(
                    "{}?saved={index}",
                    nomination_href(&id)
                )));
            }
            Err(errors) => errors,
        }
    };
    form.absorb(ctx, &renamed(&errors, way.names()));
    nominate_page(
        page,
        state,
        (&election, &contest),
        way,
        form,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// POST …/self-nomination
pub async fn self_apply(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let ids = (election_id(&election)?, contest_id(&contest)?);
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        nominate(&page, &state, ids, Way::SelfNominated, &values, None).await
    })
    .await
}

/// A nomination form with a scan (multipart): a body over the limit is answered on the form.
async fn nominate_with_scan(
    page: Page,
    state: WebState,
    (election, contest): (String, String),
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
    way: Way,
) -> Response {
    page.answer(async {
        let ids = (election_id(&election)?, contest_id(&contest)?);
        let upload = super::upload::read(multipart).await?;
        if upload.too_large {
            let mut form = filled(way, &upload.fields);
            form.push(
                "decision_file",
                page.ctx.tr_arg(
                    "el-file-too-large",
                    "max",
                    super::MAX_FORM_UPLOAD / (1024 * 1024),
                ),
            );
            return nominate_page(
                &page,
                &state,
                (&ids.0, &ids.1),
                way,
                form,
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
        check_form(&page, &headers, &upload.fields)?;
        let file = upload.files.get("decision_file");
        nominate(&page, &state, ids, way, &upload.fields, file).await
    })
    .await
}

/// POST …/party-nomination (multipart: the decision's scan)
pub async fn party_apply(
    page: Page,
    State(state): State<WebState>,
    Path(ids): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    nominate_with_scan(page, state, ids, headers, multipart, Way::Party).await
}

/// POST …/higher-akim-proposal (multipart: the proposal's scan)
pub async fn akim_apply(
    page: Page,
    State(state): State<WebState>,
    Path(ids): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    nominate_with_scan(page, state, ids, headers, multipart, Way::HigherAkim).await
}

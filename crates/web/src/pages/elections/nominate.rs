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
use sailau_domain::elections::rules::{PRESETS, RuleSet};
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, Candidate, ContestId, Decision, ElectionId, Membership,
    NewContest, NominateByParty, NominationId,
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
        let mut form = FormState::filled(CALL_FIELDS, &values).labelled(CALL_LABELS);
        let rule_set = match get("ruleset") {
            "" => {
                form.push("ruleset", ctx.rule(&Rule::FieldRequired));
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
            form.push("units", ctx.rule(&Rule::FieldRequired));
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

const PERSON_FIELDS: &[&str] = &[
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "gender",
    "current_post",
    "residence",
];
const PARTY_FIELDS: &[&str] = &[
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "gender",
    "current_post",
    "residence",
    "party",
    "membership",
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
    ("party", "el-field-party"),
    ("membership", "el-field-membership"),
    ("decision_number", "el-field-decision-number"),
    ("decision_date", "el-field-decision-date"),
    ("decision_body", "el-field-decision-body"),
    ("decision_file", "el-field-decision-file"),
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

#[derive(Template)]
#[template(path = "elections/nominate.html")]
struct NominatePage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    lead: String,
    action: String,
    party: bool,
    form: FormState,
    genders: Vec<(String, String)>,
    parties: Vec<(String, String)>,
    qualifications: Vec<(String, String, bool)>,
}

async fn nominate_page(
    page: &Page,
    state: &WebState,
    election: &ElectionId,
    contest: &ContestId,
    party: bool,
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
    let (title, lead, action) = if party {
        (
            ctx.tr("el-party-nominate-title"),
            ctx.tr_arg("el-contest-title", "unit", &unit),
            format!("{href}/party-nomination"),
        )
    } else {
        (
            ctx.tr("el-self-nominate-title"),
            format!(
                "{} {}",
                ctx.tr_arg("el-contest-title", "unit", &unit),
                ctx.tr("el-self-nominate-lead")
            ),
            format!("{href}/self-nomination"),
        )
    };
    crumbs.push((String::new(), title.clone()));
    // A party secretary nominates for its own party only.
    let parties = state
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
        .collect();
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
            action,
            party,
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

/// GET …/self-nomination
pub async fn self_form(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
) -> Response {
    let result = async {
        if page.session.is_none() {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        }
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let form = FormState::new(PERSON_FIELDS).labelled(LABELS);
        nominate_page(
            &page,
            &state,
            &election,
            &contest,
            false,
            form,
            StatusCode::OK,
        )
        .await
    }
    .await;
    page.respond(result)
}

/// GET …/party-nomination
pub async fn party_form(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
) -> Response {
    let result = async {
        if page.session.is_none() {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        }
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let form = FormState::new(PARTY_FIELDS).labelled(LABELS);
        nominate_page(
            &page,
            &state,
            &election,
            &contest,
            true,
            form,
            StatusCode::OK,
        )
        .await
    }
    .await;
    page.respond(result)
}

/// The candidate of a nomination form; fields that do not parse are told on the form and
/// replaced by stand-ins that break no rule, so the domain reports everything else at once.
async fn candidate_of(
    page: &Page,
    state: &WebState,
    values: &HashMap<String, String>,
    qualifications: &[String],
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
        qualifications: qualifications.to_vec(),
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

fn filled(fields: &[&'static str], values: &HashMap<String, String>) -> FormState {
    let mut form = FormState::filled(fields, values).labelled(LABELS);
    for (k, v) in values {
        if k.starts_with("qual_") {
            form.set(k, v.clone());
        }
    }
    form
}

/// POST …/self-nomination
pub async fn self_apply(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let result = async {
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let mut form = filled(PERSON_FIELDS, &values);
        let candidate = candidate_of(
            &page,
            &state,
            &values,
            &ticked_qualifications(&values),
            &mut form,
        )
        .await?;
        let id = NominationId(uuid::Uuid::new_v4());
        let command = ApplySelfNomination {
            nomination: id,
            contest,
            candidate,
        };
        let errors = if form.has_errors() {
            // Checked without writing: what else is wrong, so every error shows at once.
            let view = state.app.contest(&contest).await?;
            dry_run_self(&state, &command, &view)
        } else {
            match execute(&page, &state, command.into()).await? {
                Ok(index) => {
                    return Ok(see_other(&format!(
                        "{}?saved={index}",
                        nomination_href(&id)
                    )));
                }
                Err(errors) => errors,
            }
        };
        form.absorb(&page.ctx, &renamed(&errors, NAMES));
        nominate_page(
            &page,
            &state,
            &election,
            &contest,
            false,
            form,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    }
    .await;
    page.respond(result)
}

/// The domain's errors of a self-nomination whose form had fields that did not parse (the facts
/// looked up as for a real one are not needed for the fields' own rules).
fn dry_run_self(
    state: &WebState,
    command: &ApplySelfNomination,
    view: &sailau_app::elections::ContestView,
) -> ValidationErrors {
    command
        .validate(
            &view.contest,
            &view.election,
            &sailau_domain::elections::NominationFacts::default(),
            super::now(state),
            sailau_domain::command::Edition::CURRENT,
        )
        .err()
        .unwrap_or_default()
}

/// POST …/party-nomination (multipart: the decision's scan)
pub async fn party_apply(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let result = async {
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let upload = super::upload::read(multipart).await?;
        let ctx = &page.ctx;
        let values = upload.fields;
        if upload.too_large {
            let mut form = filled(PARTY_FIELDS, &values);
            form.push(
                "decision_file",
                ctx.tr_arg(
                    "el-file-too-large",
                    "max",
                    super::MAX_FORM_UPLOAD / (1024 * 1024),
                ),
            );
            return nominate_page(
                &page,
                &state,
                &election,
                &contest,
                true,
                form,
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
        check_form(&page, &headers, &values)?;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = filled(PARTY_FIELDS, &values);
        let candidate = candidate_of(
            &page,
            &state,
            &values,
            &ticked_qualifications(&values),
            &mut form,
        )
        .await?;
        let party = match PartyCode::parse(get("party")) {
            Ok(p) => p,
            Err(_) => {
                form.push("party", ctx.rule(&Rule::FieldRequired));
                PartyCode::parse("amanat").map_err(|_| Fail::BadRequest)?
            }
        };
        let decision_date = match parse_date(get("decision_date")) {
            Ok(d) => d,
            Err(key) => {
                form.push("decision_date", ctx.tr(key));
                jiff::civil::date(2000, 1, 1)
            }
        };
        let file = upload.files.get("decision_file");
        if file.is_none() {
            form.push("decision_file", ctx.rule(&Rule::FieldRequired));
        }
        let id = NominationId(uuid::Uuid::new_v4());
        let command = NominateByParty {
            nomination: id,
            contest,
            candidate,
            party,
            decision: Decision {
                number: get("decision_number").to_owned(),
                date: decision_date,
                body: get("decision_body").to_owned(),
            },
            membership: Membership {
                document: get("membership").to_owned(),
            },
        };
        // The scan's type and size against the rule set, before anything is written.
        let view = state.app.contest(&contest).await?;
        let rules = super::rules_of(&view.election)?;
        if let Some(f) = file
            && let Err(errors) =
                sailau_domain::elections::AttachmentMeta::of(&f.bytes, &rules.attachments)
        {
            form.absorb(ctx, &renamed(&errors, NAMES));
        }
        let errors = if form.has_errors() {
            command
                .validate(
                    &view.contest,
                    &view.election,
                    &sailau_domain::elections::NominationFacts {
                        party_exists: true,
                        ..Default::default()
                    },
                    super::now(&state),
                    sailau_domain::command::Edition::CURRENT,
                )
                .err()
                .unwrap_or_default()
        } else {
            match execute(&page, &state, command.into()).await? {
                Ok(index) => {
                    let Some(session) = &page.session else {
                        return Err(Fail::Forbidden(None));
                    };
                    // The decision's scan, as the party_decision document of the nomination.
                    if let Some(f) = file {
                        state
                            .app
                            .attach_file(
                                &Acting::Account(session.principal.clone()),
                                id,
                                "party_decision",
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
        form.absorb(ctx, &renamed(&errors, NAMES));
        nominate_page(
            &page,
            &state,
            &election,
            &contest,
            true,
            form,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    }
    .await;
    page.respond(result)
}

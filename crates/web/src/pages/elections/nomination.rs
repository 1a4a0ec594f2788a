//! A nomination's page (the candidate's own page: status, what is missing; the commission's
//! decisions: documents, deposit, register, refuse, cancel), its attachments, and the
//! commission's workbench.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_app::Acting;
use sailau_app::elections::NominationView;
use sailau_domain::command::Edition;
use sailau_domain::elections::{
    CancelReason, CancelRegistration, Phase, RecordDeposit, RefuseRegistration, RegisterCandidate,
    Route, Status, TickDocument,
};
use sailau_domain::{CommandKind, Issued, Read, Target, ValidationErrors, authorize_read};

use super::list::election_name;
use super::{
    contest_href, crumbs_root, document_name, election_href, full_name, nomination_href,
    nomination_id, nomination_target, renamed, route_text, status_text, when,
};
use crate::WebState;
use crate::pages::forms::see_other;
use crate::pages::territories::execute;
use crate::pages::{Fail, FormState, Page, PageCtx, check_form, form_map, may};

/// A required document and whether the commission ticked it.
pub struct DocRow {
    /// Its rule-set key (the form's value).
    pub key: String,
    /// Its name.
    pub name: String,
    /// Ticked as submitted.
    pub ticked: bool,
}

/// An attached file.
pub struct AttachmentRow {
    /// The document it was filed for and its type.
    pub name: String,
    /// Its size in words.
    pub size: String,
    /// Its SHA-256 (as recorded in the ledger).
    pub sha256: String,
    /// Where to get it (the commission only).
    pub href: String,
}

/// Everything the nomination page says, in words.
pub struct View {
    /// The page's path.
    pub href: String,
    /// «Кандидат: Тестов Ерлан Серикович».
    pub title: String,
    /// «Тестов Ерлан Серикович».
    pub name: String,
    /// The contest, named by its unit.
    pub contest: String,
    /// The contest's page.
    pub contest_href: String,
    /// Status in words and its badge.
    pub status: String,
    /// The badge class.
    pub status_class: &'static str,
    /// Who nominated.
    pub route: String,
    /// Year of birth.
    pub born: String,
    /// Current post.
    pub post: String,
    /// The candidate is the sitting akim of the unit (as the nomination declares).
    pub incumbent: bool,
    /// Place of residence.
    pub residence: String,
    /// The party's decision (or the higher akim's proposal) around its body: the words before
    /// and after it; both "" when the route has none.
    pub decision: (String, String),
    /// The decision's body as written ("L (50-я) внеочередная конференция …"), in the language
    /// it was written in, or "".
    pub decision_body: String,
    /// The refusal's ground (the rule set's, in the reader's language), or "".
    pub refusal: String,
    /// The commission's text of the refusal as written, or "".
    pub refusal_text: String,
    /// The deposit as recorded, or "not paid".
    pub deposit: String,
    /// The amount due, or "".
    pub deposit_due: String,
    /// Whether "what is missing" is shown (while the nomination awaits a decision).
    pub show_missing: bool,
    /// What is missing for registration, each in words.
    pub missing: Vec<String>,
    /// The route's documents.
    pub documents: Vec<DocRow>,
    /// Attached files (the commission only).
    pub attachments: Vec<AttachmentRow>,
    /// The refusal grounds of the rule set (key, text).
    pub grounds: Vec<(String, String)>,
    /// The reasons of a cancellation (key, text).
    pub cancel_reasons: Vec<(String, String)>,
    /// A notice when the ballot must change.
    pub ballot_note: String,
}

/// The decision forms the reader may use (`None`: not shown).
#[derive(Default)]
pub struct DecisionForms {
    /// Tick a document.
    pub tick: Option<FormState>,
    /// Record the deposit.
    pub deposit: Option<FormState>,
    /// Register.
    pub register: Option<FormState>,
    /// Refuse.
    pub refuse: Option<FormState>,
    /// Cancel.
    pub cancel: Option<FormState>,
    /// Why a decision the reader could take is not offered now (its window closed or not yet
    /// open), each in words.
    pub closed: Vec<String>,
}

/// The signature sheets section (filled by `signatures.rs`).
pub struct SignaturesView {
    /// The protocol's counts (label, count).
    pub counts: Vec<(String, u64)>,
    /// Enough valid signatures.
    pub enough: bool,
    /// The verdict in words.
    pub verdict: String,
    /// Flagged lines ("sheet 1, line 3", reason).
    pub flagged: Vec<(String, String)>,
    /// The upload form (the commission).
    pub form: Option<FormState>,
    /// How to make the file.
    pub hint: String,
    /// The file's header row, verbatim (column names are the file's format).
    pub header: String,
}

#[derive(Template)]
#[template(path = "elections/nomination.html")]
struct ShowPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    v: View,
    forms: DecisionForms,
    signatures: Option<SignaturesView>,
    saved: Option<u64>,
}

const DEPOSIT_FIELDS: &[&str] = &["paid_on", "document_number", "amount"];
const DEPOSIT_LABELS: &[(&str, &str)] = &[
    ("paid_on", "el-deposit-paid-on"),
    ("document_number", "el-deposit-document"),
    ("amount", "el-deposit-amount"),
];
const REFUSE_FIELDS: &[&str] = &["ground", "text"];
const REFUSE_LABELS: &[(&str, &str)] =
    &[("ground", "el-refusal-ground"), ("text", "el-refusal-text")];
const CANCEL_FIELDS: &[&str] = &["reason", "text"];
const CANCEL_LABELS: &[(&str, &str)] =
    &[("reason", "el-cancel-reason"), ("text", "el-cancel-text")];

/// A size in bytes, for people: `12 КБ`.
fn size_text(ctx: &PageCtx, bytes: u64) -> String {
    ctx.tr_arg("el-size-kb", "size", bytes.div_ceil(1024))
}

async fn view_of(page: &Page, state: &WebState, nv: &NominationView) -> Result<View, Fail> {
    let ctx = &page.ctx;
    let n = &nv.nomination;
    let parties = state.app.store().parties().await?;
    let rules = super::rules_of(&nv.election)?;
    let (status, status_class) = status_text(ctx, &n.status);
    let name = full_name(n);
    let (decision, decision_body) = match &n.route {
        Route::Party { decision, .. } | Route::HigherAkimProposal { proposal: decision } => (
            ctx.tr_around(
                "el-decision-summary",
                &[
                    ("document", decision.number.clone()),
                    ("date", when::date(ctx.language(), decision.date)),
                    ("body", decision.body.clone()),
                ],
                "body",
            ),
            decision.body.clone(),
        ),
        Route::SelfNominated => ((String::new(), String::new()), String::new()),
    };
    let ground_text = |key: &str| {
        rules
            .ground(key)
            .map(|g| match ctx.lang {
                "kk" => g.kk.clone(),
                "en" => g.en.clone(),
                _ => g.ru.clone(),
            })
            .unwrap_or_default()
    };
    let (refusal, refusal_text) = match &n.status {
        Status::Refused { ground, text } => (ground_text(ground), text.clone()),
        _ => (String::new(), String::new()),
    };
    let deposit = match &n.deposit {
        Some(d) => ctx.tr_args(
            "el-deposit-paid",
            &[
                ("date", when::date(ctx.language(), d.paid_on)),
                ("document", d.document_number.clone()),
                ("amount", d.amount_tenge.to_string()),
            ],
        ),
        None => ctx.tr("el-deposit-none"),
    };
    let deposit_due = nv
        .deposit_required
        .map(|a| ctx.tr_arg("el-deposit-due", "amount", a))
        .unwrap_or_default();
    let see_files = page
        .principal()
        .is_some_and(|p| authorize_read(Some(p), Read::Attachments, &Target::default()).is_ok());
    let attachments = if see_files {
        n.attachments
            .iter()
            .map(|a| AttachmentRow {
                name: format!(
                    "{} ({})",
                    document_name(ctx, &a.document),
                    match a.file.media_type {
                        sailau_domain::elections::MediaType::Pdf => "PDF",
                        sailau_domain::elections::MediaType::Jpeg => "JPEG",
                        sailau_domain::elections::MediaType::Png => "PNG",
                    }
                ),
                size: size_text(ctx, a.file.size),
                sha256: a.file.sha256.clone(),
                href: format!("/elections/attachments/{}", a.file.sha256),
            })
            .collect()
    } else {
        Vec::new()
    };
    let contest = ctx.name_of(&nv.unit.names).to_owned();
    Ok(View {
        href: nomination_href(&n.id),
        title: ctx.tr_arg("el-nomination-title", "name", &name),
        name,
        contest_href: contest_href(&nv.election.id, &nv.contest.id),
        contest,
        status,
        status_class,
        route: route_text(ctx, n, &parties),
        born: n.candidate.person.birth_date.year().to_string(),
        post: n.candidate.post.clone(),
        incumbent: n.candidate.incumbent,
        residence: n.candidate.residence.clone(),
        decision,
        decision_body,
        refusal,
        refusal_text,
        deposit,
        deposit_due,
        show_missing: n.status == Status::Nominated,
        missing: nv.missing.0.iter().map(|e| ctx.rule(&e.rule)).collect(),
        documents: nv
            .required_documents
            .iter()
            .map(|d| DocRow {
                key: d.clone(),
                name: document_name(ctx, d),
                ticked: n.documents.contains(d),
            })
            .collect(),
        attachments,
        grounds: rules
            .refusal
            .grounds
            .iter()
            .map(|g| (g.key.clone(), ground_text(&g.key)))
            .collect(),
        cancel_reasons: vec![
            ("withdrawn".to_owned(), ctx.tr("el-cancel-withdrawn")),
            ("recalled".to_owned(), ctx.tr("el-cancel-recalled")),
        ],
        ballot_note: if nv.contest.ballot_changed {
            ctx.tr("el-ballot-changed")
        } else {
            String::new()
        },
    })
}

/// Which of the decision forms the reader may use, `given` the one that was just refused.
async fn forms_for(
    page: &Page,
    state: &WebState,
    nv: &NominationView,
    given: (&str, FormState),
) -> Result<DecisionForms, Fail> {
    let n = &nv.nomination;
    let target = nomination_target(state, &nv.contest.unit, n).await?;
    let p = page.principal();
    let pending = n.status == Status::Nominated;
    let (which, form) = given;
    let pick = |name: &str, fields: &[&'static str], labels: &[(&'static str, &'static str)]| {
        if which == name {
            form.clone()
        } else {
            FormState::new(fields).labelled(labels)
        }
    };
    // Documents, the deposit and the commission's decision belong to the route's registration
    // window, a withdrawal to its own: outside them the page says when the window closed (or
    // opens) instead of offering the form; a refused form is shown again with its errors.
    let calendar = super::calendar::of_contest(&nv.contest, &nv.election)?;
    let now = super::now(state);
    let mut closed = Vec::new();
    let mut in_window = |phase: Phase, name: &str, offered: bool| -> bool {
        if !offered {
            return false;
        }
        if which == name && form.has_errors() {
            return true;
        }
        match super::calendar::closed_notice(&page.ctx, &calendar, phase, now) {
            None => true,
            Some(notice) => {
                if !closed.contains(&notice) {
                    closed.push(notice);
                }
                false
            }
        }
    };
    let decision = n.route.kind().decision_phase();
    let tick = in_window(
        decision,
        "tick",
        pending && may(p, CommandKind::TickDocument, &target),
    );
    let deposit = in_window(
        decision,
        "deposit",
        pending && may(p, CommandKind::RecordDeposit, &target),
    );
    let register = in_window(
        decision,
        "register",
        pending && may(p, CommandKind::RegisterCandidate, &target),
    );
    let refuse = in_window(
        decision,
        "refuse",
        pending && may(p, CommandKind::RefuseRegistration, &target),
    );
    let cancel = in_window(
        Phase::Withdrawal,
        "cancel",
        n.status.is_active() && may(p, CommandKind::CancelRegistration, &target),
    );
    Ok(DecisionForms {
        tick: tick.then(|| pick("tick", &["document"], &[])),
        deposit: deposit.then(|| pick("deposit", DEPOSIT_FIELDS, DEPOSIT_LABELS)),
        register: register.then(|| pick("register", &[], &[])),
        refuse: refuse.then(|| pick("refuse", REFUSE_FIELDS, REFUSE_LABELS)),
        cancel: cancel.then(|| pick("cancel", CANCEL_FIELDS, CANCEL_LABELS)),
        closed,
    })
}

async fn show_page(
    page: &Page,
    state: &WebState,
    id: &sailau_domain::elections::NominationId,
    given: (&str, FormState),
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let nv = state.app.nomination(id).await?;
    let v = view_of(page, state, &nv).await?;
    let forms = forms_for(page, state, &nv, (given.0, given.1.clone())).await?;
    let signatures = super::signatures::section(page, state, &nv, given).await?;
    let mut crumbs = crumbs_root(ctx);
    crumbs.push((
        election_href(&nv.election.id),
        election_name(ctx, &nv.election),
    ));
    crumbs.push((v.contest_href.clone(), v.contest.clone()));
    crumbs.push((v.href.clone(), v.name.clone()));
    Ok(page.render(
        status,
        &ShowPage {
            ctx: ctx.clone(),
            crumbs,
            v,
            forms,
            signatures,
            saved,
        },
    ))
}

/// The nomination's page with one of its forms refused (`given`: which form, with its errors).
pub async fn show_with(
    page: &Page,
    state: &WebState,
    id: &sailau_domain::elections::NominationId,
    given: (&str, FormState),
    status: StatusCode,
) -> Result<Response, Fail> {
    show_page(page, state, id, given, None, status).await
}

/// GET /elections/nominations/{nomination}
pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let id = nomination_id(&id)?;
        show_page(
            &page,
            &state,
            &id,
            ("", FormState::default()),
            crate::pages::saved_index(&query),
            StatusCode::OK,
        )
        .await
    }
    .await;
    page.respond(result)
}

/// What a decision form's values became: the command to run, or, when some field did not
/// parse, the domain's errors of the rest (checked without writing, with stand-ins that break no
/// rule), so that every error shows at once.
type Built = Result<Issued, ValidationErrors>;

/// The one body of every decision form on a nomination's page: reads the form (CSRF checked),
/// lets `build` turn its values into a command (pushing onto the form the fields that do not
/// parse), runs it, and answers with the page at `anchor` and its saved notice, or with the page
/// and the form's errors next to its fields (`names` maps the domain's field names to the form's).
#[allow(clippy::too_many_arguments)]
async fn decision_form(
    page: Page,
    state: WebState,
    id: String,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
    (which, anchor): (&'static str, &'static str),
    names: &'static [(&'static str, &'static str)],
    build: impl FnOnce(&PageCtx, &NominationView, &HashMap<String, String>, &mut FormState) -> Built,
) -> Response {
    page.answer(async {
        let id = nomination_id(&id)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let nv = state.app.nomination(&id).await?;
        let mut form = FormState::filled(&[], &values);
        let errors = match build(&page.ctx, &nv, &values, &mut form) {
            Ok(command) => match execute(&page, &state, command).await? {
                Ok(index) => {
                    return Ok(see_other(&format!(
                        "{}?saved={index}#{anchor}",
                        nomination_href(&id)
                    )));
                }
                Err(errors) => errors,
            },
            Err(errors) => errors,
        };
        form.absorb(&page.ctx, &renamed(&errors, names));
        show_page(
            &page,
            &state,
            &id,
            (which, form),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    })
    .await
}

/// `command` to run, or (when `form` already holds errors) the domain's other errors of it.
fn run_or_check<C: Into<Issued>, T>(
    form: &FormState,
    command: C,
    check: impl FnOnce(&C) -> Result<T, ValidationErrors>,
) -> Built {
    if form.has_errors() {
        Err(check(&command).err().unwrap_or_default())
    } else {
        Ok(command.into())
    }
}

/// The text of a form field ("" when absent).
fn field<'a>(values: &'a HashMap<String, String>, name: &str) -> &'a str {
    values.get(name).map(String::as_str).unwrap_or("")
}

/// POST /elections/nominations/{nomination}/documents: ticks a document as submitted.
pub async fn tick(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    decision_form(
        page,
        state,
        id,
        headers,
        body,
        ("tick", "documents"),
        &[],
        |_, nv, values, form| {
            *form = FormState::filled(&["document"], values);
            Ok(TickDocument {
                nomination: nv.nomination.id,
                document: field(values, "document").to_owned(),
                present: true,
            }
            .into())
        },
    )
    .await
}

/// POST /elections/nominations/{nomination}/deposit
pub async fn deposit(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let now = super::now(&state);
    decision_form(
        page,
        state,
        id,
        headers,
        body,
        ("deposit", "deposit"),
        &[("amount_tenge", "amount")],
        move |ctx, nv, values, form| {
            *form = FormState::filled(DEPOSIT_FIELDS, values).labelled(DEPOSIT_LABELS);
            let paid_on = parse_date(field(values, "paid_on")).unwrap_or_else(|message| {
                form.push("paid_on", ctx.tr(message));
                jiff::civil::date(2000, 1, 1)
            });
            let amount = sailau_domain::text::parse_whole_number(field(values, "amount"))
                .unwrap_or_else(|rule| {
                    form.push("amount", ctx.rule(&rule));
                    nv.deposit_required.unwrap_or(0)
                });
            let command = RecordDeposit {
                nomination: nv.nomination.id,
                amount_tenge: amount,
                paid_on,
                document_number: field(values, "document_number").to_owned(),
            };
            run_or_check(form, command, |c| {
                c.validate(
                    &nv.nomination,
                    &nv.contest,
                    &nv.election,
                    now,
                    Edition::CURRENT,
                )
            })
        },
    )
    .await
}

/// A date as `YYYY-MM-DD` (what a date input sends), or the message key of the error.
pub fn parse_date(s: &str) -> Result<jiff::civil::Date, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("field-required");
    }
    if s.len() != 10 {
        return Err("el-date-invalid");
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|_| "el-date-invalid")
}

/// POST /elections/nominations/{nomination}/register
pub async fn register(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    decision_form(
        page,
        state,
        id,
        headers,
        body,
        ("register", "register"),
        &[],
        |_, nv, _, _| {
            Ok(RegisterCandidate {
                nomination: nv.nomination.id,
            }
            .into())
        },
    )
    .await
}

/// POST /elections/nominations/{nomination}/refuse
pub async fn refuse(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let now = super::now(&state);
    decision_form(
        page,
        state,
        id,
        headers,
        body,
        ("refuse", "refuse"),
        &[],
        move |ctx, nv, values, form| {
            *form = FormState::filled(REFUSE_FIELDS, values)
                .labelled(REFUSE_LABELS)
                .choices(&["ground"]);
            // No ground chosen: said as such, and the other rules checked without it.
            let chosen = !field(values, "ground").is_empty();
            if !chosen {
                form.required(ctx, "ground");
            }
            let command = RefuseRegistration {
                nomination: nv.nomination.id,
                ground: field(values, "ground").to_owned(),
                text: field(values, "text").to_owned(),
            };
            run_or_check(form, command, |c| {
                c.validate(
                    &nv.nomination,
                    &nv.contest,
                    &nv.election,
                    now,
                    Edition::CURRENT,
                )
                .map_err(|mut e| {
                    e.0.retain(|f| chosen || f.field != "ground");
                    e
                })
            })
        },
    )
    .await
}

/// POST /elections/nominations/{nomination}/cancel
pub async fn cancel(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let now = super::now(&state);
    decision_form(
        page,
        state,
        id,
        headers,
        body,
        ("cancel", "cancel"),
        &[],
        move |ctx, nv, values, form| {
            *form = FormState::filled(CANCEL_FIELDS, values)
                .labelled(CANCEL_LABELS)
                .choices(&["reason"]);
            let reason = match field(values, "reason") {
                "withdrawn" => CancelReason::Withdrawn,
                "recalled" => CancelReason::Recalled,
                "" => {
                    form.required(ctx, "reason");
                    CancelReason::Withdrawn
                }
                _ => {
                    form.push("reason", ctx.tr("el-cancel-reason-unknown"));
                    CancelReason::Withdrawn
                }
            };
            let command = CancelRegistration {
                nomination: nv.nomination.id,
                reason,
                text: field(values, "text").to_owned(),
            };
            run_or_check(form, command, |c| {
                c.validate(
                    &nv.nomination,
                    &nv.contest,
                    &nv.election,
                    now,
                    Edition::CURRENT,
                )
            })
        },
    )
    .await
}

/// GET /elections/attachments/{sha256}: an attached scan, for the commission.
pub async fn attachment(
    page: Page,
    State(state): State<WebState>,
    Path(sha256): Path<String>,
) -> Response {
    let result = async {
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Fail::NotFound);
        }
        let file = state.app.attachment(page.principal(), &sha256).await?;
        Ok((
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, file.media_type),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            file.bytes,
        )
            .into_response())
    }
    .await;
    page.respond(result)
}

/// A candidate's own nomination, as its account page lists it.
pub struct CandidacyRow {
    /// The nomination's page.
    pub href: String,
    /// The election's name.
    pub election: String,
    /// The contest's unit.
    pub unit: String,
    /// Status in words.
    pub status: String,
    /// Its badge class.
    pub status_class: &'static str,
    /// What is missing for registration, each in words (while it awaits a decision).
    pub missing: Vec<String>,
}

/// The nominations of a candidate's account (scope `person:…`): status and what is missing,
/// each linked to its page. Empty for every other account.
pub async fn own_candidacies(page: &Page, state: &WebState) -> Result<Vec<CandidacyRow>, Fail> {
    let ctx = &page.ctx;
    let Some(sailau_domain::Scope::Person { person }) = page.principal().map(|p| &p.scope) else {
        return Ok(Vec::new());
    };
    Ok(state
        .app
        .person_nominations(person)
        .await?
        .iter()
        .map(|nv| {
            let (status, status_class) = status_text(ctx, &nv.nomination.status);
            CandidacyRow {
                href: nomination_href(&nv.nomination.id),
                election: election_name(ctx, &nv.election),
                unit: ctx.name_of(&nv.unit.names).to_owned(),
                status,
                status_class,
                missing: if nv.nomination.status == Status::Nominated {
                    nv.missing.0.iter().map(|e| ctx.rule(&e.rule)).collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect())
}

/// An application on the workbench.
pub struct WorkRow {
    /// The nomination's page.
    pub href: String,
    /// The candidate.
    pub name: String,
    /// The contest's unit.
    pub unit: String,
    /// The candidate is the sitting akim of the unit (as the nomination declares).
    pub incumbent: bool,
    /// Who nominated.
    pub route: String,
    /// The days left in words.
    pub days: String,
    /// The badge class (red on the last days).
    pub days_class: &'static str,
    /// What is missing, each in words.
    pub missing: Vec<String>,
}

#[derive(Template)]
#[template(path = "elections/workbench.html")]
struct WorkbenchPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    rows: Vec<WorkRow>,
}

/// GET /elections/workbench: the applications awaiting the commission's decision, soonest
/// deadline first, with the days left.
pub async fn workbench(page: Page, State(state): State<WebState>) -> Response {
    let result = async {
        let ctx = &page.ctx;
        let Some(session) = &page.session else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        let items = state
            .app
            .workbench(&Acting::Account(session.principal.clone()))
            .await?;
        let parties = state.app.store().parties().await?;
        let at = super::now(&state);
        let rows = items
            .iter()
            .map(|i| {
                let closed = i.closes.at <= at;
                WorkRow {
                    href: nomination_href(&i.nomination.id),
                    name: full_name(&i.nomination),
                    unit: ctx.name_of(&i.unit.names).to_owned(),
                    incumbent: i.nomination.candidate.incumbent,
                    route: route_text(ctx, &i.nomination, &parties),
                    days: if closed {
                        ctx.tr("el-workbench-deadline-passed")
                    } else {
                        format!(
                            "{} ({})",
                            ctx.tr_count("el-workbench-days-left", i.days_left.max(0)),
                            ctx.tr_arg(
                                "el-calendar-to",
                                "when",
                                super::calendar::moment(ctx, &i.closes)
                            )
                        )
                    },
                    days_class: if closed || i.days_left <= 1 {
                        "badge--warn"
                    } else {
                        "badge--off"
                    },
                    missing: i.missing.0.iter().map(|e| ctx.rule(&e.rule)).collect(),
                }
            })
            .collect();
        let mut crumbs = crumbs_root(ctx);
        crumbs.push((String::new(), ctx.tr("el-workbench-title")));
        Ok(page.render(
            StatusCode::OK,
            &WorkbenchPage {
                ctx: ctx.clone(),
                crumbs,
                rows,
            },
        ))
    }
    .await;
    page.respond(result)
}

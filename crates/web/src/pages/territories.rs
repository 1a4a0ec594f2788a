//! Territories: the tree with a search box, one territory with its precincts, and the forms to
//! add a territory, add a precinct and import precincts from CSV.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_app::import::{ImportError, Kind};
use sailau_app::{Acting, AppError};
use sailau_domain::{
    CommandKind, Names, NewPrecinct, Precinct, Target, Territory, TerritoryCode, TerritoryKind,
};

use super::forms::see_other;
use super::{Fail, FormState, Page, PageCtx, check_form, code_of, form_map, may};
use crate::WebState;

/// One territory as lists show it.
pub struct TerritoryRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// Precincts in its subtree (when counted).
    pub precincts: u64,
    pub children: Vec<TerritoryRow>,
}

/// A precinct as tables show it.
pub struct PrecinctRow {
    pub region: String,
    pub number: u32,
    pub address: String,
    pub voters: u32,
    pub territory: String,
    pub territory_name: String,
}

impl PrecinctRow {
    pub fn of(p: &Precinct, territory_name: String) -> PrecinctRow {
        PrecinctRow {
            region: p.region_code.to_string(),
            number: p.number,
            address: p.address.clone(),
            voters: p.voters,
            territory: p.territory_code.to_string(),
            territory_name,
        }
    }
}

fn row(ctx: &PageCtx, t: &Territory) -> TerritoryRow {
    TerritoryRow {
        code: t.code.to_string(),
        name: ctx.name_of(&t.names).to_owned(),
        kind: ctx.kind_name(&t.kind),
        precincts: 0,
        children: Vec::new(),
    }
}

const TERRITORY_FIELDS: &[&str] = &["code", "kind", "name_ru", "name_kk", "name_en"];
const PRECINCT_FIELDS: &[&str] = &["number", "address", "voters"];

// ---------------------------------------------------------------- the tree

#[derive(Template)]
#[template(path = "territories.html")]
struct IndexPage {
    ctx: PageCtx,
    q: String,
    /// Search results (when `q` was given).
    results: Option<Vec<TerritoryRow>>,
    results_heading: String,
    tree: Vec<TerritoryRow>,
    total: usize,
    /// The form to add a top-level territory, for those allowed.
    form: Option<FormState>,
    kinds: Vec<(String, String)>,
    saved: Option<u64>,
}

pub async fn index(
    page: Page,
    State(state): State<WebState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let form = may(
        page.principal(),
        CommandKind::CreateTerritory,
        &Target::default(),
    )
    .then(|| FormState::new(TERRITORY_FIELDS));
    let result = index_page(&page, &state, &query, form, StatusCode::OK).await;
    page.respond(result)
}

async fn index_page(
    page: &Page,
    state: &WebState,
    query: &HashMap<String, String>,
    form: Option<FormState>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    let all = store.territories().await?;
    let q: String = query
        .get("q")
        .map(|s| s.trim().chars().take(100).collect())
        .unwrap_or_default();
    let results: Option<Vec<TerritoryRow>> = if q.is_empty() {
        None
    } else {
        Some(
            store
                .search_territories(&q, 200)
                .await?
                .iter()
                .map(|t| row(ctx, t))
                .collect(),
        )
    };
    // Precincts per territory, counted once over every region.
    let mut direct: HashMap<String, u64> = HashMap::new();
    for region in all.iter().filter(|t| t.parent_code.is_none()) {
        for p in store
            .precincts_in_region(&region.code, u32::MAX / 2, 0)
            .await?
        {
            *direct.entry(p.territory_code.to_string()).or_default() += 1;
        }
    }
    let mut children: BTreeMap<Option<String>, Vec<&Territory>> = BTreeMap::new();
    for t in &all {
        children
            .entry(t.parent_code.as_ref().map(ToString::to_string))
            .or_default()
            .push(t);
    }
    fn build(
        ctx: &PageCtx,
        t: &Territory,
        children: &BTreeMap<Option<String>, Vec<&Territory>>,
        direct: &HashMap<String, u64>,
        depth: usize,
    ) -> TerritoryRow {
        let mut r = row(ctx, t);
        let kids = children
            .get(&Some(t.code.to_string()))
            .cloned()
            .unwrap_or_default();
        r.children = if depth < 8 {
            kids.iter()
                .map(|k| build(ctx, k, children, direct, depth + 1))
                .collect()
        } else {
            Vec::new()
        };
        r.precincts = direct.get(&r.code).copied().unwrap_or(0)
            + r.children.iter().map(|c| c.precincts).sum::<u64>();
        r
    }
    let tree = children
        .get(&None)
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|t| build(ctx, t, &children, &direct, 0))
        .collect();
    let kinds = TerritoryKind::ALL
        .iter()
        .filter(|k| k.is_top_level())
        .map(|k| (k.as_str().to_owned(), ctx.kind_name(k)))
        .collect();
    let results_heading = match &results {
        Some(r) if r.is_empty() => ctx.tr_arg("territories-search-none", "query", &q),
        Some(r) => ctx.tr_args(
            "territories-search-results",
            &[("count", r.len().to_string()), ("query", q.clone())],
        ),
        None => String::new(),
    };
    Ok(page.render(
        status,
        &IndexPage {
            ctx: ctx.clone(),
            q,
            results,
            results_heading,
            tree,
            total: all.len(),
            form,
            kinds,
            saved: super::saved_index(query),
        },
    ))
}

/// POST /territories: a new top-level territory (a region or a city of republican significance).
pub async fn add_top_level(
    page: Page,
    State(state): State<WebState>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let result = async {
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let mut form = FormState::filled(TERRITORY_FIELDS, &values);
        let Some(territory) = territory_of(&page.ctx, &values, None, &mut form) else {
            return index_page(
                &page,
                &state,
                &HashMap::new(),
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        };
        let code = territory.code.to_string();
        match execute(
            &page,
            &state,
            sailau_domain::registry::CreateTerritory { territory }.into(),
        )
        .await?
        {
            Ok(index) => Ok(see_other(&format!("/territories/{code}?saved={index}"))),
            Err(errors) => {
                form.absorb(&page.ctx, &errors);
                index_page(
                    &page,
                    &state,
                    &HashMap::new(),
                    Some(form),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    }
    .await;
    page.respond(result)
}

/// Parses the territory form; records parse errors in `form` and gives `None` when there are any.
fn territory_of(
    ctx: &PageCtx,
    values: &HashMap<String, String>,
    parent: Option<&TerritoryCode>,
    form: &mut FormState,
) -> Option<Territory> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let code = match TerritoryCode::parse(get("code")) {
        Ok(c) => Some(c),
        Err(rule) => {
            let rule = if get("code").trim().is_empty() {
                sailau_domain::Rule::FieldRequired
            } else {
                rule
            };
            form.push("code", ctx.rule(&rule));
            None
        }
    };
    let kind = match get("kind").parse::<TerritoryKind>() {
        Ok(k) => Some(k),
        Err(rule) => {
            let rule = if get("kind").trim().is_empty() {
                sailau_domain::Rule::FieldRequired
            } else {
                rule
            };
            form.push("kind", ctx.rule(&rule));
            None
        }
    };
    Some(Territory {
        code: code?,
        parent_code: parent.cloned(),
        kind: kind?,
        names: Names {
            ru: get("name_ru").to_owned(),
            kk: get("name_kk").to_owned(),
            en: get("name_en").to_owned(),
        },
    })
}

/// Runs a command for the signed-in user: `Ok(Ok(index))` when accepted, `Ok(Err(errors))` when
/// the domain refused the input, `Err` when forbidden or failed.
pub async fn execute(
    page: &Page,
    state: &WebState,
    command: sailau_domain::Issued,
) -> Result<Result<u64, sailau_domain::ValidationErrors>, Fail> {
    let Some(session) = &page.session else {
        return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
    };
    match state
        .app
        .execute(&Acting::Account(session.principal.clone()), command)
        .await
    {
        Ok(applied) => Ok(Ok(applied.index)),
        Err(AppError::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- one territory

#[derive(Template)]
#[template(path = "territory.html")]
struct ShowPage {
    ctx: PageCtx,
    territory: TerritoryRow,
    names: Names,
    crumbs: Vec<TerritoryRow>,
    children: Vec<TerritoryRow>,
    precincts: Vec<PrecinctRow>,
    subtree_precincts: u64,
    subtree_voters: u64,
    direct_voters: u64,
    child_form: Option<FormState>,
    child_kinds: Vec<(String, String)>,
    precinct_form: Option<FormState>,
    import_form: Option<ImportForm>,
    saved: Option<u64>,
    imported: Option<u64>,
}

/// The CSV import form: errors by line.
#[derive(Default)]
pub struct ImportForm {
    /// An error about the upload itself (no file, unreadable, bad header).
    pub file_error: String,
    /// One message per bad row (already "Line N: …").
    pub rows: Vec<String>,
    /// Rows not listed (beyond the first few hundred).
    pub more: usize,
}

/// The forms of a territory page, when re-rendered after a refused submission.
#[derive(Default)]
struct Forms {
    child: Option<FormState>,
    precinct: Option<FormState>,
    import: Option<ImportForm>,
}

pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let code = code_of(&code)?;
        show_page(
            &page,
            &state,
            &code,
            &query,
            Forms::default(),
            StatusCode::OK,
        )
        .await
    }
    .await;
    page.respond(result)
}

async fn show_page(
    page: &Page,
    state: &WebState,
    code: &TerritoryCode,
    query: &HashMap<String, String>,
    forms: Forms,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    let territory = store.territory(code).await?.ok_or(Fail::NotFound)?;
    let ancestors = store.territory_ancestors(code).await?;
    let mut path: Vec<TerritoryCode> = ancestors.iter().map(|t| t.code.clone()).collect();
    path.push(code.clone());
    let children = store.territory_children(Some(code)).await?;
    let mut child_rows = Vec::with_capacity(children.len());
    for c in &children {
        let mut r = row(ctx, c);
        r.precincts = store.territory_stats(&c.code).await?.precincts;
        child_rows.push(r);
    }
    let precincts = store.precincts_of(code).await?;
    let stats = store.territory_stats(code).await?;
    let name = ctx.name_of(&territory.names).to_owned();
    let target = Target {
        territory_path: path.clone(),
        ..Target::default()
    };
    let child_kinds: Vec<(String, String)> = TerritoryKind::ALL
        .iter()
        .filter(|k| k.allowed_parents().contains(&territory.kind))
        .map(|k| (k.as_str().to_owned(), ctx.kind_name(k)))
        .collect();
    let may_add_child =
        !child_kinds.is_empty() && may(page.principal(), CommandKind::CreateTerritory, &target);
    let may_add_precinct = territory.kind.hosts_precincts()
        && may(page.principal(), CommandKind::CreatePrecinct, &target);
    let may_import = may(page.principal(), CommandKind::CreatePrecinct, &target);
    let Forms {
        child,
        precinct,
        import,
    } = forms;
    let direct_voters = precincts.iter().map(|p| u64::from(p.voters)).sum();
    Ok(page.render(
        status,
        &ShowPage {
            ctx: ctx.clone(),
            territory: row(ctx, &territory),
            names: territory.names.clone(),
            crumbs: ancestors.iter().map(|t| row(ctx, t)).collect(),
            children: child_rows,
            precincts: precincts
                .iter()
                .map(|p| PrecinctRow::of(p, name.clone()))
                .collect(),
            subtree_precincts: stats.precincts,
            subtree_voters: stats.voters,
            direct_voters,
            child_form: may_add_child
                .then(|| child.unwrap_or_else(|| FormState::new(TERRITORY_FIELDS))),
            child_kinds,
            precinct_form: may_add_precinct
                .then(|| precinct.unwrap_or_else(|| FormState::new(PRECINCT_FIELDS))),
            import_form: may_import.then(|| import.unwrap_or_default()),
            saved: super::saved_index(query),
            imported: query.get("imported").and_then(|s| s.parse().ok()),
        },
    ))
}

/// The territory page re-rendered with a refused form (422).
async fn refuse(
    page: &Page,
    state: &WebState,
    code: &TerritoryCode,
    forms: Forms,
) -> Result<Response, Fail> {
    show_page(
        page,
        state,
        code,
        &HashMap::new(),
        forms,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// 404 unless the territory exists.
async fn existing(state: &WebState, code: &TerritoryCode) -> Result<(), Fail> {
    state
        .app
        .store()
        .territory(code)
        .await?
        .ok_or(Fail::NotFound)?;
    Ok(())
}

/// A form POSTed to an existing territory's page: its code and the form's values, once the
/// code parses, the form parses, its CSRF token holds and the territory exists.
async fn posted(
    page: &Page,
    state: &WebState,
    code: &str,
    headers: &HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Result<(TerritoryCode, HashMap<String, String>), Fail> {
    let code = code_of(code)?;
    let values = form_map(body)?;
    check_form(page, headers, &values)?;
    existing(state, &code).await?;
    Ok((code, values))
}

/// POST /territories/{code}/children
pub async fn add_child(
    page: Page,
    State(state): State<WebState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let result = async {
        let (parent, values) = posted(&page, &state, &code, &headers, body).await?;
        let mut form = FormState::filled(TERRITORY_FIELDS, &values);
        let refused = |form: FormState| Forms {
            child: Some(form),
            ..Forms::default()
        };
        let Some(territory) = territory_of(&page.ctx, &values, Some(&parent), &mut form) else {
            return refuse(&page, &state, &parent, refused(form)).await;
        };
        let new_code = territory.code.to_string();
        match execute(
            &page,
            &state,
            sailau_domain::registry::CreateTerritory { territory }.into(),
        )
        .await?
        {
            Ok(index) => Ok(see_other(&format!("/territories/{new_code}?saved={index}"))),
            Err(mut errors) => {
                // The parent is the page itself: a parent-kind error is about the kind chosen.
                for e in &mut errors.0 {
                    if e.field == "parent_code" {
                        e.field = "kind".into();
                    }
                }
                form.absorb(&page.ctx, &errors);
                refuse(&page, &state, &parent, refused(form)).await
            }
        }
    }
    .await;
    page.respond(result)
}

/// Parses a whole number for a form field; `None` (and an error in `form`) when it is not one.
pub fn number_field(
    ctx: &PageCtx,
    form: &mut FormState,
    field: &str,
    value: &str,
    invalid: sailau_domain::Rule,
) -> Option<u32> {
    let v = value.trim();
    if v.is_empty() {
        form.push(field, ctx.rule(&sailau_domain::Rule::FieldRequired));
        return None;
    }
    match v.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            form.push(field, ctx.rule(&invalid));
            None
        }
    }
}

/// POST /territories/{code}/precincts
pub async fn add_precinct(
    page: Page,
    State(state): State<WebState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let result = async {
        let (territory, values) = posted(&page, &state, &code, &headers, body).await?;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = FormState::filled(PRECINCT_FIELDS, &values);
        let number = number_field(
            &page.ctx,
            &mut form,
            "number",
            get("number"),
            sailau_domain::Rule::PrecinctNumberFormat,
        );
        let voters = number_field(
            &page.ctx,
            &mut form,
            "voters",
            get("voters"),
            sailau_domain::Rule::VotersOutOfRange {
                max: sailau_domain::precinct::MAX_VOTERS,
            },
        );
        let refused = |form: FormState| Forms {
            precinct: Some(form),
            ..Forms::default()
        };
        let (Some(number), Some(voters)) = (number, voters) else {
            return refuse(&page, &state, &territory, refused(form)).await;
        };
        let command = sailau_domain::registry::CreatePrecinct {
            precinct: NewPrecinct {
                number,
                territory_code: territory.clone(),
                address: get("address").to_owned(),
                voters,
            },
        }
        .into();
        match execute(&page, &state, command).await? {
            Ok(index) => Ok(see_other(&format!(
                "/territories/{territory}?saved={index}#precincts"
            ))),
            Err(errors) => {
                form.absorb(&page.ctx, &errors);
                refuse(&page, &state, &territory, refused(form)).await
            }
        }
    }
    .await;
    page.respond(result)
}

/// How many bad rows an import page lists.
const MAX_LISTED: usize = 300;

/// POST /territories/{code}/import (multipart: `csrf`, `file`)
pub async fn import(
    page: Page,
    State(state): State<WebState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let result = async {
        let territory = code_of(&code)?;
        let mut multipart = multipart.map_err(|_| Fail::BadRequest)?;
        let mut csrf = String::new();
        let mut file: Option<(String, Vec<u8>)> = None;
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => {
                    return Err(if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                        Fail::TooLarge
                    } else {
                        Fail::BadRequest
                    });
                }
            };
            let name = field.name().unwrap_or_default().to_owned();
            let filename = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|e| {
                if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    Fail::TooLarge
                } else {
                    Fail::BadRequest
                }
            })?;
            match name.as_str() {
                "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
                "file" => file = Some((filename, bytes.to_vec())),
                _ => {}
            }
        }
        let mut values = HashMap::new();
        values.insert("csrf".to_owned(), csrf);
        check_form(&page, &headers, &values)?;
        existing(&state, &territory).await?;
        let ctx = &page.ctx;
        let mut form = ImportForm::default();
        let rows = match file {
            Some((_, bytes)) if bytes.is_empty() => {
                form.file_error = ctx.tr("file-required");
                None
            }
            None => {
                form.file_error = ctx.tr("file-required");
                None
            }
            Some((name, bytes)) => {
                let parsed = if name.to_ascii_lowercase().ends_with(".xlsx") {
                    sailau_app::import::read_xlsx(Kind::Precincts, &bytes)
                } else {
                    sailau_app::import::read_csv(Kind::Precincts, &bytes)
                };
                match parsed {
                    Ok(rows) if rows.is_empty() => {
                        form.file_error = ctx.tr("csv-empty");
                        None
                    }
                    Ok(rows) => Some(rows),
                    Err(e) => {
                        import_errors(ctx, e, &mut form)?;
                        None
                    }
                }
            }
        };
        let refused = |form: ImportForm| Forms {
            import: Some(form),
            ..Forms::default()
        };
        let Some(rows) = rows else {
            return refuse(&page, &state, &territory, refused(form)).await;
        };
        let Some(session) = &page.session else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        match state
            .app
            .import(
                &Acting::Account(session.principal.clone()),
                rows,
                &|_, _| {},
            )
            .await
        {
            Ok(n) => Ok(see_other(&format!(
                "/territories/{territory}?imported={n}#precincts"
            ))),
            Err(e) => {
                import_errors(ctx, e, &mut form)?;
                refuse(&page, &state, &territory, refused(form)).await
            }
        }
    }
    .await;
    page.respond(result)
}

/// Puts an import's errors into the form, translated; a failure of the system is returned.
fn import_errors(ctx: &PageCtx, e: ImportError, form: &mut ImportForm) -> Result<(), Fail> {
    match e {
        ImportError::Empty => form.file_error = ctx.tr("csv-empty"),
        ImportError::Header { expected } => {
            form.file_error = ctx.tr_arg("csv-header-invalid", "expected", expected)
        }
        ImportError::Read(reason) => {
            form.file_error = if reason.contains("UTF-8") {
                ctx.tr("csv-encoding")
            } else {
                ctx.tr_args("csv-unreadable", &[("reason", reason)])
            }
        }
        ImportError::Rows(rows) => {
            form.more = rows.len().saturating_sub(MAX_LISTED);
            for r in rows.into_iter().take(MAX_LISTED) {
                let reason = match &r.rule {
                    Some(rule) => ctx.rule(rule),
                    None if r.message.contains("UTF-8") => ctx.tr("csv-encoding"),
                    None => r.message.clone(),
                };
                let reason = if r.field.is_empty() {
                    reason
                } else {
                    format!("{}: {reason}", r.field)
                };
                form.rows.push(ctx.tr_args(
                    "csv-row-invalid",
                    &[("line", r.line.to_string()), ("reason", reason)],
                ));
            }
        }
        ImportError::App(e) => return Err(e.into()),
    }
    Ok(())
}

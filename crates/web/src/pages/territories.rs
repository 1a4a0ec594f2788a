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
    page.answer(async {
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        match create_territory(&page, &state, &values, None).await? {
            Ok((code, index)) => Ok(see_other(&format!("/territories/{code}?saved={index}"))),
            Err(form) => {
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
    })
    .await
}

/// The territory form, submitted: `Ok((code, ledger index))` when the territory was added, or
/// the form with every broken rule at once.
///
/// Parsing (code, kind) and the domain's rules (code taken, names, kind under the parent) are
/// checked together: when a field does not parse, the domain's checks still run on the fields
/// that do (a value that breaks no rule stands in for the unparsed one, and its errors are left
/// out), so the reader never fixes one round of errors only to meet the next.
async fn create_territory(
    page: &Page,
    state: &WebState,
    values: &HashMap<String, String>,
    parent: Option<&TerritoryCode>,
) -> Result<Result<(String, u64), FormState>, Fail> {
    let ctx = &page.ctx;
    let mut form = FormState::filled(TERRITORY_FIELDS, values).choices(&["kind"]);
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let code = parsed(ctx, &mut form, "code", get("code"), TerritoryCode::parse);
    let kind = parsed(ctx, &mut form, "kind", get("kind"), |s| {
        s.parse::<TerritoryKind>()
    });
    let names = Names {
        ru: get("name_ru").to_owned(),
        kk: get("name_kk").to_owned(),
        en: get("name_en").to_owned(),
    };
    let store = state.app.store();
    let parent_territory = match parent {
        Some(p) => store.territory(p).await?,
        None => None,
    };
    if let (Some(code), Some(kind)) = (&code, kind) {
        let territory = Territory {
            code: code.clone(),
            parent_code: parent.cloned(),
            kind,
            names,
        };
        return match execute(
            page,
            state,
            sailau_domain::registry::CreateTerritory { territory }.into(),
        )
        .await?
        {
            Ok(index) => Ok(Ok((code.to_string(), index))),
            Err(errors) => {
                form.absorb(ctx, &territory_errors_on_fields(errors, code, parent));
                Ok(Err(form))
            }
        };
    }
    // Some field did not parse: check the others without writing anything.
    let code_taken = match &code {
        Some(c) => store.territory(c).await?.is_some(),
        None => false,
    };
    let stand_in_kind = kind.or_else(|| {
        TerritoryKind::ALL
            .into_iter()
            .find(|k| match &parent_territory {
                Some(p) => k.allowed_parents().contains(&p.kind),
                None => k.is_top_level(),
            })
    });
    let stand_in_code = code.clone().or_else(|| {
        ["000000000", "000000001"]
            .into_iter()
            .filter_map(|c| TerritoryCode::parse(c).ok())
            .find(|c| Some(c) != parent)
    });
    if let (Some(stand_in_code), Some(stand_in_kind)) = (stand_in_code, stand_in_kind) {
        let candidate = Territory {
            code: stand_in_code.clone(),
            parent_code: parent.cloned(),
            kind: stand_in_kind,
            names,
        };
        if let Err(errors) = candidate.validate_new(code_taken, parent_territory.as_ref()) {
            let mut errors = territory_errors_on_fields(errors, &stand_in_code, parent);
            errors.0.retain(|e| {
                !(code.is_none() && e.field == "code" || kind.is_none() && e.field == "kind")
            });
            form.absorb(ctx, &errors);
        }
    } else {
        form.absorb(ctx, &names.validated().err().unwrap_or_default());
    }
    Ok(Err(form))
}

/// Puts the territory rules on the form's fields: a kind that cannot sit under the parent is the
/// kind's error; a code equal to its parent's is already "code taken".
fn territory_errors_on_fields(
    mut errors: sailau_domain::ValidationErrors,
    code: &TerritoryCode,
    parent: Option<&TerritoryCode>,
) -> sailau_domain::ValidationErrors {
    let self_parent = parent == Some(code);
    errors.0.retain(|e| {
        !(self_parent && e.field == "parent_code" && e.rule == sailau_domain::Rule::ParentMissing)
    });
    for e in &mut errors.0 {
        if e.field == "parent_code"
            && matches!(e.rule, sailau_domain::Rule::ParentKindInvalid { .. })
        {
            e.field = "kind".into();
        }
    }
    errors
}

/// Parses one field; records "required" or the parse rule in `form` and gives `None` when it fails.
fn parsed<T>(
    ctx: &PageCtx,
    form: &mut FormState,
    field: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, sailau_domain::Rule>,
) -> Option<T> {
    if value.trim().is_empty() {
        form.required(ctx, field);
        return None;
    }
    match parse(value) {
        Ok(v) => Some(v),
        Err(rule) => {
            form.push(field, ctx.rule(&rule));
            None
        }
    }
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
    /// The encoding an imported file was read in, when it was not UTF-8.
    read_as: Option<String>,
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
    page.answer(async {
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
    })
    .await
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
            read_as: query
                .get("read_as")
                .filter(|e| matches!(e.as_str(), "Windows-1251" | "UTF-16LE" | "UTF-16BE"))
                .cloned(),
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
    page.answer(async {
        let (parent, values) = posted(&page, &state, &code, &headers, body).await?;
        match create_territory(&page, &state, &values, Some(&parent)).await? {
            Ok((new_code, index)) => {
                Ok(see_other(&format!("/territories/{new_code}?saved={index}")))
            }
            Err(form) => {
                let forms = Forms {
                    child: Some(form),
                    ..Forms::default()
                };
                refuse(&page, &state, &parent, forms).await
            }
        }
    })
    .await
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
    // Numbers as people write them: `1 000` (also with a no-break space) is 1000; `1,5` is refused.
    match sailau_domain::text::parse_whole_number(v).map(u32::try_from) {
        Ok(Ok(n)) => Some(n),
        Err(rule @ sailau_domain::Rule::NumberNotWhole) => {
            form.push(field, ctx.rule(&rule));
            None
        }
        _ => {
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
    page.answer(async {
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
            // Check the rest without writing, so that every broken rule shows at once.
            let errors =
                precinct_precheck(&state, &territory, number, get("address"), voters).await?;
            form.absorb(&page.ctx, &errors);
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
    })
    .await
}

/// The domain's rules for a new precinct whose number or voters did not parse, checked on the
/// fields that did (a number and a count that break no rule stand in for the others, and their
/// errors are left out). Nothing is written.
async fn precinct_precheck(
    state: &WebState,
    territory_code: &TerritoryCode,
    number: Option<u32>,
    address: &str,
    voters: Option<u32>,
) -> Result<sailau_domain::ValidationErrors, Fail> {
    let store = state.app.store();
    let territory = store.territory(territory_code).await?;
    let region = match store.territory_ancestors(territory_code).await?.first() {
        Some(r) => Some(r.code.clone()),
        None => territory.as_ref().map(|t| t.code.clone()),
    };
    let taken = match (&region, number) {
        (Some(region_code), Some(number)) => store
            .precinct(&sailau_domain::PrecinctRef {
                region_code: region_code.clone(),
                number,
            })
            .await?
            .is_some(),
        _ => false,
    };
    let candidate = NewPrecinct {
        number: number.unwrap_or(1),
        territory_code: territory_code.clone(),
        address: address.to_owned(),
        voters: voters.unwrap_or(0),
    };
    let mut errors = candidate
        .validate(territory.as_ref(), region.as_ref(), taken)
        .err()
        .unwrap_or_default();
    errors.0.retain(|e| {
        !(number.is_none() && e.field == "number" || voters.is_none() && e.field == "voters")
    });
    Ok(errors)
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
    page.answer(async {
        let territory = code_of(&code)?;
        existing(&state, &territory).await?;
        // Authorize before the body is read or parsed: an observer's upload is refused at once.
        let mut territory_path: Vec<TerritoryCode> = state
            .app
            .store()
            .territory_ancestors(&territory)
            .await?
            .into_iter()
            .map(|t| t.code)
            .collect();
        territory_path.push(territory.clone());
        let target = Target {
            territory_path,
            ..Target::default()
        };
        sailau_domain::authorize(page.principal(), CommandKind::CreatePrecinct, &target)
            .map_err(|d| Fail::Forbidden(Some(d)))?;
        let mut multipart = multipart.map_err(|_| Fail::BadRequest)?;
        let mut csrf = String::new();
        let mut file: Option<(String, Vec<u8>)> = None;
        let mut too_large = false;
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    too_large = true;
                    break;
                }
                Err(_) => return Err(Fail::BadRequest),
            };
            let name = field.name().unwrap_or_default().to_owned();
            let filename = field.file_name().unwrap_or_default().to_owned();
            let bytes = match field.bytes().await {
                Ok(b) => b,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    too_large = true;
                    break;
                }
                Err(_) => return Err(Fail::BadRequest),
            };
            match name.as_str() {
                "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
                "file" => file = Some((filename, bytes.to_vec())),
                _ => {}
            }
        }
        let ctx = &page.ctx;
        let mut form = ImportForm::default();
        let refused = |form: ImportForm| Forms {
            import: Some(form),
            ..Forms::default()
        };
        if too_large {
            // The page answers with the limit, not a bare error. Nothing changes, so no CSRF
            // check is needed (the token may not have been read: a body announced too large is
            // refused before its first byte), and the account was authorized above.
            form.file_error =
                ctx.tr_arg("import-too-large", "max", super::MAX_UPLOAD / (1024 * 1024));
            return show_page(
                &page,
                &state,
                &territory,
                &HashMap::new(),
                refused(form),
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
        let mut values = HashMap::new();
        values.insert("csrf".to_owned(), csrf);
        check_form(&page, &headers, &values)?;
        let mut read_as = None;
        let rows = match file {
            None => {
                form.file_error = ctx.tr("file-required");
                None
            }
            Some((name, _)) if name.is_empty() => {
                form.file_error = ctx.tr("file-required");
                None
            }
            Some((_, bytes)) if bytes.is_empty() => {
                form.file_error = ctx.tr("file-empty");
                None
            }
            Some((name, bytes)) => {
                let format = sailau_app::import::Format::guess(&name, &bytes);
                let Some(session) = &page.session else {
                    return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
                };
                // Parsed off the async workers; with rows that do not parse, the rows outside
                // the account's scope are named too.
                let acting = Acting::Account(session.principal.clone());
                let parsed = state
                    .app
                    .read_import(&acting, Kind::Precincts, format, bytes)
                    .await;
                match parsed {
                    Ok(p) if p.rows.is_empty() => {
                        form.file_error = ctx.tr("csv-empty");
                        None
                    }
                    Ok(p) => {
                        read_as = p.encoding;
                        Some(p.rows)
                    }
                    Err(e) => {
                        import_errors(ctx, e, &mut form)?;
                        None
                    }
                }
            }
        };
        let Some(rows) = rows else {
            return refuse(&page, &state, &territory, refused(form)).await;
        };
        let Some(session) = &page.session else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        // The commands run here rather than through `App::import`, so that a refused row keeps
        // its typed error (a refusal of authorization, say) and is told in the reader's language.
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        let commands = rows.into_iter().map(|r| r.command).collect();
        match state
            .app
            .execute_all_or_nothing(
                &Acting::Account(session.principal.clone()),
                commands,
                &|_, _| {},
            )
            .await
        {
            Ok(applied) => {
                let read_as = read_as.map(|e| format!("&read_as={e}")).unwrap_or_default();
                Ok(see_other(&format!(
                    "/territories/{territory}?imported={}{read_as}#precincts",
                    applied.len()
                )))
            }
            Err(e) => {
                refused_rows(ctx, e, &lines, &mut form)?;
                refuse(&page, &state, &territory, refused(form)).await
            }
        }
    })
    .await
}

/// Puts an import's errors into the form, translated; a failure of the system is returned.
pub(crate) fn import_errors(
    ctx: &PageCtx,
    e: ImportError,
    form: &mut ImportForm,
) -> Result<(), Fail> {
    match e {
        ImportError::Rows(_) | ImportError::RowsAndRefusals { .. } => {
            let rows = ctx.import_rows(&e);
            form.more = rows.len().saturating_sub(MAX_LISTED);
            form.rows.extend(rows.into_iter().take(MAX_LISTED));
        }
        ImportError::App(e) => return Err(e.into()),
        other => form.file_error = ctx.import_error(&other),
    }
    Ok(())
}

/// Puts the refusals of imported rows into the form (each with the line its command came from);
/// a failure of the system is returned.
fn refused_rows(
    ctx: &PageCtx,
    e: AppError,
    lines: &[usize],
    form: &mut ImportForm,
) -> Result<(), Fail> {
    let items = match e {
        AppError::Rows(rows) => rows,
        AppError::Batch { position, error } if error.is_client_error() => {
            vec![(position, *error)]
        }
        other => return Err(other.into()),
    };
    let mut messages = Vec::new();
    for (position, error) in &items {
        let line = lines.get(*position).copied().unwrap_or(0);
        match error {
            AppError::Invalid(v) => {
                messages.extend(v.0.iter().map(|f| {
                    ctx.line_message(line, &ctx.field_message(&f.field, &ctx.rule(&f.rule)))
                }))
            }
            other => messages.push(ctx.line_message(line, &ctx.app_error(other))),
        }
    }
    form.more = messages.len().saturating_sub(MAX_LISTED);
    form.rows.extend(messages.into_iter().take(MAX_LISTED));
    Ok(())
}

//! A party's branches as a tree with their secretaries, and a branch's page: its members, its
//! conferences, convening the next one (its number shown before it is convened) and importing the
//! member file (CSV or XLSX, every bad row listed at once, nothing imported unless all are good).

use std::collections::HashMap;

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_app::Acting;
use sailau_domain::party::commands::{ConferenceId, ConferenceKind, ConveneConference};
use sailau_domain::party::numbering::conference_number;
use sailau_domain::party::vote::PartyRules;
use sailau_domain::{CommandKind, Party, Role, Rule, Scope, TerritoryCode};

use super::{branch_href, branch_of, branch_target, conference_href, crumbs_root, party_of};
use crate::WebState;
use crate::pages::elections::upload;
use crate::pages::forms::see_other;
use crate::pages::territories::{ImportForm, execute, import_errors};
use crate::pages::{Fail, FormState, Page, PageCtx, check_form, form_map, may};

/// One branch in the tree.
pub struct BranchNode {
    /// The branch page.
    pub href: String,
    /// The territory's name in the page's language.
    pub name: String,
    /// The territory's kind in words.
    pub kind: String,
    /// How deep in the tree (0: a branch with no branch above it).
    pub depth: usize,
    /// The secretaries whose scope is this branch (usernames and display names).
    pub secretaries: Vec<String>,
    /// Members recorded in the branch.
    pub members: u64,
    /// Conferences convened in sailau.
    pub conferences: usize,
    /// The region's pipeline dashboard, for a branch of a region or a city of republican
    /// significance ("" otherwise).
    pub dashboard: String,
}

#[derive(Template)]
#[template(path = "party/branches.html")]
struct TreePage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    party: String,
    nodes: Vec<BranchNode>,
    party_secretaries: Vec<String>,
}

fn secretary_name(a: &sailau_domain::Account) -> String {
    if a.display_name.is_empty() {
        a.username.to_string()
    } else {
        format!("{} ({})", a.display_name, a.username)
    }
}

/// GET /party/{party}/branches
pub async fn tree(
    page: Page,
    State(state): State<WebState>,
    Path(party): Path<String>,
) -> Response {
    page.answer(async {
        let ctx = &page.ctx;
        let code = party_of(&party)?;
        let store = state.app.store();
        let p = store.party(&code).await?.ok_or(Fail::NotFound)?;
        let accounts = store.accounts().await?;
        let mut by_branch: HashMap<String, Vec<String>> = HashMap::new();
        let mut party_secretaries = Vec::new();
        for a in accounts
            .iter()
            .filter(|a| a.active && a.role == Role::PartySecretary)
        {
            if let Scope::Party { party, territory } = &a.scope
                && party == &code
            {
                match territory {
                    Some(t) => by_branch
                        .entry(t.to_string())
                        .or_default()
                        .push(secretary_name(a)),
                    None => party_secretaries.push(secretary_name(a)),
                }
            }
        }
        let branches = store.branches_of(&code).await?;
        let codes: Vec<TerritoryCode> = branches.iter().map(|b| b.territory_code.clone()).collect();
        // Each branch under its nearest ancestor that is a branch too: sorted by the path of
        // branch codes from the top, a depth-first order.
        let mut rows = Vec::new();
        for b in &codes {
            let ancestors = store.territory_ancestors(b).await?;
            let mut path: Vec<String> = ancestors
                .iter()
                .filter(|a| codes.contains(&a.code))
                .map(|a| a.code.to_string())
                .collect();
            let depth = path.len();
            path.push(b.to_string());
            let t = store.territory(b).await?;
            rows.push((
                path,
                BranchNode {
                    href: branch_href(&code, b),
                    name: t
                        .as_ref()
                        .map(|t| ctx.name_of(&t.names).to_owned())
                        .unwrap_or_else(|| b.to_string()),
                    kind: t
                        .as_ref()
                        .map(|t| ctx.kind_name(&t.kind))
                        .unwrap_or_default(),
                    depth,
                    secretaries: by_branch.remove(b.as_str()).unwrap_or_default(),
                    members: store.member_count(&code, Some(b)).await?,
                    conferences: store.conferences(&code, Some(b)).await?.len(),
                    dashboard: if t.as_ref().is_some_and(|t| t.kind.is_top_level()) {
                        super::pipeline::dashboard_href(&code, b)
                    } else {
                        String::new()
                    },
                },
            ));
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let mut crumbs = crumbs_root(ctx, &code, &p.short_name);
        crumbs.pop();
        crumbs.push((String::new(), ctx.tr("pp-branches-title")));
        Ok(page.render(
            StatusCode::OK,
            &TreePage {
                ctx: ctx.clone(),
                crumbs,
                party: p.name(ctx.lang).to_owned(),
                nodes: rows.into_iter().map(|(_, n)| n).collect(),
                party_secretaries,
            },
        ))
    })
    .await
}

/// A conference as a branch page lists it.
pub struct ConferenceItem {
    /// Its page.
    pub href: String,
    /// «L (50-я) внеочередная конференция».
    pub title: String,
    /// The day, `27.09.2023`.
    pub day: String,
    /// Where.
    pub place: String,
}

/// The fields of the convening form.
const CONVENE_FIELDS: &[&str] = &["kind", "held_on", "place", "agenda"];
const CONVENE_LABELS: &[(&str, &str)] = &[
    ("kind", "pp-field-kind"),
    ("held_on", "pp-field-held-on"),
    ("place", "pp-field-place"),
    ("agenda", "pp-field-agenda"),
];

#[derive(Template)]
#[template(path = "party/branch.html")]
struct BranchPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    href: String,
    members: u64,
    conferences: Vec<ConferenceItem>,
    next_number: String,
    convene: Option<FormState>,
    kinds: Vec<(String, String)>,
    import: Option<ImportForm>,
    imported: Option<u64>,
    saved: Option<u64>,
    /// The pipeline dashboard of the branch's region (where the party has a branch), or "".
    dashboard: String,
}

/// A conference's title in the page's language: «L (50-я) внеочередная конференция».
pub fn conference_title(ctx: &PageCtx, ordinal: u32, kind: &str) -> String {
    ctx.tr_args(
        "pp-conference-title",
        &[
            ("ordinal", conference_number(ordinal, ctx.lang)),
            ("kind", kind.to_owned()),
        ],
    )
}

/// A date as officials write it: `27.09.2023`.
pub fn day_text(d: jiff::civil::Date) -> String {
    format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
}

struct Forms {
    convene: Option<FormState>,
    import: Option<ImportForm>,
}

async fn branch_page(
    page: &Page,
    state: &WebState,
    party: &Party,
    branch: &TerritoryCode,
    forms: Forms,
    query: &HashMap<String, String>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    if !store
        .branches_of(&party.code)
        .await?
        .iter()
        .any(|b| &b.territory_code == branch)
    {
        return Err(Fail::NotFound);
    }
    let territory = store.territory(branch).await?.ok_or(Fail::NotFound)?;
    let name = ctx.name_of(&territory.names).to_owned();
    // The region: the branch itself at the top, else its topmost ancestor.
    let region = if territory.kind.is_top_level() {
        Some(branch.clone())
    } else {
        store
            .territory_ancestors(branch)
            .await?
            .into_iter()
            .find(|t| t.kind.is_top_level())
            .map(|t| t.code)
    };
    let dashboard = match region {
        Some(r)
            if store
                .branches_of(&party.code)
                .await?
                .iter()
                .any(|b| b.territory_code == r) =>
        {
            super::pipeline::dashboard_href(&party.code, &r)
        }
        _ => String::new(),
    };
    let conferences = store
        .conferences(&party.code, Some(branch))
        .await?
        .into_iter()
        .map(|c| ConferenceItem {
            href: conference_href(&c.id),
            title: conference_title(ctx, c.ordinal, &c.kind),
            day: day_text(c.held_on),
            place: c.place,
        })
        .collect();
    let next = state
        .app
        .next_conference_ordinal(&party.code, branch)
        .await?;
    let target = branch_target(state, &party.code, branch).await?;
    let convene = may(page.principal(), CommandKind::ConveneConference, &target).then(|| {
        forms.convene.unwrap_or_else(|| {
            let mut f = FormState::new(CONVENE_FIELDS).labelled(CONVENE_LABELS);
            f.set("kind", "extraordinary");
            f
        })
    });
    let import = may(page.principal(), CommandKind::RecordMember, &target)
        .then(|| forms.import.unwrap_or_default());
    let mut crumbs = crumbs_root(ctx, &party.code, &party.short_name);
    crumbs.push((String::new(), name.clone()));
    Ok(page.render(
        status,
        &BranchPage {
            ctx: ctx.clone(),
            crumbs,
            title: ctx.tr_args(
                "pp-branch-title",
                &[("party", party.short_name.clone()), ("branch", name)],
            ),
            href: branch_href(&party.code, branch),
            members: store.member_count(&party.code, Some(branch)).await?,
            conferences,
            next_number: conference_number(next, ctx.lang),
            convene,
            kinds: vec![
                ("extraordinary".to_owned(), ctx.tr("pp-kind-extraordinary")),
                ("regular".to_owned(), ctx.tr("pp-kind-regular")),
            ],
            import,
            imported: query.get("imported").and_then(|s| s.parse().ok()),
            saved: crate::pages::saved_index(query),
            dashboard,
        },
    ))
}

async fn party_and_branch(
    state: &WebState,
    party: &str,
    branch: &str,
) -> Result<(Party, TerritoryCode), Fail> {
    let code = party_of(party)?;
    let branch = branch_of(branch)?;
    let p = state
        .app
        .store()
        .party(&code)
        .await?
        .ok_or(Fail::NotFound)?;
    Ok((p, branch))
}

/// GET /party/{party}/branches/{branch}
pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path((party, branch)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let (party, branch) = party_and_branch(&state, &party, &branch).await?;
        let forms = Forms {
            convene: None,
            import: None,
        };
        branch_page(
            &page,
            &state,
            &party,
            &branch,
            forms,
            &query,
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// POST /party/{party}/branches/{branch}/conferences: convenes the branch's next conference.
pub async fn convene(
    page: Page,
    State(state): State<WebState>,
    Path((party, branch)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let (party, branch) = party_and_branch(&state, &party, &branch).await?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let ctx = &page.ctx;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = FormState::filled(CONVENE_FIELDS, &values)
            .labelled(CONVENE_LABELS)
            .choices(&["kind"]);
        let kind = ConferenceKind::parse(get("kind"));
        if kind.is_none() {
            form.required(ctx, "kind");
        }
        let held_on = sailau_app::party::import::parse_date(get("held_on"));
        if held_on.is_none() {
            let key = if get("held_on").trim().is_empty() {
                ctx.rule(&Rule::FieldRequired)
            } else {
                ctx.tr("pp-date-format")
            };
            form.push("held_on", key);
        }
        let agenda: Vec<String> = get("agenda")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        let command = ConveneConference {
            conference: ConferenceId(uuid::Uuid::new_v4()),
            party: party.code.clone(),
            branch: branch.clone(),
            ordinal: state
                .app
                .next_conference_ordinal(&party.code, &branch)
                .await?,
            kind: kind.unwrap_or(ConferenceKind::Extraordinary),
            held_on: held_on.unwrap_or(jiff::civil::date(2000, 1, 1)),
            place: get("place").to_owned(),
            agenda,
            rules: PartyRules::amanat(),
        };
        let refuse = |form: FormState| Forms {
            convene: Some(form),
            import: None,
        };
        if form.has_errors() {
            // The rest is checked by the domain too, so every error shows at once.
            let facts = sailau_domain::party::conference::ConveneFacts {
                branch_exists: true,
                next_ordinal: command.ordinal,
                id_taken: false,
            };
            if let Err(e) = sailau_domain::party::conference::validate_convene(
                &command,
                &facts,
                sailau_domain::command::Edition::CURRENT,
            ) {
                form.absorb(ctx, &e);
            }
            return branch_page(
                &page,
                &state,
                &party,
                &branch,
                refuse(form),
                &HashMap::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        let id = command.conference;
        match execute(&page, &state, command.into()).await? {
            Ok(index) => Ok(see_other(&format!(
                "{}?saved={index}",
                conference_href(&id)
            ))),
            Err(errors) => {
                form.absorb(ctx, &errors);
                branch_page(
                    &page,
                    &state,
                    &party,
                    &branch,
                    refuse(form),
                    &HashMap::new(),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    })
    .await
}

/// POST /party/{party}/branches/{branch}/members (multipart: `csrf`, `file`): the member file.
pub async fn import_members(
    page: Page,
    State(state): State<WebState>,
    Path((party, branch)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    page.answer(async {
        let (party, branch) = party_and_branch(&state, &party, &branch).await?;
        let target = branch_target(&state, &party.code, &branch).await?;
        sailau_domain::authorize(page.principal(), CommandKind::RecordMember, &target)
            .map_err(|d| Fail::Forbidden(Some(d)))?;
        let file = match read_file(&page, &headers, multipart).await? {
            Ok(file) => file,
            Err((form, status)) => {
                let forms = Forms {
                    convene: None,
                    import: Some(form),
                };
                return branch_page(
                    &page,
                    &state,
                    &party,
                    &branch,
                    forms,
                    &HashMap::new(),
                    status,
                )
                .await;
            }
        };
        let Some(session) = &page.session else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        let format = sailau_app::import::Format::guess(&file.filename, &file.bytes);
        match state
            .app
            .import_members(
                &Acting::Account(session.principal.clone()),
                &party.code,
                format,
                file.bytes,
            )
            .await
        {
            Ok(n) => Ok(see_other(&format!(
                "{}?imported={n}#members",
                branch_href(&party.code, &branch)
            ))),
            Err(e) => {
                let mut form = ImportForm::default();
                import_errors(&page.ctx, e, &mut form)?;
                let forms = Forms {
                    convene: None,
                    import: Some(form),
                };
                branch_page(
                    &page,
                    &state,
                    &party,
                    &branch,
                    forms,
                    &HashMap::new(),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    })
    .await
}

/// Reads the one file of an import form and checks its CSRF token: the file, or the form to show
/// again with why (no file, an empty file, a file too large) and its status.
pub async fn read_file(
    page: &Page,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Result<upload::File, (ImportForm, StatusCode)>, Fail> {
    let upload = upload::read(multipart).await?;
    let ctx = &page.ctx;
    let mut form = ImportForm::default();
    if upload.too_large {
        form.file_error = ctx.tr_arg(
            "import-too-large",
            "max",
            crate::pages::MAX_UPLOAD / (1024 * 1024),
        );
        return Ok(Err((form, StatusCode::PAYLOAD_TOO_LARGE)));
    }
    check_form(page, headers, &upload.fields)?;
    match upload.files.get("file") {
        None => form.file_error = ctx.tr("file-required"),
        Some(f) if f.bytes.is_empty() => form.file_error = ctx.tr("file-empty"),
        Some(f) => return Ok(Ok(f.clone())),
    }
    Ok(Err((form, StatusCode::UNPROCESSABLE_ENTITY)))
}

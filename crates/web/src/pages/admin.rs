//! Administration of users (administrators only): list, add with a password shown once,
//! deactivate and reactivate, change role and scope.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use sailau_app::{Acting, App, AppError};
use sailau_domain::{Account, Role, Rule, Scope, Target, Username};

use super::forms::see_other;
use super::territories::execute;
use super::{Fail, FormState, Page, PageCtx, check_form, form_map};
use crate::WebState;

pub struct UserRow {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub role_code: String,
    pub scope: String,
    pub scope_code: String,
    pub active: bool,
    pub is_self: bool,
}

/// A scope in words as a reader understands it: territories and precincts' regions by their
/// names in the reader's language, parties by short name, a candidate by full name, a conference
/// by its title, a member by name (the code when a name is missing, which the registry does not
/// allow but a page must survive).
pub(crate) async fn scope_in_words(
    state: &WebState,
    ctx: &PageCtx,
    scope: &Scope,
) -> Result<String, Fail> {
    if let Some(words) = super::party::scope_words(state, ctx, scope).await? {
        return Ok(words);
    }
    let store = state.app.store();
    if let Scope::Person { person } = scope {
        let name = match store.person(person).await? {
            Some(p) => format!("{} {} {}", p.surname, p.given_name, p.patronymic)
                .trim()
                .to_owned(),
            None => ctx.tr("scope-person-unknown"),
        };
        return Ok(ctx.tr_arg("scope-person", "person", name));
    }
    let codes: Vec<&sailau_domain::TerritoryCode> = match scope {
        Scope::Territory { territory } => vec![territory],
        Scope::Party {
            territory: Some(t), ..
        } => vec![t],
        Scope::Precincts { precincts } => precincts.iter().map(|p| &p.region_code).collect(),
        _ => Vec::new(),
    };
    let mut territories = HashMap::new();
    for code in codes {
        if !territories.contains_key(code)
            && let Some(t) = store.territory(code).await?
        {
            territories.insert(code.clone(), ctx.name_of(&t.names).to_owned());
        }
    }
    let mut parties = HashMap::new();
    if let Scope::Party { party, .. } = scope
        && let Some(p) = store.party(party).await?
    {
        parties.insert(party.clone(), p.short_name);
    }
    Ok(ctx.scope_text_named(
        scope,
        &|c| territories.get(c).cloned().unwrap_or_else(|| c.to_string()),
        &|p| parties.get(p).cloned().unwrap_or_else(|| p.to_string()),
    ))
}

/// A user just created, with the password to hand over (shown once).
pub struct Created {
    pub username: String,
    pub password: String,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    ctx: PageCtx,
    users: Vec<UserRow>,
    roles: Vec<(String, String)>,
    form: FormState,
    /// Errors of a row's form (change role), with the row's username.
    row_errors: Option<(String, FormState)>,
    created: Option<Created>,
    saved: Option<u64>,
}

const CREATE_FIELDS: &[&str] = &["username", "display_name", "role", "scope", "password"];
const ROLE_FIELDS: &[&str] = &["role", "scope"];

pub async fn index() -> Response {
    see_other("/admin/users")
}

/// Whoever may see the accounts (the domain decides: administrators); 403 (or "sign in") for
/// everyone else.
fn require_admin(page: &Page) -> Result<(), Fail> {
    let target = Target::default();
    sailau_domain::authorize_read(page.principal(), sailau_domain::Read::Accounts, &target)
        .map_err(|d| Fail::Forbidden(Some(d)))?;
    Ok(())
}

pub async fn users(
    page: Page,
    State(state): State<WebState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        require_admin(&page)?;
        users_page(
            &page,
            &state,
            FormState::new(CREATE_FIELDS),
            None,
            None,
            super::saved_index(&query),
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// The users page re-rendered with a refused form (422).
async fn refuse(
    page: &Page,
    state: &WebState,
    form: FormState,
    row_errors: Option<(String, FormState)>,
) -> Result<Response, Fail> {
    users_page(
        page,
        state,
        form,
        row_errors,
        None,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn users_page(
    page: &Page,
    state: &WebState,
    form: FormState,
    row_errors: Option<(String, FormState)>,
    created: Option<Created>,
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let me = page.principal().map(|p| p.username.to_string());
    let store = state.app.store();
    let accounts = store.accounts().await?;
    // Each scope in words, territories, parties, people and conferences by name.
    let mut words: HashMap<String, String> = HashMap::new();
    for a in &accounts {
        let key = a.scope.to_string();
        if let std::collections::hash_map::Entry::Vacant(v) = words.entry(key) {
            v.insert(scope_in_words(state, ctx, &a.scope).await?);
        }
    }
    let users = accounts
        .into_iter()
        .map(|a| UserRow {
            is_self: me.as_deref() == Some(a.username.as_str()),
            username: a.username.to_string(),
            display_name: a.display_name.clone(),
            role: ctx.role_name(&a.role),
            role_code: a.role.as_str().to_owned(),
            scope: words.get(&a.scope.to_string()).cloned().unwrap_or_default(),
            scope_code: match &a.scope {
                Scope::Global => String::new(),
                s => s.to_string(),
            },
            active: a.active,
        })
        .collect();
    let roles = Role::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), ctx.role_name(r)))
        .collect();
    let has_secret = created.is_some();
    let mut res = page.render(
        status,
        &UsersPage {
            ctx: ctx.clone(),
            users,
            roles,
            form,
            row_errors,
            created,
            saved,
        },
    );
    if has_secret {
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}

/// Parses role and scope fields into `form`'s errors; `None` when either is wrong.
fn role_and_scope(
    ctx: &PageCtx,
    values: &HashMap<String, String>,
    form: &mut FormState,
) -> Option<(Role, Scope)> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let role = match get("role").parse::<Role>() {
        Ok(r) => Some(r),
        Err(_) if get("role").trim().is_empty() => {
            form.required(ctx, "role");
            None
        }
        Err(rule) => {
            form.push("role", ctx.rule(&rule));
            None
        }
    };
    let scope = match Scope::parse(get("scope")) {
        Ok(s) => Some(s),
        Err(rule) => {
            form.push("scope", ctx.rule(&rule));
            None
        }
    };
    Some((role?, scope?))
}

/// POST /admin/users: a new account.
pub async fn create_user(
    page: Page,
    State(state): State<WebState>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        require_admin(&page)?;
        let Some(principal) = page.principal() else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = FormState::filled(CREATE_FIELDS, &values).choices(&["role"]);
        // A typed password is never shown again.
        form.set("password", "");
        let username = match Username::parse(get("username")) {
            Ok(u) => Some(u),
            Err(rule) => {
                let rule = if get("username").trim().is_empty() {
                    Rule::FieldRequired
                } else {
                    rule
                };
                form.push("username", page.ctx.rule(&rule));
                None
            }
        };
        let role_scope = role_and_scope(&page.ctx, &values, &mut form);
        // The app checks the password before anything else; checking it here too, with the rules
        // that need no lookup, shows every broken rule at once.
        let mut early = sailau_domain::ValidationErrors::new();
        if !get("password").is_empty() {
            early.absorb(sailau_domain::account::validate_password(
                "password",
                get("password"),
            ));
        }
        let parsed = match (&username, &role_scope) {
            (Some(u), Some((role, scope))) => Some((u.clone(), *role, scope.clone())),
            _ => None,
        };
        if parsed.is_none() || !early.is_empty() {
            let taken = match &username {
                Some(u) => state.app.store().account(u).await?.is_some(),
                None => false,
            };
            let (role, scope) = role_scope
                .clone()
                .unwrap_or((Role::Observer, Scope::Global));
            let stand_in = Account {
                username: username
                    .clone()
                    .or_else(|| Username::parse("stand-in").ok())
                    .ok_or(Fail::BadRequest)?,
                display_name: get("display_name").to_owned(),
                role,
                scope,
                active: true,
            };
            let facts = sailau_domain::account::ScopeFacts { all_exist: true };
            if let Err(e) = stand_in.validate_new(taken, facts) {
                early.0.extend(e.0.into_iter().filter(|e| {
                    !(username.is_none() && e.field == "username"
                        || role_scope.is_none() && (e.field == "role" || e.field == "scope"))
                }));
            }
            form.absorb(&page.ctx, &early);
            return refuse(&page, &state, form, None).await;
        }
        let Some((username, role, scope)) = parsed else {
            return refuse(&page, &state, form, None).await;
        };
        let password = match get("password") {
            "" => App::generate_password(),
            p => p.to_owned(),
        };
        let account = Account {
            username: username.clone(),
            display_name: get("display_name").to_owned(),
            role,
            scope,
            active: true,
        };
        match state
            .app
            .create_account(&Acting::Account(principal.clone()), account, &password)
            .await
        {
            Ok(_) => {
                users_page(
                    &page,
                    &state,
                    FormState::new(CREATE_FIELDS),
                    None,
                    Some(Created {
                        username: username.to_string(),
                        password,
                    }),
                    None,
                    StatusCode::OK,
                )
                .await
            }
            Err(AppError::Invalid(errors)) => {
                form.absorb(&page.ctx, &errors);
                refuse(&page, &state, form, None).await
            }
            Err(e) => Err(e.into()),
        }
    })
    .await
}

fn username_of(s: &str) -> Result<Username, Fail> {
    Username::parse(s).map_err(|_| Fail::NotFound)
}

/// POST /admin/users/{username}/active (`active` = `true` or `false`)
pub async fn set_active(
    page: Page,
    State(state): State<WebState>,
    Path(username): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let username = username_of(&username)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let active = match values.get("active").map(String::as_str) {
            Some("true") => true,
            Some("false") => false,
            _ => return Err(Fail::BadRequest),
        };
        let command = sailau_domain::accounts::SetAccountActive { username, active }.into();
        match execute(&page, &state, command).await? {
            Ok(index) => Ok(see_other(&format!("/admin/users?saved={index}"))),
            Err(errors) => {
                let mut form = FormState::new(&[]);
                form.absorb(&page.ctx, &errors);
                refuse(&page, &state, form, None).await
            }
        }
    })
    .await
}

/// POST /admin/users/{username}/role (`role`, `scope`)
pub async fn change_role(
    page: Page,
    State(state): State<WebState>,
    Path(username): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let username = username_of(&username)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        require_admin(&page)?;
        let mut form = FormState::filled(ROLE_FIELDS, &values).choices(&["role"]);
        let refused = |form: FormState| Some((username.to_string(), form));
        let Some((role, scope)) = role_and_scope(&page.ctx, &values, &mut form) else {
            return refuse(&page, &state, FormState::new(CREATE_FIELDS), refused(form)).await;
        };
        let command = sailau_domain::accounts::ChangeAccountRole {
            username: username.clone(),
            role,
            scope,
        }
        .into();
        match execute(&page, &state, command).await? {
            Ok(index) => Ok(see_other(&format!("/admin/users?saved={index}"))),
            Err(errors) => {
                form.absorb(&page.ctx, &errors);
                refuse(&page, &state, FormState::new(CREATE_FIELDS), refused(form)).await
            }
        }
    })
    .await
}

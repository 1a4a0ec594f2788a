//! Accounts (administration): list, get, create with a password, change role and scope,
//! activate or deactivate, set a password.

use axum::extract::State;
use sailau_domain::{Account, Read, Rule, Target, Username, ValidationErrors, authorize_read};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, SignedIn, Writer};
use super::territories::storage;
use super::types::{Fields, LedgerPosition, RoleName, all, path_username};
use super::write::{Created, Written, reloaded, written_body};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// An account (its password is never shown, and never enters the ledger).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountView {
    #[schema(example = "a.nurlanova")]
    /// 3–64 characters: a–z, 0–9, dot, hyphen, underscore.
    pub username: String,
    /// The name shown for the account (may be empty).
    pub display_name: String,
    /// The role.
    pub role: RoleName,
    /// Where the role acts: `global`, `territory:CODE`, `precincts:REGION/N,REGION/N`,
    /// `party:CODE` or `party:CODE@TERRITORY`.
    #[schema(example = "territory:630000000")]
    pub scope: String,
    /// Whether the account may sign in.
    pub active: bool,
}

impl From<Account> for AccountView {
    fn from(a: Account) -> Self {
        AccountView {
            username: a.username.to_string(),
            display_name: a.display_name,
            role: a.role.into(),
            scope: a.scope.to_string(),
            active: a.active,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// The accounts, by username.
pub struct AccountList {
    /// The accounts.
    pub items: Vec<AccountView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// An account just created or changed, and where the change sits in the ledger.
pub struct AccountWritten {
    /// The account as saved.
    pub account: AccountView,
    /// Where the change sits in the ledger.
    pub ledger: LedgerPosition,
}

written_body!(AccountWritten { account: Account });

/// The domain decides who may see accounts ([`sailau_domain::authorize_read`]).
fn may_read(user: &SignedIn, read: Read, account: Option<&Username>) -> Result<(), Problem> {
    let target = Target {
        account: account.cloned(),
        ..Target::default()
    };
    authorize_read(Some(&user.0.principal), read, &target)
        .map_err(|d| Problem::from(sailau_app::AppError::Forbidden(d)))
}

/// Lists the accounts (administrators only).
#[utoipa::path(
    get, path = "/api/v1/accounts", tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The accounts, by username", body = AccountList),
        (status = 401, description = "Not signed in", body = Problem),
        (status = 403, description = "Not an administrator", body = Problem),
    )
)]
pub async fn list_accounts(
    State(state): State<WebState>,
    user: SignedIn,
) -> Result<axum::Json<AccountList>, Problem> {
    may_read(&user, Read::Accounts, None)?;
    let accounts = state.app.store().accounts().await.map_err(storage)?;
    Ok(axum::Json(AccountList {
        items: accounts.into_iter().map(AccountView::from).collect(),
    }))
}

/// One account (administrators, or the account itself).
#[utoipa::path(
    get, path = "/api/v1/accounts/{username}", tag = "accounts",
    params(("username" = String, Path, pattern = r"^[a-z0-9._-]{3,64}$", description = "3–64 characters: a–z, 0–9, dot, hyphen, underscore")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The account", body = AccountView),
        (status = 401, description = "Not signed in", body = Problem),
        (status = 403, description = "Neither an administrator nor the account itself", body = Problem),
        (status = 404, description = "No such account", body = Problem),
    )
)]
pub async fn get_account(
    State(state): State<WebState>,
    user: SignedIn,
    ApiPath(username): ApiPath<String>,
) -> Result<axum::Json<AccountView>, Problem> {
    let username = path_username(&username)?;
    may_read(&user, Read::Account, Some(&username))?;
    let account = load(&state, &username).await?;
    Ok(axum::Json(account.into()))
}

/// The app refuses a change of an account that does not exist as a broken rule (after checking
/// that the caller may change accounts at all, so that others learn nothing): answer it as 404.
fn missing_as_404(e: sailau_app::AppError, username: &Username) -> Problem {
    match &e {
        sailau_app::AppError::Invalid(v)
            if v.0.len() == 1
                && v.for_field("username").map(|f| &f.rule)
                    == Some(&sailau_domain::Rule::AccountMissing) =>
        {
            Problem::not_found(Missing::Account, username)
        }
        _ => Problem::from(e),
    }
}

async fn load(state: &WebState, username: &Username) -> Result<Account, Problem> {
    state
        .app
        .store()
        .account(username)
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::not_found(Missing::Account, username))
}

/// The account as saved after a change, with where the change stands in the ledger.
async fn written(
    state: &WebState,
    username: &Username,
    applied: sailau_app::Applied,
) -> Result<Written<Account>, Problem> {
    reloaded(state, applied, async |s| s.account(username).await).await
}

/// Executes a change of an existing account (missing: 404); answers the account as saved.
async fn change(
    state: &WebState,
    writer: &Writer,
    username: &Username,
    command: sailau_domain::Issued,
) -> Result<axum::Json<AccountWritten>, Problem> {
    let applied = state
        .app
        .execute(&writer.acting(), command)
        .await
        .map_err(|e| missing_as_404(e, username))?;
    written(state, username, applied).await?.ok()
}

/// A new account.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// 3–64 characters: a–z, 0–9, dot, hyphen, underscore.
    #[schema(pattern = r"^[a-z0-9._-]{3,64}$")]
    pub username: String,
    #[serde(default)]
    /// The name shown for the account (empty by default).
    pub display_name: Option<String>,
    #[schema(value_type = RoleName)]
    /// The role.
    pub role: String,
    /// `global` (the default), `territory:CODE`, `precincts:REGION/N,REGION/N`, `party:CODE` or
    /// `party:CODE@TERRITORY`; it must fit the role.
    #[serde(default)]
    pub scope: Option<String>,
    /// At least 10 characters.
    pub password: String,
    /// True by default.
    #[serde(default)]
    pub active: Option<bool>,
}

/// Creates an account with its password (recorded in the ledger without the password).
#[utoipa::path(
    post, path = "/api/v1/accounts", tag = "accounts",
    request_body = NewAccount,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = AccountWritten,
            headers(("location" = String, description = "The account's URL"))),
        WriteRefused,
        (status = 403, description = "Not an administrator", body = Problem),
    )
)]
pub async fn create_account(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewAccount>,
) -> Result<Created<AccountWritten>, Problem> {
    let mut f = Fields::new();
    let username = f.username("username", &body.username);
    let role = f.role("role", &body.role);
    let scope = f.scope("scope", body.scope.as_deref().unwrap_or("global"));
    f.finish()?;
    let account = Account {
        username: all(username)?,
        display_name: body.display_name.unwrap_or_default(),
        role: all(role)?,
        scope: all(scope)?,
        active: body.active.unwrap_or(true),
    };
    let username = account.username.clone();
    let applied = state
        .app
        .create_account(&writer.acting(), account, &body.password)
        .await?;
    written(&state, &username, applied)
        .await?
        .created(format!("/api/v1/accounts/{username}"))
}

/// A role with the scope it acts within.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleChange {
    #[schema(value_type = RoleName)]
    /// The new role.
    pub role: String,
    /// As for a new account; `global` by default.
    #[serde(default)]
    pub scope: Option<String>,
}

/// Changes an account's role and scope (recorded in the ledger).
#[utoipa::path(
    put, path = "/api/v1/accounts/{username}/role", tag = "accounts",
    params(("username" = String, Path, pattern = r"^[a-z0-9._-]{3,64}$", description = "3–64 characters: a–z, 0–9, dot, hyphen, underscore")),
    request_body = RoleChange,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Changed", body = AccountWritten),
        WriteRefused,
        (status = 403, description = "Not an administrator", body = Problem),
        (status = 404, description = "No such account", body = Problem),
    )
)]
pub async fn change_role(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(username): ApiPath<String>,
    ApiJson(body): ApiJson<RoleChange>,
) -> Result<axum::Json<AccountWritten>, Problem> {
    let username = path_username(&username)?;
    let mut f = Fields::new();
    let role = f.role("role", &body.role);
    let scope = f.scope("scope", body.scope.as_deref().unwrap_or("global"));
    f.finish()?;
    let command = sailau_domain::accounts::ChangeAccountRole {
        username: username.clone(),
        role: all(role)?,
        scope: all(scope)?,
    }
    .into();
    change(&state, &writer, &username, command).await
}

/// Whether an account may sign in.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    /// `false` deactivates the account (its sessions end at once); `true` reactivates it.
    pub active: bool,
}

/// Activates or deactivates an account (recorded in the ledger).
///
/// A deactivated account's sessions stop working at once.
#[utoipa::path(
    put, path = "/api/v1/accounts/{username}/active", tag = "accounts",
    params(("username" = String, Path, pattern = r"^[a-z0-9._-]{3,64}$", description = "3–64 characters: a–z, 0–9, dot, hyphen, underscore")),
    request_body = Activation,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Changed", body = AccountWritten),
        WriteRefused,
        (status = 403, description = "Not an administrator", body = Problem),
        (status = 404, description = "No such account", body = Problem),
    )
)]
pub async fn set_active(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(username): ApiPath<String>,
    ApiJson(body): ApiJson<Activation>,
) -> Result<axum::Json<AccountWritten>, Problem> {
    let username = path_username(&username)?;
    let command = sailau_domain::accounts::SetAccountActive {
        username: username.clone(),
        active: body.active,
    }
    .into();
    change(&state, &writer, &username, command).await
}

/// A new password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPassword {
    /// At least 10 characters.
    pub password: String,
    /// Required when an account changes its own password.
    #[serde(default)]
    pub current_password: Option<String>,
}

/// Sets an account's password (administrators, or the account itself).
///
/// An account changing its own password must give the current one in `current_password`.
/// Recorded in the ledger as a `change_password` entry without the password. Every session of
/// the account ends, the caller's too when it is the account itself.
#[utoipa::path(
    put, path = "/api/v1/accounts/{username}/password", tag = "accounts",
    params(("username" = String, Path, pattern = r"^[a-z0-9._-]{3,64}$", description = "3–64 characters: a–z, 0–9, dot, hyphen, underscore")),
    request_body = NewPassword,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Changed", body = AccountWritten),
        WriteRefused,
        (status = 403, description = "Neither an administrator nor the account itself", body = Problem),
        (status = 404, description = "No such account", body = Problem),
    )
)]
pub async fn change_password(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(username): ApiPath<String>,
    ApiJson(body): ApiJson<NewPassword>,
) -> Result<axum::Json<AccountWritten>, Problem> {
    let username = path_username(&username)?;
    let own = writer.0.principal.username == username;
    let applied = if own {
        let Some(current) = body.current_password.as_deref() else {
            return Err(Problem::invalid(&ValidationErrors::one(
                "current_password",
                Rule::FieldRequired,
            )));
        };
        state
            .app
            .change_own_password(&writer.0.principal, current, &body.password)
            .await?
    } else {
        state
            .app
            .change_password(&writer.acting(), username.clone(), &body.password)
            .await
            .map_err(|e| missing_as_404(e, &username))?
    };
    written(&state, &username, applied).await?.ok()
}

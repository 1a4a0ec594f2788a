//! Signing in and out, and the signed-in user's own account (who am I, change password).

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sailau_app::AppError;
use sailau_domain::{Account, Rule};

use super::forms::see_other;
use super::{Fail, FormState, Page, PageCtx, check_form, form_map};
use crate::WebState;
use crate::session::{self, ClientAddr};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: PageCtx,
    form: FormState,
    /// A message about the whole form (wrong credentials, throttled), already translated.
    problem: String,
    /// A notice shown above the form (logged out, password changed).
    notice: String,
    next: String,
}

const LOGIN_FIELDS: &[&str] = &["username", "password"];

/// Where to go after signing in: a local path only.
fn safe_next(next: Option<&String>) -> String {
    match next.map(|s| s.trim()) {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.contains(['\r', '\n'])
                && n.len() < 512 =>
        {
            n.to_owned()
        }
        _ => "/account".to_owned(),
    }
}

pub async fn login_form(page: Page, Query(query): Query<HashMap<String, String>>) -> Response {
    let notice = if query.contains_key("logged_out") {
        page.ctx.tr("login-logged-out")
    } else if query.contains_key("password_changed") {
        page.ctx.tr("account-password-changed")
    } else {
        String::new()
    };
    page.render(
        StatusCode::OK,
        &LoginPage {
            ctx: page.ctx.clone(),
            form: FormState::new(LOGIN_FIELDS),
            problem: String::new(),
            notice,
            next: safe_next(query.get("next")),
        },
    )
}

/// POST /login
pub async fn login(
    page: Page,
    State(state): State<WebState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let values = form_map(body)?;
        // No session yet, so no CSRF token: refuse cross-site submissions instead.
        if !crate::security::same_origin(&headers, &state.config) {
            return Err(Fail::Csrf);
        }
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        // The password is never put back into the form.
        let mut form = FormState::new(LOGIN_FIELDS);
        form.set("username", get("username"));
        let next = safe_next(values.get("next"));
        let username = get("username").trim();
        let password = get("password");
        if username.is_empty() {
            form.push("username", page.ctx.rule(&Rule::FieldRequired));
        }
        if password.is_empty() {
            form.push("password", page.ctx.rule(&Rule::FieldRequired));
        }
        let refuse = |form: FormState, problem: String, status: StatusCode| {
            page.render(
                status,
                &LoginPage {
                    ctx: page.ctx.clone(),
                    form,
                    problem,
                    notice: String::new(),
                    next: next.clone(),
                },
            )
        };
        if form.has_errors() {
            return Ok(refuse(
                form,
                String::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        let device = session::cookie(&headers, session::DEVICE_COOKIE);
        match state
            .app
            .login_from_device(username, password, &client, device.as_deref())
            .await
        {
            Ok(s) => {
                let mut res = see_other(&next);
                session::set_login_cookies(
                    res.headers_mut(),
                    &s,
                    state.app.now_ms(),
                    &state.config,
                );
                Ok(res)
            }
            Err(AppError::BadCredentials) => Ok(refuse(
                form,
                page.ctx.tr("login-wrong-credentials"),
                StatusCode::UNAUTHORIZED,
            )),
            Err(AppError::Throttled { retry_after_secs }) => {
                let mut res = refuse(
                    form,
                    page.ctx.tr_args(
                        "login-too-many-attempts",
                        &[("seconds", retry_after_secs.to_string())],
                    ),
                    StatusCode::TOO_MANY_REQUESTS,
                );
                // As the API's 429: how many seconds to wait (RFC 9110 §10.2.3).
                res.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from(retry_after_secs),
                );
                Ok(res)
            }
            Err(e) => Err(e.into()),
        }
    })
    .await
}

/// POST /logout
pub async fn logout(
    page: Page,
    State(state): State<WebState>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let values = form_map(body)?;
        if page.session.is_some() {
            check_form(&page, &headers, &values)?;
            if let Some((token, _)) = session::session_token(&headers) {
                state.app.logout(&token).await?;
            }
        }
        let mut res = see_other("/login?logged_out=1");
        res.headers_mut()
            .append(SET_COOKIE, session::clear_session_cookie(&state.config));
        Ok(res)
    })
    .await
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: PageCtx,
    account: Account,
    role: String,
    scope: String,
    /// A candidate's nominations (empty for other accounts).
    candidacies: Vec<super::elections::CandidacyRow>,
    /// Election day: each election's name and its day pages (commissions and observers).
    election_days: Vec<(String, String)>,
    /// A party member's, delegate's or counting commission's own pages: (href, text).
    party_links: Vec<(String, String)>,
    form: FormState,
}

const PASSWORD_FIELDS: &[&str] = &["current_password", "password", "password_confirm"];
/// The new password is `password` in this form.
const PASSWORD_LABELS: &[(&str, &str)] = &[("password", "account-new-password")];

pub async fn show(page: Page, State(state): State<WebState>) -> Response {
    let result = account_page(
        &page,
        &state,
        FormState::new(PASSWORD_FIELDS).labelled(PASSWORD_LABELS),
        StatusCode::OK,
    )
    .await;
    page.respond(result)
}

async fn account_page(
    page: &Page,
    state: &WebState,
    form: FormState,
    status: StatusCode,
) -> Result<Response, Fail> {
    let Some(principal) = page.principal() else {
        return Ok(see_other("/login?next=/account"));
    };
    let account = state
        .app
        .store()
        .account(&principal.username)
        .await?
        .ok_or(Fail::NotFound)?;
    Ok(page.render(
        status,
        &AccountPage {
            ctx: page.ctx.clone(),
            role: page.ctx.role_name(&account.role),
            scope: super::admin::scope_in_words(state, &page.ctx, &account.scope).await?,
            party_links: super::party::own_links(&page.ctx, account.role, &account.scope),
            candidacies: super::elections::own_candidacies(page, state).await?,
            election_days: super::elections::day::election_days(page, state).await?,
            account,
            form,
        },
    ))
}

/// POST /account/password
pub async fn change_password(
    page: Page,
    State(state): State<WebState>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let Some(principal) = page.principal() else {
            return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
        };
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = FormState::new(PASSWORD_FIELDS).labelled(PASSWORD_LABELS);
        if get("password") != get("password_confirm") {
            // With the other rules the form breaks, so that all show at once.
            let errors = state
                .app
                .own_password_errors(principal, get("current_password"), get("password"))
                .await?;
            form.absorb(&page.ctx, &errors);
            form.push("password_confirm", page.ctx.tr("password-mismatch"));
            return account_page(&page, &state, form, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        match state
            .app
            .change_own_password(principal, get("current_password"), get("password"))
            .await
        {
            Ok(_) => {
                // Changing the password ends every session of the account, this one included.
                let mut res = see_other("/login?password_changed=1");
                res.headers_mut()
                    .append(SET_COOKIE, session::clear_session_cookie(&state.config));
                Ok(res.into_response())
            }
            Err(AppError::Invalid(errors)) => {
                form.absorb(&page.ctx, &errors);
                account_page(&page, &state, form, StatusCode::UNPROCESSABLE_ENTITY).await
            }
            Err(e) => Err(e.into()),
        }
    })
    .await
}

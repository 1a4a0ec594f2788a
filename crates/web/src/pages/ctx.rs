//! What every page knows about its request: language, path, the signed-in user and the CSRF token.

use std::fmt::Display;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::{ACCEPT_LANGUAGE, SET_COOKIE};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use sailau_domain::{Principal, Role, Rule, Scope};
use sailau_i18n::{Arg, Catalog, Lang};

use crate::WebState;
use crate::session::{self, CurrentUser, SessionInfo};

/// The name of the language cookie.
pub const LANG_COOKIE: &str = "sailau_lang";
/// How long the language cookie is kept: a year, in seconds.
const LANG_COOKIE_MAX_AGE_SECS: i64 = 365 * 24 * 60 * 60;

/// The signed-in account as the layout shows it.
#[derive(Debug, Clone)]
pub struct UserView {
    /// The username.
    pub username: String,
    /// The role's message key: `role-administrator`, `role-cec-member`, …
    pub role_key: String,
}

/// The context every template gets as `ctx` (see `templates/README.md`).
#[derive(Clone)]
pub struct PageCtx {
    /// `ru`, `kk` or `en`.
    pub lang: &'static str,
    /// The path without the query string.
    pub path: String,
    /// The session's CSRF token (empty when signed out).
    pub csrf: String,
    /// The signed-in account, if any.
    pub user: Option<UserView>,
    /// The query string without `lang=`, for the language switch.
    query: String,
    language: Lang,
    catalog: Arc<Catalog>,
    /// The running version and where its source is (the footer's link).
    pub source: Arc<crate::SourceInfo>,
    /// The banner of a simulated clock (`sailau serve --clock-start`) in words, or `None` on
    /// the system's clock.
    pub simulated_clock: Option<String>,
}

impl PageCtx {
    /// The context of a page in `language` at `path` (`query`: the query string without `lang=`).
    pub fn new(
        catalog: Arc<Catalog>,
        language: Lang,
        path: String,
        query: String,
        session: Option<&SessionInfo>,
    ) -> PageCtx {
        PageCtx {
            lang: language.code(),
            path,
            csrf: session.map(|s| s.csrf_token.clone()).unwrap_or_default(),
            user: session.map(|s| UserView {
                username: s.principal.username.to_string(),
                role_key: role_key(s.principal.role),
            }),
            query,
            language,
            catalog,
            source: Arc::default(),
            simulated_clock: None,
        }
    }

    /// The page's language.
    pub fn language(&self) -> Lang {
        self.language
    }

    /// The same context speaking `language` (a document printed in another language than the
    /// page's).
    pub fn set_language(&mut self, language: Lang) {
        self.language = language;
        self.lang = language.code();
    }

    /// A message without variables.
    pub fn tr(&self, key: &str) -> String {
        self.catalog.tr(self.language, key)
    }

    /// A message with one variable.
    pub fn tr_arg(&self, key: &str, name: &str, value: impl Display) -> String {
        let value = value.to_string();
        self.catalog
            .tr_args(self.language, key, &[(name, arg_of(name, &value))])
    }

    /// A message with several variables (numbers are recognised and passed as numbers).
    pub fn tr_args(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, arg_of(k, v))).collect();
        self.catalog.tr_args(self.language, key, &args)
    }

    /// `tr_arg(key, "count", count)`, for plurals.
    pub fn tr_count(&self, key: &str, count: impl Display) -> String {
        self.tr_arg(key, "count", count)
    }

    /// A number with the language's digit grouping.
    pub fn num(&self, n: impl Display) -> String {
        self.language.format_number(n)
    }

    /// The language of a text people entered in one language only (a candidate's post, an
    /// address, a decision's body, a conference's place), for the `lang` attribute of its element
    /// when it is not the page's (WCAG 2.1 SC 3.1.2, language of parts): `kk` for Cyrillic text
    /// with a letter only Kazakh has (ә ғ қ ң ө ұ ү һ і), `ru` for other Cyrillic text, `None`
    /// for the page's own language and for text in another script. The text's language is
    /// recorded nowhere, so this reads it from its letters; a short Kazakh text without those
    /// letters reads as Russian.
    pub fn text_lang(&self, text: &str) -> Option<&'static str> {
        written_in(text).filter(|lang| *lang != self.lang)
    }

    /// A message whose variable `name` is a text entered in one language (see
    /// [`PageCtx::text_lang`]): the message's words before and after it, so that a page can put
    /// the text in an element of its own language.
    pub fn tr_around(&self, key: &str, args: &[(&str, String)], name: &str) -> (String, String) {
        const MARK: char = '\u{FFFC}';
        let marked: Vec<(&str, String)> = args
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    if *k == name {
                        MARK.to_string()
                    } else {
                        v.clone()
                    },
                )
            })
            .collect();
        let text = self.tr_args(key, &marked);
        match text.split_once(MARK) {
            Some((before, after)) => (before.to_owned(), after.to_owned()),
            None => (text, String::new()),
        }
    }

    /// The message of a broken rule, in this language.
    pub fn rule(&self, rule: &Rule) -> String {
        let args: Vec<(&str, String)> = rule.args();
        self.tr_args(rule.key(), &args)
    }

    /// The link of the language switch for `code`: this page, its query kept, in that language.
    pub fn lang_href(&self, code: &str) -> String {
        if self.query.is_empty() {
            format!("{}?lang={code}", self.path)
        } else {
            format!("{}?{}&lang={code}", self.path, self.query)
        }
    }

    /// A role's name.
    pub fn role_name(&self, role: &Role) -> String {
        self.tr(&role_key(*role))
    }

    /// A scope in words, with territories and parties as `territory` and `party` name them
    /// (their names in this language, as `/admin/users` shows them).
    pub fn scope_text_named(
        &self,
        scope: &Scope,
        territory: &dyn Fn(&sailau_domain::TerritoryCode) -> String,
        party: &dyn Fn(&sailau_domain::PartyCode) -> String,
    ) -> String {
        match scope {
            Scope::Global => self.tr("scope-global"),
            Scope::Territory { territory: t } => {
                self.tr_arg("scope-territory", "territory", territory(t))
            }
            Scope::Precincts { precincts } => self.tr_arg(
                "scope-precincts",
                "precincts",
                precincts
                    .iter()
                    .map(|p| self.precinct_text(p, territory))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Scope::Party {
                party: p,
                territory: None,
            } => self.tr_arg("scope-party", "party", party(p)),
            Scope::Party {
                party: p,
                territory: Some(t),
            } => self.tr_args(
                "scope-party-branch",
                &[("party", party(p)), ("territory", territory(t))],
            ),
            Scope::Person { person } => self.tr_arg("scope-person", "person", person),
            Scope::Conference { conference } => {
                self.tr_arg("scope-conference", "conference", conference)
            }
            Scope::Member { member } => self.tr_arg("scope-member", "member", member),
        }
    }

    /// A precinct as its commissions write it: "№ 301 (Туркестанская область)", the region as
    /// `territory` names it (precinct numbers are unique within a region).
    pub fn precinct_text(
        &self,
        p: &sailau_domain::PrecinctRef,
        territory: &dyn Fn(&sailau_domain::TerritoryCode) -> String,
    ) -> String {
        self.tr_args(
            "ledger-precinct",
            &[
                ("number", p.number.to_string()),
                ("region", territory(&p.region_code)),
            ],
        )
    }

    /// A territory kind's name (`territory-kind-…`).
    pub fn kind_name(&self, kind: &sailau_domain::TerritoryKind) -> String {
        self.tr(&format!(
            "territory-kind-{}",
            kind.as_str().replace('_', "-")
        ))
    }

    /// A ledger command kind's name (`command-…`).
    pub fn command_name(&self, kind: &str) -> String {
        self.tr(&format!("command-{}", kind.replace('_', "-")))
    }

    /// A territory's name in this language (Russian when missing).
    pub fn name_of<'a>(&self, names: &'a sailau_domain::Names) -> &'a str {
        names.get(self.lang)
    }
}

/// The message key of a role.
pub fn role_key(role: Role) -> String {
    format!("role-{}", role.as_str().replace('_', "-"))
}

/// Variables that hold identifiers written with digits (KATO codes, precinct numbers, what was
/// searched for): always text, so that they are never digit-grouped ("110000000", not
/// "110 000 000").
const IDENTIFIER_ARGS: &[&str] = &[
    "unit",
    "reference",
    "year",
    "code",
    "number",
    "query",
    "territory",
    "party",
    "precinct",
    "region",
    "prefix",
    "parent",
    "cell",
    "word",
    "character",
    "name",
    "expected",
    "header",
    "username",
    // i11-web: payment and decision document numbers
    "document",
    // what an API 404 names (a KATO code, a precinct, a UUID, a tracking code)
    "id",
];

/// Counts go to Fluent as numbers (plurals, grouping); identifiers and everything else as text.
fn arg_of<'a>(name: &str, value: &'a str) -> Arg<'a> {
    if !IDENTIFIER_ARGS.contains(&name)
        && !value.is_empty()
        && value.len() <= 18
        && value.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && let Ok(n) = value.parse::<i64>()
    {
        return Arg::from(n);
    }
    Arg::from(value)
}

/// The language a text people entered is written in, read from its letters: `kk` for Cyrillic
/// with a letter only Kazakh has (ә ғ қ ң ө ұ ү һ і), `ru` for other Cyrillic, `None` for text
/// without Cyrillic letters (see [`PageCtx::text_lang`]).
pub fn written_in(text: &str) -> Option<&'static str> {
    const KAZAKH: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    if text.chars().any(|c| KAZAKH.contains(c)) {
        Some("kk")
    } else if text
        .chars()
        .any(|c| matches!(c, '\u{0400}'..='\u{04FF}') && c.is_alphabetic())
    {
        Some("ru")
    } else {
        None
    }
}

/// The language of a request: `?lang=`, else the `sailau_lang` cookie, else `Accept-Language`.
pub fn request_lang(parts_uri_query: Option<&str>, headers: &axum::http::HeaderMap) -> Lang {
    if let Some(l) = query_lang(parts_uri_query) {
        return l;
    }
    if let Some(l) = session::cookie(headers, LANG_COOKIE).and_then(|c| Lang::from_code(&c)) {
        return l;
    }
    sailau_i18n::negotiate(headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()))
}

/// `lang=…` from a query string, when it names a language of sailau.
pub fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::from_code(v))
}

/// The query string without `lang=…`.
fn query_without_lang(query: Option<&str>) -> String {
    query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang=") && *p != "lang")
        .collect::<Vec<_>>()
        .join("&")
}

/// An HTML request: its context and who is asking. Use as an extractor.
pub struct Page {
    /// What every template gets.
    pub ctx: PageCtx,
    /// The session, when someone is signed in.
    pub session: Option<SessionInfo>,
}

impl Page {
    /// The signed-in principal, if any.
    pub fn principal(&self) -> Option<&Principal> {
        self.session.as_ref().map(|s| &s.principal)
    }

    /// Renders a template with a status.
    pub fn render<T: askama::Template>(&self, status: StatusCode, template: &T) -> Response {
        render(status, template)
    }
}

/// Renders a template, or the plain server-error answer if rendering fails.
pub fn render<T: askama::Template>(status: StatusCode, template: &T) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The page could not be rendered.",
            )
                .into_response()
        }
    }
}

impl FromRequestParts<WebState> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &WebState,
    ) -> Result<Self, Self::Rejection> {
        let CurrentUser(session) = CurrentUser::from_request_parts(parts, state).await?;
        let query = parts.uri.query();
        let lang = request_lang(query, &parts.headers);
        let mut ctx = PageCtx::new(
            state.i18n.clone(),
            lang,
            parts.uri.path().to_owned(),
            query_without_lang(query),
            session.as_ref(),
        );
        ctx.source = state.source.clone();
        if let Some(start) = state.simulated_clock {
            ctx.simulated_clock = Some(simulated_clock_banner(&ctx, start, state.app.now_ms()));
        }
        Ok(Page { ctx, session })
    }
}

/// The banner of a simulated clock: when it started and what time it shows now (UTC, as the
/// ledger records it), so nobody takes a test server for a real one.
fn simulated_clock_banner(ctx: &PageCtx, start_ms: i64, now_ms: i64) -> String {
    let utc = |ms: i64| {
        jiff::Timestamp::from_millisecond(ms)
            .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_else(|_| ms.to_string())
    };
    ctx.tr_args(
        "clock-simulated-banner",
        &[("start", utc(start_ms)), ("now", utc(now_ms))],
    )
}

/// Middleware: remembers a language chosen with `?lang=` in the `sailau_lang` cookie, and marks
/// every page (HTML) with `Vary: Accept-Language`: without `?lang=` and the cookie, the header
/// chooses the page's language.
pub async fn remember_lang(
    axum::extract::State(state): axum::extract::State<WebState>,
    req: Request,
    next: Next,
) -> Response {
    let chosen = query_lang(req.uri().query());
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if html {
        crate::problem::vary_on_language(res.headers_mut());
    }
    if let Some(lang) = chosen
        && let Some(v) = session::set_cookie(
            LANG_COOKIE,
            lang.code(),
            LANG_COOKIE_MAX_AGE_SECS,
            cookie::SameSite::Lax,
            false,
            &state.config,
        )
    {
        res.headers_mut().append(SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_from_query_and_query_kept() {
        assert_eq!(query_lang(Some("q=x&lang=kk")), Some(Lang::Kk));
        assert_eq!(query_lang(Some("lang=xx")), None);
        assert_eq!(query_without_lang(Some("q=a&lang=en&page=2")), "q=a&page=2");
        assert_eq!(arg_of("count", "64"), Arg::from(64i64));
        assert_eq!(arg_of("kind", "district"), Arg::from("district"));
        assert_eq!(arg_of("code", "110000000"), Arg::from("110000000"));
    }
}

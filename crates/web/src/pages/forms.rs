//! Forms and failures: values to put back, errors next to their fields, and the error pages.

use std::collections::HashMap;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use sailau_app::AppError;
use sailau_domain::{Denied, Rule, ValidationErrors};

use super::ctx::{Page, PageCtx};

/// A submitted form: what was typed (to put back) and what was wrong (translated).
#[derive(Debug, Clone, Default)]
pub struct FormState {
    values: HashMap<String, String>,
    /// (field, message) in order; the field is empty for errors that belong to no field of the form.
    pub errors: Vec<(String, String)>,
    /// The form's field names: errors for other fields are listed without a link.
    fields: Vec<&'static str>,
    /// Label keys that differ from [`super::messages::field_label_key`] (e.g. a party's `code`).
    labels: Vec<(&'static str, &'static str)>,
    /// The fields that are drop-downs: one left empty is told "Choose a value.", not "Enter a
    /// value." ([`FormState::required`]).
    choices: Vec<&'static str>,
    /// The fields that are file uploads: one left empty is told "Choose a file.".
    files: Vec<&'static str>,
    /// Fields named at run time (one per contender, `votes-<id>`), after the fixed ones, with
    /// the label the page gives each (its text, not a catalog key), once the page knows it.
    named: Vec<(String, Option<String>)>,
    /// Put before every field's `id` (`f-<prefix><name>`) where a page shows one form several
    /// times (a paper count per position), so that ids stay unique and the summary's links
    /// reach this form's fields.
    id_prefix: String,
}

impl FormState {
    /// An empty form with these fields.
    pub fn new(fields: &[&'static str]) -> FormState {
        FormState {
            fields: fields.to_vec(),
            ..FormState::default()
        }
    }

    /// A form filled with submitted values.
    pub fn filled(fields: &[&'static str], values: &HashMap<String, String>) -> FormState {
        let mut f = FormState::new(fields);
        for name in fields {
            if let Some(v) = values.get(*name) {
                f.values.insert((*name).to_owned(), v.clone());
            }
        }
        f
    }

    /// Names fields by these label keys in the error summary (where the default does not fit).
    pub fn labelled(mut self, labels: &[(&'static str, &'static str)]) -> FormState {
        self.labels.extend_from_slice(labels);
        self
    }

    /// Adds a field named at run time, with its submitted value (kept on the form when it is
    /// shown again); its label comes later, from [`FormState::label_named`].
    pub fn named_field(&mut self, name: &str, value: Option<&str>) {
        if !self.named.iter().any(|(n, _)| n == name) {
            self.named.push((name.to_owned(), None));
        }
        if let Some(v) = value {
            self.values.insert(name.to_owned(), v.to_owned());
        }
    }

    /// Gives the fields named at run time their labels (name, label text); a field of the list
    /// the form did not have yet is added, so the summary follows the page's order.
    pub fn label_named(mut self, labels: &[(String, String)]) -> FormState {
        for (name, label) in labels {
            match self.named.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = Some(label.clone()),
                None => self.named.push((name.clone(), Some(label.clone()))),
            }
        }
        // The page's order (the contenders'), not the order the values were read in.
        let order = |n: &str| {
            labels
                .iter()
                .position(|(l, _)| l == n)
                .unwrap_or(usize::MAX)
        };
        self.named.sort_by_key(|(n, _)| order(n));
        self
    }

    /// Puts `prefix` before every field's `id` ([`FormState::id_prefix`]).
    pub fn with_id_prefix(mut self, prefix: impl Into<String>) -> FormState {
        self.id_prefix = prefix.into();
        self
    }

    /// What goes before a field's name in its `id` (after `f-`): empty for a form shown once.
    pub fn id_prefix(&self) -> &str {
        &self.id_prefix
    }

    /// Whether `field` is one of the form's fields, fixed or named at run time.
    fn has_field(&self, field: &str) -> bool {
        self.fields.contains(&field) || self.named.iter().any(|(n, _)| n == field)
    }

    /// Marks these fields as drop-downs (`<select>`): a required one left empty is told to
    /// choose (`field-choose`) rather than to enter a value (`field-required`).
    pub fn choices(mut self, names: &[&'static str]) -> FormState {
        self.choices.extend_from_slice(names);
        self
    }

    /// Marks these fields as file uploads: a required one left empty is told to choose a file
    /// (`file-required`).
    pub fn files(mut self, names: &[&'static str]) -> FormState {
        self.files.extend_from_slice(names);
        self
    }

    /// The message for a required field left empty, by its kind of control: «Выберите
    /// значение.» for a drop-down, «Выберите файл.» for a file, «Заполните это поле.» for the
    /// others.
    pub fn required_message(&self, ctx: &PageCtx, field: &str) -> String {
        if self.choices.contains(&field) {
            ctx.tr("field-choose")
        } else if self.files.contains(&field) {
            ctx.tr("file-required")
        } else {
            ctx.rule(&Rule::FieldRequired)
        }
    }

    /// Adds the error of a required field left empty, worded by its kind of control.
    pub fn required(&mut self, ctx: &PageCtx, field: &str) {
        let message = self.required_message(ctx, field);
        self.push(field, message);
    }

    /// Whether a field already has an error.
    pub fn has_error(&self, name: &str) -> bool {
        self.errors.iter().any(|(f, _)| f == name)
    }

    /// The error summary: (field, "Label: message") for each error, in the order of the form's
    /// fields (as [`FormState::new`] lists them), whatever order the rules were checked in;
    /// errors of the form as a whole first.
    pub fn summary(&self, ctx: &PageCtx) -> Vec<(String, String)> {
        let mut errors: Vec<&(String, String)> = self.errors.iter().collect();
        errors.sort_by_key(|(field, _)| {
            self.fields
                .iter()
                .position(|f| f == field)
                .or_else(|| {
                    self.named
                        .iter()
                        .position(|(n, _)| n == field)
                        .map(|i| self.fields.len() + i)
                })
                .map_or(0, |i| i + 1)
        });
        errors
            .into_iter()
            .map(|(field, message)| {
                let anchor = if field.is_empty() {
                    String::new()
                } else {
                    format!("{}{field}", self.id_prefix)
                };
                if let Some((_, Some(label))) = self.named.iter().find(|(n, _)| n == field) {
                    let text = ctx.tr_args(
                        "field-error-with-label",
                        &[
                            ("field", label.clone()),
                            ("message", super::messages::lower_first(message)),
                        ],
                    );
                    return (anchor, text);
                }
                let key = self
                    .labels
                    .iter()
                    .find(|(f, _)| f == field)
                    .map(|(_, k)| *k)
                    .or_else(|| super::messages::field_label_key(field));
                let text = match key {
                    Some(key) if !field.is_empty() => ctx.tr_args(
                        "field-error-with-label",
                        &[
                            ("field", ctx.tr(key)),
                            ("message", super::messages::lower_first(message)),
                        ],
                    ),
                    _ => message.clone(),
                };
                (anchor, text)
            })
            .collect()
    }

    /// Sets a field's value (shown back in the form).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_owned(), value.into());
    }

    /// The value to show in a field ("" when none).
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    /// The error to show next to a field ("" when none; several are joined).
    pub fn error(&self, name: &str) -> String {
        self.errors
            .iter()
            .filter(|(f, _)| f == name)
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether any field has an error.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Adds an error for a field (or for the form as a whole, when the field is not on it).
    pub fn push(&mut self, field: &str, message: String) {
        let field = if self.has_field(field) {
            field.to_owned()
        } else {
            String::new()
        };
        self.errors.push((field, message));
    }

    /// Adds the domain's validation errors, translated (the same message twice on a field is
    /// shown once).
    pub fn absorb(&mut self, ctx: &PageCtx, errors: &ValidationErrors) {
        for e in &errors.0 {
            let message = if e.rule == Rule::FieldRequired {
                self.required_message(ctx, &e.field)
            } else {
                ctx.rule(&e.rule)
            };
            if self.has_field(&e.field) {
                if !self
                    .errors
                    .iter()
                    .any(|(f, m)| *f == e.field && *m == message)
                {
                    self.push(&e.field, message);
                }
            } else {
                // A field the form does not show (e.g. `code` of a command built from the URL):
                // named in words, listed without a link.
                let message = ctx.field_message(&e.field, &message);
                if !self
                    .errors
                    .iter()
                    .any(|(f, m)| f.is_empty() && *m == message)
                {
                    self.push("", message);
                }
            }
        }
    }
}

/// Why a page could not be shown or a form not accepted (other than invalid input, which
/// re-renders the form with 422).
#[derive(Debug)]
pub enum Fail {
    /// No such page or thing (404).
    NotFound,
    /// Not allowed (anonymous: sign in first).
    Forbidden(Option<Denied>),
    /// The request is malformed (400).
    BadRequest,
    /// The form's CSRF token is missing or wrong.
    Csrf,
    /// The body is larger than allowed (413).
    TooLarge,
    /// The server failed; the reason is logged, never shown.
    Internal(String),
}

impl From<AppError> for Fail {
    fn from(e: AppError) -> Fail {
        match e {
            AppError::Forbidden(d) => Fail::Forbidden(Some(d)),
            AppError::NotFound(..) => Fail::NotFound,
            AppError::Invalid(_)
            | AppError::BadRequest(_)
            | AppError::BadCredentials
            | AppError::Throttled { .. }
            | AppError::Rows(_) => Fail::BadRequest,
            AppError::Batch { error, .. } => Fail::from(*error),
            other => Fail::Internal(other.to_string()),
        }
    }
}

impl From<sailau_app::storage::StorageError> for Fail {
    fn from(e: sailau_app::storage::StorageError) -> Fail {
        Fail::Internal(e.to_string())
    }
}

impl From<crate::session::CsrfError> for Fail {
    fn from(_: crate::session::CsrfError) -> Fail {
        Fail::Csrf
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    ctx: &'a PageCtx,
    status: u16,
    title_key: &'static str,
    body_key: &'static str,
    /// Why the account was refused, in words (empty: the body alone says it).
    reason: String,
    /// Offer to sign in (the visitor is anonymous and was refused).
    login: bool,
}

impl Fail {
    /// The status and the message keys of the title and the body of its error page.
    pub fn message_keys(&self) -> (&'static str, &'static str) {
        let (_, title, body) = self.page();
        (title, body)
    }

    fn page(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            Fail::NotFound => (
                StatusCode::NOT_FOUND,
                "error-not-found-title",
                "error-not-found-body",
            ),
            Fail::Forbidden(_) => (
                StatusCode::FORBIDDEN,
                "error-forbidden-title",
                "error-forbidden-body",
            ),
            Fail::BadRequest => (
                StatusCode::BAD_REQUEST,
                "error-bad-request-title",
                "error-bad-request-body",
            ),
            Fail::Csrf => (StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf-body"),
            Fail::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-too-large-title",
                "error-too-large-body",
            ),
            Fail::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-server-title",
                "error-server-body",
            ),
        }
    }

    /// One failure of every kind (for tests that walk them all).
    #[cfg(test)]
    pub fn samples() -> Vec<Fail> {
        let all = vec![
            Fail::NotFound,
            Fail::Forbidden(None),
            Fail::BadRequest,
            Fail::Csrf,
            Fail::TooLarge,
            Fail::Internal("pool_timed_out".into()),
        ];
        for f in &all {
            match f {
                Fail::NotFound
                | Fail::Forbidden(_)
                | Fail::BadRequest
                | Fail::Csrf
                | Fail::TooLarge
                | Fail::Internal(_) => {}
            }
        }
        all
    }
}

impl Page {
    /// The error page for a failure, in the visitor's language.
    pub fn fail(&self, fail: Fail) -> Response {
        let (status, title_key, body_key) = fail.page();
        if let Fail::Internal(reason) = &fail {
            tracing::error!(%reason, path = %self.ctx.path, "page failed");
        }
        let anonymous = self.session.is_none();
        let login = anonymous && matches!(fail, Fail::Forbidden(_));
        let body_key = if login { "login-required" } else { body_key };
        let reason = match &fail {
            Fail::Forbidden(Some(d)) if !login => self.ctx.denied(d),
            _ => String::new(),
        };
        self.render(
            status,
            &ErrorPage {
                ctx: &self.ctx,
                status: status.as_u16(),
                title_key,
                body_key,
                reason,
                login,
            },
        )
    }

    /// The result of a handler: the page, or the error page.
    pub fn respond(&self, result: Result<Response, Fail>) -> Response {
        match result {
            Ok(r) => r,
            Err(f) => self.fail(f),
        }
    }

    /// The one tail of every page handler: runs the handler's body and answers with its page,
    /// or with the error page of its [`Fail`] (404, 403, 400, ... in the page's language).
    ///
    /// ```ignore
    /// pub async fn show(page: Page, State(state): State<WebState>) -> Response {
    ///     page.answer(async {
    ///         let party = state.app.store().party(&code).await?.ok_or(Fail::NotFound)?;
    ///         Ok(page.render(StatusCode::OK, &PartyPage { ctx: page.ctx.clone(), party }))
    ///     })
    ///     .await
    /// }
    /// ```
    pub async fn answer(&self, body: impl Future<Output = Result<Response, Fail>>) -> Response {
        self.respond(body.await)
    }
}

/// POST-redirect-GET: 303 See Other to `to`.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

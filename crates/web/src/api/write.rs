//! The one shape of an API write handler: parse → execute → reload → answer.
//!
//! A handler parses its path and body (collecting every broken field with
//! [`super::types::Fields`]), then hands the command to [`write`], which runs it through
//! `App::execute` as the signed-in [`Writer`] (authorize, validate, write, ledger entry, sign, in
//! one transaction) and reads back what was saved. The handler answers with
//! [`Written::created`] (201 with `Location`) or [`Written::ok`] (200); the body is the
//! resource's `…Written` type, built from the saved value and the ledger position through
//! `From<Written<T>>`. Refusals become problem documents by `?` (see [`crate::problem`]), and the
//! OpenAPI side of a write lists its refusals with [`crate::problem::WriteRefused`].
//!
//! ```ignore
//! pub async fn create_party(
//!     State(state): State<WebState>,
//!     writer: Writer,
//!     ApiJson(body): ApiJson<NewParty>,
//! ) -> Result<Created<PartyWritten>, Problem> {
//!     let party = /* parse the body */;
//!     let code = party.code.clone();
//!     write(&state, &writer, CreateParty { party }, async |s| s.party(&code).await)
//!         .await?
//!         .created(format!("/api/v1/parties/{code}"))
//! }
//! ```

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_app::storage::{StorageError, Store};
use sailau_app::{AppError, Applied};
use sailau_domain::Issued;
use serde::Serialize;

use super::extract::Writer;
use super::territories::storage;
use super::types::{Fields, LedgerPosition};
use crate::WebState;
use crate::problem::{Missing, Problem};

/// What a write saved, as read back after its transaction, and where its entry sits in the ledger.
#[derive(Debug, Clone)]
pub struct Written<T> {
    /// The record as saved (normalized text, server-assigned ids).
    pub saved: T,
    /// The ledger entry of the change.
    pub ledger: LedgerPosition,
}

/// Runs `command` as `writer` and reads back the record it wrote with `reload`.
///
/// # Errors
/// The app's refusal as a problem (401/403 not allowed, 422 rules broken with every field, 404
/// unknown target, 500 for storage faults); 500 when `reload` finds nothing after a successful
/// write (it must look up the record the command just wrote).
pub async fn write<T>(
    state: &WebState,
    writer: &Writer,
    command: impl Into<Issued>,
    reload: impl AsyncFnOnce(&Store) -> Result<Option<T>, StorageError>,
) -> Result<Written<T>, Problem> {
    let applied = state.app.execute(&writer.acting(), command).await?;
    reloaded(state, applied, reload).await
}

/// [`write`] for a command some of whose fields may not have parsed. When `parsed` holds broken
/// fields, the command (built with stand-ins in their place) is checked in a dry run that writes
/// nothing, and the answer is 422 with every broken rule at once: the parse errors, then the
/// rules the other fields break, less those on a broken field and on fields starting with one of
/// `shadowed` (the fields whose rules a stand-in would make up, e.g. the other windows when one
/// window's end did not parse). A refusal of the writer (401/403) comes before any field's.
///
/// # Errors
/// As [`write`]; 422 as above.
pub async fn write_parsed<T>(
    state: &WebState,
    writer: &Writer,
    parsed: Fields,
    shadowed: &[&str],
    command: impl Into<Issued>,
    reload: impl AsyncFnOnce(&Store) -> Result<Option<T>, StorageError>,
) -> Result<Written<T>, Problem> {
    if parsed.is_empty() {
        return write(state, writer, command, reload).await;
    }
    let mut errors = parsed.into_errors();
    match state.app.check(&writer.acting(), command).await {
        Err(AppError::Invalid(more)) => {
            let broken: Vec<String> = errors.0.iter().map(|e| e.field.clone()).collect();
            errors.0.extend(more.0.into_iter().filter(|e| {
                !broken.contains(&e.field) && !shadowed.iter().any(|p| e.field.starts_with(p))
            }));
        }
        Err(e @ AppError::Forbidden(_)) => return Err(e.into()),
        _ => {}
    }
    Err(Problem::invalid(&errors))
}

/// The second half of [`write`], for writes that go through another `App` method (accounts with
/// a password): reads back the record after `applied`.
///
/// # Errors
/// 500 when the store fails or `reload` finds nothing.
pub async fn reloaded<T>(
    state: &WebState,
    applied: Applied,
    reload: impl AsyncFnOnce(&Store) -> Result<Option<T>, StorageError>,
) -> Result<Written<T>, Problem> {
    let saved = reload(state.app.store())
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::internal(&"a record just written is missing"))?;
    Ok(Written {
        saved,
        ledger: applied.into(),
    })
}

impl<T> Written<T> {
    /// The value and its ledger position, as another saved value (e.g. a branch as written
    /// rather than read back).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Written<U> {
        Written {
            saved: f(self.saved),
            ledger: self.ledger,
        }
    }

    /// 201 Created, `Location: location`, and the body `B` built from what was written.
    ///
    /// # Errors
    /// Never; the `Result` lets a handler end with this call.
    pub fn created<B: From<Written<T>>>(self, location: String) -> Result<Created<B>, Problem> {
        Ok(Created {
            location: Some(location),
            body: B::from(self),
        })
    }

    /// 201 Created without a `Location` (the resource has no URL of its own).
    ///
    /// # Errors
    /// Never; the `Result` lets a handler end with this call.
    pub fn created_here<B: From<Written<T>>>(self) -> Result<Created<B>, Problem> {
        Ok(Created {
            location: None,
            body: B::from(self),
        })
    }

    /// 200 OK with the body `B` built from what was written.
    ///
    /// # Errors
    /// Never; the `Result` lets a handler end with this call.
    pub fn ok<B: From<Written<T>>>(self) -> Result<axum::Json<B>, Problem> {
        Ok(axum::Json(B::from(self)))
    }
}

/// A 201 answer: the body as JSON and, when the resource has a URL, `Location`.
#[derive(Debug, Clone)]
pub struct Created<B> {
    location: Option<String>,
    body: B,
}

impl<B: Serialize> IntoResponse for Created<B> {
    fn into_response(self) -> Response {
        let mut res = (StatusCode::CREATED, axum::Json(self.body)).into_response();
        if let Some(location) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            res.headers_mut().insert(header::LOCATION, location);
        }
        res
    }
}

/// The record `lookup` finds, or 404 naming the `what` of `id` ("territory 631010000 does not
/// exist", worded in the request's language): the check a write on an existing resource makes
/// before it runs its command.
///
/// # Errors
/// 404 when nothing is found, 500 when the store fails.
pub async fn existing<T>(
    state: &WebState,
    what: Missing,
    id: impl std::fmt::Display,
    lookup: impl AsyncFnOnce(&Store) -> Result<Option<T>, StorageError>,
) -> Result<T, Problem> {
    lookup(state.app.store())
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::not_found(what, id))
}

/// `impl From<Written<Saved>> for Body` for a resource's `…Written` answer
/// `Body { field: View::from(saved), ledger }`: `written_body!(PartyWritten { party: Party });`.
macro_rules! written_body {
    ($body:ident { $field:ident: $saved:ty }) => {
        impl From<$crate::api::write::Written<$saved>> for $body {
            fn from(w: $crate::api::write::Written<$saved>) -> Self {
                $body {
                    $field: w.saved.into(),
                    ledger: w.ledger,
                }
            }
        }
    };
}
pub(crate) use written_body;

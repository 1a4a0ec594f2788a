//! The ballot as a PDF in the API (i11-print), the twin of the page route
//! `/elections/{election}/contests/{contest}/ballot.pdf`: the same document, from the same
//! `App::ballot`, rendered by `sailau-print`.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_domain::elections::ContestId;
use sailau_print::{Lang, PrintError};
use serde::Deserialize;
use utoipa::IntoParams;

use super::extract::{ApiQuery, IdPath};
use crate::WebState;
use crate::pages::ballot_doc;
use crate::problem::{Problem, ProblemKind};

/// The language of the printed ballot.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BallotPdfQuery {
    /// `kk` (Kazakh) or `ru` (Russian): ballots are printed in the state language and in Russian.
    #[param(pattern = "^(kk|ru)$")]
    pub lang: String,
}

/// A contest's ballot as a PDF (A4, the font embedded), in Kazakh or Russian: the registered
/// candidates in the Kazakh alphabetical order, then the against-all line.
#[utoipa::path(
    get, path = "/api/v1/elections/contests/{id}/ballot.pdf", tag = "elections",
    params(
        IdPath<ContestId>,
        BallotPdfQuery,
    ),
    responses(
        (status = 200, description = "The ballot as a PDF", body = String, content_type = "application/pdf"),
        (status = 400, description = "A malformed id or language", body = Problem),
        (status = 404, description = "No such contest", body = Problem),
        (status = 422, description = "A candidate's details hold a character the print font lacks", body = Problem),
    )
)]
pub async fn get_ballot_pdf(
    State(state): State<WebState>,
    IdPath(id): IdPath<ContestId>,
    ApiQuery(query): ApiQuery<BallotPdfQuery>,
) -> Result<Response, Problem> {
    let lang = Lang::from_code(&query.lang).ok_or_else(|| {
        Problem::bad_parameter(
            "lang",
            "lang",
            "kk or ru",
            &[("allowed", "kk, ru".to_owned())],
        )
    })?;
    let ballot = state.app.ballot(&id).await?;
    let doc = ballot_doc(&ballot);
    let catalog = state.i18n.clone();
    let pdf = tokio::task::spawn_blocking(move || sailau_print::ballot_pdf(&doc, lang, &catalog))
        .await
        .map_err(|e| Problem::internal(&e))?;
    match pdf {
        Ok(bytes) => {
            let mut response = (StatusCode::OK, bytes).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            );
            Ok(response)
        }
        Err(PrintError::MissingGlyph { character, .. }) => Err(Problem::new(ProblemKind::Invalid)
            .with_detail(format!(
                "a candidate's details hold {character:?} (U+{:04X}), which the print font lacks",
                u32::from(character)
            ))),
        Err(other) => Err(Problem::internal(&other)),
    }
}

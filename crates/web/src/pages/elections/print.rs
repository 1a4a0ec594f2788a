//! The ballot as a PDF (issue 11, item 8; i11-print):
//! `GET /elections/{election}/contests/{contest}/ballot.pdf?lang=kk|ru`.
//!
//! Reads the contest's ballot through `App::ballot`, converts it to `sailau_print::BallotDoc`
//! (the print crate knows nothing of the domain), orders the candidates by the state language's
//! alphabet (`sailau_domain::collation`, the CEC's practice: the same order on the Kazakh and the
//! Russian ballot) and renders it on a blocking thread. Without `lang` the ballot follows the
//! page's language (Russian for English readers: ballots exist in Kazakh and Russian only).
//!
//! This file is registered from `pages/mod.rs` (a `#[path]` module) so that it sits with the
//! elections pages without editing their module, which i11-web owns.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sailau_domain::collation::{Collation, Language, NameParts};
use sailau_domain::elections::{Ballot, BallotLine, ContestId, ElectionId};
use sailau_print::{BallotCandidate, BallotDoc, Bilingual, Lang, PrintError};

use super::{Fail, Page, PageCtx};
use crate::WebState;

/// The routes of this file.
pub fn routes() -> Router<WebState> {
    Router::new().route(
        "/elections/{election}/contests/{contest}/ballot.pdf",
        get(ballot_pdf),
    )
}

/// The ballot of a contest as a PDF in Kazakh or Russian. Public, like the ballot page.
async fn ballot_pdf(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let lang = match query.get("lang") {
            Some(code) => Lang::from_code(code).ok_or(Fail::BadRequest)?,
            None if page.ctx.language() == sailau_i18n::Lang::Kk => Lang::Kk,
            None => Lang::Ru,
        };
        let election = ElectionId::parse(&election).ok_or(Fail::NotFound)?;
        let contest = ContestId::parse(&contest).ok_or(Fail::NotFound)?;
        let view = state.app.contest(&contest).await?;
        if view.election.id != election {
            return Err(Fail::NotFound);
        }
        let ballot = state.app.ballot(&contest).await?;
        let doc = ballot_doc(&ballot).map_err(|e| Fail::Internal(e.to_string()))?;
        let catalog = state.i18n.clone();
        let pdf =
            tokio::task::spawn_blocking(move || sailau_print::ballot_pdf(&doc, lang, &catalog))
                .await
                .map_err(|e| Fail::Internal(e.to_string()))?;
        match pdf {
            Ok(bytes) => Ok(pdf_response(
                bytes,
                &format!("ballot-{contest}-{}.pdf", lang.code()),
            )),
            Err(PrintError::MissingGlyph { character, .. }) => {
                Ok(unprintable(&page.ctx, character))
            }
            Err(other) => Err(Fail::Internal(other.to_string())),
        }
    }
    .await;
    page.respond(result)
}

/// `application/pdf`, shown in the browser, saved under `filename`.
fn pdf_response(bytes: Vec<u8>, filename: &str) -> Response {
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The error page (422) when a candidate's data holds a character the print font lacks: the
/// commission corrects the data; nothing prints a blank box.
#[derive(Template)]
#[template(path = "error.html")]
struct Unprintable<'a> {
    ctx: &'a PageCtx,
    status: u16,
    title_key: &'static str,
    body_key: &'static str,
    reason: String,
    login: bool,
}

fn unprintable(ctx: &PageCtx, character: char) -> Response {
    let page = Unprintable {
        ctx,
        status: 422,
        title_key: "print-unprintable-title",
        body_key: "print-unprintable-body",
        reason: ctx.tr_arg("print-unprintable-character", "character", character),
        login: false,
    };
    super::ctx::render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// The domain's ballot as the print crate's input, candidates in the state language's
/// alphabetical order (surname, given name, patronymic).
pub fn ballot_doc(ballot: &Ballot) -> Result<BallotDoc, sailau_domain::collation::CollationError> {
    let collation = Collation::new(Language::BALLOT_ORDER)?;
    let mut lines: Vec<&BallotLine> = ballot.candidates.iter().collect();
    lines.sort_by(|a, b| collation.compare_names(&name(a), &name(b)));
    Ok(BallotDoc {
        title: Bilingual::new(&ballot.title_kk, &ballot.title_ru),
        unit: Bilingual::new(&ballot.unit.kk, &ballot.unit.ru),
        election_day: ballot.election_day.clone(),
        candidates: lines
            .into_iter()
            .map(|line| BallotCandidate {
                surname: line.surname.clone(),
                given_name: line.given_name.clone(),
                patronymic: line.patronymic.clone(),
                birth_year: i32::from(line.birth_year),
                post: line.post.clone(),
                nomination: Bilingual::new(&line.nomination_kk, &line.nomination_ru),
            })
            .collect(),
        against_all: Bilingual::new(&ballot.against_all_kk, &ballot.against_all_ru),
        changed: ballot.changed,
    })
}

fn name(line: &BallotLine) -> NameParts<'_> {
    NameParts {
        surname: &line.surname,
        given_name: &line.given_name,
        patronymic: &line.patronymic,
    }
}

#[cfg(test)]
mod tests {
    use sailau_domain::elections::{Ballot, BallotLine, ContestId};
    use sailau_domain::territory::Names;

    use super::ballot_doc;

    fn line(surname: &str, given_name: &str, patronymic: &str) -> BallotLine {
        BallotLine {
            number: 1,
            surname: surname.to_uppercase(),
            given_name: given_name.into(),
            patronymic: patronymic.into(),
            birth_year: 1980,
            post: "мектеп директоры".into(),
            nomination_kk: "Өзін-өзі ұсыну".into(),
            nomination_ru: "Самовыдвижение".into(),
        }
    }

    #[test]
    fn the_ballot_is_ordered_by_the_kazakh_alphabet_in_both_languages() {
        let ballot = Ballot {
            contest: ContestId(uuid::Uuid::nil()),
            unit: Names {
                ru: "Уилский район".into(),
                kk: "Ойыл ауданы".into(),
                en: "Uil district".into(),
            },
            election_day: "05.11.2023".into(),
            title_kk: "Сайлау бюллетені".into(),
            title_ru: "Избирательный бюллетень".into(),
            // Code-point order (and a case-folded sort) would put Ә, Қ, Ү after Я.
            candidates: vec![
                line("Ясинов", "Арман", ""),
                line("Үсенов", "Іңкәр", "Ерланұлы"),
                line("Қосанов", "Әміржан", ""),
                line("Әбілова", "Гүлнұр", "Қайратқызы"),
                line("Ахметов", "Ғалым", ""),
                line("Ұзақбаев", "Үмбет", ""),
            ],
            against_all_kk: "Барлығына қарсы".into(),
            against_all_ru: "Против всех".into(),
            produced: true,
            changed: true,
        };
        let doc = ballot_doc(&ballot).unwrap();
        let surnames: Vec<&str> = doc.candidates.iter().map(|c| c.surname.as_str()).collect();
        assert_eq!(
            surnames,
            [
                "АХМЕТОВ",
                "ӘБІЛОВА",
                "ҚОСАНОВ",
                "ҰЗАҚБАЕВ",
                "ҮСЕНОВ",
                "ЯСИНОВ"
            ]
        );
        assert_eq!(doc.unit.kk, "Ойыл ауданы");
        assert_eq!(doc.against_all.ru, "Против всех");
        assert!(doc.changed);
    }
}

//! The printed documents of the elections context as PDFs, in Kazakh or Russian (`?lang=kk|ru`;
//! without it the page's language, Russian for English readers: these documents exist in the two
//! languages only):
//!
//! - the ballot (issue 11, item 8): `GET /elections/{election}/contests/{contest}/ballot.pdf`,
//!   from `App::ballot` in the domain's order (the state language's alphabet,
//!   `sailau_domain::collation`, the same on both ballots);
//! - the signature-verification protocol of a self-nominee (item 5):
//!   `GET /elections/nominations/{nomination}/signatures/protocol.pdf`, from
//!   `App::signature_protocol` (counts per ground only: no signer's data; public, like the counts
//!   on the nomination's page).
//!
//! The domain's values become the print crate's plain input structs (`BallotDoc`,
//! `SignatureProtocolDoc`: it knows nothing of the domain) and are rendered on a blocking thread.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_app::Acting;
use sailau_app::elections::signatures::SignatureProtocol;
use sailau_domain::elections::{Ballot, BallotLine};
use sailau_print::{
    BallotCandidate, BallotDoc, Bilingual, GroundCount, Lang, PrintError, SignatureProtocolDoc,
};

use super::{contest_id, election_id, full_name, nomination_id};
use crate::WebState;
use crate::pages::{Fail, Page, PageCtx};

/// The language of a printed document: `?lang=kk|ru`, else the page's (Kazakh for Kazakh
/// readers, Russian otherwise); any other `lang` is a bad request.
fn print_lang(page: &Page, query: &HashMap<String, String>) -> Result<Lang, Fail> {
    match query.get("lang") {
        Some(code) => Lang::from_code(code).ok_or(Fail::BadRequest),
        None if page.ctx.language() == sailau_i18n::Lang::Kk => Ok(Lang::Kk),
        None => Ok(Lang::Ru),
    }
}

/// Renders a document off the async workers and answers with the PDF, or with the page that
/// says which character the font lacks.
async fn pdf(
    page: &Page,
    filename: String,
    render: impl FnOnce() -> Result<Vec<u8>, PrintError> + Send + 'static,
) -> Result<Response, Fail> {
    let rendered = tokio::task::spawn_blocking(render)
        .await
        .map_err(|e| Fail::Internal(e.to_string()))?;
    match rendered {
        Ok(bytes) => Ok(pdf_response(bytes, &filename)),
        Err(PrintError::MissingGlyph { character, .. }) => Ok(unprintable(&page.ctx, character)),
        Err(other) => Err(Fail::Internal(other.to_string())),
    }
}

/// GET /elections/{election}/contests/{contest}/ballot.pdf: the ballot of a contest as a PDF in
/// Kazakh or Russian. Public, like the ballot page.
pub async fn ballot_pdf(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let lang = print_lang(&page, &query)?;
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let view = state.app.contest(&contest).await?;
        if view.election.id != election {
            return Err(Fail::NotFound);
        }
        let doc = ballot_doc(&state.app.ballot(&contest).await?);
        let catalog = state.i18n.clone();
        pdf(
            &page,
            format!("ballot-{contest}-{}.pdf", lang.code()),
            move || sailau_print::ballot_pdf(&doc, lang, &catalog),
        )
        .await
    })
    .await
}

/// GET /elections/nominations/{nomination}/signatures/protocol.pdf: the signature-verification
/// protocol of a self-nomination (counts per ground, threshold, verdict, the commission's
/// signature lines). 404 for a nomination without signature sheets (a party's nominee).
pub async fn protocol_pdf(
    page: Page,
    State(state): State<WebState>,
    Path(nomination): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let lang = print_lang(&page, &query)?;
        let id = nomination_id(&nomination)?;
        let nv = state.app.nomination(&id).await?;
        if nv.nomination.route != sailau_domain::elections::Route::SelfNominated {
            return Err(Fail::NotFound);
        }
        let acting = page.principal().map(|p| Acting::Account(p.clone()));
        let protocol = state.app.signature_protocol(acting.as_ref(), id).await?;
        // The document is worded in its own language, whatever the page's.
        let mut ctx = page.ctx.clone();
        ctx.set_language(lang.into());
        let unit = ctx.name_of(&nv.unit.names).to_owned();
        let doc = protocol_doc(&ctx, &protocol, &unit);
        let catalog = state.i18n.clone();
        pdf(
            &page,
            format!("signature-protocol-{id}-{}.pdf", lang.code()),
            move || sailau_print::signature_protocol_pdf(&doc, lang, &catalog),
        )
        .await
    })
    .await
}

/// The app's protocol as the print crate's input, worded in `ctx`'s language; dated the day the
/// last sheets were recorded, in the unit's time zone.
pub fn protocol_doc(ctx: &PageCtx, p: &SignatureProtocol, unit: &str) -> SignatureProtocolDoc {
    let c = &p.counts;
    let recorded = p.batches.iter().map(|b| b.recorded_at_ms).max();
    let date = recorded
        .and_then(|ms| sailau_domain::date::local_date(ms, Some(&p.contest.unit)).ok())
        .map(|d| super::when::date(ctx.language(), d))
        .unwrap_or_default();
    SignatureProtocolDoc {
        commission: ctx.tr_arg("el-commission-of", "territory", unit),
        election: super::list::election_name(ctx, &p.election),
        candidate: full_name(&p.nomination),
        unit: unit.to_owned(),
        sheets: u64::from(c.sheets),
        lines: u64::from(c.lines),
        valid: u64::from(c.valid),
        grounds: c
            .per_ground()
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(key, n)| GroundCount {
                label: ctx.tr(&format!("signature-ground-{key}")),
                count: u64::from(n),
            })
            .collect(),
        threshold: p.required,
        sufficient: p.enough,
        date,
        members: 3,
    }
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
    crate::pages::ctx::render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// The domain's ballot as the print crate's input. The order is the domain's
/// (`Ballot::build` sorts by `sailau_domain::collation`, the Kazakh alphabet, on both ballots).
pub fn ballot_doc(ballot: &Ballot) -> BallotDoc {
    let lines: Vec<&BallotLine> = ballot.candidates.iter().collect();
    BallotDoc {
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
    fn the_ballot_keeps_the_domains_order_and_texts() {
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
            candidates: vec![
                line("Ахметов", "Ғалым", ""),
                line("Әбілова", "Гүлнұр", "Қайратқызы"),
                line("Қосанов", "Әміржан", ""),
                line("Ұзақбаев", "Үмбет", ""),
                line("Үсенов", "Іңкәр", "Ерланұлы"),
                line("Ясинов", "Арман", ""),
            ],
            against_all_kk: "Барлығына қарсы".into(),
            against_all_ru: "Против всех".into(),
            produced: true,
            changed: true,
        };
        let doc = ballot_doc(&ballot);
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

//! The stylesheet, images and the voting client's modules, embedded in the binary.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use super::{Fail, Page};

const CSS: &str = include_str!("../../assets/sailau.css");
const LOGO: &str = include_str!("../../assets/logo.svg");
const FAVICON: &str = include_str!("../../assets/favicon.svg");
/// The browser client of the verifiable ballot (`docs/verifiable-voting.md`, issue 14 §4): the
/// protocol in JavaScript and the bundled @noble libraries it imports as `./noble.js`, served
/// from here so that voting needs no outside network.
const VOTE_CLIENT: &str = include_str!("../../assets/vote/sailau-vote.js");
const NOBLE: &str = include_str!("../../assets/vote/noble.js");
/// The voting page's script: drives the form with the client above.
const VOTE_PAGE: &str = include_str!("../../assets/vote-page.js");

/// Assets are not fingerprinted: cache them for a day, then revalidate.
const CACHE: &str = "public, max-age=86400";

pub async fn serve(page: Page, Path(file): Path<String>) -> Response {
    let (body, content_type) = match file.as_str() {
        "sailau.css" => (CSS, "text/css; charset=utf-8"),
        "logo.svg" => (LOGO, "image/svg+xml"),
        "favicon.svg" => (FAVICON, "image/svg+xml"),
        "sailau-vote.js" => (VOTE_CLIENT, "text/javascript; charset=utf-8"),
        "noble.js" => (NOBLE, "text/javascript; charset=utf-8"),
        "vote-page.js" => (VOTE_PAGE, "text/javascript; charset=utf-8"),
        _ => return page.fail(Fail::NotFound),
    };
    ([(CONTENT_TYPE, content_type), (CACHE_CONTROL, CACHE)], body).into_response()
}

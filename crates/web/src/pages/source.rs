//! `/source`: the version this server runs and where its source is (sailau is AGPL-3.0-or-later:
//! a server must offer its users the source of the version it runs). The footer links here unless
//! the operator configured a download address (`--source-url`).

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;

use super::{Page, PageCtx};

#[derive(Template)]
#[template(path = "source.html")]
struct SourcePage {
    ctx: PageCtx,
}

pub async fn show(page: Page) -> Response {
    page.render(
        StatusCode::OK,
        &SourcePage {
            ctx: page.ctx.clone(),
        },
    )
}

impl PageCtx {
    /// "version 0.1.0, build 1a2b3c4d5e6f" for the footer.
    pub fn footer_version(&self) -> String {
        self.tr_args(
            "footer-version",
            &[
                ("version", self.source.version.to_owned()),
                ("commit", self.source.short_commit()),
            ],
        )
    }

    /// The commit's hash alone (without `-modified`).
    pub fn commit_hash(&self) -> &str {
        self.source.commit.split('-').next().unwrap_or_default()
    }

    /// Whether the build knows its commit.
    pub fn commit_known(&self) -> bool {
        self.source.commit != "unknown"
    }
}

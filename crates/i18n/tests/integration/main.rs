#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Integration tests of sailau-i18n: the catalogs are complete, consistent and well formed in all
//! three languages, and the API behaves.

mod catalog;
mod format;
mod lang;
mod script;

use std::sync::OnceLock;

use sailau_i18n::Catalog;

/// One catalog for all tests (parsing is cheap, but this also exercises sharing).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::new().expect("the embedded catalogs parse"))
}

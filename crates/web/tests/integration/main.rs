#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! sailau-web's integration tests, in-process on every backend (see `common.rs`).

mod api;
mod ballot_pdf;
mod common;
mod day_pages;
mod elections;
mod elections_api;
mod elections_finish;
mod imports;
mod open_data;

#[path = "../../../storage/tests/support/databases.rs"]
mod databases;
mod pages;
mod party;
mod party_pages;
mod primaries_api;
mod primaries_online;
mod primaries_pages;
mod results;
mod signatures;
mod vote_client;

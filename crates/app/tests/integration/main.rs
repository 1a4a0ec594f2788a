#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The app layer end to end: commands, the ledger, authorization, import, accounts, the demo.

mod authz_matrix;
mod commands;
#[path = "../../../storage/tests/support/databases.rs"]
mod databases;
mod demo;
mod election_day;
mod elections;
mod elections_authz;
mod fixture;
mod import;
mod import_excel;
mod open_data;

mod ledger_fixture;
mod party;
#[path = "../../../domain/tests/integration/permissions.rs"]
mod permissions;
mod pipeline;
mod primaries;
mod record;
mod results;
mod sessions;
mod signatures;
mod verify;

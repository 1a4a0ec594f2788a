#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod authz_matrix;
mod dates;
mod election_day;
mod elections;
mod golden_day;
mod golden_elections;
mod golden_pipeline;
mod golden_signatures;
mod ledger_entry;
mod party;
mod permissions;
mod primaries;
mod primaries_online;
mod rules;
mod signatures;
mod tabulation;
mod text;

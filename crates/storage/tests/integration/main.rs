#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! One storage story, run on SQLite always and on PostgreSQL when SAILAU_TEST_POSTGRES_URL is set
//! (under CI, an unset or unreachable PostgreSQL fails the run instead of skipping).

mod backends;
mod credentials;
mod party;
mod story;

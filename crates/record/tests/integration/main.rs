#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Integration tests of sailau-record: a whole election through the library, the verifier against every way
//! to cheat, the bulletin board's refusals, and the streaming files.

mod board;
mod cheating;
mod common;
mod conformance;
mod election;
mod files;
mod synthetic;

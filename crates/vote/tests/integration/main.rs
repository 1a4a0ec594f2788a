#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Integration tests of sailau-vote.

mod common;
mod conformance;
mod election;
mod negative;
mod properties;
mod units;
mod vectors;

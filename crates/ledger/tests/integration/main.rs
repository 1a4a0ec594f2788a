#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Integration tests of sailau-ledger: one binary, one module per concern.

mod api;
mod props;
mod reference;
mod sth;
mod vectors;

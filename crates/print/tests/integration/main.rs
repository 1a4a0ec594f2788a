#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod ballot;
mod model;
mod poppler;
mod protocol;
mod samples;

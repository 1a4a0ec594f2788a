//! sailau-record: an election record as a directory of files that stream, every step of a verifiable
//! election run on those files, and the independent verifier.
//!
//! The record layout is in [`layout`]; the cryptography is `sailau-vote`'s (this crate does the I/O, the
//! bookkeeping and the parallelism, and nothing cryptographic of its own beyond adding ciphertexts). Steps in
//! election order:
//!
//! | step | function | writes |
//! |---|---|---|
//! | create the election | [`ceremony::init`] | `manifest.json`, `parameters.json` |
//! | trustee announces | [`ceremony::keygen`] | secret file, `trustees/trustee-<i>.json` |
//! | trustee deals shares | [`ceremony::deal`] | `trustees/dealt-<i>.json` |
//! | trustee accepts shares | [`ceremony::finalize`] | secret file, `trustees/finalized-<j>.json`, `election.json` |
//! | credential authority | [`credentials::generate`] | voters' secrets file, `credentials.jsonl` |
//! | voter client | [`voter::vote`] | a [`format::Submission`] |
//! | bulletin board | [`board::Board::submit`] | `ballots.jsonl` / `challenged.jsonl` |
//! | tally | [`tally::tally`] | `tally.json` |
//! | trustee decrypts | [`tally::decrypt`] | `shares/share-<j>.json` |
//! | combine | [`tally::combine`] | `results.json` |
//! | verify | [`verify::verify`] | nothing: a [`verify::VerifyReport`] |
//!
//! Architecture invariant: no network, no database, no terminal; progress goes through [`progress::Progress`].

#![warn(missing_docs)]

pub mod bench;
pub mod board;
pub mod ceremony;
mod check;
pub mod credentials;
pub mod error;
pub mod format;
pub mod jsonl;
pub mod layout;
pub mod progress;
pub mod record;
pub mod spec;
pub mod strict;
mod sums;
pub mod tally;
pub mod verify;
pub mod voter;

pub use board::{Board, BoardLock, Receipt, Refusal};
pub use check::DEFAULT_BATCH;
pub use error::{RecordError, Result};
pub use layout::RecordDir;
pub use progress::{NoProgress, Progress};
pub use record::Record;
pub use spec::ElectionSpec;
pub use verify::{Check, Finding, Summary, VerifyOptions, VerifyReport, record_below, verify};

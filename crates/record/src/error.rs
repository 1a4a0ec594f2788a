//! Errors of the record crate.
//!
//! [`RecordError`] is what every step returns: it names the file (and, for JSON lines, the line number) where
//! reading or writing failed, or the precondition a step found unmet. The verifier does not use it for the
//! problems it finds in a record — those are [`crate::verify::Finding`]s, collected and reported together —
//! only for the cases where it cannot read the record at all.

use std::path::PathBuf;

/// Result type of the record crate.
pub type Result<T, E = RecordError> = std::result::Result<T, E>;

/// Everything that can go wrong while reading, writing or advancing an election record.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// A file could not be opened, read, written or renamed.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// A whole-file JSON document does not parse (or does not match its schema).
    #[error("{path}: invalid JSON: {source}")]
    Json {
        /// The file concerned.
        path: PathBuf,
        /// The parser's error (it carries line and column).
        #[source]
        source: serde_json::Error,
    },
    /// One line of a JSON-lines file does not parse.
    #[error("{path}:{line}: invalid JSON line: {source}")]
    JsonLine {
        /// The file concerned.
        path: PathBuf,
        /// Line number, counted from 1.
        line: u64,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// A line of a JSON-lines file is blank, unterminated or not UTF-8 (spec §12).
    #[error("{path}:{line}: {message}")]
    Malformed {
        /// The file concerned.
        path: PathBuf,
        /// Line number, counted from 1.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A file that the current step needs is not there yet.
    #[error("{path}: missing — {hint}")]
    Missing {
        /// The file that is missing.
        path: PathBuf,
        /// Which step creates it.
        hint: String,
    },
    /// A file that the current step would create already exists.
    #[error("{path}: already exists — {hint}")]
    Exists {
        /// The file concerned.
        path: PathBuf,
        /// What to do about it.
        hint: String,
    },
    /// The input given to a step is invalid (a bad manifest, an unknown option, a wrong trustee index…).
    #[error("{0}")]
    Invalid(String),
    /// The bulletin board refused a ballot; the reason says why.
    #[error("ballot refused: {0}")]
    Refused(#[from] crate::board::Refusal),
    /// A cryptographic operation of the vote crate failed.
    #[error("{context}: {message}")]
    Crypto {
        /// What was being done.
        context: String,
        /// The vote crate's error, rendered.
        message: String,
    },
}

impl RecordError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    /// A vote-crate error, with what was being done.
    pub fn crypto(context: impl Into<String>, err: impl std::fmt::Display) -> Self {
        Self::Crypto {
            context: context.into(),
            message: err.to_string(),
        }
    }

    /// An invalid input.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::Invalid(message.into())
    }
}

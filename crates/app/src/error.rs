//! The application's error type: what went wrong, in terms an interface can map to a status.

use sailau_domain::{Denied, DomainError, ValidationErrors};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The command broke rules of the domain; nothing was written.
    #[error("{0}")]
    Invalid(#[from] ValidationErrors),
    /// The actor may not do this; nothing was written.
    #[error("{0}")]
    Forbidden(#[from] Denied),
    /// Sign-in failed: unknown user, wrong password or inactive account (deliberately not said which).
    #[error("wrong username or password")]
    BadCredentials,
    /// Too many failed sign-ins; the attempt was not checked. Try again in `retry_after_secs`.
    #[error("too many failed sign-in attempts; try again in {retry_after_secs} s")]
    Throttled { retry_after_secs: u64 },
    /// Something named does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// A request outside what the ledger can answer (index beyond its size, ...).
    #[error("{0}")]
    BadRequest(String),
    /// A command inside a batch failed: its position (from 0) and why. Nothing of the batch was written.
    #[error("item {position}: {error}")]
    Batch {
        position: usize,
        error: Box<AppError>,
    },
    /// Several commands of an all-or-nothing batch were refused: (position from 0, why). Nothing was written.
    #[error("{} items refused, the first: item {}: {}", .0.len(), .0.first().map(|r| r.0).unwrap_or(0), .0.first().map(|r| r.1.to_string()).unwrap_or_default())]
    Rows(Vec<(usize, AppError)>),
    #[error(transparent)]
    Storage(#[from] sailau_storage::StorageError),
    #[error(transparent)]
    Key(#[from] crate::keyfile::KeyFileError),
    #[error("ledger: {0}")]
    Ledger(String),
    /// A command reached its transaction without the private data its kind needs (a password).
    /// Commands are issued through [`sailau_domain::Issued`], which makes this impossible.
    #[error("a command came without {0}")]
    MissingPrivate(&'static str),
    /// The local date of a command could not be computed (time zone data, clock out of range).
    #[error("date: {0}")]
    Date(#[from] sailau_domain::date::DateError),
    #[error("password hashing failed: {0}")]
    Hashing(String),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Invalid(v) => AppError::Invalid(v),
            DomainError::Forbidden(d) => AppError::Forbidden(d),
        }
    }
}

impl AppError {
    /// Whether the fault is the caller's (bad input, not allowed) rather than the system's.
    pub fn is_client_error(&self) -> bool {
        match self {
            AppError::Invalid(_)
            | AppError::Forbidden(_)
            | AppError::BadCredentials
            | AppError::Throttled { .. }
            | AppError::NotFound(_)
            | AppError::BadRequest(_) => true,
            AppError::Batch { error, .. } => error.is_client_error(),
            AppError::Rows(_) => true,
            _ => false,
        }
    }
}

//! The application's error type: what went wrong, in terms an interface can map to a status.

use sailau_domain::{Denied, DomainError, ValidationErrors};

#[derive(Debug, thiserror::Error)]
/// Every error of the application layer. Interfaces map each variant to an answer: `Invalid` 422,
/// `Forbidden` 403 (401 for the anonymous), `BadCredentials` 401, `Throttled` 429, `NotFound` 404,
/// `BadRequest` 400, batches 422 with each item's position or line; the rest are faults of the
/// system (500), logged and never shown.
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
    Throttled {
        /// Seconds until the next attempt will be checked.
        retry_after_secs: u64,
    },
    /// Something named does not exist: what kind of thing, and the id that named it.
    #[error("{} does not exist", .0.english(.1))]
    NotFound(Thing, String),
    /// A request outside what the ledger can answer (index beyond its size, ...).
    #[error("{0}")]
    BadRequest(String),
    /// A command inside a batch failed: its position (from 0) and why. Nothing of the batch was written.
    #[error("item {position}: {error}")]
    Batch {
        /// The refused item's position in the batch, from 0.
        position: usize,
        /// Why it was refused.
        error: Box<AppError>,
    },
    /// Several commands of an all-or-nothing batch were refused: (position from 0, why). Nothing was written.
    #[error("{} items refused, the first: item {}: {}", .0.len(), .0.first().map(|r| r.0).unwrap_or(0), .0.first().map(|r| r.1.to_string()).unwrap_or_default())]
    Rows(Vec<(usize, AppError)>),
    #[error(transparent)]
    /// The database failed.
    Storage(#[from] sailau_storage::StorageError),
    #[error(transparent)]
    /// The ledger signing key file could not be read or written.
    Key(#[from] crate::keyfile::KeyFileError),
    #[error("ledger: {0}")]
    /// The ledger could not be appended to or read (a fault of the system, not of the input).
    Ledger(String),
    /// A command reached its transaction without the private data its kind needs (a password).
    /// Commands are issued through [`sailau_domain::Issued`], which makes this impossible.
    #[error("a command came without {0}")]
    MissingPrivate(&'static str),
    /// The local date of a command could not be computed (time zone data, clock out of range).
    #[error("date: {0}")]
    Date(#[from] sailau_domain::date::DateError),
    #[error("password hashing failed: {0}")]
    /// argon2 could not hash a password (a fault of the system).
    Hashing(String),
    #[error("file: {0}")]
    /// A file could not be read or written.
    Io(#[from] std::io::Error),
}

/// The kind of thing a "not found" names (an [`AppError::NotFound`], or a 404 the web answers
/// itself), so that an interface words it in the user's language (the web's
/// `problem-not-found-<slug>` catalog keys, with the id as `$id`); in English, [`Thing::english`]:
/// "territory 631010000 does not exist".
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "kebab-case")]
pub enum Thing {
    /// A territory (an election's unit), by its KATO code.
    Territory,
    /// A polling station, by its region's KATO code and number (`391000000/123`).
    Precinct,
    /// A party, by its code.
    Party,
    /// A person of the registry, by id.
    Person,
    /// An account, by username.
    Account,
    /// An election, by id.
    Election,
    /// A primaries campaign, by id.
    Campaign,
    /// A contender of the primaries, by id.
    Contender,
    /// A debate of the primaries, by id.
    Debate,
    /// A primary party organization's meeting, by id.
    Meeting,
    /// The fixed ballot of a primaries campaign, by the campaign's id (not fixed yet).
    FixedBallot,
    /// A ballot on a primaries board, by its tracking code or fingerprint.
    BallotWithCode,
    /// An election's contest in a region, by the region's KATO code.
    ContestInRegion,
    /// An election's contest, by id.
    Contest,
    /// A nomination of a candidate, by id.
    Nomination,
    /// An attached file, by its SHA-256 (lowercase hex).
    Attachment,
    /// A party conference, by id.
    Conference,
    /// A party member, by id.
    Member,
    /// A party's branch in a region (`party @ region`).
    Branch,
    /// An entry of the ledger, by its index.
    LedgerEntry,
    /// Something of the demo's own making, named by the id in English (only the demo's loader
    /// meets it): worded generically in Russian and Kazakh.
    #[strum(serialize = "record")]
    Other,
}

impl Thing {
    /// Every kind of thing, in declaration order.
    pub const ALL: &'static [Thing] = <Thing as strum::VariantArray>::VARIANTS;

    /// The stable slug: `territory`, `fixed-ballot`, `ledger-entry`, `record` (for
    /// [`Thing::Other`]).
    pub fn slug(self) -> &'static str {
        self.into()
    }

    /// The thing named by `id`, in English: "territory 631010000", "a ballot with code …".
    pub fn english(self, id: &str) -> String {
        match self {
            Thing::Territory => format!("territory {id}"),
            Thing::Precinct => format!("precinct {id}"),
            Thing::Party => format!("party {id}"),
            Thing::Person => format!("person {id}"),
            Thing::Account => format!("account {id}"),
            Thing::Election => format!("election {id}"),
            Thing::Campaign => format!("campaign {id}"),
            Thing::Contender => format!("contender {id}"),
            Thing::Debate => format!("debate {id}"),
            Thing::Meeting => format!("meeting {id}"),
            Thing::FixedBallot => format!("the fixed ballot of campaign {id}"),
            Thing::BallotWithCode => format!("a ballot with code {id}"),
            Thing::ContestInRegion => format!("a contest in region {id}"),
            Thing::Contest => format!("contest {id}"),
            Thing::Nomination => format!("nomination {id}"),
            Thing::Attachment => format!("attachment {id}"),
            Thing::Conference => format!("conference {id}"),
            Thing::Member => format!("member {id}"),
            Thing::Branch => format!("branch {id}"),
            Thing::LedgerEntry => format!("ledger entry {id}"),
            Thing::Other => id.to_owned(),
        }
    }
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
            | AppError::NotFound(..)
            | AppError::BadRequest(_) => true,
            AppError::Batch { error, .. } => error.is_client_error(),
            AppError::Rows(_) => true,
            _ => false,
        }
    }
}

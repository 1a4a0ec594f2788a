//! sailau's application layer: the one place where state changes.
//!
//! Every change is a [`Command`] executed by [`App::execute`] (or a batch, by
//! [`App::execute_batch`]): in one database transaction the command's target is looked up,
//! the actor is **authorized** (`sailau_domain::authorize`), the command is **validated** by the
//! domain against the facts, the change is written, and the canonical [`LedgerEntry`] is appended
//! to the Merkle ledger with a freshly signed tree head. Either all of it commits or none of it.
//! The web handlers and the command line are thin layers over this crate.
//!
//! **Architecture invariant:** this crate knows nothing of HTTP, HTML or terminals. It owns the
//! orchestration (transactions, clock, randomness, key files), never the rules themselves.

#![warn(missing_docs)]

mod accounts;
mod auth;
pub mod demo;
pub mod demo_election_day;
pub mod demo_elections;
pub mod demo_party;
pub mod demo_primaries;
pub mod elections;
mod error;
mod execute;
pub mod import;
mod keyfile;
pub mod ledger;
mod live;
pub mod party;
pub mod primaries;
mod registry;

use std::path::PathBuf;
use std::sync::Arc;

use sailau_ledger::LedgerSigningKey;
use sailau_storage::Store;

pub use auth::{LoginPolicy, NewSession, SESSION_TTL_MS, SessionInfo};
pub use error::{AppError, Thing};
pub use execute::{Acting, Applied};
pub use keyfile::{KeyFileError, load_or_create_key, read_key, read_public_key};
pub use sailau_domain as domain;
pub use sailau_storage as storage;

/// Where the time comes from (a fixed clock in tests).
pub trait Clock: Send + Sync + 'static {
    /// Milliseconds since the Unix epoch, UTC.
    fn now_ms(&self) -> i64;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        jiff::Timestamp::now().as_millisecond()
    }
}

/// How to open an [`App`].
#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite:PATH`, `sqlite::memory:` or `postgres://…`.
    pub database_url: String,
    /// The Ed25519 key that signs tree heads; created on first start. Kept outside the database.
    pub ledger_key_path: PathBuf,
}

/// The application: storage, the ledger key, the clock. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub(crate) store: Store,
    pub(crate) key: Arc<LedgerSigningKey>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) leaves: Arc<tokio::sync::Mutex<ledger::LeafCache>>,
    pub(crate) login_policy: LoginPolicy,
    /// i12-results: the ledger's size as last announced and what depends on it ([`live`]).
    pub(crate) live: Arc<live::Live>,
    /// i14: ballots waiting for their commit group.
    pub(crate) ballots: Arc<primaries::online::BallotGroups>,
    /// Election records being streamed ([`App::record_streams`]).
    pub(crate) record_streams: Arc<std::sync::atomic::AtomicUsize>,
    /// Sessions waiting to be read together ([`App::session`]).
    pub(crate) sessions: Arc<auth::SessionReads>,
}

/// The guard of a mutex whose holder never leaves its data half-changed (the queues of the
/// ballots', sessions' and election day's shared work), poisoned or not.
pub(crate) fn locked<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl App {
    /// Connects to the database (migrating it) and loads or creates the ledger key.
    pub async fn open(config: &Config) -> Result<App, AppError> {
        let key = load_or_create_key(&config.ledger_key_path)?;
        let store = Store::connect(&config.database_url).await?;
        let app = App::with_parts(store, key, Arc::new(SystemClock));
        // i12-results: see the commits of other instances on the same PostgreSQL database.
        if app.store.backend() == sailau_storage::Backend::Postgres {
            app.follow_postgres(&config.database_url);
        }
        Ok(app)
    }

    /// An app over an open store with a given key and clock (tests, replay).
    pub fn with_parts(store: Store, key: LedgerSigningKey, clock: Arc<dyn Clock>) -> App {
        App {
            store,
            key: Arc::new(key),
            clock,
            leaves: Arc::new(tokio::sync::Mutex::new(ledger::LeafCache::default())),
            login_policy: LoginPolicy::default(),
            live: Arc::new(live::Live::default()),
            ballots: Arc::default(),
            record_streams: Arc::default(),
            sessions: Arc::default(),
        }
    }

    /// The same app (same database, key and caches) reading time from another clock: the demo
    /// walks a simulated clock through a past election; tests act at chosen instants.
    pub fn with_clock(&self, clock: Arc<dyn Clock>) -> App {
        App {
            clock,
            ..self.clone()
        }
    }

    /// The same app with another sign-in throttling policy.
    pub fn with_login_policy(mut self, policy: LoginPolicy) -> App {
        self.login_policy = policy;
        self
    }

    /// The sign-in throttling policy in force.
    pub fn login_policy(&self) -> LoginPolicy {
        self.login_policy
    }

    /// Read access to the registry (pages and the API read through this).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The current time from the app's clock, in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// The public key that verifies this installation's tree heads.
    pub fn ledger_public_key(&self) -> ed25519_dalek::VerifyingKey {
        self.key.verifying_key()
    }
}

//! sailau's storage: the registry, the ledger, credentials and sessions in SQL.
//!
//! One query set serves both backends through sqlx's `Any` driver: SQLite (a file, WAL; the
//! embedded default) and PostgreSQL (several server instances sharing one database). Each backend
//! has its own migrations folder, embedded in the binary and run at start.
//!
//! **Architecture invariant:** storage knows tables and rows, not rules. It never decides whether
//! a change is allowed or valid (that is `sailau-domain`, called by `sailau-app`); it reads facts and
//! writes what it is told, inside the transaction it is given. The only writes outside a command
//! transaction are sessions and login throttling, which are not registry state.
//!
//! Errors: [`StorageError`] for everything; callers map it to "try again later" (500/503).

#![warn(missing_docs)]

pub mod election_day;
mod elections;
mod ledger;
pub mod party;
pub mod party_pipeline;
pub mod primaries;
mod read;
mod results;
mod rows;
mod session;
mod signatures;
mod tx;

use std::str::FromStr;
use std::time::Duration;

use sqlx::Connection;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

/// How long a pooled PostgreSQL connection may sit idle before it is pinged on its next use.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(5);

pub use elections::StoredAttachment;
pub use ledger::{LedgerRow, LedgerStatus};
pub use read::{RegistryCounts, RegistryDump, TerritoryStats};
pub use results::LedgerListener;
pub use session::{Admission, Exempt, SessionRow, ThrottleKey, ThrottleRule};
pub use signatures::{CheckedLine, NewBatch, SignatureBatch, StoredLine};
pub use tx::Tx;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, thiserror::Error)]
/// Why the store could not answer. Every variant is a fault of the system (an interface answers
/// 500), never of the input.
pub enum StorageError {
    #[error("database error: {0}")]
    /// The database refused or could not be reached.
    Sql(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    /// A migration could not run.
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The URL's scheme (only: the rest may hold a password).
    #[error("unsupported database URL scheme '{0}': use sqlite:PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("stored data is corrupt: {0}")]
    /// A stored value does not decode (a code, a role, a date): the database was changed outside sailau.
    Corrupt(String),
}

/// The result of a storage call.
pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite (a file, or in memory).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

impl FromStr for Backend {
    type Err = StorageError;
    fn from_str(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            let scheme = url.split(':').next().unwrap_or_default();
            Err(StorageError::UnsupportedUrl(
                scheme.chars().take(32).collect(),
            ))
        }
    }
}

/// When SQLite reports a commit done (`PRAGMA synchronous` in WAL mode).
///
/// PostgreSQL's durability is the server's (`fsync`, `synchronous_commit`: on by default, an
/// acknowledged commit is on disk).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SqliteSync {
    /// `FULL` (the default): the write-ahead log is synced at every commit, so an acknowledged
    /// command survives an operating-system crash or a power loss.
    #[default]
    Full,
    /// `NORMAL`: the log is synced only at checkpoints. Survives a crash of sailau, but a power
    /// loss may lose the last commands already acknowledged. For benchmarks and throwaway data.
    Normal,
}

impl SqliteSync {
    fn pragmas(self) -> &'static str {
        match self {
            SqliteSync::Full => {
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
            }
            SqliteSync::Normal => {
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
            }
        }
    }
}

/// A connection pool to the database, migrated.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    /// Connects to `url` (`sqlite:path/to/file.db`, `sqlite::memory:` or `postgres://…`),
    /// creating a SQLite file if needed, and runs the migrations. SQLite commits are durable
    /// ([`SqliteSync::Full`]).
    pub async fn connect(url: &str) -> Result<Store> {
        Store::connect_with(url, SqliteSync::Full).await
    }

    /// Like [`Store::connect`], with the given SQLite durability.
    pub async fn connect_with(url: &str, sync: SqliteSync) -> Result<Store> {
        install_default_drivers();
        let backend: Backend = url.parse()?;
        let memory = url.contains(":memory:");
        let mut url = url.to_owned();
        if backend == Backend::Sqlite && !memory && !url.contains("mode=") {
            url.push_str(if url.contains('?') {
                "&mode=rwc"
            } else {
                "?mode=rwc"
            });
        }
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(30));
        options = match backend {
            Backend::Sqlite => options
                // An in-memory database lives in one connection.
                .max_connections(if memory { 1 } else { 8 })
                // A file on this machine does not drop connections: no ping (a round trip to
                // the connection's thread) before each use.
                .test_before_acquire(false)
                .after_connect(move |conn, _meta| {
                    Box::pin(async move {
                        conn.execute(sync.pragmas()).await?;
                        Ok(())
                    })
                }),
            Backend::Postgres => options
                .max_connections(16)
                // A ping before every use costs each query a round trip (a ballot's session
                // read, a commit group's transaction); a connection that has just been used is
                // known to be alive, so only one idle for a while is pinged before its next use
                // (a server restart or a dropped connection shows there).
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for >= IDLE_BEFORE_PING {
                            conn.ping().await?;
                        }
                        Ok(true)
                    })
                }),
        };
        let pool = options.connect(&url).await?;
        let store = Store { pool, backend };
        store.migrate().await?;
        Ok(store)
    }

    /// A fresh in-memory SQLite database (used to replay the ledger).
    pub async fn memory() -> Result<Store> {
        Store::connect("sqlite::memory:").await
    }

    async fn migrate(&self) -> Result<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// Which database this store talks to.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a command transaction: takes the ledger lock (serializing commands across
    /// connections and server instances) and reads the ledger's current size and frontier.
    pub async fn begin(&self) -> Result<Tx> {
        Tx::begin(&self.pool).await
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes every connection of the pool (at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

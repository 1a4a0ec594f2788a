//! The installation's subcommands: serve, import, user, ledger.

use std::future::Future;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use sailau_app::import::{self, ImportError, Kind};
use sailau_app::{Acting, App, AppError, Config};
use sailau_domain::{Account, Role, Scope, Username};
use sailau_ledger::SignedTreeHead;

use crate::Place;

/// Errors of the installation's subcommands, printed as one line to stderr.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Demo(#[from] sailau_app::demo::DemoError),
    #[error(transparent)]
    Key(#[from] sailau_app::KeyFileError),
    #[error(transparent)]
    Storage(#[from] sailau_app::storage::StorageError),
    #[error("ledger verification FAILED: {0}")]
    Verify(#[from] sailau_app::ledger::VerifyFailure),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs an async subcommand on a fresh runtime and turns its outcome into an exit code.
pub fn run(fut: impl Future<Output = Result<(), CliError>>) -> ExitCode {
    init_tracing();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(fut) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SAILAU_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

impl Place {
    fn config(&self) -> Config {
        Config {
            database_url: self
                .database_url
                .clone()
                .unwrap_or_else(|| sqlite_url(&self.data_dir.join("sailau.db"))),
            ledger_key_path: self
                .ledger_key
                .clone()
                .unwrap_or_else(|| self.data_dir.join("ledger.key")),
        }
    }

    async fn open(&self) -> Result<App, CliError> {
        let config = self.config();
        if config.database_url.starts_with("sqlite:") && !config.database_url.contains(":memory:") {
            std::fs::create_dir_all(&self.data_dir)?;
        }
        Ok(App::open(&config).await?)
    }
}

impl Place {
    /// Opens the installation's database for a command that only reads: never creates the data
    /// directory, the database file or the ledger key.
    async fn existing_store(&self) -> Result<sailau_app::storage::Store, CliError> {
        let url = self.config().database_url;
        let url = match url.strip_prefix("sqlite:") {
            Some(rest) if !url.contains(":memory:") => {
                let rest = rest.strip_prefix("//").unwrap_or(rest);
                let path = rest.split('?').next().unwrap_or(rest);
                if !Path::new(path).is_file() {
                    return Err(CliError::Usage(format!(
                        "no database at {path}: give the installation's --data-dir or --database-url"
                    )));
                }
                if url.contains("mode=") {
                    url
                } else if url.contains('?') {
                    format!("{url}&mode=rw")
                } else {
                    format!("{url}?mode=rw")
                }
            }
            _ => url,
        };
        Ok(sailau_app::storage::Store::connect(&url).await?)
    }

    /// An app over the existing database and ledger key, for commands that only read.
    pub(crate) async fn existing_app(&self) -> Result<App, CliError> {
        let key = sailau_app::read_key(&self.config().ledger_key_path)?;
        let store = self.existing_store().await?;
        Ok(App::with_parts(
            store,
            key,
            std::sync::Arc::new(sailau_app::SystemClock),
        ))
    }
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite:{}", path.display())
}

fn bar(len: u64, what: &str) -> ProgressBar {
    let pb = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg:>14} [{bar:40}] {pos}/{len} ({eta})") {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.set_message(what.to_owned());
    pb
}

// ---------------------------------------------------------------- serve

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    place: Place,
    /// Address to listen on.
    #[arg(long, env = "SAILAU_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Start on a fresh demo database (DATA_DIR/demo.db, recreated at every start) with the demo
    /// registry and one account per role, whose passwords are printed once.
    #[arg(long)]
    demo: bool,
    /// Mark cookies Secure (serve over HTTPS, directly or behind a proxy).
    #[arg(long, env = "SAILAU_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Take the client address from X-Forwarded-For (only behind a trusted proxy).
    #[arg(long, env = "SAILAU_TRUST_FORWARDED_FOR")]
    trust_forwarded_for: bool,
    /// Where users get the source of the version this server runs (AGPL); the footer links to
    /// it. Default: the /source page, which names the version and commit and asks the operator.
    #[arg(long, env = "SAILAU_SOURCE_URL")]
    source_url: Option<String>,
    /// FOR TESTS AND DEMONSTRATIONS ONLY: run on a simulated clock that starts at this instant
    /// and runs from there (RFC 3339 with its offset, e.g. `2023-10-01T10:00:00+06:00`). Every
    /// command is recorded in the ledger at the simulated time, so an election's windows can be
    /// walked without waiting for them; every page shows a banner naming the simulated clock.
    /// The instant may not be earlier than the ledger's latest entry (its times never decrease).
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    clock_start: Option<jiff::Timestamp>,
    #[command(flatten)]
    throttle: ThrottleArgs,
}

/// An instant as `--clock-start` takes it: RFC 3339 with an offset (`Z` or `+06:00`).
fn parse_instant(s: &str) -> Result<jiff::Timestamp, String> {
    s.trim().parse::<jiff::Timestamp>().map_err(|e| {
        format!("not an instant with its offset, such as 2023-10-01T10:00:00+06:00 ({e})")
    })
}

/// A clock that starts at a chosen instant and runs at the pace of the machine's monotonic
/// clock (`sailau serve --clock-start`).
#[derive(Debug)]
pub struct RunningClock {
    start_ms: i64,
    started: Instant,
}

impl RunningClock {
    /// A clock showing `start` now.
    pub fn starting_at(start: jiff::Timestamp) -> RunningClock {
        RunningClock {
            start_ms: start.as_millisecond(),
            started: Instant::now(),
        }
    }
}

impl sailau_app::Clock for RunningClock {
    fn now_ms(&self) -> i64 {
        let elapsed = i64::try_from(self.started.elapsed().as_millis()).unwrap_or(i64::MAX);
        self.start_ms.saturating_add(elapsed)
    }
}

/// Refuses a simulated clock that would start before the ledger's latest entry.
async fn check_clock_start(app: &App, start: jiff::Timestamp) -> Result<(), CliError> {
    let size = app.store().ledger_status().await?.size;
    if size == 0 {
        return Ok(());
    }
    let latest = app.store().ledger_entries(size - 1, size).await?;
    if let Some(last) = latest.first()
        && last.at_ms > start.as_millisecond()
    {
        let at = jiff::Timestamp::from_millisecond(last.at_ms)
            .map(|t| t.to_string())
            .unwrap_or_else(|_| last.at_ms.to_string());
        return Err(CliError::Usage(format!(
            "--clock-start {start} is earlier than the ledger's latest entry (no. {}, at {at}); \
             the ledger's times never decrease: start the clock at {at} or later",
            last.index
        )));
    }
    Ok(())
}

/// Sign-in throttling (ARCHITECTURE.md, "Sign-in throttling").
#[derive(Args, Debug, Clone)]
pub struct ThrottleArgs {
    /// Sign-in failures on one account from one client (a device that signed in before, else an
    /// address) before waits begin; the waits start at 1 s and double.
    #[arg(long, env = "SAILAU_LOGIN_CLIENT_FREE", default_value_t = 5, value_parser = clap::value_parser!(i64).range(1..))]
    login_client_free: i64,
    /// The longest wait between two attempts on one account from one client, in seconds.
    #[arg(long, env = "SAILAU_LOGIN_CLIENT_MAX_WAIT", default_value_t = 900, value_parser = clap::value_parser!(i64).range(1..))]
    login_client_max_wait: i64,
    /// Failures per hour on one account, from everywhere, after which only devices that signed in
    /// to it before and clients that have not failed on it themselves are still checked.
    #[arg(long, env = "SAILAU_LOGIN_ACCOUNT_LIMIT", default_value_t = 50, value_parser = clap::value_parser!(i64).range(1..))]
    login_account_limit: i64,
    /// Failures per hour from one address over all accounts (keep it high enough for an office
    /// behind one NAT), after which only devices that signed in before are checked from it.
    #[arg(long, env = "SAILAU_LOGIN_ADDRESS_LIMIT", default_value_t = 300, value_parser = clap::value_parser!(i64).range(1..))]
    login_address_limit: i64,
}

impl ThrottleArgs {
    fn policy(&self) -> sailau_app::LoginPolicy {
        sailau_app::LoginPolicy {
            client_free: self.login_client_free,
            client_max_delay_ms: self.login_client_max_wait.saturating_mul(1000),
            account_limit: self.login_account_limit,
            address_limit: self.login_address_limit,
            ..sailau_app::LoginPolicy::default()
        }
    }
}

pub async fn serve(args: ServeArgs) -> Result<(), CliError> {
    let started = Instant::now();
    let mut place = args.place.clone();
    if args.demo {
        if place.database_url.is_some() {
            return Err(CliError::Usage(
                "--demo uses its own SQLite database in DATA_DIR; drop --database-url".into(),
            ));
        }
        std::fs::create_dir_all(&place.data_dir)?;
        let db = place.data_dir.join("demo.db");
        for suffix in ["", "-wal", "-shm"] {
            let mut p = db.clone().into_os_string();
            p.push(suffix);
            match std::fs::remove_file(PathBuf::from(p)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        place.database_url = Some(sqlite_url(&db));
        if place.ledger_key.is_none() {
            place.ledger_key = Some(place.data_dir.join("demo-ledger.key"));
        }
    }
    let app = place
        .open()
        .await?
        .with_login_policy(args.throttle.policy());
    // The simulated clock runs before the demo loads: the demo's live primaries campaign votes
    // around the server's "now".
    let app = match args.clock_start {
        Some(start) => {
            check_clock_start(&app, start).await?;
            say!(
                "SIMULATED CLOCK (tests and demonstrations only): the server's time starts at {start} and runs from there."
            );
            app.with_clock(std::sync::Arc::new(RunningClock::starting_at(start)))
        }
        None => app,
    };
    if args.demo {
        let pb = bar(0, "demo");
        let accounts = sailau_app::demo::load(&app, &|file, done, total| {
            pb.set_length(total);
            pb.set_position(done);
            pb.set_message(file.to_owned());
        })
        .await?;
        pb.finish_and_clear();
        let counts = app.store().counts().await?;
        say!(
            "Demo registry: {} regions, {} territories, {} precincts, {} voters, {} parties.",
            counts.regions,
            counts.territories,
            counts.precincts,
            counts.voters,
            counts.parties
        );
        say!("Demo accounts (passwords are shown only now):");
        for a in &accounts {
            say!(
                "  {:<12} {:<24} {:<40} password: {}",
                a.username,
                a.role,
                a.scope.to_string(),
                a.password
            );
        }
        let codes: Vec<_> = accounts
            .iter()
            .filter_map(|a| a.voting_code.as_ref().map(|c| (&a.username, c)))
            .collect();
        if !codes.is_empty() {
            say!(
                "Voting codes for the live primaries (a member gets theirs apart from the password):"
            );
            for (username, code) in codes {
                say!("  {username:<12} voting code: {code}");
            }
        }
        // The live campaign's trustees' secret files, as their own machines would keep them:
        // with them its tally can be decrypted once its window has closed.
        let mut written = Vec::new();
        for a in &accounts {
            if let Some(secret) = &a.trustee_secret {
                let path = place
                    .data_dir
                    .join(format!("demo-{}-secret.json", a.username));
                write_private(&path, secret.as_bytes())?;
                written.push((a.username.to_string(), path));
            }
        }
        if !written.is_empty() {
            say!(
                "Trustees' secret files for the live primaries (kept on their own machines in a real campaign; for `sailau trustee decrypt` after the committee's tally):"
            );
            for (username, path) in written {
                say!("  {username:<12} {}", path.display());
            }
        }
        println!(
            "Verify the demo's ledger (while the server runs or after it stops; the next `serve --demo` starts afresh):"
        );
        println!("  {}", demo_verify_command(&place));
    }
    let state = sailau_web::WebState::new(
        app.clone(),
        sailau_web::WebConfig {
            secure_cookies: args.secure_cookies,
            trust_forwarded_for: args.trust_forwarded_for,
        },
    )
    .map_err(|e| CliError::Usage(format!("message catalogs: {e}")))?
    .with_demo(args.demo)
    .with_simulated_clock(args.clock_start.map(|t| t.as_millisecond()))
    .with_source_url(args.source_url.clone());
    let router = sailau_web::router(state);
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let addr = listener.local_addr()?;
    say!(
        "sailau is listening on http://{addr} (ready in {} ms)",
        started.elapsed().as_millis()
    );

    // Expired sessions are swept now and then; any instance may do it.
    let sweeper = app.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = sweeper.purge_expired().await {
                tracing::warn!("session and throttling sweep failed: {e}");
            }
        }
    });

    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    app.store().close().await;
    Ok(())
}

/// Writes a secret file readable by its owner only (created so, or made so if it was there).
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The command that verifies the demo's ledger: this binary, the demo database and its key.
fn demo_verify_command(place: &Place) -> String {
    let program = std::env::args()
        .next()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "sailau".to_owned());
    let config = place.config();
    [
        program,
        "ledger".into(),
        "verify".into(),
        "--database-url".into(),
        config.database_url,
        "--ledger-key".into(),
        config.ledger_key_path.display().to_string(),
    ]
    .iter()
    .map(|a| shell_quoted(a))
    .collect::<Vec<_>>()
    .join(" ")
}

/// A word as a POSIX shell reads it back (quoted only when it needs to be).
fn shell_quoted(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@%+,".contains(&b));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

// ---------------------------------------------------------------- import

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ImportKind {
    Territories,
    Precincts,
    Parties,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// What the file holds. Headers: territories `code,parent_code,kind,name_ru,name_kk,name_en`;
    /// precincts `number,territory_code,address,voters`; parties `code,name_ru,name_kk,short_name[,name_en]`.
    kind: ImportKind,
    /// A .csv (header row; `,`, `;` or tab; UTF-8, UTF-16 with a BOM or Windows-1251) or .xlsx
    /// file (first worksheet, header row).
    file: PathBuf,
    #[command(flatten)]
    place: Place,
}

pub async fn import(args: ImportArgs) -> Result<(), CliError> {
    let kind = match args.kind {
        ImportKind::Territories => Kind::Territories,
        ImportKind::Precincts => Kind::Precincts,
        ImportKind::Parties => Kind::Parties,
    };
    let bytes = std::fs::read(&args.file)
        .map_err(|e| ImportError::Read(format!("{}: {e}", args.file.display())))?;
    let format = import::Format::guess(&args.file.to_string_lossy(), &bytes);
    let parsed = import::read(kind, format, &bytes)?;
    if let Some(encoding) = parsed.encoding {
        println!("read {} as {encoding}", args.file.display());
    }
    let rows = parsed.rows;
    let app = args.place.open().await?;
    let pb = bar(rows.len() as u64, "importing");
    let result = app
        .import(&Acting::Operator, rows, &|done, _| pb.set_position(done))
        .await;
    pb.finish_and_clear();
    let n = result?;
    let head = app.signed_head().await?;
    say!(
        "imported {n} rows from {}; ledger size {}",
        args.file.display(),
        head.head.size
    );
    Ok(())
}

// ---------------------------------------------------------------- user

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account. Prints a generated password unless --password-stdin is given.
    Add {
        /// 3–64 characters: a-z, 0-9, dot, hyphen, underscore.
        username: String,
        /// administrator, cec_member, territorial_commission, precinct_commission, party_secretary, candidate, observer.
        #[arg(long)]
        role: String,
        /// global, territory:KATO, precincts:REGION/N[,REGION/N…], party:CODE or party:CODE@KATO.
        #[arg(long, default_value = "global")]
        scope: String,
        /// The name shown in the interface.
        #[arg(long, default_value = "")]
        display_name: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        place: Place,
    },
    /// List accounts.
    List {
        #[command(flatten)]
        place: Place,
    },
}

pub async fn user(cmd: UserCommand) -> Result<(), CliError> {
    match cmd {
        UserCommand::Add {
            username,
            role,
            scope,
            display_name,
            password_stdin,
            place,
        } => {
            let username = Username::parse(&username)
                .map_err(|r| CliError::Usage(format!("username: {}", r.english())))?;
            let role: Role = role.parse().map_err(|r: sailau_domain::Rule| {
                CliError::Usage(format!("--role: {}", r.english()))
            })?;
            let scope = Scope::parse(&scope)
                .map_err(|r| CliError::Usage(format!("--scope: {}", r.english())))?;
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().read_line(&mut line)?;
                line.trim_end_matches(['\n', '\r']).to_owned()
            } else {
                App::generate_password()
            };
            let app = place.open().await?;
            let account = Account {
                username: username.clone(),
                display_name,
                role,
                scope,
                active: true,
            };
            let applied = app
                .create_account(&Acting::Operator, account, &password)
                .await?;
            say!(
                "created {username} ({role}); ledger entry {}",
                applied.index
            );
            if !password_stdin {
                say!("password: {password}");
            }
            Ok(())
        }
        UserCommand::List { place } => {
            let store = place.existing_store().await?;
            for a in store.accounts().await? {
                say!(
                    "{:<20} {:<24} {:<40} {}",
                    a.username,
                    a.role,
                    a.scope.to_string(),
                    if a.active { "active" } else { "inactive" }
                );
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------- ledger

#[derive(Subcommand, Debug)]
pub enum LedgerCommand {
    /// Recompute the Merkle tree, check the signed tree head, replay every entry into an empty
    /// database and compare with the registry tables. Exits non-zero and names the first difference.
    Verify {
        /// The public key (64 hex digits) to check signatures with; default: the one of the ledger key file.
        #[arg(long)]
        public_key: Option<String>,
        /// Signed tree heads published earlier (JSON files from `sailau ledger head` or /api/ledger/head):
        /// the ledger must still contain exactly what they signed.
        #[arg(long = "head")]
        heads: Vec<PathBuf>,
        #[command(flatten)]
        place: Place,
    },
    /// Print the current signed tree head as JSON.
    Head {
        #[command(flatten)]
        place: Place,
    },
}

pub async fn ledger(cmd: LedgerCommand) -> Result<(), CliError> {
    match cmd {
        LedgerCommand::Verify {
            public_key,
            heads,
            place,
        } => {
            let key = match public_key {
                Some(hex) => sailau_ledger::verifying_key_from_hex(&hex)
                    .map_err(|e| CliError::Usage(format!("--public-key: {e}")))?,
                None => sailau_app::read_public_key(&place.config().ledger_key_path)?,
            };
            let mut extra = Vec::new();
            for path in &heads {
                let text = std::fs::read_to_string(path)?;
                let value: serde_json::Value = serde_json::from_str(&text)
                    .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
                // Accept a bare signed head or the API's {"signed_head": …} wrapper.
                let inner = value.get("signed_head").cloned().unwrap_or(value);
                let head: SignedTreeHead = serde_json::from_value(inner).map_err(|e| {
                    CliError::Usage(format!("{}: not a signed tree head: {e}", path.display()))
                })?;
                extra.push(head);
            }
            let store = place.existing_store().await?;
            let started = Instant::now();
            let pb = bar(0, "verifying");
            let report = sailau_app::ledger::verify(&store, &key, &extra, &|done, total| {
                pb.set_length(total);
                pb.set_position(done);
            })
            .await;
            pb.finish_and_clear();
            let report = report?;
            say!(
                "ledger OK: {} entries, root {}, signed by key {} at size {}; replay reproduces {} territories, {} precincts, {} parties, {} accounts ({} ms)",
                report.entries,
                sailau_ledger::hash_to_hex(&report.root),
                report.signed_head.key_id,
                report.signed_head.head.size,
                report.territories,
                report.precincts,
                report.parties,
                report.accounts,
                started.elapsed().as_millis()
            );
            Ok(())
        }
        LedgerCommand::Head { place } => {
            let app = place.existing_app().await?;
            let head = app.signed_head().await?;
            let json = serde_json::json!({
                "signed_head": head,
                "public_key": sailau_ledger::verifying_key_to_hex(&app.ledger_public_key()),
            });
            say!(
                "{}",
                serde_json::to_string_pretty(&json).map_err(|e| CliError::Usage(e.to_string()))?
            );
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_verify_command_names_the_demo_database_and_key() {
        let place = Place {
            data_dir: PathBuf::from("my data"),
            database_url: Some("sqlite:my data/demo.db".into()),
            ledger_key: Some(PathBuf::from("my data/demo-ledger.key")),
        };
        let cmd = demo_verify_command(&place);
        assert!(
            cmd.ends_with(
                " ledger verify --database-url 'sqlite:my data/demo.db' --ledger-key 'my data/demo-ledger.key'"
            ),
            "{cmd}"
        );
        assert_eq!(shell_quoted("it's"), "'it'\\''s'");
        assert_eq!(
            shell_quoted("sqlite:sailau-data/demo.db"),
            "sqlite:sailau-data/demo.db"
        );
    }
}

//! The `sailau` binary: one executable, many subcommands.
//!
//! `serve` runs the web server; `import`, `user` and `ledger` administer an installation directly
//! through its database (as the operator); `export` and `audit` give and check open data; the election subcommands (`election`, `trustee`,
//! `credentials`, `vote`, `board`, `tally`, `combine`, `verify`) run verifiable elections in files.

/// `println!` for the user's output: when the reader has gone (a closed pipe, `… | head -3`), the
/// command ends quietly with success, as pipelines expect, instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say_line(format_args!($($arg)*), true)
    };
}

/// `print!` with the same manners as [`say!`].
macro_rules! say_part {
    ($($arg:tt)*) => {
        $crate::say_line(format_args!($($arg)*), false)
    };
}

mod admin;
mod election;
mod open_data;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// mimalloc instead of glibc's malloc: the ballot path allocates per request on several threads
/// (ARCHITECTURE.md, "Allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "sailau",
    version,
    about = "sailau — election management for akim elections and the party nominations that feed them",
    long_about = "sailau — election management for akim elections and the party nominations that feed them.\n\n\
                  Start with `sailau serve --demo` and open http://127.0.0.1:8080."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the installation keeps its data.
#[derive(Args, Debug, Clone)]
pub struct Place {
    /// Directory for the embedded database and the ledger key.
    #[arg(
        long,
        env = "SAILAU_DATA_DIR",
        default_value = "sailau-data",
        global = true
    )]
    pub data_dir: PathBuf,
    /// Database URL: `sqlite:PATH` (default: DATA_DIR/sailau.db) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "SAILAU_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// The Ed25519 key that signs the ledger's tree heads (default: DATA_DIR/ledger.key); created on first start.
    #[arg(long, env = "SAILAU_LEDGER_KEY", global = true)]
    pub ledger_key: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (pages and API).
    Serve(admin::ServeArgs),
    /// Import territories, precincts or parties from a CSV (UTF-8, header row) or XLSX file: all rows or none.
    Import(admin::ImportArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(admin::UserCommand),
    /// Check or show the public ledger.
    #[command(subcommand)]
    Ledger(admin::LedgerCommand),
    /// Write an election's results or the ledger in open formats (NIST SP 1500-100 and 1500-101
    /// JSON, CSV, XLSX) to standard output.
    Export(open_data::ExportArgs),
    /// Audit the published results against the public ledger.
    #[command(subcommand)]
    Audit(open_data::AuditCommand),
    #[command(flatten)]
    Election(election::ElectionCommand),
}

/// Writes to standard output (see [`say!`]). A closed pipe ends the process with success and
/// without a word; any other write error ends it with a one-line message.
pub(crate) fn say_line(args: std::fmt::Arguments<'_>, newline: bool) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let written = out
        .write_fmt(args)
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {e}");
        std::process::exit(1);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => admin::run(admin::serve(args)),
        Command::Import(args) => admin::run(admin::import(args)),
        Command::User(cmd) => admin::run(admin::user(cmd)),
        Command::Ledger(cmd) => admin::run(admin::ledger(cmd)),
        Command::Export(args) => admin::run(open_data::export(args)),
        Command::Audit(cmd) => admin::run(open_data::audit(cmd)),
        Command::Election(cmd) => election::run(cmd),
    }
}

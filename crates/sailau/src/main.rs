//! The `sailau` binary: one executable, many subcommands.

mod election;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "sailau", version, about = "sailau — election management for akim elections and party nominations")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    #[command(flatten)]
    Election(election::ElectionCommand),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Election(cmd) => election::run(cmd),
    }
}

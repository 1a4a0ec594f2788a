//! Verifiable elections from the command line (owned by the record/vote work; placeholder until it lands).

#[derive(clap::Subcommand)]
pub enum ElectionCommand {}

pub fn run(cmd: ElectionCommand) -> std::process::ExitCode {
    match cmd {}
}

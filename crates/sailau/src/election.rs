//! Verifiable elections in files, from the command line: the subcommands `election`, `trustee`,
//! `credentials`, `vote`, `board`, `tally`, `combine`, `verify` and `bench-verify`.
//!
//! Each subcommand is a thin shell over one step of `sailau-record` (which does the files) and `sailau-vote`
//! (which does the cryptography). Election order:
//!
//! ```text
//! sailau election init --record R --spec election.toml
//! sailau trustee keygen   --record R --index I --secret trustee-I.json     (each trustee, I = 1..n)
//! sailau trustee share    --record R --secret trustee-I.json               (each trustee)
//! sailau trustee finalize --record R --secret trustee-I.json               (each trustee)
//! sailau credentials generate --record R --count N --out voters.jsonl
//! sailau vote --record R --credential voters.jsonl --voter 1 --choice akim=2 --out b1.json
//! sailau board append --record R b1.json …
//! sailau tally --record R
//! sailau trustee decrypt --record R --secret trustee-I.json                (any t trustees)
//! sailau combine --record R
//! sailau verify R
//! ```

mod progress;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Subcommand};
use sailau_record::bench::SyntheticElection;
use sailau_record::ceremony::FinalizeOutcome;
use sailau_record::credentials::SecretsOut;
use sailau_record::format::Submission;
use sailau_record::jsonl::{LineReader, count_lines};
use sailau_record::voter::Choice;
use sailau_record::{
    Board, ElectionSpec, Receipt, Record, RecordError, VerifyOptions, VerifyReport,
};

use progress::Bars;

/// The election subcommands (flattened into the top level of `sailau`).
#[derive(Subcommand)]
pub enum ElectionCommand {
    /// Create an election record, or show how far it has got.
    #[command(subcommand)]
    Election(ElectionSub),
    /// Trustees: the key ceremony (keygen, share, finalize) and decryption of the tally.
    #[command(subcommand)]
    Trustee(TrusteeSub),
    /// The credential authority: private credentials for voters, public ones for the record.
    #[command(subcommand)]
    Credentials(CredentialsSub),
    /// The voter client: encrypt, prove and sign a ballot with a credential; print its fingerprint.
    ///
    /// With --challenge the ballot is spoiled at once (Benaloh challenge): its nonces are revealed so anyone
    /// can check it encrypts your choice, and it never counts. Hand the output to `sailau board append`, or
    /// pass --submit to append it directly and get the tracking code.
    Vote(VoteArgs),
    /// The bulletin board.
    #[command(subcommand)]
    Board(BoardSub),
    /// Close the board and add up the last ballot of each credential into tally.json (homomorphically).
    Tally(RecordArg),
    /// Combine any t trustees' decryption shares into results.json and print the results.
    Combine(CombineArgs),
    /// Verify everything in an election record; exit status 0 only if all holds.
    ///
    /// Checks the key ceremony, every credential (valid, none twice), every ballot's proofs and credential
    /// signature (batch verification on all cores, per-ballot fall-back naming the bad ones), eligibility,
    /// the tracking-code chain, replays, which ballot of each credential counts, the challenged ballots'
    /// openings, that the tally is exactly the sum of the counted ballots, every decryption share's proofs and
    /// every published count.
    ///
    /// Exit status: 0 when everything holds, 1 when something does not (each problem is printed once, with its
    /// file, line, check and item), 2 when the record cannot be read at all: no such directory, or manifest.json
    /// or parameters.json missing or not in the layout of docs/verifiable-voting.md §12.
    Verify(VerifyArgs),
    /// Generate a synthetic record of one-contest ballots (5 candidates + against all) and time its
    /// verification on the given thread counts.
    BenchVerify(BenchArgs),
}

/// `--record DIR`.
#[derive(Args, Debug, Clone)]
pub struct RecordArg {
    /// The election record directory.
    #[arg(long, short = 'r', env = "SAILAU_RECORD")]
    pub record: PathBuf,
}

#[derive(Subcommand)]
pub enum ElectionSub {
    /// Create the record: manifest.json and parameters.json, from a spec file or from flags.
    ///
    /// A spec file (TOML or JSON) holds election_id, title, trustees, threshold and [[contests]] with id,
    /// title, min_selections, max_selections (default 1), against_all and options (labels, or {id, label}).
    Init(InitArgs),
    /// Show which steps of the election are done.
    Status(RecordArg),
}

#[derive(Args)]
pub struct InitArgs {
    #[command(flatten)]
    record: RecordArg,
    /// Spec file (.toml or .json); otherwise give --title and --candidates for a one-contest election.
    #[arg(long, conflicts_with_all = ["title", "candidates"])]
    spec: Option<PathBuf>,
    /// Election title (one-contest election).
    #[arg(long, required_unless_present = "spec")]
    title: Option<String>,
    /// Candidates, comma-separated (one-contest election, exactly one mark).
    #[arg(long, value_delimiter = ',', required_unless_present = "spec")]
    candidates: Vec<String>,
    /// Add an "against all" option (one-contest election).
    #[arg(long)]
    against_all: bool,
    /// Election identifier (one-contest election; default: derived from the title).
    #[arg(long)]
    election_id: Option<String>,
    /// Number of trustees n (one-contest election).
    #[arg(long, default_value_t = 3)]
    trustees: u32,
    /// Trustees needed to decrypt, t (one-contest election).
    #[arg(long, default_value_t = 2)]
    threshold: u32,
}

#[derive(Subcommand)]
pub enum TrusteeSub {
    /// Round 1: create this trustee's secrets (its own file, never in the record) and publish its commitments
    /// and proofs in trustees/trustee-I.json.
    Keygen(KeygenArgs),
    /// Round 2 (after every trustee's keygen): deal key shares to the others, each encrypted to its recipient
    /// and signed, into trustees/dealt-I.json.
    Share(SecretArgs),
    /// Round 3 (after every trustee's share): check the shares dealt to this trustee against the dealers'
    /// commitments, keep the key share in the secret file, publish trustees/finalized-I.json — or publish
    /// complaints. The last trustee to finalize writes election.json: voting can start.
    Finalize(SecretArgs),
    /// After the tally: publish this trustee's partial decryption with proofs in shares/share-I.json.
    Decrypt(SecretArgs),
}

#[derive(Args)]
pub struct KeygenArgs {
    #[command(flatten)]
    record: RecordArg,
    /// This trustee's index, 1..=n.
    #[arg(long)]
    index: u32,
    /// Where to write this trustee's secret file (must not exist; keep it offline).
    #[arg(long)]
    secret: PathBuf,
}

#[derive(Args)]
pub struct SecretArgs {
    #[command(flatten)]
    record: RecordArg,
    /// This trustee's secret file.
    #[arg(long)]
    secret: PathBuf,
}

#[derive(Subcommand)]
pub enum CredentialsSub {
    /// Generate N credentials: the private codes go to --out or --out-dir (hand code k to voter k), only the
    /// public credentials, sorted, go into credentials.jsonl.
    Generate(GenerateArgs),
}

#[derive(Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    record: RecordArg,
    /// Number of voters.
    #[arg(long)]
    count: u64,
    /// One secrets file, a JSON line {"voter": k, "code": "XXXX-…"} per voter (mode 0600).
    #[arg(long, required_unless_present = "out_dir", conflicts_with = "out_dir")]
    out: Option<PathBuf>,
    /// A directory with one file per voter, voter-000001.txt … (mode 0600).
    #[arg(long)]
    out_dir: Option<PathBuf>,
}

#[derive(Args)]
pub struct VoteArgs {
    #[command(flatten)]
    record: RecordArg,
    /// The credential code (XXXX-XXXX-…). Prefer --credential: a command line is visible to other users.
    #[arg(
        long,
        env = "SAILAU_CREDENTIAL",
        hide_env_values = true,
        conflicts_with = "credential"
    )]
    code: Option<String>,
    /// A file with the credential: a voter's file (code on the first line) or a secrets file with --voter.
    #[arg(long, required_unless_present = "code")]
    credential: Option<PathBuf>,
    /// Which voter of a JSON-lines secrets file.
    #[arg(long, requires = "credential")]
    voter: Option<u64>,
    /// A choice: CONTEST=OPTION[,OPTION…] (or OPTION alone when there is one contest); by id, label or
    /// 1-based position. Repeat per contest; a contest not named gets no mark. `CONTEST=` marks nothing.
    #[arg(long = "choice", required = true)]
    choices: Vec<String>,
    /// Spoil this ballot (Benaloh challenge): reveal its nonces; it never counts.
    #[arg(long)]
    challenge: bool,
    /// Write the ballot (one JSON line) to this file.
    #[arg(long, required_unless_present = "submit")]
    out: Option<PathBuf>,
    /// Append the ballot to the record's board right away and print the tracking code.
    #[arg(long)]
    submit: bool,
}

#[derive(Subcommand)]
pub enum BoardSub {
    /// Check and append ballots: every proof, the credential signature, eligibility and replays. A challenged
    /// ballot must open and be signed by a listed credential, but its proofs need not hold (a challenge may
    /// expose an over-vote); it can never be cast afterwards. Prints each tracking code, or the reason a ballot
    /// is refused (exit status 1).
    Append(AppendArgs),
}

#[derive(Args)]
pub struct AppendArgs {
    #[command(flatten)]
    record: RecordArg,
    /// Ballot files written by `sailau vote` (.json: one ballot; .jsonl: one per line).
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Args)]
pub struct CombineArgs {
    #[command(flatten)]
    record: RecordArg,
    /// Use exactly these trustees' shares (default: every valid share present).
    #[arg(long, value_delimiter = ',')]
    trustees: Option<Vec<u32>>,
}

#[derive(Args)]
pub struct VerifyArgs {
    /// The election record: its directory, or its zip as a campaign's page offers it.
    record: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Ballots per batch verification.
    #[arg(long, default_value_t = sailau_record::DEFAULT_BATCH)]
    batch: usize,
    /// Accept a record without tally, shares or results (an election still open).
    #[arg(long)]
    incomplete: bool,
    /// Print at most this many problems.
    #[arg(long, default_value_t = 1000)]
    max_findings: usize,
}

#[derive(Args)]
pub struct BenchArgs {
    /// Number of ballots.
    #[arg(long, default_value_t = 100_000)]
    ballots: u64,
    /// Thread counts to time verification with, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [1usize, 2])]
    threads: Vec<usize>,
    /// Where to put the record (default: a new directory under the system temp dir, removed afterwards).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Reuse the record already in --dir instead of generating one.
    #[arg(long, requires = "dir")]
    reuse: bool,
    /// Keep the generated record.
    #[arg(long)]
    keep: bool,
    /// Seed of the synthetic election.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// Runs one election subcommand.
pub fn run(cmd: ElectionCommand) -> ExitCode {
    let result = match cmd {
        ElectionCommand::Election(ElectionSub::Init(args)) => init(args),
        ElectionCommand::Election(ElectionSub::Status(args)) => status(&args.record),
        ElectionCommand::Trustee(sub) => trustee(sub),
        ElectionCommand::Credentials(CredentialsSub::Generate(args)) => credentials(args),
        ElectionCommand::Vote(args) => vote(args),
        ElectionCommand::Board(BoardSub::Append(args)) => append(args),
        ElectionCommand::Tally(args) => tally(&args.record),
        ElectionCommand::Combine(args) => combine(args),
        ElectionCommand::Verify(args) => verify(args),
        ElectionCommand::BenchVerify(args) => bench(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

type Outcome = Result<ExitCode, RecordError>;

fn init(args: InitArgs) -> Outcome {
    let spec = match &args.spec {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| RecordError::io(path, e))?;
            ElectionSpec::parse(&path.to_string_lossy(), &text)?
        }
        None => {
            let title = args.title.clone().unwrap_or_default();
            let id = args.election_id.clone().unwrap_or_else(|| slug(&title));
            ElectionSpec::single_contest(
                &id,
                &title,
                &args.candidates,
                args.against_all,
                args.trustees,
                args.threshold,
            )
        }
    };
    let (manifest, parameters) = sailau_record::ceremony::init(&args.record.record, &spec)?;
    say!(
        "created election \"{}\" ({}) in {}",
        manifest.election_id,
        manifest.title,
        args.record.record.display()
    );
    for c in &manifest.contests {
        let options: Vec<String> = c
            .options
            .iter()
            .map(|o| format!("{}={}", o.id, o.label))
            .collect();
        say!(
            "  contest {}: {} marks of {}",
            c.id,
            if c.min_selections == c.max_selections {
                c.min_selections.to_string()
            } else {
                format!("{}..{}", c.min_selections, c.max_selections)
            },
            options.join(", ")
        );
    }
    say!(
        "next: each of the {} trustees runs `sailau trustee keygen --record {} --index I --secret FILE` \
         ({} of them will be needed to decrypt)",
        parameters.trustees,
        args.record.record.display(),
        parameters.threshold
    );
    Ok(ExitCode::SUCCESS)
}

fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "election".into() } else { s }
}

fn status(root: &Path) -> Outcome {
    let record = Record::new(root);
    let dir = record.dir();
    let manifest = record.manifest()?;
    let parameters = record.parameters()?;
    say!("{} ({})", manifest.title, manifest.election_id);
    let have = |f: &dyn Fn(u32) -> PathBuf| -> Vec<String> {
        (1..=parameters.trustees)
            .filter(|&i| f(i).exists())
            .map(|i| i.to_string())
            .collect()
    };
    let line = |what: &str, done: Vec<String>| {
        say!(
            "  {what:<22} {}/{} {}",
            done.len(),
            parameters.trustees,
            done.join(",")
        );
    };
    line("trustees announced", have(&|i| dir.trustee(i)));
    line("trustees dealt", have(&|i| dir.dealt(i)));
    line("trustees finalized", have(&|i| dir.finalized(i)));
    let complaints = have(&|i| dir.complaints(i));
    if !complaints.is_empty() {
        say!("  complaints by trustees {}", complaints.join(","));
    }
    say!("  election.json          {}", yes(dir.election().exists()));
    say!(
        "  credentials            {}",
        count_lines(&dir.credentials())?
    );
    say!("  cast ballots           {}", count_lines(&dir.ballots())?);
    say!(
        "  challenged ballots     {}",
        count_lines(&dir.challenged())?
    );
    say!("  tally.json             {}", yes(dir.tally().exists()));
    line("decryption shares", have(&|i| dir.share(i)));
    say!("  results.json           {}", yes(dir.results().exists()));
    Ok(ExitCode::SUCCESS)
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn trustee(sub: TrusteeSub) -> Outcome {
    let mut rng = rand::rng();
    match sub {
        TrusteeSub::Keygen(args) => {
            let record = Record::new(&args.record.record);
            let public =
                sailau_record::ceremony::keygen(&record, args.index, &args.secret, &mut rng)?;
            say!(
                "trustee {}: secrets in {} (keep it offline), commitments published in {}",
                public.index,
                args.secret.display(),
                record.dir().display(&record.dir().trustee(public.index))
            );
        }
        TrusteeSub::Share(args) => {
            let record = Record::new(&args.record.record);
            let dealt = sailau_record::ceremony::deal(&record, &args.secret, &mut rng)?;
            say!(
                "trustee {}: {} shares dealt, encrypted and signed, in {}",
                dealt.dealer,
                dealt.shares.len(),
                record.dir().display(&record.dir().dealt(dealt.dealer))
            );
        }
        TrusteeSub::Finalize(args) => {
            let record = Record::new(&args.record.record);
            match sailau_record::ceremony::finalize(&record, &args.secret, &mut rng)? {
                FinalizeOutcome::Accepted {
                    verification_key,
                    election,
                } => {
                    say!("accepted every share; verification key {verification_key}");
                    if let Some(e) = election {
                        say!(
                            "the key ceremony is complete: election hash {}, joint public key {}",
                            e.election_hash,
                            e.joint_public_key
                        );
                    }
                }
                FinalizeOutcome::Complaints(c) => {
                    for complaint in &c.complaints {
                        eprintln!(
                            "trustee {}: the share dealt by trustee {} does not match its commitments",
                            c.trustee, complaint.dealer
                        );
                    }
                    eprintln!(
                        "complaints published in {}; `sailau verify` judges them",
                        record.dir().display(&record.dir().complaints(c.trustee))
                    );
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        TrusteeSub::Decrypt(args) => {
            let record = Record::new(&args.record.record);
            let share = sailau_record::tally::decrypt(&record, &args.secret, &mut rng)?;
            say!(
                "trustee {}: decryption share with proofs in {}",
                share.trustee,
                record.dir().display(&record.dir().share(share.trustee))
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn credentials(args: GenerateArgs) -> Outcome {
    let record = Record::new(&args.record.record);
    let out = match (&args.out, &args.out_dir) {
        (Some(file), _) => SecretsOut::File(file.clone()),
        (None, Some(dir)) => SecretsOut::Dir(dir.clone()),
        (None, None) => return Err(RecordError::invalid("give --out FILE or --out-dir DIR")),
    };
    let publics =
        sailau_record::credentials::generate(&record, args.count, &out, &mut rand::rng())?;
    let place = match &out {
        SecretsOut::File(f) => f.display().to_string(),
        SecretsOut::Dir(d) => format!("{}/voter-NNNNNN.txt", d.display()),
    };
    say!(
        "{} credentials: private codes in {place} (hand code k to voter k, then destroy), public credentials in {}",
        publics.len(),
        record.dir().display(&record.dir().credentials())
    );
    Ok(ExitCode::SUCCESS)
}

fn vote(args: VoteArgs) -> Outcome {
    let record = Record::new(&args.record.record);
    let ctx = record.open_context()?;
    let code = match (&args.code, &args.credential) {
        (Some(code), _) => sailau_vote::CredentialCode::parse(code)
            .map_err(|e| RecordError::crypto("credential", e))?,
        (None, Some(path)) => sailau_record::credentials::read_code(path, args.voter)?,
        (None, None) => {
            return Err(RecordError::invalid(
                "give --credential FILE or --code CODE",
            ));
        }
    };
    let choices = args
        .choices
        .iter()
        .map(|c| c.parse::<Choice>())
        .collect::<Result<Vec<_>, _>>()?;
    let plaintext = sailau_record::voter::plaintext_from_choices(ctx.manifest(), &choices)?;
    let ballot =
        sailau_record::voter::vote(&ctx, &code, &plaintext, args.challenge, &mut rand::rng())?;
    let shown: Vec<String> = plaintext
        .selected_ids(ctx.manifest())
        .into_iter()
        .map(|(c, o)| {
            format!(
                "{c}={}",
                if o.is_empty() {
                    "(none)".into()
                } else {
                    o.join(",")
                }
            )
        })
        .collect();
    say!("ballot fingerprint: {}", ballot.ballot_hash);
    if let Submission::Challenged { ballot: b, opening } = &ballot.submission {
        // Show the voter what the revealed nonces open to, so a cheating device is caught.
        let opened = sailau_vote::verify_opening(&ctx, b, opening)
            .map_err(|e| RecordError::crypto("opening", e))?;
        let opened_ids: Vec<String> = opened
            .selected_ids(ctx.manifest())
            .into_iter()
            .map(|(c, o)| {
                format!(
                    "{c}={}",
                    if o.is_empty() {
                        "(none)".into()
                    } else {
                        o.join(",")
                    }
                )
            })
            .collect();
        say!(
            "challenged: the ballot opens to {}; it will never count",
            opened_ids.join(" ")
        );
    } else {
        say!("choice: {}", shown.join(" "));
    }
    if let Some(out) = &args.out {
        let line =
            serde_json::to_string(&ballot.submission).map_err(|source| RecordError::Json {
                path: out.clone(),
                source,
            })?;
        std::fs::write(out, format!("{line}\n")).map_err(|e| RecordError::io(out, e))?;
        say!("written to {}", out.display());
    }
    if args.submit {
        let mut board = Board::open(&record)?;
        let receipt = board.submit(&ballot.submission);
        board.close()?;
        print_receipt(None, &receipt?);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_receipt(source: Option<&str>, receipt: &Receipt) {
    let prefix = source.map(|s| format!("{s}: ")).unwrap_or_default();
    match receipt {
        Receipt::Cast {
            tracking_code,
            line,
            revote,
            ..
        } => say!(
            "{prefix}accepted: tracking code {} ({}), ballots.jsonl line {line}{}",
            tracking_code.short(),
            tracking_code,
            if *revote {
                "; replaces this credential's earlier ballot"
            } else {
                ""
            }
        ),
        Receipt::Challenged { ballot_hash, line } => {
            say!("{prefix}challenged ballot {ballot_hash} published, challenged.jsonl line {line}")
        }
    }
}

fn append(args: AppendArgs) -> Outcome {
    let record = Record::new(&args.record.record);
    let mut submissions = Vec::new();
    let mut sources = Vec::new();
    let mut unreadable = 0usize;
    for file in &args.files {
        let is_lines = file.extension().is_some_and(|e| e == "jsonl");
        // A .jsonl file follows the JSON-lines rules of spec §12.2 (no blank line, a final newline).
        let docs: Vec<(String, Result<String, String>)> = if is_lines {
            let mut reader = LineReader::open(file)?;
            let mut docs = Vec::new();
            while let Some(raw) = reader.next_line()? {
                let source = format!("{}:{}", file.display(), raw.line);
                docs.push(match raw.defect {
                    Some(defect) => (source, Err(defect.describe().to_owned())),
                    None => (source, Ok(raw.text)),
                });
            }
            docs
        } else {
            let text = std::fs::read_to_string(file).map_err(|e| RecordError::io(file, e))?;
            vec![(file.display().to_string(), Ok(text))]
        };
        for (source, doc) in docs {
            match doc.and_then(|d| Submission::from_json(&d)) {
                Ok(s) => {
                    submissions.push(s);
                    sources.push(source);
                }
                Err(e) => {
                    say!("{source}: refused: not a ballot: {e}");
                    unreadable += 1;
                }
            }
        }
    }
    let mut board = Board::open(&record)?;
    let results = board.submit_all(&submissions);
    board.close()?;
    let mut refused = unreadable;
    for (source, result) in sources.iter().zip(&results) {
        match result {
            Ok(receipt) => print_receipt(Some(source), receipt),
            Err(e) => {
                refused += 1;
                say!("{source}: {e}");
            }
        }
    }
    if refused > 0 {
        eprintln!(
            "{refused} of {} ballots refused",
            submissions.len() + unreadable
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn tally(root: &Path) -> Outcome {
    let record = Record::new(root);
    let bars = Bars::new();
    let started = Instant::now();
    let t = sailau_record::tally::tally(&record, &bars)?;
    bars.clear();
    say!(
        "tallied {} ballots of {} voters ({} superseded by a later ballot of the same credential) in {:.2} s; \
         the board is closed at tracking code {}",
        t.tally.ballot_count,
        t.board.voters,
        t.board.superseded,
        started.elapsed().as_secs_f64(),
        t.board.head.short()
    );
    let ctx = record.open_context()?;
    say!(
        "next: any {} trustees run `sailau trustee decrypt`",
        ctx.threshold()
    );
    Ok(ExitCode::SUCCESS)
}

fn combine(args: CombineArgs) -> Outcome {
    let record = Record::new(&args.record.record);
    let combined = sailau_record::tally::combine(&record, args.trustees.as_deref())?;
    for (j, why) in &combined.rejected {
        eprintln!("left out trustee {j}'s share: {why}");
    }
    let manifest = record.manifest()?;
    say_part!(
        "{}",
        sailau_record::tally::results_table(&manifest, &combined.result)
    );
    say!(
        "\ndecrypted with the shares of trustees {}; published in {}",
        combined
            .result
            .trustees
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        record.dir().display(&record.dir().results())
    );
    Ok(ExitCode::SUCCESS)
}

fn verify(args: VerifyArgs) -> Outcome {
    // A downloaded record (`record.zip` of a campaign's page) is verified as it is: unpacked
    // into a temporary directory, removed afterwards.
    let unpacked = if args.record.is_file() {
        Some(unpack_record(&args.record)?)
    } else {
        None
    };
    let root = match &unpacked {
        Some((_, root)) => root.clone(),
        None => args.record.clone(),
    };
    let options = VerifyOptions {
        threads: args.threads,
        batch: args.batch,
        allow_incomplete: args.incomplete,
        max_findings: args.max_findings,
        ..VerifyOptions::default()
    };
    let bars = Bars::new();
    let report = sailau_record::verify(&root, &options, &bars)?;
    bars.clear();
    print_report(&root, &report);
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Unpacks an election record's zip into a new temporary directory: the directory (removed when
/// dropped) and the record's root inside it (the directory holding `manifest.json`: the zip's
/// root, or the one folder it is packed in, as `record/` of a campaign's download).
///
/// # Errors
/// [`RecordError::Io`] when the file cannot be read or unpacked, [`RecordError::Invalid`] when it
/// is not a zip archive.
fn unpack_record(zip_path: &Path) -> Result<(tempfile::TempDir, PathBuf), RecordError> {
    let file = std::fs::File::open(zip_path).map_err(|e| RecordError::io(zip_path, e))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| {
        RecordError::invalid(format!(
            "{}: neither an election record directory nor its zip ({e})",
            zip_path.display()
        ))
    })?;
    let dir = tempfile::Builder::new()
        .prefix("sailau-record-")
        .tempdir()
        .map_err(|e| RecordError::io(std::env::temp_dir(), e))?;
    // `extract` keeps every entry inside the directory (names that would leave it are refused).
    archive
        .extract(dir.path())
        .map_err(|e| RecordError::invalid(format!("{}: cannot unpack: {e}", zip_path.display())))?;
    let root = sailau_record::record_below(dir.path()).unwrap_or_else(|| dir.path().to_owned());
    Ok((dir, root))
}

/// "1 problem", "2 problems": the count with its noun in the right number (English plural rule).
fn problems(count: u64) -> String {
    if count == 1 {
        "1 problem".to_owned()
    } else {
        format!("{count} problems")
    }
}

fn print_report(root: &Path, report: &VerifyReport) {
    for f in &report.findings {
        say!("{f}");
    }
    if report.omitted > 0 {
        say!("… and {} more", problems(report.omitted));
    }
    let s = &report.summary;
    let record = Record::new(root);
    if let Ok(manifest) = record.manifest() {
        say!("{} ({})", manifest.title, manifest.election_id);
    }
    say!(
        "ballots: {} cast by {} voters ({} superseded by a re-vote), {} challenged; credentials: {}; \
         trustees: {}, decryption shares: {}; results: {}",
        s.ballots,
        s.voters,
        s.superseded,
        s.challenged,
        s.credentials,
        s.trustees,
        s.shares,
        if s.results {
            "checked"
        } else {
            "not published"
        }
    );
    let secs = s.elapsed.as_secs_f64();
    let ballot_secs = s.ballots_elapsed.as_secs_f64();
    say!(
        "time: {secs:.2} s on {} threads (ballots: {ballot_secs:.2} s, {:.0} ballots/s)",
        s.threads,
        if ballot_secs > 0.0 {
            s.ballots as f64 / ballot_secs
        } else {
            0.0
        }
    );
    if report.ok() {
        say!("OK: everything holds");
    } else {
        say!(
            "FAILED: {}",
            problems(report.findings.len() as u64 + report.omitted)
        );
    }
}

fn bench(args: BenchArgs) -> Outcome {
    let temp;
    let root = match &args.dir {
        Some(dir) => dir.clone(),
        None => {
            temp = std::env::temp_dir().join(format!(
                "sailau-bench-{}-{}",
                args.ballots,
                std::process::id()
            ));
            temp.clone()
        }
    };
    let record_dir = root.join("record");
    let secrets = root.join("secrets");
    let bars = Bars::new();
    if !args.reuse {
        let election = SyntheticElection {
            ballots: args.ballots,
            seed: args.seed,
            ..SyntheticElection::default()
        };
        let times = sailau_record::bench::generate(&record_dir, &secrets, &election, &bars)?;
        bars.clear();
        let threads = rayon_threads();
        say!(
            "generated {} ballots (1 contest, 5 candidates + against all) in {}: setup {:.2} s, encryption with \
             proofs {:.2} s on {threads} threads ({:.3} ms per ballot per thread), tally {:.2} s, decryption {:.2} s",
            args.ballots,
            record_dir.display(),
            times.setup.as_secs_f64(),
            times.ballots.as_secs_f64(),
            times.ballots.as_secs_f64() * 1000.0 * threads as f64 / args.ballots.max(1) as f64,
            times.tally.as_secs_f64(),
            times.decryption.as_secs_f64()
        );
    }
    let bytes = std::fs::metadata(record_dir.join("ballots.jsonl"))
        .map(|m| m.len())
        .unwrap_or(0);
    say!("ballots.jsonl: {:.1} MB", bytes as f64 / 1e6);
    let mut ok = true;
    say!(
        "| threads | whole record, wall (s) | ballots/s (wall) | CPU (s) | ballots per CPU-second | ballot phase, wall (s) |"
    );
    say!("|---:|---:|---:|---:|---:|---:|");
    for &threads in &args.threads {
        let options = VerifyOptions {
            threads,
            ..VerifyOptions::default()
        };
        let cpu_before = cpu_seconds();
        let report = sailau_record::verify(&record_dir, &options, &bars)?;
        let cpu = cpu_seconds()
            .zip(cpu_before)
            .map(|(after, before)| after - before);
        bars.clear();
        ok &= report.ok();
        for f in report.findings.iter().take(5) {
            say!("{f}");
        }
        let s = &report.summary;
        say!(
            "| {} | {:.2} | {:.0} | {} | {} | {:.2} |",
            s.threads,
            s.elapsed.as_secs_f64(),
            s.ballots as f64 / s.elapsed.as_secs_f64().max(1e-9),
            cpu.map_or("n/a".into(), |c| format!("{c:.2}")),
            cpu.map_or("n/a".into(), |c| format!(
                "{:.0}",
                s.ballots as f64 / c.max(1e-9)
            )),
            s.ballots_elapsed.as_secs_f64(),
        );
    }
    if args.dir.is_none() && !args.keep {
        let _ = std::fs::remove_dir_all(&root);
    } else {
        say!("record kept in {}", record_dir.display());
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// This process's user + system CPU time, from /proc/self/stat (Linux; `None` elsewhere). On a shared machine
/// the wall-clock time depends on the other processes; the CPU time much less.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // USER_HZ is 100 on every Linux the binary targets.
    Some((utime + stime) / 100.0)
}

fn rayon_threads() -> usize {
    std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_problem_is_singular() {
        assert_eq!(super::problems(1), "1 problem");
        assert_eq!(super::problems(0), "0 problems");
        assert_eq!(super::problems(2), "2 problems");
        assert_eq!(super::problems(21), "21 problems");
    }
}

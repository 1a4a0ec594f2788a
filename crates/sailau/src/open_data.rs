//! Open data and the audit (issue 12 §7–8): `sailau export …` writes an election's results or
//! the ledger in open formats to standard output; `sailau audit results` recomputes every result
//! from a copy of the public ledger alone and compares it with the published results.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Args, Subcommand, ValueEnum};
use sailau_app::elections::audit::{self, CopiedEntry};
use sailau_app::elections::open_data;
use sailau_domain::elections::ElectionId;
use sailau_ledger::SignedTreeHead;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Place;
use crate::admin::CliError;

// ---------------------------------------------------------------- export

/// What `sailau export` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportKind {
    /// NIST SP 1500-100 v2 election results (JSON), as at /elections/ID/results/nist.json.
    NistResults,
    /// The ledger as a NIST SP 1500-101 event log (JSON), as at /api/ledger/nist-events.
    NistEvents,
    /// The results as sailau computes them (JSON), as at /elections/ID/results.json.
    Results,
    /// One row per precinct (CSV).
    PrecinctsCsv,
    /// One row per unit and candidate (CSV).
    UnitsCsv,
    /// One row per precinct (XLSX: redirect standard output to a file).
    PrecinctsXlsx,
    /// One row per unit and candidate (XLSX: redirect standard output to a file).
    UnitsXlsx,
}

/// `sailau export KIND [--election ID]`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_enum)]
    kind: ExportKind,
    /// The election (its id, as in the address of its pages); not needed for nist-events.
    #[arg(long)]
    election: Option<String>,
    #[command(flatten)]
    place: Place,
}

fn usage(e: impl std::fmt::Display) -> CliError {
    CliError::Usage(e.to_string())
}

fn write_out(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::from),
    }
}

/// Runs `sailau export`.
pub async fn export(args: ExportArgs) -> Result<(), CliError> {
    let app = args.place.existing_app().await?;
    if let ExportKind::NistEvents = args.kind {
        let log = app.nist_events().await?;
        let text = serde_json::to_string_pretty(&log).map_err(usage)?;
        say!("{text}");
        return Ok(());
    }
    let id = args
        .election
        .as_deref()
        .ok_or_else(|| usage("--election ID is needed: which election's results?"))?;
    let id = ElectionId::parse(id)
        .ok_or_else(|| usage(format!("--election: {id:?} is not an election id")))?;
    let r = app.election_results(&id).await?;
    let now = jiff::Timestamp::from_millisecond(app.now_ms()).map_err(usage)?;
    match args.kind {
        ExportKind::NistResults | ExportKind::NistEvents => {
            let doc = open_data::nist_results(&r, now);
            say!("{}", serde_json::to_string_pretty(&doc).map_err(usage)?);
        }
        ExportKind::Results => say!("{}", serde_json::to_string(&*r).map_err(usage)?),
        ExportKind::PrecinctsCsv => {
            write_out(open_data::precincts_csv(&r).map_err(usage)?.as_bytes())?
        }
        ExportKind::UnitsCsv => write_out(open_data::units_csv(&r).map_err(usage)?.as_bytes())?,
        ExportKind::PrecinctsXlsx => write_out(&open_data::precincts_xlsx(&r).map_err(usage)?)?,
        ExportKind::UnitsXlsx => write_out(&open_data::units_xlsx(&r).map_err(usage)?)?,
    }
    Ok(())
}

// ---------------------------------------------------------------- audit

/// `sailau audit …`.
#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute every protocol total, winner and statistic from the public ledger alone and
    /// compare them with the published results, naming every difference. Checks the ledger
    /// first: every entry against its leaf hash, the Merkle root against the signed tree head,
    /// the head's signature. Exits non-zero on any fault or difference.
    Results(AuditArgs),
}

/// Where the audit reads from.
#[derive(Args, Debug)]
pub struct AuditArgs {
    /// The ledger: a server's address (`http://HOST:PORT`; its /api/ledger/head and
    /// /api/ledger/entries are read) or a file written by `--save`.
    #[arg(long)]
    ledger: String,
    /// The published results to compare with: a server's address, or a file written by
    /// `--save` (default: the --ledger server, or the results saved in the --ledger file).
    #[arg(long)]
    results: Option<String>,
    /// Audit only this election (default: every election in the ledger).
    #[arg(long)]
    election: Option<String>,
    /// The ledger's public key, 64 hex digits, as published by the commission. Default: the
    /// key the server (or the file) gives beside the head — pin it for an audit that does not
    /// trust the server.
    #[arg(long)]
    public_key: Option<String>,
    /// Signed tree heads published earlier (JSON files from /api/ledger/head or `sailau ledger
    /// head`): the ledger must still begin with exactly what they signed.
    #[arg(long = "head")]
    heads: Vec<PathBuf>,
    /// Save the copy of the ledger and the published results to this JSON file, for a later
    /// audit offline (`--ledger FILE`).
    #[arg(long)]
    save: Option<PathBuf>,
}

/// A copy of the ledger and of the published results, as `--save` writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Copy {
    signed_head: SignedTreeHead,
    #[serde(default)]
    public_key: Option<String>,
    entries: Vec<CopiedEntry>,
    /// Published results by election id.
    #[serde(default)]
    results: BTreeMap<String, Value>,
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// GET `url` and parse its JSON body (HTTP/1.1, plain `http://` only).
async fn get_json(url: &str) -> Result<Value, CliError> {
    use http_body_util::BodyExt;
    let fail = |why: String| CliError::Usage(format!("GET {url}: {why}"));
    if url.starts_with("https://") {
        return Err(fail(
            "this build reads http:// addresses only; save the ledger where it is served over \
             http (or on the server itself) with --save and audit the file"
                .into(),
        ));
    }
    let uri: hyper::Uri = url.parse().map_err(|e| fail(format!("{e}")))?;
    let host = uri.host().ok_or_else(|| fail("no host".into()))?.to_owned();
    let port = uri.port_u16().unwrap_or(80);
    let stream = tokio::net::TcpStream::connect((host.as_str(), port))
        .await
        .map_err(|e| fail(e.to_string()))?;
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| fail(e.to_string()))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    let authority = uri
        .authority()
        .map(|a| a.as_str().to_owned())
        .unwrap_or(host);
    let request = hyper::Request::get(uri.path_and_query().map_or("/", |p| p.as_str()))
        .header(hyper::header::HOST, authority)
        .header(hyper::header::ACCEPT, "application/json")
        .body(http_body_util::Empty::<hyper::body::Bytes>::new())
        .map_err(|e| fail(e.to_string()))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| fail(e.to_string()))?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| fail(e.to_string()))?
        .to_bytes();
    if !status.is_success() {
        return Err(fail(format!(
            "answered {status}: {}",
            String::from_utf8_lossy(&body)
                .chars()
                .take(300)
                .collect::<String>()
        )));
    }
    serde_json::from_slice(&body).map_err(|e| fail(format!("not JSON: {e}")))
}

fn base(url: &str) -> &str {
    url.trim_end_matches('/')
}

/// Reads the head and every entry up to it from a server.
async fn fetch_ledger(server: &str) -> Result<Copy, CliError> {
    let head = get_json(&format!("{}/api/ledger/head", base(server))).await?;
    let signed_head: SignedTreeHead = serde_json::from_value(head["signed_head"].clone())
        .map_err(|e| usage(format!("{server}: not a signed tree head: {e}")))?;
    let public_key = head["public_key"].as_str().map(str::to_owned);
    let size = signed_head.head.size;
    let mut entries: Vec<CopiedEntry> = Vec::new();
    while (entries.len() as u64) < size {
        let start = entries.len() as u64;
        let end = size.min(start + 1000);
        let page = get_json(&format!(
            "{}/api/ledger/entries?start={start}&end={end}",
            base(server)
        ))
        .await?;
        let got: Vec<CopiedEntry> = serde_json::from_value(page["entries"].clone())
            .map_err(|e| usage(format!("{server}: entries {start}..{end}: {e}")))?;
        if got.is_empty() {
            return Err(usage(format!(
                "{server} lists no entries from {start}, its head counts {size}"
            )));
        }
        entries.extend(got);
    }
    Ok(Copy {
        signed_head,
        public_key,
        entries,
        results: BTreeMap::new(),
    })
}

fn read_copy(path: &str) -> Result<Copy, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| usage(format!("{path}: {e}")))?;
    serde_json::from_str(&text).map_err(|e| {
        usage(format!(
            "{path}: not a ledger copy written by `sailau audit results --save`: {e}"
        ))
    })
}

fn read_head(path: &PathBuf) -> Result<SignedTreeHead, CliError> {
    let text = std::fs::read_to_string(path)?;
    let value: Value =
        serde_json::from_str(&text).map_err(|e| usage(format!("{}: {e}", path.display())))?;
    let inner = value.get("signed_head").cloned().unwrap_or(value);
    serde_json::from_value(inner)
        .map_err(|e| usage(format!("{}: not a signed tree head: {e}", path.display())))
}

/// Runs `sailau audit results`.
pub async fn audit(cmd: AuditCommand) -> Result<(), CliError> {
    let AuditCommand::Results(args) = cmd;
    let started = Instant::now();
    let results_from = args
        .results
        .clone()
        .or_else(|| is_url(&args.ledger).then(|| args.ledger.clone()));
    let only = match &args.election {
        Some(s) => Some(
            ElectionId::parse(s)
                .ok_or_else(|| usage(format!("--election: {s:?} is not an election id")))?,
        ),
        None => None,
    };
    // The copy and the published results at the same ledger size: a server that grows while it
    // is read is read again (results are published per ledger size).
    let mut attempt = 0;
    let (copy, recomputed, checked) = loop {
        attempt += 1;
        let mut copy = if is_url(&args.ledger) {
            fetch_ledger(&args.ledger).await?
        } else {
            read_copy(&args.ledger)?
        };
        let key_hex = args
            .public_key
            .clone()
            .or_else(|| copy.public_key.clone())
            .ok_or_else(|| usage("no public key: give --public-key"))?;
        let key = sailau_ledger::verifying_key_from_hex(&key_hex)
            .map_err(|e| usage(format!("public key: {e}")))?;
        let earlier = args
            .heads
            .iter()
            .map(read_head)
            .collect::<Result<Vec<_>, _>>()?;
        let checked = audit::check_ledger(&copy.entries, &copy.signed_head, &key, &earlier);
        let recomputed = audit::recompute(&checked.entries);
        if let Some(src) = &results_from {
            if is_url(src) {
                copy.results.clear();
                for id in recomputed.elections.keys() {
                    if only.is_some_and(|o| o != *id) {
                        continue;
                    }
                    let r = get_json(&format!("{}/elections/{id}/results.json", base(src))).await?;
                    copy.results.insert(id.to_string(), r);
                }
            } else {
                copy.results = read_copy(src)?.results;
            }
        }
        let newer = copy.results.values().any(|r| {
            r["ledger_size"]
                .as_u64()
                .is_some_and(|s| s > copy.signed_head.head.size)
        });
        if newer && is_url(&args.ledger) && attempt < 3 {
            continue;
        }
        break (copy, recomputed, checked);
    };
    if let Some(path) = &args.save {
        let text = serde_json::to_string(&copy).map_err(usage)?;
        std::fs::write(path, text)?;
        say!(
            "saved the ledger copy and the published results to {}",
            path.display()
        );
    }

    let from_server = results_from.as_deref().is_some_and(is_url);
    let mut findings = 0usize;
    say!(
        "ledger: {} entries, root {}, signed tree head of size {} by key {}",
        copy.entries.len(),
        sailau_ledger::hash_to_hex(&copy.signed_head.head.root),
        copy.signed_head.head.size,
        copy.signed_head.key_id
    );
    if checked.faults.is_empty() {
        say!("  every entry matches its leaf hash; the Merkle root and the signature check out");
    }
    for f in &checked.faults {
        findings += 1;
        say!("  FAULT: {f}");
    }
    for p in &recomputed.problems {
        findings += 1;
        say!("  FAULT: {p}");
    }
    if let Some(o) = only
        && !recomputed.elections.contains_key(&o)
    {
        return Err(usage(format!("election {o} is not in the ledger")));
    }
    for (id, mine) in &recomputed.elections {
        if only.is_some_and(|o| o != *id) {
            continue;
        }
        let precincts: usize = mine.units.iter().map(|u| u.precincts.len()).sum();
        say!(
            "election {id}: {} units, {} of {precincts} precinct protocols accepted, {} candidates registered, turnout {:.2}%",
            mine.units.len(),
            mine.national.precincts_in,
            mine.statistics.registered,
            mine.national.turnout_percent,
        );
        for u in &mine.units {
            if let sailau_domain::elections::tabulation::Outcome::Elected { winner } =
                &u.result.outcome
            {
                say!(
                    "  unit {}: №{winner} elected ({})",
                    u.unit,
                    u.result.status.as_str()
                );
            } else if u.result.precincts_in > 0 {
                say!(
                    "  unit {}: {} ({})",
                    u.unit,
                    u.result.outcome.as_str(),
                    u.result.status.as_str()
                );
            }
        }
        match copy.results.get(&id.to_string()) {
            None if from_server || only.is_some() => {
                findings += 1;
                say!("  DIFFERENCE: no published results for this election");
            }
            None => say!("  (no published results of this election in the copy: not compared)"),
            Some(published) => {
                let size = published["ledger_size"].as_u64().unwrap_or(0);
                if size != copy.signed_head.head.size {
                    say!(
                        "  note: the published results are of ledger size {size}, the copy's head of size {}",
                        copy.signed_head.head.size
                    );
                }
                let diffs = audit::compare(mine, published);
                if diffs.is_empty() {
                    say!(
                        "  the published results (ledger size {size}) agree with the recomputation in every number"
                    );
                }
                for d in &diffs {
                    findings += 1;
                    say!("  DIFFERENCE: {d}");
                }
            }
        }
    }
    if findings > 0 {
        return Err(CliError::Usage(format!(
            "audit FAILED: {findings} fault(s) or difference(s) ({} ms)",
            started.elapsed().as_millis()
        )));
    }
    say!("audit OK ({} ms)", started.elapsed().as_millis());
    Ok(())
}

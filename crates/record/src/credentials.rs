//! The credential authority: private credential codes for the voters, public credentials for the record.

use std::io::Write;
use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand_core::CryptoRng;
use rayon::prelude::*;
use sailau_vote::{CredentialCode, ElectionParameters, Point, generate_credential};
use zeroize::Zeroize;

use crate::error::{RecordError, Result};
use crate::format::{CredentialLine, VoterSecretLine};
use crate::jsonl::{JsonLinesWriter, secret_options};
use crate::record::Record;

/// Where the private credential codes go (never into the record).
#[derive(Debug, Clone)]
pub enum SecretsOut {
    /// One JSON-lines file: `{"voter": n, "code": "XXXX-…"}` per line (mode 0600).
    File(PathBuf),
    /// One text file per voter, `voter-000001.txt` … (mode 0600), holding the code.
    Dir(PathBuf),
}

const CHUNK: usize = 4096;

/// Generates `count` credentials: writes the codes to `out` and the sorted public credentials to
/// `credentials.jsonl` (which must not exist yet). Returns the public credentials in the published order.
pub fn generate<R: CryptoRng + ?Sized>(
    record: &Record,
    count: u64,
    out: &SecretsOut,
    rng: &mut R,
) -> Result<Vec<Point>> {
    let parameters = record.parameters()?;
    let path = record.dir().credentials();
    if path.exists() {
        return Err(RecordError::Exists {
            path,
            hint: "credentials were already generated for this election".into(),
        });
    }
    let generated = generate_codes(&parameters, count, rng)?;
    write_secrets(out, &generated)?;
    let publics: Vec<Point> = generated.iter().map(|(_, p)| *p).collect();
    drop(generated);
    publish(record, publics)
}

/// Generates `count` credential codes with their public credentials, in parallel on the current rayon pool
/// (each chunk with its own generator seeded from `rng`).
pub fn generate_codes<R: CryptoRng + ?Sized>(
    parameters: &ElectionParameters,
    count: u64,
    rng: &mut R,
) -> Result<Vec<(CredentialCode, Point)>> {
    let count = usize::try_from(count).map_err(|_| RecordError::invalid("too many credentials"))?;
    let seeds: Vec<[u8; 32]> = (0..count.div_ceil(CHUNK))
        .map(|_| {
            let mut seed = [0u8; 32];
            rng.fill_bytes(&mut seed);
            seed
        })
        .collect();
    Ok(seeds
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, seed)| {
            let mut rng = StdRng::from_seed(*seed);
            let n = CHUNK.min(count - i * CHUNK);
            (0..n)
                .map(move |_| generate_credential(parameters, &mut rng))
                .collect::<Vec<_>>()
        })
        .collect())
}

/// Publishes public credentials: sorts them (so the list's order says nothing about the voters) and writes
/// `credentials.jsonl`, which must not exist yet. Returns them in the published order.
pub fn publish(record: &Record, mut publics: Vec<Point>) -> Result<Vec<Point>> {
    let path = record.dir().credentials();
    publics.sort_unstable();
    let mut writer = JsonLinesWriter::create_new(&path, "credentials were already generated")?;
    for credential in &publics {
        writer.write(&CredentialLine {
            credential: *credential,
        })?;
    }
    writer.finish()?;
    Ok(publics)
}

fn write_secrets(out: &SecretsOut, generated: &[(CredentialCode, Point)]) -> Result<()> {
    match out {
        SecretsOut::File(path) => {
            let file = secret_options()
                .open(path)
                .map_err(|e| RecordError::io(path, e))?;
            let mut w = std::io::BufWriter::new(file);
            for (n, (code, _)) in generated.iter().enumerate() {
                let mut line = VoterSecretLine {
                    voter: n as u64 + 1,
                    code: code.to_code_string(),
                };
                let written = serde_json::to_writer(&mut w, &line);
                line.code.zeroize();
                written.map_err(|source| RecordError::Json {
                    path: path.clone(),
                    source,
                })?;
                w.write_all(b"\n").map_err(|e| RecordError::io(path, e))?;
            }
            let file = w
                .into_inner()
                .map_err(|e| RecordError::io(path, e.into_error()))?;
            file.sync_all().map_err(|e| RecordError::io(path, e))
        }
        SecretsOut::Dir(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| RecordError::io(dir, e))?;
            for (n, (code, _)) in generated.iter().enumerate() {
                let path = voter_file(dir, n as u64 + 1);
                let mut file = secret_options()
                    .open(&path)
                    .map_err(|e| RecordError::io(&path, e))?;
                let mut text = code.to_code_string();
                let written = writeln!(file, "{text}");
                text.zeroize();
                written.map_err(|e| RecordError::io(&path, e))?;
            }
            Ok(())
        }
    }
}

/// `DIR/voter-000042.txt`.
pub fn voter_file(dir: &Path, voter: u64) -> PathBuf {
    dir.join(format!("voter-{voter:06}.txt"))
}

/// Reads a credential code: from a voter's text file (the code on its first line), or voter `voter` of a
/// JSON-lines secrets file.
pub fn read_code(path: &Path, voter: Option<u64>) -> Result<CredentialCode> {
    let mut text = std::fs::read_to_string(path).map_err(|e| RecordError::io(path, e))?;
    let found = find_code(path, &text, voter);
    text.zeroize();
    let mut code = found?;
    let parsed = CredentialCode::parse(&code)
        .map_err(|e| RecordError::crypto(format!("{}: credential", path.display()), e));
    code.zeroize();
    parsed
}

fn find_code(path: &Path, text: &str, voter: Option<u64>) -> Result<String> {
    let Some(n) = voter else {
        return Ok(text.lines().next().unwrap_or_default().trim().to_owned());
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut l: VoterSecretLine = crate::jsonl::parse_line(path, i as u64 + 1, line)?;
        if l.voter == n {
            return Ok(std::mem::take(&mut l.code));
        }
        l.code.zeroize();
    }
    Err(RecordError::invalid(format!(
        "{}: no voter {n}",
        path.display()
    )))
}

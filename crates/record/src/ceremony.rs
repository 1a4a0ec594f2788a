//! Creating an election and the trustees' key ceremony, in files.
//!
//! 1. [`init`]: `manifest.json`, `parameters.json`.
//! 2. [`keygen`] by each trustee `i`: its secret file (outside the record) and `trustees/trustee-<i>.json`.
//! 3. [`deal`] by each trustee once all have announced: `trustees/dealt-<i>.json`, the shares for the others,
//!    encrypted to each recipient's share-encryption key and signed.
//! 4. [`finalize`] by each trustee once all have dealt: checks the shares addressed to it against the dealers'
//!    commitments; stores its key share in its secret file and publishes `trustees/finalized-<j>.json`, or
//!    publishes `trustees/complaints-<j>.json`. The last trustee to finalize writes `election.json`.

use std::path::Path;

use rand_core::CryptoRng;
use sailau_vote::{
    ElectionContext, ElectionParameters, EncryptedShare, Manifest, Point, ShareOutcome,
    deal_shares, generate_trustee,
};

use crate::error::{RecordError, Result};
use crate::format::{Complaints, DealtShares, ElectionPublic, Finalized, TrusteeSecretFile};
use crate::jsonl::{read_json, read_json_required, write_json, write_json_new, write_secret_json};
use crate::record::{Record, election_public};
use crate::spec::ElectionSpec;

/// Creates the record directory (it may exist but must not hold an election yet) with `manifest.json` and
/// `parameters.json`.
pub fn init(root: &Path, spec: &ElectionSpec) -> Result<(Manifest, ElectionParameters)> {
    let (manifest, parameters) = spec.build()?;
    let record = Record::new(root);
    let dir = record.dir();
    std::fs::create_dir_all(root).map_err(|e| RecordError::io(root, e))?;
    write_json_new(
        &dir.manifest(),
        &manifest,
        "this directory already holds an election",
    )?;
    write_json(&dir.parameters(), &parameters)?;
    for sub in [dir.trustees_dir(), dir.shares_dir()] {
        std::fs::create_dir_all(&sub).map_err(|e| RecordError::io(&sub, e))?;
    }
    Ok((manifest, parameters))
}

/// Trustee `index` announces itself: writes its secret file at `secret_path` (which must not exist) and
/// `trustees/trustee-<index>.json`.
pub fn keygen<R: CryptoRng + ?Sized>(
    record: &Record,
    index: u32,
    secret_path: &Path,
    rng: &mut R,
) -> Result<sailau_vote::TrusteePublic> {
    let manifest = record.manifest()?;
    let parameters = record.parameters()?;
    parameters
        .validate_with(&manifest)
        .map_err(|e| RecordError::crypto("parameters", e))?;
    let public_path = record.dir().trustee(index);
    if public_path.exists() {
        return Err(RecordError::Exists {
            path: public_path,
            hint: format!("trustee {index} has already announced"),
        });
    }
    let (secrets, public) = generate_trustee(&parameters, index, rng)
        .map_err(|e| RecordError::crypto(format!("trustee {index}"), e))?;
    let file = TrusteeSecretFile {
        election_id: manifest.election_id.clone(),
        secrets,
        key: None,
    };
    write_secret_json(secret_path, &file, true)?;
    std::fs::create_dir_all(record.dir().trustees_dir())
        .map_err(|e| RecordError::io(record.dir().trustees_dir(), e))?;
    write_json_new(&public_path, &public, "trustee already announced")?;
    Ok(public)
}

/// Reads a trustee's secret file.
pub fn read_secret_file(path: &Path) -> Result<TrusteeSecretFile> {
    read_json(path)
}

/// The trustee of `secret_path` deals its shares to the others: writes `trustees/dealt-<i>.json`.
pub fn deal<R: CryptoRng + ?Sized>(
    record: &Record,
    secret_path: &Path,
    rng: &mut R,
) -> Result<DealtShares> {
    let file = read_secret_file(secret_path)?;
    let index = file.secrets.index;
    let parameters = record.parameters()?;
    let publics = record.all_trustee_publics(&parameters)?;
    let path = record.dir().dealt(index);
    if path.exists() {
        return Err(RecordError::Exists {
            path,
            hint: format!("trustee {index} has already dealt its shares"),
        });
    }
    let shares = deal_shares(&parameters, &file.secrets, &publics, rng)
        .map_err(|e| RecordError::crypto(format!("trustee {index} dealing"), e))?;
    let dealt = DealtShares {
        dealer: index,
        shares,
    };
    write_json_new(&path, &dealt, "trustee already dealt")?;
    Ok(dealt)
}

/// What [`finalize`] concluded.
#[derive(Debug, Clone)]
pub enum FinalizeOutcome {
    /// The shares were valid; the trustee's key share is in its secret file.
    Accepted {
        /// The trustee's verification key `Yⱼ`.
        verification_key: Point,
        /// `election.json`, when this was the last trustee to finalize.
        election: Option<Box<ElectionPublic>>,
    },
    /// Some shares were invalid; the complaints are published in `trustees/complaints-<j>.json`.
    Complaints(Complaints),
}

/// Every trustee's dealt shares (error naming the dealers that have not dealt yet).
pub fn all_dealt(record: &Record, parameters: &ElectionParameters) -> Result<Vec<DealtShares>> {
    let mut dealt = Vec::new();
    let mut missing = Vec::new();
    for i in 1..=parameters.trustees {
        let path = record.dir().dealt(i);
        if path.exists() {
            let d: DealtShares = read_json(&path)?;
            if d.dealer != i {
                return Err(RecordError::invalid(format!(
                    "{}: holds the shares of trustee {}",
                    path.display(),
                    d.dealer
                )));
            }
            dealt.push(d);
        } else {
            missing.push(i.to_string());
        }
    }
    if !missing.is_empty() {
        return Err(RecordError::Missing {
            path: record.dir().trustees_dir(),
            hint: format!(
                "trustees {} have not run `sailau trustee share` yet",
                missing.join(", ")
            ),
        });
    }
    Ok(dealt)
}

/// The trustee of `secret_path` receives and checks its shares; see [`FinalizeOutcome`].
pub fn finalize<R: CryptoRng + ?Sized>(
    record: &Record,
    secret_path: &Path,
    rng: &mut R,
) -> Result<FinalizeOutcome> {
    let mut file = read_secret_file(secret_path)?;
    let index = file.secrets.index;
    let parameters = record.parameters()?;
    let publics = record.all_trustee_publics(&parameters)?;
    let shares: Vec<EncryptedShare> = all_dealt(record, &parameters)?
        .into_iter()
        .flat_map(|d| d.shares)
        .filter(|s| s.recipient == index)
        .collect();
    let outcome =
        sailau_vote::receive_shares(&parameters, &file.secrets, &publics, &shares, rng)
            .map_err(|e| RecordError::crypto(format!("trustee {index} receiving shares"), e))?;
    match outcome {
        ShareOutcome::Accepted(key) => {
            let verification_key = key.verification_key;
            file.key = Some(key);
            write_secret_json(secret_path, &file, false)?;
            write_json(
                &record.dir().finalized(index),
                &Finalized {
                    trustee: index,
                    verification_key,
                },
            )?;
            let election = publish_election_if_complete(record)?.map(Box::new);
            Ok(FinalizeOutcome::Accepted {
                verification_key,
                election,
            })
        }
        ShareOutcome::Complaints(complaints) => {
            let complaints = Complaints {
                trustee: index,
                complaints,
            };
            write_json(&record.dir().complaints(index), &complaints)?;
            Ok(FinalizeOutcome::Complaints(complaints))
        }
    }
}

/// Writes `election.json` when every trustee has finalized with the verification key the commitments imply.
pub fn publish_election_if_complete(record: &Record) -> Result<Option<ElectionPublic>> {
    let parameters = record.parameters()?;
    for j in 1..=parameters.trustees {
        if !record.dir().finalized(j).exists() {
            return Ok(None);
        }
    }
    let ctx = record.context()?;
    check_finalized(record, &ctx)?;
    let public = election_public(&ctx);
    write_json(&record.dir().election(), &public)?;
    Ok(Some(public))
}

/// Checks that every `trustees/finalized-<j>.json` names the verification key derived from the commitments.
pub fn check_finalized(record: &Record, ctx: &ElectionContext) -> Result<()> {
    for j in 1..=ctx.trustee_count() {
        let path = record.dir().finalized(j);
        let f: Finalized = read_json_required(&path, "the trustee has not finalized")?;
        if f.trustee != j || Some(&f.verification_key) != ctx.verification_key(j) {
            return Err(RecordError::invalid(format!(
                "{}: verification key differs from the one the commitments imply",
                path.display()
            )));
        }
    }
    Ok(())
}

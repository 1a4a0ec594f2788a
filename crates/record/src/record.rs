//! Opening a record: reading the small whole-file parts and deriving the election context.

use std::path::Path;

use sailau_vote::{ElectionContext, ElectionParameters, Manifest, TrackingCode, TrusteePublic};

use crate::error::{RecordError, Result};
use crate::format::ElectionPublic;
use crate::jsonl::{read_json, read_json_required};
use crate::layout::RecordDir;

/// An election record on disk.
#[derive(Debug, Clone)]
pub struct Record {
    dir: RecordDir,
}

impl Record {
    /// The record in directory `root` (nothing is read yet).
    pub fn new(root: impl AsRef<Path>) -> Self {
        Record {
            dir: RecordDir::new(root.as_ref()),
        }
    }

    /// The record's paths.
    pub fn dir(&self) -> &RecordDir {
        &self.dir
    }

    /// `manifest.json`.
    pub fn manifest(&self) -> Result<Manifest> {
        read_json_required(
            &self.dir.manifest(),
            "create it with `sailau election init`",
        )
    }

    /// `parameters.json`.
    pub fn parameters(&self) -> Result<ElectionParameters> {
        read_json_required(
            &self.dir.parameters(),
            "create it with `sailau election init`",
        )
    }

    /// `trustees/trustee-<i>.json` for every `i` that has announced (in order), and the indices still missing.
    pub fn trustee_publics(
        &self,
        parameters: &ElectionParameters,
    ) -> Result<(Vec<TrusteePublic>, Vec<u32>)> {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for i in 1..=parameters.trustees {
            let path = self.dir.trustee(i);
            if path.exists() {
                let public: TrusteePublic = read_json(&path)?;
                if public.index != i {
                    return Err(RecordError::invalid(format!(
                        "{}: holds trustee {} instead of {i}",
                        path.display(),
                        public.index
                    )));
                }
                found.push(public);
            } else {
                missing.push(i);
            }
        }
        Ok((found, missing))
    }

    /// All `n` trustee announcements, or an error naming those that are missing.
    pub fn all_trustee_publics(
        &self,
        parameters: &ElectionParameters,
    ) -> Result<Vec<TrusteePublic>> {
        let (found, missing) = self.trustee_publics(parameters)?;
        if !missing.is_empty() {
            return Err(RecordError::Missing {
                path: self.dir.trustees_dir(),
                hint: format!(
                    "trustees {} have not run `sailau trustee keygen` yet",
                    missing
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        Ok(found)
    }

    /// Reads manifest, parameters and all trustee announcements and derives the election context (this checks
    /// every announcement's proofs).
    pub fn context(&self) -> Result<ElectionContext> {
        let manifest = self.manifest()?;
        let parameters = self.parameters()?;
        let publics = self.all_trustee_publics(&parameters)?;
        ElectionContext::new(&manifest, &parameters, &publics)
            .map_err(|e| RecordError::crypto("election context", e))
    }

    /// The context of an election whose key ceremony is complete (`election.json` exists and agrees with the
    /// trustees' data): what voting, tallying and decrypting require.
    pub fn open_context(&self) -> Result<ElectionContext> {
        let ctx = self.context()?;
        let published: ElectionPublic = read_json_required(
            &self.dir.election(),
            "the key ceremony is not complete: every trustee must run `sailau trustee finalize`",
        )?;
        if published != election_public(&ctx) {
            return Err(RecordError::invalid(format!(
                "{}: does not match the trustees' public data",
                self.dir.election().display()
            )));
        }
        Ok(ctx)
    }
}

/// What `election.json` must contain for a context.
pub fn election_public(ctx: &ElectionContext) -> ElectionPublic {
    ElectionPublic {
        parameters_hash: *ctx.parameters_hash(),
        election_hash: *ctx.election_hash(),
        joint_public_key: *ctx.joint_public_key(),
        verification_keys: ctx.verification_keys().to_vec(),
        initial_tracking_code: TrackingCode::initial(ctx.election_hash()),
    }
}

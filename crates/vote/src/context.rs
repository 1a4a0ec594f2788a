//! The election context: manifest, parameters, joint public key, trustee verification keys
//! and the election hash that every ballot, proof and signature is bound to.

use core::fmt;

use curve25519_dalek::ristretto::RistrettoBasepointTable;
use curve25519_dalek::{RistrettoPoint, Scalar};

use crate::dkg::{TrusteePublic, aggregate_commitments, eval_commitments, verify_trustee_list};
use crate::error::{DkgError, ManifestError};
use crate::group::{Point, half};
use crate::hash::{Hash32, Transcript};
use crate::manifest::{ElectionParameters, Manifest};

/// Everything public that is needed to encrypt, verify, tally and decrypt. Derived (never
/// stored): `ElectionContext::new(manifest, parameters, trustee_public_data)`.
#[derive(Clone)]
pub struct ElectionContext {
    manifest: Manifest,
    parameters: ElectionParameters,
    parameters_hash: Hash32,
    joint_public_key: Point,
    verification_keys: Vec<Point>,
    election_hash: Hash32,
    pub(crate) k_table: RistrettoBasepointTable,
    pub(crate) half_g: RistrettoPoint,
    pub(crate) half: Scalar,
}

impl fmt::Debug for ElectionContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ElectionContext")
            .field("election_id", &self.manifest.election_id)
            .field("parameters_hash", &self.parameters_hash)
            .field("joint_public_key", &self.joint_public_key)
            .field("election_hash", &self.election_hash)
            .finish_non_exhaustive()
    }
}

impl ElectionContext {
    /// Validate manifest and parameters, verify every trustee announcement (list must be
    /// trustees `1..=n` in order), and derive the joint key `K = Σᵢ Aᵢ₀`, the verification
    /// keys `Yⱼ` and the election hash (spec §3.3).
    pub fn new(
        manifest: &Manifest,
        parameters: &ElectionParameters,
        trustees: &[TrusteePublic],
    ) -> Result<Self, DkgError> {
        parameters.validate_with(manifest)?;
        verify_trustee_list(parameters, trustees)?;
        let aggregated = aggregate_commitments(trustees, parameters.threshold);
        let Some(joint) = aggregated.first().copied() else {
            return Err(DkgError::Parameters(ManifestError::Threshold {
                threshold: parameters.threshold,
                trustees: parameters.trustees,
            }));
        };
        if joint.is_identity() {
            return Err(DkgError::IdentityKey { trustee: 0 });
        }
        let mut verification_keys = Vec::with_capacity(trustees.len());
        for t in trustees {
            let y = Point::from_point(eval_commitments(&aggregated, t.index));
            if y.is_identity() {
                return Err(DkgError::IdentityKey { trustee: t.index });
            }
            verification_keys.push(y);
        }
        let parameters_hash = parameters.hash();
        let mut tr = Transcript::new("election");
        tr.hash(&parameters_hash).count(trustees.len());
        for t in trustees {
            tr.u32(t.index).count(t.commitments.len());
            for c in &t.commitments {
                tr.point(c);
            }
            tr.point(&t.share_encryption_key);
        }
        tr.point(&joint);
        let election_hash = tr.hash32();
        let half = half();
        Ok(ElectionContext {
            manifest: manifest.clone(),
            parameters: parameters.clone(),
            parameters_hash,
            joint_public_key: joint,
            verification_keys,
            election_hash,
            k_table: RistrettoBasepointTable::create(joint.point()),
            half_g: crate::group::mul_base(&half),
            half,
        })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The parameters.
    pub fn parameters(&self) -> &ElectionParameters {
        &self.parameters
    }

    /// [`ElectionParameters::hash`].
    pub fn parameters_hash(&self) -> &Hash32 {
        &self.parameters_hash
    }

    /// The election hash binding ballots, proofs, signatures and decryptions.
    pub fn election_hash(&self) -> &Hash32 {
        &self.election_hash
    }

    /// The joint public key `K`.
    pub fn joint_public_key(&self) -> &Point {
        &self.joint_public_key
    }

    /// Verification key `Yⱼ` of trustee `j` (1-based).
    pub fn verification_key(&self, trustee: u32) -> Option<&Point> {
        (trustee as usize)
            .checked_sub(1)
            .and_then(|i| self.verification_keys.get(i))
    }

    /// All verification keys, trustee 1 first.
    pub fn verification_keys(&self) -> &[Point] {
        &self.verification_keys
    }

    /// Threshold `t`.
    pub fn threshold(&self) -> u32 {
        self.parameters.threshold
    }

    /// Number of trustees `n`.
    pub fn trustee_count(&self) -> u32 {
        self.parameters.trustees
    }
}

//! t-of-n trustee key generation: Pedersen's DKG with Feldman commitments.
//!
//! 1. **Announce.** Each trustee `i` runs [`generate_trustee`]: a random polynomial
//!    `fᵢ(x) = aᵢ₀ + aᵢ₁x + … + aᵢ,ₜ₋₁xᵗ⁻¹`, Feldman commitments `Aᵢₖ = aᵢₖ·G`, a Schnorr proof
//!    of knowledge of `aᵢ₀`, and a fresh share-encryption key `Eᵢ = eᵢ·G` with its own proof.
//!    It keeps [`TrusteeSecrets`] and publishes [`TrusteePublic`].
//! 2. **Deal.** After checking everyone's public data ([`verify_trustee_public`]), each
//!    trustee runs [`deal_shares`]: for every other trustee `j` it encrypts `fᵢ(j)` to `Eⱼ`
//!    (hashed ElGamal / ECIES, see the spec) and signs the result with `eᵢ`
//!    ([`EncryptedShare`], published).
//! 3. **Receive.** Each trustee runs [`receive_shares`] on the shares addressed to it. Each
//!    share is checked against the dealer's commitments: `fᵢ(j)·G = Σₖ jᵏ·Aᵢₖ`. If all hold
//!    it obtains its [`TrusteeKey`] `sⱼ = Σᵢ fᵢ(j)`; otherwise it publishes a [`Complaint`]
//!    per bad share, which discloses the share's decryption key with a proof so that
//!    anyone can judge it with [`verify_complaint`].
//!
//! The joint public key is `K = Σᵢ Aᵢ₀` and trustee `j`'s verification key is
//! `Yⱼ = Σᵢ Σₖ jᵏ·Aᵢₖ = sⱼ·G`; both are derived by [`crate::ElectionContext::new`].

use curve25519_dalek::traits::VartimeMultiscalarMul;
use curve25519_dalek::{RistrettoPoint, Scalar};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::DkgError;
use crate::group::{Point, PublicScalar, SecretScalar, mul_base};
use crate::hash::{Hash32, Transcript};
use crate::manifest::ElectionParameters;
use crate::proofs::{
    DleqProof, SchnorrProof, dleq_prove, dleq_verify, schnorr_prove, schnorr_verify,
};

/// A trustee's secret state after the announcement (its own file; keep it offline).
#[derive(Debug, Clone, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct TrusteeSecrets {
    /// Trustee index `i` (1-based).
    #[zeroize(skip)]
    pub index: u32,
    /// [`ElectionParameters::hash`] of the election.
    #[zeroize(skip)]
    pub parameters_hash: Hash32,
    /// Polynomial coefficients `aᵢ₀ … aᵢ,ₜ₋₁`.
    coefficients: Vec<SecretScalar>,
    /// Share-decryption key `eᵢ`.
    share_decryption_key: SecretScalar,
}

/// A trustee's public announcement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrusteePublic {
    /// Trustee index `i` (1-based).
    pub index: u32,
    /// [`ElectionParameters::hash`] of the election.
    pub parameters_hash: Hash32,
    /// Feldman commitments `Aᵢₖ = aᵢₖ·G`, `k = 0..t`.
    pub commitments: Vec<Point>,
    /// Schnorr proof of knowledge of `aᵢ₀` (transcript label `"trustee-coefficient"`).
    pub coefficient_proof: SchnorrProof,
    /// Share-encryption public key `Eᵢ = eᵢ·G`.
    pub share_encryption_key: Point,
    /// Schnorr proof of knowledge of `eᵢ` (transcript label `"trustee-share-key"`).
    pub share_key_proof: SchnorrProof,
}

/// A share `f_dealer(recipient)` encrypted to the recipient's share-encryption key and
/// signed by the dealer. Published in the ceremony record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedShare {
    /// [`ElectionParameters::hash`] of the election.
    pub parameters_hash: Hash32,
    /// Dealer index.
    pub dealer: u32,
    /// Recipient index.
    pub recipient: u32,
    /// Ephemeral key `R = ρ·G`.
    pub ephemeral: Point,
    /// `f_dealer(recipient)` (32 bytes little endian) XOR the pad.
    pub ciphertext: Hash32,
    /// Dealer's Schnorr signature with `e_dealer` (label `"share-signature"`).
    pub signature: SchnorrProof,
}

/// A recipient's complaint about a share: it discloses the Diffie–Hellman key
/// `D = e_recipient·R` with a proof, so anyone can decrypt the disputed share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaint {
    /// [`ElectionParameters::hash`] of the election.
    pub parameters_hash: Hash32,
    /// The accused dealer.
    pub dealer: u32,
    /// The complaining recipient.
    pub recipient: u32,
    /// `D = e_recipient·R`.
    pub shared_key: Point,
    /// Proof that `log_G E_recipient = log_R D` (label `"complaint"`).
    pub proof: DleqProof,
}

/// The judgement of a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintVerdict {
    /// The disclosed share does not match the dealer's commitments: the dealer cheated and is
    /// disqualified; the ceremony restarts without it.
    DealerCheated,
    /// The share is valid: the complaint is unfounded and the complainant misbehaved.
    ComplaintUnfounded,
}

/// A trustee's final secret: its share `sⱼ` of the joint decryption key (its own file).
#[derive(Debug, Clone, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct TrusteeKey {
    /// Trustee index `j`.
    #[zeroize(skip)]
    pub index: u32,
    /// [`ElectionParameters::hash`] of the election.
    #[zeroize(skip)]
    pub parameters_hash: Hash32,
    /// Secret share `sⱼ = Σᵢ fᵢ(j)`.
    secret_share: SecretScalar,
    /// `Yⱼ = sⱼ·G` (must equal the verification key derived from all commitments).
    #[zeroize(skip)]
    pub verification_key: Point,
}

impl TrusteeKey {
    /// The secret share (constant-time use only).
    pub(crate) fn secret(&self) -> &Scalar {
        self.secret_share.expose()
    }
}

/// Outcome of [`receive_shares`].
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)]
pub enum ShareOutcome {
    /// All shares were valid: the trustee's key share.
    Accepted(TrusteeKey),
    /// Some shares were invalid: publish these complaints.
    Complaints(Vec<Complaint>),
}

fn coefficient_prefix(parameters_hash: &Hash32, index: u32) -> Transcript {
    let mut t = Transcript::new("trustee-coefficient");
    t.hash(parameters_hash).u32(index);
    t
}

fn share_key_prefix(parameters_hash: &Hash32, index: u32) -> Transcript {
    let mut t = Transcript::new("trustee-share-key");
    t.hash(parameters_hash).u32(index);
    t
}

fn share_signature_prefix(s: &EncryptedShare) -> Transcript {
    let mut t = Transcript::new("share-signature");
    t.hash(&s.parameters_hash)
        .u32(s.dealer)
        .u32(s.recipient)
        .point(&s.ephemeral)
        .hash(&s.ciphertext);
    t
}

fn complaint_prefix(parameters_hash: &Hash32, dealer: u32, recipient: u32) -> Transcript {
    let mut t = Transcript::new("complaint");
    t.hash(parameters_hash).u32(dealer).u32(recipient);
    t
}

/// The pad `H("share-pad", params, dealer, recipient, E_recipient, R, D)[0..32]`.
fn share_pad(
    parameters_hash: &Hash32,
    dealer: u32,
    recipient: u32,
    recipient_key: &Point,
    ephemeral: &Point,
    shared_key: &Point,
) -> [u8; 32] {
    let mut t = Transcript::new("share-pad");
    t.hash(parameters_hash)
        .u32(dealer)
        .u32(recipient)
        .point(recipient_key)
        .point(ephemeral)
        .point(shared_key);
    t.hash32().0
}

fn xor32(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for ((o, x), y) in out.iter_mut().zip(a.iter()).zip(b.iter()) {
        *o = x ^ y;
    }
    out
}

fn check_index(params: &ElectionParameters, index: u32) -> Result<(), DkgError> {
    if index == 0 || index > params.trustees {
        return Err(DkgError::TrusteeIndex(index));
    }
    Ok(())
}

/// Evaluate the secret polynomial at `x` (constant time in the coefficients).
fn eval_secret(coefficients: &[SecretScalar], x: u32) -> Scalar {
    let x = Scalar::from(u64::from(x));
    let mut acc = Scalar::ZERO;
    for c in coefficients.iter().rev() {
        acc = acc * x + c.expose();
    }
    acc
}

/// `Σₖ xᵏ·Aₖ` over public commitments (variable time).
pub(crate) fn eval_commitments(commitments: &[Point], x: u32) -> RistrettoPoint {
    let x = Scalar::from(u64::from(x));
    let mut pow = Scalar::ONE;
    let mut scalars = Vec::with_capacity(commitments.len());
    for _ in commitments {
        scalars.push(pow);
        pow *= x;
    }
    RistrettoPoint::vartime_multiscalar_mul(scalars.iter(), commitments.iter().map(|c| c.point()))
}

/// Step 1: create trustee `index`'s polynomial, commitments, proofs and share-encryption key.
pub fn generate_trustee<R: CryptoRng + ?Sized>(
    params: &ElectionParameters,
    index: u32,
    rng: &mut R,
) -> Result<(TrusteeSecrets, TrusteePublic), DkgError> {
    params.validate()?;
    check_index(params, index)?;
    let ph = params.hash();
    let coefficients: Vec<SecretScalar> = (0..params.threshold)
        .map(|_| SecretScalar::random(rng))
        .collect();
    let commitments: Vec<Point> = coefficients.iter().map(|c| c.public_point()).collect();
    let share_decryption_key = SecretScalar::random(rng);
    let share_encryption_key = share_decryption_key.public_point();
    let (Some(a0), Some(c0)) = (coefficients.first(), commitments.first()) else {
        return Err(DkgError::Parameters(
            crate::error::ManifestError::Threshold {
                threshold: params.threshold,
                trustees: params.trustees,
            },
        ));
    };
    let coefficient_proof = schnorr_prove(coefficient_prefix(&ph, index), a0.expose(), c0, rng);
    let share_key_proof = schnorr_prove(
        share_key_prefix(&ph, index),
        share_decryption_key.expose(),
        &share_encryption_key,
        rng,
    );
    let public = TrusteePublic {
        index,
        parameters_hash: ph,
        commitments,
        coefficient_proof,
        share_encryption_key,
        share_key_proof,
    };
    let secrets = TrusteeSecrets {
        index,
        parameters_hash: ph,
        coefficients,
        share_decryption_key,
    };
    Ok((secrets, public))
}

/// Check one trustee's announcement: election, index, number of commitments, no identity
/// keys, both Schnorr proofs.
pub fn verify_trustee_public(
    params: &ElectionParameters,
    public: &TrusteePublic,
) -> Result<(), DkgError> {
    params.validate()?;
    check_index(params, public.index)?;
    let trustee = public.index;
    if public.parameters_hash != params.hash() {
        return Err(DkgError::WrongElection { trustee });
    }
    if public.commitments.len() != params.threshold as usize {
        return Err(DkgError::CommitmentCount {
            trustee,
            expected: params.threshold as usize,
            found: public.commitments.len(),
        });
    }
    let Some(a0) = public.commitments.first() else {
        return Err(DkgError::CommitmentCount {
            trustee,
            expected: params.threshold as usize,
            found: 0,
        });
    };
    if a0.is_identity() || public.share_encryption_key.is_identity() {
        return Err(DkgError::IdentityKey { trustee });
    }
    if !schnorr_verify(
        coefficient_prefix(&public.parameters_hash, trustee),
        a0,
        &public.coefficient_proof,
    ) {
        return Err(DkgError::CoefficientProofInvalid { trustee });
    }
    if !schnorr_verify(
        share_key_prefix(&public.parameters_hash, trustee),
        &public.share_encryption_key,
        &public.share_key_proof,
    ) {
        return Err(DkgError::EncryptionKeyProofInvalid { trustee });
    }
    Ok(())
}

/// Check the full list of announcements: exactly trustees `1..=n` in order, each valid.
pub fn verify_trustee_list(
    params: &ElectionParameters,
    trustees: &[TrusteePublic],
) -> Result<(), DkgError> {
    if trustees.len() != params.trustees as usize {
        return Err(DkgError::TrusteeCount {
            expected: params.trustees,
            found: trustees.len(),
        });
    }
    for (position, t) in trustees.iter().enumerate() {
        if t.index as usize != position + 1 {
            return Err(DkgError::TrusteeOrder {
                expected: params.trustees,
                position,
                found: t.index,
            });
        }
        verify_trustee_public(params, t)?;
    }
    Ok(())
}

fn check_secrets(
    params: &ElectionParameters,
    secrets: &TrusteeSecrets,
    trustees: &[TrusteePublic],
) -> Result<(), DkgError> {
    check_index(params, secrets.index)?;
    let me = secrets.index;
    if secrets.parameters_hash != params.hash()
        || secrets.coefficients.len() != params.threshold as usize
    {
        return Err(DkgError::SecretMismatch { trustee: me });
    }
    let Some(mine) = trustee(trustees, me) else {
        return Err(DkgError::TrusteeIndex(me));
    };
    let ok = secrets
        .coefficients
        .iter()
        .zip(mine.commitments.iter())
        .all(|(c, a)| c.public_point() == *a)
        && secrets.share_decryption_key.public_point() == mine.share_encryption_key;
    if !ok {
        return Err(DkgError::SecretMismatch { trustee: me });
    }
    Ok(())
}

/// Step 2: encrypt and sign the share `f_me(j)` for every other trustee `j` (in order of `j`).
/// `trustees` is the full verified list of announcements.
pub fn deal_shares<R: CryptoRng + ?Sized>(
    params: &ElectionParameters,
    secrets: &TrusteeSecrets,
    trustees: &[TrusteePublic],
    rng: &mut R,
) -> Result<Vec<EncryptedShare>, DkgError> {
    verify_trustee_list(params, trustees)?;
    check_secrets(params, secrets, trustees)?;
    let ph = params.hash();
    let me = secrets.index;
    let mut out = Vec::with_capacity(trustees.len().saturating_sub(1));
    for recipient in trustees.iter().filter(|t| t.index != me) {
        let mut share = eval_secret(&secrets.coefficients, recipient.index);
        let mut rho = Scalar::random(rng);
        let ephemeral = Point::from_point(mul_base(&rho));
        let shared = Point::from_point(recipient.share_encryption_key.point() * rho);
        let mut pad = share_pad(
            &ph,
            me,
            recipient.index,
            &recipient.share_encryption_key,
            &ephemeral,
            &shared,
        );
        let mut share_bytes = share.to_bytes();
        let ciphertext = Hash32(xor32(&share_bytes, &pad));
        share_bytes.zeroize();
        pad.zeroize();
        share.zeroize();
        rho.zeroize();
        let mut s = EncryptedShare {
            parameters_hash: ph,
            dealer: me,
            recipient: recipient.index,
            ephemeral,
            ciphertext,
            signature: SchnorrProof {
                commitment: Point::identity(),
                response: PublicScalar::default(),
            },
        };
        s.signature = schnorr_prove(
            share_signature_prefix(&s),
            secrets.share_decryption_key.expose(),
            &secrets.share_encryption_key(),
            rng,
        );
        out.push(s);
    }
    Ok(out)
}

impl TrusteeSecrets {
    fn share_encryption_key(&self) -> Point {
        self.share_decryption_key.public_point()
    }
}

/// Check an encrypted share's routing and the dealer's signature (anyone can do this).
pub fn verify_encrypted_share(
    params: &ElectionParameters,
    trustees: &[TrusteePublic],
    share: &EncryptedShare,
) -> Result<(), DkgError> {
    let (dealer, recipient) = (share.dealer, share.recipient);
    check_index(params, dealer)?;
    check_index(params, recipient)?;
    if dealer == recipient {
        return Err(DkgError::ShareRouting {
            dealer,
            recipient,
            reason: "dealer and recipient are the same trustee",
        });
    }
    if share.parameters_hash != params.hash() {
        return Err(DkgError::WrongElection { trustee: dealer });
    }
    let Some(d) = trustee(trustees, dealer) else {
        return Err(DkgError::TrusteeIndex(dealer));
    };
    if !schnorr_verify(
        share_signature_prefix(share),
        &d.share_encryption_key,
        &share.signature,
    ) {
        return Err(DkgError::ShareSignatureInvalid { dealer, recipient });
    }
    Ok(())
}

/// Decrypt a share with the shared key; `None` if the plaintext is not a canonical scalar.
fn open_share(
    share: &EncryptedShare,
    recipient_key: &Point,
    shared_key: &Point,
) -> Option<SecretScalar> {
    let mut pad = share_pad(
        &share.parameters_hash,
        share.dealer,
        share.recipient,
        recipient_key,
        &share.ephemeral,
        shared_key,
    );
    let mut bytes = xor32(&share.ciphertext.0, &pad);
    let s = SecretScalar::from_bytes(&bytes).ok();
    bytes.zeroize();
    pad.zeroize();
    s
}

/// Whether `share·G` matches the dealer's commitments evaluated at the recipient.
fn share_matches(share: &SecretScalar, dealer: &TrusteePublic, recipient: u32) -> bool {
    let expected = eval_commitments(&dealer.commitments, recipient);
    share.public_point().point().ct_eq(&expected).into()
}

/// Step 3: decrypt and check the shares addressed to this trustee (exactly one from each
/// other trustee; shares addressed to others are ignored). Returns the key share, or one
/// complaint per bad share.
pub fn receive_shares<R: CryptoRng + ?Sized>(
    params: &ElectionParameters,
    secrets: &TrusteeSecrets,
    trustees: &[TrusteePublic],
    shares: &[EncryptedShare],
    rng: &mut R,
) -> Result<ShareOutcome, DkgError> {
    verify_trustee_list(params, trustees)?;
    check_secrets(params, secrets, trustees)?;
    let me = secrets.index;
    let ph = params.hash();
    let my_key = secrets.share_encryption_key();
    let mut total = Zeroizing::new(eval_secret(&secrets.coefficients, me));
    let mut complaints = Vec::new();
    for dealer in trustees.iter().filter(|t| t.index != me) {
        let mut found = shares
            .iter()
            .filter(|s| s.recipient == me && s.dealer == dealer.index);
        let (Some(share), None) = (found.next(), found.next()) else {
            return Err(DkgError::ShareRouting {
                dealer: dealer.index,
                recipient: me,
                reason: "expected exactly one share",
            });
        };
        verify_encrypted_share(params, trustees, share)?;
        let shared =
            Point::from_point(share.ephemeral.point() * secrets.share_decryption_key.expose());
        match open_share(share, &my_key, &shared) {
            Some(s) if share_matches(&s, dealer, me) => {
                *total += s.expose();
            }
            _ => {
                let proof = dleq_prove(
                    complaint_prefix(&ph, dealer.index, me),
                    secrets.share_decryption_key.expose(),
                    &my_key,
                    &share.ephemeral,
                    &shared,
                    rng,
                );
                complaints.push(Complaint {
                    parameters_hash: ph,
                    dealer: dealer.index,
                    recipient: me,
                    shared_key: shared,
                    proof,
                });
            }
        }
    }
    if !complaints.is_empty() {
        return Ok(ShareOutcome::Complaints(complaints));
    }
    let secret_share = SecretScalar::new(*total);
    let verification_key = secret_share.public_point();
    Ok(ShareOutcome::Accepted(TrusteeKey {
        index: me,
        parameters_hash: ph,
        secret_share,
        verification_key,
    }))
}

/// Judge a complaint: checks the share's signature and the complaint's disclosure proof
/// (errors if either is invalid), then decrypts the share and compares it with the
/// dealer's commitments.
pub fn verify_complaint(
    params: &ElectionParameters,
    trustees: &[TrusteePublic],
    share: &EncryptedShare,
    complaint: &Complaint,
) -> Result<ComplaintVerdict, DkgError> {
    verify_encrypted_share(params, trustees, share)?;
    let (dealer, recipient) = (complaint.dealer, complaint.recipient);
    if share.dealer != dealer || share.recipient != recipient {
        return Err(DkgError::ShareRouting {
            dealer,
            recipient,
            reason: "complaint names another share",
        });
    }
    if complaint.parameters_hash != params.hash() {
        return Err(DkgError::WrongElection { trustee: recipient });
    }
    let (Some(d), Some(r)) = (trustee(trustees, dealer), trustee(trustees, recipient)) else {
        return Err(DkgError::TrusteeIndex(dealer));
    };
    if !dleq_verify(
        complaint_prefix(&complaint.parameters_hash, dealer, recipient),
        &r.share_encryption_key,
        &share.ephemeral,
        &complaint.shared_key,
        &complaint.proof,
    ) {
        return Err(DkgError::ComplaintProofInvalid { dealer, recipient });
    }
    Ok(
        match open_share(share, &r.share_encryption_key, &complaint.shared_key) {
            Some(s) if share_matches(&s, d, recipient) => ComplaintVerdict::ComplaintUnfounded,
            _ => ComplaintVerdict::DealerCheated,
        },
    )
}

/// Aggregate commitments `Cₖ = Σᵢ Aᵢₖ` (joint key is `C₀`).
pub(crate) fn aggregate_commitments(trustees: &[TrusteePublic], threshold: u32) -> Vec<Point> {
    (0..threshold as usize)
        .map(|k| {
            let sum: RistrettoPoint = trustees
                .iter()
                .filter_map(|t| t.commitments.get(k))
                .map(|p| *p.point())
                .sum();
            Point::from_point(sum)
        })
        .collect()
}

/// The announcement of trustee `index` in a verified list (position `index - 1`).
fn trustee(trustees: &[TrusteePublic], index: u32) -> Option<&TrusteePublic> {
    (index as usize)
        .checked_sub(1)
        .and_then(|i| trustees.get(i))
}

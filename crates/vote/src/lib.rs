//! sailau-vote: verifiable secret-ballot cryptography on ristretto255.
//!
//! Pure: no I/O, no clock, no threads, no panics. Secrets ([`SecretScalar`], [`TrusteeKey`],
//! [`TrusteeSecrets`], [`CredentialCode`], [`CredentialKey`], [`BallotSecrets`]) are zeroized
//! on drop and used only in constant-time arithmetic; variable-time arithmetic is used only
//! on public data (verification, tally, discrete logarithms). Randomness always comes from a
//! caller-supplied `rand_core::CryptoRng`.
//!
//! The protocol is specified in `docs/verifiable-voting.md`; `crates/vote/API.md` lists the
//! entry points in the order an election uses them.

#![warn(missing_docs)]

pub mod ballot;
pub mod batch;
pub mod context;
pub mod credential;
pub mod decrypt;
pub mod dkg;
pub mod dlog;
pub mod error;
pub mod group;
pub mod hash;
pub mod manifest;
pub mod proofs;
pub mod tally;

pub use ballot::{
    BallotOpening, BallotSecrets, Ciphertext, EncryptedBallot, EncryptedContest,
    EncryptedSelection, OpenedSelection, PlaintextBallot, TrackingCode, encrypt_ballot,
    sign_ballot, verify_ballot, verify_ballot_signature, verify_opening,
};
pub use batch::{BatchVerifier, verify_ballots_batch};
pub use context::ElectionContext;
pub use credential::{CredentialCode, CredentialKey, PublicCredential, generate_credential};
pub use decrypt::{
    ContestResult, DecryptionShare, ElectionResult, OptionCount, PartialDecryption,
    combine_decryption_shares, decryption_share, lagrange_coefficients, verify_decryption_share,
    verify_result,
};
pub use dkg::{
    Complaint, ComplaintVerdict, EncryptedShare, ShareOutcome, TrusteeKey, TrusteePublic,
    TrusteeSecrets, deal_shares, generate_trustee, receive_shares, verify_complaint,
    verify_encrypted_share, verify_trustee_list, verify_trustee_public,
};
pub use dlog::{DEFAULT_DLOG_BOUND, DlogTable};
pub use error::{
    BallotError, BatchError, CredentialError, DecryptionError, DkgError, EncodingError,
    ManifestError, TallyError, VoteError,
};
pub use group::{Point, PublicScalar, SecretScalar};
pub use hash::{Hash32, PROTOCOL, Transcript};
pub use manifest::{Contest, ContestOption, ElectionParameters, Manifest, OptionKind};
pub use proofs::{DisjunctiveProof, DleqProof, ProofBranch, SchnorrProof, Signature};
pub use tally::{EncryptedTally, TallyAccumulator};

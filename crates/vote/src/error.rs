//! Typed errors. Every error names what failed (contest and option positions are 0-based
//! indices into the manifest; trustee indices are the 1-based DKG indices).

use thiserror::Error;

/// A wire encoding (hex, point, scalar, hash) could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncodingError {
    /// The hex string has the wrong length.
    #[error("expected {expected} hex characters, found {found}")]
    HexLength {
        /// Expected number of characters.
        expected: usize,
        /// Number found.
        found: usize,
    },
    /// The string is not lowercase hexadecimal (upper case is rejected: encodings are canonical).
    #[error("not lowercase hexadecimal")]
    NotLowercaseHex,
    /// The 32 bytes are not the canonical encoding of a ristretto255 element (RFC 9496 §4.3.1).
    #[error("non-canonical ristretto255 point encoding")]
    NonCanonicalPoint,
    /// The 32 bytes are not a canonical little-endian scalar below the group order ℓ.
    #[error("non-canonical scalar encoding (not below the group order)")]
    NonCanonicalScalar,
}

/// The election manifest is malformed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ManifestError {
    /// An identifier (election, contest or option) is empty.
    #[error("empty identifier in {0}")]
    EmptyId(String),
    /// The manifest has no contests.
    #[error("manifest has no contests")]
    NoContests,
    /// Too many contests.
    #[error("manifest has {found} contests, at most {max} are allowed")]
    TooManyContests {
        /// Number found.
        found: usize,
        /// Limit.
        max: usize,
    },
    /// Two contests share an identifier.
    #[error("duplicate contest id {0:?}")]
    DuplicateContestId(String),
    /// Two options of one contest share an identifier.
    #[error("duplicate option id {option:?} in contest {contest:?}")]
    DuplicateOptionId {
        /// Contest id.
        contest: String,
        /// Option id.
        option: String,
    },
    /// A contest has no options or too many.
    #[error("contest {contest:?} has {found} options, between 1 and {max} are allowed")]
    OptionCount {
        /// Contest id.
        contest: String,
        /// Number found.
        found: usize,
        /// Limit.
        max: usize,
    },
    /// More than one "against all" option in a contest.
    #[error("contest {0:?} has more than one \"against all\" option")]
    MultipleAgainstAll(String),
    /// The selection limits are impossible (need `min <= max`, `1 <= max <= options`,
    /// `max - min < MAX_RANGE`).
    #[error("contest {contest:?}: selection limits {min}..={max} invalid for {options} options")]
    SelectionLimits {
        /// Contest id.
        contest: String,
        /// Minimum number of marks.
        min: u32,
        /// Maximum number of marks.
        max: u32,
        /// Number of options.
        options: usize,
    },
    /// The parameters name a different manifest.
    #[error("parameters refer to a different manifest hash")]
    ManifestHashMismatch,
    /// The threshold or trustee count is impossible (need `1 <= t <= n <= 255`).
    #[error("invalid threshold {threshold} of {trustees} trustees")]
    Threshold {
        /// t.
        threshold: u32,
        /// n.
        trustees: u32,
    },
    /// Unknown protocol identifier in the parameters.
    #[error("unsupported protocol {0:?}")]
    Protocol(String),
}

/// Trustee key generation (DKG) failed or a trustee misbehaved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DkgError {
    /// Bad manifest or parameters.
    #[error(transparent)]
    Parameters(#[from] ManifestError),
    /// A trustee index is outside `1..=n`.
    #[error("trustee index {0} out of range")]
    TrusteeIndex(u32),
    /// A piece of ceremony data belongs to another election (parameters hash differs).
    #[error("trustee {trustee}: data belongs to another election")]
    WrongElection {
        /// Trustee index.
        trustee: u32,
    },
    /// The trustee public data list is not exactly trustees 1..=n in order.
    #[error(
        "trustee public data must list trustees 1..={expected} in order; position {position} holds trustee {found}"
    )]
    TrusteeOrder {
        /// n.
        expected: u32,
        /// 0-based position in the list.
        position: usize,
        /// Index found at that position.
        found: u32,
    },
    /// Wrong number of trustee public data entries.
    #[error("expected public data of {expected} trustees, found {found}")]
    TrusteeCount {
        /// n.
        expected: u32,
        /// Number found.
        found: usize,
    },
    /// A trustee published the wrong number of polynomial commitments.
    #[error("trustee {trustee}: expected {expected} commitments, found {found}")]
    CommitmentCount {
        /// Trustee index.
        trustee: u32,
        /// t.
        expected: usize,
        /// Number found.
        found: usize,
    },
    /// A published key is the identity element.
    #[error("trustee {trustee}: identity element used as a key")]
    IdentityKey {
        /// Trustee index.
        trustee: u32,
    },
    /// The Schnorr proof of knowledge of the constant coefficient is invalid.
    #[error("trustee {trustee}: invalid proof of knowledge of the secret coefficient")]
    CoefficientProofInvalid {
        /// Trustee index.
        trustee: u32,
    },
    /// The Schnorr proof of knowledge of the share-encryption key is invalid.
    #[error("trustee {trustee}: invalid proof of knowledge of the share-encryption key")]
    EncryptionKeyProofInvalid {
        /// Trustee index.
        trustee: u32,
    },
    /// An encrypted share is addressed wrongly or duplicated/missing.
    #[error("share from trustee {dealer} to trustee {recipient}: {reason}")]
    ShareRouting {
        /// Dealer index.
        dealer: u32,
        /// Recipient index.
        recipient: u32,
        /// What is wrong.
        reason: &'static str,
    },
    /// The dealer's signature on an encrypted share is invalid.
    #[error("share from trustee {dealer} to trustee {recipient}: invalid dealer signature")]
    ShareSignatureInvalid {
        /// Dealer index.
        dealer: u32,
        /// Recipient index.
        recipient: u32,
    },
    /// A decrypted share does not match the dealer's commitments.
    #[error(
        "share from trustee {dealer} to trustee {recipient} does not match the dealer's commitments"
    )]
    ShareInvalid {
        /// Dealer index.
        dealer: u32,
        /// Recipient index.
        recipient: u32,
    },
    /// The proof inside a complaint (correct disclosure of the share key) is invalid.
    #[error("complaint by trustee {recipient} against trustee {dealer}: invalid disclosure proof")]
    ComplaintProofInvalid {
        /// Dealer index.
        dealer: u32,
        /// Complaining recipient index.
        recipient: u32,
    },
    /// The secret file does not match the public data or the election.
    #[error("trustee {trustee}: secret data does not match the public data")]
    SecretMismatch {
        /// Trustee index.
        trustee: u32,
    },
}

/// Credential parsing or signature failure.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CredentialError {
    /// Wrong number of characters (32 base32 characters, dashes and spaces ignored).
    #[error("a credential has 32 characters, found {0}")]
    Length(usize),
    /// A character outside the Crockford base32 alphabet.
    #[error("invalid character {0:?} in credential")]
    Character(char),
    /// The checksum does not match (typing error).
    #[error("credential checksum mismatch (typing error?)")]
    Checksum,
    /// The public credential is the identity element.
    #[error("public credential is the identity element")]
    IdentityCredential,
}

/// A ballot (or a ballot opening) is invalid. Positions are 0-based.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BallotError {
    /// The ballot names another election.
    #[error("ballot belongs to another election")]
    WrongElection,
    /// The ballot's credential is the identity element.
    #[error("ballot credential is the identity element")]
    IdentityCredential,
    /// Wrong number of contests.
    #[error("ballot has {found} contests, the manifest has {expected}")]
    ContestCount {
        /// Expected.
        expected: usize,
        /// Found.
        found: usize,
    },
    /// Wrong number of options in a contest.
    #[error("contest {contest}: ballot has {found} options, the manifest has {expected}")]
    OptionCount {
        /// Contest position.
        contest: usize,
        /// Expected.
        expected: usize,
        /// Found.
        found: usize,
    },
    /// An option's 0/1 proof has the wrong shape (needs exactly 2 branches).
    #[error("contest {contest}, option {option}: malformed 0/1 proof")]
    OptionProofShape {
        /// Contest position.
        contest: usize,
        /// Option position.
        option: usize,
    },
    /// An option's disjunctive Chaum–Pedersen 0/1 proof is invalid.
    #[error("contest {contest}, option {option}: invalid 0/1 proof")]
    OptionProofInvalid {
        /// Contest position.
        contest: usize,
        /// Option position.
        option: usize,
    },
    /// The contest's count proof has the wrong shape (needs `max - min + 1` branches).
    #[error("contest {contest}: malformed count proof")]
    CountProofShape {
        /// Contest position.
        contest: usize,
    },
    /// The contest's proof that the number of marks is within `[min, max]` is invalid.
    #[error("contest {contest}: invalid proof that the number of marks is allowed")]
    CountProofInvalid {
        /// Contest position.
        contest: usize,
    },
    /// The credential signature over the ballot hash is invalid.
    #[error("invalid credential signature")]
    SignatureInvalid,
    /// A plaintext ballot selects a disallowed number of options.
    #[error("contest {contest}: {selected} marks, allowed {min}..={max}")]
    SelectionCount {
        /// Contest position.
        contest: usize,
        /// Number of marks.
        selected: u32,
        /// Minimum.
        min: u32,
        /// Maximum.
        max: u32,
    },
    /// A plaintext ballot names an unknown contest or option.
    #[error("unknown {kind} {id:?}")]
    UnknownId {
        /// "contest" or "option".
        kind: &'static str,
        /// The identifier.
        id: String,
    },
    /// A Benaloh opening does not belong to this ballot.
    #[error("opening is for ballot {opening}, not {ballot}")]
    OpeningBallotMismatch {
        /// Hash named in the opening.
        opening: String,
        /// Hash of the ballot.
        ballot: String,
    },
    /// A Benaloh opening has the wrong shape.
    #[error("opening has the wrong shape")]
    OpeningShape,
    /// A revealed nonce and mark do not reproduce the ciphertext.
    #[error(
        "contest {contest}, option {option}: revealed nonce and mark do not match the ciphertext"
    )]
    OpeningMismatch {
        /// Contest position.
        contest: usize,
        /// Option position.
        option: usize,
    },
}

/// Tally accumulation failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TallyError {
    /// The ballot or tally belongs to another election.
    #[error("belongs to another election")]
    WrongElection,
    /// The ballot or tally does not have the manifest's shape.
    #[error("shape does not match the manifest")]
    Shape,
    /// Two accumulators/tallies cannot be merged (different elections or shapes).
    #[error("cannot merge tallies of different elections")]
    MergeMismatch,
}

/// Threshold decryption failed or a published share/result is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecryptionError {
    /// The share, tally or result belongs to another election.
    #[error("belongs to another election")]
    WrongElection,
    /// Trustee index outside `1..=n`.
    #[error("unknown trustee {0}")]
    UnknownTrustee(u32),
    /// The same trustee contributed twice.
    #[error("trustee {0} contributed more than one decryption share")]
    DuplicateTrustee(u32),
    /// Fewer than `t` valid shares.
    #[error("{have} decryption shares, at least {need} are needed")]
    NotEnoughShares {
        /// Number of shares.
        have: usize,
        /// Threshold t.
        need: u32,
    },
    /// The trustee's secret share does not match its public verification key.
    #[error("trustee {0}: secret share does not match the verification key")]
    KeyMismatch(u32),
    /// A decryption share does not have the tally's shape.
    #[error("trustee {0}: decryption share does not have the tally's shape")]
    ShareShape(u32),
    /// The Chaum–Pedersen proof of correct partial decryption is invalid.
    #[error("trustee {trustee}: invalid decryption proof for contest {contest}, option {option}")]
    ShareProofInvalid {
        /// Trustee index.
        trustee: u32,
        /// Contest position.
        contest: usize,
        /// Option position.
        option: usize,
    },
    /// The decrypted value is not a count within the discrete-log table's bound.
    #[error(
        "contest {contest}, option {option}: count exceeds the bound {bound} (or shares are inconsistent)"
    )]
    CountOutOfRange {
        /// Contest position.
        contest: usize,
        /// Option position.
        option: usize,
        /// Bound of the table.
        bound: u64,
    },
    /// The discrete-log bound requested is too large.
    #[error("discrete-log bound {0} too large (at most 2^40)")]
    BoundTooLarge(u64),
    /// The published result does not have the manifest's shape or ids.
    #[error("published result does not match the manifest: {0}")]
    ResultShape(String),
    /// A published count is not the decryption of the tally.
    #[error(
        "contest {contest}, option {option}: published count {published} is not the decryption of the tally"
    )]
    CountMismatch {
        /// Contest position.
        contest: usize,
        /// Option position.
        option: usize,
        /// The published (wrong) count.
        published: u64,
    },
}

/// A batch verification failed. Callers then verify item by item to name the bad ones.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BatchError {
    /// An item was rejected before the combined check (structure, election, shape).
    #[error("item {index}: {error}")]
    Ballot {
        /// 0-based position in the order items were added.
        index: usize,
        /// What is wrong.
        error: BallotError,
    },
    /// An item was rejected before the combined check (decryption share structure).
    #[error("item {index}: {error}")]
    Decryption {
        /// 0-based position in the order items were added.
        index: usize,
        /// What is wrong.
        error: DecryptionError,
    },
    /// The random linear combination of all equations does not hold: at least one item is invalid.
    #[error("batch verification failed: at least one proof or signature is invalid")]
    CombinedCheckFailed,
}

/// Any error of this crate.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VoteError {
    /// See [`EncodingError`].
    #[error(transparent)]
    Encoding(#[from] EncodingError),
    /// See [`ManifestError`].
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    /// See [`DkgError`].
    #[error(transparent)]
    Dkg(#[from] DkgError),
    /// See [`CredentialError`].
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// See [`BallotError`].
    #[error(transparent)]
    Ballot(#[from] BallotError),
    /// See [`TallyError`].
    #[error(transparent)]
    Tally(#[from] TallyError),
    /// See [`DecryptionError`].
    #[error(transparent)]
    Decryption(#[from] DecryptionError),
    /// See [`BatchError`].
    #[error(transparent)]
    Batch(#[from] BatchError),
}

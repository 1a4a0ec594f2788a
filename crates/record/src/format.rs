//! The record's file formats that are not already wire types of `sailau-vote`.
//!
//! `manifest.json` is a [`Manifest`], `parameters.json` an [`ElectionParameters`], `trustees/trustee-<i>.json` a
//! [`TrusteePublic`], `shares/share-<j>.json` a [`DecryptionShare`] and `results.json` an [`ElectionResult`],
//! exactly as serialized by the vote crate. The types here wrap the rest.

use serde::{Deserialize, Serialize};

use sailau_vote::{
    BallotOpening, Complaint, EncryptedBallot, EncryptedShare, EncryptedTally, Hash32, Point,
    TrackingCode, TrusteeKey, TrusteeSecrets,
};

#[allow(unused_imports)]
use sailau_vote::{DecryptionShare, ElectionParameters, ElectionResult, Manifest, TrusteePublic};

/// `trustees/dealt-<i>.json`: the key shares trustee `i` dealt to the others, each encrypted to its recipient
/// and signed by the dealer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealtShares {
    /// The dealer.
    pub dealer: u32,
    /// One per other trustee, in recipient order.
    pub shares: Vec<EncryptedShare>,
}

/// `trustees/finalized-<j>.json`: trustee `j` accepted the shares dealt to it and holds the key share whose
/// public verification key is `verification_key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finalized {
    /// The trustee.
    pub trustee: u32,
    /// `Yⱼ = sⱼ·G`; must equal the verification key derived from all commitments.
    pub verification_key: Point,
}

/// `trustees/complaints-<j>.json`: trustee `j` found shares dealt to it invalid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaints {
    /// The complaining trustee.
    pub trustee: u32,
    /// One per bad share; anyone can judge them.
    pub complaints: Vec<Complaint>,
}

/// `election.json`: what the key ceremony produced, derived from the trustees' public data and written when the
/// last trustee finalizes. The verifier recomputes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionPublic {
    /// [`ElectionParameters::hash`].
    pub parameters_hash: Hash32,
    /// The election hash every ballot and proof is bound to.
    pub election_hash: Hash32,
    /// The joint public key `K`.
    pub joint_public_key: Point,
    /// Verification keys `Y₁ … Yₙ`.
    pub verification_keys: Vec<Point>,
    /// The first tracking code `T₀` of the board.
    pub initial_tracking_code: TrackingCode,
}

/// One line of `credentials.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialLine {
    /// A public credential `X = x·G`.
    pub credential: Point,
}

/// One line of `credentials.jsonl`, read without decompressing the point (for fast set membership).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CredentialLineRaw {
    pub credential: String,
}

/// One line of `ballots.jsonl`: an accepted cast ballot with its place in the tracking-code chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEntry {
    /// `Tᵢ = H("tracking-code", Tᵢ₋₁, ballot_hash)`, the voter's receipt.
    pub tracking_code: TrackingCode,
    /// [`EncryptedBallot::hash`] (the fingerprint the voter client showed).
    pub ballot_hash: Hash32,
    /// The ballot.
    pub ballot: EncryptedBallot,
}

/// The chain part of a board line, read without parsing the ballot (to open a large board quickly).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct BoardEntryHead {
    pub tracking_code: TrackingCode,
    pub ballot_hash: Hash32,
    pub ballot: BallotCredential,
}

/// The credential of a ballot, read without parsing the rest.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct BallotCredential {
    pub credential: String,
}

/// A board line with only what the tally needs: the chain fields, the credential (undecoded) and the
/// ciphertexts. Proofs and the signature are skipped without decoding their points, which makes reading a
/// ballot about three times cheaper than a full [`BoardEntry`].
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct LightEntry {
    pub tracking_code: TrackingCode,
    pub ballot_hash: Hash32,
    pub ballot: LightBallot,
}

/// See [`LightEntry`].
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct LightBallot {
    pub credential: String,
    pub contests: Vec<LightContest>,
}

/// See [`LightEntry`].
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct LightContest {
    pub selections: Vec<LightSelection>,
}

/// See [`LightEntry`].
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct LightSelection {
    pub alpha: Point,
    pub beta: Point,
}

/// One line of `challenged.jsonl`: a ballot the voter challenged, with its opening. It never counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengedEntry {
    /// [`EncryptedBallot::hash`].
    pub ballot_hash: Hash32,
    /// The challenged ballot.
    pub ballot: EncryptedBallot,
    /// Marks and nonces revealed by the voter client.
    pub opening: BallotOpening,
}

/// What a voter client hands to the bulletin board: a ballot to cast, or a challenged ballot with its opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Submission {
    /// Cast: appended to `ballots.jsonl` and counted unless the same credential votes again.
    Cast {
        /// The ballot.
        ballot: EncryptedBallot,
    },
    /// Challenged (Benaloh): appended to `challenged.jsonl`, never counted.
    Challenged {
        /// The ballot.
        ballot: EncryptedBallot,
        /// The revealed marks and nonces.
        opening: BallotOpening,
    },
}

/// [`Submission`] as read: a plain struct, so that strict reading (spec §12.4) applies to it.
#[derive(Deserialize)]
struct SubmissionWire {
    kind: SubmissionKind,
    ballot: EncryptedBallot,
    #[serde(default)]
    opening: Option<BallotOpening>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum SubmissionKind {
    Cast,
    Challenged,
}

impl Submission {
    /// Reads one submission strictly (spec §12.4): an object with `kind`, `ballot` and, for a challenged
    /// ballot only, `opening`; no other field.
    pub fn from_json(text: &str) -> Result<Submission, String> {
        let wire: SubmissionWire = crate::strict::from_str(text)
            .map_err(|e| crate::strict::plain_message(&e.to_string()))?;
        match (wire.kind, wire.opening) {
            (SubmissionKind::Cast, None) => Ok(Submission::Cast {
                ballot: wire.ballot,
            }),
            (SubmissionKind::Challenged, Some(opening)) => Ok(Submission::Challenged {
                ballot: wire.ballot,
                opening,
            }),
            (SubmissionKind::Cast, Some(_)) => Err(
                "a cast ballot has no opening: only a challenged ballot reveals its nonces".into(),
            ),
            (SubmissionKind::Challenged, None) => {
                Err("a challenged ballot needs its opening (the revealed marks and nonces)".into())
            }
        }
    }

    /// The ballot inside.
    pub fn ballot(&self) -> &EncryptedBallot {
        match self {
            Submission::Cast { ballot } | Submission::Challenged { ballot, .. } => ballot,
        }
    }
}

/// Which board the tally covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardState {
    /// Number of entries of `ballots.jsonl` the tally covers (all of them).
    pub entries: u64,
    /// The tracking code of the last entry (`T₀` for an empty board).
    pub head: TrackingCode,
    /// Number of distinct credentials on the board (= ballots counted).
    pub voters: u64,
    /// Ballots replaced by a later ballot of the same credential.
    pub superseded: u64,
}

/// `tally.json`: the encrypted tally over the last ballot of each credential, and the board it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyRecord {
    /// The board at tally time.
    pub board: BoardState,
    /// The component-wise sum of the counted ballots.
    pub tally: EncryptedTally,
}

/// A trustee's secret file (never inside the record): the DKG secrets and, after `finalize`, the key share.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrusteeSecretFile {
    /// Which record this belongs to (for messages only).
    pub election_id: String,
    /// The polynomial and the share-decryption key.
    pub secrets: TrusteeSecrets,
    /// The key share `sⱼ`, once the trustee accepted the shares dealt to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<TrusteeKey>,
}

/// One line of a voters' secrets file written by the credential authority: never inside the record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VoterSecretLine {
    /// The voter's number in this file (1-based); the authority hands code `n` to voter `n` of its own list.
    pub voter: u64,
    /// The private credential code `XXXX-XXXX-…`.
    pub code: String,
}

//! Verifiable online voting by members (issue 14 §4), on the protocol of
//! `docs/verifiable-voting.md` (`sailau-vote`). After the committee fixes the ballot
//! ([`super::voting`]):
//!
//! 1. **Key ceremony** (§4 of the spec): each trustee runs `sailau trustee keygen | share |
//!    finalize` on its own machine and uploads only the public file of each round
//!    ([`PublishCeremonyFile`]). The server checks every file with `sailau-vote` — the
//!    announcement's proofs, the dealt shares' routing and signatures, that a finalized
//!    verification key is the one the announcements give — and the joint key exists once every
//!    trustee has finalized. No ballot is taken before.
//! 2. **Credentials** (§5): the credential authority generates the members' codes with
//!    `sailau credentials generate` and uploads `credentials.jsonl`, the public credentials in
//!    strictly increasing order ([`PublishCredentials`]). The ledger records their number and
//!    the file's SHA-256; the list is public and kept beside.
//! 3. **Ballots** (§6–§8): a signed-in member submits a ballot made in the browser
//!    ([`SubmitBallot`], cast or challenged). It is checked completely (proofs, signature,
//!    listed credential, not seen before), appended to the board with its tracking code, and
//!    recorded in the ledger by its hash, its credential and nothing about the member: the
//!    entry's actor is an anonymous voter. Who voted is kept apart, in the participation
//!    register (erasable, never in the ledger), which also serves the paper stations
//!    ([`IssuePaperBallot`], §5 of the issue).
//! 4. **Tally** (§9): after the window the committee closes the board ([`TallyBoard`]); the
//!    entry holds the encrypted sum of the last ballot of each credential, recomputed by the
//!    server from the board before it is accepted.
//! 5. **Decryption** (§10): each trustee uploads its share with its proofs
//!    ([`PublishDecryptionShare`]); with `t` of them the committee publishes the counts
//!    ([`PublishResults`]), checked against the tally and the shares without trusting whoever
//!    combined them.
//!
//! Everything here is public data except what [`Voter`] carries.

use serde::{Deserialize, Serialize};

use sailau_vote::{
    BallotOpening, Complaint, ComplaintVerdict, DecryptionShare, ElectionContext,
    ElectionParameters, ElectionResult, EncryptedBallot, EncryptedShare, EncryptedTally, Hash32,
    Manifest, Point, TrackingCode, TrusteePublic,
};

use crate::account::{Role, Username};
use crate::authz::{Grant, Policy, Reach};
use crate::command::DomainCommand;
use crate::error::ValidationErrors;
use crate::party::member::MemberId;
use crate::primaries::campaign::Campaign;
use crate::primaries::rules::PrimariesRule;
use crate::primaries::{COMMITTEE, CampaignId, Instant, Window};
use crate::territory::TerritoryCode;

/// The campaign's trustees (of its party's subtree); administrators too.
const TRUSTEES: Policy = Policy::new(&[Grant::new(Role::Trustee, Reach::PartySubtree)]);

/// The credential authority of the party's subtree.
const CREDENTIALS: Policy =
    Policy::new(&[Grant::new(Role::CredentialAuthority, Reach::PartySubtree)]);

/// The counting commissions that run paper stations, and the organizing committee.
const PAPER_STATION: Policy = Policy::new(&[
    Grant::new(Role::CountingCommission, Reach::PartySubtree),
    Grant::new(Role::OrganizingCommittee, Reach::PartySubtree),
]);

/// A ballot reaches the board only through [`SubmitBallot`]'s own path (a signed-in member,
/// recorded as an anonymous voter): no role issues it as a command.
const VOTERS_ONLY: Policy = Policy::new(&[]);

/// The public file of one round of the key ceremony (spec §4, record layout §12.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "round", rename_all = "snake_case")]
pub enum CeremonyFile {
    /// Round 1, `trustees/trustee-<i>.json`: the trustee's commitments, share-encryption key
    /// and their proofs.
    Announcement {
        /// The announcement.
        public: Box<TrusteePublic>,
    },
    /// Round 2, `trustees/dealt-<i>.json`: the key shares for the other trustees, encrypted
    /// and signed, in increasing recipient order.
    Dealt {
        /// The shares.
        shares: Vec<EncryptedShare>,
    },
    /// Round 3, `trustees/finalized-<j>.json`: the trustee accepted its shares; its
    /// verification key `Yⱼ`.
    Finalized {
        /// `Yⱼ`.
        verification_key: Point,
    },
    /// Round 3's other outcome, `trustees/complaints-<j>.json` (spec §4.3): shares dealt to the
    /// trustee failed their check; each complaint discloses the share's key so that anyone can
    /// judge it. The ceremony is aborted (§4.4) until the committee restarts it.
    Complaints {
        /// One per failed share, at least one.
        complaints: Vec<Complaint>,
    },
}

impl CeremonyFile {
    /// The round, 1 to 3.
    pub fn round(&self) -> u8 {
        match self {
            CeremonyFile::Announcement { .. } => 1,
            CeremonyFile::Dealt { .. } => 2,
            CeremonyFile::Finalized { .. } | CeremonyFile::Complaints { .. } => 3,
        }
    }
}

/// A trustee publishes one file of the key ceremony (`publish_ceremony_file`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishCeremonyFile {
    /// The campaign.
    pub campaign: CampaignId,
    /// The trustee's index `i`, 1 to n: its place in the campaign's list of trustees.
    pub trustee: u32,
    /// The file.
    pub file: CeremonyFile,
}

impl DomainCommand for PublishCeremonyFile {
    const POLICY: Policy = TRUSTEES;
    type Private = ();
    fn summary(&self) -> String {
        format!(
            "{} trustee {} round {}",
            self.campaign,
            self.trustee,
            self.file.round()
        )
    }
}

/// The committee restarts a key ceremony that a complaint aborted (`restart_ceremony`, spec
/// §4.4): the files of the aborted ceremony are set aside (the ledger keeps them, the election
/// record does not) and the trustees named here — as many as the fixed ballot has, the
/// disqualified trustee replaced — start again from round 1 with new secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestartCeremony {
    /// The campaign.
    pub campaign: CampaignId,
    /// The trustees of the new ceremony (accounts with the role `trustee`), in order: trustee
    /// `i` is the `i`-th.
    pub trustees: Vec<Username>,
}

impl DomainCommand for RestartCeremony {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        let names: Vec<&str> = self.trustees.iter().map(Username::as_str).collect();
        format!("{} {}", self.campaign, names.join(", "))
    }
}

/// The credential authority publishes the public credentials (`publish_credentials`). The
/// list itself (`credentials.jsonl`, spec §12.3) travels beside as a blob; the ledger records
/// its number of lines and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishCredentials {
    /// The campaign.
    pub campaign: CampaignId,
    /// The number of public credentials (of members who may vote online).
    pub count: u64,
    /// SHA-256 of `credentials.jsonl` as uploaded, 64 lowercase hex digits.
    pub sha256: String,
}

impl DomainCommand for PublishCredentials {
    const POLICY: Policy = CREDENTIALS;
    type Private = crate::elections::Blob;
    fn summary(&self) -> String {
        format!("{} {} credentials", self.campaign, self.count)
    }
}

/// What a voter's client submits (spec §12.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionKind {
    /// Cast: appended to the board; the last ballot of each credential counts.
    Cast,
    /// Challenged (Benaloh, spec §8): published with its opening, never counted.
    Challenged,
}

/// A ballot reaches the board (`submit_ballot`). The ledger records its hash and credential;
/// the ballot itself is public and kept on the board; the member who submitted it is not
/// recorded anywhere near it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitBallot {
    /// The campaign.
    pub campaign: CampaignId,
    /// Cast or challenged.
    pub kind: SubmissionKind,
    /// The ballot's hash (spec §6.5), the fingerprint the client showed.
    pub ballot_hash: Hash32,
    /// The ballot's public credential.
    pub credential: Point,
}

impl DomainCommand for SubmitBallot {
    const POLICY: Policy = VOTERS_ONLY;
    type Private = Voter;
    fn summary(&self) -> String {
        format!("{} {}", self.campaign, self.ballot_hash.to_hex())
    }
}

/// What travels beside a ballot or a paper ballot's issue and never reaches the ledger: the
/// member, for the participation register, and the submission as sent.
#[derive(Clone, PartialEq, Eq)]
pub struct Voter {
    /// The member who votes.
    pub member: MemberId,
    /// The submission's JSON (spec §12.4), for an online ballot.
    pub submission: Option<String>,
    /// Whether a cast ballot's proofs and signature were verified (`verify_ballot`) against the
    /// campaign's election context before the transaction: the context never changes once the
    /// key is published, so the transaction need not verify them again while it holds the
    /// database's write lock.
    pub proofs_checked: bool,
}

impl std::fmt::Debug for Voter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Voter(…)")
    }
}

/// The organizing committee closes the board and records the encrypted tally (`tally_board`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyBoard {
    /// The campaign.
    pub campaign: CampaignId,
    /// The board the tally covers.
    pub board: BoardState,
    /// The component-wise sum of the last ballot of each credential (spec §9).
    pub tally: EncryptedTally,
}

impl DomainCommand for TallyBoard {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {} ballots", self.campaign, self.board.voters)
    }
}

/// A trustee publishes its decryption share of the tally (`publish_decryption_share`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishDecryptionShare {
    /// The campaign.
    pub campaign: CampaignId,
    /// The share with its proofs (`shares/share-<j>.json`).
    pub share: DecryptionShare,
}

impl DomainCommand for PublishDecryptionShare {
    const POLICY: Policy = TRUSTEES;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} trustee {}", self.campaign, self.share.trustee)
    }
}

/// The committee publishes the online counts combined from `t` decryption shares
/// (`publish_results`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishResults {
    /// The campaign.
    pub campaign: CampaignId,
    /// The counts per contender (`results.json`).
    pub result: ElectionResult,
}

impl DomainCommand for PublishResults {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {} ballots", self.campaign, self.result.ballot_count)
    }
}

/// A paper station gives a member a paper ballot (`issue_paper_ballot`, issue 14 §5). The
/// ledger records only the organization; the member is marked in the participation register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuePaperBallot {
    /// The campaign.
    pub campaign: CampaignId,
    /// The primary organization whose station issues the ballot.
    pub organization: TerritoryCode,
}

impl DomainCommand for IssuePaperBallot {
    const POLICY: Policy = PAPER_STATION;
    type Private = Voter;
    fn summary(&self) -> String {
        format!("{} {}", self.campaign, self.organization)
    }
}

/// The board as the tally saw it (`tally.json`'s `board`, spec §12.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardState {
    /// Cast ballots on the board.
    pub entries: u64,
    /// The tracking code of the last one (`T₀` when empty).
    pub head: TrackingCode,
    /// Distinct credentials on the board (= ballots counted).
    pub voters: u64,
    /// Ballots replaced by a later ballot of the same credential.
    pub superseded: u64,
}

/// A decided ceremony round of one dealer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dealt {
    /// The dealer.
    pub dealer: u32,
    /// Its shares, in increasing recipient order.
    pub shares: Vec<EncryptedShare>,
}

/// How a complaint was judged (spec §4.3): who misbehaved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The share fails the dealer's commitments: the dealer is disqualified.
    DealerCheated,
    /// The share is valid: the complainant is disqualified.
    ComplaintUnfounded,
    /// The complaint's proof or the share's signature does not hold: the complainant is
    /// disqualified.
    ComplaintInvalid,
}

/// A complaint of round 3 with its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgedComplaint {
    /// The complaint as published.
    pub complaint: Complaint,
    /// Its verdict.
    pub verdict: Verdict,
}

impl JudgedComplaint {
    /// The trustee the verdict disqualifies: the dealer, or the complainant.
    pub fn disqualified(&self) -> u32 {
        match self.verdict {
            Verdict::DealerCheated => self.complaint.dealer,
            Verdict::ComplaintUnfounded | Verdict::ComplaintInvalid => self.complaint.recipient,
        }
    }
}

/// A key ceremony a complaint aborted, as the committee's restart set it aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbortedCeremony {
    /// Its trustees, in order.
    pub trustees: Vec<Username>,
    /// The complaints that aborted it, with their verdicts.
    pub complaints: Vec<JudgedComplaint>,
}

/// Judges the complaints of trustee `complainant` against the shares dealt in round 2 (spec
/// §4.3): a complaint whose share is missing, or whose proof or signature fails, is invalid.
pub fn judge_complaints(
    parameters: &ElectionParameters,
    state: &OnlineVote,
    complaints: &[Complaint],
) -> Vec<JudgedComplaint> {
    complaints
        .iter()
        .map(|c| {
            let share = state
                .dealt
                .iter()
                .filter(|d| d.dealer == c.dealer)
                .flat_map(|d| d.shares.iter())
                .find(|s| s.recipient == c.recipient);
            let verdict = match share
                .map(|s| sailau_vote::verify_complaint(parameters, &state.announcements, s, c))
            {
                Some(Ok(ComplaintVerdict::DealerCheated)) => Verdict::DealerCheated,
                Some(Ok(ComplaintVerdict::ComplaintUnfounded)) => Verdict::ComplaintUnfounded,
                Some(Err(_)) | None => Verdict::ComplaintInvalid,
            };
            JudgedComplaint {
                complaint: c.clone(),
                verdict,
            }
        })
        .collect()
}

/// The published credentials' summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialsSummary {
    /// How many.
    pub count: u64,
    /// SHA-256 of `credentials.jsonl`.
    pub sha256: String,
}

/// A campaign's online vote as far as it has got: everything public except the board's
/// ballots (kept row by row beside).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineVote {
    /// Round 1, by trustee index.
    pub announcements: Vec<TrusteePublic>,
    /// Round 2, by dealer.
    pub dealt: Vec<Dealt>,
    /// Round 3: `(j, Yⱼ)` by trustee index.
    pub finalized: Vec<(u32, Point)>,
    /// The published credentials.
    pub credentials: Option<CredentialsSummary>,
    /// The closed board and its tally.
    pub tally: Option<TallyBoard>,
    /// The decryption shares, by trustee index.
    pub shares: Vec<DecryptionShare>,
    /// The published counts.
    pub result: Option<ElectionResult>,
    /// Round 3's complaints with their verdicts: any aborts the ceremony (spec §4.4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<JudgedComplaint>,
    /// The ceremonies aborted before this one, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aborted: Vec<AbortedCeremony>,
    /// The first commitments (`A_i0`) of every announcement of an aborted ceremony: a re-run
    /// may not reuse them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Point>,
}

impl OnlineVote {
    /// Whether every trustee of `n` has finalized: the joint key is published.
    pub fn key_published(&self, n: u32) -> bool {
        n > 0 && self.finalized.len() == n as usize
    }

    /// The election context once the key is published (spec §3.3), `None` before.
    pub fn context(
        &self,
        manifest: &Manifest,
        parameters: &ElectionParameters,
    ) -> Option<ElectionContext> {
        if !self.key_published(parameters.trustees) {
            return None;
        }
        ElectionContext::new(manifest, parameters, &self.announcements).ok()
    }

    /// Whether a complaint aborted the ceremony under way.
    pub fn aborted(&self) -> bool {
        !self.complaints.is_empty()
    }

    /// Applies an accepted ceremony file; complaints are judged against the fixed ballot's
    /// `parameters`.
    pub fn apply_ceremony(&mut self, cmd: &PublishCeremonyFile, parameters: &ElectionParameters) {
        match &cmd.file {
            CeremonyFile::Complaints { complaints } => {
                let judged = judge_complaints(parameters, self, complaints);
                self.complaints.extend(judged);
            }
            CeremonyFile::Announcement { public } => {
                self.announcements.push((**public).clone());
                self.announcements.sort_by_key(|p| p.index);
            }
            CeremonyFile::Dealt { shares } => {
                self.dealt.push(Dealt {
                    dealer: cmd.trustee,
                    shares: shares.clone(),
                });
                self.dealt.sort_by_key(|d| d.dealer);
            }
            CeremonyFile::Finalized { verification_key } => {
                self.finalized.push((cmd.trustee, *verification_key));
                self.finalized.sort_by_key(|f| f.0);
            }
        }
    }

    /// Applies an accepted restart: the ceremony under way is set aside with the trustees it
    /// had (`previous`), its announcements' keys retired.
    pub fn apply_restart(&mut self, previous: Vec<Username>) {
        self.retired.extend(
            self.announcements
                .iter()
                .filter_map(|a| a.commitments.first().copied()),
        );
        self.aborted.push(AbortedCeremony {
            trustees: previous,
            complaints: std::mem::take(&mut self.complaints),
        });
        self.announcements.clear();
        self.dealt.clear();
        self.finalized.clear();
    }
}

/// The fixed ballot as the protocol reads it.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<'a> {
    /// The manifest.
    pub manifest: &'a Manifest,
    /// The parameters.
    pub parameters: &'a ElectionParameters,
}

fn one(field: &str, rule: PrimariesRule) -> ValidationErrors {
    ValidationErrors::one(field, rule.into())
}

fn protocol(field: &str, e: impl std::fmt::Display) -> ValidationErrors {
    one(
        field,
        PrimariesRule::FileRefused {
            reason: e.to_string(),
        },
    )
}

/// The trustee index of `actor` in the campaign (its place in the list, from 1); `None` if it
/// is not one of the campaign's trustees.
pub fn trustee_index(campaign: &Campaign, actor: &str) -> Option<u32> {
    campaign
        .opened
        .trustees
        .iter()
        .position(|t| t.as_str() == actor)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Who publishes a trustee's file: the operator or an administrator may publish for any trustee
/// (the demo, a trustee's file brought on a medium); a trustee account only for itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publisher {
    /// The operator or an administrator.
    Anyone,
    /// The campaign's trustee with this index (`None`: the account is no trustee of it).
    Trustee(Option<u32>),
}

fn check_trustee(cmd_trustee: u32, n: u32, by: Publisher) -> Result<(), ValidationErrors> {
    if cmd_trustee == 0 || cmd_trustee > n {
        return Err(one("trustee", PrimariesRule::NotYourTrustee));
    }
    match by {
        Publisher::Anyone => Ok(()),
        Publisher::Trustee(Some(i)) if i == cmd_trustee => Ok(()),
        Publisher::Trustee(_) => Err(one("trustee", PrimariesRule::NotYourTrustee)),
    }
}

/// Checks a ceremony file (spec §4) at `now`.
///
/// # Errors
/// [`PrimariesRule::BallotNotFixed`]; [`PrimariesRule::NotYourTrustee`] (field `trustee`);
/// [`PrimariesRule::VotingOver`] once online voting has closed;
/// [`PrimariesRule::CeremonyStepTwice`] (field `file`) for a second file of the same round;
/// [`PrimariesRule::CeremonyNotReady`] when a round starts before every trustee finished the
/// one before; [`PrimariesRule::FileRefused`] (field `file`) when `sailau-vote` refuses it: a
/// proof, a signature, the routing or the verification key.
pub fn validate_ceremony_file(
    cmd: &PublishCeremonyFile,
    campaign: &Campaign,
    fixed: Option<Fixed<'_>>,
    state: &OnlineVote,
    by: Publisher,
    now: Instant,
) -> Result<(), ValidationErrors> {
    let Some(fixed) = fixed else {
        return Err(one("campaign", PrimariesRule::BallotNotFixed));
    };
    let n = fixed.parameters.trustees;
    check_trustee(cmd.trustee, n, by)?;
    if now >= campaign.opened.windows.online_voting.closes {
        return Err(one("campaign", PrimariesRule::VotingOver));
    }
    if state.aborted() {
        return Err(one("campaign", PrimariesRule::CeremonyAborted));
    }
    let i = cmd.trustee;
    let n_usize = n as usize;
    let round_three_done = |i: u32| {
        state.finalized.iter().any(|f| f.0 == i)
            || state.complaints.iter().any(|c| c.complaint.recipient == i)
    };
    match &cmd.file {
        CeremonyFile::Announcement { public } => {
            if state.announcements.iter().any(|p| p.index == i) {
                return Err(one("file", PrimariesRule::CeremonyStepTwice));
            }
            if public.index != i {
                return Err(protocol(
                    "file",
                    format!("the file is trustee {}'s, not trustee {i}'s", public.index),
                ));
            }
            if public
                .commitments
                .first()
                .is_some_and(|a0| state.retired.contains(a0))
            {
                return Err(one("file", PrimariesRule::CeremonyKeyReused));
            }
            sailau_vote::verify_trustee_public(fixed.parameters, public)
                .map_err(|e| protocol("file", e))
        }
        CeremonyFile::Dealt { shares } => {
            if state.dealt.iter().any(|d| d.dealer == i) {
                return Err(one("file", PrimariesRule::CeremonyStepTwice));
            }
            if state.announcements.len() != n_usize {
                return Err(one("file", PrimariesRule::CeremonyNotReady));
            }
            let expected: Vec<u32> = (1..=n).filter(|&r| r != i).collect();
            let got: Vec<u32> = shares.iter().map(|s| s.recipient).collect();
            if got != expected || shares.iter().any(|s| s.dealer != i) {
                return Err(protocol(
                    "file",
                    format!(
                        "trustee {i} deals one share to each other trustee in increasing order \
                         ({expected:?}), the file has {got:?}"
                    ),
                ));
            }
            for s in shares {
                sailau_vote::verify_encrypted_share(fixed.parameters, &state.announcements, s)
                    .map_err(|e| protocol("file", e))?;
            }
            Ok(())
        }
        CeremonyFile::Complaints { complaints } => {
            if round_three_done(i) {
                return Err(one("file", PrimariesRule::CeremonyStepTwice));
            }
            if state.dealt.len() != n_usize {
                return Err(one("file", PrimariesRule::CeremonyNotReady));
            }
            if complaints.is_empty() {
                return Err(protocol(
                    "file",
                    "a complaints file holds at least one complaint",
                ));
            }
            for (k, c) in complaints.iter().enumerate() {
                if c.recipient != i {
                    return Err(protocol(
                        "file",
                        format!(
                            "complaint {}: made by trustee {}, not trustee {i}",
                            k + 1,
                            c.recipient
                        ),
                    ));
                }
                if c.dealer == i || c.dealer == 0 || c.dealer > n {
                    return Err(protocol(
                        "file",
                        format!(
                            "complaint {}: trustee {} dealt no share to trustee {i}",
                            k + 1,
                            c.dealer
                        ),
                    ));
                }
                if complaints[..k].iter().any(|o| o.dealer == c.dealer) {
                    return Err(protocol(
                        "file",
                        format!("trustee {}'s share is complained of twice", c.dealer),
                    ));
                }
                if c.parameters_hash != fixed.parameters.hash() {
                    return Err(protocol(
                        "file",
                        format!("complaint {}: made for other election parameters", k + 1),
                    ));
                }
            }
            Ok(())
        }
        CeremonyFile::Finalized { verification_key } => {
            if round_three_done(i) {
                return Err(one("file", PrimariesRule::CeremonyStepTwice));
            }
            if state.dealt.len() != n_usize {
                return Err(one("file", PrimariesRule::CeremonyNotReady));
            }
            let ctx = ElectionContext::new(fixed.manifest, fixed.parameters, &state.announcements)
                .map_err(|e| protocol("file", e))?;
            match ctx.verification_key(i) {
                Some(y) if y == verification_key => Ok(()),
                _ => Err(protocol(
                    "file",
                    format!("trustee {i}'s verification key is not the one the announcements give"),
                )),
            }
        }
    }
}

/// Checks `restart_ceremony` at `now`; `trustee_roles` gives, for each trustee named, the
/// account's role (`None`: no such account).
///
/// # Errors
/// [`PrimariesRule::BallotNotFixed`]; [`PrimariesRule::VotingOver`] once online voting has
/// closed; [`PrimariesRule::CeremonyNotAborted`] when no complaint aborted the ceremony;
/// [`PrimariesRule::TrusteeCountFixed`] (field `trustees`) for another number of trustees than
/// the fixed ballot's; [`PrimariesRule::TrusteesShape`] for a trustee named twice;
/// `account-missing` or [`PrimariesRule::NotTrustee`] (field `trustees[i]`) for an account that
/// does not exist or is no trustee — all at once, besides the campaign's own state.
pub fn validate_restart(
    cmd: &RestartCeremony,
    campaign: &Campaign,
    fixed: Option<&ElectionParameters>,
    state: &OnlineVote,
    trustee_roles: &[Option<Role>],
    now: Instant,
) -> Result<(), ValidationErrors> {
    let Some(parameters) = fixed else {
        return Err(one("campaign", PrimariesRule::BallotNotFixed));
    };
    let mut errs = ValidationErrors::new();
    if now >= campaign.opened.windows.online_voting.closes {
        errs.push("campaign", PrimariesRule::VotingOver.into());
    } else if !state.aborted() {
        errs.push("campaign", PrimariesRule::CeremonyNotAborted.into());
    }
    if cmd.trustees.len() != parameters.trustees as usize {
        errs.push(
            "trustees",
            PrimariesRule::TrusteeCountFixed {
                count: parameters.trustees,
            }
            .into(),
        );
    }
    let twice = cmd
        .trustees
        .iter()
        .enumerate()
        .any(|(i, t)| cmd.trustees[..i].contains(t));
    if twice {
        errs.push("trustees", PrimariesRule::TrusteesShape.into());
    }
    for (i, role) in trustee_roles.iter().enumerate() {
        match role {
            None => errs.push(format!("trustees[{i}]"), crate::error::Rule::AccountMissing),
            Some(Role::Trustee) => {}
            Some(_) => errs.push(format!("trustees[{i}]"), PrimariesRule::NotTrustee.into()),
        }
    }
    errs.into_result()
}

/// Reads and checks `credentials.jsonl` (spec §12.2–§12.3): one `{"credential": hex}` per
/// line, each line ending in LF, every credential a valid point other than the identity, in
/// strictly increasing order of their encodings. Gives the credentials.
///
/// # Errors
/// [`PrimariesRule::CredentialsFile`] naming the first bad line (field `file`).
pub fn read_credentials(bytes: &[u8]) -> Result<Vec<Point>, ValidationErrors> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Line {
        credential: String,
    }
    let bad = |line: usize, reason: &str| {
        one(
            "file",
            PrimariesRule::CredentialsFile {
                line: line as u64,
                reason: reason.to_owned(),
            },
        )
    };
    let text = std::str::from_utf8(bytes).map_err(|_| bad(1, "not UTF-8 text"))?;
    if !text.is_empty() && !text.ends_with('\n') {
        let n = text.lines().count();
        return Err(bad(n, "the last line does not end with a newline"));
    }
    let mut out: Vec<Point> = Vec::new();
    for (i, raw) in text.split_terminator('\n').enumerate() {
        let n = i + 1;
        let l = raw.trim();
        if l.is_empty() {
            return Err(bad(n, "a blank line"));
        }
        let line: Line = serde_json::from_str(l)
            .map_err(|_| bad(n, "not an object {\"credential\": \"<64 hex digits>\"}"))?;
        let p = Point::from_hex(&line.credential).map_err(|_| {
            bad(
                n,
                "not a valid credential (a point in 64 lowercase hex digits)",
            )
        })?;
        if p.is_identity() {
            return Err(bad(n, "the identity is no credential"));
        }
        if let Some(prev) = out.last() {
            if prev.as_bytes() == p.as_bytes() {
                return Err(bad(n, "a credential listed twice"));
            }
            if prev.as_bytes() > p.as_bytes() {
                return Err(bad(n, "not in strictly increasing order"));
            }
        }
        out.push(p);
    }
    Ok(out)
}

/// Checks `publish_credentials` at `now`; `list` is the uploaded list, read, when live
/// (`None` on replay).
///
/// # Errors
/// [`PrimariesRule::BallotNotFixed`]; [`PrimariesRule::CredentialsTwice`];
/// [`PrimariesRule::VotingStarted`] once online voting has opened;
/// [`PrimariesRule::CredentialsFile`] when the count or digest do not match the file.
pub fn validate_credentials(
    cmd: &PublishCredentials,
    campaign: &Campaign,
    fixed: bool,
    state: &OnlineVote,
    list: Option<(&[Point], &str)>,
    now: Instant,
) -> Result<(), ValidationErrors> {
    if !fixed {
        return Err(one("campaign", PrimariesRule::BallotNotFixed));
    }
    if state.credentials.is_some() {
        return Err(one("file", PrimariesRule::CredentialsTwice));
    }
    if now >= campaign.voting_opens() {
        return Err(one("campaign", PrimariesRule::VotingStarted));
    }
    if let Some((points, sha)) = list
        && (points.len() as u64 != cmd.count || sha != cmd.sha256)
    {
        return Err(one(
            "file",
            PrimariesRule::CredentialsFile {
                line: 0,
                reason: "the count or digest does not match the file".into(),
            },
        ));
    }
    Ok(())
}

/// Where a ballot hash already is (spec §8.1: a hash lives in exactly one place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Nowhere yet.
    New,
    /// On the board.
    Cast,
    /// Among the challenged ballots.
    Challenged,
}

/// What [`validate_ballot`] needs to know about the world.
#[derive(Debug)]
pub struct BallotFacts<'a> {
    /// The election context, once the joint key is published.
    pub context: Option<&'a ElectionContext>,
    /// Whether the credentials are published.
    pub credentials_published: bool,
    /// Whether the ballot's credential is in the published list.
    pub credential_listed: bool,
    /// Where the ballot's hash already is.
    pub seen: Seen,
    /// Whether the board is closed (tallied).
    pub tallied: bool,
    /// The ballot and, for a challenged one, its opening; `None` on replay (the ballot was
    /// checked when it was submitted; the board keeps it).
    pub body: Option<(&'a EncryptedBallot, Option<&'a BallotOpening>)>,
    /// Whether a cast ballot's proofs and signature were already verified against this
    /// context ([`Voter::proofs_checked`]).
    pub proofs_checked: bool,
    /// When.
    pub now: Instant,
}

/// Where a window's ends are shown in messages: the caller formats them in local time.
pub type WindowText = (String, String);

/// Checks a submitted ballot (spec §6.7, §7, §8.1).
///
/// # Errors
/// Field `ballot` unless said otherwise: [`PrimariesRule::VotingClosed`] outside the online
/// window or once tallied; [`PrimariesRule::KeyNotPublished`];
/// [`PrimariesRule::CredentialsNotPublished`]; [`PrimariesRule::BallotReplay`] for a hash on
/// the board or challenged; [`PrimariesRule::BallotRefused`] when a proof, the signature, the
/// shape or the election binding fails, or an opening does not open it;
/// [`PrimariesRule::CredentialUnknown`] (field `credential`).
pub fn validate_ballot(
    cmd: &SubmitBallot,
    window: &Window,
    window_text: WindowText,
    facts: &BallotFacts<'_>,
) -> Result<(), ValidationErrors> {
    if !window.contains(facts.now) || facts.tallied {
        return Err(one(
            "ballot",
            PrimariesRule::VotingClosed {
                opens: window_text.0,
                closes: window_text.1,
            },
        ));
    }
    let Some(ctx) = facts.context else {
        return Err(one("ballot", PrimariesRule::KeyNotPublished));
    };
    if !facts.credentials_published {
        return Err(one("ballot", PrimariesRule::CredentialsNotPublished));
    }
    if facts.seen != Seen::New {
        return Err(one("ballot", PrimariesRule::BallotReplay));
    }
    if let Some((ballot, opening)) = facts.body {
        let refused = |e: sailau_vote::BallotError| {
            one(
                "ballot",
                PrimariesRule::BallotRefused {
                    reason: e.to_string(),
                },
            )
        };
        if ballot.hash() != cmd.ballot_hash || ballot.credential != cmd.credential {
            return Err(one(
                "ballot",
                PrimariesRule::BallotRefused {
                    reason: "the ballot's hash or credential is not the one named".into(),
                },
            ));
        }
        match (cmd.kind, opening) {
            (SubmissionKind::Cast, None) => {
                if !facts.proofs_checked {
                    sailau_vote::verify_ballot(ctx, ballot).map_err(refused)?;
                }
            }
            (SubmissionKind::Challenged, Some(opening)) => {
                shape_matches(ctx.manifest(), ballot)?;
                sailau_vote::verify_opening(ctx, ballot, opening).map_err(refused)?;
                sailau_vote::verify_ballot_signature(ballot).map_err(refused)?;
            }
            _ => {
                return Err(one(
                    "ballot",
                    PrimariesRule::BallotRefused {
                        reason: "only a challenged ballot carries an opening".into(),
                    },
                ));
            }
        }
    }
    if !facts.credential_listed {
        return Err(one("credential", PrimariesRule::CredentialUnknown));
    }
    Ok(())
}

/// Spec §8.1 rule 3: one contest per manifest contest, one selection per option.
fn shape_matches(manifest: &Manifest, ballot: &EncryptedBallot) -> Result<(), ValidationErrors> {
    let ok = ballot.contests.len() == manifest.contests.len()
        && ballot
            .contests
            .iter()
            .zip(&manifest.contests)
            .all(|(b, m)| b.selections.len() == m.options.len());
    if ok {
        Ok(())
    } else {
        Err(one(
            "ballot",
            PrimariesRule::BallotRefused {
                reason: "the ballot does not have the manifest's shape".into(),
            },
        ))
    }
}

/// How a member took part, in the participation register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    /// Voted online (possibly several times: the last ballot counts).
    Online,
    /// Received a paper ballot at a primary organization.
    Paper,
}

/// Whether the signed-in member may submit an online ballot.
///
/// # Errors
/// [`PrimariesRule::NotVoter`] when the member is not a member of the party in the campaign's
/// territory; [`PrimariesRule::PaperBallotTaken`] when the member received a paper ballot.
pub fn validate_online_voter(
    eligible: bool,
    register: Option<Participation>,
) -> Result<(), ValidationErrors> {
    if !eligible {
        return Err(one("member", PrimariesRule::NotVoter));
    }
    if register == Some(Participation::Paper) {
        return Err(one("member", PrimariesRule::PaperBallotTaken));
    }
    Ok(())
}

/// Checks a paper ballot's issue: inside the paper window, to a member of the organization who
/// has not taken part yet. The refusal is the same whether the member voted online or took a
/// paper ballot already.
///
/// # Errors
/// [`PrimariesRule::PaperIssueClosed`] (field `campaign`); [`PrimariesRule::OrganizationInvalid`]
/// (field `organization`); [`PrimariesRule::NotInOrganization`] (field `member`) when the member
/// does not belong to the organization; [`PrimariesRule::PaperBallotRefused`] (field `member`).
pub fn validate_paper_ballot(
    window: &Window,
    window_text: WindowText,
    organization_ok: bool,
    member_in_organization: Option<bool>,
    register: Option<Participation>,
    now: Instant,
) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::new();
    if !window.contains(now) {
        errs.push(
            "campaign",
            PrimariesRule::PaperIssueClosed {
                opens: window_text.0,
                closes: window_text.1,
            }
            .into(),
        );
    }
    if !organization_ok {
        errs.push("organization", PrimariesRule::OrganizationInvalid.into());
    }
    match (member_in_organization, register) {
        (Some(false), _) => errs.push("member", PrimariesRule::NotInOrganization.into()),
        (_, Some(_)) => errs.push("member", PrimariesRule::PaperBallotRefused.into()),
        _ => {}
    }
    errs.into_result()
}

/// Checks `tally_board` at `now`; `recomputed` is the tally the server computes from the board
/// when live (`None` on replay).
///
/// # Errors
/// [`PrimariesRule::VotingNotOver`] before online voting closes; [`PrimariesRule::KeyNotPublished`];
/// [`PrimariesRule::AlreadyTallied`]; [`PrimariesRule::TallyStale`] when the board is not the
/// one the tally names.
pub fn validate_tally(
    cmd: &TallyBoard,
    campaign: &Campaign,
    key_published: bool,
    state: &OnlineVote,
    recomputed: Option<&TallyBoard>,
    now: Instant,
) -> Result<(), ValidationErrors> {
    if now < campaign.opened.windows.online_voting.closes {
        return Err(one("campaign", PrimariesRule::VotingNotOver));
    }
    if !key_published {
        return Err(one("campaign", PrimariesRule::KeyNotPublished));
    }
    if state.tally.is_some() {
        return Err(one("campaign", PrimariesRule::AlreadyTallied));
    }
    if let Some(r) = recomputed
        && r != cmd
    {
        return Err(one("campaign", PrimariesRule::TallyStale));
    }
    Ok(())
}

/// Checks a trustee's decryption share.
///
/// # Errors
/// [`PrimariesRule::NotTallied`]; [`PrimariesRule::NotYourTrustee`] (field `trustee`);
/// [`PrimariesRule::CeremonyStepTwice`] (field `file`) for a second share;
/// [`PrimariesRule::FileRefused`] (field `file`) when a proof fails.
pub fn validate_share(
    cmd: &PublishDecryptionShare,
    ctx: Option<&ElectionContext>,
    state: &OnlineVote,
    by: Publisher,
) -> Result<(), ValidationErrors> {
    let (Some(ctx), Some(tally)) = (ctx, state.tally.as_ref()) else {
        return Err(one("campaign", PrimariesRule::NotTallied));
    };
    check_trustee(cmd.share.trustee, ctx.trustee_count(), by)?;
    if state.shares.iter().any(|s| s.trustee == cmd.share.trustee) {
        return Err(one("file", PrimariesRule::CeremonyStepTwice));
    }
    if state.result.is_some() {
        return Err(one("campaign", PrimariesRule::ResultsPublished));
    }
    sailau_vote::verify_decryption_share(ctx, &tally.tally, &cmd.share)
        .map_err(|e| protocol("file", e))
}

/// Checks the published counts against the tally and the shares (spec §10, §13).
///
/// # Errors
/// [`PrimariesRule::NotTallied`]; [`PrimariesRule::ResultsPublished`];
/// [`PrimariesRule::SharesTooFew`] with fewer than `t` shares; [`PrimariesRule::FileRefused`]
/// (field `result`) when the counts do not follow from the shares.
pub fn validate_results(
    cmd: &PublishResults,
    ctx: Option<&ElectionContext>,
    state: &OnlineVote,
) -> Result<(), ValidationErrors> {
    let (Some(ctx), Some(tally)) = (ctx, state.tally.as_ref()) else {
        return Err(one("campaign", PrimariesRule::NotTallied));
    };
    if state.result.is_some() {
        return Err(one("campaign", PrimariesRule::ResultsPublished));
    }
    if (state.shares.len() as u64) < u64::from(ctx.threshold()) {
        return Err(one(
            "campaign",
            PrimariesRule::SharesTooFew {
                threshold: ctx.threshold(),
            },
        ));
    }
    let used: Vec<DecryptionShare> = state
        .shares
        .iter()
        .filter(|s| cmd.result.trustees.contains(&s.trustee))
        .cloned()
        .collect();
    sailau_vote::verify_result(ctx, &tally.tally, &used, &cmd.result)
        .map_err(|e| protocol("result", e))
}

/// The online votes of each contender once the counts are published: `(contest id = position
/// key, option id = contender id, votes)`.
pub fn online_counts(result: &ElectionResult) -> Vec<(String, String, u64)> {
    result
        .contests
        .iter()
        .flat_map(|c| {
            c.counts
                .iter()
                .map(|o| (c.contest_id.clone(), o.option_id.clone(), o.count))
        })
        .collect()
}

//! The primaries' verifiable online vote in the app (issue 14 §4–§5): the handlers of the
//! ceremony, credentials, ballot, tally, decryption and paper-ballot commands, the member's
//! ballot submission, the tally and combination the committee's buttons run, and the election
//! record as a directory or a zip for `sailau verify`. The rules are the domain's
//! (`sailau_domain::primaries::online`), the cryptography `sailau-vote`'s.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use sailau_domain::account::{Role, Scope};
use sailau_domain::party::member::{MemberFacts, MemberId};
use sailau_domain::primaries::CampaignId;
use sailau_domain::primaries::campaign::Campaign;
use sailau_domain::primaries::online::{
    BallotFacts, BoardState, CeremonyFile, CredentialsSummary, Fixed, IssuePaperBallot,
    JudgedComplaint, OnlineVote, Participation, PublishCeremonyFile, PublishCredentials,
    PublishDecryptionShare, PublishResults, Publisher, RestartCeremony, Seen, SubmissionKind,
    SubmitBallot, TallyBoard, Voter, read_credentials, trustee_index, validate_ballot,
    validate_ceremony_file, validate_credentials, validate_online_voter, validate_paper_ballot,
    validate_restart, validate_results, validate_share, validate_tally,
};
use sailau_domain::primaries::rules::PrimariesRule;
use sailau_domain::{Issued, Principal, Target, TerritoryCode, ValidationErrors};
use sailau_record::format::{Complaints, DealtShares, ElectionPublic, Finalized, Submission};
use sailau_storage::Tx;
use sailau_storage::primaries::online::{
    BallotChecks, BoardRow, BoardState as BoardCounters, CampaignVote, OnlineRow,
};
use sailau_vote::{
    BallotOpening, ElectionContext, ElectionParameters, EncryptedBallot, Manifest,
    TallyAccumulator, TrackingCode,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{
    campaign_target, existing_campaign, inside, organization_ok, organization_target, region_of,
    window_text,
};
use crate::execute::{Acting, Beside, Ctx, Handler};
use crate::{App, AppError};

mod record;
pub use record::{DirSink, RecordSink, RecordZip, ZipSink};

fn refused(field: &str, rule: PrimariesRule) -> AppError {
    ValidationErrors::one(field, rule.into()).into()
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> AppError {
    AppError::Storage(sailau_storage::StorageError::Corrupt(format!(
        "{what}: {e}"
    )))
}

/// A campaign's fixed manifest and parameters, parsed.
async fn fixed_of(
    tx: &mut Tx,
    id: &CampaignId,
) -> Result<Option<(Manifest, ElectionParameters)>, AppError> {
    tx.fixed_ballot(id).await?.map(parsed_fixed).transpose()
}

/// A fixed ballot's manifest and parameters, parsed.
fn parsed_fixed(
    b: sailau_storage::primaries::FixedBallot,
) -> Result<(Manifest, ElectionParameters), AppError> {
    Ok((
        serde_json::from_str(&b.manifest).map_err(|e| corrupt("manifest", e))?,
        serde_json::from_str(&b.parameters).map_err(|e| corrupt("parameters", e))?,
    ))
}

/// Election contexts by what defines them (the manifest, parameters and announcements): the
/// context is fixed once the key is published, and deriving it checks every announcement and
/// builds a table, so ballots share one.
fn context_cache() -> &'static Mutex<HashMap<[u8; 32], Arc<ElectionContext>>> {
    static CACHE: OnceLock<Mutex<HashMap<[u8; 32], Arc<ElectionContext>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The election context of a vote whose key is published.
pub(crate) fn context_of(
    manifest: &Manifest,
    parameters: &ElectionParameters,
    vote: &OnlineVote,
) -> Option<Arc<ElectionContext>> {
    if !vote.key_published(parameters.trustees) {
        return None;
    }
    let mut h = Sha256::new();
    h.update(manifest.hash().to_hex());
    h.update(parameters.hash().to_hex());
    for a in &vote.announcements {
        h.update(serde_json::to_vec(a).unwrap_or_default());
    }
    let key: [u8; 32] = h.finalize().into();
    if let Ok(cache) = context_cache().lock()
        && let Some(c) = cache.get(&key)
    {
        return Some(c.clone());
    }
    let ctx = Arc::new(vote.context(manifest, parameters)?);
    if let Ok(mut cache) = context_cache().lock() {
        if cache.len() > 64 {
            cache.clear();
        }
        cache.insert(key, ctx.clone());
    }
    Some(ctx)
}

/// Who publishes a trustee's file, from the acting account.
async fn publisher(tx: &mut Tx, campaign: &Campaign, actor: &str) -> Result<Publisher, AppError> {
    if actor == "operator" {
        return Ok(Publisher::Anyone);
    }
    let Ok(username) = sailau_domain::account::Username::try_from(actor.to_owned()) else {
        return Ok(Publisher::Trustee(None));
    };
    Ok(match tx.account(&username).await? {
        Some(a) if a.role == Role::Administrator => Publisher::Anyone,
        _ => Publisher::Trustee(trustee_index(campaign, actor)),
    })
}

impl Handler for PublishCeremonyFile {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let campaign = existing_campaign(tx, &self.campaign).await?;
        let fixed = fixed_of(tx, &self.campaign).await?;
        let mut vote = tx
            .online_vote(&self.campaign)
            .await?
            .unwrap_or_default()
            .vote;
        let by = publisher(tx, &campaign, &ctx.actor).await?;
        validate_ceremony_file(
            self,
            &campaign,
            fixed.as_ref().map(|(m, p)| Fixed {
                manifest: m,
                parameters: p,
            }),
            &vote,
            by,
            sailau_domain::primaries::instant(ctx.at_ms),
        )?;
        if let Some((_, parameters)) = &fixed {
            vote.apply_ceremony(self, parameters);
        }
        tx.save_online_vote(&self.campaign, &vote).await?;
        Ok(())
    }
}

impl Handler for RestartCeremony {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let mut campaign = existing_campaign(tx, &self.campaign).await?;
        let fixed = fixed_of(tx, &self.campaign).await?;
        let mut vote = tx
            .online_vote(&self.campaign)
            .await?
            .unwrap_or_default()
            .vote;
        // A list longer than any ceremony's is refused by its count: its accounts are not read.
        let mut trustee_roles = Vec::new();
        if self.trustees.len() <= sailau_domain::primaries::campaign::MAX_TRUSTEES {
            for t in &self.trustees {
                trustee_roles.push(tx.account(t).await?.map(|a| a.role));
            }
        }
        validate_restart(
            self,
            &campaign,
            fixed.as_ref().map(|(_, p)| p),
            &vote,
            &trustee_roles,
            sailau_domain::primaries::instant(ctx.at_ms),
        )?;
        let previous = std::mem::replace(&mut campaign.opened.trustees, self.trustees.clone());
        vote.apply_restart(previous);
        tx.save_online_vote(&self.campaign, &vote).await?;
        tx.update_campaign(&campaign).await?;
        Ok(())
    }
}

impl Handler for PublishCredentials {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let campaign = existing_campaign(tx, &self.campaign).await?;
        let fixed = tx.fixed_ballot(&self.campaign).await?.is_some();
        let mut vote = tx
            .online_vote(&self.campaign)
            .await?
            .unwrap_or_default()
            .vote;
        let list = match ctx.blob()? {
            Some(bytes) => Some((read_credentials(bytes)?, sha256_hex(bytes))),
            None => None,
        };
        validate_credentials(
            self,
            &campaign,
            fixed,
            &vote,
            list.as_ref().map(|(p, s)| (p.as_slice(), s.as_str())),
            sailau_domain::primaries::instant(ctx.at_ms),
        )?;
        vote.credentials = Some(CredentialsSummary {
            count: self.count,
            sha256: self.sha256.clone(),
        });
        tx.save_online_vote(&self.campaign, &vote).await?;
        if let Some((points, _)) = list {
            let hex: Vec<String> = points.iter().map(|p| p.to_hex()).collect();
            tx.insert_credentials(&self.campaign, &hex).await?;
        }
        Ok(())
    }
}

/// SHA-256 in lowercase hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Reads a submission strictly (spec §12.4), naming the field `ballot`.
fn read_submission(json: &str) -> Result<Submission, AppError> {
    Submission::from_json(json)
        .map_err(|reason| refused("ballot", PrimariesRule::SubmissionUnreadable { reason }))
}

/// Whether `member` belongs to the campaign's party in its territory (and is not erased).
async fn member_eligible(
    tx: &mut Tx,
    memo: Option<&BallotMemo>,
    campaign: &Campaign,
    member: &sailau_domain::party::member::MemberId,
) -> Result<bool, AppError> {
    let facts = match memo {
        Some(memo) => locked(&memo.members).get(member).cloned(),
        None => tx.member_facts(member).await?,
    };
    let Some(m) = facts else {
        return Ok(false);
    };
    if m.party != campaign.opened.party || m.erased {
        return Ok(false);
    }
    let key = (campaign.opened.campaign, m.branch.as_str().to_owned());
    if let Some(known) = memo.and_then(|memo| locked(&memo.inside).get(&key).copied()) {
        return Ok(known);
    }
    let answer = inside(tx, &m.branch, &campaign.opened.territory).await? == Some(true);
    if let Some(memo) = memo {
        locked(&memo.inside).insert(key, answer);
    }
    Ok(answer)
}

/// The most ballots one commit group writes in one transaction.
const GROUP_MAX: usize = 1024;

/// Ballots waiting for the next commit group (i14, measure 1), and the lock its writer holds.
pub(crate) struct BallotGroups {
    queue: Mutex<Vec<Pending>>,
    writer: tokio::sync::Mutex<()>,
    /// Cast ballots waiting for their proofs to be verified.
    unverified: Mutex<Vec<Unverified>>,
    /// Held by the one task that takes the waiting ballots and verifies them (`verify_waiting`):
    /// ballots that arrive meanwhile wait for its next round, so batches grow with the load.
    verifier: tokio::sync::Mutex<()>,
    /// The cores a round's batch is split across.
    cores: usize,
    /// The election contexts of campaigns whose key is published, by campaign: fixed from then
    /// on, so a submission's proofs are checked without reading the vote's state.
    contexts: Mutex<HashMap<CampaignId, Arc<ElectionContext>>>,
}

impl Default for BallotGroups {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        BallotGroups {
            queue: Mutex::default(),
            unverified: Mutex::default(),
            writer: tokio::sync::Mutex::default(),
            verifier: tokio::sync::Mutex::default(),
            cores,
            contexts: Mutex::default(),
        }
    }
}

/// The most cast ballots one round of verification takes (split across the cores).
const VERIFY_MAX: usize = 256;

/// The fewest ballots each core's share of a round gets: fewer than this and the round is not
/// split. A ballot of five options brings ~36 points to the combined check, and
/// curve25519-dalek uses Pippenger's method (about half Straus's cost per point at these sizes)
/// from 190 points on, so each share should hold at least about six ballots.
const SPLIT_MIN: usize = 8;

/// A round's ballots in `cores` shares of about equal size, none smaller than [`SPLIT_MIN`]
/// (one share when the round is small).
fn shares_of<T>(mut round: Vec<T>, cores: usize) -> Vec<Vec<T>> {
    let parts = (round.len() / SPLIT_MIN).clamp(1, cores.max(1));
    let mut shares = Vec::with_capacity(parts);
    for k in (1..parts).rev() {
        let size = round.len() / (k + 1);
        shares.push(round.split_off(round.len() - size));
    }
    shares.push(round);
    shares
}

/// A cast ballot waiting for its proofs and signature to be verified.
struct Unverified {
    context: Arc<ElectionContext>,
    ballot: EncryptedBallot,
    reply: tokio::sync::oneshot::Sender<Result<(), String>>,
}

/// Verifies a batch of cast ballots: the ballots of one campaign together
/// (`verify_ballots_batch`, one random linear combination of all their equations, about half the
/// work of checking them one by one). A batch that fails is halved until each bad ballot is
/// found alone and answered with its own reason: a few bad ballots among many cost a few more
/// batches, not a check of every ballot on its own.
fn verify_batch(batch: Vec<Unverified>) {
    let mut rest = batch;
    while let Some(first) = rest.first() {
        let context = first.context.clone();
        let (same, other): (Vec<_>, Vec<_>) = rest
            .into_iter()
            .partition(|u| Arc::ptr_eq(&u.context, &context));
        rest = other;
        let outcomes = verify_halving(&context, &same);
        for (u, outcome) in same.into_iter().zip(outcomes) {
            let _ = u.reply.send(outcome);
        }
    }
}

/// Each ballot's outcome, in order, by batches halved on failure.
fn verify_halving(context: &ElectionContext, ballots: &[Unverified]) -> Vec<Result<(), String>> {
    match ballots {
        [] => Vec::new(),
        [one] => vec![sailau_vote::verify_ballot(context, &one.ballot).map_err(|e| e.to_string())],
        many => {
            let all: Vec<EncryptedBallot> = many.iter().map(|u| u.ballot.clone()).collect();
            if sailau_vote::verify_ballots_batch(context, &all, &mut rand::rng()).is_ok() {
                return vec![Ok(()); many.len()];
            }
            let (a, b) = many.split_at(many.len() / 2);
            let mut out = verify_halving(context, a);
            out.extend(verify_halving(context, b));
            out
        }
    }
}

/// A ballot waiting for its commit group, checked as far as it can be outside the transaction.
struct Pending {
    command: SubmitBallot,
    beside: Beside,
    clock: Arc<dyn crate::Clock>,
    reply: tokio::sync::oneshot::Sender<Result<BallotReceipt, AppError>>,
}

/// What each ballot of a group that failed for a fault of the system is answered.
fn group_failure(e: &AppError) -> AppError {
    AppError::Ledger(format!("the ballots' transaction failed: {e}"))
}

/// A submission read before its transaction (spec §12.4), with the JSON the board stores: the
/// writer of a commit group then only checks and writes.
#[derive(Clone)]
pub(crate) struct PreparedBallot {
    submission: Submission,
    body: String,
    opening: Option<String>,
}

impl std::fmt::Debug for PreparedBallot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PreparedBallot(…)")
    }
}

impl PreparedBallot {
    /// Reads a submission strictly.
    ///
    /// # Errors
    /// [`PrimariesRule::SubmissionUnreadable`] on field `ballot`.
    pub(crate) fn read(json: &str) -> Result<PreparedBallot, AppError> {
        PreparedBallot::of(read_submission(json)?)
    }

    fn of(submission: Submission) -> Result<PreparedBallot, AppError> {
        let (body, opening) = match &submission {
            Submission::Cast { ballot } => (to_json(ballot)?, None),
            Submission::Challenged { ballot, opening } => {
                (to_json(ballot)?, Some(to_json(opening)?))
            }
        };
        Ok(PreparedBallot {
            submission,
            body,
            opening,
        })
    }
}

/// What every ballot of a campaign reads alike: nothing a ballot changes, so one commit group
/// reads it once.
struct CampaignFacts {
    campaign: Campaign,
    context: Option<Arc<ElectionContext>>,
    credentials_published: bool,
    tallied: bool,
    window_text: (String, String),
}

/// What the ballots of one commit group share while its writer holds the write lock (only
/// ballots are in the group, and no ballot changes a campaign, its vote's state or its
/// members), and what each ballot's handler leaves for its receipt.
#[derive(Default)]
pub(crate) struct BallotMemo {
    campaigns: Mutex<HashMap<CampaignId, Arc<CampaignFacts>>>,
    /// Whether a member's branch lies in the campaign's territory, by (campaign, branch).
    inside: Mutex<HashMap<(CampaignId, String), bool>>,
    /// The public facts of the group's members (absent: no such member), read at once.
    members: Mutex<HashMap<MemberId, MemberFacts>>,
    /// Each campaign's board as the group found and changes it: read before the first ballot,
    /// written after the last (`GroupBoard`).
    boards: Mutex<HashMap<CampaignId, GroupBoard>>,
    /// Each accepted ballot's place and tracking code, by ballot hash (hex).
    receipts: Mutex<HashMap<String, (u64, Option<String>)>>,
}

/// One campaign's board during a commit group: what the group's checks read in a few queries
/// before its first ballot, updated by each ballot it accepts (so that the next ballot's checks
/// see it), and the rows and register marks the group writes together after its last ballot —
/// exactly what each ballot would read and write on its own (`Tx::ballot_checks`,
/// `Tx::append_ballot`, `Tx::mark_participation`), in a few statements.
struct GroupBoard {
    checks: sailau_storage::primaries::online::GroupChecks,
    state: BoardCounters,
    rows: Vec<BoardRow>,
    marks: Vec<(MemberId, Participation)>,
}

impl BallotMemo {
    /// Reads what the group's ballots check, by campaign, and the facts of their members.
    async fn prefetch(&self, tx: &mut Tx, group: &[Pending]) -> Result<(), AppError> {
        /// A campaign's share of the group: credentials, hashes, members.
        #[derive(Default)]
        struct Asked {
            credentials: Vec<String>,
            hashes: Vec<String>,
            members: Vec<MemberId>,
        }
        let mut by_campaign: HashMap<CampaignId, Asked> = HashMap::new();
        for p in group {
            let e = by_campaign.entry(p.command.campaign).or_default();
            e.credentials.push(p.command.credential.to_hex());
            e.hashes.push(p.command.ballot_hash.to_hex());
            if let Beside::Voter(v, _) = &p.beside {
                e.members.push(v.member);
            }
        }
        let mut all_members = Vec::new();
        for (campaign, mut asked) in by_campaign {
            asked.credentials.sort_unstable();
            asked.credentials.dedup();
            let checks = tx
                .group_checks(&campaign, &asked.credentials, &asked.hashes, &asked.members)
                .await?;
            let members = asked.members;
            // The campaign's facts and the board's counters in one read; a campaign that does
            // not exist is each ballot's refusal, in its turn.
            let state = match tx.campaign_vote(&campaign).await? {
                Some(read) => {
                    let (facts, state) = CampaignFacts::of(tx, VoteState::of(read)?).await?;
                    locked(&self.campaigns).insert(campaign, facts);
                    state
                }
                None => BoardCounters::default(),
            };
            locked(&self.boards).insert(
                campaign,
                GroupBoard {
                    checks,
                    state,
                    rows: Vec::new(),
                    marks: Vec::new(),
                },
            );
            all_members.extend(members);
        }
        all_members.sort_unstable_by_key(|m| m.0);
        all_members.dedup();
        let facts = tx.members_facts(&all_members).await?;
        let mut members = locked(&self.members);
        for f in facts {
            members.insert(f.member, f);
        }
        Ok(())
    }

    /// Writes what the group's accepted ballots left: board rows, counters, register marks.
    async fn flush(&self, tx: &mut Tx) -> Result<(), AppError> {
        let boards = std::mem::take(&mut *locked(&self.boards));
        for (campaign, board) in boards {
            if !board.rows.is_empty() {
                tx.append_ballots(&campaign, &board.rows, &board.state)
                    .await?;
            }
            if !board.marks.is_empty() {
                tx.mark_participations(&campaign, &board.marks).await?;
            }
        }
        Ok(())
    }
}

use crate::locked;

async fn campaign_facts(
    tx: &mut Tx,
    memo: Option<&BallotMemo>,
    id: &CampaignId,
) -> Result<Arc<CampaignFacts>, AppError> {
    if let Some(f) = memo.and_then(|m| locked(&m.campaigns).get(id).cloned()) {
        return Ok(f);
    }
    let state = vote_state(tx, id).await?;
    let (facts, _) = CampaignFacts::of(tx, state).await?;
    if let Some(m) = memo {
        locked(&m.campaigns).insert(*id, facts.clone());
    }
    Ok(facts)
}

impl CampaignFacts {
    /// The facts of a vote's state, and the board's counters beside them.
    async fn of(
        tx: &mut Tx,
        state: VoteState,
    ) -> Result<(Arc<CampaignFacts>, BoardCounters), AppError> {
        let VoteState {
            campaign,
            row,
            context,
        } = state;
        let region = region_of(tx, &campaign).await?;
        let window = campaign.opened.windows.online_voting;
        let facts = Arc::new(CampaignFacts {
            window_text: window_text(&window, region.as_ref()),
            campaign,
            context,
            credentials_published: row.vote.credentials.is_some(),
            tallied: row.vote.tally.is_some(),
        });
        let board = BoardCounters {
            entries: row.entries,
            voters: row.voters,
            challenged: row.challenged,
            head: row.head,
        };
        Ok((facts, board))
    }
}

impl Handler for SubmitBallot {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let facts = campaign_facts(tx, ctx.memo, &self.campaign).await?;
        let campaign = &facts.campaign;
        let voter = ctx.voter()?;
        let hash_hex = self.ballot_hash.to_hex();
        let credential_hex = self.credential.to_hex();
        let grouped = ctx
            .memo
            .filter(|m| locked(&m.boards).contains_key(&self.campaign));
        let checks = match grouped {
            Some(m) => {
                let boards = locked(&m.boards);
                let g = boards
                    .get(&self.campaign)
                    .ok_or_else(|| corrupt("board", "the group's board is missing"))?;
                BallotChecks {
                    credential_listed: g.checks.listed.contains(&credential_hex),
                    seen: g.checks.seen.get(&hash_hex).copied().unwrap_or(Seen::New),
                    participation: voter
                        .and_then(|v| g.checks.participation.get(&v.member.to_string()).copied()),
                }
            }
            None => {
                tx.ballot_checks(
                    &self.campaign,
                    &credential_hex,
                    &hash_hex,
                    voter.map(|v| &v.member),
                )
                .await?
            }
        };
        if let Some(v) = voter {
            let eligible = member_eligible(tx, ctx.memo, campaign, &v.member).await?;
            validate_online_voter(eligible, checks.participation)?;
        }
        let prepared = match (voter, ctx.prepared_ballot()) {
            (Some(_), Some(p)) => Some(p),
            (Some(_), None) => return Err(AppError::MissingPrivate("the ballot")),
            (None, _) => None,
        };
        let context = facts.context.as_deref();
        let window = campaign.opened.windows.online_voting;
        let ballot_facts = BallotFacts {
            context,
            credentials_published: facts.credentials_published,
            credential_listed: ctx.replaying() || checks.credential_listed,
            seen: checks.seen,
            tallied: facts.tallied,
            body: prepared.map(|p| match &p.submission {
                Submission::Cast { ballot } => (ballot, None),
                Submission::Challenged { ballot, opening } => (ballot, Some(opening)),
            }),
            now: sailau_domain::primaries::instant(ctx.at_ms),
            proofs_checked: voter.is_some_and(|v| v.proofs_checked),
        };
        validate_ballot(self, &window, facts.window_text.clone(), &ballot_facts)?;
        let row = |tracking_code: Option<String>| BoardRow {
            kind: self.kind,
            seq: 0,
            ballot_hash: hash_hex.clone(),
            tracking_code,
            credential: credential_hex.clone(),
            body: prepared.map(|p| p.body.clone()),
            opening: prepared.and_then(|p| p.opening.clone()),
        };
        let (seq, tracking_code) = match grouped {
            // In a commit group: the place, code and counters from the group's board, the row
            // and the register's mark written with the group's others.
            Some(m) => {
                let mut boards = locked(&m.boards);
                let g = boards
                    .get_mut(&self.campaign)
                    .ok_or_else(|| corrupt("board", "the group's board is missing"))?;
                let mut r = row(None);
                match self.kind {
                    SubmissionKind::Cast => {
                        let head = head_of(g.state.head.as_deref(), context)?;
                        let code = head.next(&self.ballot_hash).to_string();
                        g.state.entries += 1;
                        if g.checks.cast.insert(credential_hex.clone()) {
                            g.state.voters += 1;
                        }
                        g.state.head = Some(code.clone());
                        r.seq = g.state.entries;
                        r.tracking_code = Some(code);
                        g.checks.seen.insert(hash_hex.clone(), Seen::Cast);
                    }
                    SubmissionKind::Challenged => {
                        g.state.challenged += 1;
                        r.seq = g.state.challenged;
                        g.checks.seen.insert(hash_hex.clone(), Seen::Challenged);
                    }
                }
                if let Some(v) = voter
                    && let std::collections::hash_map::Entry::Vacant(e) =
                        g.checks.participation.entry(v.member.to_string())
                {
                    e.insert(Participation::Online);
                    g.marks.push((v.member, Participation::Online));
                }
                let out = (r.seq, r.tracking_code.clone());
                g.rows.push(r);
                out
            }
            None => {
                let tracking_code = match self.kind {
                    SubmissionKind::Cast => {
                        let head = tx
                            .board_state(&self.campaign)
                            .await?
                            .unwrap_or_default()
                            .head;
                        let head = head_of(head.as_deref(), context)?;
                        Some(head.next(&self.ballot_hash).to_string())
                    }
                    SubmissionKind::Challenged => None,
                };
                let seq = tx
                    .append_ballot(&self.campaign, &row(tracking_code.clone()))
                    .await?;
                if let Some(v) = voter {
                    tx.mark_participation(&self.campaign, &v.member, Participation::Online)
                        .await?;
                }
                (seq, tracking_code)
            }
        };
        if let Some(m) = ctx.memo {
            locked(&m.receipts).insert(hash_hex, (seq, tracking_code));
        }
        Ok(())
    }
}

fn to_json<T: Serialize>(v: &T) -> Result<String, AppError> {
    serde_json::to_string(v).map_err(|e| corrupt("ballot", e))
}

/// The board's head: the last cast ballot's tracking code, or `T₀`.
fn head_of(
    head: Option<&str>,
    context: Option<&ElectionContext>,
) -> Result<TrackingCode, AppError> {
    match (head, context) {
        (Some(h), _) => Ok(TrackingCode(
            sailau_vote::Hash32::from_hex(h).map_err(|e| corrupt("tracking code", e))?,
        )),
        (None, Some(c)) => Ok(TrackingCode::initial(c.election_hash())),
        (None, None) => Err(refused("ballot", PrimariesRule::KeyNotPublished)),
    }
}

/// The tally of the board as stored: the last ballot of each credential, added up (spec §9).
fn tally_rows(
    campaign: &CampaignId,
    ctx: &ElectionContext,
    rows: &[BoardRow],
) -> Result<TallyBoard, AppError> {
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        last.insert(r.credential.as_str(), i);
    }
    let mut counted: Vec<usize> = last.into_values().collect();
    counted.sort_unstable();
    let mut acc = TallyAccumulator::new(ctx);
    for i in counted.iter().copied() {
        let body = rows
            .get(i)
            .and_then(|r| r.body.as_deref())
            .ok_or_else(|| corrupt("board", "a ballot's content is missing"))?;
        let ballot: EncryptedBallot =
            serde_json::from_str(body).map_err(|e| corrupt("ballot", e))?;
        acc.add(&ballot).map_err(|e| corrupt("tally", e))?;
    }
    let head = match rows.last().and_then(|r| r.tracking_code.as_deref()) {
        Some(h) => TrackingCode(sailau_vote::Hash32::from_hex(h).map_err(|e| corrupt("head", e))?),
        None => TrackingCode::initial(ctx.election_hash()),
    };
    let entries = rows.len() as u64;
    let voters = counted.len() as u64;
    Ok(TallyBoard {
        campaign: *campaign,
        board: BoardState {
            entries,
            head,
            voters,
            superseded: entries - voters,
        },
        tally: acc.finish(),
    })
}

/// A campaign's vote as a handler reads it: the campaign, its stored vote and the election
/// context once the key is published.
struct VoteState {
    campaign: Campaign,
    row: OnlineRow,
    context: Option<Arc<ElectionContext>>,
}

/// A campaign's vote as far as it has got, in one query ([`Tx::campaign_vote`]).
///
/// # Errors
/// [`PrimariesRule::CampaignMissing`] when there is no such campaign.
async fn vote_state(tx: &mut Tx, id: &CampaignId) -> Result<VoteState, AppError> {
    tx.campaign_vote(id)
        .await?
        .ok_or_else(|| refused("campaign", PrimariesRule::CampaignMissing))
        .and_then(VoteState::of)
}

impl VoteState {
    fn of(read: CampaignVote) -> Result<VoteState, AppError> {
        let CampaignVote {
            campaign,
            fixed,
            online,
        } = read;
        let fixed = fixed.map(parsed_fixed).transpose()?;
        let row = online.unwrap_or_default();
        let context = fixed
            .as_ref()
            .and_then(|(m, p)| context_of(m, p, &row.vote));
        Ok(VoteState {
            campaign,
            row,
            context,
        })
    }
}

impl Handler for TallyBoard {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let VoteState {
            campaign,
            mut row,
            context,
        } = vote_state(tx, &self.campaign).await?;
        let recomputed = match (&context, ctx.replaying()) {
            (Some(c), false) => {
                let rows = tx.cast_ballots(&self.campaign).await?;
                Some(tally_rows(&self.campaign, c, &rows)?)
            }
            _ => None,
        };
        validate_tally(
            self,
            &campaign,
            context.is_some(),
            &row.vote,
            recomputed.as_ref(),
            sailau_domain::primaries::instant(ctx.at_ms),
        )?;
        row.vote.tally = Some(self.clone());
        tx.save_online_vote(&self.campaign, &row.vote).await?;
        Ok(())
    }
}

impl Handler for PublishDecryptionShare {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let VoteState {
            campaign,
            mut row,
            context,
        } = vote_state(tx, &self.campaign).await?;
        let by = publisher(tx, &campaign, &ctx.actor).await?;
        validate_share(self, context.as_deref(), &row.vote, by)?;
        row.vote.shares.push(self.share.clone());
        row.vote.shares.sort_by_key(|s| s.trustee);
        tx.save_online_vote(&self.campaign, &row.vote).await?;
        Ok(())
    }
}

impl Handler for PublishResults {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        campaign_target(tx, &self.campaign).await
    }

    async fn apply(&self, tx: &mut Tx, _ctx: &Ctx<'_>) -> Result<(), AppError> {
        let VoteState {
            mut row, context, ..
        } = vote_state(tx, &self.campaign).await?;
        validate_results(self, context.as_deref(), &row.vote)?;
        row.vote.result = Some(self.result.clone());
        tx.save_online_vote(&self.campaign, &row.vote).await?;
        Ok(())
    }
}

impl Handler for IssuePaperBallot {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        organization_target(tx, &self.campaign, &self.organization).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let campaign = existing_campaign(tx, &self.campaign).await?;
        let region = region_of(tx, &campaign).await?;
        let window = campaign.opened.windows.paper_voting;
        let organization = organization_ok(tx, &campaign, &self.organization).await?;
        let voter = ctx.voter()?;
        let (in_org, register) = match voter {
            Some(v) => {
                let in_org = match tx.member_facts(&v.member).await? {
                    Some(m) if m.party == campaign.opened.party && !m.erased => {
                        inside(tx, &m.branch, &self.organization).await? == Some(true)
                    }
                    _ => false,
                };
                (
                    Some(in_org),
                    tx.participation(&self.campaign, &v.member).await?,
                )
            }
            None => (None, None),
        };
        validate_paper_ballot(
            &window,
            window_text(&window, region.as_ref()),
            organization,
            in_org,
            register,
            sailau_domain::primaries::instant(ctx.at_ms),
        )?;
        if let Some(v) = voter {
            tx.mark_participation(&self.campaign, &v.member, Participation::Paper)
                .await?;
        }
        Ok(())
    }
}

/// What the board gives a member for an accepted ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BallotReceipt {
    /// Cast or challenged.
    pub kind: SubmissionKind,
    /// The ballot hash (hex).
    pub ballot_hash: String,
    /// The tracking code (hex) of a cast ballot.
    pub tracking_code: Option<String>,
    /// Its first 16 hex digits in groups of four, as voters are shown it.
    pub tracking_code_short: Option<String>,
    /// Its place among the ballots of its kind, from 1.
    pub seq: u64,
    /// The ledger entry that records it.
    pub ledger_index: u64,
}

/// One member of a campaign's voter roster ([`App::voter_roster`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterLine {
    /// The line's number, from 1: the number of the member's code in the authority's file.
    pub number: u64,
    /// The party card's number.
    pub card_number: String,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic (may be empty).
    pub patronymic: String,
    /// The member's branch (KATO code).
    pub branch: TerritoryCode,
}

/// The roster as CSV (UTF-8, a header line): `number,card_number,surname,given_name,patronymic,
/// branch`, what a mailing house merges with the authority's codes file line by line.
///
/// # Errors
/// [`AppError::Ledger`] if the CSV writer fails (it writes to memory).
pub fn roster_csv(lines: &[RosterLine]) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Ledger(format!("roster CSV: {e}"));
    w.write_record([
        "number",
        "card_number",
        "surname",
        "given_name",
        "patronymic",
        "branch",
    ])
    .map_err(fail)?;
    for l in lines {
        w.write_record([
            l.number.to_string().as_str(),
            &l.card_number,
            &l.surname,
            &l.given_name,
            &l.patronymic,
            l.branch.as_str(),
        ])
        .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| AppError::Ledger(format!("roster CSV: {e}")))
}

/// A campaign's online vote as pages and the API show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnlineView {
    /// Trustees `n` and threshold `t` (from the fixed ballot; `None` before).
    pub trustees: Option<(u32, u32)>,
    /// Which trustees published each round: announcement, dealt, finalized, decryption share.
    pub rounds: [Vec<u32>; 4],
    /// The joint public key (hex) once every trustee finalized.
    pub joint_key: Option<String>,
    /// The election hash (hex) once the key is published.
    pub election_hash: Option<String>,
    /// How many public credentials are published.
    pub credentials: Option<u64>,
    /// Cast ballots on the board, distinct credentials among them, challenged ballots.
    pub board: (u64, u64, u64),
    /// The board's head (hex).
    pub head: Option<String>,
    /// Whether the board is tallied.
    pub tallied: bool,
    /// Whether the counts are published.
    pub decrypted: bool,
    /// Members who took part online and on paper (from the register: counts only).
    pub participation: (u64, u64),
    /// The complaints that aborted the ceremony under way, with their verdicts.
    pub complaints: Vec<JudgedComplaint>,
    /// How many ceremonies complaints aborted before this one.
    pub aborted: usize,
}

impl App {
    /// A member submits a ballot (spec §12.4's submission as JSON): checked, appended to the
    /// board and recorded in the ledger under an anonymous voter; the member is marked in the
    /// participation register. `principal` must be a member's account (`member:` scope) as
    /// [`App::session`] read it for this request: the account is read with the session, so a
    /// deactivated account or a changed role has no such principal.
    ///
    /// # Errors
    /// The refusals of `validate_online_voter` and `validate_ballot`, and
    /// [`PrimariesRule::BallotRefused`] for a submission that does not read. A refusal says
    /// nothing about whether the member has voted before.
    pub async fn submit_ballot(
        &self,
        principal: &Principal,
        campaign: &CampaignId,
        json: &str,
    ) -> Result<BallotReceipt, AppError> {
        let member = match &principal.scope {
            Scope::Member { member }
                if matches!(principal.role, Role::PartyMember | Role::PartyDelegate) =>
            {
                *member
            }
            _ => return Err(refused("member", PrimariesRule::NotVoter)),
        };
        self.submit_ballot_for(member, campaign, json).await
    }

    /// [`App::submit_ballot`] for a member the caller has authenticated itself (the demo and
    /// the benchmarks, acting for synthetic members without accounts).
    ///
    /// # Errors
    /// As [`App::submit_ballot`].
    pub async fn submit_ballot_for(
        &self,
        member: sailau_domain::party::member::MemberId,
        campaign: &CampaignId,
        json: &str,
    ) -> Result<BallotReceipt, AppError> {
        let submission = read_submission(json)?;
        // The proofs and signature of a cast ballot are verified here, on a blocking thread
        // and outside the transaction, so that ballots are verified on every core while
        // another holds the write lock; the context is fixed once the key is published.
        let proofs_checked = match (&submission, self.campaign_context(campaign).await?) {
            (Submission::Cast { ballot }, Some(context)) => {
                let (reply, verified) = tokio::sync::oneshot::channel();
                locked(&self.ballots.unverified).push(Unverified {
                    context,
                    ballot: ballot.clone(),
                    reply,
                });
                let app = self.clone();
                tokio::spawn(async move { app.verify_waiting().await });
                verified
                    .await
                    .map_err(|_| AppError::Ledger("the ballot's verification ended".into()))?
                    .map_err(|reason| refused("ballot", PrimariesRule::BallotRefused { reason }))?;
                true
            }
            _ => false,
        };
        let ballot = submission.ballot();
        let kind = match submission {
            Submission::Cast { .. } => SubmissionKind::Cast,
            Submission::Challenged { .. } => SubmissionKind::Challenged,
        };
        let cmd = SubmitBallot {
            campaign: *campaign,
            kind,
            ballot_hash: ballot.hash(),
            credential: ballot.credential,
        };
        let voter = Voter {
            member,
            submission: Some(json.to_owned()),
            proofs_checked,
        };
        let beside = Beside::Voter(voter, Some(Box::new(PreparedBallot::of(submission)?)));
        let (reply, receipt) = tokio::sync::oneshot::channel();
        locked(&self.ballots.queue).push(Pending {
            command: cmd,
            beside,
            clock: self.clock.clone(),
            reply,
        });
        // The group is written by a task of its own, so that a client that goes away does not
        // cancel the other ballots of its group.
        let app = self.clone();
        tokio::spawn(async move { app.write_ballot_groups().await });
        receipt
            .await
            .map_err(|_| AppError::Ledger("the ballot's commit group ended without it".into()))?
    }

    /// Verifies the cast ballots waiting, round after round while there are any: the task that
    /// holds the verifier's lock takes every ballot waiting (at most [`VERIFY_MAX`]), splits
    /// them into one share per core ([`shares_of`]), verifies each share as one batch on a
    /// blocking thread, and waits for all before the next round. Ballots that arrive during a
    /// round wait for the next, so under load the batches grow and each ballot's proofs cost
    /// less (one multiscalar multiplication by Pippenger's method instead of many small ones).
    /// A task of its own, like the writer, so that a client that goes away does not leave the
    /// others of its round unanswered.
    async fn verify_waiting(&self) {
        loop {
            // Another task holds the lock: it looks at the queue again after letting go, so the
            // ballot just queued is not left behind.
            let Ok(verifier) = self.ballots.verifier.try_lock() else {
                return;
            };
            loop {
                let round = {
                    let mut waiting = locked(&self.ballots.unverified);
                    let n = waiting.len().min(VERIFY_MAX);
                    waiting.drain(..n).collect::<Vec<_>>()
                };
                if round.is_empty() {
                    break;
                }
                let shares: Vec<_> = shares_of(round, self.ballots.cores)
                    .into_iter()
                    .map(|share| tokio::task::spawn_blocking(move || verify_batch(share)))
                    .collect();
                // A failed blocking task drops the replies: each of its ballots is then
                // answered with a fault of the system rather than left waiting.
                for share in shares {
                    let _ = share.await;
                }
            }
            drop(verifier);
            if locked(&self.ballots.unverified).is_empty() {
                return;
            }
        }
    }

    /// Writes the waiting ballots, a group at a time, while there are any: the writer that gets
    /// the lock takes every ballot queued so far, so one transaction, one signed tree head and
    /// one durable commit serve them all (each ballot still its own ledger entry).
    async fn write_ballot_groups(&self) {
        let _writer = self.ballots.writer.lock().await;
        loop {
            let group = {
                let mut queue = locked(&self.ballots.queue);
                let Some(first) = queue.first() else {
                    return;
                };
                // One group, one clock (tests and the demo act at their own instants).
                let clock = Arc::as_ptr(&first.clock).cast::<()>();
                let n = queue
                    .iter()
                    .take(GROUP_MAX)
                    .take_while(|p| Arc::as_ptr(&p.clock).cast::<()>() == clock)
                    .count();
                queue.drain(..n).collect::<Vec<_>>()
            };
            self.write_ballot_group(group).await;
        }
    }

    /// One commit group: each ballot checked and written in turn in one transaction; a refused
    /// ballot is answered at once and leaves the transaction as it was (the rules are checked
    /// before anything is written), a fault of the system fails the whole group.
    async fn write_ballot_group(&self, group: Vec<Pending>) {
        let Some(at_ms) = group.first().map(|p| p.clock.now_ms()) else {
            return;
        };
        let mut accepted = Vec::with_capacity(group.len());
        let outcome = async {
            let mut tx = self.store.begin().await?;
            let memo = BallotMemo::default();
            memo.prefetch(&mut tx, &group).await?;
            let actor = Acting::Voter.actor().to_string();
            for p in group {
                let (kind, hash) = (p.command.kind, p.command.ballot_hash.to_hex());
                let command = sailau_domain::Command::SubmitBallot(p.command);
                let ctx = Ctx {
                    at_ms,
                    beside: Some(&p.beside),
                    edition: sailau_domain::Edition::CURRENT,
                    actor: actor.clone(),
                    memo: Some(&memo),
                    day: None,
                };
                match crate::execute::apply(&mut tx, &Acting::Voter, &command, &ctx).await {
                    Ok(()) => {}
                    Err(e) if e.is_client_error() => {
                        let _ = p.reply.send(Err(e));
                        continue;
                    }
                    Err(e) => {
                        let _ = p.reply.send(Err(group_failure(&e)));
                        return Err(e);
                    }
                }
                let applied =
                    crate::execute::append_entry(&mut tx, &Acting::Voter, command, at_ms).await?;
                let (seq, tracking_code) = locked(&memo.receipts)
                    .remove(&hash)
                    .ok_or_else(|| corrupt("board", "the accepted ballot is missing"))?;
                accepted.push((
                    p.reply,
                    BallotReceipt {
                        kind,
                        tracking_code_short: tracking_code.as_deref().map(short_code),
                        tracking_code,
                        ballot_hash: hash,
                        seq,
                        ledger_index: applied.index,
                    },
                ));
            }
            if accepted.is_empty() {
                tx.rollback().await?;
            } else {
                memo.flush(&mut tx).await?;
                self.commit_signed(tx, at_ms).await?;
            }
            Ok::<(), AppError>(())
        }
        .await;
        match outcome {
            Ok(()) => {
                for (reply, receipt) in accepted {
                    let _ = reply.send(Ok(receipt));
                }
            }
            Err(e) => {
                for (reply, _) in accepted {
                    let _ = reply.send(Err(group_failure(&e)));
                }
            }
        }
    }

    /// The tally of the board as it stands: what the committee's `tally_board` records.
    ///
    /// # Errors
    /// [`PrimariesRule::KeyNotPublished`] before the ceremony ends.
    pub async fn tally_command(&self, campaign: &CampaignId) -> Result<TallyBoard, AppError> {
        let mut tx = self.store.begin().await?;
        let fixed = fixed_of(&mut tx, campaign).await?;
        let row = tx.online_vote(campaign).await?.unwrap_or_default();
        let context = fixed
            .as_ref()
            .and_then(|(m, p)| context_of(m, p, &row.vote))
            .ok_or_else(|| refused("campaign", PrimariesRule::KeyNotPublished))?;
        let rows = tx.cast_ballots(campaign).await?;
        tx.rollback().await?;
        let ctx = context.clone();
        let id = *campaign;
        tokio::task::spawn_blocking(move || tally_rows(&id, &ctx, &rows))
            .await
            .map_err(|e| AppError::Ledger(e.to_string()))?
    }

    /// The counts combined from the published decryption shares (the first `t` trustees'):
    /// what the committee's `publish_results` records.
    ///
    /// # Errors
    /// [`PrimariesRule::NotTallied`]; [`PrimariesRule::SharesTooFew`].
    pub async fn results_command(&self, campaign: &CampaignId) -> Result<PublishResults, AppError> {
        let Some(fixed) = self.store.fixed_ballot(campaign).await? else {
            return Err(refused("campaign", PrimariesRule::NotTallied));
        };
        let manifest: Manifest =
            serde_json::from_str(&fixed.manifest).map_err(|e| corrupt("manifest", e))?;
        let parameters: ElectionParameters =
            serde_json::from_str(&fixed.parameters).map_err(|e| corrupt("parameters", e))?;
        let row = self.store.online_vote(campaign).await?.unwrap_or_default();
        let (Some(ctx), Some(tally)) = (
            context_of(&manifest, &parameters, &row.vote),
            row.vote.tally.clone(),
        ) else {
            return Err(refused("campaign", PrimariesRule::NotTallied));
        };
        let t = ctx.threshold() as usize;
        if row.vote.shares.len() < t {
            return Err(refused(
                "campaign",
                PrimariesRule::SharesTooFew {
                    threshold: ctx.threshold(),
                },
            ));
        }
        let shares: Vec<_> = row.vote.shares.iter().take(t).cloned().collect();
        let bound = tally.board.voters.max(1);
        let id = *campaign;
        tokio::task::spawn_blocking(move || {
            let table = sailau_vote::DlogTable::new(bound).map_err(|e| corrupt("dlog", e))?;
            let result =
                sailau_vote::combine_decryption_shares(&ctx, &tally.tally, &shares, &table)
                    .map_err(|e| {
                        refused(
                            "campaign",
                            PrimariesRule::FileRefused {
                                reason: e.to_string(),
                            },
                        )
                    })?;
            Ok(PublishResults {
                campaign: id,
                result,
            })
        })
        .await
        .map_err(|e| AppError::Ledger(e.to_string()))?
    }

    /// The election context of a campaign whose key is published (cached: it never changes
    /// once the key is published).
    async fn campaign_context(
        &self,
        campaign: &CampaignId,
    ) -> Result<Option<Arc<ElectionContext>>, AppError> {
        if let Some(c) = locked(&self.ballots.contexts).get(campaign) {
            return Ok(Some(c.clone()));
        }
        let context = self.read_campaign_context(campaign).await?;
        if let Some(c) = &context {
            locked(&self.ballots.contexts).insert(*campaign, c.clone());
        }
        Ok(context)
    }

    async fn read_campaign_context(
        &self,
        campaign: &CampaignId,
    ) -> Result<Option<Arc<ElectionContext>>, AppError> {
        let Some(fixed) = self.store.fixed_ballot(campaign).await? else {
            return Ok(None);
        };
        let manifest: Manifest =
            serde_json::from_str(&fixed.manifest).map_err(|e| corrupt("manifest", e))?;
        let parameters: ElectionParameters =
            serde_json::from_str(&fixed.parameters).map_err(|e| corrupt("parameters", e))?;
        let row = self.store.online_vote(campaign).await?.unwrap_or_default();
        Ok(context_of(&manifest, &parameters, &row.vote))
    }

    /// The members who may vote in `campaign` (of its party, not erased, their branch inside
    /// its territory), by card number and numbered from 1: the credential authority runs
    /// `sailau credentials generate --count N` with N the roster's length and sends code `n` to
    /// member `n` (spec §5; the codes never reach the server).
    ///
    /// # Errors
    /// [`AppError::NotFound`] for no such campaign; [`AppError::Forbidden`] unless `reader` may
    /// read [`sailau_domain::Read::VoterRoster`] in the campaign's party and territory.
    pub async fn voter_roster(
        &self,
        reader: Option<&Principal>,
        campaign: &CampaignId,
    ) -> Result<Vec<RosterLine>, AppError> {
        let mut tx = self.store.begin().await?;
        let target = campaign_target(&mut tx, campaign).await?;
        let Some(c) = tx.campaign(campaign).await? else {
            tx.rollback().await?;
            return Err(AppError::NotFound(
                crate::Thing::Campaign,
                campaign.to_string(),
            ));
        };
        if let Err(denied) =
            sailau_domain::authorize_read(reader, sailau_domain::Read::VoterRoster, &target)
        {
            tx.rollback().await?;
            return Err(denied.into());
        }
        let mut inside_of: HashMap<TerritoryCode, bool> = HashMap::new();
        let mut lines = Vec::new();
        for (_, branch, record) in self.store.party_roster(&c.opened.party).await? {
            let ok = match inside_of.get(&branch) {
                Some(ok) => *ok,
                None => {
                    let ok = inside(&mut tx, &branch, &c.opened.territory).await? == Some(true);
                    inside_of.insert(branch.clone(), ok);
                    ok
                }
            };
            if ok {
                lines.push(RosterLine {
                    number: lines.len() as u64 + 1,
                    card_number: record.card_number,
                    surname: record.surname,
                    given_name: record.given_name,
                    patronymic: record.patronymic,
                    branch,
                });
            }
        }
        tx.rollback().await?;
        Ok(lines)
    }

    /// A campaign's online vote for pages and the API.
    pub async fn online_view(&self, campaign: &CampaignId) -> Result<OnlineView, AppError> {
        let fixed = self.store.fixed_ballot(campaign).await?;
        let row = self.store.online_vote(campaign).await?.unwrap_or_default();
        let parsed = match &fixed {
            Some(b) => Some((
                serde_json::from_str::<Manifest>(&b.manifest)
                    .map_err(|e| corrupt("manifest", e))?,
                serde_json::from_str::<ElectionParameters>(&b.parameters)
                    .map_err(|e| corrupt("parameters", e))?,
            )),
            None => None,
        };
        let ctx = parsed
            .as_ref()
            .and_then(|(m, p)| context_of(m, p, &row.vote));
        let v = &row.vote;
        Ok(OnlineView {
            trustees: parsed.as_ref().map(|(_, p)| (p.trustees, p.threshold)),
            rounds: [
                v.announcements.iter().map(|a| a.index).collect(),
                v.dealt.iter().map(|d| d.dealer).collect(),
                v.finalized.iter().map(|f| f.0).collect(),
                v.shares.iter().map(|s| s.trustee).collect(),
            ],
            joint_key: ctx.as_ref().map(|c| c.joint_public_key().to_hex()),
            election_hash: ctx.as_ref().map(|c| c.election_hash().to_hex()),
            credentials: v.credentials.as_ref().map(|c| c.count),
            board: (row.entries, row.voters, row.challenged),
            head: row.head.clone(),
            tallied: v.tally.is_some(),
            decrypted: v.result.is_some(),
            participation: self.store.participation_counts(campaign).await?,
            complaints: v.complaints.clone(),
            aborted: v.aborted.len(),
        })
    }

    /// Checks a challenged ballot's opening against the ballot (spec §8.1): the choices it
    /// reveals as `(contest id, [option id])` in the manifest's order, or why it does not open
    /// (in English).
    pub async fn open_challenged(
        &self,
        campaign: &CampaignId,
        ballot: &str,
        opening: &str,
    ) -> Result<Result<Vec<(String, Vec<String>)>, String>, AppError> {
        let Some(files) = self.election_public(campaign).await? else {
            return Ok(Err("the ballot is not fixed".into()));
        };
        let ctx = match ElectionContext::new(&files.manifest, &files.parameters, &files.trustees) {
            Ok(c) => c,
            Err(e) => return Ok(Err(e.to_string())),
        };
        let (ballot, opening) = match (
            serde_json::from_str::<EncryptedBallot>(ballot),
            serde_json::from_str::<BallotOpening>(opening),
        ) {
            (Ok(b), Ok(o)) => (b, o),
            _ => return Ok(Err("the stored ballot or opening does not read".into())),
        };
        Ok(match sailau_vote::verify_opening(&ctx, &ballot, &opening) {
            Ok(plain) => Ok(files
                .manifest
                .contests
                .iter()
                .zip(&plain.contests)
                .map(|(k, marks)| {
                    (
                        k.id.clone(),
                        k.options
                            .iter()
                            .zip(marks)
                            .filter(|(_, m)| **m)
                            .map(|(o, _)| o.id.clone())
                            .collect(),
                    )
                })
                .collect()),
            Err(e) => Err(e.to_string()),
        })
    }

    /// The published counts of a campaign's online vote, once decrypted.
    pub async fn online_result(
        &self,
        campaign: &CampaignId,
    ) -> Result<Option<sailau_vote::ElectionResult>, AppError> {
        Ok(self
            .store
            .online_vote(campaign)
            .await?
            .and_then(|r| r.vote.result))
    }

    /// The election context of a campaign whose key is published (what the voting client
    /// encrypts to), with the public files the client needs.
    pub async fn election_public(
        &self,
        campaign: &CampaignId,
    ) -> Result<Option<ElectionFiles>, AppError> {
        let Some(fixed) = self.store.fixed_ballot(campaign).await? else {
            return Ok(None);
        };
        let manifest: Manifest =
            serde_json::from_str(&fixed.manifest).map_err(|e| corrupt("manifest", e))?;
        let parameters: ElectionParameters =
            serde_json::from_str(&fixed.parameters).map_err(|e| corrupt("parameters", e))?;
        let row = self.store.online_vote(campaign).await?.unwrap_or_default();
        let election = context_of(&manifest, &parameters, &row.vote)
            .map(|c| sailau_record::record::election_public(&c));
        Ok(Some(ElectionFiles {
            manifest,
            parameters,
            trustees: row.vote.announcements.clone(),
            election,
        }))
    }
}

/// The first 16 hex digits of a tracking code in groups of four (spec §7).
pub fn short_code(hex: &str) -> String {
    hex.chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The public files a voting client and a trustee need.
#[derive(Debug, Clone, Serialize)]
pub struct ElectionFiles {
    /// `manifest.json`.
    pub manifest: Manifest,
    /// `parameters.json`.
    pub parameters: ElectionParameters,
    /// `trustees/trustee-<i>.json` so far.
    pub trustees: Vec<sailau_vote::TrusteePublic>,
    /// `election.json` once the key is published.
    pub election: Option<ElectionPublic>,
}

/// Reads an uploaded ceremony file of `round` (1 announcement, 2 dealt shares, 3 finalized or
/// complaints)
/// strictly in its record layout (spec §12.3) and builds the command for trustee `trustee`.
///
/// # Errors
/// [`PrimariesRule::FileRefused`] (field `file`) when the file does not read.
pub fn ceremony_command(
    campaign: CampaignId,
    trustee: u32,
    round: u8,
    text: &str,
) -> Result<PublishCeremonyFile, AppError> {
    let bad = |e: String| {
        refused(
            "file",
            PrimariesRule::FileUnreadable {
                reason: sailau_record::strict::plain_message(&e),
            },
        )
    };
    let not_theirs = |of: u32| {
        refused(
            "file",
            PrimariesRule::FileRefused {
                reason: format!("the file is trustee {of}'s, not trustee {trustee}'s"),
            },
        )
    };
    let file = match round {
        1 => CeremonyFile::Announcement {
            public: Box::new(
                sailau_record::strict::from_str(text).map_err(|e| bad(e.to_string()))?,
            ),
        },
        2 => {
            let d: DealtShares =
                sailau_record::strict::from_str(text).map_err(|e| bad(e.to_string()))?;
            if d.dealer != trustee {
                return Err(not_theirs(d.dealer));
            }
            CeremonyFile::Dealt { shares: d.shares }
        }
        // Round 3's other outcome: the trustee's complaints (spec §4.3).
        _ if serde_json::from_str::<serde_json::Value>(text)
            .is_ok_and(|v| v.get("complaints").is_some()) =>
        {
            let c: Complaints =
                sailau_record::strict::from_str(text).map_err(|e| bad(e.to_string()))?;
            if c.trustee != trustee {
                return Err(not_theirs(c.trustee));
            }
            CeremonyFile::Complaints {
                complaints: c.complaints,
            }
        }
        _ => {
            let f: Finalized = sailau_record::strict::from_str(text).map_err(|e| {
                bad(format!(
                    "round 3 takes finalized-<i>.json ({{\"trustee\", \"verification_key\"}}) or \
                     complaints-<i>.json ({{\"trustee\", \"complaints\"}}): {e}"
                ))
            })?;
            if f.trustee != trustee {
                return Err(not_theirs(f.trustee));
            }
            CeremonyFile::Finalized {
                verification_key: f.verification_key,
            }
        }
    };
    Ok(PublishCeremonyFile {
        campaign,
        trustee,
        file,
    })
}

/// Reads an uploaded decryption share (`shares/share-<j>.json`) strictly.
///
/// # Errors
/// [`PrimariesRule::FileRefused`] (field `file`).
pub fn share_command(campaign: CampaignId, text: &str) -> Result<PublishDecryptionShare, AppError> {
    let share = sailau_record::strict::from_str(text).map_err(|e| {
        refused(
            "file",
            PrimariesRule::FileUnreadable {
                reason: sailau_record::strict::plain_message(&e.to_string()),
            },
        )
    })?;
    Ok(PublishDecryptionShare { campaign, share })
}

/// The command that publishes `credentials.jsonl` as uploaded (`bytes`), with its count and
/// digest; the file is checked again inside the command.
///
/// # Errors
/// [`PrimariesRule::CredentialsFile`] naming the first bad line.
pub fn credentials_command(campaign: CampaignId, bytes: Vec<u8>) -> Result<Issued, AppError> {
    let points = read_credentials(&bytes)?;
    let cmd = PublishCredentials {
        campaign,
        count: points.len() as u64,
        sha256: sha256_hex(&bytes),
    };
    Ok(Issued::new(cmd, sailau_domain::elections::Blob(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ballot of a round lands in exactly one share; shares are as even as they can be,
    /// one per core at most, and none below `SPLIT_MIN` unless the round itself is smaller.
    #[test]
    fn shares_split_rounds_evenly() {
        for cores in 1..=4 {
            for n in 0..=300 {
                let shares = shares_of((0..n).collect::<Vec<_>>(), cores);
                let mut all: Vec<usize> = shares.iter().flatten().copied().collect();
                all.sort_unstable();
                assert_eq!(all, (0..n).collect::<Vec<_>>(), "n={n} cores={cores}");
                assert!(shares.len() <= cores, "n={n} cores={cores}");
                if shares.len() > 1 {
                    let sizes: Vec<usize> = shares.iter().map(Vec::len).collect();
                    let (min, max) = (sizes.iter().min(), sizes.iter().max());
                    assert!(min >= Some(&SPLIT_MIN), "n={n} cores={cores} {sizes:?}");
                    assert!(max.zip(min).is_some_and(|(a, b)| a - b <= 1), "{sizes:?}");
                }
            }
        }
        assert_eq!(shares_of((0..16).collect::<Vec<_>>(), 2).len(), 2);
        assert_eq!(shares_of((0..15).collect::<Vec<_>>(), 2).len(), 1);
    }
}

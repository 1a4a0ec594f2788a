//! The one command pipeline: refresh the actor, find the target, authorize, validate, write,
//! append the ledger entry, sign, commit.
//!
//! Nothing here knows a particular command. Each context module (`registry`, `accounts`)
//! implements [`Handler`] for its commands: how to find what a command touches and how to
//! validate and write it. [`sailau_domain::for_each_command!`] generates the dispatch.

use sailau_domain::{
    Actor, Command, CommandKind, Edition, Issued, LedgerEntry, Principal, Private, Target,
    authorize,
};
use sailau_ledger::{Hash, TreeHead};
use sailau_storage::Tx;

use crate::{App, AppError};

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acting {
    /// The installation's operator at the command line: allowed everything, recorded as `operator`.
    Operator,
    /// A signed-in, active account.
    Account(Principal),
    /// A member submitting a ballot, recorded as an anonymous voter (i14): may issue
    /// `submit_ballot` only, whose handler checks the member it carries beside.
    Voter,
}

impl Acting {
    /// The actor the ledger records: the operator, or the account by username.
    pub fn actor(&self) -> Actor {
        match self {
            Acting::Operator => Actor::Operator,
            Acting::Account(p) => Actor::Account {
                username: p.username.clone(),
            },
            Acting::Voter => Actor::Voter,
        }
    }
}

/// What an accepted command became: its ledger position and the tree root after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// The entry's index in the ledger, from 0.
    pub index: u64,
    /// The Merkle tree root (SHA-256, RFC 9162) just after the entry.
    pub root: Hash,
}

/// Private data ready to be written beside an entry ([`Private`] after the work that must not
/// happen inside the transaction, such as hashing a password).
#[derive(Debug, Clone)]
pub(crate) enum Beside {
    /// Nothing travels with the command.
    Nothing,
    /// The argon2id hash of a new password (PHC string).
    PasswordHash(String),
    /// A party member's personal record (i13-party), for its erasable table.
    Member(sailau_domain::party::member::MemberRecord),
    /// Bytes whose digest the entry records (an attached file).
    Blob(Vec<u8>),
    /// Signers' lines and the salt of their hash (`record_signature_sheets`).
    SignatureSheets(sailau_domain::elections::signatures::SignatureSheets),
    /// The member who votes and the ballot as submitted (i14), with the submission already
    /// read (outside the transaction: the writer of a commit group only checks and writes).
    Voter(
        sailau_domain::primaries::online::Voter,
        Option<Box<crate::primaries::online::PreparedBallot>>,
    ),
}

impl Beside {
    /// Prepares what an issued command carries, before its transaction opens.
    fn seal(private: Private) -> Result<Beside, AppError> {
        Ok(match private {
            Private::None => Beside::Nothing,
            Private::Password(p) => Beside::PasswordHash(crate::auth::hash_password(p.expose())?),
            Private::Member(r) => Beside::Member(r),
            Private::Blob(b) => Beside::Blob(b.0),
            Private::SignatureSheets(s) => Beside::SignatureSheets(s),
            Private::Voter(v) => {
                let prepared = v
                    .submission
                    .as_deref()
                    .map(crate::primaries::online::PreparedBallot::read)
                    .transpose()?
                    .map(Box::new);
                Beside::Voter(v, prepared)
            }
        })
    }
}

/// What a command's handler is given besides the transaction.
pub(crate) struct Ctx<'a> {
    /// When the command is applied, in milliseconds since the Unix epoch (UTC).
    pub at_ms: i64,
    /// Its private data; `None` when replaying the ledger (private data is never recorded).
    pub beside: Option<&'a Beside>,
    /// The rules it is held to: [`Edition::CURRENT`] live, the entry's own edition on replay.
    pub edition: Edition,
    /// Who issues it, as the ledger records it (i12-day: double entry needs two operators).
    pub actor: String,
    /// What the ballots of one commit group share (i14): `None` outside a group.
    pub memo: Option<&'a crate::primaries::online::BallotMemo>,
    /// What the election-day commands of one batch read alike (an import of protocols, a
    /// replay): `None` for a command on its own.
    pub day: Option<&'a crate::elections::day::DayMemo>,
}

impl Ctx<'_> {
    /// The password hash the command carries: `Ok(None)` on replay, an error if a live command
    /// came without one (impossible through [`Issued`]).
    pub fn password_hash(&self) -> Result<Option<&str>, AppError> {
        match self.beside {
            None => Ok(None),
            Some(Beside::PasswordHash(h)) => Ok(Some(h)),
            Some(_) => Err(AppError::MissingPrivate("a password")),
        }
    }

    /// The bytes the command carries: `Ok(None)` on replay, an error if a live command came
    /// without them (impossible through [`Issued`]).
    pub fn blob(&self) -> Result<Option<&[u8]>, AppError> {
        match self.beside {
            None => Ok(None),
            Some(Beside::Blob(b)) => Ok(Some(b)),
            Some(_) => Err(AppError::MissingPrivate("the file")),
        }
    }

    /// The signature sheets the command carries: `Ok(None)` on replay, an error if a live
    /// command came without them (impossible through [`Issued`]).
    pub fn signature_sheets(
        &self,
    ) -> Result<Option<&sailau_domain::elections::signatures::SignatureSheets>, AppError> {
        match self.beside {
            None => Ok(None),
            Some(Beside::SignatureSheets(s)) => Ok(Some(s)),
            Some(_) => Err(AppError::MissingPrivate("the signature sheets")),
        }
    }
    /// The member record the command carries: `Ok(None)` on replay (the ledger never holds
    /// it), an error if a live command came without one (impossible through [`Issued`]).
    pub fn member_record(
        &self,
    ) -> Result<Option<&sailau_domain::party::member::MemberRecord>, AppError> {
        match self.beside {
            None => Ok(None),
            Some(Beside::Member(r)) => Ok(Some(r)),
            Some(_) => Err(AppError::MissingPrivate("a member record")),
        }
    }

    /// The voter the command carries: `Ok(None)` on replay, an error if a live command came
    /// without one (impossible through [`Issued`]).
    pub fn voter(&self) -> Result<Option<&sailau_domain::primaries::online::Voter>, AppError> {
        match self.beside {
            None => Ok(None),
            Some(Beside::Voter(v, _)) => Ok(Some(v)),
            Some(_) => Err(AppError::MissingPrivate("the voter")),
        }
    }

    /// The submission the voter carries, read: `None` on replay and for a paper ballot.
    pub fn prepared_ballot(&self) -> Option<&crate::primaries::online::PreparedBallot> {
        match self.beside {
            Some(Beside::Voter(_, Some(p))) => Some(p),
            _ => None,
        }
    }

    /// Whether the command is replayed from the ledger (no private data, facts that come only
    /// from private data cannot be checked again).
    pub fn replaying(&self) -> bool {
        self.beside.is_none()
    }
}

/// How the app runs one command of a context. Implemented once per command, in its context's
/// module; the pipeline calls it through the generated dispatch.
pub(crate) trait Handler {
    /// What the command touches, for authorization (looked up inside the transaction).
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError>;
    /// [`Handler::target`] inside a batch, where it may use what the batch's commands read
    /// alike (`ctx.day`); the commands whose target reads such facts override it.
    async fn target_in(&self, tx: &mut Tx, _ctx: &Ctx<'_>) -> Result<Target, AppError> {
        self.target(tx).await
    }
    /// Looks up the facts the domain's rules need, validates, and writes the change together
    /// with its private data. Called after authorization; must write nothing when it refuses.
    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError>;
}

macro_rules! dispatch {
    ($($variant:ident($ty:path) = $name:literal,)*) => {
        /// What `command` touches, by its context's [`Handler`].
        pub(crate) async fn target_of(tx: &mut Tx, command: &Command) -> Result<Target, AppError> {
            match command {
                $(Command::$variant(c) => Handler::target(c, tx).await,)*
            }
        }

        /// What `command` touches inside a batch ([`Handler::target_in`]).
        async fn target_in_of(
            tx: &mut Tx,
            command: &Command,
            ctx: &Ctx<'_>,
        ) -> Result<Target, AppError> {
            match command {
                $(Command::$variant(c) => Handler::target_in(c, tx, ctx).await,)*
            }
        }

        /// Validates and writes `command`, by its context's [`Handler`].
        async fn apply_command(tx: &mut Tx, command: &Command, ctx: &Ctx<'_>) -> Result<(), AppError> {
            match command {
                $(Command::$variant(c) => Handler::apply(c, tx, ctx).await,)*
            }
        }
    };
}

sailau_domain::for_each_command!(dispatch);

/// One command of a transaction, with its private data prepared.
struct Step {
    command: Command,
    beside: Beside,
}

impl App {
    /// Executes one command in its own transaction. A context's command converts into
    /// [`Issued`] when it carries no private data; otherwise build it with [`Issued::new`].
    pub async fn execute(
        &self,
        acting: &Acting,
        command: impl Into<Issued>,
    ) -> Result<Applied, AppError> {
        let mut applied = self.execute_batch(acting, vec![command.into()]).await?;
        applied
            .pop()
            .ok_or_else(|| AppError::Ledger("empty batch".into()))
    }

    /// Executes commands in order in ONE transaction: all are applied, or none
    /// ([`AppError::Batch`] names the first that failed).
    pub async fn execute_batch(
        &self,
        acting: &Acting,
        commands: Vec<Issued>,
    ) -> Result<Vec<Applied>, AppError> {
        self.run_with(acting, commands, false, false, &|_, _| {})
            .await
    }

    /// Runs one command through the whole pipeline — authorization, the domain's rules, the
    /// writes — and rolls it back: `Ok(())` when it would be accepted, its refusal otherwise.
    /// Forms use it to show the domain's refusals of the fields that parsed beside those of the
    /// fields that did not, with stand-ins for the latter (nothing is ever written).
    ///
    /// # Errors
    /// What [`App::execute`] would answer.
    pub async fn check(&self, acting: &Acting, command: impl Into<Issued>) -> Result<(), AppError> {
        self.run_with(acting, vec![command.into()], false, true, &|_, _| {})
            .await
            .map(|_| ())
    }

    /// Imports: executes every command in one transaction like [`App::execute_batch`], but checks
    /// all of them before giving up, so that every bad row is reported at once
    /// ([`AppError::Rows`]); nothing is written unless every command is accepted.
    pub async fn execute_all_or_nothing(
        &self,
        acting: &Acting,
        commands: Vec<Issued>,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<Vec<Applied>, AppError> {
        self.run_with(acting, commands, true, false, progress).await
    }

    async fn run_with(
        &self,
        acting: &Acting,
        commands: Vec<Issued>,
        collect: bool,
        dry: bool,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<Vec<Applied>, AppError> {
        // Private data is prepared (passwords hashed) before the transaction takes the lock.
        let single = commands.len() == 1 && !collect;
        let mut steps = Vec::with_capacity(commands.len());
        for issued in commands {
            let (command, private) = issued.into_parts();
            steps.push(Step {
                command,
                beside: Beside::seal(private)?,
            });
        }
        let at_ms = self.clock.now_ms();
        let mut tx = self.store.begin().await?;
        let total = steps.len() as u64;
        let mut applied = Vec::with_capacity(steps.len());
        let mut refused = Vec::new();
        // What the batch's rows read alike (an import's election, contests, territories, the
        // acting account), kept until a command that could change it is applied.
        let day = crate::elections::day::DayMemo::default();
        let mut acting_now: Option<Acting> = None;
        for (position, step) in steps.into_iter().enumerate() {
            // The ledger records the normalized text (issue 6).
            let step = Step {
                command: sailau_domain::text::normalize_command(step.command),
                ..step
            };
            let wrap = |e: AppError| {
                if single {
                    e
                } else {
                    AppError::Batch {
                        position,
                        error: Box::new(e),
                    }
                }
            };
            let ctx = Ctx {
                at_ms,
                beside: Some(&step.beside),
                edition: Edition::CURRENT,
                actor: acting.actor().to_string(),
                memo: None,
                day: Some(&day),
            };
            let current = match acting_now.take() {
                Some(a) => Ok(a),
                None => refresh_acting(&mut tx, acting).await,
            };
            let outcome = match current {
                Ok(a) => {
                    let outcome = apply(&mut tx, &a, &step.command, &ctx).await;
                    acting_now = Some(a);
                    outcome
                }
                Err(e) => Err(e),
            };
            if let Err(e) = outcome {
                // Rules and permissions are checked before anything is written, so the
                // transaction is still clean and the next rows can be checked too.
                if collect && e.is_client_error() {
                    refused.push((position, e));
                    continue;
                }
                return Err(wrap(e));
            }
            let kind = step.command.kind();
            if !day.keeps_after(kind) {
                day.clear();
            }
            // The acting account changes only by an account command of the batch itself: the
            // transaction holds the ledger lock, so no other server changes it meanwhile.
            if matches!(
                kind,
                CommandKind::CreateAccount
                    | CommandKind::ChangeAccountRole
                    | CommandKind::SetAccountActive
            ) {
                acting_now = None;
            }
            applied.push(append_entry(&mut tx, acting, step.command, at_ms).await?);
            if position.is_multiple_of(64) {
                progress(position as u64, total);
            }
        }
        if !refused.is_empty() {
            tx.rollback().await?;
            return Err(AppError::Rows(refused));
        }
        if dry {
            tx.rollback().await?;
            return Ok(applied);
        }
        self.commit_signed(tx, at_ms).await?;
        progress(total, total);
        Ok(applied)
    }

    /// Signs the new tree head and commits the transaction with it.
    pub(crate) async fn commit_signed(&self, tx: Tx, at_ms: i64) -> Result<(), AppError> {
        let head = TreeHead {
            size: tx.ledger_size(),
            root: tx.ledger_root(),
            timestamp_ms: u64::try_from(at_ms).unwrap_or(0),
        };
        let signed = self.key.sign(&head);
        let json = serde_json::to_string(&signed).map_err(|e| AppError::Ledger(e.to_string()))?;
        tx.commit(&json).await?;
        self.ledger_grew(head.size); // i12-results: live pages
        Ok(())
    }
}

/// Appends an applied command's ledger entry to the transaction.
pub(crate) async fn append_entry(
    tx: &mut Tx,
    acting: &Acting,
    command: Command,
    at_ms: i64,
) -> Result<Applied, AppError> {
    let entry = LedgerEntry {
        v: sailau_domain::command::ENTRY_VERSION,
        index: tx.ledger_size(),
        at_ms,
        actor: acting.actor(),
        command,
    };
    let bytes = entry
        .encode()
        .map_err(|e| AppError::Ledger(e.to_string()))?;
    let (index, root) = tx
        .append_ledger(&bytes, at_ms, entry.command.kind().as_str())
        .await?;
    Ok(Applied { index, root })
}

/// Re-reads the acting account inside the transaction, so that a deactivated account or a
/// changed role takes effect at once, on every server instance.
pub(crate) async fn refresh_acting(tx: &mut Tx, acting: &Acting) -> Result<Acting, AppError> {
    match acting {
        Acting::Operator => Ok(Acting::Operator),
        Acting::Voter => Ok(Acting::Voter),
        Acting::Account(p) => match tx.account(&p.username).await? {
            Some(a) if a.active => Ok(Acting::Account(Principal {
                username: a.username,
                role: a.role,
                scope: a.scope,
            })),
            _ => Err(AppError::Forbidden(sailau_domain::Denied::Anonymous)),
        },
    }
}

/// Finds what the command touches, authorizes it by its policy, then lets its context validate
/// and write it. Shared by live execution and ledger replay, so both give the same state.
pub(crate) async fn apply(
    tx: &mut Tx,
    acting: &Acting,
    command: &Command,
    ctx: &Ctx<'_>,
) -> Result<(), AppError> {
    if *acting == Acting::Voter && !matches!(command, sailau_domain::Command::SubmitBallot(_)) {
        return Err(AppError::Forbidden(sailau_domain::Denied::Anonymous));
    }
    if let Acting::Account(p) = acting {
        let target = target_in_of(tx, command, ctx).await?;
        if let Err(denied) = authorize(Some(p), command.kind(), &target) {
            // What does not exist is in nobody's scope: say what is missing instead.
            return Err(match (&denied, target.missing) {
                (sailau_domain::Denied::OutOfScope { .. }, Some(m)) => {
                    sailau_domain::ValidationErrors::one(&m.field, m.rule).into()
                }
                _ => denied.into(),
            });
        }
    }
    apply_command(tx, command, ctx).await
}

//! Executing commands: authorize, validate, apply, append to the ledger, sign, commit.

use jiff::civil::Date;
use sailau_domain::account::{ScopeFacts, keep_an_administrator, validate_role_scope};
use sailau_domain::precinct::validate_update;
use sailau_domain::{
    Actor, Command, LedgerEntry, Principal, Rule, Scope, Target, ValidationErrors, authorize,
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
}

impl Acting {
    pub fn actor(&self) -> Actor {
        match self {
            Acting::Operator => Actor::Operator,
            Acting::Account(p) => Actor::Account {
                username: p.username.clone(),
            },
        }
    }
}

/// What an accepted command became: its ledger position and the tree root after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub index: u64,
    pub root: Hash,
}

/// One command of a transaction, with the password hash to store beside it, if any.
pub(crate) struct Step {
    pub command: Command,
    pub password_hash: Option<String>,
}

fn password_owner(command: &Command) -> Option<&sailau_domain::Username> {
    match command {
        Command::CreateAccount { account } => Some(&account.username),
        Command::ChangePassword { username } => Some(username),
        _ => None,
    }
}

/// The UTC calendar date of a timestamp (what "today" means to the rules).
pub(crate) fn date_of(at_ms: i64) -> Date {
    jiff::Timestamp::from_millisecond(at_ms)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
        .unwrap_or(Date::constant(1970, 1, 1))
}

impl App {
    /// Executes one command in its own transaction.
    pub async fn execute(&self, acting: &Acting, command: Command) -> Result<Applied, AppError> {
        let mut applied = self.execute_batch(acting, vec![command]).await?;
        applied
            .pop()
            .ok_or_else(|| AppError::Ledger("empty batch".into()))
    }

    /// Executes commands in order in ONE transaction: all are applied, or none
    /// ([`AppError::Batch`] names the first that failed).
    pub async fn execute_batch(
        &self,
        acting: &Acting,
        commands: Vec<Command>,
    ) -> Result<Vec<Applied>, AppError> {
        self.run(
            acting,
            commands
                .into_iter()
                .map(|command| Step {
                    command,
                    password_hash: None,
                })
                .collect(),
        )
        .await
    }

    /// Runs steps in one transaction. A step's password hash (for `CreateAccount` and
    /// `ChangePassword`) is stored with it, outside the ledger.
    pub(crate) async fn run(
        &self,
        acting: &Acting,
        steps: Vec<Step>,
    ) -> Result<Vec<Applied>, AppError> {
        self.run_with(acting, steps, false, &|_, _| {}).await
    }

    /// Imports: executes every command in one transaction like [`App::execute_batch`], but checks
    /// all of them before giving up, so that every bad row is reported at once
    /// ([`AppError::Rows`]); nothing is written unless every command is accepted.
    pub async fn execute_all_or_nothing(
        &self,
        acting: &Acting,
        commands: Vec<Command>,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<Vec<Applied>, AppError> {
        let steps = commands
            .into_iter()
            .map(|command| Step {
                command,
                password_hash: None,
            })
            .collect();
        self.run_with(acting, steps, true, progress).await
    }

    async fn run_with(
        &self,
        acting: &Acting,
        steps: Vec<Step>,
        collect: bool,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<Vec<Applied>, AppError> {
        let at_ms = self.clock.now_ms();
        let mut tx = self.store.begin().await?;
        let single = steps.len() == 1 && !collect;
        let total = steps.len() as u64;
        let mut applied = Vec::with_capacity(steps.len());
        let mut refused = Vec::new();
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
            let outcome = match refresh_acting(&mut tx, acting).await {
                Ok(acting_now) => apply(&mut tx, &acting_now, &step.command, at_ms).await,
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
            if let (Some(hash), Some(username)) =
                (&step.password_hash, password_owner(&step.command))
            {
                tx.set_password_hash(username, hash, at_ms).await?;
            }
            let entry = LedgerEntry {
                v: sailau_domain::command::ENTRY_VERSION,
                index: tx.ledger_size(),
                at_ms,
                actor: acting.actor(),
                command: step.command,
            };
            let bytes = entry
                .encode()
                .map_err(|e| AppError::Ledger(e.to_string()))?;
            let (index, root) = tx
                .append_ledger(&bytes, at_ms, entry.command.kind().as_str())
                .await?;
            applied.push(Applied { index, root });
            if position.is_multiple_of(64) {
                progress(position as u64, total);
            }
        }
        if !refused.is_empty() {
            tx.rollback().await?;
            return Err(AppError::Rows(refused));
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
        Ok(())
    }
}

/// Re-reads the acting account inside the transaction, so that a deactivated account or a
/// changed role takes effect at once, on every server instance.
pub(crate) async fn refresh_acting(tx: &mut Tx, acting: &Acting) -> Result<Acting, AppError> {
    match acting {
        Acting::Operator => Ok(Acting::Operator),
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

/// Looks up what the command touches, authorizes, validates against the facts and writes the
/// change. Shared by live execution and ledger replay, so both give the same state.
pub(crate) async fn apply(
    tx: &mut Tx,
    acting: &Acting,
    command: &Command,
    at_ms: i64,
) -> Result<(), AppError> {
    if let Acting::Account(p) = acting {
        let target = target_of(tx, command).await?;
        authorize(Some(p), command.kind(), &target)?;
    }
    match command {
        Command::CreateTerritory { territory } => {
            let taken = tx.territory(&territory.code).await?.is_some();
            let parent = match &territory.parent_code {
                Some(p) => tx.territory(p).await?,
                None => None,
            };
            let t = territory.validate_new(taken, parent.as_ref())?;
            let (region, depth) = match &t.parent_code {
                None => (t.code.clone(), 0),
                Some(p) => match tx.territory_region(p).await? {
                    Some((region, depth)) => (region, depth + 1),
                    None => {
                        return Err(
                            ValidationErrors::one("parent_code", Rule::ParentMissing).into()
                        );
                    }
                },
            };
            tx.insert_territory(&t, &region, depth).await?;
        }
        Command::RenameTerritory { code, names } => {
            if tx.territory(code).await?.is_none() {
                return Err(ValidationErrors::one("code", Rule::TerritoryMissing).into());
            }
            let names = names.validated()?;
            tx.rename_territory(code, &names).await?;
        }
        Command::CreatePrecinct { precinct } => {
            let territory = tx.territory(&precinct.territory_code).await?;
            let region = tx
                .territory_region(&precinct.territory_code)
                .await?
                .map(|(r, _)| r);
            let taken = match &region {
                Some(r) => tx
                    .precinct(&sailau_domain::PrecinctRef {
                        region_code: r.clone(),
                        number: precinct.number,
                    })
                    .await?
                    .is_some(),
                None => false,
            };
            let p = precinct.validate(territory.as_ref(), region.as_ref(), taken)?;
            tx.insert_precinct(&p).await?;
        }
        Command::UpdatePrecinct {
            precinct,
            address,
            voters,
        } => {
            let existing = tx.precinct(precinct).await?;
            let p = validate_update(existing.as_ref(), address, *voters)?;
            tx.update_precinct(&p).await?;
        }
        Command::CreateParty { party } => {
            let taken = tx.party(&party.code).await?.is_some();
            let p = party.validate_with(taken, &tx.parties().await?)?;
            tx.insert_party(&p).await?;
        }
        Command::UpdateParty { party } => {
            if tx.party(&party.code).await?.is_none() {
                return Err(ValidationErrors::one("code", Rule::PartyMissing).into());
            }
            let p = party.validate_with(false, &tx.parties().await?)?;
            tx.update_party(&p).await?;
        }
        Command::CreateBranch { branch } => {
            let party_exists = tx.party(&branch.party_code).await?.is_some();
            let territory = tx.territory(&branch.territory_code).await?;
            let taken = tx.branch_exists(branch).await?;
            let b = branch.validate(party_exists, territory.as_ref(), taken)?;
            tx.insert_branch(&b).await?;
        }
        Command::RegisterPerson { person } => {
            let taken = tx.person(&person.id).await?.is_some();
            let p = person.validate(taken, date_of(at_ms))?;
            tx.insert_person(&p).await?;
        }
        Command::CreateAccount { account } => {
            let taken = tx.account(&account.username).await?.is_some();
            let facts = scope_facts(tx, &account.scope).await?;
            let a = account.validate_new(taken, facts)?;
            tx.insert_account(&a).await?;
        }
        Command::ChangeAccountRole {
            username,
            role,
            scope,
        } => {
            let Some(before) = tx.account(username).await? else {
                return Err(ValidationErrors::one("username", Rule::AccountMissing).into());
            };
            let others = tx.other_active_administrators(username).await?;
            keep_an_administrator(&before, *role, before.active, others)?;
            let facts = scope_facts(tx, scope).await?;
            validate_role_scope(*role, scope, facts)?;
            tx.update_account_role(username, *role, scope).await?;
        }
        Command::SetAccountActive { username, active } => {
            let Some(before) = tx.account(username).await? else {
                return Err(ValidationErrors::one("username", Rule::AccountMissing).into());
            };
            let others = tx.other_active_administrators(username).await?;
            keep_an_administrator(&before, before.role, *active, others)?;
            tx.set_account_active(username, *active).await?;
        }
        Command::ChangePassword { username } => {
            if tx.account(username).await?.is_none() {
                return Err(ValidationErrors::one("username", Rule::AccountMissing).into());
            }
            // The hash itself is written by the caller in the same transaction.
        }
    }
    Ok(())
}

/// What a command touches, for authorization.
async fn target_of(tx: &mut Tx, command: &Command) -> Result<Target, AppError> {
    let mut t = Target::default();
    match command {
        Command::CreateTerritory { territory } => {
            if let Some(p) = &territory.parent_code {
                t.territory_path = tx.territory_path(p).await?;
            }
            t.territory_path.push(territory.code.clone());
        }
        Command::RenameTerritory { code, .. } => t.territory_path = tx.territory_path(code).await?,
        Command::CreatePrecinct { precinct } => {
            t.territory_path = tx.territory_path(&precinct.territory_code).await?;
            if let Some(region) = t.territory_path.first() {
                t.precinct = Some(sailau_domain::PrecinctRef {
                    region_code: region.clone(),
                    number: precinct.number,
                });
            }
        }
        Command::UpdatePrecinct { precinct, .. } => {
            if let Some(p) = tx.precinct(precinct).await? {
                t.territory_path = tx.territory_path(&p.territory_code).await?;
            }
            t.precinct = Some(precinct.clone());
        }
        Command::CreateParty { party } | Command::UpdateParty { party } => {
            t.party = Some(party.code.clone())
        }
        Command::CreateBranch { branch } => {
            t.party = Some(branch.party_code.clone());
            t.territory_path = tx.territory_path(&branch.territory_code).await?;
        }
        Command::RegisterPerson { .. } => {}
        Command::CreateAccount { account } => t.account = Some(account.username.clone()),
        Command::ChangeAccountRole { username, .. }
        | Command::SetAccountActive { username, .. }
        | Command::ChangePassword { username } => t.account = Some(username.clone()),
    }
    Ok(t)
}

/// Whether everything a scope names exists.
async fn scope_facts(tx: &mut Tx, scope: &Scope) -> Result<ScopeFacts, AppError> {
    let all_exist = match scope {
        Scope::Global => true,
        Scope::Territory { territory } => tx.territory(territory).await?.is_some(),
        Scope::Precincts { precincts } => {
            let mut ok = true;
            for p in precincts {
                ok &= tx.precinct(p).await?.is_some();
            }
            ok
        }
        Scope::Party { party, territory } => {
            tx.party(party).await?.is_some()
                && match territory {
                    Some(t) => tx.territory(t).await?.is_some(),
                    None => true,
                }
        }
    };
    Ok(ScopeFacts { all_exist })
}

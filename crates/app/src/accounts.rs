//! The accounts context in the app: how each account command finds its target and facts, and
//! what it writes, including the password hash that travels beside `create_account` and
//! `change_password` (never into the ledger).

use sailau_domain::account::{Account, ScopeFacts, keep_an_administrator, validate_role_scope};
use sailau_domain::accounts::{ChangeAccountRole, ChangePassword, CreateAccount, SetAccountActive};
use sailau_domain::{Edition, Rule, Scope, Target, Username, ValidationErrors};
use sailau_storage::Tx;

use crate::AppError;
use crate::execute::{Ctx, Handler};

/// The target of a command on one account.
fn account_target(username: &Username) -> Target {
    Target {
        account: Some(username.clone()),
        ..Target::default()
    }
}

/// The account a command is about; refuses a command on an account that does not exist.
async fn require_account(tx: &mut Tx, username: &Username) -> Result<Account, AppError> {
    tx.account(username)
        .await?
        .ok_or_else(|| ValidationErrors::one("username", Rule::AccountMissing).into())
}

/// Refuses a change that would leave no active administrator (from [`Edition::V2`] on): the
/// account `before` would have `role_after` and be `active_after`.
async fn keep_one_administrator(
    tx: &mut Tx,
    ctx: &Ctx<'_>,
    before: &Account,
    role_after: sailau_domain::Role,
    active_after: bool,
) -> Result<(), AppError> {
    if ctx.edition >= Edition::V2 {
        let others = tx.other_active_administrators(&before.username).await?;
        keep_an_administrator(before, role_after, active_after, others)?;
    }
    Ok(())
}

/// Writes the password hash a command carries (nothing on replay).
async fn write_password(tx: &mut Tx, username: &Username, ctx: &Ctx<'_>) -> Result<(), AppError> {
    if let Some(hash) = ctx.password_hash()? {
        tx.set_password_hash(username, hash, ctx.at_ms).await?;
    }
    Ok(())
}

impl Handler for CreateAccount {
    async fn target(&self, _: &mut Tx) -> Result<Target, AppError> {
        Ok(account_target(&self.account.username))
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let taken = tx.account(&self.account.username).await?.is_some();
        let facts = scope_facts(tx, &self.account.scope).await?;
        let a = self.account.validate_new_in(taken, facts, ctx.edition)?;
        tx.insert_account(&a).await?;
        write_password(tx, &a.username, ctx).await
    }
}

impl Handler for ChangeAccountRole {
    async fn target(&self, _: &mut Tx) -> Result<Target, AppError> {
        Ok(account_target(&self.username))
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let before = require_account(tx, &self.username).await?;
        keep_one_administrator(tx, ctx, &before, self.role, before.active).await?;
        let facts = scope_facts(tx, &self.scope).await?;
        validate_role_scope(self.role, &self.scope, facts)?;
        tx.update_account_role(&self.username, self.role, &self.scope)
            .await?;
        Ok(())
    }
}

impl Handler for SetAccountActive {
    async fn target(&self, _: &mut Tx) -> Result<Target, AppError> {
        Ok(account_target(&self.username))
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let before = require_account(tx, &self.username).await?;
        keep_one_administrator(tx, ctx, &before, before.role, self.active).await?;
        tx.set_account_active(&self.username, self.active).await?;
        Ok(())
    }
}

impl Handler for ChangePassword {
    async fn target(&self, _: &mut Tx) -> Result<Target, AppError> {
        Ok(account_target(&self.username))
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        require_account(tx, &self.username).await?;
        write_password(tx, &self.username, ctx).await
    }
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
        Scope::Person { person } => tx.person(person).await?.is_some(),
        // i13-pipeline
        Scope::Conference { conference } => tx.conference(conference).await?.is_some(),
        Scope::Member { member } => tx.member_facts(member).await?.is_some(),
    };
    Ok(ScopeFacts { all_exist })
}

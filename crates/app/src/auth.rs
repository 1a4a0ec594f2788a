//! Accounts with passwords, sign-in with throttling, and sessions shared by every server instance.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use rand::RngExt;
use sailau_domain::accounts::{ChangePassword, CreateAccount, Password};
use sailau_domain::{Account, Issued, Principal, Username};
use sailau_storage::LoginThrottle;
use sha2::{Digest, Sha256};

use crate::{Acting, App, AppError, Applied};

/// Sessions last this long.
pub const SESSION_TTL_MS: i64 = 12 * 60 * 60 * 1000;

/// A session just created: the token goes into a cookie, the CSRF token into forms.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub expires_at_ms: i64,
}

/// A live session.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub principal: Principal,
    pub csrf_token: String,
}

fn random_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    hex::encode(bytes)
}

/// Sessions are stored by the SHA-256 of their token: a copy of the database holds no usable token.
fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub(crate) fn hash_password(password: &str) -> Result<String, AppError> {
    let salt: [u8; 16] = rand::rng().random();
    Argon2::default()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Hashing(e.to_string()))
}

fn password_matches(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(hash) => Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash to compare against when the account does not exist, so that unknown and known
/// usernames take the same time to refuse.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("sailau-no-such-account").unwrap_or_default())
}

impl App {
    /// Creates an account with its password in one transaction (the password never enters the ledger).
    pub async fn create_account(
        &self,
        acting: &Acting,
        account: Account,
        password: &str,
    ) -> Result<Applied, AppError> {
        let password = Password::new("password", password)?;
        self.execute(acting, Issued::new(CreateAccount { account }, password))
            .await
    }

    /// Creates several accounts with their passwords in one transaction.
    pub async fn create_accounts(
        &self,
        acting: &Acting,
        accounts: Vec<(Account, String)>,
    ) -> Result<Vec<Applied>, AppError> {
        let mut issued = Vec::with_capacity(accounts.len());
        for (account, password) in accounts {
            let password = Password::new("password", &password)?;
            issued.push(Issued::new(CreateAccount { account }, password));
        }
        self.execute_batch(acting, issued).await
    }

    /// Sets a new password (recorded in the ledger as a `change_password` without the secret) and
    /// ends the account's sessions.
    pub async fn change_password(
        &self,
        acting: &Acting,
        username: Username,
        password: &str,
    ) -> Result<Applied, AppError> {
        let password = Password::new("password", password)?;
        self.execute(acting, Issued::new(ChangePassword { username }, password))
            .await
    }

    /// An account changes its own password: the current one must be given and right.
    /// Both passwords are checked before anything is written, and every problem is reported.
    pub async fn change_own_password(
        &self,
        principal: &Principal,
        current: &str,
        new: &str,
    ) -> Result<Applied, AppError> {
        let mut errors = sailau_domain::ValidationErrors::new();
        let stored = self.store.password_hash(&principal.username).await?;
        if !password_matches(current, stored.as_deref().unwrap_or(dummy_hash())) || stored.is_none()
        {
            errors.push("current_password", sailau_domain::Rule::PasswordWrong);
        }
        let new = errors.absorb(Password::new("password", new));
        errors.into_result()?;
        let Some(new) = new else {
            return Err(sailau_domain::ValidationErrors::one(
                "password",
                sailau_domain::Rule::FieldRequired,
            )
            .into());
        };
        let command = ChangePassword {
            username: principal.username.clone(),
        };
        self.execute(
            &Acting::Account(principal.clone()),
            Issued::new(command, new),
        )
        .await
    }

    /// Checks a username and password and opens a session. `client` (an IP address) is
    /// throttled as well as the username.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        client: &str,
    ) -> Result<NewSession, AppError> {
        let now = self.clock.now_ms();
        let policy = LoginThrottle::default();
        let user_key = format!("user:{}", username.trim());
        let client_key = format!("ip:{client}");
        let store = &self.store;
        if !store.login_allowed(&user_key, now, policy).await?
            || !store.login_allowed(&client_key, now, policy).await?
        {
            return Err(AppError::Throttled);
        }
        let account = match Username::parse(username) {
            Ok(u) => store.account(&u).await?,
            Err(_) => None,
        };
        let stored = match &account {
            Some(a) => store.password_hash(&a.username).await?,
            None => None,
        };
        let matches = password_matches(password, stored.as_deref().unwrap_or(dummy_hash()));
        let account = match account {
            Some(a) if matches && stored.is_some() && a.active => a,
            _ => {
                store.record_login_failure(&user_key, now, policy).await?;
                store.record_login_failure(&client_key, now, policy).await?;
                return Err(AppError::BadCredentials);
            }
        };
        store.clear_login_failures(&user_key).await?;
        let token = random_token();
        let csrf_token = random_token();
        let expires_at_ms = now + SESSION_TTL_MS;
        store
            .create_session(
                &token_hash(&token),
                &account.username,
                &csrf_token,
                now,
                expires_at_ms,
            )
            .await?;
        Ok(NewSession {
            token,
            csrf_token,
            expires_at_ms,
        })
    }

    /// The live session for a token, with the account's current role and scope.
    pub async fn session(&self, token: &str) -> Result<Option<SessionInfo>, AppError> {
        let now = self.clock.now_ms();
        let Some(row) = self.store.session(&token_hash(token), now).await? else {
            return Ok(None);
        };
        match self.store.account(&row.username).await? {
            Some(a) if a.active => Ok(Some(SessionInfo {
                principal: Principal {
                    username: a.username,
                    role: a.role,
                    scope: a.scope,
                },
                csrf_token: row.csrf_token,
            })),
            _ => Ok(None),
        }
    }

    pub async fn logout(&self, token: &str) -> Result<(), AppError> {
        self.store.delete_session(&token_hash(token)).await?;
        Ok(())
    }

    /// A fresh random password for generated accounts (demo, `user add` without one).
    pub fn generate_password() -> String {
        const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        let mut rng = rand::rng();
        (0..16)
            .map(|_| {
                let i = rng.random_range(0..ALPHABET.len());
                ALPHABET.get(i).copied().map(char::from).unwrap_or('x')
            })
            .collect()
    }
}

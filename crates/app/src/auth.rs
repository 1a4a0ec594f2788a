//! Accounts with passwords, sign-in with throttling, and sessions shared by every server instance.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use rand::RngExt;
use sailau_domain::account::MAX_PASSWORD;
use sailau_domain::accounts::{ChangePassword, CreateAccount, Password};
use sailau_domain::{Account, Issued, Principal, Username};
use sailau_storage::{Admission, Exempt, SessionRow, ThrottleKey, ThrottleRule};
use sha2::{Digest, Sha256};

use crate::{Acting, App, AppError, Applied};

/// The most sessions one round of [`App::session`]'s shared reads takes.
const SESSIONS_MAX: usize = 256;

/// Sessions waiting to be read, and the lock of the task reading them (`App::session`): under
/// load, one query answers every request that arrived while the previous one ran, instead of
/// a query each (issue 14, measure 1: the session's query was a quarter of the time of the
/// server's statements per ballot). A lone request is read at once, as before.
#[derive(Default)]
pub(crate) struct SessionReads {
    /// Each request's token hash and where its answer goes: the stored session (`None`: no
    /// such session), or `None` when the shared read failed and the request reads alone.
    #[allow(clippy::type_complexity)]
    waiting: std::sync::Mutex<
        Vec<(
            String,
            tokio::sync::oneshot::Sender<Option<Option<SessionRow>>>,
        )>,
    >,
    reader: tokio::sync::Mutex<()>,
}

/// Sessions last this long.
pub const SESSION_TTL_MS: i64 = 12 * 60 * 60 * 1000;

/// A session just created: the token goes into a cookie, the CSRF token into forms.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The session token (32 random bytes as hex); stored only as its SHA-256.
    pub token: String,
    /// The session's CSRF token (hex), for forms and the `X-CSRF-Token` header.
    pub csrf_token: String,
    /// When the session ends (milliseconds since the Unix epoch): `SESSION_TTL_MS` after sign-in.
    pub expires_at_ms: i64,
    /// A new device token for this browser (the device cookie), when it did not present a valid
    /// one for this account; it lets this device past the per-account and per-address limits
    /// later. `None`: keep the cookie it has.
    pub device_token: Option<String>,
    /// Until when the device token is remembered (milliseconds since the Unix epoch).
    pub device_expires_at_ms: i64,
}

/// How sign-in attempts are throttled. The design and its reasons are in ARCHITECTURE.md
/// ("Sign-in throttling"); every number is a setting of `sailau serve`.
///
/// Each attempt is counted, atomically and before the password is checked, under three keys:
/// the account from this client (the client is the device when it carries a device cookie of the
/// account, else its address), the account from anywhere, and the client address over all
/// accounts. A refused attempt is not counted; a right password takes its count back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginPolicy {
    /// Attempts on one account from one client without waiting (default 5).
    pub client_free: i64,
    /// The wait after those, doubling with each further failure (default 1 s)…
    pub client_first_delay_ms: i64,
    /// …up to this (default 15 minutes).
    pub client_max_delay_ms: i64,
    /// A client's failures on an account are forgotten this long after its first (default 24 h)
    /// or at its next successful sign-in.
    pub client_window_ms: i64,
    /// Failures on one account from everywhere within `account_window_ms` (default 50 an hour)
    /// after which only devices that signed in to it before and clients that have not failed on it
    /// themselves are still checked, until the window has passed.
    pub account_limit: i64,
    /// The window of `account_limit`, in milliseconds (default one hour).
    pub account_window_ms: i64,
    /// Failures from one address over all accounts within `address_window_ms` (default 300 an
    /// hour: an office behind one NAT does not get there by typos) after which only devices that
    /// signed in before are checked from it.
    pub address_limit: i64,
    /// The window of `address_limit`, in milliseconds (default one hour).
    pub address_window_ms: i64,
    /// How long a device cookie is remembered (default 180 days).
    pub device_ttl_ms: i64,
}

const MINUTE_MS: i64 = 60 * 1000;
const HOUR_MS: i64 = 60 * MINUTE_MS;

impl Default for LoginPolicy {
    fn default() -> Self {
        LoginPolicy {
            client_free: 5,
            client_first_delay_ms: 1000,
            client_max_delay_ms: 15 * MINUTE_MS,
            client_window_ms: 24 * HOUR_MS,
            account_limit: 50,
            account_window_ms: HOUR_MS,
            address_limit: 300,
            address_window_ms: HOUR_MS,
            device_ttl_ms: 180 * 24 * HOUR_MS,
        }
    }
}

impl LoginPolicy {
    fn client_rule(&self) -> ThrottleRule {
        ThrottleRule {
            free: self.client_free,
            window_ms: self.client_window_ms,
            base_delay_ms: self.client_first_delay_ms,
            max_delay_ms: self.client_max_delay_ms,
        }
    }
    fn account_rule(&self) -> ThrottleRule {
        fixed(self.account_limit, self.account_window_ms)
    }
    fn address_rule(&self) -> ThrottleRule {
        fixed(self.address_limit, self.address_window_ms)
    }
    /// The longest window of any rule (throttling rows older than this are swept).
    pub fn longest_window_ms(&self) -> i64 {
        self.client_window_ms
            .max(self.account_window_ms)
            .max(self.address_window_ms)
    }
}

/// "`limit` per `window`": after the limit, refused for a window.
fn fixed(limit: i64, window_ms: i64) -> ThrottleRule {
    ThrottleRule {
        free: limit,
        window_ms,
        base_delay_ms: window_ms,
        max_delay_ms: window_ms,
    }
}

/// A client address as a throttling key: an IP address as such; anything else (a forwarded-for
/// header's free text) by its hash, so that keys stay short.
fn address_key(client: &str) -> String {
    match client.trim().parse::<std::net::IpAddr>() {
        Ok(ip) => format!("address:{ip}"),
        Err(_) => format!("address:#{}", &token_hash(client)[..32]),
    }
}

/// A live session.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    /// Who is signed in, with role and scope as of this request (refreshed from the database).
    pub principal: Principal,
    /// The session's CSRF token, which cookie-authenticated changes must carry.
    pub csrf_token: String,
}

fn random_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    hex::encode(bytes)
}

/// Whether a token from a client has the shape of ours (hex, as [`random_token`] makes them).
fn is_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

fn throttled(retry_after_ms: i64) -> AppError {
    AppError::Throttled {
        retry_after_secs: u64::try_from(retry_after_ms.div_euclid(1000) + 1).unwrap_or(1),
    }
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
        let (errors, new) = self.own_password_check(principal, current, new).await?;
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

    /// The rules a change of `principal`'s own password breaks, all at once, changing nothing:
    /// the current password is required (`FieldRequired`) and must be right (`PasswordWrong`),
    /// the new one follows the password rules. The pages call it when the confirmation differs
    /// too, so that every error of the form shows together.
    ///
    /// # Errors
    /// Storage faults only; broken rules are in the returned errors.
    pub async fn own_password_errors(
        &self,
        principal: &Principal,
        current: &str,
        new: &str,
    ) -> Result<sailau_domain::ValidationErrors, AppError> {
        Ok(self.own_password_check(principal, current, new).await?.0)
    }

    async fn own_password_check(
        &self,
        principal: &Principal,
        current: &str,
        new: &str,
    ) -> Result<(sailau_domain::ValidationErrors, Option<Password>), AppError> {
        let mut errors = sailau_domain::ValidationErrors::new();
        if current.is_empty() {
            errors.push("current_password", sailau_domain::Rule::FieldRequired);
        } else {
            let stored = self.store.password_hash(&principal.username).await?;
            if !password_matches(current, stored.as_deref().unwrap_or(dummy_hash()))
                || stored.is_none()
            {
                errors.push("current_password", sailau_domain::Rule::PasswordWrong);
            }
        }
        let new = errors.absorb(Password::new("password", new));
        Ok((errors, new))
    }

    /// Checks a username and password and opens a session. `client` (an IP address) is
    /// throttled as well as the account (see [`LoginPolicy`]).
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        client: &str,
    ) -> Result<NewSession, AppError> {
        self.login_from_device(username, password, client, None)
            .await
    }

    /// [`App::login`] from a browser that may carry a device token from an earlier successful
    /// sign-in (the device cookie).
    ///
    /// Errors: [`AppError::BadCredentials`] for an unknown or malformed username, a wrong
    /// password or a deactivated account (all alike, and all counted);
    /// [`AppError::Throttled`] when the attempt was not even checked.
    pub async fn login_from_device(
        &self,
        username: &str,
        password: &str,
        client: &str,
        device: Option<&str>,
    ) -> Result<NewSession, AppError> {
        let now = self.clock.now_ms();
        let policy = self.login_policy;
        let store = &self.store;
        let address = address_key(client);
        // The one username rule (length, characters) before anything else touches storage: a
        // name that cannot exist is refused like a wrong password and counted against the address.
        let username = match Username::parse(username) {
            Ok(u) if password.chars().count() <= MAX_PASSWORD => u,
            _ => {
                let keys = [ThrottleKey {
                    key: &address,
                    rule: policy.address_rule(),
                    exempt: Exempt::No,
                }];
                return match store.admit_login(&keys, now).await? {
                    Admission::Admitted => Err(AppError::BadCredentials),
                    Admission::Refused { retry_after_ms, .. } => Err(throttled(retry_after_ms)),
                };
            }
        };
        let device_hash = device.filter(|d| is_token(d)).map(token_hash);
        let trusted = match &device_hash {
            Some(h) => store.device_known(h, &username, now).await?,
            None => false,
        };
        let pair = match (&device_hash, trusted) {
            (Some(h), true) => format!("pair:{username}|device:{}", &h[..32]),
            _ => format!("pair:{username}|{address}"),
        };
        let account_key = format!("account:{username}");
        let keys = [
            ThrottleKey {
                key: &pair,
                rule: policy.client_rule(),
                exempt: Exempt::No,
            },
            ThrottleKey {
                key: &account_key,
                rule: policy.account_rule(),
                exempt: if trusted {
                    Exempt::Yes
                } else {
                    Exempt::IfPreviousFresh
                },
            },
            ThrottleKey {
                key: &address,
                rule: policy.address_rule(),
                exempt: if trusted { Exempt::Yes } else { Exempt::No },
            },
        ];
        if let Admission::Refused { retry_after_ms, .. } = store.admit_login(&keys, now).await? {
            return Err(throttled(retry_after_ms));
        }
        let account = store.account(&username).await?;
        let stored = match &account {
            Some(a) => store.password_hash(&a.username).await?,
            None => None,
        };
        let matches = password_matches(password, stored.as_deref().unwrap_or(dummy_hash()));
        let account = match account {
            Some(a) if matches && stored.is_some() && a.active => a,
            _ => return Err(AppError::BadCredentials),
        };
        store.refund_login(&keys).await?;
        let (device_token, device_expires_at_ms) = if trusted {
            (None, now + policy.device_ttl_ms)
        } else {
            let token = random_token();
            let expires = now + policy.device_ttl_ms;
            store
                .remember_device(&token_hash(&token), &account.username, now, expires)
                .await?;
            (Some(token), expires)
        };
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
            device_token,
            device_expires_at_ms,
        })
    }

    /// Sweeps expired sessions, throttling rows and device tokens (any instance may).
    pub async fn purge_expired(&self) -> Result<u64, AppError> {
        let now = self.clock.now_ms();
        let sessions = self.store.purge_sessions(now).await?;
        let throttle = self
            .store
            .purge_login_throttle(now, self.login_policy.longest_window_ms())
            .await?;
        Ok(sessions + throttle)
    }

    /// The live session for a token, with the account's current role and scope, read afresh
    /// for every request (a deactivated account or a changed role counts at once, on every
    /// server instance). Requests that arrive together are read together: see
    /// [`SessionReads`].
    ///
    /// # Errors
    /// [`AppError::Storage`] when the database fails.
    pub async fn session(&self, token: &str) -> Result<Option<SessionInfo>, AppError> {
        let now = self.clock.now_ms();
        let hash = token_hash(token);
        let (reply, answer) = tokio::sync::oneshot::channel();
        crate::locked(&self.sessions.waiting).push((hash.clone(), reply));
        let app = self.clone();
        tokio::spawn(async move { app.read_sessions().await });
        let row = match answer.await {
            Ok(Some(row)) => row.filter(|r| r.expires_at_ms > now),
            // The shared read failed (or its task ended): this request's own read says why.
            _ => self.store.session(&hash, now).await?,
        };
        let Some(row) = row else {
            return Ok(None);
        };
        let a = row.account;
        Ok(a.active.then_some(SessionInfo {
            principal: Principal {
                username: a.username,
                role: a.role,
                scope: a.scope,
            },
            csrf_token: row.csrf_token,
        }))
    }

    /// Reads the sessions waiting, round after round while there are any: the task that holds
    /// the reader's lock takes every token waiting (at most [`SESSIONS_MAX`]) and reads them in
    /// one query; tokens that arrive meanwhile wait for the next round. A task of its own, so
    /// that a client that goes away does not leave the others of its round unanswered.
    async fn read_sessions(&self) {
        loop {
            // Another task holds the lock: it looks at the queue again after letting go.
            let Ok(reader) = self.sessions.reader.try_lock() else {
                return;
            };
            loop {
                let round = {
                    let mut waiting = crate::locked(&self.sessions.waiting);
                    let n = waiting.len().min(SESSIONS_MAX);
                    waiting.drain(..n).collect::<Vec<_>>()
                };
                if round.is_empty() {
                    break;
                }
                let mut hashes: Vec<String> = round.iter().map(|(h, _)| h.clone()).collect();
                hashes.sort_unstable();
                hashes.dedup();
                match self.store.sessions(&hashes).await {
                    Ok(rows) => {
                        let rows: std::collections::HashMap<String, SessionRow> =
                            rows.into_iter().collect();
                        for (hash, reply) in round {
                            let _ = reply.send(Some(rows.get(&hash).cloned()));
                        }
                    }
                    Err(_) => {
                        for (_, reply) in round {
                            let _ = reply.send(None);
                        }
                    }
                }
            }
            drop(reader);
            if crate::locked(&self.sessions.waiting).is_empty() {
                return;
            }
        }
    }

    /// Ends the session of `token` (nothing happens for an unknown token).
    ///
    /// # Errors
    /// [`AppError::Storage`] when the database fails.
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

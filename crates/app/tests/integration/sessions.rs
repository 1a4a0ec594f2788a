//! Sign-in, sessions and throttling.

use sailau_app::{Acting, AppError};
use sailau_domain::accounts::*;
use sailau_domain::*;

use crate::fixture::*;

#[tokio::test]
async fn login_opens_a_session_that_logout_and_password_changes_end() {
    for f in registries().await {
        account(
            &f,
            "tec1",
            Role::TerritorialCommission,
            home_scope(Role::TerritorialCommission),
        )
        .await;
        assert!(matches!(
            f.app.login("tec1", "wrong password!", "1.2.3.4").await,
            Err(AppError::BadCredentials)
        ));
        assert!(matches!(
            f.app
                .login("nobody", "correct horse battery", "1.2.3.4")
                .await,
            Err(AppError::BadCredentials)
        ));
        let s = f
            .app
            .login("tec1", "correct horse battery", "1.2.3.4")
            .await
            .unwrap();
        let info = f.app.session(&s.token).await.unwrap().unwrap();
        assert_eq!(
            (info.principal.role, info.csrf_token.len()),
            (Role::TerritorialCommission, 64)
        );
        f.app.logout(&s.token).await.unwrap();
        assert!(f.app.session(&s.token).await.unwrap().is_none());

        let s = f
            .app
            .login("tec1", "correct horse battery", "1.2.3.4")
            .await
            .unwrap();
        let me = Acting::Account(f.app.session(&s.token).await.unwrap().unwrap().principal);
        assert!(matches!(
            f.app.change_password(&me, user("tec1"), "short").await,
            Err(AppError::Invalid(_))
        ));
        f.app
            .change_password(&me, user("tec1"), "a new long password")
            .await
            .unwrap();
        assert!(
            f.app.session(&s.token).await.unwrap().is_none(),
            "a password change ends sessions"
        );
        f.app
            .login("tec1", "a new long password", "1.2.3.4")
            .await
            .unwrap();
        // The ledger records the change but never the secret.
        let head = f.app.signed_head().await.unwrap();
        let all = f.app.ledger_entries(0, head.head.size).await.unwrap();
        assert!(all.iter().any(|e| e.kind == "change_password"));
        assert!(all.iter().all(
            |e| !e.canonical.contains("a new long password") && !e.canonical.contains("argon2")
        ));
    }
}

fn throttled(r: &Result<sailau_app::NewSession, AppError>) -> bool {
    matches!(r, Err(AppError::Throttled { retry_after_secs }) if *retry_after_secs > 0)
}

fn advance(f: &Fixture, ms: i64) {
    f.clock.0.fetch_add(ms, std::sync::atomic::Ordering::SeqCst);
}

#[tokio::test]
async fn a_client_that_fails_is_slowed_down_but_strangers_cannot_lock_the_account() {
    let f = registry().await;
    account(&f, "obs1", Role::Observer, Scope::Global).await;
    for _ in 0..5 {
        assert!(matches!(
            f.app.login("obs1", "nope nope nope", "9.9.9.9").await,
            Err(AppError::BadCredentials)
        ));
    }
    // The failing client now waits, even with the right password…
    assert!(throttled(
        &f.app
            .login("obs1", "correct horse battery", "9.9.9.9")
            .await
    ));
    // …but the owner, from another client, signs in at once.
    f.app
        .login("obs1", "correct horse battery", "8.8.8.8")
        .await
        .unwrap();
    // The waits grow: 1 s, then 2 s.
    advance(&f, 1_000);
    assert!(matches!(
        f.app.login("obs1", "nope nope nope", "9.9.9.9").await,
        Err(AppError::BadCredentials)
    ));
    advance(&f, 1_500);
    assert!(throttled(
        &f.app.login("obs1", "nope nope nope", "9.9.9.9").await
    ));
    advance(&f, 500);
    // A success forgets the client's failures.
    f.app
        .login("obs1", "correct horse battery", "9.9.9.9")
        .await
        .unwrap();
    for _ in 0..4 {
        assert!(matches!(
            f.app.login("obs1", "nope nope nope", "9.9.9.9").await,
            Err(AppError::BadCredentials)
        ));
    }
}

#[tokio::test]
async fn parallel_wrong_passwords_are_checked_only_up_to_the_limit() {
    let f = registry().await;
    account(&f, "obs1", Role::Observer, Scope::Global).await;
    for n in [64, 256] {
        let mut tasks = Vec::new();
        for _ in 0..n {
            let app = f.app.clone();
            let client = format!("7.7.7.{}", n % 256);
            tasks.push(tokio::spawn(async move {
                app.login("obs1", "nope nope nope", &client).await
            }));
        }
        let (mut checked, mut refused) = (0, 0);
        for t in tasks {
            match t.await.unwrap() {
                Err(AppError::BadCredentials) => checked += 1,
                Err(AppError::Throttled { .. }) => refused += 1,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!((checked, refused), (5, n - 5), "{n} in parallel");
    }
}

#[tokio::test]
async fn a_malformed_username_is_refused_like_a_wrong_password_and_counted() {
    let f = registry().await;
    let policy = sailau_app::LoginPolicy {
        address_limit: 3,
        ..Default::default()
    };
    let app = f.app.clone().with_login_policy(policy);
    let long = "a".repeat(3_000);
    for name in ["a\u{0}b", long.as_str(), "Ab"] {
        assert!(matches!(
            app.login(name, "whatever password", "6.6.6.6").await,
            Err(AppError::BadCredentials)
        ));
    }
    assert!(throttled(
        &app.login("a\u{0}b", "whatever password", "6.6.6.6").await
    ));
}

#[tokio::test]
async fn under_a_distributed_attack_devices_known_to_the_account_still_sign_in() {
    let f = registry().await;
    account(&f, "cec1", Role::CecMember, Scope::Global).await;
    let policy = sailau_app::LoginPolicy {
        account_limit: 4,
        ..Default::default()
    };
    let app = f.app.clone().with_login_policy(policy);
    // The owner signs in once from their browser and keeps its device token.
    let first = app
        .login("cec1", "correct horse battery", "1.1.1.1")
        .await
        .unwrap();
    let device = first.device_token.unwrap();
    // Strangers from many addresses fail on the account beyond its limit.
    for i in 0..6 {
        let _ = app
            .login("cec1", "guess guess guess", &format!("10.0.0.{i}"))
            .await;
    }
    // A stranger that has failed is refused now…
    assert!(throttled(
        &app.login("cec1", "guess guess guess", "10.0.0.1").await
    ));
    // …while a client that has not failed itself is still checked…
    app.login("cec1", "correct horse battery", "2.2.2.2")
        .await
        .unwrap();
    // …and so is the owner's device, from an address that has failed.
    let again = app
        .login_from_device("cec1", "correct horse battery", "10.0.0.1", Some(&device))
        .await
        .unwrap();
    assert!(again.device_token.is_none(), "the device keeps its token");
    // A device token of another account does not count.
    account(&f, "cec2", Role::CecMember, Scope::Global).await;
    let other = app
        .login("cec2", "correct horse battery", "3.3.3.3")
        .await
        .unwrap();
    assert!(throttled(
        &app.login_from_device(
            "cec1",
            "correct horse battery",
            "10.0.0.1",
            other.device_token.as_deref()
        )
        .await
    ));
}

#[tokio::test]
async fn an_office_behind_one_address_is_not_locked_out_by_one_clerks_typos() {
    let f = registry().await;
    account(&f, "clerk", Role::Observer, Scope::Global).await;
    account(&f, "cec1", Role::CecMember, Scope::Global).await;
    for _ in 0..20 {
        let _ = f.app.login("clerk", "typo typo typo", "5.5.5.5").await;
        let _ = f.app.login("nobody", "typo typo typo", "5.5.5.5").await;
    }
    f.app
        .login("cec1", "correct horse battery", "5.5.5.5")
        .await
        .unwrap();
}

#[tokio::test]
async fn deactivated_accounts_cannot_sign_in_and_lose_their_sessions() {
    for f in registries().await {
        account(&f, "cand1", Role::Candidate, Scope::Global).await;
        let s = f
            .app
            .login("cand1", "correct horse battery", "1.1.1.1")
            .await
            .unwrap();
        f.app
            .execute(
                &Acting::Operator,
                SetAccountActive {
                    username: user("cand1"),
                    active: false,
                },
            )
            .await
            .unwrap();
        assert!(f.app.session(&s.token).await.unwrap().is_none());
        assert!(matches!(
            f.app
                .login("cand1", "correct horse battery", "1.1.1.1")
                .await,
            Err(AppError::BadCredentials)
        ));
    }
}

#[tokio::test]
async fn the_last_active_administrator_cannot_be_disabled_or_demoted() {
    let f = registry().await;
    let admin1 = Acting::Account(account(&f, "admin1", Role::Administrator, Scope::Global).await);
    let refused_on = |r: Result<sailau_app::Applied, AppError>, field: &str| match r {
        Err(AppError::Invalid(e)) => {
            assert_eq!(e.0.len(), 1);
            assert_eq!(
                (e.0[0].field.as_str(), &e.0[0].rule),
                (field, &Rule::LastAdministrator)
            );
        }
        other => panic!("{other:?}"),
    };
    let disable = |name: &str, active: bool| SetAccountActive {
        username: user(name),
        active,
    };
    let demote = |name: &str| ChangeAccountRole {
        username: user(name),
        role: Role::CecMember,
        scope: Scope::Global,
    };
    refused_on(
        f.app.execute(&admin1, disable("admin1", false)).await,
        "active",
    );
    refused_on(f.app.execute(&admin1, demote("admin1")).await, "role");
    // The operator is held to the rule too.
    refused_on(
        f.app
            .execute(&Acting::Operator, disable("admin1", false))
            .await,
        "active",
    );
    // With a second administrator, either may go.
    let admin2 = Acting::Account(account(&f, "admin2", Role::Administrator, Scope::Global).await);
    f.app
        .execute(&admin2, disable("admin1", false))
        .await
        .unwrap();
    refused_on(f.app.execute(&admin2, demote("admin2")).await, "role");
    f.app
        .execute(&admin2, disable("admin1", true))
        .await
        .unwrap();
    f.app.execute(&admin1, demote("admin2")).await.unwrap();
    // Replay applies the same rule and reproduces the registry.
    let report = sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.accounts, 2);
}

/// Requests that arrive together are read in shared queries: each is still answered with its
/// own account, an unknown token with no session, and a session past its end with none.
#[tokio::test]
async fn sessions_read_together_answer_each_request_with_its_own() {
    for f in registries().await {
        let mut tokens = Vec::new();
        for i in 0..40 {
            let name = format!("cand{i}");
            account(&f, &name, Role::Candidate, Scope::Global).await;
            let s = f
                .app
                .login(&name, "correct horse battery", "1.1.1.1")
                .await
                .unwrap();
            tokens.push((name, s.token));
        }
        tokens.push(("-".into(), "0".repeat(64)));
        let reads: Vec<_> = tokens
            .iter()
            .cycle()
            .take(200)
            .map(|(name, token)| {
                let app = f.app.clone();
                let (name, token) = (name.clone(), token.clone());
                tokio::spawn(async move {
                    let seen = app
                        .session(&token)
                        .await
                        .unwrap()
                        .map(|i| i.principal.username.to_string());
                    (name, seen)
                })
            })
            .collect();
        for read in reads {
            let (name, seen) = read.await.unwrap();
            let expected = (name != "-").then_some(name.clone());
            assert_eq!(seen, expected, "{}: {name}", f.backend);
        }
        // Twelve hours later, every session has ended.
        f.clock.0.fetch_add(
            sailau_app::SESSION_TTL_MS + 1,
            std::sync::atomic::Ordering::SeqCst,
        );
        assert!(
            f.app.session(&tokens[0].1).await.unwrap().is_none(),
            "{}",
            f.backend
        );
    }
}

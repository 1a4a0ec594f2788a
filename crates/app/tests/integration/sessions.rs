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

#[tokio::test]
async fn repeated_failures_throttle_the_username_and_the_client() {
    for f in registries().await {
        account(&f, "obs1", Role::Observer, Scope::Global).await;
        for _ in 0..5 {
            assert!(matches!(
                f.app.login("obs1", "nope nope nope", "9.9.9.9").await,
                Err(AppError::BadCredentials)
            ));
        }
        assert!(matches!(
            f.app
                .login("obs1", "correct horse battery", "8.8.8.8")
                .await,
            Err(AppError::Throttled)
        ));
        f.clock
            .0
            .fetch_add(16 * 60 * 1000, std::sync::atomic::Ordering::SeqCst);
        f.app
            .login("obs1", "correct horse battery", "8.8.8.8")
            .await
            .unwrap();
    }
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

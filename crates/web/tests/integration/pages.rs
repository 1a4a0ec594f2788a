//! HTML pages, on every backend.

use sailau_domain::{Role, Scope};

use crate::common;

#[tokio::test]
async fn harness_logs_in_and_counts_the_ledger() {
    for t in common::backends().await {
        t.load_small().await;
        let before = t.ledger_size().await;
        assert!(before > 0, "{}", t.backend);
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let session = t.app.session(&admin.token).await.unwrap().unwrap();
        assert_eq!(session.csrf_token, admin.csrf, "{}", t.backend);
        assert_eq!(t.ledger_size().await, before + 1, "{}", t.backend);
    }
}

//! The demo: the registry of 5 November 2023 and one account per role.

use sailau_domain::Role;

use crate::fixture::*;

#[tokio::test]
async fn the_demo_loads_the_published_figures_and_one_account_per_role() {
    let f = empty().await;
    let accounts = sailau_app::demo::load(&f.app, &|_, _, _| {}).await.unwrap();
    let c = f.app.store().counts().await.unwrap();
    assert_eq!(
        (c.regions, c.territories, c.precincts, c.voters, c.parties),
        (17, 62, 1491, 1_062_327, 7)
    );
    let mut roles: Vec<Role> = accounts.iter().map(|a| a.role).collect();
    roles.sort();
    assert_eq!(roles, Role::ALL.to_vec());
    for a in &accounts {
        f.app
            .login(a.username.as_str(), &a.password, "127.0.0.1")
            .await
            .unwrap();
    }
    let report = sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
        .await
        .unwrap();
    assert_eq!(report.entries, 62 + 7 + 1491 + 7);
}

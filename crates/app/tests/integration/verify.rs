//! `ledger verify`: passes on an honest ledger; names the first difference on a tampered one.

use proptest::prelude::*;
use sailau_app::Acting;
use sailau_app::ledger::{VerifyFailure, verify};
use sailau_domain::registry::*;
use sailau_domain::*;
use sqlx::Connection;

use crate::fixture::*;

async fn raw(f: &Fixture, sql: &str) {
    let mut c = sqlx::SqliteConnection::connect(&f.url).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut c)
        .await
        .unwrap();
}

async fn check(f: &Fixture) -> Result<(), String> {
    verify(f.app.store(), &f.key, &[], &|_, _| {})
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn an_honest_ledger_verifies_and_replays_to_the_registry() {
    let f = registry().await;
    account(
        &f,
        "tec1",
        Role::TerritorialCommission,
        home_scope(Role::TerritorialCommission),
    )
    .await;
    let r = verify(f.app.store(), &f.key, &[], &|_, _| {})
        .await
        .unwrap();
    assert_eq!(
        (r.entries, r.territories, r.precincts, r.parties, r.accounts),
        (11, 4, 4, 2, 1)
    );
    let other = sailau_ledger::LedgerSigningKey::from_seed(&[9; 32]).verifying_key();
    assert!(matches!(
        verify(f.app.store(), &other, &[], &|_, _| {}).await,
        Err(VerifyFailure::Head(_))
    ));
}

#[tokio::test]
async fn every_kind_of_tampering_is_named() {
    let cases: [(&str, &str); 7] = [
        (
            "UPDATE precincts SET voters = 999 WHERE number = 2 AND region_code = '100000000'",
            "precincts",
        ),
        (
            "UPDATE ledger SET entry = CAST(replace(CAST(entry AS TEXT), '1000', '1001') AS BLOB) WHERE idx = 4",
            "entry 4",
        ),
        ("DELETE FROM ledger WHERE idx = 3", "entry 3 is missing"),
        (
            "UPDATE ledger SET idx = 100 WHERE idx = 9",
            "entry 9 is missing",
        ),
        (
            "INSERT INTO territories VALUES ('300000000', NULL, 'region', 'X', 'X', 'X', '300000000', 0)",
            "territories",
        ),
        ("DELETE FROM parties WHERE code = 'akzhol'", "parties"),
        ("UPDATE ledger_state SET size = 9", "ledger state"),
    ];
    for (sql, named) in cases {
        let f = registry().await;
        assert_eq!(check(&f).await, Ok(()));
        raw(&f, sql).await;
        let err = check(&f).await.expect_err(sql);
        assert!(err.contains(named), "{sql}: {err}");
    }
}

#[tokio::test]
async fn a_row_inserted_or_deleted_behind_the_ledgers_back_is_named_by_its_key() {
    let f = registry().await;
    account(&f, "olga", Role::Observer, home_scope(Role::Observer)).await;
    account(&f, "zarina", Role::Observer, home_scope(Role::Observer)).await;
    assert_eq!(check(&f).await, Ok(()));
    // "mallory" sorts between the real accounts: still named as the extra row, not as a shift of the others.
    raw(
        &f,
        "INSERT INTO accounts SELECT 'mallory', display_name, role, scope, active FROM accounts WHERE username = 'olga'",
    )
    .await;
    let err = check(&f).await.unwrap_err();
    assert!(
        err.contains("table accounts holds a row the ledger never created: mallory"),
        "{err}"
    );

    let f = registry().await;
    raw(&f, "DELETE FROM parties WHERE code = 'akzhol'").await;
    let err = check(&f).await.unwrap_err();
    assert!(
        err.contains("table parties lacks a row the ledger created: akzhol"),
        "{err}"
    );

    let f = registry().await;
    raw(
        &f,
        "UPDATE precincts SET voters = 999 WHERE number = 2 AND region_code = '100000000'",
    )
    .await;
    let err = check(&f).await.unwrap_err();
    assert!(
        err.contains("precincts, precinct 2 of region 100000000: the table has"),
        "{err}"
    );
}

#[tokio::test]
async fn reordered_or_resigned_entries_are_caught() {
    // Swap two entries (and their hashes): the content's own index betrays the order.
    let f = registry().await;
    raw(&f, "UPDATE ledger SET idx = -1 WHERE idx = 5").await;
    raw(&f, "UPDATE ledger SET idx = 5 WHERE idx = 6").await;
    raw(&f, "UPDATE ledger SET idx = 6 WHERE idx = -1").await;
    let err = check(&f).await.unwrap_err();
    assert!(err.contains("entry 5"), "{err}");

    // An entry appended behind the app's back is not covered by the signed head.
    let f = registry().await;
    let head = f.app.signed_head().await.unwrap();
    f.app
        .execute(&Acting::Operator, precinct(30, "101000000", 1))
        .await
        .unwrap();
    raw(
        &f,
        &format!(
            "UPDATE ledger_state SET signed_head = '{}'",
            serde_json::to_string(&head).unwrap()
        ),
    )
    .await;
    let err = check(&f).await.unwrap_err();
    assert!(err.contains("without signing"), "{err}");

    // A head published earlier must still hold: rewriting the past is caught even with a fresh head.
    let f = registry().await;
    let old = f.app.signed_head().await.unwrap();
    let mut forged = old.clone();
    forged.head.root[0] ^= 1;
    let err = verify(f.app.store(), &f.key, &[forged], &|_, _| {})
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("signed tree head"), "{err}");
    verify(f.app.store(), &f.key, &[old], &|_, _| {})
        .await
        .unwrap();
}

#[derive(Debug, Clone)]
enum Op {
    Region(u8),
    District(u8, u8),
    Precinct(u8, u8, u16),
    Update(u8, u8, u16),
    Party(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1u8..4).prop_map(Op::Region),
        (1u8..4, 1u8..4).prop_map(|(r, d)| Op::District(r, d)),
        (1u8..4, 1u8..6, 0u16..3000).prop_map(|(r, n, v)| Op::Precinct(r, n, v)),
        (1u8..4, 1u8..6, 0u16..3000).prop_map(|(r, n, v)| Op::Update(r, n, v)),
        (1u8..4).prop_map(Op::Party),
    ]
}

fn to_command(op: &Op) -> Issued {
    let region = |r: u8| format!("{r}00000000");
    let district = |r: u8, d: u8| format!("{r}0{d}000000");
    match *op {
        Op::Region(r) => territory(&region(r), None, TerritoryKind::Region),
        Op::District(r, d) => territory(&district(r, d), Some(&region(r)), TerritoryKind::District),
        Op::Precinct(r, n, v) => precinct(u32::from(n), &district(r, 1), u32::from(v)),
        Op::Update(r, n, v) => UpdatePrecinct {
            precinct: PrecinctRef {
                region_code: code(&region(r)),
                number: u32::from(n),
            },
            address: "ул. Новая".into(),
            voters: u32::from(v),
        }
        .into(),
        Op::Party(p) => CreateParty {
            party: party(&format!("party{p}")),
        }
        .into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Any sequence of commands, accepted or refused, leaves a ledger that replays to exactly the registry.
    #[test]
    fn any_history_replays_to_the_registry(ops in proptest::collection::vec(op(), 1..40)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let f = empty().await;
            let mut accepted = 0u64;
            for op in &ops {
                if f.app.execute(&Acting::Operator, to_command(op)).await.is_ok() {
                    accepted += 1;
                }
            }
            let report = verify(f.app.store(), &f.key, &[], &|_, _| {}).await.unwrap();
            prop_assert_eq!(report.entries, accepted);
            Ok(())
        })?;
    }
}

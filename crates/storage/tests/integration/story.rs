//! The storage story: the same assertions on every backend.

use sailau_domain::*;
use sailau_ledger::{Frontier, leaf_hash};
use sailau_storage::{Admission, Exempt, ThrottleKey, ThrottleRule};

use crate::backends;

fn territory(code: &str, parent: Option<&str>, kind: TerritoryKind, ru: &str) -> Territory {
    Territory {
        code: TerritoryCode::parse(code).unwrap(),
        parent_code: parent.map(|p| TerritoryCode::parse(p).unwrap()),
        kind,
        names: Names {
            ru: ru.into(),
            kk: format!("{ru} (kk)"),
            en: String::new(),
        },
    }
}

#[tokio::test]
async fn registry_ledger_and_sessions_behave_the_same_on_every_backend() {
    for db in backends::all().await {
        let s = &db.store;
        let name = db.name;

        // A committed command: rows and ledger entry together.
        let region = territory(
            "150000000",
            None,
            TerritoryKind::Region,
            "Актюбинская область",
        );
        let district = territory(
            "154800000",
            Some("150000000"),
            TerritoryKind::District,
            "Уилский район",
        );
        let mut tx = s.begin().await.unwrap();
        assert_eq!(tx.ledger_size(), 0, "{name}");
        tx.insert_territory(&region, &region.code, 0).await.unwrap();
        tx.append_ledger(b"entry-0", 1, "create_territory")
            .await
            .unwrap();
        tx.insert_territory(&district, &region.code, 1)
            .await
            .unwrap();
        let (index, root) = tx
            .append_ledger(b"entry-1", 2, "create_territory")
            .await
            .unwrap();
        assert_eq!(index, 1);
        assert_eq!(
            tx.territory_path(&district.code).await.unwrap(),
            vec![region.code.clone(), district.code.clone()]
        );
        tx.commit("head-2").await.unwrap();
        assert_eq!(
            root,
            Frontier::from_leaves(&[leaf_hash(b"entry-0"), leaf_hash(b"entry-1")]).root(),
            "{name}"
        );

        let status = s.ledger_status().await.unwrap();
        assert_eq!(
            (status.size, status.signed_head.as_str()),
            (2, "head-2"),
            "{name}"
        );
        let rows = s.ledger_entries(0, 10).await.unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].entry, b"entry-1");
        assert_eq!(rows[1].root, root);
        assert_eq!(s.ledger_root_after(2).await.unwrap(), Some(root));
        assert_eq!(
            s.territory(&district.code).await.unwrap(),
            Some(district.clone()),
            "{name}"
        );
        assert_eq!(
            s.territory_children(Some(&region.code)).await.unwrap(),
            vec![district.clone()]
        );
        assert_eq!(
            s.territory_ancestors(&district.code).await.unwrap(),
            vec![region.clone()]
        );
        assert_eq!(
            s.search_territories("уил", 10).await.unwrap(),
            vec![district.clone()],
            "{name}: Cyrillic search folds case"
        );

        // A rolled-back command leaves no trace, and the ledger continues where it was.
        let mut tx = s.begin().await.unwrap();
        tx.insert_territory(
            &territory("160000000", None, TerritoryKind::Region, "X"),
            &region.code,
            0,
        )
        .await
        .unwrap();
        tx.append_ledger(b"never", 3, "create_territory")
            .await
            .unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(s.ledger_status().await.unwrap().size, 2, "{name}");
        assert!(
            s.territory(&TerritoryCode::parse("160000000").unwrap())
                .await
                .unwrap()
                .is_none()
        );

        // Precincts, parties, branches, persons, accounts, counts and the dump.
        let mut tx = s.begin().await.unwrap();
        let p = Precinct {
            region_code: region.code.clone(),
            number: 121,
            territory_code: district.code.clone(),
            address: "с. Уил, ул. Абая, 1".into(),
            voters: 1200,
        };
        tx.insert_precinct(&p).await.unwrap();
        let party = Party {
            code: PartyCode::parse("amanat").unwrap(),
            name_ru: "Партия «AMANAT»".into(),
            name_kk: "«AMANAT» партиясы".into(),
            name_en: String::new(),
            short_name: "AMANAT".into(),
        };
        tx.insert_party(&party).await.unwrap();
        let branch = Branch {
            party_code: party.code.clone(),
            territory_code: district.code.clone(),
        };
        tx.insert_branch(&branch).await.unwrap();
        assert!(tx.branch_exists(&branch).await.unwrap());
        let person = Person {
            id: PersonId(uuid::Uuid::new_v4()),
            surname: "Казыбаев".into(),
            given_name: "Аскар".into(),
            patronymic: String::new(),
            birth_date: jiff::civil::date(1979, 3, 1),
            gender: Gender::Male,
        };
        tx.insert_person(&person).await.unwrap();
        let account = Account {
            username: Username::parse("tec-uil").unwrap(),
            display_name: "ТИК".into(),
            role: Role::TerritorialCommission,
            scope: Scope::Territory {
                territory: district.code.clone(),
            },
            active: true,
        };
        tx.insert_account(&account).await.unwrap();
        tx.set_password_hash(&account.username, "$argon2id$fake", 5)
            .await
            .unwrap();
        tx.append_ledger(b"entry-2", 5, "batch").await.unwrap();
        tx.commit("head-3").await.unwrap();

        assert_eq!(
            s.precinct(&p.reference()).await.unwrap(),
            Some(p.clone()),
            "{name}"
        );
        assert_eq!(
            s.precincts_of(&district.code).await.unwrap(),
            vec![p.clone()]
        );
        assert_eq!(
            s.branches_of(&party.code).await.unwrap(),
            vec![branch.clone()]
        );
        assert_eq!(
            s.person(&person.id).await.unwrap(),
            Some(person.clone()),
            "{name}: dates round-trip"
        );
        assert_eq!(
            s.account(&account.username).await.unwrap(),
            Some(account.clone()),
            "{name}: scopes round-trip"
        );
        assert_eq!(
            s.password_hash(&account.username).await.unwrap().as_deref(),
            Some("$argon2id$fake")
        );
        let stats = s.territory_stats(&region.code).await.unwrap();
        assert_eq!(
            (stats.precincts, stats.voters, stats.children),
            (1, 1200, 1),
            "{name}"
        );
        let counts = s.counts().await.unwrap();
        assert_eq!(
            (
                counts.regions,
                counts.territories,
                counts.precincts,
                counts.voters
            ),
            (1, 2, 1, 1200),
            "{name}"
        );
        let dump = s.dump_registry().await.unwrap();
        assert_eq!(
            (
                dump.territories.len(),
                dump.precincts.len(),
                dump.accounts.len()
            ),
            (2, 1, 1)
        );

        // Sessions: stored by hash, expire, end when the account is deactivated.
        s.create_session("hash-1", &account.username, "csrf-1", 100, 1_000)
            .await
            .unwrap();
        assert_eq!(
            s.session("hash-1", 500).await.unwrap().unwrap().csrf_token,
            "csrf-1"
        );
        assert!(
            s.session("hash-1", 1_000).await.unwrap().is_none(),
            "{name}: expired"
        );
        assert_eq!(
            s.purge_sessions(1_000).await.unwrap(),
            1,
            "{name}: the sweep removes expired sessions"
        );
        s.create_session("hash-2", &account.username, "csrf-2", 100, 10_000)
            .await
            .unwrap();
        let mut tx = s.begin().await.unwrap();
        tx.set_account_active(&account.username, false)
            .await
            .unwrap();
        tx.append_ledger(b"entry-3", 6, "set_account_active")
            .await
            .unwrap();
        tx.commit("head-4").await.unwrap();
        assert!(
            s.session("hash-2", 500).await.unwrap().is_none(),
            "{name}: deactivation ends sessions"
        );

        // Sign-in throttling: free attempts, then doubling waits; a refused attempt is not
        // counted; the window passes; a refund forgets the first key.
        let rule = ThrottleRule {
            free: 3,
            window_ms: 100_000,
            base_delay_ms: 1_000,
            max_delay_ms: 4_000,
        };
        let key = |k: &'static str| ThrottleKey {
            key: k,
            rule,
            exempt: Exempt::No,
        };
        for t in 0..3 {
            assert_eq!(
                s.admit_login(&[key("pair:x")], t).await.unwrap(),
                Admission::Admitted
            );
        }
        assert_eq!(
            s.admit_login(&[key("pair:x")], 500).await.unwrap(),
            Admission::Refused {
                key_index: 0,
                retry_after_ms: 502
            },
            "{name}: the third attempt imposes a wait of 1 s"
        );
        assert_eq!(
            s.admit_login(&[key("pair:x")], 1_002).await.unwrap(),
            Admission::Admitted
        );
        assert!(
            matches!(
                s.admit_login(&[key("pair:x")], 2_900).await.unwrap(),
                Admission::Refused { .. }
            ),
            "{name}: the wait doubles to 2 s"
        );
        for t in [3_002, 7_002, 11_002] {
            assert_eq!(
                s.admit_login(&[key("pair:x")], t).await.unwrap(),
                Admission::Admitted,
                "{name}: at {t} (the wait is capped at 4 s)"
            );
        }
        // A key that refuses takes back what the earlier keys of the admission counted.
        assert!(matches!(
            s.admit_login(&[key("other"), key("pair:x")], 11_500)
                .await
                .unwrap(),
            Admission::Refused { key_index: 1, .. }
        ));
        assert_eq!(
            s.admit_login(&[key("other")], 11_500).await.unwrap(),
            Admission::Admitted
        );
        assert_eq!(
            s.admit_login(&[key("pair:x")], 200_000).await.unwrap(),
            Admission::Admitted,
            "{name}: the window passes"
        );
        s.refund_login(&[key("pair:x")]).await.unwrap();
        // An exempt key counts but does not refuse.
        let exempt = ThrottleKey {
            exempt: Exempt::Yes,
            ..key("pair:x")
        };
        for _ in 0..10 {
            assert_eq!(
                s.admit_login(&[exempt], 200_001).await.unwrap(),
                Admission::Admitted
            );
        }
        assert!(
            s.purge_login_throttle(10_000_000, 100_000).await.unwrap() >= 2,
            "{name}: old rows are swept"
        );
    }
}

/// Of many parallel attempts under one key, exactly the free ones are admitted: the check and the
/// count are one statement.
#[tokio::test]
async fn parallel_sign_in_attempts_are_admitted_only_up_to_the_limit() {
    for db in backends::all().await {
        let name = db.name;
        for n in [64, 256] {
            let rule = ThrottleRule {
                free: 5,
                window_ms: 3_600_000,
                base_delay_ms: 60_000,
                max_delay_ms: 60_000,
            };
            let key = format!("pair:parallel-{n}");
            let mut tasks = Vec::new();
            for _ in 0..n {
                let s = db.store.clone();
                let key = key.clone();
                tasks.push(tokio::spawn(async move {
                    let k = ThrottleKey {
                        key: &key,
                        rule,
                        exempt: Exempt::No,
                    };
                    s.admit_login(&[k], 1_000).await.unwrap()
                }));
            }
            let mut admitted = 0;
            for t in tasks {
                if t.await.unwrap() == Admission::Admitted {
                    admitted += 1;
                }
            }
            assert_eq!(admitted, 5, "{name}: {n} parallel attempts");
        }
    }
}

#[tokio::test]
async fn concurrent_command_transactions_are_serialized_by_the_ledger_lock() {
    for db in backends::all().await {
        let s = db.store.clone();
        let mut tasks = Vec::new();
        for task in 0..4u8 {
            let s = s.clone();
            tasks.push(tokio::spawn(async move {
                for i in 0..10u8 {
                    let mut tx = s.begin().await.unwrap();
                    tx.append_ledger(&[task, i], 1, "test").await.unwrap();
                    tx.commit("h").await.unwrap();
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let rows = s.ledger_all().await.unwrap();
        assert_eq!(rows.len(), 40, "{}", db.name);
        let mut f = Frontier::new();
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.index, i as u64);
            f.push(leaf_hash(&r.entry)).unwrap();
            assert_eq!(
                f.root(),
                r.root,
                "{}: each stored root extends the previous tree",
                db.name
            );
        }
        assert_eq!(s.ledger_status().await.unwrap().frontier, f.to_bytes());
    }
}

#[tokio::test]
async fn migrations_run_once_and_reopening_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("x.db").display());
    {
        let s = sailau_storage::Store::connect(&url).await.unwrap();
        let mut tx = s.begin().await.unwrap();
        tx.append_ledger(b"kept", 1, "test").await.unwrap();
        tx.commit("h").await.unwrap();
        s.close().await;
    }
    let s = sailau_storage::Store::connect(&url).await.unwrap();
    assert_eq!(s.ledger_status().await.unwrap().size, 1);
    assert!(matches!(
        sailau_storage::Store::connect("mysql://nope").await,
        Err(sailau_storage::StorageError::UnsupportedUrl(_))
    ));
}

//! A ledger written by sailau 0.1 (before the command pipeline was reorganised, issue 10), kept
//! under `tests/fixtures/` as a SQLite database and as plain files. Every later version must
//! migrate it, verify it (tree, signed head, canonical bytes) and replay it to the same registry.
//!
//! The fixture covers every command kind, issued by the operator and by accounts of several
//! roles (so replay re-authorizes them), with text that exercises JSON escaping. NEVER regenerate
//! the files: a version that cannot read them cannot read the ledgers already in use.

use std::path::PathBuf;

use sailau_app::Acting;
use sailau_app::ledger::verify;
use sailau_domain::accounts::*;
use sailau_domain::registry::*;
use sailau_domain::*;
use sailau_ledger::{LedgerSigningKey, SignedTreeHead, Tree, leaf_hash};
use sailau_storage::Store;

use crate::fixture::*;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The key that signed the fixture's heads (the test fixtures' seed).
fn key() -> ed25519_dalek::VerifyingKey {
    LedgerSigningKey::from_seed(&[7; 32]).verifying_key()
}

/// Copies the fixture database to a temporary file and opens it (running today's migrations).
async fn open_fixture() -> (Store, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("ledger-v1.sqlite");
    std::fs::copy(dir().join("ledger-v1.sqlite"), &path).unwrap();
    let store = Store::connect(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    (store, tmp)
}

#[tokio::test]
async fn the_ledger_written_by_version_0_1_still_verifies_and_replays() {
    let (store, _tmp) = open_fixture().await;
    let report = verify(&store, &key(), &[], &|_, _| {}).await.unwrap();
    assert_eq!(
        (
            report.entries,
            report.territories,
            report.precincts,
            report.parties,
            report.accounts
        ),
        (28, 5, 4, 2, 6)
    );
    let dump = store.dump_registry().await.unwrap();
    assert_eq!((dump.branches.len(), dump.persons.len()), (1, 1));
}

#[tokio::test]
async fn the_exported_entries_are_canonical_today_and_match_the_signed_head() {
    let text = std::fs::read_to_string(dir().join("ledger-v1.jsonl")).unwrap();
    let head: SignedTreeHead =
        serde_json::from_str(&std::fs::read_to_string(dir().join("ledger-v1.head.json")).unwrap())
            .unwrap();
    sailau_ledger::verify(&head, &key()).unwrap();
    let mut tree = Tree::new();
    let mut kinds = std::collections::BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        // Decoding and re-encoding with today's code gives back the very bytes written then.
        let entry = LedgerEntry::decode_canonical(line.as_bytes())
            .unwrap_or_else(|e| panic!("entry {i}: {e}"));
        assert_eq!(entry.index, i as u64);
        kinds.insert(entry.command.kind());
        tree.push(leaf_hash(line.as_bytes()));
    }
    assert_eq!(tree.len(), head.head.size);
    assert_eq!(tree.root(), head.head.root);
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        // Version 0.1's kinds: those registered before the elections context's.
        CommandKind::ALL
            .into_iter()
            .take_while(|k| *k != CommandKind::CallElection)
            .collect::<Vec<_>>(),
        "the fixture holds every kind of command of version 0.1"
    );
    // The database holds exactly these bytes.
    let (store, _tmp) = open_fixture().await;
    let rows = store.ledger_all().await.unwrap();
    let stored: Vec<String> = rows
        .iter()
        .map(|r| String::from_utf8(r.entry.clone()).unwrap())
        .collect();
    assert_eq!(stored, text.lines().collect::<Vec<_>>());
}

#[tokio::test]
async fn todays_version_appends_to_the_old_ledger_and_it_still_verifies() {
    let (store, _tmp) = open_fixture().await;
    let app = sailau_app::App::with_parts(
        store,
        LedgerSigningKey::from_seed(&[7; 32]),
        std::sync::Arc::new(TestClock(std::sync::atomic::AtomicI64::new(
            1_800_000_000_000,
        ))),
    );
    app.execute(&Acting::Operator, precinct(40, "101000000", 77))
        .await
        .unwrap();
    let report = verify(app.store(), &key(), &[], &|_, _| {}).await.unwrap();
    assert_eq!((report.entries, report.precincts), (29, 5));
}

/// The history of the fixture: every command kind, by the operator and by accounts.
async fn history(f: &Fixture) {
    let tick = |f: &Fixture| {
        f.clock
            .0
            .fetch_add(60_000, std::sync::atomic::Ordering::SeqCst);
    };
    let op = Acting::Operator;
    let escaping = Names {
        ru: "Область «Тест» \"кавычки\" \\ / <b>&amp; ё".into(),
        kk: "Сынақ облысы — Әңғүұқөһі 𝔸".into(),
        en: "Test Region 'quoted' \u{00a0}nbsp".into(),
    };
    let mut first = vec![
        CreateTerritory {
            territory: Territory {
                code: code("100000000"),
                parent_code: None,
                kind: TerritoryKind::Region,
                names: escaping,
            },
        }
        .into(),
        territory("101000000", Some("100000000"), TerritoryKind::District),
        territory("200000000", None, TerritoryKind::RepublicanCity),
        precinct(1, "101000000", 1000),
        precinct(2, "101000000", 800),
        precinct(1, "200000000", 900),
        CreateParty {
            party: Party {
                code: PartyCode::parse("amanat").unwrap(),
                name_ru: "Партия «AMANAT»".into(),
                name_kk: "«AMANAT» партиясы".into(),
                name_en: "AMANAT Party".into(),
                short_name: "AMANAT".into(),
            },
        }
        .into(),
        CreateParty {
            party: party("akzhol"),
        }
        .into(),
    ];
    let batch: Vec<Issued> = std::mem::take(&mut first);
    f.app.execute_batch(&op, batch).await.unwrap();
    tick(f);
    for (name, role, scope) in [
        ("admin", Role::Administrator, Scope::Global),
        (
            "tec-100",
            Role::TerritorialCommission,
            home_scope(Role::TerritorialCommission),
        ),
        (
            "pec-100-1",
            Role::PrecinctCommission,
            home_scope(Role::PrecinctCommission),
        ),
        (
            "sec-amanat",
            Role::PartySecretary,
            home_scope(Role::PartySecretary),
        ),
        ("cec.member", Role::CecMember, Scope::Global),
    ] {
        account(f, name, role, scope).await;
        tick(f);
    }
    let as_ = |name: &str, role: Role, scope: Scope| {
        Acting::Account(Principal {
            username: user(name),
            role,
            scope,
        })
    };
    let admin = as_("admin", Role::Administrator, Scope::Global);
    let tec = as_(
        "tec-100",
        Role::TerritorialCommission,
        home_scope(Role::TerritorialCommission),
    );
    let pec = as_(
        "pec-100-1",
        Role::PrecinctCommission,
        home_scope(Role::PrecinctCommission),
    );
    let sec = as_(
        "sec-amanat",
        Role::PartySecretary,
        home_scope(Role::PartySecretary),
    );
    let cec = as_("cec.member", Role::CecMember, Scope::Global);
    let steps: Vec<(&Acting, Issued)> = vec![
        (
            &tec,
            territory("101010000", Some("101000000"), TerritoryKind::RuralOkrug),
        ),
        (
            &tec,
            RenameTerritory {
                code: code("101000000"),
                names: Names {
                    ru: "Район имени «Абая»".into(),
                    kk: "Абай атындағы аудан".into(),
                    en: String::new(),
                },
            }
            .into(),
        ),
        (&tec, precinct(3, "101010000", 250)),
        (
            &pec,
            UpdatePrecinct {
                precinct: PrecinctRef {
                    region_code: code("100000000"),
                    number: 1,
                },
                address: "с. Уил, ул. Абая, 12 \"А\"".into(),
                voters: 1012,
            }
            .into(),
        ),
        (
            &sec,
            UpdateParty {
                party: Party {
                    code: PartyCode::parse("amanat").unwrap(),
                    name_ru: "Партия «AMANAT» (обновлено)".into(),
                    name_kk: "«AMANAT» партиясы".into(),
                    name_en: String::new(),
                    short_name: "AMANAT".into(),
                },
            }
            .into(),
        ),
        (
            &sec,
            CreateBranch {
                branch: Branch {
                    party_code: PartyCode::parse("amanat").unwrap(),
                    territory_code: code("101000000"),
                },
            }
            .into(),
        ),
        (
            &sec,
            RegisterPerson {
                person: Person {
                    id: PersonId(uuid::Uuid::from_u128(
                        0x0190_0000_0000_7000_8000_0000_0000_0001,
                    )),
                    surname: "Қасымов".into(),
                    given_name: "Әлихан".into(),
                    patronymic: "Ержанұлы".into(),
                    birth_date: jiff::civil::date(1979, 3, 1),
                    gender: Gender::Male,
                },
            }
            .into(),
        ),
        (&cec, territory("300000000", None, TerritoryKind::Region)),
        (
            &cec,
            UpdatePrecinct {
                precinct: PrecinctRef {
                    region_code: code("200000000"),
                    number: 1,
                },
                address: "ул. Достык, 1".into(),
                voters: 0,
            }
            .into(),
        ),
        (
            &admin,
            ChangeAccountRole {
                username: user("pec-100-1"),
                role: Role::PrecinctCommission,
                scope: Scope::Precincts {
                    precincts: vec![
                        PrecinctRef {
                            region_code: code("100000000"),
                            number: 1,
                        },
                        PrecinctRef {
                            region_code: code("100000000"),
                            number: 2,
                        },
                    ],
                },
            }
            .into(),
        ),
        (
            &admin,
            SetAccountActive {
                username: user("cec.member"),
                active: false,
            }
            .into(),
        ),
    ];
    for (acting, command) in steps {
        f.app.execute(acting, command).await.unwrap();
        tick(f);
    }
    f.app
        .change_password(&admin, user("tec-100"), "a new long passphrase")
        .await
        .unwrap();
    tick(f);
    f.app
        .change_password(&sec, user("sec-amanat"), "my own new passphrase")
        .await
        .unwrap();
    tick(f);
    f.app
        .create_account(
            &admin,
            Account {
                username: user("observer_1"),
                display_name: "Наблюдатель \"№1\"".into(),
                role: Role::Observer,
                scope: Scope::Global,
                active: true,
            },
            "observer passphrase",
        )
        .await
        .unwrap();
    tick(f);
    f.app
        .execute(
            &op,
            SetAccountActive {
                username: user("cec.member"),
                active: true,
            },
        )
        .await
        .unwrap();
}

/// Writes the fixture files. Run once, by hand, with the version the fixture stands for:
/// `SAILAU_WRITE_LEDGER_FIXTURE=1 cargo test -p sailau-app --test integration -- --ignored write_ledger_fixture`.
/// It refuses to overwrite existing files.
#[tokio::test]
#[ignore]
async fn write_ledger_fixture() {
    if std::env::var("SAILAU_WRITE_LEDGER_FIXTURE").as_deref() != Ok("1") {
        return;
    }
    let out = dir();
    std::fs::create_dir_all(&out).unwrap();
    let db = out.join("ledger-v1.sqlite");
    assert!(!db.exists(), "the fixture exists; never regenerate it");
    let f = empty().await;
    history(&f).await;
    let head = f.app.signed_head().await.unwrap();
    let rows = f.app.store().ledger_all().await.unwrap();
    let mut jsonl = String::new();
    for r in &rows {
        jsonl.push_str(std::str::from_utf8(&r.entry).unwrap());
        jsonl.push('\n');
    }
    std::fs::write(out.join("ledger-v1.jsonl"), jsonl).unwrap();
    std::fs::write(
        out.join("ledger-v1.head.json"),
        serde_json::to_string_pretty(&head).unwrap() + "\n",
    )
    .unwrap();
    let mut c = <sqlx::SqliteConnection as sqlx::Connection>::connect(&f.url)
        .await
        .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "VACUUM INTO '{}'",
        db.display()
    )))
    .execute(&mut c)
    .await
    .unwrap();
}

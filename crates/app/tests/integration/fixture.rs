//! A small registry to act on: two regions with a district each, precincts, a party, accounts.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use sailau_app::{Acting, App, Clock};
use sailau_domain::registry::*;
use sailau_domain::*;
use sailau_ledger::LedgerSigningKey;
use sailau_storage::Store;

use crate::databases;

/// A clock the test moves by hand.
pub struct TestClock(pub AtomicI64);

impl Clock for TestClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

pub struct Fixture {
    pub app: App,
    pub clock: Arc<TestClock>,
    pub key: ed25519_dalek::VerifyingKey,
    pub url: String,
    /// `sqlite` or `postgres`.
    pub backend: &'static str,
    _db: databases::TestDatabase,
}

pub fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}

pub fn user(s: &str) -> Username {
    Username::parse(s).unwrap()
}

pub fn names(ru: &str) -> Names {
    Names {
        ru: ru.into(),
        kk: format!("{ru} (қаз.)"),
        en: String::new(),
    }
}

pub fn territory(c: &str, parent: Option<&str>, kind: TerritoryKind) -> Issued {
    CreateTerritory {
        territory: Territory {
            code: code(c),
            parent_code: parent.map(code),
            kind,
            names: names(&format!("T{c}")),
        },
    }
    .into()
}

pub fn precinct(number: u32, territory: &str, voters: u32) -> Issued {
    CreatePrecinct {
        precinct: NewPrecinct {
            number,
            territory_code: code(territory),
            address: format!("ул. Абая, {number}"),
            voters,
        },
    }
    .into()
}

pub fn party(c: &str) -> Party {
    Party {
        code: PartyCode::parse(c).unwrap(),
        name_ru: format!("Партия {c}"),
        name_kk: format!("{c} партиясы"),
        name_en: String::new(),
        short_name: c.to_uppercase(),
    }
}

/// An empty app on a fresh SQLite file.
pub async fn empty() -> Fixture {
    empty_on(databases::sqlite()).await
}

/// An empty app on `db`.
pub async fn empty_on(db: databases::TestDatabase) -> Fixture {
    let store = Store::connect(&db.url)
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", db.backend));
    let key = LedgerSigningKey::from_seed(&[7; 32]);
    let verifying = key.verifying_key();
    let clock = Arc::new(TestClock(AtomicI64::new(1_700_000_000_000)));
    let app = App::with_parts(store, key, clock.clone());
    Fixture {
        app,
        clock,
        key: verifying,
        url: db.url.clone(),
        backend: db.backend,
        _db: db,
    }
}

/// The fixture's registry on every configured backend (SQLite; PostgreSQL when
/// `SAILAU_TEST_POSTGRES_URL` is set, skipping said aloud).
pub async fn registries() -> Vec<Fixture> {
    let mut out = Vec::new();
    for db in databases::all().await {
        out.push(registry_on(empty_on(db).await).await);
    }
    out
}

/// Regions 100000000 (district 101000000) and 200000000 (district 201000000), precincts 1 and 2
/// in each, parties amanat and akzhol.
pub async fn registry() -> Fixture {
    registry_on(empty().await).await
}

/// The fixture's registry loaded into `f`.
pub async fn registry_on(f: Fixture) -> Fixture {
    f.app
        .execute_batch(
            &Acting::Operator,
            vec![
                territory("100000000", None, TerritoryKind::Region),
                territory("101000000", Some("100000000"), TerritoryKind::District),
                territory("200000000", None, TerritoryKind::Region),
                territory("201000000", Some("200000000"), TerritoryKind::District),
                precinct(1, "101000000", 1000),
                precinct(2, "101000000", 800),
                precinct(1, "201000000", 900),
                precinct(2, "201000000", 700),
                CreateParty {
                    party: party("amanat"),
                }
                .into(),
                CreateParty {
                    party: party("akzhol"),
                }
                .into(),
            ],
        )
        .await
        .unwrap();
    f
}

/// Creates an account with a role and scope and returns its principal.
pub async fn account(f: &Fixture, name: &str, role: Role, scope: Scope) -> Principal {
    let account = Account {
        username: user(name),
        display_name: name.into(),
        role,
        scope: scope.clone(),
        active: true,
    };
    f.app
        .create_account(&Acting::Operator, account, "correct horse battery")
        .await
        .unwrap();
    Principal {
        username: user(name),
        role,
        scope,
    }
}

/// The scope a role gets in the fixture: within region 100000000, precinct 100000000/1, party amanat.
pub fn home_scope(role: Role) -> Scope {
    match role {
        Role::TerritorialCommission => Scope::Territory {
            territory: code("100000000"),
        },
        Role::PrecinctCommission => Scope::Precincts {
            precincts: vec![PrecinctRef {
                region_code: code("100000000"),
                number: 1,
            }],
        },
        Role::PartySecretary
        | Role::OrganizingCommittee
        | Role::Trustee
        | Role::CredentialAuthority => Scope::Party {
            party: PartyCode::parse("amanat").unwrap(),
            territory: None,
        },
        _ => Scope::Global,
    }
}

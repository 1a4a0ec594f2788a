//! Signature-sheet import (issue 11, "Measure"): 10,000 lines read from CSV, checked (IIN
//! format and check digit, age on the signing date, territory in the unit, window, duplicates)
//! and recorded with their ledger entry, on SQLite and on PostgreSQL when
//! `SAILAU_TEST_POSTGRES_URL` is set; with, in the same run and on the same database, the
//! baseline of a plain insert of the same rows (no reading, no checks, no ledger).
//!
//! ```sh
//! SAILAU_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!   cargo bench -p sailau-app --bench signatures
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/postgres.rs"]
mod postgres;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Instant;

use jiff::civil::Date;
use sailau_app::{Acting, App, Clock};
use sailau_domain::elections::iin::Iin;
use sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023;
use sailau_domain::elections::signatures::{Counts, canonical_lines};
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, Candidate, ContestId, ElectionId, Level, NewContest,
    NominationId, RuleSet,
};
use sailau_domain::registry::{CreatePrecinct, CreateTerritory};
use sailau_domain::*;
use sailau_ledger::LedgerSigningKey;
use sailau_storage::{CheckedLine, NewBatch, SqliteSync, Store};

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const LINES: usize = 10_000;
const RUNS: usize = 3;
/// 2023-09-16 12:00 in Almaty: the call; the sheets are checked 9 days later.
const CALL_MS: i64 = 1_694_844_000_000;

struct TestClock(AtomicI64);

impl Clock for TestClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}

fn names(ru: &str) -> Names {
    Names {
        ru: ru.into(),
        kk: format!("{ru} (қаз.)"),
        en: String::new(),
    }
}

/// `n` lines, about 2% of each ground, as a CSV file.
fn csv(n: usize) -> Vec<u8> {
    let mut out = String::from(
        "sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on\n",
    );
    let mut serial = 0u32;
    for i in 0..n {
        let mut iin = loop {
            serial += 1;
            let head = format!(
                "{:02}{:02}{:02}3{:04}",
                60 + (serial / 10_000) % 40,
                1 + serial % 12,
                1 + serial % 28,
                serial % 10_000
            );
            if let Some(t) = (0..10)
                .map(|d| format!("{head}{d}"))
                .find(|t| Iin::parse(t).is_ok())
            {
                break t;
            }
        };
        let mut territory = "101000000";
        let mut signed = "20.09.2023";
        match i % 50 {
            1 => iin.truncate(11),
            2 => territory = "201000000",
            3 => signed = "01.09.2023",
            _ => {}
        }
        out.push_str(&format!(
            "{},{},Жумабаева,Айгерим,Серікқызы,{iin},\"ул. Абая, {i}\",{territory},{signed}\n",
            i / 20 + 1,
            i % 20 + 1
        ));
    }
    out.into_bytes()
}

async fn setup(url: &str) -> (App, Arc<TestClock>) {
    let store = Store::connect_with(url, SqliteSync::Full).await.unwrap();
    let clock = Arc::new(TestClock(AtomicI64::new(CALL_MS)));
    let app = App::with_parts(store, LedgerSigningKey::from_seed(&[7; 32]), clock.clone());
    let territory = |c: &str, parent: Option<&str>, kind| -> Issued {
        CreateTerritory {
            territory: Territory {
                code: code(c),
                parent_code: parent.map(code),
                kind,
                names: names(&format!("T{c}")),
            },
        }
        .into()
    };
    let mut commands = vec![
        territory("100000000", None, TerritoryKind::Region),
        territory("101000000", Some("100000000"), TerritoryKind::District),
        territory("200000000", None, TerritoryKind::Region),
        territory("201000000", Some("200000000"), TerritoryKind::District),
    ];
    for n in 1..=60 {
        commands.push(
            CreatePrecinct {
                precinct: NewPrecinct {
                    number: n,
                    territory_code: code("101000000"),
                    address: format!("ул. Абая, {n}"),
                    voters: 2000,
                },
            }
            .into(),
        );
    }
    app.execute_batch(&Acting::Operator, commands)
        .await
        .unwrap();
    app.execute(
        &Acting::Operator,
        CallElection {
            election: ElectionId(uuid::Uuid::from_u128(1)),
            names: names("Выборы акима"),
            level: Level::District,
            election_day: Date::constant(2023, 11, 5),
            territory: Some(code("100000000")),
            contests: vec![NewContest {
                id: ContestId(uuid::Uuid::from_u128(2)),
                unit: code("101000000"),
            }],
            rule_set: KZ_AKIM_DISTRICT_2023.to_owned(),
            rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
        },
    )
    .await
    .unwrap();
    clock.0.store(CALL_MS + 86_400_000, Ordering::SeqCst);
    (app, clock)
}

async fn nomination(app: &App, k: u128) -> NominationId {
    let nomination = NominationId(uuid::Uuid::from_u128(100 + k));
    app.execute(
        &Acting::Operator,
        ApplySelfNomination {
            nomination,
            contest: ContestId(uuid::Uuid::from_u128(2)),
            candidate: Candidate {
                person: Person {
                    id: PersonId(uuid::Uuid::from_u128(1000 + k)),
                    surname: "Касымов".into(),
                    given_name: format!("Ерлан {}", "И".repeat(k as usize + 1)),
                    patronymic: "Болатович".into(),
                    birth_date: Date::constant(1975, 4, 12),
                    gender: Gender::Male,
                },
                post: "директор школы".into(),
                residence: "с. Уил".into(),
                qualifications: Vec::new(),
                incumbent: false,
            },
        },
    )
    .await
    .unwrap();
    nomination
}

async fn run(backend: &str, url: &str) {
    let (app, clock) = setup(url).await;
    let bytes = csv(LINES);
    let mut nominations = Vec::new();
    for k in 0..(RUNS as u128 * 2) {
        nominations.push(nomination(&app, k).await);
    }
    clock.0.store(CALL_MS + 9 * 86_400_000, Ordering::SeqCst);
    // The baseline's rows: the same lines, read once.
    let file =
        sailau_app::elections::signature_file::read_sheets(sailau_tabular::Format::Csv, &bytes)
            .unwrap();
    let rows: Vec<CheckedLine> = file
        .lines
        .iter()
        .map(|l| CheckedLine {
            line: l.clone(),
            grounds: Vec::new(),
            iin: None,
        })
        .collect();
    let mut full = Vec::new();
    let mut plain = Vec::new();
    for r in 0..RUNS {
        let n = nominations[r];
        let start = Instant::now();
        let report = app
            .import_signature_sheets(
                &Acting::Operator,
                n,
                sailau_tabular::Format::Csv,
                bytes.clone(),
            )
            .await
            .unwrap();
        full.push(start.elapsed().as_secs_f64());
        assert_eq!(report.counts.lines as usize, LINES);

        let n = nominations[RUNS + r];
        let salt = [1u8; 32];
        let start = Instant::now();
        let mut tx = app.store().begin().await.unwrap();
        tx.insert_signature_batch(&NewBatch {
            nomination: n.0,
            batch: 1,
            at_ms: 0,
            counts: &Counts::default(),
            threshold: 0,
            rows_sha256: &hex_len(&canonical_lines(&file.lines)),
            private: Some((&salt, &rows)),
        })
        .await
        .unwrap();
        tx.rollback().await.unwrap();
        plain.push(start.elapsed().as_secs_f64());
    }
    let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "{backend}: import with all checks and the ledger entry: {LINES} lines in {:.3} s (best of {RUNS}) = {:.0} lines/s; \
         plain insert of the same rows: {:.3} s = {:.0} lines/s",
        best(&full),
        LINES as f64 / best(&full),
        best(&plain),
        LINES as f64 / best(&plain),
    );
    app.store().close().await;
}

/// A stand-in hash (the baseline does no hashing).
fn hex_len(bytes: &[u8]) -> String {
    format!("{:064x}", bytes.len())
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("bench.db").display());
        run("SQLite (synchronous=FULL)", &url).await;
        match postgres::postgres_url("i11sign_bench").await {
            Some(url) => {
                run("PostgreSQL", &url).await;
                postgres::drop_database(&url).await;
            }
            None => eprintln!("PostgreSQL skipped: set SAILAU_TEST_POSTGRES_URL"),
        }
    });
}

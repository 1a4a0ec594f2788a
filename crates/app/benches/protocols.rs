//! Protocol import at national scale (issue 12, "Measure" 1; branch i12-day): 10,000 precinct
//! protocols read from CSV, each checked against the rule set's control relations and recorded
//! through `enter_protocol` with its ledger entry, in one all-or-nothing transaction; on SQLite
//! and on PostgreSQL when `SAILAU_TEST_POSTGRES_URL` is set. In the same run and on the same
//! database, the baseline: a plain insert of the same rows (protocol and version rows, no
//! reading, no checks, no ledger), rolled back.
//!
//! ```sh
//! SAILAU_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!   cargo bench -p sailau-app --bench protocols
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/postgres.rs"]
mod postgres;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Instant;

use jiff::civil::Date;
use sailau_app::{Acting, App, Clock};
use sailau_domain::elections::protocol::ProtocolNumbers;
use sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023;
use sailau_domain::elections::*;
use sailau_domain::registry::{CreateParty, CreatePrecinct, CreateTerritory};
use sailau_domain::*;
use sailau_ledger::LedgerSigningKey;
use sailau_storage::election_day::{ProtocolVersion, STATUS_ACCEPTED, StoredProtocol};
use sailau_storage::{SqliteSync, Store};

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PRECINCTS: u32 = 10_000;
const RUNS: usize = 3;
/// 2023-09-15 10:00 in Aktobe (UTC+5): the calls.
const CALL_MS: i64 = 1_694_754_000_000;
const DAY_MS: i64 = 86_400_000;

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

/// Election `r` is held on 5 Nov 2023 + 7·r days.
fn election_day(r: usize) -> Date {
    Date::constant(2023, 11, 5)
        .checked_add(jiff::Span::new().days(7 * r as i64))
        .unwrap()
}

fn election(r: usize) -> ElectionId {
    ElectionId(uuid::Uuid::from_u128(0xe0 + r as u128))
}

/// The file: one balanced protocol per precinct, two candidates.
fn csv() -> Vec<u8> {
    let mut out = String::from(
        "precinct_number,voters_on_list,ballots_received,issued_inside,issued_outside,cancelled,found_in_boxes,invalid,against_all,1,2\n",
    );
    for n in 1..=PRECINCTS {
        let (a, b) = (300 + n % 200, 200 + n % 150);
        let (invalid, against) = (n % 7, n % 11);
        let found = a + b + invalid + against;
        let outside = n % 30;
        let inside = found - outside + n % 5;
        let cancelled = 100 + n % 50;
        let received = inside + outside + cancelled;
        out.push_str(&format!(
            "{n},1500,{received},{inside},{outside},{cancelled},{found},{invalid},{against},{a},{b}\n"
        ));
    }
    out.into_bytes()
}

async fn setup(url: &str) -> (App, Arc<TestClock>) {
    let store = Store::connect_with(url, SqliteSync::Full).await.unwrap();
    let clock = Arc::new(TestClock(AtomicI64::new(CALL_MS)));
    let app = App::with_parts(store, LedgerSigningKey::from_seed(&[7; 32]), clock.clone());
    let mut commands: Vec<Issued> = vec![
        CreateTerritory {
            territory: Territory {
                code: code("150000000"),
                parent_code: None,
                kind: TerritoryKind::Region,
                names: names("Актюбинская область"),
            },
        }
        .into(),
        CreateTerritory {
            territory: Territory {
                code: code("155200000"),
                parent_code: Some(code("150000000")),
                kind: TerritoryKind::District,
                names: names("Уилский район"),
            },
        }
        .into(),
    ];
    for (c, name) in [("amanat", "Аманат"), ("akzhol", "Ак жол")] {
        commands.push(
            CreateParty {
                party: Party {
                    code: PartyCode::parse(c).unwrap(),
                    name_ru: format!("Партия {name}"),
                    name_kk: format!("{name} партиясы"),
                    name_en: String::new(),
                    short_name: name.into(),
                },
            }
            .into(),
        );
    }
    for n in 1..=PRECINCTS {
        commands.push(
            CreatePrecinct {
                precinct: NewPrecinct {
                    number: n,
                    territory_code: code("155200000"),
                    address: format!("с. Уил, ул. Абая, {n}"),
                    voters: 1500,
                },
            }
            .into(),
        );
    }
    app.execute_batch(&Acting::Operator, commands)
        .await
        .unwrap();
    for r in 0..RUNS {
        app.execute(
            &Acting::Operator,
            CallElection {
                election: election(r),
                names: names("Выборы акима Уилского района"),
                level: Level::District,
                election_day: election_day(r),
                territory: Some(code("150000000")),
                contests: vec![NewContest {
                    id: ContestId(uuid::Uuid::from_u128(0xc0 + r as u128)),
                    unit: code("155200000"),
                }],
                rule_set: KZ_AKIM_DISTRICT_2023.to_owned(),
                rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
            },
        )
        .await
        .unwrap();
    }
    clock.0.store(CALL_MS + 13 * DAY_MS, Ordering::SeqCst);
    for r in 0..RUNS {
        for (k, party) in ["amanat", "akzhol"].into_iter().enumerate() {
            register(&app, r, k, party).await;
        }
    }
    (app, clock)
}

/// Nominates and registers the `k`-th candidate of election `r`.
async fn register(app: &App, r: usize, k: usize, party: &str) {
    let nomination = NominationId(uuid::Uuid::from_u128(0x1000 + (r * 10 + k) as u128));
    let contest = ContestId(uuid::Uuid::from_u128(0xc0 + r as u128));
    let mut commands: Vec<Issued> = vec![
        NominateByParty {
            nomination,
            contest,
            candidate: Candidate {
                person: Person {
                    id: PersonId(uuid::Uuid::from_u128(0x2000 + (r * 10 + k) as u128)),
                    surname: "Касымов".into(),
                    given_name: format!("Ерлан {}", "И".repeat(r * 10 + k + 1)),
                    patronymic: "Болатович".into(),
                    birth_date: Date::constant(1975, 4, 12),
                    gender: Gender::Male,
                },
                post: "директор школы".into(),
                residence: "с. Уил".into(),
                qualifications: vec![
                    "citizenship".into(),
                    "legal_capacity".into(),
                    "civil_service_qualification".into(),
                ],
                incumbent: false,
            },
            party: PartyCode::parse(party).unwrap(),
            decision: Decision {
                number: "1".into(),
                date: Date::constant(2023, 9, 27),
                body: "Конференция".into(),
            },
            membership: Membership {
                document: "партийный билет".into(),
            },
        }
        .into(),
    ];
    for d in [
        "application",
        "deposit_receipt",
        "qualification_documents",
        "asset_declaration_certificate",
        "party_decision",
    ] {
        commands.push(
            TickDocument {
                nomination,
                document: d.into(),
                present: true,
            }
            .into(),
        );
    }
    commands.push(
        RecordDeposit {
            nomination,
            amount_tenge: 350_000,
            paid_on: Date::constant(2023, 9, 28),
            document_number: "ПП-1".into(),
        }
        .into(),
    );
    commands.push(RegisterCandidate { nomination }.into());
    app.execute_batch(&Acting::Operator, commands)
        .await
        .unwrap();
}

async fn run(backend: &str, url: &str) {
    let (app, clock) = setup(url).await;
    let bytes = csv();
    let region = code("150000000");
    // The baseline's rows: the same protocols, read once.
    let rules = RuleSet::parse(KZ_AKIM_DISTRICT_2023).unwrap().protocol;
    let rows = sailau_app::elections::day_import::read_protocols(
        election(0),
        &region,
        &rules,
        sailau_tabular::Format::Csv,
        &bytes,
    )
    .unwrap();
    let numbers: Vec<(PrecinctRef, ProtocolNumbers)> = rows
        .iter()
        .map(|r| match r.command.command() {
            Command::EnterProtocol(e) => (e.precinct.clone(), e.numbers.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    let mut full = Vec::new();
    let mut plain = Vec::new();
    for r in 0..RUNS {
        // 20:30 local in Aktobe on election day r.
        let day_ms = (election_day(r) - Date::constant(2023, 9, 15)).get_days() as i64 * DAY_MS;
        clock.0.store(
            CALL_MS + day_ms + 10 * 3_600_000 + 1_800_000,
            Ordering::SeqCst,
        );
        let start = Instant::now();
        let n = app
            .import_protocols(
                &Acting::Operator,
                election(r),
                &region,
                sailau_tabular::Format::Csv,
                bytes.clone(),
                &|_, _| {},
            )
            .await
            .unwrap();
        full.push(start.elapsed().as_secs_f64());
        assert_eq!(n, PRECINCTS as usize);

        let start = Instant::now();
        let mut tx = app.store().begin().await.unwrap();
        for (p, n) in &numbers {
            tx.put_protocol(&StoredProtocol {
                election: election(r),
                contest: ContestId(uuid::Uuid::from_u128(0xc0 + r as u128)),
                precinct: p.clone(),
                status: STATUS_ACCEPTED.to_owned(),
                version: 1,
                numbers: Some(n.clone()),
                accepted_at_ms: Some(0),
                updated_at_ms: 0,
            })
            .await
            .unwrap();
            tx.insert_protocol_version(
                &ElectionId(uuid::Uuid::from_u128(0xbe)),
                p,
                &ProtocolVersion {
                    version: 1,
                    numbers: n.clone(),
                    reason: None,
                    recorded_by: "operator".into(),
                    recorded_at_ms: 0,
                },
            )
            .await
            .unwrap();
        }
        tx.rollback().await.unwrap();
        plain.push(start.elapsed().as_secs_f64());
    }
    let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let (f, p) = (best(&full), best(&plain));
    println!(
        "{backend}: {PRECINCTS} protocols imported with every check and a ledger entry each in {f:.3} s \
         (best of {RUNS}) = {:.0} protocols/s; plain insert of the same rows: {p:.3} s = {:.0} rows/s; ratio {:.2}x",
        f64::from(PRECINCTS) / f,
        f64::from(PRECINCTS) / p,
        f / p,
    );
    app.store().close().await;
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
        match postgres::postgres_url("i12day_bench").await {
            Some(url) => {
                run("PostgreSQL", &url).await;
                postgres::drop_database(&url).await;
            }
            None => eprintln!("PostgreSQL skipped: set SAILAU_TEST_POSTGRES_URL"),
        }
    });
}

//! Online ballots accepted per second end to end (issue 14, measure 1): a primaries campaign sized
//! like 2020's — 700,000 public credentials published — and `BALLOTS` ballots made beforehand with
//! the Rust client, each submitted through HTTP on the in-process router (`POST
//! /api/v1/primaries/{id}/ballots`: strict reading, every proof and the signature, the listed
//! credential, not seen before, the participation register, the board with its tracking code,
//! the ledger entry, the signed tree head, one durable commit) by `CLIENTS` concurrent clients; on
//! SQLite (synchronous = FULL) and, when `SAILAU_TEST_POSTGRES_URL` is set, on PostgreSQL. In the
//! same run and on the same database, the baseline: a plain insert of the same ballot rows (the
//! same bytes), one transaction per ballot, without HTTP, checks or ledger.
//!
//! ```sh
//! SAILAU_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!   cargo bench -p sailau-web --bench ballots
//! ```
//!
//! `SAILAU_BENCH_CLIENTS=N` runs N concurrent clients instead of 64; `SAILAU_BENCH_ONLY=postgres`
//! skips SQLite; `SAILAU_BENCH_SQL` is run on PostgreSQL before the timed run (a trial of a
//! schema or setting). `SAILAU_BENCH_BALLOTS=N` submits N ballots instead of 3,000 (a longer timed run, for a
//! profile); `SAILAU_BENCH_PERF=FILE` records the timed run of each database with `perf record`
//! into `FILE.<database>` (`perf report -i FILE.sqlite` then shows where its time went): this
//! process on SQLite, the whole machine on PostgreSQL (`--comm postgres` for the server's share).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[path = "../../app/benches/support/postgres.rs"]
mod postgres;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use jiff::civil::Date;
use sailau_app::storage::primaries::online::BoardRow;
use sailau_app::storage::{SqliteSync, Store};
use sailau_app::{Acting, App, Clock};
use sailau_domain::party::commands::RecordMember;
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::primaries::campaign::{OpenCampaign, Position, PositionKind, Windows};
use sailau_domain::primaries::contenders::{DecideContender, Decision, RegisterContender, Route};
use sailau_domain::primaries::online::{CeremonyFile, PublishCeremonyFile, SubmissionKind};
use sailau_domain::primaries::rules::AMANAT_2020_TOML;
use sailau_domain::primaries::voting::FixBallot;
use sailau_domain::primaries::{CampaignId, ContenderId, Window};
use sailau_domain::registry::{CreateBranch, CreateParty, CreateTerritory};
use sailau_domain::*;
use sailau_ledger::LedgerSigningKey;
use sailau_web::{WebConfig, WebState};
use tower::ServiceExt;

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Public credentials published (the 2020 primaries' scale: about 700,000 members).
const CREDENTIALS: usize = 700_000;
/// Ballots submitted in the timed run, unless `SAILAU_BENCH_BALLOTS` says otherwise.
const BALLOTS: usize = 3_000;

/// The ballots of the timed run: `SAILAU_BENCH_BALLOTS`, or [`BALLOTS`].
fn ballots() -> usize {
    std::env::var("SAILAU_BENCH_BALLOTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(BALLOTS)
}

/// `perf record` of this process while the timed run lasts, when `SAILAU_BENCH_PERF` names a
/// file: started before the first ballot, stopped (SIGINT, so it writes its file) after the
/// last.
struct Profile(Option<std::process::Child>);

impl Profile {
    fn start(backend: &str) -> Profile {
        let Ok(file) = std::env::var("SAILAU_BENCH_PERF") else {
            return Profile(None);
        };
        // On PostgreSQL the server's processes do part of the work: the whole machine then.
        let whom = if backend == "postgres" {
            vec!["-a".to_owned()]
        } else {
            vec!["-p".to_owned(), std::process::id().to_string()]
        };
        let child = std::process::Command::new("perf")
            .args(["record", "-F", "1999", "-g", "-o"])
            .arg(format!("{file}.{backend}"))
            .args(whom)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("perf record");
        // perf needs a moment to attach before the run starts.
        std::thread::sleep(std::time::Duration::from_secs(1));
        Profile(Some(child))
    }

    fn stop(self) {
        if let Some(mut child) = self.0 {
            let _ = std::process::Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status();
            let _ = child.wait();
        }
    }
}
/// Concurrent clients (members submitting at the same moment at a peak).
const CLIENTS: usize = 64;

/// The concurrent clients: `SAILAU_BENCH_CLIENTS`, or [`CLIENTS`].
fn clients() -> usize {
    std::env::var("SAILAU_BENCH_CLIENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(CLIENTS)
}

struct TestClock(AtomicI64);

impl Clock for TestClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

fn at(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}

fn amanat() -> PartyCode {
    PartyCode::parse("amanat").unwrap()
}

fn names(ru: &str) -> Names {
    Names {
        ru: ru.into(),
        kk: format!("{ru} (қаз.)"),
        en: String::new(),
    }
}

fn user(s: &str) -> Username {
    Username::parse(s).unwrap()
}

async fn account(app: &App, name: &str, role: Role, scope: Scope) -> String {
    app.create_account(
        &Acting::Operator,
        Account {
            username: user(name),
            display_name: name.into(),
            role,
            scope,
            active: true,
        },
        "correct horse battery",
    )
    .await
    .unwrap();
    app.login(name, "correct horse battery", name)
        .await
        .unwrap()
        .token
}

/// A campaign with its key published and 700,000 credentials, `CLIENTS` member accounts, and
/// the submissions of `BALLOTS` ballots made beforehand.
async fn setup(url: &str) -> (App, Router, CampaignId, Vec<String>, Vec<String>) {
    let store = Store::connect_with(url, SqliteSync::Full).await.unwrap();
    let clock = Arc::new(TestClock(AtomicI64::new(
        at("2020-08-10T00:00:00Z").as_millisecond(),
    )));
    let app = App::with_parts(store, LedgerSigningKey::from_seed(&[7; 32]), clock.clone());
    let set = |t: &str| clock.0.store(at(t).as_millisecond(), Ordering::SeqCst);
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
    let mut batch = vec![
        territory("150000000", None, TerritoryKind::Region),
        territory("155200000", Some("150000000"), TerritoryKind::District),
        CreateParty {
            party: Party {
                code: amanat(),
                name_ru: "Партия «AMANAT»".into(),
                name_kk: "«AMANAT» партиясы".into(),
                name_en: String::new(),
                short_name: "AMANAT".into(),
            },
        }
        .into(),
    ];
    for t in ["150000000", "155200000"] {
        batch.push(
            CreateBranch {
                branch: Branch {
                    party_code: amanat(),
                    territory_code: code(t),
                },
            }
            .into(),
        );
    }
    let members: Vec<MemberId> = (0..clients() as u128 + 2)
        .map(|i| MemberId(uuid::Uuid::from_u128(10_000 + i)))
        .collect();
    for (i, m) in members.iter().enumerate() {
        let record = MemberRecord {
            salt: format!("{i:032x}"),
            card_number: format!("AM-{i:05}"),
            surname: "Сапаров".into(),
            given_name: format!("Член {i}"),
            patronymic: String::new(),
            birth_date: Date::constant(1980, 1, 1),
        };
        batch.push(Issued::new(
            RecordMember {
                member: *m,
                party: amanat(),
                branch: code("155200000"),
                joined_on: Date::constant(2010, 5, 4),
                commitment: record.commitment(),
            },
            record,
        ));
    }
    app.execute_batch(&Acting::Operator, batch).await.unwrap();
    let party_scope = Scope::Party {
        party: amanat(),
        territory: None,
    };
    for t in ["trustee-1", "trustee-2"] {
        account(&app, t, Role::Trustee, party_scope.clone()).await;
    }
    let campaign = CampaignId(uuid::Uuid::from_u128(1));
    let w = |a: &str, b: &str| Window {
        opens: at(a),
        closes: at(b),
    };
    let op = Acting::Operator;
    app.execute(
        &op,
        OpenCampaign {
            campaign,
            party: amanat(),
            territory: code("150000000"),
            title_ru: "Праймериз".into(),
            title_kk: "Праймериз".into(),
            title_en: "Primaries".into(),
            positions: vec![Position {
                key: "akim-155200000".into(),
                name_ru: "Кандидат в акимы".into(),
                name_kk: "Әкімдікке кандидат".into(),
                name_en: String::new(),
                kind: PositionKind::Akim {
                    unit: code("155200000"),
                },
            }],
            windows: Windows {
                registration: w("2020-08-16T19:00:00Z", "2020-08-28T19:00:00Z"),
                debates: w("2020-09-13T19:00:00Z", "2020-09-30T19:00:00Z"),
                online_voting: w("2020-09-30T19:00:00Z", "2020-10-03T09:00:00Z"),
                paper_voting: w("2020-10-03T03:00:00Z", "2020-10-03T09:00:00Z"),
            },
            trustees: vec![user("trustee-1"), user("trustee-2")],
            threshold: 2,
            rules: AMANAT_2020_TOML.into(),
        },
    )
    .await
    .unwrap();
    set("2020-08-20T06:00:00Z");
    let contenders: Vec<ContenderId> = (0..5)
        .map(|i| ContenderId(uuid::Uuid::from_u128(500 + i)))
        .collect();
    for (i, c) in contenders.iter().enumerate() {
        let member = MemberId(uuid::Uuid::from_u128(900 + i as u128));
        let record = MemberRecord {
            salt: format!("{:032x}", 900 + i),
            card_number: format!("AM-9{i:04}"),
            surname: "Контендер".into(),
            given_name: format!("{i}"),
            patronymic: String::new(),
            birth_date: Date::constant(1975, 1, 1),
        };
        app.execute(
            &op,
            Issued::new(
                RecordMember {
                    member,
                    party: amanat(),
                    branch: code("155200000"),
                    joined_on: Date::constant(2010, 5, 4),
                    commitment: record.commitment(),
                },
                record,
            ),
        )
        .await
        .unwrap();
        app.execute(
            &op,
            RegisterContender {
                contender: *c,
                campaign,
                position: "akim-155200000".into(),
                member,
                route: Route::SelfNominated,
                gender: if i % 2 == 0 {
                    Gender::Male
                } else {
                    Gender::Female
                },
                young: false,
                residence_years: 20,
                no_criminal_record: true,
            },
        )
        .await
        .unwrap();
        app.execute(
            &op,
            DecideContender {
                contender: *c,
                decision: Decision::Admit,
            },
        )
        .await
        .unwrap();
    }
    set("2020-09-30T12:00:00Z");
    app.execute(&op, FixBallot { campaign }).await.unwrap();
    let files = app.election_public(&campaign).await.unwrap().unwrap();
    let params = files.parameters.clone();
    let mut rng = rand::rng();
    let (s1, p1) = sailau_vote::generate_trustee(&params, 1, &mut rng).unwrap();
    let (s2, p2) = sailau_vote::generate_trustee(&params, 2, &mut rng).unwrap();
    let publics = vec![p1, p2];
    let d1 = sailau_vote::deal_shares(&params, &s1, &publics, &mut rng).unwrap();
    let d2 = sailau_vote::deal_shares(&params, &s2, &publics, &mut rng).unwrap();
    let dealt: Vec<_> = d1.iter().chain(&d2).cloned().collect();
    let mut files_of = Vec::new();
    for (i, p) in publics.iter().enumerate() {
        files_of.push((
            i as u32 + 1,
            CeremonyFile::Announcement {
                public: Box::new(p.clone()),
            },
        ));
    }
    files_of.push((1, CeremonyFile::Dealt { shares: d1 }));
    files_of.push((2, CeremonyFile::Dealt { shares: d2 }));
    for (i, s) in [&s1, &s2].into_iter().enumerate() {
        let key = match sailau_vote::receive_shares(&params, s, &publics, &dealt, &mut rng).unwrap()
        {
            sailau_vote::ShareOutcome::Accepted(k) => k,
            sailau_vote::ShareOutcome::Complaints(_) => panic!("complaints"),
        };
        files_of.push((
            i as u32 + 1,
            CeremonyFile::Finalized {
                verification_key: key.verification_key,
            },
        ));
    }
    for (trustee, file) in files_of {
        app.execute(
            &op,
            PublishCeremonyFile {
                campaign,
                trustee,
                file,
            },
        )
        .await
        .unwrap();
    }
    let ctx = sailau_vote::ElectionContext::new(&files.manifest, &params, &publics).unwrap();

    // The credentials: BALLOTS codes whose holders vote, the rest public points only.
    let codes: Vec<sailau_vote::CredentialCode> = (0..ballots())
        .map(|_| sailau_vote::CredentialCode::generate(&mut rng))
        .collect();
    let mut list: Vec<sailau_vote::Point> = codes
        .iter()
        .map(|c| *c.derive_key(ctx.parameters_hash()).public())
        .collect();
    list.extend(
        (ballots()..CREDENTIALS).map(|_| sailau_vote::generate_credential(&params, &mut rng).1),
    );
    list.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    let mut jsonl = String::with_capacity(CREDENTIALS * 82);
    for p in &list {
        jsonl.push_str(&format!("{{\"credential\":\"{}\"}}\n", p.to_hex()));
    }
    let start = Instant::now();
    app.execute(
        &op,
        sailau_app::primaries::online::credentials_command(campaign, jsonl.into_bytes()).unwrap(),
    )
    .await
    .unwrap();
    println!(
        "  (setup: {CREDENTIALS} credentials read, checked and stored in {:.1} s)",
        start.elapsed().as_secs_f64()
    );
    if url.starts_with("postgres") {
        // The credentials are published days before the window opens, and by then the
        // server's autovacuum has vacuumed and analyzed them; without this it would do so
        // during the timed run, right after the load.
        use sqlx::Connection;
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query("VACUUM (ANALYZE)")
            .execute(&mut c)
            .await
            .unwrap();
        // Dirty pages of the load written now, not by a checkpoint during the timed run.
        sqlx::query("CHECKPOINT").execute(&mut c).await.unwrap();
    }

    // The ballots, made beforehand with the Rust client, one option of five each.
    let manifest = &files.manifest;
    let submissions: Vec<String> = codes
        .iter()
        .enumerate()
        .map(|(k, code)| {
            let option = manifest.contests[0].options[k % 5].id.as_str();
            let plain = sailau_vote::PlaintextBallot::from_selections(
                manifest,
                &[(manifest.contests[0].id.as_str(), &[option])],
            )
            .unwrap();
            let v =
                sailau_record::voter::vote(&ctx, code, &plain, false, &mut rand::rng()).unwrap();
            serde_json::to_string(&v.submission).unwrap()
        })
        .collect();
    set("2020-10-01T06:00:00Z");
    let mut tokens = Vec::new();
    for (i, m) in members.iter().take(clients()).enumerate() {
        tokens.push(
            account(
                &app,
                &format!("member-{i}"),
                Role::PartyMember,
                Scope::Member { member: *m },
            )
            .await,
        );
    }
    let state = WebState::new(app.clone(), WebConfig::default()).unwrap();
    let router = sailau_web::router(state);
    (app, router, campaign, tokens, submissions)
}

async fn submit(router: &Router, campaign: &CampaignId, token: &str, body: &str) -> StatusCode {
    let req = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/primaries/{campaign}/ballots"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    status
}

/// The CPU time this process has used, user and system, in seconds (`/proc/self/stat`).
fn cpu_seconds() -> f64 {
    stat_cpu_seconds(&std::fs::read_to_string("/proc/self/stat").unwrap_or_default())
}

/// The CPU time all PostgreSQL server processes on this machine have used, in seconds: the
/// server's share of each ballot's work (0 when none runs here).
fn postgres_cpu_seconds() -> f64 {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    dir.flatten()
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter(|stat| stat.contains("(postgres)"))
        .map(|stat| stat_cpu_seconds(&stat))
        .sum()
}

/// User and system CPU seconds of one `/proc/PID/stat` line.
fn stat_cpu_seconds(stat: &str) -> f64 {
    // The fields after the command's name (which ends with the last ')').
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime: fields 14 and 15 of the line, 11 and 12 after the name; 100 ticks/s.
    (ticks(11) + ticks(12)) / 100.0
}

async fn run(backend: &str, url: &str) {
    let (app, router, campaign, tokens, submissions) = setup(url).await;
    let submissions = Arc::new(submissions);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let profile = Profile::start(backend);
    let (cpu, server_cpu) = (cpu_seconds(), postgres_cpu_seconds());
    let start = Instant::now();
    let mut tasks = Vec::new();
    for token in tokens {
        let (router, submissions, next) = (router.clone(), submissions.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(body) = submissions.get(i) else {
                    break;
                };
                submit(&router, &campaign, &token, body).await;
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let http = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let server_cpu = postgres_cpu_seconds() - server_cpu;
    profile.stop();

    // Baseline: the same ballot rows, inserted plainly, one transaction each, on another
    // campaign's board.
    let rows: Vec<BoardRow> = app
        .store()
        .board_rows(&campaign, SubmissionKind::Cast, 1, ballots() as u64)
        .await
        .unwrap();
    let other = CampaignId(uuid::Uuid::from_u128(2));
    let start = Instant::now();
    for r in &rows {
        let mut tx = app.store().begin().await.unwrap();
        tx.insert_board_row_plain(&other, r).await.unwrap();
        tx.commit_plain().await.unwrap();
    }
    let plain = start.elapsed().as_secs_f64();
    let n = ballots() as f64;
    println!(
        "{backend}: {} ballots through HTTP by {} clients against {CREDENTIALS} credentials \
         in {http:.2} s = {:.0} ballots/s ({:.2} ms of CPU per ballot in this process{}); baseline \
         (plain insert of the same rows, one transaction each): {plain:.2} s = {:.0} rows/s",
        ballots(),
        clients(),
        n / http,
        cpu * 1000.0 / n,
        if backend == "postgres" {
            format!(
                ", {:.2} ms in the PostgreSQL server",
                server_cpu * 1000.0 / n
            )
        } else {
            String::new()
        },
        n / plain
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
        let url = format!("sqlite:{}", dir.path().join("ballots.db").display());
        if std::env::var("SAILAU_BENCH_ONLY").as_deref() != Ok("postgres") {
            run("sqlite", &url).await;
        }
        match postgres::postgres_url("sailau_bench_ballots").await {
            Some(url) => {
                run("postgres", &url).await;
                postgres::drop_database(&url).await;
            }
            None => println!("postgres: skipped (SAILAU_TEST_POSTGRES_URL unset or unreachable)"),
        }
    });
}

//! A 1,000-delegate conference (issue 13, "Measure"), through HTTP on the in-process router: every
//! delegate checked in one request at a time (check-ins per second), a roll-call vote of all the
//! delegates recorded in one request, and the minutes PDF; on SQLite and, when
//! `SAILAU_TEST_POSTGRES_URL` is set, on PostgreSQL. In the same run and on the same database, the
//! baseline: a plain insert of the same rows (1,000 delegate rows with their check-in time, one
//! vote row), without HTTP, authorization, rules or ledger.
//!
//! ```sh
//! SAILAU_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!   cargo bench -p sailau-web --bench party
//! ```

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
use sailau_app::storage::{SqliteSync, Store};
use sailau_app::{Acting, App, Clock};
use sailau_domain::party::commands::{
    ConferenceId, ConferenceKind, ConveneConference, RecordMember,
};
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::party::vote::PartyRules;
use sailau_domain::registry::{CreateBranch, CreateParty, CreateTerritory};
use sailau_domain::*;
use sailau_ledger::LedgerSigningKey;
use sailau_web::{WebConfig, WebState};
use tower::ServiceExt;

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DELEGATES: u32 = 1_000;
/// 2023-09-27 12:00 in Aktobe: the conference's day.
const DAY_MS: i64 = 1_695_798_000_000;

struct TestClock(AtomicI64);

impl Clock for TestClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
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

/// The registry, the party, its Uil branch, 1,000 members, and two conferences of 1,000
/// delegates each (the second for the baseline's rows, rolled back).
async fn setup(url: &str) -> (App, Router, String, ConferenceId, Vec<MemberId>) {
    let store = Store::connect_with(url, SqliteSync::Full).await.unwrap();
    let clock = Arc::new(TestClock(AtomicI64::new(DAY_MS)));
    let app = App::with_parts(store, LedgerSigningKey::from_seed(&[7; 32]), clock);
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
        territory("154800000", Some("150000000"), TerritoryKind::District),
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
        CreateBranch {
            branch: Branch {
                party_code: amanat(),
                territory_code: code("154800000"),
            },
        }
        .into(),
    ];
    let mut members = Vec::new();
    for i in 0..DELEGATES {
        let record = MemberRecord {
            salt: format!("{:032x}", i),
            card_number: format!("AM-{i:05}"),
            surname: "Сапаров".into(),
            given_name: format!("Делегат {i}"),
            patronymic: String::new(),
            birth_date: Date::constant(1980, 1, 1),
        };
        let member = MemberId(uuid::Uuid::from_u128(10_000 + u128::from(i)));
        members.push(member);
        batch.push(Issued::new(
            RecordMember {
                member,
                party: amanat(),
                branch: code("154800000"),
                joined_on: Date::constant(2010, 5, 4),
                commitment: record.commitment(),
            },
            record,
        ));
    }
    let conference = ConferenceId(uuid::Uuid::from_u128(1));
    batch.push(
        ConveneConference {
            conference,
            party: amanat(),
            branch: code("154800000"),
            ordinal: 1,
            kind: ConferenceKind::Extraordinary,
            held_on: Date::constant(2023, 9, 27),
            place: "с. Уил, районный Дом культуры".into(),
            agenda: vec!["О выдвижении кандидата на должность акима района".into()],
            rules: PartyRules::amanat(),
        }
        .into(),
    );
    for (i, m) in members.iter().enumerate() {
        batch.push(
            sailau_domain::party::commands::SeatDelegate {
                conference,
                mandate: i as u32 + 1,
                member: *m,
            }
            .into(),
        );
    }
    app.execute_batch(&Acting::Operator, batch).await.unwrap();
    app.create_account(
        &Acting::Operator,
        Account {
            username: Username::parse("secretary").unwrap(),
            display_name: "Секретарь".into(),
            role: Role::PartySecretary,
            scope: Scope::Party {
                party: amanat(),
                territory: None,
            },
            active: true,
        },
        "correct horse battery",
    )
    .await
    .unwrap();
    let token = app
        .login("secretary", "correct horse battery", "127.0.0.1")
        .await
        .unwrap()
        .token;
    let state = WebState::new(app.clone(), WebConfig::default()).unwrap();
    let router = sailau_web::router(state);
    (app, router, token, conference, members)
}

async fn send(
    router: &Router,
    method: Method,
    uri: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> (StatusCode, Vec<u8>) {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(v) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            Body::from(v.to_string())
        }
        None => Body::empty(),
    };
    let res = router
        .clone()
        .oneshot(req.body(body).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, bytes)
}

fn id_of(bytes: &[u8]) -> String {
    let v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    v["id"].as_str().unwrap().to_owned()
}

async fn run(backend: &str, url: &str) {
    let (app, router, token, conference, members) = setup(url).await;
    let base = format!("/api/v1/party/conferences/{}", conference.0);

    // Check-ins, one request each.
    let start = Instant::now();
    for mandate in 1..=DELEGATES {
        let (status, body) = send(
            &router,
            Method::POST,
            &format!("{base}/check-in"),
            &token,
            Some(serde_json::json!({ "mandate": mandate })),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    }
    let check_ins = start.elapsed().as_secs_f64();

    // The presidium, then a roll-call resolution voted by every delegate.
    let (status, body) = send(
        &router,
        Method::POST,
        &format!("{base}/motions"),
        &token,
        Some(serde_json::json!({
            "subject": {"kind": "presidium", "chair": 1, "secretary": 2, "counting_commission": [3, 4, 5]},
            "mode": "open"
        })),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&body)
    );
    let presidium = id_of(&body);
    let (status, body) = send(
        &router,
        Method::POST,
        &format!("/api/v1/party/motions/{presidium}/votes"),
        &token,
        Some(serde_json::json!({"round": 1, "votes_for": [900], "against": 50, "abstain": 50})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let (status, body) = send(
        &router,
        Method::POST,
        &format!("{base}/motions"),
        &token,
        Some(serde_json::json!({
            "subject": {"kind": "resolution", "text": "Об итогах работы филиала"},
            "mode": "roll_call"
        })),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&body)
    );
    let resolution = id_of(&body);
    let roll_call: Vec<serde_json::Value> = (1..=DELEGATES)
        .map(|m| {
            let choice = match m % 10 {
                0 => "against",
                1 => "abstain",
                _ => "for",
            };
            serde_json::json!({"mandate": m, "choice": choice})
        })
        .collect();
    let start = Instant::now();
    let (status, body) = send(
        &router,
        Method::POST,
        &format!("/api/v1/party/motions/{resolution}/votes"),
        &token,
        Some(serde_json::json!({"round": 1, "roll_call": roll_call})),
    )
    .await;
    let vote = start.elapsed().as_secs_f64();
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));

    // The minutes as a PDF, in Russian and in Kazakh.
    let mut pdf = Vec::new();
    for lang in ["ru", "kk"] {
        let start = Instant::now();
        let (status, body) = send(
            &router,
            Method::GET,
            &format!(
                "/party/conferences/{}/minutes.pdf?lang={lang}",
                conference.0
            ),
            &token,
            None,
        )
        .await;
        pdf.push(start.elapsed().as_secs_f64());
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        assert!(body.starts_with(b"%PDF"));
    }

    // Baseline: the same rows inserted plainly on a second conference, rolled back.
    let second = ConferenceId(uuid::Uuid::from_u128(2));
    let mut tx = app.store().begin().await.unwrap();
    tx.insert_conference(&ConveneConference {
        conference: second,
        party: amanat(),
        branch: code("154800000"),
        ordinal: 2,
        kind: ConferenceKind::Extraordinary,
        held_on: Date::constant(2023, 9, 27),
        place: "с. Уил".into(),
        agenda: vec!["—".into()],
        rules: PartyRules::amanat(),
    })
    .await
    .unwrap();
    let start = Instant::now();
    for (i, m) in members.iter().enumerate() {
        tx.insert_delegate(&second, i as u32 + 1, m).await.unwrap();
        tx.check_in(&second, i as u32 + 1, DAY_MS).await.unwrap();
    }
    let plain_rows = start.elapsed().as_secs_f64();
    tx.rollback().await.unwrap();

    let n = f64::from(DELEGATES);
    println!(
        "{backend}: {DELEGATES} check-ins through HTTP in {check_ins:.3} s = {:.0} check-ins/s; \
         roll-call vote of {DELEGATES} delegates in one request: {:.1} ms; \
         minutes PDF: ru {:.1} ms, kk {:.1} ms; \
         baseline (plain insert of the {DELEGATES} delegate rows with their check-in, one transaction): \
         {plain_rows:.3} s = {:.0} rows/s",
        n / check_ins,
        vote * 1000.0,
        pdf[0] * 1000.0,
        pdf[1] * 1000.0,
        n / plain_rows,
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
        let url = format!("sqlite:{}", dir.path().join("party.db").display());
        run("sqlite", &url).await;
        match postgres::postgres_url("sailau_bench_party").await {
            Some(url) => {
                run("postgres", &url).await;
                postgres::drop_database(&url).await;
            }
            None => println!("postgres: skipped (SAILAU_TEST_POSTGRES_URL unset or unreachable)"),
        }
    });
}

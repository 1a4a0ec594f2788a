//! The signature-sheet API in-process on every backend (issue 11, item 5): a commission uploads
//! a CSV, the public sees counts and the commission the flagged lines, bad rows and an early
//! erasure are refused with the rule, another role is refused before parsing.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use jiff::civil::Date;
use sailau_app::storage::Store;
use sailau_app::{Acting, App, Clock};
use sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023;
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, Candidate, ContestId, ElectionId, Level, NewContest,
    NominationId, RuleSet,
};
use sailau_domain::registry::{CreatePrecinct, CreateTerritory};
use sailau_domain::*;
use sailau_ledger::LedgerSigningKey;
use sailau_web::{WebConfig, WebState};
use tower::ServiceExt;

use crate::databases;

/// 2023-09-16 12:00 in Almaty: the call; the sheets come 9 days later.
const CALL_MS: i64 = 1_694_844_000_000;

struct FixedClock(AtomicI64);

impl Clock for FixedClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

struct Setup {
    backend: &'static str,
    app: App,
    router: axum::Router,
    nomination: NominationId,
    _db: databases::TestDatabase,
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

/// District 101000000 (1,000 voters: 10 signatures needed) of region 100000000, the election of
/// 5 Nov 2023 and a self-nomination, with the clock at 2023-09-25.
async fn setup(db: databases::TestDatabase) -> Setup {
    let store = Store::connect(&db.url).await.unwrap();
    let clock = Arc::new(FixedClock(AtomicI64::new(CALL_MS)));
    let app = App::with_parts(store, LedgerSigningKey::from_seed(&[7; 32]), clock.clone());
    let territory = |c: &str, parent: Option<&str>, kind| -> Issued {
        CreateTerritory {
            territory: Territory {
                code: code(c),
                parent_code: parent.map(code),
                kind,
                names: names(&format!("Территория {c}")),
            },
        }
        .into()
    };
    app.execute_batch(
        &Acting::Operator,
        vec![
            territory("100000000", None, TerritoryKind::Region),
            territory("101000000", Some("100000000"), TerritoryKind::District),
            territory("200000000", None, TerritoryKind::Region),
            CreatePrecinct {
                precinct: NewPrecinct {
                    number: 1,
                    territory_code: code("101000000"),
                    address: "ул. Абая, 1".into(),
                    voters: 1000,
                },
            }
            .into(),
        ],
    )
    .await
    .unwrap();
    let contest = ContestId(uuid::Uuid::from_u128(2));
    app.execute(
        &Acting::Operator,
        CallElection {
            election: ElectionId(uuid::Uuid::from_u128(1)),
            names: names("Выборы акима"),
            level: Level::District,
            election_day: Date::constant(2023, 11, 5),
            territory: Some(code("100000000")),
            contests: vec![NewContest {
                id: contest,
                unit: code("101000000"),
            }],
            rule_set: KZ_AKIM_DISTRICT_2023.to_owned(),
            rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
        },
    )
    .await
    .unwrap();
    clock.0.store(CALL_MS + 86_400_000, Ordering::SeqCst);
    let nomination = NominationId(uuid::Uuid::from_u128(3));
    app.execute(
        &Acting::Operator,
        ApplySelfNomination {
            nomination,
            contest,
            candidate: Candidate {
                person: Person {
                    id: PersonId(uuid::Uuid::from_u128(4)),
                    surname: "Касымов".into(),
                    given_name: "Ерлан".into(),
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
    clock.0.store(CALL_MS + 9 * 86_400_000, Ordering::SeqCst);
    let state = WebState::new(app.clone(), WebConfig::default()).unwrap();
    Setup {
        backend: db.backend,
        router: sailau_web::router(state),
        app,
        nomination,
        _db: db,
    }
}

async fn all() -> Vec<Setup> {
    let mut out = Vec::new();
    for db in databases::all().await {
        out.push(setup(db).await);
    }
    out
}

impl Setup {
    async fn token(&self, username: &str, role: Role, scope: Scope) -> String {
        let account = Account {
            username: Username::parse(username).unwrap(),
            display_name: "Тестовая учётная запись".into(),
            role,
            scope,
            active: true,
        };
        self.app
            .create_account(&Acting::Operator, account, "a long passphrase here")
            .await
            .unwrap();
        self.app
            .login(username, "a long passphrase here", "test-client")
            .await
            .unwrap()
            .token
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: &str,
    ) -> (StatusCode, serde_json::Value, String) {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "text/csv");
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(Body::from(body.to_owned())).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
            text,
        )
    }
}

/// A valid IIN born `yymmdd` in the 20th century (gender digit 3), the check digit searched.
fn iin(yymmdd: &str, serial: u32) -> String {
    (serial..serial + 50)
        .find_map(|s| {
            (0..10)
                .map(|d| format!("{yymmdd}3{:04}{d}", s % 10_000))
                .find(|t| sailau_domain::elections::iin::Iin::parse(t).is_ok())
        })
        .unwrap()
}

const HEADER: &str =
    "sheet,line,surname,given_name,patronymic,iin,address,territory_code,signed_on";

#[tokio::test]
async fn the_commission_uploads_the_public_sees_counts_only() {
    for s in all().await {
        let b = s.backend;
        let path = format!("/api/v1/elections/nominations/{}/signatures", s.nomination);
        let tik = s
            .token(
                "tik.100",
                Role::TerritorialCommission,
                Scope::Territory {
                    territory: code("100000000"),
                },
            )
            .await;
        let observer = s.token("observer.1", Role::Observer, Scope::Global).await;
        let adult = iin("850714", 120);
        let mut csv = format!("{HEADER}\n");
        for i in 0..10 {
            csv.push_str(&format!(
                "1,{},Жумабаева,Айгерим,,{},\"ул. Абая, 5\",101000000,20.09.2023\n",
                i + 1,
                iin("800101", 200 + i * 60)
            ));
        }
        csv.push_str(&format!(
            "2,1,Жумабаева,Айгерим,,{adult},\"ул. Абая, 5\",101000000,20.09.2023\n\
             2,2,Жумабаева,Айгерим,,{adult},\"ул. Абая, 5\",101000000,21.09.2023\n\
             2,3,Жумабаева,Айгерим,,12345,\"ул. Абая, 5\",101000000,21.09.2023\n\
             2,4,Жумабаева,Айгерим,,{},\"ул. Абая, 5\",200000000,21.09.2023\n",
            iin("700101", 900)
        ));
        // Another role is refused before the file is read.
        let (status, _, text) = s.send(Method::POST, &path, Some(&observer), &csv).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{b}: {text}");
        let (status, json, text) = s.send(Method::POST, &path, Some(&tik), &csv).await;
        assert_eq!(status, StatusCode::OK, "{b}: {text}");
        assert_eq!(json["counts"]["lines"], 14, "{b}: {text}");
        assert_eq!(json["counts"]["valid"], 11, "{b}: {text}");
        assert_eq!(json["counts"]["duplicate"], 1, "{b}: {text}");
        assert_eq!(json["counts"]["iin_malformed"], 1, "{b}: {text}");
        assert_eq!(json["counts"]["outside_unit"], 1, "{b}: {text}");
        assert_eq!(json["required"], 10, "{b}: {text}");
        let dup = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["line"] == 2 && f["sheet"] == 2)
            .unwrap();
        assert_eq!(dup["grounds"][0]["ground"], "duplicate", "{b}: {text}");
        assert_eq!(dup["grounds"][0]["first_line"], 1, "{b}: {text}");

        // The public: counts and the verdict, no signer.
        let (status, json, text) = s.send(Method::GET, &path, None, "").await;
        assert_eq!(status, StatusCode::OK, "{b}: {text}");
        assert_eq!(json["enough"], true, "{b}: {text}");
        assert!(json.get("flagged").is_none(), "{b}: {text}");
        assert!(
            !text.contains(&adult) && !text.contains("Жумабаева"),
            "{b}: {text}"
        );
        // The commission: the flagged lines.
        let (_, json, text) = s.send(Method::GET, &path, Some(&tik), "").await;
        assert_eq!(
            json["flagged"].as_array().map(Vec::len),
            Some(3),
            "{b}: {text}"
        );
        // Nor does the public ledger hold a signer.
        let (_, _, ledger) = s
            .send(Method::GET, "/api/ledger/entries?start=0&end=100", None, "")
            .await;
        assert!(ledger.contains("record_signature_sheets"), "{b}: {ledger}");
        assert!(
            !ledger.contains(&adult) && !ledger.contains("Жумабаева"),
            "{b}"
        );

        // Erasure before the retention period: 422 naming the first day allowed.
        let (status, json, text) = s
            .send(Method::POST, &format!("{path}/erase"), Some(&tik), "")
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{b}: {text}");
        assert_eq!(
            json["errors"][0]["rule"], "signature-retention",
            "{b}: {text}"
        );
        assert!(text.contains("04.11.2024"), "{b}: {text}");
    }
}

#[tokio::test]
async fn bad_rows_are_listed_with_their_lines_and_nothing_is_recorded() {
    for s in all().await {
        let b = s.backend;
        let path = format!("/api/v1/elections/nominations/{}/signatures", s.nomination);
        let good = iin("800101", 300);
        let csv = format!(
            "{HEADER}\n\
             1,1,Жумабаева,Айгерим,,{good},\"ул. Абая, 5\",101000000,20.09.2023\n\
             1,2,Жумабаева,Айгерим,,{good},\"ул. <Абая>\",101000000,2023-13-01\n"
        );
        let (status, json, text) = s
            .send(Method::POST, &path, Some(&s.operator_token().await), &csv)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{b}: {text}");
        let errors = json["errors"].as_array().unwrap();
        let got: Vec<(u64, &str)> = errors
            .iter()
            .map(|e| (e["line"].as_u64().unwrap(), e["field"].as_str().unwrap()))
            .collect();
        assert_eq!(got, vec![(3, "signed_on"), (3, "address")], "{b}: {text}");
        let (_, json, _) = s.send(Method::GET, &path, None, "").await;
        assert_eq!(json["batches"].as_array().map(Vec::len), Some(0), "{b}");
        // An unknown nomination is named as missing; a malformed id is a bad request.
        let (status, _, text) = s
            .send(
                Method::GET,
                "/api/v1/elections/nominations/01900000-0000-7000-8000-00000000ffff/signatures",
                None,
                "",
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{b}: {text}");
        let (status, _, _) = s
            .send(
                Method::GET,
                "/api/v1/elections/nominations/x/signatures",
                None,
                "",
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{b}");
    }
}

impl Setup {
    /// A CEC member (allowed anywhere).
    async fn operator_token(&self) -> String {
        self.token("cec.1", Role::CecMember, Scope::Global).await
    }
}

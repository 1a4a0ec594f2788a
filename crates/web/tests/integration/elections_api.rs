//! The elections API in-process on every backend: calling an election, a self-nomination, the
//! completeness refusal naming every condition, public reads, and bad ids and unknown ids.

use axum::http::Method;
use serde_json::json;

use crate::common::backends;
use sailau_domain::{Role, Scope, TerritoryCode};

#[tokio::test]
async fn call_nominate_and_read_through_the_api() {
    for t in backends().await {
        t.load_small().await;
        let cec = t.login(Role::CecMember, Scope::Global).await;
        let abai = t
            .login(
                Role::TerritorialCommission,
                Scope::Territory {
                    territory: TerritoryCode::parse("100000000").unwrap(),
                },
            )
            .await;
        // Election day 60 days from today: the call (by E−50) and nomination are open now.
        let day = jiff::Zoned::now()
            .date()
            .checked_add(jiff::ToSpan::days(60))
            .unwrap();
        let body = json!({
            "name_ru": "Выборы акимов", "name_kk": "Әкімдер сайлауы", "level": "district",
            "election_day": day.to_string(), "territory": "100000000",
            "units": ["101800000", "103200000"], "preset": "kz-akim-district-2023"
        });
        let before = t.ledger_size().await;
        // Out of its territory: Akkol is in Akmola.
        let mut outside = body.clone();
        outside["units"] = json!(["113200000"]);
        let r = t
            .send_json(
                Method::POST,
                "/api/v1/elections",
                Some(&outside),
                Some(&abai.token),
            )
            .await;
        assert_eq!(r.status, 422, "{}: {}", t.backend, r.body);
        assert!(r.body.contains("election-unit-outside"), "{}", r.body);
        let r = t
            .send_json(
                Method::POST,
                "/api/v1/elections",
                Some(&body),
                Some(&abai.token),
            )
            .await;
        assert_eq!(r.status, 201, "{}: {}", t.backend, r.body);
        assert_eq!(t.ledger_size().await, before + 1);
        let id = r.json()["id"].as_str().unwrap().to_owned();
        // Public reads.
        let r = t.get(&format!("/api/v1/elections/{id}")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let view = r.json();
        assert_eq!(view["calendar"]["zone"], "Asia/Almaty");
        assert_eq!(view["contests"].as_array().unwrap().len(), 2);
        let contest = view["contests"][0]["contest"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            t.get("/api/v1/elections")
                .await
                .json()
                .as_array()
                .unwrap()
                .len(),
            1
        );
        // Nomination opens the day after the call: refused today, with the opening in local time.
        let r = t
            .send_json(Method::POST, &format!("/api/v1/elections/contests/{contest}/nominations"), Some(&json!({
                "route": "self_nominated",
                "nominee": {"surname": "Бекова", "given_name": "Айгүл", "birth_date": "1985-02-02",
                    "gender": "female", "post": "учитель", "residence": "г. Курчатов"}
            })), Some(&abai.token))
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("election-window-not-open"), "{}", r.body);
        // Another election, called two days ago (through the app at that instant).
        struct Past(i64);
        impl sailau_app::Clock for Past {
            fn now_ms(&self) -> i64 {
                self.0
            }
        }
        let two_days_ago = jiff::Timestamp::now().as_millisecond() - 2 * 86_400_000;
        let past = t.app.with_clock(std::sync::Arc::new(Past(two_days_ago)));
        let rules = sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023;
        let contest_id = sailau_domain::elections::ContestId(uuid::Uuid::new_v4());
        past.execute(
            &sailau_app::Acting::Operator,
            sailau_domain::elections::CallElection {
                election: sailau_domain::elections::ElectionId(uuid::Uuid::new_v4()),
                names: sailau_domain::Names {
                    ru: "Выборы".into(),
                    kk: "Сайлау".into(),
                    en: String::new(),
                },
                level: sailau_domain::elections::Level::District,
                election_day: day.checked_add(jiff::ToSpan::days(1)).unwrap(),
                territory: None,
                contests: vec![sailau_domain::elections::NewContest {
                    id: contest_id,
                    unit: TerritoryCode::parse("101800000").unwrap(),
                }],
                rule_set: rules.into(),
                rule_set_sha256: sailau_domain::elections::RuleSet::digest(rules),
            },
        )
        .await
        .unwrap();
        let contest = contest_id.to_string();
        // A self-nomination entered by the commission.
        let nominee = json!({
            "route": "self_nominated",
            "nominee": {
                "surname": "Бекова", "given_name": "Айгүл", "patronymic": "Серікқызы",
                "birth_date": "1985-02-02", "gender": "female",
                "post": "учитель", "residence": "г. Курчатов",
                "qualifications": ["citizenship", "legal_capacity", "civil_service_qualification"]
            }
        });
        let r = t
            .send_json(
                Method::POST,
                &format!("/api/v1/elections/contests/{contest}/nominations"),
                Some(&nominee),
                Some(&abai.token),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let nomination = r.json()["id"].as_str().unwrap().to_owned();
        // Registration names every missing condition at once.
        let r = t
            .send_json(
                Method::POST,
                &format!("/api/v1/elections/nominations/{nomination}/decision"),
                Some(&json!({"decision": "register"})),
                Some(&cec.token),
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        for rule in [
            "election-document-missing",
            "election-deposit-missing",
            "election-signatures-missing",
        ] {
            assert!(r.body.contains(rule), "{rule}: {}", r.body);
        }
        // A mistyped attachment.
        let r = t
            .send(
                axum::http::Request::builder()
                    .method(Method::POST)
                    .uri(format!(
                        "/api/v1/elections/nominations/{nomination}/documents/application"
                    ))
                    .header("authorization", format!("Bearer {}", cec.token))
                    .header("content-type", "application/pdf")
                    .body(axum::body::Body::from("not a pdf at all"))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("election-attachment-type"), "{}", r.body);
        let r = t
            .get(&format!("/api/v1/elections/nominations/{nomination}"))
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(r.json()["nomination"]["status"]["status"], "nominated");
        assert_eq!(r.json()["nomination"]["candidate"]["incumbent"], false);
        // The sitting akim, declared as such in the nomination, and read back so.
        let r = t
            .send_json(
                Method::POST,
                &format!("/api/v1/elections/contests/{contest}/nominations"),
                Some(&json!({
                    "route": "self_nominated",
                    "nominee": {
                        "surname": "Ахметов", "given_name": "Ерлан",
                        "birth_date": "1971-05-04", "gender": "male",
                        "post": "аким города Курчатова", "residence": "г. Курчатов",
                        "qualifications": ["citizenship"], "incumbent": true
                    }
                })),
                Some(&abai.token),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let sitting = r.json()["id"].as_str().unwrap().to_owned();
        let r = t
            .get(&format!("/api/v1/elections/nominations/{sitting}"))
            .await;
        assert_eq!(r.json()["nomination"]["candidate"]["incumbent"], true);
        // A flag that is not a boolean is refused.
        let r = t
            .send_json(
                Method::POST,
                &format!("/api/v1/elections/contests/{contest}/nominations"),
                Some(&json!({
                    "route": "self_nominated",
                    "nominee": {
                        "surname": "Омаров", "given_name": "Нурлан",
                        "birth_date": "1980-01-01", "gender": "male",
                        "post": "учитель", "residence": "г. Курчатов", "incumbent": "yes"
                    }
                })),
                Some(&abai.token),
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("nominee.incumbent"), "{}", r.body);
        let r = t
            .get(&format!("/api/v1/elections/contests/{contest}/ballot"))
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(r.json()["against_all_ru"], "Против всех");
        // Bad and unknown ids.
        assert_eq!(t.get("/api/v1/elections/not-a-uuid").await.status, 400);
        let r = t
            .get("/api/v1/elections/01900000-0000-7000-8000-000000000000")
            .await;
        assert_eq!(r.status, 404, "{}", r.body);
        // The workbench needs a commission.
        let observer = t.login(Role::Observer, Scope::Global).await;
        let r = t
            .send_json(
                Method::GET,
                "/api/v1/elections/workbench",
                None,
                Some(&observer.token),
            )
            .await;
        assert_eq!(r.status, 403, "{}", r.body);
        let r = t
            .send_json(
                Method::GET,
                "/api/v1/elections/workbench",
                None,
                Some(&abai.token),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        // Both applications await the commission, the sitting akim's marked as such.
        let items = r.json();
        let items = items.as_array().unwrap();
        assert_eq!(items.len(), 2);
        let sitting: Vec<&str> = items
            .iter()
            .filter(|i| i["nomination"]["candidate"]["incumbent"] == true)
            .filter_map(|i| i["nomination"]["candidate"]["person"]["surname"].as_str())
            .collect();
        assert_eq!(sitting, ["Ахметов"]);
    }
}

/// The domain's JSON of a candidate leaves `incumbent` out when it is `false` (so that ledger
/// entries written before the flag keep their bytes); the API always states it.
fn stated_incumbency(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            if let Some(serde_json::Value::Object(c)) = o.get_mut("candidate")
                && c.contains_key("person")
            {
                c.entry("incumbent").or_insert(json!(false));
            }
            o.values_mut().for_each(stated_incumbency);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(stated_incumbency),
        _ => {}
    }
}

/// The API's typed answers (their OpenAPI schemas) say exactly what the app's reads hold: over
/// the demo's elections (every route and status of nomination), each answer is the app's value
/// as JSON, field for field.
#[tokio::test]
async fn typed_answers_carry_the_apps_reads_field_for_field() {
    use sailau_domain::elections::{ContestId, ElectionId, NominationId};
    let t = crate::common::TestApp::sqlite().await;
    t.load_demo().await;
    let app = &t.app;
    let same = async |path: String, mut want: serde_json::Value| {
        stated_incumbency(&mut want);
        let r = t.get(&path).await;
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert_eq!(r.json(), want, "{path}");
    };
    let elections = app.elections().await.unwrap();
    assert!(!elections.is_empty());
    // The list is a summary: the election without its call date and rule set text.
    let mut summaries = json!(elections);
    for e in summaries.as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        e.remove("called_on");
        e.remove("rule_set_toml");
    }
    same("/api/v1/elections".into(), summaries).await;
    let mut statuses = std::collections::BTreeSet::new();
    for e in &elections {
        let id: ElectionId = e.id;
        let view = app.election(&id).await.unwrap();
        same(format!("/api/v1/elections/{id}"), json!(view)).await;
        let registered = app.registered_candidates(&id).await.unwrap();
        same(
            format!("/api/v1/elections/{id}/candidates"),
            json!(registered),
        )
        .await;
        for c in &view.contests {
            let contest: ContestId = c.contest.id;
            let contest_view = app.contest(&contest).await.unwrap();
            same(
                format!("/api/v1/elections/contests/{contest}"),
                json!(contest_view),
            )
            .await;
            let ballot = app.ballot(&contest).await.unwrap();
            same(
                format!("/api/v1/elections/contests/{contest}/ballot"),
                json!(ballot),
            )
            .await;
            for n in &contest_view.nominations {
                let nomination: NominationId = n.id;
                statuses.insert(n.status.as_str());
                let view = app.nomination(&nomination).await.unwrap();
                same(
                    format!("/api/v1/elections/nominations/{nomination}"),
                    json!(view),
                )
                .await;
            }
        }
    }
    // The demo reaches the decided statuses, so their variants of the schema were compared.
    for status in ["cancelled", "refused", "registered"] {
        assert!(statuses.contains(status), "{status}: {statuses:?}");
    }
}

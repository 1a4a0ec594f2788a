//! The JSON API, in-process on every backend: the public ledger and its proofs, writes through
//! the app with their ledger entries, problem+json for every bad input (never a 500), the
//! OpenAPI document (snapshot, and every route documented).

use axum::body::Body;
use axum::http::{Method, Request, header};
use sailau_domain::{Role, Scope, TerritoryCode};
use sailau_ledger::{Hash, SignedTreeHead, hash_from_hex, leaf_hash};
use serde_json::{Value, json};

use crate::common::{Login, TestApp, TestResponse, backends};

// ---------- helpers ----------

async fn send_raw(
    t: &TestApp,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: impl Into<Body>,
    headers: &[(&str, &str)],
) -> TestResponse {
    let mut b = Request::builder().method(method).uri(path);
    if let Some(ct) = content_type {
        b = b.header(header::CONTENT_TYPE, ct);
    }
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    t.send(b.body(body.into()).unwrap()).await
}

async fn post(t: &TestApp, path: &str, body: &Value, who: Option<&Login>) -> TestResponse {
    t.send_json(
        Method::POST,
        path,
        Some(body),
        who.map(|w| w.token.as_str()),
    )
    .await
}

async fn put(t: &TestApp, path: &str, body: &Value, who: &Login) -> TestResponse {
    t.send_json(Method::PUT, path, Some(body), Some(&who.token))
        .await
}

async fn get_bearer(t: &TestApp, path: &str, who: &Login) -> TestResponse {
    t.get_with(path, &[("authorization", &format!("Bearer {}", who.token))])
        .await
}

/// Asserts a problem+json answer with `status` and returns its document.
fn problem(r: &TestResponse, status: u16, ctx: &str) -> Value {
    assert_eq!(r.status.as_u16(), status, "{ctx}: {}", r.body);
    assert_eq!(
        r.header("content-type"),
        Some("application/problem+json"),
        "{ctx}: {}",
        r.body
    );
    let p = r.json();
    assert_eq!(p["status"], status, "{ctx}: {p}");
    assert!(
        p["type"].as_str().unwrap().starts_with("/problems/"),
        "{ctx}: {p}"
    );
    assert!(p["title"].is_string(), "{ctx}: {p}");
    p
}

/// Sends `body` to `path` with `method` as `who` and asserts the answer's `status` (a problem
/// document for 4xx and 5xx); returns the answer's JSON.
async fn answer(
    t: &TestApp,
    method: Method,
    path: &str,
    body: &Value,
    who: Option<&Login>,
    status: u16,
    ctx: &str,
) -> Value {
    let r = t
        .send_json(method, path, Some(body), who.map(|w| w.token.as_str()))
        .await;
    if status >= 400 {
        problem(&r, status, ctx)
    } else {
        assert_eq!(r.status.as_u16(), status, "{ctx}: {}", r.body);
        r.json()
    }
}

/// A problem's (field, rule) pairs, sorted: what one answer named at once, in any order.
pub(crate) fn sorted_errors(p: &Value) -> Vec<(String, String)> {
    let mut named = errors(p);
    named.sort();
    named
}

/// (field, rule) pairs as [`errors`] gives them.
pub(crate) fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(f, r)| ((*f).to_owned(), (*r).to_owned()))
        .collect()
}

/// The (field, rule) pairs of a problem's `errors`.
pub(crate) fn errors(p: &Value) -> Vec<(String, String)> {
    p["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or("").to_owned(),
                        e["rule"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn hash(v: &Value) -> Hash {
    hash_from_hex(v.as_str().unwrap()).unwrap()
}

fn hashes(v: &Value) -> Vec<Hash> {
    v.as_array().unwrap().iter().map(hash).collect()
}

async fn admin(t: &TestApp) -> Login {
    t.login(Role::Administrator, Scope::Global).await
}

fn region(code: &str) -> Scope {
    Scope::Territory {
        territory: TerritoryCode::parse(code).unwrap(),
    }
}

// ---------- the public ledger ----------

#[tokio::test]
async fn ledger_head_entries_and_proofs_verify() {
    for t in backends().await {
        let ctx = t.backend;
        // An empty ledger has a signed head too.
        let r = t.get("/api/ledger/head").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["signed_head"]["head"]["size"], 0, "{ctx}");

        t.load_small().await;
        let r = t.get("/api/ledger/head").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        let body = r.json();
        let sth: SignedTreeHead = serde_json::from_value(body["signed_head"].clone())
            .unwrap_or_else(|e| panic!("{ctx}: the head is not a SignedTreeHead: {e}: {body}"));
        let key =
            sailau_ledger::verifying_key_from_hex(body["public_key"].as_str().unwrap()).unwrap();
        sailau_ledger::verify(&sth, &key).unwrap_or_else(|e| panic!("{ctx}: signature: {e}"));
        let size = sth.head.size;
        assert_eq!(size, t.ledger_size().await, "{ctx}");
        assert!(size >= 8, "{ctx}: the small registry has {size} entries");

        // Entries: every leaf hash is the hash of the canonical bytes.
        let r = t.get("/api/ledger/entries?start=0").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        let page = r.json();
        assert_eq!(page["size"], size, "{ctx}");
        assert_eq!(page["end"], size, "{ctx}");
        let entries = page["entries"].as_array().unwrap().clone();
        assert_eq!(entries.len() as u64, size, "{ctx}");
        let mut leaves = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(e["index"], i as u64, "{ctx}");
            let leaf = leaf_hash(e["canonical"].as_str().unwrap().as_bytes());
            assert_eq!(leaf, hash(&e["leaf_hash"]), "{ctx}: entry {i}");
            assert_eq!(e["entry"]["index"], i as u64, "{ctx}");
            leaves.push(leaf);
        }

        // An inclusion proof for every entry verifies against the signed root.
        for (i, leaf) in leaves.iter().enumerate() {
            let r = t
                .get(&format!(
                    "/api/ledger/proof/inclusion?index={i}&size={size}"
                ))
                .await;
            assert_eq!(r.status, 200, "{ctx}: {}", r.body);
            let a = r.json();
            assert_eq!(hash(&a["leaf_hash"]), *leaf, "{ctx}: entry {i}");
            assert_eq!(hash(&a["root"]), sth.head.root, "{ctx}: entry {i}");
            sailau_ledger::verify_inclusion(
                leaf,
                i as u64,
                size,
                &hashes(&a["proof"]["path"]),
                &sth.head.root,
            )
            .unwrap_or_else(|e| panic!("{ctx}: inclusion of {i}: {e}"));
        }
        // `size` defaults to the current size.
        let r = t.get("/api/ledger/proof/inclusion?index=0").await;
        assert_eq!(r.json()["proof"]["size"], size, "{ctx}");

        // Consistency between every earlier size and the current one; roots agree with the
        // inclusion proofs' roots at those sizes.
        for first in 1..=size {
            let r = t
                .get(&format!(
                    "/api/ledger/proof/consistency?first={first}&second={size}"
                ))
                .await;
            assert_eq!(r.status, 200, "{ctx}: {}", r.body);
            let a = r.json();
            let first_root = hash(&a["first_root"]);
            assert_eq!(hash(&a["second_root"]), sth.head.root, "{ctx}");
            sailau_ledger::verify_consistency(
                first,
                size,
                &first_root,
                &sth.head.root,
                &hashes(&a["proof"]["path"]),
            )
            .unwrap_or_else(|e| panic!("{ctx}: consistency {first}..{size}: {e}"));
            let r = t
                .get(&format!("/api/ledger/proof/inclusion?index=0&size={first}"))
                .await;
            assert_eq!(hash(&r.json()["root"]), first_root, "{ctx}: size {first}");
        }

        // Paging.
        let r = t.get("/api/ledger/entries?start=2&end=5").await;
        let page = r.json();
        assert_eq!(page["entries"].as_array().unwrap().len(), 3, "{ctx}");
        assert_eq!(page["entries"][0]["index"], 2, "{ctx}");
        let r = t.get(&format!("/api/ledger/entries?start={size}")).await;
        assert_eq!(r.status, 200, "{ctx}");
        assert_eq!(r.json()["entries"].as_array().unwrap().len(), 0, "{ctx}");

        // Well-formed but beyond this ledger: 404 problems; past the end of the entries or an
        // empty range: an empty page.
        for path in [
            format!("/api/ledger/proof/inclusion?index={size}&size={size}"),
            format!("/api/ledger/proof/inclusion?index=0&size={}", size + 1),
            "/api/ledger/proof/inclusion?index=9223372036854775807&size=9223372036854775807"
                .to_owned(),
            "/api/ledger/proof/consistency?first=3&second=2".to_owned(),
            format!("/api/ledger/proof/consistency?first=1&second={}", size + 1),
        ] {
            let r = t.get(&path).await;
            problem(&r, 404, &format!("{ctx} {path}"));
        }
        for path in [
            "/api/ledger/entries?start=5&end=2".to_owned(),
            format!("/api/ledger/entries?start={}", size + 1),
            "/api/ledger/entries?start=9223372036854775807".to_owned(),
        ] {
            let r = t.get(&path).await;
            assert_eq!(r.status, 200, "{ctx} {path}: {}", r.body);
            assert_eq!(r.json()["entries"].as_array().unwrap().len(), 0, "{ctx}");
        }
        // Malformed, missing, or outside what the OpenAPI document allows: 400 problems naming
        // the parameter, never 500.
        for (path, field) in [
            ("/api/ledger/proof/inclusion?index=0&size=0", "size"),
            ("/api/ledger/proof/inclusion?size=1", "index"),
            ("/api/ledger/proof/inclusion?index=-1", "index"),
            ("/api/ledger/proof/inclusion?index=abc", "index"),
            ("/api/ledger/proof/inclusion?index=", "index"),
            ("/api/ledger/proof/inclusion?index=+1", "index"),
            ("/api/ledger/proof/inclusion?index=%201", "index"),
            (
                "/api/ledger/proof/inclusion?index=18446744073709551615&size=18446744073709551615",
                "index",
            ),
            ("/api/ledger/proof/consistency?first=0&second=1", "first"),
            ("/api/ledger/proof/consistency?first=1&second=0", "second"),
            ("/api/ledger/proof/consistency?second=2", "first"),
            ("/api/ledger/proof/consistency?first=1e3", "first"),
            ("/api/ledger/entries?end=9223372036854775808", "end"),
            ("/api/ledger/entries?start=18446744073709551615", "start"),
            ("/api/ledger/entries?start=99999999999999999999999", "start"),
            ("/api/ledger/entries?start=", "start"),
            ("/api/ledger/entries?start=%FF%FE", "start"),
        ] {
            let r = t.get(path).await;
            let p = problem(&r, 400, &format!("{ctx} {path}"));
            assert_eq!(
                p["instance"],
                path.split('?').next().unwrap(),
                "{ctx} {path}"
            );
            assert_eq!(errors(&p)[0].0, field, "{ctx} {path}: {p}");
        }
    }
}

/// Path and query identifiers are taken exactly as the OpenAPI patterns say.
#[tokio::test]
async fn identifiers_in_paths_and_queries_follow_the_documented_patterns() {
    for t in backends().await {
        let ctx = t.backend;
        for path in [
            "/api/v1/territories/0",
            "/api/v1/territories/%20123456789",
            "/api/v1/territories?parent=12",
            "/api/v1/territories?parent=&q=astana",
            "/api/v1/parties/-x",
            "/api/v1/precincts/123456789/0",
            "/api/v1/precincts/123456789/+5",
            "/api/v1/precincts?region=",
            "/api/v1/precincts?limit=0",
            "/api/v1/precincts?limit=1001",
        ] {
            let r = t.get(path).await;
            problem(&r, 400, &format!("{ctx} {path}"));
        }
        let r = t.get("/api/v1/precincts?limit=5").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
    }
}

#[tokio::test]
async fn entries_are_capped_at_1000() {
    let t = TestApp::sqlite().await;
    t.load_demo().await;
    let size = t.ledger_size().await;
    assert!(size > 1000);
    let r = t.get("/api/ledger/entries?start=10&end=5000").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let page = r.json();
    assert_eq!(page["entries"].as_array().unwrap().len(), 1000);
    assert_eq!(page["end"], 1010);
    let r = t.get("/api/ledger/entries").await;
    assert_eq!(r.json()["entries"].as_array().unwrap().len(), 1000);
}

// ---------- writes ----------

fn precinct_body(number: u32) -> Value {
    json!({
        "number": number,
        "territory_code": "103200000",
        "address": "с. Карааул, ул. Абая, 12",
        "voters": 640
    })
}

#[tokio::test]
async fn create_precinct_is_recorded_in_the_ledger() {
    for t in backends().await {
        let ctx = t.backend;
        t.load_small().await;
        let admin = admin(&t).await;
        let before = t.ledger_size().await;
        let r = post(&t, "/api/v1/precincts", &precinct_body(501), Some(&admin)).await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        assert_eq!(
            r.location(),
            Some("/api/v1/precincts/100000000/501"),
            "{ctx}"
        );
        let body = r.json();
        assert_eq!(body["precinct"]["number"], 501, "{ctx}");
        assert_eq!(body["precinct"]["region_code"], "100000000", "{ctx}");
        assert_eq!(body["precinct"]["voters"], 640, "{ctx}");
        let index = body["ledger"]["index"].as_u64().unwrap();
        assert_eq!(index, before, "{ctx}");
        assert_eq!(t.ledger_size().await, before + 1, "{ctx}");

        // The entry is the command, by this account.
        let r = t
            .get(&format!(
                "/api/ledger/entries?start={index}&end={}",
                index + 1
            ))
            .await;
        let e = &r.json()["entries"][0];
        assert_eq!(e["kind"], "create_precinct", "{ctx}: {e}");
        assert_eq!(
            e["entry"]["actor"]["username"],
            admin.username.as_str(),
            "{ctx}"
        );
        assert_eq!(e["entry"]["command"]["precinct"]["number"], 501, "{ctx}");
        // ... and provably in the signed tree.
        let head = t.get("/api/ledger/head").await.json();
        let root = hash(&head["signed_head"]["head"]["root"]);
        assert_eq!(hash(&body["ledger"]["root"]), root, "{ctx}");
        let proof = t
            .get(&format!("/api/ledger/proof/inclusion?index={index}"))
            .await
            .json();
        sailau_ledger::verify_inclusion(
            &hash(&e["leaf_hash"]),
            index,
            before + 1,
            &hashes(&proof["proof"]["path"]),
            &root,
        )
        .unwrap();

        // It reads back, and it is listed.
        let r = t.get("/api/v1/precincts/100000000/501").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["address"], "с. Карааул, ул. Абая, 12", "{ctx}");
        let r = t.get("/api/v1/precincts?territory=103200000").await;
        let numbers: Vec<u64> = r.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["number"].as_u64().unwrap())
            .collect();
        assert_eq!(numbers, vec![300, 501], "{ctx}");

        // Update.
        let r = put(
            &t,
            "/api/v1/precincts/100000000/501",
            &json!({"address": "с. Карааул, ул. Абая, 14", "voters": 650}),
            &admin,
        )
        .await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["precinct"]["voters"], 650, "{ctx}");
        assert_eq!(t.ledger_size().await, before + 2, "{ctx}");
        // Taken number: 422 naming the field; nothing written.
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/precincts",
            &precinct_body(501),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(
            errors(&p),
            vec![("number".into(), "precinct-number-taken".into())],
            "{ctx}"
        );
        assert_eq!(t.ledger_size().await, before + 2, "{ctx}");
        answer(
            &t,
            Method::PUT,
            "/api/v1/precincts/100000000/999",
            &json!({"address": "x", "voters": 1}),
            Some(&admin),
            404,
            ctx,
        )
        .await;
    }
}

/// (what, content type, body, status, field, rule)
type BodyCase = (
    &'static str,
    Option<&'static str>,
    String,
    u16,
    &'static str,
    &'static str,
);

#[tokio::test]
async fn invalid_bodies_name_the_field_and_write_nothing() {
    for t in backends().await {
        let ctx = t.backend;
        t.load_small().await;
        let admin = admin(&t).await;
        let before = t.ledger_size().await;
        let bearer = format!("Bearer {}", admin.token);
        let auth = [("authorization", bearer.as_str())];
        let cases: Vec<BodyCase> = vec![
            // (what, content type, body, status, field, rule)
            (
                "missing field",
                Some("application/json"),
                json!({"number": 502, "territory_code": "103200000", "address": "x"}).to_string(),
                422,
                "voters",
                "field-required",
            ),
            (
                "wrong type",
                Some("application/json"),
                json!({"number": 502, "territory_code": "103200000", "address": "x", "voters": "many"})
                    .to_string(),
                422,
                "voters",
                "invalid-type",
            ),
            (
                "negative",
                Some("application/json"),
                json!({"number": -5, "territory_code": "103200000", "address": "x", "voters": 1})
                    .to_string(),
                422,
                "number",
                "invalid-value",
            ),
            (
                "null",
                Some("application/json"),
                json!({"number": 502, "territory_code": null, "address": "x", "voters": 1})
                    .to_string(),
                422,
                "territory_code",
                "field-required",
            ),
            (
                "unknown field",
                Some("application/json"),
                json!({"number": 502, "territory_code": "103200000", "address": "x", "voters": 1, "voter": 2})
                    .to_string(),
                422,
                "voter",
                "unknown-field",
            ),
            (
                "not JSON",
                Some("application/json"),
                "number=502&voters=1".to_owned(),
                400,
                "body",
                "json-syntax",
            ),
            (
                "truncated JSON",
                Some("application/json"),
                r#"{"number": 502, "#.to_owned(),
                400,
                "body",
                "json-syntax",
            ),
            (
                "too many voters",
                Some("application/json"),
                json!({"number": 502, "territory_code": "103200000", "address": "x", "voters": 100001})
                    .to_string(),
                422,
                "voters",
                "voters-out-of-range",
            ),
            (
                "bad code",
                Some("application/json"),
                json!({"number": 502, "territory_code": "10400", "address": "x", "voters": 1})
                    .to_string(),
                422,
                "territory_code",
                "code-format",
            ),
            (
                "unknown territory",
                Some("application/json"),
                json!({"number": 502, "territory_code": "999999999", "address": "x", "voters": 1})
                    .to_string(),
                422,
                "territory_code",
                "territory-missing",
            ),
            (
                "blank address",
                Some("application/json"),
                json!({"number": 502, "territory_code": "103200000", "address": "  ", "voters": 1})
                    .to_string(),
                422,
                "address",
                "field-required",
            ),
        ];
        for (what, ct, body, status, field, rule) in cases {
            let r = send_raw(&t, Method::POST, "/api/v1/precincts", ct, body, &auth).await;
            let p = problem(&r, status, &format!("{ctx} {what}"));
            assert!(
                errors(&p).contains(&(field.to_owned(), rule.to_owned())),
                "{ctx} {what}: {p}"
            );
            assert_eq!(p["instance"], "/api/v1/precincts", "{ctx} {what}");
            if field != "body" {
                assert!(
                    p["detail"].as_str().unwrap().contains(field),
                    "{ctx} {what}: {p}"
                );
            }
        }
        // Every rule at once.
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/precincts",
            &json!({"number": 0, "territory_code": "999999999", "address": "", "voters": 100001}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        let fields: Vec<String> = errors(&p).into_iter().map(|(f, _)| f).collect();
        for f in ["number", "territory_code", "address", "voters"] {
            assert!(fields.contains(&f.to_owned()), "{ctx}: {f} not named: {p}");
        }
        // Malformed fields all at once (serde stops at the first), worded in the language the
        // request asks for: the title, every message and the detail made of them.
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/precincts",
            Some("application/json"),
            json!({"number": "five", "territory_code": 103200000, "voter": 1}).to_string(),
            &[
                ("authorization", bearer.as_str()),
                ("accept-language", "ru"),
            ],
        )
        .await;
        let p = problem(&r, 422, ctx);
        assert_eq!(
            sorted_errors(&p),
            pairs(&[
                ("address", "field-required"),
                ("number", "invalid-type"),
                ("territory_code", "invalid-type"),
                ("voter", "unknown-field"),
                ("voters", "field-required"),
            ]),
            "{ctx}: {p}"
        );
        assert_eq!(p["title"], "Данные не прошли проверку", "{ctx}: {p}");
        let detail = p["detail"].as_str().unwrap();
        for part in [
            "В поле «number» нужно указать целое число.",
            "В поле «territory_code» нужно указать текст в кавычках.",
            "Поля «voter» в этом запросе нет.",
            "В поле «address» нужно указать значение.",
        ] {
            assert!(detail.contains(part), "{ctx}: {part} in {detail}");
        }
        // JSON that is not an object is refused whole, once, on `body`.
        for body in ["null", r#"[{"number": 1}]"#, "5"] {
            let r = send_raw(
                &t,
                Method::POST,
                "/api/v1/precincts",
                Some("application/json"),
                body.to_owned(),
                &auth,
            )
            .await;
            let p = problem(&r, 422, &format!("{ctx} {body}"));
            assert_eq!(errors(&p).len(), 1, "{ctx} {body}: {p}");
            assert_eq!(p["errors"][0]["field"], "body", "{ctx} {body}: {p}");
        }
        // An enumeration's value outside its choices names them (beside another malformed field).
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/accounts",
            Some("application/json"),
            json!({"username": "new.one", "role": "king", "password": "correct horse battery", "active": "yes"})
                .to_string(),
            &[("authorization", bearer.as_str()), ("accept-language", "kk")],
        )
        .await;
        let p = problem(&r, 422, ctx);
        assert_eq!(
            sorted_errors(&p),
            pairs(&[("active", "invalid-type"), ("role", "invalid-choice")]),
            "{ctx}: {p}"
        );
        let role = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["field"] == "role")
            .unwrap();
        let allowed = role["args"]["allowed"].as_str().unwrap();
        assert!(allowed.contains("party_secretary"), "{ctx}: {p}");
        assert!(
            role["message"].as_str().unwrap().contains(allowed),
            "{ctx}: {p}"
        );
        assert_eq!(r.header("content-language"), Some("kk"), "{ctx}");
        // Wrong or missing content type: 415.
        for ct in [
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            None,
        ] {
            let r = send_raw(
                &t,
                Method::POST,
                "/api/v1/precincts",
                ct,
                precinct_body(503).to_string(),
                &auth,
            )
            .await;
            problem(&r, 415, &format!("{ctx} {ct:?}"));
        }
        // Its detail in the language asked for.
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/precincts",
            Some("text/plain"),
            precinct_body(503).to_string(),
            &[
                ("authorization", bearer.as_str()),
                ("accept-language", "ru"),
            ],
        )
        .await;
        let p = problem(&r, 415, ctx);
        assert_eq!(p["title"], "Неподдерживаемый тип данных", "{ctx}: {p}");
        assert!(
            p["detail"]
                .as_str()
                .unwrap()
                .starts_with("Отправьте тело запроса"),
            "{ctx}: {p}"
        );
        assert_eq!(
            t.ledger_size().await,
            before,
            "{ctx}: something was written"
        );
    }
}

/// What a user sees of a problem in each language: `detail` and `Content-Language` in ru and kk,
/// the English detail unchanged without `Accept-Language`, and a header naming none of ru, kk,
/// en (`fr`, `*`) answered like no header.
#[tokio::test]
async fn problem_details_speak_the_language_asked_for() {
    /// GET `path` (as `who`) with `Accept-Language: lang` (none for `None`): the problem with
    /// `status` and its `Content-Language`.
    async fn ask(
        t: &TestApp,
        path: &str,
        lang: Option<&str>,
        who: Option<&Login>,
        status: u16,
    ) -> (Value, Option<String>) {
        let bearer = who.map(|w| format!("Bearer {}", w.token));
        let mut headers = Vec::new();
        if let Some(b) = &bearer {
            headers.push(("authorization", b.as_str()));
        }
        if let Some(l) = lang {
            headers.push(("accept-language", l));
        }
        let r = t.get_with(path, &headers).await;
        let p = problem(&r, status, &format!("{} {path} {lang:?}", t.backend));
        assert!(
            r.header("vary")
                .is_some_and(|v| v.contains("accept-language")),
            "{path} {lang:?}"
        );
        (p, r.header("content-language").map(str::to_owned))
    }
    let detail = |p: &Value| p["detail"].as_str().unwrap_or_default().to_owned();
    for t in backends().await {
        let ctx = t.backend;
        t.load_small().await;
        let admin = admin(&t).await;

        // 1. What does not exist, typed: worded from the catalogs.
        let path = "/api/v1/territories/631010000";
        let (p, lang) = ask(&t, path, Some("ru"), None, 404).await;
        assert_eq!(detail(&p), "Территория 631010000 не найдена.", "{ctx}: {p}");
        assert_eq!(p["title"], "Не найдено", "{ctx}: {p}");
        assert_eq!(lang.as_deref(), Some("ru"), "{ctx}");
        let (p, lang) = ask(&t, path, Some("kk-KZ, ru;q=0.5"), None, 404).await;
        assert_eq!(detail(&p), "631010000 аумағы табылмады.", "{ctx}: {p}");
        assert_eq!(lang.as_deref(), Some("kk"), "{ctx}");
        for header in [None, Some("fr"), Some("*"), Some("de-AT, *;q=0.5")] {
            let (p, lang) = ask(&t, path, header, None, 404).await;
            assert_eq!(
                detail(&p),
                "territory 631010000 does not exist",
                "{ctx} {header:?}: {p}"
            );
            assert_eq!(p["title"], "Not found", "{ctx} {header:?}: {p}");
            assert_eq!(lang, None, "{ctx} {header:?}");
        }
        // An address the API does not have, and a method an address does not take (answered
        // by the router itself): worded too.
        let (p, lang) = ask(&t, "/api/v1/nothing", Some("ru"), None, 404).await;
        assert_eq!(
            detail(&p),
            "Адреса /api/v1/nothing в программном интерфейсе нет; список адресов — в /api/openapi.json.",
            "{ctx}: {p}"
        );
        assert_eq!(lang.as_deref(), Some("ru"), "{ctx}");
        let (p, lang) = ask(&t, "/api/v1/nothing", None, None, 404).await;
        assert_eq!(
            detail(&p),
            "no API endpoint at /api/v1/nothing; see /api/openapi.json",
            "{ctx}: {p}"
        );
        assert_eq!(lang, None, "{ctx}");
        let (p, lang) = ask(&t, "/api/v1/session", Some("kk"), None, 405).await;
        assert_eq!(
            p["title"], "Сұрау әдісіне қолдау көрсетілмейді",
            "{ctx}: {p}"
        );
        assert_eq!(lang.as_deref(), Some("kk"), "{ctx}");
        let (p, _) = ask(&t, "/api/v1/precincts/101800000/999", Some("ru"), None, 404).await;
        assert_eq!(
            detail(&p),
            "Избирательный участок 101800000/999 не найден.",
            "{ctx}: {p}"
        );
        let (p, _) = ask(&t, "/api/v1/parties/nurotan", Some("kk"), None, 404).await;
        assert_eq!(detail(&p), "«nurotan» партиясы табылмады.", "{ctx}: {p}");
        let (p, _) = ask(&t, "/api/v1/accounts/no.one", Some("ru"), Some(&admin), 404).await;
        assert_eq!(
            detail(&p),
            "Учётная запись «no.one» не найдена.",
            "{ctx}: {p}"
        );
        // The app's own "not found" says what and which too: an election, a contest, a party
        // conference, by the id asked for.
        let id = "01900000-0000-7000-8000-0000000000ff";
        for path in [
            format!("/api/v1/elections/{id}"),
            format!("/api/v1/elections/{id}/candidates"),
            // Not an empty protocol of an election that does not exist.
            format!("/api/v1/elections/{id}/protocols/150000000/1"),
        ] {
            let (p, lang) = ask(&t, &path, Some("kk"), None, 404).await;
            assert_eq!(
                detail(&p),
                format!("{id} идентификаторы бар сайлау табылмады."),
                "{ctx} {path}: {p}"
            );
            assert_eq!(lang.as_deref(), Some("kk"), "{ctx}");
            let (p, _) = ask(&t, &path, Some("ru"), None, 404).await;
            assert_eq!(
                detail(&p),
                format!("Выборы с идентификатором {id} не найдены."),
                "{ctx} {path}: {p}"
            );
            let (english, _) = ask(&t, &path, None, None, 404).await;
            assert_eq!(
                detail(&english),
                format!("election {id} does not exist"),
                "{ctx}: {english}"
            );
        }
        let (p, _) = ask(
            &t,
            &format!("/api/v1/party/conferences/{id}"),
            Some("ru"),
            None,
            404,
        )
        .await;
        assert_eq!(
            detail(&p),
            format!("Конференция с идентификатором {id} не найдена."),
            "{ctx}: {p}"
        );

        // A parameter that is no whole number at all: named, worded, with its range in `args`.
        for bad in ["abc", "-1"] {
            let (p, _) = ask(
                &t,
                &format!("/api/v1/precincts?limit={bad}"),
                Some("ru"),
                None,
                400,
            )
            .await;
            assert_eq!(
                sorted_errors(&p),
                pairs(&[("limit", "whole-number-range")]),
                "{ctx}: {p}"
            );
            assert!(
                detail(&p).starts_with("Параметр «limit» — целое число от 0 до 9"),
                "{ctx}: {p}"
            );
        }

        // 2. A malformed parameter: its message and the detail name the parameter, with the
        // values the message needs in `args`.
        let path = "/api/v1/precincts?limit=5000";
        let (p, lang) = ask(&t, path, Some("ru"), None, 400).await;
        assert_eq!(
            sorted_errors(&p),
            pairs(&[("limit", "limit-out-of-range")]),
            "{ctx}: {p}"
        );
        assert_eq!(p["errors"][0]["args"]["max"], "1000", "{ctx}: {p}");
        assert_eq!(
            detail(&p),
            "Параметр «limit» — целое число от 1 до 1\u{a0}000.",
            "{ctx}: {p}"
        );
        assert_eq!(p["errors"][0]["message"], p["detail"], "{ctx}: {p}");
        assert_eq!(lang.as_deref(), Some("ru"), "{ctx}");
        let (p, _) = ask(&t, path, Some("kk"), None, 400).await;
        assert_eq!(
            detail(&p),
            "«limit» параметрі 1 мен 1\u{a0}000 аралығындағы бүтін сан болуы керек.",
            "{ctx}: {p}"
        );
        let (p, lang) = ask(&t, path, None, None, 400).await;
        assert_eq!(
            detail(&p),
            "limit: a whole number from 1 to 1000",
            "{ctx}: {p}"
        );
        assert_eq!(lang, None, "{ctx}");
        let (p, _) = ask(
            &t,
            "/api/v1/elections/not-a-uuid/candidates",
            Some("kk"),
            None,
            400,
        )
        .await;
        assert_eq!(
            sorted_errors(&p),
            pairs(&[("id", "id-format")]),
            "{ctx}: {p}"
        );
        assert!(
            detail(&p).starts_with("«id» параметрі UUID болуы керек"),
            "{ctx}: {p}"
        );
        let (p, _) = ask(
            &t,
            "/api/ledger/proof/inclusion?index=0&size=0",
            Some("ru"),
            None,
            400,
        )
        .await;
        assert_eq!(
            detail(&p),
            "Параметр «size» — целое число не меньше 1.",
            "{ctx}: {p}"
        );
        // A domain rule on a path parameter: its catalog message after the parameter's name.
        let (p, _) = ask(&t, "/api/v1/territories/12", Some("ru"), None, 400).await;
        assert_eq!(
            sorted_errors(&p),
            pairs(&[("code", "code-format")]),
            "{ctx}: {p}"
        );
        let code_format = sailau_i18n::Catalog::new()
            .unwrap()
            .tr(sailau_i18n::Lang::Ru, "code-format");
        assert_eq!(detail(&p), format!("code: {code_format}"), "{ctx}: {p}");

        // 3. A key given twice in a JSON body.
        let bearer = format!("Bearer {}", admin.token);
        let body = r#"{"number": 502, "territory_code": "103200000", "address": "x", "voters": 1, "voters": 2}"#;
        for (lang, want) in [
            (Some("ru"), "Поле «voters» указано в запросе несколько раз."),
            (
                Some("kk"),
                "«voters» өрісі сұрауда бірнеше рет көрсетілген.",
            ),
            (None, "The field “voters” is given more than once."),
            (Some("fr"), "The field “voters” is given more than once."),
        ] {
            let mut headers = vec![("authorization", bearer.as_str())];
            if let Some(l) = lang {
                headers.push(("accept-language", l));
            }
            let r = send_raw(
                &t,
                Method::POST,
                "/api/v1/precincts",
                Some("application/json"),
                body.to_owned(),
                &headers,
            )
            .await;
            let p = problem(&r, 422, &format!("{ctx} {lang:?}"));
            assert_eq!(
                sorted_errors(&p),
                pairs(&[("voters", "duplicate-field")]),
                "{ctx} {lang:?}: {p}"
            );
            assert_eq!(detail(&p), want, "{ctx} {lang:?}: {p}");
            assert_eq!(p["errors"][0]["message"], want, "{ctx} {lang:?}: {p}");
            let content_language = lang.filter(|l| *l != "fr");
            assert_eq!(
                r.header("content-language"),
                content_language,
                "{ctx} {lang:?}"
            );
        }

        // 4. A required field names itself in its message and in the detail, whether serde or
        // the domain found it missing; the English of the domain's refusal is as it was.
        for (lang, want) in [
            ("ru", "В поле «address» нужно указать значение."),
            ("kk", "«address» өрісінің мәні көрсетілуі керек."),
            ("en", "The field “address” needs a value."),
        ] {
            for body in [
                json!({"number": 502, "territory_code": "103200000", "voters": 1}),
                json!({"number": 502, "territory_code": "103200000", "address": " ", "voters": 1}),
            ] {
                let r = send_raw(
                    &t,
                    Method::POST,
                    "/api/v1/precincts",
                    Some("application/json"),
                    body.to_string(),
                    &[
                        ("authorization", bearer.as_str()),
                        ("accept-language", lang),
                    ],
                )
                .await;
                let p = problem(&r, 422, &format!("{ctx} {lang} {body}"));
                assert_eq!(
                    sorted_errors(&p),
                    pairs(&[("address", "field-required")]),
                    "{ctx} {lang}: {p}"
                );
                assert_eq!(p["errors"][0]["message"], want, "{ctx} {lang}: {p}");
                assert_eq!(p["errors"][0]["args"]["field"], "address", "{ctx}: {p}");
                assert_eq!(detail(&p), want, "{ctx} {lang}: {p}");
            }
        }
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/precincts",
            &json!({"number": 502, "territory_code": "103200000", "address": " ", "voters": 1}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(detail(&p), "address: a value is required", "{ctx}: {p}");
    }
}

#[tokio::test]
async fn forbidden_roles_anonymous_callers_and_csrf() {
    for t in backends().await {
        let ctx = t.backend;
        t.load_small().await;
        let observer = t.login(Role::Observer, Scope::Global).await;
        let akmola = t
            .login(Role::TerritorialCommission, region("110000000"))
            .await;
        let admin = admin(&t).await;
        let before = t.ledger_size().await;
        // Anonymous: 401 with a bearer challenge.
        let r = post(&t, "/api/v1/precincts", &precinct_body(600), None).await;
        let p = problem(&r, 401, ctx);
        assert_eq!(p["type"], "/problems/unauthorized", "{ctx}");
        assert_eq!(r.header("www-authenticate"), Some("Bearer"), "{ctx}");
        // A token that is not a session: 401.
        let r = t
            .send_json(
                Method::POST,
                "/api/v1/precincts",
                Some(&precinct_body(600)),
                Some("0123abcd"),
            )
            .await;
        problem(&r, 401, ctx);
        // A role that may not: 403 naming the rule.
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/precincts",
            &precinct_body(600),
            Some(&observer),
            403,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["rule"], "denied-role", "{ctx}: {p}");
        // Out of scope: a territorial commission of Akmola in Abai.
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/precincts",
            &precinct_body(600),
            Some(&akmola),
            403,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["rule"], "denied-scope", "{ctx}: {p}");
        // Other writes refused to the observer too.
        for (path, body) in [
            (
                "/api/v1/territories",
                json!({"code": "103210000", "parent_code": "103200000", "kind": "rural_okrug", "name_ru": "a", "name_kk": "b"}),
            ),
            (
                "/api/v1/parties",
                json!({"code": "newparty", "name_ru": "a", "name_kk": "b", "short_name": "c"}),
            ),
            (
                "/api/v1/accounts",
                json!({"username": "someone", "role": "observer", "password": "long enough password"}),
            ),
        ] {
            let r = post(&t, path, &body, Some(&observer)).await;
            problem(&r, 403, &format!("{ctx} {path}"));
        }
        let r = get_bearer(&t, "/api/v1/accounts", &observer).await;
        problem(&r, 403, ctx);
        assert_eq!(t.ledger_size().await, before, "{ctx}");

        // Cookie authentication needs the CSRF header; bearer does not.
        let cookie = admin.cookie();
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/precincts",
            Some("application/json"),
            precinct_body(601).to_string(),
            &[("cookie", &cookie)],
        )
        .await;
        let p = problem(&r, 403, ctx);
        assert_eq!(p["type"], "/problems/csrf-token", "{ctx}");
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/precincts",
            Some("application/json"),
            precinct_body(601).to_string(),
            &[("cookie", &cookie), ("x-csrf-token", "wrong")],
        )
        .await;
        problem(&r, 403, ctx);
        assert_eq!(t.ledger_size().await, before, "{ctx}");
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/precincts",
            Some("application/json"),
            precinct_body(601).to_string(),
            &[("cookie", &cookie), ("x-csrf-token", &admin.csrf)],
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        assert_eq!(t.ledger_size().await, before + 1, "{ctx}");
    }
}

#[tokio::test]
async fn import_reports_every_bad_line_and_imports_nothing() {
    for t in backends().await {
        let ctx = t.backend;
        t.load_small().await;
        let admin = admin(&t).await;
        let observer = t.login(Role::Observer, Scope::Global).await;
        let before = t.ledger_size().await;
        let bearer = format!("Bearer {}", admin.token);
        let auth = [("authorization", bearer.as_str())];
        let bad = "number,territory_code,address,voters\n\
                   700,103200000,\"с. Карааул, 1\",100\n\
                   abc,103200000,\"с. Карааул, 2\",100\n\
                   701,999999999,\"nowhere\",100\n\
                   702,103200000,\"с. Карааул, 3\",-4\n\
                   251,101800000,\"taken\",10\n\
                   703,103200000,,10\n";
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/precincts",
            Some("text/csv; charset=utf-8"),
            bad,
            &auth,
        )
        .await;
        let p = problem(&r, 422, ctx);
        let mut lines: Vec<u64> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["line"].as_u64().unwrap())
            .collect();
        lines.dedup();
        assert_eq!(lines, vec![3, 5, 7], "{ctx}: {p}");
        assert_eq!(t.ledger_size().await, before, "{ctx}");
        // Once the rows are good, rules that need the registry are checked for every row too.
        let bad = "number,territory_code,address,voters\n\
                   700,103200000,\"с. Карааул, 1\",100\n\
                   701,999999999,\"nowhere\",100\n\
                   251,101800000,\"taken\",10\n\
                   702,100000000,\"a region\",10\n";
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/precincts",
            Some("text/csv"),
            bad,
            &auth,
        )
        .await;
        let p = problem(&r, 422, ctx);
        let found: Vec<(u64, String)> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["line"].as_u64().unwrap(),
                    e["rule"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (3, "territory-missing".into()),
                (4, "precinct-number-taken".into()),
                (5, "precinct-territory-kind".into()),
            ],
            "{ctx}: {p}"
        );
        assert_eq!(t.ledger_size().await, before, "{ctx}");
        // A wrong header: line 1.
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/precincts",
            Some("text/csv"),
            "number,territory,address,voters\n1,103200000,x,1\n",
            &auth,
        )
        .await;
        let p = problem(&r, 422, ctx);
        assert_eq!(p["errors"][0]["line"], 1, "{ctx}: {p}");
        assert_eq!(p["errors"][0]["rule"], "csv-header-invalid", "{ctx}: {p}");
        // Not CSV, an unknown kind, anonymous.
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/precincts",
            Some("application/json"),
            "{}",
            &auth,
        )
        .await;
        problem(&r, 415, ctx);
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/voters",
            Some("text/csv"),
            "a\n",
            &auth,
        )
        .await;
        let p = problem(&r, 400, ctx);
        assert_eq!(p["errors"][0]["field"], "kind", "{ctx}");
        let good = "number,territory_code,address,voters\n\
                    700,103200000,\"с. Карааул, 1\",100\n\
                    701,103200000,\"с. Карааул, 2\",200\n";
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/precincts",
            Some("text/csv"),
            good,
            &[],
        )
        .await;
        problem(&r, 401, ctx);
        // An observer may import nothing: 403.
        let ob = format!("Bearer {}", observer.token);
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/precincts",
            Some("text/csv"),
            good,
            &[("authorization", ob.as_str())],
        )
        .await;
        problem(&r, 403, ctx);
        assert_eq!(t.ledger_size().await, before, "{ctx}");
        // All good: imported, one ledger entry per row.
        let r = send_raw(
            &t,
            Method::POST,
            "/api/v1/import/precincts",
            Some("text/csv"),
            good,
            &auth,
        )
        .await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        let body = r.json();
        assert_eq!(body["imported"], 2, "{ctx}");
        assert_eq!(body["ledger_size"], before + 2, "{ctx}");
        assert_eq!(t.ledger_size().await, before + 2, "{ctx}");
    }
}

// ---------- resources ----------

#[tokio::test]
async fn territories_parties_persons_and_accounts() {
    for t in backends().await {
        let ctx = t.backend;
        t.load_small().await;
        let admin = admin(&t).await;

        // Territories: top level, children, search, one with ancestors and figures.
        let r = t.get("/api/v1/territories").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["items"].as_array().unwrap().len(), 2, "{ctx}");
        let r = t.get("/api/v1/territories?parent=100000000").await;
        assert_eq!(r.json()["items"].as_array().unwrap().len(), 2, "{ctx}");
        let r = t
            .get("/api/v1/territories?q=%D0%BA%D1%83%D1%80%D1%87%D0%B0%D1%82")
            .await; // "курчат"
        let items = r.json()["items"].clone();
        assert_eq!(items.as_array().unwrap().len(), 1, "{ctx}: {items}");
        assert_eq!(items[0]["code"], "101800000", "{ctx}");
        let r = t.get("/api/v1/territories?parent=123").await;
        problem(&r, 400, ctx);
        let r = t.get("/api/v1/territories?parent=123456789").await;
        problem(&r, 404, ctx);
        let r = t.get("/api/v1/territories/101800000").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        let d = r.json();
        assert_eq!(d["territory"]["kind"], "regional_city", "{ctx}");
        assert_eq!(d["ancestors"][0]["code"], "100000000", "{ctx}");
        assert_eq!(d["stats"]["precincts"], 2, "{ctx}");
        assert_eq!(d["stats"]["voters"], 742 + 436, "{ctx}");
        let r = t.get("/api/v1/territories/100000000").await;
        assert_eq!(r.json()["stats"]["precincts"], 3, "{ctx}");
        problem(&t.get("/api/v1/territories/12").await, 400, ctx);
        problem(&t.get("/api/v1/territories/999999999").await, 404, ctx);

        let r = post(
            &t,
            "/api/v1/territories",
            &json!({"code": "103230000", "parent_code": "103200000", "kind": "rural_okrug",
                    "name_ru": "Карааульский с.о.", "name_kk": "Қарауыл а.о."}),
            Some(&admin),
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        assert_eq!(r.location(), Some("/api/v1/territories/103230000"), "{ctx}");
        assert_eq!(r.json()["territory"]["name_en"], "", "{ctx}");
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/territories",
            &json!({"code": "103230000", "parent_code": "1040", "kind": "hamlet",
                    "name_ru": "", "name_kk": "x"}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(
            errors(&p),
            vec![
                ("parent_code".into(), "code-format".into()),
                ("kind".into(), "kind-unknown".into())
            ],
            "{ctx}"
        );
        let r = put(
            &t,
            "/api/v1/territories/103230000/names",
            &json!({"name_ru": "Карааульский сельский округ", "name_kk": "Қарауыл ауылдық округі", "name_en": "Karaaul"}),
            &admin,
        )
        .await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["territory"]["name_en"], "Karaaul", "{ctx}");
        answer(
            &t,
            Method::PUT,
            "/api/v1/territories/103299999/names",
            &json!({"name_ru": "a", "name_kk": "b"}),
            Some(&admin),
            404,
            ctx,
        )
        .await;

        // Precinct lists by region, paged.
        let r = t.get("/api/v1/precincts?region=100000000&limit=2").await;
        let page = r.json();
        assert_eq!(page["items"].as_array().unwrap().len(), 2, "{ctx}");
        assert_eq!(page["next_offset"], 2, "{ctx}");
        let r = t
            .get("/api/v1/precincts?region=100000000&limit=2&offset=2")
            .await;
        let page = r.json();
        assert_eq!(page["items"].as_array().unwrap().len(), 1, "{ctx}");
        assert!(page["next_offset"].is_null(), "{ctx}");
        // Without territory or region: all precincts, by region and number.
        let r = t.get("/api/v1/precincts?limit=2").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["items"].as_array().unwrap().len(), 2, "{ctx}");
        problem(
            &t.get("/api/v1/precincts?region=100000000&limit=0").await,
            400,
            ctx,
        );
        problem(
            &t.get("/api/v1/precincts?region=100000000&limit=5000").await,
            400,
            ctx,
        );
        problem(&t.get("/api/v1/precincts/100000000/0").await, 400, ctx);
        problem(&t.get("/api/v1/precincts/100000000/77").await, 404, ctx);

        // Parties and branches.
        let r = t.get("/api/v1/parties").await;
        assert_eq!(r.json()["items"].as_array().unwrap().len(), 2, "{ctx}");
        let r = post(
            &t,
            "/api/v1/parties",
            &json!({"code": "respublika", "name_ru": "Партия «Respublica»", "name_kk": "«Respublica» партиясы", "short_name": "Respublica"}),
            Some(&admin),
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        let r = put(
            &t,
            "/api/v1/parties/respublika",
            &json!({"name_ru": "Партия «Respublica»", "name_kk": "«Respublica» партиясы", "name_en": "Respublica Party", "short_name": "Respublica"}),
            &admin,
        )
        .await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        let r = post(
            &t,
            "/api/v1/parties/respublika/branches",
            &json!({"territory_code": "100000000"}),
            Some(&admin),
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/parties/respublika/branches",
            &json!({"territory_code": "100000000"}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["rule"], "branch-taken", "{ctx}");
        let r = t.get("/api/v1/parties/respublika").await;
        let d = r.json();
        assert_eq!(d["party"]["name_en"], "Respublica Party", "{ctx}");
        assert_eq!(d["branches"][0]["territory_code"], "100000000", "{ctx}");
        problem(&t.get("/api/v1/parties/nope").await, 404, ctx);
        problem(&t.get("/api/v1/parties/NOPE!").await, 400, ctx);

        // Persons: the server assigns the id; reading needs an account.
        let r = post(
            &t,
            "/api/v1/persons",
            &json!({"surname": "Ахметова", "given_name": "Айгерим", "birth_date": "1985-03-08", "gender": "female"}),
            Some(&admin),
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        let id = r.json()["person"]["id"].as_str().unwrap().to_owned();
        assert!(uuid::Uuid::parse_str(&id).is_ok(), "{ctx}");
        let r = get_bearer(&t, &format!("/api/v1/persons/{id}"), &admin).await;
        assert_eq!(r.json()["surname"], "Ахметова", "{ctx}");
        problem(&t.get(&format!("/api/v1/persons/{id}")).await, 401, ctx);
        let r = get_bearer(&t, "/api/v1/persons", &admin).await;
        assert_eq!(r.json()["items"].as_array().unwrap().len(), 1, "{ctx}");
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/persons",
            &json!({"surname": "", "given_name": "x", "birth_date": "1985-02-30", "gender": "x"}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(
            errors(&p),
            vec![
                ("birth_date".into(), "person-birth-date-invalid".into()),
                ("gender".into(), "gender-invalid".into())
            ],
            "{ctx}"
        );

        // Accounts: create, read, change role, deactivate (its sessions stop at once).
        let r = post(
            &t,
            "/api/v1/accounts",
            &json!({"username": "akmola.tec", "display_name": "Akmola TEC", "role": "territorial_commission",
                    "scope": "territory:110000000", "password": "correct horse battery"}),
            Some(&admin),
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        assert_eq!(r.json()["account"]["scope"], "territory:110000000", "{ctx}");
        assert!(!r.body.contains("correct horse"), "{ctx}");
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/accounts",
            &json!({"username": "X", "role": "king", "scope": "territory:1", "password": "short"}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        let fields: Vec<String> = errors(&p).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["username", "role", "scope"], "{ctx}: {p}");
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/accounts",
            &json!({"username": "shortpw", "role": "observer", "password": "short"}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["rule"], "password-too-short", "{ctx}");
        assert_eq!(p["errors"][0]["args"]["min"], "10", "{ctx}");
        let r = post(
            &t,
            "/api/v1/session",
            &json!({"username": "akmola.tec", "password": "correct horse battery"}),
            None,
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        let s = r.json();
        let tec = Login {
            username: "akmola.tec".into(),
            password: "correct horse battery".into(),
            token: s["token"].as_str().unwrap().to_owned(),
            csrf: s["csrf_token"].as_str().unwrap().to_owned(),
        };
        let r = get_bearer(&t, "/api/v1/me", &tec).await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["role"], "territorial_commission", "{ctx}");
        assert_eq!(r.json()["csrf_token"], tec.csrf.as_str(), "{ctx}");
        let r = get_bearer(&t, "/api/v1/accounts/akmola.tec", &tec).await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        problem(&get_bearer(&t, "/api/v1/accounts", &tec).await, 403, ctx);
        problem(
            &get_bearer(&t, &format!("/api/v1/accounts/{}", admin.username), &tec).await,
            403,
            ctx,
        );
        let r = put(
            &t,
            "/api/v1/accounts/akmola.tec/role",
            &json!({"role": "territorial_commission", "scope": "territory:100000000"}),
            &admin,
        )
        .await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        let r = get_bearer(&t, "/api/v1/me", &tec).await;
        assert_eq!(r.json()["scope"], "territory:100000000", "{ctx}");
        let p = answer(
            &t,
            Method::PUT,
            "/api/v1/accounts/akmola.tec/role",
            &json!({"role": "territorial_commission"}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["rule"], "role-scope-mismatch", "{ctx}");
        answer(
            &t,
            Method::PUT,
            &format!("/api/v1/accounts/{}/password", admin.username),
            &json!({"password": "another long password"}),
            Some(&tec),
            403,
            ctx,
        )
        .await;
        // Changing one's own password needs the current one.
        let p = answer(
            &t,
            Method::PUT,
            "/api/v1/accounts/akmola.tec/password",
            &json!({"password": "another long password"}),
            Some(&tec),
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["field"], "current_password", "{ctx}");
        let p = answer(
            &t,
            Method::PUT,
            "/api/v1/accounts/akmola.tec/password",
            &json!({"password": "another long password", "current_password": "wrong"}),
            Some(&tec),
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["rule"], "password-wrong", "{ctx}");
        // A new password ends every session of the account, the caller's too.
        let r = put(
            &t,
            "/api/v1/accounts/akmola.tec/password",
            &json!({"password": "another long password", "current_password": "correct horse battery"}),
            &tec,
        )
        .await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        problem(&get_bearer(&t, "/api/v1/me", &tec).await, 401, ctx);
        let r = post(
            &t,
            "/api/v1/session",
            &json!({"username": "akmola.tec", "password": "another long password"}),
            None,
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        let tec = Login {
            token: r.json()["token"].as_str().unwrap().to_owned(),
            ..tec
        };
        assert_eq!(
            get_bearer(&t, "/api/v1/me", &tec).await.status,
            200,
            "{ctx}"
        );
        answer(
            &t,
            Method::PUT,
            "/api/v1/accounts/nobody/active",
            &json!({"active": false}),
            Some(&admin),
            404,
            ctx,
        )
        .await;
        let r = put(
            &t,
            "/api/v1/accounts/akmola.tec/active",
            &json!({"active": false}),
            &admin,
        )
        .await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json()["account"]["active"], false, "{ctx}");
        problem(&get_bearer(&t, "/api/v1/me", &tec).await, 401, ctx);
        let r = get_bearer(&t, "/api/v1/accounts", &admin).await;
        assert!(r.json()["items"].as_array().unwrap().len() >= 2, "{ctx}");
    }
}

#[tokio::test]
async fn sign_in_and_out() {
    for t in backends().await {
        let ctx = t.backend;
        t.create_user(
            "clerk",
            Role::Observer,
            Scope::Global,
            "a long enough password",
        )
        .await;
        let r = post(
            &t,
            "/api/v1/session",
            &json!({"username": "clerk", "password": "a long enough password"}),
            None,
        )
        .await;
        assert_eq!(r.status, 201, "{ctx}: {}", r.body);
        let s = r.json();
        // Every missing field is named at once, not the first serde meets.
        let r = post(&t, "/api/v1/session", &json!({}), None).await;
        let p = problem(&r, 422, ctx);
        assert_eq!(
            errors(&p),
            vec![
                ("username".to_owned(), "field-required".to_owned()),
                ("password".to_owned(), "field-required".to_owned())
            ],
            "{ctx}: {p}"
        );
        assert!(
            s["expires_at"].as_str().unwrap().ends_with('Z'),
            "{ctx}: {s}"
        );
        let token = s["token"].as_str().unwrap().to_owned();
        let bearer = format!("Bearer {token}");
        let r = t
            .get_with("/api/v1/me", &[("authorization", &bearer)])
            .await;
        assert_eq!(r.json()["username"], "clerk", "{ctx}");
        let r = send_raw(
            &t,
            Method::DELETE,
            "/api/v1/session",
            None,
            Body::empty(),
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(r.status, 204, "{ctx}: {}", r.body);
        let r = t
            .get_with("/api/v1/me", &[("authorization", &bearer)])
            .await;
        problem(&r, 401, ctx);
        problem(&t.get("/api/v1/me").await, 401, ctx);
        let r = send_raw(
            &t,
            Method::DELETE,
            "/api/v1/session",
            None,
            Body::empty(),
            &[],
        )
        .await;
        problem(&r, 401, ctx);
        // Wrong password; a username that cannot exist; then throttled with Retry-After.
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/session",
            &json!({"username": "clerk", "password": "wrong"}),
            None,
            401,
            ctx,
        )
        .await;
        assert_eq!(p["type"], "/problems/bad-credentials", "{ctx}");
        answer(
            &t,
            Method::POST,
            "/api/v1/session",
            &json!({"username": "nul\u{0}name", "password": "x"}),
            None,
            401,
            ctx,
        )
        .await;
        let p = answer(
            &t,
            Method::POST,
            "/api/v1/session",
            &json!({"username": "clerk"}),
            None,
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["field"], "password", "{ctx}");
        let mut throttled = None;
        for _ in 0..10 {
            let r = post(
                &t,
                "/api/v1/session",
                &json!({"username": "clerk", "password": "wrong"}),
                None,
            )
            .await;
            if r.status == 429 {
                throttled = Some(r);
                break;
            }
            problem(&r, 401, ctx);
        }
        let r = throttled.unwrap_or_else(|| panic!("{ctx}: never throttled"));
        problem(&r, 429, ctx);
        assert!(
            r.header("retry-after").unwrap().parse::<u64>().unwrap() > 0,
            "{ctx}"
        );
    }
}

// ---------- health, unknown paths, bad input everywhere ----------

#[tokio::test]
async fn healthz_and_unknown_endpoints() {
    for t in backends().await {
        let ctx = t.backend;
        let r = t.get("/healthz").await;
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(r.json(), json!({"status": "ok"}), "{ctx}");
        for path in [
            "/api",
            "/api/",
            "/api/v1",
            "/api/v2/territories",
            "/api/v1/territories/100000000/nope",
        ] {
            let p = problem(&t.get(path).await, 404, &format!("{ctx} {path}"));
            assert_eq!(p["type"], "/problems/unknown-endpoint", "{ctx} {path}");
        }
        let r = send_raw(
            &t,
            Method::DELETE,
            "/api/v1/territories",
            None,
            Body::empty(),
            &[],
        )
        .await;
        let p = problem(&r, 405, ctx);
        assert_eq!(p["instance"], "/api/v1/territories", "{ctx}");
        assert!(
            r.header("allow").is_some_and(|a| a.contains("GET")),
            "{ctx}"
        );
        // The problem types are documented at their URIs.
        let r = t.get("/problems/invalid").await;
        assert_eq!(r.status, 200, "{ctx}");
        assert!(r.body.contains("The input is not valid"), "{ctx}");
        assert_eq!(t.get("/problems/nope").await.status, 404, "{ctx}");
    }
}

/// When the database is gone: /healthz says 503, and other answers are 500 problems that name a
/// reference for the logs but not the cause.
#[tokio::test]
async fn database_failures_are_503_and_500_problems_without_the_cause() {
    let t = TestApp::sqlite().await;
    t.load_small().await;
    t.app.store().close().await;
    let p = problem(&t.get("/healthz").await, 503, "healthz");
    assert_eq!(p["type"], "/problems/unavailable");
    for path in [
        "/api/v1/parties",
        "/api/v1/territories/100000000",
        "/api/ledger/head",
    ] {
        let p = problem(&t.get(path).await, 500, path);
        assert_eq!(p["type"], "/problems/internal", "{path}");
        let detail = p["detail"].as_str().unwrap();
        assert!(detail.contains("reference"), "{path}: {detail}");
        assert!(!detail.to_lowercase().contains("pool"), "{path}: {detail}");
        assert!(!detail.to_lowercase().contains("sql"), "{path}: {detail}");
    }
}

/// Bodies that must never produce a 500 or a write.
fn garbage() -> Vec<(Option<&'static str>, Vec<u8>)> {
    let json = Some("application/json");
    let long = "я".repeat(100_000);
    let mut deep = "[".repeat(10_000);
    deep.push_str(&"]".repeat(10_000));
    vec![
        (json, Vec::new()),
        (json, b"null".to_vec()),
        (json, b"[]".to_vec()),
        (json, b"{}".to_vec()),
        (json, b"\"text\"".to_vec()),
        (json, b"1e999".to_vec()),
        (json, b"{\"a\":".to_vec()),
        (json, vec![0xff, 0xfe, 0x00, 0x80]),
        (json, deep.into_bytes()),
        (
            json,
            json!({"number": 18446744073709551615u64, "voters": 1e300, "code": {}, "territory_code": [], "username": 5})
                .to_string()
                .into_bytes(),
        ),
        (
            json,
            json!({
                "code": "1\u{0}2345678", "parent_code": "\u{0}", "kind": "region\u{0}",
                "name_ru": "a\u{0}b", "name_kk": "\u{0}", "name_en": "\u{202e}x",
                "number": 1, "territory_code": "103200000", "address": "a\u{0}b", "voters": 1,
                "short_name": "\u{0}", "surname": "\u{0}", "given_name": "a\u{0}",
                "birth_date": "1985-01-01\u{0}", "gender": "female",
                "username": "user\u{0}", "role": "observer", "scope": "global\u{0}",
                "password": "pass\u{0}word-long-enough", "active": true, "display_name": "\u{0}"
            })
            .to_string()
            .into_bytes(),
        ),
        (
            json,
            json!({
                "code": long, "parent_code": long, "kind": long, "name_ru": long, "name_kk": long,
                "name_en": long, "number": 1, "territory_code": long, "address": long, "voters": 1,
                "short_name": long, "surname": long, "given_name": long, "patronymic": long,
                "birth_date": long, "gender": long, "username": long, "role": long,
                "scope": long, "password": long, "display_name": long
            })
            .to_string()
            .into_bytes(),
        ),
        (Some("text/plain"), b"number=1".to_vec()),
        (Some("multipart/form-data; boundary=x"), b"--x--".to_vec()),
        (Some("application/json; charset=latin1"), b"{\"\xe9\":1}".to_vec()),
        (None, b"{}".to_vec()),
    ]
}

#[tokio::test]
async fn garbage_at_every_write_endpoint_is_a_4xx_problem() {
    for t in backends().await {
        let ctx = t.backend;
        t.load_small().await;
        let admin = admin(&t).await;
        let bearer = format!("Bearer {}", admin.token);
        let before = t.ledger_size().await;
        let writes = [
            (Method::POST, "/api/v1/territories"),
            (Method::PUT, "/api/v1/territories/100000000/names"),
            (Method::PUT, "/api/v1/territories/%00/names"),
            (Method::POST, "/api/v1/precincts"),
            (Method::PUT, "/api/v1/precincts/100000000/251"),
            (
                Method::PUT,
                "/api/v1/precincts/100000000/99999999999999999999",
            ),
            (Method::POST, "/api/v1/parties"),
            (Method::PUT, "/api/v1/parties/amanat"),
            (Method::POST, "/api/v1/parties/amanat/branches"),
            (Method::POST, "/api/v1/persons"),
            (Method::POST, "/api/v1/accounts"),
            (Method::PUT, "/api/v1/accounts/admin/role"),
            (Method::PUT, "/api/v1/accounts/admin/active"),
            (Method::PUT, "/api/v1/accounts/admin/password"),
            (Method::PUT, "/api/v1/accounts/%FF/password"),
            (Method::POST, "/api/v1/import/territories"),
            (Method::POST, "/api/v1/import/precincts"),
            (Method::POST, "/api/v1/import/parties"),
            (Method::POST, "/api/v1/import/%E2%80%AE"),
            (Method::POST, "/api/v1/session"),
        ];
        for (method, path) in &writes {
            for (i, (ct, body)) in garbage().into_iter().enumerate() {
                for auth in [true, false] {
                    let headers: Vec<(&str, &str)> = if auth {
                        vec![("authorization", bearer.as_str())]
                    } else {
                        vec![]
                    };
                    let r = send_raw(&t, method.clone(), path, ct, body.clone(), &headers).await;
                    let what = format!("{ctx} {method} {path} garbage #{i} auth={auth}");
                    assert!(
                        r.status.is_client_error(),
                        "{what}: {} {}",
                        r.status,
                        r.body
                    );
                    problem(&r, r.status.as_u16(), &what);
                }
            }
        }
        // CSV garbage to the imports.
        let csvs: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"\n\n\n".to_vec(),
            b"code,parent_code\n".to_vec(),
            vec![0xff, 0xfe, b',', b'\n', 0x00],
            b"number,territory_code,address,voters\n\"unterminated,1,2,3\n".to_vec(),
            b"number,territory_code,address,voters\n1,103200000,a\x00b,1\n".to_vec(),
            b"number,territory_code,address,voters\n1,103200000,a,1,extra\n".to_vec(),
            b"code,parent_code,kind,name_ru,name_kk,name_en\n100000000,,region,dup,dup,dup\n"
                .to_vec(),
            b"code,name_ru,name_kk,short_name\nAMANAT!,a,b,c\n".to_vec(),
            b"PK\x03\x04not really a zip".to_vec(),
        ];
        for kind in ["territories", "precincts", "parties"] {
            for (i, csv) in csvs.iter().enumerate() {
                for ct in [
                    "text/csv",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ] {
                    let path = format!("/api/v1/import/{kind}");
                    let r = send_raw(
                        &t,
                        Method::POST,
                        &path,
                        Some(ct),
                        csv.clone(),
                        &[("authorization", bearer.as_str())],
                    )
                    .await;
                    let what = format!("{ctx} {path} csv #{i} {ct}");
                    assert!(
                        r.status.is_client_error(),
                        "{what}: {} {}",
                        r.status,
                        r.body
                    );
                    problem(&r, r.status.as_u16(), &what);
                }
            }
        }
        // Garbage in queries and paths of the reads.
        for path in [
            "/api/v1/territories?parent=%00",
            "/api/v1/territories?q=%00%FF",
            "/api/v1/territories?parent=1&parent=2",
            "/api/v1/territories/%00",
            "/api/v1/territories/%FF%FE",
            "/api/v1/precincts?territory=%00",
            "/api/v1/precincts?region=100000000&offset=99999999999999999999",
            "/api/v1/precincts?region=100000000&offset=-1",
            "/api/v1/precincts/%00/1",
            "/api/v1/parties/%00",
            "/api/v1/persons/not-a-uuid",
            "/api/v1/persons?limit=abc",
            "/api/v1/accounts/%00",
            "/api/ledger/entries?start=a&end=b",
            "/api/ledger/proof/inclusion?index=%00",
            "/api/ledger/proof/consistency?first=1&second=x",
        ] {
            let r = t
                .get_with(path, &[("authorization", bearer.as_str())])
                .await;
            let what = format!("{ctx} GET {path}");
            assert!(
                r.status.is_client_error() || r.status == 200,
                "{what}: {} {}",
                r.status,
                r.body
            );
            if r.status != 200 {
                problem(&r, r.status.as_u16(), &what);
            }
        }
        assert_eq!(t.ledger_size().await, before, "{ctx}: garbage was written");
    }
}

/// Well-formed bodies whose values are hostile (NUL bytes, control and bidi characters, huge
/// text, SQL, extreme numbers), one field at a time, at every write endpoint: each answer is a
/// success or a 4xx problem, a refused request writes nothing, and the answer to each value (its
/// status and the field and rule of each error) is pinned by `tests/snapshots/hostile-values.txt`,
/// the same on every backend (`UPDATE_SNAPSHOTS=1` rewrites the file; review the diff).
#[tokio::test]
async fn hostile_values_in_well_formed_bodies() {
    let long = "ж".repeat(70_000);
    let strings: Vec<String> = vec![
        "\u{0}".into(),
        "a\u{0}b".into(),
        "\u{7}\u{1b}[31m".into(),
        "\u{202e}evil".into(),
        "'; DROP TABLE territories; --".into(),
        "  ".into(),
        "".into(),
        "１０４００００００".into(),
        "\u{FFFF}\u{10FFFF}".into(),
        long,
    ];
    let numbers = [
        json!(0),
        json!(4294967295u64),
        json!(-1),
        json!(1.5),
        json!(1e10),
    ];
    let templates: Vec<(Method, &str, Value)> = vec![
        (
            Method::POST,
            "/api/v1/territories",
            json!({"code": "103250000", "parent_code": "103200000", "kind": "rural_okrug",
                   "name_ru": "а", "name_kk": "ә", "name_en": "a"}),
        ),
        (
            Method::PUT,
            "/api/v1/territories/103200000/names",
            json!({"name_ru": "а", "name_kk": "ә", "name_en": "a"}),
        ),
        (
            Method::POST,
            "/api/v1/precincts",
            json!({"number": 900, "territory_code": "103200000", "address": "a", "voters": 1}),
        ),
        (
            Method::PUT,
            "/api/v1/precincts/100000000/300",
            json!({"address": "a", "voters": 1}),
        ),
        (
            Method::POST,
            "/api/v1/parties",
            json!({"code": "hostile", "name_ru": "а", "name_kk": "ә", "name_en": "a", "short_name": "s"}),
        ),
        (
            Method::PUT,
            "/api/v1/parties/akzhol",
            json!({"name_ru": "а", "name_kk": "ә", "name_en": "a", "short_name": "s"}),
        ),
        (
            Method::POST,
            "/api/v1/parties/akzhol/branches",
            json!({"territory_code": "113200000"}),
        ),
        (
            Method::POST,
            "/api/v1/persons",
            json!({"surname": "а", "given_name": "ә", "patronymic": "", "birth_date": "1980-01-01", "gender": "male"}),
        ),
        (
            Method::POST,
            "/api/v1/accounts",
            json!({"username": "hostile.user", "display_name": "x", "role": "observer",
                   "scope": "global", "password": "long enough password", "active": true}),
        ),
        (
            Method::PUT,
            "/api/v1/accounts/victim/role",
            json!({"role": "party_secretary", "scope": "party:amanat"}),
        ),
        (
            Method::PUT,
            "/api/v1/accounts/victim/password",
            json!({"password": "long enough password"}),
        ),
        (
            Method::POST,
            "/api/v1/session",
            json!({"username": "victim", "password": "long enough password"}),
        ),
    ];
    let visible = |s: &str| -> String {
        s.chars()
            .flat_map(|c| {
                if c.is_control() || !(c.is_alphanumeric() || c.is_ascii_graphic() || c == ' ') {
                    format!("\\u{{{:x}}}", c as u32).chars().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    };
    for t in backends().await {
        let ctx = t.backend;
        let mut answers = Vec::new();
        t.load_small().await;
        t.create_user(
            "victim",
            Role::Observer,
            Scope::Global,
            "long enough password",
        )
        .await;
        let admin = admin(&t).await;
        for (method, path, template) in &templates {
            let fields: Vec<(String, Value)> = template
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (field, value) in &fields {
                let variants: Vec<Value> = match value {
                    Value::String(_) => strings.iter().map(|s| json!(s)).collect(),
                    Value::Number(_) => numbers.to_vec(),
                    _ => vec![json!("true"), json!(null)],
                };
                for v in variants {
                    let mut body = template.clone();
                    body[field.as_str()] = v.clone();
                    let before = t.ledger_size().await;
                    let r = t
                        .send_json(method.clone(), path, Some(&body), Some(&admin.token))
                        .await;
                    let shown: String = v.to_string().chars().take(40).collect();
                    let what = format!("{ctx} {method} {path} {field}={shown}");
                    assert!(
                        r.status.is_success() || r.status.is_client_error(),
                        "{what}: {} {}",
                        r.status,
                        r.body.chars().take(500).collect::<String>()
                    );
                    let mut answer = format!("{}", r.status.as_u16());
                    if r.status.is_client_error() {
                        let p = problem(&r, r.status.as_u16(), &what);
                        assert_eq!(t.ledger_size().await, before, "{what}: refused but written");
                        for e in p["errors"].as_array().into_iter().flatten() {
                            answer.push_str(&format!(
                                " {}:{}",
                                e["field"].as_str().unwrap_or("?"),
                                e["rule"].as_str().unwrap_or("?")
                            ));
                        }
                    }
                    answers.push(format!(
                        "{method} {path} {field}={} -> {answer}",
                        visible(&shown)
                    ));
                }
            }
        }
        let got = answers.join("\n") + "\n";
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots/hostile-values.txt");
        let pinned = std::fs::read_to_string(&path).unwrap_or_default();
        if got != pinned {
            if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
                std::fs::write(&path, &got).unwrap();
            } else {
                let first = got
                    .lines()
                    .zip(pinned.lines().chain(std::iter::repeat("(missing)")))
                    .find(|(a, b)| a != b);
                panic!(
                    "{ctx}: the answers to hostile values changed (UPDATE_SNAPSHOTS=1 rewrites {}): first difference: got {:?}, pinned {:?}",
                    path.display(),
                    first.map(|f| f.0),
                    first.map(|f| f.1)
                );
            }
        }
    }
}

// ---------- the OpenAPI document ----------

fn snapshot_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json")
}

/// The served document is pinned by `tests/snapshots/openapi.json`; `UPDATE_SNAPSHOTS=1`
/// rewrites the file instead of failing.
#[tokio::test]
async fn openapi_document_matches_the_snapshot() {
    let t = TestApp::sqlite().await;
    let r = t.get("/api/openapi.json").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let doc = r.json();
    assert_eq!(doc["info"]["title"], "sailau");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let served = format!("{}\n", r.body.trim_end());
    let path = snapshot_path();
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let pinned = std::fs::read_to_string(&path).ok();
    if pinned.as_deref() == Some(served.as_str()) {
        return;
    }
    if update || pinned.is_none() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &served).unwrap();
        if update {
            return;
        }
        panic!(
            "{} did not exist; it has been written: review and commit it",
            path.display()
        );
    }
    let pinned = pinned.unwrap_or_default();
    let first = pinned
        .lines()
        .zip(served.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| pinned.lines().count().min(served.lines().count()));
    panic!(
        "the OpenAPI document changed (first difference at line {}):\n  pinned: {}\n  served: {}\n\
         If the change is intended, run `UPDATE_SNAPSHOTS=1 cargo test -p sailau-web --test integration openapi` \
         and commit {}",
        first + 1,
        pinned.lines().nth(first).unwrap_or("<end>"),
        served.lines().nth(first).unwrap_or("<end>"),
        path.display()
    );
}

/// Every operation of the document is routed, with its method.
#[tokio::test]
async fn every_documented_operation_is_routed() {
    let t = TestApp::sqlite().await;
    let doc: Value = serde_json::from_str(sailau_web::api::openapi_document()).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 20, "{}", paths.len());
    for (path, item) in paths {
        let concrete = path
            .replace("{code}", "100000000")
            .replace("{region}", "100000000")
            .replace("{number}", "1")
            .replace("{id}", "00000000-0000-0000-0000-000000000000")
            .replace("{username}", "nobody")
            .replace("{kind}", "precincts")
            .replace("{sha256}", &"0".repeat(64))
            .replace("{document}", "application")
            .replace("{contest}", "00000000-0000-0000-0000-000000000000")
            .replace("{election}", "00000000-0000-0000-0000-000000000000")
            .replace("{party}", "amanat")
            .replace("{trustee}", "1")
            .replace("{round}", "1");
        assert!(!concrete.contains('{'), "unknown placeholder in {path}");
        for (method, op) in item.as_object().unwrap() {
            let m: Method = method.to_uppercase().parse().unwrap();
            assert!(op["responses"]["4XX"].is_object(), "{method} {path}");
            assert!(op["summary"].is_string(), "{method} {path}: no summary");
            let r = send_raw(&t, m, &concrete, None, Body::empty(), &[]).await;
            assert_ne!(r.status, 405, "{method} {path} is not routed: {}", r.body);
            if r.status == 404 {
                assert_ne!(
                    r.json()["type"],
                    "/problems/unknown-endpoint",
                    "{method} {path} is not routed"
                );
            }
        }
    }
}

/// No `/api` route is added other than through `utoipa_axum::routes!` (which documents it): the
/// sources of the web crate are searched for `.route("/api…` and `.route("/healthz`.
#[test]
fn no_undocumented_api_routes() {
    let doc: Value = serde_json::from_str(sailau_web::api::openapi_document()).unwrap();
    let documented: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // The catch-alls that answer 404 problems for unknown paths.
    let allowed = ["/api", "/api/", "/api/{*rest}"];
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let compact: String = text.split_whitespace().collect();
            for marker in [
                ".route(\"",
                ".route_service(\"",
                ".nest(\"",
                ".nest_service(\"",
            ] {
                for (i, _) in compact.match_indices(marker) {
                    let rest = &compact[i + marker.len()..];
                    let route = &rest[..rest.find('"').unwrap()];
                    if route.starts_with("/api") || route == "/healthz" {
                        found.push((path.display().to_string(), route.to_owned()));
                    }
                }
            }
        }
    }
    for (file, route) in &found {
        assert!(
            documented.contains(&route.as_str()) || allowed.contains(&route.as_str()),
            "{file}: {route} is routed but not in the OpenAPI document: register it with routes!()"
        );
    }
    assert!(
        found.iter().any(|(_, r)| r == "/api/{*rest}"),
        "the scan found nothing: {found:?}"
    );
}

#[tokio::test]
async fn the_last_administrator_cannot_be_disabled_or_demoted_through_the_api() {
    for t in backends().await {
        let ctx = t.backend;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let p = answer(
            &t,
            Method::PUT,
            &format!("/api/v1/accounts/{}/active", admin.username),
            &json!({"active": false}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["field"], "active", "{ctx}");
        assert_eq!(p["errors"][0]["rule"], "last-administrator", "{ctx}");
        let p = answer(
            &t,
            Method::PUT,
            &format!("/api/v1/accounts/{}/role", admin.username),
            &json!({"role": "observer", "scope": "global"}),
            Some(&admin),
            422,
            ctx,
        )
        .await;
        assert_eq!(p["errors"][0]["rule"], "last-administrator", "{ctx}");
    }
}

#[tokio::test]
async fn sign_in_through_the_api_counts_malformed_usernames_and_sets_a_device_cookie() {
    for t in backends().await {
        let ctx = t.backend;
        let long = "b".repeat(3_000);
        for name in ["nul\u{0}name", long.as_str()] {
            answer(
                &t,
                Method::POST,
                "/api/v1/session",
                &json!({"username": name, "password": "whatever password"}),
                None,
                401,
                ctx,
            )
            .await;
        }
        t.create_user(
            "apiuser",
            Role::Observer,
            Scope::Global,
            "a long password 3",
        )
        .await;
        let r = post(
            &t,
            "/api/v1/session",
            &json!({"username": "apiuser", "password": "a long password 3"}),
            None,
        )
        .await;
        assert_eq!(r.status.as_u16(), 201, "{ctx}: {}", r.body);
        assert!(
            r.set_cookies()
                .iter()
                .any(|c| c.starts_with("sailau_device=")),
            "{ctx}"
        );
    }
}

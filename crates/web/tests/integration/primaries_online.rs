//! The primaries' verifiable online vote over HTTP (issue 14 §4, §5, §8): on the demo, the
//! finished 2024 campaign's pages (status, board, a challenged ballot's opening checked, the
//! record that `sailau verify` accepts) in three languages; and on the live campaign, on SQLite
//! and PostgreSQL, a member's ballot made with the Rust client and submitted through the API
//! the browser uses — the receipt, the board lookup, a re-vote, and every refusal with its rule:
//! a replay, a bad proof, an unknown credential, a malformed submission, an account that is no
//! member, no account, a ballot outside the window; the paper station's register; and the
//! ledger replaying it all.

use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use sailau_app::demo_primaries::{CAMPAIGN, LIVE_CAMPAIGN};
use sailau_domain::{PartyCode, Role, Scope, TerritoryCode};
use sailau_i18n::Lang;

use crate::common::{Login, TestApp, backends_with_clocks};
use crate::elections::in_three_languages;

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn campaign(n: u128) -> String {
    uuid::Uuid::from_u128(n).to_string()
}

/// A demo member's uuid (`demo_primaries`: the Uil branch's synthetic members).
fn synthetic_member(n: u128) -> String {
    uuid::Uuid::from_u128(0x5EED_1400_0000_0000_0000 + (1 << 48) + n).to_string()
}

#[tokio::test]
async fn the_finished_campaign_reads_well_and_its_record_verifies() {
    let (t, _clock) = backends_with_clocks(ts("2026-01-05T05:00:00Z"))
        .await
        .into_iter()
        .next()
        .unwrap();
    t.load_demo().await;
    let c = campaign(CAMPAIGN);

    for (lang, r) in in_three_languages(&t, &format!("/primaries/{c}/online"), None).await {
        let want: &[&str] = match lang {
            Lang::Ru => &[
                "Онлайн-голосование",
                "Итоги расшифрованы",
                "Опущено бюллетеней: 41, из них учитываются: 40; проверено бюллетеней: 1",
                "Проголосовали онлайн: 40",
            ],
            Lang::Kk => &["Онлайн дауыс беру", "Қорытындылардың шифры ашылды"],
            Lang::En => &[
                "Online voting",
                "Results decrypted",
                "Ballots cast: 41, of which counted: 40; ballots challenged: 1",
            ],
        };
        for w in want {
            assert!(r.body.contains(w), "{lang:?}: {w}");
        }
        // Nobody signed in: no form.
        assert!(!r.body.contains("/online/tally"), "{lang:?}");
    }
    for (_, r) in in_three_languages(&t, &format!("/primaries/{c}/board"), None).await {
        assert!(r.body.matches("/board/").count() >= 42);
    }
    // The integrators' reads: both demo campaigns, and this one with its contenders, debates,
    // paper counts, ratings and list, online votes counted.
    let list = t.get("/api/v1/primaries").await.json();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&c.as_str()) && ids.contains(&campaign(LIVE_CAMPAIGN).as_str()));
    let one = t.get(&format!("/api/v1/primaries/{c}")).await.json();
    assert_eq!(one["campaign"]["party"], "amanat");
    assert_eq!(one["contenders"].as_array().unwrap().len(), 19, "{one}");
    assert_eq!(one["debates"].as_array().unwrap().len(), 2);
    assert!(!one["paper_counts"].as_array().unwrap().is_empty());
    assert_eq!(one["online_counted"], true);
    // The ratings are final (the trustees' decryption is published): a primary organization's
    // paper count that comes now is refused with its rule and changes nothing.
    let counting = t
        .login(
            Role::CountingCommission,
            Scope::Party {
                party: PartyCode::parse("amanat").unwrap(),
                territory: None,
            },
        )
        .await;
    let counts: Vec<serde_json::Value> = one["contenders"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["position"] == "akim-155200000" && x["status"] == "admitted")
        .map(|x| serde_json::json!({"contender": x["id"], "votes": 1}))
        .collect();
    assert!(!counts.is_empty());
    let late = serde_json::json!({
        "organization": "154200000",
        "position": "akim-155200000",
        "issued": 5,
        "counts": counts,
    });
    let r = t
        .send_json(
            Method::POST,
            &format!("/api/v1/primaries/{c}/paper-counts"),
            Some(&late),
            Some(&counting.token),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let rules: Vec<String> = r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"].as_str().unwrap(),
                e["rule"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(rules, vec!["campaign:prim-paper-count-after-results"]);
    let again = t.get(&format!("/api/v1/primaries/{c}")).await.json();
    assert_eq!(again["paper_counts"], one["paper_counts"]);
    assert_eq!(again["results"], one["results"]);
    let list_position = one["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["list"].is_object())
        .unwrap();
    assert_eq!(list_position["list"]["seats"], 10);
    assert_eq!(list_position["ratings"][0]["kind"], "overall");
    let statuses: Vec<&str> = one["contenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains(&"admitted") && statuses.contains(&"refused"),
        "{statuses:?}"
    );
    let routes: Vec<&str> = one["contenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["route"].as_str().unwrap())
        .collect();
    assert!(
        routes.contains(&"self_nominated") && routes.contains(&"organization"),
        "{routes:?}"
    );
    assert!(list_position["ratings"][0]["places"][0]["online"].is_u64());
    // The live campaign's online votes are not decrypted: no number stands for them.
    let live = t
        .get(&format!("/api/v1/primaries/{}", campaign(LIVE_CAMPAIGN)))
        .await
        .json();
    assert_eq!(live["online_counted"], false);
    assert!(
        live["results"][0]["ratings"][0]["places"][0]["online"].is_null(),
        "{live}"
    );
    let r = t
        .get("/api/v1/primaries/00000000-0000-0000-0000-000000000000")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        t.get("/api/v1/primaries/nope").await.status,
        StatusCode::BAD_REQUEST
    );
    // The challenged ballot's page checks its opening and names the revealed choice.
    let challenged = t
        .get(&format!("/api/v1/primaries/{c}/board?kind=challenged"))
        .await
        .json();
    let hash = challenged[0]["ballot_hash"].as_str().unwrap().to_owned();
    assert!(challenged[0]["opening"].is_object());
    for (lang, r) in in_three_languages(&t, &format!("/primaries/{c}/board/{hash}"), None).await {
        let holds = match lang {
            Lang::Ru => "Раскрытие сходится с шифрованием",
            Lang::Kk => "Ашылуы шифрлаумен сәйкес",
            Lang::En => "The opening matches the encryption",
        };
        assert!(r.body.contains(holds), "{lang:?}");
    }
    // A lookup that is no code, a ballot that is not there.
    let r = t.get(&format!("/primaries/{c}/board?code=zz")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("не меньше 16 шестнадцатеричных знаков"));
    let r = t
        .get(&format!("/primaries/{c}/board/{}", "ab".repeat(32)))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .get(&format!("/api/v1/primaries/{c}/board?kind=spoiled"))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);

    // The record as the API serves it: a zip whose `record/` verifies with the independent
    // verifier.
    let r = t.get(&format!("/api/v1/primaries/{c}/record.zip")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), Some("application/zip"));
    let dir = tempfile::tempdir().unwrap();
    zip::ZipArchive::new(std::io::Cursor::new(r.bytes.clone()))
        .unwrap()
        .extract(dir.path())
        .unwrap();
    let report = sailau_record::verify(
        &dir.path().join("record"),
        &sailau_record::VerifyOptions::default(),
        &sailau_record::NoProgress,
    )
    .unwrap();
    assert!(report.ok(), "{:?}", report.findings);
    assert_eq!(
        (
            report.summary.ballots,
            report.summary.voters,
            report.summary.challenged
        ),
        (41, 40, 1)
    );
    assert!(report.summary.results);
}

/// Signs a demo account in with its printed password.
async fn demo_login(t: &TestApp, accounts: &[sailau_app::demo::DemoAccount], name: &str) -> Login {
    let a = accounts
        .iter()
        .find(|a| a.username.as_str() == name)
        .unwrap();
    let s = t.app.login(name, &a.password, "test-client").await.unwrap();
    Login {
        username: name.into(),
        password: a.password.clone(),
        token: s.token,
        csrf: s.csrf_token,
    }
}

async fn post_raw(
    t: &TestApp,
    path: &str,
    body: String,
    who: Option<&Login>,
) -> crate::common::TestResponse {
    let mut b = axum::http::Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "ru");
    if let Some(w) = who {
        b = b.header(header::AUTHORIZATION, format!("Bearer {}", w.token));
    }
    t.send(b.body(Body::from(body)).unwrap()).await
}

fn first_rule(r: &crate::common::TestResponse) -> (String, String, String) {
    let j = r.json();
    let e = &j["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().to_owned(),
        e["rule"].as_str().unwrap_or_default().to_owned(),
        e["message"].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn a_member_votes_through_the_api_and_every_bad_ballot_is_refused_with_its_rule() {
    for (t, clock) in backends_with_clocks(ts("2026-01-05T05:00:00Z")).await {
        let accounts = t.load_demo().await;
        let c = campaign(LIVE_CAMPAIGN);
        let code = accounts
            .iter()
            .find(|a| a.username.as_str() == "member")
            .and_then(|a| a.voting_code.clone())
            .unwrap();
        let member = demo_login(&t, &accounts, "member").await;

        // What the browser loads: the manifest, parameters, announcements and election.json.
        let files = t
            .get(&format!("/api/v1/primaries/{c}/election"))
            .await
            .json();
        let manifest: sailau_vote::Manifest =
            serde_json::from_value(files["manifest"].clone()).unwrap();
        let parameters: sailau_vote::ElectionParameters =
            serde_json::from_value(files["parameters"].clone()).unwrap();
        let trustees: Vec<sailau_vote::TrusteePublic> =
            serde_json::from_value(files["trustees"].clone()).unwrap();
        let ctx = sailau_vote::ElectionContext::new(&manifest, &parameters, &trustees).unwrap();
        assert_eq!(
            files["election"]["election_hash"].as_str().unwrap(),
            ctx.election_hash().to_hex()
        );
        let contest = &manifest.contests[0];
        let choose = |k: usize| {
            sailau_vote::PlaintextBallot::from_selections(
                &manifest,
                &[(contest.id.as_str(), &[contest.options[k].id.as_str()])],
            )
            .unwrap()
        };
        let vote = |k: usize, code: &sailau_vote::CredentialCode, challenge: bool| {
            let v = sailau_record::voter::vote(&ctx, code, &choose(k), challenge, &mut rand::rng())
                .unwrap();
            serde_json::to_string(&v.submission).unwrap()
        };
        let code = sailau_vote::CredentialCode::parse(&code).unwrap();
        let ballots = format!("/api/v1/primaries/{c}/ballots");
        let before = t.ledger_size().await;

        // Cast: 201 with the tracking code; the board finds it by its short form.
        let first = vote(0, &code, false);
        let r = post_raw(&t, &ballots, first.clone(), Some(&member)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}: {}", t.backend, r.body);
        let receipt = r.json();
        let short = receipt["tracking_code_short"].as_str().unwrap().to_owned();
        assert_eq!(short.len(), 19);
        let found = t
            .get(&format!("/api/v1/primaries/{c}/board?code={short}"))
            .await
            .json();
        assert_eq!(found[0]["ballot_hash"], receipt["ballot_hash"]);
        assert_eq!(found[0]["tracking_code"], receipt["tracking_code"]);
        // The ledger entry names no member: an anonymous voter and the ballot's hash.
        let entry = t
            .get(&format!(
                "/api/ledger/entries?start={before}&end={}",
                before + 1
            ))
            .await
            .body;
        assert!(
            entry.contains(r#"\"type\":\"voter\""#) || entry.contains(r#""type":"voter""#),
            "{entry}"
        );
        assert!(!entry.contains("member"), "{entry}");

        // The same ballot again: a replay.
        let r = post_raw(&t, &ballots, first, Some(&member)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let (field, rule, message) = first_rule(&r);
        assert_eq!(
            (field.as_str(), rule.as_str()),
            ("ballot", "prim-ballot-replay")
        );
        assert!(message.contains("уже есть на доске"), "{message}");

        // A ballot whose proof is broken, re-signed by its credential: refused by its check.
        let forge = |choice: usize| {
            let mut forged: serde_json::Value =
                serde_json::from_str(&vote(choice, &code, false)).unwrap();
            let mut b: sailau_vote::EncryptedBallot =
                serde_json::from_value(forged["ballot"].clone()).unwrap();
            b.contests[0].selections[0].beta = sailau_vote::Point::generator();
            sailau_vote::sign_ballot(
                &mut b,
                &code.derive_key(ctx.parameters_hash()),
                &mut rand::rng(),
            );
            forged["ballot"] = serde_json::to_value(&b).unwrap();
            forged.to_string()
        };
        let r = post_raw(&t, &ballots, forge(1), Some(&member)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(first_rule(&r).1, "prim-ballot-refused", "{}", r.body);

        // Text that is not JSON at all is a syntax error of the body (400), nothing written.
        let r = post_raw(
            &t,
            &ballots,
            "{\"kind\": \"cast\",".to_owned(),
            Some(&member),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        assert_eq!(first_rule(&r).1, "json-syntax", "{}", r.body);

        // A code that is not in the published list.
        let stranger = sailau_vote::CredentialCode::generate(&mut rand::rng());
        let r = post_raw(&t, &ballots, vote(0, &stranger, false), Some(&member)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            (first_rule(&r).0.as_str(), first_rule(&r).1.as_str()),
            ("credential", "prim-credential-unknown")
        );

        // JSON that is not a submission; an unknown field. (Text that is not JSON is 400, above.)
        for body in ["{}", "[]", r#"{"kind":"cast"}"#] {
            let r = post_raw(&t, &ballots, body.into(), Some(&member)).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{body}: {}",
                r.body
            );
            assert_eq!(first_rule(&r).0, "ballot", "{body}");
        }
        let mut extra: serde_json::Value = serde_json::from_str(&vote(0, &code, false)).unwrap();
        extra["voter"] = serde_json::json!("me");
        let r = post_raw(&t, &ballots, extra.to_string(), Some(&member)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

        // An account that is no member; no account at all.
        let observer = t.login(Role::Observer, Scope::Global).await;
        let r = post_raw(&t, &ballots, vote(0, &code, false), Some(&observer)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(first_rule(&r).1, "prim-not-voter");
        let r = post_raw(&t, &ballots, vote(0, &code, false), None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);

        // A challenged ballot is published with its opening and never counts; a re-vote
        // replaces the first ballot: one voter more than before the test, two ballots.
        let online = format!("/api/v1/primaries/{c}/online");
        let status = async |t: &TestApp| t.get(&online).await.json();
        let s0 = status(&t).await;
        let r = post_raw(&t, &ballots, vote(1, &code, true), Some(&member)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        assert_eq!(r.json()["kind"], "challenged");
        // It has no tracking code: the member finds it by the start of its fingerprint.
        let hash = r.json()["ballot_hash"].as_str().unwrap().to_owned();
        let found = t
            .get(&format!("/api/v1/primaries/{c}/board?code={}", &hash[..16]))
            .await
            .json();
        assert_eq!(found[0]["ballot_hash"], hash.as_str(), "{found}");
        let page = format!("/primaries/{c}/board?code={}", &hash[..16]);
        for (lang, r) in in_three_languages(&t, &page, None).await {
            let said = match lang {
                Lang::Ru => "Проверенный бюллетень №",
                Lang::Kk => "тексерілген бюллетень: ашылған, есептелмейді",
                Lang::En => "Challenged ballot 1: opened, it never counts.",
            };
            assert!(r.body.contains(said), "{lang:?}");
        }
        let r = post_raw(&t, &ballots, vote(2, &code, false), Some(&member)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let s1 = status(&t).await;
        assert_eq!(s1["ballots"], s0["ballots"].as_u64().unwrap() + 1);
        assert_eq!(s1["voters"], s0["voters"]);
        assert_eq!(s1["challenged"], s0["challenged"].as_u64().unwrap() + 1);
        assert_eq!(s1["participated_online"], s0["participated_online"]);

        // Ballots submitted at once share commit groups: each is still its own entry with its
        // own place and tracking code, in one chain; a copy of one of them inside the same
        // burst is refused as a replay and changes nothing of the others; so are two ballots
        // with broken proofs verified in the same batches as good ones.
        let burst: Vec<String> = (0..12).map(|k| vote(k % 3, &code, false)).collect();
        let mut bodies = burst.clone();
        bodies.insert(3, forge(0));
        bodies.push(burst[5].clone());
        bodies.insert(9, forge(2));
        let ledger_before = t.ledger_size().await;
        let answers = futures_util::future::join_all(
            bodies
                .into_iter()
                .map(|b| post_raw(&t, &ballots, b, Some(&member))),
        )
        .await;
        let created: Vec<serde_json::Value> = answers
            .iter()
            .filter(|r| r.status == StatusCode::CREATED)
            .map(|r| r.json())
            .collect();
        let refused: Vec<_> = answers
            .iter()
            .filter(|r| r.status != StatusCode::CREATED)
            .collect();
        assert_eq!(created.len(), 12, "{}", t.backend);
        let mut rules: Vec<String> = refused.iter().map(|r| first_rule(r).1).collect();
        rules.sort();
        assert_eq!(
            rules,
            [
                "prim-ballot-refused",
                "prim-ballot-refused",
                "prim-ballot-replay"
            ]
        );
        let mut places: Vec<u64> = created.iter().map(|r| r["seq"].as_u64().unwrap()).collect();
        places.sort_unstable();
        let first_place = s1["ballots"].as_u64().unwrap() + 1;
        assert_eq!(places, (first_place..first_place + 12).collect::<Vec<_>>());
        let mut entries: Vec<u64> = created
            .iter()
            .map(|r| r["ledger_index"].as_u64().unwrap())
            .collect();
        entries.sort_unstable();
        entries.dedup();
        assert_eq!(entries.len(), 12);
        assert_eq!(t.ledger_size().await, ledger_before + 12);
        // The chain: each tracking code follows from the one before it and its ballot's hash.
        let board = t
            .get(&format!(
                "/api/v1/primaries/{c}/board?from={}&limit=13",
                first_place - 1
            ))
            .await
            .json();
        let rows = board.as_array().unwrap();
        assert_eq!(rows.len(), 13, "{board}");
        for pair in rows.windows(2) {
            let hex =
                |v: &serde_json::Value| sailau_vote::Hash32::from_hex(v.as_str().unwrap()).unwrap();
            let expected = sailau_vote::TrackingCode(hex(&pair[0]["tracking_code"]))
                .next(&hex(&pair[1]["ballot_hash"]));
            assert_eq!(
                expected.to_string(),
                pair[1]["tracking_code"].as_str().unwrap()
            );
        }
        for r in &created {
            assert!(
                rows.iter()
                    .any(|b| b["tracking_code"] == r["tracking_code"] && b["seq"] == r["seq"]),
                "{r}"
            );
        }
        let s2 = status(&t).await;
        assert_eq!(s2["ballots"], s1["ballots"].as_u64().unwrap() + 12);
        assert_eq!(s2["voters"], s1["voters"]);

        // The paper station, in the paper window: a member who voted online is refused (the
        // same rule as a second paper ballot), another member gets one.
        clock.set(ts("2026-02-01T05:00:00Z"));
        let station = t
            .login(
                Role::CountingCommission,
                Scope::Party {
                    party: PartyCode::parse("amanat").unwrap(),
                    territory: Some(TerritoryCode::parse("155200000").unwrap()),
                },
            )
            .await;
        let ledger = t.ledger_size().await;
        let member_id = match &accounts
            .iter()
            .find(|a| a.username.as_str() == "member")
            .unwrap()
            .scope
        {
            Scope::Member { member } => member.0.to_string(),
            other => panic!("{other:?}"),
        };
        let paper = format!("/api/v1/primaries/{c}/paper-ballots");
        let issue = |who: String| serde_json::json!({"organization": "155200000", "member": who});
        let r = t
            .send_json(
                Method::POST,
                &paper,
                Some(&issue(member_id)),
                Some(&station.token),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert_eq!(first_rule(&r).1, "prim-paper-ballot-refused");
        let other = issue(synthetic_member(250));
        let r = t
            .send_json(Method::POST, &paper, Some(&other), Some(&station.token))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let r = t
            .send_json(Method::POST, &paper, Some(&other), Some(&station.token))
            .await;
        assert_eq!(first_rule(&r).1, "prim-paper-ballot-refused");
        assert_eq!(status(&t).await["participated_paper"], 1);

        // After the window: ballots are refused with the window; the committee closes the box.
        clock.set(ts("2026-02-03T05:00:00Z"));
        let member = demo_login(&t, &accounts, "member").await;
        let r = post_raw(&t, &ballots, vote(0, &code, false), Some(&member)).await;
        assert_eq!(first_rule(&r).1, "prim-voting-closed", "{}", r.body);
        let committee = demo_login(&t, &accounts, "committee").await;
        // The credential authority's roster for the letters: the region's members by card
        // number, numbered from 1; nobody else's to read.
        let authority = demo_login(&t, &accounts, "credentials").await;
        let roster = format!("/primaries/{c}/online/roster.csv");
        let r = t.get_as(&roster, &authority).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
        let lines: Vec<&str> = r.body.lines().collect();
        assert_eq!(
            lines[0],
            "number,card_number,surname,given_name,patronymic,branch"
        );
        for (k, line) in lines.iter().enumerate().skip(1) {
            assert!(line.starts_with(&format!("{k},")), "{line}");
        }
        assert!(r.body.contains(",SYN-PRM-0001,"));
        assert!(lines.len() > 410, "{}", lines.len());
        let page = t
            .get_as(&format!("/primaries/{c}/online"), &authority)
            .await;
        assert!(page.body.contains("/online/roster.csv"));
        let r = t.get_as(&roster, &committee).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(!r.body.contains("SYN-PRM-0001"));
        let page = t
            .get_as(&format!("/primaries/{c}/online"), &committee)
            .await;
        assert!(!page.body.contains("/online/roster.csv"));
        let r = t.get(&roster).await;
        assert!(!r.body.contains("SYN-PRM-0001"));
        assert_ne!(r.status, StatusCode::OK);
        let r = t
            .send_json(
                Method::POST,
                &format!("/api/v1/primaries/{c}/tally"),
                None,
                Some(&committee.token),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let r = t
            .send_json(
                Method::POST,
                &format!("/api/v1/primaries/{c}/tally"),
                None,
                Some(&committee.token),
            )
            .await;
        assert_eq!(first_rule(&r).1, "prim-already-tallied");
        // Nothing refused above was written: one paper ballot and the tally since `ledger`.
        assert_eq!(t.ledger_size().await, ledger + 2);

        // Erasing the paper voter's data takes them out of the participation register too;
        // its counts stay.
        let erased = sailau_domain::party::member::MemberId(
            uuid::Uuid::parse_str(&synthetic_member(250)).unwrap(),
        );
        let id = sailau_domain::primaries::CampaignId(uuid::Uuid::parse_str(&c).unwrap());
        let mut tx = t.app.store().begin().await.unwrap();
        assert!(tx.participation(&id, &erased).await.unwrap().is_some());
        tx.rollback().await.unwrap();
        t.app
            .execute(
                &sailau_app::Acting::Operator,
                sailau_domain::party::commands::EraseMemberData { member: erased },
            )
            .await
            .unwrap();
        let mut tx = t.app.store().begin().await.unwrap();
        assert_eq!(tx.participation(&id, &erased).await.unwrap(), None);
        tx.rollback().await.unwrap();
        assert_eq!(status(&t).await["participated_paper"], 1);

        // The ledger replays: the board's hashes, codes and the register's absence from it.
        let report =
            sailau_app::ledger::verify(t.app.store(), &t.app.ledger_public_key(), &[], &|_, _| {})
                .await
                .unwrap_or_else(|e| panic!("{}: {e}", t.backend));
        assert!(report.entries > 0);
    }
}

/// Waits until no election record is being streamed any more (its reads and its writer's thread
/// ended). Fails after 30 s.
async fn no_record_streams(t: &TestApp) {
    let start = std::time::Instant::now();
    while t.app.record_streams() > 0 {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "{}: a record stream is still running",
            t.backend
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

/// The record download on every backend: a zip sent while it is written, with its type and its
/// name and without a length, whose first bytes arrive while the record is still being written
/// and whose entries are byte for byte the files `App::write_record` writes; a client that goes
/// away after the first bytes ends the work; a campaign that does not exist has none.
#[tokio::test]
async fn the_record_download_is_the_written_record_zipped() {
    use std::io::Read;

    use http_body_util::BodyExt;
    use tower::ServiceExt;
    for (t, _clock) in backends_with_clocks(ts("2026-01-05T05:00:00Z")).await {
        let b = t.backend;
        t.load_demo().await;
        let c = campaign(CAMPAIGN);
        let get = || {
            axum::http::Request::get(format!("/api/v1/primaries/{c}/record.zip"))
                .body(Body::empty())
                .unwrap()
        };
        let r = t.router.clone().oneshot(get()).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{b}");
        let header = |name| r.headers().get(name).and_then(|v| v.to_str().ok());
        assert_eq!(header(header::CONTENT_TYPE), Some("application/zip"), "{b}");
        assert_eq!(
            header(header::CONTENT_DISPOSITION),
            Some(format!("attachment; filename=\"primaries-{c}-record.zip\"").as_str()),
            "{b}"
        );
        // The length is not known before the end: no Content-Length, the server sends it chunked.
        assert_eq!(header(header::CONTENT_LENGTH), None, "{b}");
        let mut body = r.into_body();
        assert_eq!(axum::body::HttpBody::size_hint(&body).exact(), None, "{b}");
        // The first bytes are here while the record is still being written: its writer waits for
        // this reader (the rest of the archive does not fit in the queue between them).
        let first = body.frame().await.unwrap().unwrap().into_data().unwrap();
        assert!(first.starts_with(b"PK\x03\x04"), "{b}");
        assert_eq!(t.app.record_streams(), 1, "{b}");
        let rest = body.collect().await.unwrap().to_bytes();
        no_record_streams(&t).await;
        let bytes = [&first[..], &rest[..]].concat();

        let dir = tempfile::tempdir().unwrap();
        let id = sailau_domain::primaries::CampaignId(uuid::Uuid::from_u128(CAMPAIGN));
        let n = t.app.write_record(&id, dir.path()).await.unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut files = 0;
        for i in 0..archive.len() {
            let mut e = archive.by_index(i).unwrap();
            let name = e.name().unwrap().into_owned();
            let path = dir.path().join(name.strip_prefix("record/").unwrap());
            if e.is_dir() {
                assert!(i < 2 && path.is_dir(), "{b}: {name}");
                continue;
            }
            files += 1;
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).unwrap();
            assert!(
                std::fs::read(&path).unwrap() == bytes,
                "{b}: {name} differs from the written record"
            );
        }
        assert_eq!(files, n, "{b}");

        // A client that goes away after the first bytes: the reads and the writer stop.
        let r = t.router.clone().oneshot(get()).await.unwrap();
        let mut body = r.into_body();
        body.frame().await.unwrap().unwrap();
        assert_eq!(t.app.record_streams(), 1, "{b}");
        drop(body);
        no_record_streams(&t).await;

        let r = t
            .get(&format!(
                "/api/v1/primaries/{}/record.zip",
                uuid::Uuid::from_u128(7)
            ))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{b}");
    }
}

/// A response read from a socket to its end: the status line and headers, the body with its
/// chunked framing removed, and whether the body ended with its last (empty) chunk.
struct Wire {
    head: String,
    body: Vec<u8>,
    complete: bool,
}

/// GETs `path` over HTTP/1.1 from the server at `addr` and reads until the server closes the
/// connection (or breaks it off).
async fn get_over_tcp(addr: std::net::SocketAddr, path: &str) -> Wire {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .await
    .unwrap();
    let mut raw = Vec::new();
    let mut buf = vec![0; 1 << 16];
    loop {
        match tokio::time::timeout(std::time::Duration::from_secs(60), s.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => break,
            Ok(Ok(n)) => raw.extend_from_slice(&buf[..n]),
            Err(_) => panic!("the server neither ended nor broke off the response"),
        }
    }
    let at = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..at].to_vec()).unwrap();
    let mut rest = &raw[at + 4..];
    let (mut body, mut complete) = (Vec::new(), false);
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..eol]).unwrap(), 16).unwrap();
        rest = &rest[eol + 2..];
        if size == 0 {
            complete = rest == b"\r\n";
            break;
        }
        if rest.len() < size + 2 {
            body.extend_from_slice(rest);
            break;
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
    Wire {
        head: head.to_ascii_lowercase(),
        body,
        complete,
    }
}

/// The download as a client sees it on the wire, on every backend: chunked, without a length,
/// ending with its last chunk and a whole zip; and when the record fails after its first bytes
/// (a challenged ballot's opening that is no longer JSON, read after every cast ballot was
/// sent), the server breaks the transfer off before its last chunk, so no client takes the cut
/// archive for a record.
#[tokio::test]
async fn a_record_that_fails_midway_breaks_the_transfer() {
    sqlx::any::install_default_drivers();
    for (t, _clock) in backends_with_clocks(ts("2026-01-05T05:00:00Z")).await {
        let b = t.backend;
        t.load_demo().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = t.router.clone();
        let server = tokio::spawn(async move { axum::serve(listener, router).await });
        let path = format!("/api/v1/primaries/{}/record.zip", campaign(CAMPAIGN));

        let whole = get_over_tcp(addr, &path).await;
        assert!(
            whole.head.starts_with("http/1.1 200 "),
            "{b}: {}",
            whole.head
        );
        assert!(
            whole.head.contains("\r\ntransfer-encoding: chunked"),
            "{b}: {}",
            whole.head
        );
        assert!(
            !whole.head.contains("content-length"),
            "{b}: {}",
            whole.head
        );
        assert!(whole.complete, "{b}");
        let archive = zip::ZipArchive::new(std::io::Cursor::new(whole.body)).unwrap();
        assert!(archive.len() > 10, "{b}");

        let mut c = <sqlx::AnyConnection as sqlx::Connection>::connect(&t.database_url())
            .await
            .unwrap();
        sqlx::query(
            "UPDATE primaries_board SET opening = 'not an opening' WHERE kind = 'challenged'",
        )
        .execute(&mut c)
        .await
        .unwrap();
        let cut = get_over_tcp(addr, &path).await;
        assert!(cut.head.starts_with("http/1.1 200 "), "{b}: {}", cut.head);
        assert!(
            !cut.complete,
            "{b}: the broken transfer ended like a whole one"
        );
        assert!(cut.body.len() > 32 * 1024, "{b}: {} bytes", cut.body.len());
        assert!(
            zip::ZipArchive::new(std::io::Cursor::new(cut.body)).is_err(),
            "{b}: the cut archive reads as a zip"
        );
        no_record_streams(&t).await;
        server.abort();
    }
}

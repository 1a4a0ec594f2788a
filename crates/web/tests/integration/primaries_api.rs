//! Opening and running a primaries campaign without the demo's shortcuts (issue 14 §1, §2, §8):
//! the organizing committee opens a campaign through the API and through its page, a party
//! secretary nominates a member by card number, the committee admits, a contender withdraws —
//! each refused input answered with every broken rule at once, in the user's language, with
//! nothing written.

use axum::http::{Method, StatusCode};
use sailau_app::demo_primaries::CAMPAIGN;
use sailau_domain::primaries::CampaignId;
use sailau_domain::primaries::rules::AMANAT_2020_TOML;
use sailau_domain::{PartyCode, Role, Scope, TerritoryCode};
use serde_json::{Value, json};

use crate::api::{errors, pairs, sorted_errors};
use crate::common::{Login, TestApp, backends_with_clocks};
use crate::elections::{field_error, main_text, unfit};

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn amanat(territory: Option<&str>) -> Scope {
    Scope::Party {
        party: PartyCode::parse("amanat").unwrap(),
        territory: territory.map(|t| TerritoryCode::parse(t).unwrap()),
    }
}

/// A campaign of the Aktobe branch in 2026 with one akim position (Uil) and a list.
fn campaign_body(trustees: &[&str]) -> Value {
    json!({
        "party": "amanat",
        "territory": "150000000",
        "title_ru": "Праймериз 2026 в Актюбинской области",
        "title_kk": "Ақтөбе облысындағы 2026 жылғы праймериз",
        "positions": [
            {"key": "akim-155200000", "name_ru": "Кандидат в акимы Уилского района",
             "name_kk": "Ойыл ауданы әкімдігіне кандидат", "kind": "akim", "unit": "155200000"},
            {"key": "maslikhat-list", "name_ru": "Список в маслихат",
             "name_kk": "Мәслихатқа тізім", "kind": "list", "seats": 10}
        ],
        "windows": {
            "registration": {"opens": "2026-01-01T00:00:00+05:00", "closes": "2026-02-01T00:00:00+05:00"},
            "debates": {"opens": "2026-02-01T00:00:00+05:00", "closes": "2026-03-01T00:00:00+05:00"},
            "online_voting": {"opens": "2026-03-01T00:00:00+05:00", "closes": "2026-03-03T14:00:00+05:00"},
            "paper_voting": {"opens": "2026-03-03T08:00:00+05:00", "closes": "2026-03-03T14:00:00+05:00"}
        },
        "trustees": trustees,
        "threshold": 2,
        "preset": "amanat-primaries-2020"
    })
}

async fn api(
    t: &TestApp,
    method: Method,
    path: &str,
    body: Option<&Value>,
    who: &Login,
) -> (StatusCode, Value) {
    api_with(t, method, path, body, who, &[]).await
}

/// [`api`] with more headers (`accept-language`).
async fn api_with(
    t: &TestApp,
    method: Method,
    path: &str,
    body: Option<&Value>,
    who: &Login,
    headers: &[(&str, &str)],
) -> (StatusCode, Value) {
    let mut b = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {}", who.token));
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let req = match body {
        Some(j) => b
            .header("content-type", "application/json")
            .body(axum::body::Body::from(j.to_string())),
        None => b.body(axum::body::Body::empty()),
    };
    let r = t.send(req.unwrap()).await;
    let v = if r.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&r.body).unwrap_or(Value::Null)
    };
    (r.status, v)
}

/// The demo on a clock in January 2026, and the organizing committee of Aktobe region.
async fn aktobe_committee() -> (TestApp, Login) {
    let (t, _clock) = backends_with_clocks(ts("2026-01-05T05:00:00Z"))
        .await
        .into_iter()
        .next()
        .unwrap();
    t.load_demo().await;
    let committee = t
        .login(Role::OrganizingCommittee, amanat(Some("150000000")))
        .await;
    (t, committee)
}

#[tokio::test]
async fn a_campaign_is_opened_and_run_through_the_api() {
    let (t, committee) = aktobe_committee().await;
    let t1 = t.login(Role::Trustee, amanat(None)).await;
    let t2 = t.login(Role::Trustee, amanat(None)).await;
    let trustees = [t1.username.as_str(), t2.username.as_str()];

    // Every broken rule at once: a window's end that does not read (the other windows' order
    // is not made up from it), an unknown preset, a unit that is no code, an empty Kazakh
    // title, a list of 0 places, a threshold above the trustees — and nothing written.
    let before = t.ledger_size().await;
    let mut bad = campaign_body(&trustees);
    bad["windows"]["debates"]["closes"] = json!("01.03.2026 00:00");
    bad["preset"] = json!("amanat-2099");
    bad["positions"][0]["unit"] = json!("Уил");
    bad["positions"][1]["seats"] = json!(0);
    bad["title_kk"] = json!(" ");
    bad["threshold"] = json!(3);
    let (status, p) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&bad),
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    let fields: Vec<String> = errors(&p).into_iter().map(|(f, _)| f).collect();
    for f in [
        "windows.debates.closes",
        "preset",
        "positions[0].unit",
        "positions[1].seats",
        "title_kk",
        "threshold",
    ] {
        assert!(fields.iter().any(|x| x == f), "{f} in {p}");
    }
    assert!(
        !fields.iter().any(|x| x == "trustees"),
        "the trustees themselves are fine: {p}"
    );
    assert!(
        !fields
            .iter()
            .any(|x| x == "windows.online_voting.opens" || x == "rules"),
        "no rule made up by a stand-in: {p}"
    );
    assert_eq!(t.ledger_size().await, before);

    // Missing fields are all named, nested ones by their path.
    let mut partial = campaign_body(&trustees);
    partial["windows"]
        .as_object_mut()
        .unwrap()
        .remove("paper_voting");
    partial.as_object_mut().unwrap().remove("threshold");
    partial["positions"][1]
        .as_object_mut()
        .unwrap()
        .remove("name_kk");
    let (status, p) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&partial),
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    let mut missing = errors(&p);
    missing.sort();
    assert_eq!(
        missing,
        ["positions[1].name_kk", "threshold", "windows.paper_voting"]
            .map(|f| (f.to_owned(), "field-required".to_owned())),
        "{p}"
    );

    // Malformed fields are all named at once, whatever serde met first: a wrong type, a value
    // outside an enumeration (with the values it takes), an unknown field.
    let mut malformed = campaign_body(&trustees);
    malformed["threshold"] = json!("two");
    malformed["positions"][0]["kind"] = json!("mayor");
    malformed["windows"]["debates"]["extra"] = json!(1);
    malformed["title_kk"] = json!(5);
    let (status, p) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&malformed),
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(
        sorted_errors(&p),
        pairs(&[
            ("positions[0].kind", "invalid-choice"),
            ("threshold", "invalid-type"),
            ("title_kk", "invalid-type"),
            ("windows.debates.extra", "unknown-field"),
        ]),
        "{p}"
    );
    let kind = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == "positions[0].kind")
        .unwrap();
    assert_eq!(kind["args"]["allowed"], "akim, list", "{p}");

    // A preset and the party's own rules together: which one is meant is asked, on `rules`.
    let mut both = campaign_body(&trustees);
    both["rules"] = json!(AMANAT_2020_TOML);
    let (status, p) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&both),
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(
        errors(&p),
        [("rules".to_owned(), "prim-preset-and-rules".to_owned())],
        "{p}"
    );
    // An empty text is no rules of the party's own: the preset alone stands.
    let mut empty = campaign_body(&trustees);
    empty["rules"] = json!("  ");
    empty["title_kk"] = json!("");
    let (_, p) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&empty),
        &committee,
    )
    .await;
    assert_eq!(
        errors(&p),
        [("title_kk".to_owned(), "field-required".to_owned())],
        "{p}"
    );
    // The party's own rules that do not read: the key or the line, in the user's language.
    let mut own = campaign_body(&trustees);
    own.as_object_mut().unwrap().remove("preset");
    own["rules"] = json!(AMANAT_2020_TOML.replace("min_age", "min_agee"));
    let (status, p) = api_with(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&own),
        &committee,
        &[("accept-language", "ru")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(p["errors"][0]["rule"], "election-rule-set-invalid", "{p}");
    assert_eq!(p["errors"][0]["args"]["key"], "eligibility.min_agee", "{p}");
    assert_eq!(p["errors"][0]["args"]["line"], "13", "{p}");
    assert_eq!(
        p["errors"][0]["message"],
        "Набор правил, ключ «eligibility.min_agee»: такого ключа в наборе правил нет.",
        "{p}"
    );
    own["rules"] = json!(format!("{AMANAT_2020_TOML}\n[quotas\n"));
    let (_, p) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&own),
        &committee,
    )
    .await;
    let line = AMANAT_2020_TOML.lines().count() + 2;
    assert_eq!(p["errors"][0]["args"]["problem"], "syntax", "{p}");
    assert_eq!(p["errors"][0]["args"]["line"], line.to_string(), "{p}");
    assert_eq!(t.ledger_size().await, before);

    // Only the committee opens; an observer is refused before any field.
    let observer = t.login(Role::Observer, Scope::Global).await;
    let (status, _) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&campaign_body(&trustees)),
        &observer,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let before = t.ledger_size().await;
    let (status, w) = api(
        &t,
        Method::POST,
        "/api/v1/primaries",
        Some(&campaign_body(&trustees)),
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{w}");
    let id = w["id"].as_str().unwrap().to_owned();
    assert_eq!(t.ledger_size().await, before + 1);
    let (_, read) = api(
        &t,
        Method::GET,
        &format!("/api/v1/primaries/{id}"),
        None,
        &observer,
    )
    .await;
    assert_eq!(
        read["campaign"]["title_ru"], "Праймериз 2026 в Актюбинской области",
        "{read}"
    );
    assert_eq!(
        read["campaign"]["registration"]["opens"], "2025-12-31T19:00:00Z",
        "{read}"
    );

    // A secretary of the Uil branch nominates a member by card number; an unknown card is
    // named on its field.
    let secretary = t
        .login(Role::PartySecretary, amanat(Some("155200000")))
        .await;
    let nomination = |card: &str| {
        json!({
            "position": "akim-155200000", "card_number": card, "organization": "155200000",
            "gender": "female", "residence_years": 10, "no_criminal_record": true
        })
    };
    let path = format!("/api/v1/primaries/{id}/contenders");
    let (status, p) = api(
        &t,
        Method::POST,
        &path,
        Some(&nomination("SYN-PRM-9999")),
        &secretary,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(errors(&p)[0].0, "card_number", "{p}");
    // Naming another member without an organization is no self-nomination.
    let mut own = nomination("SYN-PRM-0200");
    own.as_object_mut().unwrap().remove("organization");
    let (status, p) = api(&t, Method::POST, &path, Some(&own), &secretary).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(
        errors(&p),
        vec![("organization".to_owned(), "field-required".to_owned())],
        "{p}"
    );
    // The ballot is not fixed while registration is open.
    let (status, p) = api(
        &t,
        Method::POST,
        &format!("/api/v1/primaries/{id}/ballot"),
        None,
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(errors(&p)[0].1, "prim-registration-not-over", "{p}");
    // A card number is found whatever the case of its letters, as typed.
    let (status, w) = api(
        &t,
        Method::POST,
        &path,
        Some(&nomination(" syn-prm-0200 ")),
        &secretary,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{w}");
    let contender = w["id"].as_str().unwrap().to_owned();
    // The same member twice for the position is refused.
    let (status, p) = api(
        &t,
        Method::POST,
        &path,
        Some(&nomination("SYN-PRM-0200")),
        &secretary,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");

    // The committee admits; the secretary cannot decide.
    let decide = format!("/api/v1/primaries/contenders/{contender}/decision");
    let (status, _) = api(
        &t,
        Method::POST,
        &decide,
        Some(&json!({"decision": "admit"})),
        &secretary,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, w) = api(
        &t,
        Method::POST,
        &decide,
        Some(&json!({"decision": "admit"})),
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{w}");

    // The committee records the withdrawal; a second one is refused with its rule.
    let withdraw = format!("/api/v1/primaries/contenders/{contender}/withdrawal");
    let (status, w) = api(&t, Method::POST, &withdraw, None, &committee).await;
    assert_eq!(status, StatusCode::OK, "{w}");
    let before = t.ledger_size().await;
    let (status, p) = api(&t, Method::POST, &withdraw, None, &committee).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(t.ledger_size().await, before);
    let (_, read) = api(
        &t,
        Method::GET,
        &format!("/api/v1/primaries/{id}"),
        None,
        &observer,
    )
    .await;
    assert_eq!(read["contenders"][0]["status"], "withdrawn", "{read}");
    assert_eq!(read["contenders"][0]["route"], "organization", "{read}");

    // An unknown contender is 404; a debate with a start that does not read names it with
    // the other fields' rules (one contender is too few).
    let (status, _) = api(
        &t,
        Method::POST,
        &format!(
            "/api/v1/primaries/contenders/{}/withdrawal",
            uuid::Uuid::new_v4()
        ),
        None,
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, p) = api(
        &t,
        Method::POST,
        &format!("/api/v1/primaries/{id}/debates"),
        Some(&json!({
            "position": "akim-155200000", "topic": "Дороги", "place": "Уил",
            "starts_at": "завтра", "stream_url": "ftp://x", "contenders": [contender]
        })),
        &committee,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    let fields: Vec<String> = errors(&p).into_iter().map(|(f, _)| f).collect();
    assert!(fields.contains(&"starts_at".to_owned()), "{p}");
    assert!(fields.contains(&"stream_url".to_owned()), "{p}");
    assert!(fields.contains(&"contenders".to_owned()), "{p}");
}

#[tokio::test]
async fn the_committee_opens_a_campaign_on_its_page() {
    let (t, committee) = aktobe_committee().await;
    let t1 = t.login(Role::Trustee, amanat(None)).await;

    // The list offers the form to the committee only; the form reads in three languages.
    assert!(
        t.get_as("/primaries", &committee)
            .await
            .body
            .contains("href=\"/primaries/open\"")
    );
    assert!(
        !t.get("/primaries")
            .await
            .body
            .contains("href=\"/primaries/open\"")
    );
    assert_eq!(t.get("/primaries/open").await.status, StatusCode::FORBIDDEN);
    // The shipped rule sets are the templates of a party's own, as files to download.
    let r = t.get("/primaries/presets/amanat-primaries-2020.toml").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, AMANAT_2020_TOML);
    assert_eq!(
        r.header("content-disposition"),
        Some("attachment; filename=\"amanat-primaries-2020.toml\"")
    );
    let r = t.get("/primaries/presets/amanat-2099.toml").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    for lang in sailau_i18n::Lang::ALL {
        let r = t
            .get_as(&format!("/primaries/open?lang={}", lang.code()), &committee)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{lang:?}");
        assert!(
            r.body.contains(&t1.username),
            "{lang:?}: the trustees to tick"
        );
        assert!(
            r.body.contains("value=\"150000000\""),
            "{lang:?}: the committee's territory"
        );
        assert!(
            r.body
                .contains("href=\"/primaries/presets/amanat-primaries-2020.toml\" download"),
            "{lang:?}: the template of the party's own rules"
        );
        // The accounts' names are the accounts' own (demo accounts are named in English).
        let start = r.body.find("id=\"f-trustees\"").unwrap();
        let end = start + r.body[start..].find("</ul>").unwrap();
        let rest = format!("{}{}", &r.body[..start], &r.body[end..]);
        assert_eq!(unfit(lang, &rest), Vec::<String>::new(), "{lang:?}");
    }

    // Every error at once, in Russian, next to its field: an empty Kazakh title, a window's
    // start that does not read, an akim position without its unit, no trustee ticked.
    let before = t.ledger_size().await;
    let mut fields = vec![
        ("title_ru", "Праймериз 2026"),
        ("title_kk", ""),
        ("territory", "150000000"),
        ("p0-kind", "akim"),
        ("p0-name_ru", "Кандидат в акимы Уилского района"),
        ("p0-name_kk", "Ойыл ауданы әкімдігіне кандидат"),
        ("p1-kind", "list"),
        ("p1-seats", "10"),
        ("p1-name_ru", "Список в маслихат"),
        ("p1-name_kk", "Мәслихатқа тізім"),
        ("registration_opens", "первого января"),
        ("registration_closes", "2026-02-01T00:00"),
        ("debates_opens", "2026-02-01T00:00"),
        ("debates_closes", "2026-03-01T00:00"),
        ("online_voting_opens", "2026-03-01T00:00"),
        ("online_voting_closes", "2026-03-03T14:00"),
        ("paper_voting_opens", "2026-03-03T08:00"),
        ("paper_voting_closes", "2026-03-03T14:00"),
        ("threshold", "1"),
        ("ruleset", "amanat-primaries-2020"),
    ];
    let r = t
        .post_form_as("/primaries/open?lang=ru", &fields, &committee)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for want in [
        "Название на казахском языке: заполните это поле.",
        "Начало регистрации: укажите дату и время в виде ДД.ММ.ГГГГ ЧЧ:ММ",
        "Единица (код КАТО): заполните это поле.",
        "Доверенные лица церемонии ключей: нужно от 1 до 15 разных доверенных лиц",
    ] {
        assert!(r.body.contains(want), "{want}: {}", r.body);
    }
    assert!(r.body.contains("value=\"Праймериз 2026\""), "values kept");
    assert_eq!(t.ledger_size().await, before);

    // An empty form names every field it needs at once; a territory outside the committee's
    // is named on its field, the form kept.
    let r = t
        .post_form_as("/primaries/open?lang=ru", &[("ruleset", "")], &committee)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in [
        "territory",
        "title_ru",
        "title_kk",
        "p0-kind",
        "registration_opens",
        "trustees",
        "threshold",
        "ruleset",
    ] {
        assert!(
            field_error(&r.body, field).is_some(),
            "{field}: {}",
            main_text(&r.body)
        );
    }
    let mut elsewhere = fields.clone();
    elsewhere[2] = ("territory", "110000000");
    let r = t
        .post_form_as("/primaries/open?lang=ru", &elsewhere, &committee)
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        main_text(&r.body)
    );
    assert!(
        field_error(&r.body, "territory").is_some(),
        "{}",
        main_text(&r.body)
    );
    assert!(r.body.contains("value=\"Праймериз 2026\""), "values kept");
    assert_eq!(t.ledger_size().await, before);

    // Corrected, it opens the campaign and shows its page.
    fields[1] = ("title_kk", "2026 жылғы праймериз");
    fields[10] = ("registration_opens", "01.01.2026 00:00");
    fields.push(("p0-unit", "155200000"));
    fields.push(("trustees", &t1.username));
    let r = t
        .post_form_as("/primaries/open?lang=ru", &fields, &committee)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let href = r.location().unwrap().to_owned();
    let page = t.get(&format!("{href}?lang=ru")).await;
    assert!(page.body.contains("Праймериз 2026"), "{}", page.body);
    assert!(
        page.body.contains("01.01.2026 00:00"),
        "local time of Aktobe"
    );
    assert_ne!(
        href,
        format!("/primaries/{}", CampaignId(uuid::Uuid::from_u128(CAMPAIGN)))
    );
    assert_eq!(t.ledger_size().await, before + 1);

    // A secretary of the Uil branch nominates a member on the campaign's page: an unknown card
    // is named with the other fields' errors, nothing written; a known one is registered.
    let secretary = t
        .login(Role::PartySecretary, amanat(Some("155200000")))
        .await;
    let page = t.get_as(&format!("{href}?lang=ru"), &secretary).await;
    assert!(
        page.body.contains("Выдвижение первичной организацией"),
        "{}",
        page.body
    );
    let before = t.ledger_size().await;
    let mut nomination = vec![
        ("card_number", "SYN-PRM-9999"),
        ("organization", "155200000"),
        ("position", "akim-155200000"),
        ("gender", ""),
        ("residence_years", "12"),
        ("no_criminal_record", "on"),
    ];
    let r = t
        .post_form_as(
            &format!("{href}/nominations?lang=ru"),
            &nomination,
            &secretary,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for want in [
        "Номер партийного билета члена партии: в партии нет члена с таким номером партийного билета.",
        "Пол: выберите значение",
    ] {
        assert!(r.body.contains(want), "{want}: {}", main_text(&r.body));
    }
    assert_eq!(t.ledger_size().await, before);
    nomination[0] = ("card_number", "SYN-PRM-0201");
    nomination[3] = ("gender", "male");
    let r = t
        .post_form_as(
            &format!("{href}/nominations?lang=ru"),
            &nomination,
            &secretary,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", main_text(&r.body));
    let contender = r.location().unwrap().to_owned();
    let page = t.get(&format!("{contender}?lang=ru")).await;
    assert!(page.body.contains("первичная организация"), "the route");
    assert!(
        !page.body.contains("/withdrawal"),
        "no withdrawal for the public"
    );

    // The committee records the withdrawal on the contender's page.
    assert!(
        t.get_as(&format!("{contender}?lang=ru"), &committee)
            .await
            .body
            .contains("Снять кандидатуру")
    );
    // Not without ticking the box that confirms it: it cannot be undone.
    let r = t
        .post_form_as(&format!("{contender}/withdrawal?lang=ru"), &[], &committee)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Отметьте флажок, чтобы подтвердить."),
        "{}",
        main_text(&r.body)
    );
    assert!(r.body.contains("Подтверждаю снятие кандидатуры"));
    let r = t
        .post_form_as(
            &format!("{contender}/withdrawal?lang=ru"),
            &[("confirm", "yes")],
            &committee,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", main_text(&r.body));
    let page = t.get_as(&format!("{contender}?lang=ru"), &committee).await;
    assert!(page.body.contains("снялся"), "{}", main_text(&page.body));
    assert!(!page.body.contains("Снять кандидатуру"), "withdrawn once");
}

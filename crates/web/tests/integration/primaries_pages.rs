//! The primaries' pages on the demo (issue 14 §2, §3, §6, §7): the campaigns, a campaign with
//! its windows, contenders, debates, ratings and the quota list, and a contender's page where the
//! organizing committee decides — each read in Kazakh, Russian and English with no identifier
//! or stray Latin word; the decision form shown only to the committee, refusing a refusal
//! without its ground next to the field, and accepting an admission.

use axum::http::StatusCode;
use sailau_app::Acting;
use sailau_app::demo_primaries::CAMPAIGN;
use sailau_domain::primaries::CampaignId;
use sailau_domain::primaries::campaign::OpenCampaign;
use sailau_domain::primaries::contenders::{ContenderStatus, RegisterContender, Route};
use sailau_domain::primaries::{ContenderId, Window};
use sailau_domain::{PartyCode, Role, Scope, TerritoryCode};
use sailau_i18n::Lang;

use crate::common::{TestApp, backends_with_clocks};
use crate::elections::{in_three_languages, main_text};

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

#[tokio::test]
async fn the_demo_campaign_reads_well_and_the_committee_decides() {
    // After the demo's last entry (3 Oct 2025), on a clock the test moves.
    let (t, clock) = backends_with_clocks(ts("2026-01-05T05:00:00Z"))
        .await
        .into_iter()
        .next()
        .unwrap();
    t.load_demo().await;
    let _: &TestApp = &t;
    let id = CampaignId(uuid::Uuid::from_u128(CAMPAIGN));

    for (lang, r) in in_three_languages(&t, "/primaries", None).await {
        assert_eq!(r.status, StatusCode::OK, "{lang:?}");
        assert!(r.body.contains(&format!("/primaries/{id}")), "{lang:?}");
    }
    let pages = in_three_languages(&t, &format!("/primaries/{id}"), None).await;
    for (lang, r) in &pages {
        assert_eq!(r.status, StatusCode::OK, "{lang:?}");
        let want: &[&str] = match lang {
            Lang::Ru => &[
                "Праймериз AMANAT в Актюбинской области",
                "17.08.2024 00:00 — 28.08.2024 24:00",
                "Сейткалиева Айгуль",
                "исключён за неявку на обязательные дебаты",
                "Общий рейтинг",
                "Рейтинг женщин",
                "Квоты: женщин не меньше 3 из 10, молодёжи не меньше 2 из 10.",
                "Квоты выполнены",
                "включена по квоте",
                "уступил место по квоте",
                "Бюллетень утверждён; отпечаток его состава (хеш манифеста): ",
                "Время местное (UTC+5).",
                "Итоги: онлайн-голоса расшифрованы доверенными лицами",
            ],
            Lang::Kk => &[
                "Ақтөбе облысындағы праймеризі",
                "Әйелдер рейтингі",
                "квота бойынша енгізілді",
            ],
            Lang::En => &["Aktobe region", "Rating of women", "taken in by a quota"],
        };
        for w in want {
            assert!(r.body.contains(w), "{lang:?}: {w}");
        }
    }

    // The counting commission of Uil's primary organizations has the paper count form; a
    // second count of an organization and a number that is not whole are refused, nothing
    // written.
    let counting = t
        .login(
            Role::CountingCommission,
            Scope::Party {
                party: PartyCode::parse("amanat").unwrap(),
                territory: Some(TerritoryCode::parse("155200000").unwrap()),
            },
        )
        .await;
    let campaign_page = format!("/primaries/{id}?lang=ru");
    assert!(
        t.get_as(&campaign_page, &counting)
            .await
            .body
            .contains("Подсчёт бюллетеней первичной организации")
    );
    assert!(
        !t.get(&campaign_page)
            .await
            .body
            .contains("Подсчёт бюллетеней первичной организации")
    );
    let v = t.app.campaign_view(&id).await.unwrap().unwrap();
    let admitted: Vec<String> = v
        .contenders
        .iter()
        .filter(|c| c.contender.admitted() && c.contender.registered.position == "akim-155200000")
        .map(|c| format!("votes-{}", c.contender.registered.contender))
        .collect();
    let before = t.ledger_size().await;
    let mut fields = vec![
        ("position", "akim-155200000"),
        ("organization", "155220000"),
        ("issued", "40"),
    ];
    fields.extend(admitted.iter().map(|f| (f.as_str(), "10")));
    let r = t
        .post_form_as(
            &format!("/primaries/{id}/paper?lang=ru"),
            &fields,
            &counting,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("Эта первичная организация уже внесла подсчёт."),
        "{}",
        r.body
    );
    fields[2] = ("issued", "4,5");
    let r = t
        .post_form_as(
            &format!("/primaries/{id}/paper?lang=ru"),
            &fields,
            &counting,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Each contender's box is a field: its error is linked from the summary and shown beside
    // it, and what was typed stays in the boxes; the form of each position has its own ids.
    fields[2] = ("issued", "40");
    fields[3].1 = "1,5";
    fields[4].1 = "";
    let r = t
        .post_form_as(
            &format!("/primaries/{id}/paper?lang=ru"),
            &fields,
            &counting,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for f in &admitted[..2] {
        assert!(
            r.body.contains(&format!("href=\"#f-paper0-{f}\"")),
            "{f}: {}",
            r.body
        );
        assert!(
            r.body.contains(&format!("id=\"f-paper0-{f}-error\"")),
            "{f}"
        );
    }
    assert!(r.body.contains("value=\"1,5\""), "{}", r.body);
    let named = v
        .contenders
        .iter()
        .find(|c| format!("votes-{}", c.contender.registered.contender) == admitted[0])
        .and_then(|c| c.name.clone())
        .unwrap();
    let surname = named.split(' ').next().unwrap();
    assert!(
        r.body
            .split("class=\"error-summary\"")
            .nth(1)
            .and_then(|rest| rest.split("</ul>").next())
            .is_some_and(|summary| summary.contains(surname)),
        "the summary names {surname}: {}",
        r.body
    );
    assert_eq!(r.body.matches("id=\"f-paper0-organization\"").count(), 1);
    assert_eq!(r.body.matches("id=\"f-organization\"").count(), 0);
    assert_eq!(t.ledger_size().await, before);

    // A new application, decided on its page by the committee only.
    let refused = v
        .contenders
        .iter()
        .find(|c| c.contender.status == ContenderStatus::Refused)
        .unwrap();
    let href = format!(
        "/primaries/contenders/{}",
        refused.contender.registered.contender
    );
    for (lang, r) in in_three_languages(&t, &href, None).await {
        assert_eq!(r.status, StatusCode::OK, "{lang:?}");
        assert!(
            !r.body.contains("name=\"decision\""),
            "{lang:?}: no form for the public"
        );
    }
    let ru = t.get(&format!("{href}?lang=ru")).await;
    assert!(ru.body.contains("Основание отказа"));
    assert!(ru.body.contains("Не представлена декларация"));

    let committee = t
        .login(
            Role::OrganizingCommittee,
            Scope::Party {
                party: PartyCode::parse("amanat").unwrap(),
                territory: Some(TerritoryCode::parse("150000000").unwrap()),
            },
        )
        .await;
    // The refused application is decided: no form, even for the committee.
    assert!(
        !t.get_as(&href, &committee)
            .await
            .body
            .contains("name=\"decision\"")
    );

    // A second campaign in 2026, and a demo member's application in its registration window.
    let mut second = match t
        .app
        .store()
        .ledger_all()
        .await
        .unwrap()
        .into_iter()
        .find_map(|row| {
            let e: sailau_domain::LedgerEntry = serde_json::from_slice(&row.entry).ok()?;
            match e.command {
                sailau_domain::Command::OpenCampaign(c) => Some(c),
                _ => None,
            }
        }) {
        Some(c) => c,
        None => panic!("the demo's open_campaign entry"),
    };
    second.campaign = CampaignId(uuid::Uuid::new_v4());
    let w = |a: &str, b: &str| Window {
        opens: ts(a),
        closes: ts(b),
    };
    second.windows.registration = w("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");
    second.windows.debates = w("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z");
    second.windows.online_voting = w("2026-03-01T00:00:00Z", "2026-03-03T00:00:00Z");
    second.windows.paper_voting = w("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
    let second: OpenCampaign = second;
    t.app
        .execute(&Acting::Operator, second.clone())
        .await
        .unwrap();
    let member = v.contenders[0].contender.registered.member;
    let contender = ContenderId(uuid::Uuid::new_v4());
    t.app
        .execute(
            &Acting::Operator,
            RegisterContender {
                contender,
                campaign: second.campaign,
                position: "maslikhat".into(),
                member,
                route: Route::SelfNominated,
                gender: sailau_domain::Gender::Male,
                young: false,
                residence_years: 10,
                no_criminal_record: true,
            },
        )
        .await
        .unwrap();
    let href = format!("/primaries/contenders/{contender}");
    assert!(
        !t.get(&href).await.body.contains("name=\"decision\""),
        "not for the public"
    );
    let page = t.get_as(&format!("{href}?lang=ru"), &committee).await;
    assert!(
        page.body.contains("name=\"decision\""),
        "the committee's form"
    );
    // A refusal without its ground: the form again, the error next to the field, nothing written.
    let before = t.ledger_size().await;
    let r = t
        .post_form_as(
            &format!("{href}/decision?lang=ru"),
            &[("decision", "refuse"), ("ground", " ")],
            &committee,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Укажите основание отказа."), "{}", r.body);
    assert_eq!(t.ledger_size().await, before);
    // Admitted.
    let r = t
        .post_form_as(
            &format!("{href}/decision"),
            &[("decision", "admit")],
            &committee,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let c = t.app.store().contender(&contender).await.unwrap().unwrap();
    assert_eq!(c.status, ContenderStatus::Admitted);
    // A member applies on the campaign page: every broken rule at once, then accepted.
    let member = v.contenders[3].contender.registered.member;
    let me = t.login(Role::PartyMember, Scope::Member { member }).await;
    let campaign = format!("/primaries/{}", second.campaign);
    let page = t.get_as(&format!("{campaign}?lang=ru"), &me).await;
    assert!(
        page.body.contains("Подать заявку на участие"),
        "the member's form"
    );
    assert!(
        !t.get(&campaign)
            .await
            .body
            .contains("Подать заявку на участие")
    );
    let before = t.ledger_size().await;
    let r = t
        .post_form_as(
            &format!("{campaign}/applications?lang=ru"),
            &[
                ("position", "akim-155200000"),
                ("gender", "x"),
                ("residence_years", "1,5"),
            ],
            &me,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for want in [
        "Выберите пол",
        "Участник должен заявить об отсутствии судимости",
    ] {
        assert!(r.body.contains(want), "{want}: {}", r.body);
    }
    assert_eq!(t.ledger_size().await, before, "nothing written");
    let r = t
        .post_form_as(
            &format!("{campaign}/applications"),
            &[
                ("position", "akim-155200000"),
                ("gender", "female"),
                ("residence_years", "12"),
                ("no_criminal_record", "on"),
            ],
            &me,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The committee cannot fix the ballot while registration is open (no button; a stale
    // form is refused with the rule and the day registration closes).
    let page = t.get_as(&format!("{campaign}?lang=ru"), &committee).await;
    assert!(!page.body.contains("Утвердить бюллетень"));
    let r = t
        .post_form_as(
            &format!("{campaign}/ballot?lang=ru"),
            &[("confirm", "yes")],
            &committee,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("Бюллетень утверждается после окончания регистрации (01.02.2026"),
        "{}",
        main_text(&r.body)
    );

    // The committee schedules a debate on the page: every broken rule at once (the topic
    // missing, a time that does not read, a single contender), nothing written.
    let page = t.get_as(&format!("{campaign}?lang=ru"), &committee).await;
    assert!(page.body.contains("Назначить дебаты"));
    let contender_id = contender.to_string();
    let broken_debate = [
        ("position", "maslikhat"),
        ("topic", ""),
        ("place", "Актобе"),
        ("starts_at", "32.13.2026 10:00"),
        ("contenders", contender_id.as_str()),
    ];
    let before = t.ledger_size().await;
    let r = t
        .post_form_as(
            &format!("{campaign}/debates?lang=ru"),
            &broken_debate,
            &committee,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for want in [
        "Укажите дату и время в виде ДД.ММ.ГГГГ ЧЧ:ММ.",
        "В дебатах участвуют не меньше двух допущенных участников этой позиции",
    ] {
        assert!(r.body.contains(want), "{want}: {}", r.body);
    }
    assert_eq!(t.ledger_size().await, before);

    // Once online voting has opened, no decision is possible any more.
    clock.set(ts("2026-03-01T10:00:00Z"));
    // A debate sent from a tab opened before the debates closed: refused, and the refusal is
    // shown with its form (the form is otherwise gone from the page), nothing written. (Signed
    // in again: the earlier session has expired by this time.)
    let committee = t
        .login(
            Role::OrganizingCommittee,
            Scope::Party {
                party: PartyCode::parse("amanat").unwrap(),
                territory: Some(TerritoryCode::parse("150000000").unwrap()),
            },
        )
        .await;
    let before = t.ledger_size().await;
    let r = t
        .post_form_as(
            &format!("{campaign}/debates?lang=ru"),
            &broken_debate,
            &committee,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("class=\"error-summary\""), "{}", r.body);
    assert!(
        r.body
            .contains("Укажите дату и время в виде ДД.ММ.ГГГГ ЧЧ:ММ."),
        "{}",
        r.body
    );
    assert_eq!(t.ledger_size().await, before);
    assert!(
        !t.get_as(&href, &committee)
            .await
            .body
            .contains("name=\"decision\"")
    );
}

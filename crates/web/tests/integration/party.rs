//! The party API over HTTP on every backend (issue 13): a branch secretary convenes the next
//! conference, checks delegates in (a second check-in refused with its rule), the presidium
//! is elected by an open vote that sailau decides, counts above the delegates present are
//! refused, and the membership question answers yes or no.

use axum::http::Method;
use sailau_app::Acting;
use sailau_app::import::Format;
use sailau_domain::party::commands::{ConferenceId, SetConferenceCount};
use sailau_domain::registry::CreateBranch;
use sailau_domain::{Branch, PartyCode, Role, Scope, TerritoryCode};
use serde_json::{Value, json};

use crate::common::backends;

const MEMBERS: &str = "card_number,surname,given_name,patronymic,birth_date,joined_on,branch_code\n\
AM-1,Казыбаев,Аскар,,01.03.1979,04.05.2010,103200000\n\
AM-2,Сейтқали,Мөлдір,,1985-07-12,2012-01-20,103200000\n\
AM-3,Жұмабаев,Нұрлан,,1990-02-02,2015-03-03,103200000\n";

#[tokio::test]
async fn a_secretary_convenes_checks_in_and_the_vote_is_decided_over_http() {
    for t in backends().await {
        let b = t.backend;
        t.load_small().await;
        let amanat = PartyCode::parse("amanat").unwrap();
        let district = TerritoryCode::parse("103200000").unwrap();
        t.app
            .execute(
                &Acting::Operator,
                CreateBranch {
                    branch: Branch {
                        party_code: amanat.clone(),
                        territory_code: district.clone(),
                    },
                },
            )
            .await
            .unwrap();
        t.app
            .execute(
                &Acting::Operator,
                SetConferenceCount {
                    party: amanat.clone(),
                    branch: district.clone(),
                    last: 43,
                },
            )
            .await
            .unwrap();
        t.app
            .import_members(
                &Acting::Operator,
                &amanat,
                Format::Csv,
                MEMBERS.as_bytes().to_vec(),
            )
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
        let secretary = t
            .login(
                Role::PartySecretary,
                Scope::Party {
                    party: amanat.clone(),
                    territory: Some(TerritoryCode::parse("100000000").unwrap()),
                },
            )
            .await;
        let outsider = t
            .login(
                Role::PartySecretary,
                Scope::Party {
                    party: PartyCode::parse("akzhol").unwrap(),
                    territory: None,
                },
            )
            .await;
        let body = json!({
            "party": "amanat", "branch": "103200000", "kind": "extraordinary",
            "held_on": "2023-09-27", "place": "с. Карааул, Дом культуры",
            "agenda": ["О выдвижении кандидата на должность акима Абайского района"],
        });
        let r = t
            .send_json(Method::POST, "/api/v1/party/conferences", Some(&body), None)
            .await;
        assert_eq!(r.status, 401, "{b}: {}", r.body);
        let r = t
            .send_json(
                Method::POST,
                "/api/v1/party/conferences",
                Some(&body),
                Some(&outsider.token),
            )
            .await;
        assert_eq!(r.status, 403, "{b}: {}", r.body);
        let r = t
            .send_json(
                Method::POST,
                "/api/v1/party/conferences",
                Some(&body),
                Some(&secretary.token),
            )
            .await;
        assert_eq!(r.status, 201, "{b}: {}", r.body);
        let made = r.json();
        assert_eq!(made["number_ru"], "XLIV (44-я)", "{b}");
        assert_eq!(made["number_kk"], "XLIV (44-ші)", "{b}");
        let id = made["id"].as_str().unwrap().to_owned();
        let conference = ConferenceId(uuid::Uuid::parse_str(&id).unwrap());
        t.app
            .import_roster(
                &Acting::Operator,
                &conference,
                Format::Csv,
                b"mandate,card_number\n1,AM-1\n2,AM-2\n3,AM-3\n",
            )
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));

        let check_in = |m: u32| json!({ "mandate": m });
        let path = format!("/api/v1/party/conferences/{id}/check-in");
        for m in [1, 2] {
            let r = t
                .send_json(
                    Method::POST,
                    &path,
                    Some(&check_in(m)),
                    Some(&secretary.token),
                )
                .await;
            assert_eq!(r.status, 200, "{b}: {}", r.body);
        }
        let r = t
            .send_json(
                Method::POST,
                &path,
                Some(&check_in(2)),
                Some(&secretary.token),
            )
            .await;
        assert_eq!(r.status, 422, "{b}: {}", r.body);
        assert_eq!(
            r.json()["errors"][0]["rule"],
            "party-checked-in-twice",
            "{b}"
        );
        let view: Value = t
            .get(&format!("/api/v1/party/conferences/{id}"))
            .await
            .json();
        assert_eq!(
            (
                &view["elected"],
                &view["present"],
                &view["quorum_needed"],
                &view["quorum"]
            ),
            (&json!(3), &json!(2), &json!(2), &json!(true)),
            "{b}: {view}"
        );

        let r = t
            .send_json(
                Method::POST,
                &format!("/api/v1/party/conferences/{id}/motions"),
                Some(&json!({
                    "subject": { "kind": "presidium", "chair": 1, "secretary": 2, "counting_commission": [3] },
                    "mode": "open",
                })),
                Some(&secretary.token),
            )
            .await;
        assert_eq!(r.status, 201, "{b}: {}", r.body);
        let motion = r.json()["id"].as_str().unwrap().to_owned();
        let votes = format!("/api/v1/party/motions/{motion}/votes");
        let r = t
            .send_json(
                Method::POST,
                &votes,
                Some(&json!({ "round": 1, "votes_for": [3], "against": 0, "abstain": 0 })),
                Some(&secretary.token),
            )
            .await;
        assert_eq!(r.status, 422, "{b}: {}", r.body);
        assert_eq!(
            r.json()["errors"][0]["rule"],
            "party-counts-above-present",
            "{b}"
        );
        let r = t
            .send_json(
                Method::POST,
                &votes,
                Some(&json!({ "round": 1, "votes_for": [2], "against": 0, "abstain": 0 })),
                Some(&secretary.token),
            )
            .await;
        assert_eq!(r.status, 200, "{b}: {}", r.body);
        assert_eq!(r.json()["round"]["outcome"], "adopted", "{b}");

        // The minutes: a PDF in Kazakh and in Russian, for signed-in accounts only.
        let minutes = format!("/party/conferences/{id}/minutes.pdf");
        assert_eq!(
            t.get(&format!("{minutes}?lang=kk")).await.status,
            401,
            "{b}"
        );
        for lang in ["kk", "ru"] {
            let r = t
                .get_as(&format!("{minutes}?lang={lang}"), &secretary)
                .await;
            assert_eq!(r.status, 200, "{b} {lang}");
            assert_eq!(r.header("content-type"), Some("application/pdf"), "{b}");
            assert!(r.bytes.starts_with(b"%PDF"), "{b} {lang}");
        }
        let kk = t.get_as(&format!("{minutes}?lang=kk"), &secretary).await;
        let pdf = std::env::temp_dir().join(format!("i13-minutes-{}.pdf", uuid::Uuid::new_v4()));
        std::fs::write(&pdf, &kk.bytes).unwrap();
        if let Ok(out) = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
        {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("ХАТТАМА"), "{b}: {text}");
            assert!(text.contains("XLIV (44-ші)"), "{b}: {text}");
            assert!(text.contains("Қабылданды"), "{b}: {text}");
            assert!(text.contains("Казыбаев Аскар"), "{b}: the chair: {text}");
        }
        let _ = std::fs::remove_file(&pdf);

        // Membership: yes or no, nothing else.
        let person = t.app.store().persons(10, 0).await.unwrap();
        assert!(person.is_empty(), "{b}: no registry person yet");
        let r = t
            .get_as(
                &format!(
                    "/api/v1/party/amanat/membership?person={}&date=2023-09-27",
                    uuid::Uuid::nil()
                ),
                &secretary,
            )
            .await;
        assert_eq!(r.status, 200, "{b}: {}", r.body);
        assert_eq!(r.json(), json!({ "member": false }), "{b}");
    }
}

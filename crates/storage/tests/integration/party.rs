//! The party reads that must not grow with the data, on every backend: a check-in's facts (one
//! delegate, not the roster).

use jiff::civil::date;
use sailau_domain::party::commands::{
    ConferenceId, ConferenceKind, ConveneConference, RecordMember,
};
use sailau_domain::party::conference::CheckInFacts;
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::party::vote::PartyRules;
use sailau_domain::*;
use sailau_storage::Tx;

use crate::backends;

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}

fn amanat() -> PartyCode {
    PartyCode::parse("amanat").unwrap()
}

/// A district and the party, committed.
async fn registry(s: &sailau_storage::Store) {
    let mut tx = s.begin().await.unwrap();
    for (c, parent, kind) in [
        ("150000000", None, TerritoryKind::Region),
        ("154800000", Some("150000000"), TerritoryKind::District),
    ] {
        let t = Territory {
            code: code(c),
            parent_code: parent.map(code),
            kind,
            names: Names {
                ru: format!("T{c}"),
                kk: format!("T{c} (kk)"),
                en: String::new(),
            },
        };
        tx.insert_territory(&t, &code("150000000"), 0)
            .await
            .unwrap();
    }
    tx.insert_party(&Party {
        code: amanat(),
        name_ru: "Партия «AMANAT»".into(),
        name_kk: "«AMANAT» партиясы".into(),
        name_en: String::new(),
        short_name: "AMANAT".into(),
    })
    .await
    .unwrap();
    tx.append_ledger(b"registry", 1, "test").await.unwrap();
    tx.commit("h").await.unwrap();
}

/// Records member `n` of the party in district 154800000, with a personal record.
async fn member(tx: &mut Tx, n: u32) -> MemberId {
    let record = MemberRecord {
        salt: format!("{n:032x}"),
        card_number: format!("AM-{n:04}"),
        surname: format!("Фамилия{n}"),
        given_name: "Аскар".into(),
        patronymic: if n.is_multiple_of(2) {
            "Ержанұлы".into()
        } else {
            String::new()
        },
        birth_date: date(1980, 1, 1),
    };
    let id = MemberId(uuid::Uuid::new_v4());
    tx.insert_member(
        &RecordMember {
            member: id,
            party: amanat(),
            branch: code("154800000"),
            joined_on: date(2010, 5, 4),
            commitment: record.commitment(),
        },
        Some(&record),
    )
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn a_check_in_reads_one_delegate_not_the_roster() {
    for db in backends::all().await {
        let s = &db.store;
        let name = db.name;
        registry(s).await;
        let conference = ConferenceId(uuid::Uuid::new_v4());
        let mut tx = s.begin().await.unwrap();
        tx.insert_conference(&ConveneConference {
            conference,
            party: amanat(),
            branch: code("154800000"),
            ordinal: 50,
            kind: ConferenceKind::Extraordinary,
            held_on: date(2023, 9, 27),
            place: "с. Уил".into(),
            agenda: vec!["О выдвижении".into()],
            rules: PartyRules::amanat(),
        })
        .await
        .unwrap();
        // A roster of 1,000 delegates, mandates 1..=1000; mandates 1 and 2 checked in.
        for m in 1..=1000 {
            let id = member(&mut tx, m).await;
            tx.insert_delegate(&conference, m, &id).await.unwrap();
        }
        tx.check_in(&conference, 1, 10).await.unwrap();
        tx.check_in(&conference, 2, 11).await.unwrap();

        assert_eq!(
            tx.check_in_facts(&conference, 1).await.unwrap(),
            Some(CheckInFacts::Present),
            "{name}"
        );
        assert_eq!(
            tx.check_in_facts(&conference, 3).await.unwrap(),
            Some(CheckInFacts::Absent),
            "{name}"
        );
        assert_eq!(
            tx.check_in_facts(&conference, 1000).await.unwrap(),
            Some(CheckInFacts::Absent),
            "{name}"
        );
        for m in [0, 1001, 99_999] {
            assert_eq!(
                tx.check_in_facts(&conference, m).await.unwrap(),
                Some(CheckInFacts::NotOnRoster),
                "{name}: mandate {m}"
            );
        }
        assert_eq!(
            tx.check_in_facts(&ConferenceId(uuid::Uuid::new_v4()), 1)
                .await
                .unwrap(),
            None,
            "{name}: no such conference"
        );
        // The same answers as the whole conference's facts give.
        let all = tx.conference_facts(&conference).await.unwrap().unwrap();
        for m in [1, 2, 3, 500, 1000, 1001] {
            let expected = if !all.roster.contains(&m) {
                CheckInFacts::NotOnRoster
            } else if all.present.contains(&m) {
                CheckInFacts::Present
            } else {
                CheckInFacts::Absent
            };
            assert_eq!(
                tx.check_in_facts(&conference, m).await.unwrap(),
                Some(expected),
                "{name}: mandate {m}"
            );
        }
        tx.rollback().await.unwrap();
    }
}

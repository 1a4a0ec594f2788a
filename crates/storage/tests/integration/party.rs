//! The party and primaries reads that must not grow with the data, on every backend: a
//! check-in's and a seat's facts (one delegate, not the roster) and a campaign's member records
//! (one query for all its contenders).

use jiff::civil::date;
use sailau_domain::party::commands::{
    ConferenceId, ConferenceKind, ConveneConference, RecordMember,
};
use sailau_domain::party::conference::{CheckInFacts, SeatFacts};
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::party::vote::PartyRules;
use sailau_domain::primaries::campaign::{Campaign, OpenCampaign, Position, PositionKind, Windows};
use sailau_domain::primaries::contenders::{Contender, ContenderStatus, RegisterContender, Route};
use sailau_domain::primaries::{CampaignId, ContenderId, Window};
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

/// The Uil district branch's L (50th) extraordinary conference of 27 Sep 2023 (seed 004).
async fn convene_uil(tx: &mut sailau_storage::Tx, conference: ConferenceId) {
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
}

#[tokio::test]
async fn a_check_in_reads_one_delegate_not_the_roster() {
    for db in backends::all().await {
        let s = &db.store;
        let name = db.name;
        registry(s).await;
        let conference = ConferenceId(uuid::Uuid::new_v4());
        let mut tx = s.begin().await.unwrap();
        convene_uil(&mut tx, conference).await;
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

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn window(opens: &str, closes: &str) -> Window {
    Window {
        opens: ts(opens),
        closes: ts(closes),
    }
}

fn campaign(id: CampaignId) -> Campaign {
    Campaign {
        opened: OpenCampaign {
            campaign: id,
            party: amanat(),
            territory: code("150000000"),
            title_ru: "Праймериз 2020".into(),
            title_kk: "Праймериз 2020".into(),
            title_en: String::new(),
            positions: vec![
                Position {
                    key: "akim".into(),
                    name_ru: "Аким района".into(),
                    name_kk: "Аудан әкімі".into(),
                    name_en: String::new(),
                    kind: PositionKind::Akim {
                        unit: code("154800000"),
                    },
                },
                Position {
                    key: "list".into(),
                    name_ru: "Список в маслихат".into(),
                    name_kk: "Мәслихатқа тізім".into(),
                    name_en: String::new(),
                    kind: PositionKind::List { seats: 3 },
                },
            ],
            windows: Windows {
                registration: window("2020-08-16T18:00:00Z", "2020-08-28T18:00:00Z"),
                debates: window("2020-09-13T18:00:00Z", "2020-09-30T18:00:00Z"),
                online_voting: window("2020-09-30T18:00:00Z", "2020-10-03T08:00:00Z"),
                paper_voting: window("2020-10-03T02:00:00Z", "2020-10-03T08:00:00Z"),
            },
            trustees: Vec::new(),
            threshold: 1,
            rules: String::new(),
        },
    }
}

async fn contender(tx: &mut Tx, campaign: CampaignId, position: &str, member: MemberId, seq: u32) {
    tx.insert_contender(&Contender {
        registered: RegisterContender {
            contender: ContenderId(uuid::Uuid::new_v4()),
            campaign,
            position: position.into(),
            member,
            route: Route::SelfNominated,
            gender: Gender::Male,
            young: false,
            residence_years: 10,
            no_criminal_record: true,
        },
        status: ContenderStatus::Applied,
        ground: None,
        seq,
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn a_campaigns_member_records_come_in_one_read() {
    for db in backends::all().await {
        let s = &db.store;
        let name = db.name;
        registry(s).await;
        let (here, other) = (
            CampaignId(uuid::Uuid::new_v4()),
            CampaignId(uuid::Uuid::new_v4()),
        );
        let mut tx = s.begin().await.unwrap();
        tx.insert_campaign(&campaign(here), 1).await.unwrap();
        tx.insert_campaign(&campaign(other), 2).await.unwrap();
        let members: Vec<MemberId> = {
            let mut v = Vec::new();
            for n in 1..=5 {
                v.push(member(&mut tx, n).await);
            }
            v
        };
        // Members 1–3 stand here (member 1 for both positions), member 3 is erased; member 4
        // stands in the other campaign only; member 5 stands nowhere.
        contender(&mut tx, here, "akim", members[0], 1).await;
        contender(&mut tx, here, "list", members[0], 2).await;
        contender(&mut tx, here, "list", members[1], 3).await;
        contender(&mut tx, here, "list", members[2], 4).await;
        contender(&mut tx, other, "akim", members[3], 1).await;
        tx.erase_member(&members[2]).await.unwrap();
        tx.append_ledger(b"primaries", 3, "test").await.unwrap();
        tx.commit("h").await.unwrap();

        let records = s.campaign_member_records(&here).await.unwrap();
        let mut got: Vec<(MemberId, String)> = records
            .iter()
            .map(|(m, r)| (*m, r.surname.clone()))
            .collect();
        got.sort();
        let mut expected = vec![
            (members[0], "Фамилия1".to_owned()),
            (members[1], "Фамилия2".to_owned()),
        ];
        expected.sort();
        assert_eq!(
            got, expected,
            "{name}: one entry per member, none for the erased"
        );
        // Each is the member's whole record, as read one by one.
        for (m, r) in &records {
            assert!(
                Some(r) == s.member_record(m).await.unwrap().as_ref(),
                "{name}: the record of {m:?}"
            );
        }
        assert_eq!(
            s.campaign_member_records(&other)
                .await
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            vec![&members[3]],
            "{name}"
        );
        assert!(
            s.campaign_member_records(&CampaignId(uuid::Uuid::new_v4()))
                .await
                .unwrap()
                .is_empty(),
            "{name}: no such campaign"
        );
    }
}

#[tokio::test]
async fn a_seat_reads_one_mandate_not_the_roster() {
    use sailau_domain::party::commands::{MotionId, Subject};
    use sailau_domain::party::vote::{Counts, Decision, Outcome, Tally, VoteMode};
    for db in backends::all().await {
        let s = &db.store;
        let name = db.name;
        registry(s).await;
        let conference = ConferenceId(uuid::Uuid::new_v4());
        let mut tx = s.begin().await.unwrap();
        convene_uil(&mut tx, conference).await;
        // A roster of 1,000 delegates on the odd mandates 1..=1999.
        for m in 1..=1000 {
            let id = member(&mut tx, m).await;
            tx.insert_delegate(&conference, 2 * m - 1, &id)
                .await
                .unwrap();
        }
        let facts = |taken, voting_started| SeatFacts {
            party: amanat(),
            held_on: date(2023, 9, 27),
            voting_started,
            mandate_taken: taken,
        };
        for (m, taken) in [
            (1, true),
            (2, false),
            (999, true),
            (1999, true),
            (2000, false),
        ] {
            assert_eq!(
                tx.seat_facts(&conference, m).await.unwrap(),
                Some(facts(taken, false)),
                "{name}: mandate {m}"
            );
        }
        assert_eq!(
            tx.seat_facts(&ConferenceId(uuid::Uuid::new_v4()), 1)
                .await
                .unwrap(),
            None,
            "{name}: no such conference"
        );
        // The same answers as the whole conference's facts give.
        let all = tx.conference_facts(&conference).await.unwrap().unwrap();
        for m in [0, 1, 2, 3, 1000, 1001, 1999, 2001, 99_999] {
            assert_eq!(
                tx.seat_facts(&conference, m).await.unwrap(),
                Some(SeatFacts {
                    party: all.party.clone(),
                    held_on: all.held_on,
                    voting_started: all.voting_started,
                    mandate_taken: all.roster.contains(&m),
                }),
                "{name}: mandate {m}"
            );
        }
        // A motion's facts: the roster counted, the named mandates looked up one by one.
        let mc = tx
            .motion_conference(&conference, &[1, 2, 1999, 1, 2001])
            .await
            .unwrap()
            .unwrap();
        assert_eq!(mc.elected, 1000, "{name}");
        assert_eq!(mc.named_on_roster, [1, 1999].into(), "{name}");
        assert!(!mc.motion_open && !mc.presidium_elected, "{name}");
        assert_eq!(mc.party, all.party, "{name}");
        assert_eq!(mc.held_on, all.held_on, "{name}");
        assert!(
            tx.motion_conference(&ConferenceId(uuid::Uuid::new_v4()), &[1])
                .await
                .unwrap()
                .is_none(),
            "{name}: no such conference"
        );
        // A motion opened closes nothing; its first vote closes the roster.
        let motion = MotionId(uuid::Uuid::new_v4());
        tx.insert_motion(
            &motion,
            &conference,
            &Subject::Resolution {
                text: "Повестка".into(),
            },
            VoteMode::Open,
            &[0],
            20,
        )
        .await
        .unwrap();
        assert_eq!(
            tx.seat_facts(&conference, 2).await.unwrap(),
            Some(facts(false, false)),
            "{name}"
        );
        assert!(!tx.voting_started(&conference).await.unwrap(), "{name}");
        assert!(
            tx.motion_conference(&conference, &[])
                .await
                .unwrap()
                .unwrap()
                .motion_open,
            "{name}: a motion is open"
        );
        let tally = Tally::Counts {
            votes_for: vec![0],
            against: 0,
            abstain: 0,
        };
        // The decision's content does not matter here, only that a vote is recorded.
        let decision = Decision {
            elected: 1000,
            present: 0,
            quorum_needed: 501,
            counts: Counts {
                votes_for: vec![0],
                against: 0,
                abstain: 0,
            },
            outcome: Outcome::NotAdopted { tie: false },
        };
        tx.record_round(&motion, 1, &tally, &decision, 30, 1, &[0], true, None)
            .await
            .unwrap();
        assert_eq!(
            tx.seat_facts(&conference, 2).await.unwrap(),
            Some(facts(false, true)),
            "{name}: the roster is closed"
        );
        assert!(tx.voting_started(&conference).await.unwrap(), "{name}");
        assert!(
            !tx.voting_started(&ConferenceId(uuid::Uuid::new_v4()))
                .await
                .unwrap(),
            "{name}: no such conference"
        );
        assert!(
            tx.conference_facts(&conference)
                .await
                .unwrap()
                .unwrap()
                .voting_started,
            "{name}"
        );
        tx.rollback().await.unwrap();
    }
}

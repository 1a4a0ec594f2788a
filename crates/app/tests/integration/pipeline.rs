//! The pipeline across levels on every backend (issue 13 §3, §7; seed 003): meetings of primary
//! party organizations elect the delegates of their district's conference; a conference whose
//! delegates are not elected and a regional conference before its district conferences are
//! refused as out of order; the regional dashboard shows held, pending and overdue conferences on
//! the day asked; every bad input is refused with its rule and nothing half-written; the ledger
//! replays to the same tables.

use jiff::civil::{Date, date};
use sailau_app::{Acting, App, AppError};
use sailau_domain::party::commands::*;
use sailau_domain::party::member::MemberId;
use sailau_domain::party::pipeline::*;
use sailau_domain::party::rules::PartyRule;
use sailau_domain::party::vote::*;
use sailau_domain::registry::*;
use sailau_domain::*;

use crate::fixture::*;
use crate::party::{CONFERENCE_DAY_MS, amanat, member_command};

fn uid() -> uuid::Uuid {
    uuid::Uuid::new_v4()
}

fn party_rules(e: &AppError) -> Vec<(String, PartyRule)> {
    match e {
        AppError::Invalid(v) => {
            v.0.iter()
                .filter_map(|f| match &f.rule {
                    Rule::Party(p) => Some((f.field.clone(), p.clone())),
                    _ => None,
                })
                .collect()
        }
        other => panic!("not a refusal by rules: {other:?}"),
    }
}

fn branch(t: &str) -> Issued {
    CreateBranch {
        branch: Branch {
            party_code: amanat(),
            territory_code: code(t),
        },
    }
    .into()
}

fn convene_on(branch: &str, ordinal: u32, held_on: Date) -> (ConferenceId, Issued) {
    let id = ConferenceId(uid());
    let c = ConveneConference {
        conference: id,
        party: amanat(),
        branch: code(branch),
        ordinal,
        kind: ConferenceKind::Extraordinary,
        held_on,
        place: "Дом культуры".into(),
        agenda: vec!["Об избрании делегатов".into()],
        rules: PartyRules::amanat(),
    };
    (id, c.into())
}

fn contender(member: MemberId, votes_for: u32, against: u32, abstain: u32) -> MeetingContender {
    MeetingContender {
        member,
        votes_for,
        against,
        abstain,
    }
}

fn presidium(conference: ConferenceId) -> (MotionId, OpenMotion) {
    let motion = MotionId(uid());
    (
        motion,
        OpenMotion {
            motion,
            conference,
            subject: Subject::Presidium {
                chair: 1,
                secretary: 2,
                counting_commission: vec![3],
            },
            mode: VoteMode::Open,
        },
    )
}

/// Checks in mandates 1–3 and elects the presidium: the conference is then held.
async fn hold(app: &App, conference: ConferenceId) {
    let op = Acting::Operator;
    for mandate in 1..=3 {
        app.execute(
            &op,
            CheckIn {
                conference,
                mandate,
            },
        )
        .await
        .unwrap();
    }
    let (motion, open) = presidium(conference);
    app.execute(&op, open).await.unwrap();
    app.execute(
        &op,
        RecordVote {
            motion,
            round: 1,
            tally: Tally::Counts {
                votes_for: vec![3],
                against: 0,
                abstain: 0,
            },
        },
    )
    .await
    .unwrap();
}

fn statuses(d: &sailau_app::party::pipeline::RegionDashboard) -> Vec<(String, StageStatus)> {
    d.branches
        .iter()
        .map(|b| (b.branch.to_string(), b.status))
        .collect()
}

#[tokio::test]
async fn primary_meetings_elect_the_roster_and_the_region_keeps_its_order() {
    for f in registries().await {
        let b = f.backend;
        f.clock
            .0
            .store(CONFERENCE_DAY_MS, std::sync::atomic::Ordering::SeqCst);
        let op = Acting::Operator;
        // Region 100000000 with districts 101000000 and 102000000; a primary organization on
        // the rural okrug 101020000 of the first district.
        let mut batch: Vec<Issued> = vec![
            territory("102000000", Some("100000000"), TerritoryKind::District),
            territory("101020000", Some("101000000"), TerritoryKind::RuralOkrug),
            branch("100000000"),
            branch("101000000"),
            branch("102000000"),
            branch("101020000"),
        ];
        let mut org = Vec::new();
        for i in 0..6 {
            let (m, cmd) = member_command(
                &amanat(),
                "101020000",
                &format!("P-{i}"),
                "Сапаров",
                date(1980, 1, 1 + i as i8),
            );
            org.push(m);
            batch.push(cmd);
        }
        let (outsider, cmd) =
            member_command(&amanat(), "101000000", "D-1", "Омаров", date(1975, 2, 2));
        batch.push(cmd);
        let (district, cmd) = convene_on("101000000", 1, date(2023, 9, 27));
        batch.push(cmd);
        f.app.execute_batch(&op, batch).await.unwrap();

        // No delegates yet: the conference cannot decide anything.
        let err = f.app.execute(&op, presidium(district).1).await.unwrap_err();
        assert_eq!(
            party_rules(&err),
            [("conference".to_string(), PartyRule::OutOfOrder)],
            "{b}"
        );

        // A record with every fault: all named at once, nothing written.
        let before = f.app.store().ledger_status().await.unwrap().size;
        let bad = RecordPrimaryMeeting {
            meeting: MeetingId(uid()),
            conference: district,
            organization: code("101020000"),
            held_on: date(2023, 9, 30),
            members_present: 7,
            seats: 0,
            contenders: vec![contender(org[0], 5, 1, 1), contender(outsider, 4, 0, 0)],
        };
        let err = f.app.execute(&op, bad).await.unwrap_err();
        assert_eq!(
            party_rules(&err),
            [
                ("held_on".to_string(), PartyRule::MeetingAfterConference),
                (
                    "members_present".to_string(),
                    PartyRule::MembersPresentRange { members: 6 }
                ),
                ("seats".to_string(), PartyRule::SeatsRange),
                ("contenders[1]".to_string(), PartyRule::NotOfOrganization),
            ],
            "{b}"
        );
        let bad = RecordPrimaryMeeting {
            meeting: MeetingId(uid()),
            conference: district,
            organization: code("101000000"),
            held_on: date(2023, 9, 20),
            members_present: 1,
            seats: 1,
            contenders: vec![contender(org[0], 1, 1, 0)],
        };
        let err = f.app.execute(&op, bad).await.unwrap_err();
        assert_eq!(
            party_rules(&err),
            [
                ("organization".to_string(), PartyRule::OrganizationNotBelow),
                (
                    "contenders[0]".to_string(),
                    PartyRule::MeetingCountsAbovePresent { present: 1 }
                ),
                ("contenders[0]".to_string(), PartyRule::NotOfOrganization),
            ],
            "{b}"
        );
        assert_eq!(
            f.app.store().ledger_status().await.unwrap().size,
            before,
            "{b}"
        );

        // The meeting: 6 present, 3 seats; a majority of those present (4) elects; the fourth
        // contender falls short. Mandates follow the votes.
        let meeting = MeetingId(uid());
        f.app
            .execute(
                &op,
                RecordPrimaryMeeting {
                    meeting,
                    conference: district,
                    organization: code("101020000"),
                    held_on: date(2023, 9, 20),
                    members_present: 6,
                    seats: 3,
                    contenders: vec![
                        contender(org[1], 4, 2, 0),
                        contender(org[0], 5, 1, 0),
                        contender(org[2], 4, 1, 1),
                        contender(org[3], 3, 3, 0),
                    ],
                },
            )
            .await
            .unwrap();
        let m = f.app.primary_meeting(&meeting).await.unwrap().unwrap();
        let elected: Vec<(MemberId, u32)> =
            m.elected.iter().map(|e| (e.member, e.mandate)).collect();
        assert_eq!(elected, [(org[0], 1), (org[1], 2), (org[2], 3)], "{b}");
        let view = f.app.conference_view(&district).await.unwrap();
        assert_eq!(view.elected, 3, "{b}");

        // A tie at the only seat elects nobody; an elected delegate cannot be elected again.
        let tie = MeetingId(uid());
        f.app
            .execute(
                &op,
                RecordPrimaryMeeting {
                    meeting: tie,
                    conference: district,
                    organization: code("101020000"),
                    held_on: date(2023, 9, 21),
                    members_present: 6,
                    seats: 1,
                    contenders: vec![contender(org[4], 4, 2, 0), contender(org[5], 4, 2, 0)],
                },
            )
            .await
            .unwrap();
        assert!(
            f.app
                .primary_meeting(&tie)
                .await
                .unwrap()
                .unwrap()
                .elected
                .is_empty()
        );
        let again = RecordPrimaryMeeting {
            meeting: MeetingId(uid()),
            conference: district,
            organization: code("101020000"),
            held_on: date(2023, 9, 21),
            members_present: 6,
            seats: 1,
            contenders: vec![contender(org[0], 6, 0, 0)],
        };
        let err = f.app.execute(&op, again).await.unwrap_err();
        assert_eq!(
            party_rules(&err),
            [("contenders[0]".to_string(), PartyRule::DelegateTwice)],
            "{b}"
        );
        assert_eq!(f.app.conference_meetings(&district).await.unwrap().len(), 2);

        // The region's plan: dates in order, for a region only.
        let plan = AdoptRegionalPlan {
            party: amanat(),
            region: code("100000000"),
            starts_on: date(2023, 9, 1),
            primary_meetings_by: date(2023, 9, 22),
            district_conferences_by: date(2023, 9, 30),
            regional_conference_by: date(2023, 10, 10),
        };
        let err = f
            .app
            .execute(
                &op,
                AdoptRegionalPlan {
                    region: code("101000000"),
                    district_conferences_by: date(2023, 9, 10),
                    ..plan.clone()
                },
            )
            .await
            .unwrap_err();
        assert_eq!(
            party_rules(&err),
            [
                ("region".to_string(), PartyRule::PlanNotRegion),
                (
                    "district_conferences_by".to_string(),
                    PartyRule::PlanDatesOrder
                ),
            ],
            "{b}"
        );
        f.app.execute(&op, plan.clone()).await.unwrap();

        // The dashboard is a function of the day asked.
        let (party, region) = (amanat(), code("100000000"));
        let on = |d| f.app.regional_dashboard(&party, &region, d);
        let d = on(date(2023, 9, 27)).await.unwrap();
        use StageStatus::*;
        let s = |v: &[(&str, StageStatus)]| -> Vec<(String, StageStatus)> {
            v.iter().map(|(c, s)| (c.to_string(), *s)).collect()
        };
        assert_eq!(
            statuses(&d),
            s(&[
                ("101000000", Pending),
                ("102000000", Pending),
                ("100000000", Pending)
            ]),
            "{b}"
        );
        assert_eq!(d.branches[0].meetings, 2, "{b}");
        assert_eq!(
            statuses(&on(date(2023, 10, 1)).await.unwrap()),
            s(&[
                ("101000000", Overdue),
                ("102000000", Overdue),
                ("100000000", Pending)
            ]),
            "{b}"
        );

        // The district holds its conference; the regional conference waits for 102000000.
        hold(&f.app, district).await;
        let (regional, cmd) = convene_on("100000000", 1, date(2023, 10, 5));
        let (other, cmd2) = convene_on("102000000", 1, date(2023, 9, 28));
        let mut batch = vec![cmd, cmd2];
        for conf in [regional, other] {
            for (i, m) in org.iter().take(3).enumerate() {
                batch.push(
                    SeatDelegate {
                        conference: conf,
                        mandate: i as u32 + 1,
                        member: *m,
                    }
                    .into(),
                );
            }
        }
        f.app.execute_batch(&op, batch).await.unwrap();
        for mandate in 1..=3 {
            f.app
                .execute(
                    &op,
                    CheckIn {
                        conference: regional,
                        mandate,
                    },
                )
                .await
                .unwrap();
        }
        let err = f.app.execute(&op, presidium(regional).1).await.unwrap_err();
        assert_eq!(
            party_rules(&err),
            [("conference".to_string(), PartyRule::OutOfOrder)],
            "{b}"
        );
        assert_eq!(
            statuses(&on(date(2023, 10, 1)).await.unwrap()),
            s(&[
                ("101000000", Held),
                ("102000000", Overdue),
                ("100000000", Pending)
            ]),
            "{b}"
        );
        hold(&f.app, other).await;
        let (motion, open) = presidium(regional);
        f.app.execute(&op, open).await.unwrap();
        f.app
            .execute(
                &op,
                RecordVote {
                    motion,
                    round: 1,
                    tally: Tally::Counts {
                        votes_for: vec![3],
                        against: 0,
                        abstain: 0,
                    },
                },
            )
            .await
            .unwrap();
        assert_eq!(
            statuses(&on(date(2023, 10, 20)).await.unwrap()),
            s(&[
                ("101000000", Held),
                ("102000000", Held),
                ("100000000", Held)
            ]),
            "{b}"
        );

        sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
            .await
            .unwrap_or_else(|e| panic!("{b}: {e}"));
    }
}

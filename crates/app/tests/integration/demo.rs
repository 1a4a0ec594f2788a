//! The demo: the registry of 5 November 2023 and one account per role.

use sailau_domain::Role;

use crate::fixture::*;

#[tokio::test]
async fn the_demo_loads_the_published_figures_and_one_account_per_role() {
    let f = empty().await;
    let accounts = sailau_app::demo::load(&f.app, &|_, _, _| {}).await.unwrap();
    let c = f.app.store().counts().await.unwrap();
    // 63 territories of 5 November 2023, the party demo's synthetic rural okrug (the primary
    // party organization of Khobda district, `demo_party`) and the primaries demo's two in Uil
    // district (`demo_primaries`).
    assert_eq!(
        (c.regions, c.territories, c.precincts, c.voters, c.parties),
        (17, 66, 1491, 1_062_327, 7)
    );
    // The primaries: 19 applications, one refused, one withdrawn, one excluded for not coming
    // to the debate; the ratings of paper and online votes and the 10-seat list balanced by the
    // quotas.
    let campaign = sailau_domain::primaries::CampaignId(uuid::Uuid::from_u128(
        sailau_app::demo_primaries::CAMPAIGN,
    ));
    let v = f.app.campaign_view(&campaign).await.unwrap().unwrap();
    let statuses: Vec<&str> = v
        .contenders
        .iter()
        .map(|c| c.contender.status.as_str())
        .collect();
    assert_eq!(v.contenders.len(), 19);
    for (status, n) in [
        ("admitted", 16),
        ("refused", 1),
        ("withdrawn", 1),
        ("excluded", 1),
    ] {
        assert_eq!(
            statuses.iter().filter(|s| **s == status).count(),
            n,
            "{status}"
        );
    }
    let akim = &v.results[0].ratings[0].1;
    assert_eq!(
        akim.iter()
            .map(|r| (r.rank, r.standing.votes()))
            .collect::<Vec<_>>(),
        // Paper 50 + online 27 and paper 51 + online 13: the online votes overturn the paper
        // order.
        vec![(1, 77), (2, 64)]
    );
    // The online vote: 40 members voted (one of them twice), one ballot challenged; the
    // stations gave 110 members paper ballots, as many as their counts say were issued; the
    // trustees' decryption is published and the record verifies.
    let online = f.app.online_view(&campaign).await.unwrap();
    assert_eq!(online.board, (41, 40, 1));
    assert_eq!(online.participation, (40, 110));
    assert!(online.tallied && online.decrypted);
    let dir = tempfile::tempdir().unwrap();
    f.app.write_record(&campaign, dir.path()).await.unwrap();
    let report = sailau_record::verify(
        dir.path(),
        &sailau_record::VerifyOptions::default(),
        &sailau_record::NoProgress,
    )
    .unwrap();
    assert!(report.ok(), "{:?}", report.findings);
    let mut zip = f.app.record_zip(&campaign).await.unwrap();
    let mut len = 0;
    while let Some(chunk) = zip.next_chunk().await {
        len += chunk.unwrap().len();
    }
    assert!(len > 10_000);
    let list = v.results[1].list.as_ref().unwrap();
    assert_eq!((list.seats, list.chosen.len()), (10, 10));
    assert!(list.quotas_met, "{list:?}");
    assert_eq!((list.women_needed, list.young_needed), (3, 2));
    assert_eq!(list.moved_in.len(), 2, "two women move up into the list");
    let mut roles: Vec<Role> = accounts.iter().map(|a| a.role).collect();
    roles.sort();
    // Every role has an account; the primaries add a second trustee (a 2-of-2 ceremony) and a
    // second counting commission (a primary organization's, besides the conference's).
    assert_eq!(roles.len(), Role::ALL.len() + 2);
    roles.dedup();
    assert_eq!(roles, Role::ALL.to_vec());
    for a in &accounts {
        f.app
            .login(a.username.as_str(), &a.password, "127.0.0.1")
            .await
            .unwrap();
    }
    let report = sailau_app::ledger::verify(f.app.store(), &f.key, &[], &|_, _| {})
        .await
        .unwrap();
    assert!(report.entries > 62 + 7 + 1491 + 7);
    // The elections of 2023 at this stage: the seeds' figures.
    let election = sailau_app::demo_elections::DISTRICT_ELECTION;
    let registered = f.app.registered_candidates(&election).await.unwrap();
    let view = f.app.election(&election).await.unwrap();
    assert_eq!(view.contests.len(), 45);
    let mut total = 0;
    let (mut party, mut selves, mut women, mut cancelled) = (0, 0, 0, 0);
    let mut parties = std::collections::BTreeSet::new();
    let mut wko = (0, 0);
    for c in &view.contests {
        let contest = f.app.contest(&c.contest.id).await.unwrap();
        for n in &contest.nominations {
            let west = c.contest.unit.as_str().starts_with("27");
            if west {
                wko.0 += 1;
            }
            let was_registered = matches!(
                n.status,
                sailau_domain::elections::Status::Registered { .. }
                    | sailau_domain::elections::Status::Cancelled {
                        number: Some(_),
                        ..
                    }
            );
            if !was_registered {
                continue;
            }
            if west {
                wko.1 += 1;
            }
            total += 1;
            match n.route.party() {
                Some(p) => {
                    party += 1;
                    parties.insert(p.clone());
                }
                None => selves += 1,
            }
            if n.candidate.person.gender == sailau_domain::Gender::Female {
                women += 1;
            }
            if matches!(n.status, sailau_domain::elections::Status::Cancelled { .. }) {
                cancelled += 1;
            }
        }
        assert!(
            c.registered >= 2,
            "{}: {} on the ballot",
            c.unit.names.ru,
            c.registered
        );
    }
    assert_eq!((total, party, selves, women), (164, 69, 95, 10));
    assert_eq!(parties.len(), 7);
    assert_eq!((cancelled, registered.len()), (39, 125));
    assert_eq!(wko, (16, 9));
    let changed = view
        .contests
        .iter()
        .filter(|c| c.contest.ballot_changed)
        .count();
    assert_eq!(changed, 1);
    // The rural election, the district election and the repeat election of the tie's unit.
    assert_eq!(f.app.elections().await.unwrap().len(), 3);
}

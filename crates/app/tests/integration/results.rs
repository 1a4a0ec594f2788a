//! Results (issue 12 §4–7): the demo's election day tabulated to the seeds' figures and certified,
//! the NIST and CSV exports, and the ledger size announced
//! across two instances sharing one PostgreSQL database.

use std::time::Duration;

use sailau_app::demo_elections::DISTRICT_ELECTION;
use sailau_app::elections::open_data;
use sailau_app::{Acting, App};
use sailau_domain::Rule;
use sailau_domain::elections::certification::{CertifyResults, ResultsRule};
use sailau_domain::elections::tabulation::ResultStatus;
use sailau_ledger::LedgerSigningKey;
use sailau_storage::Store;

use crate::databases;
use crate::fixture::*;

#[tokio::test]
async fn the_demo_election_day_reproduces_the_seeds_figures_and_is_certified() {
    let f = empty().await;
    sailau_app::demo::load(&f.app, &|_, _, _| {}).await.unwrap();
    let r = f.app.election_results(&DISTRICT_ELECTION).await.unwrap();
    assert_eq!(r.units.len(), 45);
    assert_eq!(r.regions.len(), 17);
    // The seeds' aggregates (rules.md §6): 1,491 precincts, 1,062,327 voters, turnout 62.79 %.
    let n = &r.national;
    assert_eq!((n.precincts_in, n.precincts_total), (1491, 1491));
    assert_eq!(n.voters_on_list, 1_062_327);
    assert_eq!(format!("{:.2}", n.turnout_percent), "62.79");
    // Every contest certified; one tie goes to a repeat election, 44 akims elected.
    assert!(
        r.units
            .iter()
            .all(|u| u.result.status == ResultStatus::Certified)
    );
    assert_eq!(n.by_outcome["elected"], 44);
    assert_eq!(n.by_outcome.values().sum::<usize>(), 45);
    let s = &r.statistics;
    // 164 registered, 69 by parties and 95 self-nominated, 10 women, all 7 parties; 125 on the
    // ballots after 39 withdrawals; the winners' average age 46.7.
    assert_eq!(s.registered, 164);
    assert_eq!(s.registered_by_route["party"], 69);
    assert_eq!(s.registered_by_route["self_nominated"], 95);
    assert_eq!(s.registered_by_gender["female"], 10);
    assert_eq!(s.registered_by_party.len(), 7);
    assert_eq!(s.on_ballot, 125);
    assert_eq!(format!("{:.1}", s.average_age_of_winners), "46.7");
    // 29 incumbent akims re-elected (rules.md §8), the other 15 winners new; the regions'
    // statistics share them out.
    assert_eq!((s.incumbents_reelected, s.new_winners), (29, 15));
    let by_region: usize = r
        .regions
        .iter()
        .map(|g| g.statistics.incumbents_reelected)
        .sum();
    assert_eq!(by_region, 29);
    // Each winner who was the sitting akim is a candidate declared so in the nomination.
    let declared = r
        .units
        .iter()
        .filter_map(|u| match u.result.outcome {
            sailau_domain::elections::tabulation::Outcome::Elected { winner } => {
                u.candidate(winner)
            }
            _ => None,
        })
        .filter(|c| c.incumbent)
        .count();
    assert_eq!(declared, 29);
    // The seed's nominees win their units.
    for unit in ["155200000", "473600000"] {
        let u = r
            .units
            .iter()
            .find(|u| u.unit.code.as_str() == unit)
            .unwrap();
        assert_eq!(u.result.outcome.as_str(), "elected", "{unit}");
    }
    // Served from memory while the ledger does not grow.
    let again = f.app.election_results(&DISTRICT_ELECTION).await.unwrap();
    assert!(std::sync::Arc::ptr_eq(&r, &again));
    // A second certification is refused.
    let err = f
        .app
        .execute(
            &Acting::Operator,
            CertifyResults {
                contest: r.units[0].contest.id,
            },
        )
        .await
        .unwrap_err();
    let sailau_app::AppError::Invalid(errors) = err else {
        panic!("not a refusal: {err}");
    };
    assert_eq!(
        errors.0[0].rule,
        Rule::Results(ResultsRule::AlreadyCertified)
    );

    // Open data: one contest per unit, every precinct in the CSV.
    let nist = open_data::nist_results(&r, jiff::Timestamp::from_second(1_700_000_000).unwrap());
    assert_eq!(nist["Election"][0]["Contest"].as_array().unwrap().len(), 45);
    assert_eq!(nist["Status"], "certified");
    let csv = open_data::precincts_csv(&r).unwrap();
    assert_eq!(csv.lines().count(), 1 + 1491);
    assert!(csv.contains("ocd-division/country:kz/kato:"));
    // The rural election: two precincts entered twice (double entry), certified.
    let rural = f
        .app
        .election_results(&sailau_app::demo_elections::RURAL_ELECTION)
        .await
        .unwrap();
    assert_eq!(rural.units[0].result.status, ResultStatus::Certified);
    assert_eq!(rural.national.precincts_in, 2);
}

#[tokio::test]
async fn a_commit_on_one_instance_is_announced_on_another_within_a_second() {
    let Some(db) = databases::postgres().await else {
        return;
    };
    let a = App::with_parts(
        Store::connect(&db.url).await.unwrap(),
        LedgerSigningKey::from_seed(&[7; 32]),
        std::sync::Arc::new(TestClock(std::sync::atomic::AtomicI64::new(
            1_700_000_000_000,
        ))),
    );
    let b = App::with_parts(
        Store::connect(&db.url).await.unwrap(),
        LedgerSigningKey::from_seed(&[7; 32]),
        std::sync::Arc::new(TestClock(std::sync::atomic::AtomicI64::new(
            1_700_000_000_000,
        ))),
    );
    let follower = b.follow_postgres(&db.url);
    let mut changes = b.ledger_changes();
    // Let the listener connect before the commit.
    tokio::time::sleep(Duration::from_millis(300)).await;
    a.execute(
        &Acting::Operator,
        territory("100000000", None, sailau_domain::TerritoryKind::Region),
    )
    .await
    .unwrap();
    tokio::time::timeout(Duration::from_secs(1), changes.wait_for(|s| *s >= 1))
        .await
        .expect("announced within a second")
        .unwrap();
    assert_eq!(a.announced_size(), 1);
    follower.abort();
}

//! Results (issue 12 §4–7): tabulation of the demo election before any protocol, certification
//! refused naming the missing precincts, the NIST and CSV exports, and the ledger size announced
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
async fn the_demo_election_tabulates_its_statistics_and_refuses_certification_before_the_protocols()
{
    let f = empty().await;
    sailau_app::demo::load(&f.app, &|_, _, _| {}).await.unwrap();
    let r = f.app.election_results(&DISTRICT_ELECTION).await.unwrap();
    assert_eq!(r.units.len(), 45);
    assert_eq!(r.regions.len(), 17);
    assert_eq!(r.national.precincts_total, 1491);
    assert_eq!(r.national.precincts_in, 0);
    assert!(
        r.units
            .iter()
            .all(|u| u.result.status == ResultStatus::Preliminary)
    );
    let s = &r.statistics;
    // The seeds' figures: 164 registered, 69 by parties and 95 self-nominated, 10 women, all 7
    // parties; 125 on the ballots after 39 withdrawals.
    assert_eq!(s.registered, 164);
    assert_eq!(s.registered_by_route["party"], 69);
    assert_eq!(s.registered_by_route["self_nominated"], 95);
    assert_eq!(s.registered_by_gender["female"], 10);
    assert_eq!(s.registered_by_party.len(), 7);
    assert_eq!(s.on_ballot, 125);
    // Served from memory while the ledger does not grow.
    let again = f.app.election_results(&DISTRICT_ELECTION).await.unwrap();
    assert!(std::sync::Arc::ptr_eq(&r, &again));

    // Certification after election day: refused, naming the missing precincts.
    let unit = &r.units[0];
    let err = f
        .app
        .execute(
            &Acting::Operator,
            CertifyResults {
                contest: unit.contest.id,
            },
        )
        .await
        .unwrap_err();
    let sailau_app::AppError::Invalid(errors) = err else {
        panic!("not a refusal: {err}");
    };
    let Rule::Results(ResultsRule::Incomplete { count, missing }) = &errors.0[0].rule else {
        panic!("{errors:?}");
    };
    assert_eq!(*count as usize, unit.precincts.len());
    assert!(
        missing.contains(&unit.precincts[0].precinct.to_string()),
        "{missing}"
    );

    // Open data: one contest per unit, every precinct in the CSV.
    let nist = open_data::nist_results(&r, jiff::Timestamp::from_second(1_700_000_000).unwrap());
    assert_eq!(nist["Election"][0]["Contest"].as_array().unwrap().len(), 45);
    assert_eq!(nist["Status"], "unofficial-partial");
    let csv = open_data::precincts_csv(&r).unwrap();
    assert_eq!(csv.lines().count(), 1 + 1491);
    assert!(csv.contains("ocd-division/country:kz/kato:"));
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

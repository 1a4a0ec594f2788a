//! Results of election day in the app (issue 12 §4–6): the `certify_results` handler and the
//! reads tabulation needs. The rules are the domain's (`elections::tabulation`,
//! `elections::certification`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::civil::Date;
use sailau_domain::elections::certification::{CertifyFacts, CertifyResults};
use sailau_domain::elections::protocol::ProtocolNumbers;
use sailau_domain::elections::tabulation::{
    CandidateFacts, Counts, Outcome, Policies, Statistics, Summary, UnitResult, statistics,
    summarize, tabulate_unit,
};
use sailau_domain::elections::{
    Contest, ContestId, Election, ElectionId, NominationId, RouteKind, Status,
};
use sailau_domain::{PartyCode, PrecinctRef, Target, Territory, TerritoryCode};
use sailau_storage::Tx;
use serde::Serialize;

use super::handlers::{contest_and_election, contest_target, now_of};
use crate::execute::{Ctx, Handler};
use crate::{App, AppError};

/// The precincts of the contest's unit whose protocol is accepted (migration 0013).
async fn accepted_precincts(
    tx: &mut Tx,
    contest: &Contest,
) -> Result<BTreeSet<PrecinctRef>, AppError> {
    Ok(tx
        .contest_accepted_precincts(&contest.id)
        .await?
        .into_iter()
        .collect())
}

impl Handler for CertifyResults {
    async fn target(&self, tx: &mut Tx) -> Result<Target, AppError> {
        contest_target(tx, &self.contest).await
    }

    async fn apply(&self, tx: &mut Tx, ctx: &Ctx<'_>) -> Result<(), AppError> {
        let (contest, election) = contest_and_election(tx, &self.contest, "contest").await?;
        let accepted = accepted_precincts(tx, &contest).await?;
        let missing_precincts = tx
            .unit_precincts(&contest.unit)
            .await?
            .iter()
            .map(|p| p.reference())
            .filter(|r| !accepted.contains(r))
            .map(|r| r.to_string())
            .collect();
        let facts = CertifyFacts {
            missing_precincts,
            already_certified: tx.result_certified(&contest.id).await?,
        };
        self.validate(&contest, &election, &facts, now_of(ctx)?)?;
        tx.insert_result_certification(&contest.id, ctx.at_ms)
            .await?;
        Ok(())
    }
}

// ---- reads: results computed once per ledger size ----

/// A candidate on a unit's ballot, as results show them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultCandidate {
    /// The candidacy.
    pub nomination: NominationId,
    /// Registration number in the contest (the protocol's column).
    pub number: u32,
    /// Surname, given name, patronymic.
    pub name: String,
    /// The nominating party's code (party route).
    pub party: Option<PartyCode>,
    /// The route.
    pub route: RouteKind,
    /// The candidate was the sitting akim of the unit, as declared in the nomination.
    pub incumbent: bool,
}

/// One precinct of a unit: its registry facts and its accepted protocol, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrecinctResult {
    /// The precinct.
    pub precinct: PrecinctRef,
    /// Voters on the registry's list.
    pub voters: u32,
    /// The accepted protocol's counts, by registration number (`None`: not in yet).
    pub counts: Option<Counts<u32>>,
}

/// A unit's (contest's) results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitResults {
    /// The contest.
    pub contest: Contest,
    /// The unit.
    pub unit: Territory,
    /// Its region.
    pub region: Territory,
    /// The candidates on the ballot, by registration number.
    pub candidates: Vec<ResultCandidate>,
    /// The tabulation, keyed by registration number.
    pub result: UnitResult<u32>,
    /// When the commission certified it (ms since the Unix epoch).
    pub certified_at_ms: Option<i64>,
    /// Every precinct, by region and number.
    pub precincts: Vec<PrecinctResult>,
}

impl UnitResults {
    /// The candidate with a registration number.
    pub fn candidate(&self, number: u32) -> Option<&ResultCandidate> {
        self.candidates.iter().find(|c| c.number == number)
    }
}

/// A region's summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionResults {
    /// The region.
    pub region: Territory,
    /// Its units' summary.
    pub summary: Summary,
    /// Its contests, by unit code.
    pub contests: Vec<ContestId>,
    /// The statistics of its contests alone (issue 12 §6: per election and per region).
    pub statistics: Statistics,
}

/// An election's results: every unit, region summaries, the national summary, statistics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ElectionResults {
    /// The ledger size they were computed at (the cache key).
    pub ledger_size: u64,
    /// The election.
    pub election: Election,
    /// Units, by unit code.
    pub units: Vec<UnitResults>,
    /// Regions, by code.
    pub regions: Vec<RegionResults>,
    /// All units.
    pub national: Summary,
    /// Statistics of the whole election.
    pub statistics: Statistics,
    /// The parties' short names by code, for the pages ("AMANAT", not `amanat`); not part of
    /// the published JSON.
    #[serde(skip)]
    pub party_names: BTreeMap<String, String>,
}

impl ElectionResults {
    /// A unit's results by contest.
    pub fn unit(&self, contest: &ContestId) -> Option<&UnitResults> {
        self.units.iter().find(|u| u.contest.id == *contest)
    }

    /// A region's summary by code.
    pub fn region(&self, code: &TerritoryCode) -> Option<&RegionResults> {
        self.regions.iter().find(|r| r.region.code == *code)
    }
}

/// The counts tabulation sums for a protocol's numbers: ballots issued = issued inside the
/// station + outside it + on absentee certificates (rules.md §4; the `[protocol]` field keys of
/// the rule set). A field the rule set does not have counts as 0. The audit
/// ([`super::audit`]) reads protocols from ledger entries through this same function.
pub fn protocol_counts(numbers: &ProtocolNumbers) -> Counts<u32> {
    let field = |key: &str| numbers.fields.get(key).copied().unwrap_or(0);
    Counts {
        voters_on_list: field("voters_on_list"),
        ballots_issued: field("issued_inside")
            .saturating_add(field("issued_outside"))
            .saturating_add(field("issued_absentee")),
        found_in_boxes: field("found_in_boxes"),
        invalid: field("invalid"),
        against_all: field("against_all"),
        votes: numbers.candidates.clone(),
    }
}

/// The accepted protocols of an election (migration 0013, `enter_protocol` / `amend_protocol`),
/// per contest and precinct, as [`protocol_counts`].
async fn accepted_protocols(
    app: &App,
    election: &ElectionId,
) -> Result<BTreeMap<ContestId, BTreeMap<PrecinctRef, Counts<u32>>>, AppError> {
    let mut out: BTreeMap<ContestId, BTreeMap<PrecinctRef, Counts<u32>>> = BTreeMap::new();
    for p in app.store.accepted_protocols(election).await? {
        let Some(numbers) = p.numbers else { continue };
        out.entry(p.contest)
            .or_default()
            .insert(p.precinct, protocol_counts(&numbers));
    }
    Ok(out)
}

impl App {
    /// An election's results at the announced ledger size: served from memory while the ledger
    /// has not grown, computed once after it grows (on any instance sharing the database).
    ///
    /// # Errors
    /// [`AppError::NotFound`] for an unknown election; storage errors.
    pub async fn election_results(
        &self,
        id: &ElectionId,
    ) -> Result<Arc<ElectionResults>, AppError> {
        let announced = self.announced_size();
        if let Some(r) = self.cached_results(id)
            && r.ledger_size >= announced
        {
            return Ok(r);
        }
        let fresh = Arc::new(self.compute_results(id).await?);
        if let Ok(mut m) = self.live.results.lock() {
            let keep = m
                .get(id)
                .is_some_and(|old| old.ledger_size > fresh.ledger_size);
            if !keep {
                m.insert(*id, fresh.clone());
            }
        }
        Ok(fresh)
    }

    fn cached_results(&self, id: &ElectionId) -> Option<Arc<ElectionResults>> {
        self.live.results.lock().ok()?.get(id).cloned()
    }

    /// Computes an election's results from scratch (what [`App::election_results`] caches).
    ///
    /// # Errors
    /// As [`App::election_results`].
    pub async fn compute_results(&self, id: &ElectionId) -> Result<ElectionResults, AppError> {
        let ledger_size = self.store.ledger_status().await?.size;
        let election = self
            .store
            .election(id)
            .await?
            .ok_or_else(|| super::not_found(crate::Thing::Election, id))?;
        let rules = election.rules()?;
        let policies = Policies::of(&rules.election_day, &rules.deposit);
        let certified: BTreeMap<ContestId, i64> = self
            .store
            .result_certifications(id)
            .await?
            .into_iter()
            .collect();
        let mut accepted_all = accepted_protocols(self, id).await?;
        let mut units = Vec::new();
        let mut facts = Vec::new();
        let mut winners = BTreeSet::new();
        for contest in self.store.contests_of(id).await? {
            let unit = self.unit(&contest.unit).await?;
            let region = self
                .store
                .territory_ancestors(&contest.unit)
                .await?
                .into_iter()
                .find(|t| t.parent_code.is_none())
                .unwrap_or_else(|| unit.clone());
            let nominations = self.store.contest_nominations(&contest.id).await?;
            let mut candidates = Vec::new();
            for n in &nominations {
                // Registered at some point (a later withdrawal keeps its number).
                let registered = matches!(
                    n.status,
                    Status::Registered { .. }
                        | Status::Cancelled {
                            number: Some(_),
                            ..
                        }
                );
                let standing = matches!(n.status, Status::Registered { .. });
                if let Status::Registered { number } = n.status {
                    let p = &n.candidate.person;
                    candidates.push(ResultCandidate {
                        nomination: n.id,
                        number,
                        name: format!("{} {} {}", p.surname, p.given_name, p.patronymic)
                            .trim()
                            .to_owned(),
                        party: n.route.party().cloned(),
                        route: n.route.kind(),
                        incumbent: n.candidate.incumbent,
                    });
                }
                facts.push(CandidateFacts {
                    candidate: (contest.id, n.id),
                    route: n.route.kind(),
                    party: n.route.party().map(|p| p.as_str().to_owned()),
                    gender: n.candidate.person.gender,
                    age: age_on(n.candidate.person.birth_date, election.election_day),
                    registered,
                    on_ballot: standing && contest.ballots_produced,
                    incumbent: n.candidate.incumbent,
                });
            }
            candidates.sort_by_key(|c| c.number);
            let accepted = accepted_all.remove(&contest.id).unwrap_or_default();
            let precincts: Vec<PrecinctResult> = self
                .store
                .unit_precincts(&contest.unit)
                .await?
                .into_iter()
                .map(|p| {
                    let r = p.reference();
                    PrecinctResult {
                        counts: accepted.get(&r).cloned(),
                        precinct: r,
                        voters: p.voters,
                    }
                })
                .collect();
            let numbers: Vec<u32> = candidates.iter().map(|c| c.number).collect();
            let protocols: Vec<Counts<u32>> = accepted.values().cloned().collect();
            let certified_at_ms = certified.get(&contest.id).copied();
            let result = tabulate_unit(
                &numbers,
                &protocols,
                precincts.len(),
                certified_at_ms.is_some(),
                &policies,
            );
            if let Outcome::Elected { winner } = &result.outcome
                && let Some(c) = candidates.iter().find(|c| c.number == *winner)
            {
                winners.insert((contest.id, c.nomination));
            }
            units.push(UnitResults {
                contest,
                unit,
                region,
                candidates,
                result,
                certified_at_ms,
                precincts,
            });
        }
        units.sort_by(|a, b| a.unit.code.cmp(&b.unit.code));
        let mut by_region: BTreeMap<TerritoryCode, (Territory, Vec<&UnitResults>)> =
            BTreeMap::new();
        for u in &units {
            by_region
                .entry(u.region.code.clone())
                .or_insert_with(|| (u.region.clone(), Vec::new()))
                .1
                .push(u);
        }
        let regions = by_region
            .into_values()
            .map(|(region, us)| {
                let contests: BTreeSet<ContestId> = us.iter().map(|u| u.contest.id).collect();
                let of_region = |key: &(ContestId, NominationId)| contests.contains(&key.0);
                let region_facts: Vec<_> = facts
                    .iter()
                    .filter(|f| of_region(&f.candidate))
                    .cloned()
                    .collect();
                let region_winners = winners.iter().filter(|w| of_region(w)).cloned().collect();
                RegionResults {
                    summary: summarize(us.iter().map(|u| &u.result)),
                    statistics: statistics(
                        &region_facts,
                        &region_winners,
                        us.iter()
                            .flat_map(|u| u.precincts.iter().filter_map(|p| p.counts.as_ref())),
                    ),
                    contests: us.iter().map(|u| u.contest.id).collect(),
                    region,
                }
            })
            .collect();
        let national = summarize(units.iter().map(|u| &u.result));
        let statistics = statistics(
            &facts,
            &winners,
            units
                .iter()
                .flat_map(|u| u.precincts.iter().filter_map(|p| p.counts.as_ref())),
        );
        let party_names = self
            .store
            .parties()
            .await?
            .into_iter()
            .map(|p| (p.code.as_str().to_owned(), p.short_name))
            .collect();
        Ok(ElectionResults {
            ledger_size,
            election,
            units,
            regions,
            national,
            statistics,
            party_names,
        })
    }
}

/// Whole years from `birth` to `day` (a candidate's age on election day).
pub fn age_on(birth: Date, day: Date) -> u32 {
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

//! The demo's election days (issue 12 item 9): turnout reports and precinct protocols,
//! **synthetic** but consistent with the published aggregates of 5 November 2023 (rules.md §6:
//! 1,491 precincts, 1,062,327 voters on the lists, turnout 62.79 %, average age of the winners
//! 46.7), then certification; and the rural election of 17 September 2023 taken to certified
//! results under double entry.
//!
//! Everything goes through the same commands as the pages and the API (`report_turnout`,
//! `enter_protocol`, `amend_protocol`, `record_observer_copy`, `certify_results`), on the demo's
//! simulated clock, so the ledger replays it like any other day. What the demo shows besides the
//! plain path: a few precincts that miss a turnout report or file it late, one amendment with its
//! reason, one observer's copy that differs from the accepted protocol, one contest whose two
//! leaders tie (marked for a repeat election), and in the rural election one double-entry
//! disagreement resolved by the operators.
//!
//! The numbers come from a fixed pseudo-random sequence ([`Mix`]), so every demo database is the
//! same.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use sailau_domain::elections::certification::CertifyResults;
use sailau_domain::elections::protocol::{
    AmendProtocol, EnterProtocol, ProtocolNumbers, RecordObserverCopy,
};
use sailau_domain::elections::turnout::ReportTurnout;
use sailau_domain::elections::{Contest, Election, Status, zones};
use sailau_domain::{Issued, PartyCode, Precinct, Principal, Role, Scope, Username};

use sailau_domain::Names;
use sailau_domain::elections::rules::KZ_AKIM_DISTRICT_2023;
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, ContestId, Decision, ElectionId, Level, Membership,
    NewContest, NominateByParty, NominationId, ProduceBallots, RegisterCandidate, RuleSet,
};

use crate::demo_elections::{DISTRICT_ELECTION, RURAL_ELECTION, SimClock};

/// The repeat election in the unit whose two leaders tied on 5 Nov 2023, called for 14 Jan 2024
/// and left open for the demo's users.
pub const REPEAT_ELECTION: ElectionId = ElectionId(uuid::Uuid::from_u128(0x2024_0114));
use crate::{Acting, App, AppError};

/// The turnout the demo reaches, in hundredths of a percent (rules.md §6: 62.79 %).
pub const TURNOUT_BASIS_POINTS: u64 = 6_279;

/// The average age of the winners the demo reaches, in tenths of a year (rules.md §6: 46.7).
pub const WINNERS_AGE_TENTHS: u64 = 467;

/// The units whose AMANAT nominee the seed article names (seed 000: Uil, Beineu).
const SEED_UNITS: [&str; 2] = ["155200000", "473600000"];

/// The unit whose two leaders tie (a district of Kostanay region; not a seed's unit).
pub const TIE_UNIT: &str = "394000000";

fn bad(what: &str) -> AppError {
    AppError::NotFound(crate::Thing::Other, format!("demo election day: {what}"))
}

/// A fixed pseudo-random sequence (SplitMix64): the same numbers on every run.
struct Mix(u64);

impl Mix {
    fn new(seed: u64) -> Mix {
        Mix(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `lo..=hi`.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// A candidate on the ballot: registration number, age on election day, party nominee of
/// AMANAT, declared the sitting akim.
#[derive(Debug, Clone)]
struct OnBallot {
    number: u32,
    age: u32,
    amanat: bool,
    incumbent: bool,
}

/// One contest's plan: its precincts, its candidates and who leads.
struct ContestPlan {
    contest: Contest,
    precincts: Vec<Precinct>,
    candidates: Vec<OnBallot>,
    /// The registration number of the winner (or the first of the two who tie).
    leader: u32,
    /// The second of the two who tie.
    tied_with: Option<u32>,
}

/// The instant of a local `HH:MM` on election day in the contest's zone.
fn local(election: &Election, contest: &Contest, hhmm: &str) -> Result<Timestamp, AppError> {
    let tz = zones::named_zone(contest.zone()).map_err(|e| bad(&e.to_string()))?;
    let (h, m) = hhmm.split_once(':').ok_or_else(|| bad("a report time"))?;
    let (h, m) = (
        h.parse::<i8>().map_err(|_| bad("an hour"))?,
        m.parse::<i8>().map_err(|_| bad("a minute"))?,
    );
    election
        .election_day
        .at(h, m, 0, 0)
        .to_zoned(tz)
        .map(|z| z.timestamp())
        .map_err(|e| bad(&e.to_string()))
}

/// The candidates standing in a contest, by registration number, with their age on `day`.
async fn on_ballot(app: &App, contest: &Contest, day: Date) -> Result<Vec<OnBallot>, AppError> {
    let amanat = PartyCode::parse("amanat").map_err(|r| AppError::BadRequest(r.english()))?;
    let mut out: Vec<OnBallot> = app
        .store
        .contest_nominations(&contest.id)
        .await?
        .into_iter()
        .filter_map(|n| match n.status {
            Status::Registered { number } => Some(OnBallot {
                number,
                age: u32::try_from(n.candidate.person.age_on(day)).unwrap_or(0),
                amanat: n.route.party() == Some(&amanat),
                incumbent: n.candidate.incumbent,
            }),
            _ => None,
        })
        .collect();
    out.sort_by_key(|c| c.number);
    Ok(out)
}

/// Voters who took part in each precinct, summing exactly to `total`: each precinct's share
/// varies around the national turnout, never above its list.
fn turnout_per_precinct(precincts: &[&Precinct], total: u64, mix: &mut Mix) -> Vec<u64> {
    let voters: u64 = precincts.iter().map(|p| u64::from(p.voters)).sum();
    let mut voted: Vec<u64> = precincts
        .iter()
        .map(|p| {
            let v = u64::from(p.voters);
            // ±12 points around the national turnout, in basis points.
            let bp = (TURNOUT_BASIS_POINTS + mix.between(0, 2_400)).saturating_sub(1_200);
            (v * bp / 10_000).min(v)
        })
        .collect();
    let mut sum: u64 = voted.iter().sum();
    let target = total.min(voters);
    // Walk the precincts one voter at a time until the national figure is exact.
    let mut i = 0usize;
    let mut guard = 0u64;
    while sum != target && guard < 100 * voters.max(1) {
        let v = u64::from(precincts[i].voters);
        if sum < target && voted[i] < v {
            voted[i] += 1;
            sum += 1;
        } else if sum > target && voted[i] > 0 {
            voted[i] -= 1;
            sum -= 1;
        }
        i = (i + 1) % precincts.len();
        guard += 1;
    }
    voted
}

/// The protocol of a precinct where `voted` voters took part, the candidate lines split by
/// `shares` (per mille, by registration number) with a little noise per precinct.
fn protocol(
    precinct: &Precinct,
    voted: u64,
    shares: &[(u32, u64)],
    mix: &mut Mix,
) -> ProtocolNumbers {
    let voters = u64::from(precinct.voters);
    let outside = voted * mix.between(15, 45) / 1_000;
    let absentee = voted * mix.between(0, 6) / 1_000;
    let inside = voted - outside - absentee;
    // Ballots come in packs of ten, never fewer than the voters on the list.
    let received = voters.div_ceil(10) * 10;
    let lost = u64::from(voted > 0 && mix.between(0, 8) == 0);
    let found = voted - lost;
    let invalid = found * mix.between(5, 20) / 1_000;
    let against = found * mix.between(20, 60) / 1_000;
    let valid = found - invalid - against;
    // Noise: the leader's share moves by up to ±60 per mille, the others in proportion.
    let noise = mix.between(0, 120);
    let total: u64 = shares.iter().map(|(_, s)| *s).sum();
    let mut lines: BTreeMap<u32, u64> = BTreeMap::new();
    let mut given = 0;
    for (k, (number, share)) in shares.iter().enumerate() {
        let adjusted = if k == 0 {
            (share + noise).saturating_sub(60)
        } else {
            *share
        };
        let votes = valid * adjusted / total.max(1);
        let votes = votes.min(valid - given);
        given += votes;
        lines.insert(*number, votes);
    }
    if let Some((first, _)) = shares.first()
        && let Some(v) = lines.get_mut(first)
    {
        *v += valid - given;
    }
    let mut fields = BTreeMap::new();
    for (k, v) in [
        ("voters_on_list", voters),
        ("ballots_received", received),
        ("issued_inside", inside),
        ("issued_outside", outside),
        ("issued_absentee", absentee),
        ("cancelled", received - voted),
        ("found_in_boxes", found),
        ("invalid", invalid),
        ("against_all", against),
    ] {
        fields.insert(k.to_owned(), v);
    }
    ProtocolNumbers {
        fields,
        candidates: lines,
    }
}

/// Turnout reports through the day: cumulative shares of the final number, never decreasing,
/// the last one (the close) equal to it.
fn reports(times: &[String], voted: u64, mix: &mut Mix) -> Vec<(String, u64)> {
    let n = times.len() as u64;
    let mut last = 0;
    times
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let k = k as u64 + 1;
            let base = 1_000 * k / n;
            let share = if k == n {
                1_000
            } else {
                (base + mix.between(0, 60)).saturating_sub(30).min(1_000)
            };
            let v = (voted * share / 1_000).max(last);
            last = v;
            (t.clone(), v)
        })
        .collect()
}

/// Whether the demo keeps a contest's winner as it is: the seed's nominees win where the article
/// names them, and the sitting akims the demo declares are re-elected (rules.md §8: 29).
fn fixed(p: &ContestPlan) -> bool {
    SEED_UNITS.contains(&p.contest.unit.as_str())
        || p.candidates
            .iter()
            .any(|c| c.number == p.leader && c.incumbent)
}

/// Chooses the winners: AMANAT's nominee by default, then the fewest changes that bring the
/// average age of the winners to [`WINNERS_AGE_TENTHS`] (rounded to a tenth), never in a
/// [`fixed`] contest.
fn choose_leaders(plans: &mut [ContestPlan]) -> Result<(), AppError> {
    let winners: Vec<usize> = (0..plans.len())
        .filter(|&i| plans[i].tied_with.is_none())
        .collect();
    let count = winners.len() as u64;
    if count == 0 {
        return Err(bad("no contest to win"));
    }
    let age = |p: &ContestPlan, n: u32| -> u64 {
        p.candidates
            .iter()
            .find(|c| c.number == n)
            .map(|c| u64::from(c.age))
            .unwrap_or(0)
    };
    // sum/count rounds to the target tenth: 10·sum ∈ [count·(t − 0.5), count·(t + 0.5)).
    let lo = (count * (2 * WINNERS_AGE_TENTHS - 1)).div_ceil(20);
    let hi = (count * (2 * WINNERS_AGE_TENTHS + 1) - 1) / 20;
    for _ in 0..plans.len() {
        let sum: u64 = winners
            .iter()
            .map(|&i| age(&plans[i], plans[i].leader))
            .sum();
        if (lo..=hi).contains(&sum) {
            return Ok(());
        }
        // The change of one winner that lands closest to the range.
        let want = if sum < lo { lo } else { hi };
        let mut best: Option<(u64, usize, u32)> = None;
        for &i in &winners {
            let p = &plans[i];
            if fixed(p) {
                continue;
            }
            let now = age(p, p.leader);
            for c in &p.candidates {
                let after = sum - now + u64::from(c.age);
                let dist = after.abs_diff(want);
                if dist < sum.abs_diff(want) && best.is_none_or(|(d, _, _)| dist < d) {
                    best = Some((dist, i, c.number));
                }
            }
        }
        match best {
            Some((_, i, n)) => plans[i].leader = n,
            None => return two_changes(plans, &winners, sum, lo..=hi),
        }
    }
    Err(bad("the average age of the winners"))
}

/// When no single change of winner improves the sum of ages, two changes that land in `range`.
fn two_changes(
    plans: &mut [ContestPlan],
    winners: &[usize],
    sum: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<(), AppError> {
    let age_of = |p: &ContestPlan, n: u32| -> i64 {
        p.candidates
            .iter()
            .find(|c| c.number == n)
            .map(|c| i64::from(c.age))
            .unwrap_or(0)
    };
    let free: Vec<usize> = winners
        .iter()
        .copied()
        .filter(|&i| !fixed(&plans[i]))
        .collect();
    let deltas = |i: usize| -> Vec<(i64, u32)> {
        let p = &plans[i];
        let now = age_of(p, p.leader);
        p.candidates
            .iter()
            .map(|c| (i64::from(c.age) - now, c.number))
            .collect()
    };
    for (x, &i) in free.iter().enumerate() {
        for &j in &free[x + 1..] {
            for (di, ni) in deltas(i) {
                for (dj, nj) in deltas(j) {
                    let after = sum as i64 + di + dj;
                    if after >= 0 && range.contains(&(after as u64)) {
                        plans[i].leader = ni;
                        plans[j].leader = nj;
                        return Ok(());
                    }
                }
            }
        }
    }
    Err(bad("no choice of winners reaches the average age"))
}

/// The district election's day: turnout reports, protocols, one amendment, one differing
/// observer's copy, certification of every contest.
pub async fn district(app: &App, sim: &SimClock) -> Result<(), AppError> {
    let op = Acting::Operator;
    let election = app
        .store
        .election(&DISTRICT_ELECTION)
        .await?
        .ok_or_else(|| bad("the district election"))?;
    let rules = election.rules()?;
    let mut plans = Vec::new();
    for contest in app.store.contests_of(&DISTRICT_ELECTION).await? {
        // By number (one region per unit).
        let precincts = app.store.unit_precincts(&contest.unit).await?;
        let candidates = on_ballot(app, &contest, election.election_day).await?;
        let amanat = candidates
            .iter()
            .find(|c| c.amanat)
            .or_else(|| candidates.first())
            .ok_or_else(|| bad("a contest without candidates"))?
            .number;
        let tied_with = (contest.unit.as_str() == TIE_UNIT)
            .then(|| candidates.iter().find(|c| c.number != amanat))
            .flatten()
            .map(|c| c.number);
        plans.push(ContestPlan {
            contest,
            precincts,
            candidates,
            leader: amanat,
            tied_with,
        });
    }
    choose_leaders(&mut plans)?;

    // Who took part, precinct by precinct, to the national figure.
    let mut mix = Mix::new(0x2023_1105);
    let all: Vec<&Precinct> = plans.iter().flat_map(|p| p.precincts.iter()).collect();
    let voters: u64 = all.iter().map(|p| u64::from(p.voters)).sum();
    let total = (voters * TURNOUT_BASIS_POINTS + 5_000) / 10_000;
    let voted: Vec<u64> = turnout_per_precinct(&all, total, &mut mix);
    let mut voted_of: BTreeMap<(String, u32), u64> = BTreeMap::new();
    for (p, v) in all.iter().zip(&voted) {
        voted_of.insert((p.region_code.as_str().to_owned(), p.number), *v);
    }
    let voted_in = |p: &Precinct| -> u64 {
        voted_of
            .get(&(p.region_code.as_str().to_owned(), p.number))
            .copied()
            .unwrap_or(0)
    };

    // Turnout reports, in the order of the clock across the zones. Every 97th precinct misses
    // its first report; every 89th files its second one late, with the third.
    let times = &rules.election_day.turnout_report_times;
    let mut slots: Vec<(Timestamp, usize, usize)> = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        for (k, t) in times.iter().enumerate() {
            slots.push((local(&election, &plan.contest, t)?, i, k));
        }
    }
    slots.sort();
    let mut series: BTreeMap<(usize, usize), Vec<(String, u64)>> = BTreeMap::new();
    for (i, plan) in plans.iter().enumerate() {
        for (j, p) in plan.precincts.iter().enumerate() {
            series.insert((i, j), reports(times, voted_in(p), &mut mix));
        }
    }
    let mut batch_at: Option<Timestamp> = None;
    let mut batch: Vec<Issued> = Vec::new();
    for (at, i, k) in slots {
        if batch_at != Some(at) {
            if !batch.is_empty() {
                app.execute_batch(&op, std::mem::take(&mut batch)).await?;
            }
            sim.set_at(at + jiff::SignedDuration::from_mins(5));
            batch_at = Some(at);
        }
        let plan = &plans[i];
        for (j, p) in plan.precincts.iter().enumerate() {
            let s = &series[&(i, j)];
            let report = |k: usize| -> Issued {
                ReportTurnout {
                    election: DISTRICT_ELECTION,
                    precinct: p.reference(),
                    at: s[k].0.clone(),
                    voted: s[k].1,
                }
                .into()
            };
            let missing_first = p.number % 97 == 0 && k == 0;
            let late_second = p.number % 89 == 0 && k == 1;
            if missing_first || late_second {
                continue;
            }
            if p.number % 89 == 0 && k == 2 {
                batch.push(report(1));
            }
            batch.push(report(k));
        }
    }
    if !batch.is_empty() {
        app.execute_batch(&op, batch).await?;
    }

    // The protocols, after the polls close everywhere (20:00 in the westernmost zone).
    let mut latest = Timestamp::UNIX_EPOCH;
    for plan in &plans {
        latest = latest.max(local(&election, &plan.contest, "20:00")?);
    }
    sim.set_at(latest + jiff::SignedDuration::from_mins(40));
    let mut entered: BTreeMap<usize, Vec<ProtocolNumbers>> = BTreeMap::new();
    for (i, plan) in plans.iter_mut().enumerate() {
        // Per mille: the leader 520–780, the others share the rest in decreasing parts; two
        // who tie share the most.
        let mut shares: Vec<(u32, u64)> = Vec::new();
        let others: Vec<u32> = plan
            .candidates
            .iter()
            .map(|c| c.number)
            .filter(|n| *n != plan.leader && Some(*n) != plan.tied_with)
            .collect();
        let lead = if plan.tied_with.is_some() {
            420
        } else {
            mix.between(520, 780)
        };
        shares.push((plan.leader, lead));
        if let Some(t) = plan.tied_with {
            shares.push((t, lead));
        }
        let rest = 1_000u64.saturating_sub(lead * shares.len() as u64);
        let mut left = rest;
        for (k, n) in others.iter().enumerate() {
            let s = if k + 1 == others.len() {
                left
            } else {
                left * 6 / 10
            };
            left -= s;
            shares.push((*n, s));
        }
        let mut numbers: Vec<ProtocolNumbers> = plan
            .precincts
            .iter()
            .map(|p| protocol(p, voted_in(p), &shares, &mut mix))
            .collect();
        if let Some(t) = plan.tied_with {
            tie(&mut numbers, plan.leader, t);
        }
        entered.insert(i, numbers);
    }
    for (i, plan) in plans.iter().enumerate() {
        let batch: Vec<Issued> = plan
            .precincts
            .iter()
            .zip(&entered[&i])
            .map(|(p, n)| {
                EnterProtocol {
                    election: DISTRICT_ELECTION,
                    precinct: p.reference(),
                    numbers: n.clone(),
                }
                .into()
            })
            .collect();
        app.execute_batch(&op, batch).await?;
    }

    // An observer's copy that differs from the accepted protocol (three votes moved from the
    // leader to "against all"), in the first precinct of the first region, where the demo's
    // observer is accredited.
    let region = app
        .store
        .territory_children(None)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| bad("a region"))?
        .code;
    let (first, (p0, n0)) = plans
        .iter()
        .enumerate()
        .find_map(|(i, plan)| {
            plan.precincts
                .iter()
                .zip(&entered[&i])
                .find(|(p, _)| p.region_code == region)
                .map(|pn| (plan, pn))
        })
        .ok_or_else(|| bad("a precinct in the first region"))?;
    let mut copy = n0.clone();
    shift(&mut copy, first.leader, 3);
    sim.set_at(latest + jiff::SignedDuration::from_mins(90));
    let observer = Acting::Account(Principal {
        username: Username::parse("observer").map_err(|r| AppError::BadRequest(r.english()))?,
        role: Role::Observer,
        scope: Scope::Global,
    });
    app.execute(
        &observer,
        RecordObserverCopy {
            election: DISTRICT_ELECTION,
            precinct: p0.reference(),
            numbers: copy,
        },
    )
    .await?;

    // An amendment the next morning: two ballots counted invalid were valid votes for the
    // leader (the second unit's second precinct).
    sim.set_at(latest + jiff::SignedDuration::from_hours(14));
    let second = plans.get(1).ok_or_else(|| bad("a second contest"))?;
    if let (Some(p), Some(n)) = (second.precincts.get(1), entered[&1].get(1)) {
        let mut amended = n.clone();
        let invalid = amended.fields.entry("invalid".into()).or_insert(0);
        let moved = (*invalid).min(2);
        *invalid -= moved;
        *amended.candidates.entry(second.leader).or_insert(0) += moved;
        app.execute(
            &op,
            AmendProtocol {
                election: DISTRICT_ELECTION,
                precinct: p.reference(),
                numbers: amended,
                reason: "Повторный пересчёт: два бюллетеня, признанные недействительными, \
                         содержат отметку за кандидата (демонстрационные данные)"
                    .into(),
            },
        )
        .await?;
    }

    // Certification by the territorial commissions two days after the vote.
    sim.set_at(latest + jiff::SignedDuration::from_hours(40));
    app.execute_batch(
        &op,
        plans
            .iter()
            .map(|p| {
                CertifyResults {
                    contest: p.contest.id,
                }
                .into()
            })
            .collect(),
    )
    .await?;
    let tie = plans
        .iter()
        .find(|p| p.tied_with.is_some())
        .ok_or_else(|| bad("the tie"))?;
    let tied = [Some(tie.leader), tie.tied_with];
    repeat(app, sim, &tie.contest, &tied).await
}

/// The repeat election in the unit whose leaders tied: called by the CEC on 10 Nov 2023 for
/// 14 Jan 2024, the two who tied nominated again by the same routes, registered, the ballots
/// produced; its election day is left to the demo's users (the `precinct` demo account enters
/// protocols of two of its precincts).
async fn repeat(
    app: &App,
    sim: &SimClock,
    tied_contest: &Contest,
    tied: &[Option<u32>],
) -> Result<(), AppError> {
    let op = Acting::Operator;
    let unit = app
        .store
        .territory(&tied_contest.unit)
        .await?
        .ok_or_else(|| bad("the unit"))?;
    let contest = ContestId(uuid::Uuid::from_u128(0x2024_0114_0001));
    sim.set("2023-11-10T04:00:00Z");
    app.execute(
        &op,
        CallElection {
            election: REPEAT_ELECTION,
            names: Names {
                ru: format!(
                    "Повторные выборы акима: {}, 14 января 2024 года (демо)",
                    unit.names.ru
                ),
                kk: format!(
                    "Әкімнің қайта сайлауы: {}, 2024 жылғы 14 қаңтар (демо)",
                    unit.names.kk
                ),
                en: format!(
                    "Repeat election of the akim: {}, 14 January 2024 (demo)",
                    unit.names.en
                ),
            },
            level: Level::District,
            election_day: jiff::civil::date(2024, 1, 14),
            territory: None,
            contests: vec![NewContest {
                id: contest,
                unit: unit.code.clone(),
            }],
            rule_set: KZ_AKIM_DISTRICT_2023.into(),
            rule_set_sha256: RuleSet::digest(KZ_AKIM_DISTRICT_2023),
        },
    )
    .await?;
    // The two who tied stand again, by the routes they took in November.
    sim.set("2023-11-15T05:00:00Z");
    let before = app.store.contest_nominations(&tied_contest.id).await?;
    let mut again = Vec::new();
    for (k, n) in before
        .iter()
        .filter(|n| match n.status {
            Status::Registered { number } => tied.contains(&Some(number)),
            _ => false,
        })
        .enumerate()
    {
        let id = NominationId(uuid::Uuid::from_u128(0x2024_0114_0100 + k as u128));
        let command: Issued = match n.route.party() {
            Some(party) => NominateByParty {
                nomination: id,
                contest,
                candidate: n.candidate.clone(),
                party: party.clone(),
                decision: Decision {
                    number: "1".into(),
                    date: jiff::civil::date(2023, 11, 14),
                    body: format!(
                        "Внеочередная конференция районного филиала, {}, демонстрационные данные",
                        unit.names.ru
                    ),
                },
                membership: Membership {
                    document: "партийный билет (демонстрационные данные)".into(),
                },
            }
            .into(),
            None => ApplySelfNomination {
                nomination: id,
                contest,
                candidate: n.candidate.clone(),
            }
            .into(),
        };
        app.execute(&op, command).await?;
        again.push((id, n.route.party().is_some()));
    }
    let contest_now = app
        .store
        .contest(&contest)
        .await?
        .ok_or_else(|| bad("the repeat contest"))?;
    let rules = RuleSet::parse(KZ_AKIM_DISTRICT_2023)
        .map_err(|e| sailau_domain::elections::rule_set_errors(&e))?;
    sim.set("2023-11-20T05:00:00Z");
    for (k, (id, party)) in again.iter().enumerate() {
        if !party {
            let lines = crate::demo_elections::signers(
                &contest_now.unit,
                900 + k as u32,
                rules.signatures_required(contest_now.voters),
                jiff::civil::date(2023, 11, 18),
            );
            app.record_signature_sheets(&op, *id, lines).await?;
        }
    }
    sim.set("2023-11-25T05:00:00Z");
    let mut batch: Vec<Issued> = Vec::new();
    for (id, party) in &again {
        let docs: &[&str] = if *party {
            &crate::demo_elections::PARTY_DOCS
        } else {
            &crate::demo_elections::SELF_DOCS
        };
        batch.extend(crate::demo_elections::ticks_and_deposit(
            *id,
            docs,
            // 50 minimum wages of 2024 (rule set, [deposit.minimum_wage]).
            425_000,
            jiff::civil::date(2023, 11, 22),
        ));
        batch.push(RegisterCandidate { nomination: *id }.into());
    }
    app.execute_batch(&op, batch).await?;
    sim.set("2023-12-20T05:00:00Z");
    app.execute(&op, ProduceBallots { contest }).await?;
    Ok(())
}

/// Moves `n` votes of candidate `from` to "against all" (the copy still balances).
fn shift(numbers: &mut ProtocolNumbers, from: u32, n: u64) {
    if let Some(v) = numbers.candidates.get_mut(&from) {
        let moved = (*v).min(n);
        *v -= moved;
        *numbers.fields.entry("against_all".into()).or_insert(0) += moved;
    }
}

/// Makes `a` and `b` tie across the contest's protocols: votes move between the two (and one
/// from "against all" when the difference is odd), every protocol still balancing.
fn tie(numbers: &mut [ProtocolNumbers], a: u32, b: u32) {
    let total = |numbers: &[ProtocolNumbers], n: u32| -> u64 {
        numbers
            .iter()
            .map(|p| p.candidates.get(&n).copied().unwrap_or(0))
            .sum()
    };
    let (ta, tb) = (total(numbers, a), total(numbers, b));
    let (high, low) = if ta >= tb { (a, b) } else { (b, a) };
    let mut diff = ta.abs_diff(tb);
    if diff % 2 == 1 {
        for p in numbers.iter_mut() {
            let against = p.fields.entry("against_all".into()).or_insert(0);
            if *against > 0 {
                *against -= 1;
                *p.candidates.entry(low).or_insert(0) += 1;
                diff -= 1;
                break;
            }
        }
    }
    let mut half = diff / 2;
    for p in numbers.iter_mut() {
        if half == 0 {
            break;
        }
        let have = p.candidates.get(&high).copied().unwrap_or(0);
        let moved = have.min(half);
        if let Some(v) = p.candidates.get_mut(&high) {
            *v -= moved;
        }
        *p.candidates.entry(low).or_insert(0) += moved;
        half -= moved;
    }
}

/// The rural election's day (17 Sep 2023, two precincts, double entry): turnout reports, the
/// two operators' entries with one disagreement resolved, certification.
pub async fn rural(app: &App, sim: &SimClock) -> Result<(), AppError> {
    let election = app
        .store
        .election(&RURAL_ELECTION)
        .await?
        .ok_or_else(|| bad("the rural election"))?;
    let rules = election.rules()?;
    let contest = app
        .store
        .contests_of(&RURAL_ELECTION)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| bad("the rural contest"))?;
    // By number.
    let precincts = app.store.precincts_of(&contest.unit).await?;
    let candidates = on_ballot(app, &contest, election.election_day).await?;
    let shares: Vec<(u32, u64)> = candidates
        .iter()
        .zip([610u64, 390])
        .map(|(c, s)| (c.number, s))
        .collect();
    let mut mix = Mix::new(0x2023_0917);
    let op = Acting::Operator;
    let times = &rules.election_day.turnout_report_times;
    let voted: Vec<u64> = precincts
        .iter()
        .map(|p| u64::from(p.voters) * mix.between(640, 720) / 1_000)
        .collect();
    let series: Vec<Vec<(String, u64)>> =
        voted.iter().map(|v| reports(times, *v, &mut mix)).collect();
    for (k, t) in times.iter().enumerate() {
        sim.set_at(local(&election, &contest, t)? + jiff::SignedDuration::from_mins(5));
        let batch: Vec<Issued> = precincts
            .iter()
            .zip(&series)
            .map(|(p, s)| {
                ReportTurnout {
                    election: RURAL_ELECTION,
                    precinct: p.reference(),
                    at: s[k].0.clone(),
                    voted: s[k].1,
                }
                .into()
            })
            .collect();
        app.execute_batch(&op, batch).await?;
    }
    sim.set_at(local(&election, &contest, "20:00")? + jiff::SignedDuration::from_mins(50));
    // The two operators: the installation's operator and the CEC's demo account (the role and
    // scope are read from the account when the command runs).
    let first = Acting::Operator;
    let second = Acting::Account(Principal {
        username: Username::parse("cec").map_err(|r| AppError::BadRequest(r.english()))?,
        role: Role::CecMember,
        scope: Scope::Global,
    });
    for (p, v) in precincts.iter().zip(&voted) {
        let numbers = protocol(p, *v, &shares, &mut mix);
        let enter = |numbers: ProtocolNumbers| EnterProtocol {
            election: RURAL_ELECTION,
            precinct: p.reference(),
            numbers,
        };
        if p.number == precincts[0].number {
            // The first operator mistypes the invalid ballots and a candidate's line; the
            // second enters the paper's numbers; the entries differ field by field until the
            // first operator checks the paper and enters it again.
            let mut typo = numbers.clone();
            if let Some(first_line) = shares.first().map(|s| s.0) {
                *typo.fields.entry("invalid".into()).or_insert(0) += 1;
                if let Some(v) = typo.candidates.get_mut(&first_line) {
                    *v = v.saturating_sub(1);
                }
            }
            app.execute(&first, enter(typo)).await?;
            app.execute(&second, enter(numbers.clone())).await?;
            app.execute(&first, enter(numbers)).await?;
        } else {
            app.execute(&first, enter(numbers.clone())).await?;
            app.execute(&second, enter(numbers)).await?;
        }
    }
    sim.set_at(local(&election, &contest, "20:00")? + jiff::SignedDuration::from_hours(20));
    app.execute(
        &op,
        CertifyResults {
            contest: contest.id,
        },
    )
    .await?;
    Ok(())
}

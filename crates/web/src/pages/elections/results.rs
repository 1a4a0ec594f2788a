//! Public results (issue 12 §4–6): pages per election, region, unit and precinct with SVG charts
//! of the votes, the commission's certification form, and live updates.
//!
//! Everything shown comes from [`sailau_app::App::election_results`], computed once per ledger
//! size. Anonymous pages are also kept rendered in memory, keyed by path, language and the
//! ledger size the results were computed at ([`PageCache`]), so a page view costs a lookup.
//! Pages work without JavaScript; with it, `results.js` listens to the server-sent events of
//! `…/results/live` (one event per ledger change, on any instance sharing the database) and
//! swaps in the fresh `#results` section.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use sailau_app::elections::open_data;
use sailau_app::elections::results::{ElectionResults, PrecinctResult, UnitResults};
use sailau_domain::elections::certification::CertifyResults;
use sailau_domain::elections::tabulation::{
    Counts, Outcome, ResultStatus, Statistics, Summary, percent,
};
use sailau_domain::elections::{ContestId, ElectionId};
use sailau_domain::{CommandKind, PrecinctRef, Target, TerritoryCode};

use super::{crumbs_root, election_href, election_id, territory_path};
use crate::WebState;
use crate::pages::forms::see_other;
use crate::pages::territories::execute;
use crate::pages::{Fail, Page, PageCtx, check_form, form_map, may};

/// The routes of the results pages.
pub fn router() -> Router<WebState> {
    Router::new()
        .route("/elections/results.js", get(script))
        .route("/elections/{election}/results", get(election_page))
        .route("/elections/{election}/results/live", get(live))
        .route("/elections/{election}/results.json", get(results_json))
        .route("/elections/{election}/results/nist.json", get(nist_json))
        .route(
            "/elections/{election}/results/precincts.csv",
            get(precincts_csv),
        )
        .route("/elections/{election}/results/units.csv", get(units_csv))
        .route(
            "/elections/{election}/results/regions/{region}",
            get(region_page),
        )
        .route(
            "/elections/{election}/results/contests/{contest}",
            get(unit_page).post(certify),
        )
        .route(
            "/elections/{election}/results/contests/{contest}/precincts/{region}/{number}",
            get(precinct_page),
        )
}

/// The path of an election's results.
pub fn results_href(election: &ElectionId) -> String {
    format!("/elections/{election}/results")
}

fn region_href(election: &ElectionId, region: &TerritoryCode) -> String {
    format!("/elections/{election}/results/regions/{region}")
}

fn unit_href(election: &ElectionId, contest: &ContestId) -> String {
    format!("/elections/{election}/results/contests/{contest}")
}

fn precinct_href(election: &ElectionId, contest: &ContestId, p: &PrecinctRef) -> String {
    format!(
        "/elections/{election}/results/contests/{contest}/precincts/{}/{}",
        p.region_code, p.number
    )
}

/// Rendered anonymous pages: `(path, language)` → the ledger size they show and the HTML.
#[derive(Default)]
pub struct PageCache(Mutex<HashMap<PageKey, (u64, Arc<str>)>>);

/// A cached page's key: its path and language.
type PageKey = (String, &'static str);

impl PageCache {
    fn get(&self, key: &(String, &'static str), size: u64) -> Option<Arc<str>> {
        let m = self.0.lock().ok()?;
        m.get(key)
            .filter(|(s, _)| *s == size)
            .map(|(_, h)| h.clone())
    }

    fn put(&self, key: (String, &'static str), size: u64, html: Arc<str>) {
        if let Ok(mut m) = self.0.lock() {
            m.insert(key, (size, html));
        }
    }
}

/// Serves a results page: from the cache for anonymous readers when the results have not
/// changed, else rendered by `render` (and cached when anonymous).
async fn serve<T: Template>(
    page: &Page,
    state: &WebState,
    election: &ElectionId,
    render: impl FnOnce(&PageCtx, &ElectionResults) -> Result<T, Fail>,
) -> Result<Response, Fail> {
    let results = state.app.election_results(election).await?;
    let anonymous = page.session.is_none();
    let key = cache_key(page, state);
    if anonymous && let Some(html) = state.results_pages.get(&key, results.ledger_size) {
        return Ok(html_response(html));
    }
    let t = render(&page.ctx, &results)?;
    let html: Arc<str> = t
        .render()
        .map_err(|e| Fail::Internal(e.to_string()))?
        .into();
    if anonymous {
        state
            .results_pages
            .put(key, results.ledger_size, html.clone());
    }
    Ok(html_response(html))
}

/// A cached page's key: its path in a quarter of an hour of the clock (the turnout chart flags
/// the reports due by now, which changes with the time as well as with the ledger), and its
/// language.
fn cache_key(page: &Page, state: &WebState) -> PageKey {
    let quarter = state.app.now_ms().div_euclid(15 * 60 * 1000);
    (format!("{}#{quarter}", page.ctx.path), page.ctx.lang)
}

/// The cached page for an anonymous reader, when the results have not changed since it was
/// rendered (pages that read more than the results check this before reading).
async fn cached(page: &Page, state: &WebState, id: &ElectionId) -> Result<Option<Response>, Fail> {
    if page.session.is_some() {
        return Ok(None);
    }
    let results = state.app.election_results(id).await?;
    Ok(state
        .results_pages
        .get(&cache_key(page, state), results.ledger_size)
        .map(html_response))
}

fn html_response(html: Arc<str>) -> Response {
    (
        [(CACHE_CONTROL, "no-cache")],
        Html(axum::body::Body::from(html.to_string())),
    )
        .into_response()
}

// ---------------------------------------------------------------- views

/// A number as a share, two decimals, in the reader's notation (`62,79` in ru and kk).
pub(crate) fn pct(ctx: &PageCtx, value: f64) -> String {
    let s = format!("{value:.2}");
    if ctx.lang == "en" {
        s
    } else {
        s.replace('.', ",")
    }
}

/// One bar of the votes chart and its table row.
pub struct Bar {
    /// The candidate's name (or «против всех»).
    pub name: String,
    /// Party or route in words.
    pub nominated_by: String,
    /// Votes, formatted.
    pub votes: String,
    /// Share, formatted, with `%`.
    pub share: String,
    /// Bar length in chart units (0–600).
    pub width: u32,
    /// The y position of the bar in the SVG.
    pub y: u32,
    /// Elected (or leading while preliminary).
    pub first: bool,
    /// The deposit is refunded.
    pub refund: bool,
}

/// The chart's width for 100%.
const CHART_WIDTH: f64 = 600.0;
/// One bar's height with its gap.
const BAR_STEP: u32 = 34;

fn bars(
    ctx: &PageCtx,
    parties: &std::collections::BTreeMap<String, String>,
    u: &UnitResults,
    counts: &Counts<u32>,
) -> (Vec<Bar>, u32) {
    let found = counts.found_in_boxes;
    let winner = match &u.result.outcome {
        Outcome::Elected { winner } => Some(*winner),
        _ => None,
    };
    let mut lines: Vec<(u32, u64)> = u
        .candidates
        .iter()
        .map(|c| (c.number, counts.votes.get(&c.number).copied().unwrap_or(0)))
        .collect();
    lines.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<Bar> = lines
        .iter()
        .map(|(number, votes)| {
            let c = u.candidate(*number);
            let refund = u
                .result
                .lines
                .iter()
                .any(|l| l.candidate == *number && l.refund);
            bar(
                ctx,
                c.map(|c| c.name.clone()).unwrap_or_default(),
                c.map(|c| nominated_by(ctx, parties, c)).unwrap_or_default(),
                *votes,
                found,
                winner == Some(*number),
                refund,
            )
        })
        .collect();
    out.push(bar(
        ctx,
        ctx.tr("results-against-all"),
        String::new(),
        counts.against_all,
        found,
        false,
        false,
    ));
    for (i, b) in out.iter_mut().enumerate() {
        b.y = i as u32 * BAR_STEP;
    }
    let height = out.len() as u32 * BAR_STEP;
    (out, height)
}

fn bar(
    ctx: &PageCtx,
    name: String,
    nominated_by: String,
    votes: u64,
    found: u64,
    first: bool,
    refund: bool,
) -> Bar {
    let share = percent(votes, found);
    Bar {
        name,
        nominated_by,
        votes: ctx.num(votes),
        share: format!("{}%", pct(ctx, share)),
        width: (share / 100.0 * CHART_WIDTH).round() as u32,
        y: 0,
        first,
        refund,
    }
}

fn nominated_by(
    ctx: &PageCtx,
    parties: &std::collections::BTreeMap<String, String>,
    c: &sailau_app::elections::results::ResultCandidate,
) -> String {
    match &c.party {
        Some(p) => parties
            .get(p.as_str())
            .cloned()
            .unwrap_or_else(|| p.to_string()),
        None => ctx.tr(&format!(
            "results-route-{}",
            c.route.as_str().replace('_', "-")
        )),
    }
}

fn status_text(ctx: &PageCtx, s: ResultStatus) -> String {
    ctx.tr(&format!("results-status-{}", s.as_str()))
}

fn outcome_text(ctx: &PageCtx, u: &UnitResults) -> String {
    let name = |n: &u32| u.candidate(*n).map(|c| c.name.clone()).unwrap_or_default();
    let preliminary = u.result.status == ResultStatus::Preliminary;
    match &u.result.outcome {
        Outcome::NoVotes => ctx.tr("results-outcome-no-votes"),
        Outcome::Elected { winner } if preliminary => {
            ctx.tr_arg("results-outcome-leading", "candidate", name(winner))
        }
        Outcome::Elected { winner } => {
            ctx.tr_arg("results-outcome-elected", "candidate", name(winner))
        }
        Outcome::RunOff { first, second } => ctx.tr_args(
            "results-outcome-run-off",
            &[("first", name(first)), ("second", name(second))],
        ),
        Outcome::RepeatTie { tied } => ctx.tr_arg(
            "results-outcome-repeat-tie",
            "candidates",
            tied.iter().map(name).collect::<Vec<_>>().join(", "),
        ),
        Outcome::RepeatLowTurnout => ctx.tr("results-outcome-repeat-low-turnout"),
        Outcome::RepeatAgainstAll => ctx.tr("results-outcome-repeat-against-all"),
    }
}

/// One report time on the turnout chart and its table row.
pub struct TurnoutPoint {
    /// `HH:MM` local.
    pub time: String,
    /// Voters who had voted by then (running total), formatted; "—" before any report.
    pub voted: String,
    /// Turnout with `%`, or "—".
    pub percent: String,
    /// "12 of 30" precincts that reported at this time.
    pub reported: String,
    /// Precincts whose report is due and missing.
    pub missing: usize,
    /// Reports made later than the grace period after their time.
    pub late: usize,
    /// Whether the time has come (in every unit's zone).
    pub due: bool,
    /// The point's x in the SVG.
    pub x: u32,
    /// The point's y in the SVG.
    pub y: u32,
}

/// The turnout through the day for a set of units: one point per report time of the rule set.
pub struct TurnoutChart {
    /// The points, in the rule set's order.
    pub points: Vec<TurnoutPoint>,
    /// The SVG polyline of the due points.
    pub line: String,
}

/// The SVG's plot area: x from 50 to 570, y from 190 (0%) to 10 (100%).
const PLOT_LEFT: f64 = 50.0;
const PLOT_WIDTH: f64 = 520.0;
const PLOT_BOTTOM: f64 = 190.0;
const PLOT_HEIGHT: f64 = 180.0;

/// The turnout chart of `units` at `now_ms`: for each report time the running total of voters
/// who had voted (each precinct's latest report at or before that time, so a missing report
/// does not drop the total), as a share of the voters on the registry's lists of every precinct
/// of the units; the precincts that reported at that time; those whose report is due (the time
/// has come in the unit's zone) and missing; and those reported later than the rule set's
/// `turnout_grace_minutes` after their time (late).
pub fn turnout_chart(
    ctx: &PageCtx,
    r: &ElectionResults,
    units: &[&UnitResults],
    rows: &[sailau_app::storage::election_day::TurnoutRow],
    now_ms: i64,
) -> TurnoutChart {
    let Ok(rules) = r.election.rules() else {
        return TurnoutChart {
            points: Vec::new(),
            line: String::new(),
        };
    };
    let times = &rules.election_day.turnout_report_times;
    let grace_ms = i64::from(rules.election_day.turnout_grace_minutes) * 60 * 1000;
    let mut by_precinct: HashMap<
        &PrecinctRef,
        Vec<&sailau_app::storage::election_day::TurnoutRow>,
    > = HashMap::new();
    for row in rows {
        by_precinct.entry(&row.precinct).or_default().push(row);
    }
    let n = times.len();
    let mut voted = vec![0u64; n];
    let mut any = vec![false; n];
    let mut reported = vec![0usize; n];
    let mut missing = vec![0usize; n];
    let mut late = vec![0usize; n];
    let mut due = vec![true; n];
    let mut voters = 0u64;
    let mut total = 0usize;
    for u in units {
        let tz = sailau_domain::elections::zones::named_zone(u.contest.zone()).ok();
        let slots: Vec<Option<i64>> = times
            .iter()
            .map(|t| {
                let (time, _) = sailau_domain::elections::rules::parse_time(t)?;
                let zoned = r
                    .election
                    .election_day
                    .to_datetime(time)
                    .to_zoned(tz.clone()?)
                    .ok()?;
                Some(zoned.timestamp().as_millisecond())
            })
            .collect();
        for (i, slot) in slots.iter().enumerate() {
            if slot.is_none_or(|s| s > now_ms) {
                due[i] = false;
            }
        }
        for p in &u.precincts {
            voters += u64::from(p.voters);
            total += 1;
            let reports = by_precinct
                .get(&p.precinct)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for (i, t) in times.iter().enumerate() {
                let at = reports.iter().find(|x| &x.at == t);
                match at {
                    Some(x) => {
                        reported[i] += 1;
                        if slots[i].is_some_and(|s| x.reported_at_ms > s + grace_ms) {
                            late[i] += 1;
                        }
                    }
                    None if slots[i].is_some_and(|s| s <= now_ms) => missing[i] += 1,
                    None => {}
                }
                // "HH:MM" times order as text.
                if let Some(latest) = reports
                    .iter()
                    .filter(|x| x.at.as_str() <= t.as_str())
                    .max_by(|a, b| a.at.cmp(&b.at))
                {
                    voted[i] += latest.voted;
                    any[i] = true;
                }
            }
        }
    }
    let step = if n > 1 {
        PLOT_WIDTH / (n - 1) as f64
    } else {
        0.0
    };
    let points: Vec<TurnoutPoint> = times
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let share = percent(voted[i], voters);
            let shown = any[i] && (due[i] || reported[i] > 0);
            TurnoutPoint {
                time: t.clone(),
                voted: if shown {
                    ctx.num(voted[i])
                } else {
                    "—".to_owned()
                },
                percent: if shown {
                    format!("{}%", pct(ctx, share))
                } else {
                    "—".to_owned()
                },
                reported: ctx.tr_args(
                    "results-precincts-of",
                    &[
                        ("count", reported[i].to_string()),
                        ("total", total.to_string()),
                    ],
                ),
                missing: missing[i],
                late: late[i],
                due: shown,
                x: (PLOT_LEFT + step * i as f64).round() as u32,
                y: (PLOT_BOTTOM - share.min(100.0) / 100.0 * PLOT_HEIGHT).round() as u32,
            }
        })
        .collect();
    let line = points
        .iter()
        .filter(|p| p.due)
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    TurnoutChart { points, line }
}

/// The figures of a summary as the pages show them.
pub struct SummaryView {
    /// "1 491 of 1 491".
    pub precincts: String,
    /// Voters on the list.
    pub voters: String,
    /// Ballots issued.
    pub issued: String,
    /// Turnout with `%`.
    pub turnout: String,
    /// Invalid ballots.
    pub invalid: String,
    /// Against all.
    pub against_all: String,
}

fn summary_view(ctx: &PageCtx, s: &Summary) -> SummaryView {
    SummaryView {
        precincts: ctx.tr_args(
            "results-precincts-of",
            &[
                ("count", s.precincts_in.to_string()),
                ("total", s.precincts_total.to_string()),
            ],
        ),
        voters: ctx.num(s.voters_on_list),
        issued: ctx.num(s.ballots_issued),
        turnout: format!("{}%", pct(ctx, s.turnout_percent)),
        invalid: ctx.num(s.invalid),
        against_all: ctx.num(s.against_all),
    }
}

/// One unit in a list.
pub struct UnitRow {
    /// Its results page.
    pub href: String,
    /// Its name.
    pub name: String,
    /// Its status in words.
    pub status: String,
    /// The outcome in words.
    pub outcome: String,
    /// "12 of 30".
    pub precincts: String,
    /// Turnout with `%`.
    pub turnout: String,
}

fn unit_row(ctx: &PageCtx, r: &ElectionResults, u: &UnitResults) -> UnitRow {
    UnitRow {
        href: unit_href(&r.election.id, &u.contest.id),
        name: ctx.name_of(&u.unit.names).to_owned(),
        status: status_text(ctx, u.result.status),
        outcome: outcome_text(ctx, u),
        precincts: ctx.tr_args(
            "results-precincts-of",
            &[
                ("count", u.result.precincts_in.to_string()),
                ("total", u.result.precincts_total.to_string()),
            ],
        ),
        turnout: format!("{}%", pct(ctx, u.result.turnout_percent)),
    }
}

/// One region in the election's list.
pub struct RegionRow {
    /// Its results page.
    pub href: String,
    /// Its name.
    pub name: String,
    /// Units counted.
    pub units: usize,
    /// "12 of 30".
    pub precincts: String,
    /// Turnout with `%`.
    pub turnout: String,
}

/// One statistic line: label and value.
pub struct StatGroup {
    /// Its heading ("" for the first, general group).
    pub heading: String,
    /// Its figures.
    pub rows: Vec<StatRow>,
}

/// One figure of the statistics.
pub struct StatRow {
    /// What is counted.
    pub label: String,
    /// The figure.
    pub value: String,
}

#[derive(Template)]
#[template(path = "elections/results_summary.html")]
struct SummaryPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    live: String,
    summary: SummaryView,
    regions: Vec<RegionRow>,
    units: Vec<UnitRow>,
    stats: Vec<StatGroup>,
    turnout: TurnoutChart,
    /// Open-data downloads (election page only): (href, text).
    downloads: Vec<(String, String)>,
}

/// The election's open-data downloads: NIST SP 1500-100 results, CSV and XLSX per precinct and
/// per unit, the ledger as a NIST SP 1500-101 event log (issue 12 item 7).
fn downloads(ctx: &PageCtx, id: &ElectionId) -> Vec<(String, String)> {
    let page = results_href(id);
    let api = format!("/api/v1/elections/{id}/results");
    [
        (format!("{page}/nist.json"), "results-download-nist"),
        (
            format!("{page}/precincts.csv"),
            "results-download-precincts-csv",
        ),
        (format!("{page}/units.csv"), "results-download-units-csv"),
        (
            format!("{api}/precincts.xlsx"),
            "results-download-precincts-xlsx",
        ),
        (format!("{api}/units.xlsx"), "results-download-units-xlsx"),
        (
            "/api/ledger/nist-events".to_owned(),
            "results-download-events",
        ),
    ]
    .into_iter()
    .map(|(href, key)| (href, ctx.tr(key)))
    .collect()
}

fn election_crumbs(ctx: &PageCtx, r: &ElectionResults) -> Vec<(String, String)> {
    let mut crumbs = crumbs_root(ctx);
    crumbs.push((
        election_href(&r.election.id),
        ctx.name_of(&r.election.names).to_owned(),
    ));
    crumbs.push((results_href(&r.election.id), ctx.tr("results-title")));
    crumbs
}

/// A count with its share of `of` ("69 (42,07%)").
fn count_of(ctx: &PageCtx, n: usize, of: usize) -> String {
    format!(
        "{} ({}%)",
        ctx.num(n),
        pct(ctx, percent(n as u64, of as u64))
    )
}

/// The statistics of issue 12 §6 in groups: candidacies and routes, parties, genders, ages,
/// winners by party and route, incumbents, turnout distribution.
fn statistics_groups(
    ctx: &PageCtx,
    s: &Statistics,
    party_names: &BTreeMap<String, String>,
) -> Vec<StatGroup> {
    let row = |label: String, value: String| StatRow { label, value };
    let route = |r: &str| ctx.tr(&format!("results-stat-route-{}", r.replace('_', "-")));
    let party = |code: &str| match party_names.get(code) {
        Some(name) => name.clone(),
        None if code.is_empty() => ctx.tr("results-stat-no-party"),
        None => code.to_owned(),
    };
    let mut general = vec![
        row(ctx.tr("results-stat-nominated"), ctx.num(s.nominated)),
        row(ctx.tr("results-stat-registered"), ctx.num(s.registered)),
        row(ctx.tr("results-stat-on-ballot"), ctx.num(s.on_ballot)),
    ];
    for (r, n) in &s.registered_by_route {
        general.push(row(route(r), count_of(ctx, *n, s.registered)));
    }
    for (gender, n) in &s.registered_by_gender {
        general.push(row(
            ctx.tr(&format!("results-stat-gender-{gender}")),
            count_of(ctx, *n, s.registered),
        ));
    }
    general.push(row(
        ctx.tr("results-stat-parties"),
        ctx.num(s.registered_by_party.len()),
    ));
    let winners: usize = s.winners_by_route.values().sum();
    general.push(row(ctx.tr("results-stat-winners-new"), ctx.num(winners)));
    general.push(row(ctx.tr("results-stat-winners-age"), {
        let a = format!("{:.1}", s.average_age_of_winners);
        if ctx.lang == "en" {
            a
        } else {
            a.replace('.', ",")
        }
    }));
    let group = |key: &str, rows: Vec<StatRow>| StatGroup {
        heading: ctx.tr(key),
        rows,
    };
    vec![
        StatGroup {
            heading: String::new(),
            rows: general,
        },
        group(
            "results-stat-by-party",
            s.registered_by_party
                .iter()
                .map(|(p, n)| row(party(p), count_of(ctx, *n, s.registered)))
                .collect(),
        ),
        group(
            "results-stat-by-age",
            s.registered_by_age
                .iter()
                .map(|(band, n)| {
                    row(
                        ctx.tr_arg("results-stat-age-band", "band", band),
                        count_of(ctx, *n, s.registered),
                    )
                })
                .collect(),
        ),
        group(
            "results-stat-winners-by-party",
            s.winners_by_party
                .iter()
                .map(|(p, n)| row(party(p), count_of(ctx, *n, winners)))
                .collect(),
        ),
        group(
            "results-stat-winners-by-route",
            s.winners_by_route
                .iter()
                .map(|(r, n)| row(route(r), count_of(ctx, *n, winners)))
                .collect(),
        ),
        group(
            "results-stat-incumbents",
            vec![
                row(
                    ctx.tr("results-stat-incumbents-reelected"),
                    ctx.num(s.incumbents_reelected),
                ),
                row(ctx.tr("results-stat-new-people"), ctx.num(s.new_winners)),
            ],
        ),
        group(
            "results-stat-turnout-bands",
            s.turnout_distribution
                .iter()
                .map(|(band, n)| {
                    row(
                        ctx.tr_arg("results-stat-turnout-band", "band", band),
                        ctx.num(*n),
                    )
                })
                .collect(),
        ),
    ]
    .into_iter()
    .filter(|g| !g.rows.is_empty())
    .collect()
}

/// GET /elections/{election}/results
pub async fn election_page(
    page: Page,
    State(state): State<WebState>,
    Path(election): Path<String>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        if let Some(r) = cached(&page, &state, &id).await? {
            return Ok(r);
        }
        let rows = state.app.election_turnout(&id).await?;
        let now = state.app.now_ms();
        serve(&page, &state, &id, |ctx, r| {
            let all: Vec<&UnitResults> = r.units.iter().collect();
            Ok(SummaryPage {
                downloads: downloads(ctx, &id),
                turnout: turnout_chart(ctx, r, &all, &rows, now),
                crumbs: election_crumbs(ctx, r),
                title: ctx.tr_arg(
                    "results-election-title",
                    "name",
                    ctx.name_of(&r.election.names),
                ),
                live: format!("{}/live", results_href(&id)),
                summary: summary_view(ctx, &r.national),
                regions: r
                    .regions
                    .iter()
                    .map(|g| RegionRow {
                        href: region_href(&id, &g.region.code),
                        name: ctx.name_of(&g.region.names).to_owned(),
                        units: g.summary.units,
                        precincts: ctx.tr_args(
                            "results-precincts-of",
                            &[
                                ("count", g.summary.precincts_in.to_string()),
                                ("total", g.summary.precincts_total.to_string()),
                            ],
                        ),
                        turnout: format!("{}%", pct(ctx, g.summary.turnout_percent)),
                    })
                    .collect(),
                units: r.units.iter().map(|u| unit_row(ctx, r, u)).collect(),
                stats: statistics_groups(ctx, &r.statistics, &r.party_names),
                ctx: ctx.clone(),
            })
        })
        .await
    })
    .await
}

/// GET /elections/{election}/results/regions/{region}
pub async fn region_page(
    page: Page,
    State(state): State<WebState>,
    Path((election, region)): Path<(String, String)>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        let code = TerritoryCode::parse(&region).map_err(|_| Fail::NotFound)?;
        if let Some(r) = cached(&page, &state, &id).await? {
            return Ok(r);
        }
        let rows = state.app.election_turnout(&id).await?;
        let now = state.app.now_ms();
        serve(&page, &state, &id, |ctx, r| {
            let g = r.region(&code).ok_or(Fail::NotFound)?;
            let in_region: Vec<&UnitResults> =
                r.units.iter().filter(|u| u.region.code == code).collect();
            let turnout = turnout_chart(ctx, r, &in_region, &rows, now);
            let name = ctx.name_of(&g.region.names).to_owned();
            let mut crumbs = election_crumbs(ctx, r);
            crumbs.push((region_href(&id, &code), name.clone()));
            Ok(SummaryPage {
                crumbs,
                title: ctx.tr_arg("results-region-title", "region", &name),
                live: format!("{}/live", results_href(&id)),
                summary: summary_view(ctx, &g.summary),
                regions: Vec::new(),
                units: r
                    .units
                    .iter()
                    .filter(|u| u.region.code == code)
                    .map(|u| unit_row(ctx, r, u))
                    .collect(),
                stats: statistics_groups(ctx, &g.statistics, &r.party_names),
                turnout,
                downloads: Vec::new(),
                ctx: ctx.clone(),
            })
        })
        .await
    })
    .await
}

/// One precinct in a unit's table.
pub struct PrecinctRow {
    /// Its results page.
    pub href: String,
    /// `region/number` as the registry names it.
    pub number: String,
    /// Voters on the list (protocol, else registry).
    pub voters: String,
    /// Turnout with `%`, or "—" while not in.
    pub turnout: String,
    /// Whether the protocol is accepted.
    pub accepted: bool,
}

#[derive(Template)]
#[template(path = "elections/results_unit.html")]
struct UnitPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    live: String,
    status: String,
    outcome: String,
    against_all_flag: bool,
    summary: SummaryView,
    bars: Vec<Bar>,
    chart_height: u32,
    precincts: Vec<PrecinctRow>,
    certify: Option<String>,
    errors: Vec<String>,
    turnout: TurnoutChart,
}

fn unit_summary(u: &UnitResults) -> Summary {
    sailau_domain::elections::tabulation::summarize([&u.result])
}

/// The turnout reports of an election and "now", for the turnout chart.
type TurnoutFacts<'a> = (&'a [sailau_app::storage::election_day::TurnoutRow], i64);

fn unit_page_view(
    ctx: &PageCtx,
    r: &ElectionResults,
    contest: &ContestId,
    certify: Option<String>,
    errors: Vec<String>,
    (rows, now): TurnoutFacts<'_>,
) -> Result<UnitPage, Fail> {
    let u = r.unit(contest).ok_or(Fail::NotFound)?;
    let turnout = turnout_chart(ctx, r, &[u], rows, now);
    let id = r.election.id;
    let unit = ctx.name_of(&u.unit.names).to_owned();
    let mut crumbs = election_crumbs(ctx, r);
    crumbs.push((
        region_href(&id, &u.region.code),
        ctx.name_of(&u.region.names).to_owned(),
    ));
    crumbs.push((unit_href(&id, contest), unit.clone()));
    let (bars, chart_height) = bars(ctx, &r.party_names, u, &u.result.totals);
    Ok(UnitPage {
        crumbs,
        title: ctx.tr_arg("results-unit-title", "unit", &unit),
        live: format!("{}/live", results_href(&id)),
        status: status_text(ctx, u.result.status),
        outcome: outcome_text(ctx, u),
        against_all_flag: u.result.against_all_outpolls,
        summary: summary_view(ctx, &unit_summary(u)),
        bars,
        chart_height,
        precincts: u
            .precincts
            .iter()
            .map(|p| precinct_row(ctx, &id, contest, p))
            .collect(),
        certify,
        errors,
        turnout,
        ctx: ctx.clone(),
    })
}

fn precinct_row(
    ctx: &PageCtx,
    election: &ElectionId,
    contest: &ContestId,
    p: &PrecinctResult,
) -> PrecinctRow {
    PrecinctRow {
        href: precinct_href(election, contest, &p.precinct),
        number: p.precinct.number.to_string(),
        voters: ctx.num(
            p.counts
                .as_ref()
                .map_or(u64::from(p.voters), |c| c.voters_on_list),
        ),
        turnout: p.counts.as_ref().map_or_else(
            || "—".to_owned(),
            |c| format!("{}%", pct(ctx, c.turnout_percent())),
        ),
        accepted: p.counts.is_some(),
    }
}

/// The certification form's action when the reader may certify this unit.
async fn certify_action(
    page: &Page,
    state: &WebState,
    r: &ElectionResults,
    contest: &ContestId,
) -> Result<Option<String>, Fail> {
    let Some(u) = r.unit(contest) else {
        return Ok(None);
    };
    if page.principal().is_none() || u.certified_at_ms.is_some() {
        return Ok(None);
    }
    let target = Target {
        territory_path: territory_path(state, &u.unit.code).await?,
        ..Target::default()
    };
    Ok(may(page.principal(), CommandKind::CertifyResults, &target)
        .then(|| unit_href(&r.election.id, contest)))
}

/// GET /elections/{election}/results/contests/{contest}
pub async fn unit_page(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        let contest = super::contest_id(&contest)?;
        if let Some(r) = cached(&page, &state, &id).await? {
            return Ok(r);
        }
        let rows = state.app.election_turnout(&id).await?;
        let now = state.app.now_ms();
        if page.session.is_some() {
            let r = state.app.election_results(&id).await?;
            let certify = certify_action(&page, &state, &r, &contest).await?;
            let t = unit_page_view(&page.ctx, &r, &contest, certify, Vec::new(), (&rows, now))?;
            return Ok(page.render(StatusCode::OK, &t));
        }
        serve(&page, &state, &id, |ctx, r| {
            unit_page_view(ctx, r, &contest, None, Vec::new(), (&rows, now))
        })
        .await
    })
    .await
}

/// POST /elections/{election}/results/contests/{contest}: the commission certifies.
pub async fn certify(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        let contest = super::contest_id(&contest)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        match execute(&page, &state, CertifyResults { contest }.into()).await? {
            Ok(index) => Ok(see_other(&format!(
                "{}?saved={index}",
                unit_href(&id, &contest)
            ))),
            Err(errors) => {
                let r = state.app.election_results(&id).await?;
                let certify = certify_action(&page, &state, &r, &contest).await?;
                let messages = errors.0.iter().map(|e| page.ctx.rule(&e.rule)).collect();
                let rows = state.app.election_turnout(&id).await?;
                let now = state.app.now_ms();
                let t = unit_page_view(&page.ctx, &r, &contest, certify, messages, (&rows, now))?;
                Ok(page.render(StatusCode::UNPROCESSABLE_ENTITY, &t))
            }
        }
    })
    .await
}

#[derive(Template)]
#[template(path = "elections/results_precinct.html")]
struct PrecinctPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    live: String,
    accepted: bool,
    fields: Vec<StatRow>,
    bars: Vec<Bar>,
    chart_height: u32,
    record: super::day::PublicRecord,
}

/// GET /elections/{election}/results/contests/{contest}/precincts/{region}/{number}
pub async fn precinct_page(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest, region, number)): Path<(String, String, String, String)>,
) -> Response {
    page.answer(async {
        let id = election_id(&election)?;
        let contest = super::contest_id(&contest)?;
        let reference =
            PrecinctRef::parse(&format!("{region}/{number}")).map_err(|_| Fail::NotFound)?;
        // Served from memory while nothing changed; else the protocol's history is read once.
        if let Some(r) = cached(&page, &state, &id).await? {
            return Ok(r);
        }
        let view = state.app.protocol_view(&id, &reference).await?;
        serve(&page, &state, &id, |ctx, r| {
            let u = r.unit(&contest).ok_or(Fail::NotFound)?;
            let p = u
                .precincts
                .iter()
                .find(|p| p.precinct == reference)
                .ok_or(Fail::NotFound)?;
            let mut crumbs = election_crumbs(ctx, r);
            crumbs.push((
                unit_href(&id, &contest),
                ctx.name_of(&u.unit.names).to_owned(),
            ));
            let number = p.precinct.number.to_string();
            crumbs.push((precinct_href(&id, &contest, &p.precinct), number.clone()));
            let empty = Counts::default();
            let counts = p.counts.as_ref().unwrap_or(&empty);
            let field = |key: &str, v: u64| StatRow {
                label: ctx.tr(key),
                value: ctx.num(v),
            };
            let fields = vec![
                field("results-voters", counts.voters_on_list),
                field("results-issued", counts.ballots_issued),
                field("results-found", counts.found_in_boxes),
                field("results-invalid", counts.invalid),
                field("results-against-all", counts.against_all),
            ];
            let (bars, chart_height) = bars(ctx, &r.party_names, u, counts);
            let rules = super::rules_of(&r.election)?;
            let candidates: Vec<(u32, String)> = u
                .candidates
                .iter()
                .map(|c| (c.number, c.name.clone()))
                .collect();
            let record = super::day::public_record(ctx, &rules.protocol, &candidates, &view);
            Ok(PrecinctPage {
                record,
                crumbs,
                title: ctx.tr_arg("results-precinct-title", "precinct", &number),
                live: format!("{}/live", results_href(&id)),
                accepted: p.counts.is_some(),
                fields,
                bars,
                chart_height,
                ctx: ctx.clone(),
            })
        })
        .await
    })
    .await
}

/// GET /elections/{election}/results/live: server-sent events, one `ledger` event with the new
/// ledger size whenever the ledger grows (through this instance or another on the same
/// PostgreSQL database).
pub async fn live(
    State(state): State<WebState>,
    Path(election): Path<String>,
) -> Result<Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>>, StatusCode> {
    ElectionId::parse(&election).ok_or(StatusCode::NOT_FOUND)?;
    let rx = state.app.ledger_changes();
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.changed().await.ok()?;
        let size = *rx.borrow_and_update();
        Some((
            Ok(Event::default().event("ledger").data(size.to_string())),
            rx,
        ))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// The page script: on each `ledger` event, fetch the page again and swap `#results`.
const SCRIPT: &str = include_str!("../../../assets/results.js");

/// GET /elections/results.js
pub async fn script() -> Response {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
        .into_response()
}

// ---------------------------------------------------------------- open data

/// One open-data download of an election's results: 404 for an unknown election.
async fn download(
    state: &WebState,
    election: &str,
    content_type: &'static str,
    make: impl FnOnce(&ElectionResults, &WebState) -> Result<String, String>,
) -> Response {
    let Some(id) = ElectionId::parse(election) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match state.app.election_results(&id).await {
        Ok(r) => match make(&r, state) {
            Ok(body) => (
                [(CONTENT_TYPE, content_type), (CACHE_CONTROL, "no-cache")],
                body,
            )
                .into_response(),
            Err(e) => {
                tracing::error!(error = %e, "results export failed");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Err(sailau_app::AppError::NotFound(..)) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "results failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// GET /elections/{election}/results.json: the results as sailau computes them (what
/// `sailau audit results` compares with its own recomputation).
pub async fn results_json(State(state): State<WebState>, Path(election): Path<String>) -> Response {
    download(&state, &election, "application/json", |r, _| {
        serde_json::to_string(r).map_err(|e| e.to_string())
    })
    .await
}

/// GET /elections/{election}/results/nist.json: NIST SP 1500-100 v2 election results.
pub async fn nist_json(State(state): State<WebState>, Path(election): Path<String>) -> Response {
    download(&state, &election, "application/json", |r, s| {
        let at = jiff::Timestamp::from_millisecond(s.app.now_ms()).map_err(|e| e.to_string())?;
        serde_json::to_string(&open_data::nist_results(r, at)).map_err(|e| e.to_string())
    })
    .await
}

/// GET /elections/{election}/results/precincts.csv
pub async fn precincts_csv(
    State(state): State<WebState>,
    Path(election): Path<String>,
) -> Response {
    download(&state, &election, "text/csv; charset=utf-8", |r, _| {
        open_data::precincts_csv(r).map_err(|e| e.to_string())
    })
    .await
}

/// GET /elections/{election}/results/units.csv
pub async fn units_csv(State(state): State<WebState>, Path(election): Path<String>) -> Response {
    download(&state, &election, "text/csv; charset=utf-8", |r, _| {
        open_data::units_csv(r).map_err(|e| e.to_string())
    })
    .await
}

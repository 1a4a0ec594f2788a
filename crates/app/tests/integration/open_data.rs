//! Open data and the audit (issue 12 §7–8): the NIST SP 1500-100 v2 results and the NIST SP
//! 1500-101 event log validated against the official schemas (`tests/schemas/`, copied with
//! NIST's notice), the XLSX exports read back, and the recomputation of every result from the
//! ledger alone — agreeing with the app's results, and naming what a changed entry changes.

use std::collections::BTreeSet;

use sailau_app::elections::audit::{self, CopiedEntry};
use sailau_app::elections::open_data;
use sailau_app::elections::results::ElectionResults;
use sailau_app::{Acting, App};
use sailau_domain::elections::ElectionId;
use sailau_domain::elections::certification::CertifyResults;
use sailau_domain::elections::protocol::{AmendProtocol, EnterProtocol, ProtocolNumbers};
use sailau_domain::elections::tabulation::{Outcome, ResultStatus};
use sailau_domain::elections::*;
use sailau_domain::*;
use serde_json::Value;

use crate::election_day::{balanced, with_candidates};
use crate::elections::{ELECTION, UIL, set_clock, uuid};
use crate::fixture::*;

const RESULTS_SCHEMA: &str = include_str!("../schemas/NIST_V2_election_results_reporting.json");
const EVENTS_SCHEMA: &str = include_str!("../schemas/NIST_V1_election_event_logging.json");

/// Every error the schema finds in `doc` (empty: valid).
fn schema_errors(schema: &str, doc: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(schema).unwrap();
    let v = jsonschema::draft4::new(&schema).unwrap();
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(20)
        .collect()
}

fn at() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_699_200_000).unwrap()
}

fn election() -> ElectionId {
    ElectionId(uuid(ELECTION))
}

fn p(number: u32) -> PrecinctRef {
    PrecinctRef {
        region_code: code("150000000"),
        number,
    }
}

/// Balanced numbers for a precinct of `voters` with the candidates `numbers`: half the list
/// votes, 10 ballots cancelled, 1 invalid, 2 against all, the rest split so that the first
/// candidate leads by `lead`.
fn numbers_for(voters: u64, numbers: &[u32], lead: u64) -> ProtocolNumbers {
    let issued = voters / 2;
    let found = issued;
    let mut rest = found - 3;
    let mut candidates = std::collections::BTreeMap::new();
    if let Some((first, others)) = numbers.split_first() {
        let share = (rest.saturating_sub(lead)) / numbers.len() as u64;
        for n in others {
            candidates.insert(*n, share);
            rest -= share;
        }
        candidates.insert(*first, rest);
        rest = 0;
    }
    let field = |k: &str, v: u64| (k.to_owned(), v);
    ProtocolNumbers {
        fields: [
            field("voters_on_list", voters),
            field("ballots_received", issued + 10),
            field("issued_inside", issued),
            field("issued_outside", 0),
            field("issued_absentee", 0),
            field("cancelled", 10),
            field("found_in_boxes", found),
            field("invalid", 1),
            field("against_all", 2 + rest),
        ]
        .into_iter()
        .collect(),
        candidates,
    }
}

/// The whole ledger of an app as a public copy (what `/api/ledger/entries` lists).
async fn copy_of(app: &App) -> (Vec<CopiedEntry>, sailau_ledger::SignedTreeHead) {
    let head = app.signed_head().await.unwrap();
    let mut out = Vec::new();
    while (out.len() as u64) < head.head.size {
        let start = out.len() as u64;
        for e in app.ledger_entries(start, head.head.size).await.unwrap() {
            out.push(CopiedEntry {
                index: e.index,
                canonical: e.canonical,
                leaf_hash: Some(sailau_ledger::hash_to_hex(&e.leaf_hash)),
            });
        }
    }
    (out, head)
}

/// Audits `results` against the app's own ledger: the faults, the entries refused and the
/// differences.
async fn audit_of(f: &Fixture, results: &ElectionResults) -> (Vec<String>, Vec<String>) {
    let (copy, head) = copy_of(&f.app).await;
    audit_copy(f, &copy, &head, &serde_json::to_value(results).unwrap())
}

fn audit_copy(
    f: &Fixture,
    copy: &[CopiedEntry],
    head: &sailau_ledger::SignedTreeHead,
    published: &Value,
) -> (Vec<String>, Vec<String>) {
    let checked = audit::check_ledger(copy, head, &f.key, &[]);
    let recomputed = audit::recompute(&checked.entries);
    let mut faults: Vec<String> = checked.faults.iter().map(|x| x.to_string()).collect();
    faults.extend(recomputed.problems.iter().map(|x| x.to_string()));
    let mine = &recomputed.elections[&ElectionId(
        published["election"]["id"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .unwrap(),
    )];
    let diffs = audit::compare(mine, published)
        .iter()
        .map(|d| d.to_string())
        .collect();
    (faults, diffs)
}

#[tokio::test]
async fn the_audit_recomputes_every_result_from_the_ledger_and_names_a_changed_entry() {
    for f in with_candidates().await {
        set_clock(&f, "2023-11-05T15:30:00Z");
        let enter = |number: u32, numbers: ProtocolNumbers| EnterProtocol {
            election: election(),
            precinct: p(number),
            numbers,
        };
        f.app
            .execute(&Acting::Operator, enter(501, balanced()))
            .await
            .unwrap();
        f.app
            .execute(
                &Acting::Operator,
                enter(502, numbers_for(4000, &[1, 2], 50)),
            )
            .await
            .unwrap();
        // Kobda has no candidates: its protocol has no candidate lines.
        f.app
            .execute(&Acting::Operator, enter(504, numbers_for(3000, &[], 0)))
            .await
            .unwrap();
        let mut fixed = balanced();
        fixed.candidates.insert(1, 590);
        fixed.candidates.insert(2, 460);
        f.app
            .execute(
                &Acting::Operator,
                AmendProtocol {
                    election: election(),
                    precinct: p(501),
                    numbers: fixed,
                    reason: "Пересчёт".into(),
                },
            )
            .await
            .unwrap();
        // Preliminary: 2 of Uil's 3 precincts in.
        let r = f.app.compute_results(&election()).await.unwrap();
        let uil = r.unit(&ContestId(uuid(UIL))).unwrap();
        assert_eq!(uil.result.status, ResultStatus::Preliminary);
        assert_eq!(uil.result.totals.votes[&1], 590 + 1024);
        let (faults, diffs) = audit_of(&f, &r).await;
        assert!(faults.is_empty(), "{}: {faults:?}", f.backend);
        assert!(diffs.is_empty(), "{}: {diffs:#?}", f.backend);

        // The last precinct, then certification: complete, certified, a winner.
        f.app
            .execute(&Acting::Operator, enter(503, numbers_for(1001, &[1, 2], 4)))
            .await
            .unwrap();
        f.app
            .execute(
                &Acting::Operator,
                CertifyResults {
                    contest: ContestId(uuid(UIL)),
                },
            )
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", f.backend));
        let r = f.app.compute_results(&election()).await.unwrap();
        let uil = r.unit(&ContestId(uuid(UIL))).unwrap();
        assert_eq!(uil.result.status, ResultStatus::Certified);
        assert_eq!(uil.result.outcome, Outcome::Elected { winner: 1 });
        let (faults, diffs) = audit_of(&f, &r).await;
        assert!(
            faults.is_empty() && diffs.is_empty(),
            "{faults:?} {diffs:#?}"
        );

        // The NIST report of these results is valid.
        let doc = open_data::nist_results(&r, at());
        let errors = schema_errors(RESULTS_SCHEMA, &doc);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(
            doc["Status"], "unofficial-complete",
            "Kobda is complete, not certified"
        );

        // A tampered copy: precinct 502's protocol gives 50 votes more to №2 and 50 fewer to
        // №1 (it still balances). The audit names the entry and every number it moves.
        let (mut copy, head) = copy_of(&f.app).await;
        let published = serde_json::to_value(&r).unwrap();
        let i = copy
            .iter()
            .position(|e| {
                e.canonical.contains("\"enter_protocol\"") && e.canonical.contains("\"number\":502")
            })
            .unwrap();
        let original = LedgerEntry::decode_canonical(copy[i].canonical.as_bytes()).unwrap();
        let changed = |f: &dyn Fn(&mut ProtocolNumbers)| {
            let mut entry = original.clone();
            let Command::EnterProtocol(c) = &mut entry.command else {
                panic!("not a protocol")
            };
            f(&mut c.numbers);
            String::from_utf8(entry.encode().unwrap()).unwrap()
        };
        let Command::EnterProtocol(c) = &original.command else {
            panic!("not a protocol")
        };
        let (one, two) = (c.numbers.candidates[&1], c.numbers.candidates[&2]);
        copy[i].canonical = changed(&|n| {
            n.candidates.insert(1, one - 50);
            n.candidates.insert(2, two + 50);
        });
        let (faults, diffs) = audit_copy(&f, &copy, &head, &published);
        let index = copy[i].index;
        assert!(
            faults
                .iter()
                .any(|x| x.starts_with(&format!("entry {index} was changed"))),
            "{faults:?}"
        );
        assert!(
            faults.iter().any(|x| x.contains("Merkle root")),
            "{faults:?}"
        );
        let named: BTreeSet<&str> = diffs
            .iter()
            .map(|d| d.split(": the ledger").next().unwrap())
            .collect();
        let unit = format!("unit 155200000 (contest {})", uuid(UIL));
        for at in [
            format!("{unit}: precinct 150000000/502: counts.votes.1"),
            format!("{unit}: precinct 150000000/502: counts.votes.2"),
            format!("{unit}: result.totals.votes.1"),
            format!("{unit}: result.totals.votes.2"),
        ] {
            assert!(named.contains(at.as_str()), "{at} not in {diffs:#?}");
        }
        assert!(
            diffs.iter().any(|d| d.starts_with(&format!(
                "{unit}: result.totals.votes.2: the ledger gives {}",
                460 + two + 50 + {
                    let n = numbers_for(1001, &[1, 2], 4);
                    n.candidates[&2]
                }
            ))),
            "{diffs:#?}"
        );
        // An unbalanced change is refused by the rule set, and named as such.
        copy[i].canonical = changed(&|n| {
            n.candidates.insert(1, one + 1);
        });
        let (faults, _) = audit_copy(&f, &copy, &head, &published);
        assert!(
            faults.iter().any(|x| x.starts_with(&format!(
                "entry {index}: the protocol of precinct 150000000/502 breaks the rule set"
            )) && x.contains("day-relation-failed")),
            "{faults:?}"
        );
    }
}

#[tokio::test]
async fn the_demo_results_and_the_ledger_are_valid_nist_documents_and_xlsx() {
    let f = empty().await;
    sailau_app::demo::load(&f.app, &|_, _, _| {}).await.unwrap();
    // The demo's election day: every protocol entered, every contest certified.
    let election = sailau_app::demo_elections::DISTRICT_ELECTION;
    let r = f.app.election_results(&election).await.unwrap();
    assert_eq!(r.units[0].result.status, ResultStatus::Certified);

    // NIST SP 1500-100 v2.
    let doc = open_data::nist_results(&r, at());
    let errors = schema_errors(RESULTS_SCHEMA, &doc);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(doc["Election"][0]["Contest"].as_array().unwrap().len(), 45);
    // Every candidate says whether it is the sitting akim; 29 of them won (rules.md §8).
    let people = doc["Election"][0]["Candidate"].as_array().unwrap();
    assert!(people.iter().all(|c| c["IsIncumbent"].is_boolean()));
    let reelected = people
        .iter()
        .filter(|c| c["IsIncumbent"] == true && c["PostElectionStatus"] == "winner")
        .count();
    assert_eq!(reelected, 29);

    // The audit agrees with the demo's results, statistics included.
    let (faults, diffs) = audit_of(&f, &r).await;
    assert!(faults.is_empty(), "{faults:?}");
    assert!(diffs.is_empty(), "{diffs:#?}");
    // Its recomputation from the entries alone counts the same 29 re-elected akims.
    let (copy, head) = copy_of(&f.app).await;
    let checked = audit::check_ledger(&copy, &head, &f.key, &[]);
    let recomputed = audit::recompute(&checked.entries);
    let mine = &recomputed.elections[&election];
    assert_eq!(mine.statistics.incumbents_reelected, 29);
    assert_eq!(mine.statistics.new_winners, 44 - 29);

    // NIST SP 1500-101: one event per entry, valid, no personal data.
    let log = f.app.nist_events().await.unwrap();
    let errors = schema_errors(EVENTS_SCHEMA, &log);
    assert!(errors.is_empty(), "{errors:#?}");
    let events = log["Device"][0]["Event"].as_array().unwrap();
    assert_eq!(
        events.len() as u64,
        f.app.signed_head().await.unwrap().head.size
    );
    assert_eq!(events[0]["Sequence"], "0");
    let text = log.to_string();
    let n = &r.units[0].candidates[0];
    let surname = n.name.split(' ').next().unwrap();
    assert!(
        !text.contains(surname),
        "a candidate's name in the event log"
    );
    assert!(!text.contains("birth"), "birth dates in the event log");

    // XLSX read back: the same rows as the CSV, counts as numbers.
    use calamine::{Data, Reader, Xlsx};
    for (bytes, csv, sheet) in [
        (
            open_data::precincts_xlsx(&r).unwrap(),
            open_data::precincts_csv(&r).unwrap(),
            "precincts",
        ),
        (
            open_data::units_xlsx(&r).unwrap(),
            open_data::units_csv(&r).unwrap(),
            "units",
        ),
    ] {
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range(sheet).unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::Float(x) if sheet == "units" && x.fract() != 0.0 => format!("{x:.4}"),
                        Data::Float(x) => format!("{x}"),
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes());
        let expected: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(rows.len(), expected.len(), "{sheet}");
        for (got, want) in rows.iter().zip(&expected) {
            let got: Vec<String> = got
                .iter()
                .chain(std::iter::repeat(&String::new()))
                .take(want.len())
                .cloned()
                .collect();
            let want: Vec<String> = want
                .iter()
                .map(|w| match w.parse::<f64>() {
                    Ok(x) if w.contains('.') && x.fract() == 0.0 => format!("{x}"),
                    _ => w.clone(),
                })
                .collect();
            assert_eq!(got, want, "{sheet}");
        }
        assert!(
            matches!(range.get((1, 4)), Some(Data::Float(_))),
            "{sheet}: counts are numbers"
        );
    }
}

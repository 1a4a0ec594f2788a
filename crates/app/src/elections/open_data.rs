//! Open data of results (issue 12 §7): NIST SP 1500-100 v2 election results JSON, CSV and XLSX
//! per precinct and per unit, Open Civic Data style division identifiers, and the ledger as a
//! NIST SP 1500-101 event log.
//!
//! Every export is a pure function of [`ElectionResults`] (what the results pages show) and the
//! moment it is generated, so `sailau export nist-results`, the public URL and the audit all
//! agree byte for byte at one ledger size.

use jiff::Timestamp;
use sailau_domain::elections::tabulation::{Outcome, ResultStatus};
use sailau_domain::{Names, PrecinctRef, Territory};
use serde_json::{Value, json};

use super::results::{ElectionResults, UnitResults};

/// The OCD-style division of a territory: `ocd-division/country:kz/kato:<region>` for a region,
/// `…/kato:<region>/kato:<unit>` below it (the KATO codes are the territories' own stable
/// numbers; the OCD registry has no Kazakh divisions to reuse).
pub fn ocd_division(region: &Territory, unit: Option<&Territory>) -> String {
    let mut id = format!("ocd-division/country:kz/kato:{}", region.code);
    if let Some(u) = unit
        && u.code != region.code
    {
        id.push_str(&format!("/kato:{}", u.code));
    }
    id
}

/// The OCD-style division of a precinct: its unit's division followed by
/// `/precinct:<region>-<number>`.
pub fn ocd_precinct(region: &Territory, unit: &Territory, p: &PrecinctRef) -> String {
    format!(
        "{}/precinct:{}-{}",
        ocd_division(region, Some(unit)),
        p.region_code,
        p.number
    )
}

fn text(names: &Names) -> Value {
    let mut strings = vec![
        json!({"@type": "ElectionResults.LanguageString", "Language": "kk", "Content": names.kk}),
        json!({"@type": "ElectionResults.LanguageString", "Language": "ru", "Content": names.ru}),
    ];
    if !names.en.is_empty() {
        strings.push(
            json!({"@type": "ElectionResults.LanguageString", "Language": "en", "Content": names.en}),
        );
    }
    json!({"@type": "ElectionResults.InternationalizedText", "Text": strings})
}

fn plain(s: &str) -> Value {
    json!({"@type": "ElectionResults.InternationalizedText",
           "Text": [{"@type": "ElectionResults.LanguageString", "Language": "ru", "Content": s}]})
}

fn ocd(value: String) -> Value {
    json!([{"@type": "ElectionResults.ExternalIdentifier", "Type": "ocd-id", "Value": value}])
}

fn report_status(r: &ElectionResults) -> &'static str {
    let all = |s: ResultStatus| r.units.iter().all(|u| u.result.status == s);
    if !r.units.is_empty() && all(ResultStatus::Certified) {
        "certified"
    } else if r
        .units
        .iter()
        .all(|u| u.result.status >= ResultStatus::Complete)
    {
        "unofficial-complete"
    } else {
        "unofficial-partial"
    }
}

fn gp_unit_id(u: &UnitResults) -> String {
    format!("gpu-{}", u.unit.code)
}

fn precinct_gp_id(p: &PrecinctRef) -> String {
    format!("gpu-precinct-{}-{}", p.region_code, p.number)
}

/// NIST SP 1500-100 v2 `ElectionReport` of an election's results, precinct level: one
/// `CandidateContest` per unit with a `CandidateSelection` per registered candidate and one for
/// "against all" (`IsWriteIn` false, no candidate), vote counts per accepted precinct and per
/// unit (`Type` `total`), ballots cast per reporting unit, the candidates' post-election status
/// from the tabulation and `IsIncumbent` (the sitting akim, as the nomination declared).
/// `generated` is `GeneratedDate`; the ledger size is `SequenceStart` and `SequenceEnd` (a
/// report is the state at one ledger size).
pub fn nist_results(r: &ElectionResults, generated: Timestamp) -> Value {
    let mut gp_units = Vec::new();
    let mut seen_regions = std::collections::BTreeSet::new();
    let mut contests = Vec::new();
    let mut candidates = Vec::new();
    let mut people = Vec::new();
    let mut ballot_counts = Vec::new();
    let mut parties = std::collections::BTreeSet::new();
    let country = "gpu-kz".to_owned();
    for u in &r.units {
        if seen_regions.insert(u.region.code.clone()) {
            gp_units.push(json!({
                "@id": format!("gpu-{}", u.region.code),
                "@type": "ElectionResults.ReportingUnit",
                "Type": "state",
                "Name": text(&u.region.names),
                "ExternalIdentifier": ocd(ocd_division(&u.region, None)),
                "ComposingGpUnitIds": r.units.iter()
                    .filter(|x| x.region.code == u.region.code && x.unit.code != u.region.code)
                    .map(gp_unit_id).collect::<Vec<_>>(),
            }));
        }
        let unit_id = gp_unit_id(u);
        if u.unit.code != u.region.code {
            gp_units.push(json!({
                "@id": unit_id,
                "@type": "ElectionResults.ReportingUnit",
                "Type": "county",
                "Name": text(&u.unit.names),
                "ExternalIdentifier": ocd(ocd_division(&u.region, Some(&u.unit))),
                "ComposingGpUnitIds": u.precincts.iter().map(|p| precinct_gp_id(&p.precinct)).collect::<Vec<_>>(),
                "SubUnitsReported": u.result.precincts_in,
                "TotalSubUnits": u.result.precincts_total,
                "VotersRegistered": u.result.totals.voters_on_list,
                "VotersParticipated": u.result.totals.ballots_issued,
            }));
        }
        ballot_counts.push(json!({
            "@type": "ElectionResults.BallotCounts", "GpUnitId": unit_id, "Type": "total",
            "BallotsCast": u.result.totals.found_in_boxes,
            "BallotsRejected": u.result.totals.invalid,
        }));
        for p in &u.precincts {
            let mut gp = json!({
                "@id": precinct_gp_id(&p.precinct),
                "@type": "ElectionResults.ReportingUnit",
                "Type": "precinct",
                "Number": p.precinct.to_string(),
                "ExternalIdentifier": ocd(ocd_precinct(&u.region, &u.unit, &p.precinct)),
                "VotersRegistered": p.counts.as_ref().map_or(u64::from(p.voters), |c| c.voters_on_list),
            });
            if let Some(c) = &p.counts {
                gp["VotersParticipated"] = json!(c.ballots_issued);
                ballot_counts.push(json!({
                    "@type": "ElectionResults.BallotCounts",
                    "GpUnitId": precinct_gp_id(&p.precinct), "Type": "total",
                    "BallotsCast": c.found_in_boxes, "BallotsRejected": c.invalid,
                }));
            }
            gp_units.push(gp);
        }
        let winner = match &u.result.outcome {
            Outcome::Elected { winner } => Some(*winner),
            _ => None,
        };
        let run_off: Vec<u32> = match &u.result.outcome {
            Outcome::RunOff { first, second } => vec![*first, *second],
            _ => Vec::new(),
        };
        let counts_of = |number: Option<u32>| -> Vec<Value> {
            let pick = |c: &sailau_domain::elections::tabulation::Counts<u32>| match number {
                Some(n) => c.votes.get(&n).copied().unwrap_or(0),
                None => c.against_all,
            };
            let mut v: Vec<Value> = u
                .precincts
                .iter()
                .filter_map(|p| {
                    p.counts.as_ref().map(|c| {
                        json!({"@type": "ElectionResults.VoteCounts", "Type": "total",
                               "GpUnitId": precinct_gp_id(&p.precinct), "Count": pick(c)})
                    })
                })
                .collect();
            v.push(
                json!({"@type": "ElectionResults.VoteCounts", "Type": "total",
                          "GpUnitId": unit_id, "Count": pick(&u.result.totals)}),
            );
            v
        };
        let mut selections = Vec::new();
        for (i, c) in u.candidates.iter().enumerate() {
            let cid = format!("cand-{}", c.nomination);
            let pid = format!("person-{}", c.nomination);
            let status = if winner == Some(c.number) {
                "winner"
            } else if run_off.contains(&c.number) {
                "advanced-to-runoff"
            } else {
                "defeated"
            };
            let mut cand = json!({
                "@id": cid, "@type": "ElectionResults.Candidate",
                "BallotName": plain(&c.name), "IsIncumbent": c.incumbent, "PersonId": pid,
            });
            if u.result.status >= ResultStatus::Complete
                && !matches!(u.result.outcome, Outcome::NoVotes)
            {
                cand["PostElectionStatus"] = json!(status);
            }
            if let Some(p) = &c.party {
                cand["PartyId"] = json!(format!("party-{p}"));
                parties.insert(p.to_string());
            }
            candidates.push(cand);
            people.push(
                json!({"@id": pid, "@type": "ElectionResults.Person", "FullName": plain(&c.name)}),
            );
            selections.push(json!({
                "@id": format!("sel-{}-{}", u.contest.id, c.number),
                "@type": "ElectionResults.CandidateSelection",
                "SequenceOrder": i + 1,
                "CandidateIds": [cid],
                "VoteCounts": counts_of(Some(c.number)),
            }));
        }
        selections.push(json!({
            "@id": format!("sel-{}-against-all", u.contest.id),
            "@type": "ElectionResults.BallotMeasureSelection",
            "Selection": {"@type": "ElectionResults.InternationalizedText", "Text": [
                {"@type": "ElectionResults.LanguageString", "Language": "kk", "Content": "Барлығына қарсы"},
                {"@type": "ElectionResults.LanguageString", "Language": "ru", "Content": "Против всех"},
                {"@type": "ElectionResults.LanguageString", "Language": "en", "Content": "Against all"}]},
            "VoteCounts": counts_of(None),
        }));
        let count_status = if u.result.status == ResultStatus::Preliminary {
            "in-process"
        } else {
            "completed"
        };
        contests.push(json!({
            "@id": format!("contest-{}", u.contest.id),
            "@type": "ElectionResults.CandidateContest",
            "Name": u.unit.names.ru,
            "ElectionDistrictId": unit_id,
            "VotesAllowed": 1,
            "NumberElected": 1,
            "SubUnitsReported": u.result.precincts_in,
            "TotalSubUnits": u.result.precincts_total,
            "CountStatus": [{"@type": "ElectionResults.CountStatus", "Type": "total", "Status": count_status}],
            "ContestSelection": selections,
        }));
    }
    gp_units.insert(
        0,
        json!({
            "@id": country, "@type": "ElectionResults.ReportingUnit", "Type": "country",
            "Name": text(&Names { kk: "Қазақстан".into(), ru: "Казахстан".into(), en: "Kazakhstan".into() }),
            "ExternalIdentifier": ocd("ocd-division/country:kz".into()),
            "ComposingGpUnitIds": seen_regions.iter().map(|c| format!("gpu-{c}")).collect::<Vec<_>>(),
        }),
    );
    let day = r.election.election_day.to_string();
    let generated = utc(generated);
    json!({
        "@type": "ElectionResults.ElectionReport",
        "Format": "precinct-level",
        "GeneratedDate": generated,
        "Issuer": "sailau",
        "IssuerAbbreviation": "sailau",
        "VendorApplicationId": concat!("sailau ", env!("CARGO_PKG_VERSION")),
        "SequenceStart": r.ledger_size,
        "SequenceEnd": r.ledger_size,
        "Status": report_status(r),
        "GpUnit": gp_units,
        "Party": parties.iter().map(|p| json!({
            "@id": format!("party-{p}"), "@type": "ElectionResults.Party", "Name": plain(p),
        })).collect::<Vec<_>>(),
        "Person": people,
        "Election": [{
            "@type": "ElectionResults.Election",
            "ElectionScopeId": country,
            "Name": text(&r.election.names),
            "StartDate": day,
            "EndDate": day,
            "Type": "general",
            "ExternalIdentifier": [{"@type": "ElectionResults.ExternalIdentifier", "Type": "other",
                                    "OtherType": "sailau-election-id", "Value": r.election.id.to_string()}],
            "Candidate": candidates,
            "Contest": contests,
            "BallotCounts": ballot_counts,
        }],
    })
}

/// A cell of a tabular export: text, or a whole number (written as a number in XLSX).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (codes, names, statuses; empty for "none").
    Text(String),
    /// A count.
    Number(u64),
    /// A share in percent, written with four decimals in CSV.
    Percent(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Percent(p) => format!("{p:.4}"),
        }
    }
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A table of an export: the header row and the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, as wide as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// Every precinct: `region_code,precinct_number,ocd_division,unit_code,voters_on_list,
/// ballots_issued,found_in_boxes,invalid,against_all,status` then one column per candidate
/// headed `<unit_code>:<registration number>` (empty where the candidate does not stand). An
/// awaited precinct has its registry's voters and empty counts.
pub fn precincts_table(r: &ElectionResults) -> Table {
    let cols: Vec<(usize, u32)> = r
        .units
        .iter()
        .enumerate()
        .flat_map(|(i, u)| u.candidates.iter().map(move |c| (i, c.number)))
        .collect();
    let mut header: Vec<String> = [
        "region_code",
        "precinct_number",
        "ocd_division",
        "unit_code",
        "voters_on_list",
        "ballots_issued",
        "found_in_boxes",
        "invalid",
        "against_all",
        "status",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(
        cols.iter()
            .map(|(i, n)| format!("{}:{n}", r.units[*i].unit.code)),
    );
    let mut rows = Vec::new();
    for (ui, u) in r.units.iter().enumerate() {
        for p in &u.precincts {
            let mut row = vec![
                t(p.precinct.region_code.to_string()),
                Cell::Number(u64::from(p.precinct.number)),
                t(ocd_precinct(&u.region, &u.unit, &p.precinct)),
                t(u.unit.code.to_string()),
            ];
            match &p.counts {
                Some(c) => {
                    row.extend(
                        [
                            c.voters_on_list,
                            c.ballots_issued,
                            c.found_in_boxes,
                            c.invalid,
                            c.against_all,
                        ]
                        .map(Cell::Number),
                    );
                    row.push(t("accepted"));
                }
                None => {
                    row.push(Cell::Number(u64::from(p.voters)));
                    row.extend(std::iter::repeat_n(t(""), 4));
                    row.push(t("awaited"));
                }
            }
            for (i, n) in &cols {
                row.push(match (&p.counts, *i == ui) {
                    (Some(c), true) => Cell::Number(c.votes.get(n).copied().unwrap_or(0)),
                    _ => t(""),
                });
            }
            rows.push(row);
        }
    }
    Table { header, rows }
}

/// Every unit and candidate: `unit_code,ocd_division,status,outcome,precincts_in,
/// precincts_total,voters_on_list,ballots_issued,found_in_boxes,invalid,against_all,
/// registration_number,candidate,party,votes,percent,deposit_refund`, one row per candidate
/// (percent of the ballots found in the boxes; `deposit_refund` `true`/`false`).
pub fn units_table(r: &ElectionResults) -> Table {
    let header = [
        "unit_code",
        "ocd_division",
        "status",
        "outcome",
        "precincts_in",
        "precincts_total",
        "voters_on_list",
        "ballots_issued",
        "found_in_boxes",
        "invalid",
        "against_all",
        "registration_number",
        "candidate",
        "party",
        "votes",
        "percent",
        "deposit_refund",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let mut rows = Vec::new();
    for u in &r.units {
        let tot = &u.result.totals;
        for l in &u.result.lines {
            let c = u.candidate(l.candidate);
            rows.push(vec![
                t(u.unit.code.to_string()),
                t(ocd_division(&u.region, Some(&u.unit))),
                t(u.result.status.as_str()),
                t(u.result.outcome.as_str()),
                Cell::Number(u.result.precincts_in as u64),
                Cell::Number(u.result.precincts_total as u64),
                Cell::Number(tot.voters_on_list),
                Cell::Number(tot.ballots_issued),
                Cell::Number(tot.found_in_boxes),
                Cell::Number(tot.invalid),
                Cell::Number(tot.against_all),
                Cell::Number(u64::from(l.candidate)),
                t(c.map(|c| c.name.clone()).unwrap_or_default()),
                t(c.and_then(|c| c.party.as_ref())
                    .map(|p| p.to_string())
                    .unwrap_or_default()),
                Cell::Number(l.votes),
                Cell::Percent(l.percent),
                t(l.refund.to_string()),
            ]);
        }
    }
    Table { header, rows }
}

fn csv_of(table: &Table) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&table.header)?;
    for row in &table.rows {
        w.write_record(row.iter().map(Cell::text))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// An XLSX workbook of one worksheet named `sheet`: the header row in bold and frozen, counts
/// as numbers, percentages with two decimals.
///
/// # Errors
/// [`rust_xlsxwriter::XlsxError`] only if the workbook cannot be built in memory.
pub fn xlsx_of(table: &Table, sheet: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = Format::new().set_bold();
    let pct = Format::new().set_num_format("0.00");
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, col(c), h, &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    ws.write_string(r, col(c), s)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, col(c), *n as f64)?;
                }
                Cell::Percent(p) => {
                    ws.write_number_with_format(r, col(c), *p, &pct)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// CSV of every precinct ([`precincts_table`]).
///
/// # Errors
/// [`csv::Error`] only if writing to memory fails.
pub fn precincts_csv(r: &ElectionResults) -> Result<String, csv::Error> {
    csv_of(&precincts_table(r))
}

/// CSV of every unit and candidate ([`units_table`]).
///
/// # Errors
/// [`csv::Error`] only if writing to memory fails.
pub fn units_csv(r: &ElectionResults) -> Result<String, csv::Error> {
    csv_of(&units_table(r))
}

/// XLSX of every precinct ([`precincts_table`]), one worksheet `precincts`.
///
/// # Errors
/// As [`xlsx_of`].
pub fn precincts_xlsx(r: &ElectionResults) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx_of(&precincts_table(r), "precincts")
}

/// XLSX of every unit and candidate ([`units_table`]), one worksheet `units`.
///
/// # Errors
/// As [`xlsx_of`].
pub fn units_xlsx(r: &ElectionResults) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    xlsx_of(&units_table(r), "units")
}

/// The ledger as a NIST SP 1500-101 v1 `ElectionEventLog`: one `Device` (the ledger, `Type`
/// `ems`, `HashType` `sha-256`, its `Id` the signing key's id) with one `Event` per entry:
/// `Sequence` its index, `TimeStamp` when it was applied (UTC), `Id` and `Type` the command's
/// ledger name, `Hash` its RFC 9162 leaf hash, `UserId` the account that issued it
/// (`operator` for the command line), `Disposition` `success` (only applied commands are in
/// the ledger). The entries' contents are not copied — names, birth dates and every other
/// datum stay in the ledger, which the hashes point to. `head` is the signed tree head the
/// entries end at; `generated` is `GeneratedTime`.
pub fn nist_events(
    entries: &[crate::ledger::EntryView],
    head: &sailau_ledger::SignedTreeHead,
    generated: Timestamp,
) -> Value {
    let events: Vec<Value> = entries
        .iter()
        .map(|e| {
            let user = e
                .entry
                .get("actor")
                .and_then(|a| a.get("username"))
                .and_then(Value::as_str)
                .unwrap_or("operator");
            json!({
                "@type": "EventLogging.Event",
                "Id": e.kind,
                "Type": e.kind,
                "Sequence": e.index.to_string(),
                "TimeStamp": utc(Timestamp::from_millisecond(e.at_ms).unwrap_or(Timestamp::UNIX_EPOCH)),
                "Hash": sailau_ledger::hash_to_hex(&e.leaf_hash),
                "UserId": user,
                "Disposition": "success",
                "Description": describe(&e.kind),
            })
        })
        .collect();
    json!({
        "@type": "EventLogging.ElectionEventLog",
        "GeneratedTime": utc(generated),
        "Details": format!(
            "The public ledger of sailau: an RFC 9162 Merkle tree of {} entries, root {}, \
             signed tree head of {} ms since the Unix epoch. Each event's Hash is the leaf hash \
             SHA-256(0x00 || entry) of the canonical entry at its Sequence (GET \
             /api/ledger/entries).",
            head.head.size,
            sailau_ledger::hash_to_hex(&head.head.root),
            head.head.timestamp_ms,
        ),
        "Device": [{
            "@type": "EventLogging.Device",
            "Id": format!("sailau-ledger-{}", head.key_id.to_hex()),
            "Type": "ems",
            "Manufacturer": "sailau",
            "Model": "sailau ledger",
            "Version": env!("CARGO_PKG_VERSION"),
            "HashType": "sha-256",
            "Details": "Ed25519-signed RFC 9162 tree heads; GET /api/ledger/head",
            "Event": events,
        }],
    })
}

fn utc(at: Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// A command's ledger name in words (`enter_protocol` → `Enter protocol`).
fn describe(kind: &str) -> String {
    let words = kind.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

impl crate::App {
    /// The ledger as a NIST SP 1500-101 event log ([`nist_events`]) up to the current signed
    /// tree head, generated now.
    ///
    /// # Errors
    /// Storage errors.
    pub async fn nist_events(&self) -> Result<Value, crate::AppError> {
        let head = self.signed_head().await?;
        let mut entries = Vec::new();
        while (entries.len() as u64) < head.head.size {
            let start = entries.len() as u64;
            let page = self
                .ledger_entries(start, head.head.size.min(start + crate::ledger::MAX_PAGE))
                .await?;
            if page.is_empty() {
                break;
            }
            entries.extend(page);
        }
        let now = Timestamp::from_millisecond(self.now_ms()).unwrap_or(Timestamp::UNIX_EPOCH);
        Ok(nist_events(&entries, &head, now))
    }
}

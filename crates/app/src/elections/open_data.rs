//! Open data of results (issue 12 §7): NIST SP 1500-100 v2 election results JSON, CSV per
//! precinct and per unit, and Open Civic Data style division identifiers.
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
/// from the tabulation. `generated` is `GeneratedDate`; the ledger size is `SequenceStart` and
/// `SequenceEnd` (a report is the state at one ledger size).
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
                "BallotName": plain(&c.name), "PersonId": pid,
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
    let generated = generated
        .to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
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

/// CSV of every precinct: `region_code,precinct_number,ocd_division,unit_code,voters_on_list,
/// ballots_issued,found_in_boxes,invalid,against_all,status` then one column per candidate
/// headed `<unit_code>:<registration number>` (empty where the candidate does not stand).
///
/// # Errors
/// [`csv::Error`] only if writing to memory fails.
pub fn precincts_csv(r: &ElectionResults) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
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
    w.write_record(&header)?;
    for (ui, u) in r.units.iter().enumerate() {
        for p in &u.precincts {
            let mut row = vec![
                p.precinct.region_code.to_string(),
                p.precinct.number.to_string(),
                ocd_precinct(&u.region, &u.unit, &p.precinct),
                u.unit.code.to_string(),
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
                        .iter()
                        .map(u64::to_string),
                    );
                    row.push("accepted".into());
                }
                None => {
                    row.extend([
                        p.voters.to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                    row.push("awaited".into());
                }
            }
            for (i, n) in &cols {
                row.push(match (&p.counts, *i == ui) {
                    (Some(c), true) => c.votes.get(n).copied().unwrap_or(0).to_string(),
                    _ => String::new(),
                });
            }
            w.write_record(&row)?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// CSV of every unit and candidate: `unit_code,ocd_division,status,outcome,precincts_in,
/// precincts_total,voters_on_list,ballots_issued,found_in_boxes,invalid,against_all,
/// registration_number,candidate,party,votes,percent,deposit_refund`, one row per candidate.
///
/// # Errors
/// [`csv::Error`] only if writing to memory fails.
pub fn units_csv(r: &ElectionResults) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
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
    ])?;
    for u in &r.units {
        let t = &u.result.totals;
        for l in &u.result.lines {
            let c = u.candidate(l.candidate);
            w.write_record([
                u.unit.code.to_string(),
                ocd_division(&u.region, Some(&u.unit)),
                u.result.status.as_str().to_owned(),
                u.result.outcome.as_str().to_owned(),
                u.result.precincts_in.to_string(),
                u.result.precincts_total.to_string(),
                t.voters_on_list.to_string(),
                t.ballots_issued.to_string(),
                t.found_in_boxes.to_string(),
                t.invalid.to_string(),
                t.against_all.to_string(),
                l.candidate.to_string(),
                c.map(|c| c.name.clone()).unwrap_or_default(),
                c.and_then(|c| c.party.as_ref())
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                l.votes.to_string(),
                format!("{:.4}", l.percent),
                l.refund.to_string(),
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

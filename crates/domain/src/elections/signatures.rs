//! Signature sheets of self-nominees: the lines of the sheets, their checks, and the counts of the
//! signature-verification protocol (issue 11, item 5; rules.md §3).
//!
//! A self-nominee collects supporting signatures of at least a share of the unit's voters (1% by
//! default, rounded up: rules.md §3 **[stated]**, the share is a rule-set value). The territorial
//! commission enters or imports the sheets; each line is checked here and the valid, unique
//! signatures are counted against the threshold. The grounds of invalidity, in the order a line is
//! judged:
//!
//! 1. the IIN is malformed (not 12 digits, or digits 1–7 not a birth date) — [`Ground::IinMalformed`];
//! 2. the IIN's check digit does not match — [`Ground::IinCheckDigit`] (the algorithm: [`super::iin`]);
//! 3. the signer was under the minimum age on the signing date (18, the voting age: Constitution
//!    of Kazakhstan, Art. 33 p. 2), the birth date read from the IIN — [`Ground::UnderAge`];
//! 4. the signer lives outside the unit (the address's territory is not in the unit's subtree) —
//!    [`Ground::OutsideUnit`];
//! 5. the date signed is outside the collection window — [`Ground::OutsideWindow`];
//! 6. the same IIN signed before in the candidate's sheets: the first signature counts, every later
//!    one is a duplicate — [`Ground::Duplicate`].
//!
//! A line may break several rules; every ground is reported in its [`Finding`], and the line is
//! counted once, under its first ground in the order above, so that the counts per ground add up
//! to the invalid lines.
//!
//! Personal data of signers never enters the public ledger: the command records [`Counts`] and a
//! salted hash of the lines ([`canonical_lines`]); the lines travel as the command's private data
//! and live in an erasable table.
//!
//! Pure: no I/O, no clock. Facts (the unit's territories, the window, the earlier signatures) are
//! given by the caller.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::iin::{Iin, IinError};
use super::{COMMISSION, Nomination, NominationId, RouteKind, SignatureSummary};
use crate::authz::Policy;
use crate::command::DomainCommand;
use crate::error::{Rule, ValidationErrors};
use crate::territory::TerritoryCode;
use crate::text::{self, TextKind};

/// The minimum age of a signer on the signing date: 18, the voting age (Constitution of the
/// Republic of Kazakhstan, Art. 33 p. 2). The checks take it as a parameter ([`Facts::min_age`]).
pub const SIGNER_MIN_AGE: i16 = 18;

/// The largest sheet or line number accepted (a unit of 100,000 voters needs 1,000 signatures at
/// 1%; far fewer sheets than this).
pub const MAX_NUMBER: u32 = 100_000;

/// The longest name part of a signer, in characters (as for registry people).
pub const MAX_NAME: usize = 100;

/// The longest address of a signer, in characters (as for precinct addresses).
pub const MAX_ADDRESS: usize = 500;

/// One line of a signature sheet, as entered or imported: personal data of the signer.
///
/// Field names are those of the import's columns (`sheet,line,surname,given_name,patronymic,iin,
/// address,territory_code,signed_on`). The IIN is kept as written (after trimming): checking it is
/// part of the verification, and a malformed one is a ground of invalidity, not a refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureLine {
    /// The sheet's number, from 1.
    pub sheet: u32,
    /// The line's number on its sheet, from 1.
    pub line: u32,
    /// The signer's surname.
    pub surname: String,
    /// The signer's given name.
    pub given_name: String,
    /// The signer's patronymic (empty when none).
    pub patronymic: String,
    /// The signer's IIN as written (digits and possibly spaces); checked by [`verify`].
    pub iin: String,
    /// The signer's address as written.
    pub address: String,
    /// The KATO code of the territory of the address (a village, okrug, city or district).
    pub territory_code: TerritoryCode,
    /// The date the signer signed (the signer's own entry on the sheet).
    pub signed_on: Date,
}

impl SignatureLine {
    /// Checks the text of a line and returns it normalized (trimmed, NFC, the characters of a name
    /// or an address), with every broken rule named by its field. `sheet` and `line` must be from 1
    /// to [`MAX_NUMBER`]; the IIN is only trimmed here (its checks are grounds of [`verify`]).
    pub fn validated(&self) -> Result<SignatureLine, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        for (field, n) in [("sheet", self.sheet), ("line", self.line)] {
            if !(1..=MAX_NUMBER).contains(&n) {
                errs.push(
                    field,
                    Rule::NumberOutOfRange {
                        min: 1,
                        max: MAX_NUMBER,
                    },
                );
            }
        }
        let surname = errs.absorb(text::required(
            "surname",
            &self.surname,
            MAX_NAME,
            crate::Edition::CURRENT,
        ));
        let given_name = errs.absorb(text::required(
            "given_name",
            &self.given_name,
            MAX_NAME,
            crate::Edition::CURRENT,
        ));
        let patronymic = errs.absorb(text::optional(
            "patronymic",
            &self.patronymic,
            MAX_NAME,
            crate::Edition::CURRENT,
        ));
        let address = errs.absorb(text::clean(
            "address",
            &self.address,
            TextKind::Address,
            MAX_ADDRESS,
        ));
        if address.as_deref().is_some_and(str::is_empty) {
            errs.push("address", Rule::FieldRequired);
        }
        let iin = text::normalize(&self.iin);
        if iin.is_empty() {
            errs.push("iin", Rule::FieldRequired);
        } else if iin.chars().count() > 32 || iin.chars().any(char::is_control) {
            // Whatever is written in the IIN column is kept for the commission to see, but not
            // a paragraph of it.
            errs.push("iin", Rule::FieldTooLong { max: 32 });
        }
        errs.into_result()?;
        Ok(SignatureLine {
            surname: surname.unwrap_or_default(),
            given_name: given_name.unwrap_or_default(),
            patronymic: patronymic.unwrap_or_default(),
            address: address.unwrap_or_default(),
            iin,
            ..self.clone()
        })
    }
}

/// Checks a set of lines together: each line on its own ([`SignatureLine::validated`]) and no
/// sheet and line number given twice. Returns the normalized lines, or every broken rule with the
/// position (0-based) of its line in `lines`.
pub fn validate_lines(
    lines: &[SignatureLine],
) -> Result<Vec<SignatureLine>, Vec<(usize, ValidationErrors)>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut bad = Vec::new();
    let mut seen: HashMap<(u32, u32), usize> = HashMap::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let mut errs = match l.validated() {
            Ok(v) => {
                out.push(v);
                ValidationErrors::new()
            }
            Err(e) => e,
        };
        if seen.insert((l.sheet, l.line), i).is_some() {
            errs.push(
                "line",
                Rule::SignatureLineRepeated {
                    sheet: l.sheet,
                    line: l.line,
                },
            );
        }
        if !errs.is_empty() {
            bad.push((i, errs));
        }
    }
    if bad.is_empty() { Ok(out) } else { Err(bad) }
}

/// Why a signature does not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "ground", rename_all = "snake_case")]
pub enum Ground {
    /// The IIN is not 12 digits, or its first seven digits are not a birth date.
    IinMalformed,
    /// The IIN's check digit does not match.
    IinCheckDigit,
    /// The signer was `age` years old on the signing date, under the minimum.
    UnderAge {
        /// The signer's age in whole years on the date signed.
        age: i16,
    },
    /// The address's territory is not in the unit.
    OutsideUnit,
    /// The date signed is before the window opened or after it closed.
    OutsideWindow,
    /// The same IIN signed first on sheet `sheet`, line `line` (or in sheets recorded earlier:
    /// then both are 0).
    Duplicate {
        /// The sheet of the first signature (0: recorded earlier).
        sheet: u32,
        /// The line of the first signature (0: recorded earlier).
        line: u32,
    },
}

impl Ground {
    /// The ground's name in the protocol and the message catalogs (`iin-malformed`, ...).
    pub fn key(&self) -> &'static str {
        match self {
            Ground::IinMalformed => "iin-malformed",
            Ground::IinCheckDigit => "iin-check-digit",
            Ground::UnderAge { .. } => "under-age",
            Ground::OutsideUnit => "outside-unit",
            Ground::OutsideWindow => "outside-window",
            Ground::Duplicate { .. } => "duplicate",
        }
    }
}

/// A line that does not count, with every ground it breaks (the first is the one it is counted
/// under).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The sheet's number.
    pub sheet: u32,
    /// The line's number on the sheet.
    pub line: u32,
    /// The grounds, in the order of judgement (never empty).
    pub grounds: Vec<Ground>,
}

/// The counts of a verification, as the ledger records them and the protocol shows them. The
/// invalid lines are counted once each, under their first ground, so
/// `lines = valid + iin_malformed + iin_check_digit + under_age + outside_unit + outside_window
/// + duplicate`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Distinct sheets.
    pub sheets: u32,
    /// Lines checked.
    pub lines: u32,
    /// Valid, unique signatures.
    pub valid: u32,
    /// Lines whose IIN is malformed.
    pub iin_malformed: u32,
    /// Lines whose IIN has a wrong check digit.
    pub iin_check_digit: u32,
    /// Lines of signers under the minimum age.
    pub under_age: u32,
    /// Lines of signers outside the unit.
    pub outside_unit: u32,
    /// Lines signed outside the collection window.
    pub outside_window: u32,
    /// Repeated signatures of the same IIN.
    pub duplicate: u32,
}

impl Counts {
    /// The invalid lines (all grounds).
    pub fn invalid(&self) -> u32 {
        self.iin_malformed
            + self.iin_check_digit
            + self.under_age
            + self.outside_unit
            + self.outside_window
            + self.duplicate
    }

    /// The sum of two sets of counts (a nomination's sheets recorded in several batches).
    pub fn plus(&self, other: &Counts) -> Counts {
        Counts {
            sheets: self.sheets + other.sheets,
            lines: self.lines + other.lines,
            valid: self.valid + other.valid,
            iin_malformed: self.iin_malformed + other.iin_malformed,
            iin_check_digit: self.iin_check_digit + other.iin_check_digit,
            under_age: self.under_age + other.under_age,
            outside_unit: self.outside_unit + other.outside_unit,
            outside_window: self.outside_window + other.outside_window,
            duplicate: self.duplicate + other.duplicate,
        }
    }

    /// The counts per ground, by the ground's key, in the order of judgement.
    pub fn per_ground(&self) -> [(&'static str, u32); 6] {
        [
            ("iin-malformed", self.iin_malformed),
            ("iin-check-digit", self.iin_check_digit),
            ("under-age", self.under_age),
            ("outside-unit", self.outside_unit),
            ("outside-window", self.outside_window),
            ("duplicate", self.duplicate),
        ]
    }

    fn count(&mut self, ground: &Ground) {
        let slot = match ground {
            Ground::IinMalformed => &mut self.iin_malformed,
            Ground::IinCheckDigit => &mut self.iin_check_digit,
            Ground::UnderAge { .. } => &mut self.under_age,
            Ground::OutsideUnit => &mut self.outside_unit,
            Ground::OutsideWindow => &mut self.outside_window,
            Ground::Duplicate { .. } => &mut self.duplicate,
        };
        *slot += 1;
    }
}

/// The collection window: signatures dated from `from` to `to`, both days included (local dates
/// of the unit's region).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionDates {
    /// The first day signatures may be dated.
    pub from: Date,
    /// The last day signatures may be dated.
    pub to: Date,
}

impl CollectionDates {
    /// Whether `day` is inside the window.
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }
}

/// The facts a verification needs, looked up by the caller.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The KATO codes of every territory in the unit's subtree, the unit's own included.
    pub unit: &'a HashSet<TerritoryCode>,
    /// The collection window.
    pub window: CollectionDates,
    /// The minimum age of a signer on the date signed ([`SIGNER_MIN_AGE`]).
    pub min_age: i16,
    /// The IINs of the candidate's signatures recorded earlier (in earlier batches): a line
    /// with one of them is a duplicate.
    pub earlier: &'a HashSet<String>,
}

/// What a verification found: the lines that do not count and the counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The lines that do not count, in sheet and line order.
    pub findings: Vec<Finding>,
    /// The counts per ground.
    pub counts: Counts,
    /// The IINs of this batch's lines with a well-formed IIN (to be remembered for later batches).
    pub iins: Vec<String>,
}

/// Checks every line (see the module's list of grounds) and counts them. Lines are judged in
/// sheet and line order, so "the first signature counts" means the lowest sheet and line.
pub fn verify(lines: &[SignatureLine], facts: &Facts<'_>) -> Verification {
    let mut order: Vec<&SignatureLine> = lines.iter().collect();
    order.sort_by_key(|l| (l.sheet, l.line));
    let mut counts = Counts {
        sheets: u32::try_from(lines.iter().map(|l| l.sheet).collect::<HashSet<_>>().len())
            .unwrap_or(u32::MAX),
        lines: u32::try_from(lines.len()).unwrap_or(u32::MAX),
        ..Counts::default()
    };
    let mut first_of: HashMap<String, (u32, u32)> = HashMap::with_capacity(lines.len());
    let mut findings = Vec::new();
    let mut iins = Vec::with_capacity(lines.len());
    for l in order {
        let mut grounds = Vec::new();
        let iin = match Iin::parse(&l.iin) {
            Ok(iin) => Some(iin),
            Err(IinError::Format | IinError::BirthDate) => {
                grounds.push(Ground::IinMalformed);
                None
            }
            Err(IinError::CheckDigit) => {
                grounds.push(Ground::IinCheckDigit);
                None
            }
        };
        if let Some(iin) = &iin {
            let age = iin.age_on(l.signed_on);
            if age < facts.min_age {
                grounds.push(Ground::UnderAge { age });
            }
        }
        if !facts.unit.contains(&l.territory_code) {
            grounds.push(Ground::OutsideUnit);
        }
        if !facts.window.contains(l.signed_on) {
            grounds.push(Ground::OutsideWindow);
        }
        if let Some(iin) = &iin {
            if facts.earlier.contains(iin.as_str()) {
                grounds.push(Ground::Duplicate { sheet: 0, line: 0 });
            } else if let Some((sheet, line)) = first_of.get(iin.as_str()) {
                grounds.push(Ground::Duplicate {
                    sheet: *sheet,
                    line: *line,
                });
            } else {
                first_of.insert(iin.as_str().to_owned(), (l.sheet, l.line));
                iins.push(iin.as_str().to_owned());
            }
        }
        match grounds.first() {
            None => counts.valid += 1,
            Some(g) => {
                counts.count(g);
                findings.push(Finding {
                    sheet: l.sheet,
                    line: l.line,
                    grounds,
                });
            }
        }
    }
    Verification {
        findings,
        counts,
        iins,
    }
}

/// The canonical bytes of the lines for the salted hash recorded in the ledger: one compact JSON
/// object per line ([`SignatureLine`]'s fields in order), each followed by `\n`, in the order
/// given. Anyone holding the lines and the salt can recompute the hash until the lines are erased.
pub fn canonical_lines(lines: &[SignatureLine]) -> Vec<u8> {
    let mut out = Vec::with_capacity(lines.len() * 200);
    for l in lines {
        // Serializing plain strings, numbers and dates cannot fail.
        if serde_json::to_writer(&mut out, l).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

/// The first day the signers' data of an election may be erased: `retention_days` after election
/// day (the rule set's `[retention]`).
pub fn erasable_from(election_day: Date, retention_days: u32) -> Date {
    election_day
        .checked_add(jiff::Span::new().days(i64::from(retention_days)))
        .unwrap_or(Date::MAX)
}

/// Whether the signers' data may be erased on `today` (local date of the unit's region): refused
/// before [`erasable_from`], naming that date.
pub fn check_erase(today: Date, from: Date) -> Result<(), ValidationErrors> {
    if today < from {
        return Err(ValidationErrors::one(
            "nomination",
            Rule::SignatureRetention {
                from: from.to_string(),
            },
        ));
    }
    Ok(())
}

/// The signers' lines of one batch of sheets and the salt of their hash: the private data of
/// [`RecordSignatureSheets`], written to the erasable `signature_lines` table and never to the
/// ledger. `Debug` shows only the number of lines.
#[derive(Clone, PartialEq, Eq)]
pub struct SignatureSheets {
    /// 32 random bytes, chosen by the app for each batch; kept with the lines and erased with
    /// them.
    pub salt: [u8; 32],
    /// The lines, normalized ([`validate_lines`]).
    pub lines: Vec<SignatureLine>,
}

impl std::fmt::Debug for SignatureSheets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SignatureSheets({} lines)", self.lines.len())
    }
}

/// The commission recorded a batch of a self-nominee's signature sheets (issue 11, item 5). The
/// ledger records the counts per ground, the signatures required (`RuleSet::signatures_required`) and a salted SHA-256 of the
/// lines ([`canonical_lines`] after the salt); the lines themselves are the command's private
/// data ([`SignatureSheets`]). Replaying the entry restores the nomination's signature summary
/// from the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSignatureSheets {
    /// The self-nomination the sheets support.
    pub nomination: NominationId,
    /// The counts of this batch per ground.
    pub counts: Counts,
    /// Valid signatures required: the rule set's share of the unit's voters, rounded up.
    pub required: u64,
    /// Lowercase hex SHA-256 of the salt followed by the canonical lines.
    pub rows_sha256: String,
}

impl DomainCommand for RecordSignatureSheets {
    const POLICY: Policy = COMMISSION;
    type Private = SignatureSheets;
    fn summary(&self) -> String {
        format!(
            "{} {}/{} ({} lines)",
            self.nomination, self.counts.valid, self.required, self.counts.lines
        )
    }
}

/// The commission erased the signers' personal data of a nomination, after the rule set's
/// retention period (`[retention] signer_data_days` after election day). The counts and hashes
/// stay in the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraseSignatureData {
    /// The nomination whose signers' lines are erased.
    pub nomination: NominationId,
}

impl DomainCommand for EraseSignatureData {
    const POLICY: Policy = COMMISSION;
    type Private = ();
    fn summary(&self) -> String {
        self.nomination.to_string()
    }
}

/// Checks that sheets may be recorded for `nomination`: self-nominations only, while the
/// nomination is standing. Returns the nomination's new signature summary after a batch with
/// `counts` (the valid signatures of every batch so far against `required`).
pub fn check_record(
    nomination: &Nomination,
    earlier_valid: u64,
    counts: &Counts,
    required: u64,
) -> Result<SignatureSummary, ValidationErrors> {
    if nomination.route.kind() != RouteKind::SelfNominated {
        return Err(ValidationErrors::one(
            "nomination",
            Rule::SignaturesNotSelfNominated,
        ));
    }
    Ok(SignatureSummary {
        valid: earlier_valid + u64::from(counts.valid),
        required,
    })
}

//! Validation errors: each names the field and the rule it broke.
//!
//! A [`Rule`] has a stable message key (used by the Fluent catalogs, see `sailau-i18n`) and the
//! arguments the message needs, so every interface can say the same thing in its own language.

use std::fmt;

use serde::Serialize;

use crate::territory::TerritoryKind;

/// One broken rule on one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field, as the form and the API name it (`code`, `parent_code`, `voters`, ...).
    pub field: String,
    /// The rule that the value broke.
    #[serde(flatten)]
    pub rule: Rule,
}

impl FieldError {
    /// The rule `rule` broken by the value of `field`.
    pub fn new(field: impl Into<String>, rule: Rule) -> Self {
        Self {
            field: field.into(),
            rule,
        }
    }
}

/// The rules of the registry. Each maps to a message key of the same name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum Rule {
    /// A value must be given.
    FieldRequired,
    /// Text longer than allowed.
    FieldTooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// Not a 9-digit KATO code.
    CodeFormat,
    /// The code is already in the registry.
    CodeTaken,
    /// The parent territory named does not exist.
    ParentMissing,
    /// This kind of territory cannot sit under that parent.
    ParentKindInvalid {
        /// The kind of the new territory.
        kind: TerritoryKind,
        /// The parent's kind; `None` for no parent.
        parent_kind: Option<TerritoryKind>,
    },
    /// The territory named does not exist.
    TerritoryMissing,
    /// Precincts belong to districts, cities, okrugs, villages and settlements, not to a whole region.
    PrecinctTerritoryKind {
        /// The territory's kind.
        kind: TerritoryKind,
    },
    /// Precinct numbers are whole numbers from 1 to 99,999.
    PrecinctNumberFormat,
    /// Precinct numbers are unique within a region.
    PrecinctNumberTaken,
    /// The precinct named does not exist.
    PrecinctMissing,
    /// Voters on the list: a whole number from 0 to the maximum.
    VotersOutOfRange {
        /// The largest number allowed (100,000).
        max: u32,
    },
    /// Party codes: 2–32 lowercase Latin letters, digits or hyphens.
    PartyCodeFormat,
    /// The party code is already in the registry.
    PartyTaken,
    /// The party named does not exist.
    PartyMissing,
    /// The party already has a branch on this territory.
    BranchTaken,
    /// A birth date must be a real date between 1900-01-01 and today.
    PersonBirthDateInvalid,
    /// The person id is already in the registry.
    PersonTaken,
    /// Gender: female or male.
    GenderInvalid,
    /// Usernames: 3–64 characters of a–z, 0–9, dot, hyphen, underscore.
    UsernameFormat,
    /// The username is already in use.
    UsernameTaken,
    /// The account named does not exist.
    AccountMissing,
    /// The last active administrator cannot be deactivated or given another role: nobody could
    /// manage accounts any more.
    LastAdministrator,
    /// Passwords need at least `min` characters.
    PasswordTooShort {
        /// The fewest characters allowed (10).
        min: usize,
    },
    /// The scope does not fit the role (e.g. a territorial commission needs a territory).
    RoleScopeMismatch,
    /// A role name that sailau does not know.
    RoleUnknown,
    /// A territory kind that sailau does not know.
    KindUnknown,
    /// Not a whole number.
    NumberFormat,
    /// A CSV file whose header is not the expected one.
    CsvHeaderInvalid {
        /// The header expected, comma-separated.
        expected: String,
    },
    /// Text with control characters (line breaks, tabs, ...).
    TextControlChars,
    /// The current password given does not match.
    PasswordWrong,
    /// Text with bidirectional controls or invisible (zero-width) characters.
    TextInvisibleChars,
    /// A character this kind of text cannot hold (e.g. `<` in a name).
    TextCharNotAllowed {
        /// The character refused, as written.
        character: String,
    },
    /// A word that mixes scripts, e.g. Latin letters that look Cyrillic inside a Cyrillic word
    /// (UTS #39 mixed-script detection).
    TextMixedScript {
        /// The word refused.
        word: String,
    },
    /// A whole number was expected and a fraction (`1,5`) was given.
    NumberNotWhole,
    /// A count was expected and a negative number (`-5`) was given.
    NumberNegative,
    /// The number has more digits than any count sailau keeps (above 18 446 744 073 709 551 615).
    NumberTooLarge,
    /// A territory's KATO code must extend its parent's code at the parent's level: its first
    /// `digits` digits are the parent's (`prefix`), the rest are the new level's (not all zero)
    /// followed by zeros.
    CodeParentMismatch {
        /// The parent's significant digits.
        prefix: String,
        /// How many leading digits are the parent's.
        digits: usize,
    },
    /// A name that reads like another party's name (compared after normalization, case folding
    /// and confusable folding).
    PartyNameTaken {
        /// The name of the party it reads like.
        name: String,
    },
    /// A spreadsheet cell of the wrong type: `cell` (e.g. `A2`) holds a `found`
    /// (`date`, `boolean`, `error`, ...) where `expected` (`whole-number`, `code`, `text`) was due.
    CellType {
        /// The cell, in spreadsheet notation (`A2`).
        cell: String,
        /// The type found: `date`, `boolean`, `error`, `number`, ...
        found: String,
        /// The type due: `whole-number`, `code`, `text`.
        expected: String,
    },
    /// The file is of another kind than the import expects (recognized by its header).
    ImportWrongFile {
        /// The kind of file it is (`territories`, `precincts`, `parties`).
        kind: String,
    },
    /// A row with more cells than the header (often a broken multi-line field).
    ImportRowWidth {
        /// Cells in the row.
        cells: usize,
        /// Cells in the header.
        expected: usize,
    },
    /// The text of a field is not valid in the file's encoding.
    ImportEncoding {
        /// The encoding the file was read in.
        encoding: String,
    },
    /// A `?` inside a word of a Windows-1251 file: Kazakh letters were lost when it was saved.
    ImportLostLetters {
        /// The text with the `?`.
        text: String,
    },
    // i11-core: elections (issue 11). Fields are message variables.
    /// No person of the registry has this identifier.
    PersonMissing,
    /// The {window} window opens {date} at {time} local time.
    WindowNotOpen {
        /// The window's name.
        window: String,
        /// Its local date, `DD.MM.YYYY`.
        date: String,
        /// Its local time of day, `HH:MM`.
        time: String,
    },
    /// The {window} window closed {date} at {time} local time.
    WindowClosed {
        /// The window's name.
        window: String,
        /// Its local date, `DD.MM.YYYY`.
        date: String,
        /// Its local time of day, `HH:MM`.
        time: String,
    },
    /// The calendar cannot be computed: {reason}.
    CalendarInvalid {
        /// Why, in words.
        reason: String,
    },
    /// A rule set's key is wrong: `problem` is its kind (see
    /// [`crate::elections::rules::RuleSetProblem::code`]), `line` the line of a syntax error.
    RuleSetInvalid {
        /// The rule-set key, as a dotted path.
        key: String,
        /// The kind of problem ([`crate::elections::rules::RuleSetProblem::code`]).
        problem: String,
        /// The line of a syntax error; 0 for other problems.
        line: u64,
    },
    /// The SHA-256 given is not the rule set's.
    RuleSetDigestMismatch,
    /// The rule set is for {level} elections.
    RuleSetLevel {
        /// The election level (`district`, `rural`).
        level: String,
    },
    /// An election with this identifier exists.
    ElectionTaken,
    /// No such election.
    ElectionMissing,
    /// The contest identifier {contest} is taken.
    ContestTaken {
        /// The contest's identifier.
        contest: String,
    },
    /// No such contest.
    ContestMissing,
    /// The unit {unit} is listed twice.
    ContestUnitTwice {
        /// The unit's KATO code.
        unit: String,
    },
    /// The territory {unit} does not elect a {level} akim.
    UnitLevelMismatch {
        /// The unit's KATO code.
        unit: String,
        /// The election level (`district`, `rural`).
        level: String,
    },
    /// The unit {unit} is outside the calling commission's territory.
    UnitOutsideTerritory {
        /// The unit's KATO code.
        unit: String,
    },
    /// The unit {unit} already has an election on this day.
    UnitBusy {
        /// The unit's KATO code.
        unit: String,
    },
    /// Election day must be after today.
    ElectionDayPast,
    /// {registered} registered, at least {min} needed.
    TooFewCandidates {
        /// Candidates registered in the contest.
        registered: u64,
        /// The rule set's minimum number of candidates.
        min: u64,
    },
    /// {registered} registered already (minimum {min}): the higher akim's route is not open.
    EnoughCandidates {
        /// Candidates registered in the contest.
        registered: u64,
        /// The rule set's minimum number of candidates.
        min: u64,
    },
    /// A nomination with this identifier exists.
    NominationTaken,
    /// No such nomination.
    NominationMissing,
    /// The rule set does not open the {route} route.
    RouteClosed {
        /// The nomination route.
        route: String,
    },
    /// The registry holds this person with other data.
    PersonMismatch,
    /// This person already stands in this contest.
    PersonAlreadyStands,
    /// {qualification} is not in the rule set's checklist.
    QualificationUnknown {
        /// The qualification's key in the rule set.
        qualification: String,
    },
    /// The qualification {qualification} is not declared.
    QualificationMissing {
        /// The qualification's key in the rule set.
        qualification: String,
    },
    /// At least {min} years old on election day {election_day}; the candidate will be {age}.
    CandidateTooYoung {
        /// The rule set's minimum age, in years.
        min: u64,
        /// The candidate's age on election day, in whole years.
        age: u64,
        /// Election day, `DD.MM.YYYY`.
        election_day: String,
    },
    /// The party {party} already has a nominee in this unit (one per unit).
    PartyNomineeTaken {
        /// The party's code.
        party: String,
    },
    /// A party nominates its members only: name the membership document.
    PartyMembershipMissing,
    /// Another nomination still standing in this contest (nominated or registered) already
    /// declares its candidate the sitting akim of the unit: a unit has one akim, so at most one
    /// standing nomination may declare it.
    IncumbentTaken,
    /// The date is after today.
    DateInFuture,
    /// The nomination is {status}: no longer awaiting a decision.
    NominationStatus {
        /// The nomination's current status.
        status: String,
    },
    /// {document} is not a document of this route.
    DocumentUnknown {
        /// The document's key in the rule set.
        document: String,
    },
    /// The document {document} is missing.
    DocumentMissing {
        /// The document's key in the rule set.
        document: String,
    },
    /// The file has {size} bytes, at most {max} are accepted.
    AttachmentTooLarge {
        /// The file's size, in bytes.
        size: u64,
        /// The limit, in bytes.
        max: u64,
    },
    /// The file is not one of: {allowed} (by its content).
    AttachmentType {
        /// The accepted file types.
        allowed: String,
    },
    /// The file does not match its recorded hash, size or type.
    AttachmentMismatch,
    /// {amount} tenge paid, the deposit for {year} is {required} tenge.
    DepositTooLow {
        /// The amount paid, in tenge.
        amount: u64,
        /// The amount required, in tenge.
        required: u64,
        /// The election year.
        year: String,
    },
    /// The rule set has no minimum wage for {year}.
    DepositWageUnknown {
        /// The election year.
        year: String,
    },
    /// The deposit has not been recorded.
    DepositMissing,
    /// No verified signature sheets.
    SignaturesMissing,
    /// {valid} valid signatures, {required} required.
    SignaturesTooFew {
        /// Valid unique signatures counted.
        valid: u64,
        /// Valid signatures required (the threshold).
        required: u64,
    },
    /// {ground} is not a ground of refusal in the rule set.
    GroundUnknown {
        /// The ground's key.
        ground: String,
    },
    /// Only a party's nominee can be recalled.
    RecallNotParty,
    // i11-sign
    /// A whole number from `min` to `max` was expected (sheet and line numbers).
    NumberOutOfRange {
        /// The smallest number allowed.
        min: u32,
        /// The largest number allowed.
        max: u32,
    },
    /// A date written neither as `YYYY-MM-DD` nor as `DD.MM.YYYY`, or not a real day.
    DateFormat,
    /// The same sheet and line number given twice in the signature sheets.
    SignatureLineRepeated {
        /// The sheet's number.
        sheet: u32,
        /// The line's number.
        line: u32,
    },
    /// The signers' data may be erased only from `from` (election day plus the rule set's
    /// retention period), as `YYYY-MM-DD`.
    SignatureRetention {
        /// The first day erasure is allowed.
        from: String,
    },
    /// Signature sheets belong to self-nominations only.
    SignaturesNotSelfNominated,
    /// The counts were computed against facts that changed before the sheets were recorded
    /// (the unit's territories or voters, the window): the sheets must be checked again.
    SignatureFactsChanged,
    // i13-party
    /// A rule of the party context (members, conferences, delegates, votes).
    Party(crate::party::rules::PartyRule),
    // i12-day
    /// A rule of election day (turnout, protocols, observers' copies).
    Day(crate::elections::protocol::DayRule),
    // i12-results
    /// A rule of the results side of election day (certification).
    Results(crate::elections::certification::ResultsRule),
    // i14-primaries
    /// A rule of the primaries (campaigns, contenders, debates, paper counts).
    Primaries(crate::primaries::rules::PrimariesRule),
}

impl From<crate::party::rules::PartyRule> for Rule {
    fn from(r: crate::party::rules::PartyRule) -> Rule {
        Rule::Party(r)
    }
}

impl Rule {
    /// The message key in the Fluent catalogs.
    pub fn key(&self) -> &'static str {
        match self {
            Rule::FieldRequired => "field-required",
            Rule::FieldTooLong { .. } => "field-too-long",
            Rule::CodeFormat => "code-format",
            Rule::CodeTaken => "code-taken",
            Rule::ParentMissing => "parent-missing",
            Rule::ParentKindInvalid { .. } => "parent-kind-invalid",
            Rule::TerritoryMissing => "territory-missing",
            Rule::PrecinctTerritoryKind { .. } => "precinct-territory-kind",
            Rule::PrecinctNumberFormat => "precinct-number-format",
            Rule::PrecinctNumberTaken => "precinct-number-taken",
            Rule::PrecinctMissing => "precinct-missing",
            Rule::VotersOutOfRange { .. } => "voters-out-of-range",
            Rule::PartyCodeFormat => "party-code-format",
            Rule::PartyTaken => "party-taken",
            Rule::PartyMissing => "party-missing",
            Rule::BranchTaken => "branch-taken",
            Rule::PersonBirthDateInvalid => "person-birth-date-invalid",
            Rule::PersonTaken => "person-taken",
            Rule::GenderInvalid => "gender-invalid",
            Rule::UsernameFormat => "username-format",
            Rule::UsernameTaken => "username-taken",
            Rule::AccountMissing => "account-missing",
            Rule::LastAdministrator => "last-administrator",
            Rule::PasswordTooShort { .. } => "password-too-short",
            Rule::RoleScopeMismatch => "role-scope-mismatch",
            Rule::RoleUnknown => "role-unknown",
            Rule::KindUnknown => "kind-unknown",
            Rule::NumberFormat => "number-format",
            Rule::CsvHeaderInvalid { .. } => "csv-header-invalid",
            Rule::TextControlChars => "text-control-chars",
            Rule::PasswordWrong => "password-wrong",
            Rule::TextInvisibleChars => "text-invisible-chars",
            Rule::TextCharNotAllowed { .. } => "text-char-not-allowed",
            Rule::TextMixedScript { .. } => "text-mixed-script",
            Rule::NumberNotWhole => "number-not-whole",
            Rule::NumberNegative => "number-negative",
            Rule::NumberTooLarge => "number-too-large",
            Rule::CodeParentMismatch { .. } => "code-parent-mismatch",
            Rule::PartyNameTaken { .. } => "party-name-taken",
            Rule::CellType { .. } => "cell-type",
            Rule::ImportWrongFile { .. } => "import-wrong-file",
            Rule::ImportRowWidth { .. } => "import-row-width",
            Rule::ImportEncoding { .. } => "import-encoding",
            Rule::ImportLostLetters { .. } => "import-lost-letters",
            Rule::PersonMissing => "person-missing",
            Rule::WindowNotOpen { .. } => "election-window-not-open",
            Rule::WindowClosed { .. } => "election-window-closed",
            Rule::CalendarInvalid { .. } => "election-calendar-invalid",
            Rule::RuleSetInvalid { .. } => "election-rule-set-invalid",
            Rule::RuleSetDigestMismatch => "election-rule-set-digest",
            Rule::RuleSetLevel { .. } => "election-rule-set-level",
            Rule::ElectionTaken => "election-taken",
            Rule::ElectionMissing => "election-missing",
            Rule::ContestTaken { .. } => "election-contest-taken",
            Rule::ContestMissing => "election-contest-missing",
            Rule::ContestUnitTwice { .. } => "election-unit-twice",
            Rule::UnitLevelMismatch { .. } => "election-unit-level",
            Rule::UnitOutsideTerritory { .. } => "election-unit-outside",
            Rule::UnitBusy { .. } => "election-unit-busy",
            Rule::ElectionDayPast => "election-day-past",
            Rule::TooFewCandidates { .. } => "election-too-few-candidates",
            Rule::EnoughCandidates { .. } => "election-enough-candidates",
            Rule::NominationTaken => "election-nomination-taken",
            Rule::NominationMissing => "election-nomination-missing",
            Rule::RouteClosed { .. } => "election-route-closed",
            Rule::PersonMismatch => "election-person-mismatch",
            Rule::PersonAlreadyStands => "election-person-stands",
            Rule::QualificationUnknown { .. } => "election-qualification-unknown",
            Rule::QualificationMissing { .. } => "election-qualification-missing",
            Rule::CandidateTooYoung { .. } => "election-too-young",
            Rule::PartyNomineeTaken { .. } => "election-party-nominee-taken",
            Rule::PartyMembershipMissing => "election-membership-missing",
            Rule::IncumbentTaken => "election-incumbent-taken",
            Rule::DateInFuture => "election-date-future",
            Rule::NominationStatus { .. } => "election-nomination-status",
            Rule::DocumentUnknown { .. } => "election-document-unknown",
            Rule::DocumentMissing { .. } => "election-document-missing",
            Rule::AttachmentTooLarge { .. } => "election-attachment-too-large",
            Rule::AttachmentType { .. } => "election-attachment-type",
            Rule::AttachmentMismatch => "election-attachment-mismatch",
            Rule::DepositTooLow { .. } => "election-deposit-too-low",
            Rule::DepositWageUnknown { .. } => "election-deposit-wage-unknown",
            Rule::DepositMissing => "election-deposit-missing",
            Rule::SignaturesMissing => "election-signatures-missing",
            Rule::SignaturesTooFew { .. } => "election-signatures-too-few",
            Rule::GroundUnknown { .. } => "election-ground-unknown",
            Rule::RecallNotParty => "election-recall-not-party",
            // i11-sign
            Rule::NumberOutOfRange { .. } => "number-out-of-range",
            Rule::DateFormat => "date-format",
            Rule::SignatureLineRepeated { .. } => "signature-line-repeated",
            Rule::SignatureRetention { .. } => "signature-retention",
            Rule::SignaturesNotSelfNominated => "signatures-not-self-nominated",
            Rule::SignatureFactsChanged => "signature-facts-changed",
            Rule::Party(r) => r.key(),
            Rule::Day(r) => r.key(),
            Rule::Results(r) => r.key(),
            Rule::Primaries(r) => r.key(),
        }
    }

    /// The variables the message needs, by name.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Rule::FieldTooLong { max } => vec![("max", max.to_string())],
            Rule::ParentKindInvalid { kind, parent_kind } => vec![
                ("kind", kind.as_str().to_owned()),
                (
                    "parent_kind",
                    parent_kind.map(|k| k.as_str()).unwrap_or("none").to_owned(),
                ),
            ],
            Rule::PrecinctTerritoryKind { kind } => vec![("kind", kind.as_str().to_owned())],
            Rule::VotersOutOfRange { max } => vec![("max", max.to_string())],
            Rule::PasswordTooShort { min } => vec![("min", min.to_string())],
            Rule::CsvHeaderInvalid { expected } => vec![("expected", expected.clone())],
            Rule::TextCharNotAllowed { character } => vec![("character", character.clone())],
            Rule::TextMixedScript { word } => vec![("word", word.clone())],
            Rule::CodeParentMismatch { prefix, digits } => {
                vec![("prefix", prefix.clone()), ("digits", digits.to_string())]
            }
            Rule::PartyNameTaken { name } => vec![("name", name.clone())],
            Rule::CellType {
                cell,
                found,
                expected,
            } => vec![
                ("cell", cell.clone()),
                ("found", found.clone()),
                ("expected", expected.clone()),
            ],
            Rule::ImportWrongFile { kind } => vec![("kind", kind.clone())],
            Rule::ImportRowWidth { cells, expected } => {
                vec![
                    ("cells", cells.to_string()),
                    ("expected", expected.to_string()),
                ]
            }
            Rule::ImportEncoding { encoding } => vec![("encoding", encoding.clone())],
            Rule::ImportLostLetters { text } => vec![("text", text.clone())],
            Rule::WindowNotOpen { window, date, time } => vec![
                ("window", window.to_string()),
                ("date", date.to_string()),
                ("time", time.to_string()),
            ],
            Rule::WindowClosed { window, date, time } => vec![
                ("window", window.to_string()),
                ("date", date.to_string()),
                ("time", time.to_string()),
            ],
            Rule::CalendarInvalid { reason } => vec![("reason", reason.to_string())],
            Rule::RuleSetInvalid { key, problem, line } => vec![
                ("key", key.to_string()),
                ("problem", problem.to_string()),
                ("line", line.to_string()),
            ],
            Rule::RuleSetLevel { level } => vec![("level", level.to_string())],
            Rule::ContestTaken { contest } => vec![("contest", contest.to_string())],
            Rule::ContestUnitTwice { unit } => vec![("unit", unit.to_string())],
            Rule::UnitLevelMismatch { unit, level } => {
                vec![("unit", unit.to_string()), ("level", level.to_string())]
            }
            Rule::UnitOutsideTerritory { unit } => vec![("unit", unit.to_string())],
            Rule::UnitBusy { unit } => vec![("unit", unit.to_string())],
            Rule::TooFewCandidates { registered, min } => vec![
                ("registered", registered.to_string()),
                ("min", min.to_string()),
            ],
            Rule::EnoughCandidates { registered, min } => vec![
                ("registered", registered.to_string()),
                ("min", min.to_string()),
            ],
            Rule::RouteClosed { route } => vec![("route", route.to_string())],
            Rule::QualificationUnknown { qualification } => {
                vec![("qualification", qualification.to_string())]
            }
            Rule::QualificationMissing { qualification } => {
                vec![("qualification", qualification.to_string())]
            }
            Rule::CandidateTooYoung {
                min,
                age,
                election_day,
            } => vec![
                ("min", min.to_string()),
                ("age", age.to_string()),
                ("election_day", election_day.to_string()),
            ],
            Rule::PartyNomineeTaken { party } => vec![("party", party.to_string())],
            Rule::NominationStatus { status } => vec![("state", status.to_string())],
            Rule::DocumentUnknown { document } => vec![("document", document.to_string())],
            Rule::DocumentMissing { document } => vec![("document", document.to_string())],
            Rule::AttachmentTooLarge { size, max } => {
                vec![("size", size.to_string()), ("max", max.to_string())]
            }
            Rule::AttachmentType { allowed } => vec![("allowed", allowed.to_string())],
            Rule::DepositTooLow {
                amount,
                required,
                year,
            } => vec![
                ("amount", amount.to_string()),
                ("required", required.to_string()),
                ("year", year.to_string()),
            ],
            Rule::DepositWageUnknown { year } => vec![("year", year.to_string())],
            Rule::SignaturesTooFew { valid, required } => vec![
                ("valid", valid.to_string()),
                ("required", required.to_string()),
            ],
            Rule::GroundUnknown { ground } => vec![("ground", ground.to_string())],
            // i11-sign
            Rule::NumberOutOfRange { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            Rule::SignatureLineRepeated { sheet, line } => {
                vec![("sheet", sheet.to_string()), ("line", line.to_string())]
            }
            Rule::SignatureRetention { from } => vec![("date", day_month_year(from))],
            Rule::Party(r) => r.args(),
            Rule::Day(r) => r.args(),
            Rule::Results(r) => r.args(),
            Rule::Primaries(r) => r.args(),
            _ => Vec::new(),
        }
    }

    /// The rule in plain English, for logs, the CLI and API `detail` fields.
    pub fn english(&self) -> String {
        match self {
            Rule::FieldRequired => "a value is required".into(),
            Rule::FieldTooLong { max } => format!("at most {max} characters"),
            Rule::CodeFormat => "a KATO code is exactly 9 digits".into(),
            Rule::CodeTaken => "this code is already in the registry".into(),
            Rule::ParentMissing => "no territory has this parent code".into(),
            Rule::ParentKindInvalid { kind, parent_kind } => match parent_kind {
                Some(p) => format!(
                    "a {} cannot be placed under a {}",
                    kind.as_str(),
                    p.as_str()
                ),
                None => format!("a {} needs a parent territory", kind.as_str()),
            },
            Rule::TerritoryMissing => "no territory has this code".into(),
            Rule::PrecinctTerritoryKind { kind } => {
                format!("precincts cannot belong directly to a {}", kind.as_str())
            }
            Rule::PrecinctNumberFormat => {
                "a precinct number is a whole number from 1 to 99999".into()
            }
            Rule::PrecinctNumberTaken => {
                "this precinct number is already used in the region".into()
            }
            Rule::PrecinctMissing => "no such precinct".into(),
            Rule::VotersOutOfRange { max } => format!("a whole number from 0 to {max}"),
            Rule::PartyCodeFormat => "2 to 32 lowercase Latin letters, digits or hyphens".into(),
            Rule::PartyTaken => "this party code is already in the registry".into(),
            Rule::PartyMissing => "no party has this code".into(),
            Rule::BranchTaken => "the party already has a branch on this territory".into(),
            Rule::PersonBirthDateInvalid => "a date between 1900-01-01 and today".into(),
            Rule::PersonTaken => "this person is already in the registry".into(),
            Rule::GenderInvalid => "female or male".into(),
            Rule::UsernameFormat => "3 to 64 characters: a-z, 0-9, dot, hyphen, underscore".into(),
            Rule::UsernameTaken => "this username is taken".into(),
            Rule::AccountMissing => "no such account".into(),
            Rule::LastAdministrator => {
                "the last active administrator cannot be disabled or given another role".into()
            }
            Rule::PasswordTooShort { min } => format!("at least {min} characters"),
            Rule::RoleScopeMismatch => "this scope does not fit the role".into(),
            Rule::RoleUnknown => "not a known role".into(),
            Rule::KindUnknown => "not a known kind of territory".into(),
            Rule::NumberFormat => "not a whole number".into(),
            Rule::CsvHeaderInvalid { expected } => format!("the header row must be: {expected}"),
            Rule::TextControlChars => "no line breaks, tabs or other control characters".into(),
            Rule::PasswordWrong => "this is not the current password".into(),
            Rule::TextInvisibleChars => {
                "no invisible characters (zero-width spaces, direction marks)".into()
            }
            Rule::TextCharNotAllowed { character } => {
                format!("the character «{character}» is not allowed here")
            }
            Rule::TextMixedScript { word } => format!(
                "the word «{word}» mixes alphabets (Latin letters that look Cyrillic, or the reverse)"
            ),
            Rule::NumberNotWhole => "a whole number is expected, not a fraction".into(),
            Rule::NumberNegative => "a count cannot be negative".into(),
            Rule::NumberTooLarge => "the number is too large".into(),
            Rule::CodeParentMismatch { prefix, digits } => format!(
                "the code must start with the parent's {digits} digits {prefix}, then its own non-zero digits, then zeros"
            ),
            Rule::PartyNameTaken { name } => {
                format!("this name reads the same as the registered party «{name}»")
            }
            Rule::CellType {
                cell,
                found,
                expected,
            } => format!(
                "{cell} is a {found}; expected {}",
                expected.replace('-', " ")
            ),
            Rule::ImportWrongFile { kind } => {
                format!("this is a {kind} file, not the kind this import takes")
            }
            Rule::ImportRowWidth { cells, expected } => format!(
                "this row has {cells} cells but the header has {expected} (a quote left open?)"
            ),
            Rule::ImportEncoding { encoding } => format!("not valid {encoding} text"),
            Rule::ImportLostLetters { text } => format!(
                "«{text}» has '?' inside words: Kazakh letters were probably lost when the file was saved as Windows-1251; save it as CSV UTF-8"
            ),
            Rule::PersonMissing => "no person has this identifier".into(),
            Rule::WindowNotOpen { window, date, time } => {
                format!("the {window} window opens {date} at {time} local time")
            }
            Rule::WindowClosed { window, date, time } => {
                format!("the {window} window closed {date} at {time} local time")
            }
            Rule::CalendarInvalid { reason } => {
                format!("the calendar cannot be computed: {reason}")
            }
            Rule::RuleSetInvalid { key, problem, line } => {
                format!("rule set key {key} (line {line}): {problem}")
            }
            Rule::RuleSetDigestMismatch => "the SHA-256 given is not the rule set's".into(),
            Rule::RuleSetLevel { level } => format!("the rule set is for {level} elections"),
            Rule::ElectionTaken => "an election with this identifier exists".into(),
            Rule::ElectionMissing => "no such election".into(),
            Rule::ContestTaken { contest } => format!("the contest identifier {contest} is taken"),
            Rule::ContestMissing => "no such contest".into(),
            Rule::ContestUnitTwice { unit } => format!("the unit {unit} is listed twice"),
            Rule::UnitLevelMismatch { unit, level } => {
                format!("the territory {unit} does not elect a {level} akim")
            }
            Rule::UnitOutsideTerritory { unit } => {
                format!("the unit {unit} is outside the calling commission's territory")
            }
            Rule::UnitBusy { unit } => {
                format!("the unit {unit} already has an election on this day")
            }
            Rule::ElectionDayPast => "election day must be after today".into(),
            Rule::TooFewCandidates { registered, min } => {
                format!("{registered} registered, at least {min} needed")
            }
            Rule::EnoughCandidates { registered, min } => format!(
                "{registered} registered already (minimum {min}): the higher akim's route is not open"
            ),
            Rule::NominationTaken => "a nomination with this identifier exists".into(),
            Rule::NominationMissing => "no such nomination".into(),
            Rule::RouteClosed { route } => format!("the rule set does not open the {route} route"),
            Rule::PersonMismatch => "the registry holds this person with other data".into(),
            Rule::PersonAlreadyStands => "this person already stands in this contest".into(),
            Rule::QualificationUnknown { qualification } => {
                format!("{qualification} is not in the rule set's checklist")
            }
            Rule::QualificationMissing { qualification } => {
                format!("the qualification {qualification} is not declared")
            }
            Rule::CandidateTooYoung {
                min,
                age,
                election_day,
            } => format!(
                "at least {min} years old on election day {election_day}; the candidate will be {age}"
            ),
            Rule::PartyNomineeTaken { party } => {
                format!("the party {party} already has a nominee in this unit (one per unit)")
            }
            Rule::PartyMembershipMissing => {
                "a party nominates its members only: name the membership document".into()
            }
            Rule::IncumbentTaken => {
                "another standing nomination in this contest already declares its candidate the sitting akim (a unit has one akim)".into()
            }
            Rule::DateInFuture => "the date is after today".into(),
            Rule::NominationStatus { status } => {
                format!("the nomination is {status}: no longer awaiting a decision")
            }
            Rule::DocumentUnknown { document } => {
                format!("{document} is not a document of this route")
            }
            Rule::DocumentMissing { document } => format!("the document {document} is missing"),
            Rule::AttachmentTooLarge { size, max } => {
                format!("the file has {size} bytes, at most {max} are accepted")
            }
            Rule::AttachmentType { allowed } => {
                format!("the file is not one of: {allowed} (by its content)")
            }
            Rule::AttachmentMismatch => {
                "the file does not match its recorded hash, size or type".into()
            }
            Rule::DepositTooLow {
                amount,
                required,
                year,
            } => format!("{amount} tenge paid, the deposit for {year} is {required} tenge"),
            Rule::DepositWageUnknown { year } => {
                format!("the rule set has no minimum wage for {year}")
            }
            Rule::DepositMissing => "the deposit has not been recorded".into(),
            Rule::SignaturesMissing => "no verified signature sheets".into(),
            Rule::SignaturesTooFew { valid, required } => {
                format!("{valid} valid signatures, {required} required")
            }
            Rule::GroundUnknown { ground } => {
                format!("{ground} is not a ground of refusal in the rule set")
            }
            Rule::RecallNotParty => "only a party's nominee can be recalled".into(),
            // i11-sign
            Rule::NumberOutOfRange { min, max } => format!("a whole number from {min} to {max}"),
            Rule::DateFormat => "a date as YYYY-MM-DD or DD.MM.YYYY".into(),
            Rule::SignatureLineRepeated { sheet, line } => {
                format!("sheet {sheet}, line {line} is given twice")
            }
            Rule::SignatureRetention { from } => {
                format!("the signers' data may be erased from {from}")
            }
            Rule::SignaturesNotSelfNominated => {
                "signature sheets are collected by self-nominees only".into()
            }
            Rule::SignatureFactsChanged => {
                "the unit or the collection window changed while the sheets were checked; check them again".into()
            }
            Rule::Party(r) => r.english(),
            Rule::Day(r) => r.english(),
            Rule::Results(r) => r.english(),
            Rule::Primaries(r) => r.english(),
        }
    }
}

/// `YYYY-MM-DD` as `DD.MM.YYYY`, the way dates are written in Kazakhstan (other text unchanged).
fn day_month_year(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) if iso.len() == 10 => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.rule.english())
    }
}

/// All the rules a command broke (never empty when returned as an error).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// No broken rule yet.
    pub fn new() -> Self {
        Self(Vec::new())
    }
    /// One broken rule.
    pub fn one(field: impl Into<String>, rule: Rule) -> Self {
        Self(vec![FieldError::new(field, rule)])
    }
    /// Records that `field` broke `rule`.
    pub fn push(&mut self, field: impl Into<String>, rule: Rule) {
        self.0.push(FieldError::new(field, rule));
    }
    /// Whether no rule was broken.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Ok when nothing was pushed, the errors otherwise.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
    /// Collects the error of a sub-check, if any.
    pub fn absorb<T>(&mut self, r: Result<T, ValidationErrors>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.extend(e.0);
                None
            }
        }
    }
    /// The error for one field, if any (for forms that show errors next to fields).
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for e in &self.0 {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// Why the domain refused a command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("invalid: {0}")]
    /// Rules were broken; nothing was written.
    Invalid(#[from] ValidationErrors),
    #[error("forbidden: {0}")]
    /// The actor may not do this; nothing was written.
    Forbidden(#[from] crate::authz::Denied),
}

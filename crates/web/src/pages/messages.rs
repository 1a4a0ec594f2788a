//! Every error a page can show, in the reader's language.
//!
//! The app and the domain describe errors with types ([`AppError`], [`Denied`], [`Rule`],
//! [`ImportError`]); their `Display` texts are English and carry internal identifiers
//! (`create_precinct`, `observer`) meant for logs and the command line. Pages never show those:
//! they go through the functions here, which take every message from the Fluent catalogs. A test
//! walks every variant in every language and fails on an untranslated or identifier-bearing one.

use sailau_app::AppError;
use sailau_app::import::{ImportError, RowError};
use sailau_domain::{CommandKind, Denied, Read};

use super::ctx::PageCtx;

/// The message key of what a command does, as a noun phrase ("adding a polling station"):
/// `action-…`, for sentences such as "the role … does not allow …".
pub fn action_key(kind: CommandKind) -> &'static str {
    match kind {
        CommandKind::CreateTerritory => "action-create-territory",
        CommandKind::RenameTerritory => "action-rename-territory",
        CommandKind::CreatePrecinct => "action-create-precinct",
        CommandKind::UpdatePrecinct => "action-update-precinct",
        CommandKind::CreateParty => "action-create-party",
        CommandKind::UpdateParty => "action-update-party",
        CommandKind::CreateBranch => "action-create-branch",
        CommandKind::RegisterPerson => "action-register-person",
        CommandKind::CreateAccount => "action-create-account",
        CommandKind::ChangeAccountRole => "action-change-account-role",
        CommandKind::SetAccountActive => "action-set-account-active",
        CommandKind::ChangePassword => "action-change-password",
        CommandKind::CallElection => "action-call-election",
        CommandKind::NominateByParty => "action-nominate-by-party",
        CommandKind::ApplySelfNomination => "action-apply-self-nomination",
        CommandKind::ProposeByHigherAkim => "action-propose-by-higher-akim",
        CommandKind::AttachDocument => "action-attach-document",
        CommandKind::TickDocument => "action-tick-document",
        CommandKind::RecordDeposit => "action-record-deposit",
        CommandKind::RegisterCandidate => "action-register-candidate",
        CommandKind::RefuseRegistration => "action-refuse-registration",
        CommandKind::CancelRegistration => "action-cancel-registration",
        CommandKind::ProduceBallots => "action-produce-ballots",
        // i11-sign
        CommandKind::RecordSignatureSheets => "action-record-signature-sheets",
        CommandKind::EraseSignatureData => "action-erase-signature-data",
        // i13-party
        CommandKind::RecordMember => "action-record-member",
        CommandKind::EraseMemberData => "action-erase-member-data",
        CommandKind::SetConferenceCount => "action-set-conference-count",
        CommandKind::ConveneConference => "action-convene-conference",
        CommandKind::SeatDelegate => "action-seat-delegate",
        CommandKind::CheckIn => "action-check-in",
        CommandKind::OpenMotion => "action-open-motion",
        CommandKind::RecordVote => "action-record-vote",
        CommandKind::RecordPrimaryMeeting => "action-record-primary-meeting",
        CommandKind::AdoptRegionalPlan => "action-adopt-regional-plan",
        // i12-day
        CommandKind::ReportTurnout => "action-report-turnout",
        CommandKind::EnterProtocol => "action-enter-protocol",
        CommandKind::AmendProtocol => "action-amend-protocol",
        CommandKind::AttachProtocolScan => "action-attach-protocol-scan",
        CommandKind::RecordObserverCopy => "action-record-observer-copy",
        // i12-results
        CommandKind::CertifyResults => "action-certify-results",
        // i14-primaries
        CommandKind::OpenCampaign => "action-open-campaign",
        CommandKind::RegisterContender => "action-register-contender",
        CommandKind::DecideContender => "action-decide-contender",
        CommandKind::WithdrawContender => "action-withdraw-contender",
        CommandKind::ScheduleDebate => "action-schedule-debate",
        CommandKind::RecordDebate => "action-record-debate",
        CommandKind::RecordPaperCount => "action-record-paper-count",
        CommandKind::FixBallot => "action-fix-ballot",
        // i14-online
        CommandKind::PublishCeremonyFile => "action-publish-ceremony-file",
        CommandKind::RestartCeremony => "action-restart-ceremony",
        CommandKind::PublishCredentials => "action-publish-credentials",
        CommandKind::SubmitBallot => "action-submit-ballot",
        CommandKind::TallyBoard => "action-tally-board",
        CommandKind::PublishDecryptionShare => "action-publish-decryption-share",
        CommandKind::PublishResults => "action-publish-results",
        CommandKind::IssuePaperBallot => "action-issue-paper-ballot",
    }
}

/// The message key of a read that needs a permission, as an action ("viewing the accounts").
pub fn read_key(read: Read) -> &'static str {
    match read {
        Read::Accounts => "action-read-accounts",
        Read::Account => "action-read-account",
        Read::Persons => "action-read-persons",
        Read::Workbench => "action-read-workbench",
        Read::Attachments => "action-read-attachments",
        Read::MemberRecord => "action-read-member-record",
        Read::DelegateRecord => "action-read-delegate-record",
        Read::VoterRoster => "action-read-voter-roster",
    }
}

/// The message key of a form or file column's label (`territory_code` → "Territory"), for
/// messages that name a field outside its form (import rows, error summaries).
pub fn field_label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "number" => "precinct-number",
        "address" => "precinct-address",
        "voters" => "precinct-voters",
        "territory_code" => "precinct-territory",
        "code" => "territory-code",
        "parent_code" => "territory-parent",
        "kind" => "territory-kind",
        "name_ru" => "territory-name-ru",
        "name_kk" => "territory-name-kk",
        "name_en" => "territory-name-en",
        "short_name" => "party-short-name",
        "party_code" => "branch-party",
        "username" => "account-username",
        "display_name" => "account-display-name",
        "role" => "account-role",
        "scope" => "account-scope",
        "password" => "admin-password",
        "current_password" => "account-current-password",
        "password_confirm" => "account-confirm-password",
        "file" => "form-file",
        // i11-sign: the columns of a signature sheet
        "sheet" => "signature-sheet",
        "line" => "signature-line",
        "surname" => "signature-surname",
        "given_name" => "signature-given-name",
        "patronymic" => "signature-patronymic",
        "iin" => "signature-iin",
        "signed_on" => "signature-signed-on",
        _ => return None,
    })
}

impl PageCtx {
    /// Why a command was refused to the signed-in account (or to the anonymous visitor).
    pub fn denied(&self, denied: &Denied) -> String {
        match denied {
            Denied::Anonymous => self.tr(denied.key()),
            Denied::Role { role, command } => self.tr_args(
                denied.key(),
                &[
                    ("role", self.role_name(role)),
                    ("action", self.tr(action_key(*command))),
                ],
            ),
            Denied::OutOfScope { command } => {
                self.tr_args(denied.key(), &[("action", self.tr(action_key(*command)))])
            }
            Denied::ReadRole { role, read } => self.tr_args(
                denied.key(),
                &[
                    ("role", self.role_name(role)),
                    ("action", self.tr(read_key(*read))),
                ],
            ),
            Denied::ReadOutOfScope { read } => {
                self.tr_args(denied.key(), &[("action", self.tr(read_key(*read)))])
            }
        }
    }

    /// A refusal of the app layer in words; faults of the system say only that the server
    /// failed (their cause is for the log).
    pub fn app_error(&self, error: &AppError) -> String {
        match error {
            AppError::Invalid(errors) => errors
                .0
                .iter()
                .map(|e| self.field_message(&e.field, &self.rule(&e.rule)))
                .collect::<Vec<_>>()
                .join(" "),
            AppError::Forbidden(d) => self.denied(d),
            AppError::BadCredentials => self.tr("login-wrong-credentials"),
            AppError::Throttled { retry_after_secs } => self.tr_args(
                "login-too-many-attempts",
                &[("seconds", retry_after_secs.to_string())],
            ),
            AppError::NotFound(..) => self.tr("app-not-found"),
            AppError::BadRequest(_) => self.tr("error-bad-request-body"),
            AppError::Batch { position, error } => self.tr_args(
                "app-batch-item",
                &[
                    ("number", (position + 1).to_string()),
                    ("reason", self.app_error(error)),
                ],
            ),
            AppError::Rows(rows) => rows
                .iter()
                .map(|(position, e)| {
                    self.tr_args(
                        "app-batch-item",
                        &[
                            ("number", (position + 1).to_string()),
                            ("reason", self.app_error(e)),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(" "),
            AppError::Storage(_)
            | AppError::Key(_)
            | AppError::Ledger(_)
            | AppError::Hashing(_)
            | AppError::Io(_)
            | AppError::MissingPrivate(_)
            | AppError::Date(_) => self.tr("error-server-body"),
        }
    }

    /// "Label: message" when the field has a label, the message alone otherwise.
    pub fn field_message(&self, field: &str, message: &str) -> String {
        match field_label_key(field) {
            Some(key) => self.tr_args(
                "field-error-with-label",
                &[("field", self.tr(key)), ("message", lower_first(message))],
            ),
            None => message.to_owned(),
        }
    }

    /// The refusal of one imported row (its line is added by the caller).
    pub fn row_error(&self, row: &RowError) -> String {
        let reason = match &row.rule {
            Some(rule) => self.rule(rule),
            None if row.message.contains("UTF-8") => self.tr("csv-encoding"),
            None => {
                tracing::info!(line = row.line, reason = %row.message, "import row refused");
                self.tr("csv-row-refused")
            }
        };
        self.field_message(&row.field, &reason)
    }

    /// An import that failed as a whole (not row by row), in words.
    pub fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::Empty => self.tr("file-empty"),
            ImportError::Header { expected } => {
                self.tr_arg("csv-header-invalid", "expected", expected)
            }
            ImportError::Read(reason) if reason.contains("UTF-8") => self.tr("csv-encoding"),
            ImportError::Read(reason) => {
                tracing::info!(%reason, "an uploaded file could not be read");
                self.tr("csv-unreadable-file")
            }
            ImportError::Rows(_) | ImportError::RowsAndRefusals { .. } => {
                self.import_rows(error).join(" ")
            }
            ImportError::WrongFile { found, .. } => {
                self.tr_arg("import-wrong-file", "kind", found.as_str())
            }
            ImportError::Table(t) => {
                use sailau_app::import::TableError;
                match t {
                    TableError::Empty => self.tr("file-empty"),
                    TableError::TooManyRows { max } => {
                        self.tr_arg("import-too-many-rows", "max", max)
                    }
                    TableError::Utf16WithoutBom => self.tr("import-utf16-no-bom"),
                    TableError::SharedStringsTooLarge { max_mb } => {
                        self.tr_arg("import-workbook-too-large", "max", max_mb)
                    }
                    TableError::Workbook(reason) => {
                        tracing::info!(%reason, "an uploaded workbook could not be read");
                        self.tr("csv-unreadable-file")
                    }
                }
            }
            ImportError::App(e) => self.app_error(e),
        }
    }

    /// Every bad row of an import in words, by line: the rows that do not parse and the rows the
    /// importer may not write (empty for an error of the whole file).
    pub fn import_rows(&self, error: &ImportError) -> Vec<String> {
        let mut lines: Vec<(usize, String)> = match error {
            ImportError::Rows(rows) | ImportError::RowsAndRefusals { rows, .. } => rows
                .iter()
                .map(|r| (r.line, self.line_message(r.line, &self.row_error(r))))
                .collect(),
            _ => Vec::new(),
        };
        if let ImportError::RowsAndRefusals { refused, .. } = error {
            lines.extend(
                refused
                    .iter()
                    .map(|(line, d)| (*line, self.line_message(*line, &self.denied(d)))),
            );
        }
        lines.sort_by_key(|(line, _)| *line);
        lines.into_iter().map(|(_, text)| text).collect()
    }

    /// "Line N: reason".
    pub fn line_message(&self, line: usize, reason: &str) -> String {
        self.tr_args(
            "csv-row-invalid",
            &[("line", line.to_string()), ("reason", reason.to_owned())],
        )
    }
}

/// The message with its first letter in lower case, for "Label: message", as Russian and
/// Kazakh write after a colon and English too ("Number: a polling station number is …").
/// Kept when the first word is an abbreviation or a code ("КАТО", "UTF-8", "A2") or the English
/// "I"; a one-letter word is a word like any other ("A KATO code …" → "a KATO code …",
/// «В реестре …» → «в реестре …»).
pub fn lower_first(message: &str) -> String {
    let mut chars = message.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return message.to_owned();
    };
    let one_letter_word = second.is_none_or(|c| c.is_whitespace()) && first != 'I';
    if first.is_uppercase() && (one_letter_word || second.is_some_and(|c| c.is_lowercase())) {
        first
            .to_lowercase()
            .chain(message.chars().skip(1))
            .collect()
    } else {
        message.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use sailau_app::import::RowError;
    use sailau_domain::{CommandKind, Denied, Role, Rule, TerritoryKind, ValidationErrors};
    use sailau_i18n::{Catalog, Lang};

    use super::*;

    /// Whether `word` is a message key of the catalogs.
    fn known_key(word: &str) -> bool {
        static CATALOG: std::sync::LazyLock<Catalog> =
            std::sync::LazyLock::new(|| Catalog::new().unwrap_or_else(|e| panic!("catalogs: {e}")));
        CATALOG.contains(Lang::En, word)
    }

    fn ctx(lang: Lang) -> PageCtx {
        let catalog = Arc::new(Catalog::new().unwrap_or_else(|e| panic!("catalogs: {e}")));
        PageCtx::new(catalog, lang, "/".into(), String::new(), None)
    }

    /// One value of every rule (the match makes a new variant a compile error here).
    fn every_rule() -> Vec<Rule> {
        let all = vec![
            Rule::FieldRequired,
            Rule::FieldTooLong { max: 200 },
            Rule::CodeFormat,
            Rule::CodeTaken,
            Rule::ParentMissing,
            Rule::ParentKindInvalid {
                kind: TerritoryKind::RuralOkrug,
                parent_kind: Some(TerritoryKind::Region),
            },
            Rule::ParentKindInvalid {
                kind: TerritoryKind::District,
                parent_kind: None,
            },
            Rule::TerritoryMissing,
            Rule::PrecinctTerritoryKind {
                kind: TerritoryKind::RepublicanCity,
            },
            Rule::PrecinctNumberFormat,
            Rule::PrecinctNumberTaken,
            Rule::PrecinctMissing,
            Rule::VotersOutOfRange { max: 100_000 },
            Rule::PartyCodeFormat,
            Rule::PartyTaken,
            Rule::PartyMissing,
            Rule::BranchTaken,
            Rule::PersonBirthDateInvalid,
            Rule::PersonTaken,
            Rule::GenderInvalid,
            Rule::UsernameFormat,
            Rule::UsernameTaken,
            Rule::AccountMissing,
            Rule::LastAdministrator,
            Rule::PasswordTooShort { min: 10 },
            Rule::RoleScopeMismatch,
            Rule::RoleUnknown,
            Rule::KindUnknown,
            Rule::NumberFormat,
            Rule::CsvHeaderInvalid {
                expected: HEADER.into(),
            },
            Rule::TextControlChars,
            Rule::PasswordWrong,
            Rule::TextInvisibleChars,
            Rule::TextCharNotAllowed {
                character: "<".into(),
            },
            Rule::TextMixedScript {
                word: "Aктoгайский".into(),
            },
            Rule::NumberNotWhole,
            Rule::NumberNegative,
            Rule::NumberTooLarge,
            Rule::CodeParentMismatch {
                prefix: "1552".into(),
                digits: 4,
            },
            Rule::PartyNameTaken {
                name: "АМАНАТ".into(),
            },
            Rule::CellType {
                cell: "A2".into(),
                found: "date".into(),
                expected: "whole-number".into(),
            },
            Rule::ImportWrongFile {
                kind: "territories".into(),
            },
            Rule::ImportRowWidth {
                cells: 6,
                expected: 4,
            },
            Rule::ImportEncoding {
                encoding: "UTF-8".into(),
            },
            Rule::ImportLostLetters {
                text: "А?то?ай".into(),
            },
            Rule::PersonMissing,
            Rule::WindowNotOpen {
                window: "nomination".into(),
                date: "16.09.2023".into(),
                time: "00:00".into(),
            },
            Rule::WindowClosed {
                window: "registration".into(),
                date: "10.10.2023".into(),
                time: "18:00".into(),
            },
            Rule::CalendarInvalid {
                reason: "zone_missing".into(),
            },
            Rule::RuleSetInvalid {
                key: RULE_SET_KEY.into(),
                problem: "time".into(),
                line: 0,
            },
            Rule::RuleSetDigestMismatch,
            Rule::RuleSetLevel {
                level: "rural".into(),
            },
            Rule::ElectionTaken,
            Rule::ElectionMissing,
            Rule::ContestTaken {
                contest: "5f0c6a1e-3b7d-4c2a-9e1f-2a3b4c5d6e7f".into(),
            },
            Rule::ContestMissing,
            Rule::ContestUnitTwice {
                unit: "155200000".into(),
            },
            Rule::UnitLevelMismatch {
                unit: "155200000".into(),
                level: "district".into(),
            },
            Rule::UnitOutsideTerritory {
                unit: "155200000".into(),
            },
            Rule::UnitBusy {
                unit: "155200000".into(),
            },
            Rule::ElectionDayPast,
            Rule::TooFewCandidates {
                registered: 1,
                min: 2,
            },
            Rule::EnoughCandidates {
                registered: 2,
                min: 2,
            },
            Rule::NominationTaken,
            Rule::NominationMissing,
            Rule::RouteClosed {
                route: "higher_akim_proposal".into(),
            },
            Rule::PersonMismatch,
            Rule::PersonAlreadyStands,
            Rule::QualificationUnknown {
                qualification: "citizenship".into(),
            },
            Rule::QualificationMissing {
                qualification: "higher_education".into(),
            },
            Rule::CandidateTooYoung {
                min: 25,
                age: 24,
                election_day: "05.11.2023".into(),
            },
            Rule::PartyNomineeTaken {
                party: "amanat".into(),
            },
            Rule::PartyMembershipMissing,
            Rule::IncumbentTaken,
            Rule::DateInFuture,
            Rule::NominationStatus {
                status: "registered".into(),
            },
            Rule::DocumentUnknown {
                document: "party_decision".into(),
            },
            Rule::DocumentMissing {
                document: "deposit_receipt".into(),
            },
            Rule::AttachmentTooLarge {
                size: 20_000_000,
                max: 10_485_760,
            },
            Rule::AttachmentType {
                allowed: "application/pdf, image/jpeg, image/png".into(),
            },
            Rule::AttachmentMismatch,
            Rule::DepositTooLow {
                amount: 300_000,
                required: 350_000,
                year: "2023".into(),
            },
            Rule::DepositWageUnknown {
                year: "2030".into(),
            },
            Rule::DepositMissing,
            Rule::SignaturesMissing,
            Rule::SignaturesTooFew {
                valid: 80,
                required: 101,
            },
            Rule::GroundUnknown {
                ground: "whim".into(),
            },
            Rule::RecallNotParty,
            // i11-sign
            Rule::NumberOutOfRange {
                min: 1,
                max: 100_000,
            },
            Rule::DateFormat,
            Rule::SignatureLineRepeated { sheet: 3, line: 7 },
            Rule::SignatureRetention {
                from: "2024-11-04".into(),
            },
            Rule::SignaturesNotSelfNominated,
            Rule::SignatureFactsChanged,
        ];
        // i13-party: every rule of the party context.
        let all: Vec<Rule> = all
            .into_iter()
            .chain(
                sailau_domain::party::rules::PartyRule::samples()
                    .into_iter()
                    .map(Rule::Party),
            )
            // i12-results
            .chain(
                sailau_domain::elections::certification::ResultsRule::samples()
                    .into_iter()
                    .map(Rule::Results),
            )
            // i14-primaries
            .chain(
                sailau_domain::primaries::rules::PrimariesRule::samples()
                    .into_iter()
                    .map(Rule::Primaries),
            )
            .collect();
        for r in &all {
            match r {
                Rule::FieldRequired
                | Rule::FieldTooLong { .. }
                | Rule::CodeFormat
                | Rule::CodeTaken
                | Rule::ParentMissing
                | Rule::ParentKindInvalid { .. }
                | Rule::TerritoryMissing
                | Rule::PrecinctTerritoryKind { .. }
                | Rule::PrecinctNumberFormat
                | Rule::PrecinctNumberTaken
                | Rule::PrecinctMissing
                | Rule::VotersOutOfRange { .. }
                | Rule::PartyCodeFormat
                | Rule::PartyTaken
                | Rule::PartyMissing
                | Rule::BranchTaken
                | Rule::PersonBirthDateInvalid
                | Rule::PersonTaken
                | Rule::GenderInvalid
                | Rule::UsernameFormat
                | Rule::UsernameTaken
                | Rule::AccountMissing
                | Rule::LastAdministrator
                | Rule::PasswordTooShort { .. }
                | Rule::RoleScopeMismatch
                | Rule::RoleUnknown
                | Rule::KindUnknown
                | Rule::NumberFormat
                | Rule::CsvHeaderInvalid { .. }
                | Rule::TextControlChars
                | Rule::PasswordWrong
                | Rule::TextInvisibleChars
                | Rule::TextCharNotAllowed { .. }
                | Rule::TextMixedScript { .. }
                | Rule::NumberNotWhole
                | Rule::NumberNegative
                | Rule::NumberTooLarge
                | Rule::CodeParentMismatch { .. }
                | Rule::PartyNameTaken { .. }
                | Rule::CellType { .. }
                | Rule::ImportWrongFile { .. }
                | Rule::ImportRowWidth { .. }
                | Rule::ImportEncoding { .. }
                | Rule::ImportLostLetters { .. }
                | Rule::PersonMissing
                | Rule::WindowNotOpen { .. }
                | Rule::WindowClosed { .. }
                | Rule::CalendarInvalid { .. }
                | Rule::RuleSetInvalid { .. }
                | Rule::RuleSetDigestMismatch
                | Rule::RuleSetLevel { .. }
                | Rule::ElectionTaken
                | Rule::ElectionMissing
                | Rule::ContestTaken { .. }
                | Rule::ContestMissing
                | Rule::ContestUnitTwice { .. }
                | Rule::UnitLevelMismatch { .. }
                | Rule::UnitOutsideTerritory { .. }
                | Rule::UnitBusy { .. }
                | Rule::ElectionDayPast
                | Rule::TooFewCandidates { .. }
                | Rule::EnoughCandidates { .. }
                | Rule::NominationTaken
                | Rule::NominationMissing
                | Rule::RouteClosed { .. }
                | Rule::PersonMismatch
                | Rule::PersonAlreadyStands
                | Rule::QualificationUnknown { .. }
                | Rule::QualificationMissing { .. }
                | Rule::CandidateTooYoung { .. }
                | Rule::PartyNomineeTaken { .. }
                | Rule::PartyMembershipMissing
                | Rule::IncumbentTaken
                | Rule::DateInFuture
                | Rule::NominationStatus { .. }
                | Rule::DocumentUnknown { .. }
                | Rule::DocumentMissing { .. }
                | Rule::AttachmentTooLarge { .. }
                | Rule::AttachmentType { .. }
                | Rule::AttachmentMismatch
                | Rule::DepositTooLow { .. }
                | Rule::DepositWageUnknown { .. }
                | Rule::DepositMissing
                | Rule::SignaturesMissing
                | Rule::SignaturesTooFew { .. }
                | Rule::GroundUnknown { .. }
                | Rule::RecallNotParty => {}
                Rule::NumberOutOfRange { .. }
                | Rule::DateFormat
                | Rule::SignatureLineRepeated { .. }
                | Rule::SignatureRetention { .. }
                | Rule::SignaturesNotSelfNominated
                | Rule::SignatureFactsChanged => {}
                Rule::Party(_) | Rule::Day(_) | Rule::Results(_) | Rule::Primaries(_) => {}
            }
        }
        all
    }

    /// Every refusal of authorization: each role with each command, out of scope, anonymous.
    fn every_denial() -> Vec<Denied> {
        let mut all = vec![Denied::Anonymous];
        for command in CommandKind::ALL {
            all.push(Denied::OutOfScope { command });
            for role in Role::ALL {
                all.push(Denied::Role { role, command });
            }
        }
        for read in Read::ALL {
            all.push(Denied::ReadOutOfScope { read });
            for role in Role::ALL {
                all.push(Denied::ReadRole { role, read });
            }
        }
        for d in &all {
            match d {
                Denied::Anonymous
                | Denied::Role { .. }
                | Denied::OutOfScope { .. }
                | Denied::ReadRole { .. }
                | Denied::ReadOutOfScope { .. } => {}
            }
        }
        all
    }

    fn every_app_error() -> Vec<AppError> {
        let invalid = || {
            let mut v = ValidationErrors::new();
            v.push("territory_code", Rule::TerritoryMissing);
            v.push("voters", Rule::VotersOutOfRange { max: 100_000 });
            AppError::Invalid(v)
        };
        let scope = || {
            AppError::Forbidden(Denied::OutOfScope {
                command: CommandKind::CreatePrecinct,
            })
        };
        let all = vec![
            invalid(),
            scope(),
            AppError::BadCredentials,
            AppError::Throttled {
                retry_after_secs: 60,
            },
            AppError::NotFound(sailau_app::Thing::Other, "precinct 391000000/123".into()),
            AppError::BadRequest("index 5 beyond size 3".into()),
            AppError::Batch {
                position: 2,
                error: Box::new(scope()),
            },
            AppError::Rows(vec![(0, invalid()), (3, scope())]),
            AppError::Storage(sailau_app::storage::StorageError::Corrupt(
                "create_precinct row".into(),
            )),
            AppError::Key(sailau_app::KeyFileError::Malformed {
                path: "ledger.key".into(),
                reason: "bad_hex".into(),
            }),
            AppError::Ledger("frontier_mismatch".into()),
            AppError::Hashing("argon2_params".into()),
            AppError::Io(std::io::Error::other("no_such_file")),
            AppError::MissingPrivate("create_account"),
            AppError::Date(sailau_domain::date::DateError::OutOfRange(i64::MAX)),
        ];
        for e in &all {
            match e {
                AppError::Invalid(_)
                | AppError::Forbidden(_)
                | AppError::BadCredentials
                | AppError::Throttled { .. }
                | AppError::NotFound(..)
                | AppError::BadRequest(_)
                | AppError::Batch { .. }
                | AppError::Rows(_)
                | AppError::Storage(_)
                | AppError::Key(_)
                | AppError::Ledger(_)
                | AppError::Hashing(_)
                | AppError::Io(_)
                | AppError::MissingPrivate(_)
                | AppError::Date(_) => {}
            }
        }
        all
    }

    fn every_import_error() -> Vec<ImportError> {
        let all = vec![
            ImportError::Read("record 3: CSV error: found record with 2 fields".into()),
            ImportError::Read("not UTF-8 text: save the file as CSV UTF-8".into()),
            ImportError::Empty,
            ImportError::Header {
                expected: HEADER.into(),
            },
            ImportError::Rows(vec![
                RowError {
                    line: 2,
                    field: "territory_code".into(),
                    rule: Some(Rule::TerritoryMissing),
                    message: Rule::TerritoryMissing.english(),
                },
                RowError {
                    line: 3,
                    field: String::new(),
                    rule: None,
                    message: "create_precinct is outside the scope of this account".into(),
                },
                RowError {
                    line: 4,
                    field: String::new(),
                    rule: None,
                    message: "not UTF-8 text: save the file as CSV UTF-8".into(),
                },
            ]),
            ImportError::WrongFile {
                found: sailau_app::import::Kind::Territories,
                expected: sailau_app::import::Kind::Precincts,
            },
            ImportError::Table(sailau_app::import::TableError::TooManyRows { max: 200_000 }),
            ImportError::Table(sailau_app::import::TableError::Utf16WithoutBom),
            ImportError::Table(sailau_app::import::TableError::SharedStringsTooLarge {
                max_mb: 256,
            }),
            ImportError::Table(sailau_app::import::TableError::Workbook("zip: bad".into())),
            ImportError::App(AppError::Throttled {
                retry_after_secs: 60,
            }),
            ImportError::RowsAndRefusals {
                rows: vec![RowError {
                    line: 2,
                    field: "voters".into(),
                    rule: Some(Rule::NumberFormat),
                    message: Rule::NumberFormat.english(),
                }],
                refused: vec![(
                    3,
                    sailau_domain::Denied::OutOfScope {
                        command: sailau_domain::CommandKind::CreatePrecinct,
                    },
                )],
            },
        ];
        for e in &all {
            match e {
                ImportError::Read(_)
                | ImportError::Empty
                | ImportError::Header { .. }
                | ImportError::Rows(_)
                | ImportError::WrongFile { .. }
                | ImportError::Table(_)
                | ImportError::App(_)
                | ImportError::RowsAndRefusals { .. } => {}
            }
        }
        all
    }

    /// Words of Latin letters a Russian or Kazakh message may contain.
    const LATIN_ALLOWED: &[&str] = &[
        "utf", "csv", "xlsx", "excel", "sailau", "api", "windows", "sha", "pdf", "jpeg", "png",
        "toml",
    ];

    /// The header row a file must have: column names are the file's format, quoted verbatim.
    const HEADER: &str = "number,address";
    /// A rule set's key, quoted verbatim like a header: the TOML file's format.
    const RULE_SET_KEY: &str = "calendar.registration_closes_time";

    /// Why `message` is not fit to show a reader of `lang`, if it is not.
    fn unfit(lang: Lang, message: &str, english: &str) -> Option<String> {
        let message = &message.replace(HEADER, "").replace(RULE_SET_KEY, "");
        let english = &english.replace(HEADER, "").replace(RULE_SET_KEY, "");
        if message.trim().is_empty() {
            return Some("empty".into());
        }
        if message.contains("Unknown message") || message.contains('{') || message.contains('}') {
            return Some("a missing key or an unfilled variable".into());
        }
        if message.contains("Rule::")
            || message.contains("Denied::")
            || message.contains("AppError")
        {
            return Some("a type name".into());
        }
        let words: Vec<&str> = message
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        for w in &words {
            let t = w.trim_matches('-');
            if t.contains('_') {
                return Some(format!("the identifier {t:?}"));
            }
            // A hyphenated word is a leaked message key only if the catalogs know it as one
            // ("zero-width" and "byte-order" are English words).
            let kebab = t.contains('-') && known_key(t);
            if kebab {
                return Some(format!("the message key {t:?}"));
            }
            let lowercase_ascii = !t.is_empty() && t.chars().all(|c| c.is_ascii_lowercase());
            let identifier = Role::ALL.iter().any(|r| r.as_str() == t)
                || CommandKind::ALL.iter().any(|k| k.as_str() == t);
            // In English, one-word role identifiers ("administrator", "observer") are also
            // plain words; multi-word identifiers carry an underscore and are caught above.
            if lowercase_ascii && identifier && lang != Lang::En {
                return Some(format!("the identifier {t:?}"));
            }
        }
        if lang != Lang::En {
            if message == english {
                return Some("untranslated (the same as in English)".into());
            }
            if !message
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
            {
                return Some("no Cyrillic".into());
            }
            for w in &words {
                let latin = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
                let lower = w.to_lowercase();
                if latin >= 3 && !LATIN_ALLOWED.iter().any(|a| lower.starts_with(a)) {
                    return Some(format!("the Latin word {w:?}"));
                }
            }
        }
        None
    }

    fn check(what: &str, message_of: &dyn Fn(&PageCtx) -> String, failures: &mut Vec<String>) {
        let english = message_of(&ctx(Lang::En));
        for lang in Lang::ALL {
            let message = message_of(&ctx(lang));
            if let Some(why) = unfit(lang, &message, &english) {
                failures.push(format!("{what} [{}]: {why}: {message}", lang.code()));
            }
        }
    }

    #[test]
    fn every_error_reads_well_in_every_language() {
        let mut failures = Vec::new();
        for rule in every_rule() {
            check(&format!("{rule:?}"), &|c| c.rule(&rule), &mut failures);
        }
        for d in every_denial() {
            check(&format!("{d:?}"), &|c| c.denied(&d), &mut failures);
        }
        for e in every_app_error() {
            check(&format!("{e:?}"), &|c| c.app_error(&e), &mut failures);
        }
        for e in every_import_error() {
            check(&format!("{e:?}"), &|c| c.import_error(&e), &mut failures);
        }
        for f in super::super::Fail::samples() {
            check(
                &format!("{f:?}"),
                &|c| {
                    let (title, body) = f.message_keys();
                    format!("{} {}", c.tr(title), c.tr(body))
                },
                &mut failures,
            );
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn an_out_of_scope_row_says_what_in_words() {
        let e = AppError::Forbidden(Denied::OutOfScope {
            command: CommandKind::CreatePrecinct,
        });
        let ru = ctx(Lang::Ru).app_error(&e);
        assert!(ru.contains("добавление избирательного участка"), "{ru}");
        let kk = ctx(Lang::Kk).app_error(&e);
        assert!(kk.contains("сайлау учаскесін қосу"), "{kk}");
        assert!(!ru.contains("create_precinct") && !kk.contains("create_precinct"));
        let role = Denied::Role {
            role: Role::Observer,
            command: CommandKind::CreatePrecinct,
        };
        let en = ctx(Lang::En).denied(&role);
        assert!(en.contains("Observer"), "{en}");
    }

    /// "Label: message" goes on in lower case after the colon in every language, as Russian and
    /// Kazakh write it, for every rule (an abbreviation such as «КАТО», a code such as "A2", a
    /// number or a quotation keeps its own form).
    #[test]
    fn after_a_label_every_message_goes_on_in_lower_case() {
        let mut failures = Vec::new();
        for lang in Lang::ALL {
            let c = ctx(lang);
            let label = c.tr("precinct-number");
            for rule in every_rule() {
                let text = c.field_message("number", &c.rule(&rule));
                let Some(rest) = text.strip_prefix(&format!("{label}: ")) else {
                    failures.push(format!("[{}] no label: {text}", lang.code()));
                    continue;
                };
                let word = rest.split_whitespace().next().unwrap_or("");
                let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
                let code = word.chars().any(|c| c.is_ascii_digit());
                let abbreviation =
                    (letters.len() >= 2 || code) && letters.iter().all(|c| c.is_uppercase());
                let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
                if starts_upper && !abbreviation {
                    failures.push(format!("[{}] {}: {text}", lang.code(), rule.key()));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn lower_first_keeps_abbreviations() {
        assert_eq!(lower_first("Заполните это поле."), "заполните это поле.");
        assert_eq!(lower_first("КАТО code"), "КАТО code");
        assert_eq!(lower_first("UTF-8 text"), "UTF-8 text");
        assert_eq!(lower_first("A2 holds a date"), "A2 holds a date");
        assert_eq!(lower_first(""), "");
        // One-letter words are lowered like others; the English "I" is not.
        assert_eq!(
            lower_first("A KATO code is exactly 9 digits."),
            "a KATO code is exactly 9 digits."
        );
        assert_eq!(
            lower_first("В реестре нет такого лица."),
            "в реестре нет такого лица."
        );
        assert_eq!(lower_first("I declare"), "I declare");
    }

    #[test]
    fn the_error_summary_follows_the_forms_order_with_labels() {
        let ctx = ctx(Lang::Ru);
        let mut form =
            crate::pages::FormState::new(&["surname", "birth_date", "file"]).files(&["file"]);
        // Checked in another order than the form shows them, one error of the whole form.
        form.required(&ctx, "file");
        form.push("birth_date", ctx.rule(&Rule::FieldRequired));
        form.push("campaign", "Кампания не найдена.".into());
        form.required(&ctx, "surname");
        let summary = form.summary(&ctx);
        let fields: Vec<&str> = summary.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["", "surname", "birth_date", "file"]);
        assert!(summary[3].1.ends_with("выберите файл."), "{:?}", summary[3]);
        assert!(summary[1].1.starts_with("Фамилия"), "{:?}", summary[1]);
    }
}

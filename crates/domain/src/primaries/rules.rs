//! The primaries' rule set as data ([`PrimariesRules`], read from TOML like the elections' and
//! the conferences' rule sets) and the rules a primaries command can break ([`PrimariesRule`],
//! carried by [`crate::Rule::Primaries`], each with a stable `prim-…` message key).
//!
//! Sources: issue 14 §1 and "Bad input"; rules.md §5 and §8; seed 003.

use serde::{Deserialize, Serialize};

use crate::error::ValidationErrors;

/// The AMANAT preset of 2020, embedded from `rulesets/primaries-amanat-2020.toml`.
pub const AMANAT_2020_TOML: &str = include_str!("../../rulesets/primaries-amanat-2020.toml");

/// The primaries rule sets sailau ships, by their `id`: what the campaign form offers and the
/// API's `preset` names.
pub const PRESETS: [(&str, &str); 1] = [("amanat-primaries-2020", AMANAT_2020_TOML)];

/// The text of the shipped rule set `id` (`None`: no such preset).
pub fn preset(id: &str) -> Option<&'static str> {
    PRESETS.iter().find(|(k, _)| *k == id).map(|(_, t)| *t)
}

/// A party's primaries rule set: who may stand, the list quotas, the debates' force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimariesRules {
    /// A short identifier (`amanat-primaries-2020`).
    pub id: String,
    /// Who may stand.
    pub eligibility: Eligibility,
    /// The quotas of the final lists.
    pub quotas: Quotas,
    /// What the debates require.
    pub debates: DebateRules,
    /// Where each value comes from (rules.md sections, seeds, statutes).
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Who may register as a contender (issue 14 §1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// The least age in full years on the day of registration.
    pub min_age: u32,
    /// The least number of years the contender declares having lived in the campaign's territory.
    pub residence_years: u32,
    /// Whether membership is required or a declaration of joining suffices.
    pub membership: MembershipRule,
    /// Whether the contender must declare having no criminal record.
    pub declare_no_criminal_record: bool,
}

/// Whether a contender must already be a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipRule {
    /// A member of the party on the day of registration.
    Member,
    /// A member, or someone who declares joining (recorded as a member first).
    MemberOrJoining,
}

/// The quotas of a final list (rules.md §5: at least 30 % women and 20 % under 35).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quotas {
    /// The least share of women on a list, in percent (0–100).
    pub women_min_percent: u32,
    /// The least share of the young on a list, in percent (0–100).
    pub young_min_percent: u32,
    /// "Young" means younger than this many full years on the day online voting opens.
    pub young_under_age: u32,
}

impl Quotas {
    /// The least number of women on a list of `seats`: ⌈seats × percent / 100⌉.
    pub fn women_needed(&self, seats: u32) -> u32 {
        ceil_percent(seats, self.women_min_percent)
    }
    /// The least number of the young on a list of `seats`.
    pub fn young_needed(&self, seats: u32) -> u32 {
        ceil_percent(seats, self.young_min_percent)
    }
}

/// ⌈n × percent / 100⌉ in integers.
fn ceil_percent(n: u32, percent: u32) -> u32 {
    let p = u64::from(n) * u64::from(percent.min(100));
    u32::try_from(p.div_ceil(100)).unwrap_or(n)
}

/// What the debates require (rules.md §8: debates were mandatory; refusers were excluded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DebateRules {
    /// Whether every admitted contender must take part in the debates they are scheduled for.
    pub mandatory: bool,
    /// Whether a contender who refuses a mandatory debate is excluded.
    pub exclude_on_refusal: bool,
}

impl PrimariesRules {
    /// Reads a rule set from TOML; an unknown or missing key is refused naming it, and each bad
    /// value by its dotted key.
    ///
    /// # Errors
    /// [`crate::Rule::RuleSetInvalid`] on the field `rules`.
    pub fn from_toml(text: &str) -> Result<PrimariesRules, ValidationErrors> {
        use crate::elections::rules::{RuleSetProblem, toml_problem};
        let rules = toml::from_str::<PrimariesRules>(text).map_err(|e| {
            crate::elections::rule_set_errors_on("rules", &[toml_problem(text, &e)])
        })?;
        let mut problems = Vec::new();
        let mut out_of_range = |key: &str, within: bool, problem: &str| {
            if !within {
                problems.push(RuleSetProblem {
                    key: key.to_owned(),
                    code: "range".to_owned(),
                    line: 0,
                    problem: problem.to_owned(),
                });
            }
        };
        for (key, v) in [
            ("quotas.women_min_percent", rules.quotas.women_min_percent),
            ("quotas.young_min_percent", rules.quotas.young_min_percent),
        ] {
            out_of_range(key, v <= 100, "a percentage from 0 to 100");
        }
        out_of_range(
            "quotas.young_under_age",
            (1..=150).contains(&rules.quotas.young_under_age),
            "an age from 1 to 150",
        );
        out_of_range(
            "eligibility.min_age",
            rules.eligibility.min_age <= 150,
            "an age from 0 to 150",
        );
        if !problems.is_empty() {
            return Err(crate::elections::rule_set_errors_on("rules", &problems));
        }
        Ok(rules)
    }
}

/// A broken rule of the primaries (campaigns, contenders, debates, paper counts, lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "primaries_rule", rename_all = "kebab-case")]
pub enum PrimariesRule {
    /// The campaign identifier is already used.
    CampaignTaken,
    /// No campaign has this identifier.
    CampaignMissing,
    /// A window must open before it closes.
    WindowEmpty,
    /// The windows follow each other: registration, then debates, then online voting.
    WindowsOrder,
    /// Paper voting lies within the online voting window (the 2020 practice: its last morning).
    PaperOutsideOnline,
    /// Registration must not have closed already when the campaign is opened.
    RegistrationPast,
    /// A campaign needs at least one position.
    PositionsEmpty,
    /// A position's key: 1–32 of a–z, 0–9 and '-'.
    PositionKeyFormat,
    /// Two positions have the same key.
    PositionKeyTwice,
    /// An akim position's unit lies outside the campaign's territory.
    UnitOutsideCampaign,
    /// A list position has 1 to 500 seats.
    SeatsRange,
    /// No position of the campaign has this key.
    PositionMissing,
    /// The key ceremony needs 1 to 15 trustees, each named once.
    TrusteesShape,
    /// The threshold of the key ceremony (how many trustees decrypt the tally) is from 1 to the
    /// number of trustees.
    ThresholdRange,
    /// The account named is not a trustee (role `trustee`).
    NotTrustee,
    /// Registration is open from `opens` to `closes` only.
    RegistrationClosed {
        /// When registration opens (local time, as the message shows it).
        opens: String,
        /// When it closes.
        closes: String,
    },
    /// The contender identifier is already used.
    ContenderTaken,
    /// No contender of the campaign has this identifier.
    ContenderMissing,
    /// The member already stands for this position.
    ContenderTwice,
    /// The member must belong to the party on the day of registration.
    NotMember,
    /// Younger than the rule set's `min_age` on the day of registration.
    TooYoung {
        /// The least age.
        min_age: u32,
    },
    /// Whether the contender is young does not follow from the member's birth date.
    YoungMismatch,
    /// The ballot is fixed once online voting opens: no decision, withdrawal or exclusion after.
    BallotFixed,
    /// Fewer declared years of residence than `years`.
    ResidenceShort {
        /// The least number of years.
        years: u32,
    },
    /// The rule set requires a declaration of no criminal record.
    CriminalRecordUndeclared,
    /// The primary organization lies outside the campaign's territory or is not a branch of the
    /// party.
    OrganizationInvalid,
    /// The contender's application has already been decided.
    AlreadyDecided,
    /// A refusal needs its ground.
    GroundRequired,
    /// The contender is not admitted (or no longer: withdrawn, excluded, refused).
    NotAdmitted,
    /// The contender has already withdrawn or been excluded.
    AlreadyOut,
    /// Debates are held from `opens` to `closes` only.
    DebateOutsideWindow {
        /// When the debates' window opens.
        opens: String,
        /// When it closes.
        closes: String,
    },
    /// The debate identifier is already used.
    DebateTaken,
    /// No debate has this identifier.
    DebateMissing,
    /// A debate needs at least two admitted contenders of its position, each named once.
    DebateContenders,
    /// A link is an `https://` or `http://` address.
    LinkFormat,
    /// Attendance is recorded once, after the debate has started.
    AttendanceNotDue,
    /// Every contender scheduled for the debate is named once, as present or absent, and no one
    /// else.
    AttendanceShape,
    /// Paper ballots are counted from `opens` to `closes` only.
    PaperClosed {
        /// When paper voting opens.
        opens: String,
        /// When it closes.
        closes: String,
    },
    /// The trustees have decrypted the online votes and the ratings are final: paper counts are
    /// entered before that.
    PaperCountAfterResults,
    /// The primary organization has already entered its paper count.
    PaperCountTwice,
    /// A paper count names each admitted contender of the position once and no one else.
    PaperCountShape,
    /// The counts exceed the paper ballots issued (`issued`).
    PaperCountsAboveIssued {
        /// The ballots issued.
        issued: u64,
    },
    /// A member who voted online cannot take a paper ballot, and a member takes one paper
    /// ballot.
    PaperBallotRefused,
    /// A position has no admitted contender, so the ballot cannot be fixed.
    PositionWithoutContenders,
    /// The verifiable-ballot protocol refuses the ballot (an identifier or count out of its
    /// bounds); `reason` in English.
    BallotInvalid {
        /// What the protocol refused.
        reason: String,
    },
    /// The online ballot is not fixed yet: the ceremony and the credentials bind to it.
    BallotNotFixed,
    /// The account is not this trustee of the campaign (its place in the list of trustees).
    NotYourTrustee,
    /// This trustee has already published this file.
    CeremonyStepTwice,
    /// A round of the ceremony starts once every trustee has finished the one before.
    CeremonyNotReady,
    /// A complaint aborted the key ceremony (spec §4.4): no file is taken until the committee
    /// restarts it.
    CeremonyAborted,
    /// The ceremony is restarted only after a complaint aborted it.
    CeremonyNotAborted,
    /// A restarted ceremony has as many trustees as the fixed ballot: `count`.
    TrusteeCountFixed {
        /// The fixed ballot's number of trustees.
        count: u32,
    },
    /// The announcement repeats a trustee's announcement of an aborted ceremony: a re-run starts
    /// from new secrets (spec §4.4).
    CeremonyKeyReused,
    /// The verifiable-voting protocol refuses the file; `reason` in English.
    FileRefused {
        /// What the protocol refused.
        reason: String,
    },
    /// The credentials are published once.
    CredentialsTwice,
    /// `credentials.jsonl` is refused at `line` (0: the file as a whole); `reason` in English.
    CredentialsFile {
        /// The line, from 1.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// Online voting has opened: too late for this.
    VotingStarted,
    /// Online voting has closed: too late for this.
    VotingOver,
    /// Ballots are taken from `opens` to `closes` only, until the board is closed.
    VotingClosed {
        /// When online voting opens.
        opens: String,
        /// When it closes.
        closes: String,
    },
    /// The trustees have not published the joint key yet.
    KeyNotPublished,
    /// The credential authority has not published the credentials yet.
    CredentialsNotPublished,
    /// This ballot is already on the board or was challenged: encrypt a fresh one.
    BallotReplay,
    /// The ballot fails its check (a proof, the signature, its shape); `reason` in English.
    BallotRefused {
        /// What failed.
        reason: String,
    },
    /// The ballot's credential is not in the published list (a mistyped code gives one).
    CredentialUnknown,
    /// The signed-in account is not a member of the party in the campaign's territory.
    NotVoter,
    /// The member received a paper ballot and cannot vote online.
    PaperBallotTaken,
    /// The board is closed after online voting closes.
    VotingNotOver,
    /// The board is closed and tallied once.
    AlreadyTallied,
    /// The board has changed since the tally was computed: compute it again.
    TallyStale,
    /// The board has not been tallied yet.
    NotTallied,
    /// The results are published already.
    ResultsPublished,
    /// `threshold` trustees' shares are needed to decrypt.
    SharesTooFew {
        /// The threshold.
        threshold: u32,
    },
    /// The uploaded file is not a file of this round in the record's layout; `reason` in
    /// English.
    FileUnreadable {
        /// What the reader said.
        reason: String,
    },
    /// The submission is not a ballot in the record's layout (spec §12.4); `reason` in English.
    SubmissionUnreadable {
        /// What the reader said.
        reason: String,
    },
    /// The member does not belong to the primary organization whose station issues the ballot.
    NotInOrganization,
    /// Paper ballots are issued from `opens` to `closes` only.
    PaperIssueClosed {
        /// When paper voting opens.
        opens: String,
        /// When it closes.
        closes: String,
    },
    /// A date and time in the API is written in RFC 3339 with its offset
    /// (`2020-10-01T00:00:00+06:00`).
    InstantFormat,
    /// No shipped primaries rule set has this id ([`PRESETS`]).
    PresetUnknown,
    /// A campaign names a shipped rule set or gives the party's own, not both.
    PresetAndRules,
    /// The ballot is fixed once registration has closed (at `closes`, local time): until then
    /// contenders may still apply and be decided on.
    RegistrationNotOver {
        /// When registration closes.
        closes: String,
    },
}

impl From<PrimariesRule> for crate::Rule {
    fn from(r: PrimariesRule) -> crate::Rule {
        crate::Rule::Primaries(r)
    }
}

impl PrimariesRule {
    /// One value of every rule, for tests that every rule reads well in every language.
    pub fn samples() -> Vec<PrimariesRule> {
        let w = || ("17.08.2020 00:00".to_owned(), "29.08.2020 00:00".to_owned());
        vec![
            PrimariesRule::CampaignTaken,
            PrimariesRule::CampaignMissing,
            PrimariesRule::WindowEmpty,
            PrimariesRule::WindowsOrder,
            PrimariesRule::PaperOutsideOnline,
            PrimariesRule::RegistrationPast,
            PrimariesRule::PositionsEmpty,
            PrimariesRule::PositionKeyFormat,
            PrimariesRule::PositionKeyTwice,
            PrimariesRule::UnitOutsideCampaign,
            PrimariesRule::SeatsRange,
            PrimariesRule::PositionMissing,
            PrimariesRule::TrusteesShape,
            PrimariesRule::ThresholdRange,
            PrimariesRule::NotTrustee,
            PrimariesRule::RegistrationClosed {
                opens: w().0,
                closes: w().1,
            },
            PrimariesRule::ContenderTaken,
            PrimariesRule::ContenderMissing,
            PrimariesRule::ContenderTwice,
            PrimariesRule::NotMember,
            PrimariesRule::TooYoung { min_age: 18 },
            PrimariesRule::YoungMismatch,
            PrimariesRule::BallotFixed,
            PrimariesRule::ResidenceShort { years: 5 },
            PrimariesRule::CriminalRecordUndeclared,
            PrimariesRule::OrganizationInvalid,
            PrimariesRule::AlreadyDecided,
            PrimariesRule::GroundRequired,
            PrimariesRule::NotAdmitted,
            PrimariesRule::AlreadyOut,
            PrimariesRule::DebateOutsideWindow {
                opens: w().0,
                closes: w().1,
            },
            PrimariesRule::DebateTaken,
            PrimariesRule::DebateMissing,
            PrimariesRule::DebateContenders,
            PrimariesRule::LinkFormat,
            PrimariesRule::AttendanceNotDue,
            PrimariesRule::AttendanceShape,
            PrimariesRule::PaperClosed {
                opens: w().0,
                closes: w().1,
            },
            PrimariesRule::PaperCountAfterResults,
            PrimariesRule::PaperCountTwice,
            PrimariesRule::PaperCountShape,
            PrimariesRule::PaperCountsAboveIssued { issued: 40 },
            PrimariesRule::PaperBallotRefused,
            PrimariesRule::PositionWithoutContenders,
            PrimariesRule::BallotInvalid {
                reason: "too many options".into(),
            },
            PrimariesRule::BallotNotFixed,
            PrimariesRule::NotYourTrustee,
            PrimariesRule::CeremonyStepTwice,
            PrimariesRule::CeremonyNotReady,
            PrimariesRule::CeremonyAborted,
            PrimariesRule::CeremonyNotAborted,
            PrimariesRule::TrusteeCountFixed { count: 3 },
            PrimariesRule::CeremonyKeyReused,
            PrimariesRule::FileRefused {
                reason: "coefficient proof of trustee 2 is invalid".into(),
            },
            PrimariesRule::CredentialsTwice,
            PrimariesRule::CredentialsFile {
                line: 7,
                reason: "not in strictly increasing order".into(),
            },
            PrimariesRule::VotingStarted,
            PrimariesRule::VotingOver,
            PrimariesRule::VotingClosed {
                opens: w().0,
                closes: w().1,
            },
            PrimariesRule::KeyNotPublished,
            PrimariesRule::CredentialsNotPublished,
            PrimariesRule::BallotReplay,
            PrimariesRule::BallotRefused {
                reason: "contest 0 option 1: invalid 0/1 proof".into(),
            },
            PrimariesRule::CredentialUnknown,
            PrimariesRule::NotVoter,
            PrimariesRule::PaperBallotTaken,
            PrimariesRule::VotingNotOver,
            PrimariesRule::AlreadyTallied,
            PrimariesRule::TallyStale,
            PrimariesRule::NotTallied,
            PrimariesRule::ResultsPublished,
            PrimariesRule::SharesTooFew { threshold: 2 },
            PrimariesRule::FileUnreadable {
                reason: "expected value at line 1 column 1".into(),
            },
            PrimariesRule::SubmissionUnreadable {
                reason: "missing field `ballot`".into(),
            },
            PrimariesRule::NotInOrganization,
            PrimariesRule::PaperIssueClosed {
                opens: w().0,
                closes: w().1,
            },
            PrimariesRule::InstantFormat,
            PrimariesRule::PresetUnknown,
            PrimariesRule::PresetAndRules,
            PrimariesRule::RegistrationNotOver { closes: w().1 },
        ]
    }

    /// The message key in the Fluent catalogs.
    pub fn key(&self) -> &'static str {
        match self {
            PrimariesRule::CampaignTaken => "prim-campaign-taken",
            PrimariesRule::CampaignMissing => "prim-campaign-missing",
            PrimariesRule::WindowEmpty => "prim-window-empty",
            PrimariesRule::WindowsOrder => "prim-windows-order",
            PrimariesRule::PaperOutsideOnline => "prim-paper-outside-online",
            PrimariesRule::RegistrationPast => "prim-registration-past",
            PrimariesRule::PositionsEmpty => "prim-positions-empty",
            PrimariesRule::PositionKeyFormat => "prim-position-key-format",
            PrimariesRule::PositionKeyTwice => "prim-position-key-twice",
            PrimariesRule::UnitOutsideCampaign => "prim-unit-outside-campaign",
            PrimariesRule::SeatsRange => "prim-seats-range",
            PrimariesRule::PositionMissing => "prim-position-missing",
            PrimariesRule::TrusteesShape => "prim-trustees-shape",
            PrimariesRule::ThresholdRange => "prim-threshold-range",
            PrimariesRule::NotTrustee => "prim-not-trustee",
            PrimariesRule::RegistrationClosed { .. } => "prim-registration-closed",
            PrimariesRule::ContenderTaken => "prim-contender-taken",
            PrimariesRule::ContenderMissing => "prim-contender-missing",
            PrimariesRule::ContenderTwice => "prim-contender-twice",
            PrimariesRule::NotMember => "prim-not-member",
            PrimariesRule::TooYoung { .. } => "prim-too-young",
            PrimariesRule::YoungMismatch => "prim-young-mismatch",
            PrimariesRule::BallotFixed => "prim-ballot-fixed",
            PrimariesRule::ResidenceShort { .. } => "prim-residence-short",
            PrimariesRule::CriminalRecordUndeclared => "prim-criminal-record-undeclared",
            PrimariesRule::OrganizationInvalid => "prim-organization-invalid",
            PrimariesRule::AlreadyDecided => "prim-already-decided",
            PrimariesRule::GroundRequired => "prim-ground-required",
            PrimariesRule::NotAdmitted => "prim-not-admitted",
            PrimariesRule::AlreadyOut => "prim-already-out",
            PrimariesRule::DebateOutsideWindow { .. } => "prim-debate-outside-window",
            PrimariesRule::DebateTaken => "prim-debate-taken",
            PrimariesRule::DebateMissing => "prim-debate-missing",
            PrimariesRule::DebateContenders => "prim-debate-contenders",
            PrimariesRule::LinkFormat => "prim-link-format",
            PrimariesRule::AttendanceNotDue => "prim-attendance-not-due",
            PrimariesRule::AttendanceShape => "prim-attendance-shape",
            PrimariesRule::PaperClosed { .. } => "prim-paper-closed",
            PrimariesRule::PaperCountAfterResults => "prim-paper-count-after-results",
            PrimariesRule::PaperCountTwice => "prim-paper-count-twice",
            PrimariesRule::PaperCountShape => "prim-paper-count-shape",
            PrimariesRule::PaperCountsAboveIssued { .. } => "prim-paper-counts-above-issued",
            PrimariesRule::PaperBallotRefused => "prim-paper-ballot-refused",
            PrimariesRule::PositionWithoutContenders => "prim-position-without-contenders",
            PrimariesRule::BallotInvalid { .. } => "prim-ballot-invalid",
            PrimariesRule::BallotNotFixed => "prim-ballot-not-fixed",
            PrimariesRule::NotYourTrustee => "prim-not-your-trustee",
            PrimariesRule::CeremonyStepTwice => "prim-ceremony-step-twice",
            PrimariesRule::CeremonyNotReady => "prim-ceremony-not-ready",
            PrimariesRule::CeremonyAborted => "prim-ceremony-aborted",
            PrimariesRule::CeremonyNotAborted => "prim-ceremony-not-aborted",
            PrimariesRule::TrusteeCountFixed { .. } => "prim-trustee-count-fixed",
            PrimariesRule::CeremonyKeyReused => "prim-ceremony-key-reused",
            PrimariesRule::FileRefused { .. } => "prim-file-refused",
            PrimariesRule::CredentialsTwice => "prim-credentials-twice",
            PrimariesRule::CredentialsFile { .. } => "prim-credentials-file",
            PrimariesRule::VotingStarted => "prim-voting-started",
            PrimariesRule::VotingOver => "prim-voting-over",
            PrimariesRule::VotingClosed { .. } => "prim-voting-closed",
            PrimariesRule::KeyNotPublished => "prim-key-not-published",
            PrimariesRule::CredentialsNotPublished => "prim-credentials-not-published",
            PrimariesRule::BallotReplay => "prim-ballot-replay",
            PrimariesRule::BallotRefused { .. } => "prim-ballot-refused",
            PrimariesRule::CredentialUnknown => "prim-credential-unknown",
            PrimariesRule::NotVoter => "prim-not-voter",
            PrimariesRule::PaperBallotTaken => "prim-paper-ballot-taken",
            PrimariesRule::VotingNotOver => "prim-voting-not-over",
            PrimariesRule::AlreadyTallied => "prim-already-tallied",
            PrimariesRule::TallyStale => "prim-tally-stale",
            PrimariesRule::NotTallied => "prim-not-tallied",
            PrimariesRule::ResultsPublished => "prim-results-published",
            PrimariesRule::SharesTooFew { .. } => "prim-shares-too-few",
            PrimariesRule::FileUnreadable { .. } => "prim-file-unreadable",
            PrimariesRule::SubmissionUnreadable { .. } => "prim-submission-unreadable",
            PrimariesRule::NotInOrganization => "prim-not-in-organization",
            PrimariesRule::PaperIssueClosed { .. } => "prim-paper-issue-closed",
            PrimariesRule::InstantFormat => "prim-instant-format",
            PrimariesRule::PresetUnknown => "prim-preset-unknown",
            PrimariesRule::PresetAndRules => "prim-preset-and-rules",
            PrimariesRule::RegistrationNotOver { .. } => "prim-registration-not-over",
        }
    }

    /// The variables the message needs, by name.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            PrimariesRule::RegistrationClosed { opens, closes }
            | PrimariesRule::DebateOutsideWindow { opens, closes }
            | PrimariesRule::PaperClosed { opens, closes }
            | PrimariesRule::VotingClosed { opens, closes }
            | PrimariesRule::PaperIssueClosed { opens, closes } => {
                vec![("opens", opens.clone()), ("closes", closes.clone())]
            }
            PrimariesRule::TooYoung { min_age } => vec![("age", min_age.to_string())],
            PrimariesRule::RegistrationNotOver { closes } => vec![("closes", closes.clone())],
            PrimariesRule::ResidenceShort { years } => vec![("years", years.to_string())],
            PrimariesRule::PaperCountsAboveIssued { issued } => {
                vec![("issued", issued.to_string())]
            }
            PrimariesRule::FileRefused { reason }
            | PrimariesRule::BallotRefused { reason }
            | PrimariesRule::FileUnreadable { reason }
            | PrimariesRule::SubmissionUnreadable { reason } => {
                vec![("reason", reason.clone())]
            }
            PrimariesRule::CredentialsFile { line, reason } => {
                vec![("line", line.to_string()), ("reason", reason.clone())]
            }
            PrimariesRule::SharesTooFew { threshold } => vec![("count", threshold.to_string())],
            PrimariesRule::TrusteeCountFixed { count } => vec![("count", count.to_string())],
            _ => Vec::new(),
        }
    }

    /// The rule in plain English, for logs, the CLI and API `detail` fields.
    pub fn english(&self) -> String {
        match self {
            PrimariesRule::CampaignTaken => "this campaign identifier is taken".into(),
            PrimariesRule::CampaignMissing => "no primaries campaign has this identifier".into(),
            PrimariesRule::WindowEmpty => "a window must open before it closes".into(),
            PrimariesRule::WindowsOrder => {
                "registration, debates and online voting follow each other in this order".into()
            }
            PrimariesRule::PaperOutsideOnline => {
                "paper voting must lie within the online voting window".into()
            }
            PrimariesRule::RegistrationPast => "registration would already be closed".into(),
            PrimariesRule::PositionsEmpty => "a campaign needs at least one position".into(),
            PrimariesRule::PositionKeyFormat => {
                "a position key is 1 to 32 lowercase Latin letters, digits or hyphens".into()
            }
            PrimariesRule::PositionKeyTwice => "two positions have the same key".into(),
            PrimariesRule::UnitOutsideCampaign => {
                "the unit lies outside the campaign's territory".into()
            }
            PrimariesRule::SeatsRange => "a list has 1 to 500 seats".into(),
            PrimariesRule::PositionMissing => "the campaign has no such position".into(),
            PrimariesRule::TrusteesShape => "1 to 15 different trustees".into(),
            PrimariesRule::ThresholdRange => {
                "a threshold from 1 to the number of trustees".into()
            }
            PrimariesRule::NotTrustee => "this account is not a trustee".into(),
            PrimariesRule::RegistrationClosed { opens, closes } => {
                format!("registration is open from {opens} to {closes}")
            }
            PrimariesRule::ContenderTaken => "this contender identifier is taken".into(),
            PrimariesRule::ContenderMissing => "the campaign has no such contender".into(),
            PrimariesRule::ContenderTwice => "this member already stands for this position".into(),
            PrimariesRule::NotMember => "only members of the party may stand".into(),
            PrimariesRule::TooYoung { min_age } => {
                format!("a contender must be at least {min_age} years old")
            }
            PrimariesRule::YoungMismatch => {
                "the age band does not follow from the member's birth date".into()
            }
            PrimariesRule::BallotFixed => {
                "the ballot has been fixed (at the latest when online voting opened): its \
                 contenders no longer change"
                    .into()
            }
            PrimariesRule::ResidenceShort { years } => {
                format!("a contender must have lived at least {years} years in the territory")
            }
            PrimariesRule::CriminalRecordUndeclared => {
                "the contender must declare having no criminal record".into()
            }
            PrimariesRule::OrganizationInvalid => {
                "the nominating organization is not a branch of the party in the campaign's territory"
                    .into()
            }
            PrimariesRule::AlreadyDecided => "this application has already been decided".into(),
            PrimariesRule::GroundRequired => "a refusal needs its ground".into(),
            PrimariesRule::NotAdmitted => "the contender is not admitted".into(),
            PrimariesRule::AlreadyOut => "the contender has already withdrawn or been excluded".into(),
            PrimariesRule::DebateOutsideWindow { opens, closes } => {
                format!("debates are held from {opens} to {closes}")
            }
            PrimariesRule::DebateTaken => "this debate identifier is taken".into(),
            PrimariesRule::DebateMissing => "no debate has this identifier".into(),
            PrimariesRule::DebateContenders => {
                "a debate needs at least two admitted contenders of its position, each once".into()
            }
            PrimariesRule::LinkFormat => "a link is an https:// or http:// address".into(),
            PrimariesRule::AttendanceNotDue => {
                "attendance is recorded once, after the debate has started".into()
            }
            PrimariesRule::AttendanceShape => {
                "name every scheduled contender once, as present or absent".into()
            }
            PrimariesRule::PaperClosed { opens, closes } => {
                format!("paper ballots are counted from {opens} to {closes}")
            }
            PrimariesRule::PaperCountAfterResults => {
                "the results are final: paper counts are entered before the online votes are decrypted"
                    .into()
            }
            PrimariesRule::PaperCountTwice => {
                "this primary organization has already entered its count".into()
            }
            PrimariesRule::PaperCountShape => {
                "a count names each admitted contender of the position once".into()
            }
            PrimariesRule::PaperCountsAboveIssued { issued } => {
                format!("the votes exceed the {issued} paper ballots issued")
            }
            PrimariesRule::PaperBallotRefused => {
                "this member cannot be given a paper ballot".into()
            }
            PrimariesRule::PositionWithoutContenders => {
                "the position has no admitted contender".into()
            }
            PrimariesRule::BallotInvalid { reason } => {
                format!("the verifiable ballot refuses this ballot: {reason}")
            }
            PrimariesRule::BallotNotFixed => "the online ballot is not fixed yet".into(),
            PrimariesRule::NotYourTrustee => "you are not this trustee of the campaign".into(),
            PrimariesRule::CeremonyStepTwice => "this trustee has already published this file".into(),
            PrimariesRule::CeremonyNotReady => {
                "every trustee must first finish the previous round".into()
            }
            PrimariesRule::CeremonyAborted => {
                "a complaint aborted the key ceremony: the committee restarts it".into()
            }
            PrimariesRule::CeremonyNotAborted => {
                "the key ceremony is restarted only after a complaint aborted it".into()
            }
            PrimariesRule::TrusteeCountFixed { count } => {
                format!("the restarted ceremony has {count} trustees, as the fixed ballot")
            }
            PrimariesRule::CeremonyKeyReused => {
                "this announcement repeats one of an aborted ceremony: generate new secrets".into()
            }
            PrimariesRule::FileRefused { reason } => format!("the file is refused: {reason}"),
            PrimariesRule::CredentialsTwice => "the credentials are already published".into(),
            PrimariesRule::CredentialsFile { line, reason } => {
                format!("credentials.jsonl, line {line}: {reason}")
            }
            PrimariesRule::VotingStarted => "online voting has already opened".into(),
            PrimariesRule::VotingOver => "online voting has already closed".into(),
            PrimariesRule::VotingClosed { opens, closes } => {
                format!("ballots are taken from {opens} to {closes}")
            }
            PrimariesRule::KeyNotPublished => {
                "the trustees have not published the joint key yet".into()
            }
            PrimariesRule::CredentialsNotPublished => {
                "the voting credentials are not published yet".into()
            }
            PrimariesRule::BallotReplay => {
                "this ballot is already on the board or was challenged: encrypt a fresh one".into()
            }
            PrimariesRule::BallotRefused { reason } => format!("the ballot is refused: {reason}"),
            PrimariesRule::CredentialUnknown => {
                "the credential is not in the published list: check the code".into()
            }
            PrimariesRule::NotVoter => {
                "you are not a member of the party in this campaign's territory".into()
            }
            PrimariesRule::PaperBallotTaken => {
                "you received a paper ballot, so you cannot vote online".into()
            }
            PrimariesRule::VotingNotOver => "online voting has not closed yet".into(),
            PrimariesRule::AlreadyTallied => "the board is already tallied".into(),
            PrimariesRule::TallyStale => "the board changed: compute the tally again".into(),
            PrimariesRule::NotTallied => "the board has not been tallied yet".into(),
            PrimariesRule::ResultsPublished => "the results are already published".into(),
            PrimariesRule::SharesTooFew { threshold } => {
                format!("{threshold} trustees' decryption shares are needed")
            }
            PrimariesRule::FileUnreadable { reason } => {
                format!("the file is not a file of this round in the record's layout: {reason}")
            }
            PrimariesRule::SubmissionUnreadable { reason } => {
                format!("the submission is not a ballot in the record's layout: {reason}")
            }
            PrimariesRule::NotInOrganization => {
                "the member does not belong to this primary organization".into()
            }
            PrimariesRule::PaperIssueClosed { opens, closes } => {
                format!("paper ballots are issued from {opens} to {closes}")
            }
            PrimariesRule::InstantFormat => {
                "a date and time in RFC 3339 with its offset (2020-10-01T00:00:00+06:00)".into()
            }
            PrimariesRule::RegistrationNotOver { closes } => {
                format!("the ballot is fixed once registration has closed ({closes})")
            }
            PrimariesRule::PresetUnknown => format!(
                "no shipped primaries rule set has this id (known: {})",
                PRESETS.map(|(id, _)| id).join(", ")
            ),
            PrimariesRule::PresetAndRules => {
                "name a shipped rule set (preset) or give the party's own (rules), not both".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preset_reads_and_its_quotas_round_up() {
        let r = PrimariesRules::from_toml(AMANAT_2020_TOML).expect("preset");
        assert_eq!(r.quotas.women_needed(10), 3);
        assert_eq!(r.quotas.young_needed(10), 2);
        assert_eq!(r.quotas.women_needed(7), 3, "2.1 rounds up to 3");
        assert_eq!(r.quotas.young_needed(1), 1);
        assert!(r.debates.exclude_on_refusal);
    }

    #[test]
    fn every_preset_reads_under_its_own_id() {
        for (id, text) in PRESETS {
            let r = PrimariesRules::from_toml(text).expect("preset");
            assert_eq!(r.id, id);
            assert_eq!(preset(id), Some(text));
        }
        assert_eq!(preset("no-such-preset"), None);
    }

    #[test]
    fn a_misspelt_key_is_named() {
        let text = AMANAT_2020_TOML.replace("min_age", "min_agee");
        let e = PrimariesRules::from_toml(&text).expect_err("refused");
        match &e.0[0].rule {
            crate::Rule::RuleSetInvalid { key, problem, .. } => {
                assert_eq!(
                    (key.as_str(), problem.as_str()),
                    ("eligibility.min_agee", "unknown")
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(e.0[0].field, "rules");
    }

    #[test]
    fn a_value_of_another_type_names_its_key_and_line() {
        let text = AMANAT_2020_TOML.replace("min_age = 18", "min_age = \"x\"");
        let line = text
            .lines()
            .position(|l| l.starts_with("min_age"))
            .expect("the key")
            + 1;
        let e = PrimariesRules::from_toml(&text).expect_err("refused");
        match &e.0[0].rule {
            crate::Rule::RuleSetInvalid {
                key,
                problem,
                line: at,
            } => {
                assert_eq!(
                    (key.as_str(), problem.as_str()),
                    ("eligibility.min_age", "type")
                );
                assert_eq!(*at as usize, line);
            }
            other => panic!("{other:?}"),
        }
        let negative = AMANAT_2020_TOML.replace("min_age = 18", "min_age = -1");
        let e = PrimariesRules::from_toml(&negative).expect_err("refused");
        assert!(
            matches!(&e.0[0].rule, crate::Rule::RuleSetInvalid { key, problem, .. }
                if key == "eligibility.min_age" && problem == "range"),
            "{e:?}"
        );
    }

    #[test]
    fn every_value_out_of_range_is_named_at_once() {
        let text = AMANAT_2020_TOML
            .replace("women_min_percent = 30", "women_min_percent = 130")
            .replace("min_age = 18", "min_age = 200");
        let e = PrimariesRules::from_toml(&text).expect_err("refused");
        let keys: Vec<_> =
            e.0.iter()
                .map(|f| match &f.rule {
                    crate::Rule::RuleSetInvalid { key, problem, .. } => {
                        assert_eq!(problem, "range");
                        key.clone()
                    }
                    other => panic!("{other:?}"),
                })
                .collect();
        assert_eq!(keys, ["quotas.women_min_percent", "eligibility.min_age"]);
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let text = format!("{AMANAT_2020_TOML}\n[quotas\n");
        let e = PrimariesRules::from_toml(&text).expect_err("refused");
        match &e.0[0].rule {
            crate::Rule::RuleSetInvalid { problem, line, .. } => {
                assert_eq!(problem, "syntax");
                assert_eq!(*line as usize, AMANAT_2020_TOML.lines().count() + 2);
            }
            other => panic!("{other:?}"),
        }
    }
}

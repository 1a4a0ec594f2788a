//! Contenders (issue 14 §2): a member registers online for one position of a campaign, or a
//! primary organization nominates them (`register_contender`); the organizing committee admits
//! or refuses the application with a ground (`decide_contender`); a contender may withdraw
//! (`withdraw_contender`). The ballot is fixed when online voting opens: no decision or
//! withdrawal after that.
//!
//! Eligibility (the rule set's `[eligibility]`): membership, the least age on the day of
//! registration, declared years of residence, a declaration of no criminal record. Age comes from
//! the member's erasable record, live; the ledger keeps only whether the contender is young by the
//! rule set (for the ratings and quotas), never the birth date.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};
use crate::command::{DomainCommand, Edition};
use crate::error::ValidationErrors;
use crate::party::member::{MemberFacts, MemberId};
use crate::person::Gender;
use crate::primaries::campaign::Campaign;
use crate::primaries::rules::{MembershipRule, PrimariesRule};
use crate::primaries::{COMMITTEE, CampaignId, ContenderId, Instant};
use crate::territory::TerritoryCode;
use crate::text;

/// The member themselves, a party secretary (a primary organization's nomination) or the
/// organizing committee.
const REGISTER: Policy = Policy::new(&[
    Grant::new(Role::PartyMember, Reach::OwnMember),
    Grant::new(Role::PartySecretary, Reach::PartySubtree),
    Grant::new(Role::OrganizingCommittee, Reach::PartySubtree),
]);

/// The contender themselves or the organizing committee.
const WITHDRAW: Policy = Policy::new(&[
    Grant::new(Role::PartyMember, Reach::OwnMember),
    Grant::new(Role::OrganizingCommittee, Reach::PartySubtree),
]);

/// How a contender came to stand (rules.md §5: ≈70 % self-nominated within the party in 2020).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "route", rename_all = "snake_case")]
pub enum Route {
    /// The member registered online.
    SelfNominated,
    /// A primary organization (a branch of the party) nominated the member.
    Organization {
        /// The organization's territory.
        organization: TerritoryCode,
    },
}

/// A member's application to stand for a position (`register_contender`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterContender {
    /// The new contender's identifier.
    pub contender: ContenderId,
    /// The campaign.
    pub campaign: CampaignId,
    /// The position's key.
    pub position: String,
    /// The member who stands.
    pub member: MemberId,
    /// Self-registration or an organization's nomination.
    #[serde(flatten)]
    pub route: Route,
    /// The gender the contender declares (the women's rating and quota).
    pub gender: Gender,
    /// Whether the contender is young by the rule set on the day online voting opens, as
    /// computed from the member's record when the application is made ([`young_on`]).
    pub young: bool,
    /// Years of residence in the campaign's territory, as declared.
    pub residence_years: u32,
    /// Whether the contender declares having no criminal record.
    pub no_criminal_record: bool,
}

impl DomainCommand for RegisterContender {
    const POLICY: Policy = REGISTER;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} {} {}", self.campaign, self.position, self.member)
    }
}

/// The committee's decision on an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// Admitted to the primaries.
    Admit,
    /// Refused, with its ground.
    Refuse {
        /// The ground, as the committee words it.
        ground: String,
    },
}

/// The organizing committee admits or refuses an application (`decide_contender`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecideContender {
    /// The contender.
    pub contender: ContenderId,
    /// The decision.
    #[serde(flatten)]
    pub decision: Decision,
}

impl DomainCommand for DecideContender {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        let d = match &self.decision {
            Decision::Admit => "admit",
            Decision::Refuse { .. } => "refuse",
        };
        format!("{} {d}", self.contender)
    }
    fn normalized(mut self) -> Self {
        if let Decision::Refuse { ground } = &mut self.decision {
            *ground = text::normalize(ground);
        }
        self
    }
}

/// A contender withdraws (`withdraw_contender`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawContender {
    /// The contender.
    pub contender: ContenderId,
}

impl DomainCommand for WithdrawContender {
    const POLICY: Policy = WITHDRAW;
    type Private = ();
    fn summary(&self) -> String {
        self.contender.to_string()
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContenderStatus {
    /// Waiting for the committee's decision.
    Applied,
    /// Admitted: on the ballot.
    Admitted,
    /// Refused by the committee.
    Refused,
    /// Withdrew.
    Withdrawn,
    /// Excluded for refusing a mandatory debate.
    Excluded,
}

impl ContenderStatus {
    /// The status's identifier (`applied`, `admitted`, ...), the key of its words in the catalogs.
    pub fn as_str(self) -> &'static str {
        match self {
            ContenderStatus::Applied => "applied",
            ContenderStatus::Admitted => "admitted",
            ContenderStatus::Refused => "refused",
            ContenderStatus::Withdrawn => "withdrawn",
            ContenderStatus::Excluded => "excluded",
        }
    }
}

/// A contender as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contender {
    /// What `register_contender` recorded.
    #[serde(flatten)]
    pub registered: RegisterContender,
    /// Where the application stands.
    pub status: ContenderStatus,
    /// The committee's ground of a refusal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<String>,
    /// The order of registration in the campaign (1, 2, ...): breaks ties in the ratings.
    pub seq: u32,
}

impl Contender {
    /// Whether the contender is on the ballot.
    pub fn admitted(&self) -> bool {
        self.status == ContenderStatus::Admitted
    }
}

/// Full years between `birth` and `on`.
pub fn age_on(birth: Date, on: Date) -> i32 {
    let mut years = i32::from(on.year()) - i32::from(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// Whether someone born on `birth` is younger than `under` full years on `on` (rules.md §5's
/// "under 35").
pub fn young_on(birth: Date, on: Date, under: u32) -> bool {
    i64::from(age_on(birth, on)) < i64::from(under)
}

/// What [`validate_register`] needs to know about the world.
#[derive(Debug, Clone)]
pub struct RegisterFacts<'a> {
    /// The campaign (`None`: no such campaign).
    pub campaign: Option<&'a Campaign>,
    /// Whether the identifier is taken.
    pub id_taken: bool,
    /// The member's public facts (`None`: no such member).
    pub member: Option<MemberFacts>,
    /// Whether the member's branch lies in the campaign's territory.
    pub member_inside: bool,
    /// Whether the member already stands (or applied) for this position.
    pub already_standing: bool,
    /// For an organization's nomination: whether the party has a branch there inside the
    /// campaign's territory.
    pub organization_ok: bool,
    /// The member's birth date from the erasable record, when the command is issued live
    /// (`None` on replay or once erased: the age was checked when the entry was written).
    pub birth_date: Option<Date>,
    /// The command's local date in the campaign's territory.
    pub today: Date,
    /// The local date registration opens.
    pub registration_opens_on: Date,
    /// The local date online voting opens (the reference day of "young").
    pub voting_opens_on: Date,
    /// When the command is issued.
    pub now: Instant,
    /// The registration window as the message shows it (local times).
    pub window_text: (String, String),
}

/// Checks an application: every broken rule at once.
///
/// # Errors
/// [`PrimariesRule::CampaignMissing`], `ContenderTaken`, `RegistrationClosed`, `PositionMissing`,
/// `ContenderTwice`, `NotMember` (no such member, another party, outside the territory, joined
/// too late for the rule), `TooYoung`, `YoungMismatch`, `ResidenceShort`,
/// `CriminalRecordUndeclared`, `OrganizationInvalid`.
pub fn validate_register(
    c: &RegisterContender,
    facts: &RegisterFacts<'_>,
    _edition: Edition,
) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::new();
    let Some(campaign) = facts.campaign else {
        return Err(ValidationErrors::one(
            "campaign",
            PrimariesRule::CampaignMissing.into(),
        ));
    };
    let rules = campaign.rules()?;
    if facts.id_taken {
        errs.push("contender", PrimariesRule::ContenderTaken.into());
    }
    if !campaign.opened.windows.registration.contains(facts.now) {
        let (opens, closes) = facts.window_text.clone();
        errs.push(
            "campaign",
            PrimariesRule::RegistrationClosed { opens, closes }.into(),
        );
    }
    if campaign.position(&c.position).is_none() {
        errs.push("position", PrimariesRule::PositionMissing.into());
    }
    if facts.already_standing {
        errs.push("member", PrimariesRule::ContenderTwice.into());
    }
    let member_on = match rules.eligibility.membership {
        MembershipRule::Member => facts.registration_opens_on,
        MembershipRule::MemberOrJoining => facts.today,
    };
    let member_ok = facts.member.as_ref().is_some_and(|m| {
        m.party == campaign.opened.party && m.joined_on <= member_on && facts.member_inside
    });
    if !member_ok {
        errs.push("member", PrimariesRule::NotMember.into());
    }
    if let Some(birth) = facts.birth_date {
        let min = rules.eligibility.min_age;
        if i64::from(age_on(birth, facts.today)) < i64::from(min) {
            errs.push("member", PrimariesRule::TooYoung { min_age: min }.into());
        }
        if young_on(birth, facts.voting_opens_on, rules.quotas.young_under_age) != c.young {
            errs.push("young", PrimariesRule::YoungMismatch.into());
        }
    }
    if c.residence_years < rules.eligibility.residence_years {
        errs.push(
            "residence_years",
            PrimariesRule::ResidenceShort {
                years: rules.eligibility.residence_years,
            }
            .into(),
        );
    }
    if rules.eligibility.declare_no_criminal_record && !c.no_criminal_record {
        errs.push(
            "no_criminal_record",
            PrimariesRule::CriminalRecordUndeclared.into(),
        );
    }
    if matches!(c.route, Route::Organization { .. }) && !facts.organization_ok {
        errs.push("organization", PrimariesRule::OrganizationInvalid.into());
    }
    errs.into_result()
}

/// Checks a committee's decision on `contender` (`None`: no such contender) at `now` in
/// `campaign`, whose ballot is `fixed` or not.
///
/// # Errors
/// [`PrimariesRule::ContenderMissing`], `AlreadyDecided` (not waiting for a decision),
/// `BallotFixed` (the ballot is fixed or online voting has opened), `GroundRequired` and the text rules of the ground.
pub fn validate_decision(
    d: &DecideContender,
    contender: Option<&Contender>,
    campaign: &Campaign,
    now: Instant,
    fixed: bool,
    edition: Edition,
) -> Result<ContenderStatus, ValidationErrors> {
    let Some(contender) = contender else {
        return Err(ValidationErrors::one(
            "contender",
            PrimariesRule::ContenderMissing.into(),
        ));
    };
    let mut errs = ValidationErrors::new();
    if contender.status != ContenderStatus::Applied {
        errs.push("contender", PrimariesRule::AlreadyDecided.into());
    }
    if fixed || now >= campaign.voting_opens() {
        errs.push("contender", PrimariesRule::BallotFixed.into());
    }
    let status = match &d.decision {
        Decision::Admit => ContenderStatus::Admitted,
        Decision::Refuse { ground } => {
            if ground.trim().is_empty() {
                errs.push("ground", PrimariesRule::GroundRequired.into());
            } else {
                errs.absorb(text::required("ground", ground, 2000, edition));
            }
            ContenderStatus::Refused
        }
    };
    errs.into_result()?;
    Ok(status)
}

/// Checks a withdrawal of `contender` at `now` (the ballot `fixed` or not).
///
/// # Errors
/// [`PrimariesRule::ContenderMissing`], `AlreadyOut` (refused, withdrawn or excluded),
/// `BallotFixed` (the ballot is fixed or online voting has opened).
pub fn validate_withdrawal(
    contender: Option<&Contender>,
    campaign: &Campaign,
    now: Instant,
    fixed: bool,
) -> Result<(), ValidationErrors> {
    let Some(contender) = contender else {
        return Err(ValidationErrors::one(
            "contender",
            PrimariesRule::ContenderMissing.into(),
        ));
    };
    let mut errs = ValidationErrors::new();
    if !matches!(
        contender.status,
        ContenderStatus::Applied | ContenderStatus::Admitted
    ) {
        errs.push("contender", PrimariesRule::AlreadyOut.into());
    }
    if fixed || now >= campaign.voting_opens() {
        errs.push("contender", PrimariesRule::BallotFixed.into());
    }
    errs.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn ages_count_full_years() {
        assert_eq!(age_on(date(1985, 10, 2), date(2020, 10, 1)), 34);
        assert_eq!(age_on(date(1985, 10, 1), date(2020, 10, 1)), 35);
        assert!(young_on(date(1985, 10, 2), date(2020, 10, 1), 35));
        assert!(!young_on(date(1985, 10, 1), date(2020, 10, 1), 35));
        assert_eq!(age_on(date(2000, 2, 29), date(2021, 2, 28)), 20);
    }
}

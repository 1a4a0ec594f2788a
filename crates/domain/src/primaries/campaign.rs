//! A primaries campaign (issue 14 §1): the positions it fills, its territory, its windows
//! (registration, debates, online voting, paper voting), its trustees and the party's rule set,
//! opened by the organizing committee with `open_campaign`.

use serde::{Deserialize, Serialize};

use crate::account::{Role, Username};
use crate::authz::Policy;
use crate::command::{DomainCommand, Edition};
use crate::error::{Rule, ValidationErrors};
use crate::party::PartyCode;
use crate::primaries::rules::{PrimariesRule, PrimariesRules};
use crate::primaries::{COMMITTEE, CampaignId, Instant, Window};
use crate::territory::TerritoryCode;
use crate::text;

/// The most positions a campaign may have.
pub const MAX_POSITIONS: usize = 200;
/// The most seats a list position may have.
pub const MAX_SEATS: u32 = 500;
/// The most trustees of a key ceremony.
pub const MAX_TRUSTEES: usize = 15;

/// What a position is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PositionKind {
    /// The party's nominee for akim of a unit: the rating goes to the unit's branch conference,
    /// which votes "on the results of debates" (seed 003).
    Akim {
        /// The unit (district, city, rural okrug).
        unit: TerritoryCode,
    },
    /// A list (a maslikhat's party list, a party body) of `seats` places, balanced by the quotas.
    List {
        /// The list's length.
        seats: u32,
    },
}

/// One position of a campaign; contenders stand for one position each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// A stable key (`akim-154800000`, `maslikhat-list`): 1–32 of `a–z 0–9 -`.
    pub key: String,
    /// The position's name in Russian.
    pub name_ru: String,
    /// The position's name in Kazakh.
    pub name_kk: String,
    /// The position's name in English (may be empty).
    pub name_en: String,
    /// What it is.
    #[serde(flatten)]
    pub kind: PositionKind,
}

impl Position {
    /// The name in a language given by its code (Russian when the English one is empty).
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.name_kk,
            "en" if !self.name_en.is_empty() => &self.name_en,
            _ => &self.name_ru,
        }
    }

    /// The list's seats, or `None` for an akim position.
    pub fn seats(&self) -> Option<u32> {
        match self.kind {
            PositionKind::List { seats } => Some(seats),
            PositionKind::Akim { .. } => None,
        }
    }
}

/// Whether a position key has the form `1–32 of a–z 0–9 -`.
pub fn key_ok(key: &str) -> bool {
    (1..=32).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The windows of a campaign (rules.md §8: registration 17–28 Aug, debates 14–30 Sep, online
/// voting 1 Oct 00:00 – 3 Oct 14:00, paper voting 3 Oct 08:00–14:00 in 2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Windows {
    /// Contenders register (online, or nominated by a primary organization).
    pub registration: Window,
    /// Debates are held.
    pub debates: Window,
    /// Members vote online.
    pub online_voting: Window,
    /// Members vote on paper at primary organizations.
    pub paper_voting: Window,
}

/// Opens a primaries campaign (`open_campaign`): the ledger records the whole campaign,
/// its rule set's text included, so a later change of the party's rules cannot change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCampaign {
    /// The new campaign's identifier.
    pub campaign: CampaignId,
    /// The party.
    pub party: PartyCode,
    /// The territory of the branch whose organizing committee runs the campaign.
    pub territory: TerritoryCode,
    /// The campaign's title in Russian.
    pub title_ru: String,
    /// The campaign's title in Kazakh.
    pub title_kk: String,
    /// The campaign's title in English (may be empty).
    pub title_en: String,
    /// The positions.
    pub positions: Vec<Position>,
    /// The windows.
    pub windows: Windows,
    /// The trustees of the key ceremony (accounts with the role `trustee`).
    pub trustees: Vec<Username>,
    /// How many trustees must take part in decrypting the tally.
    pub threshold: u32,
    /// The rule set's TOML text ([`PrimariesRules`]).
    pub rules: String,
}

impl DomainCommand for OpenCampaign {
    const POLICY: Policy = COMMITTEE;
    type Private = ();
    fn summary(&self) -> String {
        format!("{} @ {} {}", self.party, self.territory, self.title_ru)
    }
    fn normalized(mut self) -> Self {
        for t in [&mut self.title_ru, &mut self.title_kk, &mut self.title_en] {
            *t = text::normalize(t);
        }
        for p in &mut self.positions {
            for t in [&mut p.name_ru, &mut p.name_kk, &mut p.name_en] {
                *t = text::normalize(t);
            }
            p.key = p.key.trim().to_owned();
        }
        self
    }
}

/// A campaign as stored: the command's content with its rules read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    /// What `open_campaign` recorded.
    #[serde(flatten)]
    pub opened: OpenCampaign,
}

impl Campaign {
    /// The campaign's rule set (it was read when the campaign was opened).
    ///
    /// # Errors
    /// [`crate::Rule::RuleSetInvalid`] if the stored text no longer reads (never for a
    /// campaign that was accepted).
    pub fn rules(&self) -> Result<PrimariesRules, ValidationErrors> {
        PrimariesRules::from_toml(&self.opened.rules)
    }

    /// The position with `key`.
    pub fn position(&self, key: &str) -> Option<&Position> {
        self.opened.positions.iter().find(|p| p.key == key)
    }

    /// The title in a language given by its code.
    pub fn title(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.opened.title_kk,
            "en" if !self.opened.title_en.is_empty() => &self.opened.title_en,
            _ => &self.opened.title_ru,
        }
    }

    /// The reference day for "young" (the local day online voting opens is computed by the
    /// caller in the territory's zone): the instant online voting opens.
    pub fn voting_opens(&self) -> Instant {
        self.opened.windows.online_voting.opens
    }
}

/// What [`validate_open`] needs to know about the world.
#[derive(Debug, Clone, Default)]
pub struct OpenFacts {
    /// Whether the identifier is taken.
    pub id_taken: bool,
    /// Whether the party has a branch on the campaign's territory.
    pub branch_exists: bool,
    /// For each akim position (in order), whether its unit lies in the campaign's territory
    /// subtree (`None`: no such territory).
    pub units_inside: Vec<Option<bool>>,
    /// For each trustee named (in order), the account's role (`None`: no such account).
    pub trustee_roles: Vec<Option<Role>>,
    /// When the command is issued.
    pub now: Instant,
}

/// Checks a new campaign: every broken rule at once, each on its field.
///
/// # Errors
/// The [`PrimariesRule`]s of the campaign (identifier taken, windows empty or out of order,
/// paper voting outside online voting, registration already past, positions empty, badly keyed
/// or twice, a unit outside the territory, seats out of 1–500, trustees and threshold), the
/// rule set's [`crate::Rule::RuleSetInvalid`], [`crate::party::rules::PartyRule::BranchMissing`],
/// and the text rules of the titles and names.
pub fn validate_open(
    c: &OpenCampaign,
    facts: &OpenFacts,
    edition: Edition,
) -> Result<Campaign, ValidationErrors> {
    let mut errs = ValidationErrors::new();
    if facts.id_taken {
        errs.push("campaign", PrimariesRule::CampaignTaken.into());
    }
    if !facts.branch_exists {
        errs.push(
            "territory",
            crate::party::rules::PartyRule::BranchMissing.into(),
        );
    }
    errs.absorb(text::required("title_ru", &c.title_ru, 300, edition));
    errs.absorb(text::required("title_kk", &c.title_kk, 300, edition));
    errs.absorb(text::optional("title_en", &c.title_en, 300, edition));
    errs.absorb(PrimariesRules::from_toml(&c.rules));

    let w = &c.windows;
    for (field, window) in [
        ("windows.registration", &w.registration),
        ("windows.debates", &w.debates),
        ("windows.online_voting", &w.online_voting),
        ("windows.paper_voting", &w.paper_voting),
    ] {
        if window.opens >= window.closes {
            errs.push(format!("{field}.closes"), PrimariesRule::WindowEmpty.into());
        }
    }
    if w.registration.closes > w.debates.opens {
        errs.push("windows.debates.opens", PrimariesRule::WindowsOrder.into());
    }
    if w.debates.closes > w.online_voting.opens {
        errs.push(
            "windows.online_voting.opens",
            PrimariesRule::WindowsOrder.into(),
        );
    }
    if w.paper_voting.opens < w.online_voting.opens
        || w.paper_voting.closes > w.online_voting.closes
    {
        errs.push(
            "windows.paper_voting.opens",
            PrimariesRule::PaperOutsideOnline.into(),
        );
    }
    if w.registration.closes <= facts.now {
        errs.push(
            "windows.registration.closes",
            PrimariesRule::RegistrationPast.into(),
        );
    }

    if c.positions.is_empty() {
        errs.push("positions", PrimariesRule::PositionsEmpty.into());
    }
    if c.positions.len() > MAX_POSITIONS {
        errs.push("positions", Rule::FieldTooLong { max: MAX_POSITIONS });
    }
    let mut akim = 0;
    for (i, p) in c.positions.iter().enumerate() {
        let at = |f: &str| format!("positions[{i}].{f}");
        if !key_ok(&p.key) {
            errs.push(at("key"), PrimariesRule::PositionKeyFormat.into());
        } else if c.positions[..i].iter().any(|q| q.key == p.key) {
            errs.push(at("key"), PrimariesRule::PositionKeyTwice.into());
        }
        errs.absorb(text::required(&at("name_ru"), &p.name_ru, 300, edition));
        errs.absorb(text::required(&at("name_kk"), &p.name_kk, 300, edition));
        errs.absorb(text::optional(&at("name_en"), &p.name_en, 300, edition));
        match p.kind {
            PositionKind::Akim { .. } => {
                match facts.units_inside.get(akim).copied().flatten() {
                    None => errs.push(at("unit"), Rule::TerritoryMissing),
                    Some(false) => errs.push(at("unit"), PrimariesRule::UnitOutsideCampaign.into()),
                    Some(true) => {}
                }
                akim += 1;
            }
            PositionKind::List { seats } => {
                if !(1..=MAX_SEATS).contains(&seats) {
                    errs.push(at("seats"), PrimariesRule::SeatsRange.into());
                }
            }
        }
    }

    let n = c.trustees.len();
    let twice = c
        .trustees
        .iter()
        .enumerate()
        .any(|(i, t)| c.trustees[..i].contains(t));
    if n == 0 || n > MAX_TRUSTEES || twice {
        errs.push("trustees", PrimariesRule::TrusteesShape.into());
    }
    if c.threshold == 0 || c.threshold as usize > n.max(1) {
        errs.push("threshold", PrimariesRule::ThresholdRange.into());
    }
    for (i, role) in facts.trustee_roles.iter().enumerate() {
        match role {
            None => errs.push(format!("trustees[{i}]"), Rule::AccountMissing),
            Some(Role::Trustee) => {}
            Some(_) => errs.push(format!("trustees[{i}]"), PrimariesRule::NotTrustee.into()),
        }
    }
    errs.into_result()?;
    Ok(Campaign { opened: c.clone() })
}

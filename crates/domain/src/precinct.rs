//! Precincts (polling stations): numbered within their region, belonging to a territory.

use crate::command::Edition;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Rule, ValidationErrors};
use crate::territory::{Territory, TerritoryCode};
use crate::text;

/// Precinct numbers run from 1 to this.
pub const MAX_NUMBER: u32 = 99_999;
/// A sanity bound on the voters of one precinct (not a legal rule: it catches typing errors).
pub const MAX_VOTERS: u32 = 100_000;
/// Addresses are at most this many characters.
pub const MAX_ADDRESS: usize = 500;

/// How a precinct is named across the registry: its region and its number there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PrecinctRef {
    /// The precinct's region (its top-level territory).
    pub region_code: TerritoryCode,
    /// The number, 1 to 99,999, unique in the region.
    pub number: u32,
}

impl fmt::Display for PrecinctRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.region_code, self.number)
    }
}

impl PrecinctRef {
    /// Parses `REGION/NUMBER` (as in URLs and scopes).
    pub fn parse(s: &str) -> Result<Self, Rule> {
        let (region, number) = s.trim().split_once('/').ok_or(Rule::PrecinctNumberFormat)?;
        let region_code = TerritoryCode::parse(region)?;
        let number = parse_number(number)?;
        Ok(Self {
            region_code,
            number,
        })
    }
}

/// Parses a precinct number (1..=99,999), written as people write numbers
/// ([`text::parse_whole_number`]: `1 552` is 1552; `1,5` is refused as not whole).
pub fn parse_number(s: &str) -> Result<u32, Rule> {
    match text::parse_whole_number(s) {
        Ok(n) if (1..=u64::from(MAX_NUMBER)).contains(&n) => Ok(n as u32),
        Err(Rule::NumberNotWhole) => Err(Rule::NumberNotWhole),
        _ => Err(Rule::PrecinctNumberFormat),
    }
}

/// Parses a count of voters (0..=MAX_VOTERS), written as people write numbers
/// ([`text::parse_whole_number`]: `1 000` with a space or a no-break space is 1000).
pub fn parse_voters(s: &str) -> Result<u32, Rule> {
    match text::parse_whole_number(s) {
        Ok(n) if n <= u64::from(MAX_VOTERS) => Ok(n as u32),
        Err(r @ (Rule::NumberNotWhole | Rule::NumberNegative)) => Err(r),
        _ => Err(Rule::VotersOutOfRange { max: MAX_VOTERS }),
    }
}

/// A precinct as a command proposes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPrecinct {
    /// The number, 1 to 99,999, unique in the region.
    pub number: u32,
    /// The territory it belongs to (not a whole region).
    pub territory_code: TerritoryCode,
    /// The polling station's address (at most [`MAX_ADDRESS`] characters).
    pub address: String,
    /// Voters on the list, 0 to 100,000.
    pub voters: u32,
}

/// A precinct in the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Precinct {
    /// The region the territory lies in.
    pub region_code: TerritoryCode,
    /// The number, unique in the region.
    pub number: u32,
    /// The territory it belongs to.
    pub territory_code: TerritoryCode,
    /// The polling station's address.
    pub address: String,
    /// Voters on the list.
    pub voters: u32,
}

impl Precinct {
    /// How the registry names this precinct (region and number).
    pub fn reference(&self) -> PrecinctRef {
        PrecinctRef {
            region_code: self.region_code.clone(),
            number: self.number,
        }
    }
}

/// Checks the fields that need no lookup: number range, address, voters.
fn check_fields(
    number: u32,
    address: &str,
    voters: u32,
    edition: Edition,
    errs: &mut ValidationErrors,
) -> Option<String> {
    if !(1..=MAX_NUMBER).contains(&number) {
        errs.push("number", Rule::PrecinctNumberFormat);
    }
    if voters > MAX_VOTERS {
        errs.push("voters", Rule::VotersOutOfRange { max: MAX_VOTERS });
    }
    errs.absorb(text::required_kind(
        "address",
        address,
        text::TextKind::Address,
        MAX_ADDRESS,
        edition,
    ))
}

impl NewPrecinct {
    /// Checks a new precinct against the facts the caller looked up: the territory it names
    /// (None when the code names nothing), that territory's region (the top of its ancestry),
    /// and whether the number is taken in that region.
    pub fn validate(
        &self,
        territory: Option<&Territory>,
        region_code: Option<&TerritoryCode>,
        number_taken: bool,
    ) -> Result<Precinct, ValidationErrors> {
        self.validate_in(territory, region_code, number_taken, Edition::CURRENT)
    }

    /// [`NewPrecinct::validate`] under the rules of an [`Edition`].
    pub fn validate_in(
        &self,
        territory: Option<&Territory>,
        region_code: Option<&TerritoryCode>,
        number_taken: bool,
        edition: Edition,
    ) -> Result<Precinct, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        let address = check_fields(self.number, &self.address, self.voters, edition, &mut errs);
        match territory {
            None => errs.push("territory_code", Rule::TerritoryMissing),
            Some(t) if !t.kind.hosts_precincts() => errs.push(
                "territory_code",
                Rule::PrecinctTerritoryKind { kind: t.kind },
            ),
            Some(_) => {}
        }
        if number_taken {
            errs.push("number", Rule::PrecinctNumberTaken);
        }
        let region_code = match region_code {
            Some(r) => Some(r.clone()),
            None => {
                if territory.is_some() {
                    errs.push("territory_code", Rule::TerritoryMissing);
                }
                None
            }
        };
        errs.into_result()?;
        match (address, region_code) {
            (Some(address), Some(region_code)) => Ok(Precinct {
                region_code,
                number: self.number,
                territory_code: self.territory_code.clone(),
                address,
                voters: self.voters,
            }),
            _ => Err(ValidationErrors::one(
                "territory_code",
                Rule::TerritoryMissing,
            )),
        }
    }
}

/// Checks an update of a precinct's address and voters.
pub fn validate_update(
    existing: Option<&Precinct>,
    address: &str,
    voters: u32,
) -> Result<Precinct, ValidationErrors> {
    validate_update_in(existing, address, voters, Edition::CURRENT)
}

/// [`validate_update`] under the rules of an [`Edition`].
pub fn validate_update_in(
    existing: Option<&Precinct>,
    address: &str,
    voters: u32,
    edition: Edition,
) -> Result<Precinct, ValidationErrors> {
    let Some(p) = existing else {
        return Err(ValidationErrors::one("number", Rule::PrecinctMissing));
    };
    let mut errs = ValidationErrors::new();
    let address = check_fields(p.number, address, voters, edition, &mut errs);
    errs.into_result()?;
    Ok(Precinct {
        address: address.unwrap_or_else(|| p.address.clone()),
        voters,
        ..p.clone()
    })
}

//! Territories: region → district or city of regional significance → okrug, village, settlement,
//! city of district significance. Identified by their 9-digit KATO code.

use crate::command::Edition;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Rule, ValidationErrors};
use crate::text;

/// A 9-digit KATO code (the official classifier of administrative-territorial objects).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TerritoryCode(String);

impl TerritoryCode {
    /// Reads a KATO code (surrounding spaces ignored).
    ///
    /// # Errors
    /// [`Rule::CodeFormat`] unless exactly 9 digits.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        let s = s.trim();
        if s.len() == 9 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(Rule::CodeFormat)
        }
    }
    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TerritoryCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).map_err(|r| r.english())
    }
}

impl From<TerritoryCode> for String {
    fn from(c: TerritoryCode) -> String {
        c.0
    }
}

impl fmt::Display for TerritoryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kinds of administrative-territorial unit.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum TerritoryKind {
    /// Oblast.
    Region,
    /// City of republican significance (Astana, Almaty, Shymkent).
    RepublicanCity,
    /// District (audan) of a region, or of a republican city.
    District,
    /// City of regional significance.
    RegionalCity,
    /// Rural okrug.
    RuralOkrug,
    /// Village (auyl).
    Village,
    /// Settlement (kent).
    Settlement,
    /// City of district significance.
    DistrictCity,
}

impl TerritoryKind {
    /// Every kind, in declaration order (the order forms show them).
    pub const ALL: [TerritoryKind; 8] = [
        TerritoryKind::Region,
        TerritoryKind::RepublicanCity,
        TerritoryKind::District,
        TerritoryKind::RegionalCity,
        TerritoryKind::RuralOkrug,
        TerritoryKind::Village,
        TerritoryKind::Settlement,
        TerritoryKind::DistrictCity,
    ];

    /// The kind's name, as in the ledger, imports and the API: `region`, `republican_city`,
    /// `district`, `regional_city`, `rural_okrug`, `village`, `settlement`, `district_city`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The kinds this kind may sit under; empty for top-level kinds.
    pub fn allowed_parents(self) -> &'static [TerritoryKind] {
        use TerritoryKind::*;
        match self {
            Region | RepublicanCity => &[],
            District => &[Region, RepublicanCity],
            RegionalCity => &[Region],
            RuralOkrug => &[District, RegionalCity],
            Village | Settlement => &[District, RegionalCity, RuralOkrug],
            DistrictCity => &[District],
        }
    }

    /// How many leading digits of a KATO code identify a unit of this kind (its level in the
    /// classifier's `AB CD EF HIJ` structure): region or republican city 2 (`AB`), district or
    /// city of regional significance 4 (`ABCD`), rural okrug or city of district significance 6
    /// (`ABCDEF`), village or settlement all 9. The digits after them are zeros.
    pub fn code_digits(self) -> usize {
        use TerritoryKind::*;
        match self {
            Region | RepublicanCity => 2,
            District | RegionalCity => 4,
            RuralOkrug | DistrictCity => 6,
            Village | Settlement => 9,
        }
    }

    /// Whether this kind has no parent (a region or a city of republican significance).
    pub fn is_top_level(self) -> bool {
        self.allowed_parents().is_empty()
    }

    /// Whether polling stations may belong directly to a territory of this kind.
    pub fn hosts_precincts(self) -> bool {
        self != TerritoryKind::Region
    }
}

/// `ALL` lists every variant: the compiler counts them.
const _: () =
    assert!(TerritoryKind::ALL.len() == <TerritoryKind as strum::VariantArray>::VARIANTS.len());

impl FromStr for TerritoryKind {
    type Err = Rule;
    fn from_str(s: &str) -> Result<Self, Rule> {
        TerritoryKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or(Rule::KindUnknown)
    }
}

impl fmt::Display for TerritoryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name in the three languages of sailau.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// In Russian (required).
    pub ru: String,
    /// In Kazakh (required).
    pub kk: String,
    /// In English (may be empty).
    pub en: String,
}

impl Names {
    /// The longest name, in characters.
    pub const MAX: usize = 200;

    /// Trims the names; Russian and Kazakh are required, English may be empty.
    /// Each name is normalized by [`crate::text::clean`] (NFC, allowed characters of a name, no
    /// mixed-script word).
    pub fn validated(&self) -> Result<Names, ValidationErrors> {
        self.validated_in(Edition::CURRENT)
    }

    /// [`Names::validated`] under the rules of an [`Edition`].
    pub fn validated_in(&self, edition: Edition) -> Result<Names, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        let ru = errs.absorb(text::required("name_ru", &self.ru, Self::MAX, edition));
        let kk = errs.absorb(text::required("name_kk", &self.kk, Self::MAX, edition));
        let en = errs.absorb(text::optional("name_en", &self.en, Self::MAX, edition));
        match (ru, kk, en) {
            (Some(ru), Some(kk), Some(en)) if errs.is_empty() => Ok(Names { ru, kk, en }),
            _ => Err(errs),
        }
    }

    /// The name in a language given by its code, falling back to Russian.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "kk" if !self.kk.is_empty() => &self.kk,
            "en" if !self.en.is_empty() => &self.en,
            _ => &self.ru,
        }
    }
}

/// The KATO structure rule: a unit's code is its parent's significant digits (see
/// [`TerritoryKind::code_digits`]), then its own digits (not all zero) up to its level, then zeros.
/// A top-level unit has 2 own digits. Source: the KATO classifier's `AB CD EF HIJ` code layout.
pub fn code_fits(
    code: &TerritoryCode,
    kind: TerritoryKind,
    parent: Option<&Territory>,
) -> Result<(), Rule> {
    let digits = code.as_str().as_bytes();
    let (prefix, from) = match parent {
        Some(p) => {
            let n = p.kind.code_digits();
            (p.code.as_str().get(..n).unwrap_or(""), n)
        }
        None => ("", 0),
    };
    let to = kind.code_digits().max(from);
    let own = digits.get(from..to).unwrap_or(&[]);
    let fits = digits.starts_with(prefix.as_bytes())
        && !own.is_empty()
        && own.iter().any(|&d| d != b'0')
        && digits.get(to..).unwrap_or(&[]).iter().all(|&d| d == b'0');
    if fits {
        Ok(())
    } else {
        Err(Rule::CodeParentMismatch {
            prefix: prefix.to_owned(),
            digits: from,
        })
    }
}

/// An administrative-territorial unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Territory {
    /// The 9-digit KATO code.
    pub code: TerritoryCode,
    /// The parent's code; `None` for regions and cities of republican significance.
    pub parent_code: Option<TerritoryCode>,
    /// The kind.
    pub kind: TerritoryKind,
    /// The names in the three languages.
    pub names: Names,
}

impl Territory {
    /// Checks a new territory against the registry facts the caller looked up:
    /// whether its code is taken and what its parent is (None when the parent code names nothing).
    /// Returns the territory with trimmed names.
    pub fn validate_new(
        &self,
        code_taken: bool,
        parent: Option<&Territory>,
    ) -> Result<Territory, ValidationErrors> {
        self.validate_new_in(code_taken, parent, Edition::CURRENT)
    }

    /// [`Territory::validate_new`] under the rules of an [`Edition`] (the KATO structure is
    /// checked from [`Edition::V2`] on).
    pub fn validate_new_in(
        &self,
        code_taken: bool,
        parent: Option<&Territory>,
        edition: Edition,
    ) -> Result<Territory, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        if code_taken {
            errs.push("code", Rule::CodeTaken);
        }
        match (&self.parent_code, parent) {
            (Some(_), None) => errs.push("parent_code", Rule::ParentMissing),
            (Some(_), Some(p)) => {
                if !self.kind.allowed_parents().contains(&p.kind) {
                    errs.push(
                        "parent_code",
                        Rule::ParentKindInvalid {
                            kind: self.kind,
                            parent_kind: Some(p.kind),
                        },
                    );
                }
            }
            (None, _) => {
                if !self.kind.is_top_level() {
                    errs.push(
                        "parent_code",
                        Rule::ParentKindInvalid {
                            kind: self.kind,
                            parent_kind: None,
                        },
                    );
                }
            }
        }
        // A territory named as its own parent: its code is taken (the parent exists) or the
        // parent is missing, and either is reported above; no third message for the parent.
        let parent_fits = match (&self.parent_code, parent) {
            (None, _) => Some(None),
            (Some(_), Some(p)) if self.kind.allowed_parents().contains(&p.kind) => Some(Some(p)),
            _ => None,
        };
        if let Some(parent) = parent_fits
            && edition >= Edition::V2
            && let Err(rule) = code_fits(&self.code, self.kind, parent)
        {
            errs.push("code", rule);
        }
        let names = errs.absorb(self.names.validated_in(edition));
        errs.into_result()?;
        Ok(Territory {
            names: names.unwrap_or_else(|| self.names.clone()),
            ..self.clone()
        })
    }
}

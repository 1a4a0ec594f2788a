//! Political parties and their branches on territories, and the party context (issue 13):
//! members ([`member`]), conferences and their numbering ([`numbering`], [`conference`]),
//! delegates, motions and votes ([`vote`]), its commands ([`commands`]) and rules ([`rules`]),
//! primary meetings and the regional pipeline ([`pipeline`]).

pub mod commands;
pub mod conference;
pub mod member;
pub mod numbering;
pub mod pipeline;
pub mod rules;
pub mod vote;

use crate::command::Edition;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Rule, ValidationErrors};
use crate::territory::{Territory, TerritoryCode};
use crate::text;

/// A party's short code: 2–32 of a–z, 0–9 and '-' (e.g. `amanat`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartyCode(String);

impl PartyCode {
    /// Reads a party code (surrounding spaces ignored).
    ///
    /// # Errors
    /// [`Rule::PartyCodeFormat`] unless 2–32 characters of `a–z 0–9 -`, not starting or ending
    /// with a hyphen.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        let s = s.trim();
        let ok = (2..=32).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(Rule::PartyCodeFormat)
        }
    }
    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PartyCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).map_err(|r| r.english())
    }
}

impl From<PartyCode> for String {
    fn from(c: PartyCode) -> String {
        c.0
    }
}

impl fmt::Display for PartyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A registered political party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The party's code (`amanat`), unique and permanent.
    pub code: PartyCode,
    /// Official full name in Russian.
    pub name_ru: String,
    /// Official full name in Kazakh.
    pub name_kk: String,
    /// Name in English (may be empty).
    pub name_en: String,
    /// The short name the ballot and the press use («AMANAT», «Ак жол»).
    pub short_name: String,
}

impl Party {
    /// The longest full name, in characters.
    pub const MAX_NAME: usize = 300;
    /// The longest short name, in characters.
    pub const MAX_SHORT: usize = 60;

    /// Checks a party against whether its code is taken already (for a new party) or
    /// whether it exists (for an update: pass `code_taken = false` and `exists`).
    /// Names are normalized ([`text::clean`]). Does not check that the names are free: see
    /// [`Party::validate_with`].
    pub fn validate(&self, code_taken: bool) -> Result<Party, ValidationErrors> {
        self.validate_with(code_taken, &[])
    }

    /// The keys ([`text::name_key`]) of the party's non-empty names.
    pub fn name_keys(&self) -> Vec<String> {
        [
            &self.name_ru,
            &self.name_kk,
            &self.name_en,
            &self.short_name,
        ]
        .into_iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| text::name_key(n))
        .filter(|k| !k.is_empty())
        .collect()
    }

    /// Like [`Party::validate`], and also checks that none of its names reads like a name of one
    /// of the `others` (the registered parties other than this one): names are compared by
    /// [`text::name_key`] (NFC, transliteration, case folding, UTS #39 confusable skeleton), so a
    /// Cyrillic «АМАНАТ» or a second «AMANAT» is refused beside the registered AMANAT.
    pub fn validate_with(
        &self,
        code_taken: bool,
        others: &[Party],
    ) -> Result<Party, ValidationErrors> {
        self.validate_with_in(code_taken, others, Edition::CURRENT)
    }

    /// [`Party::validate_with`] under the rules of an [`Edition`] (names are compared with the
    /// other parties' from [`Edition::V2`] on).
    pub fn validate_with_in(
        &self,
        code_taken: bool,
        others: &[Party],
        edition: Edition,
    ) -> Result<Party, ValidationErrors> {
        let others = if edition >= Edition::V2 { others } else { &[] };
        let mut errs = ValidationErrors::new();
        if code_taken {
            errs.push("code", Rule::PartyTaken);
        }
        for (field, name) in [
            ("name_ru", &self.name_ru),
            ("name_kk", &self.name_kk),
            ("name_en", &self.name_en),
            ("short_name", &self.short_name),
        ] {
            let key = text::name_key(name);
            if key.is_empty() {
                continue;
            }
            if let Some(other) = others
                .iter()
                .find(|o| o.code != self.code && o.name_keys().contains(&key))
            {
                errs.push(
                    field,
                    Rule::PartyNameTaken {
                        name: other.short_name.clone(),
                    },
                );
            }
        }
        let name_ru = errs.absorb(text::required(
            "name_ru",
            &self.name_ru,
            Self::MAX_NAME,
            edition,
        ));
        let name_kk = errs.absorb(text::required(
            "name_kk",
            &self.name_kk,
            Self::MAX_NAME,
            edition,
        ));
        let name_en = errs.absorb(text::optional(
            "name_en",
            &self.name_en,
            Self::MAX_NAME,
            edition,
        ));
        let short = errs.absorb(text::required(
            "short_name",
            &self.short_name,
            Self::MAX_SHORT,
            edition,
        ));
        errs.into_result()?;
        Ok(Party {
            code: self.code.clone(),
            name_ru: name_ru.unwrap_or_default(),
            name_kk: name_kk.unwrap_or_default(),
            name_en: name_en.unwrap_or_default(),
            short_name: short.unwrap_or_default(),
        })
    }

    /// The name to show in a language given by its code.
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "kk" => &self.name_kk,
            "en" if !self.name_en.is_empty() => &self.name_en,
            _ => &self.name_ru,
        }
    }
}

/// A party's branch on a territory (regional, district or city branch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// The party.
    pub party_code: PartyCode,
    /// The territory the branch works on.
    pub territory_code: TerritoryCode,
}

impl Branch {
    /// Checks a new branch against the facts the caller looked up: whether the party exists, the
    /// territory (`None` when missing) and whether the party has a branch there already.
    ///
    /// # Errors
    /// [`Rule::PartyMissing`], [`Rule::TerritoryMissing`], [`Rule::BranchTaken`], every one that
    /// applies.
    pub fn validate(
        &self,
        party_exists: bool,
        territory: Option<&Territory>,
        taken: bool,
    ) -> Result<Branch, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        if !party_exists {
            errs.push("party_code", Rule::PartyMissing);
        }
        if territory.is_none() {
            errs.push("territory_code", Rule::TerritoryMissing);
        }
        if taken {
            errs.push("territory_code", Rule::BranchTaken);
        }
        errs.into_result()?;
        Ok(self.clone())
    }
}

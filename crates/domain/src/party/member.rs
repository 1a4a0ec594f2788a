//! Party members: who they are stays out of the public ledger.
//!
//! A member's `record_member` entry carries the member's identifier, party, branch, joining date
//! and a **salted commitment** (SHA-256 of a random salt and the record's canonical JSON) to the
//! record; the record itself (card number, name, birth date) travels as the command's private
//! data ([`crate::Private::Member`]) into an erasable table. Erasing it leaves the commitment,
//! which then reveals nothing (issue 13 §1; ARCHITECTURE.md "Personal data").

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::command::Edition;
use crate::error::{Rule, ValidationErrors};
use crate::party::rules::PartyRule;
use crate::text;

/// A member's identifier, chosen when the member is recorded and kept in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(pub uuid::Uuid);

impl fmt::Display for MemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A member's personal record: never in the ledger, erasable.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRecord {
    /// 16 random bytes, hex: makes the commitment unguessable from the record.
    pub salt: String,
    /// The party card's number (1–32 letters, digits, hyphens), unique in the party.
    pub card_number: String,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic (may be empty).
    pub patronymic: String,
    /// Date of birth.
    pub birth_date: Date,
}

impl fmt::Debug for MemberRecord {
    /// Personal data never reaches logs through `Debug`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MemberRecord(..)")
    }
}

impl MemberRecord {
    /// Longest name part.
    pub const MAX_NAME: usize = 100;

    /// The salted commitment to this record: lowercase hex SHA-256 of
    /// `"sailau-member-v1\0" || salt || "\0" || canonical JSON of the record without the salt`.
    pub fn commitment(&self) -> String {
        #[derive(Serialize)]
        struct Committed<'a> {
            card_number: &'a str,
            surname: &'a str,
            given_name: &'a str,
            patronymic: &'a str,
            birth_date: Date,
        }
        let json = serde_json::to_vec(&Committed {
            card_number: &self.card_number,
            surname: &self.surname,
            given_name: &self.given_name,
            patronymic: &self.patronymic,
            birth_date: self.birth_date,
        })
        .unwrap_or_default();
        let mut h = Sha256::new();
        h.update(b"sailau-member-v1\0");
        h.update(self.salt.as_bytes());
        h.update(b"\0");
        h.update(&json);
        hex::encode(h.finalize())
    }

    /// The full name, surname first.
    pub fn full_name(&self) -> String {
        [&self.surname, &self.given_name, &self.patronymic]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The record with its text normalized and checked (the card number in capitals,
    /// [`card_number_normal`]): card number format, names, birth date
    /// not after `today`, joining date (`joined_on`) not after `today` nor before the 14th
    /// birthday. Every broken rule at once.
    pub fn validate(
        &self,
        joined_on: Date,
        today: Date,
        edition: Edition,
    ) -> Result<MemberRecord, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        let card = card_number_normal(&self.card_number);
        let card = card.as_str();
        if card.is_empty()
            || card.chars().count() > 32
            || !card.chars().all(|c| c.is_alphanumeric() || c == '-')
        {
            errs.push("card_number", PartyRule::CardNumberFormat.into());
        }
        let surname = errs.absorb(text::required(
            "surname",
            &self.surname,
            Self::MAX_NAME,
            edition,
        ));
        let given = errs.absorb(text::required(
            "given_name",
            &self.given_name,
            Self::MAX_NAME,
            edition,
        ));
        let patronymic = errs.absorb(text::optional(
            "patronymic",
            &self.patronymic,
            Self::MAX_NAME,
            edition,
        ));
        if self.birth_date > today || self.birth_date.year() < 1900 {
            errs.push("birth_date", Rule::PersonBirthDateInvalid);
        }
        let fourteen = self.birth_date.saturating_add(jiff::Span::new().years(14));
        if joined_on > today || joined_on < fourteen {
            errs.push("joined_on", PartyRule::JoinedOnInvalid.into());
        }
        errs.into_result()?;
        Ok(MemberRecord {
            salt: self.salt.clone(),
            card_number: card.to_owned(),
            surname: surname.unwrap_or_default(),
            given_name: given.unwrap_or_default(),
            patronymic: patronymic.unwrap_or_default(),
            birth_date: self.birth_date,
        })
    }

    /// The key a member is matched to a registry person by: [`text::name_key`] of the full name
    /// and the birth date.
    pub fn identity_key(&self) -> String {
        identity_key(
            &self.surname,
            &self.given_name,
            &self.patronymic,
            self.birth_date,
        )
    }
}

/// The key a person and a member record are matched by: the name's [`text::name_key`] and the
/// birth date.
pub fn identity_key(surname: &str, given_name: &str, patronymic: &str, birth_date: Date) -> String {
    format!(
        "{}|{}|{}|{birth_date}",
        text::name_key(surname),
        text::name_key(given_name),
        text::name_key(patronymic)
    )
}

/// What the public tables know of a member (the facts rules need besides the record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberFacts {
    /// The member.
    pub member: MemberId,
    /// Its party.
    pub party: crate::PartyCode,
    /// Its branch's territory.
    pub branch: crate::TerritoryCode,
    /// When the member joined.
    pub joined_on: Date,
    /// Whether the personal record has been erased.
    pub erased: bool,
}

/// Whether the member belongs to `party` on `date` (joined on or before it); the rule broken
/// otherwise.
pub fn member_on(
    facts: Option<&MemberFacts>,
    party: &crate::PartyCode,
    date: Date,
) -> Result<(), PartyRule> {
    match facts {
        Some(f) if &f.party == party => {
            if f.joined_on > date {
                Err(PartyRule::MemberJoinedAfter {
                    date: date.to_string(),
                })
            } else {
                Ok(())
            }
        }
        _ => Err(PartyRule::MemberMissing),
    }
}

/// A party card number as sailau keeps and looks it up: trimmed, letters in capitals, so that
/// «ab-1024» typed by a secretary finds the card «AB-1024» and cannot be recorded beside it.
pub fn card_number_normal(card: &str) -> String {
    card.trim().to_uppercase()
}

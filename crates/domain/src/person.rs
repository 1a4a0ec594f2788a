//! People: candidates, delegates, commission members, party secretaries.

use crate::command::Edition;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{Rule, ValidationErrors};
use crate::text;

/// A person's identifier, chosen when the person is registered and recorded in the ledger so that
/// a replay gives the same identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub uuid::Uuid);

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A person's gender, as the registry records it (`female`, `male`).
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
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
}

impl Gender {
    /// Both genders, in declaration order.
    pub const ALL: &'static [Gender] = <Gender as strum::VariantArray>::VARIANTS;

    /// The name: `female` or `male`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Reads `female`/`male`, or `f`/`F`/`m`/`M` as officials abbreviate them (surrounding
    /// spaces ignored).
    ///
    /// # Errors
    /// [`Rule::GenderInvalid`] for anything else.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        match s.trim() {
            "female" | "f" | "F" => Ok(Gender::Female),
            "male" | "m" | "M" => Ok(Gender::Male),
            _ => Err(Rule::GenderInvalid),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A person of the registry: a candidate, delegate, commission member or secretary. Recorded in
/// the public ledger with name and birth date, as candidates' data is published in Kazakhstan.
pub struct Person {
    /// The person's id, chosen at registration.
    pub id: PersonId,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Empty when the person has none.
    pub patronymic: String,
    /// Birth date (civil date; from 1900-01-01 to the day of registration in the territory's zone).
    pub birth_date: Date,
    /// Gender.
    pub gender: Gender,
}

impl Person {
    /// The longest name part, in characters.
    pub const MAX_NAME: usize = 100;

    /// Checks the person; `today` is the local date of the command in the national zone
    /// ([`crate::date::local_date`]), given by the caller (the domain has no clock).
    pub fn validate(&self, id_taken: bool, today: Date) -> Result<Person, ValidationErrors> {
        self.validate_in(id_taken, today, Edition::CURRENT)
    }

    /// [`Person::validate`] under the rules of an [`Edition`].
    pub fn validate_in(
        &self,
        id_taken: bool,
        today: Date,
        edition: Edition,
    ) -> Result<Person, ValidationErrors> {
        let mut errs = ValidationErrors::new();
        if id_taken {
            errs.push("id", Rule::PersonTaken);
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
        if self.birth_date < Date::constant(1900, 1, 1) || self.birth_date > today {
            errs.push("birth_date", Rule::PersonBirthDateInvalid);
        }
        errs.into_result()?;
        Ok(Person {
            surname: surname.unwrap_or_default(),
            given_name: given.unwrap_or_default(),
            patronymic: patronymic.unwrap_or_default(),
            ..self.clone()
        })
    }

    /// "Surname Given Patronymic".
    pub fn full_name(&self) -> String {
        let mut s = format!("{} {}", self.surname, self.given_name);
        if !self.patronymic.is_empty() {
            s.push(' ');
            s.push_str(&self.patronymic);
        }
        s
    }

    /// Age in whole years on `on`.
    pub fn age_on(&self, on: Date) -> i16 {
        let mut age = on.year() - self.birth_date.year();
        if (on.month(), on.day()) < (self.birth_date.month(), self.birth_date.day()) {
            age -= 1;
        }
        age
    }
}

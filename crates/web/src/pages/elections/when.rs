//! Dates and times of an election as its readers write them, in the region's local time.
//!
//! Kazakh and Russian commissions write the day as `10.10.2023` and the time after it: «10.10.2023
//! в 18:00», «10.10.2023 ж. сағат 18:00»; English readers get "10 Oct 2023 at 18:00". A deadline
//! "at 24:00 of 3 November" stays on its day (`03.11.2023 в 24:00`), as the law's calendar and the
//! domain's `LocalMoment` write it, not as 00:00 of the next morning.
//!
//! Everything here is pure: the caller converts instants to the region's civil time (the domain's
//! calendar does that in the region's IANA zone) and passes the civil values in.

use jiff::civil::Date;
use sailau_i18n::Lang;

/// English month names as the day is written in English ("10 Oct 2023").
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A civil date: `10.10.2023` (ru), `10.10.2023 ж.` (kk), `10 Oct 2023` (en).
pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Ru => format!("{:02}.{:02}.{}", d.day(), d.month(), d.year()),
        Lang::Kk => format!("{:02}.{:02}.{} ж.", d.day(), d.month(), d.year()),
        Lang::En => {
            let month = usize::try_from(d.month() - 1)
                .ok()
                .and_then(|m| MONTHS_EN.get(m))
                .copied()
                .unwrap_or("");
            format!("{} {month} {}", d.day(), d.year())
        }
    }
}

/// A moment as the election calendar writes it: a date and a time of day `HH:MM`, where `24:00`
/// is the end of that date («05.10.2023 в 24:00»).
pub fn moment(lang: Lang, d: Date, time: &str) -> String {
    joined(lang, &date(lang, d), time)
}

fn joined(lang: Lang, date: &str, time: &str) -> String {
    match lang {
        Lang::Ru => format!("{date} в {time}"),
        Lang::Kk => format!("{date} сағат {time}"),
        Lang::En => format!("{date} at {time}"),
    }
}

/// The offset of the region's time from UTC as people write it: `UTC+5`, `UTC+6`, `UTC+5:30`.
pub fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m) = (s / 3600, (s % 3600) / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// A recorded instant (a check-in, a report, a scan attached) in the local time of `zone` with
/// the zone's offset at that instant: «27.09.2023 в 10:15 (UTC+6)», «27.09.2023 ж. сағат 10:15
/// (UTC+6)», "27 Sep 2023 at 10:15 (UTC+6)". The offset is the instant's own, so a moment before
/// Kazakhstan's change to one zone on 1 March 2024 keeps the offset it had.
pub fn instant(lang: Lang, at: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> String {
    let local = at.to_zoned(zone.clone());
    format!(
        "{} ({})",
        moment(lang, local.date(), &local.strftime("%H:%M").to_string()),
        utc_offset(local.offset().seconds())
    )
}

#[cfg(test)]
mod tests {
    use jiff::civil::date as d;

    use super::*;

    #[test]
    fn the_registration_deadline_reads_as_commissions_write_it() {
        let day = d(2023, 10, 10);
        assert_eq!(moment(Lang::Ru, day, "18:00"), "10.10.2023 в 18:00");
        assert_eq!(moment(Lang::Kk, day, "18:00"), "10.10.2023 ж. сағат 18:00");
        assert_eq!(moment(Lang::En, day, "18:00"), "10 Oct 2023 at 18:00");
    }

    #[test]
    fn dates_have_two_digit_days_and_months_in_kazakh_and_russian() {
        let day = d(2023, 9, 6);
        assert_eq!(date(Lang::Ru, day), "06.09.2023");
        assert_eq!(date(Lang::Kk, day), "06.09.2023 ж.");
        assert_eq!(date(Lang::En, day), "6 Sep 2023");
        assert_eq!(date(Lang::En, d(2024, 1, 31)), "31 Jan 2024");
        assert_eq!(date(Lang::En, d(2024, 12, 1)), "1 Dec 2024");
    }

    #[test]
    fn a_calendar_moment_keeps_24_00_on_its_date() {
        let day = d(2023, 10, 5);
        assert_eq!(moment(Lang::Ru, day, "24:00"), "05.10.2023 в 24:00");
        assert_eq!(moment(Lang::Kk, day, "24:00"), "05.10.2023 ж. сағат 24:00");
        assert_eq!(moment(Lang::En, day, "18:00"), "5 Oct 2023 at 18:00");
    }

    #[test]
    fn an_instant_is_written_in_local_time_with_its_offset() {
        let zone = jiff::tz::TimeZone::get("Asia/Almaty").unwrap();
        let at: jiff::Timestamp = "2023-09-27T04:15:30Z".parse().unwrap();
        assert_eq!(instant(Lang::Ru, at, &zone), "27.09.2023 в 10:15 (UTC+6)");
        assert_eq!(
            instant(Lang::Kk, at, &zone),
            "27.09.2023 ж. сағат 10:15 (UTC+6)"
        );
        assert_eq!(instant(Lang::En, at, &zone), "27 Sep 2023 at 10:15 (UTC+6)");
        // After 1 March 2024 the same zone is UTC+5.
        let later: jiff::Timestamp = "2024-09-27T04:15:30Z".parse().unwrap();
        assert_eq!(
            instant(Lang::Ru, later, &zone),
            "27.09.2024 в 09:15 (UTC+5)"
        );
    }

    #[test]
    fn offsets_are_written_as_utc_plus_hours() {
        assert_eq!(utc_offset(5 * 3600), "UTC+5");
        assert_eq!(utc_offset(6 * 3600), "UTC+6");
        assert_eq!(utc_offset(5 * 3600 + 1800), "UTC+5:30");
        assert_eq!(utc_offset(-3600), "UTC−1");
        assert_eq!(utc_offset(0), "UTC+0");
    }
}

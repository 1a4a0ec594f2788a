//! Dates and times of an election as its readers write them, in the region's local time.
//!
//! Kazakh and Russian commissions write the day as `10.10.2023` and the time after it: «10.10.2023
//! в 18:00», «10.10.2023 ж. сағат 18:00»; English readers get "10 Oct 2023 at 18:00". A deadline
//! "at 24:00 of 3 November" is kept as the end of that day (the instant is 00:00 of the next day):
//! [`end`] writes it as `03.11.2023 в 24:00`, as the law's calendar does, not as the next morning.
//!
//! Everything here is pure: the caller converts instants to the region's civil time (the domain's
//! calendar does that in the region's IANA zone) and passes the civil values in.

use jiff::civil::{Date, DateTime, Time};
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

/// A time of day: `18:00`.
pub fn time(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A civil date and time: «10.10.2023 в 18:00», «10.10.2023 ж. сағат 18:00», "10 Oct 2023 at
/// 18:00".
pub fn date_time(lang: Lang, dt: DateTime) -> String {
    joined(lang, &date(lang, dt.date()), &time(dt.time()))
}

/// A moment as the election calendar writes it: a date and a time of day `HH:MM`, where `24:00`
/// is the end of that date («05.10.2023 в 24:00»).
pub fn moment(lang: Lang, d: Date, time: &str) -> String {
    joined(lang, &date(lang, d), time)
}

/// The end of a window: like [`date_time`], but midnight is written as 24:00 of the day before
/// («03.11.2023 в 24:00»), which is how the calendar of an election names "the end of that day".
pub fn end(lang: Lang, dt: DateTime) -> String {
    if dt.time() == Time::midnight()
        && let Ok(day_before) = dt.date().yesterday()
    {
        return joined(lang, &date(lang, day_before), "24:00");
    }
    date_time(lang, dt)
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

#[cfg(test)]
mod tests {
    use jiff::civil::date as d;

    use super::*;

    #[test]
    fn the_registration_deadline_reads_as_commissions_write_it() {
        let at = d(2023, 10, 10).at(18, 0, 0, 0);
        assert_eq!(date_time(Lang::Ru, at), "10.10.2023 в 18:00");
        assert_eq!(date_time(Lang::Kk, at), "10.10.2023 ж. сағат 18:00");
        assert_eq!(date_time(Lang::En, at), "10 Oct 2023 at 18:00");
    }

    #[test]
    fn dates_have_two_digit_days_and_months_in_kazakh_and_russian() {
        let day = d(2023, 9, 6);
        assert_eq!(date(Lang::Ru, day), "06.09.2023");
        assert_eq!(date(Lang::Kk, day), "06.09.2023 ж.");
        assert_eq!(date(Lang::En, day), "6 Sep 2023");
        assert_eq!(date(Lang::En, d(2024, 1, 31)), "31 Jan 2024");
        assert_eq!(date(Lang::En, d(2024, 12, 1)), "1 Dec 2024");
        assert_eq!(time(Time::new(7, 5, 0, 0).unwrap()), "07:05");
    }

    #[test]
    fn the_end_of_a_day_is_24_00_of_that_day() {
        // Campaigning ends at 24:00 of E−2 (3 Nov 2023 for 5 Nov): the instant is 4 Nov 00:00.
        let midnight = d(2023, 11, 4).at(0, 0, 0, 0);
        assert_eq!(end(Lang::Ru, midnight), "03.11.2023 в 24:00");
        assert_eq!(end(Lang::Kk, midnight), "03.11.2023 ж. сағат 24:00");
        assert_eq!(end(Lang::En, midnight), "3 Nov 2023 at 24:00");
        // Across a month and a year.
        assert_eq!(
            end(Lang::Ru, d(2024, 1, 1).at(0, 0, 0, 0)),
            "31.12.2023 в 24:00"
        );
        // Any other time is written as it is.
        let evening = d(2023, 10, 10).at(18, 0, 0, 0);
        assert_eq!(end(Lang::Ru, evening), date_time(Lang::Ru, evening));
    }

    #[test]
    fn a_calendar_moment_keeps_24_00_on_its_date() {
        let day = d(2023, 10, 5);
        assert_eq!(moment(Lang::Ru, day, "24:00"), "05.10.2023 в 24:00");
        assert_eq!(moment(Lang::Kk, day, "24:00"), "05.10.2023 ж. сағат 24:00");
        assert_eq!(moment(Lang::En, day, "18:00"), "5 Oct 2023 at 18:00");
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

//! The calendar of an election as a page shows it: each step with its dates in the region's local
//! time and whether it is past, open now or still to come.
//!
//! The domain computes the windows (rule-set offsets from election day, in the region's IANA zone,
//! `sailau_domain::elections::calendar`); this module only writes them in the reader's language
//! and counts the days left of the open ones.

use jiff::Timestamp;
use jiff::civil::Date;
use sailau_domain::elections::calendar::{Calendar, LocalMoment, Phase, WindowState};

use super::when;
use crate::pages::PageCtx;

/// One row of the calendar, ready to show.
#[derive(Debug, Clone)]
pub struct Step {
    /// The step's name ("Регистрация кандидатов").
    pub label: String,
    /// "с 16.09.2023 в 00:00", or "" when the step has no opening (the call).
    pub from: String,
    /// "до 10.10.2023 в 18:00".
    pub to: String,
    /// `past`, `open` or `upcoming` (the CSS modifier).
    pub state: &'static str,
    /// The state in words, with the days left for an open step ("открыто, осталось 3 дня").
    pub state_text: String,
}

/// The whole calendar of an election, in the reader's language.
#[derive(Debug, Clone, Default)]
pub struct CalendarView {
    /// The steps in calendar order.
    pub steps: Vec<Step>,
    /// "Время местное: Asia/Oral (UTC+5)."
    pub zone_note: String,
    /// The names of the steps open now.
    pub open_now: Vec<String>,
}

/// The message key of a calendar step's name.
pub fn step_key(phase: &str) -> String {
    format!("el-step-{}", phase.replace('_', "-"))
}

/// The word for a window state: `past`, `open`, `upcoming`.
pub fn state_str(state: WindowState) -> &'static str {
    match state {
        WindowState::Past => "past",
        WindowState::Open => "open",
        WindowState::Upcoming => "upcoming",
    }
}

/// A local moment of the calendar in words: «10.10.2023 в 18:00».
pub fn moment(ctx: &PageCtx, m: &LocalMoment) -> String {
    when::moment(ctx.language(), m.date, &m.time)
}

/// Why a form bound to the `phase` window is not offered at `now`: the domain's own refusal of
/// that window (the nomination of candidates closed on 05.10.2023 at 24:00 local time, or opens
/// on …), in the reader's language; `None` while the window is open. The server refuses the same
/// on submission; a page says it instead of offering a form that cannot be accepted.
pub fn closed_notice(
    ctx: &PageCtx,
    calendar: &Calendar,
    phase: Phase,
    now: Timestamp,
) -> Option<String> {
    calendar.check(phase, now).err().map(|r| ctx.rule(&r))
}

/// The calendar of `contest` in `election` (from the rule set the election keeps); failing to
/// compute it is a fault of the system (the rule set was checked when the election was called).
pub fn of_contest(
    contest: &sailau_domain::elections::Contest,
    election: &sailau_domain::elections::Election,
) -> Result<Calendar, crate::pages::Fail> {
    let rules = super::rules_of(election)?;
    contest
        .calendar(election, &rules)
        .map_err(|e| crate::pages::Fail::Internal(format!("the calendar does not compute: {e}")))
}

/// The civil date "today" in the calendar's zone (the national zone if the zone is unknown).
pub fn today(calendar: &Calendar, now: Timestamp) -> Option<Date> {
    let zone = sailau_domain::elections::zones::named_zone(&calendar.zone).ok()?;
    Some(now.to_zoned(zone).date())
}

impl CalendarView {
    /// The calendar at `now`, in the reader's language.
    pub fn build(ctx: &PageCtx, now: Timestamp, calendar: &Calendar) -> CalendarView {
        let today = today(calendar, now);
        let mut steps = Vec::with_capacity(calendar.windows.len());
        let mut open_now = Vec::new();
        for w in &calendar.windows {
            let state = w.state(now);
            let label = ctx.tr(&step_key(w.phase.as_str()));
            let from = w
                .opens
                .as_ref()
                .map(|o| ctx.tr_arg("el-calendar-from", "when", moment(ctx, o)))
                .unwrap_or_default();
            let to = ctx.tr_arg("el-calendar-to", "when", moment(ctx, &w.closes));
            let state_text = match (state, today) {
                (WindowState::Open, Some(today)) => ctx.tr_count(
                    "el-calendar-open-days-left",
                    days_left(today, w.closes.date),
                ),
                _ => ctx.tr(&format!("el-calendar-phase-{}", state_str(state))),
            };
            if state == WindowState::Open {
                open_now.push(label.clone());
            }
            steps.push(Step {
                label,
                from,
                to,
                state: state_str(state),
                state_text,
            });
        }
        // The offsets the calendar's own moments are in, not today's: Kazakhstan moved its
        // eastern regions from UTC+6 to UTC+5 on 1 March 2024, so a past election's moments
        // keep the offset they had (a calendar across such a change lists both).
        let offset = sailau_domain::elections::zones::named_zone(&calendar.zone)
            .map(|z| {
                let mut offsets: Vec<String> = Vec::new();
                for w in &calendar.windows {
                    for m in w.opens.iter().chain(std::iter::once(&w.closes)) {
                        let o = when::utc_offset(m.at.to_zoned(z.clone()).offset().seconds());
                        if !offsets.contains(&o) {
                            offsets.push(o);
                        }
                    }
                }
                offsets.join(" / ")
            })
            .unwrap_or_default();
        CalendarView {
            steps,
            zone_note: ctx.tr_args(
                "el-calendar-local-time",
                &[("zone", calendar.zone.clone()), ("offset", offset)],
            ),
            open_now,
        }
    }
}

/// Whole days from `today` to a window's last day (the date of its closing moment as the
/// calendar writes it: "24:00" belongs to that date); 0 on the last day, never negative.
pub fn days_left(today: Date, last_day: Date) -> i64 {
    last_day
        .since(today)
        .map_or(0, |s| i64::from(s.get_days()).max(0))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn days_left_count_calendar_days_and_never_go_negative() {
        assert_eq!(days_left(date(2023, 10, 7), date(2023, 10, 10)), 3);
        assert_eq!(days_left(date(2023, 10, 10), date(2023, 10, 10)), 0);
        assert_eq!(days_left(date(2023, 9, 30), date(2023, 10, 5)), 5);
        assert_eq!(days_left(date(2023, 12, 1), date(2023, 11, 3)), 0);
    }

    #[test]
    fn every_step_has_a_message_key_in_kebab_case() {
        assert_eq!(
            step_key("higher_akim_proposal"),
            "el-step-higher-akim-proposal"
        );
        assert_eq!(step_key("registration"), "el-step-registration");
    }
}

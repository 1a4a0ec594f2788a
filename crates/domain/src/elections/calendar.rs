//! The calendar of an election: every window in the local time of the unit's region.
//!
//! Offsets come from the rule set ([`CalendarRules`](super::rules::CalendarRules)); the local time
//! zone from the region ([`super::zones`]); instants from the embedded IANA database, so that a
//! deadline of 10 Oct 2023 18:00 in Uil is 13:00 UTC (UTC+5) and in Kurchatov 12:00 UTC (UTC+6).
//! A refusal names the window and its closing (or opening) moment as a local date and time
//! ([`Rule::WindowClosed`]), which the web writes in the reader's language.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use super::rules::{RuleSet, parse_time};
use crate::error::Rule;

/// A window of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Calling the election (until E − `call_latest_days_before`, 24:00).
    Call,
    /// Nominations by parties and self-nomination applications.
    Nomination,
    /// Collecting signatures for self-nominees.
    Signatures,
    /// Documents, deposits and the commission's registration decisions.
    Registration,
    /// The higher akim's proposals, when a contest has fewer than the minimum.
    HigherAkimProposal,
    /// Registration of candidates proposed by the higher akim.
    HigherAkimRegistration,
    /// Withdrawal (cancellation of a registration on the candidate's or party's application).
    Withdrawal,
    /// Campaigning.
    Campaign,
    /// Producing the ballots (after registration, before the polls open).
    Ballots,
    /// Voting on election day.
    Voting,
}

impl Phase {
    /// Every phase, in calendar order.
    pub const ALL: [Phase; 10] = [
        Phase::Call,
        Phase::Nomination,
        Phase::Signatures,
        Phase::Registration,
        Phase::HigherAkimProposal,
        Phase::HigherAkimRegistration,
        Phase::Withdrawal,
        Phase::Campaign,
        Phase::Ballots,
        Phase::Voting,
    ];

    /// Its key (`registration`), used as a message variable.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Call => "call",
            Phase::Nomination => "nomination",
            Phase::Signatures => "signatures",
            Phase::Registration => "registration",
            Phase::HigherAkimProposal => "higher_akim_proposal",
            Phase::HigherAkimRegistration => "higher_akim_registration",
            Phase::Withdrawal => "withdrawal",
            Phase::Campaign => "campaign",
            Phase::Ballots => "ballots",
            Phase::Voting => "voting",
        }
    }
}

/// A moment as people write it in the local zone: a date and `HH:MM`, where `24:00` is the end
/// of that date (as the law writes deadlines), with the instant it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalMoment {
    /// The local date.
    pub date: Date,
    /// The local time, `HH:MM` (`24:00` for the end of the day).
    pub time: String,
    /// The instant.
    pub at: Timestamp,
}

impl LocalMoment {
    /// `dd.mm.yyyy`, as Kazakh and Russian texts write dates.
    pub fn date_text(&self) -> String {
        format!(
            "{:02}.{:02}.{:04}",
            self.date.day(),
            self.date.month(),
            self.date.year()
        )
    }
}

/// One window: open from `opens` (inclusive) until `closes` (exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    /// Which window.
    pub phase: Phase,
    /// When it opens (`None`: it has no beginning, as the call).
    pub opens: Option<LocalMoment>,
    /// When it closes.
    pub closes: LocalMoment,
}

/// Where a window stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    /// Not open yet.
    Upcoming,
    /// Open now.
    Open,
    /// Closed.
    Past,
}

impl Window {
    /// Where the window stands at `now`.
    pub fn state(&self, now: Timestamp) -> WindowState {
        if self.opens.as_ref().is_some_and(|o| now < o.at) {
            WindowState::Upcoming
        } else if now < self.closes.at {
            WindowState::Open
        } else {
            WindowState::Past
        }
    }

    /// `Ok` when open at `now`, else the refusal naming the window and the moment.
    pub fn check(&self, now: Timestamp) -> Result<(), Rule> {
        match self.state(now) {
            WindowState::Open => Ok(()),
            WindowState::Upcoming => {
                let o = self.opens.as_ref().unwrap_or(&self.closes);
                Err(Rule::WindowNotOpen {
                    window: self.phase.as_str().to_owned(),
                    date: o.date_text(),
                    time: o.time.clone(),
                })
            }
            WindowState::Past => Err(Rule::WindowClosed {
                window: self.phase.as_str().to_owned(),
                date: self.closes.date_text(),
                time: self.closes.time.clone(),
            }),
        }
    }
}

/// Every window of one contest's election, in its region's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Calendar {
    /// The IANA zone the local moments are in.
    pub zone: String,
    /// Election day.
    pub election_day: Date,
    /// The windows, in [`Phase::ALL`] order.
    pub windows: Vec<Window>,
}

/// Why a calendar could not be computed (a bad zone or dates out of range: a system fault, or a
/// rule set that slipped past its checks).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("calendar: {0}")]
pub struct CalendarError(pub String);

/// The local moment `days` days from `base` (negative: before) at `time` (`"24:00"`: the end of
/// that day), in `tz`.
pub(crate) fn moment(
    base: Date,
    days: i64,
    time: &str,
    tz: &TimeZone,
) -> Result<LocalMoment, CalendarError> {
    let (t, end_of_day) =
        parse_time(time).ok_or_else(|| CalendarError(format!("bad time {time}")))?;
    let date = base
        .checked_add(days.days())
        .map_err(|e| CalendarError(e.to_string()))?;
    let civil_date = if end_of_day {
        date.checked_add(1.day())
            .map_err(|e| CalendarError(e.to_string()))?
    } else {
        date
    };
    let at = civil_date
        .to_datetime(t)
        .to_zoned(tz.clone())
        .map_err(|e| CalendarError(e.to_string()))?
        .timestamp();
    Ok(LocalMoment {
        date,
        time: time.to_owned(),
        at,
    })
}

/// The latest moment a call for `election_day` may be made (E − `call_latest_days_before`,
/// 24:00), in `tz`.
pub fn call_deadline(
    rules: &RuleSet,
    election_day: Date,
    tz: &TimeZone,
) -> Result<Window, CalendarError> {
    let back = -i64::from(rules.calendar.call_latest_days_before);
    Ok(Window {
        phase: Phase::Call,
        opens: None,
        closes: moment(election_day, back, "24:00", tz)?,
    })
}

impl Calendar {
    /// The calendar of an election on `election_day` called on `called_on`, in zone `zone_name`.
    pub fn compute(
        rules: &RuleSet,
        election_day: Date,
        called_on: Date,
        zone_name: &str,
    ) -> Result<Calendar, CalendarError> {
        let tz = super::zones::named_zone(zone_name).map_err(|e| CalendarError(e.to_string()))?;
        let c = &rules.calendar;
        let n = &rules.nomination;
        let e = election_day;
        let before = |d: u32| -i64::from(d);
        let nomination_opens = moment(
            called_on,
            i64::from(c.nomination_opens_days_after_call),
            &c.nomination_opens_time,
            &tz,
        )?;
        let nomination_closes = moment(
            e,
            before(c.nomination_closes_days_before),
            &c.nomination_closes_time,
            &tz,
        )?;
        let registration_closes = moment(
            e,
            before(c.registration_closes_days_before),
            &c.registration_closes_time,
            &tz,
        )?;
        let proposal_closes = moment(
            e,
            before(n.higher_akim_proposal_closes_days_before),
            &n.higher_akim_proposal_closes_time,
            &tz,
        )?;
        let proposal_registration_closes = moment(
            e,
            before(n.higher_akim_registration_closes_days_before),
            &n.higher_akim_registration_closes_time,
            &tz,
        )?;
        let voting_opens = moment(e, 0, &c.voting_opens, &tz)?;
        let windows = vec![
            call_deadline(rules, e, &tz)?,
            Window {
                phase: Phase::Nomination,
                opens: Some(nomination_opens.clone()),
                closes: nomination_closes,
            },
            Window {
                phase: Phase::Signatures,
                opens: Some(moment(
                    called_on,
                    i64::from(n.signatures_open_days_after_call),
                    "00:00",
                    &tz,
                )?),
                closes: moment(
                    e,
                    before(n.signatures_close_days_before),
                    &n.signatures_close_time,
                    &tz,
                )?,
            },
            Window {
                phase: Phase::Registration,
                opens: Some(nomination_opens.clone()),
                closes: registration_closes.clone(),
            },
            Window {
                phase: Phase::HigherAkimProposal,
                opens: Some(registration_closes.clone()),
                closes: proposal_closes,
            },
            Window {
                phase: Phase::HigherAkimRegistration,
                opens: Some(registration_closes.clone()),
                closes: proposal_registration_closes,
            },
            Window {
                phase: Phase::Withdrawal,
                opens: Some(nomination_opens),
                closes: moment(
                    e,
                    before(c.withdrawal_closes_days_before),
                    &c.withdrawal_closes_time,
                    &tz,
                )?,
            },
            Window {
                phase: Phase::Campaign,
                opens: Some(registration_closes.clone()),
                closes: moment(
                    e,
                    before(c.campaign_closes_days_before),
                    &c.campaign_closes_time,
                    &tz,
                )?,
            },
            Window {
                phase: Phase::Ballots,
                opens: Some(registration_closes),
                closes: voting_opens.clone(),
            },
            Window {
                phase: Phase::Voting,
                opens: Some(voting_opens),
                closes: moment(e, 0, &c.voting_closes, &tz)?,
            },
        ];
        Ok(Calendar {
            zone: zone_name.to_owned(),
            election_day,
            windows,
        })
    }

    /// The window of a phase.
    pub fn window(&self, phase: Phase) -> Option<&Window> {
        self.windows.iter().find(|w| w.phase == phase)
    }

    /// `Ok` when `phase` is open at `now`; else the refusal with the local moment.
    pub fn check(&self, phase: Phase, now: Timestamp) -> Result<(), Rule> {
        match self.window(phase) {
            Some(w) => w.check(now),
            None => Err(Rule::WindowClosed {
                window: phase.as_str().to_owned(),
                date: String::new(),
                time: String::new(),
            }),
        }
    }

    /// Whether the registration deadline has passed at `now` (the minimum-candidates check and
    /// the higher akim's route start then).
    pub fn registration_over(&self, now: Timestamp) -> bool {
        self.window(Phase::Registration)
            .is_some_and(|w| w.state(now) == WindowState::Past)
    }

    /// The phases open at `now`.
    pub fn open_at(&self, now: Timestamp) -> Vec<Phase> {
        self.windows
            .iter()
            .filter(|w| w.state(now) == WindowState::Open)
            .map(|w| w.phase)
            .collect()
    }
}

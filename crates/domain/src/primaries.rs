//! The party's primaries («Праймериз», issue 14): a campaign for a set of positions with its
//! windows and rule set ([`campaign`]), contenders who register online or are nominated by a
//! primary organization and are admitted or refused by the organizing committee
//! ([`contenders`]), debates with their attendance ([`debates`]), paper counts at primary
//! organizations ([`paper`]), and the ratings and quota-balanced lists that come out of the votes
//! ([`lists`]), and the online ballot fixed for the verifiable vote ([`voting`]) and the verifiable online
//! vote itself: key ceremony, credentials, ballots, tally and decryption ([`online`]). The rule set
//! is data ([`rules`]).
//!
//! Sources: seed 003 and rules.md §5 and §8 (Nur Otan's primaries of 2020: registration
//! 17–28 Aug, mandatory debates 14–30 Sep, online voting 1 Oct 00:00 – 3 Oct 14:00, paper ballots
//! at primary organizations on 3 Oct 08:00–14:00, an overall rating plus ratings of women and of
//! the young, lists with at least 30 % women and 20 % under 35).
//!
//! **Personal data.** A contender is a party member: the ledger carries the member's identifier,
//! the declared gender and whether the contender is young by the rule set (what the public ratings
//! and quotas are computed from), never a name or a birth date; those stay in the member's
//! erasable record (`party::member`).

pub mod campaign;
pub mod contenders;
pub mod debates;
pub mod lists;
pub mod online;
pub mod paper;
pub mod rules;
pub mod voting;

use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::authz::{Grant, Policy, Reach};

uuid_id!(
    /// A primaries campaign's identifier, chosen when it is opened and kept in the ledger.
    CampaignId
);
uuid_id!(
    /// A contender's identifier (one member standing for one position of a campaign).
    ContenderId
);
uuid_id!(
    /// A debate's identifier.
    DebateId
);

/// The organizing committee of the campaign's branch (or a higher one); administrators too.
pub(crate) const COMMITTEE: Policy =
    Policy::new(&[Grant::new(Role::OrganizingCommittee, Reach::PartySubtree)]);

/// A moment as the ledger records it: an RFC 3339 instant (`2020-10-01T00:00:00+06:00` is kept
/// as `2020-09-30T18:00:00Z`).
pub type Instant = jiff::Timestamp;

/// A half-open window of time `[opens, closes)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// The first instant inside the window.
    pub opens: Instant,
    /// The first instant after it.
    pub closes: Instant,
}

impl Window {
    /// Whether `at` lies in the window (`opens ≤ at < closes`).
    pub fn contains(&self, at: Instant) -> bool {
        self.opens <= at && at < self.closes
    }

    /// Where `at` lies: before, inside or after the window.
    pub fn state(&self, at: Instant) -> WindowState {
        if at < self.opens {
            WindowState::Before
        } else if at < self.closes {
            WindowState::Open
        } else {
            WindowState::After
        }
    }
}

/// Where an instant lies relative to a [`Window`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    /// The window has not opened yet.
    Before,
    /// The window is open.
    Open,
    /// The window has closed.
    After,
}

/// The instant of a command recorded at `at_ms` (Unix milliseconds), or the epoch when out of
/// range (a ledger entry's time always converts).
pub fn instant(at_ms: i64) -> Instant {
    Instant::from_millisecond(at_ms).unwrap_or(Instant::UNIX_EPOCH)
}

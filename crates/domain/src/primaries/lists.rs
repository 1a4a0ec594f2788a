//! Ratings and quota-balanced lists (issue 14 §6–7).
//!
//! **Ratings.** A position's contenders ranked by their votes, online and paper together; ties
//! share a rank and are listed in order of registration. Besides the overall rating, the ratings
//! of women and of the young are the same ranking restricted to them (rules.md §5: "an overall
//! rating plus separate ratings of women and of the young").
//!
//! **Quota-balanced lists.** A list of `seats` places takes contenders in rating order and skips
//! one only when taking it would leave the quotas (⌈seats × women %⌉ women, ⌈seats × young %⌉
//! young) impossible to fill from the contenders still below it. So:
//! - whenever the contenders make the quotas possible, the list meets them (the state before each
//!   step can still be completed, and taking or skipping keeps one completion open);
//! - when the top `seats` already meet the quotas, the list is exactly the top `seats`;
//! - otherwise the list is the feasible choice that is best in rating order, compared place by
//!   place from the top: no contender is skipped for a lower one unless the quotas need it;
//! - the chosen contenders stand in rating order.
//!
//! When the contenders cannot make a quota (too few women, say), the quota is lowered to what is
//! possible, the women's before the young's, and the list says which quota it could not meet.

use serde::Serialize;

use crate::primaries::ContenderId;
use crate::primaries::rules::Quotas;

/// A contender's votes and what the quotas count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The contender.
    pub contender: ContenderId,
    /// The order of registration (ties in votes are listed by it).
    pub seq: u32,
    /// A woman (the women's rating and quota).
    pub woman: bool,
    /// Young by the rule set (the young's rating and quota).
    pub young: bool,
    /// Votes cast online (from the decrypted tally).
    pub online: u64,
    /// Votes cast on paper at primary organizations.
    pub paper: u64,
}

impl Standing {
    /// Online and paper votes together.
    pub fn votes(&self) -> u64 {
        self.online.saturating_add(self.paper)
    }
}

/// A place in a rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// The rank: 1 for the most votes; contenders with equal votes share a rank (1, 2, 2, 4).
    pub rank: u32,
    /// The contender's standing.
    pub standing: Standing,
}

/// Which rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingKind {
    /// Every contender.
    Overall,
    /// Women only.
    Women,
    /// The young only.
    Young,
}

impl RatingKind {
    /// The three ratings, in the order pages show them.
    pub const ALL: [RatingKind; 3] = [RatingKind::Overall, RatingKind::Women, RatingKind::Young];

    /// Whether the contender belongs in this rating.
    pub fn includes(self, s: &Standing) -> bool {
        match self {
            RatingKind::Overall => true,
            RatingKind::Women => s.woman,
            RatingKind::Young => s.young,
        }
    }

    /// The rating's identifier (`overall`, `women`, `young`).
    pub fn as_str(self) -> &'static str {
        match self {
            RatingKind::Overall => "overall",
            RatingKind::Women => "women",
            RatingKind::Young => "young",
        }
    }
}

/// The standings in rating order: votes descending, then order of registration.
pub fn rating_order(standings: &[Standing]) -> Vec<Standing> {
    let mut v = standings.to_vec();
    v.sort_by(|a, b| b.votes().cmp(&a.votes()).then(a.seq.cmp(&b.seq)));
    v
}

/// One rating of the standings, ranked.
pub fn rating(standings: &[Standing], kind: RatingKind) -> Vec<Ranked> {
    let ordered: Vec<Standing> = rating_order(standings)
        .into_iter()
        .filter(|s| kind.includes(s))
        .collect();
    let mut out: Vec<Ranked> = Vec::with_capacity(ordered.len());
    for (i, s) in ordered.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.standing.votes() == s.votes() => prev.rank,
            _ => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        out.push(Ranked { rank, standing: s });
    }
    out
}

/// A quota-balanced list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotaList {
    /// The places of the list.
    pub seats: u32,
    /// The chosen contenders in rating order (fewer than `seats` when there are fewer
    /// contenders).
    pub chosen: Vec<ContenderId>,
    /// Contenders taken into the list by the quotas over higher-rated ones.
    pub moved_in: Vec<ContenderId>,
    /// Contenders within the top `seats` of the rating left out for the quotas.
    pub moved_out: Vec<ContenderId>,
    /// Women on the list.
    pub women: u32,
    /// The young on the list.
    pub young: u32,
    /// Women the quota asks for (⌈seats × women %⌉).
    pub women_needed: u32,
    /// The young the quota asks for.
    pub young_needed: u32,
    /// Whether both quotas are met.
    pub quotas_met: bool,
}

/// Counts of the contenders still to choose from, by what the quotas count.
#[derive(Debug, Clone, Copy, Default)]
struct Pool {
    both: u32,
    woman: u32,
    young: u32,
    total: u32,
}

impl Pool {
    fn add(&mut self, s: &Standing) {
        match (s.woman, s.young) {
            (true, true) => self.both += 1,
            (true, false) => self.woman += 1,
            (false, true) => self.young += 1,
            (false, false) => {}
        }
        self.total += 1;
    }

    /// Whether `slots` places can be filled from the pool with at least `women` women and
    /// `young` young among them.
    fn completes(&self, slots: u32, women: u32, young: u32) -> bool {
        if self.total < slots {
            return false;
        }
        (0..=self.both.min(slots)).any(|a| {
            let b = women.saturating_sub(a);
            let c = young.saturating_sub(a);
            b <= self.woman && c <= self.young && a + b + c <= slots
        })
    }
}

/// The quota-balanced list of `seats` places from `standings` (see the module's documentation).
pub fn quota_list(standings: &[Standing], seats: u32, quotas: &Quotas) -> QuotaList {
    let ordered = rating_order(standings);
    let len = u32::try_from(ordered.len()).unwrap_or(u32::MAX).min(seats);
    let women_needed = quotas.women_needed(seats);
    let young_needed = quotas.young_needed(seats);

    // What is left below each place: suffix[i] counts ordered[i..].
    let mut suffix = vec![Pool::default(); ordered.len() + 1];
    for i in (0..ordered.len()).rev() {
        let mut p = suffix[i + 1];
        p.add(&ordered[i]);
        suffix[i] = p;
    }
    // Lower the targets to what the contenders make possible: women first, then the young.
    let all = suffix[0];
    let mut w = women_needed.min(all.both + all.woman).min(len);
    let mut y = young_needed.min(all.both + all.young).min(len);
    while !all.completes(len, w, y) && y > 0 {
        y -= 1;
    }
    while !all.completes(len, w, y) && w > 0 {
        w -= 1;
    }

    let mut chosen = Vec::with_capacity(len as usize);
    let (mut women, mut young) = (0u32, 0u32);
    for (i, s) in ordered.iter().enumerate() {
        let taken = u32::try_from(chosen.len()).unwrap_or(u32::MAX);
        if taken == len {
            break;
        }
        let (w2, y2) = (women + u32::from(s.woman), young + u32::from(s.young));
        let fits =
            suffix[i + 1].completes(len - taken - 1, w.saturating_sub(w2), y.saturating_sub(y2));
        if fits {
            chosen.push(s.contender);
            women = w2;
            young = y2;
        }
    }
    let top: Vec<ContenderId> = ordered
        .iter()
        .take(len as usize)
        .map(|s| s.contender)
        .collect();
    QuotaList {
        seats,
        moved_in: chosen
            .iter()
            .filter(|c| !top.contains(c))
            .copied()
            .collect(),
        moved_out: top
            .iter()
            .filter(|c| !chosen.contains(c))
            .copied()
            .collect(),
        chosen,
        women,
        young,
        women_needed,
        young_needed,
        quotas_met: women >= women_needed && young >= young_needed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: u8, woman: bool, young: bool, votes: u64) -> Standing {
        Standing {
            contender: ContenderId(uuid::Uuid::from_bytes([n; 16])),
            seq: u32::from(n),
            woman,
            young,
            online: votes,
            paper: 0,
        }
    }

    fn quotas() -> Quotas {
        Quotas {
            women_min_percent: 30,
            young_min_percent: 20,
            young_under_age: 35,
        }
    }

    #[test]
    fn a_woman_moves_up_into_a_list_of_three_men() {
        let st = [
            s(1, false, true, 90),
            s(2, false, false, 80),
            s(3, false, false, 70),
            s(4, true, false, 60),
        ];
        let l = quota_list(&st, 3, &quotas());
        assert_eq!(
            l.chosen,
            vec![st[0].contender, st[1].contender, st[3].contender]
        );
        assert_eq!(l.moved_in, vec![st[3].contender]);
        assert_eq!(l.moved_out, vec![st[2].contender]);
        assert!(l.quotas_met);
    }

    #[test]
    fn ties_share_a_rank() {
        let st = [
            s(1, false, false, 5),
            s(2, true, false, 7),
            s(3, false, true, 5),
        ];
        let r = rating(&st, RatingKind::Overall);
        assert_eq!(r.iter().map(|r| r.rank).collect::<Vec<_>>(), vec![1, 2, 2]);
        assert_eq!(rating(&st, RatingKind::Women).len(), 1);
    }

    #[test]
    fn an_impossible_quota_is_lowered_and_said() {
        let st = [
            s(1, false, false, 9),
            s(2, false, false, 8),
            s(3, false, true, 1),
        ];
        let l = quota_list(&st, 2, &quotas());
        assert_eq!(l.chosen, vec![st[0].contender, st[2].contender]);
        assert!(!l.quotas_met);
        assert_eq!(l.women, 0);
    }
}

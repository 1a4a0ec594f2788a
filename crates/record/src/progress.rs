//! Progress reporting without a terminal dependency: the library reports phases and counts through
//! [`Progress`]; the binary draws them with indicatif, tests pass [`NoProgress`].

/// Receives progress of a long step. Implementations must be cheap and thread-safe: `advance` is called from
/// worker threads.
pub trait Progress: Sync {
    /// A new phase starts, with `total` units of work (0 when unknown).
    fn phase(&self, name: &str, total: u64);
    /// `n` more units of the current phase are done.
    fn advance(&self, n: u64);
    /// The current phase is over.
    fn finish_phase(&self) {}
}

/// Reports nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn phase(&self, _name: &str, _total: u64) {}
    fn advance(&self, _n: u64) {}
}

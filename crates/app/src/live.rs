//! Live results (issue 12 §5): every instance knows the ledger's size without asking the
//! database. A commit through this instance announces its new size at once; with PostgreSQL, a
//! listener on the channel `ledger_appended` (a trigger of migration `0014_results`) announces
//! the commits of every other instance sharing the database. Pages and caches that depend on the
//! ledger wait on [`App::ledger_changes`] and use the size as their cache key.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sailau_domain::elections::ElectionId;
use sailau_storage::LedgerListener;
use tokio::sync::watch;

use crate::App;
use crate::elections::results::ElectionResults;

/// What an instance keeps about the ledger: its announced size and the results computed at a
/// size.
pub(crate) struct Live {
    /// The ledger's size as last announced.
    pub(crate) appended: watch::Sender<u64>,
    /// Results per election, each computed at the ledger size it records.
    pub(crate) results: Mutex<HashMap<ElectionId, Arc<ElectionResults>>>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            appended: watch::Sender::new(0),
            results: Mutex::new(HashMap::new()),
        }
    }
}

impl App {
    /// The ledger's size as last announced (0 before the first announcement), and every change.
    pub fn ledger_changes(&self) -> watch::Receiver<u64> {
        self.live.appended.subscribe()
    }

    /// The ledger's size as last announced (0 before the first announcement).
    pub fn announced_size(&self) -> u64 {
        *self.live.appended.borrow()
    }

    /// Announces that the ledger has grown to `size` (never shrinks the announced size).
    pub(crate) fn ledger_grew(&self, size: u64) {
        self.live.appended.send_if_modified(|s| {
            if size > *s {
                *s = size;
                true
            } else {
                false
            }
        });
    }

    /// Follows the commits of other instances on the PostgreSQL database at `url`: a task that
    /// listens on `ledger_appended` and announces every size, reconnecting after a lost
    /// connection (one second apart). Returns the task, which runs until it is aborted or the
    /// runtime stops.
    pub fn follow_postgres(&self, url: &str) -> tokio::task::JoinHandle<()> {
        let app = self.clone();
        let url = url.to_owned();
        tokio::spawn(async move {
            loop {
                match LedgerListener::connect(&url).await {
                    Ok(mut l) => {
                        // Commits made while we were not listening.
                        if let Ok(s) = app.store.ledger_status().await {
                            app.ledger_grew(s.size);
                        }
                        loop {
                            match l.next_size().await {
                                Ok(size) => app.ledger_grew(size),
                                Err(e) => {
                                    tracing::warn!("ledger_appended listener: {e}");
                                    break;
                                }
                            }
                        }
                    }
                    Err(e) => tracing::warn!("ledger_appended listener: {e}"),
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        })
    }
}

//! Progress bars for the election steps: `sailau_record::Progress` drawn with indicatif on stderr, hidden when
//! stderr is not a terminal.

use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// One bar per phase, replaced when the next phase starts.
pub struct Bars {
    bar: Mutex<Option<ProgressBar>>,
}

impl Bars {
    pub fn new() -> Self {
        Bars {
            bar: Mutex::new(None),
        }
    }

    fn current(&self) -> Option<ProgressBar> {
        self.bar.lock().ok().and_then(|b| b.clone())
    }

    /// Removes the last bar from the terminal.
    pub fn clear(&self) {
        if let Some(bar) = self.bar.lock().ok().and_then(|mut b| b.take()) {
            bar.finish_and_clear();
        }
    }
}

impl sailau_record::Progress for Bars {
    fn phase(&self, name: &str, total: u64) {
        let bar = ProgressBar::with_draw_target(
            (total > 0).then_some(total),
            ProgressDrawTarget::stderr_with_hz(10),
        );
        let template = if total > 0 {
            "{prefix:>28} [{bar:40}] {human_pos}/{human_len} {percent:>3}% ({elapsed}, {eta} left)"
        } else {
            "{prefix:>28} {spinner} {elapsed}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix(name.to_owned());
        if total == 0 {
            bar.enable_steady_tick(Duration::from_millis(120));
        }
        if let Ok(mut slot) = self.bar.lock()
            && let Some(old) = slot.replace(bar)
        {
            old.finish_and_clear();
        }
    }

    fn advance(&self, n: u64) {
        if let Some(bar) = self.current() {
            bar.inc(n);
        }
    }

    fn finish_phase(&self) {
        if let Some(bar) = self.current() {
            bar.finish_and_clear();
        }
    }
}

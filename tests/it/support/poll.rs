//! Bounded waits: look again and again until a condition holds, or fail saying what was awaited
//! and what was seen last. No fixed sleeps.
//!
//! Also compiled into the screenshots example (by `#[path]`), so it uses only std and tokio.

use std::fmt::Display;
use std::time::{Duration, Instant};

/// A wait for `what`: 20 s at most, a look every 50 ms, unless told otherwise.
pub fn poll(what: impl Display) -> Poll {
    Poll { what: what.to_string(), within: Duration::from_secs(20), every: Duration::from_millis(50) }
}

pub struct Poll {
    what: String,
    within: Duration,
    every: Duration,
}

impl Poll {
    pub fn within(self, within: Duration) -> Self {
        Self { within, ..self }
    }

    pub fn every(self, every: Duration) -> Self {
        Self { every, ..self }
    }

    /// Looks until `look` gives `Ok`, and returns what it gave. `Err` carries what it saw (a
    /// screen, a file, a count): when time runs out, the panic shows the last one.
    pub fn until<T, S: Display>(self, look: impl FnMut() -> Result<T, S>) -> T {
        let (what, within) = (self.what.clone(), self.within);
        self.try_until(look)
            .unwrap_or_else(|seen| panic!("timed out after {within:?} waiting for {what}; last seen:\n{seen}"))
    }

    /// [`until`](Self::until), but a timeout is returned (with the last thing seen) rather than
    /// a failure, for a caller that then tries something else.
    pub fn try_until<T, S>(self, mut look: impl FnMut() -> Result<T, S>) -> Result<T, S> {
        let deadline = Instant::now() + self.within;
        loop {
            match look() {
                Ok(done) => return Ok(done),
                Err(seen) if Instant::now() >= deadline => return Err(seen),
                Err(_) => std::thread::sleep(self.every),
            }
        }
    }

    /// [`until`](Self::until) inside async code, where looking may itself wait (a WebDriver
    /// call): sleeps without blocking the runtime, so the tasks being waited for can run.
    pub async fn until_async<T, S: Display, F: std::future::Future<Output = Result<T, S>>>(
        self,
        mut look: impl FnMut() -> F,
    ) -> T {
        let deadline = Instant::now() + self.within;
        loop {
            match look().await {
                Ok(done) => return done,
                Err(seen) if Instant::now() >= deadline => {
                    panic!("timed out after {:?} waiting for {}; last seen:\n{seen}", self.within, self.what)
                }
                Err(_) => tokio::time::sleep(self.every).await,
            }
        }
    }
}

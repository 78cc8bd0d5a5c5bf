//! What a load tells a person while it runs: a progress line on a terminal, and phase times with
//! peak memory on stderr when `GOV_TIMINGS` is set.

/// A progress line on stderr for loads that take more than about a second, when stderr is a
/// terminal (never in piped or redirected output). Cleared when the load ends.
pub(crate) struct Progress {
    done: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    pub(crate) fn start(total: usize) -> Progress {
        use std::io::IsTerminal;
        use std::sync::atomic::Ordering;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let thread = std::io::stderr().is_terminal().then(|| {
            let (done, stop) = (done.clone(), stop.clone());
            std::thread::spawn(move || {
                let started = std::time::Instant::now();
                let mut shown = false;
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    if started.elapsed() >= std::time::Duration::from_secs(1) && !stop.load(Ordering::Relaxed) {
                        let n = done.load(Ordering::Relaxed);
                        eprint!("\rreading the data folder: {n} of {total} files…");
                        shown = true;
                    }
                }
                if shown {
                    eprint!("\r\x1b[K");
                }
            })
        });
        Progress { done, stop, thread }
    }

    pub(crate) fn tick(&self) {
        self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Phase times on stderr when `GOV_TIMINGS` is set: the simple profiler behind
/// docs/performance.md.
pub struct Timer(Option<std::time::Instant>);

impl Timer {
    pub fn from_env() -> Timer {
        Timer(std::env::var_os("GOV_TIMINGS").map(|_| std::time::Instant::now()))
    }

    pub fn mark(&self, what: &str) {
        if let Some(start) = self.0 {
            // Peak memory so far, where the system tells it (Linux).
            let peak = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l[6..].trim().to_string()))
                .map_or(String::new(), |p| format!(" (peak {p})"));
            eprintln!("[{:>8.3} s] {what}{peak}", start.elapsed().as_secs_f64());
        }
    }
}

//! What a load tells a person while it runs: a progress line on a terminal, and phase times with
//! peak memory on stderr when `GOV_TIMINGS` is set. The loader reports to a
//! [`crate::load::Observer`]; this is the command line's.

use std::sync::Mutex;

/// The command line's observer of loads: the progress line and the phase timer.
pub struct Terminal {
    progress: Mutex<Option<Progress>>,
    timer: Timer,
    done: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Terminal {
    /// Reads `GOV_TIMINGS` (at the edge: the library never reads the environment for this).
    pub fn from_env() -> Terminal {
        Terminal { progress: Mutex::new(None), timer: Timer::from_env(), done: Default::default() }
    }
}

impl crate::load::Observer for Terminal {
    fn start(&self, files: usize) {
        self.done.store(0, std::sync::atomic::Ordering::Relaxed);
        *self.progress.lock().unwrap_or_else(|e| e.into_inner()) = Some(Progress::start(files, self.done.clone()));
    }

    fn file_done(&self) {
        self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    fn phase(&self, what: &str) {
        self.timer.mark(what);
    }

    fn read(&self) {
        // Dropping the progress line clears it.
        self.progress.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}

/// A progress line on stderr for loads that take more than about a second, when stderr is a
/// terminal (never in piped or redirected output). Cleared when the load ends.
struct Progress {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start(total: usize, done: std::sync::Arc<std::sync::atomic::AtomicUsize>) -> Progress {
        use std::io::IsTerminal;
        use std::sync::atomic::Ordering;
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
                        eprint!("\r{}", crate::text::cli::progress(n, total));
                        shown = true;
                    }
                }
                if shown {
                    eprint!("\r\x1b[K");
                }
            })
        });
        Progress { stop, thread }
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
                .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l[6..].trim().to_string()));
            eprintln!("{}", crate::text::cli::timing(start.elapsed().as_secs_f64(), what, peak.as_deref()));
        }
    }
}

//! A few independent jobs of one glossary load, run at the same time on scoped threads.

/// `job(0)`, …, `job(n - 1)`, in order: the first on this thread, the others on threads of
/// their own. A job whose thread can't be spawned (resources exhausted) runs here.
pub(super) fn run<R: Send>(n: usize, job: impl Fn(usize) -> R + Sync) -> Vec<R> {
    if n <= 1 {
        return (0..n).map(job).collect();
    }
    let job = &job;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (1..n)
            .map(|i| {
                std::thread::Builder::new()
                    .name("glossary".into())
                    .spawn_scoped(scope, move || job(i))
            })
            .collect();
        let mut results = Vec::with_capacity(n);
        results.push(job(0));
        for (i, handle) in (1..n).zip(handles) {
            results.push(match handle {
                Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                Err(_) => job(i),
            });
        }
        results
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_job_order() {
        assert_eq!(super::run(0, |i| i), Vec::<usize>::new());
        assert_eq!(super::run(1, |i| i * 10), [0]);
        let names = super::run(3, |i| {
            let on_own_thread = std::thread::current().name() == Some("glossary");
            (i, on_own_thread || i == 0)
        });
        assert_eq!(names, [(0, true), (1, true), (2, true)]);
    }
}

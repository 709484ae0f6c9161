//! A few independent jobs of one glossary load, run at the same time.

/// `job(0)`, …, `job(n - 1)`, results in order: the first on this thread, the others on
/// rayon's threads. One job (a small glossary) starts no thread pool.
pub(super) fn run<R: Send>(n: usize, job: impl Fn(usize) -> R + Sync) -> Vec<R> {
    if n <= 1 {
        return (0..n).map(job).collect();
    }
    let job = &job;
    let mut results: Vec<Option<R>> = (0..n).map(|_| None).collect();
    let (first, rest) = results.split_at_mut(1);
    // This thread takes a job too: it would only wait otherwise, and what it builds is freed
    // where it was allocated.
    rayon::in_place_scope(|scope| {
        for (i, slot) in rest.iter_mut().enumerate() {
            scope.spawn(move |_| *slot = Some(job(i + 1)));
        }
        first[0] = Some(job(0));
    });
    results
        .into_iter()
        .map(|r| r.expect("the scope ends when every job has run"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_job_order() {
        assert_eq!(super::run(0, |i| i), Vec::<usize>::new());
        assert_eq!(super::run(1, |i| i * 10), [0]);
        assert_eq!(super::run(5, |i| i * 10), [0, 10, 20, 30, 40]);
    }
}

//! A small deterministic random number generator for the tests that compare a fast path with
//! a plain one on many generated inputs: the same inputs on every run, and no dependency.

/// Marsaglia's xorshift64.
pub(crate) struct Xorshift(u64);

impl Xorshift {
    /// A generator started from `seed` (not zero).
    pub(crate) fn new(seed: u64) -> Xorshift {
        Xorshift(seed.max(1))
    }

    /// A number below `n` (not zero).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        let x = &mut self.0;
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        (*x % n as u64) as usize
    }
}

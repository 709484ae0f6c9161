//! The `inconsistent-spelling` rule: one name spelled two ways in one document (or batch).

// Used by the rule once the core's check machinery lands.
#![allow(dead_code)]

pub(crate) mod pairing;
pub(crate) mod similarity;

//! mtlint

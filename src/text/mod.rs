//! Language-aware text machinery: folding with an offset map, tokens and sentences, and the
//! per-language profiles. Knows nothing of glossaries, checks or files.

pub mod barrier;
pub mod fold;
pub mod lang;
pub mod numbers;
pub mod tokenize;

pub use fold::{CaseMode, Folded};
pub use lang::LanguageProfile;
pub use tokenize::{Token, TokenKind};

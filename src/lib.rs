//! mtlint checks machine-translated news for the mistakes machines make and readers notice:
//! a name that must stay as-is translated, one name spelled two ways, source-language words
//! left in the translation.
//!
//! The library is the whole tool; the binary only parses arguments and prints. Data flows one
//! way: [`input`] → [`document`] → [`analysis`] → [`checks`] → [`lint::finalize`] → [`render`].

pub mod analysis;
pub mod baseline;
pub mod checks;
pub mod chunked;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod glossary;
pub mod input;
pub mod jsonl;
pub mod lint;
pub mod lsp;
pub mod render;
pub mod report;
pub mod suppress;
#[cfg(test)]
mod test_rng;
pub mod text;

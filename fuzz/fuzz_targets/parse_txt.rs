//! The txt document parser: segments sorted, disjoint, on character boundaries, and mapped back
//! inside the original.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::document::Format;
use mtlint_fuzz::{assert_document, document, text};

fuzz_target!(|data: &[u8]| {
    assert_document(&document(&text(data), Format::Text));
});

//! The XLIFF parser: no panic; a parse error names a place inside the text; segments and pairs
//! sorted, disjoint, on character boundaries and mapped back inside the original; fixes keep the
//! file readable and its sources unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::document::Format;
use mtlint_fuzz::{assert_bilingual, text};

fuzz_target!(|data: &[u8]| {
    assert_bilingual(&text(data), Format::Xliff);
});

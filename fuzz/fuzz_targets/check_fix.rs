//! Check and fix end to end. The first byte picks the format (txt, md, html), the glossary
//! (test or default) and the applicability; the rest is the article. Every finding lies inside
//! the text on character boundaries, the planned fixes apply, and fixing is idempotent.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::diagnostic::Applicability;
use mtlint::document::Format;
use mtlint_fuzz::{assert_fix_idempotent, linters, text};

fuzz_target!(|data: &[u8]| {
    let Some((&options, rest)) = data.split_first() else {
        return;
    };
    let format = match options % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let (test, full) = linters();
    let linter = if options & 0x10 == 0 { test } else { full };
    let min = if options & 0x20 == 0 {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    assert_fix_idempotent(linter, &text(rest), format, min);
});

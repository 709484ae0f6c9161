//! The HTML report: one self-contained page, inline CSS and script, no request of any kind.
//!
//! Safety: every piece of article text, name, message and replacement is HTML-escaped
//! ([`escape`]); the data the script needs is JSON inside a `<script type="application/json">`
//! block with `<`, `>` and `&` escaped, so no text can close the block; the script only ever
//! writes text with `textContent` and `value`. A Content-Security-Policy meta tag allows
//! exactly the page's own script and style (by SHA-256 hash) and data: images, nothing else:
//! no network, no inline handler, no injected script would run even if escaping failed.
//!
//! Without script the page still shows everything (summary, charts, highlighted texts,
//! findings with their fixes, the diff of all fixes); the script adds tooltips, the decision
//! checkboxes, the live corrected text and diff, copy, download and the decisions export.

use super::{chart, diff, format_score, Article, Report};
use crate::diagnostic::{Applicability, Span};
use crate::render::LineIndex;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Number of family colours (and underline styles) of the stylesheet.
pub const PALETTE: usize = 6;

const CSS: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Appends `text` escaped for HTML text and attribute values.
pub fn escape(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\0' => "\u{fffd}",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(entity);
        last = i + c.len_utf8();
    }
    out.push_str(&text[last..]);
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(&mut out, text);
    out
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CSP source of an inline block: `'sha256-…'`.
fn csp_hash(content: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(content.as_bytes())))
}

/// The page's Content-Security-Policy.
fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(SCRIPT),
        csp_hash(CSS)
    )
}

/// Byte offsets of a text to UTF-16 offsets (what the page's script indexes strings with).
struct Utf16Map {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Utf16Map {
    /// Maps the given byte offsets (any order) of `text`.
    fn new(text: &str, mut offsets: Vec<usize>) -> Utf16Map {
        offsets.sort_unstable();
        offsets.dedup();
        let mut units = Vec::with_capacity(offsets.len());
        let (mut byte, mut unit) = (0, 0);
        let mut chars = text.char_indices().peekable();
        for &target in &offsets {
            while let Some(&(i, c)) = chars.peek() {
                if i >= target {
                    break;
                }
                byte = i + c.len_utf8();
                unit += c.len_utf16();
                chars.next();
            }
            let _ = byte;
            units.push(unit);
        }
        Utf16Map {
            bytes: offsets,
            units,
        }
    }

    fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units[i],
            Err(_) => 0,
        }
    }
}

/// The data of one article for the page's script.
#[derive(Serialize)]
struct ArticleData<'a> {
    /// Name (the path given to mtlint).
    n: &'a str,
    /// The whole text.
    t: &'a str,
    /// Findings, in text order.
    f: Vec<FindingData<'a>>,
}

#[derive(Serialize)]
struct FindingData<'a> {
    /// Rule id.
    r: &'a str,
    /// Byte span.
    s: usize,
    e: usize,
    /// Fixes.
    x: Vec<FixData<'a>>,
}

#[derive(Serialize)]
struct FixData<'a> {
    /// Applicability.
    p: &'a str,
    /// Edits: byte start, byte end, UTF-16 start, UTF-16 end, replacement.
    e: Vec<(usize, usize, usize, usize, &'a str)>,
}

#[derive(Serialize)]
struct PageData<'a> {
    articles: Vec<Option<ArticleData<'a>>>,
}

/// True when `span` can be sliced out of `text`.
fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn page_data(report: &Report<'_>) -> String {
    let len = report
        .articles
        .iter()
        .map(|a| a.index + 1)
        .max()
        .unwrap_or(0);
    let mut articles: Vec<Option<ArticleData<'_>>> = (0..len).map(|_| None).collect();
    for a in &report.articles {
        let text = a.result.text.as_str();
        let offsets = a
            .result
            .diagnostics
            .iter()
            .flat_map(|d| &d.fixes)
            .flat_map(|f| &f.edits)
            .flat_map(|e| [e.span.start, e.span.end])
            .collect();
        let map = Utf16Map::new(text, offsets);
        let findings = a
            .result
            .diagnostics
            .iter()
            .map(|d| FindingData {
                r: d.rule,
                s: d.span.start,
                e: d.span.end,
                x: d.fixes
                    .iter()
                    .map(|f| FixData {
                        p: f.applicability.as_str(),
                        e: f.edits
                            .iter()
                            .filter(|e| valid(text, e.span))
                            .map(|e| {
                                (
                                    e.span.start,
                                    e.span.end,
                                    map.get(e.span.start),
                                    map.get(e.span.end),
                                    e.replacement.as_str(),
                                )
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        articles[a.index] = Some(ArticleData {
            n: &a.result.name,
            t: text,
            f: findings,
        });
    }
    let json = serde_json::to_string(&PageData { articles }).expect("plain data serializes");
    // Inside <script>: no `<` may open `</script` or `<!--`; escaped, the JSON is the same.
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The colour and underline slot of a family: its place in the registry, so a family looks
/// the same in every report.
pub fn family_slot(family: &str) -> usize {
    super::all_families()
        .iter()
        .position(|f| *f == family)
        .unwrap_or(0)
        % PALETTE
}

fn family_index(rule: &str) -> usize {
    family_slot(super::family_of(rule))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn verdict(out: &mut String, passes: bool) {
    if passes {
        out.push_str("<span class=\"verdict pass\">✓ pass</span>");
    } else {
        out.push_str("<span class=\"verdict fail\">✗ fail</span>");
    }
}

fn header(out: &mut String, report: &Report<'_>) {
    let b = &report.batch;
    out.push_str("<header><h1>");
    escape(out, &report.title);
    let _ = write!(
        out,
        "</h1><p class=\"lead\">{} · {} · {} · <strong>{} of {} pass</strong> (score ≥ {}) · batch score <strong>{}</strong></p>",
        plural(report.articles.len(), "article"),
        plural(b.words, "word"),
        plural(report.findings(), "finding"),
        report.passing(),
        report.articles.len(),
        format_score(report.scoring.pass_threshold),
        format_score(b.value)
    );
    out.push_str(
        "<div class=\"toolbar\" hidden><button type=\"button\" id=\"accept-safe\">Tick every safe fix</button> \
<button type=\"button\" id=\"clear-all\">Clear all decisions</button> \
<button type=\"button\" id=\"export\">Export decisions (JSON)</button> \
<span id=\"decision-count\" role=\"status\" aria-live=\"polite\">No decision yet</span></div>",
    );
    out.push_str("<p class=\"legend\">Highlights: ");
    for family in &report.families {
        let _ = write!(
            out,
            "<span class=\"swatch c{}\" data-label=\"{}\">",
            family_slot(family),
            escaped(family)
        );
        escape(out, family);
        out.push_str("</span> ");
    }
    out.push_str(
        "— each underlined in its own style and labelled with its rule; hover or focus one (Tab) for its message and fix.</p></header>",
    );
}

fn summary(out: &mut String, report: &Report<'_>) {
    out.push_str("<section id=\"summary\"><h2>Articles, worst first</h2><table class=\"summary\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Article</th><th scope=\"col\">Words</th><th scope=\"col\">Score</th><th scope=\"col\">Result</th><th scope=\"col\">Critical</th><th scope=\"col\">Major</th><th scope=\"col\">Minor</th>");
    for family in &report.families {
        out.push_str("<th scope=\"col\">");
        escape(out, family);
        out.push_str("</th>");
    }
    out.push_str("<th scope=\"col\">Findings</th></tr></thead><tbody>");
    for (rank, a) in report.articles.iter().enumerate() {
        let s = &a.score;
        let _ = write!(
            out,
            "<tr><td>{}</td><th scope=\"row\"><a href=\"#a{}\">",
            rank + 1,
            a.index
        );
        escape(out, &a.result.name);
        let _ = write!(
            out,
            "</a></th><td>{}</td><td>{}</td><td>",
            s.words,
            format_score(s.value)
        );
        verdict(out, s.passes);
        let _ = write!(
            out,
            "</td><td>{}</td><td>{}</td><td>{}</td>",
            s.counts[0], s.counts[1], s.counts[2]
        );
        for n in &a.by_family {
            let _ = write!(out, "<td>{n}</td>");
        }
        let _ = write!(out, "<td>{}</td></tr>", a.result.diagnostics.len());
    }
    let b = &report.batch;
    let _ = write!(
        out,
        "</tbody><tfoot><tr><td></td><th scope=\"row\">All articles</th><td>{}</td><td>{}</td><td>{} pass</td><td>{}</td><td>{}</td><td>{}</td>",
        b.words,
        format_score(b.value),
        report.passing(),
        b.counts[0],
        b.counts[1],
        b.counts[2]
    );
    for f in 0..report.families.len() {
        let n: usize = report.articles.iter().map(|a| a.by_family[f]).sum();
        let _ = write!(out, "<td>{n}</td>");
    }
    let w = &report.scoring.weights;
    let _ = write!(
        out,
        "<td>{}</td></tr></tfoot></table><p class=\"note\">Score = max(0, 100 − penalty points × 1000 / words); points per finding: critical {}, major {}, minor {}, neutral {}; an article passes at {} or more.</p></section>",
        report.findings(),
        w.critical,
        w.major,
        w.minor,
        w.neutral,
        format_score(report.scoring.pass_threshold)
    );
}

fn charts(out: &mut String, report: &Report<'_>) {
    out.push_str(
        "<section id=\"charts\"><h2>Findings per rule and per article</h2><div class=\"charts\">",
    );
    out.push_str(&chart::by_rule(report));
    out.push_str(&chart::by_article(report));
    out.push_str("</div>");
    if report.articles.len() > chart::MAX_ARTICLES {
        let _ = write!(
            out,
            "<p class=\"note\">The {} worst articles are drawn; the table above lists all {}.</p>",
            chart::MAX_ARTICLES,
            report.articles.len()
        );
    }
    out.push_str("</section>");
}

fn spellings(out: &mut String, report: &Report<'_>) {
    out.push_str("<section id=\"spellings\"><h2>Names spelled differently across the batch</h2>");
    if report.spellings.is_empty() {
        out.push_str("<p>No name is spelled two ways.</p></section>");
        return;
    }
    out.push_str("<table class=\"spellings\"><thead><tr><th scope=\"col\">Spelling</th><th scope=\"col\">Uses</th><th scope=\"col\">Articles</th></tr></thead>");
    for group in &report.spellings {
        out.push_str("<tbody>");
        for (i, s) in group.spellings.iter().enumerate() {
            out.push_str(if i == 0 {
                "<tr class=\"first\">"
            } else {
                "<tr>"
            });
            out.push_str("<th scope=\"row\">");
            escape(out, &s.text);
            if s.suggested {
                out.push_str(" <span class=\"tag\">suggested</span>");
            }
            let _ = write!(out, "</th><td>{}</td><td>", s.total());
            for (k, &(article, n)) in s.articles.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                let name = report
                    .article(article)
                    .map_or("?", |a| a.result.name.as_str());
                let _ = write!(out, "<a href=\"#a{article}\">");
                escape(out, name);
                out.push_str("</a>");
                if n > 1 {
                    let _ = write!(out, " ×{n}");
                }
            }
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody>");
    }
    out.push_str("</table></section>");
}

fn fix_tooltip(d: &crate::diagnostic::Diagnostic) -> String {
    let mut title = d.message.clone();
    for f in &d.fixes {
        title.push_str(&format!(
            "\nFix ({}): {}",
            f.applicability.as_str(),
            f.message
        ));
    }
    title
}

fn article_text(out: &mut String, a: &Article<'_>) {
    let text = a.result.text.as_str();
    let _ = write!(
        out,
        "<div class=\"text\" lang=\"{}\">",
        a.result.language.code()
    );
    let mut at = 0;
    for (j, d) in a.result.diagnostics.iter().enumerate() {
        if !valid(text, d.span) || d.span.start < at {
            continue;
        }
        escape(out, &text[at..d.span.start]);
        let _ = write!(
            out,
            "<mark class=\"f c{} sev-{}{}\" id=\"a{}-m{j}\" tabindex=\"0\" data-a=\"{}\" data-f=\"{j}\" data-label=\"{}\" aria-describedby=\"a{}-f{j}\" title=\"",
            family_index(d.rule),
            d.severity.as_str(),
            if d.span.is_empty() { " empty" } else { "" },
            a.index,
            a.index,
            escaped(d.rule),
            a.index,
        );
        escape(out, &fix_tooltip(d));
        out.push_str("\">");
        escape(out, d.span.slice(text));
        out.push_str("</mark>");
        at = d.span.end;
    }
    escape(out, &text[at..]);
    out.push_str("</div>");
}

fn findings_list(out: &mut String, a: &Article<'_>) {
    let text = a.result.text.as_str();
    let index = LineIndex::new(text);
    let _ = write!(
        out,
        "<aside class=\"findings\" aria-label=\"Findings\"><h3>{}</h3>",
        plural(a.result.diagnostics.len(), "finding")
    );
    if a.result.diagnostics.is_empty() {
        out.push_str("<p>Nothing to correct.</p></aside>");
        return;
    }
    out.push_str("<ol>");
    for (j, d) in a.result.diagnostics.iter().enumerate() {
        let level = super::score::MqmSeverity::of(d.rule, d.severity);
        let p = if valid(text, d.span) {
            index.position(d.span.start)
        } else {
            crate::render::Position { line: 0, column: 0 }
        };
        let _ = write!(
            out,
            "<li id=\"a{}-f{j}\" class=\"finding c{} sev-{}\"><a class=\"loc\" href=\"#a{}-m{j}\">line {}:{}</a> <span class=\"rule\">",
            a.index,
            family_index(d.rule),
            d.severity.as_str(),
            a.index,
            p.line,
            p.column
        );
        escape(out, d.rule);
        let _ = write!(
            out,
            "</span> <span class=\"level\">{} · {}</span><p class=\"msg\">",
            d.severity.as_str(),
            level.as_str()
        );
        escape(out, &d.message);
        out.push_str("</p>");
        if !d.fixes.is_empty() {
            out.push_str("<ul class=\"fixes\">");
            for (x, f) in d.fixes.iter().enumerate() {
                let applicable = f.applicability != Applicability::DisplayOnly
                    && !f.edits.is_empty()
                    && f.edits.iter().all(|e| valid(text, e.span));
                out.push_str("<li>");
                if applicable {
                    let _ = write!(
                        out,
                        "<label><input type=\"checkbox\" class=\"pick\" disabled data-a=\"{}\" data-f=\"{j}\" data-x=\"{x}\" data-p=\"{}\"> ",
                        a.index,
                        f.applicability.as_str()
                    );
                    escape(out, &f.message);
                    let _ = write!(
                        out,
                        " <span class=\"app {}\">{}</span></label>",
                        f.applicability.as_str(),
                        f.applicability.as_str()
                    );
                } else {
                    escape(out, &f.message);
                    out.push_str(" <span class=\"app display-only\">advice</span>");
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></aside>");
}

fn hunks_html(out: &mut String, text: &str, hunks: &[diff::Hunk]) {
    for h in hunks {
        let _ = write!(out, "<div class=\"hunk\"><div class=\"hh\">line {}</div><div class=\"old\"><span class=\"sign\" aria-label=\"removed\">−</span>", h.line);
        for (piece, changed) in h.before(text) {
            let piece = piece.replace('\r', "");
            if changed {
                out.push_str("<del>");
                escape(out, &piece);
                out.push_str("</del>");
            } else {
                escape(out, &piece);
            }
        }
        out.push_str("</div><div class=\"new\"><span class=\"sign\" aria-label=\"added\">+</span>");
        for (piece, changed) in h.after(text) {
            let piece = piece.replace('\r', "");
            if changed {
                out.push_str("<ins>");
                escape(out, &piece);
                out.push_str("</ins>");
            } else {
                escape(out, &piece);
            }
        }
        out.push_str("</div></div>");
    }
}

fn article(out: &mut String, rank: usize, a: &Article<'_>) {
    let s = &a.score;
    let _ = write!(
        out,
        "<section class=\"article\" id=\"a{}\" data-a=\"{}\"><h2><span class=\"rank\">#{}</span> ",
        a.index,
        a.index,
        rank + 1
    );
    escape(out, &a.result.name);
    let _ = write!(
        out,
        " <span class=\"score\">score {}</span> ",
        format_score(s.value)
    );
    verdict(out, s.passes);
    let _ = write!(
        out,
        "</h2><p class=\"meta\">{} · {} critical, {} major, {} minor · {} penalty points</p>",
        plural(s.words, "word"),
        s.counts[0],
        s.counts[1],
        s.counts[2],
        s.penalty
    );
    out.push_str("<div class=\"cols\">");
    article_text(out, a);
    findings_list(out, a);
    out.push_str("</div>");
    let text = a.result.text.as_str();
    let applied = a.changes.applied.iter().filter(|&&x| x).count();
    if applied > 0 {
        let _ = write!(
            out,
            "<details class=\"alldiff\" open><summary>Diff with every suggested fix applied ({} of {})</summary><div class=\"diff\">",
            applied,
            plural(a.result.diagnostics.len(), "finding")
        );
        hunks_html(out, text, &diff::hunks(text, &a.changes.edits));
        out.push_str("</div></details>");
    }
    out.push_str("<div class=\"mine\" hidden><h3>Your decisions</h3><p class=\"status\" role=\"status\" aria-live=\"polite\"></p><div class=\"diff live\"></div>\
<label class=\"corrected-label\">Corrected article<textarea class=\"corrected\" readonly rows=\"12\"></textarea></label>\
<p><button type=\"button\" class=\"copy\">Copy corrected article</button> <button type=\"button\" class=\"download\">Download corrected article</button></p></div></section>");
}

/// Renders the whole report as one HTML page.
pub fn render_html(report: &Report<'_>) -> String {
    let size: usize = report.articles.iter().map(|a| a.result.text.len()).sum();
    let mut out = String::with_capacity(size * 3 + 64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
    escape(&mut out, &content_security_policy());
    let _ = write!(
        out,
        "\">\n<meta name=\"referrer\" content=\"no-referrer\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"generator\" content=\"mtlint {}\"><title>",
        env!("CARGO_PKG_VERSION")
    );
    escape(&mut out, &report.title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style></head><body>\n");
    header(&mut out, report);
    out.push_str("<main>");
    summary(&mut out, report);
    charts(&mut out, report);
    spellings(&mut out, report);
    for (rank, a) in report.articles.iter().enumerate() {
        out.push('\n');
        article(&mut out, rank, a);
    }
    out.push_str("</main><div id=\"tip\" role=\"tooltip\" hidden></div>\n<script type=\"application/json\" id=\"mtlint-data\">");
    out.push_str(&page_data(report));
    out.push_str("</script>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;
    use super::super::{Report, ReportOptions};
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // The well-known hash of the empty string.
        assert_eq!(
            csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "é😀a";
        let map = Utf16Map::new(text, vec![6, 0, 2]);
        assert_eq!(map.get(0), 0);
        assert_eq!(map.get(2), 1);
        assert_eq!(map.get(6), 3);
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let hostile = "Semaine d’actualités <script>alert(1)</script> \"><img src=x onerror=alert(2)> </script><!-- &amp;";
        let results = check(&[("\"><img src=x onerror=alert(3)>.txt", hostile)]);
        let report = Report::build(&results, &ReportOptions::default());
        let html = render_html(&report);
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        let data_start = html.find("id=\"mtlint-data\">").unwrap();
        let data = &html[data_start..];
        let data = &data[..data.find("</script>").unwrap()];
        assert!(!data[1..].contains('<'), "no < inside the data block");
        assert_eq!(html.matches("<script").count(), 2);
        assert_eq!(html.matches("<mark class=\"f ").count(), 1);
        assert!(html.contains("Content-Security-Policy"));
        assert!(!html.contains("http://") || !html.contains("src=\"http"));
    }
}

//! The human format, in the style of rustc and ruff (annotate-snippets): the place, the line
//! with the span underlined, the message and rule id, and the suggested fix as a patch.

use super::{TextView, Totals};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lint::FileResult;
use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

/// How many related places are shown under a finding.
const MAX_RELATED: usize = 3;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One finding of the file `name`, rendered against `view`.
pub(super) fn render_one(
    renderer: &Renderer,
    name: &str,
    view: &TextView,
    d: &Diagnostic,
) -> String {
    let text = view.text();
    let index = &view.index;
    // Offsets below are the view's text's; `view.local` maps the finding's to them.
    let primary = view.local(d.span);
    let mut lines = index.lines_around(primary);
    let line_start = index.position(lines.start).line;
    // A very long line (a whole article on one line) is shown around the finding only, so that
    // rendering stays linear; the place is then given in a note.
    let long = lines.len() > LONG_LINE;
    if long {
        lines = window_around(text, lines, primary, LONG_LINE_CONTEXT);
    }
    let local = |s: Span| (s.start - lines.start)..(s.end - lines.start);
    let source = lines.slice(text);
    let mut snippet = Snippet::source(source)
        .line_start(line_start)
        .annotation(AnnotationKind::Primary.span(local(primary)));
    let mut notes = Vec::new();
    if long {
        let p = index.position(primary.start);
        notes.push(format!("at {}:{}:{}", name, p.line, p.column));
    } else {
        snippet = snippet.path(name);
    }
    for (span, note) in d.related.iter().take(MAX_RELATED) {
        if view.holds(*span) && lines.contains(view.local(*span)) {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(local(view.local(*span)))
                    .label(note.as_str()),
            );
        } else {
            let (p, _) = view.positions(*span);
            notes.push(format!("{note} (line {}, column {})", p.line, p.column));
        }
    }
    if d.related.len() > MAX_RELATED {
        notes.push(format!("and {} more places", d.related.len() - MAX_RELATED));
    }
    let mut title = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.rule)
        .element(snippet);
    for note in &notes {
        title = title.element(Level::NOTE.message(note.as_str()));
    }
    let mut report: Vec<Group> = vec![title];
    for fix in &d.fixes {
        let help = Level::HELP.secondary_title(format!(
            "{} ({} fix)",
            fix.message,
            fix.applicability.as_str()
        ));
        let covered = fix
            .edits
            .iter()
            .all(|e| view.holds(e.span) && lines.contains(view.local(e.span)));
        if let (true, Some(edited)) = (covered, fix.span()) {
            let edited = view.local(edited);
            // Show the patch on a window of the line: news paragraphs are long lines.
            let window = window_around(text, lines, edited, PATCH_CONTEXT);
            // The finding's snippet names the place; the patch's window would give a wrong
            // column, so it carries no path.
            let mut patch = Snippet::source(window.slice(text)).line_start(line_start);
            for e in &fix.edits {
                let span = view.local(e.span);
                let range = (span.start - window.start)..(span.end - window.start);
                patch = patch.patch(Patch::new(range, e.replacement.as_str()));
            }
            report.push(help.element(patch));
        } else {
            report.push(Group::with_title(help));
        }
    }
    renderer.render(&report).to_string()
}

/// Lines longer than this many bytes are shown around the finding only.
const LONG_LINE: usize = 4096;

/// Characters of context on each side of a finding on a very long line.
const LONG_LINE_CONTEXT: usize = 120;

/// About this many characters of context are shown on each side of a patch.
const PATCH_CONTEXT: usize = 40;

/// A part of `lines` around `span`, cut at spaces, at most about `PATCH_CONTEXT` characters
/// on each side.
fn window_around(text: &str, lines: Span, span: Span, context: usize) -> Span {
    let before = &text[lines.start..span.start];
    let mut start = span.start;
    for (n, (i, _)) in before.char_indices().rev().enumerate() {
        if n >= context {
            break;
        }
        start = lines.start + i;
    }
    if start > lines.start {
        // Move forward to the next word start.
        if let Some(space) = text[start..span.start].find(' ') {
            start += space + 1;
        }
    }
    let after = &text[span.end..lines.end];
    let mut end = span.end;
    for (n, (i, c)) in after.char_indices().enumerate() {
        if n >= context {
            break;
        }
        end = span.end + i + c.len_utf8();
    }
    if end < lines.end {
        if let Some(space) = text[span.end..end].rfind(' ') {
            end = span.end + space;
        }
    }
    Span::new(start, end)
}

/// The renderer of `color` or plain output.
pub(super) fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// Every finding of every file, then the summary line. `color` chooses ANSI styling.
pub fn render_human(results: &[FileResult], color: bool) -> String {
    let renderer = renderer(color);
    let mut out = String::new();
    for r in results {
        let view = TextView::whole(&r.text);
        for d in &r.diagnostics {
            out.push_str(&render_one(&renderer, &r.name, &view, d));
            out.push_str("\n\n");
        }
    }
    out.push_str(&Totals::of(results).summary());
    out.push('\n');
    out
}

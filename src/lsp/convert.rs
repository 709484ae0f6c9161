//! Findings in protocol terms: mtlint [`Diagnostic`]s become protocol diagnostics, their fixes
//! code actions, and a finding under the cursor a hover text.
//!
//! Everything here is a pure function of findings and the document text they were made on; the
//! server decides when to call them. Display-only fixes are never turned into edits: they are
//! shown in the hover only.

use super::position::{LineIndex, PositionEncoding};
use crate::checks;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity, Span};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeDescription, DiagnosticRelatedInformation,
    DiagnosticSeverity, DocumentChanges, Hover, HoverContents, Location, MarkupContent, MarkupKind,
    NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit,
    Uri, WorkspaceEdit,
};
use std::collections::HashMap;
use std::str::FromStr;

/// The `source` of every published diagnostic.
pub const SOURCE: &str = "mtlint";

/// The code action kind of "fix all safe fixes".
pub const FIX_ALL_KIND: &str = "source.fixAll.mtlint";

/// Where a rule's documentation is: a URL template where `{rule}` stands for the rule id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleLinks {
    template: String,
}

impl RuleLinks {
    /// Links made from `template` (`{rule}` is replaced by the rule id).
    pub fn new(template: impl Into<String>) -> RuleLinks {
        RuleLinks {
            template: template.into(),
        }
    }

    /// The documentation URL of `rule`, if a template is set and makes a valid URI.
    pub fn href(&self, rule: &str) -> Option<Uri> {
        if self.template.is_empty() {
            return None;
        }
        Uri::from_str(&self.template.replace("{rule}", rule)).ok()
    }
}

/// No link unless the client sets `ruleDocsUrl`: the documentation is `mtlint rules ID`.
impl Default for RuleLinks {
    fn default() -> RuleLinks {
        RuleLinks::new("")
    }
}

/// One open document as the client sees it: where it is and how to address its text.
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    /// The document's URI.
    pub uri: &'a Uri,
    /// Its version, as the client numbered it.
    pub version: i32,
    /// The text the findings were made on.
    pub text: &'a str,
    /// That text's lines.
    pub lines: &'a LineIndex,
    /// The negotiated position encoding.
    pub encoding: PositionEncoding,
}

impl View<'_> {
    fn range(&self, span: Span) -> lsp_types::Range {
        self.lines.cursor(self.text, self.encoding).range(span)
    }

    /// A workspace edit of this document; with `versioned`, tied to the document's version so
    /// that the client refuses it on a newer text.
    fn workspace_edit(&self, edits: &[Edit], versioned: bool) -> WorkspaceEdit {
        let mut lsp_edits: Vec<TextEdit> = Vec::with_capacity(edits.len());
        let mut cursor = self.lines.cursor(self.text, self.encoding);
        let mut sorted: Vec<&Edit> = edits.iter().collect();
        sorted.sort_by_key(|e| (e.span.start, e.span.end));
        for e in sorted {
            lsp_edits.push(TextEdit::new(cursor.range(e.span), e.replacement.clone()));
        }
        if versioned {
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri: self.uri.clone(),
                        version: Some(self.version),
                    },
                    edits: lsp_edits.into_iter().map(OneOf::Left).collect(),
                }])),
                ..WorkspaceEdit::default()
            }
        } else {
            WorkspaceEdit {
                changes: Some(HashMap::from([(self.uri.clone(), lsp_edits)])),
                ..WorkspaceEdit::default()
            }
        }
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The protocol diagnostics of a document's findings (sorted by position, as the linter gives
/// them).
pub fn diagnostics(
    view: &View<'_>,
    findings: &[Diagnostic],
    links: &RuleLinks,
) -> Vec<lsp_types::Diagnostic> {
    let mut cursor = view.lines.cursor(view.text, view.encoding);
    findings
        .iter()
        .map(|d| {
            let range = cursor.range(d.span);
            let mut lsp = to_lsp(d, links, range);
            // Related places are elsewhere in the text: convert them apart from the cursor.
            if !d.related.is_empty() {
                lsp.related_information = Some(
                    d.related
                        .iter()
                        .map(|(span, note)| DiagnosticRelatedInformation {
                            location: Location::new(view.uri.clone(), view.range(*span)),
                            message: note.clone(),
                        })
                        .collect(),
                );
            }
            lsp
        })
        .collect()
}

fn to_lsp(d: &Diagnostic, links: &RuleLinks, range: lsp_types::Range) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_owned())),
        code_description: links.href(d.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: d.message.clone(),
        related_information: None,
        tags: None,
        data: None,
    }
}

/// True when an action of `kind` is wanted by a request that asks `only` for these kinds.
pub fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|kinds| {
        kinds.iter().any(|k| {
            let k = k.as_str();
            kind == k || (kind.starts_with(k) && kind.as_bytes().get(k.len()) == Some(&b'.'))
        })
    })
}

/// True when the finding lies under `span` (a cursor touching either end counts).
pub fn touches(finding: Span, span: Span) -> bool {
    finding.start <= span.end && span.start <= finding.end
}

/// The quick fixes of the findings under `span`: one per fix that can be applied, the first
/// fix of a finding marked preferred when it is safe.
pub fn quick_fixes(
    view: &View<'_>,
    findings: &[Diagnostic],
    span: Span,
    links: &RuleLinks,
    versioned: bool,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for d in findings.iter().filter(|d| touches(d.span, span)) {
        let lsp = to_lsp(d, links, view.range(d.span));
        for (i, fix) in d.fixes.iter().enumerate() {
            if fix.applicability == Applicability::DisplayOnly || fix.edits.is_empty() {
                continue;
            }
            let title = match fix.applicability {
                Applicability::Safe => format!("{} ({})", fix.message, d.rule),
                _ => format!("{} ({}, unsafe: review)", fix.message, d.rule),
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(view.workspace_edit(&fix.edits, versioned)),
                is_preferred: Some(i == 0 && fix.applicability == Applicability::Safe),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

/// The "fix all safe fixes" source action, with the edits that turn the text into its fixed
/// version.
pub fn fix_all(view: &View<'_>, edits: &[Edit], count: usize, versioned: bool) -> CodeAction {
    CodeAction {
        title: format!(
            "Fix all safe mtlint findings ({count} fix{})",
            if count == 1 { "" } else { "es" }
        ),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        edit: Some(view.workspace_edit(edits, versioned)),
        ..CodeAction::default()
    }
}

/// The smallest single edit that turns `old` into `new`: their common prefix and suffix are
/// kept.
pub fn minimal_edit(old: &str, new: &str) -> Option<Edit> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some(Edit::replace(
        Span::new(prefix, old.len() - suffix),
        &new[prefix..new.len() - suffix],
    ))
}

/// The first paragraph under a rule documentation's "What it does" heading.
fn what_it_does(doc: &str) -> Option<&str> {
    let after = doc.split("## What it does").nth(1)?;
    let section = after.split("\n## ").next()?;
    let paragraph = section.trim().split("\n\n").next()?.trim();
    (!paragraph.is_empty()).then_some(paragraph)
}

/// The hover of the findings at `offset`: each one's message, its fixes and its rule's
/// documentation summary; `None` when no finding is there.
pub fn hover(
    view: &View<'_>,
    findings: &[Diagnostic],
    offset: usize,
    links: &RuleLinks,
    markdown: bool,
) -> Option<Hover> {
    let here: Vec<&Diagnostic> = findings
        .iter()
        .filter(|d| touches(d.span, Span::new(offset, offset)))
        .collect();
    let first = here.first()?;
    let range = here.iter().fold(first.span, |acc, d| {
        Span::new(acc.start.min(d.span.start), acc.end.max(d.span.end))
    });
    let mut parts = Vec::new();
    for d in &here {
        parts.push(hover_text(d, links, markdown));
    }
    let value = parts.join(if markdown { "\n\n---\n\n" } else { "\n\n" });
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: if markdown {
                MarkupKind::Markdown
            } else {
                MarkupKind::PlainText
            },
            value,
        }),
        range: Some(view.range(range)),
    })
}

fn hover_text(d: &Diagnostic, links: &RuleLinks, markdown: bool) -> String {
    let code = |s: &str| {
        if markdown {
            format!("`{s}`")
        } else {
            s.to_owned()
        }
    };
    let mut out = String::new();
    if markdown {
        out.push_str(&format!("**mtlint** {} ({})\n\n", code(d.rule), d.severity));
    } else {
        out.push_str(&format!("mtlint {} ({})\n\n", d.rule, d.severity));
    }
    out.push_str(&d.message);
    out.push('\n');
    for (i, fix) in d.fixes.iter().enumerate() {
        let label = match fix.applicability {
            Applicability::Safe => "fix (safe)",
            Applicability::Unsafe => "fix (unsafe: review)",
            Applicability::DisplayOnly => "suggestion (by hand)",
        };
        let marker = if i == 0 { "" } else { "alternative " };
        out.push_str(&format!("\n- {marker}{label}: {}", fix.message));
    }
    if !d.fixes.is_empty() {
        out.push('\n');
    }
    if let Some(rule) = checks::rule(d.rule) {
        out.push('\n');
        out.push_str(rule.summary);
        out.push_str(".\n");
        if let Some(p) = what_it_does(rule.doc) {
            out.push('\n');
            out.push_str(p);
            out.push('\n');
        }
    }
    if let Some(href) = links.href(d.rule) {
        if markdown {
            out.push_str(&format!("\n[Rule documentation]({})", href.as_str()));
        } else {
            out.push_str(&format!("\nRule documentation: {}", href.as_str()));
        }
        out.push_str(&format!(" · `mtlint rules {}`", d.rule));
    } else {
        out.push_str(&format!("\nDocumentation: `mtlint rules {}`", d.rule));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

    fn uri() -> Uri {
        Uri::from_str("file:///a.txt").unwrap()
    }

    fn finding() -> Diagnostic {
        let text_span = Span::new(3, 8);
        Diagnostic::new(
            "translated-name",
            Severity::Error,
            text_span,
            "a translated name",
        )
        .with_fix(Fix::safe(
            "replace with `Newsweek`",
            vec![Edit::replace(text_span, "Newsweek")],
        ))
        .with_fix(Fix::unsafe_("delete it", vec![Edit::delete(text_span)]))
        .with_fix(Fix::display_only(
            "translate by hand",
            vec![Edit::delete(text_span)],
        ))
        .with_related(Span::new(10, 12), "first here")
    }

    #[test]
    fn diagnostics_carry_code_link_severity_source_and_related_places() {
        let text = "été x\nabcdefghij";
        let lines = LineIndex::new(text);
        let u = uri();
        let view = View {
            uri: &u,
            version: 1,
            text,
            lines: &lines,
            encoding: PositionEncoding::Utf16,
        };
        let d = &diagnostics(
            &view,
            &[finding()],
            &RuleLinks::new("https://x.test/{rule}"),
        )[0];
        assert_eq!(
            d.code,
            Some(NumberOrString::String("translated-name".into()))
        );
        assert_eq!(
            d.code_description.as_ref().unwrap().href.as_str(),
            "https://x.test/translated-name"
        );
        assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(d.source.as_deref(), Some("mtlint"));
        // Bytes 3..8 of "été x\n…" are "é x\n" up to the second line's start.
        assert_eq!((d.range.start.line, d.range.start.character), (0, 2));
        let related = d.related_information.as_ref().unwrap();
        assert_eq!(related[0].message, "first here");
        assert_eq!(
            related[0].location.range.start,
            lsp_types::Position::new(1, 2)
        );
    }

    #[test]
    fn quick_fixes_skip_display_only_fixes_and_prefer_the_first_safe_one() {
        let text = "abcdefghijklmnop";
        let lines = LineIndex::new(text);
        let u = uri();
        let view = View {
            uri: &u,
            version: 4,
            text,
            lines: &lines,
            encoding: PositionEncoding::Utf8,
        };
        let actions = quick_fixes(
            &view,
            &[finding()],
            Span::new(4, 4),
            &RuleLinks::default(),
            true,
        );
        let actions: Vec<CodeAction> = actions
            .into_iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a,
                CodeActionOrCommand::Command(_) => panic!("a command"),
            })
            .collect();
        assert_eq!(actions.len(), 2);
        assert_eq!(actions[0].is_preferred, Some(true));
        assert_eq!(actions[1].is_preferred, Some(false));
        assert!(actions[1].title.contains("unsafe"));
        assert_eq!(actions[0].kind, Some(CodeActionKind::QUICKFIX));
        assert!(quick_fixes(
            &view,
            &[finding()],
            Span::new(9, 12),
            &RuleLinks::default(),
            true
        )
        .is_empty());
    }

    #[test]
    fn kinds_match_by_prefix_of_dotted_parts() {
        let only = [CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(Some(&only), FIX_ALL_KIND));
        assert!(!wanted(Some(&only), "quickfix"));
        assert!(wanted(Some(&[CodeActionKind::new("source")]), FIX_ALL_KIND));
        assert!(!wanted(Some(&[CodeActionKind::new("sour")]), FIX_ALL_KIND));
        assert!(wanted(None, "quickfix"));
    }

    #[test]
    fn minimal_edits_keep_common_ends_on_character_boundaries() {
        let e = minimal_edit("le Haut-Karabagh ici", "le Haut-Karabakh ici").unwrap();
        assert_eq!(
            (e.span.start, e.span.end, e.replacement.as_str()),
            (14, 15, "k")
        );
        // "é" and "è" share their first byte: the edit must not split it.
        let e = minimal_edit("aé", "aè").unwrap();
        assert_eq!(
            (e.span.start, e.span.end, e.replacement.as_str()),
            (1, 3, "è")
        );
        let e = minimal_edit("abab", "ab").unwrap();
        assert_eq!(crate::fix::apply_edits("abab", &[e]).unwrap(), "ab");
        assert_eq!(minimal_edit("x", "x"), None);
    }

    #[test]
    fn hover_shows_message_fixes_and_rule_summary() {
        let text = "abcdefghijklmnop";
        let lines = LineIndex::new(text);
        let u = uri();
        let view = View {
            uri: &u,
            version: 1,
            text,
            lines: &lines,
            encoding: PositionEncoding::Utf16,
        };
        let h = hover(&view, &[finding()], 5, &RuleLinks::default(), true).unwrap();
        let HoverContents::Markup(m) = h.contents else {
            panic!("markup")
        };
        assert!(m.value.contains("a translated name"), "{}", m.value);
        assert!(m.value.contains("fix (safe): replace with `Newsweek`"));
        assert!(m.value.contains("suggestion (by hand): translate by hand"));
        assert!(m
            .value
            .contains(checks::rule("translated-name").unwrap().summary));
        assert!(hover(&view, &[finding()], 9, &RuleLinks::default(), true).is_none());
    }
}

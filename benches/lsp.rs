//! `mtlint lsp` while someone types: a 100 KB Markdown article is open, one character is typed
//! (or deleted) in its middle, and the server re-checks it and builds the diagnostics to
//! publish. The budget is 20 ms per edit, debounce delay aside.
//!
//! Run with `cargo bench --bench lsp`. The server is driven in-process, through the same
//! messages a client sends; only the pipes are left out.

use lsp_server::{Message, Notification, Request, RequestId};
use mtlint::lsp::transport::Incoming;
use mtlint::lsp::Server;
use serde_json::json;
use std::time::{Duration, Instant};

fn main() {
    divan::main();
}

/// A 100 KB article: our Markdown fixture (names right and wrong, links, a quote) repeated
/// under numbered headings.
fn article() -> String {
    let part = include_str!("../tests/fixtures/article.md");
    let mut text = String::with_capacity(110_000);
    let mut n = 0;
    while text.len() < 100_000 {
        n += 1;
        text.push_str(&format!("\n## Partie {n}\n\n"));
        text.push_str(part);
    }
    text
}

fn message(m: impl Into<Message>) -> Incoming {
    Incoming::Message(m.into())
}

fn notification(method: &str, params: serde_json::Value) -> Incoming {
    message(Notification::new(method.to_owned(), params))
}

/// A running server with the article open and checked once.
fn server_with(text: &str, dir: &std::path::Path) -> (Server, String) {
    let mut server = Server::default();
    let now = Instant::now();
    let root = format!("file://{}", dir.display());
    let uri = format!("{root}/article.md");
    server.handle(
        message(Request::new(
            RequestId::from(1),
            "initialize".to_owned(),
            json!({ "processId": null, "rootUri": root, "capabilities": {} }),
        )),
        now,
    );
    server.handle(notification("initialized", json!({})), now);
    server.handle(
        notification(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1,
                                      "text": text } }),
        ),
        now,
    );
    server.tick(now);
    server.take_outgoing();
    (server, uri)
}

#[divan::bench(sample_count = 30)]
fn recheck_100_kb_after_an_edit(bencher: divan::Bencher) {
    let text = article();
    assert!(text.len() >= 100_000);
    let dir = tempfile::tempdir().expect("temporary directory");
    let (mut server, uri) = server_with(&text, dir.path());
    // The middle of the article, on a line of its own text.
    let line = text[..text.len() / 2].matches('\n').count();
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        // Type a character, then delete it: the text stays the same size.
        let at = json!({ "line": line, "character": 0 });
        let change = if version % 2 == 0 {
            json!({ "range": { "start": at, "end": at }, "text": "x" })
        } else {
            json!({ "range": { "start": at, "end": { "line": line, "character": 1 } },
                    "text": "" })
        };
        let now = Instant::now();
        server.handle(
            notification(
                "textDocument/didChange",
                json!({ "textDocument": { "uri": uri, "version": version },
                        "contentChanges": [change] }),
            ),
            now,
        );
        // The debounce delay is over.
        server.tick(now + Duration::from_secs(1));
        let published = server.take_outgoing();
        assert_eq!(published.len(), 1);
        published
    });
}

/// The same article checked by the linter alone, without the server: what the server adds is
/// the difference.
#[divan::bench(sample_count = 30)]
fn check_alone_100_kb(bencher: divan::Bencher) {
    let text = article();
    let linter = mtlint::lint::Linter::new(
        &mtlint::glossary::default_glossary(),
        mtlint::config::Settings::default(),
    )
    .expect("French is supported");
    bencher.bench_local(|| {
        linter.check(
            mtlint::document::Document::parse(
                mtlint::input::Source {
                    name: "article.md".to_owned(),
                    text: text.clone(),
                },
                mtlint::document::Format::Markdown,
            )
            .expect("Markdown always parses"),
        )
    });
}

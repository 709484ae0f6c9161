//! `mtlint lsp` as an editor drives it: a scripted client spawns the binary and speaks
//! JSON-RPC with `Content-Length` framing over its standard streams.
//!
//! Positions are computed here independently of the server (from the fixture text), in UTF-16
//! or UTF-8, so the server's conversions are checked against plain arithmetic.

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long any single answer may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);

/// A glossary of our own, so that the tests do not depend on the default one.
const GLOSSARY: &str = r#"
[[concept]]
id = "newsweek"
kind = "outlet"
keep = true
en = "Newsweek"
fr.wrong = ["Semaine d'actualités"]

[[concept]]
id = "nikol-pashinyan"
kind = "person"
en = "Nikol Pashinyan"
fr = { preferred = "Nikol Pachinian", variants = ["Nikol Pashinyan"] }
"#;

const CONFIG: &str = "default-glossary = false\nglossaries = [\"glossary.toml\"]\n";

/// The article of most tests: a translated name, a non-house spelling and a name spelled two
/// ways, behind accents, an emoji and a combining mark on the same lines.
const ARTICLE: &str = "# Erevan, l’été 😀\n\
\n\
Pe\u{301}rou 🇫🇷 : *Semaine d’actualités* a contacté Nikol Pashinyan mardi.\n\
\n\
Le Haut-Karabagh et le Haut-Karabakh, puis le Haut-Karabakh encore.\n";

/// A workspace directory with the glossary and configuration.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("glossary.toml"), GLOSSARY).expect("write glossary");
    std::fs::write(dir.path().join("mtlint.toml"), CONFIG).expect("write config");
    dir
}

fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for &b in path.to_str().expect("UTF-8 path").as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// The protocol position of byte `offset` of `text` (lines end with `\n` in the fixtures).
fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let rest = &before[line_start..];
    let character = if utf8 {
        rest.len()
    } else {
        rest.encode_utf16().count()
    };
    json!({ "line": line, "character": character })
}

/// The byte offset of a protocol position.
fn offset(text: &str, pos: &Value, utf8: bool) -> usize {
    let line = pos["line"].as_u64().expect("line") as usize;
    let character = pos["character"].as_u64().expect("character") as usize;
    let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    if utf8 {
        return line_start + character;
    }
    let mut units = 0;
    for (i, c) in line_text.char_indices() {
        if units >= character {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_start + line_text.len()
}

fn range_of(text: &str, needle: &str, nth: usize, utf8: bool) -> Value {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} in the text"))
        .0;
    json!({
        "start": position(text, start, utf8),
        "end": position(text, start + needle.len(), utf8),
    })
}

/// Applies text edits (protocol ranges) to `text`, last first.
fn apply_text_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf8),
                offset(text, &e["range"]["end"], utf8),
                e["newText"].as_str().expect("newText").to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

/// The text edits of a code action for `uri`, whether as `changes` or `documentChanges`.
fn edits_of(action: &Value, uri: &str) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(changes) = edit["changes"].get(uri) {
        return changes.as_array().expect("edits").clone();
    }
    edit["documentChanges"]
        .as_array()
        .expect("changes or documentChanges")
        .iter()
        .filter(|d| d["textDocument"]["uri"] == uri)
        .flat_map(|d| d["edits"].as_array().expect("edits").clone())
        .collect()
}

/// A scripted editor talking to `mtlint lsp`.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Messages from the server not consumed yet.
    queue: VecDeque<Value>,
    next_id: i64,
    utf8: bool,
}

fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Starts the server and initializes it with these capabilities and options.
    fn start(root: &Path, capabilities: Value, options: Value) -> (Client, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("mtlint lsp starts");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_frame(&mut r) {
                if sender.send(v).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            stdin: child.stdin.take(),
            child,
            messages,
            queue: VecDeque::new(),
            next_id: 0,
            utf8: false,
        };
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                "workspaceFolders": [{ "uri": file_uri(root), "name": "ws" }],
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        let result = result["result"].clone();
        client.utf8 = result["capabilities"]["positionEncoding"] == "utf-8";
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to server");
        stdin.flush().expect("flush");
    }

    fn frame(message: &Value) -> Vec<u8> {
        let body = message.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    fn send(&mut self, message: Value) {
        let bytes = Client::frame(&message);
        self.send_raw(&bytes);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns the whole response (result or error).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(&format!("the response to {method}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    /// The next message from the server.
    fn next(&mut self, what: &str, deadline: Instant) -> Value {
        match self
            .messages
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
            Err(RecvTimeoutError::Disconnected) => panic!("server ended while waiting for {what}"),
        }
    }

    /// The first message (queued or new) that `wanted` accepts; others stay queued.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.queue.iter().position(&wanted) {
            return self.queue.remove(i).expect("queued");
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = self.next(what, deadline);
            if wanted(&m) {
                return m;
            }
            self.queue.push_back(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait_for(&format!("diagnostics of {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .clone()
    }

    /// The diagnostics published for `uri` at `version`, skipping older ones.
    fn diagnostics_at(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait_for(&format!("diagnostics of {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": changes }),
        );
    }

    fn code_actions(&mut self, uri: &str, range: Value, only: Option<Value>) -> Vec<Value> {
        let mut context = json!({ "diagnostics": [] });
        if let Some(only) = only {
            context["only"] = only;
        }
        let r = self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": range, "context": context }),
        );
        r["result"].as_array().expect("actions").clone()
    }

    /// Shuts the server down and returns its exit code.
    fn shutdown(mut self) -> Option<i32> {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        wait(&mut self.child)
    }
}

/// Waits for the process, killing it after the timeout.
fn wait(child: &mut Child) -> Option<i32> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not exit");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn rules(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect()
}

fn article_uri(dir: &Path, name: &str) -> (PathBuf, String) {
    let path = dir.join(name);
    let uri = file_uri(&path);
    (path, uri)
}

#[test]
fn publishes_findings_with_code_link_severity_source_and_related_places() {
    let ws = workspace();
    let (path, uri) = article_uri(ws.path(), "article.md");
    std::fs::write(&path, ARTICLE).expect("write article");
    let (mut client, init) = Client::start(
        ws.path(),
        json!({}),
        json!({ "ruleDocsUrl": "https://docs.example/rules/{rule}" }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(init["serverInfo"]["name"], "mtlint");
    client.open(&uri, "markdown", ARTICLE);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(
        rules(&diagnostics),
        [
            "translated-name",
            "glossary-variant",
            "inconsistent-spelling"
        ]
    );
    let expected = [
        ("Semaine d’actualités", "error", 1),
        ("Nikol Pashinyan", "warning", 2),
        ("Haut-Karabagh", "warning", 2),
    ];
    for (d, (text, _, severity)) in diagnostics.iter().zip(expected) {
        assert_eq!(d["range"], range_of(ARTICLE, text, 0, false), "{d}");
        assert_eq!(d["severity"], severity);
        assert_eq!(d["source"], "mtlint");
        assert_eq!(
            d["codeDescription"]["href"],
            format!("https://docs.example/rules/{}", d["code"].as_str().unwrap())
        );
    }
    let related = diagnostics[2]["relatedInformation"]
        .as_array()
        .expect("related places");
    assert_eq!(related.len(), 2);
    assert_eq!(related[0]["location"]["uri"], uri.as_str());
    assert_eq!(
        related[0]["location"]["range"],
        range_of(ARTICLE, "Haut-Karabakh", 0, false)
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn xliff_and_po_targets_are_checked_and_a_broken_file_gets_one_error_where_it_breaks() {
    let ws = workspace();
    let xliff = "<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"f\"><unit id=\"u\"><segment>\n<source>Newsweek said</source>\n<target>Semaine d&apos;actualités a dit</target>\n</segment></unit></file></xliff>\n";
    let (path, uri) = article_uri(ws.path(), "a.xlf");
    std::fs::write(&path, xliff).expect("write");
    let (mut client, _) = Client::start(ws.path(), json!({}), json!({}));
    client.open(&uri, "xml", xliff);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(rules(&diagnostics), ["translated-name"]);
    assert_eq!(
        diagnostics[0]["range"],
        range_of(xliff, "Semaine d&apos;actualités", 0, false)
    );
    let po = "msgid \"a\"\nmsgstr \"b\\q\"\n";
    let (path, uri) = article_uri(ws.path(), "a.po");
    std::fs::write(&path, po).expect("write");
    client.open(&uri, "po", po);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(rules(&diagnostics), ["unreadable"]);
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({"line": 1, "character": 9})
    );
    assert!(diagnostics[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("invalid escape")));
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn each_code_action_applied_makes_its_finding_go_away() {
    let ws = workspace();
    let (_, uri) = article_uri(ws.path(), "article.md");
    // This client takes versioned document changes.
    let caps = json!({ "workspace": { "workspaceEdit": { "documentChanges": true } } });
    let (mut client, _) = Client::start(ws.path(), caps, json!({ "debounceMs": 20 }));
    client.open(&uri, "markdown", ARTICLE);
    let original = client.diagnostics(&uri);
    let mut version = 1;
    let mut applied = 0;
    for finding in &original {
        // Every action of this finding, each on a fresh copy of the article.
        let mut k = 0;
        loop {
            if version > 1 {
                // Back to the original text.
                version += 1;
                client.change(&uri, version, json!([{ "text": ARTICLE }]));
                assert_eq!(client.diagnostics_at(&uri, version).len(), original.len());
            }
            let actions = client.code_actions(&uri, finding["range"].clone(), None);
            let quick: Vec<&Value> = actions
                .iter()
                .filter(|a| {
                    a["kind"] == "quickfix" && a["diagnostics"][0]["code"] == finding["code"]
                })
                .collect();
            if k == 0 {
                assert!(!quick.is_empty(), "no quick fix for {finding}");
                let safe = finding["code"] != "inconsistent-spelling";
                assert_eq!(quick[0]["isPreferred"], safe, "{}", quick[0]);
            }
            let Some(action) = quick.get(k) else { break };
            let doc = &action["edit"]["documentChanges"][0]["textDocument"];
            assert_eq!(doc["version"], version, "{action}");
            let edits = edits_of(action, &uri);
            let fixed = apply_text_edits(ARTICLE, &edits, false);
            // Send the edits as the editor would: incremental changes, last first.
            let mut changes: Vec<Value> = edits
                .iter()
                .map(|e| json!({ "range": e["range"], "text": e["newText"] }))
                .collect();
            changes.sort_by_key(|c| {
                std::cmp::Reverse((
                    c["range"]["start"]["line"].as_u64(),
                    c["range"]["start"]["character"].as_u64(),
                ))
            });
            version += 1;
            client.change(&uri, version, Value::Array(changes));
            let after = client.diagnostics_at(&uri, version);
            assert!(
                !after.iter().any(|d| d["code"] == finding["code"]),
                "{} still there after `{}`:\n{fixed}\n{after:?}",
                finding["code"],
                action["title"]
            );
            // The other findings are untouched.
            assert_eq!(after.len(), original.len() - 1, "{after:?}");
            applied += 1;
            k += 1;
        }
    }
    assert_eq!(applied, 3);

    // Fix all safe fixes, as an editor does on save.
    version += 1;
    client.change(&uri, version, json!([{ "text": ARTICLE }]));
    client.diagnostics_at(&uri, version);
    let whole = json!({ "start": { "line": 0, "character": 0 },
                        "end": { "line": 0, "character": 0 } });
    let actions = client.code_actions(&uri, whole, Some(json!(["source.fixAll"])));
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.mtlint");
    let edits = edits_of(&actions[0], &uri);
    let fixed = apply_text_edits(ARTICLE, &edits, false);
    assert!(
        fixed.contains("*Newsweek* a contacté Nikol Pachinian mardi"),
        "{fixed}"
    );
    version += 1;
    client.change(&uri, version, json!([{ "text": fixed }]));
    // Only the unsafe finding is left.
    assert_eq!(
        rules(&client.diagnostics_at(&uri, version)),
        ["inconsistent-spelling"]
    );
    // A request for quick fixes only gets no source action.
    let only_quick = client.code_actions(
        &uri,
        json!({ "start": { "line": 4, "character": 4 },
        "end": { "line": 4, "character": 4 } }),
        Some(json!(["quickfix"])),
    );
    assert!(
        only_quick.iter().all(|a| a["kind"] == "quickfix"),
        "{only_quick:?}"
    );
    assert_eq!(client.shutdown(), Some(0));
}

/// Positions around accents, emoji and combining marks, in one encoding.
fn check_positions(utf8: bool) {
    let ws = workspace();
    let (_, uri) = article_uri(ws.path(), "note.txt");
    let caps = if utf8 {
        json!({ "general": { "positionEncodings": ["utf-16", "utf-8"] } })
    } else {
        json!({ "general": { "positionEncodings": ["utf-32", "utf-16"] } })
    };
    let (mut client, init) = Client::start(ws.path(), caps, json!({ "debounceMs": 10 }));
    let encoding = if utf8 { "utf-8" } else { "utf-16" };
    assert_eq!(init["capabilities"]["positionEncoding"], encoding);
    let text = "Pe\u{301}rou 🇫🇷 😀 l’été : Semaine d’actualités\r\nNikol Pashinyan 👩‍👩‍👧 et Semaine d’actualités.\n";
    client.open(&uri, "plaintext", text);
    let diagnostics = client.diagnostics(&uri);
    let ranges: Vec<&Value> = diagnostics.iter().map(|d| &d["range"]).collect();
    // The fixture's lines end with \r\n then \n; `position` splits on \n, and the \r sits at
    // the end of the first line, after every finding, so it changes no column.
    assert_eq!(
        ranges,
        [
            &range_of(text, "Semaine d’actualités", 0, utf8),
            &range_of(text, "Nikol Pashinyan", 0, utf8),
            &range_of(text, "Semaine d’actualités", 1, utf8),
        ]
    );

    // An edit addressed in the negotiated encoding, right after the emoji of line 0: insert a
    // second translated name there.
    let after_emoji = text.find("😀").unwrap() + "😀".len();
    let at = position(text, after_emoji, utf8);
    client.change(
        &uri,
        2,
        json!([{ "range": { "start": at, "end": at }, "text": " Semaine d’actualités" }]),
    );
    let mut edited = text.to_owned();
    edited.insert_str(after_emoji, " Semaine d’actualités");
    let diagnostics = client.diagnostics_at(&uri, 2);
    assert_eq!(diagnostics.len(), 4);
    assert_eq!(
        diagnostics[0]["range"],
        range_of(&edited, "Semaine d’actualités", 0, utf8)
    );
    // A deletion spanning a combining mark and a flag (two code points, four UTF-16 units).
    let start = edited.find("e\u{301}").unwrap();
    let end = edited.find("🇫🇷").unwrap() + "🇫🇷".len();
    client.change(
        &uri,
        3,
        json!([{ "range": { "start": position(&edited, start, utf8),
                            "end": position(&edited, end, utf8) }, "text": "é" }]),
    );
    edited.replace_range(start..end, "é");
    let diagnostics = client.diagnostics_at(&uri, 3);
    assert_eq!(
        diagnostics[1]["range"],
        range_of(&edited, "Semaine d’actualités", 1, utf8),
        "{edited}"
    );

    // Hover in the middle of the name after the family emoji (a ZWJ sequence of 8 UTF-16 units).
    let second = edited
        .match_indices("Semaine d’actualités")
        .nth(2)
        .unwrap()
        .0;
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri },
                "position": position(&edited, second + "Semaine d’".len(), utf8) }),
    );
    let value = hover["result"]["contents"]["value"]
        .as_str()
        .expect("hover text");
    assert!(value.contains("translated-name"), "{value}");
    assert!(value.contains("Newsweek"), "{value}");
    assert!(value.contains("replace with `Newsweek`"), "{value}");
    assert_eq!(
        hover["result"]["range"],
        range_of(&edited, "Semaine d’actualités", 2, utf8)
    );
    // No finding under the cursor: null.
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 1 } }),
    );
    assert_eq!(nothing["result"], Value::Null);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn positions_are_exact_in_utf16_with_accents_emoji_and_combining_marks() {
    check_positions(false);
}

#[test]
fn positions_are_exact_in_utf8_when_the_client_offers_it() {
    check_positions(true);
}

#[test]
fn configuration_and_glossary_changes_are_picked_up() {
    let ws = workspace();
    let (_, uri) = article_uri(ws.path(), "article.md");
    let config = ws.path().join("mtlint.toml");
    let config_uri = file_uri(&config);
    let caps = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let (mut client, _) = Client::start(ws.path(), caps, json!({}));
    // The server asks to watch mtlint.toml files.
    let registration = client.wait_for("a watcher registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/mtlint.toml");
    client.open(&uri, "markdown", ARTICLE);
    assert_eq!(client.diagnostics(&uri).len(), 3);
    // …and, once the article is checked, the glossary its configuration names.
    let registration = client.wait_for("a glossary watcher registration", |m| {
        m["method"] == "client/registerCapability"
            && m["params"]["registrations"][0]["id"] == "mtlint-glossaries"
    });
    let glob = registration["params"]["registrations"][0]["registerOptions"]["watchers"][0]
        ["globPattern"]
        .as_str()
        .expect("glob")
        .to_owned();
    assert!(glob.ends_with("glossary.toml"), "{glob}");

    // A rule ignored in mtlint.toml, announced as a watched file change.
    std::fs::write(
        &config,
        format!("{CONFIG}[rules]\nignore = [\"translated-name\"]\n"),
    )
    .expect("write config");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 2 }] }),
    );
    assert_eq!(
        rules(&client.diagnostics(&uri)),
        ["glossary-variant", "inconsistent-spelling"]
    );

    // The glossary changes: Pashinyan's spelling becomes accepted.
    std::fs::write(
        ws.path().join("glossary.toml"),
        GLOSSARY.replace(
            "fr = { preferred = \"Nikol Pachinian\", variants = [\"Nikol Pashinyan\"] }",
            "fr = { accepted = [\"Nikol Pachinian\", \"Nikol Pashinyan\"] }",
        ),
    )
    .expect("write glossary");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&ws.path().join("glossary.toml")), "type": 2 }] }),
    );
    assert_eq!(rules(&client.diagnostics(&uri)), ["inconsistent-spelling"]);

    // A broken configuration, saved in the editor: the problem is shown on mtlint.toml, the
    // article is not checked.
    std::fs::write(&config, format!("{CONFIG}colour = true\n")).expect("write config");
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    assert!(client.diagnostics(&uri).is_empty());
    let problems = client.diagnostics(&config_uri);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0]["range"]["start"],
        json!({ "line": 2, "character": 0 })
    );
    assert!(problems[0]["message"]
        .as_str()
        .unwrap()
        .contains("unknown field `colour`"));
    let shown = client.wait_for("an error message", |m| m["method"] == "window/showMessage");
    assert!(shown["params"]["message"]
        .as_str()
        .unwrap()
        .contains("mtlint.toml:3:1"));

    // Fixed and saved again: the problem is cleared and every finding is back.
    std::fs::write(&config, CONFIG).expect("write config");
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    assert_eq!(client.diagnostics(&uri).len(), 2);
    assert!(client.diagnostics(&config_uri).is_empty());
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_configuration_change_from_the_client_is_taken_and_rechecks() {
    let ws = workspace();
    let (_, uri) = article_uri(ws.path(), "article.md");
    let (mut client, _) = Client::start(ws.path(), json!({}), json!({}));
    client.open(&uri, "markdown", ARTICLE);
    let before = client.diagnostics(&uri);
    assert_eq!(before.len(), 3);
    assert!(before[0].get("codeDescription").is_none_or(|c| !c["href"]
        .as_str()
        .unwrap_or_default()
        .starts_with("https://docs.example/")));
    // The configuration changes on disk without a watcher event; the client's settings
    // change (under an `mtlint` key, as editors send them): options taken, files read again.
    std::fs::write(
        ws.path().join("mtlint.toml"),
        format!("{CONFIG}[rules]\nignore = [\"inconsistent-spelling\"]\n"),
    )
    .expect("write config");
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "mtlint": { "ruleDocsUrl": "https://docs.example/{rule}" } } }),
    );
    let after = client.diagnostics(&uri);
    assert_eq!(rules(&after), ["translated-name", "glossary-variant"]);
    assert_eq!(
        after[0]["codeDescription"]["href"],
        "https://docs.example/translated-name"
    );
    // Settings the server does not know are ignored, and it goes on.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "other": 1, "debounceMs": "fast" } }),
    );
    assert_eq!(client.diagnostics(&uri).len(), 2);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn batch_scope_pools_the_open_documents_that_share_a_configuration() {
    let ws = workspace();
    std::fs::write(
        ws.path().join("mtlint.toml"),
        format!("{CONFIG}consistency-scope = \"batch\"\n"),
    )
    .expect("write config");
    let (_, a) = article_uri(ws.path(), "a.txt");
    let (_, b) = article_uri(ws.path(), "b.txt");
    let (mut client, _) = Client::start(ws.path(), json!({}), json!({ "debounceMs": 10 }));
    client.open(&a, "plaintext", "Le Haut-Karabagh a voté.\n");
    assert!(client.diagnostics(&a).is_empty());
    // B spells the name the other way, three times: A's spelling is now the odd one out.
    client.open(
        &b,
        "plaintext",
        "Le Haut-Karabakh, puis le Haut-Karabakh, enfin le Haut-Karabakh.\n",
    );
    assert!(client.diagnostics(&b).is_empty());
    assert_eq!(rules(&client.diagnostics(&a)), ["inconsistent-spelling"]);
    // B closes: A is alone again.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": b } }),
    );
    assert!(client.diagnostics(&b).is_empty());
    assert!(client.diagnostics(&a).is_empty());
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn changes_are_debounced_into_one_check() {
    let ws = workspace();
    let (_, uri) = article_uri(ws.path(), "article.txt");
    let (mut client, _) = Client::start(ws.path(), json!({}), json!({ "debounceMs": 300 }));
    client.open(&uri, "plaintext", "Rien.\n");
    assert!(client.diagnostics(&uri).is_empty());
    // Three keystrokes in one write: one check, of the last version.
    let mut bytes = Vec::new();
    for (version, at, inserted) in [(2, 5, " S"), (3, 7, "emaine"), (4, 13, " d’actualités")] {
        let pos = json!({ "line": 0, "character": at });
        bytes.extend(Client::frame(&json!({
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": { "textDocument": { "uri": uri, "version": version },
                        "contentChanges": [{ "range": { "start": pos, "end": pos },
                                             "text": inserted }] }
        })));
    }
    client.send_raw(&bytes);
    let m = client.wait_for("diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    assert_eq!(m["params"]["version"], 4, "{m}");
    assert_eq!(
        rules(m["params"]["diagnostics"].as_array().unwrap()),
        ["translated-name"]
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn malformed_messages_get_json_rpc_errors_and_the_server_goes_on() {
    let ws = workspace();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("mtlint lsp starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut send = move |raw: &[u8]| {
        stdin.write_all(raw).expect("write");
        stdin.flush().expect("flush");
    };
    let mut read = || read_frame(&mut stdout).expect("an answer");
    let frame = |v: Value| Client::frame(&v);
    macro_rules! exchange {
        ($raw:expr) => {{
            send($raw);
            read()
        }};
    }
    // Not JSON.
    let r = exchange!(b"Content-Length: 9\r\n\r\n{not json");
    assert_eq!(
        (r["id"].clone(), r["error"]["code"].clone()),
        (Value::Null, json!(-32700))
    );
    // JSON, but no method.
    let r = exchange!(&frame(json!({ "jsonrpc": "2.0", "id": 5, "params": {} })));
    assert_eq!(
        (r["id"].clone(), r["error"]["code"].clone()),
        (json!(5), json!(-32600))
    );
    // A request before initialize.
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 6, "method": "textDocument/hover",
                                    "params": {} })
    ));
    assert_eq!(r["error"]["code"], -32002);
    // Initialize with parameters of the wrong shape, then properly.
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 7, "method": "initialize",
                                    "params": { "capabilities": 3 } })
    ));
    assert_eq!(r["error"]["code"], -32602);
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 8, "method": "initialize",
        "params": { "processId": null, "rootUri": file_uri(ws.path()), "capabilities": {} } })
    ));
    assert!(r["result"]["capabilities"].is_object(), "{r}");
    // Unknown request, bad hover parameters, a hover on a document never opened.
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 9, "method": "mtlint/nothing" })
    ));
    assert_eq!(r["error"]["code"], -32601);
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 10, "method": "textDocument/hover",
                                    "params": "here" })
    ));
    assert_eq!(r["error"]["code"], -32602);
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 11, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": "file:///nowhere.md" },
                    "position": { "line": 99, "character": 99 } } })
    ));
    assert_eq!(r["result"], Value::Null);
    // A notification with bad parameters is logged, not answered with an error.
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
                                    "params": { "textDocument": 1 } })
    ));
    assert_eq!(r["method"], "window/logMessage");
    // A change far out of range is clamped; the server still answers.
    let uri = file_uri(&ws.path().join("a.txt"));
    send(&frame(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": { "uri": uri, "languageId": "plaintext",
                                      "version": 1, "text": "é😀" } } }),
    ));
    let r = read();
    assert_eq!(r["method"], "textDocument/publishDiagnostics");
    let far = json!({ "line": 4_000_000_000u64, "character": 4_000_000_000u64 });
    let mid = json!({ "line": 0, "character": 2 });
    send(&frame(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": { "textDocument": { "uri": uri, "version": 2 },
                    "contentChanges": [{ "range": { "start": far, "end": mid }, "text": "x" }] } }),
    ));
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 12, "method": "shutdown" })
    ));
    assert_eq!(
        (r["id"].clone(), r["result"].clone()),
        (json!(12), Value::Null)
    );
    let r = exchange!(&frame(
        json!({ "jsonrpc": "2.0", "id": 13, "method": "textDocument/hover",
                                    "params": {} })
    ));
    assert_eq!(r["error"]["code"], -32600);
    send(&frame(json!({ "jsonrpc": "2.0", "method": "exit" })));
    drop(send);
    assert_eq!(wait(&mut child), Some(0));
}

#[test]
fn the_end_of_input_without_shutdown_exits_with_1() {
    let ws = workspace();
    let (mut client, _) = Client::start(ws.path(), json!({}), json!({}));
    drop(client.stdin.take());
    assert_eq!(wait(&mut client.child), Some(1));
}

#[test]
fn display_only_fixes_are_shown_in_the_hover_not_offered_as_edits() {
    let ws = workspace();
    let (_, uri) = article_uri(ws.path(), "article.txt");
    let (mut client, _) = Client::start(ws.path(), json!({}), json!({}));
    let text = "Le ministre a parlé mardi. The president said that the talks would continue next week in the capital.\n";
    client.open(&uri, "plaintext", text);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(rules(&diagnostics), ["untranslated-fragment"]);
    let range = diagnostics[0]["range"].clone();
    let actions = client.code_actions(&uri, range.clone(), None);
    assert!(actions.is_empty(), "{actions:?}");
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": range["start"] }),
    );
    let value = hover["result"]["contents"]["value"]
        .as_str()
        .expect("hover text");
    assert!(
        value.contains("suggestion (by hand): translate it"),
        "{value}"
    );
    assert_eq!(client.shutdown(), Some(0));
}

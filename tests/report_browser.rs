//! The HTML report in a real browser: headless Chromium, driven over the DevTools protocol,
//! loads a report of our fixtures, counts the highlights against the findings, ticks a
//! suggestion and reads the corrected text back, exports the decisions and applies them, and
//! proves that the hostile fixture ran nothing and the page made no request.
//!
//! Runs when Chromium is installed (`/usr/bin/chromium`, or the `MTLINT_CHROMIUM` variable);
//! otherwise it says it was skipped, unless `MTLINT_REQUIRE_BROWSER=1` makes that a failure.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

mod cdp {
    //! A minimal DevTools-protocol client: one browser, one page session, commands and events.

    use serde_json::{json, Value};
    use std::io::{BufRead, BufReader};
    use std::net::TcpStream;
    use std::path::Path;
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};
    use tungstenite::stream::MaybeTlsStream;
    use tungstenite::{Message, WebSocket};

    pub struct Browser {
        child: Child,
        socket: WebSocket<MaybeTlsStream<TcpStream>>,
        next_id: u64,
        session: Option<String>,
        /// Every event received, in order.
        pub events: Vec<Value>,
    }

    impl Drop for Browser {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    impl Browser {
        /// Starts headless Chromium with a fresh profile in `profile` and opens a page.
        pub fn launch(executable: &Path, profile: &Path) -> Browser {
            let mut child = Command::new(executable)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--remote-debugging-port=0",
                ])
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg("about:blank")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("chromium starts");
            let stderr = child.stderr.take().expect("piped stderr");
            let (tx, rx) = mpsc::channel();
            // Read the DevTools address, then keep draining so Chromium never blocks on a pipe.
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if let Some(url) = line.strip_prefix("DevTools listening on ") {
                        let _ = tx.send(url.trim().to_owned());
                    }
                }
            });
            let url = rx
                .recv_timeout(Duration::from_secs(60))
                .expect("chromium prints its DevTools address within 60 s");
            let (socket, _) = tungstenite::connect(url.as_str()).expect("DevTools connection");
            if let MaybeTlsStream::Plain(s) = socket.get_ref() {
                s.set_read_timeout(Some(Duration::from_secs(60)))
                    .expect("read timeout");
            }
            let mut browser = Browser {
                child,
                socket,
                next_id: 0,
                session: None,
                events: Vec::new(),
            };
            let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
            let target_id = target["targetId"].as_str().expect("targetId").to_owned();
            let attached = browser.call(
                "Target.attachToTarget",
                json!({"targetId": target_id, "flatten": true}),
            );
            browser.session = Some(
                attached["sessionId"]
                    .as_str()
                    .expect("sessionId")
                    .to_owned(),
            );
            for domain in [
                "Page.enable",
                "Runtime.enable",
                "Log.enable",
                "Network.enable",
            ] {
                browser.call(domain, json!({}));
            }
            browser
        }

        /// Sends a command (to the page once attached) and returns its result.
        pub fn call(&mut self, method: &str, params: Value) -> Value {
            self.next_id += 1;
            let id = self.next_id;
            let mut message = json!({"id": id, "method": method, "params": params});
            if let Some(session) = &self.session {
                message["sessionId"] = json!(session);
            }
            self.socket
                .send(Message::text(message.to_string()))
                .expect("send to DevTools");
            loop {
                let reply = match self.socket.read().expect("DevTools reply") {
                    Message::Text(t) => serde_json::from_str::<Value>(t.as_str()).expect("JSON"),
                    _ => continue,
                };
                if reply["id"] == json!(id) {
                    if let Some(error) = reply.get("error") {
                        panic!("{method} failed: {error}");
                    }
                    return reply["result"].clone();
                }
                if reply.get("method").is_some() {
                    self.events.push(reply);
                }
            }
        }

        /// Evaluates JavaScript in the page (promises awaited) and returns its value.
        pub fn eval(&mut self, expression: &str) -> Value {
            let result = self.call(
                "Runtime.evaluate",
                json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
            );
            if let Some(e) = result.get("exceptionDetails") {
                panic!("evaluating {expression}: {e}");
            }
            result["result"]["value"].clone()
        }

        /// Opens a URL and waits until the page's script has run.
        pub fn open(&mut self, url: &str) {
            self.call("Page.navigate", json!({"url": url}));
            let deadline = Instant::now() + Duration::from_secs(60);
            while self.eval(
                "document.readyState === 'complete' && document.documentElement.getAttribute('data-ready') === 'true'",
            ) != json!(true)
            {
                assert!(Instant::now() < deadline, "the report's script never ran");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MTLINT_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// The fixtures the report is built from, copied into a scratch directory (the decisions are
/// applied there), the hostile one under a hostile name.
const FIXTURES: [(&str, &str); 5] = [
    ("tests/fixtures/sample-fr.txt", "sample-fr.txt"),
    ("tests/fixtures/clean-fr.txt", "clean-fr.txt"),
    ("tests/fixtures/article.md", "article.md"),
    ("tests/fixtures/article.html", "article.html"),
    (
        "tests/fixtures/report/hostile.txt",
        "\"><img src=x onerror=\"window.__pwned='name'\">.txt",
    ),
];

fn glossary_args(root: &Path) -> Vec<String> {
    vec![
        "--no-default-glossary".into(),
        "--glossary".into(),
        root.join("tests/fixtures/glossary.toml")
            .display()
            .to_string(),
        "--glossary".into(),
        root.join("tests/fixtures/report/hostile-glossary.toml")
            .display()
            .to_string(),
    ]
}

#[test]
fn the_report_works_in_a_real_browser_and_runs_nothing_hostile() {
    let Some(executable) = chromium() else {
        if std::env::var("MTLINT_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("MTLINT_REQUIRE_BROWSER=1 but no Chromium found (/usr/bin/chromium or MTLINT_CHROMIUM)");
        }
        let _ = writeln!(
            std::io::stderr(),
            "report_browser: skipped: Chromium is not installed (apt-get install chromium)"
        );
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().expect("tempdir");
    let names: Vec<&str> = FIXTURES.iter().map(|(_, name)| *name).collect();
    for (from, to) in FIXTURES {
        fs::copy(root.join(from), work.path().join(to)).expect("copy fixture");
    }
    let originals: Vec<String> = names
        .iter()
        .map(|n| fs::read_to_string(work.path().join(n)).expect("read"))
        .collect();

    // The report, and the findings `check` gives for the same inputs.
    Command::cargo_bin("mtlint")
        .expect("binary")
        .current_dir(work.path())
        .arg("report")
        .args(glossary_args(root))
        .args(&names)
        .args(["-o", "report.html"])
        .assert()
        .code(0);
    let out = Command::cargo_bin("mtlint")
        .expect("binary")
        .current_dir(work.path())
        .args(["check", "--format", "json", "--fail-on", "never"])
        .args(glossary_args(root))
        .args(&names)
        .output()
        .expect("check runs");
    let findings: Value = serde_json::from_slice(&out.stdout).expect("json");
    let per_file: Vec<usize> = findings["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["diagnostics"].as_array().expect("diagnostics").len())
        .collect();

    let profile = tempfile::tempdir().expect("profile dir");
    let mut browser = cdp::Browser::launch(&executable, profile.path());
    let page = work.path().join("report.html");
    let url = format!("file://{}", page.display());
    browser.open(&url);

    // One highlight per finding, article by article.
    let counts = browser.eval(
        "JSON.parse(document.getElementById('mtlint-data').textContent).articles.map(function (a, i) { \
           return [a.n, document.querySelectorAll('#a' + i + ' .text mark.f').length]; })",
    );
    for (i, name) in names.iter().enumerate() {
        assert_eq!(
            counts[i],
            json!([name, per_file[i]]),
            "highlights of {name}"
        );
    }
    assert_eq!(
        browser.eval("document.querySelectorAll('mark.f').length"),
        json!(per_file.iter().sum::<usize>())
    );

    // Keyboard focus shows the finding's message.
    let tip = browser.eval(
        "(function () { var m = document.querySelector('#a0 mark.f'); m.focus(); \
           var tip = document.getElementById('tip'); return [tip.hidden, tip.textContent]; })()",
    );
    assert_eq!(tip[0], json!(false));
    let first_message = findings["files"][0]["diagnostics"][0]["message"]
        .as_str()
        .expect("message");
    assert!(
        tip[1].as_str().expect("text").contains(first_message),
        "{tip}"
    );

    // Tick the second finding's fix in the first article: the corrected text is the original
    // with exactly that fix.
    let finding = &findings["files"][0]["diagnostics"][1];
    let edit = &finding["fixes"][0]["edits"][0];
    let (start, end) = (
        edit["start"].as_u64().expect("start") as usize,
        edit["end"].as_u64().expect("end") as usize,
    );
    let replacement = edit["replacement"].as_str().expect("replacement");
    let expected = format!(
        "{}{}{}",
        &originals[0][..start],
        replacement,
        &originals[0][end..]
    );
    let live = browser.eval(
        "(function () { document.querySelector('#a0 input.pick[data-f=\"1\"]').click(); \
           var s = document.getElementById('a0'); \
           return [s.querySelector('textarea.corrected').value, \
                   Array.prototype.map.call(s.querySelectorAll('.diff.live ins'), function (e) { return e.textContent; }), \
                   s.querySelector('.mine').hidden, document.getElementById('decision-count').textContent]; })()",
    );
    assert_eq!(live[0], json!(expected), "corrected text after one tick");
    assert_eq!(live[1], json!([replacement]));
    assert_eq!(live[2], json!(false));
    assert_eq!(live[3], json!("1 fix ticked"));

    // Tick every safe fix (the hostile article's included), export the decisions, apply them.
    let exported = browser.eval(
        "new Promise(function (resolve) { \
           var create = URL.createObjectURL; \
           URL.createObjectURL = function (blob) { blob.text().then(resolve); return create.call(URL, blob); }; \
           document.getElementById('accept-safe').click(); \
           document.getElementById('export').click(); })",
    );
    let decisions: Value =
        serde_json::from_str(exported.as_str().expect("exported text")).expect("decisions JSON");
    assert_eq!(decisions["version"], json!(1));
    let hostile_corrected = browser.eval("document.querySelector('#a4 textarea.corrected').value");
    assert!(hostile_corrected
        .as_str()
        .expect("text")
        .contains("<script>window.__pwned = \"script\";</script>"));

    // Nothing hostile ran, nothing was injected, no request was made, nothing was blocked.
    assert_eq!(browser.eval("typeof window.__pwned"), json!("undefined"));
    assert_eq!(
        browser.eval("document.querySelectorAll('img, iframe, object, embed, svg:not(.chart), script').length"),
        json!(2),
        "only the page's two script blocks"
    );
    assert_eq!(
        browser.eval("document.body.textContent.indexOf('\"><img src=x onerror=') >= 0"),
        json!(true)
    );
    std::fs::write(
        work.path().join("decisions.json"),
        exported.as_str().expect("text"),
    )
    .expect("write decisions");
    let requests: Vec<&str> = browser
        .events
        .iter()
        .filter(|e| e["method"] == "Network.requestWillBeSent")
        .filter_map(|e| e["params"]["request"]["url"].as_str())
        .filter(|u| !u.starts_with("blob:") && !u.starts_with("data:"))
        .collect();
    assert_eq!(requests, [url.as_str()], "the page requested nothing");
    let problems: Vec<&Value> = browser
        .events
        .iter()
        .filter(|e| {
            e["method"] == "Runtime.exceptionThrown"
                || (e["method"] == "Log.entryAdded" && e["params"]["entry"]["level"] == "error")
                || (e["method"] == "Runtime.consoleAPICalled" && e["params"]["type"] == "error")
        })
        .collect();
    assert!(problems.is_empty(), "errors in the page: {problems:?}");
    drop(browser);

    Command::cargo_bin("mtlint")
        .expect("binary")
        .current_dir(work.path())
        .args(["report", "--apply-decisions", "decisions.json"])
        .assert()
        .code(0);
    let fixed = fs::read_to_string(work.path().join(names[0])).expect("read");
    assert_ne!(fixed, originals[0]);
    let hostile = fs::read_to_string(work.path().join(names[4])).expect("read");
    assert!(hostile.starts_with("Newsweek <script>"), "{hostile}");
}

//! The server's state and what it does with each message, without any I/O: [`Server::handle`]
//! takes what arrived, [`Server::tick`] checks the documents whose debounce delay is over, and
//! [`Server::take_outgoing`] hands back what to send. The loop in [`super::serve`]
//! only moves bytes and waits until [`Server::deadline`].
//!
//! Lifecycle as the protocol says: nothing but `initialize` before it, nothing but `exit` after
//! `shutdown`. A request with parameters of the wrong shape gets an `InvalidParams` error; an
//! unknown request `MethodNotFound`; notifications with bad parameters are logged and dropped.

use super::convert::{self, RuleLinks, View, FIX_ALL_KIND};
use super::position::{LineIndex, PositionEncoding};
use super::settings::{Problem, SettingsStore, Setup};
use super::transport::Incoming;
use super::uri;
use crate::checks::BatchFacts;
use crate::config::ConsistencyScope;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::document::{Document, Format};
use crate::fix;
use crate::input::Source;
use crate::lint::Linter;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, LogMessage, Notification as _, PublishDiagnostics,
    ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, HoverRequest, RegisterCapability, Request as _, UnregisterCapability,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DiagnosticSeverity, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern,
    HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, LogMessageParams,
    MarkupKind, MessageType, NumberOrString, Position, PublishDiagnosticsParams, Range,
    Registration, RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Unregistration, UnregistrationParams, Uri,
};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

/// The default delay between the last change of a document and its check.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

/// The registration id of the configuration file watchers.
const CONFIG_WATCH_ID: &str = "mtlint-config";

/// The registration id of the glossary file watchers.
const GLOSSARY_WATCH_ID: &str = "mtlint-glossaries";

/// What the server can be told at start (the `initializationOptions` of `initialize`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerOptions {
    /// Delay between the last change of a document and its check.
    pub debounce: Duration,
    /// Where the rules' documentation is.
    pub links: RuleLinks,
}

impl Default for ServerOptions {
    fn default() -> ServerOptions {
        ServerOptions {
            debounce: DEFAULT_DEBOUNCE,
            links: RuleLinks::default(),
        }
    }
}

/// `initializationOptions`, all optional.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct InitializationOptions {
    debounce_ms: Option<u64>,
    rule_docs_url: Option<String>,
}

/// A message for the client.
#[derive(Debug)]
pub enum Outgoing {
    /// A protocol message.
    Message(Message),
    /// An error answering a message whose id could not be read as a request id.
    Error {
        /// The id as sent, or `null`.
        id: Value,
        /// The JSON-RPC error code.
        code: ErrorCode,
        /// What is wrong.
        message: String,
    },
}

/// What the client can do, as far as the server cares.
#[derive(Clone, Copy, Debug, Default)]
struct ClientSupport {
    /// Workspace edits with versioned document changes.
    document_changes: bool,
    /// Markdown in hovers.
    markdown_hover: bool,
    /// Registering file watchers at run time.
    watch_files: bool,
}

/// Where the server is in the protocol's lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Uninitialized,
    Running,
    ShuttingDown,
}

/// An open document.
#[derive(Debug)]
struct OpenDocument {
    /// Its file, when it is one.
    path: Option<PathBuf>,
    /// How it is read; `None` for documents mtlint does not check.
    format: Option<Format>,
    /// The client's version number.
    version: i32,
    /// The current text.
    text: String,
    /// Its lines.
    lines: LineIndex,
    /// The findings on the current text, once checked.
    findings: Option<Vec<Diagnostic>>,
    /// The linter that made them (for fix-all).
    linter: Option<Rc<Linter>>,
    /// When the pending check is due.
    due: Option<Instant>,
}

/// The language server.
#[derive(Debug)]
pub struct Server {
    phase: Phase,
    encoding: PositionEncoding,
    options: ServerOptions,
    client: ClientSupport,
    settings: SettingsStore,
    docs: HashMap<Uri, OpenDocument>,
    /// Problems of configuration and glossary files met since the last reload.
    problems: BTreeMap<PathBuf, BTreeSet<Problem>>,
    /// The problems as last published (diagnostics on those files, a message each).
    published_problems: BTreeMap<PathBuf, BTreeSet<Problem>>,
    /// Glossary files the client watches for us.
    watched_glossaries: BTreeSet<PathBuf>,
    next_id: i32,
    outbox: Vec<Outgoing>,
    exit: Option<i32>,
}

impl Default for Server {
    fn default() -> Server {
        Server::new(ServerOptions::default())
    }
}

/// Why a request failed.
struct RequestError(ErrorCode, String);

impl Server {
    /// A server waiting for `initialize`; `options` are the defaults the client's
    /// `initializationOptions` may change.
    pub fn new(options: ServerOptions) -> Server {
        Server {
            phase: Phase::Uninitialized,
            encoding: PositionEncoding::default(),
            options,
            client: ClientSupport::default(),
            settings: SettingsStore::default(),
            docs: HashMap::new(),
            problems: BTreeMap::new(),
            published_problems: BTreeMap::new(),
            watched_glossaries: BTreeSet::new(),
            next_id: 0,
            outbox: Vec::new(),
            exit: None,
        }
    }

    /// The negotiated position encoding.
    pub fn encoding(&self) -> PositionEncoding {
        self.encoding
    }

    /// The exit code once the client has said `exit` (or the input ended): 0 after `shutdown`,
    /// 1 otherwise.
    pub fn exit_code(&self) -> Option<i32> {
        self.exit
    }

    /// When the next debounced check is due.
    pub fn deadline(&self) -> Option<Instant> {
        self.docs.values().filter_map(|d| d.due).min()
    }

    /// The messages to send, in order.
    pub fn take_outgoing(&mut self) -> Vec<Outgoing> {
        std::mem::take(&mut self.outbox)
    }

    /// Handles what arrived at `now`.
    pub fn handle(&mut self, incoming: Incoming, now: Instant) {
        match incoming {
            Incoming::End => self.exit = Some(self.exit.unwrap_or(self.graceful_exit())),
            Incoming::Malformed { id, code, message } => {
                self.outbox.push(Outgoing::Error { id, code, message });
            }
            Incoming::Message(Message::Request(r)) => self.request(r),
            Incoming::Message(Message::Notification(n)) => self.notification(n, now),
            // Answers to our registrations: nothing to do.
            Incoming::Message(Message::Response(_)) => {}
        }
    }

    fn graceful_exit(&self) -> i32 {
        if self.phase == Phase::ShuttingDown {
            0
        } else {
            1
        }
    }

    /// Checks every document whose debounce delay is over at `now`, and publishes what
    /// changed.
    pub fn tick(&mut self, now: Instant) {
        let mut due: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        due.sort();
        for u in due {
            self.check(&u);
        }
        self.publish_problems();
        self.watch_glossaries();
    }

    fn send(&mut self, message: impl Into<Message>) {
        self.outbox.push(Outgoing::Message(message.into()));
    }

    fn notify<N: lsp_types::notification::Notification>(&mut self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_owned(), params));
    }

    fn request_client<R: lsp_types::request::Request>(&mut self, params: R::Params) {
        self.next_id += 1;
        let id = RequestId::from(format!("mtlint-{}", self.next_id));
        self.send(Request::new(id, R::METHOD.to_owned(), params));
    }

    fn log(&mut self, typ: MessageType, message: String) {
        self.notify::<LogMessage>(LogMessageParams { typ, message });
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        let result = match (self.phase, r.method.as_str()) {
            (Phase::Uninitialized, "initialize") => params(r.params).map(|p| self.initialize(p)),
            (Phase::Uninitialized, _) => Err(RequestError(
                ErrorCode::ServerNotInitialized,
                "the server is not initialized yet".to_owned(),
            )),
            (Phase::ShuttingDown, _) => Err(RequestError(
                ErrorCode::InvalidRequest,
                "the server is shutting down".to_owned(),
            )),
            (Phase::Running, "initialize") => Err(RequestError(
                ErrorCode::InvalidRequest,
                "the server is already initialized".to_owned(),
            )),
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShuttingDown;
                Ok(Value::Null)
            }
            (Phase::Running, CodeActionRequest::METHOD) => {
                params(r.params).map(|p| self.code_actions(p))
            }
            (Phase::Running, HoverRequest::METHOD) => params(r.params).map(|p| self.hover(p)),
            (Phase::Running, method) => Err(RequestError(
                ErrorCode::MethodNotFound,
                format!("unknown request `{method}`"),
            )),
        };
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err(RequestError(code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(response);
    }

    fn notification(&mut self, n: Notification, now: Instant) {
        if n.method == "exit" {
            self.exit = Some(self.graceful_exit());
            return;
        }
        if self.phase != Phase::Running {
            return;
        }
        let method = n.method.clone();
        let outcome = match method.as_str() {
            "initialized" => {
                self.register_config_watch();
                Ok(())
            }
            DidOpenTextDocument::METHOD => params(n.params).map(|p| self.did_open(p, now)),
            DidChangeTextDocument::METHOD => params(n.params).map(|p| self.did_change(p, now)),
            DidCloseTextDocument::METHOD => params(n.params).map(|p| self.did_close(p, now)),
            DidSaveTextDocument::METHOD => params(n.params).map(|p| self.did_save(p, now)),
            DidChangeWatchedFiles::METHOD => {
                params(n.params).map(|p| self.did_change_watched_files(p, now))
            }
            DidChangeConfiguration::METHOD => {
                params(n.params).map(|p| self.did_change_configuration(p, now))
            }
            _ => Ok(()),
        };
        if let Err(RequestError(_, message)) = outcome {
            self.log(
                MessageType::WARNING,
                format!("mtlint: ignored `{method}`: {message}"),
            );
        }
    }

    fn initialize(&mut self, p: InitializeParams) -> Value {
        let caps = &p.capabilities;
        self.encoding = PositionEncoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let workspace = caps.workspace.as_ref();
        self.client = ClientSupport {
            document_changes: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            markdown_hover: caps
                .text_document
                .as_ref()
                .and_then(|t| t.hover.as_ref())
                .and_then(|h| h.content_format.as_ref())
                .is_none_or(|formats| formats.contains(&MarkupKind::Markdown)),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        };
        if let Some(options) = p.initialization_options.clone() {
            self.apply_options(options);
        }
        #[allow(deprecated)] // `root_uri` is what older clients send
        let root = p
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| &f.uri)
            .or(p.root_uri.as_ref())
            .and_then(uri::to_path);
        self.settings = SettingsStore::new(root);
        self.phase = Phase::Running;
        let result = InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(self.encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::new(FIX_ALL_KIND),
                        ]),
                        resolve_provider: Some(false),
                        ..CodeActionOptions::default()
                    },
                )),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "mtlint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        };
        serde_json::to_value(result).unwrap_or(Value::Null)
    }

    /// Asks the client to tell us when any `mtlint.toml` changes.
    fn register_config_watch(&mut self) {
        if !self.client.watch_files {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!(
                    "**/{}",
                    crate::config::CONFIG_FILE_NAME
                )),
                kind: None,
            }],
        };
        self.request_client::<RegisterCapability>(RegistrationParams {
            registrations: vec![Registration {
                id: CONFIG_WATCH_ID.to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        });
    }

    /// Keeps the client watching exactly the glossary files in use.
    fn watch_glossaries(&mut self) {
        if !self.client.watch_files || self.phase != Phase::Running {
            return;
        }
        let wanted: BTreeSet<PathBuf> = self
            .settings
            .watched()
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .is_none_or(|n| n != crate::config::CONFIG_FILE_NAME)
            })
            .collect();
        if wanted == self.watched_glossaries {
            return;
        }
        if !self.watched_glossaries.is_empty() {
            self.request_client::<UnregisterCapability>(UnregistrationParams {
                unregisterations: vec![Unregistration {
                    id: GLOSSARY_WATCH_ID.to_owned(),
                    method: DidChangeWatchedFiles::METHOD.to_owned(),
                }],
            });
        }
        if !wanted.is_empty() {
            let watchers = wanted
                .iter()
                .filter_map(|p| p.to_str())
                .map(|p| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(escape_glob(p)),
                    kind: None,
                })
                .collect();
            let options = DidChangeWatchedFilesRegistrationOptions { watchers };
            self.request_client::<RegisterCapability>(RegistrationParams {
                registrations: vec![Registration {
                    id: GLOSSARY_WATCH_ID.to_owned(),
                    method: DidChangeWatchedFiles::METHOD.to_owned(),
                    register_options: serde_json::to_value(options).ok(),
                }],
            });
        }
        self.watched_glossaries = wanted;
    }

    fn did_open(&mut self, p: DidOpenTextDocumentParams, now: Instant) {
        let item = p.text_document;
        let path = uri::to_path(&item.uri);
        let format = format_of(&item.language_id, path.as_deref());
        let lines = LineIndex::new(&item.text);
        self.docs.insert(
            item.uri,
            OpenDocument {
                path,
                format,
                version: item.version,
                text: item.text,
                lines,
                findings: None,
                linter: None,
                due: format.map(|_| now),
            },
        );
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams, now: Instant) {
        let encoding = self.encoding;
        let debounce = self.options.debounce;
        let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                Some(range) => {
                    let span = doc.lines.span(&doc.text, range, encoding);
                    doc.text.replace_range(span.start..span.end, &change.text);
                }
                None => doc.text = change.text,
            }
            doc.lines = LineIndex::new(&doc.text);
        }
        doc.version = p.text_document.version;
        doc.findings = None;
        if doc.format.is_some() {
            doc.due = Some(now + debounce);
        }
        let linter = doc.linter.clone();
        self.recheck_batch_peers(&p.text_document.uri, linter.as_ref(), now + debounce);
    }

    /// In batch consistency scope the open documents that share a configuration are checked
    /// as one run: when one changes, the others are checked again (at `when`, unless already
    /// due sooner).
    fn recheck_batch_peers(&mut self, changed: &Uri, linter: Option<&Rc<Linter>>, when: Instant) {
        let Some(linter) = linter.filter(|l| is_batch(l)) else {
            return;
        };
        for (u, doc) in &mut self.docs {
            let peer = doc.linter.as_ref().is_some_and(|l| Rc::ptr_eq(l, linter));
            if u != changed && peer {
                doc.due = Some(doc.due.map_or(when, |due| due.min(when)));
            }
        }
    }

    /// The pooled facts of the open documents checked with `linter` (in batch scope), in the
    /// order of their URIs, as `mtlint check` pools the files of one run.
    fn batch_facts(&mut self, linter: &Rc<Linter>) -> BatchFacts {
        let mut uris: Vec<&Uri> = self.docs.keys().collect();
        uris.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        let mut facts = BatchFacts::default();
        for u in uris {
            let doc = &self.docs[u];
            let Some(format) = doc.format else {
                continue;
            };
            match self.settings.setup(doc.path.as_deref()) {
                Setup::Check(l) if Rc::ptr_eq(&l, linter) => {}
                _ => continue,
            }
            let source = Source {
                name: document_name(u, doc.path.as_deref()),
                text: doc.text.clone(),
            };
            if let Ok(document) = Document::parse(source, format) {
                facts.merge(linter.collect(&document));
            }
        }
        facts
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams, now: Instant) {
        if let Some(doc) = self.docs.remove(&p.text_document.uri) {
            let when = now + self.options.debounce;
            self.recheck_batch_peers(&p.text_document.uri, doc.linter.as_ref(), when);
            if doc.format.is_some() {
                self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                    uri: p.text_document.uri,
                    diagnostics: Vec::new(),
                    version: None,
                });
            }
        }
    }

    fn did_save(&mut self, p: DidSaveTextDocumentParams, now: Instant) {
        let u = p.text_document.uri;
        if uri::to_path(&u).is_some_and(|path| self.settings.is_watched(&path)) {
            self.reload(now);
        } else if let Some(doc) = self.docs.get_mut(&u) {
            if doc.due.is_some() {
                doc.due = Some(now);
            }
        }
    }

    /// Takes the options a client sends at start or later (`debounceMs`, `ruleDocsUrl`),
    /// at the top level or under an `mtlint` key; unknown keys and wrong types are ignored.
    fn apply_options(&mut self, value: Value) {
        let value = match value {
            Value::Object(mut map) if map.get("mtlint").is_some_and(Value::is_object) => {
                map.remove("mtlint").unwrap_or_default()
            }
            other => other,
        };
        let options: InitializationOptions = serde_json::from_value(value).unwrap_or_default();
        if let Some(ms) = options.debounce_ms {
            self.options.debounce = Duration::from_millis(ms.min(10_000));
        }
        if let Some(url) = options.rule_docs_url {
            self.options.links = RuleLinks::new(url);
        }
    }

    /// The client's settings changed: take its options, then read every configuration and
    /// glossary again and re-check every open document (settings may name other files).
    fn did_change_configuration(&mut self, p: DidChangeConfigurationParams, now: Instant) {
        self.apply_options(p.settings);
        self.reload(now);
    }

    fn did_change_watched_files(&mut self, p: DidChangeWatchedFilesParams, now: Instant) {
        let relevant = p
            .changes
            .iter()
            .any(|c| uri::to_path(&c.uri).is_some_and(|path| self.settings.is_watched(&path)));
        if relevant {
            self.reload(now);
        }
    }

    /// Reads every configuration and glossary again and re-checks every document now.
    fn reload(&mut self, now: Instant) {
        self.settings.reload();
        self.problems.clear();
        for doc in self.docs.values_mut() {
            if doc.format.is_some() {
                doc.findings = None;
                doc.due = Some(now);
            }
        }
    }

    /// Checks a document now and publishes its findings.
    fn check(&mut self, u: &Uri) {
        let Some(doc) = self.docs.get_mut(u) else {
            return;
        };
        doc.due = None;
        let Some(format) = doc.format else {
            return;
        };
        let mut unreadable = None;
        let setup = self.settings.setup(doc.path.as_deref());
        let batch = match &setup {
            Setup::Check(linter) if is_batch(linter) => Some(self.batch_facts(linter)),
            _ => None,
        };
        let Some(doc) = self.docs.get_mut(u) else {
            return;
        };
        let first_check = doc.linter.is_none();
        let (findings, linter) = match setup {
            Setup::Check(linter) => {
                let document = Document::parse(
                    Source {
                        name: document_name(u, doc.path.as_deref()),
                        text: doc.text.clone(),
                    },
                    format,
                );
                match document {
                    Ok(document) => (
                        linter.check_with(document, batch.as_ref()).diagnostics,
                        Some(linter),
                    ),
                    Err(e) => {
                        // A broken XLIFF or PO file: one error where it breaks, no findings.
                        unreadable = Some(e);
                        (Vec::new(), None)
                    }
                }
            }
            Setup::Excluded => (Vec::new(), None),
            Setup::Broken(problems) => {
                for p in problems {
                    self.problems.entry(p.path.clone()).or_default().insert(p);
                }
                (Vec::new(), None)
            }
        };
        let view = View {
            uri: u,
            version: doc.version,
            text: &doc.text,
            lines: &doc.lines,
            encoding: self.encoding,
        };
        let mut diagnostics = convert::diagnostics(&view, &findings, &self.options.links);
        if let Some(e) = unreadable {
            let at = doc.lines.position(&doc.text, e.offset, self.encoding);
            diagnostics.push(lsp_types::Diagnostic {
                range: Range::new(at, at),
                severity: Some(DiagnosticSeverity::ERROR),
                code: Some(NumberOrString::String("unreadable".to_owned())),
                source: Some("mtlint".to_owned()),
                message: format!("cannot read this file: {}", e.message),
                ..lsp_types::Diagnostic::default()
            });
        }
        let version = doc.version;
        doc.findings = Some(findings);
        doc.linter = linter.clone();
        if first_check && batch.is_some() {
            // A document joins the run: the others learn its names.
            let when = Instant::now() + self.options.debounce;
            self.recheck_batch_peers(u, linter.as_ref(), when);
        }
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri: u.clone(),
            diagnostics,
            version: Some(version),
        });
    }

    /// Publishes the problems of configuration and glossary files that changed since last
    /// time: as diagnostics on those files, and as a message.
    fn publish_problems(&mut self) {
        if self.problems == self.published_problems {
            return;
        }
        let old = std::mem::take(&mut self.published_problems);
        for path in old.keys().filter(|p| !self.problems.contains_key(*p)) {
            if let Some(u) = uri::from_path(path) {
                self.outbox
                    .push(Outgoing::Message(Message::Notification(Notification::new(
                        PublishDiagnostics::METHOD.to_owned(),
                        PublishDiagnosticsParams {
                            uri: u,
                            diagnostics: Vec::new(),
                            version: None,
                        },
                    ))));
            }
        }
        let current = self.problems.clone();
        for (path, problems) in &current {
            if old.get(path) == Some(problems) {
                continue;
            }
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            self.notify::<ShowMessage>(ShowMessageParams {
                typ: MessageType::ERROR,
                message: format!(
                    "mtlint cannot check the files this configures:\n{}",
                    lines.join("\n")
                ),
            });
            if let Some(u) = uri::from_path(path) {
                let diagnostics = problem_diagnostics(path, problems, self.encoding);
                self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                    uri: u,
                    diagnostics,
                    version: None,
                });
            }
        }
        self.published_problems = current;
    }

    /// Checks a document now if it changed since its last check.
    fn ensure_checked(&mut self, u: &Uri) {
        if self
            .docs
            .get(u)
            .is_some_and(|d| d.format.is_some() && d.findings.is_none())
        {
            self.check(u);
        }
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Value {
        let u = p.text_document.uri;
        self.ensure_checked(&u);
        let Some(doc) = self.docs.get(&u) else {
            return Value::Array(Vec::new());
        };
        let Some(findings) = &doc.findings else {
            return Value::Array(Vec::new());
        };
        let view = View {
            uri: &u,
            version: doc.version,
            text: &doc.text,
            lines: &doc.lines,
            encoding: self.encoding,
        };
        let only = p.context.only.as_deref();
        let mut actions: Vec<CodeActionOrCommand> = Vec::new();
        if convert::wanted(only, CodeActionKind::QUICKFIX.as_str()) {
            let span = doc.lines.span(&doc.text, p.range, self.encoding);
            actions.extend(convert::quick_fixes(
                &view,
                findings,
                span,
                &self.options.links,
                self.client.document_changes,
            ));
        }
        if convert::wanted(only, FIX_ALL_KIND) {
            if let Some((edits, count)) = fix_all_edits(doc, findings) {
                actions.push(CodeActionOrCommand::CodeAction(convert::fix_all(
                    &view,
                    &edits,
                    count,
                    self.client.document_changes,
                )));
            }
        }
        serde_json::to_value(actions).unwrap_or(Value::Null)
    }

    fn hover(&mut self, p: HoverParams) -> Value {
        let at = p.text_document_position_params;
        self.ensure_checked(&at.text_document.uri);
        let Some(doc) = self.docs.get(&at.text_document.uri) else {
            return Value::Null;
        };
        let Some(findings) = &doc.findings else {
            return Value::Null;
        };
        let view = View {
            uri: &at.text_document.uri,
            version: doc.version,
            text: &doc.text,
            lines: &doc.lines,
            encoding: self.encoding,
        };
        let offset = doc.lines.offset(&doc.text, at.position, self.encoding);
        convert::hover(
            &view,
            findings,
            offset,
            &self.options.links,
            self.client.markdown_hover,
        )
        .and_then(|h| serde_json::to_value(h).ok())
        .unwrap_or(Value::Null)
    }
}

/// Deserializes parameters, or says why they do not fit.
fn params<P: serde::de::DeserializeOwned>(value: Value) -> Result<P, RequestError> {
    serde_json::from_value(value)
        .map_err(|e| RequestError(ErrorCode::InvalidParams, format!("invalid parameters: {e}")))
}

/// The format of a document from its language id, or its file extension; `None` for documents
/// mtlint does not read (source code, TOML…).
pub fn format_of(language_id: &str, path: Option<&Path>) -> Option<Format> {
    match language_id {
        "markdown" => return Some(Format::Markdown),
        "html" => return Some(Format::Html),
        "xliff" => return Some(Format::Xliff),
        "po" | "gettext" => return Some(Format::Po),
        "plaintext" | "text" => return Some(Format::Text),
        _ => {}
    }
    match path.and_then(|p| p.extension()) {
        None => Some(Format::Text),
        Some(ext) => ext.to_str().and_then(Format::from_name),
    }
}

/// The edits of "fix all safe fixes" on the document's current text, and how many fixes they
/// make; `None` when there is no safe fix.
fn fix_all_edits(doc: &OpenDocument, findings: &[Diagnostic]) -> Option<(Vec<Edit>, usize)> {
    let linter = doc.linter.as_ref()?;
    let format = doc.format?;
    let first_round = fix::plan(findings, Applicability::Safe);
    if first_round.apply.is_empty() {
        return None;
    }
    let outcome = fix::fix_until_stable(&doc.text, Applicability::Safe, |text| {
        let source = Source {
            name: String::new(),
            text: text.to_owned(),
        };
        // A fix never makes a readable file unreadable; if it did, nothing more is fixed.
        Document::parse(source, format)
            .map(|d| linter.check(d).diagnostics)
            .unwrap_or_default()
    })
    .ok()?;
    let edits = if outcome.rounds <= 1 {
        first_round.edits()
    } else {
        convert::minimal_edit(&doc.text, &outcome.text)
            .into_iter()
            .collect()
    };
    Some((edits, outcome.total().max(1)))
}

/// Diagnostics on a configuration or glossary file for its problems.
fn problem_diagnostics(
    path: &Path,
    problems: &BTreeSet<Problem>,
    encoding: PositionEncoding,
) -> Vec<lsp_types::Diagnostic> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines = LineIndex::new(&text);
    problems
        .iter()
        .map(|p| {
            let start = match p.location {
                Some((line, column)) => {
                    // Columns are 1-based characters.
                    let line_start = lines.offset(
                        &text,
                        Position::new(u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX), 0),
                        PositionEncoding::Utf8,
                    );
                    let line_text = text[line_start..].split(['\n', '\r']).next().unwrap_or("");
                    let byte = line_text
                        .char_indices()
                        .nth(column.saturating_sub(1))
                        .map_or(line_text.len(), |(i, _)| i);
                    lines.position(&text, line_start + byte, encoding)
                }
                None => Position::new(0, 0),
            };
            lsp_types::Diagnostic {
                range: Range::new(start, start),
                severity: Some(DiagnosticSeverity::ERROR),
                code: Some(NumberOrString::String("config".to_owned())),
                source: Some(convert::SOURCE.to_owned()),
                message: p.message.clone(),
                ..lsp_types::Diagnostic::default()
            }
        })
        .collect()
}

/// A glob pattern matching exactly `path`: glob characters are put in brackets.
fn escape_glob(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '{' | '}') {
            out.push('[');
            out.push(c);
            out.push(']');
        } else {
            out.push(c);
        }
    }
    out
}

/// True when a linter checks in batch consistency scope.
fn is_batch(linter: &Linter) -> bool {
    linter.settings().consistency_scope == ConsistencyScope::Batch
}

/// The name a document is reported under: its path, or its URI when it has none.
fn document_name(u: &Uri, path: Option<&Path>) -> String {
    path.map_or_else(|| u.as_str().to_owned(), |p| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_language_id_then_the_extension() {
        assert_eq!(format_of("markdown", None), Some(Format::Markdown));
        assert_eq!(
            format_of("html", Some(Path::new("/a.txt"))),
            Some(Format::Html)
        );
        assert_eq!(format_of("plaintext", None), Some(Format::Text));
        assert_eq!(
            format_of("whatever", Some(Path::new("/a.htm"))),
            Some(Format::Html)
        );
        assert_eq!(
            format_of("whatever", Some(Path::new("/README"))),
            Some(Format::Text)
        );
        assert_eq!(
            format_of("xml", Some(Path::new("/a.xlf"))),
            Some(Format::Xliff)
        );
        assert_eq!(format_of("po", None), Some(Format::Po));
        assert_eq!(format_of("toml", Some(Path::new("/mtlint.toml"))), None);
        assert_eq!(format_of("rust", Some(Path::new("/a.rs"))), None);
    }

    #[test]
    fn globs_are_escaped() {
        assert_eq!(escape_glob("/a/[x]*.toml"), "/a/[[]x[]][*].toml");
    }
}

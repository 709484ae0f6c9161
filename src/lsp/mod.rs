//! `mtlint lsp`: a language server, so that editors show findings as people type and fix them
//! in one keystroke.
//!
//! The server speaks the Language Server Protocol over standard input and output. Documents
//! are synchronised incrementally and checked [`server::DEFAULT_DEBOUNCE`] after their last
//! change; each check publishes the document's findings (rule id as code, a link to the rule's
//! documentation, severity, related places). Fixes are code actions (`quickfix`, the first safe
//! one preferred; display-only fixes are never edits), "fix all safe fixes" is the source
//! action `source.fixAll.mtlint`, and hovering a finding explains it. Settings come from the
//! `mtlint.toml` above each document, as on the command line, and are read again when a
//! configuration or glossary file changes.
//!
//! The parts: [`transport`] (framing, malformed input), [`position`] (offsets and protocol
//! positions in UTF-8 or UTF-16), [`uri`] (file URIs), [`settings`] (configuration per
//! document), [`convert`] (findings as protocol values) and [`server`] (state and message
//! handling, free of I/O). [`run_stdio`] is the loop that connects them to the process's
//! standard streams. Nothing here decides what a finding is: that is [`crate::lint`]'s job.

pub mod convert;
pub mod position;
pub mod server;
pub mod settings;
pub mod transport;
pub mod uri;

pub use server::{Outgoing, Server, ServerOptions};

use std::io::{self, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Instant;
use transport::Incoming;

/// Serves one client over standard input and output until it says `exit` or closes its end.
/// Returns the process exit code: 0 after an orderly `shutdown` and `exit`, 1 otherwise.
pub fn run_stdio() -> io::Result<i32> {
    let (sender, receiver) = mpsc::channel::<Incoming>();
    // Reading blocks, so it has its own thread; the loop below waits on the channel with the
    // debounce deadline as timeout.
    std::thread::Builder::new()
        .name("mtlint-lsp-reader".to_owned())
        .spawn(move || {
            let stdin = io::stdin();
            let mut input = stdin.lock();
            loop {
                let incoming = transport::read(&mut input).unwrap_or(Incoming::End);
                let end = matches!(incoming, Incoming::End);
                if sender.send(incoming).is_err() || end {
                    return;
                }
            }
        })?;
    let stdout = io::stdout();
    let mut output = stdout.lock();
    serve(&receiver, &mut output, Server::default())
}

/// Runs `server` on messages from `receiver`, writing to `output`, until the client exits.
pub fn serve(
    receiver: &mpsc::Receiver<Incoming>,
    output: &mut impl Write,
    mut server: Server,
) -> io::Result<i32> {
    loop {
        let received = match server.deadline() {
            Some(deadline) => {
                receiver.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            }
            None => receiver.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(incoming) => server.handle(incoming, Instant::now()),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => server.handle(Incoming::End, Instant::now()),
        }
        server.tick(Instant::now());
        for message in server.take_outgoing() {
            match message {
                Outgoing::Message(m) => transport::write(output, &m)?,
                Outgoing::Error { id, code, message } => {
                    transport::write_error(output, &id, code, &message)?;
                }
            }
        }
        if let Some(code) = server.exit_code() {
            return Ok(code);
        }
    }
}

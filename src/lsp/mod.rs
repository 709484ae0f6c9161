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
//! handling, free of I/O). [`serve`] is the loop that connects them to a reader thread
//! ([`spawn_reader`]) and an output stream; `mtlint lsp` runs it on standard input and output. Nothing here decides what a finding is: that is [`crate::lint`]'s job.

pub mod convert;
pub mod position;
pub mod server;
pub mod settings;
pub mod transport;
pub mod uri;

pub use server::{Outgoing, Server, ServerOptions};

use std::io::{self, Read, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Instant;
use transport::Incoming;

/// Reads messages from `input` on a thread of their own (reading blocks) and hands them over
/// through the returned channel; the last one is [`Incoming::End`].
pub fn spawn_reader(input: impl Read + Send + 'static) -> io::Result<mpsc::Receiver<Incoming>> {
    let (sender, receiver) = mpsc::channel::<Incoming>();
    std::thread::Builder::new()
        .name("mtlint-lsp-reader".to_owned())
        .spawn(move || {
            let mut input = io::BufReader::new(input);
            loop {
                let incoming = transport::read(&mut input).unwrap_or(Incoming::End);
                let end = matches!(incoming, Incoming::End);
                if sender.send(incoming).is_err() || end {
                    return;
                }
            }
        })?;
    Ok(receiver)
}

/// Runs `server` on messages from `receiver`, writing to `output`, until the client exits.
/// Waits for the next message or the next debounce deadline, whichever comes first. Returns
/// the exit code: 0 after an orderly `shutdown` and `exit`, 1 otherwise.
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

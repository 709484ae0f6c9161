//! The wire: JSON-RPC messages framed with `Content-Length` headers, read from and written to
//! byte streams (the server's standard input and output).
//!
//! Reading never gives up on a bad message: a body that is not JSON, or JSON that is not a
//! JSON-RPC message, becomes [`Incoming::Malformed`] (answered with a JSON-RPC error by the
//! server) and reading goes on with the next frame. Only the end of the stream, or a read
//! error, ends it. Nothing here knows what the messages mean.

use lsp_server::{ErrorCode, Message};
use serde_json::Value;
use std::io::{self, BufRead, Read, Write};

/// The largest message body accepted; larger ones are skipped and answered with an error.
pub const MAX_BODY: usize = 256 * 1024 * 1024;

/// The longest header line accepted.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// What arrived from the client.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// A frame that is not a JSON-RPC message: it deserves an error response.
    Malformed {
        /// The request id, when one could be read (`null` otherwise).
        id: Value,
        /// The JSON-RPC error code (parse error or invalid request).
        code: ErrorCode,
        /// What is wrong.
        message: String,
    },
    /// The stream ended.
    End,
}

/// Reads the next frame from `r`. Returns [`Incoming::End`] at the end of the stream.
pub fn read(r: &mut impl BufRead) -> io::Result<Incoming> {
    let mut length: Option<usize> = None;
    let mut bad_header: Option<String> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        let n = r
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(Incoming::End);
        }
        if line.last() != Some(&b'\n') && n as u64 == MAX_HEADER_LINE {
            // An endless header line: drop the rest of it.
            skip_line(r)?;
            bad_header = Some("header line too long".to_owned());
            saw_header = true;
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            // Blank lines between frames are tolerated.
            continue;
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => {
                        bad_header = Some(format!("invalid Content-Length `{}`", value.trim()))
                    }
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("invalid header line `{text}`")),
        }
    }
    let Some(length) = length else {
        return Ok(malformed(
            Value::Null,
            ErrorCode::ParseError,
            bad_header.unwrap_or_else(|| "missing Content-Length header".to_owned()),
        ));
    };
    if length > MAX_BODY {
        io::copy(&mut r.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(malformed(
            Value::Null,
            ErrorCode::InvalidRequest,
            format!("message of {length} bytes is larger than the limit of {MAX_BODY}"),
        ));
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body)?;
    Ok(parse(&body))
}

/// Discards bytes up to and including the next line break.
fn skip_line(r: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                r.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                r.consume(n);
            }
        }
    }
}

fn malformed(id: Value, code: ErrorCode, message: String) -> Incoming {
    Incoming::Malformed { id, code, message }
}

/// Parses one message body.
pub fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return malformed(
                Value::Null,
                ErrorCode::ParseError,
                format!("invalid JSON: {e}"),
            )
        }
    };
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    if !value.is_object() {
        return malformed(
            id,
            ErrorCode::InvalidRequest,
            "a message must be an object".to_owned(),
        );
    }
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Incoming::Message(m),
        Err(e) => malformed(
            id,
            ErrorCode::InvalidRequest,
            format!("not a JSON-RPC message: {e}"),
        ),
    }
}

/// Writes a message with its header, then flushes.
pub fn write(w: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(w)
}

/// Writes an error response whose id may be `null` (for messages whose id could not be read).
pub fn write_error(
    w: &mut impl Write,
    id: &Value,
    code: ErrorCode,
    message: &str,
) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    })
    .to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read_all(input: &str) -> Vec<Incoming> {
        let mut r = io::BufReader::new(input.as_bytes());
        let mut out = Vec::new();
        loop {
            match read(&mut r) {
                Ok(Incoming::End) | Err(_) => return out,
                Ok(m) => out.push(m),
            }
        }
    }

    #[test]
    fn reads_frames_and_survives_malformed_ones() {
        let input = [
            frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#),
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"params":{}}"#),
            "Content-Type: x\r\n\r\n".to_owned(),
            "Content-Length: abc\r\n\r\n".to_owned(),
            frame(r#"[1,2]"#),
            frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        ]
        .concat();
        let got = read_all(&input);
        let summary: Vec<String> = got
            .iter()
            .map(|m| match m {
                Incoming::Message(Message::Request(r)) => format!("request {}", r.method),
                Incoming::Message(Message::Notification(n)) => format!("notification {}", n.method),
                Incoming::Message(Message::Response(_)) => "response".to_owned(),
                Incoming::Malformed { id, code, .. } => format!("error {} id {id}", *code as i32),
                Incoming::End => "end".to_owned(),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "request initialize",
                "error -32700 id null",
                "error -32600 id 7",
                "error -32700 id null",
                "error -32700 id null",
                "error -32600 id null",
                "notification initialized",
            ]
        );
    }

    #[test]
    fn a_truncated_body_is_a_read_error() {
        let mut r = io::BufReader::new("Content-Length: 50\r\n\r\n{}".as_bytes());
        assert!(read(&mut r).is_err());
    }

    #[test]
    fn error_responses_may_have_a_null_id() {
        let mut out = Vec::new();
        write_error(&mut out, &Value::Null, ErrorCode::ParseError, "bad").unwrap();
        let text = String::from_utf8(out).unwrap();
        let body = text.split("\r\n\r\n").nth(1).unwrap();
        let v: Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["id"], Value::Null);
        assert_eq!(v["error"]["code"], -32700);
    }
}

//! A minimal JSON object writer (no JSON crate needed in actors). Strings are escaped like
//! serde_json does: `"`, `\`, and control characters; everything else is written verbatim.

/// Builds one JSON object, keys in the order they are added.
///
/// ```
/// let mut o = trellis_actor::json::Object::new();
/// o.str("method", "GET").num("status", 200);
/// assert_eq!(o.finish(), r#"{"method":"GET","status":200}"#);
/// ```
#[derive(Debug, Default)]
pub struct Object {
    buf: String,
}

impl Object {
    /// An empty object.
    pub fn new() -> Object {
        Object { buf: String::from("{") }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if self.buf.len() > 1 {
            self.buf.push(',');
        }
        escape_into(&mut self.buf, key);
        self.buf.push(':');
        &mut self.buf
    }

    /// Adds a string member.
    pub fn str(&mut self, key: &str, value: &str) -> &mut Object {
        let buf = self.key(key);
        escape_into(buf, value);
        self
    }

    /// Adds an integer member.
    pub fn num(&mut self, key: &str, value: i64) -> &mut Object {
        let text = value.to_string();
        self.key(key).push_str(&text);
        self
    }

    /// Adds bytes as an array of numbers (`[104,105]`), as serde_json writes a `Vec<u8>`.
    pub fn byte_array(&mut self, key: &str, value: &[u8]) -> &mut Object {
        let buf = self.key(key);
        buf.push('[');
        for (i, b) in value.iter().enumerate() {
            if i > 0 {
                buf.push(',');
            }
            buf.push_str(&b.to_string());
        }
        buf.push(']');
        self
    }

    /// Returns the finished JSON text.
    pub fn finish(&mut self) -> String {
        let mut out = std::mem::take(&mut self.buf);
        if out.is_empty() {
            out.push('{');
        }
        out.push('}');
        out
    }
}

/// Appends `s` as a quoted JSON string.
pub fn escape_into(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

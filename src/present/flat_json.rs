//! A flat JSON object of strings and scalars, read and written without a JSON
//! library: small records the store reads at start-up use it, so that no JSON
//! library sits in the first load's wasm (see docs/performance.md).

/// One value of a flat object: a string (unescaped) or any other scalar as
/// written (`null`, `true`, `12`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Raw(String),
}

impl Value {
    /// The string, if the value is one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::Raw(_) => None,
        }
    }

    /// The scalar as written, if the value is not a string.
    pub fn raw(&self) -> Option<&str> {
        match self {
            Value::Raw(r) => Some(r),
            Value::Text(_) => None,
        }
    }
}

/// The fields of a flat JSON object in order, or `None` when `text` is not
/// one (nested objects and arrays are not flat, so they are refused).
pub fn parse(text: &str) -> Option<Vec<(String, Value)>> {
    let mut chars = text.trim().chars().peekable();
    let mut fields = Vec::new();
    if chars.next()? != '{' {
        return None;
    }
    skip_space(&mut chars);
    if chars.peek() == Some(&'}') {
        chars.next();
        return chars.next().is_none().then_some(fields);
    }
    loop {
        skip_space(&mut chars);
        if chars.next()? != '"' {
            return None;
        }
        let key = string(&mut chars)?;
        skip_space(&mut chars);
        if chars.next()? != ':' {
            return None;
        }
        skip_space(&mut chars);
        let value = if chars.peek() == Some(&'"') {
            chars.next();
            Value::Text(string(&mut chars)?)
        } else {
            let mut raw = String::new();
            while let Some(&c) = chars.peek() {
                if c == ',' || c == '}' {
                    break;
                }
                if matches!(c, '{' | '[' | '"') {
                    return None;
                }
                raw.push(c);
                chars.next();
            }
            Value::Raw(raw.trim().to_string())
        };
        fields.push((key, value));
        skip_space(&mut chars);
        match chars.next()? {
            ',' => continue,
            '}' => break,
            _ => return None,
        }
    }
    skip_space(&mut chars);
    chars.next().is_none().then_some(fields)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_space(chars: &mut Chars) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

/// The rest of a string whose opening quote was read, unescaped.
fn string(chars: &mut Chars) -> Option<String> {
    let mut out = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'u' => {
                    let high = hex4(chars)?;
                    let code = if (0xD800..0xDC00).contains(&high) {
                        // A surrogate pair: the low half must follow.
                        if chars.next()? != '\\' || chars.next()? != 'u' {
                            return None;
                        }
                        let low = hex4(chars)?;
                        0x10000 + ((high - 0xD800) << 10) + low.checked_sub(0xDC00)?
                    } else {
                        high
                    };
                    out.push(char::from_u32(code)?);
                }
                c => out.push(c),
            },
            c => out.push(c),
        }
    }
}

fn hex4(chars: &mut Chars) -> Option<u32> {
    (0..4).try_fold(0, |n, _| Some(n * 16 + chars.next()?.to_digit(16)?))
}

/// `text` as a JSON string, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

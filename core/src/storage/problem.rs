//! What can go wrong when reading a file, in words a salesperson can act on.
//!
//! Every problem names where it is (a JSON path such as
//! `clients[3].profile.name`, or a CSV row) and what was expected there.

use std::fmt;

/// One thing wrong with an input, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path (`clients[3].assessments[0].answers`), `Row 4` for
    /// CSV, or empty for the file as a whole.
    pub path: String,
    /// What is wrong and what was expected, as a sentence fragment.
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// At most this many problems are listed: past that, the file is clearly not
/// one person's slip, and a longer list helps nobody.
pub const MAX_PROBLEMS: usize = 50;

/// Why an import was refused. Nothing is changed when an import fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Refused before reading, so a huge file cannot freeze the browser.
    TooLarge { bytes: usize, limit: usize },
    /// The file has nothing in it (or only spaces).
    Empty,
    /// The JSON stops in the middle: a cut-off download or copy.
    Truncated { line: usize, column: usize },
    /// Not JSON at all (or broken JSON).
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a Continuum file (`format` is missing or different).
    NotContinuum { found: Option<String> },
    /// Written by a later version of Continuum than this one.
    NewerVersion { version: u64, supported: u64 },
    /// Readable, but with specific problems (each with its path or row).
    Invalid(Vec<Problem>),
}

impl ImportError {
    /// The specific problems, if any (empty for whole-file errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            ImportError::Invalid(p) => p,
            _ => &[],
        }
    }

    /// Collects problems into an error, keeping the list readable.
    pub fn invalid(mut problems: Vec<Problem>) -> ImportError {
        if problems.len() > MAX_PROBLEMS {
            let more = problems.len() - MAX_PROBLEMS;
            problems.truncate(MAX_PROBLEMS);
            problems.push(Problem::new("", format!("… and {more} more problems")));
        }
        ImportError::Invalid(problems)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "This file is {} and Continuum opens files up to {}. \
                 It is probably not a Continuum export.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            ImportError::Empty => f.write_str("The file is empty."),
            ImportError::Truncated { line, column } => write!(
                f,
                "The file ends too early (line {line}, column {column}): it looks cut off. \
                 Export it again, or check that the download finished."
            ),
            ImportError::NotJson {
                line,
                column,
                detail,
            } => write!(
                f,
                "This is not a readable Continuum file: the text is not valid JSON \
                 (line {line}, column {column}: {detail})."
            ),
            ImportError::NotContinuum { found: None } => f.write_str(
                "This JSON file was not written by Continuum: it has no \"format\": \"continuum\".",
            ),
            ImportError::NotContinuum { found: Some(x) } => write!(
                f,
                "This JSON file was not written by Continuum: its format is {x:?}, expected \"continuum\"."
            ),
            ImportError::NewerVersion { version, supported } => write!(
                f,
                "This file was written by a newer version of Continuum (format version {version}); \
                 this version reads up to {supported}. Update Continuum (reload the page) to open it."
            ),
            ImportError::Invalid(problems) => {
                let n = problems.len();
                write!(
                    f,
                    "The file could not be imported: {n} problem{} found.",
                    if n == 1 { "" } else { "s" }
                )?;
                for p in problems {
                    write!(f, "\n- {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ImportError {}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Rewords a serde message ("invalid type: string \"x\", expected u64") into
/// one a person reads ("expected a whole number, found the text \"x\"").
pub(crate) fn friendly_serde_message(msg: &str) -> String {
    if let Some(field) = between(msg, "missing field `", "`") {
        return format!("the field \"{field}\" is missing");
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        return format!(
            "unknown field \"{field}\"{}",
            expected_list(expected).unwrap_or_default()
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        return format!(
            "{value:?} is not an allowed value{}",
            expected_list(expected).unwrap_or_default()
        );
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return format!(
                    "expected {}, found {}",
                    describe_expected(expected),
                    describe_found(found)
                );
            }
        }
    }
    msg.to_string()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(start)?;
    rest.split_once(end).map(|(x, _)| x)
}

/// ", expected one of `a`, `b`" → " (expected one of: a, b)".
fn expected_list(rest: &str) -> Option<String> {
    let list = rest
        .trim_start_matches(", ")
        .strip_prefix("expected ")?
        .replace('`', "");
    Some(format!(
        " (expected {})",
        list.replacen("one of ", "one of: ", 1)
    ))
}

fn describe_expected(expected: &str) -> String {
    let e = expected.trim();
    if e.starts_with("u64") || e.starts_with("u32") || e.starts_with("i32") {
        "a whole number".into()
    } else if e.starts_with("f64") {
        "a number".into()
    } else if e == "a boolean" {
        "true or false".into()
    } else if e == "a sequence" {
        "a list [ … ]".into()
    } else if e.starts_with("struct ") || e == "a map" {
        "an object { … }".into()
    } else {
        e.to_string()
    }
}

fn describe_found(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        format!("the text {s}")
    } else if found == "sequence" {
        "a list".into()
    } else if found == "map" {
        "an object".into()
    } else if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        n.trim_matches('`').to_string()
    } else {
        found.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewords_common_serde_messages() {
        assert_eq!(
            friendly_serde_message("invalid type: string \"12k\", expected u64"),
            "expected a whole number, found the text \"12k\""
        );
        assert_eq!(
            friendly_serde_message("missing field `name`"),
            "the field \"name\" is missing"
        );
        assert_eq!(
            friendly_serde_message("unknown variant `maybe`, expected one of `yes`, `no`"),
            "\"maybe\" is not an allowed value (expected one of: yes, no)"
        );
        assert_eq!(
            friendly_serde_message("invalid value: integer `-5`, expected u64"),
            "expected a whole number, found -5"
        );
    }
}

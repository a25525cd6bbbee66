//! Passphrase-locked exports: the envelope around a normal export file.
//!
//! A locked file is a small JSON document (`format` `"continuum-locked"`,
//! `version` 1) that carries everything needed to open it with any standard
//! cryptography library, given the passphrase:
//!
//! * the key is derived with PBKDF2-HMAC-SHA-256 from the passphrase (its
//!   UTF-8 bytes), the file's random 16-byte `salt` and its `iterations`
//!   (never fewer than [`MIN_ITERATIONS`]), giving a 256-bit key;
//! * the normal export JSON (UTF-8) is encrypted with AES-256-GCM under that
//!   key and the file's random 12-byte `nonce`, with no additional data; the
//!   `ciphertext` ends with GCM's 16-byte tag, as the Web Crypto API and most
//!   libraries produce it.
//!
//! Binary values are standard base64 with padding. This module only reads
//! and writes the envelope; the cryptography itself is the browser's (the web
//! app's `edge::crypto`), and the tests check it against RustCrypto's crates.
//! Errors name the JSON path, like the other file formats.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Serialize;
use serde_json::Value;

/// The `format` of a locked file.
pub const FORMAT: &str = "continuum-locked";
/// The version written; the only one read.
pub const VERSION: u64 = 1;
/// The key-derivation function, as Web Crypto names it.
pub const KDF_NAME: &str = "PBKDF2";
/// PBKDF2's hash, as Web Crypto names it.
pub const KDF_HASH: &str = "SHA-256";
/// The cipher.
pub const CIPHER: &str = "AES-256-GCM";
/// Iterations written into new files (OWASP's 2023 advice for
/// PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// Files asking for fewer iterations are refused.
pub const MIN_ITERATIONS: u32 = 600_000;
/// Files asking for more are refused too: a hostile file must not freeze
/// the page for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// The salt's length in bytes.
pub const SALT_LEN: usize = 16;
/// The AES-GCM nonce's length in bytes.
pub const NONCE_LEN: usize = 12;
/// The key's length in bits.
pub const KEY_BITS: u32 = 256;
/// The GCM tag at the end of the ciphertext, in bytes.
pub const TAG_LEN: usize = 16;

/// What a person who opens the file in a text editor reads first.
const NOTE: &str = "A Continuum export locked with a passphrase: open it in Continuum with its passphrase, or see docs/file-format.md.";

/// A locked file's contents (everything but the passphrase).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub nonce: [u8; NONCE_LEN],
    /// AES-256-GCM output: the encrypted export followed by the 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// Why a file could not be read as a locked file. Each names the JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockedError {
    /// Not JSON at all (or cut short).
    NotJson(String),
    /// JSON, but not a locked Continuum file.
    NotLocked,
    /// A later (or unknown) version of the locked format.
    UnknownVersion(String),
    Missing(&'static str),
    WrongType {
        path: &'static str,
        expected: &'static str,
    },
    /// An algorithm this version does not use.
    Unsupported {
        path: &'static str,
        found: String,
        expected: &'static str,
    },
    BadBase64(&'static str),
    WrongLength {
        path: &'static str,
        expected: usize,
        found: usize,
    },
    /// The ciphertext is shorter than the GCM tag alone.
    TooShort(&'static str),
    TooFewIterations(u64),
    TooManyIterations(u64),
}

impl std::fmt::Display for LockedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockedError::NotJson(e) => {
                write!(f, "the locked file is not valid JSON (it may be cut short): {e}")
            }
            LockedError::NotLocked => write!(f, "`format`: this is not a locked Continuum file"),
            LockedError::UnknownVersion(v) => write!(
                f,
                "`version`: {v} is not a locked-file version this Continuum can open (it opens version {VERSION}); a newer Continuum may"
            ),
            LockedError::Missing(path) => write!(f, "`{path}` is missing"),
            LockedError::WrongType { path, expected } => {
                write!(f, "`{path}` should be {expected}")
            }
            LockedError::Unsupported {
                path,
                found,
                expected,
            } => write!(f, "`{path}` is \"{found}\"; expected \"{expected}\""),
            LockedError::BadBase64(path) => write!(f, "`{path}` is not valid base64"),
            LockedError::WrongLength {
                path,
                expected,
                found,
            } => write!(f, "`{path}` should be {expected} bytes, not {found}"),
            LockedError::TooShort(path) => write!(
                f,
                "`{path}` is shorter than its {TAG_LEN}-byte tag: the file is cut short"
            ),
            LockedError::TooFewIterations(n) => write!(
                f,
                "`kdf.iterations` is {n}: fewer than {MIN_ITERATIONS} is too weak to be accepted"
            ),
            LockedError::TooManyIterations(n) => write!(
                f,
                "`kdf.iterations` is {n}: more than {MAX_ITERATIONS} would take too long to open"
            ),
        }
    }
}

impl std::error::Error for LockedError {}

/// Whether these bytes look like a locked file: a cheap look at the start
/// (the first `"format"` key and its value), no full parse. [`parse`]
/// decides for certain.
pub fn is_locked(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start();
    if !text.starts_with('{') {
        return false;
    }
    let Some(at) = text.find("\"format\"") else {
        return false;
    };
    let rest = text[at + "\"format\"".len()..].trim_start();
    let Some(rest) = rest.strip_prefix(':') else {
        return false;
    };
    rest.trim_start().starts_with("\"continuum-locked\"")
}

/// Reads a locked file's envelope.
pub fn parse(bytes: &[u8]) -> Result<Envelope, LockedError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value =
        serde_json::from_slice(bytes).map_err(|e| LockedError::NotJson(e.to_string()))?;
    let Some(obj) = root.as_object() else {
        return Err(LockedError::NotLocked);
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        _ => return Err(LockedError::NotLocked),
    }
    match obj.get("version") {
        None => return Err(LockedError::Missing("version")),
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) => return Err(LockedError::UnknownVersion(v.to_string())),
    }
    let kdf = match obj.get("kdf") {
        None => return Err(LockedError::Missing("kdf")),
        Some(Value::Object(k)) => k,
        Some(_) => {
            return Err(LockedError::WrongType {
                path: "kdf",
                expected: "an object",
            })
        }
    };
    expect_str(kdf.get("name"), "kdf.name", KDF_NAME)?;
    expect_str(kdf.get("hash"), "kdf.hash", KDF_HASH)?;
    let iterations = match kdf.get("iterations") {
        None => return Err(LockedError::Missing("kdf.iterations")),
        Some(v) => v.as_u64().ok_or(LockedError::WrongType {
            path: "kdf.iterations",
            expected: "a whole number",
        })?,
    };
    if iterations < u64::from(MIN_ITERATIONS) {
        return Err(LockedError::TooFewIterations(iterations));
    }
    let iterations = u32::try_from(iterations)
        .ok()
        .filter(|n| *n <= MAX_ITERATIONS)
        .ok_or(LockedError::TooManyIterations(iterations))?;
    let salt = fixed::<SALT_LEN>(obj.get("salt"), "salt")?;
    expect_str(obj.get("cipher"), "cipher", CIPHER)?;
    let nonce = fixed::<NONCE_LEN>(obj.get("nonce"), "nonce")?;
    let ciphertext = base64_field(obj.get("ciphertext"), "ciphertext")?;
    if ciphertext.len() < TAG_LEN {
        return Err(LockedError::TooShort("ciphertext"));
    }
    Ok(Envelope {
        iterations,
        salt,
        nonce,
        ciphertext,
    })
}

fn expect_str(
    value: Option<&Value>,
    path: &'static str,
    expected: &'static str,
) -> Result<(), LockedError> {
    match value {
        None => Err(LockedError::Missing(path)),
        Some(Value::String(s)) if s == expected => Ok(()),
        Some(Value::String(s)) => Err(LockedError::Unsupported {
            path,
            found: s.clone(),
            expected,
        }),
        Some(_) => Err(LockedError::WrongType {
            path,
            expected: "a string",
        }),
    }
}

fn base64_field(value: Option<&Value>, path: &'static str) -> Result<Vec<u8>, LockedError> {
    match value {
        None => Err(LockedError::Missing(path)),
        Some(Value::String(s)) => STANDARD
            .decode(s.trim())
            .map_err(|_| LockedError::BadBase64(path)),
        Some(_) => Err(LockedError::WrongType {
            path,
            expected: "a base64 string",
        }),
    }
}

fn fixed<const N: usize>(
    value: Option<&Value>,
    path: &'static str,
) -> Result<[u8; N], LockedError> {
    let bytes = base64_field(value, path)?;
    let found = bytes.len();
    bytes.try_into().map_err(|_| LockedError::WrongLength {
        path,
        expected: N,
        found,
    })
}

#[derive(Serialize)]
struct KdfDto<'a> {
    name: &'a str,
    hash: &'a str,
    iterations: u32,
}

#[derive(Serialize)]
struct EnvelopeDto<'a> {
    format: &'a str,
    version: u64,
    note: &'a str,
    kdf: KdfDto<'a>,
    salt: String,
    cipher: &'a str,
    nonce: String,
    ciphertext: String,
}

impl Envelope {
    /// The locked file's text (pretty-printed JSON, `format` first so
    /// [`is_locked`] sees it).
    pub fn to_json(&self) -> String {
        let dto = EnvelopeDto {
            format: FORMAT,
            version: VERSION,
            note: NOTE,
            kdf: KdfDto {
                name: KDF_NAME,
                hash: KDF_HASH,
                iterations: self.iterations,
            },
            salt: STANDARD.encode(self.salt),
            cipher: CIPHER,
            nonce: STANDARD.encode(self.nonce),
            ciphertext: STANDARD.encode(&self.ciphertext),
        };
        let mut text = serde_json::to_string_pretty(&dto).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The name of a locked export: `continuum-ann-2026-12-05.json` becomes
/// `continuum-ann-2026-12-05-locked.json`.
pub fn locked_file_name(name: &str) -> String {
    match name.strip_suffix(".json") {
        Some(stem) => format!("{stem}-locked.json"),
        None => format!("{name}-locked.json"),
    }
}

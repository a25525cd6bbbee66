#![cfg(not(target_arch = "wasm32"))]
//! Locked exports: the envelope read and written by `storage::locked`, with
//! real cryptography from RustCrypto's crates (dev-dependencies only) using
//! the format's own parameters, the shared test vector the browser tests also
//! check, and the Python recipe of docs/file-format.md.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use continuum_core::storage::locked::*;
use sha2::Sha256;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The test vector shared with `tests/browser_crypto.rs`.
const VECTOR_PASSPHRASE: &str = "correct horse battery staple";
const VECTOR_PLAINTEXT: &str = include_str!("../../tests/fixtures/locked/plaintext.json");
const VECTOR_SALT: [u8; SALT_LEN] = *b"continuum-salt16";
const VECTOR_NONCE: [u8; NONCE_LEN] = *b"nonce-12byte";

fn vector_path() -> String {
    format!(
        "{}/../tests/fixtures/locked/locked-v1.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// PBKDF2 with the format's 600,000 iterations takes seconds in a debug
/// build, so each key is derived once per test run.
fn key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    type Keys = Mutex<HashMap<(String, Vec<u8>, u32), [u8; 32]>>;
    static KEYS: OnceLock<Keys> = OnceLock::new();
    let keys = KEYS.get_or_init(Default::default);
    let id = (passphrase.to_string(), salt.to_vec(), iterations);
    if let Some(key) = keys.lock().expect("lock").get(&id) {
        return *key;
    }
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    keys.lock().expect("lock").insert(id, key);
    key
}

/// Locks as the browser does, with the given salt and nonce.
fn lock_with(plaintext: &[u8], passphrase: &str, salt: [u8; 16], nonce: [u8; 12]) -> String {
    let key = key(passphrase, &salt, ITERATIONS);
    let cipher = Aes256Gcm::new_from_slice(&key).expect("a 32-byte key");
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&nonce), plaintext)
        .expect("encryption of a small text");
    Envelope {
        iterations: ITERATIONS,
        salt,
        nonce,
        ciphertext,
    }
    .to_json()
}

fn unlock(file: &[u8], passphrase: &str) -> Result<Vec<u8>, String> {
    let envelope = parse(file).map_err(|e| e.to_string())?;
    let key = key(passphrase, &envelope.salt, envelope.iterations);
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| e.to_string())?;
    cipher
        .decrypt(
            Nonce::from_slice(&envelope.nonce),
            envelope.ciphertext.as_slice(),
        )
        .map_err(|_| "wrong passphrase".to_string())
}

fn vector_file() -> String {
    lock_with(
        VECTOR_PLAINTEXT.as_bytes(),
        VECTOR_PASSPHRASE,
        VECTOR_SALT,
        VECTOR_NONCE,
    )
}

#[test]
fn round_trip_with_the_formats_parameters() {
    let file = vector_file();
    assert!(is_locked(file.as_bytes()));
    let envelope = parse(file.as_bytes()).expect("parses");
    assert_eq!(envelope.iterations, 600_000);
    assert_eq!(envelope.salt, VECTOR_SALT);
    assert_eq!(envelope.nonce, VECTOR_NONCE);
    assert_eq!(
        envelope.ciphertext.len(),
        VECTOR_PLAINTEXT.len() + TAG_LEN,
        "ciphertext is the text plus the tag"
    );
    // Serialising what was parsed gives the same file.
    assert_eq!(envelope.to_json(), file);
    let plain = unlock(file.as_bytes(), VECTOR_PASSPHRASE).expect("opens");
    assert_eq!(plain, VECTOR_PLAINTEXT.as_bytes());
    // No client name in clear.
    assert!(!file.contains("Harbour"));
}

#[test]
fn the_shared_test_vector_is_what_the_native_crates_make() {
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(vector_path(), vector_file()).expect("write the fixture");
    }
    let stored = std::fs::read_to_string(vector_path()).expect("fixture");
    assert_eq!(
        stored,
        vector_file(),
        "tests/fixtures/locked/locked-v1.json is out of date"
    );
}

#[test]
fn wrong_passphrase_fails() {
    let file = vector_file();
    assert_eq!(
        unlock(file.as_bytes(), "correct horse battery stapler"),
        Err("wrong passphrase".to_string())
    );
}

#[test]
fn tampered_ciphertext_fails() {
    let mut envelope = parse(vector_file().as_bytes()).expect("parses");
    envelope.ciphertext[3] ^= 0x01;
    let file = envelope.to_json();
    assert!(
        parse(file.as_bytes()).is_ok(),
        "still a well-formed envelope"
    );
    assert!(unlock(file.as_bytes(), VECTOR_PASSPHRASE).is_err());
    // A changed nonce or salt fails the same way.
    let mut envelope = parse(vector_file().as_bytes()).expect("parses");
    envelope.nonce[0] ^= 0x80;
    assert!(unlock(envelope.to_json().as_bytes(), VECTOR_PASSPHRASE).is_err());
}

#[test]
fn truncated_files_are_refused_with_a_reason() {
    let file = vector_file();
    for cut in [10, file.len() / 2, file.len() - 5] {
        let err = parse(&file.as_bytes()[..cut]).expect_err("cut short");
        assert!(matches!(err, LockedError::NotJson(_)), "{cut}: {err:?}");
        assert!(err.to_string().contains("cut short"));
    }
    // A ciphertext cut inside the tag.
    let mut envelope = parse(file.as_bytes()).expect("parses");
    envelope.ciphertext.truncate(8);
    assert_eq!(
        parse(envelope.to_json().as_bytes()),
        Err(LockedError::TooShort("ciphertext"))
    );
    // Cut but still long enough: the tag no longer matches.
    let mut envelope = parse(file.as_bytes()).expect("parses");
    envelope.ciphertext.truncate(envelope.ciphertext.len() - 1);
    assert!(unlock(envelope.to_json().as_bytes(), VECTOR_PASSPHRASE).is_err());
}

fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_str(&vector_file()).expect("json");
    edit(&mut v);
    serde_json::to_vec(&v).expect("json")
}

#[test]
fn unknown_version_is_named() {
    let err = parse(&edited(|v| v["version"] = 2.into())).expect_err("version 2");
    assert_eq!(err, LockedError::UnknownVersion("2".into()));
    assert!(err.to_string().starts_with("`version`: 2 "), "{err}");
    let err = parse(&edited(|v| v["version"] = "1".into())).expect_err("a string");
    assert_eq!(err, LockedError::UnknownVersion("\"1\"".into()));
}

#[test]
fn each_problem_names_its_json_path() {
    let cases: Vec<(Vec<u8>, LockedError)> = vec![
        (
            edited(|v| {
                v.as_object_mut().expect("object").remove("salt");
            }),
            LockedError::Missing("salt"),
        ),
        (
            edited(|v| {
                v["kdf"]
                    .as_object_mut()
                    .expect("object")
                    .remove("iterations");
            }),
            LockedError::Missing("kdf.iterations"),
        ),
        (
            edited(|v| {
                v.as_object_mut().expect("object").remove("version");
            }),
            LockedError::Missing("version"),
        ),
        (
            edited(|v| v["nonce"] = "not base64!".into()),
            LockedError::BadBase64("nonce"),
        ),
        (
            edited(|v| v["ciphertext"] = 12.into()),
            LockedError::WrongType {
                path: "ciphertext",
                expected: "a base64 string",
            },
        ),
        (
            edited(|v| v["salt"] = "AAAA".into()),
            LockedError::WrongLength {
                path: "salt",
                expected: 16,
                found: 3,
            },
        ),
        (
            edited(|v| v["nonce"] = "AAAAAAAA".into()),
            LockedError::WrongLength {
                path: "nonce",
                expected: 12,
                found: 6,
            },
        ),
        (
            edited(|v| v["kdf"]["iterations"] = 100_000.into()),
            LockedError::TooFewIterations(100_000),
        ),
        (
            edited(|v| v["kdf"]["iterations"] = 5_000_000_000u64.into()),
            LockedError::TooManyIterations(5_000_000_000),
        ),
        (
            edited(|v| v["kdf"]["iterations"] = (-1).into()),
            LockedError::WrongType {
                path: "kdf.iterations",
                expected: "a whole number",
            },
        ),
        (
            edited(|v| v["kdf"]["hash"] = "SHA-1".into()),
            LockedError::Unsupported {
                path: "kdf.hash",
                found: "SHA-1".into(),
                expected: "SHA-256",
            },
        ),
        (
            edited(|v| v["cipher"] = "AES-128-CBC".into()),
            LockedError::Unsupported {
                path: "cipher",
                found: "AES-128-CBC".into(),
                expected: "AES-256-GCM",
            },
        ),
        (
            edited(|v| v["format"] = "continuum".into()),
            LockedError::NotLocked,
        ),
    ];
    for (file, expected) in cases {
        let err = parse(&file).expect_err("refused");
        assert_eq!(err, expected);
        let text = err.to_string();
        match &err {
            LockedError::NotLocked => assert!(text.contains("`format`")),
            _ => assert!(text.contains('`'), "{text} names a path"),
        }
    }
}

#[test]
fn the_sniff_tells_locked_files_from_exports() {
    let file = vector_file();
    assert!(is_locked(file.as_bytes()));
    assert!(is_locked(
        br#"  {"format" : "continuum-locked", "version": 9}"#
    ));
    assert!(is_locked(format!("\u{FEFF}{}", file.trim()).as_bytes()));
    assert!(!is_locked(VECTOR_PLAINTEXT.as_bytes()));
    assert!(!is_locked(b""));
    assert!(!is_locked(b"name,email\ncontinuum-locked,x"));
    // An owner or client named like the format is not a locked file.
    assert!(!is_locked(
        br#"{"format":"continuum","version":2,"owner":"continuum-locked"}"#
    ));
}

#[test]
fn locked_file_names() {
    assert_eq!(
        locked_file_name("continuum-ann-2026-12-05.json"),
        "continuum-ann-2026-12-05-locked.json"
    );
    assert_eq!(locked_file_name("export"), "export-locked.json");
}

/// docs/file-format.md's recipe (tools/open_locked.py) opens the test vector.
/// Skipped, with a note on stderr, where Python or its `cryptography`
/// package is missing.
#[test]
fn the_python_recipe_opens_a_locked_file() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let has_crypto = Command::new("python3")
        .args(["-c", "import cryptography"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !has_crypto {
        eprintln!("skipped: python3 with the `cryptography` package is not installed");
        return;
    }
    let script = format!("{}/../tools/open_locked.py", env!("CARGO_MANIFEST_DIR"));
    let run = |passphrase: &str| {
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(vector_path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{passphrase}\n").as_bytes())
            .expect("write");
        child.wait_with_output().expect("python3 runs")
    };
    let out = run(VECTOR_PASSPHRASE);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, VECTOR_PLAINTEXT.as_bytes());
    let out = run("not the passphrase");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("InvalidTag"));
}

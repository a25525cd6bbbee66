//! Browser tests of locked exports: the Web Crypto edge (`edge::crypto`)
//! in headless Chromium, against the test vector the native RustCrypto
//! tests make (`core/tests/storage_locked.rs`), so a file locked in the
//! browser opens with the native crates and the other way round.
#![cfg(target_arch = "wasm32")]

use continuum::edge::crypto::{lock, lock_with, unlock, UnlockError};
use continuum::storage::locked::{is_locked, parse, ITERATIONS};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const VECTOR_PASSPHRASE: &str = "correct horse battery staple";
const VECTOR_PLAINTEXT: &str = include_str!("fixtures/locked/plaintext.json");
const VECTOR_FILE: &str = include_str!("fixtures/locked/locked-v1.json");

#[wasm_bindgen_test]
async fn lock_then_unlock_round_trips() {
    let text =
        "{\"format\":\"continuum\",\"owner\":\"Ann\",\"note\":\"Harbour Supplies Ltd – café\"}";
    let locked = lock(text, "a long passphrase for testing")
        .await
        .expect("locks");
    assert!(is_locked(locked.as_bytes()));
    assert!(!locked.contains("Harbour"), "no client name in clear");
    let envelope = parse(locked.as_bytes()).expect("a valid envelope");
    assert_eq!(envelope.iterations, ITERATIONS);
    let plain = unlock(locked.as_bytes(), "a long passphrase for testing")
        .await
        .expect("unlocks");
    assert_eq!(plain, text.as_bytes());
    // Two locks of the same text differ (fresh salt and nonce).
    let again = lock(text, "a long passphrase for testing")
        .await
        .expect("locks");
    let other = parse(again.as_bytes()).expect("valid");
    assert_ne!(other.salt, envelope.salt);
    assert_ne!(other.nonce, envelope.nonce);
}

#[wasm_bindgen_test]
async fn wrong_passphrase_is_said_plainly() {
    let locked = lock("secret", "right one").await.expect("locks");
    let err = unlock(locked.as_bytes(), "wrong one")
        .await
        .expect_err("refused");
    assert_eq!(err, UnlockError::WrongPassphrase);
    assert_eq!(err.to_string(), "wrong passphrase");
}

#[wasm_bindgen_test]
async fn the_native_test_vector_opens_in_the_browser() {
    let plain = unlock(VECTOR_FILE.as_bytes(), VECTOR_PASSPHRASE)
        .await
        .expect("the RustCrypto-made file opens");
    assert_eq!(plain, VECTOR_PLAINTEXT.as_bytes());
    assert_eq!(
        unlock(VECTOR_FILE.as_bytes(), "Correct horse battery staple").await,
        Err(UnlockError::WrongPassphrase)
    );
}

#[wasm_bindgen_test]
async fn the_browser_makes_the_native_test_vector() {
    // Same passphrase, salt and nonce as the native test: the browser's file
    // is byte for byte the one RustCrypto's crates made, so they open it.
    let locked = lock_with(
        VECTOR_PLAINTEXT,
        VECTOR_PASSPHRASE,
        *b"continuum-salt16",
        *b"nonce-12byte",
    )
    .await
    .expect("locks");
    assert_eq!(locked, VECTOR_FILE);
}

#[wasm_bindgen_test]
async fn a_malformed_file_is_not_a_wrong_passphrase() {
    let err = unlock(b"{\"format\":\"continuum-locked\",\"version\":7}", "x")
        .await
        .expect_err("refused");
    assert!(matches!(err, UnlockError::File(_)), "{err:?}");
    assert!(err.to_string().contains("`version`"));
}

//! Locking and unlocking exports with the browser's Web Crypto API
//! (`crypto.subtle`): PBKDF2-SHA-256 derives an AES-256-GCM key from the
//! passphrase; the envelope is `storage::locked`'s. No cryptography is done
//! by hand here, and neither passphrases nor data are logged or stored.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::storage::locked::{
    parse, Envelope, LockedError, ITERATIONS, KDF_HASH, KDF_NAME, KEY_BITS, NONCE_LEN, SALT_LEN,
};

/// The browser could not lock or unlock (no Web Crypto, or it refused).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// No `crypto.subtle` (an old browser, or a page not served securely).
    Unavailable,
    /// The browser refused a step; the step is named, never the data.
    Failed(&'static str),
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::Unavailable => write!(
                f,
                "this browser does not offer the encryption Continuum needs (Web Crypto)"
            ),
            CryptoError::Failed(step) => write!(f, "the browser could not {step}"),
        }
    }
}

impl std::error::Error for CryptoError {}

/// Why a locked file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The passphrase does not open the file (or the file was altered).
    WrongPassphrase,
    /// The file is not a readable locked file.
    File(LockedError),
    Crypto(CryptoError),
}

impl std::fmt::Display for UnlockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnlockError::WrongPassphrase => write!(f, "wrong passphrase"),
            UnlockError::File(e) => write!(f, "{e}"),
            UnlockError::Crypto(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for UnlockError {}

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
        .ok_or(CryptoError::Unavailable)?;
    Ok((crypto, subtle.unchecked_into()))
}

async fn wait(
    promise: Result<js_sys::Promise, JsValue>,
    step: &'static str,
) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(|_| CryptoError::Failed(step))?;
    JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::Failed(step))
}

/// The AES-256-GCM key for `passphrase`, usable for `usage` only.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = wait(
        subtle.import_key_with_str(
            "raw",
            &secret,
            KDF_NAME,
            false,
            &Array::of1(&JsValue::from_str("deriveKey")),
        ),
        "prepare the passphrase",
    )
    .await?;
    secret.fill(0, 0, secret.length());
    let params =
        Pbkdf2Params::new_with_str(KDF_NAME, KDF_HASH, iterations, &Uint8Array::from(salt));
    let key = wait(
        subtle.derive_key_with_object_and_object(
            &params,
            base.unchecked_ref(),
            &AesDerivedKeyParams::new("AES-GCM", KEY_BITS),
            false,
            &Array::of1(&JsValue::from_str(usage)),
        ),
        "derive a key from the passphrase",
    )
    .await?;
    Ok(key.unchecked_into())
}

fn bytes_of(value: JsValue) -> Vec<u8> {
    match value.dyn_into::<ArrayBuffer>() {
        Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
        Err(_) => Vec::new(),
    }
}

/// Locks `plaintext` (a normal export) with `passphrase`: a fresh random
/// salt and nonce each time. Returns the locked file's text.
pub async fn lock(plaintext: &str, passphrase: &str) -> Result<String, CryptoError> {
    let (crypto, _) = subtle()?;
    let mut salt = [0u8; SALT_LEN];
    let mut nonce = [0u8; NONCE_LEN];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .map_err(|_| CryptoError::Failed("draw random numbers"))?;
    crypto
        .get_random_values_with_u8_array(&mut nonce)
        .map_err(|_| CryptoError::Failed("draw random numbers"))?;
    lock_with(plaintext, passphrase, salt, nonce).await
}

/// [`lock`] with a given salt and nonce: for the shared test vector only
/// (a nonce must never be reused with the same key).
#[doc(hidden)]
pub async fn lock_with(
    plaintext: &str,
    passphrase: &str,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
) -> Result<String, CryptoError> {
    let (_, subtle) = subtle()?;
    let key = derive_key(&subtle, passphrase, &salt, ITERATIONS, "encrypt").await?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&nonce[..]));
    let data = Uint8Array::from(plaintext.as_bytes());
    let ciphertext = bytes_of(
        wait(
            subtle.encrypt_with_object_and_js_u8_array(&params, &key, &data),
            "encrypt the file",
        )
        .await?,
    );
    data.fill(0, 0, data.length());
    if ciphertext.is_empty() {
        return Err(CryptoError::Failed("encrypt the file"));
    }
    Ok(Envelope {
        iterations: ITERATIONS,
        salt,
        nonce,
        ciphertext,
    }
    .to_json())
}

/// Opens a locked file with `passphrase`, giving the export it wraps.
/// A wrong passphrase is [`UnlockError::WrongPassphrase`] and nothing else
/// happens.
pub async fn unlock(file_bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, UnlockError> {
    let envelope = parse(file_bytes).map_err(UnlockError::File)?;
    let (_, subtle) = subtle().map_err(UnlockError::Crypto)?;
    let key = derive_key(
        &subtle,
        passphrase,
        &envelope.salt,
        envelope.iterations,
        "decrypt",
    )
    .await
    .map_err(UnlockError::Crypto)?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&envelope.nonce[..]));
    let data = Uint8Array::from(envelope.ciphertext.as_slice());
    let promise = subtle
        .decrypt_with_object_and_js_u8_array(&params, &key, &data)
        .map_err(|_| UnlockError::Crypto(CryptoError::Failed("decrypt the file")))?;
    // AES-GCM's only failure on well-formed input is a tag that does not
    // match: the wrong key, or a changed file.
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| UnlockError::WrongPassphrase)?;
    Ok(bytes_of(plain))
}

"""Opens a passphrase-locked Continuum export without Continuum.

    pip install cryptography   # or Debian's python3-cryptography
    python3 tools/open_locked.py continuum-ann-2026-12-05-locked.json > export.json

Asks for the passphrase (or reads it from the first line of standard input
when that is not a terminal) and writes the normal export JSON to standard
output. This is the recipe in docs/file-format.md; core/tests/storage_locked.rs
runs it.
"""
import base64, getpass, hashlib, json, sys
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

f = json.load(open(sys.argv[1], encoding="utf-8"))
assert f["format"] == "continuum-locked" and f["version"] == 1
kdf = f["kdf"]
assert kdf["name"] == "PBKDF2" and kdf["hash"] == "SHA-256" and f["cipher"] == "AES-256-GCM"
passphrase = getpass.getpass("Passphrase: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
key = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"),
                          base64.b64decode(f["salt"]), kdf["iterations"], dklen=32)
plain = AESGCM(key).decrypt(base64.b64decode(f["nonce"]), base64.b64decode(f["ciphertext"]), None)
sys.stdout.write(plain.decode("utf-8"))

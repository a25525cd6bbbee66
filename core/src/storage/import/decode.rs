//! Bytes to text: which encoding a spreadsheet or CRM export was saved in.
//!
//! Exports arrive as UTF-8 (with or without a byte order mark), as UTF-16
//! ("Unicode text" from Excel, always with a byte order mark), or as the
//! Windows code page older Excel versions write on Western European
//! machines. Only the BOM and UTF-8 validity are evidence we can trust, so
//! the rule is: a BOM decides; else valid UTF-8 is UTF-8; else Windows-1252,
//! which maps every byte to some character and so never fails.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The encoding a text file was read with, shown to the user so a wrong
/// guess ("Mï¿½ller") can be recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (with byte order mark)",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252 (Western European)",
        }
    }
}

/// The text of a file and the encoding assumed. Never fails: malformed
/// UTF-16 sequences become U+FFFD rather than refusing the whole file, and
/// the values containing them then fail their own checks with a row number.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8Bom,
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _) = UTF_16LE.decode_without_bom_handling(rest);
        return (text.into_owned(), TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, _) = UTF_16BE.decode_without_bom_handling(rest);
        return (text.into_owned(), TextEncoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding_is_recognised() {
        assert_eq!(
            decode(b"M\xc3\xbcller"),
            ("Müller".into(), TextEncoding::Utf8)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFM\xc3\xbcller"),
            ("Müller".into(), TextEncoding::Utf8Bom)
        );
        assert_eq!(
            decode(b"M\xfcller"),
            ("Müller".into(), TextEncoding::Windows1252)
        );
        assert_eq!(
            decode(b"\xFF\xFEM\x00\xfc\x00"),
            ("Mü".into(), TextEncoding::Utf16Le)
        );
        assert_eq!(
            decode(b"\xFE\xFF\x00M\x00\xfc"),
            ("Mü".into(), TextEncoding::Utf16Be)
        );
    }
}

//! The passphrase of a locked export: a strength hint while it is typed,
//! and whether the two fields allow locking. A rough estimate (length and
//! kinds of characters, a few obvious patterns), to nudge, not to promise.

/// How hard a passphrase looks to guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Empty,
    /// Shorter than [`MIN_CHARS`]: locking is refused.
    TooShort,
    Weak,
    Fair,
    Strong,
}

/// The fewest characters accepted.
pub const MIN_CHARS: usize = 8;

/// Passphrases everyone tries first (lower case, without spaces).
const COMMON: &[&str] = &[
    "password",
    "passphrase",
    "123456789",
    "12345678",
    "qwertyuiop",
    "qwerty123",
    "azertyuiop",
    "iloveyou",
    "continuum",
    "letmein",
    "sunshine",
    "football",
    "welcome",
];

/// An estimate of a passphrase's strength.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.is_empty() {
        return Strength::Empty;
    }
    if chars.len() < MIN_CHARS {
        return Strength::TooShort;
    }
    let squashed: String = passphrase
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let distinct = {
        let mut c = chars.clone();
        c.sort_unstable();
        c.dedup();
        c.len()
    };
    if distinct <= 3 || COMMON.iter().any(|w| squashed.starts_with(w)) || is_sequence(&chars) {
        return Strength::Weak;
    }
    let mut pool = 0u32;
    if chars.iter().any(|c| c.is_ascii_lowercase()) {
        pool += 26;
    }
    if chars.iter().any(|c| c.is_ascii_uppercase()) {
        pool += 26;
    }
    if chars.iter().any(|c| c.is_ascii_digit()) {
        pool += 10;
    }
    if chars.iter().any(|c| c.is_ascii_punctuation() || *c == ' ') {
        pool += 33;
    }
    if chars.iter().any(|c| !c.is_ascii()) {
        pool += 100;
    }
    let bits = f64::from(pool.max(2)).log2() * chars.len() as f64;
    let words = passphrase
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3)
        .count();
    if bits >= 75.0 || (words >= 4 && chars.len() >= 20) {
        Strength::Strong
    } else if bits >= 50.0 {
        Strength::Fair
    } else {
        Strength::Weak
    }
}

/// Each character one more (or one less) than the one before: `12345678`,
/// `abcdefgh`.
fn is_sequence(chars: &[char]) -> bool {
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|w| i64::from(u32::from(w[1])) - i64::from(u32::from(w[0])))
        .collect();
    steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == -1)
}

/// The hint shown under the passphrase field.
pub fn hint(passphrase: &str) -> &'static str {
    match strength(passphrase) {
        Strength::Empty => "Choose a passphrase of several words. Without it nobody, not even you, can open the file.",
        Strength::TooShort => "Too short: use at least 8 characters (a few words are easiest to remember).",
        Strength::Weak => "Weak: easy to guess. Add words or characters.",
        Strength::Fair => "Fair. One or two more words would make it strong.",
        Strength::Strong => "Strong.",
    }
}

/// Whether the two fields allow locking; otherwise what to fix.
pub fn check(passphrase: &str, again: &str) -> Result<(), &'static str> {
    match strength(passphrase) {
        Strength::Empty => Err("Type a passphrase to lock the file with, or untick \"Lock the file with a passphrase\"."),
        Strength::TooShort => Err("The passphrase is too short: use at least 8 characters."),
        _ if passphrase != again => Err("The two passphrases differ: type the same one twice."),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strengths() {
        assert_eq!(strength(""), Strength::Empty);
        assert_eq!(strength("abc"), Strength::TooShort);
        assert_eq!(strength("1234567"), Strength::TooShort);
        assert_eq!(strength("12345678"), Strength::Weak);
        assert_eq!(strength("abcdefghij"), Strength::Weak);
        assert_eq!(strength("Password123!"), Strength::Weak);
        assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("pass word 1"), Strength::Weak);
        assert_eq!(strength("tulipvase"), Strength::Weak);
        assert_eq!(strength("tulipvasegreen"), Strength::Fair);
        assert_eq!(strength("correct horse battery staple"), Strength::Strong);
        assert_eq!(strength("Tr0ub4dor&3xYz!q"), Strength::Strong);
        // Counted in characters, not bytes.
        assert_eq!(strength("ééééééé"), Strength::TooShort);
        assert_eq!(strength("grüße aus köln am rhein"), Strength::Strong);
    }

    #[test]
    fn hints_follow_strength() {
        assert!(hint("").contains("not even you"));
        assert!(hint("abc").starts_with("Too short"));
        assert!(hint("12345678").starts_with("Weak"));
        assert!(hint("tulipvasegreen").starts_with("Fair"));
        assert_eq!(hint("correct horse battery staple"), "Strong.");
    }

    #[test]
    fn check_needs_a_long_enough_passphrase_typed_twice() {
        assert!(check("", "").is_err());
        assert!(check("short", "short").is_err());
        assert_eq!(
            check(
                "correct horse battery staple",
                "correct horse battery stapel"
            ),
            Err("The two passphrases differ: type the same one twice.")
        );
        assert_eq!(
            check(
                "correct horse battery staple",
                "correct horse battery staple"
            ),
            Ok(())
        );
        // A weak but long enough passphrase is the user's choice.
        assert_eq!(check("12345678", "12345678"), Ok(()));
    }
}

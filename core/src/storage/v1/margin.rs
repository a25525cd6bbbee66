//! The profile's margin in the file: a level (`"low"`, `"normal"`,
//! `"high"`) or a percentage number.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::{Margin, MarginLevel};

/// A margin level (`"low"`, `"normal"`, `"high"`) or a percentage number.
/// Hand-written so a wrong value gets a clear message rather than serde's
/// "did not match any variant".
#[derive(Debug, Clone, Copy)]
pub(crate) struct MarginV1(pub Margin);

impl Serialize for MarginV1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Margin::Level(l) => l.serialize(s),
            Margin::Percent(p) => s.serialize_f64(p),
        }
    }
}

/// `"low", "normal", "high"`, from the one table of margin level ids.
fn levels() -> String {
    let quoted: Vec<String> = MarginLevel::IDS
        .iter()
        .map(|(_, id)| format!("{id:?}"))
        .collect();
    quoted.join(", ")
}

impl<'de> Deserialize<'de> for MarginV1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<MarginV1, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = MarginV1;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "{} or a percentage such as 22.5", levels())
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<MarginV1, E> {
                MarginLevel::from_id(s)
                    .map(|l| MarginV1(Margin::Level(l)))
                    .ok_or_else(|| {
                        E::custom(format!(
                            "expected {} or a percentage number, found {s:?}",
                            levels()
                        ))
                    })
            }
            fn visit_f64<E: de::Error>(self, p: f64) -> Result<MarginV1, E> {
                Ok(MarginV1(Margin::Percent(p)))
            }
            fn visit_u64<E: de::Error>(self, p: u64) -> Result<MarginV1, E> {
                Ok(MarginV1(Margin::Percent(p as f64)))
            }
            fn visit_i64<E: de::Error>(self, p: i64) -> Result<MarginV1, E> {
                Ok(MarginV1(Margin::Percent(p as f64)))
            }
        }
        d.deserialize_any(V)
    }
}

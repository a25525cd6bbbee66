//! What a board card and a table row say: the client's texts and the mark
//! of its move since the previous check-up.

use super::{Row, Since};
use crate::domain::{Category, Date, Trend};
use crate::present::format::{money, renewal_text};

/// A card's texts that depend on the client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CardText {
    pub id: String,
    pub href: String,
    pub revenue: String,
    pub renewal: Option<String>,
    /// The warning signs' names, for the tooltip.
    pub signs: String,
    /// The blind spot's tooltip and its text for screen readers.
    blind_spot: Option<(String, String)>,
}

impl CardText {
    pub fn new(row: &Row, today: Date) -> CardText {
        let id = row.id.to_string();
        CardText {
            href: format!("/client/{id}"),
            id,
            revenue: match row.revenue {
                Some(r) => money(r),
                None => "Revenue unknown".to_string(),
            },
            renewal: row.contract_end.map(|end| renewal_text(end, today)),
            signs: row
                .warnings
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>()
                .join(", "),
            blind_spot: row.blind_spot.map(|(gut, computed)| {
                let (gut, computed) = (gut.name(), computed.name());
                (
                    format!("Blind spot: your gut said {gut}, the answers say {computed}."),
                    format!(": your gut said {gut}, the answers say {computed}"),
                )
            }),
        }
    }

    /// The blind spot's tooltip and its text for screen readers, if any.
    pub fn blind_spot(&self) -> Option<(&str, &str)> {
        self.blind_spot
            .as_ref()
            .map(|(title, hidden)| (title.as_str(), hidden.as_str()))
    }
}

/// What a card or row says when the user placed the client by hand: the
/// computed category in words, so the override never hides it.
pub fn override_note(computed: Category) -> String {
    format!("Placed by hand; computed: {}", computed.name())
}

/// The mark of a client's move: its class, arrow (hidden from screen
/// readers), text and tooltip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrendMark {
    pub class: &'static str,
    pub arrow: &'static str,
    pub text: &'static str,
    pub title: &'static str,
}

const fn mark(
    class: &'static str,
    arrow: &'static str,
    text: &'static str,
    title: &'static str,
) -> Option<TrendMark> {
    Some(TrendMark {
        class,
        arrow,
        text,
        title,
    })
}

/// The trend mark for a move, if there is one to show.
pub fn trend_mark(since: Since) -> Option<TrendMark> {
    match since {
        Since::Nothing | Since::Moved(Trend::Same) => None,
        Since::New => mark(
            "trend new",
            "",
            "new",
            "First placement, or a new check-up under way",
        ),
        Since::Moved(Trend::Better) => mark(
            "trend better",
            "↑ ",
            "safer",
            "Safer than at the previous check-up",
        ),
        Since::Moved(Trend::Worse) => mark(
            "trend worse",
            "↓ ",
            "worse",
            "Worse than at the previous check-up",
        ),
        Since::Moved(Trend::Unclear) => {
            mark("trend new", "", "new", "Moved to or from not yet assessed")
        }
    }
}

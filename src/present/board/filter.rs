//! The board's filters (search, owner, tag, warning sign, fragile), the table's sort
//! orders, and each column's share of clients and revenue as filtered.

use std::cmp::Ordering;
use std::sync::Arc;

use super::Row;
use crate::domain::summary::board_index;
use crate::domain::{Category, RevenueTotal, WarningSign};

/// What the filters are set to; empty texts filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub search: String,
    /// An owner's name as listed, or empty for all.
    pub owner: String,
    /// A tag as listed, or empty for all.
    pub tag: String,
    pub sign: Option<WarningSign>,
    /// Only clients one departure away from a worse category.
    pub fragile: bool,
}

impl Filter {
    /// Whether any filter is set (a blank search sets nothing).
    pub fn is_active(&self) -> bool {
        !self.search.trim().is_empty()
            || !self.owner.is_empty()
            || !self.tag.is_empty()
            || self.sign.is_some()
            || self.fragile
    }

    /// The rows that pass every filter, in their order. The search finds
    /// the text anywhere in the name, ignoring case.
    pub fn apply(&self, rows: &[Arc<Row>]) -> Vec<Arc<Row>> {
        if !self.is_active() {
            return rows.to_vec();
        }
        let query = self.search.trim().to_lowercase();
        rows.iter()
            .filter(|r| query.is_empty() || r.key.contains(&query))
            .filter(|r| self.owner.is_empty() || r.owner == self.owner)
            .filter(|r| self.tag.is_empty() || r.tags.contains(&self.tag))
            .filter(|r| self.sign.is_none_or(|s| r.warnings.contains(&s)))
            .filter(|r| !self.fragile || r.fragile)
            .cloned()
            .collect()
    }
}

/// A column of the client table, sortable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Category,
    Revenue,
    Renewal,
    Warnings,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::Category,
        SortKey::Revenue,
        SortKey::Renewal,
        SortKey::Warnings,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Client",
            SortKey::Category => "Category",
            SortKey::Revenue => "Revenue",
            SortKey::Renewal => "Renewal",
            SortKey::Warnings => "Warning signs",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Category => "category",
            SortKey::Revenue => "revenue",
            SortKey::Renewal => "renewal",
            SortKey::Warnings => "warnings",
        }
    }

    /// Ascending order by this key, then by name (and id).
    pub fn compare(self, a: &Row, b: &Row) -> Ordering {
        let by_name = || a.key.cmp(&b.key).then_with(|| a.id.cmp(&b.id));
        match self {
            SortKey::Name => by_name(),
            SortKey::Category => board_index(a.category).cmp(&board_index(b.category)),
            // Unknown revenue counts as the smallest.
            SortKey::Revenue => a.revenue.cmp(&b.revenue),
            // No contract date sorts after every date.
            SortKey::Renewal => (a.contract_end.is_none(), a.contract_end)
                .cmp(&(b.contract_end.is_none(), b.contract_end)),
            SortKey::Warnings => a.warnings.len().cmp(&b.warnings.len()),
        }
        .then_with(by_name)
    }
}

/// Sorts the rows by `key`, ascending or descending (the whole order
/// reversed, name ties included).
pub fn sort_rows(rows: &mut [Arc<Row>], key: SortKey, ascending: bool) {
    rows.sort_by(|a, b| {
        let o = key.compare(a, b);
        if ascending {
            o
        } else {
            o.reverse()
        }
    });
}

/// Clients and annual revenue of one column, as filtered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub clients: usize,
    pub revenue: RevenueTotal,
}

impl Share {
    pub fn of(rows: &[Arc<Row>]) -> Share {
        Share {
            clients: rows.len(),
            revenue: RevenueTotal::of(rows.iter().map(|r| r.revenue)),
        }
    }

    /// Each category with the share of its column, in board order.
    pub fn per_column(columns: &[Vec<Arc<Row>>]) -> Vec<(Category, Share)> {
        Category::BOARD_ORDER
            .into_iter()
            .zip(columns)
            .map(|(c, rows)| (c, Share::of(rows)))
            .collect()
    }
}

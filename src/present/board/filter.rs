//! The board's filters (search, owner, tag, warning sign, fragile, like a
//! lost client), the table's sort orders, and each column's share of
//! clients and revenue as filtered.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::Arc;

use super::{display_name, Row};
use crate::domain::summary::{board_index, lessons_from_loss, teaches_a_loss};
use crate::domain::{Category, Client, ClientView, Id, Portfolio, RevenueTotal, WarningSign};

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
    /// Only these clients: the ones like a lost client ([`like_lost`]).
    pub like_lost: Option<BTreeSet<Id>>,
}

impl Filter {
    /// Whether any filter is set (a blank search sets nothing).
    pub fn is_active(&self) -> bool {
        !self.search.trim().is_empty()
            || !self.owner.is_empty()
            || !self.tag.is_empty()
            || self.sign.is_some()
            || self.fragile
            || self.like_lost.is_some()
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
            .filter(|r| {
                self.like_lost
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&r.id))
            })
            .cloned()
            .collect()
    }
}

/// A client the "Like a lost client" filter can follow: lost, or let go
/// well by triage.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LostChoice {
    pub id: Id,
    /// "Northwind (lost)", "Acme (let go)": the option's words.
    pub label: String,
}

/// Every client whose loss teaches something, by name.
pub fn lost_choices<'a>(clients: impl IntoIterator<Item = &'a Client>) -> Vec<LostChoice> {
    let mut out: Vec<(String, LostChoice)> = clients
        .into_iter()
        .filter(|c| teaches_a_loss(c))
        .map(|c| {
            let name = display_name(&c.profile.name);
            let how = if c.lost_on.is_some() {
                "lost"
            } else {
                "let go"
            };
            let label = format!("{name} ({how})");
            (
                name.to_lowercase(),
                LostChoice {
                    id: c.id.clone(),
                    label,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    out.into_iter().map(|(_, c)| c).collect()
}

/// The active clients that share a warning sign or a reason with the lost
/// client `lost`, or with any client in [`lost_choices`] when `None`: the
/// lessons of the loss (`domain::summary::lessons`), as a set to filter by.
pub fn like_lost(portfolio: &Portfolio, views: &[ClientView], lost: Option<&Id>) -> BTreeSet<Id> {
    let lost: Vec<Id> = match lost {
        Some(id) => vec![id.clone()],
        None => lost_choices(&portfolio.clients)
            .into_iter()
            .map(|c| c.id)
            .collect(),
    };
    lost.iter()
        .flat_map(|id| lessons_from_loss(portfolio, views, id))
        .map(|l| l.client)
        .collect()
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

#[cfg(test)]
mod like_lost_tests {
    use super::*;
    use crate::domain::summary::assess_portfolio;
    use crate::domain::{
        decide, set_answer, Answer, Assessment, Channel, Date, QuestionId, Role, Stakeholder,
        Stance, Touchpoint, TouchpointKind, TriageOutcome,
    };

    fn today() -> Date {
        Date::from_ymd(2026, 3, 1).expect("a real day")
    }

    fn client(id: &str, worries: &[QuestionId]) -> Client {
        let mut c = Client::new(Id::new(id), id);
        let mut a = Assessment::new(Id::new(format!("{id}-a")), today());
        for q in worries {
            set_answer(&mut a, *q, Answer::Yes, "");
        }
        c.assessments.push(a);
        c
    }

    /// Met recently, several people, a senior one among them: none of the
    /// thin-relationship signs, so only the answers are shared.
    fn well_connected(mut c: Client) -> Client {
        for (n, senior) in [("p1", true), ("p2", false), ("p3", false)] {
            c.stakeholders.push(Stakeholder {
                id: Id::new(n),
                name: n.into(),
                title: String::new(),
                role: if senior {
                    Role::DecisionMaker
                } else {
                    Role::Influencer
                },
                senior,
                stance: Stance::Supporter,
                rival_preference: String::new(),
                feedback_on: Some(today()),
                last_contact: Some(today()),
                notes: String::new(),
                still_in_role_on: Some(today()),
            });
        }
        c.touchpoints.push(Touchpoint {
            id: Id::new("t1"),
            date: today(),
            channel: Channel::Meeting,
            kind: TouchpointKind::Business,
            with: vec![Id::new("p1"), Id::new("p2"), Id::new("p3")],
            note: String::new(),
        });
        c
    }

    fn ids(set: &BTreeSet<Id>) -> Vec<&str> {
        set.iter().map(Id::as_str).collect()
    }

    /// A lost client (price), one let go well (shops), and active ones.
    fn portfolio() -> Portfolio {
        let mut lost = well_connected(client("Lost Co", &[QuestionId::RPrice]));
        lost.lost_on = Some(today());
        let mut let_go = well_connected(client("Gone Co", &[QuestionId::NShops]));
        let_go.triage = Some(
            decide(
                today(),
                TriageOutcome::LetGoWell,
                Default::default(),
                "moved",
            )
            .expect("a decision"),
        );
        Portfolio {
            owner: String::new(),
            clients: vec![
                lost,
                let_go,
                client("Price Co", &[QuestionId::RPrice]),
                client("Shops Co", &[QuestionId::NShops]),
                client("Clean Co", &[]),
            ],
        }
    }

    #[test]
    fn the_choices_are_the_lost_and_the_let_go_by_name() {
        let p = portfolio();
        let labels: Vec<String> = lost_choices(&p.clients)
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(labels, ["Gone Co (let go)", "Lost Co (lost)"]);
    }

    #[test]
    fn one_lost_client_keeps_only_the_active_clients_that_share_its_worries() {
        let p = portfolio();
        let views = assess_portfolio(&p, today());
        let like = like_lost(&p, &views, Some(&Id::new("Lost Co")));
        assert_eq!(ids(&like), ["Price Co"]);
        // Any lost client: the union, never the lost clients themselves.
        let any = like_lost(&p, &views, None);
        assert_eq!(ids(&any), ["Price Co", "Shops Co"]);
    }

    #[test]
    fn the_filter_shows_only_the_rows_in_the_set() {
        let p = portfolio();
        let views = assess_portfolio(&p, today());
        let rows = super::super::rows(p.clients.iter().zip(&views), today());
        let filter = Filter {
            like_lost: Some(like_lost(&p, &views, Some(&Id::new("Lost Co")))),
            ..Filter::default()
        };
        assert!(filter.is_active());
        let shown = filter.apply(&rows.rows);
        let shown: Vec<&str> = shown.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(shown, ["Price Co"]);
        // Without the set, every active client shows again.
        assert_eq!(Filter::default().apply(&rows.rows).len(), 4);
    }
}

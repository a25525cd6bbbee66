//! The one-page brief a salesperson takes into a meeting: what the print
//! stylesheet prints for any client tab instead of the tab itself. It sits
//! under the header (name, category, warning signs) and adds the facts, the
//! reasons for the category, the people who matter, open issues and open
//! actions, each list cut short so the page stays one A4 sheet.

use leptos::prelude::*;

use super::common::Ctx;
use crate::domain::{key_people, next_actions, pressing_issues, Category, IssueStatus};
use crate::present::format::{money, renewal_text};

/// Longest list of each kind on the page.
const MAX_REASONS: usize = 6;
const MAX_PEOPLE: usize = 6;
const MAX_ISSUES: usize = 5;
const MAX_ACTIONS: usize = 6;

/// A list of the brief: words for when it is empty, the first `max`
/// entries, and "… and 3 more" when it was cut short.
fn listing(list: impl IntoView, total: usize, max: usize, empty: &'static str) -> impl IntoView {
    view! {
        {(total == 0).then(|| view! { <p>{empty}</p> })}
        <ul>{list}</ul>
        {(total > max).then(|| {
            view! { <p class="brief-more">"… and " {total - max} " more in Continuum."</p> }
        })}
    }
}

#[component]
pub fn Brief(ctx: Ctx) -> impl IntoView {
    let today = ctx.today();
    let facts = move || {
        ctx.client.with(|c| {
            let p = &c.profile;
            let mut parts = vec![match p.annual_revenue {
                Some(r) => format!("Annual revenue {}", money(r)),
                None => "Annual revenue unknown".to_string(),
            }];
            if let Some(end) = p.contract_end {
                parts.push(format!("{} ({end})", renewal_text(end, today)));
            }
            if !p.owner.trim().is_empty() {
                parts.push(format!("Owner {}", p.owner.trim()));
            }
            if let Some(a) = c.current_assessment() {
                parts.push(format!("Last check-up {}", a.date));
            }
            parts.join(" · ")
        })
    };
    let reasons = move || {
        ctx.view.with(|v| {
            let total = v.verdict.reasons.len();
            let list = v
                .verdict
                .reasons
                .iter()
                .take(MAX_REASONS)
                .map(|r| {
                    let note = (!r.note.trim().is_empty()).then(|| format!(" — {}", r.note.trim()));
                    let answer = r.answer.label();
                    view! {
                        <li>{r.question.question().text} " " <strong>{answer}</strong> {note}</li>
                    }
                })
                .collect_view();
            let empty = match v.verdict.computed {
                Category::Unassessed => "Not enough answers yet to place the client.",
                Category::Secure => "Every check is healthy.",
                _ => "No reason recorded.",
            };
            let verdict = v.verdict.clone();
            let placed = verdict.r#override.map(|o| {
                view! {
                    <p>
                        "Placed by hand (computed: " {verdict.computed.name()} "): " {o.reason}
                    </p>
                }
            });
            view! {
                {placed}
                {listing(list, total, MAX_REASONS, empty)}
            }
        })
    };
    let people = move || {
        ctx.client.with(|c| {
            let v = key_people(&c.stakeholders);
            let total = v.len();
            let list = v
                .into_iter()
                .take(MAX_PEOPLE)
                .map(|s| {
                    let title = (!s.title.trim().is_empty()).then(|| format!(", {}", s.title.trim()));
                    view! {
                        <li>
                            <strong>{s.name.clone()}</strong>
                            {title}
                            " — " {s.role.name()} {s.senior.then_some(", senior")} ", " {s.stance.name()}
                        </li>
                    }
                })
                .collect_view();
            listing(list, total, MAX_PEOPLE, "No one recorded yet.")
        })
    };
    let issues = move || {
        ctx.client.with(|c| {
            let open = pressing_issues(&c.issues);
            let total = open.len();
            let list = open
                .into_iter()
                .take(MAX_ISSUES)
                .map(|i| {
                    let age = today.days_since(i.opened_on).max(0);
                    let severity = i.severity.id();
                    let progress = (i.status == IssueStatus::InProgress).then_some(", in progress");
                    view! {
                        <li>
                            <strong>{i.title.clone()}</strong>
                            " (" {severity} ", open " {age} {if age == 1 { " day" } else { " days" }} {progress} ")"
                        </li>
                    }
                })
                .collect_view();
            listing(list, total, MAX_ISSUES, "No open issue.")
        })
    };
    let actions = move || {
        ctx.client.with(|c| {
            let open = next_actions(&c.actions);
            let total = open.len();
            let list = open
                .into_iter()
                .take(MAX_ACTIONS)
                .map(|a| {
                    let title = if a.title.trim().is_empty() {
                        "Untitled action".to_string()
                    } else {
                        a.title.clone()
                    };
                    let due = a.due.map(|d| {
                        let late = (d < today).then_some(", overdue");
                        view! { " (due " {d.to_string()} {late} ")" }
                    });
                    let owner =
                        (!a.owner.trim().is_empty()).then(|| format!(", {}", a.owner.trim()));
                    view! { <li>{title} {due} {owner}</li> }
                })
                .collect_view();
            listing(list, total, MAX_ACTIONS, "No open action.")
        })
    };
    view! {
        <section class="print-brief" aria-label="Brief for printing">
            <p class="brief-facts">{facts}</p>
            <div class="brief-grid">
                <section class="brief-part brief-reasons">
                    <h2>"Why this category"</h2>
                    {reasons}
                </section>
                <section class="brief-part brief-people">
                    <h2>"Key people"</h2>
                    {people}
                </section>
                <section class="brief-part brief-issues">
                    <h2>"Open issues"</h2>
                    {issues}
                </section>
                <section class="brief-part brief-actions">
                    <h2>"Open actions"</h2>
                    {actions}
                </section>
            </div>
            <p class="brief-footer">"Printed from Continuum on " {today.to_string()} "."</p>
        </section>
    }
}

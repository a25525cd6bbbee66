//! The live verdict beside the questionnaire: the category shown, the
//! computed one when overridden, the reasons and what is still open (held
//! back behind "Show why" while the gut call is owed), and the gut
//! placement set against the computed category.

use leptos::prelude::*;

use super::override_box::OverrideBox;
use super::path_panel::PathPanel;
use crate::domain::{Category, GutCall, Id, QuestionId};
use crate::present::format::plural;
use crate::present::gut;
use crate::present::last_change::{changed_answer, describe, Answers};
use crate::ui::pages::client::common::{uid, Ctx};

/// The change just made to the current check-up's answers, in words, for
/// the one-line summary; `None` until an answer changes on this page.
fn last_change(ctx: Ctx, category: Memo<Category>) -> RwSignal<Option<String>> {
    let last = RwSignal::new(None);
    let answers = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.current_assessment().map(|a| {
                let list: Answers = a.answers.iter().map(|(q, e)| (*q, e.answer)).collect();
                (a.id.clone(), list)
            })
        })
    });
    Effect::new(move |before: Option<(Option<(Id, Answers)>, Category)>| {
        let now = (answers.get(), category.get());
        if let (Some((Some((was_id, was)), was_category)), (Some((id, list)), category)) =
            (&before, &now)
        {
            if was_id == id {
                if let Some((q, answer)) = changed_answer(was, list) {
                    last.set(Some(describe(q, answer, *was_category, *category)));
                }
            }
        }
        now
    });
    last
}

/// The live verdict: category, reasons, what is still open, and the override.
#[component]
pub(super) fn VerdictPanel(ctx: Ctx, answered: Memo<usize>, call: Memo<GutCall>) -> impl IntoView {
    let verdict = Memo::new(move |_| ctx.view.with(|v| v.verdict.clone()));
    let category = Memo::new(move |_| verdict.with(|v| v.category));
    let computed = Memo::new(move |_| verdict.with(|v| v.computed));
    let overridden = Memo::new(move |_| verdict.with(|v| v.r#override.clone()));
    let reasons = move || {
        verdict.with(|v| {
            v.reasons
                .iter()
                .map(|r| {
                    let q = r.question.question();
                    let note = (!r.note.is_empty())
                        .then(|| view! { <span class="reason-note">{r.note.clone()}</span> });
                    view! {
                        <li data-reason=r.question.as_str() data-category=r.points_to.id()>
                            <span class="reason-question">{q.text}</span>
                            " "
                            <strong class="reason-answer">{r.answer.label()}</strong>
                            {note}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let missing = move || {
        verdict.with(|v| {
            v.missing
                .iter()
                .map(|q| view! { <li data-missing=q.as_str()>{q.question().text}</li> })
                .collect_view()
        })
    };
    let comparison = move || match call.get() {
        GutCall::Given(g) => gut::comparison(g, computed.get()),
        _ => None,
    };
    let reason_count =
        move || verdict.with(|v| plural(v.reasons.len() as i64, "reason", "reasons"));
    // On a phone the panel is one line until its reasons are asked for
    // (style/client.css), so it never covers the question being answered.
    let open = RwSignal::new(false);
    let last = last_change(ctx, category);
    let headline_id = uid("verdict");
    let details_id = uid("verdict-details");
    view! {
        <aside class="verdict-panel" aria-labelledby=headline_id.clone() data-open=move || open.get().to_string()>
            <h2 id=headline_id.clone() class="visually-hidden">"Verdict"</h2>
            <div class="verdict-line">
            <div
                class="verdict-now"
                data-verdict=move || category.get().id()
                data-category=move || category.get().id()
                aria-live="polite"
            >
                <span class="verdict-label">
                    {move || if overridden.with(Option::is_some) { "Your placement" } else { "Verdict" }}
                </span>
                <strong class="verdict-name">{move || category.get().name()}</strong>
                <span class="verdict-progress">{move || answered.get()} " of " {QuestionId::ALL.len()} " answered"</span>
                <span class="verdict-progress-short" aria-hidden="true">{move || answered.get()} "/" {QuestionId::ALL.len()}</span>
                <span class="verdict-reason-count">{reason_count}</span>
                {move || last.get().map(|text| view! { <span class="verdict-change">{text}</span> })}
            </div>
            <button
                type="button"
                class="button small verdict-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=details_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Show reasons"
            </button>
            </div>
            <div class="verdict-details" id=details_id.clone()>
            {move || {
                overridden
                    .get()
                    .map(|o| {
                        view! {
                            <div class="verdict-computed" data-computed=computed.get().id() data-category=computed.get().id()>
                                <p>
                                    "Computed from the answers: " <strong>{computed.get().name()}</strong>
                                </p>
                                <p class="override-reason">"Why you placed it otherwise: " {o.reason}</p>
                            </div>
                        }
                    })
            }}
            {move || comparison().map(|t| view! { <p class="gut-comparison" data-gut-comparison="true">{t}</p> })}
            <Show
                when=move || !call.get().owed()
                fallback=move || view! {
                    <div class="why-held" data-why-held="true">
                        <p>{gut::OWED}</p>
                        <button type="button" class="button small" aria-expanded="false" on:click=move |_| ctx.skip_gut_call()>
                            "Show why"
                            <span class="visually-hidden">" (skips the gut call)"</span>
                        </button>
                    </div>
                }
            >
                <Show when=move || verdict.with(|v| v.incomplete)>
                    <p class="incomplete">"Incomplete: the open questions below could still make it worse."</p>
                </Show>
                <Show
                    when=move || verdict.with(|v| !v.reasons.is_empty())
                    fallback=move || view! {
                        <p class="empty">
                            {move || if computed.get() == Category::Secure {
                                "Every check is healthy."
                            } else {
                                "No answer points anywhere yet."
                            }}
                        </p>
                    }
                >
                    <h3>"Why"</h3>
                    <ol class="reasons">{reasons}</ol>
                </Show>
                <Show when=move || verdict.with(|v| !v.missing.is_empty())>
                    <details class="missing">
                        <summary>
                            "Still open and could make it worse (" {move || verdict.with(|v| v.missing.len())} ")"
                        </summary>
                        <ul>{missing}</ul>
                    </details>
                </Show>
                <PathPanel ctx=ctx/>
            </Show>
            <OverrideBox ctx=ctx overridden=overridden/>
            </div>
        </aside>
    }
}

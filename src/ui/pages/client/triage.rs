//! Triage for at-risk and lost clients: the questions, answered in the
//! user's words, and a recorded decision.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::common::{uid, Ctx};
use crate::domain::triage::low_margin;
use crate::domain::{decide, needs_triage, triage_questions, TriageOutcome};
use crate::present::format::money;

#[component]
pub fn TriageTab(ctx: Ctx) -> impl IntoView {
    // The worse of computed and shown, as the plan: an override to a safer
    // category does not hide the triage the computed one asks for.
    let category = Memo::new(move |_| ctx.view.with(|v| v.verdict.worse()));
    let recorded = Memo::new(move |_| ctx.client.with(|c| c.triage.clone()));
    let numbers = Memo::new(move |_| {
        ctx.client.with(|c| {
            let revenue = c
                .profile
                .annual_revenue
                .map_or("revenue not recorded".to_string(), |r| {
                    format!("annual revenue {}", money(r))
                });
            let margin = match low_margin(c) {
                Some(true) => "the margin is low",
                Some(false) => "the margin is not low",
                None => "margin not recorded",
            };
            format!("The profile says: {revenue}, {margin}.")
        })
    });
    view! {
        <section class="triage-tab" aria-labelledby="triage-heading">
            <h2 id="triage-heading">"Triage"</h2>
            <Show
                when=move || needs_triage(category.get())
                fallback=move || view! {
                    <p class="empty">
                        "Triage is for clients at risk or an inevitable loss; this client is “"
                        {move || category.get().name()} "”."
                    </p>
                }
            >
                <p class="lead">
                    "Not every client is worth saving at any cost. Answer honestly, then record a decision."
                </p>
            </Show>
            {move || recorded.get().map(|t| view! {
                <p class="recorded" data-outcome=t.outcome.id()>
                    "Decision recorded on " {t.decided_on.to_string()} ": " <strong>{t.outcome.name()}</strong>
                </p>
            })}
            <Show when=move || needs_triage(category.get())>
                <TriageForm ctx=ctx category=category numbers=numbers/>
            </Show>
        </section>
    }
}

#[component]
fn TriageForm(
    ctx: Ctx,
    category: Memo<crate::domain::Category>,
    numbers: Memo<String>,
) -> impl IntoView {
    let existing = ctx.client.with_untracked(|c| c.triage.clone());
    let answers = RwSignal::new(
        existing
            .as_ref()
            .map(|t| t.answers.clone())
            .unwrap_or_default(),
    );
    let outcome = RwSignal::new(existing.as_ref().map(|t| t.outcome));
    let reasons = RwSignal::new(
        existing
            .as_ref()
            .map(|t| t.loss_reasons.clone())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let Some(o) = outcome.get_untracked() else {
            error.set(Some("Choose one of the three decisions.".to_string()));
            return;
        };
        match decide(
            ctx.today(),
            o,
            answers.get_untracked(),
            &reasons.get_untracked(),
        ) {
            Ok(decision) => {
                error.set(None);
                ctx.edit(|c| c.triage = Some(decision));
                saved.set(true);
            }
            Err(e) => {
                let text = e.to_string();
                let mut chars = text.chars();
                let text = chars
                    .next()
                    .map(|f| f.to_uppercase().collect::<String>() + chars.as_str())
                    .unwrap_or_default();
                error.set(Some(format!("{text}.")));
            }
        }
    };
    let outcome_name = uid("outcome");
    let reasons_id = uid("loss");
    let error_id = uid("triage-error");
    let error_id2 = error_id.clone();
    view! {
                <form class="triage-form" on:submit=submit novalidate>
                    {move || {
                        triage_questions(category.get())
                            .iter()
                            .map(|q| {
                                let id = uid("tq");
                                let qid = q.id;
                                let hint = if qid == "t_low_value" {
                                    format!("{} {}", q.hint, numbers.get())
                                } else {
                                    q.hint.to_string()
                                };
                                view! {
                                    <div class="field" data-triage=qid>
                                        <label for=id.clone()>{q.text}</label>
                                        <p class="field-hint">{hint}</p>
                                        <textarea
                                            id=id
                                            rows="2"
                                            prop:value=move || answers.with(|a| a.get(qid).cloned().unwrap_or_default())
                                            on:input=move |ev| {
                                                let v = event_target_value(&ev);
                                                answers.update(|a: &mut BTreeMap<String, String>| {
                                                    a.insert(qid.to_string(), v);
                                                });
                                            }
                                        ></textarea>
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                    <fieldset class="outcomes">
                        <legend>"Decision"</legend>
                        {TriageOutcome::ALL
                            .into_iter()
                            .map(|o| {
                                let name = outcome_name.clone();
                                view! {
                                    <label class="choice outcome">
                                        <input
                                            type="radio"
                                            name=name
                                            value=o.id()
                                            prop:checked=move || outcome.get() == Some(o)
                                            on:change=move |_| outcome.set(Some(o))
                                        />
                                        <strong>{o.name()}</strong>
                                        <span class="outcome-description">{o.description()}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for=reasons_id.clone()>"Why the client is being lost"</label>
                        <p class="field-hint">"Required to let the client go well: the lessons are what the loss is worth."</p>
                        <textarea
                            id=reasons_id
                            rows="3"
                            aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())
                            prop:value=move || reasons.get()
                            on:input=move |ev| reasons.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <Show when=move || error.with(Option::is_some)>
                        <p class="field-error" id=error_id2.clone() role="alert">{move || error.get().unwrap_or_default()}</p>
                    </Show>
                    <Show when=move || saved.get()>
                        <p class="saved" role="status">"Decision recorded."</p>
                    </Show>
                    <button type="submit" class="button primary">"Record the decision"</button>
                </form>
    }
}

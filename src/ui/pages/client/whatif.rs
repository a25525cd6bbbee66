//! What-if mode: mark hypothetical changes and see, beside today, what the
//! client would look like (`domain::whatif`). A simulation: nothing is saved
//! until "Apply", which stores the simulated client as one edit with one
//! undo; closing the mode or leaving the page discards it.

use leptos::prelude::*;

use super::common::{parse_date_opt, uid, Ctx};
use crate::domain::whatif::{evaluate, Change, Picture};
use crate::domain::{Client, Id, Stance};

/// What the user marked for one person.
const PERSON_CHOICES: [(&str, &str); 4] = [
    ("", "No change"),
    ("leaves", "Leaves"),
    ("opposed", "Becomes opposed"),
    ("promoter", "Becomes a promoter"),
];

/// The marks of the what-if, as the controls hold them.
#[derive(Clone, Default, PartialEq)]
struct Marks {
    people: Vec<(Id, String)>,
    resolved: Vec<Id>,
    contract: String,
    competitor: bool,
}

impl Marks {
    fn changes(&self) -> Vec<Change> {
        let mut out: Vec<Change> = self
            .people
            .iter()
            .filter_map(|(id, m)| match m.as_str() {
                "leaves" => Some(Change::Leaves(id.clone())),
                "opposed" => Some(Change::Stance(id.clone(), Stance::Opposed)),
                "promoter" => Some(Change::Stance(id.clone(), Stance::Promoter)),
                _ => None,
            })
            .collect();
        out.extend(self.resolved.iter().cloned().map(Change::Resolved));
        if let Ok(Some(d)) = parse_date_opt(&self.contract) {
            out.push(Change::ContractUntil(d));
        }
        if self.competitor {
            out.push(Change::CompetitorInvited);
        }
        out
    }
}

#[component]
pub fn WhatIf(ctx: Ctx) -> impl IntoView {
    let open = RwSignal::new(false);
    let marks = RwSignal::new(Marks::default());
    let undo = RwSignal::new(None::<Client>);
    let leave = move |_| {
        marks.set(Marks::default());
        open.set(false);
    };
    let start = move |_| {
        undo.set(None);
        open.set(true);
    };
    let undo_apply = move |_| {
        if let Some(before) = undo.get_untracked() {
            ctx.edit(|c| *c = before);
            undo.set(None);
        }
    };
    view! {
        <div class="whatif">
            // Always present, so screen readers hear the mode start and end.
            <p class="visually-hidden" aria-live="polite">
                {move || if open.get() { "Simulation started: what-if mode, nothing is saved." } else { "" }}
            </p>
            <Show when=move || !open.get()>
                <button type="button" class="button" on:click=start>"What if…? (simulate changes)"</button>
            </Show>
            <Show when=move || undo.with(Option::is_some)>
                <div class="notice info" role="status">
                    <p>"The what-if changes were applied to this client."</p>
                    <button type="button" class="button" on:click=undo_apply>"Undo what-if changes"</button>
                </div>
            </Show>
            <Show when=move || open.get()>
                <section class="whatif-panel" aria-label="What-if simulation" data-whatif="true">
                    <div class="whatif-banner">
                        <strong>"Simulation: "</strong>
                        "nothing here is saved and the board does not change. Closing the what-if discards it."
                    </div>
                    <Controls ctx=ctx marks=marks/>
                    <Comparison ctx=ctx marks=marks open=open undo=undo/>
                    <button type="button" class="button quiet" on:click=leave>"Leave the what-if (discard)"</button>
                </section>
            </Show>
        </div>
    }
}

#[component]
fn Controls(ctx: Ctx, marks: RwSignal<Marks>) -> impl IntoView {
    let people = move || {
        ctx.client.with(|c| {
            c.stakeholders
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let issues = move || {
        ctx.client.with(|c| {
            c.issues
                .iter()
                .filter(|i| i.is_open())
                .map(|i| (i.id.clone(), i.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let contract_id = uid("whatif-contract");
    let competitor_id = uid("whatif-competitor");
    view! {
        <fieldset class="whatif-controls">
            <legend>"Hypothetical changes"</legend>
            {move || people().into_iter().map(|(id, name)| {
                let field = uid("whatif-person");
                let key = id.clone();
                let set = move |ev| {
                    let v = event_target_value(&ev);
                    let key = key.clone();
                    marks.update(|m| {
                        m.people.retain(|(i, _)| i != &key);
                        m.people.push((key, v));
                    });
                };
                view! {
                    <div class="field">
                        <label for=field.clone()>"What if " {name.clone()}</label>
                        <select id=field on:change=set>
                            {PERSON_CHOICES.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
            {move || issues().into_iter().map(|(id, title)| {
                let field = uid("whatif-issue");
                let set = move |ev| {
                    let on = event_target_checked(&ev);
                    let id = id.clone();
                    marks.update(|m| {
                        m.resolved.retain(|i| i != &id);
                        if on {
                            m.resolved.push(id);
                        }
                    });
                };
                view! {
                    <div class="field checkbox">
                        <input type="checkbox" id=field.clone() on:change=set/>
                        <label for=field>"\u{201c}" {title} "\u{201d} is resolved"</label>
                    </div>
                }
            }).collect_view()}
            <div class="field">
                <label for=contract_id.clone()>"A contract is signed until (YYYY-MM-DD)"</label>
                <input
                    id=contract_id
                    type="text"
                    inputmode="numeric"
                    placeholder="YYYY-MM-DD"
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        marks.update(|m| m.contract = v);
                    }
                />
            </div>
            <div class="field checkbox">
                <input
                    type="checkbox"
                    id=competitor_id.clone()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        marks.update(|m| m.competitor = on);
                    }
                />
                <label for=competitor_id>"They invite a competitor in"</label>
            </div>
        </fieldset>
    }
}

#[component]
fn Comparison(
    ctx: Ctx,
    marks: RwSignal<Marks>,
    open: RwSignal<bool>,
    undo: RwSignal<Option<Client>>,
) -> impl IntoView {
    let result = Memo::new(move |_| {
        let changes = marks.with(Marks::changes);
        ctx.client
            .with(|c| (changes.clone(), evaluate(c, &changes, ctx.today())))
    });
    let apply = move |_| {
        let (changes, w) = result.get_untracked();
        if changes.is_empty() {
            return;
        }
        let before = ctx.client.get_untracked();
        let after = w.client;
        ctx.edit(|c| *c = after);
        undo.set(Some(before));
        marks.set(Marks::default());
        open.set(false);
    };
    let described = move || {
        result.with(|(changes, _)| {
            ctx.client
                .with(|c| changes.iter().map(|ch| ch.describe(c)).collect::<Vec<_>>())
        })
    };
    let moved = move || {
        result.with(|(_, w)| {
            w.answer_changes
                .iter()
                .map(|m| {
                    let from = m.from.map_or("open", |a| a.label());
                    format!(
                        "{}: {} \u{2192} {}",
                        m.question.question().text,
                        from,
                        m.to.label()
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let new_plan = move || {
        result.with(|(_, w)| {
            w.new_proposals()
                .iter()
                .map(|p| p.title.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="whatif-result">
            <p class="whatif-changes">
                {move || {
                    let d = described();
                    if d.is_empty() { "Mark a change above to see what it would do.".to_string() } else { format!("Simulating: {}.", d.join("; ")) }
                }}
            </p>
            <p class="hint">
                "How the simulation reads the answers: answers the changed evidence would suggest differently are taken as changed, and an answer resting on evidence that is gone becomes healthy. A competitor invited in answers the questions about meeting and listening to rivals with yes."
            </p>
            <div class="whatif-columns">
                <Side title="Today" picture=Signal::derive(move || result.with(|(_, w)| w.today.clone())) hook="today"/>
                <Side title="What if (simulation)" picture=Signal::derive(move || result.with(|(_, w)| w.simulated.clone())) hook="simulated"/>
            </div>
            <Show when=move || !moved().is_empty()>
                <h4>"Answers taken as changed in the simulation"</h4>
                <ul class="whatif-answers">{move || moved().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </Show>
            <Show when=move || !new_plan().is_empty()>
                <h4>"The plan would propose"</h4>
                <ul class="whatif-plan">{move || new_plan().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </Show>
            <button type="button" class="button primary" on:click=apply disabled=move || described().is_empty()>
                "Apply these changes to the client"
            </button>
        </div>
    }
}

#[component]
fn Side(title: &'static str, picture: Signal<Picture>, hook: &'static str) -> impl IntoView {
    let category = move || picture.with(|p| p.verdict.category);
    let signs = move || {
        picture.with(|p| {
            p.warnings
                .iter()
                .map(|w| view! { <li data-warning=w.sign.id()>{w.sign.label()}</li> })
                .collect_view()
        })
    };
    let reasons = move || {
        picture.with(|p| {
            p.verdict
                .reasons
                .iter()
                .map(|r| view! { <li>{r.question.question().text} " " <strong>{r.answer.label()}</strong></li> })
                .collect_view()
        })
    };
    let suggestions = move || picture.with(|p| p.suggestions.len());
    view! {
        <div class="whatif-side" data-whatif-side=hook>
            <h4>{title}</h4>
            <p>
                "Verdict: "
                <strong data-whatif-verdict=move || category().id()>{move || category().name()}</strong>
            </p>
            <details>
                <summary>"Reasons (" {move || picture.with(|p| p.verdict.reasons.len())} ")"</summary>
                <ul>{reasons}</ul>
            </details>
            <p>"Warning signs (" {move || picture.with(|p| p.warnings.len())} "):"</p>
            <ul class="whatif-signs">{signs}</ul>
            <p>"Evidence suggestions not yet in the answers: " {suggestions}</p>
        </div>
    }
}

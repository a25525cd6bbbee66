//! The check-up: gut placement first, then the questionnaire section by
//! section, with evidence suggestions at their question, and the live
//! verdict (with the override) always in view.

use leptos::prelude::*;

use super::common::{uid, Ctx};
use crate::domain::{
    clear_answer, confirm, pending_suggestions, set_answer, Answer, Assessment, Id, QuestionId,
    Section, Suggestion,
};
use crate::ui::store::new_id;
use gut::Gut;
use verdict::VerdictPanel;

mod gut;
mod override_box;
mod path_panel;
mod verdict;

#[component]
pub fn AssessmentTab(ctx: Ctx) -> impl IntoView {
    let today = ctx.today();
    let has_current = Memo::new(move |_| ctx.client.with(|c| !c.assessments.is_empty()));
    let current_date =
        Memo::new(move |_| ctx.client.with(|c| c.current_assessment().map(|a| a.date)));
    let current_is_empty = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.current_assessment()
                .is_none_or(|a| a.answers.is_empty() && a.gut.is_none())
        })
    });
    let answered = Memo::new(move |_| {
        ctx.client
            .with(|c| c.current_assessment().map_or(0, |a| a.answers.len()))
    });
    let suggestions = Memo::new(move |_| {
        ctx.client.with(|c| {
            let empty;
            let a = match c.current_assessment() {
                Some(a) => a,
                None => {
                    empty = Assessment::new(Id::new("none"), today);
                    &empty
                }
            };
            pending_suggestions(c, a, today)
        })
    });
    let start_new = move |_| {
        if current_is_empty.get_untracked() {
            return;
        }
        ctx.edit(|c| c.assessments.push(Assessment::new(new_id("a"), today)));
    };
    let call = Memo::new(move |_| ctx.gut_call());
    let total = QuestionId::ALL.len();
    view! {
        <div class="assessment-layout">
            <div class="questionnaire">
                <div class="assessment-intro">
                    <p>
                        {move || match current_date.get() {
                            Some(d) => format!("Check-up of {d}."),
                            None => "No check-up yet: your first answer starts one dated today.".to_string(),
                        }}
                    </p>
                    <Show when=move || has_current.get() && !current_is_empty.get()>
                        <button type="button" class="button" on:click=start_new>
                            "Start a new assessment"
                        </button>
                    </Show>
                </div>
                <Gut ctx=ctx call=call/>
                <div class="progress-line">
                    <label for="assessment-progress">
                        "Answered " {move || answered.get()} " of " {total}
                    </label>
                    <progress id="assessment-progress" max=total value=move || answered.get()></progress>
                </div>
                {Section::ALL
                    .into_iter()
                    .map(|s| view! { <SectionBlock ctx=ctx section=s suggestions=suggestions/> })
                    .collect_view()}
            </div>
            <VerdictPanel ctx=ctx answered=answered call=call/>
        </div>
    }
}

#[component]
fn SectionBlock(ctx: Ctx, section: Section, suggestions: Memo<Vec<Suggestion>>) -> impl IntoView {
    let heading = uid("section");
    view! {
        <section class="question-section" aria-labelledby=heading.clone() data-section=section.category().id()>
            <h2 id=heading.clone()>{section.title()}</h2>
            <p class="section-intro">{section.intro()}</p>
            {section
                .questions()
                .map(|q| view! { <QuestionBlock ctx=ctx question=q.id suggestions=suggestions/> })
                .collect_view()}
        </section>
    }
}

#[component]
fn QuestionBlock(
    ctx: Ctx,
    question: QuestionId,
    suggestions: Memo<Vec<Suggestion>>,
) -> impl IntoView {
    let q = question.question();
    let entry = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.current_assessment()
                .and_then(|a| a.answers.get(&question).cloned())
        })
    });
    let previous = Memo::new(move |_| {
        ctx.client.with(|c| {
            let prev = if c.current_assessment().is_some() {
                c.previous_assessment()
            } else {
                None
            };
            prev.and_then(|a| a.answers.get(&question).map(|e| (a.date, e.clone())))
        })
    });
    let suggestion = Memo::new(move |_| {
        suggestions.with(|s| s.iter().find(|s| s.question == question).cloned())
    });
    // The note typed before any answer is given, used when the answer comes.
    let draft = RwSignal::new(String::new());
    let answer = move |a: Answer| {
        let note = entry
            .get_untracked()
            .map(|e| e.note)
            .unwrap_or_else(|| draft.get_untracked());
        ctx.edit_assessment(|x| set_answer(x, question, a, &note));
    };
    let save_note = move |text: String| match entry.get_untracked() {
        Some(e) if e.note != text => {
            ctx.edit_assessment(|x| set_answer(x, question, e.answer, &text));
        }
        Some(_) => {}
        None => draft.set(text),
    };
    let name = format!("q-{}", question.as_str());
    let note_id = uid("note");
    let hint_id = uid("hint");
    let state = move || match entry.get() {
        None => "open",
        Some(e) if q.is_healthy(e.answer) => "healthy",
        Some(_) => "unhealthy",
    };
    view! {
        <fieldset class="question" data-question=question.as_str() data-state=state>
            <legend>{q.text}</legend>
                {(!q.hint.is_empty()).then(|| view! { <p class="question-hint" id=hint_id.clone()>{q.hint}</p> })}
                <div class="answers">
                    {Answer::ALL
                        .into_iter()
                        .map(|a| {
                            let name = name.clone();
                            view! {
                                <label class="answer" data-answer=a.id()>
                                    <input
                                        type="radio"
                                        name=name
                                        value=a.id()
                                        prop:checked=move || entry.with(|e| e.as_ref().map(|e| e.answer) == Some(a))
                                        on:change=move |_| answer(a)
                                    />
                                    {a.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                    <Show when=move || entry.with(Option::is_some)>
                        <button
                            type="button"
                            class="button quiet small clear-answer"
                            on:click=move |_| ctx.edit_assessment(|x| clear_answer(x, question))
                        >
                            "Clear"
                            <span class="visually-hidden">" this answer"</span>
                        </button>
                    </Show>
                </div>
            <div class="note-field">
                <label for=note_id.clone()>"Evidence or comment"</label>
                <textarea
                    id=note_id
                    rows="1"
                    prop:value=move || entry.with(|e| e.as_ref().map(|e| e.note.clone())).unwrap_or_else(|| draft.get())
                    on:change=move |ev| save_note(event_target_value(&ev))
                ></textarea>
            </div>
            {move || {
                previous
                    .get()
                    .map(|(date, e)| {
                        let note = (!e.note.is_empty()).then(|| format!(" — {}", e.note));
                        view! {
                            <p class="previous-answer">
                                "Last check-up (" {date.to_string()} "): "
                                <strong>{e.answer.label()}</strong>
                                {note}
                            </p>
                        }
                    })
            }}
            {move || suggestion.get().map(|s| view! { <SuggestionBox ctx=ctx suggestion=s/> })}
        </fieldset>
    }
}

/// What the evidence suggests for a question, with the evidence and Accept.
#[component]
fn SuggestionBox(ctx: Ctx, suggestion: Suggestion) -> impl IntoView {
    let evidence: Vec<String> = suggestion.evidence.iter().map(|e| e.describe()).collect();
    let answer = suggestion.answer.label();
    let because = suggestion.because;
    let accept = move |_| {
        let s = suggestion.clone();
        ctx.edit_assessment(|a| confirm(a, &s));
    };
    view! {
        <div class="suggestion" role="note" data-suggestion=answer.to_lowercase()>
            <p>
                "The evidence suggests " <strong>{answer}</strong> ": " {because}
            </p>
            <ul class="evidence">
                {evidence.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
            <button type="button" class="button small" on:click=accept>"Accept"</button>
        </div>
    }
}

//! What every tab of the client workspace shares: the handle on the client,
//! the reading of what people type (from `present::input`), and a
//! labelled, validated text field.

use std::cell::Cell;

use leptos::prelude::*;

use crate::domain::{gut_call, Assessment, Client, ClientView, Date, GutCall, Id, Importance};
pub use crate::present::input::{
    date_text, margin_text, parse_date, parse_date_opt, parse_margin, parse_revenue, parse_tags,
};
use crate::ui::store::{new_id, Store};

/// The client being worked on: its data, its verdict, and how to change it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub store: Store,
    pub id: StoredValue<Id>,
    pub client: ReadSignal<Client>,
    pub view: Memo<ClientView>,
}

impl Ctx {
    /// Changes the client (only this client is re-computed and saved).
    pub fn edit(self, change: impl FnOnce(&mut Client)) {
        let id = self.id.get_value();
        self.store.edit(&id, change);
    }

    /// Changes the current assessment, starting one dated today if there is none.
    pub fn edit_assessment(self, change: impl FnOnce(&mut Assessment)) {
        let today = self.store.today.get_untracked();
        self.edit(|c| {
            if c.assessments.is_empty() {
                c.assessments.push(Assessment::new(new_id("a"), today));
            }
            if let Some(a) = c.assessments.last_mut() {
                change(a);
            }
        });
    }

    /// Where the current check-up's gut call stands (see `domain::gut`).
    pub fn gut_call(self) -> GutCall {
        let today = self.today();
        self.client.with(|c| {
            let current = c.current_assessment();
            let skipped =
                current.is_some_and(|a| self.store.gut_skipped.with(|s| s.contains(&a.id)));
            gut_call(current, today, skipped)
        })
    }

    /// Skips the current check-up's gut call, starting one dated today if
    /// there is none (the skip belongs to a check-up).
    pub fn skip_gut_call(self) {
        if self.client.with_untracked(|c| c.assessments.is_empty()) {
            self.edit_assessment(|_| {});
        }
        let current = self
            .client
            .with_untracked(|c| c.current_assessment().map(|a| a.id.clone()));
        if let Some(id) = current {
            self.store.skip_gut_call(&id);
        }
    }

    pub fn today(self) -> Date {
        self.store.today.get()
    }

    pub fn id_string(self) -> String {
        self.id.with_value(|id| id.0.clone())
    }
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A page-unique element id, for labels and error messages.
pub fn uid(prefix: &str) -> String {
    NEXT_ID.with(|n| {
        let v = n.get().wrapping_add(1);
        n.set(v);
        format!("{prefix}-{v}")
    })
}

pub fn importance_id(i: Option<Importance>) -> &'static str {
    i.map_or("", Importance::id)
}

pub fn importance_from_id(s: &str) -> Option<Importance> {
    Importance::from_id(s)
}

/// A labelled text field that saves when the user leaves it (or presses
/// Enter). `commit` returns a message when the text cannot be saved; the
/// message is shown next to the field and nothing is saved.
#[component]
pub fn Field(
    label: &'static str,
    /// The stored value, as text (a memo, so other edits leave the field alone).
    #[prop(into)]
    value: Signal<String>,
    commit: Callback<String, Result<(), String>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let id = uid("f");
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let error = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        error.set(commit.run(text).err());
    };
    let described = described_by(hint, hint_id.clone(), err_id.clone(), error);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="3"
                placeholder=placeholder
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:change=on_change
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                placeholder=placeholder
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:change=on_change
            />
        }
        .into_any()
    };
    view! {
        <div class=format!("field {class}") class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {control}
            {(!hint.is_empty()).then(|| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" id=err_id.clone() role="alert">
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}

/// A labelled text input bound to a local draft (for "add" forms), with an
/// optional error shown beside it.
#[component]
pub fn DraftField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<RwSignal<Option<String>>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] inputmode: &'static str,
) -> impl IntoView {
    let id = uid("d");
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let error = error.unwrap_or_else(|| RwSignal::new(None));
    let described = described_by(hint, hint_id.clone(), err_id.clone(), error);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="2"
                placeholder=placeholder
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                placeholder=placeholder
                required=required
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {control}
            {(!hint.is_empty()).then(|| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" id=err_id.clone() role="alert">
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}

/// A labelled `<select>` over fixed choices (value, label).
#[component]
pub fn Choice(
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] value: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let id = uid("s");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id.clone() on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        view! {
                            <option value=v prop:selected=move || value.with(|x| x == v)>
                                {l}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The `aria-describedby` of a field: its hint, and its error while there is one.
fn described_by(
    hint: &'static str,
    hint_id: String,
    err_id: String,
    error: RwSignal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push(hint_id.clone());
        }
        if error.with(Option::is_some) {
            ids.push(err_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

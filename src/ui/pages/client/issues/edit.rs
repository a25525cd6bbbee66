//! Editing a record's texts in place: an Edit button that turns into a
//! small form, and the focus handed back when it closes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Id;
use crate::ui::pages::client::common::DraftField;

/// One text to edit in place: label, text now, and whether it is multi-line.
type EditText = (&'static str, String, bool);

/// Saves the edited texts of a record; a message when they cannot be kept.
type SaveTexts = Callback<(Id, Vec<String>), Result<(), String>>;

/// An "Edit" button that turns into a form editing existing text in place:
/// labelled fields, Save and Cancel. The first field takes the focus and
/// Escape cancels; when `save` refuses, its message shows and the form
/// stays open. `editing` holds the one record being edited in the list.
#[component]
pub(super) fn EditInPlace(
    editing: RwSignal<Option<Id>>,
    id: Id,
    /// The button's words, and what it edits (for screen readers).
    button: &'static str,
    what: String,
    /// The form's accessible name.
    name: String,
    fields: Vec<EditText>,
    save: SaveTexts,
    #[prop(optional)] quiet: bool,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let open = move || editing.with(|e| id.with_value(|id| e.as_ref() == Some(id)));
    let fields = StoredValue::new(fields);
    let name = StoredValue::new(name);
    let button_view = move || {
        view! {
            <button
                type="button"
                class="button small edit-text"
                class:quiet=quiet
                data-edit-for=id.get_value().0
                on:click=move |_| editing.set(Some(id.get_value()))
            >
                {button} <span class="visually-hidden">" " {what.clone()}</span>
            </button>
        }
    };
    view! {
        <Show when=open fallback=button_view>
            <EditForm
                name=name.get_value()
                fields=fields.get_value()
                save=Callback::new(move |texts| save.run((id.get_value(), texts)))
                done=Callback::new(move |_| {
                    editing.set(None);
                    focus_edit_button(id.get_value());
                })
            />
        </Show>
    }
}

/// Gives the focus back to a record's Edit button once the form is gone
/// (after the list has re-rendered), so the keyboard user keeps their place.
fn focus_edit_button(id: Id) {
    request_animation_frame(move || {
        let found = document()
            .query_selector_all("[data-edit-for]")
            .ok()
            .and_then(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    .find(|el| el.get_attribute("data-edit-for").as_deref() == Some(id.as_str()))
            });
        if let Some(el) = found {
            let _ = el.focus();
        }
    });
}

#[component]
fn EditForm(
    name: String,
    fields: Vec<EditText>,
    save: Callback<Vec<String>, Result<(), String>>,
    done: Callback<()>,
) -> impl IntoView {
    let values: Vec<RwSignal<String>> = fields
        .iter()
        .map(|(_, v, _)| RwSignal::new(v.clone()))
        .collect();
    let error = RwSignal::new(None::<String>);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        let first = form
            .get()
            .and_then(|f| f.query_selector("input, textarea").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = first {
            let _ = el.focus();
        }
    });
    let submit = {
        let values = values.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let texts = values.iter().map(|v| v.get_untracked()).collect();
            match save.run(texts) {
                Ok(()) => done.run(()),
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            done.run(());
        }
    };
    // The message belongs to the first field (the one that can be refused).
    let controls = fields
        .into_iter()
        .zip(values)
        .enumerate()
        .map(|(i, ((label, _, multiline), value))| {
            let error = (i == 0).then_some(error);
            view! { <DraftField label=label value=value error=error.unwrap_or_else(|| RwSignal::new(None)) multiline=multiline/> }
        })
        .collect_view();
    view! {
        <form class="edit-form" node_ref=form on:submit=submit on:keydown=keydown novalidate aria-label=name>
            {controls}
            <div class="form-actions">
                <button type="submit" class="button small primary">"Save"</button>
                <button type="button" class="button small" on:click=move |_| done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

//! A new passphrase typed twice, with its strength in words and what is
//! wrong with it: the locked export and the locked backups share it.

use leptos::prelude::*;

use crate::present::passphrase::{hint, strength, Strength};

/// The two fields; `id` prefixes their ids ("export" gives
/// `export-passphrase`), `label` names the first ("Passphrase") and, with
/// "again", the second.
#[component]
pub(super) fn NewPassphrase(
    id: &'static str,
    label: &'static str,
    passphrase: RwSignal<String>,
    again: RwSignal<String>,
    problem: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let first = format!("{id}-passphrase");
    let second = format!("{id}-passphrase-again");
    let hint_id = format!("{id}-passphrase-hint");
    // The strength is in the hint's words; the class only adds colour.
    let strength_class = move || match strength(&passphrase.get()) {
        Strength::Strong => "passphrase-hint strong",
        Strength::Fair => "passphrase-hint fair",
        Strength::Empty => "passphrase-hint",
        _ => "passphrase-hint weak",
    };
    view! {
        <label for=first.clone()>{label}</label>
        <input
            id=first
            type="password"
            autocomplete="new-password"
            spellcheck="false"
            aria-describedby=hint_id.clone()
            prop:value=move || passphrase.get()
            on:input=move |ev| passphrase.set(event_target_value(&ev))
        />
        <p id=hint_id class=strength_class aria-live="polite">
            {move || hint(&passphrase.get())}
        </p>
        <label for=second.clone()>{format!("{label} again")}</label>
        <input
            id=second
            type="password"
            autocomplete="new-password"
            spellcheck="false"
            prop:value=move || again.get()
            on:input=move |ev| again.set(event_target_value(&ev))
        />
        <p class="passphrase-problem" role="alert">{move || problem.get()}</p>
    }
}

//! Opening a passphrase-locked file: [`LockedFile`] (a file that
//! `storage::locked::is_locked` recognised) and [`PassphrasePrompt`], which
//! asks for its passphrase and hands the unlocked export to a callback. A
//! wrong passphrase is said plainly and changes nothing. Used by the team
//! view; the Settings import can use it the same way (see `crate::ui::locked`).

use leptos::prelude::*;

use crate::edge::crypto::{unlock, UnlockError};

/// A locked file waiting for its passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockedFile {
    /// The file's name, as picked.
    pub name: String,
    /// The locked file's bytes, as read.
    pub bytes: Vec<u8>,
}

impl LockedFile {
    /// Whether `bytes` look like a locked file (a cheap sniff).
    pub fn recognise(name: String, bytes: &[u8]) -> Option<LockedFile> {
        crate::storage::locked::is_locked(bytes).then(|| LockedFile {
            name,
            bytes: bytes.to_vec(),
        })
    }
}

/// Asks for `file`'s passphrase ("Passphrase for <name>", "Unlock"); on
/// success calls `on_unlock` with the file's name and the export it wraps.
/// `on_cancel`, if given, shows a "Cancel" button.
#[component]
pub fn PassphrasePrompt(
    file: LockedFile,
    on_unlock: Callback<(String, Vec<u8>)>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let name = file.name.clone();
    let bytes = StoredValue::new(file.bytes);
    let passphrase = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let file_name = StoredValue::new(name.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            error.set(Some("Type the passphrase first.".into()));
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let data = bytes.with_value(|b| b.clone());
            let result = unlock(&data, &typed).await;
            busy.set(false);
            match result {
                Ok(plain) => {
                    passphrase.set(String::new());
                    on_unlock.run((file_name.get_value(), plain));
                }
                Err(UnlockError::WrongPassphrase) => error.set(Some(
                    "Wrong passphrase: the file is still locked and nothing was changed. Try again."
                        .into(),
                )),
                Err(e) => error.set(Some(format!("This file cannot be opened: {e}."))),
            }
        });
    };
    view! {
        <form class="passphrase-prompt" on:submit=submit>
            <p>
                <strong>{name.clone()}</strong>
                " is locked with a passphrase. Ask the person who exported it for the passphrase."
            </p>
            <div class="row">
                <label>
                    {format!("Passphrase for {name}")}
                    <input
                        type="password"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit" class="button primary" disabled=move || busy.get()>
                    "Unlock"
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button" on:click=move |_| cancel.run(())>
                        "Cancel"
                    </button>
                })}
            </div>
            <p class="passphrase-status" role="status" aria-live="polite">
                {move || if busy.get() { "Unlocking…" } else { "" }}
            </p>
            <p class="passphrase-error" role="alert">{move || error.get()}</p>
        </form>
    }
}

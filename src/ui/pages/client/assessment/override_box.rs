//! Overriding the computed category: a placement and a reason, checked by
//! the domain's [`make_override`] before it is recorded.

use leptos::prelude::*;

use crate::domain::{make_override, Category, Override, OverrideError};
use crate::ui::pages::client::common::{uid, Ctx};

#[component]
pub(super) fn OverrideBox(ctx: Ctx, overridden: Memo<Option<Override>>) -> impl IntoView {
    let choice = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let select_id = uid("ovr");
    let reason_id = uid("ovr-reason");
    let err_id = uid("ovr-err");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let made = make_override(
            Category::from_id(&choice.get_untracked()),
            &reason.get_untracked(),
        );
        let placed = match made {
            Ok(placed) => placed,
            Err(OverrideError::NoCategory) => {
                error.set(Some(
                    "Choose the category you place the client in.".to_string(),
                ));
                return;
            }
            Err(OverrideError::NoReason) => {
                error.set(Some(
                    "Write why you place the client differently from the answers.".to_string(),
                ));
                return;
            }
        };
        error.set(None);
        ctx.edit_assessment(|a| a.r#override = Some(placed));
        reason.set(String::new());
        choice.set(String::new());
    };
    let clear = move |_| ctx.edit_assessment(|a| a.r#override = None);
    let err_id2 = err_id.clone();
    view! {
        <details class="override">
            <summary>"Override the category"</summary>
            <Show when=move || overridden.with(Option::is_some)>
                <p>
                    "Overridden. The computed category stays visible. "
                    <button type="button" class="button small" on:click=clear>"Clear override"</button>
                </p>
            </Show>
            <form on:submit=save novalidate>
                <div class="field">
                    <label for=select_id.clone()>"Place the client in"</label>
                    <select id=select_id on:change=move |ev| choice.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || choice.with(String::is_empty)>"Choose…"</option>
                        {Category::PLACEMENTS
                            .into_iter()
                            .map(|c| view! {
                                <option value=c.id() prop:selected=move || choice.with(|x| x == c.id())>{c.name()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=reason_id.clone()>"Reason for the override"</label>
                    <textarea
                        id=reason_id
                        rows="2"
                        aria-describedby=move || error.with(Option::is_some).then(|| err_id.clone())
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <Show when=move || error.with(Option::is_some)>
                    <p class="field-error" id=err_id2.clone() role="alert">{move || error.get().unwrap_or_default()}</p>
                </Show>
                <button type="submit" class="button">"Override"</button>
            </form>
        </details>
    }
}

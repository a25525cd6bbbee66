//! The gut call at the top of the check-up: the user places the client by
//! gut feeling (or skips it) before the verdict's reasons show.

use leptos::prelude::*;

use crate::domain::{Category, GutCall};
use crate::ui::pages::client::common::{uid, Ctx};

/// "Where do you think this client stands?", asked before the questions.
#[component]
pub(super) fn Gut(ctx: Ctx, call: Memo<GutCall>) -> impl IntoView {
    let gut = Memo::new(move |_| match call.get() {
        GutCall::Given(c) => Some(c),
        _ => None,
    });
    let name = uid("gut");
    view! {
        <fieldset class="gut" data-gut-call=move || match call.get() {
            GutCall::Owed => "owed",
            GutCall::Given(_) => "given",
            GutCall::Skipped => "skipped",
            GutCall::Passed => "passed",
        }>
            <legend>"Where do you think this client stands?"</legend>
            <p class="field-hint">
                "Your gut feeling first, before the questions. The reasons for the verdict show once you have placed the client or skipped this; comparing the two shows what you might not be seeing."
            </p>
            <div class="choices">
                {Category::PLACEMENTS
                    .into_iter()
                    .map(|c| {
                        let name = name.clone();
                        view! {
                            <label class="choice" data-category=c.id()>
                                <input
                                    type="radio"
                                    name=name
                                    value=c.id()
                                    prop:checked=move || gut.get() == Some(c)
                                    on:change=move |_| ctx.edit_assessment(|a| a.gut = Some(c))
                                />
                                {c.name()}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <Show when=move || call.get().owed()>
                <button type="button" class="button quiet small" on:click=move |_| ctx.skip_gut_call()>
                    "Skip the gut call"
                </button>
            </Show>
            <Show when=move || call.get() == GutCall::Skipped>
                <p class="field-hint gut-skipped">"You skipped the gut call for this check-up."</p>
            </Show>
            <Show when=move || gut.get().is_some()>
                <button
                    type="button"
                    class="button quiet small"
                    on:click=move |_| ctx.edit_assessment(|a| a.gut = None)
                >
                    "Clear my placement"
                </button>
            </Show>
        </fieldset>
    }
}

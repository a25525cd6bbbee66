//! Touchpoints: the contacts with the client, newest first, with a quick
//! add and editing in place.

use leptos::prelude::*;

use super::edit::EditInPlace;
use crate::domain::{Channel, Id, Touchpoint, TouchpointKind};
use crate::ui::pages::client::common::{parse_date, uid, Choice, Ctx, DraftField};
use crate::ui::store::new_id;

const CHANNELS: [(Channel, &str, &str); 6] = [
    (Channel::Meeting, Channel::Meeting.id(), "Meeting"),
    (Channel::Call, Channel::Call.id(), "Call"),
    (Channel::Review, Channel::Review.id(), "Review"),
    (Channel::Lunch, Channel::Lunch.id(), "Lunch"),
    (Channel::Email, Channel::Email.id(), "Email"),
    (Channel::Other, Channel::Other.id(), "Other"),
];

fn channel_name(c: Channel) -> &'static str {
    CHANNELS
        .iter()
        .find(|(x, _, _)| *x == c)
        .map_or("Other", |(_, _, n)| n)
}

#[component]
pub(super) fn Touchpoints(ctx: Ctx) -> impl IntoView {
    let today = ctx.today();
    let date = RwSignal::new(today.to_string());
    let channel = RwSignal::new(Channel::Meeting.id().to_string());
    let kind = RwSignal::new(TouchpointKind::Business);
    let with = RwSignal::new(Vec::<String>::new());
    let note = RwSignal::new(String::new());
    let date_err = RwSignal::new(None::<String>);
    let people = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.stakeholders
                .iter()
                .map(|s| (s.id.0.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let list = Memo::new(move |_| {
        ctx.client.with(|c| {
            let mut v: Vec<(Touchpoint, Vec<String>)> = c
                .touchpoints
                .iter()
                .map(|t| {
                    let names = t
                        .with
                        .iter()
                        .filter_map(|id| c.stakeholders.iter().find(|s| &s.id == id))
                        .map(|s| s.name.clone())
                        .collect();
                    (t.clone(), names)
                })
                .collect();
            crate::domain::sorting::sort_by_key(&mut v, |(t, _)| std::cmp::Reverse(t.date));
            v
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = parse_date(&date.get_untracked());
        date_err.set(d.clone().err());
        let Ok(d) = d else { return };
        let ch = CHANNELS
            .iter()
            .find(|(_, id, _)| *id == channel.get_untracked())
            .map_or(Channel::Other, |(c, _, _)| *c);
        let t = Touchpoint {
            id: new_id("t"),
            date: d,
            channel: ch,
            kind: kind.get_untracked(),
            with: with.get_untracked().into_iter().map(Id::new).collect(),
            note: note.get_untracked().trim().to_string(),
        };
        ctx.edit(|c| c.touchpoints.push(t));
        note.set(String::new());
        with.set(Vec::new());
        date.set(today.to_string());
    };
    let delete = move |id: Id| ctx.edit(|c| c.touchpoints.retain(|t| t.id != id));
    // The contact whose note is being edited.
    let editing = RwSignal::new(None::<Id>);
    let save_note = move |id: Id, texts: Vec<String>| -> Result<(), String> {
        let note = texts
            .first()
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        ctx.edit(|c| {
            if let Some(t) = c.touchpoints.iter_mut().find(|t| t.id == id) {
                t.note = note;
            }
        });
        Ok(())
    };
    let kind_name = uid("kind");
    view! {
        <section class="touchpoints" aria-labelledby="touchpoints-heading">
            <h2 id="touchpoints-heading">"Contacts"</h2>
            <form class="card quick-add" on:submit=submit novalidate aria-label="Record a contact">
                <div class="form-grid">
                    <DraftField label="Date" hint="YYYY-MM-DD" inputmode="numeric" value=date error=date_err/>
                    <Choice
                        label="Channel"
                        options=CHANNELS.iter().map(|(_, id, n)| (*id, *n)).collect()
                        value=channel
                        on_pick=Callback::new(move |v| channel.set(v))
                    />
                    <fieldset class="field inline-choices">
                        <legend>"Kind"</legend>
                        {[(TouchpointKind::Business, "Business"), (TouchpointKind::Personal, "Personal")]
                            .into_iter()
                            .map(|(k, label)| {
                                let kind_name = kind_name.clone();
                                view! {
                                    <label>
                                        <input
                                            type="radio"
                                            name=kind_name
                                            prop:checked=move || kind.get() == k
                                            on:change=move |_| kind.set(k)
                                        />
                                        {label}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <fieldset class="field inline-choices with-whom">
                        <legend>"With whom"</legend>
                        <Show
                            when=move || people.with(|p| !p.is_empty())
                            fallback=|| view! { <p class="field-hint">"Add people on the People tab to record who you met."</p> }
                        >
                            <For
                                each=move || people.get()
                                key=|p| p.clone()
                                children=move |(pid, pname)| {
                                    let (a, b) = (pid.clone(), pid.clone());
                                    view! {
                                        <label>
                                            <input
                                                type="checkbox"
                                                prop:checked=move || with.with(|w| w.contains(&a))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let id = b.clone();
                                                    with.update(|w| {
                                                        w.retain(|x| x != &id);
                                                        if on {
                                                            w.push(id);
                                                        }
                                                    });
                                                }
                                            />
                                            {pname}
                                        </label>
                                    }
                                }
                            />
                        </Show>
                    </fieldset>
                    <DraftField label="Note" value=note multiline=true/>
                </div>
                <button type="submit" class="button primary">"Record contact"</button>
            </form>
            <Show
                when=move || list.with(|v| !v.is_empty())
                fallback=|| view! { <p class="empty">"No contact recorded yet."</p> }
            >
                <ul class="touchpoint-list">
                    <For
                        each=move || list.get()
                        key=|(t, names)| (t.id.0.clone(), names.clone(), t.note.clone())
                        children=move |(t, names)| {
                            let id = t.id.clone();
                            let kind = t.kind.id();
                            let who = if names.is_empty() { String::new() } else { format!(" with {}", names.join(", ")) };
                            view! {
                                <li class="touchpoint" data-touchpoint=t.id.0.clone()>
                                    <span class="touchpoint-date">{t.date.to_string()}</span>
                                    " "
                                    <span>{channel_name(t.channel)} " (" {kind} ")" {who}</span>
                                    {(!t.note.is_empty()).then(|| view! { <span class="touchpoint-note">" — " {t.note.clone()}</span> })}
                                    <EditInPlace
                                        editing=editing
                                        id=t.id.clone()
                                        button="Edit note"
                                        what=format!("of the contact of {}", t.date)
                                        name=format!("Edit the note of the contact of {}", t.date)
                                        fields=vec![("Note", t.note.clone(), true)]
                                        save=Callback::new(move |(id, x)| save_note(id, x))
                                        quiet=true
                                    />
                                    <button type="button" class="button small quiet" on:click=move |_| delete(id.clone())>
                                        "Delete" <span class="visually-hidden">" contact of " {t.date.to_string()}</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

//! The stakeholder map: the people at the client, grouped by stance so the
//! obstacles (opposed, dissatisfied) come first.

use leptos::prelude::*;

use super::common::{date_text, parse_date_opt, Choice, Ctx, DraftField};
use crate::domain::evidence::last_contact;
use crate::domain::people::{key_person, known_in_role_on, single_points};
use crate::domain::{Id, Role, Stakeholder, Stance};
use crate::ui::store::new_id;

/// Stances in the order the map shows them: obstacles first.
const GROUPS: [Stance; 5] = [
    Stance::Opposed,
    Stance::Dissatisfied,
    Stance::Neutral,
    Stance::Supporter,
    Stance::Promoter,
];

#[component]
pub fn PeopleTab(ctx: Ctx) -> impl IntoView {
    let adding = RwSignal::new(false);
    let count = Memo::new(move |_| ctx.client.with(|c| c.stakeholders.len()));
    let on_add = Callback::new(move |s: Stakeholder| {
        ctx.edit(|c| c.stakeholders.push(s));
        adding.set(false);
    });
    let blank = move || Stakeholder {
        id: new_id("p"),
        name: String::new(),
        title: String::new(),
        role: Role::DecisionMaker,
        senior: false,
        stance: Stance::Neutral,
        rival_preference: String::new(),
        feedback_on: None,
        last_contact: None,
        notes: String::new(),
        still_in_role_on: None,
    };
    view! {
        <section class="people-tab" aria-label="People">
            <div class="tab-head">
                <h2>"People"</h2>
                <Show when=move || !adding.get()>
                    <button type="button" class="button primary" on:click=move |_| adding.set(true)>
                        "Add a person"
                    </button>
                </Show>
            </div>
            <Show when=move || adding.get()>
                <PersonForm
                    title="Add a person"
                    initial=blank()
                    submit_label="Add person"
                    on_save=on_add
                    on_cancel=Callback::new(move |_| adding.set(false))
                />
            </Show>
            <Show when=move || count.get() == 0>
                <p class="empty">
                    "Nobody recorded yet. Add the decision-makers, influencers, end users and sponsors: a relationship that rests on one friendly contact is not secure."
                </p>
            </Show>
            {GROUPS
                .into_iter()
                .map(|stance| view! { <StanceGroup ctx=ctx stance=stance/> })
                .collect_view()}
        </section>
    }
}

#[component]
fn StanceGroup(ctx: Ctx, stance: Stance) -> impl IntoView {
    let people = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.stakeholders
                .iter()
                .filter(|s| s.stance == stance)
                .map(|s| s.id.0.clone())
                .collect::<Vec<_>>()
        })
    });
    let heading = match stance {
        Stance::Opposed => "Opposed: engage them first",
        Stance::Dissatisfied => "Dissatisfied: engage them first",
        Stance::Neutral => "Neutral",
        Stance::Supporter => "Supporters",
        Stance::Promoter => "Promoters",
    };
    view! {
        <Show when=move || people.with(|p| !p.is_empty())>
            <section
                class="stance-group"
                class:obstacles=stance.is_obstacle()
                data-stance=stance.id()
                aria-label=stance.name()
            >
                <h3>{heading} " (" {move || people.with(Vec::len)} ")"</h3>
                <ul class="cards">
                    <For
                        each=move || people.get()
                        key=|id| id.clone()
                        children=move |id| view! { <PersonCard ctx=ctx id=Id::new(id)/> }
                    />
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn PersonCard(ctx: Ctx, id: Id) -> impl IntoView {
    let today = ctx.today();
    let key = id.clone();
    let person = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.stakeholders.iter().find(|s| s.id == key).map(|s| {
                let extra = (known_in_role_on(c, s), single_points(c, s));
                (s.clone(), last_contact(c, s), extra)
            })
        })
    });
    let editing = RwSignal::new(false);
    let id_save = id.clone();
    let on_save = Callback::new(move |s: Stakeholder| {
        let target = id_save.clone();
        ctx.edit(|c| {
            if let Some(x) = c.stakeholders.iter_mut().find(|x| x.id == target) {
                *x = s;
            }
        });
        editing.set(false);
    });
    let delete = move |_| {
        let target = id.clone();
        ctx.edit(|c| {
            c.stakeholders.retain(|x| x.id != target);
            for t in &mut c.touchpoints {
                t.with.retain(|x| x != &target);
            }
        });
    };
    move || {
        let Some((s, contact, (in_role, single))) = person.get() else {
            return ().into_any();
        };
        if editing.get() {
            return view! {
                <li class="card person editing">
                    <PersonForm
                        title="Edit person"
                        initial=s
                        submit_label="Save"
                        on_save=on_save
                        on_cancel=Callback::new(move |_| editing.set(false))
                    />
                </li>
            }
            .into_any();
        }
        let contact_text = match contact {
            Some(d) => format!("Last contact {d} ({} days ago)", today.days_since(d).max(0)),
            None => "No contact recorded".to_string(),
        };
        let feedback = match s.feedback_on {
            Some(d) => format!("Feedback received {d}"),
            None => "No feedback from this person yet".to_string(),
        };
        let name = s.name.clone();
        let delete = delete.clone();
        let key = key_person(&s);
        let in_role_text = match in_role {
            Some(d) => format!("Known to be in their role on {d}"),
            None => "Never confirmed in their role".to_string(),
        };
        let confirm_id = s.id.clone();
        let confirm = move |_| {
            let target = confirm_id.clone();
            ctx.edit(|c| {
                if let Some(x) = c.stakeholders.iter_mut().find(|x| x.id == target) {
                    x.still_in_role_on = Some(today);
                }
            });
        };
        view! {
            <li class="card person" data-person=s.id.0.clone() data-stance=s.stance.id()>
                <div class="person-head">
                    <strong class="person-name">{s.name.clone()}</strong>
                    {(!s.title.is_empty()).then(|| view! { <span class="person-title">{s.title.clone()}</span> })}
                </div>
                <p class="person-tags">
                    <span class="tag">{s.role.name()}</span>
                    {s.senior.then(|| view! { <span class="tag senior">"Senior leader"</span> })}
                    <span class="tag stance">{s.stance.name()}</span>
                </p>
                {(!s.rival_preference.is_empty()).then(|| view! {
                    <p class="rival">"Prefers a competitor: " {s.rival_preference.clone()}</p>
                })}
                {single.into_iter().map(|p| view! {
                    <p class="single-point" data-single-point="true"><strong>{p.label()}</strong></p>
                }).collect_view()}
                <p class="person-dates">{contact_text} <br/> {feedback}</p>
                {key.then(|| view! { <p class="person-in-role">{in_role_text.clone()}</p> })}
                {(!s.notes.is_empty()).then(|| view! { <p class="person-notes">{s.notes.clone()}</p> })}
                <div class="card-actions">
                    {key.then(|| view! {
                        <button type="button" class="button small" on:click=confirm.clone()>
                            "Confirm still in role" <span class="visually-hidden">": " {name.clone()}</span>
                        </button>
                    })}
                    <button type="button" class="button small" on:click=move |_| editing.set(true)>
                        "Edit" <span class="visually-hidden">" " {name.clone()}</span>
                    </button>
                    <button type="button" class="button small danger" on:click=delete>
                        "Delete" <span class="visually-hidden">" " {name.clone()}</span>
                    </button>
                </div>
            </li>
        }
        .into_any()
    }
}

/// Add or edit a person; nothing is saved until the form is valid.
#[component]
fn PersonForm(
    title: &'static str,
    initial: Stakeholder,
    submit_label: &'static str,
    on_save: Callback<Stakeholder>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let id = initial.id.clone();
    let still_in_role_on = initial.still_in_role_on;
    let name = RwSignal::new(initial.name.clone());
    let job = RwSignal::new(initial.title.clone());
    let role = RwSignal::new(initial.role.id().to_string());
    let senior = RwSignal::new(initial.senior);
    let stance = RwSignal::new(initial.stance.id().to_string());
    let rival = RwSignal::new(initial.rival_preference.clone());
    let feedback = RwSignal::new(date_text(initial.feedback_on));
    let contact = RwSignal::new(date_text(initial.last_contact));
    let notes = RwSignal::new(initial.notes.clone());
    let name_err = RwSignal::new(None::<String>);
    let feedback_err = RwSignal::new(None::<String>);
    let contact_err = RwSignal::new(None::<String>);
    let senior_id = super::common::uid("senior");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        name_err.set(n.is_empty().then(|| "A person needs a name.".to_string()));
        let f = parse_date_opt(&feedback.get_untracked());
        feedback_err.set(f.clone().err());
        let l = parse_date_opt(&contact.get_untracked());
        contact_err.set(l.clone().err());
        let (Ok(f), Ok(l)) = (f, l) else { return };
        if n.is_empty() {
            return;
        }
        let role = Role::from_id(&role.get_untracked()).unwrap_or(Role::DecisionMaker);
        let stance = Stance::from_id(&stance.get_untracked()).unwrap_or(Stance::Neutral);
        on_save.run(Stakeholder {
            id: id.clone(),
            name: n,
            title: job.get_untracked().trim().to_string(),
            role,
            senior: senior.get_untracked(),
            stance,
            rival_preference: rival.get_untracked().trim().to_string(),
            feedback_on: f,
            last_contact: l,
            notes: notes.get_untracked(),
            still_in_role_on,
        });
    };
    let roles: Vec<(&'static str, &'static str)> =
        Role::ALL.into_iter().map(|r| (r.id(), r.name())).collect();
    let stances: Vec<(&'static str, &'static str)> = Stance::ALL
        .into_iter()
        .map(|s| (s.id(), s.name()))
        .collect();
    view! {
        <form class="person-form card" on:submit=submit novalidate>
            <h3>{title}</h3>
            <div class="form-grid">
                <DraftField label="Name" value=name error=name_err required=true/>
                <DraftField label="Job title" value=job/>
                <Choice label="Role" options=roles value=role on_pick=Callback::new(move |v| role.set(v))/>
                <Choice label="Stance" options=stances value=stance on_pick=Callback::new(move |v| stance.set(v))/>
                <div class="field checkbox">
                    <input
                        type="checkbox"
                        id=senior_id.clone()
                        prop:checked=move || senior.get()
                        on:change=move |ev| senior.set(event_target_checked(&ev))
                    />
                    <label for=senior_id>"Senior leader at the client"</label>
                </div>
                <DraftField label="Competitor they prefer" hint="Leave empty if none is known." value=rival/>
                <DraftField
                    label="Feedback received on"
                    hint="YYYY-MM-DD"
                    placeholder="YYYY-MM-DD"
                    inputmode="numeric"
                    value=feedback
                    error=feedback_err
                />
                <DraftField
                    label="Last meaningful contact"
                    hint="YYYY-MM-DD"
                    placeholder="YYYY-MM-DD"
                    inputmode="numeric"
                    value=contact
                    error=contact_err
                />
                <DraftField label="Notes about this person" value=notes multiline=true/>
            </div>
            <div class="form-actions">
                <button type="submit" class="button primary">{submit_label}</button>
                <button type="button" class="button quiet" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

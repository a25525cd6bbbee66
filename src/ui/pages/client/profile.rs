//! Who the client is and what it is worth. Each field saves when the user
//! leaves it; text that cannot be read is kept in the field with a message,
//! and nothing is saved.

use leptos::prelude::*;

use super::common::{
    date_text, importance_from_id, importance_id, margin_text, parse_date_opt, parse_margin,
    parse_revenue, parse_tags, Choice, Ctx, Field,
};
use crate::domain::{Client, Importance};
use crate::present::format::money;

/// A memo over one piece of the client, as text for a field.
fn text_of(ctx: Ctx, f: fn(&Client) -> String) -> Signal<String> {
    Memo::new(move |_| ctx.client.with(f)).into()
}

#[component]
pub fn ProfileTab(ctx: Ctx) -> impl IntoView {
    let today = ctx.today();
    let name = Callback::new(move |t: String| {
        let t = t.trim().to_string();
        if t.is_empty() {
            return Err("A client needs a name.".to_string());
        }
        ctx.edit(|c| c.profile.name = t);
        Ok(())
    });
    let revenue = Callback::new(move |t: String| {
        let v = parse_revenue(&t)?;
        ctx.edit(|c| c.profile.annual_revenue = v);
        Ok(())
    });
    let margin = Callback::new(move |t: String| {
        let v = parse_margin(&t)?;
        ctx.edit(|c| c.profile.margin = v);
        Ok(())
    });
    let contract_end = Callback::new(move |t: String| {
        let v = parse_date_opt(&t)?;
        ctx.edit(|c| c.profile.contract_end = v);
        Ok(())
    });
    let relationship_start = Callback::new(move |t: String| {
        let v = parse_date_opt(&t)?;
        if v.is_some_and(|d| d > today) {
            return Err("The relationship cannot start in the future.".to_string());
        }
        ctx.edit(|c| c.profile.relationship_start = v);
        Ok(())
    });
    let owner = Callback::new(move |t: String| {
        ctx.edit(|c| c.profile.owner = t.trim().to_string());
        Ok(())
    });
    let notes = Callback::new(move |t: String| {
        ctx.edit(|c| c.profile.notes = t);
        Ok(())
    });
    let tags = Callback::new(move |t: String| {
        let v = parse_tags(&t);
        ctx.edit(|c| c.profile.tags = v);
        Ok(())
    });
    let lost_on = Callback::new(move |t: String| {
        let v = parse_date_opt(&t)?;
        if v.is_some_and(|d| d > today) {
            return Err("A client cannot be lost in the future.".to_string());
        }
        ctx.edit(|c| c.lost_on = v);
        Ok(())
    });
    let importance = Memo::new(move |_| {
        ctx.client
            .with(|c| importance_id(c.profile.importance).to_string())
    });
    view! {
        <section class="profile-tab" aria-label="Profile">
            <h2>"Profile"</h2>
            <p class="field-hint">"Changes are saved when you leave a field."</p>
            <div class="form-grid">
                <Field label="Name" value=text_of(ctx, |c| c.profile.name.clone()) commit=name/>
                <Field
                    label="Annual revenue"
                    hint="Whole currency units, for example 250000."
                    inputmode="numeric"
                    value=text_of(ctx, |c| c.profile.annual_revenue.map(money).unwrap_or_default())
                    commit=revenue
                />
                <Field
                    label="Margin"
                    hint="low, normal, high, or a percentage such as 22%."
                    value=text_of(ctx, |c| margin_text(c.profile.margin))
                    commit=margin
                />
                <Field
                    label="Contract end"
                    hint="YYYY-MM-DD; leave empty if there is no contract."
                    placeholder="YYYY-MM-DD"
                    inputmode="numeric"
                    value=text_of(ctx, |c| date_text(c.profile.contract_end))
                    commit=contract_end
                />
                <Field
                    label="Relationship start"
                    hint="YYYY-MM-DD"
                    placeholder="YYYY-MM-DD"
                    inputmode="numeric"
                    value=text_of(ctx, |c| date_text(c.profile.relationship_start))
                    commit=relationship_start
                />
                <Field
                    label="Owner"
                    hint="The salesperson who owns the relationship."
                    value=text_of(ctx, |c| c.profile.owner.clone())
                    commit=owner
                />
                <Choice
                    label="Strategic importance"
                    options=vec![("", "Not set"), (Importance::Low.id(), "Low"), (Importance::Medium.id(), "Medium"), (Importance::High.id(), "High")]
                    value=importance
                    on_pick=Callback::new(move |v: String| ctx.edit(|c| c.profile.importance = importance_from_id(&v)))
                />
                <Field
                    label="Tags"
                    hint="Separated by commas."
                    value=text_of(ctx, |c| c.profile.tags.join(", "))
                    commit=tags
                />
                <Field
                    label="Notes"
                    multiline=true
                    class="wide"
                    value=text_of(ctx, |c| c.profile.notes.clone())
                    commit=notes
                />
            </div>
            <h2>"If the client is gone"</h2>
            <div class="form-grid">
                <Field
                    label="Lost on"
                    hint="The day the client left (YYYY-MM-DD). Leave empty while they are a client."
                    placeholder="YYYY-MM-DD"
                    inputmode="numeric"
                    value=text_of(ctx, |c| date_text(c.lost_on))
                    commit=lost_on
                />
            </div>
        </section>
    }
}

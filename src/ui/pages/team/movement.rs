//! Movement in the team view: the board's from→to table over every
//! member's clients (each client once, its shown record), so a manager sees
//! who moved across the whole team since the previous check-up.

use leptos::prelude::*;

use crate::domain::summary::movement_of;
use crate::domain::team::Team as TeamSummary;
use crate::ui::pages::board::movement::MovementTable;

#[component]
pub(super) fn TeamMovement(summary: Memo<TeamSummary>) -> impl IntoView {
    let data =
        Memo::new(move |_| summary.with(|t| movement_of(t.clients.iter().map(|c| c.client()))));
    view! {
        <div class="team-movement" data-team-movement="true">
            <MovementTable data=data link=|id| format!("/team/client/{id}")/>
        </div>
    }
}

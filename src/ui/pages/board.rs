//! The board: one column per category.

use leptos::prelude::*;

use super::set_title;
use crate::domain::Category;

#[component]
pub fn Board() -> impl IntoView {
    set_title("Board");
    view! {
        <h1>"Board"</h1>
        <div class="board">
            {Category::BOARD_ORDER
                .into_iter()
                .map(|c| {
                    view! {
                        <section class="column" data-category=c.id() aria-label=c.name()>
                            <h2>{c.name()}</h2>
                            <p class="empty">"No clients here yet."</p>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

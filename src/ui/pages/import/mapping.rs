//! The mapping step: each column with sample values and what it becomes, the sheet to read, the date-order questions, then "Continue" to the preview.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::preview::People;
use super::{read_list, ImportStage, MappingStage};
use crate::present::import::{
    column_label, columns_to_show, default_date_order, encode_mapping, mapping_key,
    mapping_problem, people_lines, sample_reading, source_text, target_from_label,
};
use crate::storage::import::{
    build, date_questions, plan, DateAnswers, DateOrder, DateQuestion, Mapping, Target,
};
use crate::storage::preview;
use crate::ui::store::{new_id, use_store};

/// What stops the mapping, or the date questions to ask.
type Check = Result<Vec<DateQuestion>, (String, Vec<String>)>;

#[component]
pub fn MappingStep(m: MappingStage, stage: RwSignal<ImportStage>) -> impl IntoView {
    let store = use_store();
    let MappingStage {
        file,
        bytes,
        table,
        columns: initial,
        recognised,
        confident,
        remembered,
    } = m;
    let columns = RwSignal::new(initial.clone());
    let answers = RwSignal::new(BTreeMap::<usize, DateOrder>::new());
    let default_order = default_date_order(&window().navigator().language().unwrap_or_default());

    let table_c = table.clone();
    let check = Memo::new(move |_| -> Check {
        columns.with(|cols| {
            let mapping = Mapping::new(cols.clone(), None);
            if let Some(problem) = mapping_problem(&mapping, &table_c) {
                return Err((problem, Vec::new()));
            }
            date_questions(&table_c, &mapping).map_err(|e| {
                (
                    e.to_string(),
                    e.problems().iter().map(ToString::to_string).collect(),
                )
            })
        })
    });

    let intro = if remembered {
        "The columns are set as you confirmed them last time for files with this header row. Check them and continue."
    } else if confident {
        "Every column needed was recognised. Check what each column becomes and continue."
    } else {
        "Choose what each column becomes; “Ignore” leaves a column out."
    };
    let about = source_text(&table.source, recognised.as_deref());

    let sheet_picker = (table.source.sheets.len() > 1).then(|| {
        let current = table.source.sheet.clone().unwrap_or_default();
        let sheets = table.source.sheets.clone();
        let (file, bytes) = (file.clone(), bytes.clone());
        view! {
            <p class="field">
                <label for="import-sheet">"Sheet to import"</label>
                <select
                    id="import-sheet"
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        stage.set(read_list(store, file.clone(), bytes.clone(), Some(&name)));
                    }
                >
                    {sheets.into_iter().map(|s| {
                        let selected = s == current;
                        let value = s.clone();
                        view! { <option value=value selected=selected>{s}</option> }
                    }).collect_view()}
                </select>
            </p>
        }
    });

    let rows = columns_to_show(&table, 3).into_iter().map(|c| {
        let i = c.index;
        let id = format!("import-column-{i}");
        let hint = format!("import-column-{i}-samples");
        let now = initial.get(i).copied().unwrap_or(Target::Ignore);
        let samples = if c.samples.is_empty() {
            "No values.".to_string()
        } else {
            format!("For example: {}", c.samples.join(" · "))
        };
        view! {
            <li class="mapping-column">
                <label for=id.clone()>{column_label(&c.header)}</label>
                <select
                    id=id
                    aria-describedby=hint.clone()
                    on:change=move |ev| {
                        let target = target_from_label(&event_target_value(&ev)).unwrap_or(Target::Ignore);
                        columns.update(|cols| {
                            if let Some(slot) = cols.get_mut(i) {
                                *slot = target;
                            }
                        });
                    }
                >
                    {Target::ALL.into_iter().map(|t| view! {
                        <option value=t.label() selected=t == now>{t.label()}</option>
                    }).collect_view()}
                </select>
                <span class="samples" id=hint>{samples}</span>
            </li>
        }
    }).collect_view();

    let title = file.clone();
    let go = move |_| {
        let Ok(questions) = check.get_untracked() else {
            return;
        };
        let cols = columns.get_untracked();
        let mapping = Mapping::new(cols.clone(), recognised.clone());
        let mut given = DateAnswers::none();
        for q in &questions {
            let order = answers.with_untracked(|a| a.get(&q.column).copied());
            given = given.with(q.column, order.unwrap_or(default_order));
        }
        let rows = match build(&table, &mapping, &given) {
            Ok(rows) => rows,
            Err(e) => {
                stage.set(ImportStage::failed(&file, &e));
                return;
            }
        };
        if let Some(s) = store.local_store() {
            // Only a convenience for next time: a full storage changes nothing here.
            let _ = s.set(&mapping_key(&table), &encode_mapping(&cols));
        }
        let current = store.portfolio();
        let (incoming, report) = plan(&rows, &current, || new_id("c"));
        let mut note = source_text(&table.source, recognised.as_deref());
        if !rows.ignored_columns.is_empty() {
            note.push_str(&format!(
                " Columns ignored: {}.",
                rows.ignored_columns.join(", ")
            ));
        }
        let people = mapping.is_contacts().then(|| {
            let (added, unmatched) = people_lines(&report);
            People {
                added,
                known: report.people_known.len(),
                unmatched,
            }
        });
        let preview = preview(&current, &incoming);
        stage.set(ImportStage::Ready {
            file: file.clone(),
            csv: true,
            note: Some(note),
            incoming,
            preview,
            people,
        });
    };

    view! {
        <div class="import-mapping">
            <h3>"What the columns of " {title} " become"</h3>
            <p class="import-source">{about}</p>
            <p>{intro}</p>
            {sheet_picker}
            <ul class="mapping-columns">{rows}</ul>
            {move || match check.get() {
                Ok(questions) => questions.into_iter().map(|q| view! {
                    <DateQuestionView q default_order answers/>
                }).collect_view().into_any(),
                Err((text, problems)) => view! {
                    <div class="mapping-problem" role="alert">
                        <p>{text}</p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
            }}
            <div class="row">
                <button class="button primary" disabled=move || check.with(Result::is_err) on:click=go>
                    "Continue"
                </button>
                <button class="button quiet" on:click=move |_| stage.set(ImportStage::Idle)>"Cancel"</button>
            </div>
        </div>
    }
}

/// "Day first" or "Month first" for one date column, each with two of its
/// values read that way; the language's order is selected, never assumed.
#[component]
fn DateQuestionView(
    q: DateQuestion,
    default_order: DateOrder,
    answers: RwSignal<BTreeMap<usize, DateOrder>>,
) -> impl IntoView {
    let col = q.column;
    let name = format!("import-date-order-{col}");
    let choices = [
        (DateOrder::DayFirst, "Day first"),
        (DateOrder::MonthFirst, "Month first"),
    ];
    view! {
        <fieldset class="date-question">
            <legend>{format!("Dates in {}: which comes first?", q.column_name)}</legend>
            {choices.into_iter().map(|(order, text)| {
                let readings: Vec<String> = q.samples.iter().map(|s| sample_reading(s, order)).collect();
                view! {
                    <label class="date-order">
                        <input
                            type="radio"
                            name=name.clone()
                            prop:checked=move || answers.with(|a| a.get(&col).copied().unwrap_or(default_order)) == order
                            on:change=move |_| answers.update(|a| {
                                a.insert(col, order);
                            })
                        />
                        " " {text} ": " <span class="readings">{readings.join("; ")}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

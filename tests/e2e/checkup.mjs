// The check-up as the end-to-end tests drive it: the healthy answer of
// every question and how to give an answer, through the stable hooks
// `fieldset[data-question=<id>]` with radios valued yes/no/unsure.

// The healthy answer of every question, in questionnaire order (METHOD.md).
export const HEALTHY = {
  s_committed: "yes",
  s_dissent: "no",
  s_feedback_good: "yes",
  s_feedback_all: "yes",
  s_promoters: "yes",
  s_internal: "no",
  s_rival_contact: "no",
  s_split: "no",
  s_contract: "yes",
  n_unresolved: "no",
  n_unhappy_leader: "no",
  n_rival_pref: "no",
  n_rival_ties: "no",
  n_shops: "no",
  n_people_change: "no",
  n_corporate_change: "no",
  n_need_change: "no",
  r_offers: "no",
  r_meets_rivals: "no",
  r_price: "no",
  r_serious_issues: "no",
  l_notified: "no",
  l_known_change: "no",
  l_unservable: "no",
  l_we_changed: "no",
};

export function question(page, id) {
  return page.locator(`[data-question="${id}"]`);
}

export async function answer(page, id, value) {
  await question(page, id).locator(`input[type="radio"][value="${value}"]`).check();
}

// Gut first: a new check-up holds its reasons back until the gut call is
// made or skipped. Tests that read the reasons skip it, as a person would.
export async function skipGutCall(page) {
  await page.getByRole("button", { name: "Skip the gut call" }).click();
  await page.locator('fieldset.gut[data-gut-call="skipped"]').waitFor();
}

//! What comes first at a client (the meeting brief lists it first): the
//! people who matter most (decision-makers and sponsors, senior people, and
//! anyone opposed or dissatisfied, who has to be engaged before they make
//! their case), the most pressing open issues and the next open actions.

use super::model::{Action, Issue, Role, Severity, Stakeholder};

/// How much a person matters: 4 for a decision-maker or sponsor, 2 for a
/// senior leader, 3 for someone dissatisfied or opposed, added up.
pub fn stakeholder_weight(person: &Stakeholder) -> u8 {
    let mut w = 0;
    if matches!(person.role, Role::DecisionMaker | Role::Sponsor) {
        w += 4;
    }
    if person.senior {
        w += 2;
    }
    if person.stance.is_obstacle() {
        w += 3;
    }
    w
}

/// The people, those who matter most first; people who matter equally
/// keep the order they were recorded in.
pub fn key_people(people: &[Stakeholder]) -> Vec<&Stakeholder> {
    let mut v: Vec<&Stakeholder> = people.iter().collect();
    super::sorting::sort_by_key(&mut v, |s| std::cmp::Reverse(stakeholder_weight(s)));
    v
}

/// The open issues, serious ones first, then the oldest first.
pub fn pressing_issues(issues: &[Issue]) -> Vec<&Issue> {
    let mut v: Vec<&Issue> = issues.iter().filter(|i| i.is_open()).collect();
    super::sorting::sort_by_key(&mut v, |i| (i.severity != Severity::Serious, i.opened_on));
    v
}

/// The actions not done, those with a due date first, soonest first; undated
/// ones keep the order they were recorded in.
pub fn next_actions(actions: &[Action]) -> Vec<&Action> {
    let mut v: Vec<&Action> = actions.iter().filter(|a| !a.done).collect();
    super::sorting::sort_by_key(&mut v, |a| (a.due.is_none(), a.due));
    v
}

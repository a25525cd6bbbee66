//! Who matters most at a client (the meeting brief lists them first):
//! decision-makers and sponsors, senior people, and anyone opposed or
//! dissatisfied, who has to be engaged before they make their case.

use super::model::{Role, Stakeholder};

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

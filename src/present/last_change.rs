//! The change just made on a check-up, in words for the verdict's one-line
//! summary: which answer changed and whether the category moved with it.

use crate::domain::{Answer, Category, QuestionId};

/// The answers of one check-up, to compare before and after an edit.
pub type Answers = Vec<(QuestionId, Answer)>;

/// The first question whose answer differs (`None` as the answer: cleared).
pub fn changed_answer(before: &Answers, after: &Answers) -> Option<(QuestionId, Option<Answer>)> {
    let find = |list: &Answers, q: QuestionId| list.iter().find(|(x, _)| *x == q).map(|(_, a)| *a);
    QuestionId::ALL.iter().find_map(|&q| {
        let now = find(after, q);
        (find(before, q) != now).then_some((q, now))
    })
}

/// "“Price complaints?” Yes: moved from Loyal, not secure" in the words the
/// questionnaire uses.
pub fn describe(q: QuestionId, answer: Option<Answer>, from: Category, to: Category) -> String {
    let what = answer.map_or("cleared", Answer::label);
    let text = q.question().text;
    if from == to {
        format!("Last change: “{text}” {what}")
    } else {
        format!("Last change: “{text}” {what}, moved from {}", from.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_answer_that_changed_and_says_if_the_category_moved() {
        let before = vec![(QuestionId::SCommitted, Answer::Yes)];
        let mut after = before.clone();
        after.push((QuestionId::RPrice, Answer::Yes));
        assert_eq!(
            changed_answer(&before, &after),
            Some((QuestionId::RPrice, Some(Answer::Yes)))
        );
        assert_eq!(
            changed_answer(&after, &before),
            Some((QuestionId::RPrice, None))
        );
        assert_eq!(changed_answer(&after, &after), None);
        let text = QuestionId::RPrice.question().text;
        assert_eq!(
            describe(
                QuestionId::RPrice,
                Some(Answer::Yes),
                Category::Secure,
                Category::AtRisk
            ),
            format!("Last change: “{text}” Yes, moved from Loyal and secure")
        );
        assert_eq!(
            describe(QuestionId::RPrice, None, Category::AtRisk, Category::AtRisk),
            format!("Last change: “{text}” cleared")
        );
    }
}

//! Messages to the user, shown as banners until dismissed.

use leptos::prelude::*;

use super::Store;
use crate::domain::Id;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// What a notice's button does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download the whole portfolio as a file.
    Export,
    /// Download the raw text kept under a quarantine key.
    DownloadRaw(String),
    /// Reload the page (to fetch the app's files again).
    Reload,
    /// After two tabs changed a client the same way differently: use this
    /// tab's values for the conflicting fields (the other tab's are shown).
    KeepMine(Id),
}

/// A message to the user, shown as a banner until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

impl Store {
    pub fn notify(self, kind: NoticeKind, text: &str, action: Option<NoticeAction>) {
        self.set.notices.update(|n| {
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            n.push(Notice {
                id,
                kind,
                text: text.to_string(),
                action,
            });
        });
    }

    /// Says that part of the app could not be fetched, so Continuum could
    /// not `what`; said once until dismissed.
    pub fn piece_missing(self, what: &str) {
        let text = format!(
            "Continuum could not {what}: part of the app could not be fetched. This computer may be offline, or a newer version was published while this page was open. Try again, or reload the page."
        );
        if !self
            .notices
            .with_untracked(|n| n.iter().any(|x| x.text == text))
        {
            self.notify(NoticeKind::Error, &text, Some(NoticeAction::Reload));
        }
    }

    pub fn dismiss(self, id: u64) {
        self.set.notices.update(|n| n.retain(|x| x.id != id));
    }
}

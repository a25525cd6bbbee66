//! Positional rows: written with trailing defaults cut, read back with
//! errors that name the row and field.

use serde_json::Value;

use super::codes::{date_from_day, day, from_code};
use crate::domain::{Date, Id};

/// Builds a positional row; trailing default values are cut.
#[derive(Default)]
pub(super) struct RowWriter {
    items: Vec<Value>,
    /// Length of the row up to its last non-default value.
    keep: usize,
}

impl RowWriter {
    pub(super) fn push(mut self, v: Value, is_default: bool) -> Self {
        self.items.push(v);
        if !is_default {
            self.keep = self.items.len();
        }
        self
    }
    pub(super) fn text(self, s: &str) -> Self {
        self.push(Value::String(s.to_string()), s.is_empty())
    }
    pub(super) fn opt_text(self, s: Option<&str>) -> Self {
        match s {
            Some(s) => self.push(Value::String(s.to_string()), false),
            None => self.push(Value::Null, true),
        }
    }
    pub(super) fn id(self, id: &Id) -> Self {
        self.push(Value::String(id.0.clone()), false)
    }
    pub(super) fn code(self, c: &str) -> Self {
        self.push(Value::String(c.to_string()), false)
    }
    pub(super) fn date(self, d: Date) -> Self {
        self.push(Value::from(day(d)), false)
    }
    pub(super) fn opt_date(self, d: Option<Date>) -> Self {
        match d {
            Some(d) => self.date(d),
            None => self.push(Value::Null, true),
        }
    }
    pub(super) fn flag(self, b: bool) -> Self {
        self.push(Value::from(u8::from(b)), !b)
    }
    pub(super) fn value(self, v: Value) -> Self {
        let empty = match &v {
            Value::Null => true,
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            Value::String(s) => s.is_empty(),
            _ => false,
        };
        self.push(v, empty)
    }
    pub(super) fn finish(mut self) -> Value {
        self.items.truncate(self.keep);
        Value::Array(self.items)
    }
}

/// Reads a positional row; missing trailing fields are their defaults.
pub(super) struct RowReader<'a> {
    items: &'a [Value],
    pos: usize,
    pub(super) at: String,
}

impl<'a> RowReader<'a> {
    pub(super) fn new(v: &'a Value, at: String) -> Result<RowReader<'a>, String> {
        match v {
            Value::Array(items) => Ok(RowReader { items, pos: 0, at }),
            _ => Err(format!("{at}: expected a list")),
        }
    }
    pub(super) fn next(&mut self) -> Option<&'a Value> {
        let v = self.items.get(self.pos);
        self.pos += 1;
        v.filter(|v| !v.is_null())
    }
    pub(super) fn err(&self, what: &str) -> String {
        format!(
            "{}[{}]: expected {what}",
            self.at,
            self.pos.saturating_sub(1)
        )
    }
    pub(super) fn text(&mut self) -> Result<String, String> {
        match self.next() {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(self.err("text")),
        }
    }
    pub(super) fn opt_text(&mut self) -> Result<Option<String>, String> {
        match self.next() {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.err("text")),
        }
    }
    pub(super) fn id(&mut self) -> Result<Id, String> {
        match self.next() {
            Some(Value::String(s)) => Ok(Id(s.clone())),
            _ => Err(self.err("an id")),
        }
    }
    pub(super) fn code<T: Copy>(
        &mut self,
        table: &[(T, &'static str)],
        what: &str,
    ) -> Result<T, String> {
        match self.next() {
            Some(Value::String(s)) => {
                from_code(table, s, what).map_err(|e| format!("{}: {e}", self.at))
            }
            _ => Err(self.err(what)),
        }
    }
    pub(super) fn opt_date(&mut self) -> Result<Option<Date>, String> {
        match self.next() {
            None => Ok(None),
            Some(v) => match v.as_i64() {
                Some(n) => date_from_day(n)
                    .map(Some)
                    .map_err(|e| format!("{}: {e}", self.at)),
                None => Err(self.err("a day number")),
            },
        }
    }
    pub(super) fn date(&mut self) -> Result<Date, String> {
        self.opt_date()?.ok_or_else(|| self.err("a day number"))
    }
    pub(super) fn flag(&mut self) -> Result<bool, String> {
        match self.next() {
            None => Ok(false),
            Some(v) => match v.as_u64() {
                Some(0) => Ok(false),
                Some(1) => Ok(true),
                _ => Err(self.err("0 or 1")),
            },
        }
    }
    /// Two one-letter codes packed in one string ("dp": decision-maker, promoter).
    pub(super) fn pair<A: Copy, B: Copy>(
        &mut self,
        first: &[(A, &'static str)],
        second: &[(B, &'static str)],
        what: &str,
    ) -> Result<(A, B), String> {
        let s = match self.next() {
            Some(Value::String(s)) => s,
            _ => return Err(self.err(what)),
        };
        let (a, b) = s
            .char_indices()
            .nth(1)
            .map(|(i, _)| s.split_at(i))
            .ok_or_else(|| self.err(what))?;
        let located = |e: String| format!("{}: {e}", self.at);
        Ok((
            from_code(first, a, what).map_err(located)?,
            from_code(second, b, what).map_err(located)?,
        ))
    }
    pub(super) fn raw(&mut self) -> Option<&'a Value> {
        self.next()
    }
}

//! Running a query (`crate::query`): its text terms as one FTS5 query where
//! they can be, its structural terms as SQL over the facts beside each story
//! (`store::facts`), never reading a document. The best of the newest matches
//! come first, as the filter ranks them (`store::read`).

use rusqlite::types::Value;
use rusqlite::OptionalExtension;

use super::codec;
use super::read::{prefix_words, ranked_by, Hit, Scores, COUNT_LIMIT, MATCH_LIMIT};
use super::snippet::Term as Word;
use super::snippet::{snippet, WIDTH};
use super::{sql_err, Headline, Store, StoreError, Stored};
use crate::query::{Cmp, Count, Expr, Mark, Query, Term, Text};
use crate::text::fold::fold;
use crate::text::sanitize::for_terminal_owned;

/// The largest store (by row id) whose filter ranks by bm25 as a person types:
/// past it, the walk that scores takes longer than a key's budget, and
/// matches after the headline ones come newest first (`search` always scores).
const BM25_AS_YOU_TYPE: usize = 300_000;

/// The most unread matches a saved query's count counts: past it, `1,000+`.
/// A count stops at its limit; counting to 10,000 as the filter does cost 20
/// saved queries 85 ms over 100,000 stories, to 1,000 45 ms.
pub const UNREAD_LIMIT: usize = 1_000;

/// How many of the newest stories holding a saved query's words its unread
/// count walks before it counts every match (see
/// [`Store::unread_among_newest`]); in tests two, so that a few stories take
/// both ways.
const UNREAD_WALK: usize = if cfg!(test) { 2 } else { 2_500 };

/// A query as SQL: a condition on `documents d` and its named parameters
/// (`:q1`, `:q2`, …, so that it joins statements with parameters of their own).
pub(super) struct Condition {
    pub sql: String,
    pub params: Params,
}

/// The values of a condition's parameters, named in order.
#[derive(Default)]
pub(super) struct Params(pub Vec<(String, Value)>);

impl Params {
    /// Adds `value`; returns its name to write into the SQL.
    fn bind(&mut self, value: Value) -> String {
        let name = format!(":q{}", self.0.len() + 1);
        self.0.push((name.clone(), value));
        name
    }

    /// The parameters as rusqlite takes named ones.
    pub fn named(&self) -> Vec<(&str, &dyn rusqlite::ToSql)> {
        self.0
            .iter()
            .map(|(n, v)| (n.as_str(), v as &dyn rusqlite::ToSql))
            .collect()
    }
}

impl Store {
    /// The rows the reader's filter shows for `q`: the best [`MATCH_LIMIT`] of
    /// the newest matches, and how many match in all, counted up to
    /// [`COUNT_LIMIT`] + 1.
    pub fn query_rows(&self, q: &Query) -> Result<(Vec<Headline>, usize), StoreError> {
        let ids = self.query_ids(q, COUNT_LIMIT + 1)?;
        let scores = self.scores(q, BM25_AS_YOU_TYPE)?;
        let newest = &ids[..ids.len().min(MATCH_LIMIT)];
        let rows = ranked_by(self, &title_words(q), newest, &scores, MATCH_LIMIT)?;
        Ok((rows, ids.len()))
    }

    /// The best `limit` stories matching `q`, with their documents (a story
    /// whose JSON does not read is left out: `show` says what is wrong).
    pub fn query_stories(&self, q: &Query, limit: usize) -> Result<Vec<Stored>, StoreError> {
        let ids = self.query_ids(q, MATCH_LIMIT)?;
        let scores = self.scores(q, usize::MAX)?;
        let rows = ranked_by(self, &title_words(q), &ids, &scores, limit)?;
        self.stored(rows.iter().map(|h| h.item.uid.as_str()))
    }

    /// The best `limit` matches of `q` with a snippet of each one's text around
    /// the words looked for, cut from the document ([`super::snippet`]): what
    /// `search` prints.
    pub fn search(&self, q: &Query, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let ids = self.query_ids(q, MATCH_LIMIT)?;
        let scores = self.scores(q, usize::MAX)?;
        let words = text_words(q);
        let err = sql_err(&self.path, "search");
        let mut json = self
            .conn
            .prepare_cached("SELECT json FROM documents WHERE id = ?1")
            .map_err(&err)?;
        ranked_by(self, &title_words(q), &ids, &scores, limit)?
            .into_iter()
            .map(|Headline { id, item }| {
                let stored = json
                    .query_row([id], |r| codec::column(r, 0))
                    .map_err(&err)?;
                // A document that does not read back is still a hit, shown
                // without its text (`show` says what is wrong with it).
                let snippet = codec::document(&self.path, &item.uid, &stored)
                    .map(|doc| snippet(&super::write::search_columns(&doc)[1], &words, WIDTH))
                    .unwrap_or_default();
                Ok(Hit {
                    snippet: for_terminal_owned(snippet),
                    item,
                })
            })
            .collect()
    }

    /// The `limit` most recent stories (by their date) one of whose claims or
    /// events cites a source known as `wanted` (`crate::query::outlet`).
    pub fn outlet_stories(&self, wanted: &str, limit: usize) -> Result<Vec<Stored>, StoreError> {
        let keys = self.outlet_keys(wanted)?;
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let mut params = Params::default();
        let keys = keys_sql(keys, &mut params);
        let limit = params.bind(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT d.uid FROM documents d WHERE d.id IN (
                 SELECT o.doc FROM story_outlets o WHERE o.cited AND ({keys}))
             ORDER BY d.sort_key DESC, d.id DESC LIMIT {limit}"
        );
        let uids = self.strings(&sql, &params)?;
        self.stored(uids.iter().map(String::as_str))
    }

    /// How many unread stories match `q`, counted up to [`UNREAD_LIMIT`] + 1
    /// (a saved query's count in the feed picker and `query list`).
    pub fn unread_matches(&self, q: &Query) -> Result<usize, StoreError> {
        let Some(expr) = &q.expr else {
            return Ok(0);
        };
        if let Some(n) = self.unread_among_newest(expr)? {
            return Ok(n);
        }
        let unread = Query {
            expr: Some(Expr::And(vec![
                expr.clone(),
                Expr::Term(Term::Is(Mark::Unread)),
            ])),
        };
        Ok(self.query_ids(&unread, UNREAD_LIMIT + 1)?.len())
    }

    /// [`Store::unread_matches`] of a query with words to look for, or an
    /// outlet known by one key, from the newest [`UNREAD_WALK`] stories
    /// holding them, each asked the rest of the query: the count when they
    /// are all there are or when more than [`UNREAD_LIMIT`] of them answer,
    /// else `None` (count every match). Gathering every story holding a
    /// common word or listing a common outlet first costs 6-16 ms over 100,000
    /// stories; this, about 1 µs a story walked.
    fn unread_among_newest(&self, expr: &Expr) -> Result<Option<usize>, StoreError> {
        let parts: Vec<&Expr> = match expr {
            Expr::And(parts) => parts.iter().collect(),
            e => vec![e],
        };
        let mut params = Params::default();
        let (text, mut rest): (Vec<&Expr>, Vec<&Expr>) =
            parts.into_iter().partition(|p| is_text(p));
        let walk = match self.fts(&Expr::And(text.into_iter().cloned().collect()))? {
            Some(fts) => {
                let fts = params.bind(Value::Text(fts));
                format!(
                    "SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH {fts}
                     ORDER BY rowid DESC"
                )
            }
            None => {
                let Some((at, key, cited)) = rest.iter().enumerate().find_map(|(i, p)| match p {
                    Expr::Term(Term::Outlet(w)) => Some((i, w, false)),
                    Expr::Term(Term::Cites(w)) => Some((i, w, true)),
                    _ => None,
                }) else {
                    return Ok(None);
                };
                let [key] = &self.outlet_keys(key)?[..] else {
                    return Ok(None);
                };
                rest.remove(at);
                let key = params.bind(Value::Text(key.clone()));
                let cited = if cited { " AND cited" } else { "" };
                format!("SELECT doc AS id FROM story_outlets WHERE key = {key}{cited} ORDER BY doc DESC")
            }
        };
        let mut rest: Vec<Expr> = rest.into_iter().cloned().collect();
        rest.push(Expr::Term(Term::Is(Mark::Unread)));
        let cond = self.sql(&Expr::And(rest), &mut params)?;
        let limit = params.bind(Value::Integer(UNREAD_WALK as i64));
        let sql = format!(
            "SELECT count(*), coalesce(sum({cond}), 0) FROM ({walk} LIMIT {limit}) w
             JOIN documents d INDEXED BY documents_facts ON d.id = w.id"
        );
        let (walked, unread): (i64, i64) = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                stmt.query_row(&params.named()[..], |r| Ok((r.get(0)?, r.get(1)?)))
            })
            .map_err(sql_err(&self.path, "count unread matches"))?;
        let (walked, unread) = (walked as usize, unread as usize);
        Ok((unread > UNREAD_LIMIT || walked < UNREAD_WALK).then(|| unread.min(UNREAD_LIMIT + 1)))
    }

    /// The ids of the `limit` most recently stored documents matching `q`,
    /// newest first.
    pub fn query_ids(&self, q: &Query, limit: usize) -> Result<Vec<i64>, StoreError> {
        let Some(expr) = &q.expr else {
            return Ok(Vec::new());
        };
        let err = sql_err(&self.path, "search");
        if let Some(fts) = self.fts(expr)? {
            return self.newest_matches(&fts, limit);
        }
        let mut cond = self.condition(expr)?;
        let limit = cond.params.bind(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT d.id FROM documents d INDEXED BY documents_facts WHERE {}
             ORDER BY d.id DESC LIMIT {limit}",
            cond.sql
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(&err)?;
        let ids = stmt
            .query_map(&cond.params.named()[..], |r| r.get(0))
            .map_err(&err)?;
        ids.collect::<Result<_, _>>().map_err(err)
    }

    /// The ids of the `limit` most recently stored documents matching `fts`
    /// (an FTS5 query), newest first: FTS5 walks the end of each word's
    /// document list and stops there.
    fn newest_matches(&self, fts: &str, limit: usize) -> Result<Vec<i64>, StoreError> {
        let err = sql_err(&self.path, "search");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT ?2",
            )
            .map_err(&err)?;
        let ids = stmt
            .query_map(rusqlite::params![fts, limit as i64], |r| r.get(0))
            .map_err(&err)?;
        ids.collect::<Result<_, _>>().map_err(err)
    }

    /// bm25 scores of the [`MATCH_LIMIT`] newest matches of a query of text
    /// terms only (with structure, matches rank by date after the headline),
    /// when the store holds at most `most` documents: FTS5 counts the documents
    /// holding each word to score them, a walk of each word's whole list
    /// (2-7 ms over 100,000 documents, 20-70 ms over 1,000,000).
    fn scores(&self, q: &Query, most: usize) -> Result<Scores, StoreError> {
        let Some(fts) = q.expr.as_ref().map(|e| self.fts(e)).transpose()?.flatten() else {
            return Ok(Scores::new());
        };
        let err = sql_err(&self.path, "search");
        if self.size()? as usize > most {
            return Ok(Scores::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT rowid, bm25(documents_fts, 5.0, 1.0, 0.5, 1.0) FROM documents_fts
                 WHERE documents_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
            )
            .map_err(&err)?;
        let rows = stmt
            .query_map(rusqlite::params![fts, MATCH_LIMIT as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// `expr` as a condition on `documents d`.
    pub(super) fn condition(&self, expr: &Expr) -> Result<Condition, StoreError> {
        let mut params = Params::default();
        let sql = self.sql(expr, &mut params)?;
        Ok(Condition { sql, params })
    }

    fn sql(&self, expr: &Expr, params: &mut Params) -> Result<String, StoreError> {
        if let Some(fts) = self.fts(expr)? {
            let fts = params.bind(Value::Text(fts));
            return Ok(format!(
                "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH {fts})"
            ));
        }
        if let Expr::And(parts) = expr {
            // The parts FTS5 answers become one query of the index, which
            // walks the words' lists together, rather than one gathering of
            // each word's whole list.
            let (text, rest): (Vec<&Expr>, Vec<&Expr>) = parts.iter().partition(|p| {
                let inner = match p {
                    Expr::Not(inner) => inner.as_ref(),
                    p => p,
                };
                is_text(inner)
            });
            let positive = text.iter().any(|p| !matches!(p, Expr::Not(_)));
            if positive && text.len() > 1 && !rest.is_empty() {
                let words = Expr::And(text.into_iter().cloned().collect());
                let rest = Expr::And(rest.into_iter().cloned().collect());
                let words = self.sql(&words, params)?;
                let rest = self.sql(&rest, params)?;
                return Ok(format!("({words}) AND ({rest})"));
            }
        }
        let mut join = |parts: &[Expr], op: &str| -> Result<String, StoreError> {
            let sqls = parts
                .iter()
                .map(|p| self.sql(p, params).map(|s| format!("({s})")))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(sqls.join(op))
        };
        Ok(match expr {
            Expr::And(parts) => join(parts, " AND ")?,
            Expr::Or(parts) => join(parts, " OR ")?,
            Expr::Not(inner) => format!("NOT ({})", self.sql(inner, params)?),
            Expr::Term(term) => self.term_sql(term, params)?,
        })
    }

    fn term_sql(&self, term: &Term, params: &mut Params) -> Result<String, StoreError> {
        Ok(match term {
            // Text terms become FTS5 above; reaching here, a text term stands
            // alone under a NOT or beside structure, which `fts` also answers.
            Term::Text(_) | Term::Title(_) | Term::Source(_) => unreachable!("answered by fts"),
            Term::Outlet(wanted) | Term::Cites(wanted) => {
                let cited = if matches!(term, Term::Cites(_)) {
                    " AND o.cited"
                } else {
                    ""
                };
                let keys = self.outlet_keys(wanted)?;
                if keys.is_empty() {
                    return Ok("0".into());
                }
                let common = self.is_common(&keys)?;
                let keys = keys_sql(keys, params);
                if common {
                    format!("EXISTS (SELECT 1 FROM story_outlets o WHERE o.doc = d.id AND ({keys}){cited})")
                } else {
                    format!("d.id IN (SELECT o.doc FROM story_outlets o WHERE ({keys}){cited})")
                }
            }
            Term::Count(count, cmp, n) => {
                let n = params.bind(Value::Integer(*n as i64));
                format!("d.{} {} {n}", column(*count), operator(*cmp))
            }
            Term::Single => "d.single_count > 0".into(),
            Term::Date(range) => {
                let narrow = self.dated_few(&range.from, &range.to)?;
                let from = params.bind(Value::Text(range.from.clone()));
                let to = params.bind(Value::Text(range.to.clone()));
                if narrow {
                    format!(
                        "d.id IN (SELECT id FROM documents INDEXED BY documents_list
                                  WHERE sort_key BETWEEN {from} AND {to})"
                    )
                } else {
                    format!("d.sort_key BETWEEN {from} AND {to}")
                }
            }
            Term::Event(range) => {
                let words = crate::query::facts::range_words(&range.from, &range.to);
                if words.is_empty() {
                    return Ok("0".into());
                }
                let words = params.bind(Value::Text(words.join(" OR ")));
                format!("d.id IN (SELECT rowid FROM story_dates WHERE story_dates MATCH {words})")
            }
            Term::Kind(kind) => {
                let kind = params.bind(Value::Text(kind.as_str().into()));
                format!("d.kind = {kind}")
            }
            Term::Feed(wanted) => {
                let feeds = self.feeds_named(wanted)?;
                if feeds.is_empty() {
                    return Ok("0".into());
                }
                let names: Vec<String> = feeds
                    .into_iter()
                    .map(|f| params.bind(Value::Text(f)))
                    .collect();
                format!("d.feed IN ({})", names.join(", "))
            }
            Term::Is(Mark::Unread) => "d.is_read = 0".into(),
            Term::Is(Mark::Read) => "d.is_read = 1".into(),
            Term::Is(Mark::Saved) => "d.is_saved = 1".into(),
            Term::Is(Mark::Updated) => super::versions::UPDATED.into(),
            Term::Lang(code) => {
                let code = params.bind(Value::Text(code.clone()));
                format!("d.lang IS {code}")
            }
        })
    }

    /// The keys of `story_outlets` that `wanted` names, as
    /// `crate::query::outlet::key_matches` says: the key itself, a name that
    /// starts with its words, a domain that starts with its label. Read one
    /// index seek per key (a condition on the keys themselves runs 2-3 times
    /// faster than one on their ranges, which SQLite answers by gathering
    /// every row of each range first).
    fn outlet_keys(&self, wanted: &str) -> Result<Vec<String>, StoreError> {
        let err = sql_err(&self.path, "look up outlets");
        let mut next = self
            .conn
            .prepare_cached(
                "SELECT key FROM story_outlets WHERE key >= ?1 AND key < ?2 ORDER BY key LIMIT 1",
            )
            .map_err(&err)?;
        let mut keys = Vec::new();
        for (start, end) in [
            (wanted.to_string(), format!("{wanted}\0")),
            (format!("{wanted} "), format!("{wanted}!")),
            (format!("{wanted}."), format!("{wanted}/")),
        ] {
            let mut from = start;
            while let Some(key) = next
                .query_row([&from, &end], |r| r.get::<_, String>(0))
                .optional()
                .map_err(&err)?
            {
                from = format!("{key}\0");
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// True when few stories are dated `from` ..= `to`: they are then
    /// gathered from the list's index, which is in date order, each for about
    /// 0.7 µs, rather than every story reached asked its date (about 0.05 µs
    /// in the facts index, until [`COUNT_LIMIT`] matches). Gathering pays while
    /// n × 0.7 < (COUNT_LIMIT × size / n) × 0.05, that is for n up to
    /// √(700 × size): 8,400 of 100,000 stories (a month of them: 6 ms asking,
    /// under 1 ms gathering).
    fn dated_few(&self, from: &str, to: &str) -> Result<bool, StoreError> {
        let size = self.size()?;
        // In tests, a third: a handful of stories then take both ways.
        let few = match cfg!(test) {
            true => size / 3,
            false => ((700 * size) as f64).sqrt() as i64,
        };
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM documents INDEXED BY documents_list
                 WHERE sort_key BETWEEN ?1 AND ?2 LIMIT ?3)",
            )
            .and_then(|mut stmt| stmt.query_row(rusqlite::params![from, to, few + 1], |r| r.get(0)))
            .map_err(sql_err(&self.path, "search"))?;
        Ok(n <= few)
    }

    /// The highest row id: about how many stories the store holds, without
    /// counting them.
    fn size(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM documents", [], |r| {
                r.get(0)
            })
            .map_err(sql_err(&self.path, "search"))
    }

    /// True when more than a third of the stories list an outlet known as
    /// `wanted` (counted by its keys: a story known by two of them counts
    /// twice): a condition then asks of each story it reaches whether it
    /// lists it (one seek of the story's outlet keys, about 1 µs; the walk stops
    /// at the newest matches, which come soon) rather than gather all of them
    /// first (about 0.7 µs each: 100,000 ids for an outlet every story lists
    /// took 38 ms, asking each story 9.5 ms). Past a third, asking is cheaper:
    /// reaching [`COUNT_LIMIT`] matches visits fewer stories than gathering.
    fn is_common(&self, keys: &[String]) -> Result<bool, StoreError> {
        let err = sql_err(&self.path, "search");
        let third = self.size()? / 3;
        let mut params = Params::default();
        let keys = keys_sql(keys.to_vec(), &mut params);
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM story_outlets o WHERE {keys} LIMIT {})",
            third + 1
        );
        let n: i64 = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_row(&params.named()[..], |r| r.get(0)))
            .map_err(&err)?;
        Ok(n > third)
    }

    /// `expr` as one FTS5 query, when it is text terms only with at least one
    /// to look for (a NOT alone has nothing for FTS5 to start from).
    fn fts(&self, expr: &Expr) -> Result<Option<String>, StoreError> {
        Ok(match expr {
            Expr::Term(Term::Text(t)) => Some(self.phrase(t)?),
            Expr::Term(Term::Title(t)) => Some(format!("title : ({})", self.phrase(t)?)),
            Expr::Term(Term::Source(t)) => Some(format!("sources : ({})", self.phrase(t)?)),
            Expr::Term(_) | Expr::Not(_) => None,
            Expr::Or(parts) => {
                let mut any = Vec::new();
                for p in parts {
                    match self.fts(p)? {
                        Some(f) => any.push(format!("({f})")),
                        None => return Ok(None),
                    }
                }
                Some(any.join(" OR "))
            }
            Expr::And(parts) => {
                let (mut all, mut none) = (Vec::new(), Vec::new());
                for p in parts {
                    let (list, inner) = match p {
                        Expr::Not(inner) => (&mut none, inner.as_ref()),
                        p => (&mut all, p),
                    };
                    match self.fts(inner)? {
                        Some(f) => list.push(format!("({f})")),
                        None => return Ok(None),
                    }
                }
                if all.is_empty() {
                    return Ok(None);
                }
                let mut q = all.join(" AND ");
                for n in none {
                    q = format!("({q}) NOT {n}");
                }
                Some(q)
            }
        })
    }

    /// A text term in FTS5's syntax: its words as one quoted phrase, the last
    /// one a prefix when still being typed, a lone prefix spelled out as the
    /// words it stands for (`store::read::prefix_words`).
    fn phrase(&self, t: &Text) -> Result<String, StoreError> {
        let quoted = |words: &[String]| format!("\"{}\"", words.join(" ").replace('"', "\"\""));
        if !t.prefix {
            return Ok(quoted(&t.words));
        }
        if let [word] = &t.words[..] {
            if let Some(words) = prefix_words(self, word)? {
                let any: Vec<String> = words
                    .iter()
                    .map(|w| quoted(std::slice::from_ref(w)))
                    .collect();
                return Ok(format!("({})", any.join(" OR ")));
            }
        }
        Ok(format!("{}*", quoted(&t.words)))
    }

    /// The feed names (as stored) that `wanted` (folded) names: those equal to
    /// it folded, else those whose folded name starts with its words (`feed:kagi`
    /// names every `Kagi: …` category). Feeds are read one per index seek.
    fn feeds_named(&self, wanted: &str) -> Result<Vec<String>, StoreError> {
        let err = sql_err(&self.path, "look up feeds");
        let mut next = self
            .conn
            .prepare_cached("SELECT feed FROM documents WHERE feed > ?1 ORDER BY feed LIMIT 1")
            .map_err(&err)?;
        let mut all = Vec::new();
        let mut after = String::new();
        while let Some(feed) = next
            .query_row([&after], |r| r.get::<_, String>(0))
            .optional()
            .map_err(&err)?
        {
            after.clone_from(&feed);
            all.push(feed);
        }
        let exact: Vec<String> = all.iter().filter(|f| fold(f) == wanted).cloned().collect();
        if !exact.is_empty() {
            return Ok(exact);
        }
        Ok(all
            .into_iter()
            .filter(|f| {
                let folded = fold(f);
                folded
                    .strip_prefix(wanted)
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
            })
            .collect())
    }

    fn strings(&self, sql: &str, params: &Params) -> Result<Vec<String>, StoreError> {
        let err = sql_err(&self.path, "search");
        let mut stmt = self.conn.prepare_cached(sql).map_err(&err)?;
        let rows = stmt
            .query_map(&params.named()[..], |r| r.get(0))
            .map_err(&err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// The documents of `uids`, in that order; one that does not read is left
    /// out.
    fn stored<'a>(&self, uids: impl Iterator<Item = &'a str>) -> Result<Vec<Stored>, StoreError> {
        let mut out = Vec::new();
        for uid in uids {
            match self.get(uid) {
                Ok(s) => out.push(s),
                Err(StoreError::Corrupt { .. }) | Err(StoreError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }
}

/// True when `e` is made of text terms only (words, phrases, `title:`,
/// `source:`), which FTS5 answers.
fn is_text(e: &Expr) -> bool {
    match e {
        Expr::Term(t) => matches!(t, Term::Text(_) | Term::Title(_) | Term::Source(_)),
        Expr::And(parts) | Expr::Or(parts) => parts.iter().all(is_text),
        Expr::Not(inner) => is_text(inner),
    }
}

/// `o.key IN (…)`, the keys bound as parameters.
fn keys_sql(keys: Vec<String>, params: &mut Params) -> String {
    let names: Vec<String> = keys
        .into_iter()
        .map(|k| params.bind(Value::Text(k)))
        .collect();
    format!("o.key IN ({})", names.join(", "))
}

fn column(count: Count) -> &'static str {
    match count {
        Count::Sources => "source_count",
        Count::Outlets => "outlet_count",
        Count::Events => "event_count",
        Count::Claims => "claim_count",
        Count::Unresolved => "unresolved_count",
    }
}

fn operator(cmp: Cmp) -> &'static str {
    match cmp {
        Cmp::Lt => "<",
        Cmp::Le => "<=",
        Cmp::Eq => "=",
        Cmp::Ge => ">=",
        Cmp::Gt => ">",
    }
}

/// Every word a query looks for in the text (not under a `not`), for snippets.
fn text_words(q: &Query) -> Vec<Word> {
    fn walk(e: &Expr, words: &mut Vec<Word>) {
        match e {
            Expr::And(parts) | Expr::Or(parts) => parts.iter().for_each(|p| walk(p, words)),
            Expr::Not(_) => {}
            Expr::Term(Term::Text(t) | Term::Title(t) | Term::Source(t)) => {
                words.extend(t.words.iter().enumerate().map(|(i, w)| Word {
                    word: w.clone(),
                    prefix: t.prefix && i + 1 == t.words.len(),
                }))
            }
            Expr::Term(_) => {}
        }
    }
    let mut words = Vec::new();
    if let Some(e) = &q.expr {
        walk(e, &mut words);
    }
    words
}

/// The words a headline is weighed by: those of the text and title terms that
/// every match must hold (not under an `or` or a `not`).
fn title_words(q: &Query) -> Vec<Word> {
    let mut words = Vec::new();
    let mut add = |t: &Text| {
        let last = t.words.len().saturating_sub(1);
        for (i, w) in t.words.iter().enumerate() {
            words.push(Word {
                word: w.clone(),
                prefix: t.prefix && i == last,
            });
        }
    };
    let top: Vec<&Expr> = match &q.expr {
        Some(Expr::And(parts)) => parts.iter().collect(),
        Some(e) => vec![e],
        None => Vec::new(),
    };
    for e in top {
        if let Expr::Term(Term::Text(t) | Term::Title(t)) = e {
            add(t);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Event, Kind, Paragraph, PartialDate, Section, Sentence, Source};
    use crate::query::DateRange;

    fn date(y: i32, m: u32, d: u32) -> PartialDate {
        PartialDate {
            label: format!("{y}-{m}-{d}"),
            year: Some(y),
            month: Some(m),
            day: Some(d),
            part: None,
            time: None,
        }
    }

    fn source(n: u32, outlet: &str, url: &str) -> Source {
        Source {
            n,
            outlet: (!outlet.is_empty()).then(|| outlet.to_string()),
            title: format!("{outlet} report {n}"),
            summary: None,
            url: Some(url.into()),
        }
    }

    fn claim(text: &str, citations: &[u32]) -> Sentence {
        Sentence {
            text: text.into(),
            citations: citations.to_vec(),
        }
    }

    fn event(d: PartialDate, text: &str, citations: &[u32]) -> Event {
        Event {
            date: d,
            text: text.into(),
            citations: citations.to_vec(),
        }
    }

    /// Three stories whose every fact a query asks about is known.
    fn three() -> (tempfile::TempDir, Store) {
        let mut harbour = Document::new(Kind::Story, "Harbour reopens after cyber attack".into());
        harbour.sources = vec![
            source(1, "Reuters", "https://www.reuters.com/world/harbour"),
            source(2, "Yonhap News Agency", "https://en.yna.co.kr/view/1"),
            source(3, "BBC", "https://www.bbc.co.uk/news/2"),
            source(4, "AP", "https://apnews.com/4"),
        ];
        harbour.lead.push(Paragraph {
            sentences: vec![
                claim("The harbour reopened on Monday after the attack.", &[1, 2]),
                claim("Cranes were run by hand.", &[3]),
                claim("Forty ships waited.", &[9]),
            ],
        });
        harbour.timeline = vec![
            event(date(2025, 12, 30), "The attack begins.", &[]),
            event(date(2026, 1, 5), "Systems restored.", &[2]),
        ];
        let mut port = Document::new(Kind::Story, "Le port rouvre après une cyberattaque".into());
        port.sources = vec![source(1, "", "https://www.lemonde.fr/economie/1")];
        port.sections.push(Section {
            heading: Some("Reprise".into()),
            paragraphs: vec![Paragraph {
                sentences: vec![claim(
                    "Le terminal a repris le chargement des navires samedi, six jours après l'attaque qui avait paralysé le système.",
                    &[1],
                )],
            }],
        });
        port.timeline = vec![event(date(2026, 2, 1), "Le port rouvre.", &[1])];
        let mut dock = Document::new(Kind::Article, "Dock strike ends".into());
        dock.timeline = vec![event(date(2025, 11, 3), "Strike ends.", &[])];
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut importer = store.begin_import().unwrap();
        for (d, feed) in [
            (&harbour, "Wire"),
            (&port, "Kagi: World"),
            (&dock, "Kagi: Business"),
        ] {
            importer.put(d, Some("test"), Some(feed)).unwrap();
        }
        importer.commit().unwrap();
        let dock_uid = store.resolve("Dock").unwrap();
        store
            .mark_uids(&[dock_uid], crate::store::Mark::Read, true)
            .unwrap();
        (dir, store)
    }

    fn term(t: Term) -> Expr {
        Expr::Term(t)
    }

    fn text(words: &[&str]) -> Term {
        Term::Text(Text {
            words: words.iter().map(|w| w.to_string()).collect(),
            prefix: false,
        })
    }

    fn range(from: &str, to: &str) -> DateRange {
        DateRange {
            from: from.into(),
            to: to.into(),
        }
    }

    /// The first word of each title `expr` finds, sorted.
    fn found(store: &Store, expr: Expr) -> Vec<String> {
        let q = Query { expr: Some(expr) };
        let (rows, count) = store.query_rows(&q).unwrap();
        assert_eq!(rows.len(), count);
        let mut firsts: Vec<String> = rows
            .into_iter()
            .map(|h| h.item.title.split(' ').next().unwrap().to_string())
            .collect();
        firsts.sort();
        firsts
    }

    #[test]
    fn outlets_are_found_by_name_host_and_site_and_cites_asks_for_a_citation() {
        let (_dir, store) = three();
        let outlet = |w: &str| term(Term::Outlet(w.into()));
        let cites = |w: &str| term(Term::Cites(w.into()));
        assert_eq!(found(&store, outlet("yonhap")), ["Harbour"]);
        assert_eq!(found(&store, cites("yna.co.kr")), ["Harbour"]);
        assert_eq!(found(&store, cites("reuters.com")), ["Harbour"]);
        assert_eq!(
            found(&store, cites("bbc")),
            ["Harbour"],
            "a claim cites [3]"
        );
        assert_eq!(
            found(&store, outlet("lemonde")),
            ["Le"],
            "a site's own label"
        );
        assert_eq!(found(&store, outlet("ap")), ["Harbour"], "listed");
        assert!(found(&store, cites("ap")).is_empty(), "listed, never cited");
        assert!(
            found(&store, outlet("yon")).is_empty(),
            "words, not letters"
        );
    }

    #[test]
    fn counts_dates_events_kinds_feeds_marks_and_languages() {
        let (_dir, store) = three();
        let count = |c, cmp, n| term(Term::Count(c, cmp, n));
        assert_eq!(
            found(&store, count(Count::Sources, Cmp::Ge, 3)),
            ["Harbour"]
        );
        assert_eq!(found(&store, count(Count::Outlets, Cmp::Eq, 1)), ["Le"]);
        assert_eq!(found(&store, count(Count::Events, Cmp::Gt, 1)), ["Harbour"]);
        assert_eq!(
            found(&store, count(Count::Claims, Cmp::Lt, 2)),
            ["Dock", "Le"]
        );
        assert_eq!(
            found(&store, count(Count::Unresolved, Cmp::Gt, 0)),
            ["Harbour"]
        );
        assert_eq!(found(&store, term(Term::Single)), ["Harbour", "Le"]);
        assert_eq!(
            found(&store, term(Term::Date(range("2026-01-00", "2026-01-99")))),
            ["Harbour"]
        );
        assert_eq!(
            found(&store, term(Term::Date(range("2025-11-01", "2025-11-30")))),
            ["Dock"]
        );
        assert_eq!(
            found(&store, term(Term::Date(range("2020-00-00", "2030-99-99")))),
            ["Dock", "Harbour", "Le"],
            "a range over most stories asks each its date"
        );
        assert_eq!(
            found(&store, term(Term::Event(range("2025-12-00", "2025-12-99")))),
            ["Harbour"]
        );
        assert_eq!(found(&store, term(Term::Kind(Kind::Article))), ["Dock"]);
        assert_eq!(
            found(&store, term(Term::Feed("kagi".into()))),
            ["Dock", "Le"]
        );
        assert_eq!(
            found(&store, term(Term::Feed("kagi: world".into()))),
            ["Le"]
        );
        assert!(found(&store, term(Term::Feed("kag".into()))).is_empty());
        assert_eq!(found(&store, term(Term::Is(Mark::Read))), ["Dock"]);
        assert_eq!(
            found(&store, term(Term::Is(Mark::Unread))),
            ["Harbour", "Le"]
        );
        assert_eq!(found(&store, term(Term::Lang("fr".into()))), ["Le"]);
        assert_eq!(
            found(&store, Expr::Not(Box::new(term(Term::Lang("fr".into()))))),
            ["Dock", "Harbour"],
            "a story whose language is not known is not French"
        );
        let kagi = Query {
            expr: Some(term(Term::Feed("kagi".into()))),
        };
        assert_eq!(store.unread_matches(&kagi).unwrap(), 1, "the dock is read");
        // Counted from the newest stories holding the words (at most two in
        // tests), or from every match when more hold them: the same.
        for input in [
            "harbour",
            "dock",
            "strike or harbour",
            "attack -cranes",
            "harbour or le or dock",
            "(harbour or le or dock) kind:story",
            "(harbour or le or dock) -lang:fr",
            "outlet:reuters",
            "cites:reuters.com kind:story",
            "outlet:lemonde.fr -is:read",
            "outlet:bbc",
        ] {
            let q = crate::query::parsed(&format!("{input} "));
            let every = Query {
                expr: Some(Expr::And(vec![
                    q.expr.clone().unwrap(),
                    term(Term::Is(Mark::Unread)),
                ])),
            };
            let want = store.query_ids(&every, 100).unwrap().len();
            assert_eq!(store.unread_matches(&q).unwrap(), want, "{input}");
        }
        assert_eq!(
            store
                .unread_among_newest(&term(text(&["harbour"])))
                .unwrap(),
            Some(1)
        );
        let three = crate::query::parsed("harbour or le or dock ").expr.unwrap();
        assert_eq!(
            store.unread_among_newest(&three).unwrap(),
            None,
            "more than two"
        );
    }

    #[test]
    fn text_and_structure_combine_with_and_or_and_not() {
        let (_dir, store) = three();
        let or = |a, b| Expr::Or(vec![a, b]);
        let and = |a, b| Expr::And(vec![a, b]);
        let not = |a| Expr::Not(Box::new(a));
        assert_eq!(
            found(&store, or(term(text(&["harbour"])), term(text(&["dock"])))),
            ["Dock", "Harbour"]
        );
        assert_eq!(found(&store, not(term(text(&["harbour"])))), ["Dock", "Le"]);
        assert_eq!(
            found(&store, not(term(Term::Is(Mark::Read)))),
            ["Harbour", "Le"]
        );
        assert!(found(
            &store,
            and(
                term(text(&["harbour"])),
                not(term(Term::Outlet("bbc".into())))
            )
        )
        .is_empty());
        assert_eq!(
            found(
                &store,
                and(
                    or(
                        term(Term::Outlet("yonhap".into())),
                        term(Term::Kind(Kind::Article))
                    ),
                    term(Term::Is(Mark::Read))
                )
            ),
            ["Dock"]
        );
        assert_eq!(
            found(
                &store,
                or(term(text(&["cranes"])), term(Term::Lang("fr".into())))
            ),
            ["Harbour", "Le"],
            "a text term beside structure"
        );
        assert_eq!(
            found(
                &store,
                term(Term::Title(Text {
                    words: vec!["port".into()],
                    prefix: false
                }))
            ),
            ["Le"]
        );
        assert!(
            found(
                &store,
                term(Term::Title(Text {
                    words: vec!["cranes".into()],
                    prefix: false
                }))
            )
            .is_empty(),
            "in the text, not the headline"
        );
        assert_eq!(
            found(
                &store,
                term(Term::Source(Text {
                    words: vec!["yonhap".into()],
                    prefix: false
                }))
            ),
            ["Harbour"]
        );
        assert_eq!(
            found(&store, term(text(&["harbour", "reopened"]))),
            ["Harbour"],
            "a phrase"
        );
        assert!(found(&store, term(text(&["reopened", "harbour"]))).is_empty());
        assert_eq!(
            found(
                &store,
                Expr::And(vec![
                    term(text(&["harbour"])),
                    term(text(&["attack"])),
                    not(term(text(&["strike"]))),
                    term(Term::Kind(Kind::Story)),
                ])
            ),
            ["Harbour"],
            "words beside structure, one query of the index"
        );
        assert!(found(
            &store,
            Expr::And(vec![
                term(text(&["harbour"])),
                not(term(text(&["cranes"]))),
                term(Term::Kind(Kind::Story)),
            ])
        )
        .is_empty());
    }

    #[test]
    fn the_dossier_of_an_outlet_is_the_stories_that_cite_it_newest_first() {
        let (_dir, store) = three();
        let titles = |w: &str| -> Vec<String> {
            store
                .outlet_stories(w, 10)
                .unwrap()
                .into_iter()
                .map(|s| s.doc.title)
                .collect()
        };
        assert_eq!(titles("yonhap"), ["Harbour reopens after cyber attack"]);
        assert_eq!(
            titles("lemonde.fr"),
            ["Le port rouvre après une cyberattaque"]
        );
        assert!(titles("ap").is_empty());
    }

    #[test]
    fn a_removed_story_takes_its_outlets_and_events_with_it() {
        let (_dir, mut store) = three();
        let uid = store.resolve("Harbour").unwrap();
        assert!(store.remove(&uid).unwrap());
        let left: i64 = store
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM story_outlets)
                      + (SELECT count(*) FROM story_dates WHERE story_dates MATCH 'x202 OR y2025')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            left, 3,
            "Le Monde's key and the port's and the dock's event days"
        );
    }

    #[test]
    fn after_the_headlines_the_rest_rank_by_bm25_then_date() {
        let mut docs = Vec::new();
        for (title, day, body) in [
            ("Ferry strike ends", "2025-11-01", "Talks ended."),
            ("Port news", "2025-11-05", "A ferry was late. Then the harbour board met for a long while about budgets, cranes, pay, berths and dredging."),
            ("Island life", "2025-11-02", "The ferry, the ferry and the ferry again."),
        ] {
            let mut d = crate::store::views::tests::doc(title, day, 0);
            d.lead.push(Paragraph {
                sentences: vec![claim(body, &[])],
            });
            docs.push(d);
        }
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut importer = store.begin_import().unwrap();
        for d in &docs {
            importer.put(d, Some("test"), None).unwrap();
        }
        importer.commit().unwrap();
        let q = Query {
            expr: Some(term(text(&["ferry"]))),
        };
        let titles: Vec<String> = store
            .query_rows(&q)
            .unwrap()
            .0
            .into_iter()
            .map(|h| h.item.title)
            .collect();
        assert_eq!(titles, ["Ferry strike ends", "Island life", "Port news"]);
        let stories: Vec<String> = store
            .query_stories(&q, 10)
            .unwrap()
            .into_iter()
            .map(|s| s.doc.title)
            .collect();
        assert_eq!(stories, titles, "search ranks the same");
    }

    #[test]
    fn an_outlet_many_stories_list_is_asked_of_each_story_and_finds_the_same() {
        let mut docs = Vec::new();
        for (i, cite) in [true, false, true].iter().enumerate() {
            let mut d =
                crate::store::views::tests::doc(&format!("Wire story {i}"), "2025-11-01", 0);
            d.sources
                .push(source(1, "Reuters", "https://www.reuters.com/x"));
            d.lead.push(Paragraph {
                sentences: vec![claim("It happened.", if *cite { &[1] } else { &[] })],
            });
            docs.push(d);
        }
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut importer = store.begin_import().unwrap();
        for d in &docs {
            importer.put(d, Some("test"), None).unwrap();
        }
        importer.commit().unwrap();
        let keys = store.outlet_keys("reuters").unwrap();
        assert_eq!(keys, ["reuters", "reuters.com"]);
        assert!(store.is_common(&keys).unwrap());
        assert_eq!(
            found(&store, term(Term::Outlet("reuters".into()))),
            ["Wire"; 3]
        );
        assert_eq!(
            found(&store, term(Term::Cites("reuters.com".into()))),
            ["Wire"; 2]
        );
        assert!(found(&store, term(Term::Cites("reuter".into()))).is_empty());
    }

    /// A store of `(title, day, more text)` stories.
    fn stories(docs: &[(&str, &str, &str)]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut importer = store.begin_import().unwrap();
        for (title, day, text) in docs {
            let mut d = crate::store::views::tests::doc(title, day, 1);
            d.timeline.push(Event {
                date: PartialDate {
                    label: "earlier".into(),
                    ..d.timeline[0].date.clone()
                },
                text: text.to_string(),
                citations: Vec::new(),
            });
            importer.put(&d, Some("test"), Some("Wire")).unwrap();
        }
        importer.commit().unwrap();
        (dir, store)
    }

    fn parsed(input: &str) -> Query {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        crate::query::parse(input, today).unwrap()
    }

    /// The titles `input` finds, best first.
    fn titles(store: &Store, input: &str) -> Vec<String> {
        store
            .query_rows(&parsed(input))
            .unwrap()
            .0
            .into_iter()
            .map(|h| h.item.title)
            .collect()
    }

    #[test]
    fn a_headline_phrase_comes_first_then_every_word_in_the_headline_then_the_rest() {
        let (_dir, store) = stories(&[
            ("Lee Declares China Visit Sets Foundation", "2025-11-01", ""),
            (
                "South Korean President Lee Declares Irreversible Path",
                "2025-11-04",
                "Lee will visit China in the spring.",
            ),
            ("China Visit: What Lee Declares", "2025-11-02", ""),
            (
                "Summit ends",
                "2025-11-05",
                "Lee declares the China visit a success.",
            ),
            (
                "Trade talks",
                "2025-11-03",
                "Lee declares a China visit soon.",
            ),
        ]);
        let found = titles(&store, "Lee Declares China Visit");
        assert_eq!(
            found[..2],
            [
                "Lee Declares China Visit Sets Foundation",
                "China Visit: What Lee Declares",
            ],
            "the phrase in the headline, then every word in it"
        );
        assert_eq!(
            found[2], "South Korean President Lee Declares Irreversible Path",
            "then bm25, which weighs the headline's two words"
        );
        assert_eq!(found.len(), 5);
        assert_eq!(
            titles(&store, "lee declares")[..3],
            [
                "South Korean President Lee Declares Irreversible Path",
                "China Visit: What Lee Declares",
                "Lee Declares China Visit Sets Foundation",
            ],
            "the phrase in three headlines, newest first; then the rest"
        );
        assert_eq!(
            titles(&store, "china vis")[..2],
            [
                "China Visit: What Lee Declares",
                "Lee Declares China Visit Sets Foundation"
            ],
            "the last word typed is a prefix in the headline too"
        );
        let searched: Vec<String> = store
            .search(&parsed("lee declares"), 3)
            .unwrap()
            .into_iter()
            .map(|h| h.item.title)
            .collect();
        assert_eq!(
            searched,
            titles(&store, "lee declares")[..3],
            "search ranks as the filter"
        );
    }

    #[test]
    fn a_prefix_spelled_out_as_its_words_finds_what_the_prefix_finds() {
        let (_dir, store) = stories(&[
            ("Harbour plan passes", "2025-11-01", ""),
            ("Harbours reopen", "2025-11-02", "The harboured ships left."),
            ("Hardware prices", "2025-11-03", ""),
            ("Dock strike", "2025-11-04", "At the harbourside."),
        ]);
        let fts = |input: &str| {
            store
                .fts(parsed(input).expr.as_ref().unwrap())
                .unwrap()
                .unwrap()
        };
        assert_eq!(
            fts("harb"),
            "(\"harbour\" OR \"harboured\" OR \"harbours\" OR \"harbourside\")"
        );
        for input in ["harb", "harbour", "dock harb", "har", "strike at"] {
            let mut spelled = store.newest_matches(&fts(input), 100).unwrap();
            let q = parsed(input);
            let words = title_words(&q);
            let last = words.last().unwrap();
            let raw: Vec<String> = words
                .iter()
                .map(|w| match w.prefix {
                    true => format!("\"{}\"*", w.word),
                    false => format!("\"{}\"", w.word),
                })
                .collect();
            let mut prefix = store.newest_matches(&raw.join(" "), 100).unwrap();
            spelled.sort();
            prefix.sort();
            assert_eq!(spelled, prefix, "{input} (last word {})", last.word);
        }
        store.conn.execute("DELETE FROM search_words", []).unwrap();
        assert_eq!(fts("harb"), "\"harb\"*", "no words known: the prefix");
    }

    #[test]
    fn matches_are_counted_up_to_one_past_the_limit() {
        let docs: Vec<(String, String)> = (1..=12)
            .map(|i| (format!("Harbour {i}"), format!("2025-11-{i:02}")))
            .collect();
        let refs: Vec<(&str, &str, &str)> = docs
            .iter()
            .map(|(t, d)| (t.as_str(), d.as_str(), ""))
            .collect();
        let (_dir, store) = stories(&refs);
        assert_eq!(store.query_ids(&parsed("harbour"), 100).unwrap().len(), 12);
        assert_eq!(store.query_ids(&parsed("harbour"), 5).unwrap().len(), 5);
        let (rows, total) = store.query_rows(&parsed("harb")).unwrap();
        assert_eq!((rows.len(), total), (12, 12), "a prefix too");
    }

    #[test]
    fn a_story_updated_is_found_by_its_new_outlets_and_days_only() {
        let mut first = crate::store::views::tests::doc("Harbour deal", "2025-11-01", 0);
        first
            .sources
            .push(source(1, "Reuters", "https://www.reuters.com/x"));
        let mut second = first.clone();
        second.sources = vec![source(1, "AP", "https://apnews.com/x")];
        second.timeline.push(Event {
            date: date(2025, 11, 3),
            text: "Signed.".into(),
            citations: vec![1],
        });
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        for d in [&first, &second] {
            let mut importer = store.begin_import().unwrap();
            importer.put(d, Some("test"), None).unwrap();
            importer.commit().unwrap();
        }
        assert_eq!(store.count().unwrap(), 1, "one story, updated");
        assert!(found(&store, term(Term::Outlet("reuters".into()))).is_empty());
        assert_eq!(found(&store, term(Term::Cites("ap".into()))), ["Harbour"]);
        assert_eq!(
            found(&store, term(Term::Event(range("2025-11-03", "2025-11-03")))),
            ["Harbour"]
        );
        assert_eq!(
            found(&store, term(Term::Count(Count::Claims, Cmp::Eq, 0))),
            ["Harbour"]
        );
    }
}

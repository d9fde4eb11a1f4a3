use std::time::Instant;
use tidings::model::Kind;
use tidings::query::*;
fn t(x: Term) -> Expr {
    Expr::Term(x)
}
fn w(s: &str) -> Expr {
    t(Term::Text(Text {
        words: vec![s.into()],
        prefix: false,
    }))
}
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let store = tidings::store::Store::open(std::path::Path::new(&dir)).unwrap();
    let r = |a: &str, b: &str| DateRange {
        from: a.into(),
        to: b.into(),
    };
    let qs: Vec<(&str, Expr)> = vec![
        ("sources>=5", t(Term::Count(Count::Sources, Cmp::Ge, 5))),
        ("sources>=50", t(Term::Count(Count::Sources, Cmp::Ge, 50))),
        ("outlets>=3", t(Term::Count(Count::Outlets, Cmp::Ge, 3))),
        ("claims<10", t(Term::Count(Count::Claims, Cmp::Lt, 10))),
        (
            "unresolved>0",
            t(Term::Count(Count::Unresolved, Cmp::Gt, 0)),
        ),
        ("single:", t(Term::Single)),
        ("is:unread", t(Term::Is(Mark::Unread))),
        ("is:saved", t(Term::Is(Mark::Saved))),
        ("cites:example.org", t(Term::Cites("example.org".into()))),
        ("outlet:lancet", t(Term::Outlet("the lancet".into()))),
        ("outlet:nonexist", t(Term::Outlet("nonexist".into()))),
        ("date:2025-10", t(Term::Date(r("2025-10-00", "2025-10-99")))),
        ("event:2025", t(Term::Event(r("2025-00-00", "2025-99-99")))),
        (
            "event:2025-03-01..2025-03-09",
            t(Term::Event(r("2025-03-01", "2025-03-09"))),
        ),
        ("kind:article", t(Term::Kind(Kind::Article))),
        ("feed:x", t(Term::Feed("science weekly".into()))),
        ("lang:fr", t(Term::Lang("fr".into()))),
        (
            "council sources>=5",
            Expr::And(vec![
                w("council"),
                t(Term::Count(Count::Sources, Cmp::Ge, 5)),
            ]),
        ),
        (
            "council -is:read",
            Expr::And(vec![
                w("council"),
                Expr::Not(Box::new(t(Term::Is(Mark::Read)))),
            ]),
        ),
        (
            "tromsø outlet:lancet",
            Expr::And(vec![w("tromsø"), t(Term::Outlet("the lancet".into()))]),
        ),
        (
            "council or sources>=9",
            Expr::Or(vec![
                w("council"),
                t(Term::Count(Count::Sources, Cmp::Ge, 9)),
            ]),
        ),
        ("-council", Expr::Not(Box::new(w("council")))),
        ("council", w("council")),
    ];
    for (name, e) in qs {
        let q = Query { expr: Some(e) };
        let mut ts = vec![];
        let mut n = 0;
        for _ in 0..5 {
            let s = Instant::now();
            let (rows, c) = store.query_rows(&q).unwrap();
            n = c;
            std::hint::black_box(rows);
            ts.push(s.elapsed());
        }
        ts.sort();
        let s = Instant::now();
        let u = store.query_ids(&q, 10001).unwrap().len();
        let ut = s.elapsed();
        println!(
            "{name:32} {n:>6}  med {:>7.2} ms  max {:>7.2} ms   unread {u} {:.2} ms",
            ts[2].as_secs_f64() * 1e3,
            ts[4].as_secs_f64() * 1e3,
            ut.as_secs_f64() * 1e3
        );
    }
}
#[allow(dead_code)]
fn unused() {}

//! Writes N deterministic page dumps (stories and articles, realistic sizes) for
//! scale tests and benchmarks: `cargo run --release --example gen_corpus -- N DIR`.
//! The same N and the same code always give the same bytes. With `--rss FILE`
//! it also writes the same N items as one RSS 2.0 feed, for other readers
//! (`bench/compare.sh` loads it into newsboat).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

/// xorshift64*: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

const PLACES: &[&str] = &[
    "Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Hobart", "Accra", "Busan", "Perth", "Lyon",
    "Cusco", "Tromsø",
];
const SUBJECTS: &[&str] = &[
    "Council",
    "Ministry",
    "Court",
    "Union",
    "Port Authority",
    "University",
    "Central Bank",
    "Regulator",
    "Water Board",
    "Rail Operator",
];
const VERBS: &[&str] = &[
    "Approves", "Delays", "Rejects", "Expands", "Reviews", "Funds", "Suspends", "Launches",
];
const OBJECTS: &[&str] = &[
    "Harbour Plan",
    "Tram Line",
    "Flood Barrier",
    "Budget",
    "Vaccine Rollout",
    "Data Rules",
    "Wind Farm",
    "School Reform",
    "Bridge Repair",
    "Fishing Quota",
];
const NAMES: &[&str] = &[
    "Maria Lopez",
    "Kwame Mensah",
    "Aiko Tanaka",
    "Lena Novak",
    "Omar Haddad",
    "Priya Nair",
    "Tomás Ruiz",
    "Ingrid Berg",
];
const OUTLETS: &[&str] = &[
    "City Herald",
    "The Lancet",
    "Financial Times",
    "Harbour Post",
    "Wire Service",
    "Science Weekly",
    "Daily Ledger",
    "Radio Nine",
];
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const FILLER: &[&str] = &[
    "officials said the decision followed months of consultation with residents",
    "critics argued that the costs had been understated from the start",
    "the plan will be reviewed again after the first year of operation",
    "supporters pointed to similar schemes that had worked elsewhere",
    "the vote was closer than expected after two members changed sides",
    "engineers warned that the timetable left little room for delays",
];

fn sentence(r: &mut Rng, n_sources: usize) -> String {
    let mut s = String::from(r.pick(FILLER));
    s[..1].make_ascii_uppercase();
    s.push('.');
    if n_sources > 0 && r.below(3) > 0 {
        s.pop();
        let _ = write!(s, " [{}].", r.below(n_sources) + 1);
    }
    s
}

fn story(r: &mut Rng, i: usize) -> String {
    let title = format!(
        "{} {} {} {} in {} ({i})",
        r.pick(PLACES),
        r.pick(SUBJECTS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        r.pick(PLACES)
    );
    let n_sources = 2 + r.below(7);
    // Mostly 5-50 events; one story in a hundred is very long.
    let n_events = if r.below(100) == 0 {
        500 + r.below(500)
    } else {
        5 + r.below(46)
    };
    let mut p = format!("{title}\nUpdated ({n_sources} articles)\n");
    for _ in 0..3 + r.below(4) {
        let who = r.pick(NAMES);
        let _ = write!(
            p,
            "{} {} {} {who} said the {} would go ahead",
            r.pick(SUBJECTS),
            r.pick(VERBS),
            r.pick(OBJECTS),
            r.pick(OBJECTS).to_lowercase()
        );
        let _ = write!(p, " [{}]. ", r.below(n_sources) + 1);
        for _ in 0..2 + r.below(3) {
            p.push_str(&sentence(r, n_sources));
            p.push(' ');
        }
        p.push('\n');
    }
    let _ = writeln!(p, "Sources ({n_sources} articles)");
    for n in 1..=n_sources {
        let _ = writeln!(p, "-\n[{n}]\n{}: {} {} {}: Reports on the decision and the reaction.\nhttps://news.example.org/{i}/{n}", r.pick(OUTLETS), r.pick(SUBJECTS), r.pick(VERBS).to_lowercase(), r.pick(OBJECTS).to_lowercase());
    }
    p.push_str("Timeline\n");
    let mut year = 2000 + r.below(20);
    for e in 0..n_events {
        if r.below(4) == 0 {
            year += 1;
        }
        let _ = writeln!(
            p,
            "{} {}, {year} – {} [{}]",
            r.pick(MONTHS),
            1 + e % 28,
            sentence(r, 0),
            r.below(n_sources) + 1
        );
    }
    p
}

fn article(r: &mut Rng, i: usize) -> String {
    let mut p = format!(
        "{} {} {} {} ({i})\n",
        r.pick(SUBJECTS),
        r.pick(VERBS).to_lowercase(),
        r.pick(OBJECTS).to_lowercase(),
        r.pick(PLACES)
    );
    let _ = writeln!(
        p,
        "A view of {} at dusk.\nPHOTO: {}",
        r.pick(PLACES),
        r.pick(OUTLETS).to_uppercase()
    );
    for k in 0..6 + r.below(10) {
        if k == 4 {
            let _ = writeln!(p, "What happens next");
        }
        for _ in 0..3 + r.below(4) {
            p.push_str(&sentence(r, 0));
            p.push(' ');
        }
        p.push('\n');
    }
    p
}

/// One page as an RSS item: its title, its first lines as the description, a
/// link and a date that differ per item.
fn rss_item(page: &str, i: usize) -> String {
    let mut lines = page.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap_or("");
    let mut description = String::new();
    for l in lines {
        if description.len() > 400 {
            break;
        }
        description.push_str(l);
        description.push(' ');
    }
    let day = i % 28 + 1;
    let (hour, minute) = (i / 60 % 24, i % 60);
    format!(
        "<item><title>{}</title><link>https://example.org/story/{i}</link><guid>https://example.org/story/{i}</guid><pubDate>Mon, {day:02} Nov 2025 {hour:02}:{minute:02}:00 +0000</pubDate><description>{}</description></item>\n",
        xml_escape(title),
        xml_escape(description.trim_end())
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (
        args.next().and_then(|n| n.parse::<usize>().ok()),
        args.next(),
    ) else {
        eprintln!("usage: gen_corpus N DIR [--rss FILE]");
        std::process::exit(2);
    };
    let rss_path = match (args.next().as_deref(), args.next()) {
        (Some("--rss"), Some(file)) => Some(PathBuf::from(file)),
        (None, _) => None,
        _ => {
            eprintln!("usage: gen_corpus N DIR [--rss FILE]");
            std::process::exit(2);
        }
    };
    let mut rss = rss_path.as_ref().map(|p| {
        let mut f = std::io::BufWriter::new(std::fs::File::create(p).expect("create the feed"));
        f.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n<title>tidings corpus</title><link>https://example.org/</link><description>Generated stories</description>\n",
        )
        .expect("write the feed");
        f
    });
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create the output directory");
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut bytes = 0;
    for i in 0..n {
        let page = if r.below(10) < 7 {
            story(&mut r, i)
        } else {
            article(&mut r, i)
        };
        bytes += page.len();
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).expect("create a subdirectory");
        let mut f =
            std::fs::File::create(sub.join(format!("page-{i:06}.txt"))).expect("create a page");
        f.write_all(page.as_bytes()).expect("write a page");
        if let Some(feed) = rss.as_mut() {
            feed.write_all(rss_item(&page, i).as_bytes())
                .expect("write the feed");
        }
    }
    if let Some(mut feed) = rss {
        feed.write_all(b"</channel></rss>\n")
            .expect("write the feed");
        feed.flush().expect("write the feed");
    }
    eprintln!(
        "wrote {n} pages, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}

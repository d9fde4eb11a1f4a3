//! Finds where a heading that the page flattened onto its paragraph ends
//! (`Talks Follow Summit With Xi The Li meeting occurred ...`).
//!
//! Each capitalized word that could start the body is scored on evidence the page
//! itself gives: headline case against sentence case, words a heading cannot end
//! with (`for`, `President`), words a body sentence starts with (`The`, `On`, a
//! quotation), the tense of the body's first verb (`met`, `asked`), and whether the
//! phrases on either side of the cut recur elsewhere on the page (names do).
//!
//! Common words tell a sentence's first word from a name: inside a sentence a
//! common word is lowercase, so a capitalized common word just before the body's
//! first lowercase word (`…Tourist Surge Passenger numbers rose`) is where the
//! body begins at the latest point it can (unless the page shows it inside a
//! recurring name, `Polventon Pool`). The words come from
//! `assets/words/common_en.txt` (SUBTLEX-US counts, see its header) and from the
//! page itself (a word it also writes in lower case).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Words that are lowercase in headline case and never end a heading.
const FUNCTION: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "for", "to", "in", "on", "at", "by", "with",
    "from", "as", "into", "onto", "over", "amid", "after", "before", "during", "about", "against",
    "between", "under", "via", "per", "than", "that", "its", "their", "his", "her", "vs", "vs.",
    "versus", "off", "up", "out", "upon", "within", "without", "toward", "towards", "across",
    "through", "despite", "among", "amongst", "near", "behind", "beyond", "since", "until",
    "while", "if", "so", "yet", "is", "are", "was", "were", "be", "de", "du", "des", "la", "le",
    "el", "von", "van", "der",
];

/// Capitalized mid-paragraph, these can only start a sentence.
const STARTERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "he", "she", "they", "it", "we", "his", "her",
    "their", "its", "our", "on", "in", "at", "by", "for", "to", "of", "as", "but", "and", "or",
    "there", "such",
];

/// Start a sentence when the next word is lowercase (they are capitalized in headlines).
const CLAUSE_STARTERS: &[&str] = &[
    "after",
    "before",
    "during",
    "despite",
    "following",
    "while",
    "when",
    "since",
    "amid",
    "with",
    "from",
    "over",
    "under",
    "although",
    "though",
    "if",
    "because",
    "once",
    "unlike",
    "according",
    "nearly",
    "more",
    "some",
    "many",
    "most",
    "both",
    "several",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "yesterday",
    "today",
    "last",
    "next",
    "officials",
    "analysts",
    "critics",
    "experts",
    "residents",
    "researchers",
    "scientists",
    "speaking",
    "asked",
    "in",
    "without",
    "until",
    "two",
    "three",
    "four",
    "five",
    "one",
    "all",
    "each",
    "every",
    "no",
    "not",
    "only",
    "even",
    "what",
    "why",
    "how",
    "who",
];

/// Number words, which open a phrase (`two of the world’s largest carriers`).
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousands",
    "dozens",
];

/// Titles that precede a name: a heading never ends with one.
const TITLES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "chancellor",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "cllr",
    "cllr.",
    "councillor",
    "councilor",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "professor",
    "prof.",
    "general",
    "gen.",
    "admiral",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "ceo",
    "judge",
    "justice",
    "ambassador",
    "commissioner",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sir",
    "dame",
    "lord",
    "lady",
    "sheikh",
    "emir",
    "coach",
    "captain",
    "officer",
    "inspector",
    "detective",
    "sergeant",
    "lt.",
    "col.",
    "capt.",
    "speaker",
    "leader",
    "envoy",
    "founder",
    "author",
    "economist",
    "analyst",
    "lawmaker",
    "legislator",
    "rev.",
    "father",
    "sister",
    "brother",
    "archbishop",
    "bishop",
    "cardinal",
];

/// Words that make a title only before one (`Trade Minister`, `Vice President`):
/// a heading may end with them (`Fear Lost Trade`), but not before a title.
const TITLE_MODIFIERS: &[&str] = &[
    "crown",
    "foreign",
    "defense",
    "defence",
    "finance",
    "interior",
    "health",
    "trade",
    "vice",
    "deputy",
    "prime",
    "home",
    "energy",
    "transport",
    "education",
];

/// Irregular past forms and auxiliaries that a body's first verb often is.
const VERBS: &[&str] = &[
    "said",
    "says",
    "met",
    "told",
    "spent",
    "held",
    "made",
    "took",
    "gave",
    "went",
    "came",
    "saw",
    "won",
    "lost",
    "led",
    "left",
    "set",
    "put",
    "began",
    "became",
    "wrote",
    "sent",
    "brought",
    "thought",
    "found",
    "got",
    "rose",
    "fell",
    "hit",
    "cut",
    "ran",
    "struck",
    "sought",
    "paid",
    "kept",
    "chose",
    "drew",
    "grew",
    "knew",
    "shook",
    "spoke",
    "stood",
    "swore",
    "threw",
    "understood",
    "was",
    "were",
    "has",
    "had",
    "is",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "did",
    "does",
    "broke",
    "built",
    "bought",
    "caught",
    "dealt",
    "felt",
    "heard",
    "hid",
    "laid",
    "meant",
    "read",
    "sold",
    "shot",
    "shut",
    "sat",
    "slept",
    "spread",
    "stole",
    "swept",
    "taught",
    "tore",
    "won't",
    "wore",
    "withdrew",
];

/// Particles a headline capitalizes after its verb (`Passed On`, `Ruled Out`).
const PARTICLES: &[&str] = &[
    "on", "out", "up", "off", "down", "over", "in", "back", "away",
];

/// A fixed list of words, looked up by the FNV hash each [`Word`] carries.
struct WordSet(HashSet<u64, BuildHasherDefault<PrehashedKey>>);

impl WordSet {
    fn new(words: &[&str]) -> Self {
        WordSet(words.iter().map(|w| fnv_word(FNV_OFFSET, w)).collect())
    }

    fn has(&self, key: u64) -> bool {
        self.0.contains(&key)
    }
}

/// The scorer's word lists, hashed once.
struct Lists {
    function: WordSet,
    titles: WordSet,
    title_modifiers: WordSet,
    verbs: WordSet,
    starters: WordSet,
    clause_starters: WordSet,
    particles: WordSet,
    number_words: WordSet,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        function: WordSet::new(FUNCTION),
        titles: WordSet::new(TITLES),
        title_modifiers: WordSet::new(TITLE_MODIFIERS),
        verbs: WordSet::new(VERBS),
        starters: WordSet::new(STARTERS),
        clause_starters: WordSet::new(CLAUSE_STARTERS),
        particles: WordSet::new(PARTICLES),
        number_words: WordSet::new(NUMBER_WORDS),
    })
}

/// The shipped list of common English words, as the FNV hashes of the words
/// (looked up per capitalized word of every heading candidate: no SipHash there).
fn common_words() -> &'static HashSet<u64, BuildHasherDefault<PrehashedKey>> {
    static SET: OnceLock<HashSet<u64, BuildHasherDefault<PrehashedKey>>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../assets/words/common_en.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|w| fnv_word(FNV_OFFSET, w))
            .collect()
    })
}

/// A lowercase word, or its stem without a plural or past ending, is common.
fn in_common_list(w: &str) -> bool {
    let set = common_words();
    let has = |stem: &str, tail: &str| set.contains(&fnv_parts(stem, tail));
    has(w, "")
        || w.strip_suffix("ies").is_some_and(|s| has(s, "y"))
        || w.strip_suffix("es").is_some_and(|s| has(s, ""))
        || w.strip_suffix('s').is_some_and(|s| has(s, ""))
        || w.strip_suffix("ed").is_some_and(|s| has(s, ""))
        || w.strip_suffix('d').is_some_and(|s| has(s, ""))
}

/// [`fnv_word`] of `stem` followed by `tail`, without joining them.
fn fnv_parts(stem: &str, tail: &str) -> u64 {
    fnv_bytes(FNV_OFFSET, stem.bytes().chain(tail.bytes()))
}

/// The hyphens that join a compound (`twenty-three`, `pension‑age`).
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

const MAX_N: usize = 6;
const MAX_INDEXED_WORDS: usize = 400_000;

/// Counts of word n-grams (1 to 6 words) over a page, to ask "does this recur?".
pub struct Recurrence {
    counts: HashMap<u64, u32, BuildHasherDefault<PrehashedKey>>,
    /// The words the page writes in lower case (`vecinos`, `pool`), as a Bloom
    /// filter: setting two bits a word keeps indexing as fast as before this was
    /// asked (a hash set cost 6% of parse speed); a false "seen" is about one in
    /// a thousand for a story of 1,000 lowercase words.
    lowercase: Box<[u64; LOWERCASE_WORDS]>,
}

/// Size of the lowercase-word filter in 64-bit words (2^16 bits).
const LOWERCASE_WORDS: usize = 1024;

/// The two bit positions of a word's hash in the lowercase filter.
fn filter_bits(h: u64) -> [usize; 2] {
    let bits = LOWERCASE_WORDS * 64;
    [(h as usize) % bits, ((h >> 32) as usize) % bits]
}

/// The n-gram keys are FNV hashes already; hashing them again would be waste.
#[derive(Default)]
struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl Recurrence {
    /// Indexes the words of `text` (the first 400,000, to bound memory).
    pub fn new(text: &str) -> Self {
        let words: Vec<&str> = text
            .split_ascii_whitespace()
            .take(MAX_INDEXED_WORDS)
            .map(norm)
            .collect();
        let mut counts = HashMap::with_capacity_and_hasher(words.len(), Default::default());
        let mut lowercase = Box::new([0u64; LOWERCASE_WORDS]);
        for i in 0..words.len() {
            // The scorer only asks about phrases that start with a capital, a digit
            // or a quotation opening on a capital: the rest need no entry.
            if !starts_a_name(words[i]) {
                if !words[i].is_empty() {
                    for b in filter_bits(fnv_word(FNV_OFFSET, words[i])) {
                        lowercase[b / 64] |= 1 << (b % 64);
                    }
                }
                continue;
            }
            // Extend one hash word by word: the key of words[i..i + n] for each n.
            // The scorer asks only about runs of words that are not lowercase (a
            // subject, a name, a pair around a cut), so a run ends at one.
            let mut h = FNV_OFFSET;
            for w in words[i..].iter().take(MAX_N) {
                if !starts_a_name(w) {
                    break;
                }
                h = fnv_word(h, w);
                *counts.entry(h).or_insert(0) += 1;
            }
        }
        Recurrence { counts, lowercase }
    }

    /// Whether the page writes this (lowercase) word in lower case somewhere.
    fn seen_lowercase(&self, lower: &str) -> bool {
        filter_bits(fnv_word(FNV_OFFSET, lower))
            .iter()
            .all(|&b| self.lowercase[b / 64] & (1 << (b % 64)) != 0)
    }

    /// How often the phrase (case-sensitive, normalized words) occurs on the page;
    /// only phrases whose first word [`starts_a_name`] are indexed, so any other
    /// counts 0 (a capitalized raw word can normalize to nothing: `:[A`).
    fn count(&self, words: &[&str]) -> u32 {
        if words.is_empty() || words.len() > MAX_N {
            return 0;
        }
        let normed: Vec<&str> = words.iter().map(|w| norm(w)).collect();
        if !starts_a_name(normed[0]) {
            return 0;
        }
        self.counts.get(&hash_words(&normed)).copied().unwrap_or(0)
    }
}

/// `w` in lowercase, borrowed when it already is (most words of a paragraph).
fn lowercased(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars()
        .any(|c| !c.is_lowercase() && c.to_lowercase().next() != Some(c))
    {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// True when a normalized word does not start with a lowercase letter.
fn starts_a_name(normed: &str) -> bool {
    normed.chars().next().is_some_and(|c| !c.is_lowercase())
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over the words with a separator byte: cheap and good enough for a page.
fn hash_words(words: &[&str]) -> u64 {
    words.iter().fold(FNV_OFFSET, |h, w| fnv_word(h, w))
}

/// Extends an FNV-1a hash by one word and a separator.
fn fnv_word(h: u64, word: &str) -> u64 {
    fnv_bytes(h, word.bytes())
}

/// Extends an FNV-1a hash by some bytes and the word separator.
fn fnv_bytes(mut h: u64, bytes: impl Iterator<Item = u8>) -> u64 {
    for b in bytes.chain(std::iter::once(0xff)) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// [`fnv_word`] of `raw.to_lowercase()`, without building that string.
fn fnv_lowercase(raw: &str) -> u64 {
    let mut buf = [0u8; 4];
    let bytes = raw.chars().flat_map(char::to_lowercase).flat_map(move |c| {
        let n = c.encode_utf8(&mut buf).len();
        buf.into_iter().take(n)
    });
    fnv_bytes(FNV_OFFSET, bytes)
}

/// A word without citation markers, surrounding punctuation or a possessive `'s`.
fn norm(w: &str) -> &str {
    // Most words are plain letters and digits: nothing to trim.
    if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return w;
    }
    let w = match w.find('[') {
        Some(0) | None => w,
        Some(i) => &w[..i],
    };
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// What the scorer needs to know about one word.
struct Word<'a> {
    raw: &'a str,
    start: usize,
    lower: std::borrow::Cow<'a, str>,
    /// FNV hash of `lower`, the key into the word lists.
    key: u64,
    /// Whether normalizing trimmed something (`Dr.` -> `dr`).
    trimmed: bool,
    capital: bool,
    lowercase: bool,
    digit: bool,
    quote: bool,
}

impl<'a> Word<'a> {
    fn new(raw: &'a str, start: usize) -> Self {
        let first = raw.chars().next().unwrap_or(' ');
        let letter = raw.chars().find(|c| c.is_alphanumeric()).unwrap_or(' ');
        // A quotation opens a sentence only when it starts with a capital.
        let quote = super::sentences::is_opener(first) && first != '(' && letter.is_uppercase();
        let normed = norm(raw);
        let lower = lowercased(normed);
        Word {
            raw,
            start,
            key: fnv_word(FNV_OFFSET, &lower),
            lower,
            trimmed: normed.len() != raw.len(),
            capital: letter.is_uppercase() || (letter.is_alphabetic() && !letter.is_lowercase()),
            lowercase: letter.is_lowercase() && !quote,
            digit: letter.is_ascii_digit(),
            quote,
        }
    }

    fn is_function(&self) -> bool {
        self.among(&lists().function)
    }

    fn is_title(&self) -> bool {
        self.among(&lists().titles)
    }

    /// In `set` normalized, or lowercased as written (`vs.`, `Dr.`).
    fn among(&self, set: &WordSet) -> bool {
        set.has(self.key) || (self.trimmed && set.has(fnv_lowercase(self.raw)))
    }

    /// In `set` normalized.
    fn is(&self, set: &WordSet) -> bool {
        set.has(self.key)
    }

    /// A common word rather than a name: in the shipped list, or written in lower
    /// case elsewhere on the page.
    fn is_common(&self, rec: &Recurrence) -> bool {
        let common = |w: &str| !w.is_empty() && (in_common_list(w) || rec.seen_lowercase(w));
        common(&self.lower)
            || (self.lower.contains(HYPHENS) && self.lower.split(HYPHENS).all(common))
    }

    /// `Trade` before `Minister`: part of the title that follows.
    fn is_title_modifier(&self) -> bool {
        self.is(&lists().title_modifiers)
    }

    fn is_past_verb(&self) -> bool {
        self.is(&lists().verbs) || (self.lower.len() > 3 && self.lower.ends_with("ed"))
    }

    /// A verb as a body's predicate often is: past tense, `-ing`, or a third
    /// person `-s` (not a plural noun in `-ers`, `-ors`).
    fn is_verb_like(&self) -> bool {
        let w = self.lower.as_ref();
        self.is_past_verb()
            || w.ends_with("ing")
            || (w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("ers")
                && !w.ends_with("ors"))
    }

    /// A lowercase word that carries meaning (not `of`, `and`, `the`).
    fn is_content_lower(&self) -> bool {
        self.lowercase && !self.is_function()
    }

    fn ends_clause(&self) -> bool {
        self.raw.ends_with([',', ':', ';']) || matches!(self.raw, "–" | "-" | "—")
    }

    fn ends_sentence(&self) -> bool {
        let w = self.raw.trim_end_matches(|c: char| "\"'”’)".contains(c));
        let Some(before) = w.strip_suffix(['.', '!', '?']) else {
            return false;
        };
        let before = strip_markers(before);
        before.is_empty() || !super::sentences::ends_abbreviation(before)
    }

    /// Holds a citation marker such as `[2]`: headings never do.
    fn has_marker(&self) -> bool {
        self.raw
            .match_indices('[')
            .any(|(i, _)| self.raw[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
    }
}

/// `cooling[1][2]` -> `cooling`.
fn strip_markers(mut w: &str) -> &str {
    while let Some(open) = w.rfind('[') {
        let inner = &w[open + 1..];
        match inner.strip_suffix(']') {
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => w = &w[..open],
            _ => break,
        }
    }
    w
}

/// The lowest score a cut needs; below it the paragraph has no heading.
const THRESHOLD: f32 = 2.5;
const MAX_HEADING_WORDS: usize = 30;

/// Byte offset where the body starts, or `None` when no heading stands out.
pub fn split(text: &str, rec: &Recurrence) -> Option<usize> {
    let words = words_of(text);
    let mut best: Option<(f32, usize)> = None;
    for (k, score) in scored_cuts(&words, rec) {
        // On a tie the later cut wins: the shorter subject.
        if best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, k));
        }
    }
    best.filter(|(s, _)| *s >= THRESHOLD)
        .map(|(_, k)| words[k].start)
}

/// The first words of a paragraph, as many as a heading and its body's start need.
///
/// Here and in [`Recurrence::new`] words split at ASCII whitespace only: pages
/// reach the parser through `input::decode`, which turns every other Unicode space
/// into an ASCII one, and the ASCII split is the faster.
fn words_of(text: &str) -> Vec<Word<'_>> {
    text.split_ascii_whitespace()
        .take(MAX_HEADING_WORDS + 12)
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            Word::new(w, start)
        })
        .collect()
}

/// Every possible cut before word `k` with its score, in order.
fn scored_cuts(words: &[Word], rec: &Recurrence) -> Vec<(usize, f32)> {
    let mut cuts = Vec::new();
    if words.len() < 4 {
        return cuts;
    }
    let limit = words
        .iter()
        .position(|w| w.ends_sentence() || w.has_marker())
        .unwrap_or(words.len() - 1)
        .min(MAX_HEADING_WORDS);
    // In headline case the body starts before the first lowercase content word:
    // when that word is a past-tense verb, or when the words before it show headline
    // case plainly (small words lowercase between capitalized content words).
    let first_lower = words.iter().position(Word::is_content_lower);
    let headline_until = first_lower.filter(|&m| {
        let prefix = &words[1..m.max(1)];
        let small = prefix
            .iter()
            .filter(|w| w.lowercase && w.is_function())
            .count();
        let capitals = capitalized_content(prefix);
        // A name is capitalized in either case style: only a capitalized common
        // word shows headline case (`Cracks Found in 1930s Steel`, not `Vecinos de
        // Playa Honda temen`).
        let common = prefix
            .iter()
            .any(|w| w.capital && !w.is_function() && w.is_common(rec));
        let all_capital = capitals >= 3 && prefix.iter().all(|w| !w.lowercase);
        m >= 3
            && (words[m].is_past_verb()
                || (common && small >= 1 && capitals >= 2)
                || (common && all_capital))
    });

    // Inside the body a common word is lowercase: the last capitalized common word
    // before the body's first lowercase word is the earliest the body can start,
    // unless the page shows it inside a recurring name.
    let run_end = first_lower.unwrap_or(words.len()).min(limit + 1);
    let in_name = |j: usize| {
        let pair = |a: usize| rec.count(&[words[a].raw, words[a + 1].raw]) >= 2;
        (j > 0 && words[j - 1].capital && pair(j - 1))
            || (j + 1 < words.len() && words[j + 1].capital && pair(j))
            || (j > 0 && name_suffix(&words[j - 1], &words[j], words.get(j + 1), rec))
    };
    let floor = (1..run_end)
        .rev()
        .find(|&j| {
            let w = &words[j];
            w.capital && !w.quote && !w.is_function() && w.is_common(rec) && !in_name(j)
        })
        .unwrap_or(0);
    // A paragraph that opens in sentence case (`City council backs plan…`): its
    // body starts at the first capitalized common word.
    let sentence_case = words[1..]
        .iter()
        .find(|w| !w.is_function())
        .is_some_and(Word::is_content_lower);
    let sentence_start = sentence_case
        .then(|| {
            (2..=limit.min(words.len() - 1)).find(|&k| {
                let (w, prev) = (&words[k], &words[k - 1]);
                w.capital
                    && !w.quote
                    && w.is_common(rec)
                    && (!prev.is_function() || ends_with_particle(words, k))
                    && !prev.ends_clause()
                    && !in_name(k)
            })
        })
        .flatten();

    // A heading may end with a question or an exclamation (`Readers Ask: What
    // About the Branch?`): the cut may then fall just after it.
    let asks = words[limit]
        .raw
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['?', '!']);
    let last = (limit + usize::from(asks)).min(words.len() - 1);
    // A one-word heading shows itself when the body opens with a word that only
    // starts sentences (`Recount A recount…`) or repeats it (`Turnout Turnout rose`).
    let one_word = (words[1].lower == words[0].lower && words[1].capital)
        || (words[1].is(&lists().starters) && !words[1].quote);
    let first = if one_word { 1 } else { floor.max(2) };
    let mut strong_before = false;
    for k in first..=last {
        let Some(mut score) = score(words, k, headline_until, rec) else {
            continue;
        };
        if sentence_start == Some(k) {
            score += 6.0;
        }
        // The page's own evidence that the body starts here or just after.
        if floor > 0 && (floor..=floor + 1).contains(&k) {
            score += 1.5;
        }
        // A number after a lowercase word opens the body of a sentence-case
        // heading (`as rain continues 12,000 households have filed`) unless a
        // likelier start came before it: then it is that clause's object
        // (`Harlow Offshore shares fell 7%`).
        let (w, prev) = (&words[k], &words[k - 1]);
        let next_lower = words.get(k + 1).is_some_and(|n| n.lowercase);
        if w.digit && next_lower && prev.is_content_lower() && !strong_before {
            score += 7.0;
        }
        strong_before |= score >= THRESHOLD;
        cuts.push((k, score));
    }
    if let Some(k) = lowercase_body_start(words, limit, rec) {
        cuts.push((k, 6.0));
    }
    cuts.sort_by_key(|&(k, _)| k);
    cuts
}

/// How many of `words` are capitalized content words (not small words).
fn capitalized_content(words: &[Word]) -> usize {
    words
        .iter()
        .filter(|w| w.capital && !w.is_function())
        .count()
}

/// A body that lost its first word starts in lower case (`Harbour Dredging
/// Contract Signed major part of the plan…`): after a clean Title Case run (no
/// lowercase word but small ones, three capitalized content words, not ending on
/// a small word or a title) the first lowercase word begins the body, unless it is
/// the run's predicate (`…Christine Lagarde said`) or the run's last word can
/// start the sentence itself (`Farmers in the plains`, `Water engineers will`).
fn lowercase_body_start(words: &[Word], limit: usize, rec: &Recurrence) -> Option<usize> {
    let j = (3..=limit.min(words.len() - 2)).find(|&j| {
        let w = &words[j];
        w.lowercase && (w.is_content_lower() || words[j + 1].lowercase)
    })?;
    let (w, prev) = (&words[j], &words[j - 1]);
    let prefix = &words[..j];
    let capitals = capitalized_content(prefix);
    if capitals < 3
        || prefix
            .iter()
            .any(|w| w.is_content_lower() || w.ends_clause())
        || prev.is_function()
        || prev.is_title()
        || w.is_verb_like()
    {
        return None;
    }
    let opens_phrase = w.is(&lists().starters) && !w.is_function()
        || matches!(w.lower.as_ref(), "the" | "a" | "an")
        || w.is(&lists().number_words);
    if w.is_function() && !opens_phrase {
        return None;
    }
    // The run's last word could be the body's first (`St. Maren’s station`,
    // `Over‑65s hold`): it ends the heading only as a past participle (`Contract
    // Signed major`), a date's month (`From 3 March drivers`), or a plural before
    // the body's own subject and verb (`Two Winters dredgers are`).
    let plural = prev.lower.ends_with('s') && !prev.lower.ends_with("ss");
    let after_number = words[j - 2].digit;
    let own_verb = words.get(j + 1).is_some_and(Word::is_verb_like);
    (opens_phrase
        || after_number
        || prev.is_past_verb()
        || (plural && own_verb && prev.is_common(rec)))
    .then_some(j)
}

/// `Polventon Pool held`, `Kessler Quay traders`: a singular common word after a
/// name the page repeats, before the predicate, ends that name rather than starts
/// a sentence. Not a plural (`Velden Passengers cheered`), a word that opens
/// clauses (`More`), or one before a small word (`Construction of`).
fn name_suffix(name: &Word, w: &Word, next: Option<&Word>, rec: &Recurrence) -> bool {
    // Cheap tests first: this is asked of every candidate cut.
    name.capital
        && w.capital
        && next.is_some_and(|n| n.is_content_lower())
        && !w.lower.ends_with('s')
        && !name.is_function()
        && !w.is(&lists().starters)
        && !w.is(&lists().clause_starters)
        && w.is_common(rec)
        && !name.is_common(rec)
        && rec.count(&[name.raw]) >= 2
}

/// A particle after the heading's verb ends it (`Passed On`, `Speak Out`,
/// `cargo piles up`): it follows a content word written in the same case.
fn ends_with_particle(words: &[Word], k: usize) -> bool {
    if k < 2 {
        return false;
    }
    let (prev, verb) = (&words[k - 1], &words[k - 2]);
    // In sentence case the body must then go on in lower case (`Twenty-three
    // vessels`), or the particle is a preposition (`steady on Tuesday.`).
    let body_goes_on = words.get(k + 1).is_some_and(|n| n.lowercase);
    prev.is(&lists().particles)
        && !verb.is_function()
        && ((prev.capital && verb.capital) || (prev.lowercase && verb.lowercase && body_goes_on))
}

/// Title Case writes small words lowercase except the last (`Where the Money Comes
/// From`): a capitalized small word after a lowercase one may end the heading.
fn title_case_last_word(words: &[Word], k: usize) -> bool {
    let prev = &words[k - 1];
    k >= 2
        && prev.capital
        && words[k].capital
        && words[1..k - 1]
            .iter()
            .any(|w| w.lowercase && w.is_function())
        && !words[1..k - 1].iter().any(Word::is_content_lower)
}

/// The score of a cut before word `k`, or `None` when the cut is impossible.
fn score(words: &[Word], k: usize, headline_until: Option<usize>, rec: &Recurrence) -> Option<f32> {
    let w = &words[k];
    let prev = &words[k - 1];
    if !(w.capital || w.digit || w.quote) {
        return None;
    }
    // A capitalized title precedes a name; lowercase ("says Upton mayor") it can end.
    // A capitalized particle after a capitalized word is the headline's adverb
    // (`Speak Out`), which may end it; a small word otherwise never does.
    let particle_end = ends_with_particle(words, k);
    if (prev.is_function() && !particle_end && !title_case_last_word(words, k))
        || (prev.capital && prev.is_title())
        || (prev.capital && prev.is_title_modifier() && w.is_title())
        || prev.ends_clause()
        || prev.quote && !prev.raw.ends_with(['”', '"', '’'])
    {
        return None;
    }
    if name_suffix(prev, w, words.get(k + 1), rec) {
        return None;
    }
    // A particle after the headline's verb belongs to it (`Ruled Out`).
    if prev.capital && prev.is_past_verb() && w.is(&lists().particles) {
        return None;
    }
    let next = words.get(k + 1);
    let mut s = 0.0;
    if particle_end && w.capital {
        s += 2.0;
    }

    if w.is(&lists().starters) && !w.quote {
        s += 10.0;
    } else if w.is(&lists().clause_starters) && next.is_some_and(|n| n.lowercase) {
        s += 6.0;
    }
    if w.quote {
        s += 6.0;
    }
    // A number opens a body after a headline's capitalized word (`Southern Europe
    // 40 people died`); after a lowercase word it is that clause's object
    // (`shares fell 7%`, `losing 40 parking bays`).
    if w.digit && next.is_some_and(|n| n.lowercase) && !prev.lowercase {
        s += 4.0;
    }
    if w.is_title() {
        s += 4.0;
    }
    // A body often restates its heading's subject (`Wharf Road businesses worry…
    // Wharf Road traders said`, `…à Valbrune Valbrune a connu`).
    if w.capital && (w.lower == words[0].lower || w.lower == prev.lower) {
        s += 4.0;
    }
    if prev.is_content_lower() && !w.digit {
        s += 3.0;
    }
    match headline_until {
        Some(m) if k > m => s -= 8.0,
        Some(_) => s += 1.5,
        None => {}
    }

    // The body's subject: the capitalized run from k up to the first lowercase word.
    let m = (k + 1..words.len())
        .find(|&i| words[i].lowercase)
        .unwrap_or(words.len());
    let subject_len = m - k;
    let verb = words.get(m).map_or(0.0, |v| {
        if v.is_past_verb() {
            2.0
        } else if v.lower.len() > 3 && v.lower.ends_with('s') && !v.lower.ends_with("ss") {
            1.0
        } else {
            0.0
        }
    });
    s += verb;
    // A common word does not begin a name (a title does: `President Lee`).
    let common_then_name = subject_len >= 2 && w.is_common(rec) && !w.is_title();
    if common_then_name {
        s -= 1.5;
    }
    s += match subject_len {
        // Before a verb, two capitalized words are most often a full name.
        2 if verb > 0.0 && !common_then_name => 1.5,
        1 | 2 => 1.0,
        3 => 0.5,
        4 | 5 => 0.0,
        n => -((n - 5) as f32),
    };
    // A capitalized function word inside the subject means headline case continues.
    if words[k + 1..m].iter().any(|x| x.capital && x.is_function()) {
        s -= 4.0;
    }

    // Names recur: a cut inside a recurring phrase is unlikely, a subject that recurs
    // is likely, and one that recurs with the word before it should include it.
    let raw = |a: usize, b: usize| -> Vec<&str> { words[a..b].iter().map(|x| x.raw).collect() };
    if prev.capital && w.capital && rec.count(&raw(k - 1, k + 1)) >= 2 {
        s -= 4.0;
    }
    if subject_len <= 5 && rec.count(&raw(k, m)) >= 2 {
        s += 2.0;
        if subject_len < 5 && prev.capital && rec.count(&raw(k - 1, m)) >= 2 {
            s -= 3.0;
        }
    }

    // Heading shape: length, clause commas, and a body verb swallowed into it.
    s += match k {
        1 | 2 => -3.0,
        3 => -1.0,
        4..=14 => 0.0,
        n => -((n - 14) as f32) * 0.5,
    };
    for i in 1..k {
        if words[i - 1].raw.ends_with(',') && words[i].is_content_lower() {
            s -= 3.0;
        }
        if i >= 3 && words[i].is_past_verb() && words[i].lowercase && words[i - 1].capital {
            s -= 3.0;
        }
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, page: &str) -> Option<String> {
        let rec = Recurrence::new(&format!("{page}\n{text}"));
        split(text, &rec).map(|i| text[..i].trim().to_string())
    }

    #[test]
    fn determiner_starts_the_body() {
        assert_eq!(
            cut("Talks Follow Summit With Xi Emphasizing North Korea Dialogue The Li meeting occurred a day after.", ""),
            Some("Talks Follow Summit With Xi Emphasizing North Korea Dialogue".into())
        );
    }

    #[test]
    fn title_and_recurring_name_start_the_body() {
        let page = "President Lee Jae Myung meets Premier Li Qiang.";
        assert_eq!(
            cut("Lee Announces Irreversible Restoration Goal During Beijing Meeting President Lee Jae Myung met Premier Li Qiang at the guesthouse.", page),
            Some("Lee Announces Irreversible Restoration Goal During Beijing Meeting".into())
        );
    }

    #[test]
    fn heading_never_ends_with_a_small_word() {
        let page = "Lee met Li. Lee asked again.";
        assert_eq!(
            cut("Lee Seeks Li’s Support for Trilateral Summit With Japan Lee asked Li, China’s top economic policymaker, to help.", page),
            Some("Lee Seeks Li’s Support for Trilateral Summit With Japan".into())
        );
    }

    #[test]
    fn sentence_case_heading() {
        let page = "President Lee Jae Myung meets Premier Li Qiang.";
        assert_eq!(
            cut("Lee announces irreversible restoration goal during Beijing meeting President Lee Jae Myung met Premier Li Qiang at the guesthouse.", page),
            Some("Lee announces irreversible restoration goal during Beijing meeting".into())
        );
        assert_eq!(
            cut("Flood barriers fail in two northern towns On Tuesday evening the river rose again.", ""),
            Some("Flood barriers fail in two northern towns".into())
        );
    }

    #[test]
    fn quotation_and_number_start_the_body() {
        assert_eq!(
            cut(
                "Minister Defends Pension Plan “We will not back down,” Ortega said on Monday.",
                "Ortega"
            ),
            Some("Minister Defends Pension Plan".into())
        );
        assert_eq!(
            cut(
                "Heat Wave Grips Southern Europe 40 people died in Spain over the weekend.",
                ""
            ),
            Some("Heat Wave Grips Southern Europe".into())
        );
    }

    #[test]
    fn clause_starter_before_lowercase() {
        assert_eq!(
            cut("Lee Claims Visit Laid Foundation for Full Restoration After returning, Lee told aides.", "Lee said."),
            Some("Lee Claims Visit Laid Foundation for Full Restoration".into())
        );
    }

    #[test]
    fn a_capitalized_common_word_before_lowercase_begins_the_body() {
        assert_eq!(
            cut("Ferry Operators Add Night Sailings Amid Tourist Surge Passenger numbers on the island route rose by a third.", ""),
            Some("Ferry Operators Add Night Sailings Amid Tourist Surge".into())
        );
        assert_eq!(
            cut("Region’s First Train in a Decade Departs Velden Passengers cheered as the 7:05 service left.", "Velden"),
            Some("Region’s First Train in a Decade Departs Velden".into())
        );
        assert_eq!(
            cut(
                "Opening Day Draws Hundreds Despite Cold Water Crowds lined the promenade at dawn.",
                ""
            ),
            Some("Opening Day Draws Hundreds Despite Cold Water".into())
        );
    }

    #[test]
    fn a_particle_after_the_headline_verb_ends_the_heading() {
        assert_eq!(
            cut(
                "Non‑Stop Express Ruled Out Engineers said the single‑track section is too short.",
                ""
            ),
            Some("Non‑Stop Express Ruled Out".into())
        );
        assert_eq!(
            cut("Families of Firefighters Injured in 2021 Blaze Speak Out Two firefighters were hurt when a wall collapsed.", ""),
            Some("Families of Firefighters Injured in 2021 Blaze Speak Out".into())
        );
    }

    #[test]
    fn a_sentence_case_heading_ends_before_a_capitalized_common_word() {
        assert_eq!(
            cut("Patients face 40-minute drives Older residents without cars say the bus takes two hours.", ""),
            Some("Patients face 40-minute drives".into())
        );
    }

    #[test]
    fn plain_sentence_has_no_heading() {
        assert_eq!(
            cut(
                "The Fed held rates steady on Tuesday. Officials said more.",
                ""
            ),
            None
        );
        assert_eq!(cut("Short line.", ""), None);
    }
}

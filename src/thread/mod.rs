//! Same event, one thread: a bottom-k MinHash signature of a story's title and
//! lead, the LSH bands that find its candidates, and the rule that says two
//! stories report the same event. Pure: no store, no SQL (the store keeps the
//! bytes and the bands).
//!
//! The signature keeps the `SIG_LEN` smallest token hashes of one hash function
//! (bottom-k), not the minimum of each of `SIG_LEN` functions: a title and a
//! 60-word lead usually hold fewer tokens than that, so the similarity of two
//! stories is their exact Jaccard similarity, and a signature costs one hash
//! per token. Plain MinHash (one function per slot) estimated with too much
//! noise at the low threshold paraphrases need (docs/threads.md has the sweep).

pub mod cluster;
pub mod tokens;

use crate::model::{Document, PartialDate};

/// Hashes in a signature: the smallest token hashes, ascending, then `EMPTY`.
pub const SIG_LEN: usize = 64;
/// LSH bands: the `BANDS` smallest token hashes, one band each, so two stories
/// are candidates when one of their smallest hashes is a shared token.
pub const BANDS: usize = 8;
const _: () = assert!(BANDS <= SIG_LEN && SIG_LEN.is_multiple_of(BANDS));

/// Two stories report the same event when their similarity is at least this...
pub const THRESHOLD: f32 = 0.15;
/// ...and their dates are at most this many days apart.
pub const WINDOW_DAYS: i64 = 2;

/// Fewer distinct tokens than this say too little to thread on.
const MIN_TOKENS: usize = 3;
/// Words of the lead that threading reads.
const LEAD_WORDS: usize = 60;
/// A slot past the last token (no token hashes to it: they are capped below).
const EMPTY: u32 = u32::MAX;

/// A bottom-k MinHash signature of a story's tokens: the `SIG_LEN` smallest
/// token hashes, ascending, padded with `u32::MAX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; SIG_LEN]);

impl Signature {
    /// The signature of a title and lead; `None` when they hold too few tokens
    /// to say what event they report.
    pub fn of(title: &str, lead: &str) -> Option<Signature> {
        let mut hashes: Vec<u32> = tokens::hashes(title, lead)
            .into_iter()
            .map(|h| ((mix(h) >> 32) as u32).min(EMPTY - 1))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        if hashes.len() < MIN_TOKENS {
            return None;
        }
        let mut sig = [EMPTY; SIG_LEN];
        for (slot, h) in sig.iter_mut().zip(hashes) {
            *slot = h;
        }
        Some(Signature(sig))
    }

    /// The LSH band hashes: the `BANDS` smallest token hashes, each with its
    /// band's index mixed out of the way; a band past the last token is a hash of
    /// the whole signature, which only the same signature shares.
    pub fn bands(&self) -> [u64; BANDS] {
        let whole = self.0.iter().fold(0u64, |h, &v| mix(h ^ u64::from(v)));
        let mut out = [0u64; BANDS];
        for (b, band) in out.iter_mut().enumerate() {
            *band = match self.0[b] {
                EMPTY => mix(whole ^ b as u64),
                v => mix(u64::from(v)),
            };
        }
        out
    }

    /// The estimated Jaccard similarity of the two token sets, 0..=1: of the
    /// `SIG_LEN` smallest hashes of both (below what either signature could
    /// see), the share that both hold. Exact when both stories hold at most
    /// `SIG_LEN` tokens.
    pub fn similarity(&self, other: &Signature) -> f32 {
        let (a, b) = (self.hashes(), other.hashes());
        // A full signature saw nothing above its largest hash.
        let full = |s: &[u32]| (s.len() == SIG_LEN).then(|| s[SIG_LEN - 1]);
        let limit = [full(a), full(b)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(EMPTY);
        let (mut i, mut j, mut union, mut both) = (0, 0, 0, 0);
        while union < SIG_LEN && (i < a.len() || j < b.len()) {
            let x = a.get(i).copied().unwrap_or(EMPTY);
            let y = b.get(j).copied().unwrap_or(EMPTY);
            let v = x.min(y);
            if v > limit {
                break;
            }
            union += 1;
            both += usize::from(x == y);
            i += usize::from(x == v);
            j += usize::from(y == v);
        }
        if union == 0 {
            0.0
        } else {
            both as f32 / union as f32
        }
    }

    /// The token hashes, without the padding.
    fn hashes(&self) -> &[u32] {
        let n = self.0.iter().position(|&v| v == EMPTY).unwrap_or(SIG_LEN);
        &self.0[..n]
    }

    /// Little-endian slots, `4 * SIG_LEN` bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// The signature `to_bytes` wrote; `None` for bytes of another length (a
    /// signature of another `SIG_LEN`) or that no signature has (hashes out of
    /// order, fewer than the fewest tokens): to be computed again.
    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != 4 * SIG_LEN {
            return None;
        }
        let mut sig = [0u32; SIG_LEN];
        for (slot, chunk) in sig.iter_mut().zip(b.chunks_exact(4)) {
            *slot = u32::from_le_bytes(chunk.try_into().ok()?);
        }
        let sig = Signature(sig);
        let hashes = sig.hashes();
        let ordered = hashes.windows(2).all(|w| w[0] < w[1]);
        let padded = sig.0[hashes.len()..].iter().all(|&v| v == EMPTY);
        (ordered && padded && hashes.len() >= MIN_TOKENS).then_some(sig)
    }
}

/// True when two stories report the same event: similar enough, and dated at
/// most `WINDOW_DAYS` apart (`day` as [`day_number`] gives it; an undated story
/// is judged by its text alone).
pub fn same_event(a: &Signature, b: &Signature, day_a: Option<i64>, day_b: Option<i64>) -> bool {
    cluster::Rule::default().holds((a, day_a), (b, day_b))
}

/// A date's day as a number (days from the common era), when it names a day.
pub fn day_number(d: &PartialDate) -> Option<i64> {
    use chrono::Datelike;
    let date = chrono::NaiveDate::from_ymd_opt(d.year?, d.month?, d.day?)?;
    Some(i64::from(date.num_days_from_ce()))
}

/// The title and the lead text threading reads: the first `LEAD_WORDS` words of
/// the lead, else of the first section.
pub fn text_of(doc: &Document) -> (String, String) {
    let paragraphs = if doc.lead.is_empty() {
        doc.sections
            .first()
            .map(|s| s.paragraphs.as_slice())
            .unwrap_or_default()
    } else {
        doc.lead.as_slice()
    };
    let mut lead = String::new();
    let mut words = 0;
    'all: for p in paragraphs {
        for s in &p.sentences {
            for w in s.text.split_whitespace() {
                if words == LEAD_WORDS {
                    break 'all;
                }
                if !lead.is_empty() {
                    lead.push(' ');
                }
                lead.push_str(w);
                words += 1;
            }
        }
    }
    (doc.title.clone(), lead)
}

/// SplitMix64's finalizer: a fixed, well-spread 64-bit mix (stable across builds,
/// as stored signatures need).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests;

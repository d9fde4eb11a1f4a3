//! Same event, one thread: a MinHash signature of a story's title and lead, the
//! LSH bands that find its candidates, and the rule that says two stories report
//! the same event. Pure: no store, no SQL (the store keeps the bytes and the bands).

pub mod cluster;
pub mod tokens;

use crate::model::{Document, PartialDate};

/// Slots in a signature (each the minimum of one hash function over the tokens).
pub const SIG_LEN: usize = 32;
/// LSH bands; each hashes `SIG_LEN / BANDS` slots, and two signatures are
/// candidates when they share at least one band.
pub const BANDS: usize = 16;
const ROWS: usize = SIG_LEN / BANDS;
const _: () = assert!(SIG_LEN.is_multiple_of(BANDS));

/// Two stories report the same event when their similarity is at least this...
pub const THRESHOLD: f32 = 0.3;
/// ...and their dates are at most this many days apart.
pub const WINDOW_DAYS: i64 = 3;

/// Fewer distinct tokens than this say too little to thread on.
const MIN_TOKENS: usize = 3;
/// Words of the lead that threading reads.
const LEAD_WORDS: usize = 60;

/// A MinHash signature of a story's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; SIG_LEN]);

impl Signature {
    /// The signature of a title and lead; `None` when they hold too few tokens
    /// to say what event they report.
    pub fn of(title: &str, lead: &str) -> Option<Signature> {
        let hashes = tokens::hashes(title, lead);
        if hashes.len() < MIN_TOKENS {
            return None;
        }
        let mut sig = [u32::MAX; SIG_LEN];
        for h in hashes {
            for (i, slot) in sig.iter_mut().enumerate() {
                *slot = (*slot).min(slot_hash(h, i));
            }
        }
        Some(Signature(sig))
    }

    /// The LSH band hashes: each band's slots (and its index) hashed to 64 bits.
    pub fn bands(&self) -> [u64; BANDS] {
        let mut out = [0u64; BANDS];
        for (b, band) in out.iter_mut().enumerate() {
            let mut h = mix(b as u64 + 1);
            for &v in &self.0[b * ROWS..(b + 1) * ROWS] {
                h = mix(h ^ u64::from(v));
            }
            *band = h;
        }
        out
    }

    /// The estimated Jaccard similarity of the two token sets: the share of
    /// slots that agree, 0..=1.
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / SIG_LEN as f32
    }

    /// Little-endian slots, `4 * SIG_LEN` bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// The signature `to_bytes` wrote; `None` for bytes of another length (a
    /// signature of another `SIG_LEN`, to be computed again).
    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != 4 * SIG_LEN {
            return None;
        }
        let mut sig = [0u32; SIG_LEN];
        for (slot, chunk) in sig.iter_mut().zip(b.chunks_exact(4)) {
            *slot = u32::from_le_bytes(chunk.try_into().ok()?);
        }
        Some(Signature(sig))
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

/// Slot `i`'s hash of a token hash: one 64-bit mix seeded per slot, top half.
fn slot_hash(h: u64, i: usize) -> u32 {
    (mix(h ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)) >> 32) as u32
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

//! Placeholder of the similarity contract (replaced by the i19-similar branch).

use crate::model::Document;

pub const SIG_LEN: usize = 32;
pub const BANDS: usize = 16;
pub const THRESHOLD: f32 = 0.3;
pub const WINDOW_DAYS: i64 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; SIG_LEN]);

fn hash(seed: u64, word: &str) -> u32 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in word.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 32)) as u32
}

impl Signature {
    pub fn of(title: &str, lead: &str) -> Option<Signature> {
        let text = crate::text::fold::fold(&format!("{title} {lead}"));
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .collect();
        if words.len() < 3 {
            return None;
        }
        let mut sig = [u32::MAX; SIG_LEN];
        for w in words {
            for (i, slot) in sig.iter_mut().enumerate() {
                *slot = (*slot).min(hash(i as u64, w));
            }
        }
        Some(Signature(sig))
    }
    pub fn bands(&self) -> [u64; BANDS] {
        let r = SIG_LEN / BANDS;
        std::array::from_fn(|b| {
            let mut h = b as u64;
            for v in &self.0[b * r..(b + 1) * r] {
                h = h.wrapping_mul(0x0100_0000_01b3) ^ *v as u64;
            }
            h
        })
    }
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f32 / SIG_LEN as f32
    }
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }
    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != SIG_LEN * 4 {
            return None;
        }
        Some(Signature(std::array::from_fn(|i| {
            u32::from_le_bytes(b[i * 4..i * 4 + 4].try_into().unwrap())
        })))
    }
}

pub fn text_of(doc: &Document) -> (String, String) {
    let lead: Vec<String> = doc.lead.iter().map(|p| p.text()).collect();
    (doc.title.clone(), lead.join(" "))
}

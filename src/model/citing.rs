//! Questions about one document's citations: which claims and events cite a source.

use super::Document;

/// Where a claim or an event that cites a source sits in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citing {
    /// Sentence `sent` of paragraph `para` of a section (`None`: the lead).
    Claim {
        section: Option<usize>,
        para: usize,
        sent: usize,
    },
    /// Timeline event `i`, in the document's order.
    Event(usize),
}

impl Document {
    /// Every claim (lead first, then the sections in order) and every timeline
    /// event that cites source `n`.
    pub fn citing(&self, n: u32) -> Vec<Citing> {
        let mut out = Vec::new();
        let sections = std::iter::once((None, &self.lead)).chain(
            self.sections
                .iter()
                .enumerate()
                .map(|(i, s)| (Some(i), &s.paragraphs)),
        );
        for (section, paragraphs) in sections {
            for (para, p) in paragraphs.iter().enumerate() {
                for (sent, s) in p.sentences.iter().enumerate() {
                    if s.citations.contains(&n) {
                        out.push(Citing::Claim {
                            section,
                            para,
                            sent,
                        });
                    }
                }
            }
        }
        out.extend(
            self.timeline
                .iter()
                .enumerate()
                .filter(|(_, e)| e.citations.contains(&n))
                .map(|(i, _)| Citing::Event(i)),
        );
        out
    }
}

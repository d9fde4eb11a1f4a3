//! The 94 HTML5 named references that quick-xml's table leaves out (those that
//! stand for two code points, `&nvlt;` = `<` + U+20D2), from the WHATWG list,
//! sorted by name for a binary search.

/// `(name, text)`, sorted by name.
const EXTRA: &[(&str, &str)] = &[
    ("NotEqualTilde", "\u{2242}\u{338}"),
    ("NotGreaterFullEqual", "\u{2267}\u{338}"),
    ("NotGreaterGreater", "\u{226B}\u{338}"),
    ("NotGreaterSlantEqual", "\u{2A7E}\u{338}"),
    ("NotHumpDownHump", "\u{224E}\u{338}"),
    ("NotHumpEqual", "\u{224F}\u{338}"),
    ("NotLeftTriangleBar", "\u{29CF}\u{338}"),
    ("NotLessLess", "\u{226A}\u{338}"),
    ("NotLessSlantEqual", "\u{2A7D}\u{338}"),
    ("NotNestedGreaterGreater", "\u{2AA2}\u{338}"),
    ("NotNestedLessLess", "\u{2AA1}\u{338}"),
    ("NotPrecedesEqual", "\u{2AAF}\u{338}"),
    ("NotRightTriangleBar", "\u{29D0}\u{338}"),
    ("NotSquareSubset", "\u{228F}\u{338}"),
    ("NotSquareSuperset", "\u{2290}\u{338}"),
    ("NotSubset", "\u{2282}\u{20D2}"),
    ("NotSucceedsEqual", "\u{2AB0}\u{338}"),
    ("NotSucceedsTilde", "\u{227F}\u{338}"),
    ("NotSuperset", "\u{2283}\u{20D2}"),
    ("ThickSpace", "\u{205F}\u{200A}"),
    ("acE", "\u{223E}\u{333}"),
    ("bne", "\u{3D}\u{20E5}"),
    ("bnequiv", "\u{2261}\u{20E5}"),
    ("bsolhsub", "\u{27C8}"),
    ("caps", "\u{2229}\u{FE00}"),
    ("cups", "\u{222A}\u{FE00}"),
    ("fjlig", "\u{66}\u{6A}"),
    ("gesl", "\u{22DB}\u{FE00}"),
    ("gvertneqq", "\u{2269}\u{FE00}"),
    ("gvnE", "\u{2269}\u{FE00}"),
    ("lates", "\u{2AAD}\u{FE00}"),
    ("lesg", "\u{22DA}\u{FE00}"),
    ("lvertneqq", "\u{2268}\u{FE00}"),
    ("lvnE", "\u{2268}\u{FE00}"),
    ("nGg", "\u{22D9}\u{338}"),
    ("nGt", "\u{226B}\u{20D2}"),
    ("nGtv", "\u{226B}\u{338}"),
    ("nLl", "\u{22D8}\u{338}"),
    ("nLt", "\u{226A}\u{20D2}"),
    ("nLtv", "\u{226A}\u{338}"),
    ("nang", "\u{2220}\u{20D2}"),
    ("napE", "\u{2A70}\u{338}"),
    ("napid", "\u{224B}\u{338}"),
    ("nbump", "\u{224E}\u{338}"),
    ("nbumpe", "\u{224F}\u{338}"),
    ("ncongdot", "\u{2A6D}\u{338}"),
    ("nedot", "\u{2250}\u{338}"),
    ("nesim", "\u{2242}\u{338}"),
    ("ngE", "\u{2267}\u{338}"),
    ("ngeqq", "\u{2267}\u{338}"),
    ("ngeqslant", "\u{2A7E}\u{338}"),
    ("nges", "\u{2A7E}\u{338}"),
    ("nlE", "\u{2266}\u{338}"),
    ("nleqq", "\u{2266}\u{338}"),
    ("nleqslant", "\u{2A7D}\u{338}"),
    ("nles", "\u{2A7D}\u{338}"),
    ("notinE", "\u{22F9}\u{338}"),
    ("notindot", "\u{22F5}\u{338}"),
    ("nparsl", "\u{2AFD}\u{20E5}"),
    ("npart", "\u{2202}\u{338}"),
    ("npre", "\u{2AAF}\u{338}"),
    ("npreceq", "\u{2AAF}\u{338}"),
    ("nrarrc", "\u{2933}\u{338}"),
    ("nrarrw", "\u{219D}\u{338}"),
    ("nsce", "\u{2AB0}\u{338}"),
    ("nsubE", "\u{2AC5}\u{338}"),
    ("nsubset", "\u{2282}\u{20D2}"),
    ("nsubseteqq", "\u{2AC5}\u{338}"),
    ("nsucceq", "\u{2AB0}\u{338}"),
    ("nsupE", "\u{2AC6}\u{338}"),
    ("nsupset", "\u{2283}\u{20D2}"),
    ("nsupseteqq", "\u{2AC6}\u{338}"),
    ("nvap", "\u{224D}\u{20D2}"),
    ("nvge", "\u{2265}\u{20D2}"),
    ("nvgt", "\u{3E}\u{20D2}"),
    ("nvle", "\u{2264}\u{20D2}"),
    ("nvlt", "\u{3C}\u{20D2}"),
    ("nvltrie", "\u{22B4}\u{20D2}"),
    ("nvrtrie", "\u{22B5}\u{20D2}"),
    ("nvsim", "\u{223C}\u{20D2}"),
    ("smtes", "\u{2AAC}\u{FE00}"),
    ("sqcaps", "\u{2293}\u{FE00}"),
    ("sqcups", "\u{2294}\u{FE00}"),
    ("suphsol", "\u{27C9}"),
    ("varsubsetneq", "\u{228A}\u{FE00}"),
    ("varsubsetneqq", "\u{2ACB}\u{FE00}"),
    ("varsupsetneq", "\u{228B}\u{FE00}"),
    ("varsupsetneqq", "\u{2ACC}\u{FE00}"),
    ("vnsub", "\u{2282}\u{20D2}"),
    ("vnsup", "\u{2283}\u{20D2}"),
    ("vsubnE", "\u{2ACB}\u{FE00}"),
    ("vsubne", "\u{228A}\u{FE00}"),
    ("vsupnE", "\u{2ACC}\u{FE00}"),
    ("vsupne", "\u{228B}\u{FE00}"),
];

/// The text of one of the references quick-xml does not know.
pub fn resolve(name: &str) -> Option<&'static str> {
    EXTRA
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| EXTRA[i].1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_sorted_and_complete() {
        assert!(super::EXTRA.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(super::EXTRA.len(), 94);
        assert_eq!(super::resolve("NotEqualTilde"), Some("\u{2242}\u{338}"));
    }
}

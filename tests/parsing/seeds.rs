//! The five seed pages in `../shared/seeds`, checked with the shared facts checker,
//! plus properties that hold for every seed. Says plainly when the seeds are absent.

use crate::common;

#[test]
fn seeds_pass_every_fact() {
    let Some(shared) = common::shared() else {
        eprintln!(
            "SKIPPED: ../shared/seeds is not present beside this checkout; seed facts not checked"
        );
        return;
    };
    let (ok, report) =
        common::check_facts(&shared.join("seeds/expected")).expect("shared is present");
    assert!(ok, "check-facts failed:\n{report}");
    assert!(report.contains("5 passed, 0 failed"), "{report}");
}

#[test]
fn seeds_parse_to_one_document_without_controls() {
    let Some(shared) = common::shared() else {
        eprintln!("SKIPPED: ../shared/seeds is not present beside this checkout");
        return;
    };
    let mut seen = 0;
    for entry in std::fs::read_dir(shared.join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let out = common::run(&["parse", "--json", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", path.display());
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), 1, "{}: one document", path.display());
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["schema"], 1);
        assert!(!common::has_control(&text.replace('\n', "")));
        seen += 1;
    }
    assert_eq!(seen, 5);
}

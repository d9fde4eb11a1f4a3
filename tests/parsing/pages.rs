//! The project's own test pages (`tests/pages`), written to cover what the seeds do
//! not: sentence-case headings, Key Facts bullets, CRLF and a BOM, listing pages,
//! other UI languages, unstructured text.

use crate::common;

#[test]
fn own_pages_pass_every_fact() {
    let Some((ok, report)) = common::check_facts(&common::pages().join("expected")) else {
        return;
    };
    assert!(ok, "check-facts failed:\n{report}");
    assert!(report.contains(", 0 failed"), "{report}");
}

#[test]
fn listing_page_prints_json_lines_in_page_order() {
    let page = common::pages().join("listing_two_stories.txt");
    let out = common::run(&["parse", "--json", page.to_str().unwrap()]);
    assert!(out.status.success());
    let docs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0]["title"],
        "Orbital Telescope Reaches Its Parking Orbit"
    );
    assert_eq!(docs[1]["title"], "Marathon Record Falls in Berlin");
    assert_eq!(
        docs[1]["sections"][0]["heading"],
        "Runner Breaks the Mark by Nine Seconds"
    );
    assert_eq!(docs[1]["sources"].as_array().unwrap().len(), 3);
    assert_eq!(docs[0]["timeline"][1]["date"]["day"], 1);
}

#[test]
fn key_facts_citations_keep_page_order() {
    let page = common::samples().join("story_key_facts_rates.txt");
    let out = common::run(&["parse", "--json", page.to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = &doc["sections"][3]["paragraphs"][0]["sentences"][0]["citations"];
    assert_eq!(last, &serde_json::json!([4, 2, 5]));
    assert_eq!(
        doc["sources"][0]["url"],
        "https://www.example.com/ft/bank-holds-rates"
    );
}

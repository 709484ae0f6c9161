use super::*;
use crate::diagnostic::Edit;
use crate::document::{Document, Format, ParseError};
use crate::input::Source;

fn parse_doc(text: &str) -> Result<Document, ParseError> {
    Document::parse(
        Source {
            name: "t.xlf".into(),
            text: text.into(),
        },
        Format::Xliff,
    )
}

fn doc(text: &str) -> Document {
    parse_doc(text).unwrap()
}

fn targets(d: &Document) -> Vec<&str> {
    d.segments.iter().map(|s| s.slice(d.prose())).collect()
}

/// Every pair's source span decodes to its source; every target lies inside a segment on
/// character boundaries; the whole prose of each target maps back inside the file.
#[track_caller]
fn assert_pairs_exact(d: &Document) {
    for pair in &d.pairs {
        assert_eq!(
            decode_content(&d.original, pair.source_span),
            pair.source,
            "{}",
            pair.id
        );
        assert!(d.segments.iter().any(|s| s.contains(pair.target)));
        assert!(d.prose().is_char_boundary(pair.target.start));
        assert!(d.prose().is_char_boundary(pair.target.end));
        let original = d.to_original(pair.target);
        assert!(d.original.is_char_boundary(original.start));
        assert!(d.original.is_char_boundary(original.end));
    }
}

fn apply(d: &Document, needle: &str, replacement: &str) -> String {
    let at = d.prose().find(needle).unwrap();
    let edit = Edit::replace(Span::new(at, at + needle.len()), replacement);
    crate::fix::apply_edits(&d.original, &d.edits_to_original(&edit)).unwrap()
}

const V12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="en" target-language="fr-FR" datatype="plaintext">
    <header><note>Newsweek header</note></header>
    <body>
      <group id="g1">
        <trans-unit id="1">
          <source>Newsweek &amp; <g id="b">Reuters</g> said<x id="br"/>.</source>
          <target>Semaine d&apos;actualités &amp; <g id="b">Reuters</g> a dit<x id="br"/>.</target>
          <alt-trans><target>Autre traduction</target></alt-trans>
        </trans-unit>
      </group>
      <trans-unit id="2" translate="no">
        <source>Code</source>
        <target>Code traduit</target>
      </trans-unit>
      <trans-unit id="3">
        <source>One. Two.</source>
        <seg-source><mrk mtype="seg" mid="s1">One.</mrk> <mrk mtype="seg" mid="s2">Two &lt;b&gt;.</mrk></seg-source>
        <target><mrk mtype="seg" mid="s1">Un.</mrk> <mrk mtype="seg" mid="s2">Deux<ph id="1">&lt;b&gt;</ph>.</mrk></target>
      </trans-unit>
      <trans-unit id="4"><source>Empty</source><target/></trans-unit>
      <trans-unit id="5"><source>No target</source></trans-unit>
      <trans-unit id="6"><source><![CDATA[A <b> tag]]></source><target><![CDATA[Une <b> balise]]> &#233;t&#xE9;</target></trans-unit>
    </body>
  </file>
</xliff>
"#;

#[test]
fn xliff_1_2_targets_pairs_and_languages() {
    let d = doc(V12);
    assert_eq!(
        targets(&d),
        [
            "Semaine d'actualités & Reuters a dit.",
            "Un.",
            "Deux.",
            "Une <b> balise été"
        ]
    );
    let pairs: Vec<(&str, &str)> = d
        .pairs
        .iter()
        .map(|p| (p.id.as_str(), p.source.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("1", "Newsweek & Reuters said."),
            ("3/s1", "One."),
            ("3/s2", "Two <b>."),
            ("6", "A <b> tag")
        ]
    );
    assert_eq!(d.declared_languages().source.as_deref(), Some("en"));
    assert_eq!(d.declared_languages().target.as_deref(), Some("fr-FR"));
    assert_pairs_exact(&d);
}

#[test]
fn prose_maps_back_into_the_target() {
    let d = doc(V12);
    let prose = d.prose();
    for (needle, original) in [
        ("Semaine d'actualités", "Semaine d&apos;actualités"),
        ("Reuters", "Reuters"),
        ("a dit.", "a dit<x id=\"br\"/>."),
        ("balise", "balise"),
        ("été", "&#233;t&#xE9;"),
    ] {
        let at = prose.find(needle).unwrap();
        let span = d.to_original(Span::new(at, at + needle.len()));
        assert_eq!(span.slice(&d.original), original);
        let target_start = d.original.find("<target>Semaine").unwrap();
        assert!(span.start > target_start);
    }
}

#[test]
fn fixes_keep_inline_markup_and_escape() {
    let d = doc(V12);
    let fixed = apply(&d, "Semaine d'actualités & Reuters", "Newsweek <&> Reuters");
    assert!(
        fixed.contains("<target>Newsweek &lt;&amp;&gt; <g id=\"b\">Reuters</g> a dit"),
        "{fixed}"
    );
    roxmltree::Document::parse(&fixed).expect("well-formed");
    let again = doc(&fixed);
    assert_eq!(targets(&again)[0], "Newsweek <&> Reuters a dit.");
    assert_eq!(again.pairs[0].source, d.pairs[0].source);
}

#[test]
fn fixes_inside_cdata_stay_raw_and_cannot_close_it() {
    let d = doc(V12);
    let fixed = apply(&d, "balise", "balise & ]]> fin");
    roxmltree::Document::parse(&fixed).expect("well-formed");
    assert_eq!(targets(&doc(&fixed))[3], "Une <b> balise & ]]> fin été");
}

const V20: &str = "\u{feff}<?xml version=\"1.0\"?>\r\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en-US\" trgLang=\"fr\">\r\n <file id=\"f1\">\r\n  <unit id=\"u1\">\r\n   <originalData><data id=\"d1\">&lt;b&gt;</data></originalData>\r\n   <segment id=\"s1\"><source>The <pc id=\"1\">Kremlin</pc> said.</source><target>Le <pc id=\"1\">Kremlin</pc> a dit.</target></segment>\r\n   <ignorable><source> </source><target>Ignoré</target></ignorable>\r\n   <segment><source>Bye<ph id=\"2\" dataRef=\"d1\"/>.</source><target>Au revoir<sc id=\"3\"/>.<ec startRef=\"3\"/></target></segment>\r\n  </unit>\r\n  <group id=\"g\" translate=\"no\"><unit id=\"u2\"><segment><source>A</source><target>B</target></segment></unit></group>\r\n  <unit id=\"u3\"><segment><source>Alone</source><target>Seul</target></segment></unit>\r\n </file>\r\n</xliff>\r\n";

#[test]
fn xliff_2_segments_ignorables_and_translate_no() {
    let d = doc(V20);
    assert_eq!(targets(&d), ["Le Kremlin a dit.", "Au revoir.", "Seul"]);
    let ids: Vec<&str> = d.pairs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["u1/s1", "u1/2", "u3"]);
    assert_eq!(d.pairs[1].source, "Bye.");
    assert_eq!(d.declared_languages().source.as_deref(), Some("en-US"));
    assert_eq!(d.declared_languages().target.as_deref(), Some("fr"));
    assert_pairs_exact(&d);
    let fixed = apply(&d, "Au revoir.", "Adieu \"x\".");
    roxmltree::Document::parse(fixed.trim_start_matches('\u{feff}')).expect("well-formed");
    assert!(
        fixed.contains("<target>Adieu \"x\"<sc id=\"3\"/>.<ec"),
        "{fixed}"
    );
}

#[test]
fn errors_name_the_place() {
    for (text, expected) in [
        ("<xliff version=\"1.2\"><file>", "t.xlf:1:28: the file ends inside <file>"),
        ("<xliff version=\"3.0\"/>", "t.xlf:1:1: XLIFF version `3.0` is not supported"),
        ("<xliff/>", "t.xlf:1:1: the <xliff> element has no version"),
        ("<html/>", "t.xlf:1:1: not an XLIFF document: the root element is <html>"),
        ("", "t.xlf:1:1: not an XLIFF document: no <xliff> element"),
        (
            "<xliff version=\"2.0\">\n<file><unit id=\"1\"><segment><source>a &foo; b</source></segment></unit></file></xliff>",
            "t.xlf:2:39: unknown entity `&foo;`",
        ),
        (
            "<xliff version=\"2.0\">\n  <file></unit></xliff>",
            "t.xlf:2:9: malformed XML",
        ),
    ] {
        let message = parse_doc(text).unwrap_err().to_string();
        assert!(message.starts_with(expected), "{text:?}: {message}");
    }
}

#[test]
fn escapes() {
    assert_eq!(escape("a & <b> \"c\""), "a &amp; &lt;b&gt; \"c\"");
    assert_eq!(escape_cdata("x]]>y"), "x]]]]><![CDATA[>y");
}

#[test]
fn deep_nesting_and_many_units_stay_linear() {
    let depth = 50_000;
    let text = format!(
        "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>s</source><target>{}x{}</target></trans-unit>{}</body></file></xliff>",
        "<g>".repeat(depth),
        "</g>".repeat(depth),
        "<trans-unit id=\"n\"><source>a</source><target>b</target></trans-unit>".repeat(depth)
    );
    let started = std::time::Instant::now();
    let d = doc(&text);
    assert_eq!(d.pairs.len(), depth + 1);
    assert_eq!(targets(&d)[0], "x");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// Found by the `parse_xliff` fuzz target: a second byte order mark was skipped by the XML
/// reader without being counted, so every position after it was three bytes off and a CDATA
/// section was cut inside a character.
#[test]
fn fuzz_crash_66315de1_a_second_byte_order_mark_keeps_positions_exact() {
    let text = "\u{feff}\u{feff}<xliff version=\"2.0\"><file id=\"f\"><unit id=\"u\"><segment>\
                <source>a</source><target>x<![CDATA[ééé]]> Semaine</target></segment>\
                </unit></file></xliff>\n";
    let d = doc(text);
    assert_eq!(targets(&d), ["xééé Semaine"]);
    assert_pairs_exact(&d);
    assert_eq!(
        apply(&d, "Semaine", "Newsweek"),
        text.replace(" Semaine", " Newsweek")
    );
}

use super::*;

fn check(input: &str, expected: Result<(), DataError>) {
    let got = parse_versioned::<Index>(input).map(|_| ());
    assert_eq!(got, expected, "input: {input}");
}

/// A file of an older `version` is refused, not misread.
fn refused(version: u64) {
    check(
        &format!(r#"{{"schema_version":{version},"documents":[]}}"#),
        Err(DataError::WrongSchema {
            found: Some(version),
        }),
    );
}

#[test]
fn versioned_parsing() {
    check(r#"{"schema_version":11,"documents":[]}"#, Ok(()));
    // A file from before typed records (version 2) is refused, not misread.
    refused(2);
    // So is one from before themes (version 3): its records name no theme.
    refused(3);
    // So is one from before the paged lists (version 4): its departments file lists
    // record ids where the app reads counts.
    refused(4);
    // So is one from before the per-document files and split bigrams (version 5): its
    // list indexes name no document titles, its search manifest lists no split bigram
    // (the app would read a split bigram's counts as positions).
    refused(5);
    // So is one from before the shared names and common keys (version 6): its list
    // indexes carry their documents' names where the app reads counts, its member
    // files deltas where the app reads runs, and its shards hold the postings of the
    // commonest characters, which the app would look for in files of their own.
    refused(6);
    // So is one from before the lists' matches of common keys (version 7): with it, a
    // list's text filter of a common key would look for a file the data does not have.
    refused(7);
    // So is one from before a common key's postings were split by kind (version 8):
    // its shards give a common key's number where the app reads a number and a size,
    // and the app would look for postings files the data does not have.
    refused(8);
    // So is one from before reported results (version 9): its targets carry no
    // progress, and the list of targets has no status filter to answer.
    refused(9);
    // So is one from before the externally tagged blocks (version 10): its blocks carry
    // their kind inside (`"type": "paragraph"`), where the app reads it outside.
    refused(10);
    for no_version in [
        r#"{"documents":[]}"#,
        r#"{"schema_version":"10","documents":[]}"#,
        r#"{"schema_version":10.5,"documents":[]}"#,
        r#"{"schema_version":-1,"documents":[]}"#,
        r#"{"schema_version":{"v":10},"documents":[]}"#,
        r#"{"schema_version":null,"documents":[]}"#,
    ] {
        check(no_version, Err(DataError::WrongSchema { found: None }));
    }
    assert!(matches!(
        parse_versioned::<Index>("<html>"),
        Err(DataError::NotJson(_))
    ));
    assert!(matches!(
        parse_versioned::<Index>(&format!(
            r#"{{"schema_version":{SCHEMA_VERSION},"documents":[{{"id":1}}]}}"#
        )),
        Err(DataError::NotJson(_))
    ));
    for not_json in [
        r#"{"schema_version":1,"docu"#,
        r#"{"schema_version":"10"#,
        "[1,",
    ] {
        assert!(
            matches!(
                parse_versioned::<Index>(not_json),
                Err(DataError::NotJson(_))
            ),
            "{not_json}"
        );
    }
}

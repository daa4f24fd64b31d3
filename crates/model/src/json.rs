//! The app's JSON reader: a small, non-generic parser and the [`FromJson`] trait that the
//! wire types derive (`json_derive`, from the same `#[serde(...)]` attributes as serde).
//!
//! serde_json reads the files just as well, and the native tools keep using it; but in the
//! browser its generic code, instantiated for every wire type, was about a seventh of the
//! app. Here each type gets one plain function over one shared reader. Tests read every
//! shipped data file both ways and require the same values.
//!
//! Numbers: integers into integer types (a fraction or an exponent is refused, as serde
//! does); a number into `f64` only when it can be read exactly without a float-parsing
//! library (at most 15 significant digits and a power of ten within ±22, which covers every
//! value a policy text prints); any other number is refused with a message rather than
//! read approximately.

use std::collections::BTreeMap;

pub use json_derive::FromJson;

/// A value that can be read from JSON.
pub trait FromJson: Sized {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError>;
}

/// Why a text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub what: String,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

/// Reads a whole text as `T`: nothing but white space may follow the value.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    let mut p = Parser::new(text);
    let value = T::from_json(&mut p)?;
    p.end()?;
    Ok(value)
}

/// A cursor over a JSON text.
#[derive(Debug)]
pub struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Self {
        Parser { text, at: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    pub fn position(&self) -> usize {
        self.at
    }

    /// Goes back to `at` (a position this parser gave): to read an object twice.
    pub fn reset(&mut self, at: usize) {
        self.at = at;
    }

    pub fn error_at(&self, at: usize, what: impl Into<String>) -> JsonError {
        let before = &self.bytes()[..at.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Columns count characters, as an editor shows them.
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        JsonError {
            what: what.into(),
            line,
            column,
        }
    }

    fn error(&self, what: impl Into<String>) -> JsonError {
        self.error_at(self.at, what)
    }

    pub fn missing_field(&self, name: &str) -> JsonError {
        self.error(format!("missing field `{name}`"))
    }

    pub fn unknown_variant(&self, at: usize, name: &str) -> JsonError {
        self.error_at(at, format!("unknown variant `{name}`"))
    }

    pub fn too_long(&self, expected: usize) -> JsonError {
        self.error(format!("invalid length, expected {expected} elements"))
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte that is not white space, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes().get(self.at).copied()
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), JsonError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    fn expected(&self, what: &str) -> JsonError {
        if self.at >= self.text.len() {
            self.error("EOF while parsing a value")
        } else {
            self.error(format!("expected {what}"))
        }
    }

    fn end(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters")),
        }
    }

    /// Whether the next value is `null`; if so it is consumed.
    pub fn null(&mut self) -> bool {
        if self.peek() == Some(b'n') && self.text[self.at..].starts_with("null") {
            self.at += 4;
            true
        } else {
            false
        }
    }

    pub fn boolean(&mut self) -> Result<bool, JsonError> {
        self.skip_space();
        for (word, value) in [("true", true), ("false", false)] {
            if self.text[self.at..].starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        Err(self.expected("a boolean"))
    }

    /// An object: `each` gets every key (with the parser at its value) and says whether it
    /// read the value; values it did not read are skipped.
    pub fn object(
        &mut self,
        each: &mut dyn FnMut(&mut Parser<'a>, &str) -> Result<bool, JsonError>,
    ) -> Result<(), JsonError> {
        self.expect(b'{', "an object")?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.expected("a key"));
            }
            let key = self.string()?;
            self.expect(b':', "`:`")?;
            if !each(self, &key)? {
                self.skip_value()?;
            }
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.expected("`,` or `}`")),
            }
        }
    }

    /// An array: `each` reads the element at the parser, given its index.
    pub fn array(
        &mut self,
        each: &mut dyn FnMut(&mut Parser<'a>, usize) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.expect(b'[', "an array")?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        let mut i = 0;
        loop {
            each(self, i)?;
            i += 1;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.expected("`,` or `]`")),
            }
        }
    }

    /// The value of key `tag` in the object ahead, a string; the parser ends after the
    /// object.
    pub fn tag(&mut self, tag: &str) -> Result<String, JsonError> {
        let mut found = None;
        self.object(&mut |p, key| {
            if key == tag {
                found = Some(p.string()?);
                Ok(true)
            } else {
                Ok(false)
            }
        })?;
        found.ok_or_else(|| self.missing_field(tag))
    }

    pub fn string(&mut self) -> Result<String, JsonError> {
        self.expect(b'"', "a string")?;
        let bytes = self.bytes();
        let mut out = String::new();
        let mut run = self.at;
        loop {
            let Some(&b) = bytes.get(self.at) else {
                return Err(self.error("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    self.escape(&mut out)?;
                    run = self.at;
                }
                0..=0x1f => {
                    return Err(self.error("control character found while parsing a string"))
                }
                _ => self.at += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let Some(&b) = self.bytes().get(self.at) else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("invalid unicode code point"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?
            }
            _ => return Err(self.error("invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.bytes().get(self.at..self.at + 4);
        let mut n = 0u32;
        for &d in digits.ok_or_else(|| self.error("EOF while parsing a string"))? {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            n = n * 16 + u32::from(v);
        }
        self.at += 4;
        Ok(n)
    }

    /// The number ahead, by the JSON grammar: its sign, its digits without the decimal
    /// point (leading zeros dropped), and the power of ten they are scaled by; past 19
    /// significant digits it is only scanned (`too_long`).
    fn number(&mut self) -> Result<Number, JsonError> {
        self.skip_space();
        let start = self.at;
        let bytes = self.bytes();
        let negative = bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let mut digits = 0u64;
        let mut significant = 0u32;
        let mut scale = 0i32;
        let mut integer = true;
        let mut too_long = false;
        let mut read_digits = |p: &mut Parser<'_>, fraction: bool| -> usize {
            let from = p.at;
            while let Some(&d @ b'0'..=b'9') = bytes.get(p.at) {
                p.at += 1;
                if significant == 0 && d == b'0' {
                    if fraction {
                        scale -= 1;
                    }
                    continue;
                }
                significant += 1;
                if significant > 19 {
                    too_long = true;
                    continue;
                }
                digits = digits * 10 + u64::from(d - b'0');
                if fraction {
                    scale -= 1;
                }
            }
            p.at - from
        };
        let whole = read_digits(self, false);
        if whole == 0 {
            self.at = start;
            return Err(self.expected("a value"));
        }
        if whole > 1 && bytes[start + usize::from(negative)] == b'0' {
            return Err(self.error_at(start, "invalid number"));
        }
        if bytes.get(self.at) == Some(&b'.') {
            integer = false;
            self.at += 1;
            if read_digits(self, true) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(self.at) {
            integer = false;
            self.at += 1;
            let sign = match bytes.get(self.at) {
                Some(b'-') => {
                    self.at += 1;
                    -1
                }
                Some(b'+') => {
                    self.at += 1;
                    1
                }
                _ => 1,
            };
            let from = self.at;
            let mut e = 0i32;
            while let Some(&d @ b'0'..=b'9') = bytes.get(self.at) {
                e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.at += 1;
            }
            if self.at == from {
                return Err(self.error("invalid number"));
            }
            scale = scale.saturating_add(sign * e);
        }
        Ok(Number {
            start,
            negative,
            digits,
            scale,
            // `-0` is no integer (serde_json reads it as the double −0.0).
            integer: integer && !(negative && digits == 0),
            too_long,
        })
    }

    /// The number ahead, to be read as a value: one too long to read exactly is refused.
    fn exact_number(&mut self) -> Result<Number, JsonError> {
        let n = self.number()?;
        if n.too_long {
            return Err(self.error_at(n.start, "number too long to read exactly"));
        }
        Ok(n)
    }

    fn unsigned(&mut self, max: u64) -> Result<u64, JsonError> {
        let n = self.exact_number()?;
        if !n.integer {
            return Err(self.error_at(n.start, "invalid type: floating point, expected an integer"));
        }
        if n.negative && n.digits != 0 {
            return Err(self.error_at(
                n.start,
                "invalid value: negative, expected an unsigned integer",
            ));
        }
        // An integer literal has no fraction digits, so `scale` is 0.
        if n.digits > max {
            return Err(self.error_at(n.start, "invalid value: integer out of range"));
        }
        Ok(n.digits)
    }

    fn signed(&mut self, min: i64, max: i64) -> Result<i64, JsonError> {
        let n = self.exact_number()?;
        if !n.integer {
            return Err(self.error_at(n.start, "invalid type: floating point, expected an integer"));
        }
        let value = i128::from(n.digits) * if n.negative { -1 } else { 1 };
        if value < i128::from(min) || value > i128::from(max) {
            return Err(self.error_at(n.start, "invalid value: integer out of range"));
        }
        Ok(value as i64)
    }

    fn float(&mut self) -> Result<f64, JsonError> {
        let n = self.exact_number()?;
        let value = exact_f64(n.digits, n.scale)
            .ok_or_else(|| self.error_at(n.start, "number cannot be read exactly"))?;
        Ok(if n.negative { -value } else { value })
    }

    /// Skips one value of any kind.
    pub fn skip_value(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b'{') => self.object(&mut |_, _| Ok(false)),
            Some(b'[') => self.array(&mut |p, _| p.skip_value()),
            Some(b't' | b'f') => self.boolean().map(drop),
            Some(b'n') if self.null() => Ok(()),
            // A long number is still a number: skipping it needs no exact value.
            _ => self.number().map(drop),
        }
    }
}

#[derive(Debug)]
struct Number {
    start: usize,
    negative: bool,
    digits: u64,
    scale: i32,
    integer: bool,
    /// More than 19 significant digits: `digits` holds only the first 19.
    too_long: bool,
}

/// `digits × 10^scale` when one correctly rounded operation gives it: digits below 2^53
/// are exact in a double, and so are the powers of ten up to 10^22.
pub fn exact_f64(digits: u64, scale: i32) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if digits == 0 {
        return Some(0.0);
    }
    if digits >= 1 << 53 {
        return None;
    }
    let m = digits as f64;
    let power = *POW10.get(scale.unsigned_abs() as usize)?;
    Some(if scale >= 0 { m * power } else { m / power })
}

impl FromJson for String {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        p.string()
    }
}

impl FromJson for bool {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        p.boolean()
    }
}

impl FromJson for f64 {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        p.float()
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
                p.unsigned(<$t>::MAX as u64).map(|n| n as $t)
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
                p.signed(<$t>::MIN as i64, <$t>::MAX as i64).map(|n| n as $t)
            }
        }
    )*};
}
signed!(i32, i64);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        if p.null() {
            Ok(None)
        } else {
            T::from_json(p).map(Some)
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        let mut out = Vec::new();
        p.array(&mut |p, _| {
            out.push(T::from_json(p)?);
            Ok(())
        })?;
        Ok(out)
    }
}

impl<T: FromJson + Default + Copy, const N: usize> FromJson for [T; N] {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        let mut out = [T::default(); N];
        let mut len = 0;
        p.array(&mut |p, i| {
            let slot = out.get_mut(i).ok_or_else(|| p.too_long(N))?;
            *slot = T::from_json(p)?;
            len = i + 1;
            Ok(())
        })?;
        if len != N {
            return Err(p.too_long(N));
        }
        Ok(out)
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        let (mut a, mut b) = (None, None);
        p.array(&mut |p, i| {
            match i {
                0 => a = Some(A::from_json(p)?),
                1 => b = Some(B::from_json(p)?),
                _ => return Err(p.too_long(2)),
            }
            Ok(())
        })?;
        match (a, b) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => Err(p.too_long(2)),
        }
    }
}

impl<V: FromJson> FromJson for BTreeMap<String, V> {
    fn from_json(p: &mut Parser<'_>) -> Result<Self, JsonError> {
        let mut out = BTreeMap::new();
        p.object(&mut |p, key| {
            out.insert(key.to_string(), V::from_json(p)?);
            Ok(true)
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<T: FromJson + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(input: &str) {
        let ours = from_str::<T>(input);
        let serde = serde_json::from_str::<T>(input);
        match (&ours, &serde) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{input}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{input}: ours {ours:?}, serde_json {serde:?}"),
        }
    }

    #[test]
    fn reads_as_serde_json_does() {
        for s in [
            r#""plain""#,
            r#""中文""#,
            r#""esc \" \\ \/ \b \f \n \r \t""#,
            r#""\u00e9\u4e2d\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""\udc00""#,
            "\"a\u{1}b\"",
            r#""unterminated"#,
            r#"  "spaced"  "#,
            r#""x" y"#,
            "12",
        ] {
            check::<String>(s);
        }
        for s in [
            "0",
            "7",
            "4294967295",
            "4294967296",
            "-1",
            "1.0",
            "1e2",
            "01",
            "",
            " 3 ",
            "-0",
        ] {
            check::<u32>(s);
        }
        for s in ["-2147483648", "2147483647", "2147483648", "-0", "5"] {
            check::<i32>(s);
        }
        for s in [
            "0",
            "-0",
            "1",
            "12.5",
            "0.1",
            "-3.75",
            "1e3",
            "2.5E-3",
            "1e22",
            "123456789012345",
            "0.000001",
            "1.",
            ".5",
            "-",
            "1e",
            "00.5",
            "99999999999999.9",
        ] {
            check::<f64>(s);
        }
        for s in [
            "[]",
            "[1,2,3]",
            "[1,]",
            "[1 2]",
            " [ 1 , 2 ] ",
            "[",
            "[[1]]",
        ] {
            check::<Vec<u32>>(s);
        }
        for s in ["[1,2]", "[1]", "[1,2,3]"] {
            check::<[u32; 2]>(s);
        }
        for s in [
            r#"{}"#,
            r#"{"a":[1],"b":[]}"#,
            r#"{"a":1}"#,
            r#"{"a":[1],}"#,
            r#"{a:[1]}"#,
        ] {
            check::<BTreeMap<String, Vec<u32>>>(s);
        }
        for s in ["null", "1", "nul"] {
            check::<Option<u32>>(s);
        }
        for s in ["true", "false", "tru", "1"] {
            check::<bool>(s);
        }
    }

    #[test]
    fn skips_what_it_does_not_read() {
        let mut p = Parser::new(
            r#" {"a": [1, {"b": "c\"}"}, -2.5e3, true, null], "d": 123456789012345678901234} "#,
        );
        assert_eq!(p.skip_value(), Ok(()));
        assert_eq!(p.end(), Ok(()));
    }

    #[test]
    fn an_inexact_number_is_refused_not_rounded() {
        // 17 significant digits: a double holds it only approximately.
        let e = from_str::<f64>("0.30000000000000004").unwrap_err();
        assert!(e.what.contains("exactly"), "{e}");
        assert_eq!(
            from_str::<f64>("1e23").map_err(|e| e.what).unwrap_err(),
            "number cannot be read exactly"
        );
    }

    #[test]
    fn errors_say_where() {
        let e = from_str::<Vec<u32>>("[1,\n 2,\n x]").unwrap_err();
        assert_eq!((e.line, e.column), (3, 2), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn every_double_is_read_exactly_or_refused(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            let text = serde_json::to_string(&x).unwrap_or_default();
            if let Ok(y) = from_str::<f64>(&text) {
                proptest::prop_assert_eq!(y.to_bits(), x.to_bits(), "{}", text);
            }
        }

        #[test]
        fn short_decimals_are_read_as_std_reads_them(m in 0u64..1_000_000_000_000_000, scale in -22i32..=6) {
            let text = format!("{m}e{scale}");
            let ours = from_str::<f64>(&text);
            proptest::prop_assert_eq!(ours.ok(), text.parse::<f64>().ok());
        }

        #[test]
        fn strings_round_trip(s in "\\PC*") {
            let text = serde_json::to_string(&s).unwrap_or_default();
            proptest::prop_assert_eq!(from_str::<String>(&text), Ok(s));
        }
    }
}

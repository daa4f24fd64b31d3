//! Rebuilds the indicator tables that PDF extraction flattened into lines: either one
//! tab-separated line per row (表 1 of the 新旧动能转换 plan), or rows that start with their
//! number and whose cells, category labels and merged cells were broken over many lines and
//! pages (专栏 1 of the 历下区 plan). Cells the source merges down over several rows (a
//! category, or `完成上级下达任务` printed once for three indicators) become spans.

use crate::normalize::{collapse_spaces, squeeze};
use model::CellSpan;

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Header rows printed again after a page break, dropped as page artefacts.
    pub repeated_headers: usize,
    /// Merged cells; the cells they cover are empty in `rows`.
    pub spans: Vec<CellSpan>,
}

/// The spans of a table from, per cell, whether it is merged into the cell above it.
fn spans(merged_up: &[Vec<bool>]) -> Vec<CellSpan> {
    let mut out = Vec::new();
    let width = merged_up.iter().map(Vec::len).max().unwrap_or(0);
    for col in 0..width {
        let merged = |r: usize| merged_up.get(r).and_then(|row| row.get(col)) == Some(&true);
        let mut r = 0;
        while r < merged_up.len() {
            let mut k = 1;
            while merged(r + k) {
                k += 1;
            }
            if k > 1 && !merged(r) {
                out.push(CellSpan {
                    row: r as u32,
                    col: col as u32,
                    rows: k as u32,
                });
            }
            r += k;
        }
    }
    out.sort_by_key(|s| (s.row, s.col));
    out
}

/// A category column (`类别`) prints each category once, in a cell merged over its rows:
/// a row with none is merged into the row above.
fn category_merges(header: &[String], rows: &[Vec<String>]) -> Vec<bool> {
    let is_category = header.first().is_some_and(|h| h == "类别");
    rows.iter()
        .enumerate()
        .map(|(i, r)| is_category && i > 0 && r.first().is_some_and(String::is_empty))
        .collect()
}

/// The table starts right after a caption line when its first line starts with one of these.
pub fn looks_like_table_start(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("类别")
        || t.starts_with("序号")
        || (t.contains('\t') && t.split('\t').count() >= 3)
}

pub fn parse(lines: &[&str]) -> Result<ParsedTable, String> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_end())
        .filter(|l| !l.trim().is_empty())
        .collect();
    if lines.iter().any(|l| l.contains('\t')) {
        parse_tabbed(&lines)
    } else {
        parse_numbered(&lines)
    }
}

fn cell(text: &str) -> String {
    collapse_spaces(&crate::normalize::render_subscripts(text.trim()))
}

fn parse_tabbed(lines: &[&str]) -> Result<ParsedTable, String> {
    let mut iter = lines.iter();
    let header_line = iter.next().ok_or("表格为空")?;
    let header: Vec<String> = header_line.split('\t').map(cell).collect();
    // Values are printed in every row here (`完成省下达任务` twice): only categories merge.
    let header_key = squeeze(header_line);
    let mut rows = Vec::new();
    let mut repeated_headers = 0;
    for line in iter {
        if squeeze(line) == header_key {
            repeated_headers += 1;
            continue;
        }
        let mut row: Vec<String> = line.split('\t').map(cell).collect();
        row.resize(header.len().max(row.len()), String::new());
        rows.push(row);
    }
    let merged_up: Vec<Vec<bool>> = category_merges(&header, &rows)
        .into_iter()
        .map(|m| vec![m])
        .collect();
    Ok(ParsedTable {
        spans: spans(&merged_up),
        header,
        rows,
        repeated_headers,
    })
}

const ATTRIBUTES: [&str; 2] = ["约束性", "预期性"];

fn row_start(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let digits = t
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_digit())
        .map_or(t.len(), |(i, _)| i);
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &t[digits..];
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    rest.chars().next().filter(|c| !c.is_ascii_digit())?;
    Some((&t[..digits], rest))
}

fn is_fragment(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    n > 0 && n <= 5 && !ATTRIBUTES.contains(&t)
}

/// Merges the single-character tokens of a spaced-out heading: `主 要 指 标` → `主要指标`,
/// `2020 年` → `2020年`.
fn header_tokens(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue = false;
    for tok in line.split_whitespace() {
        let single = tok.chars().count() == 1;
        match out.last_mut() {
            Some(last) if single && (glue || tok == "年") => last.push_str(tok),
            _ => out.push(tok.to_string()),
        }
        glue = single || tok.chars().all(|c| c.is_ascii_digit());
    }
    out
}

fn parse_numbered(lines: &[&str]) -> Result<ParsedTable, String> {
    let first = lines.first().ok_or("表格为空")?;
    let (header, header_fragment_set, mut idx) = numbered_header(lines, first);
    let first_key = squeeze(first);

    let mut rows: Vec<Vec<String>> = Vec::new();
    // Per row: whether its three value cells are merged into the row above.
    let mut values_merged: Vec<bool> = Vec::new();
    let mut repeated_headers = 0;
    let mut category = String::new();
    let mut pending: Option<(String, String, Vec<String>)> = None; // number, indicator+values raw, fragments
    let mut category_parts: Vec<String> = Vec::new();
    while let Some(line) = lines.get(idx) {
        idx += 1;
        let key = squeeze(line);
        if key == first_key {
            repeated_headers += 1;
            // Skip the header fragments that follow a repeated header.
            while lines
                .get(idx)
                .is_some_and(|l| header_fragment_set.contains(&squeeze(l)))
            {
                idx += 1;
            }
            continue;
        }
        if let Some((number, rest)) = row_start(line) {
            finish_row(&mut pending, &mut rows, &mut values_merged, &mut category)?;
            if !category_parts.is_empty() {
                category = category_parts.concat();
                category_parts.clear();
            }
            pending = Some((number.to_string(), rest.to_string(), Vec::new()));
            continue;
        }
        let needs_more = pending.as_ref().is_some_and(|(_, rest, frags)| {
            let last = frags
                .last()
                .map(String::as_str)
                .unwrap_or(rest.split_whitespace().last().unwrap_or(""));
            !ATTRIBUTES.contains(&last)
        });
        match pending.as_mut() {
            Some((_, _, frags)) if needs_more => frags.push(line.trim().to_string()),
            _ if is_fragment(line) => category_parts.push(cell(line)),
            _ => return Err(format!("无法识别的表格行：{}", line.trim())),
        }
    }
    finish_row(&mut pending, &mut rows, &mut values_merged, &mut category)?;
    // Columns: category, number, indicator, three values, attribute.
    let merged_up: Vec<Vec<bool>> = category_merges(&header, &rows)
        .into_iter()
        .zip(&values_merged)
        .map(|(c, &v)| vec![c, false, false, v, v, v, false])
        .collect();
    Ok(ParsedTable {
        spans: spans(&merged_up),
        header,
        rows,
        repeated_headers,
    })
}

/// The header of a numbered table: the first line's tokens, completed to the seven columns
/// from the fragment lines under it (category, number, indicator, baseline, target, growth,
/// attribute); the fragments, squeezed, to skip under a repeated header; and the index of
/// the first line after the header.
fn numbered_header(lines: &[&str], first: &str) -> (Vec<String>, Vec<String>, usize) {
    let mut header = header_tokens(first);
    let mut idx = 1;
    let mut header_fragments: Vec<String> = Vec::new();
    while let Some(line) = lines.get(idx) {
        if row_start(line).is_some()
            || (is_fragment(line)
                && lines.get(idx + 1).is_some_and(|n| {
                    is_fragment(n) && row_start(lines.get(idx + 2).copied().unwrap_or("")).is_some()
                }))
        {
            break;
        }
        header_fragments.push(cell(line));
        idx += 1;
    }
    let header_fragment_set: Vec<String> = header_fragments.iter().map(|f| squeeze(f)).collect();
    // Rows have category, number, indicator, baseline, target, growth, attribute.
    let width = 7usize;
    let missing = width.saturating_sub(header.len());
    if missing > 0 && !header_fragments.is_empty() {
        let per = header_fragments.len().div_ceil(missing);
        for chunk in header_fragments.chunks(per.max(1)) {
            header.push(chunk.concat());
        }
    }
    (header, header_fragment_set, idx)
}

/// Ends the pending row (number, indicator and values as printed, continuation fragments):
/// its cells, and whether its values are merged into the row above.
fn finish_row(
    pending: &mut Option<(String, String, Vec<String>)>,
    rows: &mut Vec<Vec<String>>,
    values_merged: &mut Vec<bool>,
    category: &mut String,
) -> Result<(), String> {
    let Some((number, rest, fragments)) = pending.take() else {
        return Ok(());
    };
    let (indicator, mut values) = split_indicator(&rest)?;
    values.extend(fragments);
    let attribute = match values.last() {
        Some(v) if ATTRIBUTES.contains(&v.as_str()) => values.pop().unwrap_or_default(),
        _ => String::new(),
    };
    // A row printing no values at all lies beside a merged cell of the row above
    // (rows 17–18 beside row 16's `完成上级下达任务`).
    values_merged.push(values.is_empty() && !rows.is_empty());
    let values = regroup(values, 3).map_err(|e| format!("第{number}行：{e}"))?;
    let mut row = vec![std::mem::take(category), number, indicator];
    row.extend(values);
    row.push(attribute);
    rows.push(row);
    Ok(())
}

/// `地区生产总值增速（亿元） 4.5 — 7 预期性` → (`地区生产总值增速（亿元）`, [`4.5`, `—`, `7`, `预期性`]).
fn split_indicator(rest: &str) -> Result<(String, Vec<String>), String> {
    let close = rest
        .rfind('）')
        .ok_or_else(|| format!("指标缺少单位括号：{rest}"))?;
    let (indicator, values) = rest.split_at(close + '）'.len_utf8());
    Ok((
        cell(indicator),
        values.split_whitespace().map(str::to_string).collect(),
    ))
}

/// Puts broken cell pieces back into `n` cells: `n` pieces as they are; none (a cell merged
/// with the row above) as empty cells; otherwise the joined text split into `n` equal parts
/// when it is one value printed `n` times (`完成上级下达任务` ×3).
fn regroup(values: Vec<String>, n: usize) -> Result<Vec<String>, String> {
    if values.len() == n {
        return Ok(values);
    }
    if values.is_empty() {
        return Ok(vec![String::new(); n]);
    }
    let joined: Vec<char> = values.concat().chars().collect();
    if joined.len().is_multiple_of(n) {
        let size = joined.len() / n;
        let parts: Vec<String> = joined.chunks(size).map(|c| c.iter().collect()).collect();
        if parts.iter().all(|p| p == &parts[0]) {
            return Ok(parts);
        }
    }
    Err(format!("单元格无法还原：{}", values.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabbed_table_drops_repeated_header() {
        let src = [
            "类别\t指 标\t单位\t2017 年\t2022 年",
            "质量 效益\t1. 新经济占比\t%\t21.8*\t35",
            "\t2. 全员劳动生产率\t万元/人\t15.6\t21",
            "类别\t指 标\t单位\t2017 年\t2022 年",
            "环保民生\t18. 万元地区生产总值能耗降低\t%\t完成省 下达任务\t完成省 下达任务",
        ];
        let t = parse(&src).unwrap();
        assert_eq!(t.header, ["类别", "指标", "单位", "2017年", "2022年"]);
        assert_eq!(t.repeated_headers, 1);
        assert_eq!(t.rows[0], ["质量效益", "1.新经济占比", "%", "21.8*", "35"]);
        assert_eq!(t.rows[1], ["", "2.全员劳动生产率", "万元/人", "15.6", "21"]);
        assert_eq!(t.rows[2][3], "完成省下达任务");
        // The category 质量效益 is printed once for rows 1–2; values are printed in every row.
        assert_eq!(t.spans, [span(0, 0, 2)]);
    }

    fn span(row: u32, col: u32, rows: u32) -> CellSpan {
        CellSpan { row, col, rows }
    }

    #[test]
    fn spans_from_merged_cells() {
        fn check(merged_up: &[&[bool]], expected: &[CellSpan]) {
            let m: Vec<Vec<bool>> = merged_up.iter().map(|r| r.to_vec()).collect();
            assert_eq!(spans(&m), expected, "{merged_up:?}");
        }
        check(&[&[false], &[true], &[true], &[false]], &[span(0, 0, 3)]);
        check(&[&[false], &[false]], &[]);
        check(
            &[&[false, false], &[true, true], &[false, true]],
            &[span(0, 0, 2), span(0, 1, 3)],
        );
        // A first row has nothing above to merge into.
        check(&[&[true], &[false]], &[]);
        check(&[], &[]);
    }

    #[test]
    fn numbered_table_rebuilds_broken_cells() {
        let src = [
            "类别 序号 主 要 指 标 2020 年 ",
            "2025 年",
            "目标 ",
            "年均增长",
            "（%） ",
            "指标 ",
            "属性 ",
            "经济",
            "发展 ",
            "1 地区生产总值增速（亿元） 4.5 — 7 预期性 ",
            " 类别 序号 主 要 指 标 2020 年 ",
            "2025 年",
            "目标 ",
            "年均增长",
            "（%） ",
            "指标 ",
            "属性 ",
            "6 新增上市企业数量（家） [2] [4] — 预期性 ",
            "生态",
            "改善 ",
            "16 单位地区生产总值能源消耗降低（%） ",
            "完成上",
            "级下达",
            "任务 ",
            "完成上",
            "级下达",
            "任务 ",
            "完成上级",
            "下达任务 ",
            "约束性 ",
            "17 单位地区生产总值用水量降幅（%） 约束性 ",
            "31 社区 15 分钟生活圈覆盖比率（%） — >90 — 约束性 ",
        ];
        let t = parse(&src).unwrap();
        assert_eq!(
            t.header,
            [
                "类别",
                "序号",
                "主要指标",
                "2020年",
                "2025年目标",
                "年均增长（%）",
                "指标属性"
            ]
        );
        assert_eq!(t.repeated_headers, 1);
        assert_eq!(
            t.rows[0],
            [
                "经济发展",
                "1",
                "地区生产总值增速（亿元）",
                "4.5",
                "—",
                "7",
                "预期性"
            ]
        );
        assert_eq!(
            t.rows[1],
            [
                "",
                "6",
                "新增上市企业数量（家）",
                "[2]",
                "[4]",
                "—",
                "预期性"
            ]
        );
        assert_eq!(
            t.rows[2],
            [
                "生态改善",
                "16",
                "单位地区生产总值能源消耗降低（%）",
                "完成上级下达任务",
                "完成上级下达任务",
                "完成上级下达任务",
                "约束性"
            ]
        );
        assert_eq!(
            t.rows[3],
            [
                "",
                "17",
                "单位地区生产总值用水量降幅（%）",
                "",
                "",
                "",
                "约束性"
            ]
        );
        assert_eq!(t.rows[4][2], "社区15分钟生活圈覆盖比率（%）");
        // Categories over their rows; row 16's 完成上级下达任务 over row 17 beside it.
        assert_eq!(
            t.spans,
            [
                span(0, 0, 2),
                span(2, 0, 3),
                span(2, 3, 2),
                span(2, 4, 2),
                span(2, 5, 2)
            ]
        );
    }

    #[test]
    fn unknown_rows_are_errors_not_silence() {
        assert!(parse(&[
            "类别 序号 指标",
            "1 指标甲（%） 1 2 3 预期性",
            "这一行不是表格的一部分，而且很长很长"
        ])
        .is_err());
    }
}

import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvCell, exportCsv } from "./csv";
import { annotation, article, snapshot, source, spanOf } from "./test-helpers";

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let cell = "";
    if (csv[i] === '"') {
      i++;
      for (;;) {
        const quote = csv.indexOf('"', i);
        if (quote < 0) throw new Error("unterminated quoted field");
        cell += csv.slice(i, quote);
        i = quote + 1;
        if (csv[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      const end = csv.slice(i).search(/,|\r\n/);
      cell = end < 0 ? csv.slice(i) : csv.slice(i, i + end);
      expect(cell).not.toMatch(/["\r\n]/);
      i += cell.length;
    }
    row.push(cell);
    if (csv[i] === ",") i++;
    else if (csv.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(csv[i])} at ${i}`);
  }
  return rows;
}

const text = 'He said "taxes, fees\nand duties" rose. =SUM(A1) is a formula. Then -5 degrees.';
const quoted = annotation(text, {
  id: "q",
  number: 3,
  ...spanOf(text, '"taxes, fees\nand duties"'),
  speaker: "@handle",
  verdict: "FALSE",
  rationale: "+1 for trying",
  note: "n",
  sources: [source("https://a.example/1"), source("https://b.example/2?x=1,2")],
});
const formula = annotation(text, {
  id: "f",
  kind: "ANALYSIS",
  ...spanOf(text, "=SUM(A1)"),
  speaker: "\tTabbed",
  rationale: "\rCR",
  lastReview: null,
  status: "DRAFT",
});
const minus = annotation(text, {
  id: "m",
  kind: "DENIAL",
  number: 2,
  ...spanOf(text, "-5 degrees"),
  speaker: "Dr. Ünïcødé 🌡",
  verdict: "MOSTLY_TRUE",
  deniesId: "q",
  note: "=check with the desk",
  status: "CHANGES_REQUESTED",
});
const csv = exportCsv(snapshot(article(text, [], [minus, formula, quoted])));

describe("exportCsv", () => {
  it("starts with a UTF-8 byte order mark and ends every record with CRLF", () => {
    expect(csv.startsWith("\uFEFFid,label,kind,kind_label,quote,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("has the header and one row per annotation in reading order", () => {
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(["q", "f", "m"]);
    expect(rows.every((row) => row.length === CSV_HEADER.length)).toBe(true);
  });

  it("quotes fields with quotes, commas and line breaks, doubling the quotes", () => {
    const [, first] = readCsv(csv.slice(1));
    expect(first).toEqual([
      "q",
      "C3",
      "CLAIM",
      "Claim",
      '"taxes, fees\nand duties"',
      "'@handle",
      "FALSE",
      "False",
      "",
      "'+1 for trying",
      "n",
      "",
      "",
      "APPROVED",
      "Approved",
      "https://a.example/1\nhttps://b.example/2?x=1,2",
      "Edna Editor",
      "Rex Reviewer",
      "2024-03-01T09:00:00.000Z",
      "2024-03-01T09:30:00.000Z",
      "1",
      "ANCHORED",
      "1",
      "",
    ]);
    expect(csv).toContain('"""taxes, fees\nand duties"""');
  });

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    const [, , second, third] = readCsv(csv.slice(1));
    const column = (name: (typeof CSV_HEADER)[number]) => CSV_HEADER.indexOf(name);
    expect(second[column("quote")]).toBe("'=SUM(A1)");
    expect(second[column("speaker")]).toBe("'\tTabbed");
    expect(second[column("rationale")]).toBe("'\rCR");
    expect(second[column("reviewer")]).toBe("");
    expect(third[column("quote")]).toBe("'-5 degrees");
    expect(third[column("speaker")]).toBe("Dr. Ünïcødé 🌡");
    expect(third[column("note")]).toBe("'=check with the desk");
  });

  it("puts human labels beside the codes, and the label, note and denied claim's label in their columns", () => {
    const [header, first, second, third] = readCsv(csv.slice(1));
    const row = (cells: string[]) => Object.fromEntries(header.map((name, i) => [name, cells[i]]));
    expect(row(first)).toMatchObject({
      label: "C3",
      kind: "CLAIM",
      kind_label: "Claim",
      verdict: "FALSE",
      verdict_label: "False",
      note: "n",
      denies: "",
      status: "APPROVED",
      status_label: "Approved",
    });
    expect(row(second)).toMatchObject({
      label: "A1",
      kind: "ANALYSIS",
      kind_label: "Analysis",
      verdict: "",
      verdict_label: "",
      note: "",
      status: "DRAFT",
      status_label: "Draft",
    });
    expect(row(third)).toMatchObject({
      label: "D2",
      kind: "DENIAL",
      kind_label: "Denial",
      verdict: "MOSTLY_TRUE",
      verdict_label: "Mostly true",
      denies: "C3",
      status: "CHANGES_REQUESTED",
      status_label: "Changes requested",
    });
  });
});

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\r\nbreak", '"line\r\nbreak"'],
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@x", "'@x"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ['=HYPERLINK("http://evil.example","click")', '"\'=HYPERLINK(""http://evil.example"",""click"")"'],
    ["a=b", "a=b"],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

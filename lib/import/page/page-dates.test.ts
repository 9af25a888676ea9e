import { describe, expect, it } from "vitest";

import { normalizeDate, writtenDate } from "./page-dates";

const now = new Date("2024-06-01T12:00:00Z");
const date = (value: string) => normalizeDate(value, now);

describe("normalizeDate", () => {
  it("keeps ISO 8601 as given, normalized", () => {
    expect(date("2017-01-13T03:38:38-05:00")).toBe("2017-01-13T03:38:38-05:00");
    expect(date("2017-01-13T03:38:38.123-0500")).toBe("2017-01-13T03:38:38-05:00");
    expect(date("2017-01-13T08:38:38Z")).toBe("2017-01-13T08:38:38Z");
    expect(date("2017-01-13 03:38")).toBe("2017-01-13T03:38:00");
    expect(date("2017-01-13T03:38:38+00:00")).toBe("2017-01-13T03:38:38+00:00");
    expect(date("2017-01-13")).toBe("2017-01-13");
    expect(date("20170113")).toBe("2017-01-13");
    expect(date("2017/1/13")).toBe("2017-01-13");
  });

  it("reads RFC 2822 and written-out dates", () => {
    expect(date("Fri, 13 Jan 2017 08:38:38 GMT")).toBe("2017-01-13T08:38:38Z");
    expect(date("January 13, 2017")).toBe("2017-01-13");
    expect(date("13 Jan. 2017")).toBe("2017-01-13");
  });

  it("rejects what is not a date, or absurd", () => {
    expect(date("")).toBeUndefined();
    expect(date("yesterday")).toBeUndefined();
    expect(date("2017-02-30")).toBeUndefined();
    expect(date("2017-13-01")).toBeUndefined();
    expect(date("1970-01-01T00:00:00Z")).toBeUndefined();
    expect(date("2031-01-01")).toBeUndefined();
    expect(date("1484296718")).toBeUndefined();
    expect(date("2024-06-02")).toBe("2024-06-02");
    expect(date("2024-06-03")).toBeUndefined();
  });
});

describe("writtenDate", () => {
  it("finds the date in a dateline", () => {
    expect(writtenDate("Updated: Mar. 3rd, 2024 at 5pm", now)).toBe("2024-03-03");
    expect(writtenDate("Published 3 March 2024", now)).toBe("2024-03-03");
    expect(writtenDate("By Ana Ruiz", now)).toBeUndefined();
  });
});

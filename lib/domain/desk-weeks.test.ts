import { describe, expect, it } from "vitest";
import { weekStarts } from "./desk-weeks";

describe("weekStarts", () => {
  it("gives the Mondays (UTC) of the last weeks, oldest first, ending with this week's", () => {
    // Tuesday 1 December 2026, late evening UTC.
    const weeks = weekStarts(new Date("2026-12-01T23:30:00Z"), 3).map((date) => date.toISOString().slice(0, 10));
    expect(weeks).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
  });

  it("counts a Sunday in the week that began the Monday before, and a Monday as its own week's start", () => {
    expect(weekStarts(new Date("2026-12-06T12:00:00Z"), 1)[0].toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStarts(new Date("2026-11-30T00:00:00Z"), 1)[0].toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
});

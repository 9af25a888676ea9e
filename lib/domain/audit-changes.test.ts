import { describe, expect, it } from "vitest";
import { auditValue, describeChange, fieldChanges } from "./audit-changes";

describe("fieldChanges", () => {
  it("keeps only fields whose value changed, with before and after", () => {
    const current = { verdict: "FALSE", speaker: "Ana", note: "", rationale: null };
    expect(fieldChanges({ verdict: "MOSTLY_TRUE", speaker: "Ana", note: null, rationale: undefined }, current)).toEqual(
      { verdict: { from: "FALSE", to: "MOSTLY_TRUE" } },
    );
  });

  it("shortens long text to one line, so payloads stay small", () => {
    const changes = fieldChanges({ rationale: `${"a".repeat(50)}\n\n${"b".repeat(100)}` }, { rationale: "short" });
    expect(changes.rationale.to).toBe(`${"a".repeat(50)} ${"b".repeat(8)}…`);
    expect(String(changes.rationale.to)).toHaveLength(60);
  });

  it("shows a value as the reader knows it (a denied claim by its label)", () => {
    const labels = new Map([
      ["id1", "C1"],
      ["id2", "C2"],
    ]);
    expect(
      fieldChanges({ deniesId: "id2" }, { deniesId: "id1" }, { deniesId: (id) => labels.get(String(id)) }),
    ).toEqual({ deniesId: { from: "C1", to: "C2" } });
  });

  it("compares dates by time and stores them as days", () => {
    expect(
      fieldChanges({ accessedAt: new Date("2026-01-02T00:00:00Z") }, { accessedAt: new Date("2026-01-02T00:00:00Z") }),
    ).toEqual({});
    expect(fieldChanges({ accessedAt: new Date("2026-01-03T00:00:00Z") }, { accessedAt: null })).toEqual({
      accessedAt: { from: null, to: "2026-01-03" },
    });
    expect(auditValue("")).toBeNull();
  });
});

describe("describeChange", () => {
  it.each([
    ["verdict", { from: "FALSE", to: "MOSTLY_TRUE" }, undefined, "verdict: False → Mostly true"],
    ["verdict", { from: null, to: "MIXED" }, undefined, "verdict: none → Mixed"],
    ["rationale", { from: "Old", to: "New" }, undefined, "rationale: “Old” → “New”"],
    ["deniesId", { from: "C1", to: "C2" }, undefined, "denied claim: C1 → C2"],
    ["deniesId", { from: "C1", to: null }, undefined, "denied claim: C1 → none"],
    ["kind", { from: "CLAIM", to: "DENIAL" }, { from: "C3", to: "D2" }, "kind: Claim C3 → Denial D2"],
    ["sources", { from: 1, to: 3 }, undefined, "sources: 1 → 3"],
    [
      "url",
      { from: "https://a.example", to: "https://b.example" },
      undefined,
      "address: “https://a.example” → “https://b.example”",
    ],
  ] as const)("%s %o reads as %s", (field, change, labels, text) => {
    expect(describeChange(field, change, labels)).toBe(text);
  });
});

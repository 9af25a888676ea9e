import { describe, expect, it } from "vitest";
import { describeConnectionError } from "./connection-errors";

describe("describeConnectionError", () => {
  it("explains a refused PostgreSQL connection with the command that starts it", () => {
    const refused = Object.assign(new AggregateError([Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })]), { code: "ECONNREFUSED" });
    expect(describeConnectionError(refused)).toMatch(/connection refused.*pg_ctlcluster/);
  });

  it("keeps one line and hides credentials", () => {
    const message = describeConnectionError(new Error("boom at postgresql://admin:hunter2@db/x\n    at stack"));
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("\n");
  });
});

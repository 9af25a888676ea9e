import { describe, expect, it } from "vitest";
import { describeConnectionError } from "./connection-errors";

describe("describeConnectionError", () => {
  it("explains a refused PostgreSQL connection with the command that starts it", () => {
    const refused = Object.assign(
      new AggregateError([Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })]),
      { code: "ECONNREFUSED" },
    );
    expect(describeConnectionError(refused)).toMatch(/connection refused.*pg_ctlcluster/);
  });

  it("keeps one line and hides credentials", () => {
    const message = describeConnectionError(new Error("boom at postgresql://admin:hunter2@db/x\n    at stack"));
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("\n");
  });

  it("reads Prisma's client errors, whose reason is on their last line", () => {
    const prismaError = Object.assign(
      new Error(
        "\nInvalid `prisma.user.findMany()` invocation:\n\n\nThe table `main.User` does not exist in the current database.",
      ),
      { code: "P2021" },
    );
    expect(describeConnectionError(prismaError)).toBe("its tables are missing (run npm run db:migrate)");
    const other = Object.assign(new Error("\nInvalid invocation:\n\nSomething specific went wrong."), {
      code: "P9999",
    });
    expect(describeConnectionError(other)).toBe("Something specific went wrong.");
  });
});

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { providerSchema } from "./schema-variants";

const model = fs.readFileSync("prisma/model.prisma", "utf8");

describe("providerSchema", () => {
  it.each(["sqlite", "postgresql"] as const)(
    "puts the %s datasource and its own client output before the model",
    (provider) => {
      const schema = providerSchema(model, provider);
      expect(schema).toContain(`provider = "${provider}"`);
      expect(schema).toContain(`output       = "../../lib/db/generated/${provider}"`);
      expect(schema).toContain(model.trim());
      expect(schema.match(/^datasource /gm)).toHaveLength(1);
    },
  );

  it("refuses a model file that declares its own datasource", () => {
    expect(() => providerSchema(`datasource db {\n provider = "sqlite"\n}\n${model}`, "sqlite")).toThrow(
      /must not declare a datasource/,
    );
  });
});

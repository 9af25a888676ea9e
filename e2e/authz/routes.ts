import fs from "node:fs";
import path from "node:path";

/** Every method exported by every route file under app/api/v1, as "METHOD /api/v1/path/:param". */
export function discoverApiRoutes(root = path.resolve("app/api/v1")): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const urlPath = `/api/v1/${path.relative(root, dir)}`.replace(/\/$/, "").replace(/\[([^\]]+)\]/g, ":$1");
        for (const match of source.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
        ))
          found.push(`${match[1]} ${urlPath}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

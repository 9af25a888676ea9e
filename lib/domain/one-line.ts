/** Text on one line (runs of whitespace become one space) and at most `max` characters, ending in "…" when cut. */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

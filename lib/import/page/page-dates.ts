/**
 * A page's date as ISO 8601, normalized but as the page gives it: the
 * offset kept ("2017-01-13T03:38:38-05:00"), a date alone left a date
 * ("2017-01-13"), fractions of a second dropped, "Z" kept. Also read:
 * "2017-01-13 03:38", "20170113", "2017/01/13", RFC 2822 ("Fri, 13 Jan 2017
 * 08:38:38 GMT") and written-out dates ("January 13, 2017", "13 Jan 2017").
 * Unparseable or absurd values (before 1990, or more than a day ahead of
 * `now`) give undefined, so the next source is tried.
 */
const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const MONTH_FIRST = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})\\b`, "i");
const EARLIEST_YEAR = 1990;
const DAY = 86_400_000;

export function normalizeDate(value: string | undefined, now: Date = new Date()): string | undefined {
  const text = value?.trim();
  if (!text || text.length > 80) return undefined;
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso;
    const date = `${year}-${month}-${day}`;
    if (!validDay(+year, +month, +day)) return undefined;
    if (hour === undefined) return plausible(date, now);
    if (+hour > 23 || +minute > 59 || +(second ?? 0) > 59) return undefined;
    return plausible(`${date}T${hour}:${minute}:${second ?? "00"}${normalizeZone(zone)}`, now);
  }
  const slashed = SLASHED.exec(text);
  if (slashed) return dateOnly(+slashed[1], +slashed[2], +slashed[3], now);
  if (/^\d+$/.test(text)) return undefined;
  // RFC 2822 and other full timestamps with a time and zone: the instant, in UTC.
  if (/\d{1,2}:\d{2}/.test(text) && /(?:GMT|UTC|[+-]\d{4}|\b[ECMP][SD]T)\b/.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return plausible(new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z"), now);
  }
  return writtenDate(text, now);
}

/** "March 3, 2024", "3 March 2024", "Updated: Mar. 3rd, 2024 at 5pm" → "2024-03-03". */
export function writtenDate(text: string, now: Date = new Date()): string | undefined {
  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) return dateOnly(+monthFirst[3], monthIndex(monthFirst[1]), +monthFirst[2], now);
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return dateOnly(+dayFirst[3], monthIndex(dayFirst[2]), +dayFirst[1], now);
  return undefined;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function dateOnly(year: number, month: number, day: number, now: Date): string | undefined {
  if (!validDay(year, month, day)) return undefined;
  return plausible(`${year}-${pad(month)}-${pad(day)}`, now);
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function normalizeZone(zone: string | undefined): string {
  if (!zone) return "";
  if (/^z$/i.test(zone)) return "Z";
  const named = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(zone);
  if (named) return named[1] ? `${named[1]}${pad(+named[2])}:${named[3] ?? "00"}` : "Z";
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return `${offset[1]}${offset[2]}:${offset[3] ?? "00"}`;
}

function plausible(iso: string, now: Date): string | undefined {
  const year = +iso.slice(0, 4);
  if (year < EARLIEST_YEAR) return undefined;
  const time = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time) || time > now.getTime() + DAY) return undefined;
  return iso;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** Calendar arithmetic on ISO dates (YYYY-MM-DD, proleptic Gregorian, no time zone): the only date code of the project. */

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO date of a year, month (1–12) and day. */
export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when `s` is YYYY-MM-DD and names a day of the calendar (2024-02-30 is not one). */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The ISO date of a year, month and day given as digit strings, or null when they name no calendar day. */
export function isoDateOf(y: string | undefined, m: string | undefined, d: string | undefined): string | null {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  if (!Number.isInteger(yy) || !Number.isInteger(mm) || !Number.isInteger(dd) || mm < 1 || mm > 12 || dd < 1) return null;
  return dd > daysInMonth(yy, mm) ? null : isoDate(yy, mm, dd);
}

/** Days since 1970-01-01 of an ISO date. */
export function epochDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return epochDay(b) - epochDay(a);
}

/** The ISO date two calendar months after `iso` (the 31st of a shorter month becomes its last day). */
export function twoMonthsAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = m - 1 + 2;
  const year = y + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  return isoDate(year, mm, Math.min(d, daysInMonth(year, mm)));
}

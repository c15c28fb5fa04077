// How figures read. A suppressed cell (null in the answer) is never shown as 0 or left blank:
// it says it was withheld, so no reader mistakes disclosure control for an absence.

export const WITHHELD = "withheld";

const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export function figure(value) {
  return value === null || value === undefined ? WITHHELD : number.format(value);
}

export function unitOf(kind) {
  return kind === "share" ? "%" : kind === "mean" ? "points" : "";
}

/** Progress against a target, in percent (null when the value is withheld). */
export function progress(value, target) {
  if (value === null || value === undefined || !target) return null;
  return (100 * value) / target;
}

/** Whole percent, with one decimal below 10 % so that early progress does not read as none. */
export function percent(value) {
  return `${(value < 10 ? number : whole).format(value)} %`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

export function asOf(iso) {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** "2026-03" → "Mar 2026"; "2026-Q1" stays as it is. */
export function period(code) {
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  return month ? monthName.format(new Date(Date.UTC(+month[1], +month[2] - 1, 1))) : code;
}

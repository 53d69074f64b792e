/**
 * Dates, numbers and goal values worded for a report's language. Dates are calendar dates (ISO
 * strings) formatted in UTC, so the output never depends on the machine's time zone.
 */
import type { Measurement } from '../../contract';
import type { ReportKey, ReportText } from './index';

function utc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/**
 * One formatter per language and style, made on first use: making an Intl formatter costs far more
 * than formatting with it, and a report formats hundreds of dates and numbers.
 */
function perLanguage<F>(make: (language: string) => F): (text: ReportText) => F {
  const made = new Map<string, F>();
  return (text) => {
    let formatter = made.get(text.language);
    if (!formatter) {
      formatter = make(text.language);
      made.set(text.language, formatter);
    }
    return formatter;
  };
}

const longDates = perLanguage((language) => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }));
const shortDates = perLanguage((language) => new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' }));
const months = perLanguage((language) => new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }));
const monthsWithYear = perLanguage((language) => new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }));
const numbers = perLanguage((language) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }));
const percents = perLanguage((language) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }));
const signedNumbers = perLanguage((language) => new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }));

/** "October 15, 2026" / "15 de octubre de 2026". */
export function longDate(text: ReportText, iso: string): string {
  return longDates(text).format(utc(iso));
}

/** "Oct 15" / "15 oct" — inside a year the reader already knows. */
export function shortDate(text: ReportText, iso: string): string {
  return shortDates(text).format(utc(iso));
}

/** A month tick of the graph ("2026-10") as "Oct 2026" / "oct 2026", or just "Oct" / "oct". */
export function monthLabel(text: ReportText, yearMonth: string, withYear: boolean): string {
  return (withYear ? monthsWithYear : months)(text).format(utc(`${yearMonth}-01`));
}

/** At most one decimal, with the language's decimal sign. */
export function number(text: ReportText, value: number): string {
  return numbers(text).format(value);
}

/** A whole percent ("86%" / "86 %"); "—" when there is nothing to divide by. */
export function percent(text: ReportText, value: number | null): string {
  if (value === null) return '—';
  return percents(text).format(value / 100);
}

/** A signed change per week, e.g. "+1.5" / "−0,5". */
export function signed(text: ReportText, value: number): string {
  return signedNumbers(text).format(value);
}

/** A value in the goal's measurement: "62%", "level 3 of 4", "7 of 10 correct". */
export function goalValue(text: ReportText, goal: { measurement: Measurement; scaleMax: number | null }, value: number): string {
  const max = goal.scaleMax === null ? '' : number(text, goal.scaleMax);
  return text.t(`common.value.${goal.measurement}`, { value: number(text, value), max, count: value });
}

/** "Grade 7" / "7.º grado", as a heading or table cell says it. */
export function gradeLevel(text: ReportText, grade: number): string {
  if (grade === -1 || grade === 0 || grade === 13) return text.t(`common.gradeLevel.${grade}`);
  return text.t('common.gradeLevel.other', { grade });
}

/** "8th-grade" / "de 8.º grado", as a description of a peer says it (grades are -1 to 13). */
export function gradeWord(text: ReportText, grade: number): string {
  const known = Math.min(13, Math.max(-1, Math.round(grade)));
  return text.t(`common.grade.${known}` as ReportKey);
}

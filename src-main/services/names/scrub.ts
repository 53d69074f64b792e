/**
 * The one rule for taking people's names out of free text, used wherever a text must stop naming
 * someone: a parent report or the meeting room (every mentor and every other student), a letter of
 * recognition (every student), and de-identifying a student (the student, in their own records).
 * What it removes, whole tokens only and in any case: each first, last and preferred name, both full
 * names, each part of a hyphenated or two-word last name and the student number; and each pair of
 * initials ("S.R.", "S. R.", "SR"), capitalised only. Two replacements in a row ("Sam" "Rivera")
 * read as one. Names the text's own subject keeps (their own first name in their own report) stay.
 * Pure: plain data in, a function out; no database, no Node.
 */

/** The fields that identify a person; students and mentors both have them. */
export interface NamedPerson {
  localId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
}

export interface ScrubRule {
  /** People whose names, numbers and initials are removed. */
  people: readonly NamedPerson[];
  /** More words removed as whole tokens (a name list without a person around it). */
  words?: readonly string[];
  /** Words never removed: the names of the person the text is about or for. */
  keep?: readonly string[];
  /** What a removed name becomes, e.g. "[a peer]" or "the student". */
  replacement: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A person's names and number as whole words: each name, both full names, each part of the last name, the student number. */
export function identifyingWords(person: NamedPerson): string[] {
  const full = [person.firstName, person.preferredName].filter(Boolean).map((first) => `${first} ${person.lastName}`);
  return [person.firstName, person.lastName, person.preferredName ?? '', ...full, ...person.lastName.split(/[\s-]+/), person.localId];
}

/** The words to remove, longest first (so a full name goes before its parts), one or two letters left alone. */
function removable(rule: ScrubRule): string[] {
  const keep = new Set((rule.keep ?? []).filter(Boolean).map((name) => name.trim().toLocaleLowerCase()));
  const words = new Set<string>();
  for (const word of [...rule.people.flatMap(identifyingWords), ...(rule.words ?? [])]) {
    const trimmed = word.trim();
    if (trimmed.length > 1 && !keep.has(trimmed.toLocaleLowerCase())) words.add(trimmed);
  }
  return [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** "S.R.", "S. R." and "SR" for each person, matched only as whole, capitalised tokens. */
function initialsPatterns(people: readonly NamedPerson[]): string[] {
  const patterns = new Set<string>();
  for (const person of people) {
    for (const first of [person.firstName, person.preferredName].filter((name): name is string => Boolean(name?.trim()))) {
      const a = [...first.trim()][0];
      const b = [...person.lastName.trim()][0];
      if (a && b) patterns.add(`${escapeRegExp(a.toLocaleUpperCase())}\\.?\\s?${escapeRegExp(b.toLocaleUpperCase())}\\.?`);
    }
  }
  return [...patterns];
}

/** Replaces every protected name, student number and pair of initials in a text. */
export function makeScrubber(rule: ScrubRule): (text: string) => string {
  const words = removable(rule);
  const initials = initialsPatterns(rule.people);
  const edge = '(?<![\\p{L}\\p{N}])';
  const end = '(?![\\p{L}\\p{N}])';
  const byName = words.length ? new RegExp(`${edge}(?:${words.map(escapeRegExp).join('|')})${end}`, 'giu') : null;
  const byInitials = initials.length ? new RegExp(`${edge}(?:${initials.join('|')})${end}`, 'gu') : null;
  // "Sam Rivera" is one person: a first and a last name matched apart read as one replacement.
  const repeated = new RegExp(`${escapeRegExp(rule.replacement)}(?:\\s+${escapeRegExp(rule.replacement)})+`, 'gu');
  return (text) => {
    let result = text.normalize('NFC');
    if (byName) result = result.replace(byName, rule.replacement);
    if (byInitials) result = result.replace(byInitials, rule.replacement);
    return result.replace(repeated, rule.replacement);
  };
}

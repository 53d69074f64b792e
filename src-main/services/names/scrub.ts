/**
 * The one rule for taking people out of free text, used wherever a text must stop naming someone:
 * a parent report or the meeting room (every mentor and every other student), a letter of
 * recognition (every student), and de-identifying or purging a student. It matches whole
 * IDENTITIES, never loose words: a full name, a preferred name with the surname, "Angel S.",
 * "A. Sánchez", initials ("A.S.", "Á. S.", bare "AS" in capitals unless a school abbreviation like
 * "OT"), the student number, a first name alone, and a surname alone only where it is distinctive
 * (never a particle like "de" or "la", a word of two letters or fewer, a common English or Spanish
 * word, or a common given name; words/*.ts). A compound surname is matched as a whole ("Sánchez De
 * la Cruz", "De la Cruz"). Matching happens on folded text (fold.ts: accents, soft hyphens,
 * zero-width characters, decomposed names) and replaces spans of the ORIGINAL text, so whatever
 * did not match stays exactly as written.
 *
 * People who may be named (`named`: the student, guardians, staff, attendees) stay named: a single
 * name, initials or "first + initial" they share with a peer is theirs and kept; a peer's full
 * identity is removed even so, and a peer's name inside a named person's full name ("Ana Lucía
 * Martínez" when a peer is "Lucía Martínez") is left alone.
 * Pure: plain data in, functions out; no database, no Node.
 */
import { fold, foldKey } from './fold';
import { ABBREVIATIONS as ABBREVIATION_LIST } from './words/abbreviations';
import { COMMON_WORDS } from './words/common-words';
import { GIVEN_NAMES } from './words/given-names';
import { PARTICLES as PARTICLE_LIST } from './words/particles';

/** The fields that identify a person; students and mentors both have them. */
export interface NamedPerson {
  localId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
}

export type IdentityKind =
  | 'full_name'
  | 'first_name'
  | 'surname'
  | 'first_name_initial'
  | 'initial_surname'
  | 'initials'
  | 'student_number'
  | 'name'
  | 'added';

/** One span of the original text that names someone, and what it becomes. */
export interface Replacement {
  /** Offsets into the ORIGINAL text (UTF-16 units, end exclusive). */
  start: number;
  end: number;
  found: string;
  replacement: string;
  identityKind: IdentityKind;
}

/** The case manager's review: found texts to leave as written, and texts to take out too. */
export interface RedactionReview {
  keep: readonly string[];
  remove: readonly string[];
}

export interface ScrubRule {
  /** People whose identities are removed. */
  people: readonly NamedPerson[];
  /** More names removed as whole phrases (a guardian's name, a name list without a person around it). */
  words?: readonly string[];
  /** People who may be named: full names ("Ana Lucía Martínez") or people; what they share with a peer stays. */
  named?: readonly (string | NamedPerson)[];
  review?: RedactionReview;
  /** What a removed identity becomes, e.g. "[a peer]" or "the student". */
  replacement: string;
}

export interface Scrubber {
  scrub(text: string): string;
  replacements(text: string): Replacement[];
}

const PARTICLES = new Set(PARTICLE_LIST);
const COMMON = new Set(COMMON_WORDS);
const GIVEN = new Set(GIVEN_NAMES);
const ABBREVIATIONS = new Set(ABBREVIATION_LIST);

/** Between the words of one name: spaces or a hyphen ("Quixote-Marchetti" = "Quixote Marchetti"). */
const SEP = '[\\s\\-\\u2010\\u2011]+';
const WORD_BREAK = /[\s\-\u2010\u2011]+/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const isParticle = (word: string) => PARTICLES.has(foldKey(word));
/** A word that is also ordinary text: inside a name it must be capitalised, alone it is never a name. */
const isOrdinary = (word: string) => COMMON.has(foldKey(word)) || [...foldKey(word)].length <= 2;

/** One letter in either case as a character class, an apostrophe as any apostrophe; anything else escaped. */
function anyCase(char: string): string {
  if (/['’ʼ]/u.test(char)) return "['’ʼ]";
  const lower = char.toLocaleLowerCase();
  const upper = char.toLocaleUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return escapeRegExp(char);
  return `[${lower}${upper}]`;
}

/** A word of a name, folded: particles in any case, ordinary words only capitalised, other names in any case. */
function wordPattern(word: string): string {
  const chars = [...fold(word).text];
  if (!isParticle(word) && isOrdinary(word)) {
    const [first = '', ...rest] = chars;
    return escapeRegExp(first.toLocaleUpperCase()) + rest.map(anyCase).join('');
  }
  return chars.map(anyCase).join('');
}

function words(name: string): string[] {
  return fold(name).text.split(WORD_BREAK).filter(Boolean);
}

function phrasePattern(name: string): string {
  return words(name).map(wordPattern).join(SEP);
}

/** A surname's units: each particle run closes on its name ("Sánchez De la Cruz" → "Sánchez", "De la Cruz"). */
function surnameUnits(surname: string): string[] {
  const units: string[][] = [];
  let open: string[] = [];
  for (const word of words(surname)) {
    open.push(word);
    if (!isParticle(word)) {
      units.push(open);
      open = [];
    }
  }
  if (open.length > 0) units.at(-1)?.push(...open);
  return units.map((unit) => unit.join(' '));
}

/** A surname alone names someone only when it is not also a particle, a short or common word, or a given name. */
function distinctive(surname: string): boolean {
  const parts = words(surname);
  if (parts.length > 1) return parts.some((part) => !isParticle(part));
  const key = foldKey(surname);
  return !isParticle(surname) && !isOrdinary(surname) && !GIVEN.has(key);
}

function initial(name: string): string {
  const letter = [...fold(name).text.trim()][0] ?? '';
  return letter.toLocaleUpperCase();
}

function givenNamesOf(person: NamedPerson): string[] {
  return [person.firstName, person.preferredName ?? ''].map((name) => name.trim()).filter(Boolean);
}

/** What a person who may be named owns: single names, surname units, initials, "first + initial", "initial + surname". */
interface NamedKeys {
  names: Set<string>;
  initials: Set<string>;
  firstInitial: Set<string>;
  initialSurname: Set<string>;
  /** Their multi-word names, where a peer's shorter name inside is theirs. */
  fullNames: string[];
}

function namedKeys(named: readonly (string | NamedPerson)[]): NamedKeys {
  const keys: NamedKeys = { names: new Set(), initials: new Set(), firstInitial: new Set(), initialSurname: new Set(), fullNames: [] };
  const add = (givens: readonly string[], surname: string) => {
    const surnameKeys = [surname, ...surnameUnits(surname)].filter(Boolean).map(foldKey);
    for (const key of surnameKeys) keys.names.add(key);
    for (const word of words(surname)) keys.names.add(foldKey(word));
    for (const given of givens) {
      keys.names.add(foldKey(given));
      if (!surname) continue;
      keys.initials.add(initial(given) + initial(surname));
      keys.firstInitial.add(`${foldKey(given)} ${initial(surname)}`);
      for (const key of surnameKeys) keys.initialSurname.add(`${initial(given)} ${key}`);
      keys.fullNames.push(`${given} ${surname}`);
    }
  };
  for (const person of named) {
    if (typeof person !== 'string') {
      add(givenNamesOf(person), person.lastName.trim());
      continue;
    }
    // A name typed as one string: which words are the surname is not known, so every split is theirs.
    const parts = person.trim().split(/\s+/u).filter(Boolean);
    for (let cut = 1; cut <= parts.length; cut += 1) add([parts.slice(0, cut).join(' ')], parts.slice(cut).join(' '));
  }
  return keys;
}

interface Candidate {
  start: number;
  end: number;
  kind: IdentityKind;
}

type Patterns = Map<IdentityKind, Set<string>>;

function addPattern(patterns: Patterns, kind: IdentityKind, pattern: string): void {
  const set = patterns.get(kind) ?? new Set<string>();
  set.add(pattern);
  patterns.set(kind, set);
}

function peerPatterns(person: NamedPerson, kept: NamedKeys, patterns: Patterns): void {
  const surname = person.lastName.trim();
  const units = surnameUnits(surname);
  const surnames = [...new Set([surname, ...units])].filter(Boolean);
  for (const given of givenNamesOf(person)) {
    // Full identities go even when a named person shares a word of them.
    for (const last of surnames) addPattern(patterns, 'full_name', `${phrasePattern(given)}${SEP}${phrasePattern(last)}`);
    if (!(words(given).length === 1 && isOrdinary(given)) && !kept.names.has(foldKey(given))) {
      addPattern(patterns, 'first_name', phrasePattern(given));
    }
    if (!surname) continue;
    const [givenInitial, lastInitial] = [initial(given), initial(surname)];
    if (!kept.firstInitial.has(`${foldKey(given)} ${lastInitial}`)) {
      addPattern(patterns, 'first_name_initial', `${phrasePattern(given)}\\s+${escapeRegExp(lastInitial)}\\.?`);
    }
    for (const last of surnames) {
      if (!kept.initialSurname.has(`${givenInitial} ${foldKey(last)}`)) {
        addPattern(patterns, 'initial_surname', `${escapeRegExp(givenInitial)}\\.\\s?${phrasePattern(last)}`);
      }
    }
    if (givenInitial && lastInitial && !kept.initials.has(givenInitial + lastInitial)) {
      const [a, b] = [escapeRegExp(givenInitial), escapeRegExp(lastInitial)];
      addPattern(patterns, 'initials', `${a}\\.\\s?${b}\\.?`);
      if (!ABBREVIATIONS.has(givenInitial + lastInitial)) addPattern(patterns, 'initials', `${a}${b}`);
    }
  }
  for (const last of surnames) {
    if (distinctive(last) && !kept.names.has(foldKey(last))) addPattern(patterns, 'surname', phrasePattern(last));
  }
  if (person.localId.trim()) addPattern(patterns, 'student_number', [...fold(person.localId.trim()).text].map(anyCase).join(''));
}

/** A phrase someone listed (a guardian's name, a reviewer's "remove this too"): whole, never a lone ordinary word. */
function addPhrase(patterns: Patterns, kind: IdentityKind, phrase: string): void {
  const parts = words(phrase);
  if (parts.length === 0) return;
  // What the case manager asked to remove is removed as typed, in any case, even an ordinary word.
  if (kind === 'added') {
    addPattern(patterns, kind, parts.map((part) => [...part].map(anyCase).join('')).join(SEP));
  } else if (parts.length > 1 || !(isParticle(phrase) || isOrdinary(phrase))) {
    addPattern(patterns, kind, phrasePattern(phrase));
  }
}

function compile(alternatives: Iterable<string>, flags = 'gu'): RegExp | null {
  const list = [...alternatives].sort((a, b) => b.length - a.length);
  return list.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, flags) : null;
}

function spans(regex: RegExp | null, text: string): { start: number; end: number }[] {
  if (!regex) return [];
  return [...text.matchAll(regex)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Left to right, the longest where two start together: one identity is never split into two replacements. */
function pickNonOverlapping(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const picked: Candidate[] = [];
  for (const candidate of sorted) {
    const last = picked.at(-1);
    if (!last || candidate.start >= last.end) picked.push(candidate);
  }
  return picked;
}

interface Matchers {
  byKind: { kind: IdentityKind; regex: RegExp | null }[];
  shelter: RegExp | null;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * How a text finds a person: the words of their names that every identity of theirs holds at least
 * one of (never a particle or a word of two letters or fewer, which half the texts hold), the
 * longest part of their number, and their initials ("#AS").
 */
function lookupKeys(person: NamedPerson): string[] {
  const allKeys = [...givenNamesOf(person), person.lastName].flatMap((name) => foldKey(name).match(TOKEN) ?? []);
  const longKeys = allKeys.filter((key) => key.length > 2 && !PARTICLES.has(key));
  // "Al Di" has no long word: found by every word then.
  const nameKeys = longKeys.length > 0 ? longKeys : allKeys;
  const numberKey = (foldKey(person.localId).match(TOKEN) ?? []).sort((a, b) => b.length - a.length)[0];
  const initials = givenNamesOf(person).map((given) => `#${initial(given)}${initial(person.lastName)}`);
  return [...new Set([...nameKeys, ...(numberKey ? [numberKey] : []), ...initials])];
}

/** A folded text's lower-case words, and each pair of capitals that could be initials ("A.S.", "A. S.", "AS"). */
function textKeys(folded: string): Set<string> {
  const tokens = folded.match(TOKEN) ?? [];
  const keys = new Set(tokens.map((token) => token.toLocaleLowerCase()));
  tokens.forEach((token, at) => {
    if (token.length === 2) keys.add(`#${token.toLocaleUpperCase()}`);
    const next = tokens[at + 1];
    // "A.S.", and "M. Do" (an initial and a surname too short to look up by).
    if (token.length === 1 && next) keys.add(`#${token}${next[0]}`.toLocaleUpperCase());
  });
  return keys;
}

/** Every way a person's full name is written: first or preferred name with the surname, folded. */
function fullNameKeys(person: NamedPerson): string[] {
  return givenNamesOf(person).map((given) => foldKey(`${given} ${person.lastName}`));
}

export function makeScrubber(rule: ScrubRule): Scrubber {
  // A named person who is one of the peers (a peer attending the meeting) is a peer: nothing of theirs is kept.
  const peerNames = new Set(rule.people.flatMap(fullNameKeys));
  const kept = namedKeys(
    (rule.named ?? []).filter((person) =>
      typeof person === 'string' ? !peerNames.has(foldKey(person)) : !fullNameKeys(person).some((key) => peerNames.has(key)),
    ),
  );
  const always: Patterns = new Map();
  for (const phrase of rule.words ?? []) addPhrase(always, 'name', phrase);
  for (const phrase of rule.review?.remove ?? []) addPhrase(always, 'added', phrase);
  // A district holds thousands of people: each text gets the patterns of only those whose words it holds.
  const index = new Map<string, number[]>();
  rule.people.forEach((person, at) => {
    for (const key of lookupKeys(person)) {
      const list = index.get(key);
      if (list) list.push(at);
      else index.set(key, [at]);
    }
  });
  const namedFullNames = [...new Set(kept.fullNames)].map((name) => ({ name, keys: words(name).map(foldKey) }));
  const matchers = new Map<string, Matchers>();

  function matchersFor(text: string): Matchers {
    const chosen = new Set<number>();
    for (const key of textKeys(text)) for (const at of index.get(key) ?? []) chosen.add(at);
    const cacheKey = [...chosen].sort((x, y) => x - y).join(',');
    const known = matchers.get(cacheKey);
    if (known) return known;
    const patterns: Patterns = new Map([...always].map(([kind, set]) => [kind, new Set(set)]));
    const peerWords = new Set<string>();
    for (const at of chosen) {
      const person = rule.people[at] as NamedPerson;
      peerPatterns(person, kept, patterns);
      for (const word of words(`${givenNamesOf(person).join(' ')} ${person.lastName}`)) peerWords.add(foldKey(word));
    }
    // Only a named person's full name that shares a word with a peer's can hold a peer's name inside it.
    const sheltering = namedFullNames.filter(({ keys }) => keys.some((key) => peerWords.has(key))).map(({ name }) => phrasePattern(name));
    const built = {
      byKind: [...patterns].map(([kind, alternatives]) => ({ kind, regex: compile(alternatives) })),
      shelter: compile(new Set(sheltering)),
    };
    if (matchers.size > 256) matchers.clear();
    matchers.set(cacheKey, built);
    return built;
  }
  const keep = new Set((rule.review?.keep ?? []).map(foldKey));

  function replacements(original: string): Replacement[] {
    const folded = fold(original);
    const { byKind, shelter } = matchersFor(folded.text);
    const sheltered = spans(shelter, folded.text);
    const candidates = byKind.flatMap(({ kind, regex }) => spans(regex, folded.text).map((span) => ({ ...span, kind })));
    const outside = candidates.filter(
      (candidate) =>
        candidate.kind === 'added' ||
        !sheltered.some(
          (span) =>
            candidate.start < span.end && span.start < candidate.end && !(candidate.start <= span.start && candidate.end >= span.end),
        ),
    );
    const result: Replacement[] = [];
    for (const candidate of pickNonOverlapping(outside)) {
      const start = folded.from[candidate.start] ?? 0;
      const end = folded.to[candidate.end - 1] ?? original.length;
      const found = original.slice(start, end);
      if (keep.has(foldKey(found))) continue;
      const previous = result.at(-1);
      // "Zebulon Quixote" matched as two names reads as one person: one replacement.
      if (previous && /^\s+$/u.test(original.slice(previous.end, start))) {
        const merged = original.slice(previous.start, end);
        if (keep.has(foldKey(merged))) continue;
        result[result.length - 1] = { ...previous, end, found: merged, identityKind: 'full_name' };
        continue;
      }
      result.push({ start, end, found, replacement: rule.replacement, identityKind: candidate.kind });
    }
    return result;
  }

  return {
    replacements,
    scrub(text) {
      let result = '';
      let at = 0;
      for (const replacement of replacements(text)) {
        result += text.slice(at, replacement.start) + replacement.replacement;
        at = replacement.end;
      }
      return result + text.slice(at);
    },
  };
}

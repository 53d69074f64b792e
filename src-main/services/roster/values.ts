/**
 * Cell values as student information systems write them, turned into Peerpath's: grades such as
 * "KG", "08" or "8th", dates as 2012-03-09 or 3/9/2012, staff titles, language names.
 * Pure functions. Messages never repeat the cell's value: they may end up in a log.
 */
import { isIsoDate } from '../../contract/calendar';
import { STAFF_ROLES, type StaffRole } from '../../contract/vault';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

function compact(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+-]/g, '');
}

const PRE_K = new Set(['pk', 'prek', 'p', 'pre', 'ps', 'preschool', 'pk3', 'pk4', 'tk', 'transitionalk', 'transitionalkindergarten']);
const KINDERGARTEN = new Set(['k', 'kg', 'kf', 'kh', 'ka', 'kp', 'kinder', 'kindergarten', 'kindergarden']);
const TRANSITION = new Set(['transition', 'posthigh', 'postsecondary', '12+', 'adult', 'ya']);

const GRADE_HELP = 'Not a grade Peerpath knows: use PK, K, 1–12, or 13 for a transition program.';

/** -1 pre-K (and TK), 0 kindergarten, 1–12, 13 post-secondary transition. Range checks are the contract's. */
export function parseGrade(text: string): Parsed<number> {
  const raw = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s._]/g, '');
  const numeric = /^(?:grade|grd|gr|g)?(-?\d{1,2})(?:st|nd|rd|th)?(?:grade)?$/.exec(raw);
  if (numeric?.[1] !== undefined) return ok(Number.parseInt(numeric[1], 10));
  const key = raw
    .replace(/-/g, '')
    .replace(/^(grade|grd|gr)/, '')
    .replace(/grade$/, '');
  if (PRE_K.has(key)) return ok(-1);
  if (KINDERGARTEN.has(key)) return ok(0);
  if (TRANSITION.has(key)) return ok(13);
  return fail(GRADE_HELP);
}

const DATE_HELP = 'Use a date like 2012-03-09 or 3/9/2012.';

function isoDate(year: number, month: number, day: number): Parsed<string> {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(iso)) return fail('That date does not exist.');
  return ok(iso);
}

/** YYYY-MM-DD or M/D/YYYY (US order), with an optional midnight time as spreadsheets append. */
export function parseDate(text: string): Parsed<string> {
  const value = text.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?Z?$/, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(value);
  if (us) {
    if (us[3]?.length !== 4) return fail(`Use a four-digit year. ${DATE_HELP}`);
    return isoDate(Number(us[3]), Number(us[1]), Number(us[2]));
  }
  return fail(DATE_HELP);
}

export function parseInteger(text: string): Parsed<number> {
  const value = text.trim();
  if (!/^[+-]?\d{1,6}$/.test(value)) return fail('Use a whole number.');
  return ok(Number.parseInt(value, 10));
}

/** Interests and similar lists: separated by semicolons or vertical bars (commas belong to CSV). */
export function parseList(text: string): Parsed<string[]> {
  return ok(
    text
      .split(/[;|]/)
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );
}

const ROLE_WORDS: Record<string, StaffRole> = {
  casemanager: 'case_manager',
  cm: 'case_manager',
  specialeducationteacher: 'special_education_teacher',
  specialedteacher: 'special_education_teacher',
  spedteacher: 'special_education_teacher',
  sped: 'special_education_teacher',
  specialeducation: 'special_education_teacher',
  resourceteacher: 'special_education_teacher',
  interventionspecialist: 'special_education_teacher',
  generaleducationteacher: 'general_education_teacher',
  genedteacher: 'general_education_teacher',
  gened: 'general_education_teacher',
  generaled: 'general_education_teacher',
  teacher: 'general_education_teacher',
  classroomteacher: 'general_education_teacher',
  paraprofessional: 'paraprofessional',
  para: 'paraprofessional',
  paraeducator: 'paraprofessional',
  aide: 'paraprofessional',
  instructionalaide: 'paraprofessional',
  teacheraide: 'paraprofessional',
  instructionalassistant: 'paraprofessional',
  counselor: 'counselor',
  counsellor: 'counselor',
  schoolcounselor: 'counselor',
  guidancecounselor: 'counselor',
  administrator: 'administrator',
  admin: 'administrator',
  principal: 'administrator',
  assistantprincipal: 'administrator',
  viceprincipal: 'administrator',
  specialeducationdirector: 'administrator',
  itstaff: 'it_staff',
  it: 'it_staff',
  technology: 'it_staff',
  techsupport: 'it_staff',
};
for (const role of STAFF_ROLES) ROLE_WORDS[role.replace(/_/g, '')] = role;

export function parseStaffRole(text: string): Parsed<StaffRole> {
  const role = ROLE_WORDS[compact(text)];
  return role ? ok(role) : fail(`Not a role Peerpath knows. Use one of: ${STAFF_ROLES.join(', ')}.`);
}

/** Home languages most often named in US district exports, by English and own name. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  espanol: 'es',
  vietnamese: 'vi',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'yue',
  arabic: 'ar',
  somali: 'so',
  haitiancreole: 'ht',
  creole: 'ht',
  portuguese: 'pt',
  russian: 'ru',
  korean: 'ko',
  tagalog: 'tl',
  filipino: 'fil',
  french: 'fr',
  hmong: 'hmn',
  ukrainian: 'uk',
  urdu: 'ur',
  hindi: 'hi',
  bengali: 'bn',
  polish: 'pl',
  japanese: 'ja',
  nepali: 'ne',
  swahili: 'sw',
  amharic: 'am',
  dari: 'prs',
  pashto: 'ps',
  farsi: 'fa',
  persian: 'fa',
  karen: 'kar',
  burmese: 'my',
  marshallese: 'mh',
  navajo: 'nv',
  tamil: 'ta',
  telugu: 'te',
  gujarati: 'gu',
  punjabi: 'pa',
  thai: 'th',
  lao: 'lo',
  khmer: 'km',
  cambodian: 'km',
  turkish: 'tr',
  german: 'de',
  italian: 'it',
  greek: 'el',
  hebrew: 'he',
  tigrinya: 'ti',
  oromo: 'om',
  kinyarwanda: 'rw',
  yoruba: 'yo',
  igbo: 'ig',
  chuukese: 'chk',
  samoan: 'sm',
  tongan: 'to',
  ilocano: 'ilo',
  albanian: 'sq',
  bosnian: 'bs',
};

export function parseLanguage(text: string): Parsed<string> {
  const value = text.trim();
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(value)) {
    const [primary = '', ...rest] = value.split('-');
    return ok([primary.toLowerCase(), ...rest].join('-'));
  }
  const code = LANGUAGE_NAMES[compact(value)];
  return code ? ok(code) : fail('Use a language code such as en or es, or a language name such as Spanish.');
}

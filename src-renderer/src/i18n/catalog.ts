/**
 * The English catalog is split by area (app, students, mentors, data, and one file per progress
 * screen) so that each area's strings live beside each other; at run time the files of one language
 * merge into one `translation`. Their top-level keys must not overlap. This type is the shape every
 * `t('…')` key is checked against.
 */
import type app from './locales/en/app.json';
import type calendar from './locales/en/calendar.json';
import type caseload from './locales/en/caseload.json';
import type checkins from './locales/en/checkins.json';
import type data from './locales/en/data.json';
import type matching from './locales/en/matching.json';
import type meeting from './locales/en/meeting.json';
import type mentors from './locales/en/mentors.json';
import type observation from './locales/en/observation.json';
import type periods from './locales/en/periods.json';
import type removals from './locales/en/removals.json';
import type reports from './locales/en/reports.json';
import type students from './locales/en/students.json';
import type week from './locales/en/week.json';

export type Catalog = typeof app &
  typeof students &
  typeof mentors &
  typeof data &
  typeof week &
  typeof checkins &
  typeof observation &
  typeof periods &
  typeof caseload &
  typeof reports &
  typeof meeting &
  typeof matching &
  typeof removals &
  typeof calendar;

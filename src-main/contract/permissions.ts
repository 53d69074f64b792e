/**
 * Who may do what: every channel names the one action it performs, and a role × action table says
 * which roles may perform it. The dispatch checks it for every channel and every shell before the
 * input is even read; the renderer asks `can` to hide what a role cannot do. The reasoning behind
 * each row is in docs/permissions.md (whose table `scripts/permissions-doc.mjs` writes from here).
 * Pure data and functions (no schemas of its own), so the renderer imports it as is.
 */
import type { Channel } from './index';
import { STAFF_ROLES, type StaffRole } from './vault';

/** Whoever unlocked: a member's role, or the holder of the printed recovery key (the break-glass key). */
export type Acting = StaffRole | 'recovery_key';
export const ACTING: readonly Acting[] = [...STAFF_ROLES, 'recovery_key'];

export const ACTIONS = {
  'students.read': 'see students and their plans, goals and records',
  'records.log': 'log sessions, progress points and observations',
  'checkIns.log': 'log check-ins',
  'students.manage': 'add, edit or archive students',
  'plans.manage': 'write plans, goals, accommodations and progress marks',
  'mentors.read': 'see peer mentors',
  'mentors.manage': 'manage peer mentors, assignments and matching',
  'program.read': 'see the program dashboard',
  'meetings.run': 'run IEP meetings',
  'reports.make': 'make team and parent reports',
  'disclosures.read': 'see the record of disclosures',
  'records.export': 'export records',
  'records.import': 'import records',
  'students.purge': 'purge students',
  'students.deidentify': 'de-identify students',
  'staff.read': 'see the staff list',
  'members.manage': 'manage team members and their roles',
  'recoveryKey.manage': 'replace the recovery key',
  'settings.program': 'change program settings',
  'vault.maintain': 'check, back up or restore the vault',
  'audit.read': 'read the audit trail',
  'passphrase.own': 'change their own passphrase',
  'passphrase.reset': 'set a member’s passphrase with the recovery key',
  'files.choose': 'choose files',
} as const;
export type Action = keyof typeof ACTIONS;

/** The channels a locked vault answers (or that need no vault at all): nobody has a role yet. */
export type ChannelAction = Action | 'anyone';

/** Actions of the program itself, which case managers, special-education teachers and administrators run. */
const PROGRAM: readonly Action[] = [
  'students.read',
  'records.log',
  'checkIns.log',
  'students.manage',
  'plans.manage',
  'mentors.read',
  'mentors.manage',
  'program.read',
  'meetings.run',
  'reports.make',
  'disclosures.read',
  'records.export',
  'records.import',
  'settings.program',
  'staff.read',
  'passphrase.own',
  'files.choose',
];
/** A team member who works with some students: sees them, logs what happens with them, nothing more. */
const CLASSROOM: readonly Action[] = ['students.read', 'records.log', 'checkIns.log', 'staff.read', 'passphrase.own', 'files.choose'];
/** Who is responsible for the records as a whole (IDEA 300.623's one official): members, destruction, the vault. */
const RESPONSIBLE: readonly Action[] = [
  'students.purge',
  'students.deidentify',
  'members.manage',
  'recoveryKey.manage',
  'vault.maintain',
  'audit.read',
];

export const PERMISSIONS: Record<Acting, ReadonlySet<Action>> = {
  case_manager: new Set([...PROGRAM, ...RESPONSIBLE]),
  administrator: new Set([...PROGRAM, ...RESPONSIBLE]),
  special_education_teacher: new Set(PROGRAM),
  general_education_teacher: new Set(CLASSROOM),
  paraprofessional: new Set(CLASSROOM),
  counselor: new Set(CLASSROOM),
  it_staff: new Set(['vault.maintain', 'audit.read', 'staff.read', 'passphrase.own', 'files.choose']),
  // The break-glass key: let a team back in (members, passphrases, a new recovery key) and keep the vault healthy — no student records.
  recovery_key: new Set(['members.manage', 'recoveryKey.manage', 'passphrase.reset', 'vault.maintain', 'staff.read', 'files.choose']),
};

/** Roles that see only the students they work with (plan team or case manager); see `STUDENT_REACH`. */
export const RESTRICTED_ROLES: ReadonlySet<Acting> = new Set(['general_education_teacher', 'paraprofessional', 'counselor']);

/** Counselors hold check-ins with any student (and their mentors), not only those whose team they are on. */
export function reachesEveryCheckIn(role: Acting): boolean {
  return role === 'counselor';
}

export const CHANNEL_ACTIONS: Record<Channel, ChannelAction> = {
  'vault.status': 'anyone',
  'vault.assessPassphrase': 'anyone',
  'vault.create': 'anyone',
  'vault.createDemo': 'anyone',
  'vault.unlock': 'anyone',
  'vault.unlockWithRecoveryKey': 'anyone',
  'vault.lock': 'anyone',
  'vault.activity': 'anyone',
  'vault.leaveDemo': 'anyone',
  'vault.changePassphrase': 'passphrase.own',
  // Only meaningful after unlocking with the recovery key (the session refuses it otherwise); then the session becomes that member.
  'vault.setPassphraseAfterRecovery': 'passphrase.reset',
  'vault.members': 'staff.read',
  'vault.addMember': 'members.manage',
  'vault.removeMember': 'members.manage',
  'vault.newRecoveryKey': 'recoveryKey.manage',
  // A new data key decides who can read what is written from now on: the people who manage access.
  'vault.rotateKey': 'members.manage',
  'vault.check': 'vault.maintain',
  'vault.backup': 'vault.maintain',
  'vault.restore': 'vault.maintain',
  'vault.backups': 'vault.maintain',
  'vault.deleteBackup': 'vault.maintain',
  'vault.seedDemo': 'vault.maintain',
  // Every screen reads the auto-lock minutes; nothing in the settings is about a student.
  'settings.get': 'anyone',
  'settings.update': 'settings.program',
  // Whoever logs sessions or reads fidelity counts school days; a calendar says nothing about a student.
  'calendar.list': 'students.read',
  'calendar.save': 'settings.program',
  'calendar.remove': 'settings.program',
  'calendar.importIcs': 'settings.program',
  'staff.list': 'staff.read',
  'staff.create': 'members.manage',
  'staff.update': 'members.manage',
  'staff.archive': 'members.manage',
  'staff.restore': 'members.manage',
  'audit.list': 'audit.read',
  'audit.verify': 'vault.maintain',
  'students.list': 'students.read',
  'students.get': 'students.read',
  'students.create': 'students.manage',
  'students.update': 'students.manage',
  'students.archive': 'students.manage',
  'students.restore': 'students.manage',
  'students.markNoLongerNeeded': 'students.manage',
  'students.purge': 'students.purge',
  'students.deidentify': 'students.deidentify',
  'plans.listForStudent': 'students.read',
  'plans.get': 'students.read',
  'plans.create': 'plans.manage',
  'plans.update': 'plans.manage',
  'plans.activate': 'plans.manage',
  'plans.end': 'plans.manage',
  'plans.amend': 'plans.manage',
  'goals.create': 'plans.manage',
  'goals.update': 'plans.manage',
  'goals.deletePreview': 'plans.manage',
  'goals.delete': 'plans.manage',
  'goals.setServedBy': 'plans.manage',
  'accommodations.create': 'plans.manage',
  'accommodations.update': 'plans.manage',
  'accommodations.deletePreview': 'plans.manage',
  'accommodations.delete': 'plans.manage',
  'removals.undo': 'plans.manage',
  'accommodations.setServes': 'plans.manage',
  'mentors.list': 'mentors.read',
  'mentors.get': 'mentors.read',
  'mentors.create': 'mentors.manage',
  'mentors.update': 'mentors.manage',
  'mentors.archive': 'mentors.manage',
  'mentors.restore': 'mentors.manage',
  'mentors.withdrawConsent': 'mentors.manage',
  'mentors.addTimeOff': 'mentors.manage',
  'mentors.addRecognition': 'mentors.manage',
  'assignments.listForAccommodation': 'students.read',
  'assignments.listForMentor': 'mentors.read',
  'assignments.check': 'mentors.manage',
  'assignments.create': 'mentors.manage',
  'assignments.end': 'mentors.manage',
  'mentors.activity': 'mentors.read',
  'roster.preview': 'students.manage',
  'roster.commit': 'students.manage',
  'roster.importFile': 'students.manage',
  'exchange.save': 'records.export',
  'exchange.exportFile': 'records.export',
  'exchange.importFile': 'records.import',
  'sessions.create': 'records.log',
  'sessions.createMany': 'records.log',
  'sessions.update': 'records.log',
  'sessions.delete': 'records.log',
  'sessions.listForAccommodation': 'students.read',
  'sessions.week': 'students.read',
  'sessions.defaults': 'students.read',
  'checkIns.create': 'checkIns.log',
  'checkIns.update': 'checkIns.log',
  'checkIns.delete': 'checkIns.log',
  'checkIns.listForStudent': 'checkIns.log',
  'checkIns.listForMentor': 'mentors.read',
  'progressPoints.create': 'records.log',
  'progressPoints.createMany': 'records.log',
  'progressPoints.update': 'records.log',
  'progressPoints.delete': 'records.log',
  'progressPoints.listForGoal': 'students.read',
  'observations.record': 'records.log',
  'observations.listForStudent': 'students.read',
  'observations.delete': 'records.log',
  'fidelity.forAccommodation': 'students.read',
  'fidelity.forSchool': 'program.read',
  'fidelity.forStudent': 'students.read',
  'progressCodes.get': 'students.read',
  'progressCodes.setActive': 'settings.program',
  'progressMarks.listForPlan': 'students.read',
  'progressMarks.get': 'students.read',
  'progressMarks.save': 'plans.manage',
  'progressMarks.finalize': 'plans.manage',
  'progressMarks.amend': 'plans.manage',
  'goals.progress': 'students.read',
  'caseload.dashboard': 'program.read',
  'health.flags': 'program.read',
  'reports.preview': 'reports.make',
  'reports.save': 'reports.make',
  'translations.list': 'reports.make',
  'translations.save': 'reports.make',
  'reports.findByNumber': 'reports.make',
  'reports.disclosures': 'disclosures.read',
  'reports.batchStart': 'reports.make',
  'reports.batchStatus': 'reports.make',
  'reports.batchCancel': 'reports.make',
  'reportSettings.get': 'reports.make',
  'reportSettings.update': 'settings.program',
  'matching.suggest': 'mentors.manage',
  'matching.accept': 'mentors.manage',
  'matching.reject': 'mentors.manage',
  'matching.rejections.list': 'mentors.manage',
  'matching.unreject': 'mentors.manage',
  'matching.checkPair': 'mentors.manage',
  'matching.override': 'mentors.manage',
  'matching.markWorking': 'mentors.manage',
  'matching.weights.get': 'mentors.manage',
  'matching.weights.update': 'settings.program',
  'matching.avoid.list': 'mentors.manage',
  'matching.avoid.add': 'mentors.manage',
  'matching.avoid.remove': 'mentors.manage',
  'matching.profile.get': 'mentors.manage',
  'matching.profile.set': 'mentors.manage',
  'files.chooseSavePath': 'files.choose',
  'files.chooseFolder': 'files.choose',
  'meetings.start': 'meetings.run',
  'meetings.current': 'meetings.run',
  'meetings.presenter': 'meetings.run',
  'meetings.decide': 'meetings.run',
  'meetings.leave': 'meetings.run',
  'meetings.list': 'meetings.run',
  'meetings.apply': 'meetings.run',
  'meetings.summary': 'meetings.run',
  'meetings.saveSummary': 'meetings.run',
};

export function can(who: Acting, action: Action): boolean {
  return PERMISSIONS[who].has(action);
}

export function mayUse(who: Acting, channel: Channel): boolean {
  const action = CHANNEL_ACTIONS[channel];
  return action === 'anyone' || can(who, action);
}

const ROLE_WORDS: Record<Acting, string> = {
  case_manager: 'case manager',
  special_education_teacher: 'special-education teacher',
  general_education_teacher: 'general-education teacher',
  paraprofessional: 'paraprofessional',
  counselor: 'counselor',
  administrator: 'administrator',
  it_staff: 'IT staff',
  recovery_key: 'recovery key',
};

function withArticle(words: string): string {
  if (words === 'IT staff') return words;
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

/** The roles that may, in words: "a case manager, a special-education teacher or an administrator". */
function whoMay(action: Action): string {
  const roles = STAFF_ROLES.filter((role) => can(role, action)).map((role) => withArticle(ROLE_WORDS[role]));
  if (roles.length <= 1) return roles.join('');
  return `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

/** "Your role (paraprofessional) can't export records — ask a case manager or an administrator." */
export function refusalMessage(who: Acting, action: Action): string {
  const subject = who === 'recovery_key' ? 'The recovery key' : `Your role (${ROLE_WORDS[who]})`;
  const roles = whoMay(action);
  const ask = who === 'recovery_key' ? 'unlock with a member’s passphrase' : roles ? `ask ${roles}` : 'unlock with the recovery key';
  return `${subject} can't ${ACTIONS[action]} — ${ask}.`;
}

/** Out of reach: says nothing of who the student is, or whether they exist. */
export const NOT_IN_REACH_MESSAGE =
  'That student is not one you work with: only their plan team and case manager can see or log their records.';

export const LAST_MANAGER_MESSAGE =
  'The team must keep at least one case manager or administrator who can manage members — add another one first.';

/** The roles that can manage members: the last of them cannot be removed or given another role. */
export const MANAGING_ROLES: readonly StaffRole[] = STAFF_ROLES.filter((role) => can(role, 'members.manage'));

export function roleWords(who: Acting): string {
  return ROLE_WORDS[who];
}

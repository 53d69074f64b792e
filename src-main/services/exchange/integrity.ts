/**
 * Referential integrity of an export file: every id a row points to exists in the file, ids and
 * keys are unique, and local ids are unique where the vault requires it. Pure; problems name the
 * array, the index and the field, never a value.
 */
import { type CalendarProblem, calendarProblems } from '../../contract/school-year';
import type { ExportFile } from './format';

const CALENDAR_WORDS: Record<CalendarProblem, string> = {
  calendar_year_invalid: 'its year is not two years in a row',
  calendar_dates_invalid: 'one of its dates does not exist',
  calendar_last_before_first: 'its last day is not after its first day',
  calendar_break_outside_year: 'a break falls outside its first and last day',
  calendar_period_outside_year: 'a reporting period falls outside its first and last day',
  calendar_periods_overlap: 'its reporting periods are out of order or overlap',
};

export function integrityProblems(data: ExportFile): string[] {
  const problems: string[] = [];

  const idsOf = (
    table:
      | 'staff'
      | 'students'
      | 'plans'
      | 'goals'
      | 'accommodations'
      | 'mentors'
      | 'guardians'
      | 'mentorTimeOff'
      | 'mentorRecognition'
      | 'assignments'
      | 'sessions'
      | 'observations'
      | 'progressPoints'
      | 'checkIns'
      | 'progressReports'
      | 'matchAvoidPairs'
      | 'meetings'
      | 'meetingProposals',
  ) => {
    const ids = new Set<string>();
    data[table].forEach((row, index) => {
      if (ids.has(row.id)) problems.push(`${table}[${index}].id repeats an earlier id.`);
      ids.add(row.id);
    });
    return ids;
  };
  const staffIds = idsOf('staff');
  const studentIds = idsOf('students');
  const planIds = idsOf('plans');
  const goalIds = idsOf('goals');
  const accommodationIds = idsOf('accommodations');
  const mentorIds = idsOf('mentors');
  const sessionIds = idsOf('sessions');
  const observationIds = idsOf('observations');
  const meetingIds = idsOf('meetings');
  for (const table of [
    'guardians',
    'mentorTimeOff',
    'mentorRecognition',
    'assignments',
    'progressPoints',
    'checkIns',
    'progressReports',
    'matchAvoidPairs',
    'meetingProposals',
  ] as const)
    idsOf(table);
  const assignmentIds = new Set(data.assignments.map((row) => row.id));

  function refs<T>(table: string, rows: readonly T[], field: keyof T & string, target: Set<string>, targetName: string): void {
    rows.forEach((row, index) => {
      const value = row[field];
      if (value !== null && !target.has(value as string))
        problems.push(`${table}[${index}].${field} points to a ${targetName} that is not in the file.`);
    });
  }
  refs('students', data.students, 'caseManagerId', staffIds, 'staff member');
  refs('guardians', data.guardians, 'studentId', studentIds, 'student');
  refs('plans', data.plans, 'studentId', studentIds, 'student');
  refs('plans', data.plans, 'caseManagerId', staffIds, 'staff member');
  refs('plans', data.plans, 'amendsId', planIds, 'plan');
  refs('planTeam', data.planTeam, 'planId', planIds, 'plan');
  refs('planTeam', data.planTeam, 'staffId', staffIds, 'staff member');
  refs('goals', data.goals, 'planId', planIds, 'plan');
  refs('accommodations', data.accommodations, 'planId', planIds, 'plan');
  refs('goals', data.goals, 'amendsId', goalIds, 'goal');
  refs('accommodations', data.accommodations, 'amendsId', accommodationIds, 'accommodation');
  refs('accommodationGoals', data.accommodationGoals, 'accommodationId', accommodationIds, 'accommodation');
  refs('accommodationGoals', data.accommodationGoals, 'goalId', goalIds, 'goal');
  refs('mentors', data.mentors, 'studentId', studentIds, 'student');
  refs('mentorTraining', data.mentorTraining, 'mentorId', mentorIds, 'mentor');
  refs('mentorTimeOff', data.mentorTimeOff, 'mentorId', mentorIds, 'mentor');
  refs('mentorRecognition', data.mentorRecognition, 'mentorId', mentorIds, 'mentor');
  refs('assignments', data.assignments, 'mentorId', mentorIds, 'mentor');
  refs('assignments', data.assignments, 'accommodationId', accommodationIds, 'accommodation');
  refs('sessions', data.sessions, 'accommodationId', accommodationIds, 'accommodation');
  refs('sessionMentors', data.sessionMentors, 'sessionId', sessionIds, 'session');
  refs('sessionMentors', data.sessionMentors, 'mentorId', mentorIds, 'mentor');
  refs('sessionGoals', data.sessionGoals, 'sessionId', sessionIds, 'session');
  refs('sessionGoals', data.sessionGoals, 'goalId', goalIds, 'goal');
  refs('observations', data.observations, 'studentId', studentIds, 'student');
  refs('observations', data.observations, 'observedBy', staffIds, 'staff member');
  refs('progressPoints', data.progressPoints, 'goalId', goalIds, 'goal');
  refs('progressPoints', data.progressPoints, 'collectedBy', staffIds, 'staff member');
  refs('progressPoints', data.progressPoints, 'sessionId', sessionIds, 'session');
  refs('progressPoints', data.progressPoints, 'observationId', observationIds, 'observation');
  refs('checkIns', data.checkIns, 'accommodationId', accommodationIds, 'accommodation');
  refs('checkIns', data.checkIns, 'mentorId', mentorIds, 'mentor');
  refs('checkIns', data.checkIns, 'conductedBy', staffIds, 'staff member');
  refs('progressReports', data.progressReports, 'goalId', goalIds, 'goal');
  refs('matchStudentProfiles', data.matchStudentProfiles, 'studentId', studentIds, 'student');
  refs('matchMentorProfiles', data.matchMentorProfiles, 'mentorId', mentorIds, 'mentor');
  refs('matchAvoidPairs', data.matchAvoidPairs, 'mentorId', mentorIds, 'mentor');
  refs('matchAvoidPairs', data.matchAvoidPairs, 'studentId', studentIds, 'student');
  refs('matchRejections', data.matchRejections, 'mentorId', mentorIds, 'mentor');
  refs('matchRejections', data.matchRejections, 'accommodationId', accommodationIds, 'accommodation');
  refs('matchKeptPairs', data.matchKeptPairs, 'assignmentId', assignmentIds, 'assignment');
  refs('meetings', data.meetings, 'studentId', studentIds, 'student');
  refs('meetings', data.meetings, 'planId', planIds, 'plan');
  refs('meetings', data.meetings, 'startedBy', staffIds, 'staff member');
  refs('meetingAttendees', data.meetingAttendees, 'meetingId', meetingIds, 'meeting');
  refs('meetingProposals', data.meetingProposals, 'meetingId', meetingIds, 'meeting');
  refs('meetingProposals', data.meetingProposals, 'accommodationId', accommodationIds, 'accommodation');
  refs('meetingProposals', data.meetingProposals, 'goalId', goalIds, 'goal');
  refs('meetingProposals', data.meetingProposals, 'appliedBy', staffIds, 'staff member');

  function unique<T>(table: string, rows: readonly T[], key: (row: T) => string | null, what: string): void {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const value = key(row);
      if (value === null) return;
      if (seen.has(value)) problems.push(`${table}[${index}] repeats the ${what} of an earlier row.`);
      seen.add(value);
    });
  }
  unique('planTeam', data.planTeam, (r) => `${r.planId}\n${r.staffId}`, 'plan and staff member');
  unique('accommodationGoals', data.accommodationGoals, (r) => `${r.accommodationId}\n${r.goalId}`, 'accommodation and goal');
  unique('mentorTraining', data.mentorTraining, (r) => `${r.mentorId}\n${r.module}`, 'mentor and module');
  unique('sessionMentors', data.sessionMentors, (r) => `${r.sessionId}\n${r.mentorId}`, 'session and mentor');
  unique('sessionGoals', data.sessionGoals, (r) => `${r.sessionId}\n${r.goalId}`, 'session and goal');
  unique('progressReports', data.progressReports, (r) => `${r.goalId}\n${r.periodEndsOn}`, 'goal and reporting period');
  unique('matchStudentProfiles', data.matchStudentProfiles, (r) => r.studentId, 'student');
  unique('matchMentorProfiles', data.matchMentorProfiles, (r) => r.mentorId, 'mentor');
  unique('matchAvoidPairs', data.matchAvoidPairs, (r) => `${r.mentorId}\n${r.studentId}`, 'mentor and student');
  unique('matchRejections', data.matchRejections, (r) => `${r.mentorId}\n${r.accommodationId}`, 'mentor and accommodation');
  unique('matchKeptPairs', data.matchKeptPairs, (r) => r.assignmentId, 'assignment');
  unique('meetingAttendees', data.meetingAttendees, (r) => `${r.meetingId}\n${r.position}`, 'meeting and position');
  unique('students', data.students, (r) => (r.status === 'deidentified' ? null : r.localId), 'student number (among live students)');
  unique('mentors', data.mentors, (r) => r.localId, 'student number');
  unique('staff', data.staff, (r) => r.localId, 'staff id');
  unique('schoolCalendars', data.schoolCalendars, (r) => `${r.school}\n${r.year}`, 'school and year');
  // The same rules as saving a calendar in the app: a file cannot bring in one the app would refuse.
  data.schoolCalendars.forEach((calendar, index) => {
    for (const problem of calendarProblems(calendar)) problems.push(`schoolCalendars[${index}]: ${CALENDAR_WORDS[problem]}.`);
  });
  return problems;
}

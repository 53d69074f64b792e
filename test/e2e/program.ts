/** The program a test starts from, set up through the services: a supported student and what supports them. */
import type { AccommodationInput, GoalInput, StudentInput } from '../../src-main/contract';
import { mentorInput } from '../fixtures/program';
import { accommodationInput, goalInput, studentInput } from '../fixtures/program-input';
import { PASSPHRASE } from '../fixtures/vault';
import { call, createVaultDirectly, isoDate } from './flows';
import type { Host } from './host';

export interface SupportedStudentOptions {
  /** Over Maya Lopez. */
  student?: Partial<StudentInput>;
  /** One goal per entry, created in order, each ending in 280 days unless it says otherwise. */
  goals?: Partial<Omit<GoalInput, 'planId'>>[];
  /** One accommodation per entry (given the new goals' ids, in order), each running from 45 days ago to 280 days ahead unless it says otherwise. */
  accommodations?: (goalIds: string[]) => Partial<Omit<AccommodationInput, 'planId'>>[];
}

export interface SupportedStudent {
  studentId: string;
  planId: string;
  goalIds: string[];
  accommodationIds: string[];
}

/**
 * Creates the vault (case manager Morgan Diaz, the fixtures' passphrase), a student with an active IEP
 * running from 60 days ago to 300 days ahead, and the goals and peer supports the options ask for.
 */
export async function supportedStudentViaServices(host: Host, options: SupportedStudentOptions = {}): Promise<SupportedStudent> {
  await createVaultDirectly(host, { name: 'Morgan Diaz', role: 'case_manager', passphrase: PASSPHRASE });
  const student = await call(host, 'students.create', studentInput({ firstName: 'Maya', lastName: 'Lopez', ...options.student }));
  const plan = await call(host, 'plans.create', {
    studentId: student.id,
    type: 'iep',
    startDate: isoDate(-60),
    endDate: isoDate(300),
    annualReviewDue: isoDate(300),
    teamStaffIds: [],
    // Written as a draft, then made active: an active plan's goals and supports change only by amendment.
    status: 'draft',
  });
  const goalIds: string[] = [];
  for (const overrides of options.goals ?? []) {
    const goal = await call(host, 'goals.create', goalInput(plan.id, { endDate: isoDate(280), ...overrides }));
    goalIds.push(goal.id);
  }
  const accommodationIds: string[] = [];
  for (const overrides of options.accommodations?.(goalIds) ?? []) {
    const accommodation = await call(
      host,
      'accommodations.create',
      accommodationInput(plan.id, { startDate: isoDate(-45), endDate: isoDate(280), ...overrides }),
    );
    accommodationIds.push(accommodation.id);
  }
  await call(host, 'plans.activate', { id: plan.id });
  return { studentId: student.id, planId: plan.id, goalIds, accommodationIds };
}

/** A mentor with consent and all five training modules 90 days ago, assigned to each accommodation from 45 days ago; returns the mentor's id. */
export async function trainedMentorAssigned(host: Host, accommodationIds: string[]): Promise<string> {
  const longAgo = isoDate(-90);
  const modules = ['confidentiality', 'sensitivity', 'instructional_techniques', 'fostering_independence', 'getting_an_adult'] as const;
  const mentor = await call(
    host,
    'mentors.create',
    mentorInput({
      consentGivenOn: longAgo,
      guardianConsentGivenOn: longAgo,
      training: modules.map((module) => ({ module, completedOn: longAgo })),
    }),
  );
  for (const accommodationId of accommodationIds) {
    await call(host, 'assignments.create', { mentorId: mentor.id, accommodationId, startDate: isoDate(-45) });
  }
  return mentor.id;
}

/**
 * The program-health rules added for the caseload dashboard: the facts each flag quotes, review
 * dates as flags, the consent reading, check-ins and observations in any order, and a goal's
 * status on the dashboard.
 */
import { describe, expect, it } from 'vitest';
import { goalStatus } from '../../src-main/services/caseload/goal-status';
import {
  consentIsCurrent,
  HEALTH_KIND_OF,
  mentorHealthFlags,
  oneSidedSupportFlags,
  reviewFlags,
} from '../../src-main/services/progress-rules/program-health';

const TODAY = '2026-11-18';

describe('program health: flags quote their facts', () => {
  it('one-sided support counts only check-ins that rated the supported student, and reads observations in date order', () => {
    const rated = (date: string, belonging: number) => ({ date, belonging, engagement: 3, mentorWorkload: null });
    const mentorOnly = (date: string) => ({ date, belonging: null, engagement: null, mentorWorkload: 4 });
    const pair = {
      accommodationId: 'acc-000001',
      // The two mentor-only check-ins are the latest; without them the last three rated ones are all low.
      checkIns: [
        mentorOnly('2026-11-12'),
        rated('2026-10-20', 1),
        rated('2026-10-27', 2),
        mentorOnly('2026-11-10'),
        rated('2026-11-03', 2),
      ],
      heldSessions: ['2026-11-16'],
      // Newest first, as a query would return them: the oldest one (with an initiation) is not among the last three.
      observations: [
        { date: '2026-11-13', initiated: 0, observed: 40 },
        { date: '2026-11-06', initiated: 0, observed: 40 },
        { date: '2026-10-30', initiated: 0, observed: 40 },
        { date: '2026-10-01', initiated: 5, observed: 40 },
      ],
    };
    expect(oneSidedSupportFlags(pair).map((flag) => [flag.rule, flag.facts, flag.subject])).toEqual([
      ['one_sided_low_ratings', { count: 3, of: 3 }, { kind: 'accommodation', id: 'acc-000001' }],
      ['one_sided_no_initiation', { count: 3 }, { kind: 'accommodation', id: 'acc-000001' }],
    ]);
    // An observation with no mark on "initiated" was not observed for it and does not count.
    const unmarked = {
      ...pair,
      checkIns: [],
      observations: [...pair.observations.slice(0, 2), { date: '2026-11-16', initiated: 0, observed: 0 }],
    };
    expect(oneSidedSupportFlags(unmarked)).toEqual([]);
  });

  it('mentor flags say how many, of what limit, and which training module', () => {
    const mentor = {
      mentorId: 'mentor-0001',
      name: 'Sam Rivera',
      loadCap: 2,
      activeAssignments: 3,
      sessions: [],
      workload: [],
      timeOff: [],
      training: [{ module: 'confidentiality', label: 'confidentiality', expiresOn: '2026-12-01' }],
      hasCurrentConsent: false,
    };
    expect(mentorHealthFlags(mentor, TODAY).map((flag) => [flag.rule, flag.severity, flag.facts])).toEqual([
      ['burnout_over_cap', 'warning', { count: 3, limit: 2 }],
      ['training_expiring', 'warning', { module: 'confidentiality', date: '2026-12-01', days: 13 }],
      ['consent_missing', 'urgent', {}],
    ]);
  });
});

describe('program health: reviews due', () => {
  it('turns due warnings into flags: an overdue one is urgent, and each says what to do', () => {
    const flags = reviewFlags(
      'plan-000001',
      [
        { kind: 'annual_review', due: '2026-12-01', severity: 'due_soon' },
        { kind: 'reevaluation', due: '2026-11-01', severity: 'overdue' },
      ],
      TODAY,
    );
    expect(flags).toEqual([
      {
        rule: 'annual_review_due',
        subject: { kind: 'plan', id: 'plan-000001' },
        severity: 'warning',
        facts: { date: '2026-12-01', days: 13 },
        message: 'The annual review is due on 2026-12-01 (in 13 days).',
        action: 'Schedule the team meeting and send the parents written notice of it.',
      },
      {
        rule: 'reevaluation_due',
        subject: { kind: 'plan', id: 'plan-000001' },
        severity: 'urgent',
        facts: { date: '2026-11-01', days: -17 },
        message: 'The re-evaluation was due on 2026-11-01 (17 days ago).',
        action: 'Ask the parents for consent to re-evaluate and plan the assessments.',
      },
    ]);
    expect(flags.map((flag) => HEALTH_KIND_OF[flag.rule])).toEqual(['reviews', 'reviews']);
  });
});

describe('program health: consent', () => {
  it('is current when given by today and not withdrawn since; consent given again after a withdrawal counts', () => {
    expect(consentIsCurrent('2026-09-01', null, TODAY)).toBe(true);
    expect(consentIsCurrent(null, null, TODAY)).toBe(false);
    expect(consentIsCurrent('2026-12-01', null, TODAY)).toBe(false);
    expect(consentIsCurrent('2026-09-01', '2026-10-01', TODAY)).toBe(false);
    // A withdrawal dated later than today still counts: the record says it was withdrawn.
    expect(consentIsCurrent('2026-09-01', '2026-12-01', TODAY)).toBe(false);
    expect(consentIsCurrent('2026-10-15', '2026-10-01', TODAY)).toBe(true);
  });
});

describe('caseload: goal status', () => {
  it('is at risk when unlikely, not met or behind the aim line; on track only when the data says so; else no verdict', () => {
    expect(goalStatus({ status: 'unclear' }, [{ rule: 'behind_aim' }])).toBe('at_risk');
    // At risk wins over a pause in measuring: the last points said the support was not working.
    expect(goalStatus({ status: 'unclear' }, [{ rule: 'behind_aim' }, { rule: 'no_recent_data' }])).toBe('at_risk');
    expect(goalStatus({ status: 'unlikely' }, [])).toBe('at_risk');
    expect(goalStatus({ status: 'not_met' }, [])).toBe('at_risk');
    expect(goalStatus({ status: 'no_data' }, [])).toBe('no_data');
    expect(goalStatus({ status: 'not_enough_data' }, [])).toBe('no_data');
    expect(goalStatus({ status: 'unclear' }, [])).toBe('no_data');
    expect(goalStatus({ status: 'likely' }, [{ rule: 'no_recent_data' }])).toBe('no_data');
    expect(goalStatus({ status: 'likely' }, [{ rule: 'ahead_of_aim' }])).toBe('on_track');
    expect(goalStatus({ status: 'mastered' }, [])).toBe('on_track');
    expect(goalStatus({ status: 'met' }, [])).toBe('on_track');
  });
});

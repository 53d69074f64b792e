/**
 * The program-health rules added for the caseload dashboard: the facts each flag quotes, review
 * dates as flags, the consent reading, check-ins and observations in any order, and a goal's
 * status on the dashboard.
 */
import { describe, expect, it } from 'vitest';
import { schoolDaysBetween } from '../../src-main/contract/school-year';
import { countStatuses, goalStatus, withService } from '../../src-main/services/caseload/goal-status';
import {
  consentIsCurrent,
  HEALTH_KIND_OF,
  mentorHealthFlags,
  oneSidedSupportFlags,
  periodFlags,
  reviewFlags,
  type SchoolDayCount,
  seatsOpenFlags,
  serviceFlags,
  supportDelivered,
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

describe('program health: service and progress reports', () => {
  // Wednesday 18 November 2026; school days are counted up to yesterday.
  const weekdays: SchoolDayCount = (from, to) => schoolDaysBetween(null, from, to).length;
  const support = {
    accommodationId: 'acc-1',
    startDate: '2026-09-08',
    mentorsNow: 1,
    mentorSince: '2026-09-08',
    lastMentorEnded: null,
    lastHeld: null,
  };

  it('no mentor: since the start or the last mentor, urgent from 10 school days', () => {
    const none = { ...support, mentorsNow: 0, mentorSince: null };
    expect(serviceFlags({ ...none, lastMentorEnded: '2026-11-04' }, TODAY, weekdays)).toEqual([
      expect.objectContaining({ rule: 'no_mentor', severity: 'urgent', facts: { since: '2026-11-04', schoolDays: 10 } }),
    ]);
    expect(serviceFlags({ ...none, lastMentorEnded: '2026-11-05' }, TODAY, weekdays)).toEqual([
      expect.objectContaining({ rule: 'no_mentor', severity: 'warning', facts: { since: '2026-11-05', schoolDays: 9 } }),
    ]);
    // A mentor who stopped before the support started says nothing about it.
    expect(serviceFlags({ ...none, lastMentorEnded: '2026-06-01' }, TODAY, weekdays)[0]?.facts.since).toBe('2026-09-08');
  });

  it('no sessions: 10 school days after the last held one, or since the mentor came when none was held', () => {
    // Held Tuesday 3 Nov: 4 Nov – 17 Nov is 10 school days.
    expect(serviceFlags({ ...support, lastHeld: '2026-11-03' }, TODAY, weekdays)).toEqual([
      expect.objectContaining({ rule: 'no_sessions', facts: { since: '2026-11-03', schoolDays: 10, limit: 10 } }),
    ]);
    expect(serviceFlags({ ...support, lastHeld: '2026-11-04' }, TODAY, weekdays)).toEqual([]);
    expect(supportDelivered({ ...support, lastHeld: '2026-11-04' }, TODAY, weekdays)).toBe(true);
    expect(supportDelivered({ ...support, lastHeld: '2026-11-03' }, TODAY, weekdays)).toBe(false);
    expect(supportDelivered(support, TODAY, weekdays)).toBe(false);
    // A mentor assigned on Monday 16 Nov has had 2 school days: too soon to flag, but nothing is delivered yet either.
    expect(serviceFlags({ ...support, mentorSince: '2026-11-16' }, TODAY, weekdays)).toEqual([]);
    expect(supportDelivered({ ...support, mentorSince: '2026-11-16' }, TODAY, weekdays)).toBe(false);
    // A break is no gap: the same 10 days with a week off count 5.
    const withBreak: SchoolDayCount = (from, to) =>
      schoolDaysBetween(
        [
          {
            id: 'c',
            school: 'S',
            year: '2026-2027',
            firstDay: '2026-08-31',
            lastDay: '2027-06-11',
            breaks: [{ name: 'Break', from: '2026-11-09', to: '2026-11-13' }],
            reportingPeriods: [],
          },
        ],
        from,
        to,
      ).length;
    expect(serviceFlags({ ...support, lastHeld: '2026-11-03' }, TODAY, withBreak)).toEqual([]);
  });

  it('open seats: one flag with the count, none when every seat is filled', () => {
    expect(seatsOpenFlags('Riverside', 0)).toEqual([]);
    expect(seatsOpenFlags('Riverside', 59)).toEqual([
      expect.objectContaining({
        rule: 'seats_open',
        subject: { kind: 'school', id: 'Riverside' },
        facts: { count: 59, school: 'Riverside' },
        message: '59 seats of peer support at Riverside still need a mentor.',
      }),
    ]);
  });

  it('progress reports: a period that ended unfinalized, urgent after 14 days; not one still running or finalized', () => {
    const period = (endsOn: string, finalized: number) => ({ label: `Ends ${endsOn}`, endsOn, goals: 3, finalized });
    const flags = periodFlags(
      'plan-1',
      [period('2026-11-04', 1), period('2026-11-03', 0), period('2026-10-01', 3), period(TODAY, 0)],
      TODAY,
    );
    expect(flags.map((flag) => [flag.facts.date, flag.severity, flag.facts.count])).toEqual([
      ['2026-11-04', 'warning', 2],
      ['2026-11-03', 'urgent', 3],
    ]);
    expect(flags[0]?.action).toBe('Finalize the progress report for Ends 2026-11-04 and send it to the parents.');
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
    // No verdict yet, each in its own group (issue 17: "not enough data" is not "on track", nor "no data").
    expect(goalStatus({ status: 'not_enough_data' }, [])).toBe('not_enough_data');
    expect(goalStatus({ status: 'unclear' }, [])).toBe('unclear');
    expect(goalStatus({ status: 'likely' }, [{ rule: 'no_recent_data' }])).toBe('no_data');
    expect(goalStatus({ status: 'likely' }, [{ rule: 'ahead_of_aim' }])).toBe('on_track');
    expect(goalStatus({ status: 'mastered' }, [])).toBe('on_track');
    expect(goalStatus({ status: 'met' }, [])).toBe('on_track');
  });

  it('has no service when running supports serve the goal and none held a session lately, unless already at risk', () => {
    expect(withService('on_track', [{ delivered: false }, { delivered: false }])).toBe('no_service');
    expect(withService('not_enough_data', [{ delivered: false }])).toBe('no_service');
    expect(withService('on_track', [{ delivered: false }, { delivered: true }])).toBe('on_track');
    // No running peer support serves it: its data alone speaks.
    expect(withService('on_track', [])).toBe('on_track');
    expect(withService('at_risk', [{ delivered: false }])).toBe('at_risk');
    expect(countStatuses(['on_track', 'no_service', 'no_service', 'unclear'])).toEqual({
      atRisk: 0,
      noService: 2,
      noData: 0,
      notEnoughData: 0,
      unclear: 1,
      onTrack: 1,
    });
  });
});

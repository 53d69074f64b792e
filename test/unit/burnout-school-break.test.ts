import { describe, expect, it } from 'vitest';
import { addDays } from '../../src-main/contract/calendar';
import { mentorHealthFlags } from '../../src-main/services/progress-rules/program-health';

const TODAY = '2026-11-18';
const mentor = {
  mentorId: 'mentor-0001',
  name: 'Sam',
  loadCap: 2,
  activeAssignments: 1,
  sessions: [] as string[],
  workload: [],
  timeOff: [],
  training: [],
  hasCurrentConsent: true,
};
// A session every Tuesday for ten weeks, one of them in the school's fall break (a session logged anyway).
const everyWeek = Array.from({ length: 10 }, (_, i) => addDays('2026-11-10', -7 * i));

describe('burnout: a school break counts as a break', () => {
  it('ten weeks of sessions with no time off flag; the same weeks around a school break do not', () => {
    expect(mentorHealthFlags({ ...mentor, sessions: everyWeek }, TODAY).map((flag) => flag.rule)).toEqual(['burnout_no_break']);
    const withBreak = { ...mentor, sessions: everyWeek, schoolBreaks: [{ from: '2026-10-14', to: '2026-10-16' }] };
    expect(mentorHealthFlags(withBreak, TODAY)).toEqual([]);
  });
});

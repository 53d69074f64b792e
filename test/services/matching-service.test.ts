import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assignments, auditEvents } from '../../db/schema';
import type { MatchRun } from '../../src-main/contract/matching';
import { mentorInput } from '../fixtures/program';
import { auditActions, rows, type School, school, TODAY } from './matching-fixture';

function pairs(run: MatchRun): string[] {
  return run.suggestions.map((s) => `${s.settingClass} ← ${s.mentorName}`);
}

function accepted(run: MatchRun) {
  return run.suggestions.map(({ mentorId, accommodationId, replacesAssignmentId }) => ({
    mentorId,
    accommodationId,
    replacesAssignmentId,
  }));
}

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

async function suggest(app: School, startDate = TODAY) {
  return app.call('matching.suggest', { startDate });
}

describe('matching a program', () => {
  it('suggests the best plan with its reasons, and the seats left open with why; nothing is written', async () => {
    const app = await school();
    const before = rows(app);
    const run = await suggest(app);
    expect(pairs(run)).toEqual(expect.arrayContaining(['Math 7 ← Sam Rivera', 'Science 7 ← Ana Lopez']));
    expect(run.totals).toEqual({ seats: 3, seatsFilled: 2, seatsOpen: 1, totalScore: expect.any(Number) });
    const math = run.suggestions.find((s) => s.settingClass === 'Math 7');
    expect(math).toMatchObject({ studentName: 'Jordan Example', role: 'peer_tutor', replacesAssignmentId: null, continues: false });
    expect(math?.reasons.slice(0, 2).map((r) => r.text)).toEqual([
      'Sam is free during Math 7 on Mon P3, Wed P3.',
      'Sam trained as a peer tutor, complete on 2026-09-06.',
    ]);
    expect(run.openSeats).toEqual([expect.objectContaining({ settingClass: 'Math 7', studentName: 'Jordan Example', seatsOpen: 1 })]);
    const nearMisses = [...(run.openSeats[0]?.nearMisses ?? [])].sort((a, b) => a.mentorName.localeCompare(b.mentorName));
    expect(nearMisses).toEqual([
      {
        mentorId: app.ana.id,
        mentorName: 'Ana Lopez',
        exclusions: [{ rule: 'schedule', message: "Ana's free periods do not overlap Math 7 (Mon P3, Wed P3)." }],
      },
      {
        mentorId: app.lee.id,
        mentorName: 'Lee Park',
        exclusions: [{ rule: 'training', message: "Lee's training 'instructional techniques' expired on 2026-09-30." }],
      },
    ]);
    expect(run.openSeats[0]?.summary).toBe(
      'Of 2 other mentors at Lakeside Middle School, none could take it: 1 not free at those times and 1 missing or expired training.',
    );
    expect(rows(app)).toEqual(before);
  });

  it('accepts one suggestion through the assignment rules, with their audit event and its own', async () => {
    const app = await school();
    const run = await suggest(app);
    const math = accepted(run).find((s) => s.accommodationId === app.jordan.accommodationId);
    if (!math) throw new Error('no Math 7 suggestion');
    const result = await app.call('matching.accept', { startDate: TODAY, suggestions: [math] });
    expect(result).toMatchObject({ ended: 0, continued: 0, created: [{ mentorName: 'Sam Rivera', settingClass: 'Math 7', active: true }] });
    expect(await app.call('assignments.listForMentor', { mentorId: app.sam.id })).toEqual([
      expect.objectContaining({ accommodationId: app.jordan.accommodationId, startDate: TODAY }),
    ]);
    expect(auditActions(app).slice(-2)).toEqual(['assignment.created', 'matching.accepted']);
    // The next run does not offer Sam for Math 7 again: he already holds that seat.
    expect(pairs(await suggest(app))).not.toContain('Math 7 ← Sam Rivera');
  });

  it('accepts all in one transaction; a suggestion that became invalid refuses them all and writes nothing', async () => {
    const app = await school();
    const run = await suggest(app);
    await app.call('mentors.withdrawConsent', { id: app.ana.id, who: 'mentor', on: TODAY });
    const before = rows(app);
    const refused = await refusal(() => app.call('matching.accept', { startDate: TODAY, suggestions: accepted(run) }));
    expect(refused).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Nothing was accepted\. Science 7: Ana has no current voluntary consent/),
    });
    expect(rows(app)).toEqual(before);

    const fresh = await suggest(app);
    const result = await app.call('matching.accept', { startDate: TODAY, suggestions: accepted(fresh) });
    expect(result.created).toHaveLength(fresh.suggestions.length);
    const [event] = app.db.select().from(auditEvents).where(eq(auditEvents.action, 'matching.accepted')).all();
    expect(JSON.parse(event?.detail ?? '{}')).toEqual({ created: fresh.suggestions.length, ended: 0, continued: 0 });
    expect((await suggest(app)).suggestions).toEqual([]);
  });

  it('remembers a rejection in the next run, and still lets the team choose the pair by hand', async () => {
    const app = await school();
    const rejected = await app.call('matching.reject', { mentorId: app.ana.id, accommodationId: app.alex.accommodationId });
    expect(rejected).toEqual({ mentorId: app.ana.id, accommodationId: app.alex.accommodationId, rejectedOn: TODAY });
    expect(auditActions(app).at(-1)).toBe('matching.rejected');
    const run = await suggest(app);
    expect(pairs(run)).not.toContain('Science 7 ← Ana Lopez');
    expect(pairs(run)).toContain('Science 7 ← Lee Park');

    const check = await app.call('matching.checkPair', {
      mentorId: app.ana.id,
      accommodationId: app.alex.accommodationId,
      startDate: TODAY,
    });
    expect(check).toMatchObject({ allowed: true, exclusions: [] });
    expect(check.softConcerns).toContainEqual({ kind: 'rejected', message: `The team rejected Ana for Science 7 on ${TODAY}.` });
  });

  it('takes a rejection back when the team changes its mind: the pair is suggested again', async () => {
    const app = await school();
    const pair = { mentorId: app.ana.id, accommodationId: app.alex.accommodationId };
    await app.call('matching.reject', pair);
    expect(await app.call('matching.rejections.list', {})).toEqual([
      expect.objectContaining({ ...pair, mentorName: 'Ana Lopez', settingClass: 'Science 7', rejectedOn: TODAY }),
    ]);
    expect(await app.call('matching.unreject', pair)).toEqual(pair);
    expect(await app.call('matching.rejections.list', {})).toEqual([]);
    expect(auditActions(app).at(-1)).toBe('matching.rejection_undone');
    expect(pairs(await suggest(app))).toContain('Science 7 ← Ana Lopez');
    await expect(refusal(() => app.call('matching.unreject', pair))).resolves.toMatchObject({ code: 'not_found' });
  });

  it('blocks a manual override that breaks a hard rule, naming it; allows one that breaks soft rules and shows them', async () => {
    const app = await school();
    const before = rows(app);
    const blocked = await refusal(() =>
      app.call('matching.override', { mentorId: app.lee.id, accommodationId: app.jordan.accommodationId, startDate: TODAY }),
    );
    expect(blocked).toMatchObject({
      code: 'conflict',
      message: "This pair breaks a rule no override can: Lee's training 'instructional techniques' expired on 2026-09-30.",
    });
    expect(rows(app)).toEqual(before);

    const check = await app.call('matching.checkPair', {
      mentorId: app.lee.id,
      accommodationId: app.alex.accommodationId,
      startDate: TODAY,
    });
    expect(check.allowed).toBe(true);
    expect(check.softConcerns).toContainEqual({ kind: 'grade', message: 'Lee (grade 9) and Alex (grade 7) are 2 grades apart.' });
    const made = await app.call('matching.override', { mentorId: app.lee.id, accommodationId: app.alex.accommodationId, startDate: TODAY });
    expect(made.assignment).toMatchObject({ mentorName: 'Lee Park', settingClass: 'Science 7' });
    expect(made.softConcerns).toEqual(check.softConcerns);
    const [event] = app.db.select().from(auditEvents).where(eq(auditEvents.action, 'matching.override')).all();
    expect(JSON.parse(event?.detail ?? '{}')).toMatchObject({ mentorId: app.lee.id, softRules: expect.stringContaining('grade') });
    expect(auditActions(app).slice(-2)).toEqual(['assignment.created', 'matching.override']);
  });

  it('a rotation run keeps pairs marked as working and proposes new pairs for the rest, ending the old ones on accept', async () => {
    const app = await school();
    const first = await suggest(app);
    const { created } = await app.call('matching.accept', { startDate: TODAY, suggestions: accepted(first) });
    const samMath = created.find((a) => a.mentorId === app.sam.id);
    const anaScience = created.find((a) => a.mentorId === app.ana.id);
    if (!samMath || !anaScience) throw new Error('expected Sam in Math 7 and Ana in Science 7');
    await app.call('matching.markWorking', { assignmentId: samMath.id, working: true });
    const kim = await app.call(
      'mentors.create',
      mentorInput({ firstName: 'Kim', preferredName: undefined, lastName: 'Nguyen', availability: [{ day: 'tue', period: 5 }] }),
    );

    const term = '2026-11-02';
    const rotation = await app.call('matching.suggest', { startDate: term, mode: 'rotation' });
    expect(rotation.keptPairs).toEqual([expect.objectContaining({ assignmentId: samMath.id, mentorName: 'Sam Rivera', markedOn: TODAY })]);
    const science = rotation.suggestions.find((s) => s.accommodationId === app.alex.accommodationId);
    expect(science).toMatchObject({ mentorId: kim.id, replacesAssignmentId: anaScience.id, continues: false });
    expect(science?.reasons.find((r) => r.kind === 'rotation')?.text).toBe('A new pair, as rotating pairs advises.');
    expect(rotation.suggestions.some((s) => s.mentorId === app.sam.id && s.accommodationId === app.jordan.accommodationId)).toBe(false);

    expect(rotation.ending).toEqual([
      {
        assignmentId: anaScience.id,
        accommodationId: app.alex.accommodationId,
        settingClass: 'Science 7',
        studentName: 'Alex Sample',
        mentorId: app.ana.id,
        mentorName: 'Ana Lopez',
      },
    ]);
    const ending = rotation.ending.map((pair) => pair.assignmentId);
    const result = await app.call('matching.accept', { startDate: term, suggestions: accepted(rotation), ending });
    expect(result.ended).toBe(1);
    const [ended] = app.db.select().from(assignments).where(eq(assignments.id, anaScience.id)).all();
    expect(ended).toMatchObject({ endDate: term, endReason: 'reassigned' });
    expect(app.db.select().from(assignments).where(eq(assignments.id, samMath.id)).get()).toMatchObject({ endDate: null });
    expect(await app.call('assignments.listForAccommodation', { accommodationId: app.alex.accommodationId })).toContainEqual(
      expect.objectContaining({ mentorId: kim.id, startDate: term }),
    );
  });

  it('only a running pair can be marked as working, and a mark can be taken back', async () => {
    const app = await school();
    const made = await app.call('assignments.create', {
      mentorId: app.sam.id,
      accommodationId: app.jordan.accommodationId,
      startDate: '2026-09-08',
    });
    expect(await app.call('matching.markWorking', { assignmentId: made.id, working: true })).toEqual({
      assignmentId: made.id,
      working: true,
    });
    expect((await app.call('matching.suggest', { startDate: TODAY, mode: 'rotation' })).keptPairs).toHaveLength(1);
    await app.call('matching.markWorking', { assignmentId: made.id, working: false });
    expect((await app.call('matching.suggest', { startDate: TODAY, mode: 'rotation' })).keptPairs).toEqual([]);
    await app.call('assignments.end', { id: made.id, endDate: '2026-10-01', reason: 'finished' });
    expect(await refusal(() => app.call('matching.markWorking', { assignmentId: made.id, working: true }))).toMatchObject({
      code: 'conflict',
    });
    expect(auditActions(app)).toEqual(expect.arrayContaining(['matching.pair_kept', 'matching.pair_unkept']));
  });
});

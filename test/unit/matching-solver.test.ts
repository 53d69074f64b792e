import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyIndex, pairSignals } from '../../src-main/services/matching/candidates';
import { type ArcList, improvingArcs, minCostMaxFlow } from '../../src-main/services/matching/min-cost-flow';
import type { MatchingProblem } from '../../src-main/services/matching/problem';
import { pairExclusions, pairKey, pairLists } from '../../src-main/services/matching/rules';
import { balancePoints, pairScore } from '../../src-main/services/matching/scoring';
import { solveMatching } from '../../src-main/services/matching/solve';
import { arbitraryProblem, mentor, problem, seat, shuffled } from './matching-fixtures';

/** Every plan the rules allow, tried one by one: the most seats filled, then the highest score. */
function bruteForce(p: MatchingProblem): { seatsFilled: number; totalScore: number } {
  const lists = pairLists(p);
  const history = historyIndex(p.history);
  const allowed = p.seats.map((s) => p.candidates.map((c) => pairExclusions(p.date, lists, s, c).length === 0));
  const scores = p.seats.map((s) =>
    p.candidates.map((c) => pairScore(p.weights, pairSignals(s, c, history.get(pairKey(c.mentorId, s.accommodation.studentId))))),
  );
  const taken = p.candidates.map(() => 0);
  let best = { seatsFilled: -1, totalScore: Number.NEGATIVE_INFINITY };

  function visit(s: number, filled: number, score: number): void {
    if (s === p.seats.length) {
      let total = score;
      p.candidates.forEach((c, i) => {
        for (let more = 0; more < (taken[i] ?? 0); more += 1)
          total += p.weights.balance * balancePoints(c.activeAssignments + more, c.facts.loadCap);
      });
      if (filled > best.seatsFilled || (filled === best.seatsFilled && total > best.totalScore))
        best = { seatsFilled: filled, totalScore: total };
      return;
    }
    const open = p.seats[s]?.openSeats ?? 0;
    const options = p.candidates.map((_, i) => i).filter((i) => allowed[s]?.[i]);
    const choose = (from: number, chosen: number[]) => {
      const gained = chosen.reduce((sum, i) => sum + (scores[s]?.[i] ?? 0), 0);
      visit(s + 1, filled + chosen.length, score + gained);
      if (chosen.length === open) return;
      for (let k = from; k < options.length; k += 1) {
        const i = options[k] as number;
        const c = p.candidates[i];
        if (!c || (taken[i] ?? 0) >= c.facts.loadCap - c.activeAssignments) continue;
        taken[i] = (taken[i] ?? 0) + 1;
        choose(k + 1, [...chosen, i]);
        taken[i] = (taken[i] ?? 0) - 1;
      }
    };
    choose(0, []);
  }
  visit(0, 0, 0);
  return best;
}

describe('the optimal plan', () => {
  it('never suggests a pair that breaks a hard rule, nor more than a mentor can take or a seat needs', () => {
    fc.assert(
      fc.property(arbitraryProblem, (p) => {
        const result = solveMatching(p);
        const lists = pairLists(p);
        const perMentor = new Map<string, number>();
        const perSeat = new Map<string, number>();
        for (const suggestion of result.suggestions) {
          const s = p.seats.find((entry) => entry.accommodationId === suggestion.accommodationId);
          const c = p.candidates.find((entry) => entry.mentorId === suggestion.mentorId);
          if (!s || !c) throw new Error('a suggestion names someone outside the problem');
          expect(pairExclusions(p.date, lists, s, c)).toEqual([]);
          perMentor.set(c.mentorId, (perMentor.get(c.mentorId) ?? 0) + 1);
          perSeat.set(s.accommodationId, (perSeat.get(s.accommodationId) ?? 0) + 1);
        }
        for (const c of p.candidates) {
          expect(perMentor.get(c.mentorId) ?? 0).toBeLessThanOrEqual(Math.max(0, c.facts.loadCap - c.activeAssignments));
        }
        for (const s of p.seats) expect(perSeat.get(s.accommodationId) ?? 0).toBeLessThanOrEqual(s.openSeats);
        const pairs = result.suggestions.map((suggestion) => `${suggestion.mentorId}/${suggestion.accommodationId}`);
        expect(new Set(pairs).size).toBe(pairs.length);
      }),
      { numRuns: 300 },
    );
  });

  it('fills as many seats as a brute-force search, with the same total score — with and without pruning candidates', () => {
    let contested = 0;
    fc.assert(
      fc.property(arbitraryProblem, fc.constantFrom(1, 2, 12), (p, candidatesPerSeat) => {
        const result = solveMatching(p, { candidatesPerSeat });
        expect({ seatsFilled: result.totals.seatsFilled, totalScore: result.totals.totalScore }).toEqual(bruteForce(p));
        if (result.totals.seatsFilled >= 2) contested += 1;
      }),
      { numRuns: 400 },
    );
    // The instances must not be trivial: many fill two seats or more.
    expect(contested).toBeGreaterThan(60);
  });

  it('gives the same output for the same input, in whatever order the lists come, and after a structured clone (a worker thread)', () => {
    fc.assert(
      fc.property(arbitraryProblem, fc.nat(), (p, seed) => {
        const result = solveMatching(p);
        expect(solveMatching(p)).toEqual(result);
        expect(solveMatching(shuffled(p, seed))).toEqual(result);
        expect(solveMatching(structuredClone(p))).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });

  it('adds up: each suggestion scores the sum of its reasons, the total the sum of the suggestions, every seat counted once', () => {
    fc.assert(
      fc.property(arbitraryProblem, (p) => {
        const { suggestions, openSeats, totals } = solveMatching(p);
        for (const suggestion of suggestions)
          expect(suggestion.score).toBe(suggestion.reasons.reduce((sum, reason) => sum + reason.points, 0));
        expect(totals.totalScore).toBe(suggestions.reduce((sum, suggestion) => sum + suggestion.score, 0));
        expect(totals.seats).toBe(p.seats.reduce((sum, s) => sum + s.openSeats, 0));
        expect(totals.seatsFilled + totals.seatsOpen).toBe(totals.seats);
        expect(openSeats.reduce((sum, open) => sum + open.seatsOpen, 0)).toBe(totals.seatsOpen);
      }),
      { numRuns: 200 },
    );
  });

  it('breaks ties by id: two equally good mentors, the lower id gets the seat', () => {
    const twin = (id: string) => mentor({ mentorId: id, mentorName: id });
    const result = solveMatching(problem({ candidates: [twin('mentor-bbbbbb'), twin('mentor-aaaaaa')] }));
    expect(result.suggestions.map((s) => s.mentorId)).toEqual(['mentor-aaaaaa']);
  });

  it('spreads peers over mentors when the balance weight asks for it', () => {
    const seats = [
      seat({ accommodationId: 'accommodation-1' }),
      seat({ accommodationId: 'accommodation-2', accommodation: { studentId: 'student-alex' } }),
    ];
    // Sam shares an interest with both students; Ana shares none but is free.
    const sam = mentor({ facts: { loadCap: 2 } });
    const ana = mentor({
      mentorId: 'mentor-ana',
      mentorName: 'Ana Lopez',
      interests: [],
      facts: { firstName: 'Ana', preferredName: null },
    });
    const spread = solveMatching(problem({ seats, candidates: [sam, ana], weights: { ...problem().weights, balance: 10 } }));
    expect(spread.suggestions.map((s) => s.mentorId).sort()).toEqual(['mentor-ana', 'mentor-sam']);
    const packed = solveMatching(problem({ seats, candidates: [sam, ana], weights: { ...problem().weights, balance: 0 } }));
    expect(packed.suggestions.map((s) => s.mentorId)).toEqual(['mentor-sam', 'mentor-sam']);
  });

  it('in a rotation, names the assignment each suggestion takes over, a pair that continues, and the pairs the plan ends', () => {
    const replaces = [{ assignmentId: 'assignment-old', mentorId: 'mentor-sam' }];
    const sam = mentor();
    const ana = mentor({ mentorId: 'mentor-ana', mentorName: 'Ana Lopez', facts: { firstName: 'Ana', preferredName: null } });
    const history = [{ mentorId: 'mentor-sam', studentId: 'student-jordan', since: '2026-09-08', checkIns: 0, checkInAverage: null }];
    // Rotation outweighs continuity: Ana takes over.
    const rotated = solveMatching(problem({ seats: [seat({ replaces })], candidates: [sam, ana], history }));
    expect(rotated.suggestions).toEqual([
      expect.objectContaining({ mentorId: 'mentor-ana', replacesAssignmentId: 'assignment-old', continues: false }),
    ]);
    expect(rotated.ending).toEqual([
      {
        assignmentId: 'assignment-old',
        accommodationId: 'accommodation-math7',
        settingClass: 'Math 7',
        studentName: 'Jordan Example',
        mentorId: 'mentor-sam',
        mentorName: 'Sam Rivera',
      },
    ]);
    // With only Sam eligible, the pair continues rather than leaving Jordan without a mentor.
    const kept = solveMatching(problem({ seats: [seat({ replaces })], candidates: [sam], history }));
    expect(kept.suggestions).toEqual([
      expect.objectContaining({ mentorId: 'mentor-sam', replacesAssignmentId: 'assignment-old', continues: true }),
    ]);
    expect(kept.ending).toEqual([]);
    // Nobody eligible (Sam's consent lapsed): the old pair ends all the same and the seat shows as open, with why.
    const lapsed = solveMatching(
      problem({ seats: [seat({ replaces })], candidates: [mentor({ facts: { consentGivenOn: null } })], history }),
    );
    expect(lapsed.ending.map((pair) => pair.assignmentId)).toEqual(['assignment-old']);
    expect(lapsed.openSeats).toHaveLength(1);
  });
});

describe('min-cost max-flow', () => {
  const arcs = (list: [number, number, number, number][]): ArcList => ({
    from: Int32Array.from(list, (a) => a[0]),
    to: Int32Array.from(list, (a) => a[1]),
    capacity: Int32Array.from(list, (a) => a[2]),
    cost: Int32Array.from(list, (a) => a[3]),
  });

  it('prefers more flow to a cheaper one, then the cheapest, and proves it with its potentials', () => {
    // 0 → 2 → 1 carries one unit at −5; 0 → 3 → 1 one more at +4: max flow 2 wins over min cost.
    const network = arcs([
      [0, 2, 1, 0],
      [0, 3, 1, 0],
      [2, 1, 1, -5],
      [3, 1, 1, 4],
    ]);
    const result = minCostMaxFlow(4, network, 0, 1);
    expect(result).toMatchObject({ totalFlow: 2, totalCost: -1 });
    for (let i = 0; i < 4; i += 1) {
      const reduced =
        (network.cost[i] as number) +
        (result.potential[network.from[i] as number] as number) -
        (result.potential[network.to[i] as number] as number);
      if ((result.flow[i] as number) < (network.capacity[i] as number)) expect(reduced).toBeGreaterThanOrEqual(0);
      if ((result.flow[i] as number) > 0) expect(reduced).toBeLessThanOrEqual(0);
    }
  });

  it('tells which left-out arcs could improve a flow, and none when none could', () => {
    const network = arcs([
      [0, 2, 1, 0],
      [2, 3, 1, -1],
      [3, 1, 1, 0],
    ]);
    const result = minCostMaxFlow(5, network, 0, 1);
    // A dearer way from 2 to the sink cannot help; a cheaper one can; a way from the source to a free node can add flow.
    expect(improvingArcs(5, network, result, arcs([[2, 1, 1, 3]]), 0, 1)).toEqual([]);
    expect(improvingArcs(5, network, result, arcs([[2, 1, 1, -3]]), 0, 1)).toEqual([0]);
    expect(
      improvingArcs(
        5,
        network,
        result,
        arcs([
          [0, 4, 1, 0],
          [4, 1, 1, 0],
        ]),
        0,
        1,
      ),
    ).toEqual([0, 1]);
  });
});

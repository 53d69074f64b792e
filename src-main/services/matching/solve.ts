/**
 * The optimal plan for a whole program at once. Objective, in this order: fill as many seats as
 * possible (each is support a plan promises), then the highest total score. As a network:
 *
 *   source ─(open seats)→ seat ─(1, −pair score)→ mentor ─(1 per further peer, −balance points)→ sink
 *
 * and a min-cost max-flow of it (min-cost-flow.ts) is the plan. A mentor's arcs to the sink get
 * dearer peer by peer, which is what balancing load means, and still keeps the problem exact.
 *
 * Candidate pruning that keeps the optimum: the network first holds only each seat's
 * `candidatesPerSeat` best-scoring mentors and each mentor's as many best seats; the flow's
 * potentials then prove, for every allowed pair left out, that it could not improve the plan — or
 * the pairs that might are added and the network solved again, until the proof holds. So the plan
 * is optimal over every pair the hard rules allow, not merely over the pruned ones.
 *
 * Ties between equally good plans go to the one this id-ordered search meets first: seats and
 * mentors are sorted by id before anything else, so the same facts always give the same plan.
 * Pure: callable from a worker thread with a structured-cloned problem.
 */
import type { EndingPair, MatchSuggestion, OpenSeat } from '../../contract/matching';
import { buildCandidateGraph, type CandidateGraph } from './candidates';
import { explainOpenSeat, suggestionReasons } from './explain';
import { type ArcList, improvingArcs, minCostMaxFlow } from './min-cost-flow';
import type { MatchingProblem, MatchingResult } from './problem';
import { pairKey } from './rules';
import { balancePoints } from './scoring';

export interface SolveOptions {
  /** How many best-scoring mentors per seat (and seats per mentor) the first network holds; more are added when they could help. */
  candidatesPerSeat?: number;
}

export const CANDIDATES_PER_SEAT = 12;

const SOURCE = 0;
const SINK = 1;

/** More edges than this for one seat or one mentor are out of reach for a school district. */
const POSITIONS = 2 ** 24;

/** Marks the best `k` of the edges group[first] … group[end − 1] (score, then their order in the group). */
function markBest(graph: CandidateGraph, group: Int32Array, first: number, end: number, k: number, included: Uint8Array): void {
  const count = end - first;
  if (count <= k) {
    for (let i = first; i < end; i += 1) included[group[i] as number] = 1;
    return;
  }
  // One number per edge orders by score (high first), then by position: a native numeric sort.
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i += 1) keys[i] = -(graph.edgeScore[group[first + i] as number] as number) * POSITIONS + i;
  keys.sort();
  for (let i = 0; i < k; i += 1) {
    const key = keys[i] as number;
    included[group[first + (key - Math.floor(key / POSITIONS) * POSITIONS)] as number] = 1;
  }
}

/**
 * The first network's edges: each seat's `k` best mentors and each mentor's `k` best seats. The
 * mentors' side matters: a mentor no seat ranks near its top is exactly who an optimal plan may
 * still need once the popular mentors are full.
 */
function firstEdges(graph: CandidateGraph, k: number): Uint8Array {
  const edges = graph.edgeMentor.length;
  const included = new Uint8Array(edges);
  const inOrder = new Int32Array(edges);
  for (let edge = 0; edge < edges; edge += 1) inOrder[edge] = edge;
  for (let s = 0; s < graph.seats.length; s += 1)
    markBest(graph, inOrder, graph.edgeStart[s] as number, graph.edgeStart[s + 1] as number, k, included);
  // The same edges grouped by mentor (a counting sort keeps each mentor's edges in seat order).
  const mentorStart = new Int32Array(graph.candidates.length + 1);
  for (const c of graph.edgeMentor) mentorStart[c + 1] = (mentorStart[c + 1] as number) + 1;
  for (let c = 0; c < graph.candidates.length; c += 1) mentorStart[c + 1] = (mentorStart[c + 1] as number) + (mentorStart[c] as number);
  const next = mentorStart.slice(0, graph.candidates.length);
  const byMentor = new Int32Array(edges);
  for (let edge = 0; edge < edges; edge += 1) {
    const c = graph.edgeMentor[edge] as number;
    byMentor[next[c] as number] = edge;
    next[c] = (next[c] as number) + 1;
  }
  for (let c = 0; c < graph.candidates.length; c += 1)
    markBest(graph, byMentor, mentorStart[c] as number, mentorStart[c + 1] as number, k, included);
  return included;
}

/** The network for the edges in `included`, and the allowed edges left out of it (their arcs, for the optimality check). */
function networkFor(graph: CandidateGraph, balanceWeight: number, included: Uint8Array) {
  const seatNode = (s: number) => 2 + s;
  const mentorNode = (c: number) => 2 + graph.seats.length + c;
  const units = graph.room.reduce((sum, room) => sum + room, 0);
  const inside = included.reduce((sum, flag) => sum + flag, 0);
  const fixed = graph.seats.length + units;
  const network = emptyArcs(fixed + inside);
  const left = emptyArcs(included.length - inside);
  const leftEdges = new Int32Array(included.length - inside);
  const insideEdges = new Int32Array(inside);
  let arc = 0;
  const put = (arcs: ArcList, i: number, from: number, to: number, capacity: number, cost: number) => {
    arcs.from[i] = from;
    arcs.to[i] = to;
    arcs.capacity[i] = capacity;
    arcs.cost[i] = cost;
  };
  graph.seats.forEach((seat, s) => {
    put(network, arc++, SOURCE, seatNode(s), seat.openSeats, 0);
  });
  graph.candidates.forEach((candidate, c) => {
    for (let more = 0; more < (graph.room[c] as number); more += 1) {
      const points = balancePoints(candidate.activeAssignments + more, candidate.facts.loadCap);
      put(network, arc++, mentorNode(c), SINK, 1, -balanceWeight * points);
    }
  });
  let out = 0;
  for (let edge = 0; edge < included.length; edge += 1) {
    const from = seatNode(graph.edgeSeat[edge] as number);
    const to = mentorNode(graph.edgeMentor[edge] as number);
    const cost = -(graph.edgeScore[edge] as number);
    if (included[edge]) {
      insideEdges[arc - fixed] = edge;
      put(network, arc++, from, to, 1, cost);
    } else {
      leftEdges[out] = edge;
      put(left, out++, from, to, 1, cost);
    }
  }
  return { nodeCount: 2 + graph.seats.length + graph.candidates.length, network, fixed, insideEdges, left, leftEdges };
}

function emptyArcs(n: number): ArcList {
  return { from: new Int32Array(n), to: new Int32Array(n), capacity: new Int32Array(n), cost: new Int32Array(n) };
}

/** The edges of the optimal plan (indexes into the graph's edge lists). */
export function optimalEdges(graph: CandidateGraph, balanceWeight: number, candidatesPerSeat: number): number[] {
  const included = firstEdges(graph, candidatesPerSeat);
  for (;;) {
    const { nodeCount, network, fixed, insideEdges, left, leftEdges } = networkFor(graph, balanceWeight, included);
    const result = minCostMaxFlow(nodeCount, network, SOURCE, SINK);
    const missing = improvingArcs(nodeCount, network, result, left, SOURCE, SINK, candidatesPerSeat);
    if (missing.length === 0) return [...insideEdges].filter((_, i) => (result.flow[fixed + i] as number) > 0);
    for (const i of missing) included[leftEdges[i] as number] = 1;
  }
}

/** Turns the chosen edges into suggestions (with who takes over which running pair) and explained open seats. */
function describePlan(problem: MatchingProblem, graph: CandidateGraph, chosen: readonly number[]): MatchingResult {
  const { seats, candidates } = graph;
  const mentorsOf = seats.map(() => [] as number[]);
  const seatsOf = candidates.map(() => [] as number[]);
  for (const edge of chosen) {
    const s = graph.edgeSeat[edge] as number;
    const c = graph.edgeMentor[edge] as number;
    mentorsOf[s]?.push(c);
    seatsOf[c]?.push(s);
  }
  // A mentor's further peers earn fewer balance points; their seats take them in accommodation-id order.
  const loadBefore = new Map<string, number>();
  seatsOf.forEach((list, c) => {
    list.sort((a, b) => a - b);
    list.forEach((s, more) => {
      loadBefore.set(`${s}:${c}`, (candidates[c]?.activeAssignments ?? 0) + more);
    });
  });

  const suggestions: MatchSuggestion[] = [];
  const openSeats: OpenSeat[] = [];
  const ending: EndingPair[] = [];
  const nameOf = new Map(candidates.map((candidate) => [candidate.mentorId, candidate.mentorName]));
  const placedAt = seatsOf.map((list) => list.map((s) => seats[s]?.accommodation.settingClass ?? ''));
  seats.forEach((seat, s) => {
    const mentors = (mentorsOf[s] ?? []).sort((a, b) => a - b);
    const chosenIds = new Set(mentors.map((c) => candidates[c]?.mentorId));
    const continuing = new Map(seat.replaces.filter((r) => chosenIds.has(r.mentorId)).map((r) => [r.mentorId, r.assignmentId]));
    const toReplace = seat.replaces.filter((r) => !continuing.has(r.mentorId)).map((r) => r.assignmentId);
    const where = {
      accommodationId: seat.accommodationId,
      settingClass: seat.accommodation.settingClass,
      role: seat.accommodation.role,
      studentId: seat.accommodation.studentId,
      studentName: seat.studentName,
    };
    for (const c of mentors) {
      const candidate = candidates[c];
      if (!candidate) continue;
      const history = graph.history.get(pairKey(candidate.mentorId, seat.accommodation.studentId));
      const reasons = suggestionReasons(problem.weights, seat, candidate, history, loadBefore.get(`${s}:${c}`) ?? 0);
      const continues = continuing.get(candidate.mentorId);
      suggestions.push({
        ...where,
        mentorId: candidate.mentorId,
        mentorName: candidate.mentorName,
        replacesAssignmentId: continues ?? toReplace.shift() ?? null,
        continues: continues !== undefined,
        score: reasons.reduce((sum, reason) => sum + reason.points, 0),
        reasons,
      });
    }
    // The plan freed these mentors' places: their old pairs end, whether or not someone takes the seat over.
    for (const released of seat.replaces) {
      if (continuing.has(released.mentorId)) continue;
      ending.push({
        assignmentId: released.assignmentId,
        accommodationId: seat.accommodationId,
        settingClass: seat.accommodation.settingClass,
        studentName: seat.studentName,
        mentorId: released.mentorId,
        mentorName: nameOf.get(released.mentorId) ?? '',
      });
    }
    if (mentors.length < seat.openSeats) {
      const context = { date: problem.date, lists: graph.lists, placedAt };
      const fillingIt = new Set(mentors);
      openSeats.push({ ...where, seatsOpen: seat.openSeats - mentors.length, ...explainOpenSeat(context, seat, candidates, fillingIt) });
    }
  });
  const seatCount = seats.reduce((sum, seat) => sum + seat.openSeats, 0);
  return {
    suggestions,
    openSeats,
    ending,
    totals: {
      seats: seatCount,
      seatsFilled: suggestions.length,
      seatsOpen: seatCount - suggestions.length,
      totalScore: suggestions.reduce((sum, suggestion) => sum + suggestion.score, 0),
    },
  };
}

export function solveMatching(problem: MatchingProblem, options: SolveOptions = {}): MatchingResult {
  const graph = buildCandidateGraph(problem);
  const chosen = optimalEdges(graph, problem.weights.balance, options.candidatesPerSeat ?? CANDIDATES_PER_SEAT);
  return describePlan(problem, graph, chosen);
}

/**
 * Minimum-cost maximum flow on integer costs: successive shortest paths with node potentials
 * (Johnson), in the primal-dual form — after each Dijkstra, every shortest augmenting path left on
 * the zero-reduced-cost arcs is used (a Dinic blocking flow) before the next Dijkstra, so a run of
 * equally good paths costs one Dijkstra. Dijkstra stops at the sink and caps the other distances at
 * the sink's, which keeps every residual arc's reduced cost non-negative for all nodes: the final
 * potentials are a proof of optimality, and `improvingArcs` uses that proof to tell whether arcs
 * left out of the network could have done better.
 *
 * Generic (nodes and arcs are numbers), pure and deterministic: arcs are scanned in the order they
 * were given and heap ties go to the lower node number.
 */

export interface ArcList {
  from: Int32Array;
  to: Int32Array;
  capacity: Int32Array;
  /** Integer costs; may be negative (there must be no negative cycle). */
  cost: Int32Array;
}

export interface FlowResult {
  /** Units on each arc, in the order of the arc list. */
  flow: Int32Array;
  /** Node potentials: every residual arc has cost + potential[from] − potential[to] ≥ 0. */
  potential: Float64Array;
  totalFlow: number;
  totalCost: number;
}

function precedes(key: number, node: number, otherKey: number, otherNode: number): boolean {
  return key < otherKey || (key === otherKey && node < otherNode);
}

/** A binary min-heap of (distance, node), ties to the lower node; fixed capacity, no allocation per push. */
class NodeHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  push(key: number, node: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!precedes(key, node, this.keys[parent] as number, this.nodes[parent] as number)) break;
      this.keys[i] = this.keys[parent] as number;
      this.nodes[i] = this.nodes[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  get topKey(): number {
    return this.keys[0] as number;
  }

  /** Removes the smallest entry and returns its node; read `topKey` first for its distance. */
  pop(): number {
    const top = this.nodes[0] as number;
    const size = --this.size;
    const key = this.keys[size] as number;
    const node = this.nodes[size] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (
        right < size &&
        precedes(this.keys[right] as number, this.nodes[right] as number, this.keys[child] as number, this.nodes[child] as number)
      ) {
        child = right;
      }
      if (!precedes(this.keys[child] as number, this.nodes[child] as number, key, node)) break;
      this.keys[i] = this.keys[child] as number;
      this.nodes[i] = this.nodes[child] as number;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}

/** Arc ids grouped by their tail node, in id order: arcs of node u are ids[start[u]] … ids[start[u + 1] − 1]. */
function adjacency(nodeCount: number, tails: Int32Array): { start: Int32Array; ids: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const tail of tails) start[tail + 1] = (start[tail + 1] as number) + 1;
  for (let u = 0; u < nodeCount; u += 1) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const next = start.slice(0, nodeCount);
  const ids = new Int32Array(tails.length);
  tails.forEach((tail, id) => {
    ids[next[tail] as number] = id;
    next[tail] = (next[tail] as number) + 1;
  });
  return { start, ids };
}

/** Shortest distances from a virtual node joined to every node at cost 0 (Bellman–Ford): valid potentials for negative costs. */
function johnsonPotentials(nodeCount: number, arcs: ArcList): Float64Array {
  const potential = new Float64Array(nodeCount);
  for (let pass = 0; pass <= nodeCount; pass += 1) {
    let changed = false;
    for (let i = 0; i < arcs.from.length; i += 1) {
      if ((arcs.capacity[i] as number) <= 0) continue;
      const through = (potential[arcs.from[i] as number] as number) + (arcs.cost[i] as number);
      if (through < (potential[arcs.to[i] as number] as number)) {
        potential[arcs.to[i] as number] = through;
        changed = true;
      }
    }
    if (!changed) return potential;
  }
  throw new Error('minCostMaxFlow: the network has a negative cycle');
}

export function minCostMaxFlow(nodeCount: number, arcs: ArcList, source: number, sink: number): FlowResult {
  const arcCount = arcs.from.length;
  // Residual arcs: 2i is arc i, 2i + 1 its reverse.
  const head = new Int32Array(2 * arcCount);
  const tail = new Int32Array(2 * arcCount);
  const residual = new Int32Array(2 * arcCount);
  const cost = new Float64Array(2 * arcCount);
  for (let i = 0; i < arcCount; i += 1) {
    const from = arcs.from[i] as number;
    const to = arcs.to[i] as number;
    head[2 * i] = to;
    tail[2 * i] = from;
    head[2 * i + 1] = from;
    tail[2 * i + 1] = to;
    residual[2 * i] = arcs.capacity[i] as number;
    cost[2 * i] = arcs.cost[i] as number;
    cost[2 * i + 1] = -(arcs.cost[i] as number);
  }
  const { start, ids } = adjacency(nodeCount, tail);
  const potential = johnsonPotentials(nodeCount, arcs);
  const reduced = (e: number) => (cost[e] as number) + (potential[tail[e] as number] as number) - (potential[head[e] as number] as number);

  const dist = new Float64Array(nodeCount);
  // A node enters the heap at most once per arc into it, plus the source.
  const heap = new NodeHeap(2 * arcCount + 1);
  /** Dijkstra on reduced costs, then potentials += distances capped at the sink's. False when the sink is out of reach. */
  function reweight(): boolean {
    dist.fill(Number.POSITIVE_INFINITY);
    dist[source] = 0;
    heap.size = 0;
    heap.push(0, source);
    while (heap.size > 0) {
      const d = heap.topKey;
      const u = heap.pop();
      if (d > (dist[u] as number)) continue;
      if (u === sink) break;
      for (let k = start[u] as number; k < (start[u + 1] as number); k += 1) {
        const e = ids[k] as number;
        if ((residual[e] as number) <= 0) continue;
        const v = head[e] as number;
        const through = d + reduced(e);
        if (through < (dist[v] as number)) {
          dist[v] = through;
          heap.push(through, v);
        }
      }
    }
    const cap = dist[sink] as number;
    if (cap === Number.POSITIVE_INFINITY) return false;
    for (let v = 0; v < nodeCount; v += 1) potential[v] = (potential[v] as number) + Math.min(dist[v] as number, cap);
    return true;
  }

  const level = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const admissible = (e: number) => (residual[e] as number) > 0 && reduced(e) === 0;
  /** Levels over the zero-reduced-cost arcs; false when they no longer reach the sink. */
  function levels(): boolean {
    level.fill(-1);
    level[source] = 0;
    queue[0] = source;
    for (let read = 0, write = 1; read < write; read += 1) {
      const u = queue[read] as number;
      // Nodes as deep as the sink or deeper lie on no shortest path to it.
      if ((level[sink] as number) >= 0 && (level[u] as number) >= (level[sink] as number)) break;
      for (let k = start[u] as number; k < (start[u + 1] as number); k += 1) {
        const e = ids[k] as number;
        const v = head[e] as number;
        if ((level[v] as number) < 0 && admissible(e)) {
          level[v] = (level[u] as number) + 1;
          queue[write++] = v;
        }
      }
    }
    return (level[sink] as number) >= 0;
  }

  const next = new Int32Array(nodeCount);
  const path = new Int32Array(nodeCount);
  /** One augmenting path along the levels (iterative DFS with per-node arc pointers); returns the units pushed. */
  function augment(): number {
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let units = Number.POSITIVE_INFINITY;
        for (let i = 0; i < depth; i += 1) units = Math.min(units, residual[path[i] as number] as number);
        for (let i = 0; i < depth; i += 1) {
          const e = path[i] as number;
          residual[e] = (residual[e] as number) - units;
          residual[e ^ 1] = (residual[e ^ 1] as number) + units;
        }
        return units;
      }
      let advanced = false;
      for (; (next[u] as number) < (start[u + 1] as number); next[u] = (next[u] as number) + 1) {
        const e = ids[next[u] as number] as number;
        const v = head[e] as number;
        if (level[v] === (level[u] as number) + 1 && admissible(e)) {
          path[depth++] = e;
          u = v;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      if (u === source) return 0;
      level[u] = -1;
      const back = path[--depth] as number;
      u = tail[back] as number;
      next[u] = (next[u] as number) + 1;
    }
  }

  let totalFlow = 0;
  while (reweight()) {
    while (levels()) {
      next.set(start.subarray(0, nodeCount));
      for (let units = augment(); units > 0; units = augment()) totalFlow += units;
    }
  }

  const flow = new Int32Array(arcCount);
  let totalCost = 0;
  for (let i = 0; i < arcCount; i += 1) {
    flow[i] = (arcs.capacity[i] as number) - (residual[2 * i] as number);
    totalCost += (flow[i] as number) * (arcs.cost[i] as number);
  }
  return { flow, potential, totalFlow, totalCost };
}

/** Nodes reachable from `origin` over arcs tails[i] → heads[i]. */
function reachable(nodeCount: number, tails: Int32Array, heads: Int32Array, origin: number): Uint8Array {
  const { start, ids } = adjacency(nodeCount, tails);
  const seen = new Uint8Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  seen[origin] = 1;
  queue[0] = origin;
  for (let read = 0, write = 1; read < write; read += 1) {
    const u = queue[read] as number;
    for (let k = start[u] as number; k < (start[u + 1] as number); k += 1) {
      const v = heads[ids[k] as number] as number;
      if (!seen[v]) {
        seen[v] = 1;
        queue[write++] = v;
      }
    }
  }
  return seen;
}

/** The residual arcs of a solved network: tail, head and cost of each. */
function residualArcs(arcs: ArcList, result: FlowResult) {
  const tails: number[] = [];
  const heads: number[] = [];
  const costs: number[] = [];
  for (let i = 0; i < arcs.from.length; i += 1) {
    const flow = result.flow[i] as number;
    if (flow < (arcs.capacity[i] as number)) {
      tails.push(arcs.from[i] as number);
      heads.push(arcs.to[i] as number);
      costs.push(arcs.cost[i] as number);
    }
    if (flow > 0) {
      tails.push(arcs.to[i] as number);
      heads.push(arcs.from[i] as number);
      costs.push(-(arcs.cost[i] as number));
    }
  }
  return { tails: Int32Array.from(tails), heads: Int32Array.from(heads), costs: Float64Array.from(costs) };
}

/**
 * Another proof of the same optimum, as good as it gets for arcs out of the `raise` nodes: first
 * every potential as low as it may be (less its reduced distance to the sink), then each `raise`
 * node as high as its incoming residual arcs allow. Both steps keep every reduced cost ≥ 0, and
 * they make a left-out arc's reduced cost as large as possible, so fewer arcs are suspected.
 */
function sharpenedPotentials(nodeCount: number, arcs: ArcList, result: FlowResult, raise: Uint8Array, sink: number): Float64Array {
  const { tails, heads, costs } = residualArcs(arcs, result);
  const potential = result.potential;
  const reduced = (e: number) =>
    (costs[e] as number) + (potential[tails[e] as number] as number) - (potential[heads[e] as number] as number);
  const { start, ids } = adjacency(nodeCount, heads);
  const toSink = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  toSink[sink] = 0;
  const heap = new NodeHeap(tails.length + 1);
  heap.push(0, sink);
  while (heap.size > 0) {
    const d = heap.topKey;
    const w = heap.pop();
    if (d > (toSink[w] as number)) continue;
    for (let k = start[w] as number; k < (start[w + 1] as number); k += 1) {
      const e = ids[k] as number;
      const u = tails[e] as number;
      const through = d + reduced(e);
      if (through < (toSink[u] as number)) {
        toSink[u] = through;
        heap.push(through, u);
      }
    }
  }
  let farthest = 0;
  for (const d of toSink) if (d !== Number.POSITIVE_INFINITY) farthest = Math.max(farthest, d);
  // Nodes that cannot reach the sink only receive arcs from those that can: lowering them all alike keeps them valid.
  const low = Float64Array.from(potential, (p, v) => p - Math.min(toSink[v] as number, farthest + 1));
  const sharp = Float64Array.from(low);
  for (let v = 0; v < nodeCount; v += 1) {
    if (!raise[v] || (start[v + 1] as number) === (start[v] as number)) continue;
    let highest = Number.POSITIVE_INFINITY;
    for (let k = start[v] as number; k < (start[v + 1] as number); k += 1) {
      const e = ids[k] as number;
      highest = Math.min(highest, (low[tails[e] as number] as number) + (costs[e] as number));
    }
    sharp[v] = highest;
  }
  return sharp;
}

/**
 * Which `extra` arcs — left out of the network, so carrying no flow — could improve `result`: those
 * with a negative reduced cost under (sharpened) optimal potentials, and, when the source reaches
 * the sink through extra arcs, the extra arcs on such paths. An empty answer proves `result` is
 * also a min-cost max-flow of the network with every extra arc added; a non-empty one may include
 * arcs that would not have helped after all (the check is sufficient, not exact). `perTail` keeps
 * the answer small: at most that many arcs out of one node, the cheapest.
 */
export function improvingArcs(
  nodeCount: number,
  arcs: ArcList,
  result: FlowResult,
  extra: ArcList,
  source: number,
  sink: number,
  perTail = Number.POSITIVE_INFINITY,
): number[] {
  const tailsOfExtra = new Uint8Array(nodeCount);
  for (const tail of extra.from) tailsOfExtra[tail] = 1;
  const potential = sharpenedPotentials(nodeCount, arcs, result, tailsOfExtra, sink);
  const improving = new Set<number>();
  for (let i = 0; i < extra.from.length; i += 1) {
    if ((extra.capacity[i] as number) <= 0) continue;
    const reducedCost =
      (extra.cost[i] as number) + (potential[extra.from[i] as number] as number) - (potential[extra.to[i] as number] as number);
    if (reducedCost < 0) improving.add(i);
  }

  // With every arc out of the source full, no augmenting path can start.
  let sourceRoom = 0;
  for (let i = 0; i < arcs.from.length; i += 1) {
    if (arcs.from[i] === source) sourceRoom += (arcs.capacity[i] as number) - (result.flow[i] as number);
  }
  for (let i = 0; i < extra.from.length; i += 1) if (extra.from[i] === source) sourceRoom += extra.capacity[i] as number;
  if (sourceRoom === 0) return [...improving].sort((a, b) => a - b);

  // An augmenting path through one extra arc: add those. Failing that, every extra arc on some augmenting path.
  const residual = residualArcs(arcs, result);
  const reached = reachable(nodeCount, residual.tails, residual.heads, source);
  const reaching = reachable(nodeCount, residual.heads, residual.tails, sink);
  const before = improving.size;
  for (let i = 0; i < extra.from.length; i += 1) {
    if ((extra.capacity[i] as number) > 0 && reached[extra.from[i] as number] && reaching[extra.to[i] as number]) improving.add(i);
  }
  if (improving.size > before) return cheapestPerTail(extra, improving, perTail);
  const open = Array.from({ length: extra.from.length }, (_, i) => i).filter((i) => (extra.capacity[i] as number) > 0);
  const tails = Int32Array.from([...residual.tails, ...open.map((i) => extra.from[i] as number)]);
  const heads = Int32Array.from([...residual.heads, ...open.map((i) => extra.to[i] as number)]);
  const fromSource = reachable(nodeCount, tails, heads, source);
  if (fromSource[sink]) {
    const toSink = reachable(nodeCount, heads, tails, sink);
    for (const i of open) if (fromSource[extra.from[i] as number] && toSink[extra.to[i] as number]) improving.add(i);
  }
  return cheapestPerTail(extra, improving, perTail);
}

/** At most `perTail` of the chosen arcs out of each node, cheapest first (then by index), in index order. */
function cheapestPerTail(extra: ArcList, chosen: ReadonlySet<number>, perTail: number): number[] {
  const ordered = [...chosen].sort((a, b) => (extra.cost[a] as number) - (extra.cost[b] as number) || a - b);
  const taken = new Map<number, number>();
  const kept: number[] = [];
  for (const i of ordered) {
    const tail = extra.from[i] as number;
    const n = taken.get(tail) ?? 0;
    if (n >= perTail) continue;
    taken.set(tail, n + 1);
    kept.push(i);
  }
  return kept.sort((a, b) => a - b);
}

/**
 * Seeded randomness for the demo generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, 128-bit state, passes PractRand) seeded through cyrb128, both as published in bryc's
 * "PRNGs in JavaScript" notes. Every kind of record draws from its own named stream, so adding a new
 * kind of record later (sessions, progress points) leaves the records of the existing kinds unchanged.
 * Never Math.random: the same seed must give the same vault, ids included.
 */

/** cyrb128: a 128-bit string hash, used only to turn (seed, stream name) into sfc32 state. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A sfc32 generator: each call returns the next unsigned 32-bit integer. */
function sfc32(seed: [number, number, number, number]): () => number {
  let [a, b, c, d] = seed;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export class Rng {
  private readonly nextU32: () => number;

  constructor(seed: number, stream: string) {
    this.nextU32 = sfc32(cyrb128(`peerpath-demo:${seed}:${stream}`));
    // The first outputs of a freshly seeded sfc32 are still close to its seed: discard them.
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: nothing to pick from');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `entries` with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let point = this.next() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('Rng.weighted: nothing to pick from');
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A version-4 UUID drawn from this stream: the same shape as the ids the services make. */
  uuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const word = this.nextU32();
      bytes.push(word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255);
    }
    bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
    const hex = bytes.map((byte) => HEX[byte]).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/**
 * Cards dealt from a shuffled deck that is refilled when it runs out: every value is dealt once in
 * each round, so a run with at least one round's worth of draws is sure to use every value (every
 * role, every measurement), and the rest still looks random.
 */
export class Deck<T> {
  private cards: T[] = [];
  private skipped = 0;

  constructor(
    private readonly rng: Rng,
    private readonly values: readonly T[],
    firstRound?: readonly T[],
  ) {
    if (firstRound) this.cards = [...firstRound];
  }

  private fill(minimum: number): void {
    while (this.cards.length < minimum) this.cards.push(...this.rng.shuffle(this.values));
  }

  /** The top card, or the first of the next `lookAhead` cards that `fits`; a card passed over three times is dealt anyway. */
  deal(fits: (card: T) => boolean = () => true, lookAhead = 1): T {
    this.fill(lookAhead);
    let index = 0;
    if (this.skipped < 3) {
      const found = this.cards.slice(0, lookAhead).findIndex(fits);
      index = found === -1 ? 0 : found;
    }
    this.skipped = index === 0 ? 0 : this.skipped + 1;
    const [card] = this.cards.splice(index, 1);
    return card as T;
  }
}

/** MurmurHash3's 32-bit finalizer: every input bit flips about half the output bits. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A draw in [0, 1) fixed by the seed and three integers, with no state: for facts several records
 * share (is this student absent that day? is that mentor?), so one student's sessions are generated
 * without walking anyone else's, in any order, and still agree with them.
 */
export function hashUnit(seed: number, kind: number, a: number, b: number): number {
  let h = fmix32(seed ^ Math.imul(kind + 1, 0x9e3779b1));
  h = fmix32(h ^ Math.imul(a, 0xcc9e2d51));
  h = fmix32(h ^ Math.imul(b, 0x1b873593));
  return h / 4294967296;
}

/** Named streams and per-kind id sources for one seed. */
export class Streams {
  private readonly idStreams = new Map<string, Rng>();

  constructor(readonly seed: number) {}

  stream(name: string): Rng {
    return new Rng(this.seed, name);
  }

  /** The next id of a kind of record; each kind has its own stream, so ids do not shift when content rules change. */
  id(kind: string): string {
    let rng = this.idStreams.get(kind);
    if (!rng) {
      rng = new Rng(this.seed, `id:${kind}`);
      this.idStreams.set(kind, rng);
    }
    return rng.uuid();
  }
}

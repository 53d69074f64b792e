/**
 * Every contract channel fed random but schema-valid input against an unlocked demo vault: a
 * person's mistake (a wrong id, a date outside the plan, a duplicate, an empty change) must come back
 * as a refusal with its own code, never as `internal`. test/unit/contract.test.ts feeds the same
 * channels junk that the schema refuses; this one gets past the schema and into the services.
 *
 * The inputs are generated from the contract's own zod schemas (zodArbitrary below), with ids,
 * student numbers and dates drawn mostly from the demo vault's own records, so most calls reach the
 * record they name. Every internal answer is collected (channel, input, the error's name and first
 * stack line), so one run lists every cause.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createPeerpath } from '../../src-main/api/app';
import { createDispatch } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { CHANNELS, type Channel, contract } from '../../src-main/contract';
import { demoSeeder } from '../../src-main/services/demo';
import { DEMO_PASSPHRASE } from '../../src-main/services/vault-session';
import { unlockedApp } from '../fixtures/unlocked-app';
import { TEST_KDF, tempDir } from '../fixtures/vault';

/**
 * Channels left out: those that open, close or re-key the vault (they would end the run, or wait
 * out the wrong-passphrase throttle), and those only the command line answers (they name a place
 * on disk; test/services/user-files.test.ts covers reading one).
 */
const LEFT_OUT: ReadonlySet<string> = new Set([
  'vault.create',
  'vault.createDemo',
  'vault.unlock',
  'vault.unlockWithRecoveryKey',
  'vault.lock',
  'vault.changePassphrase',
  'vault.setPassphraseAfterRecovery',
  'vault.newRecoveryKey',
  'vault.rotateKey',
  'vault.leaveDemo',
]);

const RUNS_PER_CHANNEL = Number(process.env.PEERPATH_FUZZ_RUNS ?? 20);

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

interface Pools {
  strings: string[];
  /** Ids by table, for fields that name a record of one kind. */
  ids: Map<string, string[]>;
}

/** Where the fuzz is: the channel, and the object key the value is for. */
interface Where {
  channel: string;
  key: string;
}

const TABLE_OF_PREFIX: Record<string, string> = {
  student: 'students',
  plan: 'plans',
  goal: 'goals',
  accommodation: 'accommodations',
  mentor: 'mentors',
  staff: 'staff',
  caseManager: 'staff',
  collectedBy: 'staff',
  observedBy: 'staff',
  conductedBy: 'staff',
  session: 'sessions',
  checkIn: 'check_ins',
  point: 'progress_points',
  progressPoint: 'progress_points',
  observation: 'observations',
  meeting: 'meetings',
  assignment: 'assignments',
  proposal: 'meeting_proposals',
  slot: 'vault_members',
  mark: 'progress_reports',
};

const TABLE_OF_GROUP: Record<string, string> = {
  students: 'students',
  plans: 'plans',
  goals: 'goals',
  accommodations: 'accommodations',
  mentors: 'mentors',
  staff: 'staff',
  sessions: 'sessions',
  checkIns: 'check_ins',
  progressPoints: 'progress_points',
  observations: 'observations',
  progressMarks: 'progress_reports',
  assignments: 'assignments',
  meetings: 'meetings',
};

/** The records a field most likely names: `studentId` a student, `id` in `plans.update` a plan. */
function idsFor(where: Where, pools: Pools): string[] {
  const key = where.key.replace(/Ids?$/, '').replace(/s$/, '');
  const table = where.key === 'id' ? TABLE_OF_GROUP[where.channel.split('.')[0] ?? ''] : TABLE_OF_PREFIX[key];
  return (table && pools.ids.get(table)) || [];
}

function lengthChecks(schema: AnySchema): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const check of (schema._zod.def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const def = check._zod.def;
    if (def.check === 'min_length') min = Math.max(min, def.minimum as number);
    if (def.check === 'max_length') max = Math.min(max, def.maximum as number);
    if (def.check === 'length_equals') {
      min = def.length as number;
      max = def.length as number;
    }
  }
  return { min, max };
}

/** A fast-check arbitrary of values the schema accepts. */
function zodArbitrary(schema: AnySchema, pools: Pools, where: Where): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  const accepts = (value: unknown) => schema.safeParse(value).success;
  switch (def.type) {
    case 'string': {
      const string = schema as unknown as z.ZodString;
      const min = string.minLength ?? 0;
      const max = Math.min(string.maxLength ?? 60, 60);
      const fromPool = pools.strings.filter(accepts);
      const random = fc.string({ minLength: min, maxLength: Math.max(min, max) }).filter(accepts);
      // A format (z.uuid(), z.email() …) sits on the schema's own def in zod 4, or among its checks.
      const format = (def as { format?: string }).format;
      if (format === 'uuid') return fc.uuid().filter(accepts);
      const hasPattern =
        format !== undefined ||
        ((def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? []).some(
          (check) => check._zod.def.check === 'string_format',
        );
      const named = idsFor(where, pools).filter(accepts);
      if (named.length)
        return fc.oneof({ arbitrary: fc.constantFrom(...named), weight: 6 }, { arbitrary: fc.constantFrom(...fromPool), weight: 1 });
      if (hasPattern) {
        if (fromPool.length) return fc.constantFrom(...fromPool);
        // Nothing in the vault fits (a new kind of value): strings made from the pattern itself. A
        // filter over random text would search forever and hang the run.
        const pattern = ((def.checks as { _zod: { def: { pattern?: RegExp } } }[] | undefined) ?? [])
          .map((check) => check._zod.def.pattern)
          .find((found) => found instanceof RegExp);
        if (!pattern)
          throw new Error(`contract-fuzz: no pool value fits ${where.channel} ${where.key} and it has no pattern to generate from`);
        return fc.stringMatching(pattern).filter(accepts);
      }
      return fromPool.length ? fc.oneof({ arbitrary: fc.constantFrom(...fromPool), weight: 2 }, { arbitrary: random, weight: 1 }) : random;
    }
    case 'number': {
      const number = schema as unknown as z.ZodNumber;
      const min = Math.max(number.minValue ?? -1000, -1e6);
      const max = Math.min(number.maxValue ?? 1000, 1e6);
      const edges = [min, max, 0, 1, -1].filter(accepts);
      const inside = number.isInt
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return fc.oneof(...(edges.length ? [fc.constantFrom(...edges)] : []), inside.filter(accepts));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'any':
    case 'unknown':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(zodArbitrary(def.innerType as AnySchema, pools, where), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(zodArbitrary(def.innerType as AnySchema, pools, where), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(zodArbitrary(def.innerType as AnySchema, pools, where), { nil: undefined, freq: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return zodArbitrary(def.innerType as AnySchema, pools, where);
    case 'pipe':
      return zodArbitrary(def.in as AnySchema, pools, where).filter(accepts);
    case 'lazy':
      return zodArbitrary((def.getter as () => AnySchema)(), pools, where);
    case 'union':
      return fc.oneof(...(def.options as AnySchema[]).map((option) => zodArbitrary(option, pools, where)));
    case 'tuple':
      return fc.tuple(...(def.items as AnySchema[]).map((item) => zodArbitrary(item, pools, where)));
    case 'array': {
      const { min, max } = lengthChecks(schema);
      return fc
        .array(zodArbitrary(def.element as AnySchema, pools, where), { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) })
        .filter(accepts);
    }
    case 'record':
      return fc
        .dictionary(
          zodArbitrary(def.keyType as AnySchema, pools, where) as fc.Arbitrary<string>,
          zodArbitrary(def.valueType as AnySchema, pools, where),
          {
            maxKeys: 3,
          },
        )
        .filter(accepts);
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        model[key] = zodArbitrary(field, pools, { channel: where.channel, key });
        if (!['optional', 'default', 'prefault'].includes(field._zod.def.type)) requiredKeys.push(key);
      }
      return fc.record(model, { requiredKeys }).filter(accepts);
    }
    default:
      throw new Error(`zodArbitrary: no generator for a ${def.type} schema`);
  }
}

/** Ids, student numbers, dates and words from the demo vault and around it. */
function poolsFrom(all: (query: ReturnType<typeof sql>) => Record<string, unknown>[]): Pools {
  const tables = all(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  const strings = new Set<string>();
  const ids = new Map<string, string[]>();
  const column = (query: ReturnType<typeof sql>) => all(query).flatMap((row) => (typeof row.value === 'string' ? [row.value] : []));
  for (const { name } of tables) {
    const columns = all(sql`SELECT name FROM pragma_table_info(${name as string})`).map((row) => row.name as string);
    const key = columns.includes('id') ? 'id' : columns.includes('slot_id') ? 'slot_id' : null;
    if (key)
      ids.set(name as string, column(sql`SELECT ${sql.raw(key)} AS value FROM ${sql.raw(name as string)} ORDER BY random() LIMIT 30`));
    if (columns.includes('local_id'))
      for (const id of column(sql`SELECT local_id AS value FROM ${sql.raw(name as string)} LIMIT 10`)) strings.add(id);
  }
  for (const list of ids.values()) for (const id of list.slice(0, 3)) strings.add(id);
  for (const date of column(sql`SELECT date AS value FROM sessions ORDER BY random() LIMIT 10`)) strings.add(date);
  for (const date of column(sql`SELECT start_date AS value FROM plans LIMIT 3`)) strings.add(date);
  for (const year of column(sql`SELECT year AS value FROM school_calendars LIMIT 3`)) strings.add(year);
  for (const date of ['2026-09-01', '2026-10-01', '2026-12-18', '2027-06-30', '2025-01-01', '2030-02-28']) strings.add(date);
  for (const word of ['en', 'es', 'fr', 'a.b@example.org', 'Quarter 1', 'Avery Quill', 'S-100234', 'iVBORw0KGgo=', ' ', ''])
    strings.add(word);
  return { strings: [...strings], ids };
}

describe('every channel, schema-valid input, an unlocked demo vault', () => {
  it('never answers `internal`', { timeout: 600_000 }, async () => {
    const root = tempDir();
    const chosen = join(root, 'chosen');
    const internal: { channel: Channel; input: unknown; error: string }[] = [];
    const tally = new Map<Channel, string>();
    let lastError = '';
    const dialogs = {
      chooseSavePath: async ({ suggestedName }: { suggestedName: string }) => {
        mkdirSync(chosen, { recursive: true });
        return join(chosen, suggestedName);
      },
      chooseFolder: async () => {
        mkdirSync(chosen, { recursive: true });
        return chosen;
      },
    };
    const app = createPeerpath({ dir: join(root, 'vault'), demoDir: join(root, 'demo'), kdfCost: TEST_KDF, seedDemo: demoSeeder });
    // The app's handlers with the dispatch's report of an internal error (its name and stack) kept for the list.
    const dispatch = createDispatch(createHandlers(app.session, { dialogs, tasks: app.tasks, demoDir: join(root, 'demo') }), {
      reportInternal: (_channel, error) => {
        lastError = error instanceof Error ? `${error.name}: ${(error.stack ?? '').split('\n').slice(0, 3).join(' | ')}` : String(error);
      },
    });
    await app.session.createDemo();
    const db = app.session.db();
    const pools = poolsFrom((query) => db.all<Record<string, unknown>>(query));

    const studentIds = db.all<{ id: string }>(sql`SELECT id FROM students WHERE status = 'active' LIMIT 10`).map((row) => row.id);
    const startMeeting = async (index: number) => {
      const studentId = studentIds[index % studentIds.length];
      await dispatch('meetings.start', { studentId, attendees: [{ name: 'Dana Whitlock', relation: 'aunt' }] });
    };
    const throughDialog = async (channel: string, input: unknown, index: number): Promise<unknown> => {
      if (input === null || typeof input !== 'object') return input;
      const fields = input as Record<string, unknown>;
      if (typeof fields.path === 'string') {
        const filter = channel === 'exchange.save' ? 'json' : 'pdf';
        const chosen = await dispatch('files.chooseSavePath', { title: 'Save', suggestedName: `${channel}-${index}.${filter}`, filter });
        return chosen.ok ? { ...fields, path: (chosen.value as { path: string }).path } : input;
      }
      if (typeof fields.folder === 'string') {
        const chosen = await dispatch('files.chooseFolder', { title: 'Folder' });
        return chosen.ok ? { ...fields, folder: (chosen.value as { path: string }).path } : input;
      }
      return input;
    };
    try {
      for (const channel of CHANNELS) {
        const spec = contract[channel] as unknown as { input: AnySchema; commandLineOnly?: boolean };
        if (LEFT_OUT.has(channel) || spec.commandLineOnly) continue;
        const inputs = fc.sample(zodArbitrary(spec.input, pools, { channel, key: '' }), {
          numRuns: RUNS_PER_CHANNEL,
          seed: Number(process.env.PEERPATH_FUZZ_SEED ?? 20261207),
        });
        for (const [index, input] of inputs.entries()) {
          // The meeting's own channels are tried inside a meeting too (every other one), on one of the demo's students.
          if (channel.startsWith('meetings.') && channel !== 'meetings.start' && index % 2 === 1) await startMeeting(index);
          // Every other call that writes a file names a place the (stub) dialog just gave, so the write itself is reached.
          const sent = index % 2 === 0 ? await throughDialog(channel, input, index) : input;
          lastError = '';
          const result = await dispatch(channel, sent);
          if (!result.ok && result.error.code === 'internal') internal.push({ channel, input: sent, error: lastError });
          const outcome = result.ok ? 'ok' : result.error.code;
          tally.set(channel, `${tally.get(channel) ?? ''} ${outcome}`);
          // A meeting is left at once, so the other channels are reached; a vault the fuzz locked is opened again.
          if (app.session.meetingMode()) await dispatch('meetings.leave', { passphrase: DEMO_PASSPHRASE });
          if (app.session.status().state !== 'unlocked') await app.session.unlock(DEMO_PASSPHRASE);
        }
      }
    } finally {
      app.session.lock('user');
    }
    // PEERPATH_FUZZ_TALLY=1 prints what each channel answered, to see how deep the inputs reach.
    if (process.env.PEERPATH_FUZZ_TALLY) for (const [channel, outcomes] of tally) process.stdout.write(`${channel} ${outcomes}\n`);
    const byCause = new Map<string, { channel: Channel; input: unknown; error: string }>();
    for (const failure of internal) byCause.set(`${failure.channel} ${failure.error.split(' | ')[0]}`, failure);
    expect([...byCause.values()].map((failure) => JSON.stringify(failure, null, 1))).toEqual([]);
  });
});

describe('a key sent as undefined', () => {
  it('is no change at all: an empty field never becomes an internal error', async () => {
    const { dispatch, call } = await unlockedApp();
    // Electron's IPC keeps `undefined` values (structured clone) where JSON would drop them.
    expect(await dispatch('settings.update', { autoLockMinutes: undefined })).toEqual({ ok: true, value: { autoLockMinutes: 10 } });
    expect(await dispatch('reportSettings.update', { schoolName: undefined })).toMatchObject({ ok: true });
    const member = await call('staff.create', { name: 'Blair Ondine', role: 'counselor', localId: undefined });
    expect(member.localId).toBeNull();
    expect(await dispatch('staff.update', { id: member.id, changes: { name: undefined } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Nothing to change: give at least one field.' },
    });
  });
});

/**
 * `npm run bench`: the app's real queries and writes, through the same dispatch (zod in and out) the
 * UI uses, on a district-size program, the encrypted vault and its plain copy measured round by
 * round; plus unlocking, rotating the data key (the whole vault re-encrypted), the service process's peak memory and the renderer's initial bundle. Prints
 * a table and writes bench/results.json. `--quick` runs the same on a small program (CI checks that
 * it runs, never how fast).
 */
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { createDispatch, type Dispatch } from '../src-main/api/dispatch';
import { createHandlers } from '../src-main/api/handlers';
import type { Channel, InputOf } from '../src-main/contract';
import type { ServiceContext } from '../src-main/services/context';
import { resolveDemoOptions } from '../src-main/services/demo';
import { vaultDb } from '../src-main/services/vault-db';
import type { VaultSession } from '../src-main/services/vault-session';
import type { SqliteDatabase } from '../src-main/vault/database';
import { migrate } from '../src-main/vault/migrations';
import { rotateDataKey } from '../src-main/vault/rotation';
import { closeVault, unlockVault } from '../src-main/vault/vault';
import { BENCH_PASSPHRASE, DISTRICT, districtFiles, openPlainDatabase, QUICK } from './district';
import { runHostThreadBench } from './host-thread';
import { type BenchInputs, chooseInputs, rowCounts } from './inputs';
import { runMainThreadBench } from './main-thread';
import { DISTRICT_MATCHING, QUICK_MATCHING, runMatchingBench } from './matching';
import { measurePair, timeOnceAsync } from './measure';
import { runPdfBench } from './pdf';
import { type CaseResult, printTable, type Results, rendererBundleKb, writeResults } from './results';

const quick = process.env.PEERPATH_BENCH_QUICK === '1';
const options = quick ? QUICK : DISTRICT;
const ROUNDS = quick ? { rounds: 5, warmup: 1 } : { rounds: 40, warmup: 5 };

function dispatchOver(ctx: ServiceContext): Dispatch {
  // The handlers only ask the session for its context (and whether a meeting is on: never here);
  // locking and unlocking are measured apart.
  const session = { context: () => ctx, refuseInMeeting: () => undefined };
  return createDispatch(createHandlers(session as unknown as VaultSession));
}

async function call<C extends Channel>(dispatch: Dispatch, channel: C, input: InputOf<C>): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`bench: ${channel} refused: ${result.error.message}`);
  return result.value;
}

interface Side {
  db: SqliteDatabase;
  dispatch: Dispatch;
}

/** One benchmark case: what it does on one side for one round, and the targets it is held to. */
interface BenchCase {
  name: string;
  kind: 'query' | 'write';
  /** p95 target in ms on the encrypted side. */
  targetMs: number;
  run: (side: Side, round: number, inputs: BenchInputs) => Promise<unknown>;
}

const CASES: BenchCase[] = [
  {
    name: 'caseload dashboard (one case manager)',
    kind: 'query',
    targetMs: 100,
    run: (side, _round, inputs) =>
      call(side.dispatch, 'caseload.dashboard', { scope: { kind: 'case_manager', caseManagerId: inputs.caseManagerId } }),
  },
  {
    name: 'student list search',
    kind: 'query',
    targetMs: 50,
    run: (side, round, inputs) =>
      call(side.dispatch, 'students.list', {
        query: inputs.searches[round % inputs.searches.length] ?? 'a',
        limit: 50,
      } as InputOf<'students.list'>),
  },
  {
    name: 'student detail with all goal graphs',
    kind: 'query',
    targetMs: 50,
    run: async (side, round, inputs) => {
      const studentId = inputs.students[round % inputs.students.length] ?? '';
      const plans = (await call(side.dispatch, 'plans.listForStudent', { studentId })) as { id: string; status: string }[];
      const active = plans.find((plan) => plan.status === 'active');
      if (!active) return;
      const detail = (await call(side.dispatch, 'plans.get', { id: active.id })) as { goals: { id: string }[] };
      for (const goal of detail.goals) await call(side.dispatch, 'goals.progress', { goalId: goal.id } as InputOf<'goals.progress'>);
    },
  },
  {
    name: 'fidelity for a school (4 weeks)',
    kind: 'query',
    targetMs: 50,
    run: (side, _round, inputs) => call(side.dispatch, 'fidelity.forSchool', { school: inputs.school, ...inputs.lastFourWeeks }),
  },
  {
    name: 'log a session',
    kind: 'write',
    targetMs: 5,
    run: (side, round, inputs) => call(side.dispatch, 'sessions.create', inputs.sessions[round] as InputOf<'sessions.create'>),
  },
  {
    name: 'add a progress point',
    kind: 'write',
    targetMs: 5,
    run: (side, round, inputs) => call(side.dispatch, 'progressPoints.create', inputs.points[round] as InputOf<'progressPoints.create'>),
  },
];

test(`district benchmark (${quick ? 'quick' : 'full'})`, async () => {
  const resolved = resolveDemoOptions(options);
  const today = new Date(Date.parse(`${resolved.startDate}T12:00:00Z`) + resolved.weeks * 7 * 86_400_000);
  const files = await districtFiles(quick ? 'quick' : 'district', options);
  if (files.built)
    console.log(
      `bench: built the district in ${files.built.encrypted.toFixed(1)} s (encrypted) and ${files.built.plain.toFixed(1)} s (plain)`,
    );

  // Writes change the files: measure on copies so the cache stays as built.
  const work = mkdtempSync(join(tmpdir(), 'peerpath-bench-'));
  cpSync(files.vaultDir, join(work, 'vault'), { recursive: true });
  cpSync(files.plainFile, join(work, 'plain.db'));
  try {
    // Inputs come from their own connection, closed before timing starts, so both sides start cold.
    const picker = openPlainDatabase(join(work, 'plain.db'));
    const inputs = chooseInputs(picker, today.toISOString().slice(0, 10), ROUNDS.rounds + ROUNDS.warmup);
    const rows = rowCounts(picker);
    picker.close();
    const dashboard = (dispatch: Dispatch) =>
      call(dispatch, 'caseload.dashboard', { scope: { kind: 'case_manager', caseManagerId: inputs.caseManagerId } });
    const context = (db: SqliteDatabase, slotId: string | null): ServiceContext => ({
      db: vaultDb(db),
      actor: { slotId, staffId: inputs.caseManagerId },
      reach: 'all',
      now: () => today,
    });

    let openVault: Awaited<ReturnType<typeof unlockVault>> | undefined;
    const unlockMs = await timeOnceAsync(async () => {
      openVault = await unlockVault({ dir: join(work, 'vault'), secret: BENCH_PASSPHRASE, kind: 'passphrase' });
    });
    if (!openVault) throw new Error('bench: the vault did not open');
    const vault = openVault;
    const encrypted = dispatchOver(context(vault.db, vault.slot.id));
    const encryptedFirstMs = await timeOnceAsync(() => dashboard(encrypted));
    let plainDb: SqliteDatabase | undefined;
    const plainOpenMs = await timeOnceAsync(async () => {
      plainDb = openPlainDatabase(join(work, 'plain.db'));
      migrate(plainDb);
    });
    if (!plainDb) throw new Error('bench: the plain copy did not open');
    const plain = dispatchOver(context(plainDb, vault.slot.id));
    const plainFirstMs = await timeOnceAsync(() => dashboard(plain));
    const cold = {
      encryptedMs: unlockMs + encryptedFirstMs,
      plainMs: plainOpenMs + plainFirstMs,
      firstDashboard: { encryptedMs: encryptedFirstMs, plainMs: plainFirstMs, ratio: encryptedFirstMs / plainFirstMs },
    };
    const sides: Record<'encrypted' | 'plain', Side> = {
      encrypted: { db: vault.db, dispatch: encrypted },
      plain: { db: plainDb, dispatch: plain },
    };

    const cases: CaseResult[] = [];
    for (const benchCase of CASES) {
      const timing = await measurePair((side, round) => benchCase.run(sides[side], round, inputs), ROUNDS);
      cases.push({ name: benchCase.name, kind: benchCase.kind, targetMs: benchCase.targetMs, ...timing });
    }

    const pdf = await runPdfBench(context(vault.db, vault.slot.id), inputs.students, { batchSize: quick ? 3 : 30 });
    const matching = runMatchingBench(quick ? QUICK_MATCHING : DISTRICT_MATCHING);
    const mainThread = await runMainThreadBench(context(vault.db, vault.slot.id), vault, quick ? 1 : 3);

    // Last on this connection: rotating the data key re-encrypts the whole vault into a verified copy and swaps it in.
    const databaseMb = statSync(join(work, 'vault', 'peerpath.db')).size / 1024 / 1024;
    const rotationMs = await timeOnceAsync(() => rotateDataKey(vault));

    closeVault(vault);
    plainDb.close();
    // After the vault is closed here: the host opens the same copy, as the app's only connection.
    const hostThread = await runHostThreadBench({
      vaultDir: join(work, 'vault'),
      folder: join(work, 'reports'),
      caseManagerId: inputs.caseManagerId,
      today: today.toISOString().slice(0, 10),
      batchSize: quick ? 3 : 30,
      rounds: quick ? 1 : 3,
    });

    const results: Results = {
      at: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      program: resolved,
      rows,
      caseloadSize: inputs.caseloadSize,
      cases,
      unlockMs,
      rotation: { ms: rotationMs, databaseMb },
      cold,
      matching,
      pdf,
      mainThread,
      hostThread,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rendererInitialJsGzipKb: rendererBundleKb(),
    };
    printTable(results);
    writeResults(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

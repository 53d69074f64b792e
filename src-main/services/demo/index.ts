/**
 * Demo data: a synthetic school program (staff, students with IEP or 504 plans, goals, peer-support
 * accommodations, trained mentors and their assignments) and what happened over its weeks (sessions,
 * progress points, observations, check-ins), the same for the same seed. Used by
 * "Try with demo data" (the session's `seedDemo`), `peerpath demo seed`, and the benchmarks.
 */
import { eq } from 'drizzle-orm';
import { staff } from '../../../db/schema';
import type { OpenVault } from '../../vault/vault';
import { type AuditSigner, recordAudit } from '../audit';
import { change, type ServiceContext, systemWrite } from '../context';
import { staffIdForSlot } from '../staff';
import type { Queryable, VaultDb } from '../vault-db';
import { demoActivity } from './activity';
import { buildDemoWorld } from './generate';
import type { DemoActivity, DemoCounts, DemoOptionsInput } from './model';
import { demoSeededRecord, writeDemoProgram } from './write';

export { buildDemoWorld, DEMO_STEPS, type DemoStep, generateDemoProgram, resolveDemoOptions } from './generate';
export type { DemoActivity, DemoCounts, DemoOptionsInput, DemoOptionsValue, DemoProgram, DemoStory, DemoWorld } from './model';
export { DEFAULT_SCHOOL, type SchoolSpec } from './school';
export type { Profile } from './trajectory';
export { DEMO_ACTIVITY_TABLES, DEMO_TABLES } from './write';

export interface SeedMeta {
  actorSlotId?: string | null;
  /** Signs the seeding's audit event (the vault's own slot); a tool holding no slot leaves it unsigned. */
  signer?: AuditSigner | null;
  /** When the seeding happened (the audit event's time); the generated records do not depend on it. */
  at?: Date;
}

/**
 * Generates and writes a demo program into an empty vault in one transaction (the session's own
 * write, or a tool's that opened the vault); returns what it wrote.
 */
export function seedDemoProgram(db: VaultDb, options: DemoOptionsInput = {}, meta: SeedMeta = {}): DemoCounts {
  const world = buildDemoWorld(options);
  return systemWrite(db, (tx) => {
    const counts = writeDemoProgram(tx, world.rows, demoActivity(world));
    recordAudit(tx, { actorSlotId: meta.actorSlotId ?? null, signer: meta.signer, ...demoSeededRecord(counts) }, meta.at ?? new Date());
    return counts;
  });
}

/** The demo's sessions, points, observations and check-ins for `options`, made one student at a time as they are read. */
export function generateDemoActivity(options: DemoOptionsInput = {}): Generator<DemoActivity> {
  return demoActivity(buildDemoWorld(options));
}

/** The staff record of a slot, if it is a case manager: they take one generated caseload, so their dashboard has students. */
function caseManagerOf(db: Queryable, slotId: string | null): string | undefined {
  const id = staffIdForSlot(db, slotId);
  if (!id) return undefined;
  return db.select({ role: staff.role }).from(staff).where(eq(staff.id, id)).get()?.role === 'case_manager' ? id : undefined;
}

/**
 * A `seedDemo` for the vault session ("Try with demo data"). Defaults: 40 students, 25 mentors,
 * 12 weeks from 2026-09-01, seed 1. Pass `today` to place the 12 weeks just before that day instead,
 * so the demo looks current whenever it is opened.
 */
export function createDemoSeeder(options: DemoOptionsInput & { today?: () => Date } = {}): (db: VaultDb, vault: OpenVault) => void {
  const { today, ...rest } = options;
  return (db, vault) => {
    const startDate = today ? demoStartBefore(today(), rest.weeks ?? 12) : rest.startDate;
    seedDemoProgram(
      db,
      { ...rest, startDate, caseManagerId: caseManagerOf(db, vault.slot.id) },
      { actorSlotId: vault.slot.id, signer: vault.signer },
    );
  };
}

/** The default demo: 40 students, 25 mentors, 12 weeks, seed 1, from 2026-09-01. */
export const demoSeeder = createDemoSeeder();

/** The Monday `weeks` weeks before `today` (UTC), as the start of a program that has run until today. */
export function demoStartBefore(today: Date, weeks: number): string {
  const day = Math.floor(today.getTime() / 86_400_000) - weeks * 7;
  const monday = day - ((day + 3) % 7);
  return new Date(monday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * For `peerpath demo seed --students 40 --mentors 25 --weeks 12 --seed 1`: seeds the unlocked vault
 * of `ctx` (refused unless it has no students or mentors yet), audited as the acting user.
 */
export function runDemoSeed(ctx: ServiceContext, options: DemoOptionsInput = {}): DemoCounts {
  const caseManagerId = options.caseManagerId ?? caseManagerOf(ctx.db, ctx.actor.slotId);
  const world = buildDemoWorld({ ...options, caseManagerId });
  return change(ctx, (tx) => {
    const counts = writeDemoProgram(tx, world.rows, demoActivity(world));
    return { result: counts, record: demoSeededRecord(counts) };
  });
}

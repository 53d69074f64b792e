/**
 * Roles carry permissions, through the real dispatch over a real vault: every channel × every role
 * (and the recovery key) is refused with `not_permitted` exactly where the table says so, before
 * the input is read; the issue's own rules hold, written out here apart from the table; a
 * paraprofessional reaches only the students whose plan team they are on; nobody removes or
 * demotes the last case manager or administrator; nobody below them changes a role.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC, withTables } from '../../scripts/permissions-doc.mjs';
import { createPeerpath } from '../../src-main/api/app';
import {
  ACTING,
  type Acting,
  CHANNEL_ACTIONS,
  CHANNELS,
  type Channel,
  type InputOf,
  mayUse,
  type OutputOf,
  RESTRICTED_ROLES,
  STAFF_ROLES,
  type StaffRole,
} from '../../src-main/contract';
import { STUDENT_REACH } from '../../src-main/services/permissions/reach';
import { accommodationInput, goalInput, planInput, studentInput } from '../fixtures/program-input';
import { PASSPHRASE, TEST_KDF } from '../fixtures/vault';

const NOW = Date.parse('2026-10-15T15:00:00Z');

function passphraseOf(role: StaffRole): string {
  return role === 'case_manager' ? PASSPHRASE : `${role.replaceAll('_', ' ')} quartz lantern meadow orbit`;
}

const NAMES: Record<StaffRole, string> = {
  case_manager: 'Avery Quill',
  special_education_teacher: 'Bo Fenwick',
  general_education_teacher: 'Cass Ortolan',
  paraprofessional: 'Dana Pell',
  counselor: 'Eli Marsh',
  administrator: 'Fran Ostrova',
  it_staff: 'Gus Tamarind',
};

// One vault per describe block, kept across its tests (fixtures/vault's tempDir is emptied after each test).
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A vault with one member of every role, two students (A with an active plan whose team is the paraprofessional, B without). */
async function team() {
  const dir = join(mkdtempSync(join(tmpdir(), 'peerpath-perms-')), 'vault');
  folders.push(dir);
  const app = createPeerpath({ dir, kdfCost: TEST_KDF, now: () => NOW });
  async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await app.dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.message}`), result.error);
    return result.value as OutputOf<C>;
  }
  const { recoveryKey } = await call('vault.create', {
    memberName: NAMES.case_manager,
    memberRole: 'case_manager',
    passphrase: PASSPHRASE,
  });
  const slots: Partial<Record<StaffRole, string>> = {};
  for (const role of STAFF_ROLES.filter((each) => each !== 'case_manager')) {
    slots[role] = (await call('vault.addMember', { name: NAMES[role], role, passphrase: passphraseOf(role) })).slotId;
  }
  const staff = await call('staff.list', { includeArchived: false });
  const staffId = (role: StaffRole) => staff.find((each) => each.name === NAMES[role])?.id ?? '';
  const a = await call('students.create', studentInput({ localId: 'S-1', firstName: 'Ada' }));
  const b = await call('students.create', studentInput({ localId: 'S-2', firstName: 'Bram' }));
  const planA = await call('plans.create', planInput(a.id, { status: 'draft', teamStaffIds: [staffId('paraprofessional')] }));
  const goalA = await call('goals.create', goalInput(planA.id));
  const supportA = await call('accommodations.create', accommodationInput(planA.id));
  await call('plans.activate', { id: planA.id });
  const planB = await call('plans.create', planInput(b.id, { status: 'draft' }));
  const goalB = await call('goals.create', goalInput(planB.id));
  const supportB = await call('accommodations.create', accommodationInput(planB.id));
  await call('plans.activate', { id: planB.id });

  async function actAs(who: Acting): Promise<void> {
    app.session.lock('user');
    if (who === 'recovery_key') await app.session.unlockWithRecoveryKey(recoveryKey);
    else await app.session.unlock(passphraseOf(who));
  }
  return {
    ...app,
    dir,
    call,
    actAs,
    slots,
    staffId,
    a,
    b,
    goalA,
    goalB,
    supportA,
    supportB,
    managerSlot: app.session.status().member?.slotId ?? '',
  };
}

type Team = Awaited<ReturnType<typeof team>>;

async function codeOf(app: Team, channel: Channel, input: unknown): Promise<string> {
  const result = await app.dispatch(channel, input);
  return result.ok ? 'ok' : result.error.code;
}

describe('the permission table, through the dispatch', () => {
  let app: Team;
  beforeAll(async () => {
    app = await team();
  }, 60_000);

  it.each(ACTING)(
    'every channel for %s: refused (not_permitted) exactly where the table says, before the input is read',
    async (who) => {
      await app.actAs(who);
      const mismatches: string[] = [];
      for (const channel of CHANNELS) {
        // Those answer a locked vault (lock it, create one, …): their row is checked below, not run.
        if (CHANNEL_ACTIONS[channel] === 'anyone') continue;
        // Not an object: an allowed channel answers invalid_input without running, a forbidden one not_permitted.
        const code = await codeOf(app, channel, 'not an object');
        const refused = code === 'not_permitted';
        if (refused === mayUse(who, channel)) mismatches.push(`${channel}: ${code}`);
      }
      expect(mismatches).toEqual([]);
    },
    60_000,
  );

  it('the channels open to anyone are the locked vault’s own and the settings read', () => {
    const anyone = CHANNELS.filter((channel) => CHANNEL_ACTIONS[channel] === 'anyone').sort();
    expect(anyone).toEqual([
      'settings.get',
      'vault.activity',
      'vault.assessPassphrase',
      'vault.create',
      'vault.createDemo',
      'vault.leaveDemo',
      'vault.lock',
      'vault.status',
      'vault.unlock',
      'vault.unlockWithRecoveryKey',
    ]);
  });

  it('the issue’s rules, written out apart from the table', () => {
    const ISSUE: [Acting[], Channel[]][] = [
      // Classroom roles: no exports, purges, de-identification, parent reports or other disclosures, members, recovery key, program settings.
      [
        ['general_education_teacher', 'paraprofessional', 'counselor', 'it_staff'],
        [
          'exchange.save',
          'exchange.exportFile',
          'students.purge',
          'students.deidentify',
          'reports.save',
          'reports.preview',
          'reports.disclosures',
          'vault.addMember',
          'vault.removeMember',
          'vault.newRecoveryKey',
          'staff.update',
          'staff.create',
          'settings.update',
          'progressCodes.setActive',
          'reportSettings.update',
        ],
      ],
      // The break-glass key lets a team back in and keeps the vault; it discloses and destroys nothing.
      [
        ['recovery_key'],
        ['exchange.save', 'students.purge', 'students.deidentify', 'reports.save', 'settings.update', 'reports.disclosures'],
      ],
      // IT staff and the recovery key: nothing that reads student records.
      [
        ['it_staff', 'recovery_key'],
        [
          'students.list',
          'students.get',
          'plans.get',
          'progressPoints.listForGoal',
          'checkIns.listForStudent',
          'mentors.list',
          'caseload.dashboard',
        ],
      ],
    ];
    for (const [roles, channels] of ISSUE)
      for (const who of roles) for (const channel of channels) expect(mayUse(who, channel), `${who} ${channel}`).toBe(false);
    const ALLOWED: [Acting[], Channel[]][] = [
      [
        ['general_education_teacher', 'paraprofessional', 'counselor'],
        ['students.list', 'sessions.create', 'checkIns.create', 'progressPoints.create', 'observations.record'],
      ],
      [
        ['case_manager', 'administrator', 'recovery_key'],
        ['vault.addMember', 'vault.removeMember', 'vault.newRecoveryKey'],
      ],
      [['it_staff'], ['vault.check', 'vault.backup', 'vault.restore']],
      [
        ['case_manager', 'special_education_teacher', 'administrator'],
        ['exchange.save', 'reports.save', 'settings.update', 'plans.create'],
      ],
    ];
    for (const [roles, channels] of ALLOWED)
      for (const who of roles) for (const channel of channels) expect(mayUse(who, channel), `${who} ${channel}`).toBe(true);
  });

  it('docs/permissions.md shows the table the dispatch enforces (npm run permissions:docs rewrites it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(doc).toBe(withTables(doc));
  });

  it('every channel a restricted role may use says whom it is about (else the dispatch refuses it)', () => {
    const open = CHANNELS.filter((channel) =>
      [...RESTRICTED_ROLES].some((who) => mayUse(who, channel) && CHANNEL_ACTIONS[channel] !== 'anyone'),
    );
    expect(open.filter((channel) => STUDENT_REACH[channel] === undefined)).toEqual([]);
  });

  it('a refusal names the role and who may, and is the same for an empty input', async () => {
    await app.actAs('paraprofessional');
    const result = await app.dispatch('exchange.save', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_permitted',
        message: "Your role (paraprofessional) can't export records — ask a case manager, a special-education teacher or an administrator.",
      },
    });
  });
});

describe('reach: a restricted role sees and logs only the students they work with', () => {
  let app: Team;
  beforeAll(async () => {
    app = await team();
    await app.actAs('paraprofessional');
  }, 60_000);

  it('logs a progress point for a student whose plan team they are on, and is refused for another', async () => {
    const point = await app.call('progressPoints.create', { goalId: app.goalA.id, date: '2026-10-08', value: 55 });
    expect(point.goalId).toBe(app.goalA.id);
    const refused = await app.dispatch('progressPoints.create', { goalId: app.goalB.id, date: '2026-10-08', value: 55 });
    expect(refused.ok ? null : refused.error.code).toBe('student_not_in_reach');
    expect(JSON.stringify(refused)).not.toMatch(/Bram|S-2/);
  });

  it('lists only the students in reach', async () => {
    const list = await app.call('students.list', {});
    expect(list.rows.map((row) => row.id)).toEqual([app.a.id]);
    expect(list.total).toBe(1);
  });

  it('is refused alike for a student out of reach and for an id that does not exist', async () => {
    expect(await codeOf(app, 'students.get', { id: app.b.id })).toBe('student_not_in_reach');
    expect(await codeOf(app, 'students.get', { id: '00000000-0000-4000-8000-000000000000' })).toBe('student_not_in_reach');
    expect(await codeOf(app, 'students.get', { id: app.a.id })).toBe('ok');
    expect(await codeOf(app, 'sessions.listForAccommodation', { accommodationId: app.supportB.id })).toBe('student_not_in_reach');
    expect(await codeOf(app, 'checkIns.listForStudent', { studentId: app.b.id })).toBe('student_not_in_reach');
  });

  it('the channels open to anyone stay open to a restricted role: status, settings, lock, and unlocking as someone else', async () => {
    expect(await codeOf(app, 'vault.status', {})).toBe('ok');
    expect(await codeOf(app, 'settings.get', {})).toBe('ok');
    expect(await codeOf(app, 'vault.activity', {})).toBe('ok');
    expect(await codeOf(app, 'vault.unlock', { passphrase: PASSPHRASE })).toBe('ok');
    expect(app.session.status().member?.role).toBe('case_manager');
    await app.actAs('paraprofessional');
    expect(await codeOf(app, 'vault.lock', {})).toBe('ok');
    await app.actAs('paraprofessional');
  });

  it('a counselor holds check-ins for any student, but sees only their own students’ other records', async () => {
    await app.actAs('counselor');
    expect(
      await codeOf(app, 'checkIns.create', { accommodationId: app.supportB.id, date: '2026-10-14', whatsWorking: 'Pairs settle fast.' }),
    ).toBe('ok');
    expect(await codeOf(app, 'checkIns.listForStudent', { studentId: app.b.id })).toBe('ok');
    expect(await codeOf(app, 'progressPoints.listForGoal', { goalId: app.goalB.id })).toBe('student_not_in_reach');
    expect((await app.call('students.list', {})).rows).toEqual([]);
  });

  it('a case manager reaches every student', async () => {
    await app.actAs('case_manager');
    expect((await app.call('students.list', {})).total).toBe(2);
  });
});

describe('members and roles', () => {
  let app: Team;
  beforeAll(async () => {
    app = await team();
  }, 60_000);

  it('a paraprofessional cannot change their own role or anyone’s, nor remove a member', async () => {
    await app.actAs('paraprofessional');
    expect(await codeOf(app, 'staff.update', { id: app.staffId('paraprofessional'), changes: { role: 'administrator' } })).toBe(
      'not_permitted',
    );
    expect(await codeOf(app, 'vault.removeMember', { slotId: app.managerSlot })).toBe('not_permitted');
    expect(await codeOf(app, 'vault.newRecoveryKey', {})).toBe('not_permitted');
    await app.actAs('case_manager');
    const staff = await app.call('staff.list', { includeArchived: false });
    expect(staff.find((each) => each.id === app.staffId('paraprofessional'))?.role).toBe('paraprofessional');
  });

  it('only the recovery key sets a member’s passphrase; the session is then that member, with their role', async () => {
    await app.actAs('case_manager');
    const refused = await app.dispatch('vault.setPassphraseAfterRecovery', {
      slotId: app.slots.paraprofessional ?? '',
      newPassphrase: 'x',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not_permitted', message: expect.stringMatching(/unlock with the recovery key\.$/) },
    });
    await app.actAs('recovery_key');
    const newPassphrase = 'paraprofessional quartz lantern meadow orbit';
    expect(await codeOf(app, 'vault.setPassphraseAfterRecovery', { slotId: app.slots.paraprofessional ?? '', newPassphrase })).toBe('ok');
    expect(app.session.status().member?.role).toBe('paraprofessional');
    expect(await codeOf(app, 'exchange.save', {})).toBe('not_permitted');
  });

  it('a role given through the staff record is the member’s role at their next unlock', async () => {
    await app.actAs('case_manager');
    await app.call('staff.update', { id: app.staffId('counselor'), changes: { role: 'special_education_teacher' } });
    await app.actAs('counselor');
    expect(app.session.status().member?.role).toBe('special_education_teacher');
    expect(await codeOf(app, 'plans.create', 'not an object')).toBe('invalid_input');
  });

  it('a role changed, or a member removed, in another window counts at once in an open session', async () => {
    await app.actAs('case_manager');
    const elsewhere = createPeerpath({ dir: app.dir, kdfCost: TEST_KDF, now: () => NOW });
    await elsewhere.session.unlock(passphraseOf('paraprofessional'));
    try {
      expect((await elsewhere.dispatch('students.list', {})).ok).toBe(true);
      await app.call('staff.update', { id: app.staffId('paraprofessional'), changes: { role: 'it_staff' } });
      expect((await elsewhere.dispatch('students.list', {})).ok ? 'ok' : 'refused').toBe('refused');
      expect((await elsewhere.dispatch('vault.check', {})).ok).toBe(true);
      // The removal stands at once; the key rotation after it waits for the other window to close.
      expect(await app.dispatch('vault.removeMember', { slotId: app.slots.paraprofessional ?? '' })).toMatchObject({
        ok: false,
        error: { code: 'rotation_incomplete' },
      });
      expect(await elsewhere.dispatch('vault.check', {})).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
    } finally {
      elsewhere.session.lock('user');
    }
  });

  it('nobody removes or demotes the last case manager or administrator, the recovery key included', async () => {
    await app.actAs('case_manager');
    const admin = app.slots.administrator ?? '';
    await app.call('vault.removeMember', { slotId: admin });
    expect(await codeOf(app, 'staff.update', { id: app.staffId('case_manager'), changes: { role: 'counselor' } })).toBe('last_manager');
    await app.actAs('recovery_key');
    expect(await codeOf(app, 'vault.removeMember', { slotId: app.managerSlot })).toBe('last_manager');
    await app.actAs('case_manager');
    expect(app.session.status().member?.role).toBe('case_manager');
    // With a second one, the first may go.
    await app.call('staff.update', { id: app.staffId('special_education_teacher'), changes: { role: 'administrator' } });
    expect(await codeOf(app, 'staff.update', { id: app.staffId('case_manager'), changes: { role: 'counselor' } })).toBe('ok');
  });
});

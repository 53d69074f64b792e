import { describe, expect, it } from 'vitest';
import { studentInput } from '../fixtures/program-input';
import { unlockedApp } from '../fixtures/unlocked-app';

async function appWithHistory() {
  const app = await unlockedApp();
  const student = await app.call('students.create', studentInput());
  await app.call('students.update', { id: student.id, changes: { grade: 8 } });
  await app.call('students.archive', { id: student.id });
  await app.call('students.restore', { id: student.id });
  const raw = app.session.db().$client;
  const ids = (raw.prepare('SELECT id FROM audit_events ORDER BY id').all() as { id: number }[]).map((row) => row.id);
  return { ...app, raw, ids };
}

describe('the audit trail is a hash chain', () => {
  it('verifies intact after ordinary work', async () => {
    const { call, ids } = await appWithHistory();
    expect(await call('audit.verify', {})).toEqual({
      ok: true,
      checked: ids.length,
      firstBrokenId: null,
      unsigned: 0,
      members: [],
      message: `The audit trail is intact (${ids.length} events).`,
    });
  });

  it('detects an edited event, naming it', async () => {
    const { call, raw, ids } = await appWithHistory();
    const target = ids[2] ?? 0;
    raw.prepare("UPDATE audit_events SET action = 'student.viewed' WHERE id = ?").run(target);
    expect(await call('audit.verify', {})).toMatchObject({
      ok: false,
      firstBrokenId: target,
      message: expect.stringContaining('was changed'),
    });
  });

  it('detects a deleted event in the middle', async () => {
    const { call, raw, ids } = await appWithHistory();
    raw.prepare('DELETE FROM audit_events WHERE id = ?').run(ids[1]);
    expect(await call('audit.verify', {})).toMatchObject({ ok: false, firstBrokenId: ids[2] });
  });

  it('detects the newest events deleted', async () => {
    const { call, raw, ids } = await appWithHistory();
    raw.prepare('DELETE FROM audit_events WHERE id >= ?').run(ids.at(-2));
    expect(await call('audit.verify', {})).toMatchObject({
      ok: false,
      message: 'The audit trail was changed: its newest events were deleted.\nAvery Quill: their events number 5, 6 are missing (deleted).',
      members: [{ slotId: expect.any(String), name: 'Avery Quill', failed: [], missing: [5, 6], outOfOrder: [] }],
    });
  });

  it('detects an event moved to another actor', async () => {
    const { call, raw, ids } = await appWithHistory();
    raw.prepare("UPDATE audit_events SET actor_slot_id = 'someone-else' WHERE id = ?").run(ids.at(-1));
    expect(await call('audit.verify', {})).toMatchObject({ ok: false, firstBrokenId: ids.at(-1) });
  });
});

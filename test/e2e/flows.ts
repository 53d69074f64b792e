/** Steps several e2e files take through the UI, named as a person would describe them. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Channel, InputOf, OutputOf, StaffRole } from '../../src-main/contract';
import type { Host } from './host';

export function lockOverlay(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Peerpath is locked' });
}

/** Types a passphrase into whichever unlock form is showing (full page or overlay) and submits it. */
export async function unlockWith(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

export async function lockFromHeader(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await lockOverlay(page).waitFor();
}

/** Creates the vault through the service, for files whose subject is what comes after. */
export async function createVaultDirectly(host: Host, member: { name: string; role: StaffRole; passphrase: string }): Promise<void> {
  const result = await host.peerpath.dispatch('vault.create', {
    memberName: member.name,
    memberRole: member.role,
    passphrase: member.passphrase,
  });
  expect(result.ok).toBe(true);
}

/** One service call for a test's set-up, through the same dispatch the UI uses; a refusal fails the test. */
export async function call<C extends Channel>(host: Host, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await host.peerpath.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as OutputOf<C>;
}

/** Today on the machine's calendar shifted by whole days, as the forms compute it. */
export function isoDate(days = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days)).toISOString().slice(0, 10);
}

/** The latest school day up to today, or `skip` school days before it (sessions are logged Monday to Friday). */
export function lastSchoolDay(skip = 0): string {
  let left = skip;
  for (let back = 0; ; back += 1) {
    const day = new Date(`${isoDate(-back)}T00:00:00Z`).getUTCDay();
    if (day === 0 || day === 6) continue;
    if (left === 0) return isoDate(-back);
    left -= 1;
  }
}

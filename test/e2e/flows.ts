/** Steps several e2e files take through the UI, named as a person would describe them. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StaffRole } from '../../src-main/contract';
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

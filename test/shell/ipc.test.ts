import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../src-main/api/dispatch';
import { CHANNELS } from '../../src-main/contract';
import { FORBIDDEN, isTrustedSender, registerContractHandlers } from '../../src-main/shell/ipc';
import { APP_ORIGIN } from '../../src-main/shell/origin';
import { createFakeElectron, type FakeFrame, OUR_FRAME } from './fake-electron';

const FOREIGN: FakeFrame[] = [
  { url: 'https://example.com/', parent: null },
  { url: 'app://peerpath/index.html', parent: OUR_FRAME },
  { url: 'app://other/index.html', parent: null },
  { url: 'file:///tmp/index.html', parent: null },
  { url: 'about:blank', parent: null },
];

function registered() {
  const { ipcMain } = createFakeElectron();
  const dispatch = vi.fn<Dispatch>(async (channel) => ({ ok: true, value: `ran ${channel}` }));
  registerContractHandlers(ipcMain, { dispatch, trustedOrigin: APP_ORIGIN });
  return { ipcMain, dispatch };
}

describe('isTrustedSender', () => {
  it('trusts the top frame of a page on our origin', () => {
    expect(isTrustedSender(OUR_FRAME, APP_ORIGIN)).toBe(true);
  });

  it('refuses a missing frame, a subframe, and any other origin', () => {
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    for (const frame of FOREIGN) expect(isTrustedSender(frame, APP_ORIGIN), frame.url).toBe(false);
  });
});

describe('registerContractHandlers', () => {
  it('registers every contract channel exactly once', () => {
    const { ipcMain } = registered();
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.toSorted()).toEqual([...CHANNELS].sort());
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('passes a call from our frame to dispatch, input untouched', async () => {
    const { ipcMain, dispatch } = registered();
    const input = { passphrase: 'maple harbor violin tangerine' };
    await expect(ipcMain.invoke('vault.unlock', OUR_FRAME, input)).resolves.toEqual({ ok: true, value: 'ran vault.unlock' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('vault.unlock', input);
  });

  it('answers forbidden to any other sender, without dispatching', async () => {
    const { ipcMain, dispatch } = registered();
    for (const frame of [null, ...FOREIGN]) {
      await expect(ipcMain.invoke('vault.status', frame, {})).resolves.toEqual(FORBIDDEN);
    }
    expect(FORBIDDEN).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a channel listed twice before registering anything', () => {
    const { ipcMain } = createFakeElectron();
    const dispatch = vi.fn<Dispatch>();
    const channels = ['vault.status', 'vault.lock', 'vault.status'];
    expect(() => registerContractHandlers(ipcMain, { dispatch, trustedOrigin: APP_ORIGIN, channels })).toThrow(
      /registered twice: vault\.status/,
    );
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });
});

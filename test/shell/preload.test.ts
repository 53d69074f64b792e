import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  it('exposes one `invoke` as window.peerpath, forwarding to ipcRenderer.invoke', async () => {
    await import('../../src-main/preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.lastCall ?? [];
    expect(key).toBe('peerpath');
    expect(Object.keys(bridge)).toEqual(['invoke']);

    await expect(bridge?.invoke('vault.status', {})).resolves.toEqual({ ok: true, value: 'vault.status' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('vault.status', {});
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});

/**
 * The only bridge between the sandboxed renderer and the main process: one generic `invoke`.
 * Channels, inputs and the sender are checked in main (src-main/shell/ipc.ts), not here; nothing
 * else of ipcRenderer is exposed, so the page cannot listen on or send to arbitrary channels.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('peerpath', {
  invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input),
});

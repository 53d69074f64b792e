/**
 * A stand-in for the parts of `electron` the shell uses. It records what the shell asked for and
 * lets a test play Electron's side: emit app and powerMonitor events, invoke an IPC channel from a
 * given frame, fire a navigation. Behaviour copied from Electron is noted where it matters.
 * (Types are spelled out because tsc emits declarations for test helpers too.)
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { type Mock, vi } from 'vitest';
import type { Result } from '../../src-main/contract';
import type { FromHost, ToHost } from '../../src-main/host/protocol';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export const OUR_FRAME: FakeFrame = { url: 'app://peerpath/index.html#/students', parent: null };

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly setWindowOpenHandler: Mock<(handler: WindowOpenHandler) => void> = vi.fn();

  /** Emits a navigation event the way Electron 45 does; true when a listener blocked it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, {
      url,
      preventDefault: () => {
        prevented = true;
      },
    });
    return prevented;
  }

  /** What the page would get from window.open(url). */
  openWindow(url: string): string | undefined {
    return this.setWindowOpenHandler.mock.lastCall?.[0]({ url }).action;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadURL: Mock<(url: string) => Promise<void>> = vi.fn(async () => {});
  readonly isMinimized: Mock<() => boolean> = vi.fn(() => false);
  readonly restore: Mock<() => void> = vi.fn();
  readonly show: Mock<() => void> = vi.fn();
  readonly focus: Mock<() => void> = vi.fn();

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
}

/**
 * A forked utilityProcess playing the service host (src-main/host/entry.ts) by its protocol: it
 * answers `start` with `ready`, each call with `answer(channel, input)`, `lock` and `close` with
 * `done`, and records every message. `crash()` ends it as a crash would; `ask()` sends a dialog
 * request from the host's side and resolves with the client's answer.
 */
export class FakeUtilityProcess extends EventEmitter {
  readonly received: ToHost[] = [];
  readonly kill: Mock<() => boolean> = vi.fn(() => {
    queueMicrotask(() => this.emit('exit', 0));
    return true;
  });
  private readonly dialogAnswers = new Map<number, (answer: ToHost) => void>();
  answer: (channel: string, input: unknown) => Result<unknown> = (channel) => ({ ok: true, value: `ran ${channel}` });

  constructor(
    readonly modulePath: string,
    readonly forkOptions: unknown,
  ) {
    super();
  }

  readonly postMessage: Mock<(message: ToHost) => void> = vi.fn((message) => {
    this.received.push(message);
    const reply = (answer: FromHost) => queueMicrotask(() => this.emit('message', answer));
    if (message.kind === 'start') reply({ kind: 'ready' });
    else if (message.kind === 'dispatch') reply({ kind: 'result', id: message.id, result: this.answer(message.channel, message.input) });
    else if (message.kind === 'lock' || message.kind === 'close') reply({ kind: 'done', id: message.id });
    else this.dialogAnswers.get(message.id)?.(message);
  });

  ask(method: 'chooseSavePath' | 'chooseFolder', options: Record<string, unknown>): Promise<ToHost> {
    const id = this.dialogAnswers.size + 1;
    return new Promise((resolve) => {
      this.dialogAnswers.set(id, resolve);
      this.emit('message', { kind: 'dialog', id, method, options });
    });
  }

  crash(): void {
    this.emit('exit', 1);
  }
}

export interface FakeOptions {
  isPackaged?: boolean;
  /** false: another copy already holds the single-instance lock. */
  gotLock?: boolean;
  /** Chromium command-line switches, as app.commandLine.getSwitchValue returns them. */
  switches?: Record<string, string>;
  /** Makes every window's loadURL fail with this error. */
  loadError?: Error;
}

export class FakeApp extends EventEmitter {
  readonly isPackaged: boolean;
  readonly commandLine: { getSwitchValue: Mock<(name: string) => string> };
  readonly paths = new Map<string, string>();
  readonly setPath: Mock<(name: string, path: string) => void> = vi.fn((name, path) => void this.paths.set(name, path));
  readonly getPath: Mock<(name: string) => string> = vi.fn((name) => this.paths.get(name) ?? `/default/${name}`);
  readonly requestSingleInstanceLock: Mock<() => boolean>;
  readonly enableSandbox: Mock<() => void> = vi.fn();
  readonly whenReady: Mock<() => Promise<void>> = vi.fn(() => Promise.resolve());
  readonly exit: Mock<(code: number) => void> = vi.fn();
  /** As Electron: `quit()` emits before-quit (which a listener may prevent) and only then quits. */
  readonly quit: Mock<() => void> = vi.fn(() => {
    let prevented = false;
    this.emit('before-quit', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (!prevented) this.quitted = true;
  });
  /** True once a quit went through. */
  quitted = false;

  constructor(options: FakeOptions) {
    super();
    this.isPackaged = options.isPackaged ?? false;
    this.commandLine = { getSwitchValue: vi.fn((name) => options.switches?.[name] ?? '') };
    this.requestSingleInstanceLock = vi.fn(() => options.gotLock ?? true);
  }
}

type InvokeListener = (event: { senderFrame: FakeFrame | null }, input: unknown) => unknown;

export class FakeIpcMain {
  private readonly handlers = new Map<string, InvokeListener>();

  readonly handle: Mock<(channel: string, listener: InvokeListener) => void> = vi.fn((channel, listener) => {
    // As Electron does: one handler per channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });

  /** What the renderer would receive from ipcRenderer.invoke(channel, input) sent by `frame`. */
  async invoke(channel: string, frame: FakeFrame | null, input: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: frame }, input);
  }
}

export interface FakeElectron {
  app: FakeApp;
  ipcMain: FakeIpcMain;
  BrowserWindow: (new (options: BrowserWindowConstructorOptions) => FakeBrowserWindow) & { getFocusedWindow(): FakeBrowserWindow | null };
  /** Every window the shell created, in order. */
  windows: FakeBrowserWindow[];
  powerMonitor: EventEmitter;
  protocol: { registerSchemesAsPrivileged: Mock<(schemes: unknown[]) => void>; handle: Mock<(scheme: string, handler: unknown) => void> };
  session: {
    defaultSession: {
      setPermissionRequestHandler: Mock<(handler: unknown) => void>;
      setPermissionCheckHandler: Mock<(handler: unknown) => void>;
      on: Mock<(event: string, handler: unknown) => void>;
    };
  };
  Menu: {
    buildFromTemplate: Mock<(template: MenuItemConstructorOptions[]) => unknown>;
    setApplicationMenu: Mock<(menu: unknown) => void>;
  };
  dialog: {
    showSaveDialog: Mock<(...args: unknown[]) => Promise<{ canceled: boolean; filePath?: string }>>;
    showOpenDialog: Mock<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>;
    showErrorBox: Mock<(title: string, content: string) => void>;
  };
  utilityProcess: { fork: Mock<(modulePath: string, args?: string[], options?: unknown) => FakeUtilityProcess> };
  /** Every utilityProcess the shell forked, in order. */
  children: FakeUtilityProcess[];
}

export function createFakeElectron(options: FakeOptions = {}): FakeElectron {
  const app = new FakeApp(options);
  const windows: FakeBrowserWindow[] = [];
  const children: FakeUtilityProcess[] = [];
  class BrowserWindow extends FakeBrowserWindow {
    /** As Electron: the window with keyboard focus, if any (here: none, so the main window is used). */
    static getFocusedWindow(): FakeBrowserWindow | null {
      return null;
    }
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super(windowOptions);
      if (options.loadError) this.loadURL.mockRejectedValue(options.loadError);
      windows.push(this);
      // Electron announces every new WebContents on the app before the page loads.
      app.emit('web-contents-created', {}, this.webContents);
    }
  }
  return {
    app,
    ipcMain: new FakeIpcMain(),
    BrowserWindow,
    windows,
    powerMonitor: new EventEmitter(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), on: vi.fn() } },
    Menu: { buildFromTemplate: vi.fn((template) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: {
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showErrorBox: vi.fn(),
    },
    utilityProcess: {
      fork: vi.fn((modulePath, _args, forkOptions) => {
        const child = new FakeUtilityProcess(modulePath, forkOptions);
        children.push(child);
        return child;
      }),
    },
    children,
  };
}

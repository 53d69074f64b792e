/** Types for scripts/electron-runtime.mjs, so the TypeScript tests can import it. */
export type ElectronRuntime = { binary: string; distDir: string; source: 'override' | 'package' };
export type EnsureResult = ({ ok: true; downloaded: boolean } & ElectronRuntime) | { ok: false; reason: string; message: string };
type Where = { packageDir?: string; env?: NodeJS.ProcessEnv };

export function platformExecutable(platform?: NodeJS.Platform | 'mas'): string;
export function electronPackageDir(): string;
export function findElectron(where?: Where): ElectronRuntime | null;
export function failureReason(output: string): string;
export function downloadAdvice(input: { version: string; reason: string; env?: NodeJS.ProcessEnv }): string;
export function ensureElectron(options?: Where & { timeoutMs?: number }): Promise<EnsureResult>;

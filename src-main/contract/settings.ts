import { z } from 'zod';

export const Settings = z.object({
  /** Lock the vault after this many minutes without activity. */
  autoLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof Settings>;

export const settings = {
  'settings.get': { input: z.object({}).strict(), output: Settings },
  'settings.update': { input: Settings.partial().strict(), output: Settings },
} as const;

/** What a new vault must show exactly once before the app opens: its recovery key, or the demo passphrase. */
export type WelcomeNote = { kind: 'recovery-key'; recoveryKey: string } | { kind: 'demo'; passphrase: string };

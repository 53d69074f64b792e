/**
 * Reads a secret from the terminal without echoing it. Secrets never come from argv, where
 * they would land in shell history and in `ps` output.
 */
import { createInterface } from 'node:readline';

export class NoTerminalError extends Error {}

export async function promptSecret(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (!input.isTTY) throw new NoTerminalError(question);
  const rl = createInterface({ input, output, terminal: true });
  // Swallow the echo of what is typed; the question itself is written before muting.
  output.write(question);
  const writeToOutput = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    (rl as unknown as { _writeToOutput: typeof writeToOutput })._writeToOutput = writeToOutput;
    output.write('\n');
    rl.close();
  }
}

#!/usr/bin/env node
// The CLI is bundled with the app (out/main/cli.js) so it runs the very same services.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('peerpath: the app is not built yet; run `npm run build` first.');
  process.exit(1);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2), process.env);

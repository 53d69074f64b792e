/**
 * Writes the role × action table of docs/permissions.md from src-main/contract/permissions.ts, so the
 * doc cannot drift from what the dispatch enforces (test/services/permissions-doc.test.ts checks it).
 * Run: npx tsx scripts/permissions-doc.mjs --write (npm run permissions:docs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTING, ACTIONS, CHANNEL_ACTIONS, can, roleWords } from '../src-main/contract/permissions.ts';

export const DOC = join(import.meta.dirname, '../docs/permissions.md');
const START = '<!-- generated:start (npm run permissions:docs) -->';
const END = '<!-- generated:end -->';

/** The two generated tables: who may do each action, and which channels each action covers. */
export function generatedTables() {
  const head = `| Action | ${ACTING.map(roleWords).join(' | ')} |`;
  const rule = `|---|${ACTING.map(() => ':-:').join('|')}|`;
  const rows = Object.entries(ACTIONS).map(
    ([action, words]) => `| \`${action}\` — ${words} | ${ACTING.map((who) => (can(who, action) ? '✓' : '')).join(' | ')} |`,
  );
  const byAction = new Map();
  for (const [channel, action] of Object.entries(CHANNEL_ACTIONS)) byAction.set(action, [...(byAction.get(action) ?? []), channel]);
  const channels = [...byAction.entries()].map(([action, list]) => `- \`${action}\`: ${list.map((c) => `\`${c}\``).join(', ')}`);
  return [START, '', head, rule, ...rows, '', '### Channels by action', '', ...channels, '', END].join('\n');
}

export function withTables(doc) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < 0) throw new Error('docs/permissions.md: the generated markers are missing');
  return doc.slice(0, start) + generatedTables() + doc.slice(end + END.length);
}

if (process.argv.includes('--write')) {
  writeFileSync(DOC, withTables(readFileSync(DOC, 'utf8')));
  console.log('docs/permissions.md: tables written');
}

/** Types for scripts/permissions-doc.mjs, so the TypeScript tests can import it. */
export const DOC: string;
export function generatedTables(): string;
export function withTables(doc: string): string;

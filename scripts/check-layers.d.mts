/** Types for scripts/check-layers.mjs, so the TypeScript tests can import it. */
export type Layer = {
  name: string;
  files: string[];
  what: string;
  mayImport: string[];
  mayImportTypes?: string[];
  packages?: string[];
  readme?: string;
};
export type LayerTable = {
  typesFromAnywhere?: string[];
  overview?: string;
  layers: Layer[];
  allowed?: { waitingOn: string; crossings: Record<string, string[]> }[];
};
export type Import = { specifier: string; line: number; typeOnly: boolean; kind: 'import' | 'export' | 'dynamic' | 'glob' };
export type Problem = { file: string; line: number; message: string };
export type AllowedCrossing = { from: string; waitingOn: string } & ({ to: string } | { package: string });
export type Doc = { path: string; current: string | null; wanted: string; problem?: string };

export const BEGIN: string;
export const END: string;
export function loadTable(root: string, file?: string): LayerTable;
export function globToRegExp(glob: string): RegExp;
export function layerOf(table: LayerTable, path: string): Layer | undefined;
export function allowedCrossings(table: LayerTable): AllowedCrossing[];
export function parseImports(filename: string, source: string): Import[];
export function packageOf(specifier: string): string;
export function listFiles(root: string): string[];
export function checkLayers(options: { root: string; table: LayerTable; files?: string[]; read?: (file: string) => string }): {
  errors: Problem[];
  warnings: Problem[];
  allowed: (AllowedCrossing & { hits: Problem[] })[];
};
export function readmeBlock(table: LayerTable, readme: string): string;
export function overviewBlock(table: LayerTable, root?: string): string;
export function docs(options: { root: string; table: LayerTable }): Doc[];

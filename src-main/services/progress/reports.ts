/**
 * The old name of progress marks' reading, kept only for src-main/reports/gather.ts, which another
 * change owns: remove this file once gather.ts imports `listMarksForPlan` from './marks'.
 */
export { listMarksForPlan as listReportsForPlan } from './marks';

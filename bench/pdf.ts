/**
 * The PDF benchmark: one team summary (a student with four goals, each with its graph) and a batch
 * of students one after another, made by the engine (pdfkit, `buildReport` as `reports.preview`
 * uses it: nothing written, nothing recorded) and, in the same run, the same gathered view printed
 * from HTML by headless Chromium (Debian's, through playwright-core). One browser and one page for
 * the run; its launch is timed apart. The two sides alternate round by round.
 */
import { performance } from 'node:perf_hooks';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { ServiceContext } from '../src-main/services/context';
import { getPlan, listPlansForStudent } from '../src-main/services/plans/plans';
import { buildReport } from '../src-main/services/reports/export';
import { gatherTeamSummary, planInForce } from '../src-main/services/reports/gather';
import { summarize } from './measure';
import { teamSummaryHtml } from './pdf-html';

const ROUNDS = 10;
const WARMUP = 2;
const GOALS_WANTED = 4;

export interface PdfBenchResult {
  teamSummary: {
    pdfkitMs: { p50: number; p95: number };
    chromiumMs: { p50: number; p95: number };
    /** Of the pdfkit report. */
    pages: number;
    goals: number;
  };
  /** `students` may be fewer than asked when fewer of the ids given have a plan to report on. */
  batch: { students: number; pdfkitMs: number; chromiumMs: number };
  /** Starting the browser once for the run; not in any time above. */
  chromiumLaunchMs: number;
}

/** The goals of the plan a report would be about, or null when the student has no plan to report on. */
function goalCount(ctx: ServiceContext, studentId: string): number | null {
  const plans = listPlansForStudent(ctx, studentId);
  if (!plans.some((plan) => plan.status === 'active' || plan.status === 'ended')) return null;
  return getPlan(ctx, planInForce(plans).id).goals.length;
}

/** The first student with at least four goals, else the one with the most; and those that can be reported on. */
function chooseStudents(ctx: ServiceContext, studentIds: readonly string[]): { single: string; goals: number; reportable: string[] } {
  let best: { id: string; goals: number } | null = null;
  const reportable: string[] = [];
  for (const id of studentIds) {
    const goals = goalCount(ctx, id);
    if (goals === null) continue;
    reportable.push(id);
    if (!best || (best.goals < GOALS_WANTED && goals > best.goals)) best = { id, goals };
  }
  if (!best) throw new Error('bench: none of the students given has a plan to report on');
  return { single: best.id, goals: best.goals, reportable };
}

async function pdfkitReport(ctx: ServiceContext, studentId: string): Promise<number> {
  const built = await buildReport(ctx, { kind: 'team_summary', studentId });
  return built.pages;
}

async function chromiumReport(ctx: ServiceContext, page: Page, studentId: string): Promise<number> {
  const html = teamSummaryHtml(gatherTeamSummary(ctx, { studentId }));
  await page.setContent(html);
  const bytes = await page.pdf({ format: 'Letter', printBackground: true });
  return bytes.length;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function percentiles(samples: readonly number[]): { p50: number; p95: number } {
  const { p50, p95 } = summarize(samples);
  return { p50, p95 };
}

export async function runPdfBench(ctx: ServiceContext, studentIds: string[], options: { batchSize: number }): Promise<PdfBenchResult> {
  const chosen = chooseStudents(ctx, studentIds);
  let browser: Browser | undefined;
  const chromiumLaunchMs = await timed(async () => {
    browser = await chromium.launch({
      executablePath: process.env.PEERPATH_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  if (!browser) throw new Error('bench: Chromium did not start');
  const running = browser;
  try {
    const page = await running.newPage();
    let pages = 0;
    for (let round = 0; round < WARMUP; round += 1) {
      pages = await pdfkitReport(ctx, chosen.single);
      await chromiumReport(ctx, page, chosen.single);
    }
    const pdfkit: number[] = [];
    const printed: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      pdfkit.push(await timed(() => pdfkitReport(ctx, chosen.single)));
      printed.push(await timed(() => chromiumReport(ctx, page, chosen.single)));
    }

    const batch = chosen.reportable.slice(0, options.batchSize);
    const batchPdfkitMs = await timed(async () => {
      for (const id of batch) await pdfkitReport(ctx, id);
    });
    const batchChromiumMs = await timed(async () => {
      for (const id of batch) await chromiumReport(ctx, page, id);
    });
    return {
      teamSummary: { pdfkitMs: percentiles(pdfkit), chromiumMs: percentiles(printed), pages, goals: chosen.goals },
      batch: { students: batch.length, pdfkitMs: batchPdfkitMs, chromiumMs: batchChromiumMs },
      chromiumLaunchMs,
    };
  } finally {
    await running.close();
  }
}

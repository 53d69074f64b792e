/**
 * The reports' settings, kept in the vault's settings table under their own keys: the school name
 * printed at the top (else the student's or mentor's school), an optional PNG/JPEG logo, and the
 * paper size (Letter unless the school picks A4), and the title and contact printed under the
 * signer of a mentor's letter.
 */
import { eq, inArray } from 'drizzle-orm';
import { settings } from '../../../db/schema';
import { AppError } from '../../contract';
import { MAX_LOGO_BYTES, PaperSize, type ReportSettings, type ReportSettingsChanges } from '../../contract/reports';
import type { Letterhead } from '../../reports/model';
import { change, type ServiceContext } from '../context';
import type { Queryable } from '../vault-db';

const KEYS = {
  schoolName: 'reports.schoolName',
  logoBase64: 'reports.logo',
  paperSize: 'reports.paperSize',
  signerTitle: 'reports.signerTitle',
  signerContact: 'reports.signerContact',
} as const;

const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  schoolName: null,
  logoBase64: null,
  paperSize: 'letter',
  signerTitle: null,
  signerContact: null,
};

export function readReportSettings(db: Queryable): ReportSettings {
  const rows = db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(KEYS)))
    .all();
  const value = (key: string): unknown => {
    const row = rows.find((candidate) => candidate.key === key);
    return row ? JSON.parse(row.value) : null;
  };
  const schoolName = value(KEYS.schoolName);
  const logo = value(KEYS.logoBase64);
  const text = (key: string): string | null => {
    const stored = value(key);
    return typeof stored === 'string' ? stored : null;
  };
  return {
    schoolName: typeof schoolName === 'string' ? schoolName : null,
    logoBase64: typeof logo === 'string' ? logo : null,
    paperSize: PaperSize.catch(DEFAULT_REPORT_SETTINGS.paperSize).parse(value(KEYS.paperSize) ?? undefined),
    signerTitle: text(KEYS.signerTitle),
    signerContact: text(KEYS.signerContact),
  };
}

/** pdfkit draws PNG and JPEG; anything else is refused when it is uploaded, not when a report is made. */
function checkLogo(base64: string): void {
  const bytes = Buffer.from(base64, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
  if (!png && !jpeg) throw new AppError('invalid_input', 'The logo must be a PNG or JPEG image.');
  if (bytes.length > MAX_LOGO_BYTES) throw new AppError('invalid_input', 'The logo must be at most 512 KB.');
}

export function updateReportSettings(ctx: ServiceContext, changes: ReportSettingsChanges): ReportSettings {
  if (changes.logoBase64) checkLogo(changes.logoBase64);
  return change(ctx, (tx) => {
    const fields = Object.keys(changes).filter((key): key is keyof typeof KEYS => key in KEYS);
    for (const field of fields) {
      const key = KEYS[field];
      const value = changes[field];
      if (value === null) tx.delete(settings).where(eq(settings.key, key)).run();
      else {
        const json = JSON.stringify(value);
        tx.insert(settings)
          .values({ key, value: json })
          .onConflictDoUpdate({ target: settings.key, set: { value: json } })
          .run();
      }
    }
    return {
      result: readReportSettings(tx),
      record: { action: 'report_settings.updated', entity: 'settings', entityId: 'reports', fields },
    };
  });
}

/** The letterhead of a report about someone at `school`. */
export function letterheadFor(db: Queryable, school: string): Letterhead {
  const current = readReportSettings(db);
  return {
    schoolName: current.schoolName ?? school,
    logo: current.logoBase64 ? new Uint8Array(Buffer.from(current.logoBase64, 'base64')) : null,
    paperSize: current.paperSize,
  };
}

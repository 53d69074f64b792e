/**
 * One report document: pdfkit set up for every report the same way — the bundled faces (fonts.ts),
 * the reading direction of its language, Letter
 * or A4, a tagged PDF (structure tree, document language, title shown by viewers) — plus the page
 * frame (letterhead, and a footer with page numbers and the confidentiality line on every page) and
 * the bytes at the end. Output is deterministic: the dates come from the "prepared on" day and the
 * file ID is a hash of everything the document was made from, so the same inputs give the same file.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { PaperSize } from '../../contract/reports';
import { languageDirection } from '../i18n/index';
import type { Letterhead } from '../model';
import { type FaceKey, fallbackOrder, printable, type ReportFonts, type ShapedWords, shapedWords } from './fonts';
import { drawText } from './text';

export const INK = '#1b1f24';
export const MUTED = '#4d5661';
export const ACCENT = '#1f5f8b';
export const RULE = '#c9d3dc';
export const TINT = '#eef3f7';

const PAPER: Record<PaperSize, string> = { letter: 'LETTER', a4: 'A4' };
const MARGIN = { top: 50, bottom: 74, left: 56, right: 56 };

export interface DocumentSetup {
  fonts: ReportFonts;
  letterhead: Letterhead;
  /** BCP 47, for the document's /Lang. */
  language: string;
  title: string;
  subject: string;
  /** The day the report is dated: its creation and modification date. */
  preparedOn: string;
  /** Everything the document is made from; its hash is the document's ID. */
  inputs: unknown;
  /** The footer's own line (for whom, when), under the confidentiality line. */
  footerNote: string;
  /** The confidentiality line; left out of documents meant to be shown (a mentor's letter). */
  confidential?: string;
  pageOf: (page: number, pages: number) => string;
}

/**
 * Metadata is shown by viewers in system fonts, so it keeps every script; but pdfkit repeats it
 * unescaped in the XMP packet, so markup characters, controls and unpaired surrogates stay out.
 */
function metadataSafe(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Default_Ignorable_Code_Point}]/gu, '')
    .replace(/\p{Surrogate}/gu, '\uFFFD')
    .replace(/&/g, '+')
    .replace(/[<>]/g, '');
}

/** SHA-256 of the inputs, with byte arrays (a logo) hashed in place of their contents. */
function fingerprint(inputs: unknown): Uint8Array {
  const json = JSON.stringify(inputs, (_key, value: unknown) =>
    value instanceof Uint8Array ? `sha256:${createHash('sha256').update(value).digest('hex')}` : value,
  );
  return new Uint8Array(createHash('sha256').update(json).digest().subarray(0, 16));
}

export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  /** The tagged structure's root: every heading, paragraph and figure hangs under it. */
  readonly root: PDFKit.PDFStructureElement;
  readonly fonts: ReportFonts;
  /** Right-to-left: text aligned right, columns mirrored where the reading order matters. */
  readonly rtl: boolean;
  private readonly setup: DocumentSetup;
  private readonly order: { regular: FaceKey[]; bold: FaceKey[] };
  private readonly names = {} as Record<FaceKey, string>;
  private readonly shaping = new Set<FaceKey>();

  constructor(setup: DocumentSetup) {
    this.setup = setup;
    this.fonts = setup.fonts;
    const dated = new Date(`${setup.preparedOn}T12:00:00Z`);
    this.doc = new PDFDocument({
      size: PAPER[setup.letterhead.paperSize],
      margins: MARGIN,
      pdfVersion: '1.7',
      tagged: true,
      lang: setup.language,
      displayTitle: true,
      bufferPages: true,
      // No default font: pdfkit would otherwise reference its standard Helvetica, which is never embedded.
      font: null as unknown as string,
      info: {
        Title: metadataSafe(setup.title),
        Subject: metadataSafe(setup.subject),
        Author: metadataSafe(setup.letterhead.schoolName),
        Creator: 'Peerpath',
        Producer: 'Peerpath',
        CreationDate: dated,
        ModDate: dated,
      },
    });
    // pdfkit derives the trailer ID from the info dictionary only; ours follows the content's inputs.
    (this.doc as unknown as { _id: Uint8Array })._id = fingerprint([setup.inputs, setup.letterhead, setup.language]);
    this.rtl = languageDirection(setup.language) === 'rtl';
    this.order = { regular: fallbackOrder(setup.language, false), bold: fallbackOrder(setup.language, true) };
    // "regular" and "bold" name the language's own faces (the goal graph draws in them); every other
    // face is registered under its key. Arabic's own face has no Latin digits or letters, so in an
    // Arabic report the graph keeps DejaVu, which has both scripts.
    const own = {
      regular: this.rtl ? 'regular' : (this.order.regular[0] ?? 'regular'),
      bold: this.rtl ? 'bold' : (this.order.bold[0] ?? 'bold'),
    };
    for (const key of Object.keys(setup.fonts) as FaceKey[]) {
      this.names[key] = key === own.regular ? 'regular' : key === own.bold ? 'bold' : `face-${key}`;
      // pdfkit takes an already parsed fontkit face as a font source (its typings list only bytes and paths).
      this.doc.registerFont(this.names[key], setup.fonts[key] as unknown as string);
    }
    if (own.bold === own.regular) this.doc.registerFont('bold', setup.fonts[own.bold as FaceKey] as unknown as string);
    // Regular first: pdfkit names fonts F1, F2 in the order they are first set, and the bytes show it.
    this.setFace(own.regular as FaceKey);
    this.setFace(own.bold as FaceKey);
    this.doc.font('regular').fillColor(INK);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The lowest y body content may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The text ready to draw (NFC, no invisible characters or controls). */
  printable(text: string): string {
    return printable(text);
  }

  /** The faces regular or bold text tries, in order. */
  faceOrder(bold: boolean): readonly FaceKey[] {
    return bold ? this.order.bold : this.order.regular;
  }

  /**
   * Makes `key` the current font. pdfkit keeps the words it has shaped per document (the font's
   * layoutCache); ours are shared across documents.
   */
  setFace(key: FaceKey): void {
    this.doc.font(this.names[key]);
    if (!this.shaping.has(key)) {
      (this.doc as unknown as { _font: { layoutCache: ShapedWords } })._font.layoutCache = shapedWords(this.fonts[key]);
      this.shaping.add(key);
    }
  }

  /** Starts a new page unless `height` more points fit on this one (keeps a block together). */
  keepTogether(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.doc.page.margins.top + 1) {
      this.doc.addPage();
    }
  }

  /** Decoration readers should skip (rules, tints, the logo): marked as an artifact. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  /** The school's name and logo across the top of the first page, above `title`. */
  letterhead(title: string, subtitle: string | null, parent: PDFKit.PDFStructureElement): void {
    const { doc } = this;
    const top = doc.y;
    const logoBox = { width: 110, height: 44 };
    const textWidth = this.setup.letterhead.logo ? this.width - logoBox.width - 12 : this.width;
    // The logo sits at the end of the reading line: right in left-to-right, left in right-to-left.
    const textLeft = this.rtl && this.setup.letterhead.logo ? logoBox.width + 12 : 0;
    const logoLeft = this.rtl ? this.left : this.left + this.width - logoBox.width;
    if (this.setup.letterhead.logo) {
      const logo = this.setup.letterhead.logo;
      this.artifact(() => {
        try {
          doc.image(Buffer.from(logo), logoLeft, top, {
            fit: [logoBox.width, logoBox.height],
            ...(this.rtl ? {} : { align: 'right' as const }),
          });
        } catch {
          // A logo pdfkit cannot read is left out rather than failing the report; settings check it on upload.
        }
      });
    }
    parent.add(
      doc.struct('P', {}, () => {
        doc.font('bold').fontSize(10).fillColor(ACCENT);
        drawText(this, this.setup.letterhead.schoolName, this.left + textLeft, top, { width: textWidth, bold: true });
      }),
    );
    doc.moveDown(0.3);
    parent.add(
      doc.struct('H1', {}, () => {
        doc.font('bold').fontSize(19).fillColor(INK);
        drawText(this, title, this.left + textLeft, doc.y, { width: textWidth, bold: true });
      }),
    );
    if (subtitle) {
      parent.add(
        doc.struct('P', {}, () => {
          doc.font('regular').fontSize(10).fillColor(MUTED);
          drawText(this, subtitle, this.left + textLeft, doc.y + 2, { width: textWidth });
        }),
      );
    }
    const below = Math.max(doc.y, top + (this.setup.letterhead.logo ? logoBox.height : 0)) + 8;
    this.artifact(() => {
      doc
        .moveTo(this.left, below)
        .lineTo(this.left + this.width, below)
        .lineWidth(1.5)
        .strokeColor(ACCENT)
        .stroke();
    });
    doc.x = this.left;
    doc.y = below + 12;
  }

  /** Footers on every page (confidentiality, for whom and when, page n of N), then the file's bytes. */
  async finish(): Promise<{ bytes: Uint8Array; pages: number }> {
    const { doc } = this;
    this.root.end();
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      doc.switchToPage(index);
      this.footer(index + 1, range.count);
    }
    const chunks: Uint8Array[] = [];
    const done = new Promise<void>((resolve, reject) => {
      doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
    doc.end();
    await done;
    return { bytes: new Uint8Array(Buffer.concat(chunks)), pages: range.count };
  }

  private footer(page: number, pages: number): void {
    const { doc } = this;
    const bottomMargin = doc.page.margins.bottom;
    // Text below the bottom margin would make pdfkit start a new page; the footer is allowed there.
    doc.page.margins.bottom = 0;
    const top = doc.page.height - bottomMargin + 22;
    const numberWidth = 90;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .moveTo(this.left, top - 6)
      .lineTo(this.left + this.width, top - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    // Page numbers at the end of the reading line, the confidentiality line at its start (none on a letter).
    const textLeft = this.rtl ? this.left + numberWidth : this.left;
    const numberLeft = this.rtl ? this.left : this.left + this.width - numberWidth;
    const { confidential } = this.setup;
    if (confidential) {
      doc.font('bold').fontSize(7.5).fillColor(INK);
      drawText(this, confidential, textLeft, top, { width: this.width - numberWidth, bold: true });
    }
    doc.font('regular').fontSize(7.5).fillColor(MUTED);
    drawText(this, this.setup.pageOf(page, pages), numberLeft, top, { width: numberWidth, align: this.rtl ? 'left' : 'right' });
    drawText(this, this.setup.footerNote, textLeft, confidential ? top + 11 : top, { width: this.width - numberWidth });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottomMargin;
  }
}

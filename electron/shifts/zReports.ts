// Stored Z reports: numbered per till, written once at close (z_reports is append-only), read
// back with their hash checked, printed or saved as PDF with every copy after the first marked
// REPRINT.
import type Database from 'better-sqlite3';
import { newId } from '../../db/ids';
import type { ZReportContent, ZReportSummary, ZReportView } from '../shared/contract';
import type { Session } from '../accounts/sessions';
import type { AuditLog } from '../audit/auditLog';
import type { Deps } from '../core/deps';
import { conflict, notFound } from '../core/errors';
import type { SettingsStore } from '../settings/shopSettings';
import type { ReceiptPrinter } from '../receipts/receiptService';
import { sha256Hex } from './zReportContent';
import { zReportHtml } from './zReportHtml';

/** The receipts' words: printing needs Electron. */
const NO_PRINTER = 'Printing is available in the desktop app';
const PAGE = 20;

interface ZRow {
  id: string;
  terminal_id: string;
  number: number;
  shift_id: string;
  business_day: string;
  content: string;
  content_hash: string;
  audit_head: string;
  closed_by: string;
  created_at: number;
}

export interface NewZReport {
  id: string;
  terminalId: string;
  number: number;
  shiftId: string;
  businessDay: string;
  content: string;
  contentHash: string;
  auditHead: string;
  closedBy: string;
  createdAt: number;
}

type Stmt<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export class ZReports {
  private readonly byIdStmt: Stmt<[string], ZRow>;
  private readonly byShiftStmt: Stmt<[string], { id: string }>;
  private readonly nextNumberStmt: Stmt<[string], { n: number }>;
  private readonly insertStmt: Stmt<[NewZReport]>;
  private readonly pageStmt: Stmt<[string, number, number], ZRow>;
  private readonly printedStmt: Stmt<[string], { n: number }>;
  private readonly insertPrintStmt: Stmt<[{ id: string; zReportId: string; userId: string; kind: 'print' | 'pdf'; createdAt: number }]>;

  constructor(
    private readonly deps: Deps,
    private readonly settings: SettingsStore,
    private readonly printer: ReceiptPrinter | null,
    private readonly audit: AuditLog,
  ) {
    const { sqlite } = deps;
    this.byIdStmt = sqlite.prepare(`select * from z_reports where id = ?`);
    this.byShiftStmt = sqlite.prepare(`select id from z_reports where shift_id = ?`);
    // One counter per till, never reused (z_reports_till_number keeps it unique).
    this.nextNumberStmt = sqlite.prepare(`select coalesce(max(number), 0) + 1 as n from z_reports where terminal_id = ?`);
    this.insertStmt = sqlite.prepare(
      `insert into z_reports (id, terminal_id, number, shift_id, business_day, content, content_hash, audit_head, closed_by, created_at)
       values (@id, @terminalId, @number, @shiftId, @businessDay, @content, @contentHash, @auditHead, @closedBy, @createdAt)`,
    );
    this.pageStmt = sqlite.prepare(`select * from z_reports where terminal_id = ? and number < ? order by number desc limit ?`);
    this.printedStmt = sqlite.prepare(`select count(*) as n from z_report_prints where z_report_id = ?`);
    this.insertPrintStmt = sqlite.prepare(
      `insert into z_report_prints (id, z_report_id, user_id, kind, created_at) values (@id, @zReportId, @userId, @kind, @createdAt)`,
    );
  }

  // ---------- written by the close (inside its transaction) ----------

  nextNumber(): number {
    return this.nextNumberStmt.get(this.deps.terminal.id)!.n;
  }
  store(row: NewZReport): void {
    this.insertStmt.run(row);
  }
  idForShift(shiftId: string): string | null {
    return this.byShiftStmt.get(shiftId)?.id ?? null;
  }

  // ---------- reading ----------

  /** This till's Z reports, newest first; `before` is the number the previous page ended at. */
  list(before: string | undefined): { reports: ZReportSummary[]; nextCursor: string | null } {
    const below = before ? Number.parseInt(before, 10) : Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(below)) return { reports: [], nextCursor: null };
    const rows = this.pageStmt.all(this.deps.terminal.id, below, PAGE + 1);
    const reports = rows.slice(0, PAGE).map((row): ZReportSummary => {
      const z = this.content(row);
      return {
        id: row.id,
        number: row.number,
        terminalName: z.terminalName,
        businessDay: row.business_day,
        closedAt: z.closedAt,
        closedBy: z.closedBy,
        net: z.figures.net,
        variance: z.cash.variance,
        currency: z.currency,
      };
    });
    return { reports, nextCursor: rows.length > PAGE ? String(reports.at(-1)!.number) : null };
  }

  get(id: string): ZReportView {
    const row = this.byIdStmt.get(id);
    if (!row) throw notFound('That Z report');
    return {
      ...this.content(row),
      id: row.id,
      contentHash: row.content_hash,
      auditHead: row.audit_head,
      printedBefore: this.printedStmt.get(row.id)!.n > 0,
      intact: sha256Hex(row.content) === row.content_hash,
    };
  }

  private content(row: ZRow): ZReportContent {
    try {
      return JSON.parse(row.content) as ZReportContent;
    } catch {
      throw conflict(`The stored text of Z report ${row.number} is damaged and cannot be shown`);
    }
  }

  // ---------- printing ----------

  private requirePrinter(): ReceiptPrinter {
    if (!this.printer) throw conflict(NO_PRINTER);
    return this.printer;
  }

  async print(session: Session, id: string): Promise<{ printer: string; reprint: boolean }> {
    const printer = this.requirePrinter();
    const z = this.get(id);
    const shop = this.settings.requireShop();
    const result = await printer.print(zReportHtml(z, z.printedBefore), { silent: shop.silentPrint, deviceName: shop.printerName });
    this.recordCopy(session, z, 'print');
    return { printer: result.printer, reprint: z.printedBefore };
  }

  async savePdf(session: Session, id: string): Promise<{ saved: boolean; path: string | null; reprint: boolean }> {
    const printer = this.requirePrinter();
    const z = this.get(id);
    const result = await printer.savePdf(zReportHtml(z, z.printedBefore), `z-report-${z.number}-${z.businessDay}.pdf`);
    // Cancelled in the save dialog: no copy was made.
    if (result.saved) this.recordCopy(session, z, 'pdf');
    return { ...result, reprint: z.printedBefore };
  }

  /** A copy went out: the print row and its audit event together. */
  private recordCopy(session: Session, z: ZReportView, kind: 'print' | 'pdf'): void {
    const now = this.deps.clock.now();
    this.deps.sqlite.transaction(() => {
      this.insertPrintStmt.run({ id: newId(now), zReportId: z.id, userId: session.userId, kind, createdAt: now });
      this.audit.append({
        actorUserId: session.userId,
        action: 'zreport.print',
        entityType: 'z_report',
        entityId: z.id,
        newValue: { number: z.number, kind, reprint: z.printedBefore },
      });
    })();
  }
}

// The reports channels on main's side: the report itself is computed on the shared read worker
// (salesReports.ts, never on the till's event loop); main adds the shop's settings to the job,
// asks where to save, writes the CSV file and hands the summary page to the printer.
import fs from 'node:fs/promises';
import type { ParsedInput, SalesReport } from '../shared/contract';
import type { Clock, Logger, SaveDialog } from '../core/deps';
import { conflict, fileWriteSentence } from '../core/errors';
import type { ReadPool } from '../core/readPool';
import { NO_PRINTER, type ReceiptPrinter } from '../receipts/receiptService';
import type { SettingsStore } from '../settings/shopSettings';
import { reportCsv } from './reportCsv';
import { reportHtml } from './reportHtml';

const NO_SAVE_DIALOG = 'Saving files is available in the desktop app.';

type Period = { from: string; to: string };

export class ReportService {
  constructor(
    private readonly deps: { clock: Clock; logger: Logger },
    private readonly settings: SettingsStore,
    private readonly reads: Pick<ReadPool, 'run'>,
    private readonly printer: ReceiptPrinter | null,
    private readonly saveDialog: SaveDialog | null,
  ) {}

  /** The sales report of business days from..to, from the read worker. */
  sales(input: ParsedInput<'reports.sales'>): Promise<SalesReport> {
    const shop = this.settings.requireShop();
    return this.reads.run('reports.sales', {
      from: input.from,
      to: input.to,
      ...(input.bucket ? { bucket: input.bucket } : {}),
      timezone: shop.timezone,
      currency: shop.currency,
      businessDayStartMinutes: shop.businessDayStartMinutes,
    });
  }

  /**
   * Builds the report, then asks where and writes it as one CSV; cancelled in the dialog: nothing
   * is written. The report first: a period it refuses (hours over weeks) is said before any dialog.
   */
  async exportCsv(input: ParsedInput<'reports.exportCsv'>): Promise<{ saved: boolean; path: string | null; rows: number }> {
    if (!this.saveDialog) throw conflict(NO_SAVE_DIALOG);
    const { csv, rows } = reportCsv(await this.sales(input));
    const chosen = await this.saveDialog.choosePath(`brewline-report-${input.from}-to-${input.to}.csv`, { name: 'CSV (spreadsheet)', extensions: ['csv'] });
    if (!chosen) return { saved: false, path: null, rows: 0 };
    // A name typed without an extension still opens in a spreadsheet.
    const path = /\.[A-Za-z0-9]{1,8}$/.test(chosen) ? chosen : `${chosen}.csv`;
    // Written beside, then moved into place: a failed write never leaves half a report under the chosen name.
    try {
      await fs.writeFile(`${path}.partial`, csv);
      await fs.rename(`${path}.partial`, path);
    } catch (error) {
      await fs.rm(`${path}.partial`, { force: true });
      // "Something went wrong, try again" would send them back to the same folder: say what is wrong with it.
      this.deps.logger.error('report export failed', { error: error instanceof Error ? error.message : String(error) });
      throw conflict(fileWriteSentence(error));
    }
    return { saved: true, path, rows };
  }

  async print(input: Period): Promise<{ printer: string }> {
    const printer = this.requirePrinter();
    const shop = this.settings.requireShop();
    const html = await this.html(input);
    return printer.print(html, { silent: shop.silentPrint, deviceName: shop.printerName });
  }

  async savePdf(input: Period): Promise<{ saved: boolean; path: string | null }> {
    const printer = this.requirePrinter();
    return printer.savePdf(await this.html(input), `brewline-report-${input.from}-to-${input.to}.pdf`);
  }

  private async html(input: Period): Promise<string> {
    const report = await this.sales({ from: input.from, to: input.to });
    return reportHtml(report, { name: this.settings.requireShop().name, generatedAt: this.deps.clock.now() });
  }

  private requirePrinter(): ReceiptPrinter {
    if (!this.printer) throw conflict(NO_PRINTER);
    return this.printer;
  }
}

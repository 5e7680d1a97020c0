// What every page of a document carries besides its text, from the settings: the page numbers (the
// setting เลขหน้า; default "- ๒ -" centred at the top from page 2, the งานสารบรรณ convention) and the
// sample-data banner ("ตัวอย่าง — ไม่ใช่ข้อมูลจริง") while the workbook holds the example's data.
import type { DocumentModel } from './document';
import { SAMPLE_BANNER } from './messages/plan';
import type { Settings, Tracker } from './model';

export type DocumentFrame = Pick<DocumentModel, 'pageNumbers' | 'banner'>;

/**
 * The frame of a document built from these settings; `sample` adds what else of the data is the
 * example's (the plan: the ITA rows it analyses marked ข้อมูลตัวอย่าง).
 */
export function documentFrame(settings: Settings, sample = false): DocumentFrame {
  return {
    ...(settings.pageNumbers === 'none'
      ? {}
      : { pageNumbers: { position: settings.pageNumbers, thaiDigits: settings.numerals === 'thai' } }),
    ...(settings.sampleData || sample ? { banner: SAMPLE_BANNER } : {}),
  };
}

/** Whether the ITA rows of a year include the example's made-up scores. */
export const itaYearIsSample = (tracker: Tracker, year: number): boolean =>
  tracker.itaResults.some((r) => r.year === year && r.sample);

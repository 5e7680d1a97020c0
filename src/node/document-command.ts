// A document from the command line: generateDocument (src/core/app/documents.ts) on the CLI's ports
// (src/node/document-ports.ts), its outcome printed the one way for every kind: the blocking problems
// with tab and cell (exit 1), a refusal (exit 1), a failure in the user's words with whether anything
// was written (exit 2), or the warnings and the files written (exit 0).
import {
  type DocumentKind,
  type DocumentRequest,
  type GeneratedDocument,
  generateDocument,
} from '../core/app/documents';
import { runAsync } from '../core/app/flow';
import { reasonOf } from '../core/app/notifier';
import { CLI } from '../core/messages/cli';
import { FILES } from '../core/messages/files';
import { REPORT_CLI } from '../core/messages/report';
import { formatProblem } from '../core/messages/validation';
import type { WorkbookSnapshot } from '../core/workbook';
import { EXIT, FileError, UsageError } from './command';
import { cliDocumentPorts, type PdfMode, type WrittenFiles } from './document-ports';
import type { KeptWorkbook } from './xlsx-store';

export interface DocumentRun<X> {
  code: number;
  document?: GeneratedDocument<X>;
  files?: WrittenFiles;
}

export async function runDocument<X>(
  kind: DocumentKind<X>,
  request: DocumentRequest,
  opts: {
    snapshot: WorkbookSnapshot;
    out: string;
    pdf: PdfMode;
    workbook: string | null;
    kept?: KeptWorkbook;
    command: string;
    images?: ReadonlyMap<string, Uint8Array>;
  },
): Promise<DocumentRun<X>> {
  const ports = cliDocumentPorts({ ...opts, base: kind.name });
  const outcome = await runAsync(generateDocument(kind, request, ports));
  switch (outcome.kind) {
    case 'blocked':
      for (const p of outcome.problems) if (p.severity === 'error') console.error(formatProblem(p));
      console.error(REPORT_CLI.blockedCli);
      return { code: EXIT.workbookErrors };
    case 'refused':
      console.error(outcome.message);
      return { code: EXIT.workbookErrors };
    case 'queued':
      // the CLI has no owner's queue (its ports give none)
      return { code: EXIT.usage };
    case 'failed': {
      if (outcome.error instanceof FileError || outcome.error instanceof UsageError) throw outcome.error;
      console.error(reasonOf(outcome.error));
      if (!ports.store.written()) console.error(FILES.nothingWritten);
      return { code: EXIT.usage };
    }
    case 'done':
      return { code: EXIT.ok, document: outcome.document, files: ports.store.written() ?? undefined };
  }
}

/** The warnings, then each file written. */
export function printDocumentRun(run: { document?: { warnings: string[] }; files?: WrittenFiles }): void {
  const warnings = run.document?.warnings ?? [];
  if (warnings.length) {
    console.log(REPORT_CLI.warningsCount(warnings.length));
    for (const w of warnings) console.log(`  - ${w}`);
  }
  for (const p of [run.files?.docx, run.files?.html, run.files?.pdf]) if (p) console.log(CLI.wrote(p));
}

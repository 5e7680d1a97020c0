// The tracker's menu in the bound sheet. Labels live in src/core/messages/menu.ts; each item names an entry point.
import { MENU } from '../core/messages';

/** Menu items in the order users see them: [label key, entry function name]. */
export const MENU_ITEMS: ReadonlyArray<readonly [keyof typeof MENU.items, string]> = [
  ['report', 'menuGenerateReport'],
  ['validate', 'menuValidateAll'],
  ['sync', 'menuSyncDivisionTabs'],
  ['previewReminders', 'menuPreviewReminders'],
  ['importReport', 'menuImportPreviousReport'],
  ['setup', 'menuSetup'],
  ['healthCheck', 'menuHealthCheck'],
  ['healthCheckCopy', 'menuHealthCheckCopy'],
];

export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU.title);
  for (const [label, fn] of MENU_ITEMS) menu.addItem(MENU.items[label], fn);
  menu.addToUi();
}

// Every behaviour the fakes model that a contract checks, in one list: tests/contract/contract.test.ts
// runs each on the fakes; `npm run test:live:gas` runs the live ones on a real test sheet.
import { DOCS_CONTRACTS } from './checks/docs';
import { DRIVE_CONTRACTS } from './checks/drive';
import { SCRIPT_CONTRACTS } from './checks/script';
import { SHEETS_CONTRACTS } from './checks/sheets';
import { TRIGGER_CONTRACTS } from './checks/triggers';
import type { Contract } from './contract';

export const CONTRACTS: readonly Contract[] = [
  ...SHEETS_CONTRACTS,
  ...DOCS_CONTRACTS,
  ...DRIVE_CONTRACTS,
  ...TRIGGER_CONTRACTS,
  ...SCRIPT_CONTRACTS,
];

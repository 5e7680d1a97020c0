// What a sheet offers and shows people, the same in both runtimes (the Google Sheet's validation and
// formats, the .xlsx workbook's): the values a dropdown allows, the years a fiscal year may be, and
// how dates are shown.
import { NUMERALS_LABEL, STATUS_LABEL } from './messages/tabs-headers';
import { AREAS, ROUNDS } from './model';
import type { ColumnType, SettingType } from './schema';
import { BE_YEAR_THRESHOLD } from './thai';

/**
 * The values a dropdown offers for a column or setting type, or null where there is no fixed list
 * (the division names come from the sheet itself).
 */
export function allowedValues(type: ColumnType | SettingType): readonly string[] | null {
  switch (type) {
    case 'area':
      return AREAS;
    case 'status':
      return Object.values(STATUS_LABEL);
    case 'round':
      return ROUNDS.map(String);
    case 'numerals':
      return Object.values(NUMERALS_LABEL);
    default:
      return null;
  }
}

/** A fiscal year as the settings take it: a Buddhist-era year (a CE year is below the minimum). */
export const FISCAL_YEAR_RANGE = { min: BE_YEAR_THRESHOLD, max: 2800 } as const;

/** How dates are shown to people. Sheets and Excel read the same pattern, so both runtimes show the same. */
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm';

/** The number format of a column type's cells, or null where the value is shown as it is. */
export const displayFormat = (type: ColumnType): string | null =>
  type === 'date' ? DATE_FORMAT : type === 'datetime' ? DATETIME_FORMAT : null;

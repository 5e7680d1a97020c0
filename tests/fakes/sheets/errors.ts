export const ERR = {
  rows: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columns: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  noPermission: 'You do not have permission to perform that action.',
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  hideAll: "You can't hide all the sheets in a document.",
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  cellTooLong: (max: number) => `Your input contains more than the maximum of ${max} characters in a single cell.`,
  listTooLong:
    'The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.',
  noDomain: 'Domain edit is only supported for spreadsheets owned by a Google Workspace domain.',
  unprotectedOnRange: 'Unprotected ranges can only be set on a protected sheet.',
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
} as const;

/** Google Sheets' limit on the characters of one cell. */
export const MAX_CELL_CHARS = 50000;
/** What getValues returns for a formula cell: the fakes do not compute formulas. */
export const FORMULA_PLACEHOLDER = '#ERROR!';

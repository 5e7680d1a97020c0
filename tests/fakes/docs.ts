// In-memory DocumentApp (Document, Body, Paragraph, Table, TableRow, TableCell, Text) and the Docs
// advanced service (`Docs.Documents.get` / `batchUpdate`), sharing one Drive store with drive.ts so
// documents have Drive revisions that can be published. Written from:
//  - developers.google.com/apps-script/reference/document/body: a Body "may contain ListItem,
//    Paragraph, Table, and TableOfContents elements"; appendTable(cells) "Appends a new Table
//    containing a TableCell for each specified string value"; setText "Sets the contents … Note:
//    existing contents are cleared"; a section cannot lose its last paragraph.
//  - …/document/table ("When creating a Table that contains a large number of rows or cells,
//    consider building it from a string array" — one appendTable call), …/table-row, …/table-cell
//    (a TableCell holds Paragraph, ListItem or Table elements), …/paragraph, …/text.
//  - …/document/document: saveAndClose "Saves the current Document … A closed Document can't be
//    edited"; it "is automatically invoked at the end of script execution for each open editable
//    Document" (handles.endExecution() plays that part).
//  - developers.google.com/docs/api/concepts/rules-behavior: "Inserting a newline character
//    implicitly creates a new Paragraph at that index" — so text handed to DocumentApp with "\n"
//    becomes separate paragraphs here (a cell's list items are paragraphs of that cell).
//  - developers.google.com/docs/api/concepts/structure: body content starts with a section break
//    (0–1); indexes count UTF-16 code units; each paragraph ends with "\n"; a table, each row and
//    each cell open with one index of their own (the guide's table example: table at 2, first cell's
//    text at 5). The one index closing a table is this fake's assumption; the report code never computes
//    indexes, it reads them from documents.get.
//  - …/document/body#appendImage(BlobSource) (a new paragraph holding an InlineImage), #getImages(),
//    …/inline-image#getBlob() (the image's bytes back), …/paragraph#addPositionedImage(BlobSource),
//    …/positioned-image (setLayout with Enum PositionedLayout, setHeight / setWidth / setLeftOffset /
//    setTopOffset in points); a new image is its natural size at 96 dpi (this fake's assumption).
//  - developers.google.com/docs/api/reference/rest/v1/documents/request: PinTableHeaderRowsRequest
//    {tableStartLocation, pinnedHeaderRowsCount} "Updates the number of pinned table header rows in a
//    table" (pinned rows repeat on every page); batchUpdate: "Each request is validated before being
//    applied. If any request is not valid, then the entire request will fail and nothing will be applied."

import { FakeBlob } from './blob';
import { calls, counted } from './calls';
import type { FakeContext, FakeModule } from './context';
import { type ImportedSegment, importDocx, type SegmentParagraph } from './docx-import';
import { createFaults, type DriveStore, driveStoreOf, type Faults, type FileRecord, MIME } from './drive';

type GDocument = GoogleAppsScript.Document.Document;
type GBody = GoogleAppsScript.Document.Body;

const enumOf = <K extends string>(...keys: K[]): Record<K, K> =>
  Object.fromEntries(keys.map((k) => [k, k])) as Record<K, K>;

export const ElementType = enumOf('BODY_SECTION', 'PARAGRAPH', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'TEXT');
export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
/** reference Enum PositionedLayout: ABOVE_TEXT, BREAK_BOTH, BREAK_LEFT, BREAK_RIGHT, WRAP_TEXT */
export const PositionedLayout = enumOf('ABOVE_TEXT', 'BREAK_BOTH', 'BREAK_LEFT', 'BREAK_RIGHT', 'WRAP_TEXT');
export const ParagraphHeading = enumOf(
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
);
export const Attribute = enumOf(
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'LINE_SPACING',
  'LINK_URL',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
);

export const ERR_DOCS = {
  closed: 'Document is closed, its contents cannot be updated.',
  lastParagraph: "Can't remove the last paragraph in a document section.",
  notFound: (id: string) => `Document is missing (perhaps it was deleted, or you don't have read access?): ${id}`,
  cellsShape: 'The table cells must be a non-empty rectangular array of strings.',
};

type Attrs = Record<string, unknown>;

/** The installed module's fault injection, reached by element methods (set by installDocs). */
let faults: Faults = createFaults();
const check = (method: string) => faults.check(method);

/** One open Document object; elements check it, so a closed document refuses edits. */
interface Session {
  closed: boolean;
}

// ---------------------------------------------------------------- elements

abstract class FakeElement {
  attrs: Attrs = {};
  parent: FakeContainer | null = null;
  abstract readonly typeName: string;
  abstract _api: unknown;
  constructor(protected session: Session) {}
  protected open(): void {
    if (this.session.closed) throw new Error(ERR_DOCS.closed);
  }
  abstract _text(): string;
  getText(): string {
    this.open();
    return this._text();
  }
  getType(): string {
    return this.typeName;
  }
  getAttributes(): Attrs {
    this.open();
    return { ...this.attrs };
  }
  setAttributes(attributes: Attrs): unknown {
    this.open();
    for (const [k, v] of Object.entries(attributes)) {
      if (!(k in Attribute)) throw new Error(`Invalid argument: attributes (unknown attribute ${k})`);
      this.attrs[k] = v;
    }
    return this._api;
  }
  getParent(): unknown {
    this.open();
    return this.parent?._api ?? null;
  }
  editAsText(): unknown {
    this.open();
    return new FakeText(this.session, this)._api;
  }
  removeFromParent(): unknown {
    this.open();
    this.parent?._remove(this);
    return this._api;
  }
}

abstract class FakeContainer extends FakeElement {
  abstract _children(): FakeElement[];
  abstract _remove(child: FakeElement): void;
  getNumChildren(): number {
    this.open();
    return this._children().length;
  }
  getChild(childIndex: number): unknown {
    this.open();
    const c = this._children()[childIndex];
    if (!c)
      throw new Error(
        `Child index (${childIndex}) must be less than the number of child elements (${this._children().length}).`,
      );
    return c._api;
  }
  getChildIndex(child: unknown): number {
    this.open();
    return this._children().findIndex((c) => c._api === child || c === child);
  }
}

export class FakeParagraph extends FakeElement {
  readonly typeName = ElementType.PARAGRAPH;
  readonly _api: GoogleAppsScript.Document.Paragraph;
  heading: string = ParagraphHeading.NORMAL;
  alignment: string | null = null;
  constructor(
    session: Session,
    public text: string,
  ) {
    super(session);
    this._api = counted('Paragraph', this) as unknown as GoogleAppsScript.Document.Paragraph;
  }
  _text(): string {
    return this.text;
  }
  setText(text: string): unknown {
    this.open();
    this.text = String(text);
    return this._api;
  }
  appendText(text: string): unknown {
    this.open();
    this.text += String(text);
    return new FakeText(this.session, this)._api;
  }
  setHeading(heading: string): unknown {
    this.open();
    if (!(heading in ParagraphHeading)) throw new Error('Invalid argument: heading');
    this.heading = heading;
    return this._api;
  }
  getHeading(): string {
    this.open();
    return this.heading;
  }
  setAlignment(alignment: string): unknown {
    this.open();
    if (!(alignment in HorizontalAlignment)) throw new Error('Invalid argument: alignment');
    this.alignment = alignment;
    return this._api;
  }
  getAlignment(): string | null {
    this.open();
    return this.alignment;
  }
  asParagraph(): unknown {
    return this._api;
  }
  /** inline images in the paragraph (Body.appendImage) and images anchored to it (addPositionedImage) */
  images: FakeImage[] = [];
  positioned: FakeImage[] = [];
  addPositionedImage(image: unknown): unknown {
    this.open();
    check('Paragraph.addPositionedImage');
    const img = imageOf('positioned', image);
    this.positioned.push(img);
    return img._api;
  }
  getPositionedImages(): unknown[] {
    this.open();
    return this.positioned.map((i) => i._api);
  }
  override removeFromParent(): unknown {
    this.open();
    const siblings = this.parent?._children() ?? [];
    if (this.parent instanceof FakeBody && siblings.filter((c) => c instanceof FakeParagraph).length <= 1)
      throw new Error(ERR_DOCS.lastParagraph);
    return super.removeFromParent();
  }
}

/** Width and height in points of an image's bytes at 96 dpi, as Docs sizes a new image (PNG IHDR, JPEG SOF). */
function naturalSize(bytes: Uint8Array): { width: number; height: number } {
  const px = (w: number, h: number) => ({ width: (w * 72) / 96, height: (h * 72) / 96 });
  if (bytes[0] === 0x89 && bytes[1] === 0x50)
    return px(
      (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19],
      (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23],
    );
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) break;
    const marker = bytes[i + 1];
    const len = (bytes[i + 2] << 8) | bytes[i + 3];
    if (marker >= 0xc0 && marker <= 0xc3)
      return px((bytes[i + 7] << 8) | bytes[i + 8], (bytes[i + 5] << 8) | bytes[i + 6]);
    i += 2 + len;
  }
  throw new Error('Invalid image data.');
}

/**
 * An image in a document (reference "Class InlineImage" / "Class PositionedImage",
 * developers.google.com/apps-script/reference/document/inline-image, …/positioned-image): getBlob() gives
 * its bytes back; width and height in points (a new one at its natural size); a positioned image also has
 * a layout (PositionedLayout) and left / top offsets in points from its paragraph.
 */
export class FakeImage {
  readonly _api: unknown;
  width: number;
  height: number;
  layout = 'WRAP_TEXT';
  leftOffset = 0;
  topOffset = 0;
  constructor(
    readonly kind: 'inline' | 'positioned',
    readonly bytes: Uint8Array,
    readonly contentType: string,
  ) {
    if (!/^image\/(png|jpeg|gif)$/.test(contentType)) throw new Error('Invalid image data.');
    ({ width: this.width, height: this.height } = naturalSize(bytes));
    this._api = counted(kind === 'inline' ? 'InlineImage' : 'PositionedImage', this);
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return new FakeBlob(this.bytes, this.contentType, null)._api;
  }
  getWidth(): number {
    return this.width;
  }
  getHeight(): number {
    return this.height;
  }
  setWidth(w: number): unknown {
    this.width = w;
    return this._api;
  }
  setHeight(h: number): unknown {
    this.height = h;
    return this._api;
  }
  setLayout(layout: string): unknown {
    if (!(layout in PositionedLayout)) throw new Error('Invalid argument: layout');
    this.layout = layout;
    return this._api;
  }
  setLeftOffset(pt: number): unknown {
    this.leftOffset = pt;
    return this._api;
  }
  setTopOffset(pt: number): unknown {
    this.topOffset = pt;
    return this._api;
  }
  getLayout(): string {
    return this.layout;
  }
}

/** The bytes and type of a Blob handed to DocumentApp. */
const imageOf = (kind: 'inline' | 'positioned', blob: unknown): FakeImage => {
  const b = blob as GoogleAppsScript.Base.Blob;
  const bytes = calls.untracked(() => Uint8Array.from(b.getBytes(), (x) => x & 255));
  return new FakeImage(
    kind,
    bytes,
    calls.untracked(() => b.getContentType() ?? ''),
  );
};

export class FakeText {
  readonly _api: unknown;
  constructor(
    private session: Session,
    private owner: FakeElement,
  ) {
    this._api = counted('Text', this);
  }
  private open(): void {
    if (this.session.closed) throw new Error(ERR_DOCS.closed);
  }
  getText(): string {
    this.open();
    return this.owner._text();
  }
  /** Styles set on a range are kept on the owning element (the fake does not model runs). */
  private style(key: string, args: unknown[]): unknown {
    this.open();
    this.owner.attrs[key] = args.length >= 3 ? args[2] : args[0];
    return this._api;
  }
  setBold(...args: unknown[]): unknown {
    return this.style(Attribute.BOLD, args);
  }
  setItalic(...args: unknown[]): unknown {
    return this.style(Attribute.ITALIC, args);
  }
  setFontFamily(...args: unknown[]): unknown {
    return this.style(Attribute.FONT_FAMILY, args);
  }
  setFontSize(...args: unknown[]): unknown {
    return this.style(Attribute.FONT_SIZE, args);
  }
  setForegroundColor(...args: unknown[]): unknown {
    return this.style(Attribute.FOREGROUND_COLOR, args);
  }
  setAttributes(...args: unknown[]): unknown {
    this.open();
    Object.assign(this.owner.attrs, (args.length >= 3 ? args[2] : args[0]) as Attrs);
    return this._api;
  }
  getType(): string {
    return ElementType.TEXT;
  }
}

/** Text → paragraphs: every "\n" starts a new paragraph (Docs API rules, see the header). */
const paragraphsOf = (session: Session, text: string): FakeParagraph[] =>
  String(text)
    .split('\n')
    .map((t) => new FakeParagraph(session, t));

export class FakeTableCell extends FakeContainer {
  readonly typeName = ElementType.TABLE_CELL;
  readonly _api: GoogleAppsScript.Document.TableCell;
  children: FakeElement[] = [];
  width: number | null = null;
  constructor(session: Session, text: string) {
    super(session);
    this._api = counted('TableCell', this) as unknown as GoogleAppsScript.Document.TableCell;
    this._set(text);
  }
  _set(text: string): void {
    this.children = paragraphsOf(this.session, text);
    for (const c of this.children) c.parent = this;
  }
  _children(): FakeElement[] {
    return this.children;
  }
  _remove(child: FakeElement): void {
    this.children = this.children.filter((c) => c !== child);
  }
  _text(): string {
    return this.children.map((c) => c._text()).join('\n');
  }
  setText(text: string): unknown {
    this.open();
    this._set(text);
    return this._api;
  }
  appendParagraph(text: string): unknown {
    this.open();
    const [first, ...rest] = paragraphsOf(this.session, text);
    for (const p of [first, ...rest]) {
      p.parent = this;
      this.children.push(p);
    }
    return first._api;
  }
  clear(): unknown {
    this.open();
    this._set('');
    return this._api;
  }
  setWidth(width: number): unknown {
    this.open();
    this.width = width;
    return this._api;
  }
  getWidth(): number | null {
    this.open();
    return this.width;
  }
  setPaddingTop(v: number): unknown {
    return this.setAttributes({ PADDING_TOP: v });
  }
  setPaddingBottom(v: number): unknown {
    return this.setAttributes({ PADDING_BOTTOM: v });
  }
  setPaddingLeft(v: number): unknown {
    return this.setAttributes({ PADDING_LEFT: v });
  }
  setPaddingRight(v: number): unknown {
    return this.setAttributes({ PADDING_RIGHT: v });
  }
  setBackgroundColor(color: string): unknown {
    return this.setAttributes({ BACKGROUND_COLOR: color });
  }
  setVerticalAlignment(v: string): unknown {
    return this.setAttributes({ VERTICAL_ALIGNMENT: v });
  }
  getParentRow(): unknown {
    this.open();
    return this.parent?._api;
  }
  asTableCell(): unknown {
    return this._api;
  }
}

export class FakeTableRow extends FakeContainer {
  readonly typeName = ElementType.TABLE_ROW;
  readonly _api: GoogleAppsScript.Document.TableRow;
  cells: FakeTableCell[];
  /** set through the Docs API (updateTableRowStyle): the row is never split across pages */
  preventOverflow = false;
  constructor(session: Session, texts: string[]) {
    super(session);
    this._api = counted('TableRow', this) as unknown as GoogleAppsScript.Document.TableRow;
    this.cells = texts.map((t) => new FakeTableCell(session, t));
    for (const c of this.cells) c.parent = this;
  }
  _children(): FakeElement[] {
    return this.cells;
  }
  _remove(child: FakeElement): void {
    this.cells = this.cells.filter((c) => c !== child);
  }
  _text(): string {
    return this.cells.map((c) => c._text()).join('\n');
  }
  getNumCells(): number {
    this.open();
    return this.cells.length;
  }
  getCell(cellIndex: number): unknown {
    this.open();
    const c = this.cells[cellIndex];
    if (!c) throw new Error(`Cell index (${cellIndex}) out of range.`);
    return c._api;
  }
  setMinimumHeight(h: number): unknown {
    return this.setAttributes({ MINIMUM_HEIGHT: h });
  }
  /** Reference: TableRow.appendTableCell(textContents) "Appends a new TableCell containing the specified text." */
  appendTableCell(text = ''): unknown {
    this.open();
    const c = new FakeTableCell(this.session, String(text));
    c.parent = this;
    this.cells.push(c);
    return c._api;
  }
  asTableRow(): unknown {
    return this._api;
  }
}

export class FakeTable extends FakeContainer {
  readonly typeName = ElementType.TABLE;
  readonly _api: GoogleAppsScript.Document.Table;
  rows: FakeTableRow[];
  columnWidths: (number | null)[];
  /** set through the Docs API (pinTableHeaderRows): rows repeated at the top of every page */
  pinnedHeaderRows = 0;
  constructor(session: Session, cells: string[][]) {
    super(session);
    this._api = counted('Table', this) as unknown as GoogleAppsScript.Document.Table;
    this.rows = cells.map((r) => new FakeTableRow(session, r));
    for (const r of this.rows) r.parent = this;
    this.columnWidths = (cells[0] ?? []).map(() => null);
  }
  _children(): FakeElement[] {
    return this.rows;
  }
  _remove(child: FakeElement): void {
    this.rows = this.rows.filter((r) => r !== child);
  }
  _text(): string {
    return this.rows.map((r) => r._text()).join('\n');
  }
  getNumRows(): number {
    this.open();
    return this.rows.length;
  }
  getRow(rowIndex: number): unknown {
    this.open();
    const r = this.rows[rowIndex];
    if (!r) throw new Error(`Row index (${rowIndex}) out of range.`);
    return r._api;
  }
  getCell(rowIndex: number, cellIndex: number): unknown {
    this.open();
    const c = this.rows[rowIndex]?.cells[cellIndex];
    if (!c) throw new Error(`Cell (${rowIndex}, ${cellIndex}) out of range.`);
    return c._api;
  }
  setColumnWidth(columnIndex: number, width: number): unknown {
    this.open();
    this.columnWidths[columnIndex] = width;
    return this._api;
  }
  getColumnWidth(columnIndex: number): number | null {
    this.open();
    return this.columnWidths[columnIndex] ?? null;
  }
  setBorderWidth(width: number): unknown {
    return this.setAttributes({ BORDER_WIDTH: width });
  }
  /** Reference: Table.appendTableRow() "Creates and appends a new TableRow." (no cells until appended) */
  appendTableRow(): unknown {
    this.open();
    const r = new FakeTableRow(this.session, []);
    r.parent = this;
    this.rows.push(r);
    return r._api;
  }
  setBorderColor(color: string): unknown {
    return this.setAttributes({ BORDER_COLOR: color });
  }
  asTable(): unknown {
    return this._api;
  }
}

function checkCells(cells: unknown): string[][] {
  if (
    !Array.isArray(cells) ||
    cells.length === 0 ||
    !cells.every((r) => Array.isArray(r)) ||
    cells.some((r) => (r as unknown[]).length !== (cells[0] as unknown[]).length)
  )
    throw new Error(ERR_DOCS.cellsShape);
  return (cells as unknown[][]).map((r) => r.map((c) => String(c)));
}

export class FakeBody extends FakeContainer {
  readonly typeName = ElementType.BODY_SECTION;
  readonly _api: GBody;
  children: FakeElement[] = [];
  /** US Letter and 1-inch margins: a new Google Doc's defaults */
  page = { width: 612, height: 792, marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72 };
  constructor(session: Session) {
    super(session);
    this._api = counted('Body', this) as unknown as GBody;
    this._clear();
  }
  _rebind(session: Session): void {
    this.session = session;
    const walk = (e: FakeElement) => {
      (e as unknown as { session: Session }).session = session;
      if (e instanceof FakeContainer) e._children().forEach(walk);
    };
    this.children.forEach(walk);
  }
  _clear(): void {
    const p = new FakeParagraph(this.session, '');
    p.parent = this;
    this.children = [p];
  }
  _children(): FakeElement[] {
    return this.children;
  }
  _remove(child: FakeElement): void {
    this.children = this.children.filter((c) => c !== child);
  }
  _text(): string {
    return this.children.map((c) => c._text()).join('\n');
  }
  private push(e: FakeElement): void {
    e.parent = this;
    this.children.push(e);
  }
  /** A section always ends with a paragraph: after a table, Docs keeps an empty one. */
  private endWithParagraph(): void {
    if (!(this.children[this.children.length - 1] instanceof FakeParagraph))
      this.push(new FakeParagraph(this.session, ''));
  }
  appendParagraph(text: string): unknown {
    this.open();
    check('Body.appendParagraph');
    const ps = paragraphsOf(this.session, text);
    // appending after the trailing empty paragraph a table left behind
    ps.forEach((p) => {
      this.push(p);
    });
    return ps[0]._api;
  }
  insertParagraph(childIndex: number, text: string): unknown {
    this.open();
    const ps = paragraphsOf(this.session, text);
    ps.forEach((p) => {
      p.parent = this;
    });
    this.children.splice(childIndex, 0, ...ps);
    return ps[0]._api;
  }
  /** A new paragraph holding the image (reference Body.appendImage(image): "Creates and appends a new InlineImage from the specified image blob"). */
  appendImage(image: unknown): unknown {
    this.open();
    check('Body.appendImage');
    const img = imageOf('inline', image);
    const p = new FakeParagraph(this.session, '');
    p.images.push(img);
    this.push(p);
    return img._api;
  }
  /** Every inline image in the body (reference Body.getImages()). */
  getImages(): unknown[] {
    this.open();
    return this.children.flatMap((c) => (c instanceof FakeParagraph ? c.images.map((i) => i._api) : []));
  }
  appendTable(cells?: string[][]): unknown {
    this.open();
    check('Body.appendTable');
    const t = new FakeTable(this.session, cells === undefined ? [['']] : checkCells(cells));
    this.push(t);
    this.endWithParagraph();
    return t._api;
  }
  /**
   * In Docs the paragraph clear() leaves behind keeps the style of the body's first paragraph
   * (a report's centred bold title line stays centred and bold), and insertText then copies that
   * style into what it inserts: a regenerated document looks like a new one only when every
   * paragraph's style is set explicitly (issue 11, checked against a real document).
   */
  clear(): unknown {
    this.open();
    const first = this.children.find((c): c is FakeParagraph => c instanceof FakeParagraph);
    this._clear();
    if (first) {
      const kept = this.children[0] as FakeParagraph;
      kept.heading = first.heading;
      kept.alignment = first.alignment;
      kept.attrs = { ...first.attrs };
    }
    return this._api;
  }
  setText(text: string): unknown {
    this.open();
    check('Body.setText');
    this.children = [];
    paragraphsOf(this.session, text).forEach((p) => {
      this.push(p);
    });
    return this._api;
  }
  getParagraphs(): unknown[] {
    this.open();
    const out: unknown[] = [];
    const walk = (e: FakeElement) => {
      if (e instanceof FakeParagraph) out.push(e._api);
      else if (e instanceof FakeContainer) e._children().forEach(walk);
    };
    this.children.forEach(walk);
    return out;
  }
  getTables(): unknown[] {
    this.open();
    return this.children.filter((c) => c instanceof FakeTable).map((t) => t._api);
  }
  override setAttributes(attributes: Attrs): unknown {
    super.setAttributes(attributes);
    const map: Record<string, keyof FakeBody['page']> = {
      PAGE_WIDTH: 'width',
      PAGE_HEIGHT: 'height',
      MARGIN_TOP: 'marginTop',
      MARGIN_BOTTOM: 'marginBottom',
      MARGIN_LEFT: 'marginLeft',
      MARGIN_RIGHT: 'marginRight',
    };
    for (const [k, v] of Object.entries(attributes)) if (map[k] && typeof v === 'number') this.page[map[k]] = v;
    return this._api;
  }
  setPageWidth(v: number): unknown {
    this.open();
    this.page.width = v;
    return this._api;
  }
  setPageHeight(v: number): unknown {
    this.open();
    this.page.height = v;
    return this._api;
  }
  getPageWidth(): number {
    this.open();
    return this.page.width;
  }
  getPageHeight(): number {
    this.open();
    return this.page.height;
  }
  setMarginTop(v: number): unknown {
    this.open();
    this.page.marginTop = v;
    return this._api;
  }
  setMarginBottom(v: number): unknown {
    this.open();
    this.page.marginBottom = v;
    return this._api;
  }
  setMarginLeft(v: number): unknown {
    this.open();
    this.page.marginLeft = v;
    return this._api;
  }
  setMarginRight(v: number): unknown {
    this.open();
    this.page.marginRight = v;
    return this._api;
  }
}

// ---------------------------------------------------------------- document state shared by every open

interface DocState {
  file: FileRecord;
  body: FakeBody;
  /** the document's text at its last saved revision */
  savedText: string;
  /** headers and footers (from a .docx Drive imported: tests/fakes/docx-import.ts); body.clear() keeps them */
  segments?: (ImportedSegment & { id: string })[];
  useFirstPageHeaderFooter?: boolean;
}

/** The document's text as the Drive revision and the public page carry it: every paragraph on its own line. */
export function documentText(body: FakeBody): string {
  const lines: string[] = [];
  const walk = (e: FakeElement) => {
    if (e instanceof FakeParagraph) lines.push(e.text);
    else if (e instanceof FakeContainer) e._children().forEach(walk);
  };
  body.children.forEach(walk);
  return lines.join('\n');
}

class FakeDocument {
  readonly _api: GDocument;
  readonly session: Session = { closed: false };
  constructor(
    private module: DocsModule,
    readonly state: DocState,
  ) {
    this._api = counted('Document', this) as unknown as GDocument;
    state.body._rebind(this.session);
  }
  private open(): void {
    if (this.session.closed) throw new Error(ERR_DOCS.closed);
  }
  getId(): string {
    return this.state.file.id;
  }
  getName(): string {
    return this.state.file.name;
  }
  setName(name: string): unknown {
    this.open();
    this.state.file.name = name;
    return this._api;
  }
  /** The reference's example form: https://docs.google.com/open?id=… */
  getUrl(): string {
    return `https://docs.google.com/open?id=${this.state.file.id}`;
  }
  getBody(): GBody {
    this.open();
    return this.state.body._api;
  }
  saveAndClose(): void {
    this.open();
    check('Document.saveAndClose');
    this.module._save(this.state);
    this.session.closed = true;
    this.module.openDocs.delete(this);
  }
  /** The document as PDF: a stand-in whose bytes carry the saved text, enough to check what was archived. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    check('Document.getAs');
    if (contentType !== MIME.pdf)
      throw new Error(`Converting from ${MIME.document} to ${contentType} is not supported.`);
    return FakeBlob._fromString(`%PDF-1.4 (fake)\n${this.state.savedText}`, MIME.pdf, `${this.state.file.name}.pdf`)
      ._api;
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs(MIME.pdf);
  }
}

// ---------------------------------------------------------------- Docs API (advanced service)

interface IndexedParagraph {
  p: FakeParagraph;
  start: number;
  end: number;
}
interface IndexedTable {
  t: FakeTable;
  start: number;
  end: number;
  rows: { start: number; end: number }[];
}

/** Walks the body as documents.get numbers it (see the header: structure). */
function indexBody(body: FakeBody): {
  json: unknown[];
  paragraphs: IndexedParagraph[];
  tables: IndexedTable[];
  end: number;
} {
  const paragraphs: IndexedParagraph[] = [];
  const tables: IndexedTable[] = [];
  let idx = 1;
  const para = (p: FakeParagraph) => {
    const start = idx;
    const content = `${p.text}\n`;
    idx += content.length;
    paragraphs.push({ p, start, end: idx });
    return {
      startIndex: start,
      endIndex: idx,
      paragraph: {
        elements: [{ startIndex: start, endIndex: idx, textRun: { content, textStyle: textStyleOf(p.attrs) } }],
        paragraphStyle: {
          namedStyleType: namedStyle(p.heading),
          ...(p.alignment ? { alignment: alignmentOf(p.alignment) } : {}),
        },
      },
    };
  };
  const table = (t: FakeTable) => {
    const start = idx++;
    const rows: { start: number; end: number }[] = [];
    const tableRows = t.rows.map((r, i) => {
      const rowStart = idx++;
      const tableCells = r.cells.map((c) => {
        const cellStart = idx++;
        const content = c.children.filter((e): e is FakeParagraph => e instanceof FakeParagraph).map(para);
        return { startIndex: cellStart, endIndex: idx, content };
      });
      rows.push({ start: rowStart, end: idx });
      // a pinned header row says so in its own style: TableRowStyle {minRowHeight, tableHeader,
      // preventOverflow} ("tableHeader: Whether the row is a table header", reference
      // developers.google.com/docs/api/reference/rest/v1/documents#tablerowstyle); the Table itself has
      // rows, columns, tableRows and tableStyle only — no pinned count of its own; a row kept whole
      // (updateTableRowStyle) reads back as preventOverflow: true, false being left out as Docs does
      const tableRowStyle = {
        minRowHeight: { unit: 'PT' },
        ...(i < t.pinnedHeaderRows ? { tableHeader: true } : {}),
        ...(r.preventOverflow ? { preventOverflow: true } : {}),
      };
      return { startIndex: rowStart, endIndex: idx, tableCells, tableRowStyle };
    });
    idx++;
    tables.push({ t, start, end: idx, rows });
    return {
      startIndex: start,
      endIndex: idx,
      table: {
        rows: t.rows.length,
        columns: t.rows[0]?.cells.length ?? 0,
        tableRows,
        tableStyle: {
          tableColumnProperties: t.columnWidths.map((w) =>
            w === null
              ? { widthType: 'EVENLY_DISTRIBUTED' }
              : { widthType: 'FIXED_WIDTH', width: { magnitude: w, unit: 'PT' } },
          ),
        },
      },
    };
  };
  const json: unknown[] = [{ endIndex: 1, sectionBreak: { sectionStyle: {} } }];
  for (const e of body.children) json.push(e instanceof FakeTable ? table(e) : para(e as FakeParagraph));
  return { json, paragraphs, tables, end: idx };
}

/**
 * A header's or footer's content as documents.get gives it: paragraphs indexed from 0 within the segment
 * ("the start index … relative to the beginning of the containing segment"), an AutoText one index long.
 */
function segmentContent(paragraphs: SegmentParagraph[]): unknown[] {
  let idx = 0;
  return paragraphs.map((p) => {
    const start = idx;
    const elements = [...p.elements, { text: '\n' }].map((e) => {
      const from = idx;
      if ('text' in e) {
        idx += e.text.length;
        return { startIndex: from, endIndex: idx, textRun: { content: e.text, textStyle: {} } };
      }
      idx += 1;
      return { startIndex: from, endIndex: idx, autoText: { type: e.autoText, textStyle: {} } };
    });
    return {
      startIndex: start,
      endIndex: idx,
      paragraph: { elements, paragraphStyle: { namedStyleType: 'NORMAL_TEXT', alignment: p.alignment } },
    };
  });
}

const namedStyle = (heading: string): string =>
  heading === 'NORMAL' ? 'NORMAL_TEXT' : heading.startsWith('HEADING') ? `HEADING_${heading.slice(7)}` : heading;
const headingOf = (named: string): string =>
  named === 'NORMAL_TEXT' ? 'NORMAL' : named.replace('HEADING_', 'HEADING');
const alignmentOf = (a: string): string =>
  a === 'LEFT' ? 'START' : a === 'RIGHT' ? 'END' : a === 'JUSTIFY' ? 'JUSTIFIED' : a;
const alignmentFrom = (a: string): string =>
  a === 'START' ? 'LEFT' : a === 'END' ? 'RIGHT' : a === 'JUSTIFIED' ? 'JUSTIFY' : a;

function textStyleOf(attrs: Attrs): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (attrs.BOLD !== undefined) s.bold = attrs.BOLD;
  if (attrs.FONT_FAMILY !== undefined) s.weightedFontFamily = { fontFamily: attrs.FONT_FAMILY };
  if (attrs.FONT_SIZE !== undefined) s.fontSize = { magnitude: attrs.FONT_SIZE, unit: 'PT' };
  return s;
}

type DocsRequest = Record<string, Record<string, unknown>>;

const invalid = (i: number, kind: string, why: string) =>
  new Error(`API call to docs.documents.batchUpdate failed with error: Invalid requests[${i}].${kind}: ${why}`);

const PT = (dim: unknown): number | null => {
  const d = dim as { magnitude?: number; unit?: string } | undefined;
  return d && typeof d.magnitude === 'number' && d.unit === 'PT' ? d.magnitude : null;
};

// ---------------------------------------------------------------- module

export interface BatchUpdateRecord {
  documentId: string;
  requests: DocsRequest[];
}

export interface DocsHandles {
  /** Every batchUpdate that was applied, with its requests (uncounted). */
  batchUpdates: BatchUpdateRecord[];
  faults: Faults;
  /** The body of a document as stored (uncounted inspection). */
  body(documentId: string): FakeBody;
  documentText(documentId: string): string;
  /** The end of the script's execution: every open document is saved and closed, as Apps Script does. */
  endExecution(): void;
  documentIds(): string[];
}

class DocsModule {
  docs = new Map<string, DocState>();
  openDocs = new Set<FakeDocument>();
  batchUpdates: BatchUpdateRecord[] = [];
  constructor(
    readonly store: DriveStore,
    readonly faults: Faults,
  ) {
    store.importDocx = (file, bytes) => this.importInto(file, bytes);
  }

  /** Drive's import of a .docx into the Google Doc `file`: its whole content replaced (docx-import.ts). */
  importInto(file: FileRecord, bytes: Uint8Array): void {
    const imported = importDocx(bytes);
    const body = new FakeBody({ closed: false });
    body.children = (imported.body.length ? imported.body : ['']).map((t) => {
      const p = new FakeParagraph({ closed: false }, t);
      p.parent = body;
      return p;
    });
    if (imported.page)
      body.page = {
        width: imported.page.width,
        height: imported.page.height,
        marginTop: imported.page.top,
        marginBottom: imported.page.bottom,
        marginLeft: imported.page.left,
        marginRight: imported.page.right,
      };
    const state: DocState = {
      file,
      body,
      savedText: '',
      segments: imported.segments.map((seg, i) => ({ ...seg, id: `kix.${seg.kind}${i + 1}` })),
      useFirstPageHeaderFooter: imported.useFirstPageHeaderFooter,
    };
    this.docs.set(file.id, state);
    this._save(state);
  }

  _save(state: DocState): void {
    const text = documentText(state.body);
    if (text !== state.savedText || state.file.revisions.length === 0) this.store.addRevision(state.file, text);
    state.savedText = text;
  }

  state(id: string): DocState {
    const f = this.store.files.get(id);
    // DocumentApp works under the documents scope: any document the user can open, drive.file grant
    // or not; and a document in the trash opens fine (the reference has no exception for it)
    if (!f || f.mimeType !== MIME.document || !this.store.canAccess(this.store.user, id))
      throw new Error(ERR_DOCS.notFound(id));
    let s = this.docs.get(id);
    if (!s) {
      // a Google Doc created through Drive (files.create with the Docs MIME type) starts empty
      s = { file: f, body: new FakeBody({ closed: false }), savedText: '' };
      this.docs.set(id, s);
    }
    return s;
  }

  open(state: DocState): FakeDocument {
    const d = new FakeDocument(this, state);
    this.openDocs.add(d);
    return d;
  }
}

class FakeDocumentApp {
  readonly _api: unknown;
  readonly ElementType = ElementType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly PositionedLayout = PositionedLayout;
  readonly ParagraphHeading = ParagraphHeading;
  readonly Attribute = Attribute;
  constructor(private m: DocsModule) {
    this._api = counted('DocumentApp', this);
  }
  create(name: string): GDocument {
    this.m.faults.check('DocumentApp.create');
    const file = this.m.store.addFile({
      name: String(name),
      mimeType: MIME.document,
      parents: ['root'],
      appCreated: true,
      bytes: null,
      content: '',
    });
    const state: DocState = { file, body: new FakeBody({ closed: false }), savedText: '' };
    this.m.docs.set(file.id, state);
    return this.m.open(state)._api;
  }
  openById(id: string): GDocument {
    this.m.faults.check('DocumentApp.openById');
    return this.m.open(this.m.state(id))._api;
  }
  openByUrl(url: string): GDocument {
    const m = /\/d\/([\w-]+)|[?&]id=([\w-]+)/.exec(url);
    if (!m) throw new Error(`Invalid argument: url`);
    return this.openById(m[1] ?? m[2]);
  }
  getActiveDocument(): GDocument | null {
    // the tracker's script is bound to the spreadsheet, not to a document
    return null;
  }
}

class FakeDocuments {
  readonly _api: unknown;
  constructor(private m: DocsModule) {
    this._api = counted('Docs.Documents', this);
  }

  get(documentId: string, _optionalArgs?: Record<string, unknown>): Record<string, unknown> {
    this.m.faults.check('Docs.Documents.get');
    const s = this.m.state(documentId);
    const { json } = indexBody(s.body);
    const segments = s.segments ?? [];
    const idOf = (kind: 'header' | 'footer', type: 'default' | 'first') =>
      segments.find((g) => g.kind === kind && g.type === type)?.id;
    const map = (kind: 'header' | 'footer') =>
      Object.fromEntries(
        segments
          .filter((g) => g.kind === kind)
          .map((g) => [g.id, { [`${kind}Id`]: g.id, content: segmentContent(g.paragraphs) }]),
      );
    return {
      documentId,
      title: s.file.name,
      revisionId: s.file.revisions[s.file.revisions.length - 1]?.id,
      body: { content: json },
      ...(segments.some((g) => g.kind === 'header') ? { headers: map('header') } : {}),
      ...(segments.some((g) => g.kind === 'footer') ? { footers: map('footer') } : {}),
      documentStyle: {
        ...(idOf('header', 'default') ? { defaultHeaderId: idOf('header', 'default') } : {}),
        ...(idOf('header', 'first') ? { firstPageHeaderId: idOf('header', 'first') } : {}),
        ...(idOf('footer', 'default') ? { defaultFooterId: idOf('footer', 'default') } : {}),
        ...(idOf('footer', 'first') ? { firstPageFooterId: idOf('footer', 'first') } : {}),
        useFirstPageHeaderFooter: s.useFirstPageHeaderFooter === true,
        pageSize: {
          width: { magnitude: s.body.page.width, unit: 'PT' },
          height: { magnitude: s.body.page.height, unit: 'PT' },
        },
        marginTop: { magnitude: s.body.page.marginTop, unit: 'PT' },
        marginBottom: { magnitude: s.body.page.marginBottom, unit: 'PT' },
        marginLeft: { magnitude: s.body.page.marginLeft, unit: 'PT' },
        marginRight: { magnitude: s.body.page.marginRight, unit: 'PT' },
      },
    };
  }

  batchUpdate(resource: { requests?: DocsRequest[] }, documentId: string): Record<string, unknown> {
    this.m.faults.check('Docs.Documents.batchUpdate');
    const s = this.m.state(documentId);
    const requests = resource?.requests ?? [];
    // requests apply in order, each seeing the previous one's result; any invalid request undoes them all
    const before = snapshotBody(s.body);
    try {
      // the body's numbering is walked again only after a request that moves it (insertText); style
      // requests change paragraphs in place, so one walk serves them all (a long report is thousands)
      let index = indexBody(s.body);
      requests.forEach((req, i) => {
        if (applyRequest(s.body, req, i, index)) index = indexBody(s.body);
      });
    } catch (e) {
      restoreBody(s.body, before);
      throw e;
    }
    this.m.batchUpdates.push({ documentId, requests: JSON.parse(JSON.stringify(requests)) });
    // an API edit is saved at once: a new revision
    s.savedText = documentText(s.body);
    const rev = this.m.store.addRevision(s.file, s.savedText);
    return {
      documentId,
      replies: requests.map(() => ({})),
      writeControl: { requiredRevisionId: `docs-rev-${rev.id}` },
    };
  }
}

// ---------------------------------------------------------------- batchUpdate requests

/** Applies one request to the body numbered as `index` says; true when it moved the numbering. */
function applyRequest(body: FakeBody, req: DocsRequest, i: number, index: ReturnType<typeof indexBody>): boolean {
  const kinds = Object.keys(req ?? {});
  if (kinds.length !== 1) throw invalid(i, kinds.join('|') || '?', 'exactly one request kind per request');
  const kind = kinds[0];
  const r = req[kind];
  const { paragraphs, tables, end } = index;
  const rangeOf = (range0: unknown): IndexedParagraph[] => {
    const range = range0 as { startIndex?: number; endIndex?: number } | undefined;
    if (!range || typeof range.startIndex !== 'number' || typeof range.endIndex !== 'number')
      throw invalid(i, kind, 'range is required');
    if (range.startIndex < 1) throw invalid(i, kind, `Index ${range.startIndex} must be greater than or equal to 1.`);
    if (range.endIndex > end)
      throw invalid(
        i,
        kind,
        `Index ${range.endIndex - 1} must be less than the end index of the referenced segment, ${end}.`,
      );
    if (range.startIndex >= range.endIndex) throw invalid(i, kind, 'The range should not be empty.');
    return paragraphs.filter((p) => p.start < (range.endIndex as number) && p.end > (range.startIndex as number));
  };
  const fieldsOf = (f: unknown): string[] => {
    if (typeof f !== 'string' || f.trim() === '') throw invalid(i, kind, 'fields is required');
    return f.split(',').map((x) => x.trim());
  };
  const tableAt = (loc: unknown): IndexedTable => {
    const at = (loc as { index?: number } | undefined)?.index;
    const t = tables.find((x) => x.start === at);
    if (!t) throw invalid(i, kind, `The provided table start location (${at}) is not the start of a table.`);
    return t;
  };
  switch (kind) {
    case 'insertText': {
      const at = (r.location as { index?: number } | undefined)?.index;
      const text = r.text;
      if (typeof at !== 'number' || typeof text !== 'string')
        throw invalid(i, kind, 'location.index and text are required');
      // "Text must be inserted inside the bounds of an existing Paragraph" (rules-behavior)
      const target = paragraphs.find((p) => p.start <= at && at < p.end);
      if (!target)
        throw invalid(i, kind, `The insertion index (${at}) must be inside the bounds of an existing paragraph.`);
      const p = target.p;
      const offset = at - target.start;
      const [first, ...rest] = (p.text.slice(0, offset) + text + p.text.slice(offset)).split('\n');
      p.text = first;
      const parent = p.parent as FakeBody | FakeTableCell;
      const added = rest.map((t) => {
        // "The paragraph style of the new paragraph is copied from the paragraph at the current insertion index"
        const np = new FakeParagraph((p as unknown as { session: Session }).session, t);
        np.heading = p.heading;
        np.alignment = p.alignment;
        np.attrs = { ...p.attrs };
        np.parent = parent;
        return np;
      });
      parent.children.splice(parent.children.indexOf(p) + 1, 0, ...added);
      return true;
    }
    case 'pinTableHeaderRows': {
      const t = tableAt(r.tableStartLocation);
      const n = r.pinnedHeaderRowsCount;
      if (typeof n !== 'number' || n < 0 || n > t.t.rows.length)
        throw invalid(i, kind, `pinnedHeaderRowsCount must be between 0 and ${t.t.rows.length}.`);
      t.t.pinnedHeaderRows = n;
      return false;
    }
    case 'updateTableRowStyle': {
      // UpdateTableRowStyleRequest: tableStartLocation, rowIndices ("If no indices are specified, all rows
      // will be updated"), tableRowStyle, fields (at least one; TableRowStyle.preventOverflow: "Whether the
      // row cannot overflow across page or column boundaries") —
      // developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#updatetablerowstylerequest
      const t = tableAt(r.tableStartLocation);
      const fields = fieldsOf(r.fields);
      const style = (r.tableRowStyle ?? {}) as { preventOverflow?: unknown };
      const rows = (r.rowIndices as number[] | undefined) ?? t.t.rows.map((_, k) => k);
      if (rows.some((k) => typeof k !== 'number' || k < 0 || k >= t.t.rows.length))
        throw invalid(i, kind, 'row index out of range');
      for (const k of rows)
        if (fields.includes('preventOverflow') || fields.includes('*'))
          t.t.rows[k].preventOverflow = style.preventOverflow === true;
      return false;
    }
    case 'updateTableColumnProperties': {
      const t = tableAt(r.tableStartLocation);
      const props = r.tableColumnProperties as { widthType?: string; width?: unknown } | undefined;
      const fields = fieldsOf(r.fields);
      const cols = (r.columnIndices as number[] | undefined) ?? t.t.columnWidths.map((_, c) => c);
      if (cols.some((c) => c < 0 || c >= t.t.columnWidths.length)) throw invalid(i, kind, 'column index out of range');
      const width = PT(props?.width);
      if (fields.includes('width') && (width === null || width < 5))
        throw invalid(i, kind, 'The column width must be at least 5 points.');
      cols.forEach((c) => {
        t.t.columnWidths[c] = props?.widthType === 'EVENLY_DISTRIBUTED' ? null : width;
      });
      return false;
    }
    case 'updateParagraphStyle': {
      const ps = rangeOf(r.range);
      const style = (r.paragraphStyle ?? {}) as Record<string, unknown>;
      const fields = fieldsOf(r.fields);
      for (const { p } of ps) {
        if (fields.includes('alignment') && typeof style.alignment === 'string')
          p.alignment = alignmentFrom(style.alignment);
        if (fields.includes('namedStyleType') && typeof style.namedStyleType === 'string')
          p.heading = headingOf(style.namedStyleType);
        if (fields.includes('indentFirstLine')) p.attrs.INDENT_FIRST_LINE = PT(style.indentFirstLine);
        if (fields.includes('spaceAbove')) p.attrs.SPACING_BEFORE = PT(style.spaceAbove);
        if (fields.includes('spaceBelow')) p.attrs.SPACING_AFTER = PT(style.spaceBelow);
      }
      return false;
    }
    case 'updateTextStyle': {
      const ps = rangeOf(r.range);
      const style = (r.textStyle ?? {}) as Record<string, unknown>;
      const fields = fieldsOf(r.fields);
      for (const { p } of ps) {
        if (fields.includes('bold')) p.attrs.BOLD = style.bold === true;
        if (fields.includes('weightedFontFamily'))
          p.attrs.FONT_FAMILY = (style.weightedFontFamily as { fontFamily?: string } | undefined)?.fontFamily;
        if (fields.includes('fontSize')) p.attrs.FONT_SIZE = PT(style.fontSize);
        if (fields.includes('foregroundColor')) p.attrs.FOREGROUND_COLOR = style.foregroundColor;
      }
      return false;
    }
    case 'updateDocumentStyle': {
      const style = (r.documentStyle ?? {}) as Record<string, unknown>;
      const fields = fieldsOf(r.fields);
      const size = style.pageSize as { width?: unknown; height?: unknown } | undefined;
      if (fields.includes('pageSize')) {
        body.page.width = PT(size?.width) ?? body.page.width;
        body.page.height = PT(size?.height) ?? body.page.height;
      }
      for (const m of ['marginTop', 'marginBottom', 'marginLeft', 'marginRight'] as const)
        if (fields.includes(m)) body.page[m] = PT(style[m]) ?? body.page[m];
      return false;
    }
    default:
      throw invalid(
        i,
        kind,
        'this request kind is not supported by the fakes — add it in tests/fakes/docs.ts following the Docs API reference',
      );
  }
}

type ParaSnap = { text: string; heading: string; alignment: string | null; attrs: Attrs };
type ElementSnap =
  | { para: ParaSnap }
  | { table: { rows: ParaSnap[][][]; widths: (number | null)[]; pinned: number; attrs: Attrs } };

const snapPara = (p: FakeParagraph): ParaSnap => ({
  text: p.text,
  heading: p.heading,
  alignment: p.alignment,
  attrs: { ...p.attrs },
});

function snapshotBody(body: FakeBody): { children: ElementSnap[]; page: FakeBody['page'] } {
  return {
    page: { ...body.page },
    children: body.children.map((e) =>
      e instanceof FakeTable
        ? {
            table: {
              rows: e.rows.map((r) =>
                r.cells.map((c) =>
                  c.children.filter((x): x is FakeParagraph => x instanceof FakeParagraph).map(snapPara),
                ),
              ),
              widths: [...e.columnWidths],
              pinned: e.pinnedHeaderRows,
              attrs: { ...e.attrs },
            },
          }
        : { para: snapPara(e as FakeParagraph) },
    ),
  };
}

function restoreBody(body: FakeBody, snap: ReturnType<typeof snapshotBody>): void {
  const session = (body as unknown as { session: Session }).session;
  const para = (ps: ParaSnap, parent: FakeContainer) => {
    const p = new FakeParagraph(session, ps.text);
    Object.assign(p, { heading: ps.heading, alignment: ps.alignment, attrs: { ...ps.attrs }, parent });
    return p;
  };
  body.page = { ...snap.page };
  body.children = snap.children.map((e) => {
    if ('para' in e) return para(e.para, body);
    const t = new FakeTable(
      session,
      e.table.rows.map((r) => r.map(() => '')),
    );
    t.rows.forEach((row, ri) => {
      row.cells.forEach((c, ci) => {
        c.children = e.table.rows[ri][ci].map((ps) => para(ps, c));
      });
    });
    Object.assign(t, {
      columnWidths: [...e.table.widths],
      pinnedHeaderRows: e.table.pinned,
      attrs: { ...e.table.attrs },
      parent: body,
    });
    return t;
  });
}

export function installDocs(ctx: FakeContext): FakeModule<DocsHandles> {
  const store = driveStoreOf(ctx);
  faults = createFaults();
  const m = new DocsModule(store, faults);
  const app = new FakeDocumentApp(m);
  const documents = new FakeDocuments(m);
  return {
    globals: { DocumentApp: app._api, Docs: { Documents: documents._api } },
    handles: {
      batchUpdates: m.batchUpdates,
      faults: m.faults,
      body: (id) => m.state(id).body,
      documentText: (id) => documentText(m.state(id).body),
      endExecution: () =>
        calls.untracked(() => {
          for (const d of [...m.openDocs]) d.saveAndClose();
        }),
      documentIds: () => [...m.docs.keys()],
    },
  };
}

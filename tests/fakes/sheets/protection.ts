// Users and Protection: who may write a protected range or sheet, as the reference describes.
import { counted } from '../calls';
import { contains, type Rect } from './a1';
import { ERR } from './errors';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GUser = GoogleAppsScript.Base.User;

export class FakeUser implements Pick<GUser, 'getEmail'> {
  readonly _api: GUser;
  // _email: the fakes' own (a User from Session or the editors list has no e-mail field to read)
  constructor(readonly _email: string) {
    this._api = counted('User', this) as unknown as GUser;
  }
  getEmail(): string {
    return this._email;
  }
}

/** The address of a user or e-mail argument; reading a User the code handed back is the fake's own work, not a call. */
export const emailOf = (who: string | GUser): string =>
  (typeof who === 'string'
    ? who
    : typeof (who as { _email?: unknown })._email === 'string'
      ? (who as unknown as FakeUser)._email
      : who.getEmail()
  )
    .trim()
    .toLowerCase();

type ProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

/**
 * A protected range or sheet. What the reference says and the fake enforces:
 * - Range.protect()/Sheet.protect(): until the script changes the editors (add/remove editor, domain edit),
 *   the permissions mirror the spreadsheet's, so the area is in effect still editable by every file editor.
 * - "The spreadsheet owner is always able to edit protected ranges and sheets."
 * - removeEditor(s): "Neither the owner of the spreadsheet nor the current user can be removed."
 * - getEditors/canDomainEdit "throw an exception if the user does not have permission to edit".
 * - setDomainEdit throws when the spreadsheet does not belong to a Workspace domain.
 * - setUnprotectedRanges throws for a protected range (only a protected sheet has unprotected regions).
 * - warning-only protection lets every user edit.
 */
export class FakeProtection implements Pick<GProtection, ProtectionMethods> {
  readonly _api: GProtection;
  description = '';
  warningOnly = false;
  /** null while the permissions still mirror the spreadsheet's */
  editors: Set<string> | null = null;
  domainEdit: boolean;
  unprotected: Rect[] = [];
  removed = false;

  constructor(
    readonly book: FakeSpreadsheet,
    public sheet: FakeSheet,
    readonly type: 'RANGE' | 'SHEET',
    public rect: Rect | null,
  ) {
    this.domainEdit = Boolean(book.ctx.options.domain);
    this._api = counted('Protection', this) as unknown as GProtection;
  }

  /** Who may edit the area (no permission check, no counting). */
  _allows(email: string): boolean {
    const e = email.toLowerCase();
    if (this.removed || this.warningOnly) return true;
    if (e === this.book.owner) return true;
    if (this.editors === null) return this.book._isFileEditor(e);
    if (this.editors.has(e)) return true;
    const domain = this.book.ctx.options.domain;
    return this.domainEdit && !!domain && e.endsWith(`@${domain.toLowerCase()}`) && this.book._isFileEditor(e);
  }

  /** Does it cover cell (r, c) of its sheet (0-based)? */
  _covers(r: number, c: number): boolean {
    if (this.removed) return false;
    if (this.type === 'RANGE') return contains(this.rect as Rect, r, c);
    return !this.unprotected.some((u) => contains(u, r, c));
  }

  _rectOrSheet(): Rect {
    return this.rect ?? { r0: 0, c0: 0, nr: this.sheet.maxRows, nc: this.sheet.maxCols };
  }

  private me(): string {
    return this.book.ctx.users.effective.toLowerCase();
  }

  private requireEdit(): void {
    if (!this._allows(this.me())) throw new Error(ERR.noPermission);
  }

  /** The first change of editors turns the mirrored permissions into an explicit list. */
  private explicit(): Set<string> {
    if (this.editors === null) this.editors = new Set([this.book.owner, ...this.book.editors, this.me()]);
    return this.editors;
  }

  addEditor(who: string | GUser): GProtection {
    this.requireEdit();
    this.explicit().add(emailOf(who));
    return this._api;
  }
  addEditors(emailAddresses: string[]): GProtection {
    this.requireEdit();
    const set = this.explicit();
    for (const e of emailAddresses) set.add(emailOf(e));
    return this._api;
  }
  removeEditor(who: string | GUser): GProtection {
    return this.removeEditors([emailOf(who)]);
  }
  removeEditors(emailAddresses: (string | GUser)[]): GProtection {
    this.requireEdit();
    const set = this.explicit();
    for (const who of emailAddresses) {
      const e = emailOf(who);
      if (e !== this.book.owner && e !== this.me()) set.delete(e);
    }
    return this._api;
  }
  canDomainEdit(): boolean {
    this.requireEdit();
    return Boolean(this.book.ctx.options.domain) && this.domainEdit;
  }
  canEdit(): boolean {
    return this._allows(this.me());
  }
  getDescription(): string {
    return this.description;
  }
  getEditors(): GUser[] {
    this.requireEdit();
    const list = this.editors === null ? [this.book.owner, ...this.book.editors, this.me()] : [...this.editors];
    return [...new Set(list)].map((e) => new FakeUser(e)._api);
  }
  getProtectionType(): GProtectionType {
    return this.type as unknown as GProtectionType;
  }
  getRange(): GRange {
    return new FakeRange(this.sheet, this._rectOrSheet())._api;
  }
  getUnprotectedRanges(): GRange[] {
    return this.type === 'SHEET' ? this.unprotected.map((u) => new FakeRange(this.sheet, u)._api) : [];
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  remove(): void {
    this.requireEdit();
    this.removed = true;
    this.book.protections = this.book.protections.filter((p) => p !== this);
  }
  setDescription(description: string): GProtection {
    this.requireEdit();
    this.description = description;
    return this._api;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.requireEdit();
    if (!this.book.ctx.options.domain) throw new Error(ERR.noDomain);
    this.explicit();
    this.domainEdit = editable;
    return this._api;
  }
  setRange(range: GRange): GProtection {
    this.requireEdit();
    const r = FakeRange._of(range);
    this.sheet = r.sheet;
    if (this.type === 'RANGE') this.rect = { ...r.rect };
    return this._api;
  }
  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this.requireEdit();
    if (this.type !== 'SHEET') throw new Error(ERR.unprotectedOnRange);
    const rects = ranges.map((g) => {
      const r = FakeRange._of(g);
      if (r.sheet !== this.sheet) throw new Error('The range must be on the protected sheet.');
      return { ...r.rect };
    });
    this.unprotected = rects;
    return this._api;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.requireEdit();
    this.warningOnly = warningOnly;
    return this._api;
  }
}

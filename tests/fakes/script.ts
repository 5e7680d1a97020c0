// In-memory Session, ScriptApp (triggers), LockService, PropertiesService, Utilities, HtmlService,
// the container Ui (menus, alerts, dialogs) and Logger — from the Apps Script reference pages.

import { FakeBlob } from './blob';
import { calls, counted } from './calls';
import { DEFAULT_USER, type FakeContext, type FakeModule, identityVisible } from './context';
import { FakeUser } from './sheets/protection';
import { formatSimpleDate } from './time';

type GUser = GoogleAppsScript.Base.User;
type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GButton = GoogleAppsScript.Base.Button;
type GButtonSet = GoogleAppsScript.Base.ButtonSet;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type GLock = GoogleAppsScript.Lock.Lock;
type GProperties = GoogleAppsScript.Properties.Properties;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GBlob = GoogleAppsScript.Base.Blob;

const enumOf = <K extends string>(...names: K[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [P in K]: P };

export const ERR = {
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  atHourNeedsDays: 'atHour() can only be used with everyDays() or everyWeeks().',
  badHour: (h: number) => `Invalid argument: hour (${h}): must be between 0 and 23.`,
  propertyTooLarge: 'Argument too large: value',
  /** the rule is the reference's; the wording is the fakes' (not verified against Apps Script) */
  addonTooFrequent: 'Add-ons may not create time-based triggers that run more often than once per hour.',
} as const;

/** Reference (ScriptApp quotas): 20 triggers per user per script. */
export const MAX_TRIGGERS_PER_USER = 20;
/** Reference (Properties quotas): 9 KB per value. */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;

// ---------------------------------------------------------------- Session

class FakeSession {
  readonly _api: GoogleAppsScript.Base.Session;
  constructor(private readonly ctx: FakeContext) {
    this._api = counted('Session', this) as unknown as GoogleAppsScript.Base.Session;
  }
  /**
   * Reference: the active user's e-mail may be '' when the policy does not allow it (set user to '').
   * In a simple trigger (LIMITED) it is '' unless the person is of the sheet's Workspace domain
   * (identityVisible, ./context.ts: class User getEmail()); a simple trigger runs as that person, so
   * the effective user is the same blank.
   */
  getActiveUser(): GUser {
    return new FakeUser(this.visible(this.ctx.users.active))._api;
  }
  getEffectiveUser(): GUser {
    return new FakeUser(this.visible(this.ctx.users.effective))._api;
  }
  private visible(email: string): string {
    return this.ctx.authMode !== 'LIMITED' || identityVisible(this.ctx, email) ? email : '';
  }
  getScriptTimeZone(): string {
    return this.ctx.timeZone;
  }
  getActiveUserLocale(): string {
    return 'th';
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.ctx.users.active}`;
  }
}

export interface SessionHandle {
  /** Both active and effective user (a person running a menu item). */
  setUser(email: string): void;
  setActiveUser(email: string): void;
  /** The account the script runs as (an installable trigger runs as its creator). */
  setEffectiveUser(email: string): void;
  readonly activeUser: string;
  readonly effectiveUser: string;
  /** Runs fn as another user, then restores who was acting. */
  as<T>(email: string, fn: () => T): T;
}

// ---------------------------------------------------------------- ScriptApp and triggers

export interface TriggerState {
  id: string;
  handler: string;
  eventType: 'CLOCK' | 'ON_EDIT' | 'ON_OPEN' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  /** who created it: getProjectTriggers() lists only the current user's */
  owner: string;
  atHour?: number;
  nearMinute?: number;
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  timeZone?: string;
  at?: Date;
}

class FakeTrigger {
  readonly _api: GTrigger;
  constructor(readonly state: TriggerState) {
    this._api = counted('Trigger', this) as unknown as GTrigger;
  }
  getHandlerFunction(): string {
    return this.state.handler;
  }
  getUniqueId(): string {
    return this.state.id;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.state.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.state.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string | null {
    return this.state.sourceId;
  }
}

class TriggerStore {
  triggers: TriggerState[] = [];
  private seq = 0;
  constructor(private readonly ctx: FakeContext) {}
  get addon(): boolean {
    return this.ctx.options.addon === true;
  }
  create(state: Omit<TriggerState, 'id' | 'owner'>): GTrigger {
    const owner = this.ctx.users.effective;
    if (this.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER)
      throw new Error(ERR.tooManyTriggers);
    const full: TriggerState = { ...state, id: `fake-trigger-${++this.seq}`, owner };
    this.triggers.push(full);
    return new FakeTrigger(full)._api;
  }
}

class FakeClockTriggerBuilder {
  readonly _api: GClockTriggerBuilder;
  private spec: Partial<TriggerState> = {};
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {
    this._api = counted('ClockTriggerBuilder', this) as unknown as GClockTriggerBuilder;
  }
  atHour(hour: number) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(ERR.badHour(hour));
    this.spec.atHour = hour;
    return this._api;
  }
  nearMinute(minute: number) {
    this.spec.nearMinute = minute;
    return this._api;
  }
  everyDays(n: number) {
    this.spec.everyDays = n;
    return this._api;
  }
  everyHours(n: number) {
    this.spec.everyHours = n;
    return this._api;
  }
  /** Reference: minutes must be 1, 5, 10, 15 or 30. */
  everyMinutes(n: number) {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Invalid argument: minutes must be 1, 5, 10, 15 or 30');
    this.spec.everyMinutes = n;
    return this._api;
  }
  everyWeeks(n: number) {
    this.spec.everyWeeks = n;
    return this._api;
  }
  onWeekDay(day: unknown) {
    this.spec.onWeekDay = String(day);
    return this._api;
  }
  inTimezone(timezone: string) {
    this.spec.timeZone = timezone;
    return this._api;
  }
  at(date: Date) {
    this.spec.at = new Date(date.getTime());
    return this._api;
  }
  after(durationMilliseconds: number) {
    this.spec.at = new Date(Date.now() + durationMilliseconds);
    return this._api;
  }
  create(): GTrigger {
    if (this.spec.atHour !== undefined && !this.spec.everyDays && !this.spec.everyWeeks)
      throw new Error(ERR.atHourNeedsDays);
    if (this.store.addon && this.spec.everyMinutes !== undefined) throw new Error(ERR.addonTooFrequent);
    return this.store.create({
      ...this.spec,
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
    });
  }
}

class FakeSpreadsheetTriggerBuilder {
  readonly _api: GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  private eventType: TriggerState['eventType'] = 'ON_EDIT';
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {
    this._api = counted(
      'SpreadsheetTriggerBuilder',
      this,
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
  onEdit() {
    this.eventType = 'ON_EDIT';
    return this._api;
  }
  onOpen() {
    this.eventType = 'ON_OPEN';
    return this._api;
  }
  onChange() {
    this.eventType = 'ON_CHANGE';
    return this._api;
  }
  onFormSubmit() {
    this.eventType = 'ON_FORM_SUBMIT';
    return this._api;
  }
  create(): GTrigger {
    return this.store.create({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
    });
  }
}

class FakeTriggerBuilder {
  readonly _api: GTriggerBuilder;
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {
    this._api = counted('TriggerBuilder', this) as unknown as GTriggerBuilder;
  }
  timeBased(): GClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.store, this.handler)._api;
  }
  forSpreadsheet(
    sheet: string | GoogleAppsScript.Spreadsheet.Spreadsheet,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : calls.untracked(() => sheet.getId());
    return new FakeSpreadsheetTriggerBuilder(this.store, this.handler, id)._api;
  }
}

/**
 * Granular consent (developers.google.com/apps-script/concepts/scopes, "Granular OAuth permissions"):
 * a user may tick only some of the manifest's scopes, and the script still starts. The reference of
 * class AuthorizationInfo: getAuthorizationStatus() REQUIRED / NOT_REQUIRED; getAuthorizationUrl()
 * null when nothing is required; getAuthorizedScopes() "If authorization information is requested for
 * a specified list of scopes, returns the authorized scopes from the specified list" — asked without a
 * list the fake answers null (the reference does not say what it lists then).
 */
export interface AuthState {
  /** scopes the user left unticked on the consent screen */
  denied: Set<string>;
}

class FakeAuthorizationInfo {
  readonly _api: GoogleAppsScript.Script.AuthorizationInfo;
  constructor(
    private readonly auth: AuthState,
    private readonly scopes: string[] | null,
  ) {
    this._api = counted('AuthorizationInfo', this) as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }
  private missing(): string[] {
    return this.scopes ? this.scopes.filter((s) => this.auth.denied.has(s)) : [...this.auth.denied];
  }
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return (this.missing().length
      ? 'REQUIRED'
      : 'NOT_REQUIRED') as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }
  getAuthorizationUrl(): string | null {
    return this.missing().length ? 'https://script.google.com/macros/d/fake-script-id/authorize' : null;
  }
  getAuthorizedScopes(): string[] | null {
    return this.scopes ? this.scopes.filter((s) => !this.auth.denied.has(s)) : null;
  }
}

class FakeScriptApp {
  readonly AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
  readonly AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
  readonly EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
  readonly TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
  readonly WeekDay = enumOf('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY');
  readonly _api: GoogleAppsScript.Script.ScriptApp;
  constructor(
    private readonly ctx: FakeContext,
    private readonly store: TriggerStore,
    private readonly auth: AuthState = { denied: new Set() },
  ) {
    this._api = counted('ScriptApp', this) as unknown as GoogleAppsScript.Script.ScriptApp;
  }
  getAuthorizationInfo(_authMode: unknown, oAuthScopes?: string[]): GoogleAppsScript.Script.AuthorizationInfo {
    return new FakeAuthorizationInfo(this.auth, oAuthScopes ? [...oAuthScopes] : null)._api;
  }
  newTrigger(functionName: string): GTriggerBuilder {
    return new FakeTriggerBuilder(this.store, functionName)._api;
  }
  /** Reference: "Gets all installable triggers associated with the current project and current user." */
  getProjectTriggers(): GTrigger[] {
    const me = this.ctx.users.effective;
    return this.store.triggers.filter((t) => t.owner === me).map((t) => new FakeTrigger(t)._api);
  }
  getUserTriggers(document: { getId(): string }): GTrigger[] {
    const me = this.ctx.users.effective;
    const id = calls.untracked(() => document.getId());
    return this.store.triggers.filter((t) => t.owner === me && t.sourceId === id).map((t) => new FakeTrigger(t)._api);
  }
  deleteTrigger(trigger: GTrigger): void {
    const id = calls.untracked(() => trigger.getUniqueId());
    this.store.triggers = this.store.triggers.filter((t) => t.id !== id);
  }
  getScriptId(): string {
    return this.ctx.options.scriptId ?? 'fake-script-id';
  }
  getOAuthToken(): string {
    return 'fake-oauth-token';
  }
  /** Reference: Service.getUrl() is the web app's URL, or null when it is not deployed as one. */
  getService(): GoogleAppsScript.Script.Service {
    const url = this.ctx.options.webAppUrl ?? null;
    return counted('Service', {
      getUrl: () => url,
      isEnabled: () => url !== null,
    }) as unknown as GoogleAppsScript.Script.Service;
  }
}

export interface TriggersHandle {
  /** Every installable trigger, whoever created it. */
  list(): TriggerState[];
  clear(): void;
}

// ---------------------------------------------------------------- LockService

class LockTable {
  /** lock name → the Lock instance holding it (or 'other' for a simulated concurrent execution) */
  holders = new Map<string, object>();
  attempts: { lock: string; method: 'tryLock' | 'waitLock'; timeoutMs: number; acquired: boolean }[] = [];
}

/**
 * Reference: tryLock(ms) "attempts to acquire the lock, timing out after the provided number of
 * milliseconds" and returns whether it got it; waitLock(ms) does the same but throws on timeout;
 * hasLock() is true once acquired until releaseLock(). Time does not pass in the fakes: while another
 * holder has the lock, every attempt times out at once.
 */
class FakeLock {
  readonly _api: GLock;
  constructor(
    private readonly table: LockTable,
    private readonly name: string,
  ) {
    this._api = counted('Lock', this) as unknown as GLock;
  }
  private acquire(method: 'tryLock' | 'waitLock', timeoutMs: number): boolean {
    const holder = this.table.holders.get(this.name);
    const acquired = holder === undefined || holder === this;
    if (acquired) this.table.holders.set(this.name, this);
    this.table.attempts.push({ lock: this.name, method, timeoutMs, acquired });
    return acquired;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this.acquire('tryLock', timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.acquire('waitLock', timeoutInMillis)) throw new Error(ERR.lockTimeout);
  }
  hasLock(): boolean {
    return this.table.holders.get(this.name) === this;
  }
  releaseLock(): void {
    if (this.table.holders.get(this.name) === this) this.table.holders.delete(this.name);
  }
}

class FakeLockService {
  readonly _api: GoogleAppsScript.Lock.LockService;
  constructor(
    private readonly table: LockTable,
    private readonly ctx: FakeContext,
  ) {
    this._api = counted('LockService', this) as unknown as GoogleAppsScript.Lock.LockService;
  }
  getScriptLock(): GLock {
    return new FakeLock(this.table, 'script')._api;
  }
  getDocumentLock(): GLock {
    return new FakeLock(this.table, 'document')._api;
  }
  getUserLock(): GLock {
    return new FakeLock(this.table, `user:${this.ctx.users.effective}`)._api;
  }
}

export interface LocksHandle {
  /** Simulates another execution holding the lock ('script', 'document' or 'user:<email>'); call release() to free it. */
  hold(lock: string): { release(): void };
  isHeld(lock: string): boolean;
  /** Every tryLock/waitLock, in order. */
  readonly attempts: LockTable['attempts'];
}

// ---------------------------------------------------------------- PropertiesService

class FakeProperties {
  readonly _api: GProperties;
  constructor(readonly store: Map<string, string>) {
    this._api = counted('Properties', this) as unknown as GProperties;
  }
  getProperty(key: string): string | null {
    return this.store.has(key) ? (this.store.get(key) as string) : null;
  }
  setProperty(key: string, value: string): GProperties {
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_PROPERTY_VALUE_BYTES) throw new Error(ERR.propertyTooLarge);
    this.store.set(key, v);
    return this._api;
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GProperties {
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(properties)) this.setProperty(k, v);
    return this._api;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteProperty(key: string): GProperties {
    this.store.delete(key);
    return this._api;
  }
  deleteAllProperties(): GProperties {
    this.store.clear();
    return this._api;
  }
}

class FakePropertiesService {
  readonly _api: GoogleAppsScript.Properties.PropertiesService;
  constructor(
    private readonly stores: PropertyStores,
    private readonly ctx: FakeContext,
  ) {
    this._api = counted('PropertiesService', this) as unknown as GoogleAppsScript.Properties.PropertiesService;
  }
  getScriptProperties(): GProperties {
    return new FakeProperties(this.stores.script)._api;
  }
  getDocumentProperties(): GProperties {
    return new FakeProperties(this.stores.document)._api;
  }
  getUserProperties(): GProperties {
    const me = this.ctx.users.effective;
    if (!this.stores.user.has(me)) this.stores.user.set(me, new Map());
    return new FakeProperties(this.stores.user.get(me) as Map<string, string>)._api;
  }
}

interface PropertyStores {
  script: Map<string, string>;
  document: Map<string, string>;
  user: Map<string, Map<string, string>>;
}

export type PropertiesHandle = PropertyStores;

// ---------------------------------------------------------------- Utilities

/** The blob's bytes as a Node Buffer (for Drive/Mail fakes that receive blobs). */
export function blobBytes(blob: GBlob): Buffer {
  return Buffer.from(calls.untracked(() => blob.getBytes()).map((b) => (b < 0 ? b + 256 : b)));
}

const toBuffer = (data: string | number[] | Uint8Array): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : Buffer.from(Array.from(data as ArrayLike<number>, (b) => (b < 0 ? b + 256 : b)));

class FakeUtilities {
  readonly Charset = enumOf('US_ASCII', 'UTF_8');
  readonly DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
  readonly _api: GoogleAppsScript.Utilities.Utilities;
  slept = 0;
  private uuidSeq = 0;
  constructor() {
    this._api = counted('Utilities', this) as unknown as GoogleAppsScript.Utilities.Utilities;
  }
  /** Reference: formatDate(date, timeZone, format) with a SimpleDateFormat pattern. */
  formatDate(date: Date, timeZone: string, format: string): string {
    return formatSimpleDate(date, timeZone, format);
  }
  /** Deterministic UUIDs so tests can pin them. */
  getUuid(): string {
    const n = (++this.uuidSeq).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n}`;
  }
  newBlob(data: string | number[] | Uint8Array, contentType?: string, name?: string): GBlob {
    return new FakeBlob(toBuffer(data ?? ''), contentType ?? null, name ?? null)._api;
  }
  /** No real waiting: the total asked for is recorded. */
  sleep(milliseconds: number): void {
    this.slept += milliseconds;
  }
  base64Encode(data: string | number[]): string {
    return toBuffer(data).toString('base64');
  }
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && csv[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}

// ---------------------------------------------------------------- HtmlService

class FakeHtmlOutput {
  readonly _api: GHtmlOutput;
  width = 600;
  height = 400;
  title = '';
  constructor(public content: string) {
    this._api = counted('HtmlOutput', this) as unknown as GHtmlOutput;
    outputs.set(this._api, this);
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): GHtmlOutput {
    this.content = content;
    return this._api;
  }
  append(addedContent: string): GHtmlOutput {
    this.content += addedContent;
    return this._api;
  }
  /** Reference: appendUntrusted escapes the text. */
  appendUntrusted(addedContent: string): GHtmlOutput {
    this.content += escapeHtmlText(addedContent);
    return this._api;
  }
  setWidth(width: number): GHtmlOutput {
    this.width = width;
    return this._api;
  }
  setHeight(height: number): GHtmlOutput {
    this.height = height;
    return this._api;
  }
  getWidth(): number {
    return this.width;
  }
  getHeight(): number {
    return this.height;
  }
  setTitle(title: string): GHtmlOutput {
    this.title = title;
    return this._api;
  }
  getTitle(): string {
    return this.title;
  }
  setSandboxMode(): GHtmlOutput {
    return this._api;
  }
  setXFrameOptionsMode(): GHtmlOutput {
    return this._api;
  }
  addMetaTag(): GHtmlOutput {
    return this._api;
  }
}

const outputs = new WeakMap<object, FakeHtmlOutput>();

const escapeHtmlText = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

/**
 * HtmlService.createTemplate: properties set on the template are the scriptlets' variables;
 * <?= expr ?> prints escaped, <?!= expr ?> prints raw, <? code ?> runs (as the reference describes).
 */
class FakeHtmlTemplate {
  constructor(private readonly source: string) {}
  getCode(): string {
    return compileTemplate(this.source);
  }
  evaluate(): GHtmlOutput {
    const vars = Object.entries(this as unknown as Record<string, unknown>).filter(([k]) => k !== 'source');
    const fn = new Function('__escape', ...vars.map(([k]) => k), compileTemplate(this.source)) as (
      ...a: unknown[]
    ) => string;
    return new FakeHtmlOutput(fn(escapeHtmlText, ...vars.map(([, v]) => v)))._api;
  }
}

function compileTemplate(source: string): string {
  let code = 'let __out = "";\n';
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf('<?', i);
    if (start < 0) {
      code += `__out += ${JSON.stringify(source.slice(i))};\n`;
      break;
    }
    code += `__out += ${JSON.stringify(source.slice(i, start))};\n`;
    const end = source.indexOf('?>', start);
    const inner = source.slice(start + 2, end < 0 ? source.length : end);
    if (inner.startsWith('!=')) code += `__out += String(${inner.slice(2)});\n`;
    else if (inner.startsWith('=')) code += `__out += __escape(String(${inner.slice(1)}));\n`;
    else code += `${inner}\n`;
    i = end < 0 ? source.length : end + 2;
  }
  return `${code}return __out;`;
}

class FakeHtmlService {
  readonly SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
  readonly XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
  readonly _api: GoogleAppsScript.HTML.HtmlService;
  constructor() {
    this._api = counted('HtmlService', this) as unknown as GoogleAppsScript.HTML.HtmlService;
  }
  createHtmlOutput(html?: string | GBlob): GHtmlOutput {
    const content =
      html === undefined ? '' : typeof html === 'string' ? html : calls.untracked(() => html.getDataAsString());
    return new FakeHtmlOutput(content)._api;
  }
  createTemplate(html: string | GBlob): GHtmlTemplate {
    const source = typeof html === 'string' ? html : calls.untracked(() => html.getDataAsString());
    return counted('HtmlTemplate', new FakeHtmlTemplate(source)) as unknown as GHtmlTemplate;
  }
}

// ---------------------------------------------------------------- Ui

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; submenu: MenuEntry[] };

export interface MenuState {
  title: string;
  items: MenuEntry[];
}

export interface AlertState {
  title: string;
  prompt: string;
  buttons: string;
}

export interface DialogState {
  kind: 'modal' | 'modeless' | 'sidebar';
  title: string;
  html: string;
  width: number;
  height: number;
}

const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

class FakeMenu {
  readonly _api: GMenu;
  readonly items: MenuEntry[] = [];
  constructor(
    readonly title: string,
    private readonly ui: UiState,
  ) {
    this._api = counted('Menu', this) as unknown as GMenu;
    menus.set(this._api, this);
  }
  addItem(caption: string, functionName: string): GMenu {
    this.items.push({ caption, functionName });
    return this._api;
  }
  addSeparator(): GMenu {
    this.items.push({ separator: true });
    return this._api;
  }
  addSubMenu(menu: GMenu): GMenu {
    const sub = menus.get(menu);
    if (!sub) throw new Error('The fakes were handed a menu they did not create.');
    this.items.push({ caption: sub.title, submenu: sub.items });
    return this._api;
  }
  addToUi(): void {
    // adding a menu with the same title again replaces it, as reopening the sheet would
    this.ui.menus = this.ui.menus.filter((m) => m.title !== this.title);
    this.ui.menus.push({ title: this.title, items: this.items });
  }
}

const menus = new WeakMap<object, FakeMenu>();

interface UiState {
  menus: MenuState[];
  alerts: AlertState[];
  dialogs: DialogState[];
  responses: { button: string; text: string }[];
}

class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly _api: GUi;
  constructor(private readonly state: UiState) {
    this._api = counted('Ui', this) as unknown as GUi;
  }
  createMenu(caption: string): GMenu {
    return new FakeMenu(caption, this.state)._api;
  }
  createAddonMenu(): GMenu {
    return new FakeMenu('(add-on)', this.state)._api;
  }
  /** Reference: alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons); returns the button pressed. */
  alert(a: string, b?: string | GButtonSet, c?: GButtonSet): GButton {
    let title = '';
    let prompt = a;
    let buttons = 'OK';
    if (typeof b === 'string' && c !== undefined) {
      title = a;
      prompt = b;
      buttons = String(c);
    } else if (b !== undefined) buttons = String(b);
    this.state.alerts.push({ title, prompt, buttons });
    return this.answer(buttons).button as unknown as GButton;
  }
  prompt(a: string, b?: string | GButtonSet, c?: GButtonSet): GoogleAppsScript.Base.PromptResponse {
    let title = '';
    let prompt = a;
    let buttons = 'OK';
    if (typeof b === 'string' && c !== undefined) {
      title = a;
      prompt = b;
      buttons = String(c);
    } else if (b !== undefined) buttons = String(b);
    this.state.alerts.push({ title, prompt, buttons });
    const r = this.answer(buttons);
    return counted('PromptResponse', {
      getResponseText: () => r.text,
      getSelectedButton: () => r.button,
    }) as unknown as GoogleAppsScript.Base.PromptResponse;
  }
  private answer(buttons: string): { button: string; text: string } {
    const queued = this.state.responses.shift();
    if (queued) return queued;
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }
  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    this.show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: GHtmlOutput, title: string): void {
    this.show('modeless', userInterface, title);
  }
  showSidebar(userInterface: GHtmlOutput): void {
    this.show('sidebar', userInterface, '');
  }
  private show(kind: DialogState['kind'], ui: GHtmlOutput, title: string): void {
    const out = outputs.get(ui);
    if (!out) throw new Error('The fakes were handed HTML they did not create (use HtmlService).');
    this.state.dialogs.push({
      kind,
      title: title || out.title,
      html: out.content,
      width: out.width,
      height: out.height,
    });
  }
}

export interface UiHandle {
  /** Menus added to the UI (addToUi), in order. */
  readonly menus: MenuState[];
  readonly alerts: AlertState[];
  readonly dialogs: DialogState[];
  /** The answer the next alert/prompt gets (default: OK, or YES for a yes/no set). */
  respond(button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE', text?: string): void;
  /** false: SpreadsheetApp.getUi() throws, as in a time-driven trigger. */
  setAvailable(available: boolean): void;
  lastAlert(): AlertState | undefined;
  lastDialog(): DialogState | undefined;
}

// ---------------------------------------------------------------- Logger

class FakeLogger {
  readonly _api: GoogleAppsScript.Base.Logger;
  constructor(readonly lines: string[]) {
    this._api = counted('Logger', this) as unknown as GoogleAppsScript.Base.Logger;
  }
  log(format: unknown, ...values: unknown[]) {
    let i = 0;
    this.lines.push(
      typeof format === 'string' && values.length ? format.replace(/%s/g, () => String(values[i++])) : String(format),
    );
    return this._api;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines.length = 0;
  }
}

// ---------------------------------------------------------------- module

export interface ScriptHandles {
  session: SessionHandle;
  /** Granular consent: deny(scope) as if the user left it unticked. */
  auth: { deny(scope: string): void; readonly denied: string[] };
  triggers: TriggersHandle;
  locks: LocksHandle;
  properties: PropertiesHandle;
  ui: UiHandle;
  /** Logger.log lines */
  log: string[];
  /** Total milliseconds asked of Utilities.sleep */
  slept(): number;
}

export function installScript(ctx: FakeContext): FakeModule<ScriptHandles> {
  const uiState: UiState = { menus: [], alerts: [], dialogs: [], responses: [] };
  const ui = new FakeUi(uiState);
  ctx.ui = ui._api;
  const store = new TriggerStore(ctx);
  const auth: AuthState = { denied: new Set() };
  const table = new LockTable();
  const stores: PropertyStores = { script: new Map(), document: new Map(), user: new Map() };
  const utilities = new FakeUtilities();
  const lines: string[] = [];
  const other = {};

  const session: SessionHandle = {
    setUser(email) {
      ctx.users.active = email;
      ctx.users.effective = email;
    },
    setActiveUser(email) {
      ctx.users.active = email;
    },
    setEffectiveUser(email) {
      ctx.users.effective = email;
    },
    get activeUser() {
      return ctx.users.active;
    },
    get effectiveUser() {
      return ctx.users.effective;
    },
    as(email, fn) {
      const before = { ...ctx.users };
      ctx.users.active = ctx.users.effective = email;
      try {
        return fn();
      } finally {
        Object.assign(ctx.users, before);
      }
    },
  };

  return {
    globals: {
      Session: new FakeSession(ctx)._api,
      ScriptApp: new FakeScriptApp(ctx, store, auth)._api,
      LockService: new FakeLockService(table, ctx)._api,
      PropertiesService: new FakePropertiesService(stores, ctx)._api,
      Utilities: utilities._api,
      HtmlService: new FakeHtmlService()._api,
      Logger: new FakeLogger(lines)._api,
    },
    handles: {
      session,
      auth: {
        deny: (scope) => {
          auth.denied.add(scope);
        },
        get denied() {
          return [...auth.denied];
        },
      },
      triggers: {
        list: () => store.triggers.map((t) => ({ ...t })),
        clear: () => {
          store.triggers = [];
        },
      },
      locks: {
        hold(lock) {
          table.holders.set(lock, other);
          return {
            release: () => {
              if (table.holders.get(lock) === other) table.holders.delete(lock);
            },
          };
        },
        isHeld: (lock) => table.holders.has(lock),
        get attempts() {
          return table.attempts;
        },
      },
      properties: stores,
      ui: {
        get menus() {
          return uiState.menus;
        },
        get alerts() {
          return uiState.alerts;
        },
        get dialogs() {
          return uiState.dialogs;
        },
        respond(button, text = '') {
          uiState.responses.push({ button, text });
        },
        setAvailable(available) {
          ctx.uiAvailable = available;
        },
        lastAlert: () => uiState.alerts[uiState.alerts.length - 1],
        lastDialog: () => uiState.dialogs[uiState.dialogs.length - 1],
      },
      log: lines,
      slept: () => utilities.slept,
    },
  };
}

export { DEFAULT_USER };

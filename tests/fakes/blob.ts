// The Blob every fake hands out and accepts (Utilities.newBlob, Document.getAs, Drive files, mail
// attachments): one class, so any fake reads any blob. Reference: Class Blob (Base service).
import { counted } from './calls';

type GBlob = GoogleAppsScript.Base.Blob;

export class FakeBlob {
  readonly _api: GBlob;
  constructor(
    public _bytes: Uint8Array,
    public _contentType: string | null,
    public _name: string | null,
  ) {
    this._api = counted('Blob', this) as unknown as GBlob;
  }
  static _fromString(text: string, contentType: string | null, name: string | null): FakeBlob {
    return new FakeBlob(new TextEncoder().encode(text), contentType, name);
  }
  getBytes(): number[] {
    return Array.from(this._bytes, (b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(charset?: string): string {
    return new TextDecoder(charset && /^utf-?16/i.test(charset) ? 'utf-16le' : 'utf-8').decode(this._bytes);
  }
  setDataFromString(text: string): GBlob {
    this._bytes = new TextEncoder().encode(text);
    return this._api;
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: string | null): GBlob {
    this._contentType = contentType;
    return this._api;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: string): GBlob {
    this._name = name;
    return this._api;
  }
  copyBlob(): GBlob {
    return new FakeBlob(this._bytes.slice(), this._contentType, this._name)._api;
  }
  isGoogleType(): boolean {
    return (this._contentType ?? '').startsWith('application/vnd.google-apps.');
  }
  getAs(contentType: string): GBlob {
    if (contentType === this._contentType) return this.copyBlob();
    throw new Error(`Converting from ${this._contentType} to ${contentType} is not supported.`);
  }
}

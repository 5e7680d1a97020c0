// Text the Apps Script bundle carries deflated: scripts/build.mjs's packed-text plugin turns each
// sheets-template/*.csv into PACKED + the base64 of its raw DEFLATE bytes (fflate deflateSync, level 9),
// ~4× smaller than the Thai text (3 bytes a character in UTF-8), since Apps Script parses the whole
// bundle on every trigger. The Node CLI and jest keep esbuild's plain text loader: their texts come
// through unchanged. Unpacked on first read, so a trigger that never reads the template (onEdit)
// never inflates it. Pure: base64 decoded here (no atob, Buffer or Utilities in core).
import { inflateSync, strFromU8 } from 'fflate';

/** Starts a packed text; no text file starts with a NUL character. */
export const PACKED = '\u0000deflate+base64:';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** char code → its 6 bits, -1 for a character outside the alphabet */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

/** base64 (RFC 4648 §4, padded or not) → bytes */
export function base64Bytes(text: string): Uint8Array {
  const digits = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (let i = 0; i < digits.length; i++) {
    const v = SEXTET[digits.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`not base64 at ${i}: ${JSON.stringify(digits[i])}`);
    held = ((held << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (held >> bits) & 0xff;
    }
  }
  return out;
}

/** A packed text's text; any other text as it is. */
export function unpackText(text: string): string {
  if (!text.startsWith(PACKED)) return text;
  return strFromU8(inflateSync(base64Bytes(text.slice(PACKED.length))));
}

/** The same names → texts, each unpacked when first read and kept. */
export function unpackedOnRead(texts: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(texts)) {
    let plain: string | undefined;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => {
        if (plain === undefined) plain = unpackText(text);
        return plain;
      },
    });
  }
  return Object.freeze(out);
}

// src/core/packed-text.ts against an encoder of its own (Node's zlib and Buffer, not the build's fflate):
// the base64 it reads is RFC 4648's, the DEFLATE raw, and a template file is unpacked only when read.
// The build's own packText round trip over every sheets-template/*.csv: tests/e2e/packed-text.test.ts.
import { deflateRawSync } from 'node:zlib';
import { base64Bytes, PACKED, unpackedOnRead, unpackText } from '../../src/core/packed-text';

const pack = (text: string) => PACKED + deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');

describe('base64Bytes', () => {
  it.each(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'])('reads %j as Buffer writes it', (s) => {
    const bytes = Buffer.from(s);
    expect(Buffer.from(base64Bytes(bytes.toString('base64')))).toEqual(bytes);
    expect(Buffer.from(base64Bytes(bytes.toString('base64').replace(/=+$/, '')))).toEqual(bytes);
  });

  it('reads every byte value, + and / included', () => {
    const bytes = Buffer.from(Array.from({ length: 256 * 3 }, (_, i) => (i * 7) % 256));
    expect(bytes.toString('base64')).toMatch(/\+.*\//);
    expect(Buffer.from(base64Bytes(bytes.toString('base64')))).toEqual(bytes);
  });

  it('refuses a character outside the alphabet, naming where', () => {
    expect(() => base64Bytes('Zm9v-mFy')).toThrow('not base64 at 4: "-"');
  });
});

describe('unpackText', () => {
  it('gives back Thai text, new lines and quotes as packed', () => {
    const text = 'รหัสมาตรการ,ด้าน\nIIT-01,"- จัดทำแนวทาง\n- เผยแพร่ ""ประชาสัมพันธ์"""\n';
    expect(unpackText(pack(text))).toBe(text);
  });

  it('gives a text that is not packed as it is (the Node build and jest carry plain text)', () => {
    expect(unpackText('a,b\n')).toBe('a,b\n');
    expect(unpackText('')).toBe('');
  });
});

describe('unpackedOnRead', () => {
  it('unpacks a text when it is first read, and once', () => {
    const texts = { 'a.csv': pack('ก,ข\n'), 'b.csv': 'plain' };
    const got = unpackedOnRead(texts);
    expect(Object.keys(got)).toEqual(['a.csv', 'b.csv']);
    expect(got['a.csv']).toBe('ก,ข\n');
    expect(got['a.csv']).toBe(got['a.csv']);
    expect(got['b.csv']).toBe('plain');
    expect(Object.isFrozen(got)).toBe(true);
  });

  it('never unpacks a text nobody reads', () => {
    // a broken packed text throws only when read: reading the other names never touches it
    const got = unpackedOnRead({ 'bad.csv': `${PACKED}!!!!`, 'ok.csv': pack('x') });
    expect(got['ok.csv']).toBe('x');
    expect(() => got['bad.csv']).toThrow('not base64 at 0');
  });
});

// An image file judged by its content, not its name: the Garuda a memo carries must be a PNG or a JPEG.

/** 'png' or 'jpg' from the file's first bytes (the PNG signature, the JPEG SOI marker); null otherwise. */
export function imageKind(data: Uint8Array): 'png' | 'jpg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length >= 24 && png.every((b, i) => data[i] === b)) return 'png';
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  return null;
}

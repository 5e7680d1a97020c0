// Thai text checks where text enters a document (src/core/document-text.ts), the importer's note on
// the spaces it joined, and the heading the CLI prints over them.

export const TEXT_CHECK = {
  glitch: (changes: string) =>
    `ข้อความนี้จะพิมพ์ในเอกสารพร้อมร่องรอยการคัดลอกจาก PDF (สระหรือวรรณยุกต์ลอย ตัวอักษรตกหล่น หรือช่องว่างกลางคำ): ${changes} — แก้ในเซลล์นี้ตามที่แสดง`,
  change: (before: string, after: string) => `"${before}" → "${after}"`,
  more: (count: number) => `และอีก ${count} จุด`,
  printedHeading: (count: number) => `ข้อความที่ควรแก้ก่อนเผยแพร่ ${count} เซลล์ (เอกสารพิมพ์ตามที่กรอกไว้):`,
  joined: (count: number, examples: string) => `รวมคำที่ถูกเว้นวรรคกลางคำจากการขึ้นบรรทัดใหม่ใน PDF ${count} จุด: ${examples}`,
} as const;

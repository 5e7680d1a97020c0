// npm run publish-template (maintainers, Node only; src/node/google/publish-template.ts).

export const PUBLISH = {
  /** the template's file name in Drive */
  templateTitle: 'ระบบติดตามมาตรการ ITA (แม่แบบ)',
  noCredentials: (path: string) =>
    `ไม่พบข้อมูลเข้าสู่ระบบของ clasp ที่ ${path} — รัน npx clasp login ก่อน (Apps Script API ไม่รับบัญชีบริการ ต้องเป็นบัญชีผู้ใช้)`,
  badCredentials: (path: string) => `ไฟล์ ${path} ไม่มีข้อมูลเข้าสู่ระบบแบบบัญชีผู้ใช้ (authorized_user) — รัน npx clasp login ใหม่`,
  noBundle: (path: string) => `ไม่พบ ${path} — รัน npm run build ก่อน`,
  created: (id: string) => `สร้างแม่แบบใหม่: ${id}`,
  updated: (id: string) => `ปรับปรุงแม่แบบเดิม: ${id}`,
  scriptCreated: (id: string) => `สร้างสคริปต์ที่ผูกกับแม่แบบ: ${id}`,
  scriptUpdated: (id: string) => `อัปโหลดโค้ดล่าสุดไปยังสคริปต์: ${id}`,
  shared: 'เปิดให้ทุกคนที่มีลิงก์ดูแม่แบบได้ (เพื่อทำสำเนา)',
  copyLink: (url: string) => `ลิงก์ทำสำเนาสำหรับเจ้าหน้าที่: ${url}`,
  failed: (why: string) => `เผยแพร่แม่แบบไม่สำเร็จ: ${why}`,
  apiDisabled: 'ยังไม่ได้เปิด Apps Script API ของบัญชีนี้ — เปิดที่ https://script.google.com/home/usersettings แล้วลองใหม่',
} as const;

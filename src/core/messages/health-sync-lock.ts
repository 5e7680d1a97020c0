// The health check's two protection checks added in issue 22: sync's row lock tried on this account
// kind (on the log tab, removed after), and protections an interrupted run left that nobody owns.
const list = (items: readonly string[]) => items.join(', ');

export const HEALTH_SYNC_LOCK = {
  title: 'ล็อกแถวระหว่างปรับปรุงแท็บหน่วยงาน',
  /** the probe's own lock (never sync's description, so a real sync lock is never touched by it) */
  probeDescription: 'ตรวจสุขภาพระบบ: ทดลองล็อกแถว (ลบได้)',
  ok: (workspace: boolean) =>
    `ล็อกแถวและปลดล็อกได้ตามที่การปรับปรุงแท็บหน่วยงานทำ (${
      workspace ? 'ไฟล์ของ Google Workspace: ปิดสิทธิ์ทั้งโดเมนได้' : 'ไฟล์ของบัญชี Gmail: ไม่มีโดเมน จึงไม่ปิดสิทธิ์ทั้งโดเมน'
    })`,
  failed: (why: string) => `ล็อกแถวแบบที่การปรับปรุงแท็บหน่วยงานทำไม่สำเร็จ: ${why}`,
  failedTodo: 'กด "คัดลอกผลสำหรับผู้พัฒนา" แล้วส่งให้ผู้พัฒนา — อย่าเพิ่งปรับปรุงแท็บหน่วยงานจนกว่าจะแก้',
  left: 'ทดลองล็อกแล้วแต่ปลดล็อกไม่หมด',
};

export const HEALTH_LEFTOVERS = {
  title: 'การป้องกันที่ค้างอยู่โดยไม่มีเจ้าของ',
  ok: 'ไม่มีการป้องกันค้างจากการทำงานที่หยุดกลางคัน',
  found: (where: readonly string[]) => `พบการป้องกันที่ค้างอยู่ (แถวเหล่านี้อาจพิมพ์ไม่ได้): ${list(where)}`,
  foundTodo: 'เลือกเมนู "ปรับปรุงแท็บหน่วยงาน" อีกครั้ง ระบบจะลบล็อกที่ค้าง หรือลบเองที่ ข้อมูล > ป้องกันชีตและช่วง',
  /** where: tab and range, and what the lock was */
  at: (tab: string, range: string, what: string) => `${tab}!${range} (${what})`,
  whatSync: 'ล็อกระหว่างปรับปรุงแท็บหน่วยงาน',
  whatProbe: 'ล็อกทดลองของการตรวจสุขภาพ',
};

// The province-wide roll-up over many agencies' sheets (Node: the rollup command).

/** The province-wide roll-up: its workbook, its web page and the `rollup` command's output. */
export const ROLLUP = {
  title: 'สรุปภาพรวมการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)',
  asOf: (date: string) => `ข้อมูล ณ วันที่ ${date}`,
  counts: (ok: number, failed: number) => `อ่านได้ ${ok} หน่วยงาน อ่านไม่ได้ ${failed} ชีต`,
  sheetName: 'สรุป',
  header: {
    no: 'ลำดับ',
    agency: 'หน่วยงาน',
    district: 'อำเภอ',
    province: 'จังหวัด',
    fiscalYear: 'ปีงบประมาณ',
    round: 'รอบ',
    measures: 'จำนวนมาตรการ',
    area: (area: string) => `ด้าน ${area}`,
    total: 'รวมทุกด้าน',
    overdue: 'รายการเกินกำหนด',
    lastReport: 'รายงานล่าสุด',
    sheet: 'ชีต',
    error: 'อ่านไม่ได้เพราะ',
  },
  areaStatus: (area: string, status: string) => `${area}: ${status}`,
  totalStatus: (status: string) => `รวม: ${status}`,
  reportLabel: (fy: string, round: string) => `ปี ${fy} รอบ ${round} เดือน`,
  noReport: '-',
  totals: 'รวม',
  failedHeading: 'ชีตที่อ่านไม่ได้',
  listNotFound: (path: string) => `ไม่พบไฟล์รายการชีต ${path}`,
  listEmpty: (path: string) => `ไฟล์ ${path} ไม่มีรายการชีต — ใส่รหัสหรือลิงก์ชีตบรรทัดละหนึ่งรายการ`,
  badListLine: (path: string, line: number, why: string) => `${path} บรรทัด ${line}: ${why}`,
  failedLine: (no: number, sheet: string, why: string) => `ชีตที่ ${no} (${sheet}): ${why}`,
  done: (ok: number, failed: number) => `สรุปแล้ว ${ok} หน่วยงาน อ่านไม่ได้ ${failed} ชีต`,
  stats: (seconds: string, requests: number, peakMb: string, retainedMb: string | null) =>
    `อ่านชีตใช้เวลา ${seconds} วินาที ส่งคำขอถึง Google ${requests} ครั้ง (รวมการขอโทเค็นและการลองใหม่) หน่วยความจำ heap สูงสุดระหว่างอ่าน ${peakMb} MB${
      retainedMb === null ? '' : ` คงอยู่หลังเก็บกวาด (GC) ${retainedMb} MB`
    }`,
} as const;

// The dashboard tab "แดชบอร์ด" (core builds it, Apps Script writes it).

/** The dashboard tab "แดชบอร์ด". */
export const DASHBOARD = {
  title: 'แดชบอร์ดติดตามมาตรการ ITA',
  asOf: (date: string, fiscalYear: string, round: string) =>
    `ข้อมูล ณ วันที่ ${date} ปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน`,
  byDivision: 'สถานะตามหน่วยงาน (จำนวนรายการ)',
  byDivisionArea: 'สถานะตามหน่วยงานและด้าน (จำนวนรายการ)',
  division: 'หน่วยงาน',
  area: 'ด้าน',
  total: 'รวม',
  overdue: 'เกินกำหนด',
  allTotal: 'รวมทุกหน่วยงาน',
  overdueTotal: (date: string) => `รายการที่เกินกำหนดและยังไม่ดำเนินการแล้วเสร็จ ณ วันที่ ${date}`,
  lastReport: 'รายงานล่าสุด',
  reportLabel: (fiscalYear: string, round: string) => `ปีงบประมาณ ${fiscalYear} รอบ ${round} เดือน`,
  noReport: 'ยังไม่มีรายงาน',
  chartTitle: 'สถานะการดำเนินการตามหน่วยงาน',
} as const;

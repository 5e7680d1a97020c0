// Time-zone arithmetic the fakes share (Node's Intl stands in for Apps Script's Java time zones).
// Sheets store instants; what a user sees is the instant in the spreadsheet's zone.

export interface WallParts {
  y: number;
  M: number; // 1-12
  d: number;
  H: number;
  m: number;
  s: number;
  ms: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function fixedOffsetMinutes(tz: string): number | null {
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Etc/UTC') return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
}

/** The wall clock of an instant in a zone. */
export function wallParts(date: Date, tz: string): WallParts {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) {
    const w = new Date(date.getTime() + fixed * 60000);
    return {
      y: w.getUTCFullYear(),
      M: w.getUTCMonth() + 1,
      d: w.getUTCDate(),
      H: w.getUTCHours(),
      m: w.getUTCMinutes(),
      s: w.getUTCSeconds(),
      ms: w.getUTCMilliseconds(),
      weekday: w.getUTCDay(),
    };
  }
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    y: Number(p.year),
    M: Number(p.month),
    d: Number(p.day),
    H: Number(p.hour) % 24,
    m: Number(p.minute),
    s: Number(p.second),
    ms: date.getTime() - Math.floor(date.getTime() / 1000) * 1000,
    weekday: days.indexOf(p.weekday),
  };
}

/** Offset of the zone from UTC at that instant, in milliseconds (+07:00 → 25,200,000). */
export function zoneOffsetMs(tz: string, date: Date): number {
  const w = wallParts(date, tz);
  const asUtc = Date.UTC(w.y, w.M - 1, w.d, w.H, w.m, w.s, w.ms);
  return asUtc - date.getTime();
}

/** The instant at which the zone's wall clock shows the given time. */
export function instantFromWall(tz: string, y: number, M: number, d: number, H = 0, m = 0, s = 0): Date {
  const guess = Date.UTC(y, M - 1, d, H, m, s);
  const first = guess - zoneOffsetMs(tz, new Date(guess));
  // a second pass settles the answer across an offset change (DST); Asia/Bangkok has none
  return new Date(guess - zoneOffsetMs(tz, new Date(first)));
}

/** Wall clock of an instant as core's convention: the same digits, read as UTC. */
export const wallAsUtc = (date: Date, tz: string): Date => new Date(date.getTime() + zoneOffsetMs(tz, date));

/** Core's wall-clock-as-UTC Date back to the instant in the zone. */
export const instantFromWallAsUtc = (wall: Date, tz: string): Date =>
  instantFromWall(
    tz,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  );

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Utilities.formatDate: the reference says the format follows Java's SimpleDateFormat.
 * Supported letters: y M d E H h m s S a Z X; text in single quotes is literal ('' is a quote).
 */
export function formatSimpleDate(date: Date, tz: string, pattern: string): string {
  const w = wallParts(date, tz);
  const offMin = Math.round(zoneOffsetMs(tz, date) / 60000);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const sign = offMin < 0 ? '-' : '+';
    const a = Math.abs(offMin);
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.y % 100, 2) : pad(w.y, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[w.M - 1] : n === 3 ? MONTHS[w.M - 1].slice(0, 3) : pad(w.M, n);
        break;
      case 'd':
        out += pad(w.d, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'H':
        out += pad(w.H, n);
        break;
      case 'h':
        out += pad(w.H % 12 === 0 ? 12 : w.H % 12, n);
        break;
      case 'm':
        out += pad(w.m, n);
        break;
      case 's':
        out += pad(w.s, n);
        break;
      case 'S':
        out += pad(w.ms, 3).slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += w.H < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += `${sign}${pad(Math.floor(a / 60), 2)}${pad(a % 60, 2)}`;
        break;
      case 'X':
        out +=
          offMin === 0
            ? 'Z'
            : n >= 3
              ? `${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`
              : `${sign}${pad(Math.floor(a / 60), 2)}${n === 2 ? pad(a % 60, 2) : ''}`;
        break;
      default:
        throw new Error(`Utilities.formatDate: the fakes do not support the pattern letter '${ch}'`);
    }
  }
  return out;
}

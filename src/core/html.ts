// The shell every standalone page shares (the report, the roll-up): Thai, UTF-8, the Thai font stack.
// The title is escaped here; style and body are markup the caller built from escaped text.
import { escapeHtml } from './cells';

/** Thai fonts in order of preference: Windows/Office, Google Fonts, Linux (fonts-thai-tlwg). */
export const THAI_FONT_STACK = `"TH Sarabun New", Sarabun, Laksaman, sans-serif`;

export function htmlPage(page: { title: string; style: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
${page.style.trim()}
</style>
</head>
<body>
${page.body.trim()}
</body>
</html>
`;
}

// Writes a generated tracker as .xlsx, so CLI figures (remind --simulate) can be taken on it:
//   npx esbuild bench/write-tracker.ts --bundle --platform=node --loader:.csv=text --loader:.json=json --outfile=build/write-tracker.js
//   node build/write-tracker.js 300 15 /tmp/gen-300x15.xlsx
import { writeWorkbookFile } from '../src/node/xlsx-store';
import { generateTracker } from './generate';

const [measures, divisions, out] = process.argv.slice(2);
writeWorkbookFile(out, generateTracker(Number(measures), Number(divisions))).then(() => console.log(out));

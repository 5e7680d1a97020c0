// Entry of npm run publish-template (build/publish-template.js): the template workbook with the
// example data, dist/Code.js and dist/appsscript.json, published through the maintainer's clasp login.
// Options: --credentials <.clasprc.json>, --title <name>. ITA_GOOGLE_API_ROOT / ITA_GOOGLE_TOKEN_URL
// point it at a stand-in (as for the Sheets commands).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PUBLISH } from '../core/messages/publish';
import { templateSnapshot } from '../core/template';
import { endpointsFromEnv } from './google/auth';
import { publishTemplate } from './google/publish-template';
import { workbookOf } from './xlsx-store';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { credentials: { type: 'string' }, title: { type: 'string' }, dist: { type: 'string' } },
    strict: true,
  });
  const dist = values.dist ?? join(process.cwd(), 'dist');
  for (const f of ['Code.js', 'appsscript.json'])
    if (!existsSync(join(dist, f))) {
      console.error(PUBLISH.noBundle(join(dist, f)));
      return 2;
    }
  const workbook = new Uint8Array(
    (await workbookOf(templateSnapshot({ example: true })).xlsx.writeBuffer()) as ArrayBuffer,
  );
  try {
    await publishTemplate({
      workbook,
      bundle: readFileSync(join(dist, 'Code.js'), 'utf8'),
      manifest: readFileSync(join(dist, 'appsscript.json'), 'utf8'),
      title: values.title,
      credentialsFile: values.credentials,
      endpoints: endpointsFromEnv(),
      log: (line) => console.log(line),
    });
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

main().then((code) => process.exit(code));

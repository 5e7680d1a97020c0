// Drive v3 through the app's facade (src/gas/adapters/drive.ts): what the file resource says, and to whom.
import { createEmpty, findFile, MIME_FOLDER, trashFile } from '../../../src/gas/adapters/drive';
import { type Contract, fakesOnly, same } from '../contract';

const SHARING_FIELDS = 'id,driveId,owners(emailAddress),permissions(emailAddress,role)';

export const DRIVE_CONTRACTS: Contract[] = [
  {
    behaviour:
      'files.get on an item in a shared drive returns its driveId and neither owners nor permissions; a My Drive item returns both',
    reference:
      'https://developers.google.com/drive/api/guides/shared-drives-diffs ("not populated for files located within a shared drive": owners) and https://developers.google.com/drive/api/reference/rest/v3/files (permissions: "Not populated for items in shared drives")',
    live: 'needs a folder in a shared drive: the fakes move one there (drive.moveToSharedDrive)',
    check(fakes) {
      const mine = createEmpty({ name: 'ita-contract-mydrive', mimeType: MIME_FOLDER }).id as string;
      const shared = createEmpty({ name: 'ita-contract-shared', mimeType: MIME_FOLDER }).id as string;
      fakesOnly(fakes).drive.moveToSharedDrive(shared);
      try {
        const a = findFile(mine, SHARING_FIELDS);
        same([!!a?.owners?.length, !!a?.permissions?.length, a?.driveId ?? null], [true, true, null], 'My Drive');
        const b = findFile(shared, SHARING_FIELDS);
        same([b?.owners, b?.permissions, !!b?.driveId], [undefined, undefined, true], 'shared drive');
      } finally {
        trashFile(mine);
        trashFile(shared);
      }
    },
  },
];

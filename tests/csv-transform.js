// jest transform: a .csv file becomes a module whose default export is its text, as esbuild's
// 'text' loader makes it in the Node bundles (src/core/template.ts imports the template CSVs so; the Apps
// Script bundle packs them: scripts/build.mjs packedCsvPlugin, tests/e2e/template-bundle.test.ts).
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};

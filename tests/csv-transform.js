// jest transform: a .csv file becomes a module whose default export is its text, as esbuild's
// 'text' loader makes it in the bundles (src/core/template.ts imports the template CSVs so).
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};

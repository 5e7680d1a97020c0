// Every test run starts from a fresh build, so the bundle test and CLI tests never see stale output.
module.exports = async () => {
  const { buildGas, buildNode } = await import('../scripts/build.mjs');
  await buildGas();
  await buildNode();
};

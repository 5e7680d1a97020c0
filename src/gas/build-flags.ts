// What the build decides (esbuild define in scripts/build.mjs): ITA_ADDON=1 builds the Editor add-on.
declare const ITA_ADDON: boolean | undefined;

/** The Editor add-on build: the add-on menu, and time-driven triggers at most hourly. */
export const builtAsAddon = (): boolean => typeof ITA_ADDON !== 'undefined' && ITA_ADDON === true;

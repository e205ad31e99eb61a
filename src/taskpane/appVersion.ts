/** package.json's version, written into the bundles by webpack's DefinePlugin (webpack.config.js). */
declare const WATER_PLAN_VERSION: string;

/**
 * The add-in's version, as package.json says it: shown in the pane's foot and in the notice outside
 * Office. A constant the build writes in, rather than package.json imported into the bundle (a
 * named import from JSON, which webpack warns is going away, and which would ship the whole file).
 *
 * @example
 * <PaneFooter version={appVersion} />
 */
export const appVersion: string = WATER_PLAN_VERSION;

/**
 * One format for the whole tree, checked by `npm test` (`prettier --check .`). Imports are sorted:
 * packages first, then the app's own `@/…` modules, then relative ones.
 * @type {import("prettier").Config}
 */
const config = {
  printWidth: 140,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: ["<BUILTIN_MODULES>", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.9.3",
};

export default config;

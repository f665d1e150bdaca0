// micromatch ships without types; clasp uses it to apply .claspignore, and so does the build test.
declare module "micromatch" {
  const micromatch: { not(list: string[], patterns: string[], options?: { dot?: boolean }): string[] };
  export default micromatch;
}

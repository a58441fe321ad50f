/**
 * Builds custom-elements.json, the machine-readable API of <lapor-form> and
 * <lapor-tracker> (attributes, events, parts, CSS properties) for editors
 * and documentation tools.
 */
export default {
  globs: ['widget/src/**/*.ts'],
  exclude: ['widget/src/**/*.test.ts', 'widget/src/generated/**', 'widget/src/internal/fake-hub.ts'],
  litelement: true,
  plugins: [
    {
      name: 'lapor-stable-documented-manifest',
      // The analyzer also guesses events from dispatchEvent(new SomeEvent(...)) calls, without
      // names; the @fires tags in each class's JSDoc are the documented ones.
      packageLinkPhase({ customElementsManifest }) {
        // Files are read in whatever order the file system gives; sorted, the manifest is the same on every machine.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.name?.startsWith('lapor-'));
            }
          }
        }
      },
    },
  ],
};

import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';

/** One ES module that registers both elements, served by the hub at /widget/lapor.js. */
export default defineConfig({
  plugins: [minifyTemplateLiterals()],
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'widget/src/index.ts',
      formats: ['es'],
      fileName: () => 'lapor.js',
    },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: { minify: true },
    },
  },
});

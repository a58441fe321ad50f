/*
 * The two blocks in the editor: a plain box naming the element, and for the
 * form its presets in the sidebar. The page shows the real elements (rendered
 * on the server, as the shortcodes are); written without a build step, with
 * the editor's own globals.
 */
((wp) => {
  const { registerBlockType } = wp.blocks;
  const { createElement: h } = wp.element;
  const { useBlockProps, InspectorControls } = wp.blockEditor;
  const { PanelBody, TextControl, SelectControl, ToggleControl, Placeholder } = wp.components;

  const placeholder = (label, instructions) => h(Placeholder, { icon: 'megaphone', label, instructions });

  registerBlockType('lapor-embed/form', {
    edit({ attributes, setAttributes }) {
      const text = (name, label, help) =>
        h(TextControl, {
          label,
          help,
          value: attributes[name] ?? '',
          onChange: (value) => setAttributes({ [name]: value.trim() }),
        });
      return h(
        'div',
        useBlockProps(),
        h(
          InspectorControls,
          null,
          h(
            PanelBody,
            { title: 'Presets' },
            text('site', 'Site key', 'Leave empty for the one under Settings → LAPOR!.'),
            text('institution', 'Institution id', 'From the hub’s directory, e.g. smk-smak-makassar.'),
            h(ToggleControl, {
              label: 'Keep this institution fixed',
              checked: attributes.lockInstitution,
              onChange: (value) => setAttributes({ lockInstitution: value }),
            }),
            text('category', 'Category id', 'e.g. pendidikan-kebudayaan.'),
            h(SelectControl, {
              label: 'Kind',
              value: attributes.kind,
              options: [
                { label: 'Complaint (default)', value: '' },
                { label: 'Aspiration', value: 'aspirasi' },
                { label: 'Information request', value: 'informasi' },
              ],
              onChange: (value) => setAttributes({ kind: value }),
            }),
            text('trackerUrl', 'Tracker page', 'The page with the LAPOR! tracker; empty for the hub’s own.'),
          ),
        ),
        placeholder('LAPOR! form', 'The SP4N-LAPOR! complaint form appears here on the published page.'),
      );
    },
    save: () => null,
  });

  registerBlockType('lapor-embed/tracker', {
    edit: () =>
      h(
        'div',
        useBlockProps(),
        placeholder('LAPOR! tracker', 'Visitors look up their reports here on the published page.'),
      ),
    save: () => null,
  });
})(window.wp);

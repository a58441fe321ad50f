/** Registers an element unless the page already has it: a page may load the widget twice (a theme and a plugin each adding it). */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}

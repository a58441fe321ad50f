// The smallest Lit element, built like the widget: the part of the widget's size that is Lit itself.
import { css, html, LitElement } from 'lit';

customElements.define(
  'lit-reference',
  class extends LitElement {
    static styles = css`
      :host {
        display: block;
      }
    `;
    render() {
      return html`<p>${this.localName}</p>`;
    }
  },
);

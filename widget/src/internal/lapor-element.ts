import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultHubUrl } from './hub-client';
import { useLanguage } from './locale';

/** What both elements share: the hub they talk to and the language they speak. */
export class LaporElement extends LitElement {
  /** Base URL of the hub; defaults to the hub the script was loaded from. */
  @property() hub = '';
  /** `id` or `en`; defaults to the language of the nearest ancestor with `lang`, usually `<html lang>`. */
  @property() override lang = '';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('lang') || !this.hasUpdated) {
      void useLanguage(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
    }
  }

  protected hubUrl(): string {
    return this.hub || defaultHubUrl();
  }
}

import { LaporForm } from './lapor-form/lapor-form';
import { LaporTracker } from './lapor-tracker/lapor-tracker';

export { LaporSubmittedEvent } from './events/lapor-submitted';
export { LaporTrackedEvent } from './events/lapor-tracked';
export { LaporForm, LaporTracker };

// A page may load the bundle twice (a theme and a plugin each adding it): define once.
for (const [name, element] of [
  ['lapor-form', LaporForm],
  ['lapor-tracker', LaporTracker],
] as const) {
  if (!customElements.get(name)) customElements.define(name, element);
}

import { define } from '../define';
import { LaporForm } from '../lapor-form/lapor-form';

/** `lapor-form.js`: the form alone, for pages without a tracker. */
export { LaporSubmittedEvent } from '../events/lapor-submitted';
export { LaporForm };

define('lapor-form', LaporForm);

import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { ReportView } from '../../../contract';

export type ActionName = 'comments' | 'reopen' | 'rating';

/**
 * What the reporter, holding the receipt, may do with their report: reply or
 * add information; reopen it when the follow-up did not satisfy them; rate
 * the follow-up once. The hub has the last word on each (the reopening
 * window, a rating given before); the forms only offer what fits the status.
 */
export function renderReporterActions(
  view: ReportView,
  state: { busy: boolean; done: string; error: string },
  submit: (action: ActionName, form: HTMLFormElement) => void,
) {
  if (view.viewer !== 'reporter' || view.status === 'archived') return nothing;
  const rated = view.timeline.some((e) => e.type === 'rating');
  // A follow-up is rated while it stands: a reporter who reopened the report
  // is waiting for the next one, and rates that.
  const canReopen = view.status === 'followed_up' || view.status === 'finished';
  const canRate = canReopen && !rated;
  const onSubmit = (action: ActionName) => (event: SubmitEvent) => {
    event.preventDefault();
    submit(action, event.target as HTMLFormElement);
  };
  return html`<section class="actions-panel" part="reporter-actions" aria-labelledby="actions-title">
    <h3 id="actions-title">${msg('Tanggapi laporan Anda')}</h3>
    <div role="status">
      ${state.done ? html`<p class="info">${state.done}</p>` : nothing}
      ${state.error ? html`<p class="notice">${state.error}</p>` : nothing}
    </div>
    <form class="field" @submit=${onSubmit('comments')}>
      <label for="comment">${msg('Balasan atau informasi tambahan')}</label>
      <textarea id="comment" name="text" required maxlength="5000"></textarea>
      <button ?disabled=${state.busy}>${msg('Kirim balasan')}</button>
    </form>
    ${
      canReopen
        ? html`<form class="field" @submit=${onSubmit('reopen')}>
          <label for="reason">${msg('Tidak puas? Alasan membuka kembali laporan')}</label>
          <textarea id="reason" name="reason" required minlength="10" maxlength="5000"></textarea>
          <button class="secondary" ?disabled=${state.busy}>${msg('Buka kembali laporan')}</button>
        </form>`
        : nothing
    }
    ${
      canRate
        ? html`<form class="field" @submit=${onSubmit('rating')}>
          <fieldset aria-describedby="scale-help">
            <legend>${msg('Nilai tindak lanjutnya')}</legend>
            <p class="help" id="scale-help">${msg('1 = sangat tidak puas, 5 = sangat puas')}</p>
            <div class="stars">
              ${[1, 2, 3, 4, 5].map(
                (n) => html`<label><input type="radio" name="score" value=${n} required /> ${n}</label>`,
              )}
            </div>
          </fieldset>
          <label for="remark">${msg('Catatan (opsional)')}</label>
          <input id="remark" name="remark" maxlength="1000" />
          <button class="secondary" ?disabled=${state.busy}>${msg('Kirim penilaian')}</button>
        </form>`
        : nothing
    }
  </section>`;
}

/** The request body of an action, from its form. */
export function actionBody(action: ActionName, form: HTMLFormElement): object {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  if (action === 'comments') return { text: text('text') };
  if (action === 'reopen') return { reason: text('reason') };
  return { score: Number(data.get('score')), ...(text('remark') && { remark: text('remark') }) };
}

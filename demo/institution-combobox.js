// The institution field of the snippet builder: the same combobox as the form's (a search on the hub's
// directory after a pause in typing, the matches in a list chosen by arrow keys and Enter or by pointer).
// Only a chosen institution counts: a typed name alone would make a form that can never be sent.

/** Pause in typing before the hub is asked: one request per word, not per key. */
const SEARCH_DELAY_MS = 250;

export class InstitutionCombobox {
  /** @param {{ input: HTMLInputElement, list: HTMLElement, status: HTMLElement, search: (q: string, signal: AbortSignal) => Promise<{id: string, name: string}[]>, onChange: (chosen?: {id: string, name: string}) => void }} parts */
  constructor({ input, list, status, search, onChange }) {
    Object.assign(this, { input, list, status, search, onChange });
    this.options = [];
    this.active = -1;
    this.chosen = undefined;
    input.addEventListener('input', () => this.typed());
    input.addEventListener('keydown', (event) => this.key(event));
    input.addEventListener('blur', () => this.close());
    // Chosen on pointer-down, before the input's blur closes the list.
    list.addEventListener('pointerdown', (event) => {
      const option = event.target.closest('[role=option]');
      if (!option) return;
      event.preventDefault();
      this.choose(this.options[Number(option.dataset.index)]);
    });
  }

  /** Shows an institution as chosen (a site key's, or the visitor's pick). */
  choose(institution) {
    if (!institution) return;
    this.chosen = institution;
    this.input.value = institution.name;
    this.status.textContent = `Dipilih: ${institution.name} (${institution.id}).`;
    this.close();
    this.onChange(institution);
  }

  typed() {
    clearTimeout(this.timer);
    this.controller?.abort();
    if (this.chosen) {
      this.chosen = undefined;
      this.onChange(undefined);
    }
    const query = this.input.value.trim();
    this.status.textContent = query ? '' : 'Tanpa instansi: pengunjung memilihnya sendiri.';
    if (!query) return this.close();
    this.timer = setTimeout(() => void this.find(query), SEARCH_DELAY_MS);
  }

  async find(query) {
    this.controller = new AbortController();
    try {
      this.options = await this.search(query, this.controller.signal);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.status.textContent = 'Daftar instansi tidak dapat dimuat dari hub.';
      return;
    }
    this.active = -1;
    this.render();
    this.status.textContent = this.options.length
      ? `${this.options.length} instansi cocok; pilih salah satu.`
      : 'Tidak ada instansi yang cocok.';
  }

  key(event) {
    const moves = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves && this.options.length) {
      event.preventDefault();
      this.active = (this.active + moves[event.key] + this.options.length) % this.options.length;
      this.render();
    } else if (event.key === 'Enter' && !this.list.hidden && this.active >= 0) {
      event.preventDefault();
      this.choose(this.options[this.active]);
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  render() {
    this.list.replaceChildren(
      ...this.options.map((institution, index) => {
        const option = document.createElement('div');
        option.id = `institution-option-${index}`;
        option.role = 'option';
        option.dataset.index = String(index);
        option.textContent = institution.name;
        option.setAttribute('aria-selected', String(index === this.active));
        return option;
      }),
    );
    const open = this.options.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `institution-option-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  close() {
    this.options = [];
    this.active = -1;
    this.render();
  }
}

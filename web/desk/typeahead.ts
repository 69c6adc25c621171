import { h, mount } from './dom';

/** One choice: an entity by ID, shown by name and kind. */
export interface Choice {
  id: string;
  name: string;
  kind: string;
}

export interface TypeaheadOptions {
  label: string;
  /** Choices for what was typed (called as the editor types, latest answer wins). */
  search: (text: string) => Promise<Choice[]>;
  /** Choices shown before anything is typed. */
  initial?: Choice[];
  onPick: (choice: Choice) => void;
  onCancel: () => void;
}

let serial = 0;

/**
 * A combobox (WAI-ARIA pattern): type to search, ↓/↑ to move through the choices, Enter to
 * pick, Escape to cancel. Returns its element; the input takes focus when it is attached.
 */
export function typeahead(options: TypeaheadOptions): HTMLElement {
  const id = `ta-${++serial}`;
  let choices: Choice[] = options.initial ?? [];
  let active = 0;
  let asked = 0;
  const list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'choices', 'aria-label': options.label });
  const input = h('input', {
    id: `${id}-input`,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'true',
    'aria-controls': list.id,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const draw = () => {
    mount(
      list,
      choices.map((choice, i) =>
        h(
          'li',
          {
            id: `${id}-${i}`,
            role: 'option',
            'aria-selected': i === active ? 'true' : 'false',
            class: i === active ? 'active' : '',
            onmousedown: (event: Event) => (event.preventDefault(), options.onPick(choice)),
          },
          choice.name,
          h('span', { class: 'kind' }, choice.kind),
        ),
      ),
    );
    if (choices[active]) input.setAttribute('aria-activedescendant', `${id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    const text = input.value.trim();
    const ask = ++asked;
    if (!text) {
      choices = options.initial ?? [];
      active = 0;
      return draw();
    }
    void options.search(text).then((found) => {
      if (ask !== asked) return;
      choices = found;
      active = 0;
      draw();
    });
  });
  input.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'ArrowDown') active = Math.min(active + 1, choices.length - 1);
    else if (event.key === 'ArrowUp') active = Math.max(active - 1, 0);
    else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = choices[active];
      if (choice) options.onPick(choice);
      return;
    } else if (event.key === 'Escape') return options.onCancel();
    else return;
    event.preventDefault();
    draw();
  });
  draw();
  queueMicrotask(() => input.focus());
  return h('div', { class: 'typeahead' }, h('label', { for: input.id }, options.label), input, list);
}

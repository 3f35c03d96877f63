/**
 * Sorting and filtering for a server-rendered table, in the browser. Progressive: the table is
 * complete without this script; it only adds sort buttons to headers with data-sort and shows the
 * filter form. Each filter control's name matches a data-* attribute on the rows; "q" matches text.
 */
export function enhanceTable(table: HTMLTableElement, form: HTMLFormElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = [...body.rows];
  const headers = [...table.tHead?.rows[0]?.cells ?? []];

  headers.forEach((th, column) => {
    const kind = th.dataset['sort'];
    if (!kind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent ?? '';
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row: HTMLTableRowElement) => {
        const cell = row.cells[column];
        return kind === 'number' ? Number(cell?.dataset['value'] ?? 0) : (cell?.textContent ?? '').trim().toLowerCase();
      };
      const sorted = [...rows].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      body.append(...sorted);
    });
  });

  const count = form.querySelector('output');
  const apply = () => {
    const values = new FormData(form);
    let shown = 0;
    for (const row of rows) {
      let visible = true;
      for (const [name, raw] of values) {
        const value = String(raw).trim().toLowerCase();
        if (value === '') continue;
        if (name === 'q') visible &&= (row.textContent ?? '').toLowerCase().includes(value);
        else visible &&= (row.dataset[toDatasetKey(name)] ?? '').toLowerCase() === value;
      }
      row.hidden = !visible;
      if (visible) shown++;
    }
    if (count) count.textContent = `${shown} of ${rows.length} shown`;
  };
  // The filters live in the URL (accounts/?region=emea&owner=ann-lee): a link presets them, and each change is
  // written back (replaceState, no new history entry), so the filtered page can be bookmarked and shared.
  const controls = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select[name], input[name]')];
  const names = new Set(controls.map((c) => c.name));
  // A dimension's filter is data-dim-region on the rows; the URL says region=, unless another filter has that name.
  const param = (name: string) => (name.startsWith('dim-') && !names.has(name.slice(4)) ? name.slice(4) : name);
  const params = new URLSearchParams(location.search);
  for (const control of controls) {
    const wanted = params.get(param(control.name)) ?? params.get(control.name);
    if (wanted === null) continue;
    if (control instanceof HTMLSelectElement ? [...control.options].some((o) => o.value === wanted) : true) control.value = wanted;
  }
  const remember = () => {
    const next = new URLSearchParams(location.search);
    for (const control of controls) {
      next.delete(control.name);
      next.delete(param(control.name));
      if (control.value.trim() !== '') next.set(param(control.name), control.value.trim());
    }
    const query = next.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };
  form.addEventListener('input', () => {
    apply();
    remember();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}

/** data-dim-region → dataset.dimRegion */
function toDatasetKey(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

import { h } from '../dom';

export interface TableColumn<Row> {
  title: string;
  /** Shown text. */
  text: (row: Row) => string;
  /** What the column sorts by (a number sorts numerically; null last). */
  sort?: (row: Row) => number | string | null;
  numeric?: boolean;
  /** The exact figure behind the text, for readers and tests (data-raw). */
  raw?: (row: Row) => string | number | null;
  /** A live cell (a form) instead of text. */
  node?: (row: Row) => Node | string;
  /** data-col of its cells. */
  id?: string;
}

/** A table whose headers sort it (click again to reverse). Rows carry data-key for the tests. */
export function sortableTable<Row>(name: string, columns: TableColumn<Row>[], rows: Row[], key: (row: Row) => string): HTMLElement {
  let order = rows.slice();
  let sortedBy = -1;
  let ascending = true;
  const tbody = h('tbody');
  const render = () => {
    tbody.replaceChildren(
      ...order.map((row) =>
        h(
          'tr',
          { 'data-key': key(row) },
          ...columns.map((c) => {
            const raw = c.raw?.(row);
            const attrs = {
              class: c.numeric ? 'num' : undefined,
              'data-col': c.id,
              'data-raw': raw === null || raw === undefined ? undefined : String(raw),
            };
            return h('td', attrs, c.node ? c.node(row) : c.text(row));
          }),
        ),
      ),
    );
  };
  const headers = columns.map((c, i) => {
    const th = h('th', { class: c.numeric ? 'num' : undefined, scope: 'col' }, c.title);
    if (c.sort) {
      th.classList.add('sortable');
      th.tabIndex = 0;
      const sortBy = () => {
        ascending = sortedBy === i ? !ascending : !c.numeric;
        sortedBy = i;
        const value = c.sort!;
        order = rows.slice().sort((a, b) => compare(value(a), value(b), ascending));
        headers.forEach((other, j) => other.setAttribute('aria-sort', j === i ? (ascending ? 'ascending' : 'descending') : 'none'));
        render();
      };
      th.addEventListener('click', sortBy);
      th.addEventListener('keydown', (e) => e.key === 'Enter' && sortBy());
    }
    return th;
  });
  render();
  const table = h('table', { class: 'grid', 'data-table': name }, h('thead', {}, h('tr', {}, ...headers)), tbody);
  if (rows.length === 0) return h('div', {}, table, h('p', { class: 'empty' }, '暂无数据'));
  return h('div', { class: 'table-wrap' }, table);
}

function compare(a: number | string | null, b: number | string | null, ascending: boolean): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const d = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
  return ascending ? d : -d;
}

export const num = (v: string | number | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

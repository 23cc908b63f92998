import {
  constructSortFn,
  createColumnHelper,
  createExpandedRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  metaHelper,
  rowExpandingFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ExpandedState,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { Fragment, useEffect, useId, type CSSProperties, type ReactNode } from 'react';

import { ariaSort, jamforVarden, nastaSorteringText, sidtext, type Sorteringsvarde } from './table-regler.js';

/** What a column says about its cells beyond the value: a figure (right-aligned, tabular) or the row's name. */
export interface KolumnMeta {
  /** Figures: right-aligned with tabular digits, never wrapped. */
  tal?: boolean;
  /** Extra class on the column's cells, e.g. `tal--stark`. */
  klass?: string;
}

/** The features every table in the dashboard has: sorting, expandable rows and (when asked for) pages. */
const features = tableFeatures({
  rowSortingFeature,
  rowExpandingFeature,
  rowPaginationFeature,
  sortedRowModel: createSortedRowModel(),
  expandedRowModel: createExpandedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  sortFns: {},
  columnMeta: metaHelper<KolumnMeta>(),
});

export type TableFeatures = typeof features;
// The value type varies per column (a number, a text); `any` is TanStack's own choice for a list of mixed columns.
// Build a list with the helper's `columns([...])` and let its type be inferred: in a list declared `Kolumn<T>[]` each
// accessor's value type is inferred from that `any`, so `getValue()` in its cell would be `any` too.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Kolumn<T extends RowData> = ColumnDef<TableFeatures, T, any>;

/** Columns for a table of `T`; accessors return a number, a text or nothing (missing figures sort last). */
export function kolumnhjalp<T extends RowData>() {
  return createColumnHelper<TableFeatures, T>();
}

/** Sorting in Swedish order, with missing values last whichever way; every column gets it unless it says otherwise. */
const svenskOrdning = constructSortFn({ sort: (a: Sorteringsvarde, b: Sorteringsvarde) => jamforVarden(a, b) });
const defaultColumn = { sortFn: svenskOrdning, sortUndefined: 'last' as const };

type RadAttribut = Record<`data-${string}`, string | undefined> & { className?: string };

/** A row of the footer that is not a column's own sum: "Ej fördelat", "Ram från KF". */
export interface Fotrad {
  id: string;
  attribut?: RadAttribut;
  celler: readonly ReactNode[];
}

export interface TableProps<T extends RowData> {
  data: T[];
  columns: Kolumn<T>[];
  /** The table's name: shown above it and naming its scroll region. */
  caption: ReactNode;
  /** A stable id for each row (an ansvar's or nämnd's code), so sorting and expanding follow the row. */
  radId: (rad: T, index: number) => string;
  /** Attributes on a body row: `data-*` for tests and styling, `className` for a highlighted row. */
  radAttribut?: (rad: T, row: Row<TableFeatures, T>) => RadAttribut;
  /** The rows under a row (ansvar under avdelning…); a row with any gets an expand button. */
  underrader?: (rad: T) => T[] | undefined;
  /** A panel under a row (its underlag), opened by the row's expand button; null for a row without one. */
  detalj?: (rad: T) => ReactNode;
  /** False for a sequence whose order is its meaning (the steps of a model): no sortable headers. */
  sorterbar?: boolean;
  /** Which rows start expanded: `true` for all. */
  expanderade?: ExpandedState;
  /** The order the table starts in; a reader may change it with the sortable headers. */
  sortering?: SortingState;
  /** Split a long table into pages of this many top-level rows. */
  radPerSida?: number;
  /** Attributes on the footer row (the sums), when a column has a `footer`. */
  fotAttribut?: RadAttribut;
  /** Footer rows of their own, after the columns' footer: a cell per column, the first the row's header. */
  fotrader?: readonly Fotrad[];
  /**
   * An id for each row's header, which then takes focus from script (tabindex -1): for moving focus back to a
   * row whose buttons went away. Unique in the page, e.g. from useId and the row's code.
   */
  radrubrikId?: (rad: T) => string;
  /** Id of a text that explains the figures, for the scroll region's description. */
  beskrivningId?: string;
  testId?: string;
  /** Extra classes on the table, e.g. `tabell--bred` for many columns of figures. */
  klass?: string;
}

function klasser(...namn: (string | false | undefined)[]): string | undefined {
  const text = namn.filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}

/**
 * The dashboard's one table, on TanStack Table: sortable headers (buttons, with `aria-sort`), a header row that
 * stays in view, figures right-aligned in tabular digits, an optional footer of sums, expandable rows for a
 * tree, optional pages. It scrolls in its own labelled, focusable region, so the page never scrolls sideways.
 * The first column is the row's header.
 */
export function Table<T extends RowData>({
  data,
  columns,
  caption,
  radId,
  radAttribut,
  underrader,
  detalj,
  sorterbar = true,
  expanderade,
  sortering,
  radPerSida,
  fotAttribut,
  fotrader = [],
  radrubrikId,
  beskrivningId,
  testId,
  klass,
}: TableProps<T>) {
  const rubrikId = useId();
  const table = useTable({
    features,
    columns,
    data,
    defaultColumn,
    getRowId: (rad: T, index: number) => radId(rad, index),
    ...(underrader ? { getSubRows: underrader } : {}),
    ...(detalj ? { getRowCanExpand: (row: Row<TableFeatures, T>) => detalj(row.original) !== null } : {}),
    enableSorting: sorterbar,
    paginateExpandedRows: false,
    autoResetExpanded: false,
    autoResetPageIndex: false,
    initialState: {
      sorting: sortering ?? [],
      expanded: expanderade ?? {},
      pagination: { pageIndex: 0, pageSize: radPerSida ?? Number.MAX_SAFE_INTEGER },
    },
  });

  const harFot = table.getAllLeafColumns().some((kolumn) => kolumn.columnDef.footer !== undefined);
  const rader = table.getRowModel().rows;
  const antalSidor = radPerSida ? table.getPageCount() : 1;
  const { pageIndex } = table.state.pagination;
  // Fewer rows (a filter typed on page 3) must not leave the reader on a page past the last.
  const sistaSidan = Math.max(antalSidor - 1, 0);
  useEffect(() => {
    if (pageIndex > sistaSidan) table.setPageIndex(sistaSidan);
  }, [pageIndex, sistaSidan, table]);

  return (
    <>
      <div className="tabell-ram" role="region" aria-labelledby={rubrikId} aria-describedby={beskrivningId} tabIndex={0}>
        <table className={klasser('tabell', underrader && 'tabell--trad', klass)} data-testid={testId}>
          <caption id={rubrikId}>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((grupp) => (
              <tr key={grupp.id}>
                {grupp.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const kanSortera = header.column.getCanSort();
                  const innehall = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      className={klasser(meta?.tal && 'tal')}
                      aria-sort={kanSortera ? ariaSort(header.column.getIsSorted()) : undefined}
                    >
                      {kanSortera && !header.isPlaceholder ? (
                        <button type="button" className="tabell__sortera" onClick={header.column.getToggleSortingHandler()}>
                          {innehall}
                          <span
                            className="tabell__sorteringstecken"
                            aria-hidden="true"
                            data-riktning={header.column.getIsSorted() || 'ingen'}
                          />
                          <span className="visuellt-dold">, {nastaSorteringText(header.column.getNextSortingOrder())}</span>
                        </button>
                      ) : (
                        innehall
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rader.map((row) => {
              const attribut = radAttribut?.(row.original, row) ?? {};
              const panel = detalj && row.getIsExpanded() ? detalj(row.original) : null;
              return (
                <Fragment key={row.id}>
                  <tr {...attribut} data-djup={underrader ? row.depth : undefined}>
                    {row.getAllCells().map((cell, index) => {
                      const meta = cell.column.columnDef.meta;
                      const klass = klasser(meta?.tal && 'tal', meta?.klass);
                      // The column's cell is called as a plain function, not mounted as a component as FlexRender
                      // would: columns built anew on a later render (a parent's new callback) must not remount what a
                      // cell holds, such as an open send-back form and what is typed in it.
                      const mall = cell.column.columnDef.cell;
                      const innehall =
                        typeof mall === 'function' ? (mall(cell.getContext()) as ReactNode) : <table.FlexRender cell={cell} />;
                      if (index > 0) {
                        return (
                          <td key={cell.id} className={klass}>
                            {innehall}
                          </td>
                        );
                      }
                      return (
                        <th
                          key={cell.id}
                          scope="row"
                          className={klass}
                          id={radrubrikId?.(row.original)}
                          tabIndex={radrubrikId ? -1 : undefined}
                          style={underrader ? ({ '--djup': row.depth } as CSSProperties) : undefined}
                        >
                          {row.getCanExpand() ? (
                            <button
                              type="button"
                              className="tabell__expandera"
                              aria-expanded={row.getIsExpanded()}
                              onClick={row.getToggleExpandedHandler()}
                            >
                              <span className="tabell__pil" aria-hidden="true" />
                              {innehall}
                            </button>
                          ) : (
                            innehall
                          )}
                        </th>
                      );
                    })}
                  </tr>
                  {panel === null ? null : (
                    <tr className="underlagsrad">
                      <td colSpan={row.getAllCells().length}>{panel}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
          {harFot || fotrader.length > 0 ? (
            <tfoot>
              {harFot &&
                table.getFooterGroups().map((grupp) => (
                  <tr key={grupp.id} {...fotAttribut}>
                    {grupp.headers.map((header, index) => {
                      const meta = header.column.columnDef.meta;
                      const innehall = header.isPlaceholder ? null : <table.FlexRender footer={header} />;
                      return index === 0 ? (
                        <th key={header.id} scope="row" className={klasser(meta?.tal && 'tal')}>
                          {innehall}
                        </th>
                      ) : (
                        <td key={header.id} className={klasser(meta?.tal && 'tal', meta?.klass)}>
                          {innehall}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              {fotrader.map((rad) => (
                <tr key={rad.id} {...rad.attribut}>
                  {table.getAllLeafColumns().map((kolumn, index) => {
                    const meta = kolumn.columnDef.meta;
                    const innehall = rad.celler[index];
                    return index === 0 ? (
                      <th key={kolumn.id} scope="row">
                        {innehall}
                      </th>
                    ) : (
                      <td key={kolumn.id} className={klasser(meta?.tal && 'tal', meta?.klass)}>
                        {innehall}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tfoot>
          ) : null}
        </table>
      </div>
      {radPerSida && antalSidor > 1 ? (
        <nav className="tabell-sidor" aria-label={`Sidor i tabellen`}>
          <button type="button" className="knapp--sekundar" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            Föregående sida
          </button>
          <p aria-live="polite">
            Sida {pageIndex + 1} av {antalSidor}:{' '}
            {sidtext({ sida: pageIndex, radPerSida, antalRader: table.getPrePaginatedRowModel().rows.length })}
          </p>
          <button type="button" className="knapp--sekundar" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Nästa sida
          </button>
        </nav>
      ) : null}
    </>
  );
}

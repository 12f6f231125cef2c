/** The most rows one paged core call returns (the contract's `pageInput` maximum). */
export const PAGE_LIMIT = 500;

/**
 * Every row of a paged core call, page after page: a CLI listing shows the whole result,
 * never just the first page.
 */
export async function allPages<T>(page: (offset: number, limit: number) => Promise<{ total: number; rows: T[] }>): Promise<{ total: number; rows: T[] }> {
  const first = await page(0, PAGE_LIMIT);
  let rows = first.rows;
  while (rows.length < first.total) {
    const next = await page(rows.length, PAGE_LIMIT);
    if (next.rows.length === 0) break; // the result shrank meanwhile; never loop forever
    rows = rows.concat(next.rows);
  }
  return { total: first.total, rows };
}

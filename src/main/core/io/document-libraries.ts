/**
 * The document libraries (pdf-lib, docx, exceljs) load on first use, not when the core
 * starts: together they hold some 40 MB of heap in every core thread (the writer and the
 * reader each load the core), while most sessions make a document now and then, if at all.
 * A document builder awaits `load()` once at its (async) entry; its synchronous helpers then
 * take the module with `get()`.
 */
export interface DocumentLibrary<T> {
  load(): Promise<T>;
  /** The module, once load() has finished; a helper called before that is a programming error. */
  get(): T;
}

function lazyLibrary<T>(name: string, importer: () => Promise<T>): DocumentLibrary<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load: () => (loading ??= importer().then((m) => (loaded = m))),
    get: () => {
      if (loaded === null) throw new Error(`${name} used before it was loaded`);
      return loaded;
    },
  };
}

export const pdfLibrary = lazyLibrary('@cantoo/pdf-lib', () => import('@cantoo/pdf-lib'));
export const docxLibrary = lazyLibrary('docx', () => import('docx'));
export const excelLibrary = lazyLibrary('exceljs', async () => (await import('exceljs')).default);

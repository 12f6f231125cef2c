import i18next from 'i18next';
import type { DocumentLabels } from '../../../shared/contract';
import { documentLabels } from '../../i18n/document-labels';
import { nl } from '../../i18n/nl';

/** History's words in the language the user reads, for the readable document of the AVG export. */
export function currentDocumentLabels(): DocumentLabels {
  const bundle = (i18next.getResourceBundle(i18next.language, 'translation') as typeof nl | undefined) ?? nl;
  return documentLabels(bundle);
}

import { useEffect, useRef, useState } from 'react';
import type { Input, Output } from '../../../../shared/contract';
import { call } from '../../../rpc/client';

type Similar = Output<'relations.findSimilar'>['rows'];
type Orgs = Output<'relations.findOrganisationByEmail'>['rows'];

const DEBOUNCE_MS = 250;

/** While a new relation is typed: existing relations that look the same (debounced). */
export function useSimilarRelations(query: Input<'relations.findSimilar'>): Similar {
  const [rows, setRows] = useState<Similar>([]);
  const seq = useRef(0);
  const key = JSON.stringify(query);
  useEffect(() => {
    const q = JSON.parse(key) as Input<'relations.findSimilar'>;
    const mine = ++seq.current;
    if (!q.email && !q.lastName && !q.name && !q.kvkNumber) {
      setRows([]);
      return;
    }
    const timer = window.setTimeout(() => {
      call('relations.findSimilar', q).then(
        (r) => mine === seq.current && setRows(r.rows),
        () => mine === seq.current && setRows([]),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);
  return rows;
}

/** Organisations whose e-mail domain matches the address being typed (not for gmail and the like). */
export function useOrganisationsForEmail(email: string): Orgs {
  const [rows, setRows] = useState<Orgs>([]);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!/@[^@\s]+\.[^@\s]+$/.test(email.trim())) {
      setRows([]);
      return;
    }
    const timer = window.setTimeout(() => {
      call('relations.findOrganisationByEmail', { email: email.trim() }).then(
        (r) => mine === seq.current && setRows(r.rows),
        () => mine === seq.current && setRows([]),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [email]);
  return rows;
}

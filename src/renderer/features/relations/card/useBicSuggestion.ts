import { useCallback, useState } from 'react';
import { validateIban } from '../../../../shared/dutch/iban';
import { call } from '../../../rpc/client';

/** After a valid Dutch IBAN is typed, fills an empty BIC from the bank code and names the bank. */
export function useBicSuggestion(currentBic: () => string, setBic: (bic: string) => void) {
  const [bank, setBank] = useState<string | null>(null);
  const suggest = useCallback(
    (iban: string) => {
      const v = validateIban(iban);
      if (!v.ok) {
        setBank(null);
        return;
      }
      call('reference.bicForIban', { iban: v.value }).then(
        (r) => {
          setBank(r.bank);
          if (r.bic && currentBic().trim() === '') setBic(r.bic);
        },
        () => setBank(null),
      );
    },
    [currentBic, setBic],
  );
  return { bank, suggest };
}

import { useCallback, useState } from 'react';
import { normalizePostcode } from '../../../shared/dutch/postcode';
import { call } from '../../rpc/client';
import type { FormState } from '../../lib/useForm';
import type { AddressFormValues } from './address-form';

/**
 * A Dutch postcode suggests place, municipality and province (PC4 table). Suggestions only
 * fill empty fields: what the user typed wins, and an unknown PC4 is simply no suggestion.
 */
export function usePostcodeLookup(form: FormState<AddressFormValues>) {
  const [places, setPlaces] = useState<string[]>([]);
  const { values, set } = form;
  const lookup = useCallback(
    (postcode: string) => {
      const pc = normalizePostcode(postcode, values.country || 'NL');
      if (!pc.ok || (values.country && values.country.toUpperCase() !== 'NL')) {
        setPlaces([]);
        return;
      }
      if (pc.value !== postcode) set('postcode', pc.value);
      call('reference.lookupPostcode', { postcode: pc.value }).then(
        (r) => {
          setPlaces(r.places);
          if (!values.city.trim() && r.places[0]) set('city', r.places[0]);
          if (!values.municipality.trim() && r.municipality) set('municipality', r.municipality);
          if (!values.province.trim() && r.province) set('province', r.province);
        },
        () => setPlaces([]),
      );
    },
    [values.country, values.city, values.municipality, values.province, set],
  );
  return { places, lookup };
}

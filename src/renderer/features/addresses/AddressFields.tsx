import { Autocomplete, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../../lib/useForm';
import { fieldLabel, issueMessage } from '../../lib/issues';
import { FormText } from '../../components/FormText';
import { FormDate } from '../../components/FormDate';
import type { AddressFormValues } from './address-form';
import { usePostcodeLookup } from './usePostcodeLookup';

interface Props {
  form: FormState<AddressFormValues>;
  withPeriod?: boolean;
  withType?: boolean;
}

export function AddressFields({ form: f, withPeriod = true, withType = true }: Props) {
  const { t } = useTranslation();
  const { places, lookup } = usePostcodeLookup(f);
  const cityIssue = f.issues['city'];
  return (
    <Stack gap="sm">
      {withType && (
        <Select
          label={fieldLabel(t, 'addressType')}
          value={f.values.type}
          onChange={(v) => v && f.set('type', v)}
          allowDeselect={false}
          data={['home', 'postal', 'business'].map((v) => ({ value: v, label: t(`addresses.type.${v}`) }))}
          w={220}
        />
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <FormText form={f} name="postcode" onBlurExtra={lookup} placeholder="1234 AB" />
        <FormText form={f} name="houseNumber" inputMode="numeric" />
        <FormText form={f} name="houseLetter" maxLength={1} />
        <FormText form={f} name="houseNumberSuffix" maxLength={5} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormText form={f} name="street" />
        <Autocomplete
          label={fieldLabel(t, 'city')}
          value={f.values.city}
          onChange={(v) => f.set('city', v)}
          data={places}
          error={cityIssue ? issueMessage(t, cityIssue) : undefined}
          data-field="city"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <FormText form={f} name="municipality" />
        <FormText form={f} name="province" />
        <FormText form={f} name="country" maxLength={2} />
        <FormText form={f} name="poBox" placeholder={t('addresses.form.poBoxPlaceholder')} />
      </SimpleGrid>
      {withPeriod && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <FormDate form={f} name="validFrom" />
          <FormDate form={f} name="validTo" />
        </SimpleGrid>
      )}
    </Stack>
  );
}

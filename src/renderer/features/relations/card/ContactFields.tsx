import { SimpleGrid, Textarea } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../../../lib/useForm';
import { fieldLabel } from '../../../lib/issues';
import { FormText } from '../../../components/FormText';
import type { RelationFormValues } from '../relation-form';
import { useBicSuggestion } from './useBicSuggestion';

interface Props {
  form: FormState<RelationFormValues>;
  /** The new-relation form shows e-mail and phone only; the card shows everything. */
  compact?: boolean;
}

export function ContactFields({ form, compact }: Props) {
  const { t } = useTranslation();
  const { values, set } = form;
  const currentBic = useCallback(() => values.bic, [values.bic]);
  const setBic = useCallback((bic: string) => set('bic', bic), [set]);
  const bic = useBicSuggestion(currentBic, setBic);
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: compact ? 3 : 4 }}>
        <FormText form={form} name="email" type="email" />
        {!compact && <FormText form={form} name="email2" type="email" />}
        <FormText form={form} name="phone" />
        <FormText form={form} name="mobile" />
      </SimpleGrid>
      {!compact && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <FormText form={form} name="website" />
            <FormText form={form} name="iban" onBlurExtra={bic.suggest} />
            <FormText form={form} name="bic" description={bic.bank ?? undefined} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Textarea
              label={fieldLabel(t, 'notes')}
              autosize
              minRows={3}
              value={values.notes}
              onChange={(e) => set('notes', e.currentTarget.value)}
            />
            <Textarea
              label={fieldLabel(t, 'socialLinks')}
              description={t('relations.fields.socialLinksHint')}
              autosize
              minRows={2}
              value={values.socialLinks}
              onChange={(e) => set('socialLinks', e.currentTarget.value)}
            />
          </SimpleGrid>
        </>
      )}
    </>
  );
}

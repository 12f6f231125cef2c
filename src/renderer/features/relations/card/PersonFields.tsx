import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../../../lib/useForm';
import { fieldLabel } from '../../../lib/issues';
import { FormText } from '../../../components/FormText';
import { FormDate } from '../../../components/FormDate';
import type { RelationFormValues } from '../relation-form';

export function PersonFields({ form }: { form: FormState<RelationFormValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <FormText form={form} name="initials" />
        <FormText form={form} name="firstName" />
        <FormText form={form} name="infix" />
        <FormText form={form} name="lastName" />
      </SimpleGrid>
      <Checkbox
        label={fieldLabel(t, 'exactName')}
        description={t('relations.fields.exactNameHint')}
        checked={form.values.exactName}
        onChange={(e) => form.set('exactName', e.currentTarget.checked)}
      />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Select
          label={fieldLabel(t, 'gender')}
          value={form.values.gender || null}
          onChange={(v) => form.set('gender', v ?? '')}
          clearable
          data={['m', 'v', 'x'].map((g) => ({ value: g, label: t(`relations.gender.${g}`) }))}
        />
        <Select
          label={fieldLabel(t, 'addressForm')}
          value={form.values.addressForm || null}
          onChange={(v) => form.set('addressForm', v ?? '')}
          clearable
          data={['heer', 'mevrouw', 'neutraal'].map((g) => ({ value: g, label: t(`relations.addressForm.${g}`) }))}
        />
        <FormDate form={form} name="birthDate" />
        <FormDate form={form} name="deathDate" />
      </SimpleGrid>
    </>
  );
}

import { SimpleGrid } from '@mantine/core';
import type { FormState } from '../../../lib/useForm';
import { FormText } from '../../../components/FormText';
import type { RelationFormValues } from '../relation-form';

export function OrganisationFields({ form }: { form: FormState<RelationFormValues> }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <FormText form={form} name="name" />
      <FormText form={form} name="legalForm" />
      <FormText form={form} name="kvkNumber" />
      <FormText form={form} name="emailDomain" />
    </SimpleGrid>
  );
}

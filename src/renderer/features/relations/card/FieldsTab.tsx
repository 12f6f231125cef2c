import { useEffect, useState } from 'react';
import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnsavedChanges } from '../../../shell/navigation';
import type { RelationDetail } from '../../../../shared/contract';
import type { FieldIssue } from '../../../../shared/errors';
import { useForm } from '../../../lib/useForm';
import { fieldKey } from '../../../lib/issues';
import { useMutation } from '../../../rpc/useQuery';
import { IssueSummary } from '../../../components/IssueSummary';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { checkRelationForm, fieldsInput, formFromDetail, relationChecks, type RelationFormValues } from '../relation-form';
import { PersonFields } from './PersonFields';
import { OrganisationFields } from './OrganisationFields';
import { ContactFields } from './ContactFields';

/** Every scalar field of the relation as one form: checked on blur, saved as one update. */
export function FieldsTab({ detail }: { detail: RelationDetail }) {
  const { t } = useTranslation();
  const form = useForm<RelationFormValues>(formFromDetail(detail.fields), relationChecks);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saved, setSaved] = useState(false);
  const update = useMutation('relations.update');
  const { dirty, reset } = form;
  useUnsavedChanges(dirty);

  // Someone else's change (or our own save) reloads the card; never overwrite unsaved typing.
  useEffect(() => {
    if (!dirty) reset(formFromDetail(detail.fields));
    // Deliberately keyed on the stored version only: a newer version resets a pristine form.
  }, [detail.updatedAt, detail.id]);

  const save = async () => {
    setSaved(false);
    const local = checkRelationForm(detail.kind, form.values);
    form.setIssues(local);
    setIssues(local);
    if (local.length) return;
    const r = await update.run({ id: detail.id, fields: fieldsInput(form.values) });
    if (!r.ok) {
      const server = (r.error.body.issues ?? []).map((i) => ({ ...i, field: fieldKey(i.field) }));
      form.setIssues(server);
      setIssues(server);
      return;
    }
    form.reset(formFromDetail(r.value.fields));
    setSaved(true);
  };

  const cancel = () => {
    form.reset(formFromDetail(detail.fields));
    setIssues([]);
    update.reset();
  };

  return (
    <Stack gap="md" maw={1100} data-testid="fields-tab">
      {issues.length > 0 ? <IssueSummary issues={issues} /> : !update.error?.body.issues && <ErrorAlert error={update.error} />}
      {detail.kind === 'person' ? <PersonFields form={form} /> : <OrganisationFields form={form} />}
      <Divider label={t('relations.fields.contact')} labelPosition="left" />
      <ContactFields form={form} />
      <Group justify="flex-end" gap="sm">
        {saved && !form.dirty && (
          <Text size="sm" c="teal" role="status">
            {t('common.saved')}
          </Text>
        )}
        <Button variant="default" onClick={cancel} disabled={!form.dirty}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={update.busy} disabled={!form.dirty} data-testid="save-fields">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationDetail, RelationSummary } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { exclusiveEnd, parseDateText, showDate } from '../../lib/dates';
import { fieldKey, fieldLabel, issueMessage } from '../../lib/issues';
import { useMutation } from '../../rpc/useQuery';
import { IssueSummary } from '../../components/IssueSummary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLinkTypes } from '../classification/useClassification';
import { RelationPicker } from './RelationPicker';
import { linkTypeOptions } from './link-type-options';

export function AddLinkModal({ detail, onClose }: { detail: RelationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const types = useLinkTypes();
  const options = linkTypeOptions(types.data?.rows ?? [], detail.kind);
  const [choice, setChoice] = useState<string | null>(null);
  const [other, setOther] = useState<RelationSummary | null>(null);
  const [fn, setFn] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const add = useMutation('links.add');
  const issueFor = (field: string) => {
    const i = issues.find((x) => x.field === field);
    return i ? issueMessage(t, i) : undefined;
  };

  const save = async () => {
    const option = options.find((o) => o.value === choice);
    const f = parseDateText(from);
    const u = parseDateText(until);
    const local: FieldIssue[] = [];
    if (!option) local.push({ field: 'linkTypeId', code: 'REQUIRED' });
    if (!other) local.push({ field: 'toRelationId', code: 'REQUIRED' });
    if (!f.ok) local.push({ field: 'validFrom', code: 'DATE_INVALID' });
    if (!u.ok) local.push({ field: 'validTo', code: 'DATE_INVALID' });
    if (f.ok && u.ok && f.value && u.value && u.value < f.value) local.push({ field: 'validTo', code: 'PERIOD_END_BEFORE_START' });
    setIssues(local);
    if (local.length || !option || !other || !f.ok || !u.ok) return;
    const [fromId, toId] = option.side === 'from' ? [detail.id, other.id] : [other.id, detail.id];
    const r = await add.run({
      linkTypeId: option.linkTypeId,
      fromRelationId: fromId,
      toRelationId: toId,
      link: { function: fn, validFrom: f.value, validTo: exclusiveEnd(u.value), notes: null },
    });
    if (r.ok) onClose();
    else setIssues((r.error.body.issues ?? []).map((i) => ({ ...i, field: fieldKey(i.field) })));
  };

  const dateBlur = (text: string, set: (s: string) => void) => {
    const r = parseDateText(text);
    if (r.ok && r.value) set(showDate(r.value));
  };

  return (
    <Modal opened onClose={onClose} title={t('links.add.title')} size="lg">
      <Stack>
        <IssueSummary issues={issues} />
        {issues.length === 0 && <ErrorAlert error={add.error} />}
        <Select
          label={fieldLabel(t, 'linkTypeId')}
          data={options.map((o) => ({ value: o.value, label: o.label }))}
          value={choice}
          onChange={setChoice}
          error={issueFor('linkTypeId')}
          data-field="linkType"
        />
        <RelationPicker label={fieldLabel(t, 'toRelationId')} value={other} onChange={setOther} excludeId={detail.id} error={issueFor('toRelationId')} />
        <TextInput label={fieldLabel(t, 'function')} value={fn} onChange={(e) => setFn(e.currentTarget.value)} data-field="function" />
        <SimpleGrid cols={2}>
          <TextInput
            label={fieldLabel(t, 'validFrom')}
            placeholder={t('common.datePlaceholder')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            onBlur={() => dateBlur(from, setFrom)}
            error={issueFor('validFrom')}
          />
          <TextInput
            label={fieldLabel(t, 'validTo')}
            placeholder={t('common.datePlaceholder')}
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            onBlur={() => dateBlur(until, setUntil)}
            error={issueFor('validTo')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={add.busy} data-testid="save-link">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

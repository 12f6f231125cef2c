import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupMemberEntryDto, RelationSummary } from '../../../shared/contract';
import { exclusiveEnd, inclusiveEnd } from '../../lib/dates';
import { RelationPicker } from '../links/RelationPicker';
import { DateField } from '../../components/DateField';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { featureIssueMessage } from '../conditions/feature-errors';
import { useGroupRoles, useMemberMutations } from './useGroups';

interface Props {
  groupId: string;
  /** null: add a member; otherwise change this hand-entered membership. */
  entry: GroupMemberEntryDto | null;
  onClose: () => void;
}

/**
 * Add someone with a role from a date (a board change for next month is entered now), or
 * change role and period. The last day is typed inclusive ("t/m") and stored exclusive.
 */
export function MemberModal({ groupId, entry, onClose }: Props) {
  const { t } = useTranslation();
  const roles = useGroupRoles();
  const m = useMemberMutations();
  const [relation, setRelation] = useState<RelationSummary | null>(null);
  const [roleId, setRoleId] = useState<string | null>(entry?.roleId ?? null);
  const [from, setFrom] = useState<string | null>(entry?.validFrom ?? null);
  const [until, setUntil] = useState<string | null>(inclusiveEnd(entry?.validTo ?? null));
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const [missing, setMissing] = useState(false);
  const roleRows = roles.data?.rows ?? [];
  const error = m.add.error ?? m.update.error;
  const periodIssue = error?.body.issues?.find((i) => i.field.endsWith('validTo'));

  const save = async () => {
    const member = { roleId: roleId ?? roleRows.find((r) => r.code === 'lid')?.id ?? null, validFrom: from, validTo: exclusiveEnd(until), notes };
    if (entry) {
      const r = await m.update.run({ id: entry.id, member });
      if (r.ok) onClose();
      return;
    }
    if (!relation) return setMissing(true);
    const r = await m.add.run({ groupId, relationId: relation.id, member });
    if (r.ok) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={entry ? t('groups.member.editTitle') : t('groups.member.addTitle')} size="lg">
      <Stack>
        <FeatureErrorAlert error={error} />
        {entry ? (
          <Text fw={500}>{entry.displayName}</Text>
        ) : (
          <RelationPicker
            label={t('groups.member.relation')}
            value={relation}
            onChange={(r) => {
              setRelation(r);
              setMissing(false);
            }}
            error={missing ? featureIssueMessage(t, { code: 'REQUIRED' }) : undefined}
          />
        )}
        <Select
          label={t('groups.member.role')}
          data={roleRows.map((r) => ({ value: r.id, label: r.name }))}
          value={roleId}
          onChange={setRoleId}
          placeholder={roleRows.find((r) => r.code === 'lid')?.name}
          clearable
          data-field="role"
        />
        <SimpleGrid cols={2}>
          <DateField label={t('groups.member.from')} value={from} onChange={setFrom} data-field="validFrom" />
          <DateField
            label={t('groups.member.until')}
            value={until}
            onChange={setUntil}
            error={periodIssue ? featureIssueMessage(t, periodIssue) : undefined}
            data-field="validTo"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('groups.member.periodHint')}
        </Text>
        <TextInput label={t('groups.member.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={m.add.busy || m.update.busy} data-testid="save-member">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

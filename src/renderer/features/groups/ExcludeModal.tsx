import { useState } from 'react';
import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RelationSummary } from '../../../shared/contract';
import { exclusiveEnd } from '../../lib/dates';
import { RelationPicker } from '../links/RelationPicker';
import { DateField } from '../../components/DateField';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { featureIssueMessage } from '../conditions/feature-errors';
import { useMemberMutations } from './useGroups';

interface Props {
  groupId: string;
  /** Known when excluding from the members list; otherwise searched here. */
  relation: { id: string; name: string } | null;
  onClose: () => void;
}

/** Keep someone out of a smart group (or mailing list) for a period, whatever the rule says. */
export function ExcludeModal({ groupId, relation, onClose }: Props) {
  const { t } = useTranslation();
  const { exclude } = useMemberMutations();
  const [picked, setPicked] = useState<RelationSummary | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [until, setUntil] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const relationId = relation?.id ?? picked?.id;

  const save = async () => {
    if (!relationId) return setMissing(true);
    const r = await exclude.run({ groupId, relationId, validFrom: from, validTo: exclusiveEnd(until) });
    if (r.ok) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('groups.exclude.title')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('groups.exclude.explain')}
        </Text>
        <FeatureErrorAlert error={exclude.error} />
        {relation ? (
          <Text fw={500}>{relation.name}</Text>
        ) : (
          <RelationPicker
            label={t('groups.member.relation')}
            value={picked}
            onChange={setPicked}
            error={missing ? featureIssueMessage(t, { code: 'REQUIRED' }) : undefined}
          />
        )}
        <SimpleGrid cols={2}>
          <DateField label={t('groups.member.from')} value={from} onChange={setFrom} />
          <DateField label={t('groups.member.until')} value={until} onChange={setUntil} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void save()} loading={exclude.busy} data-testid="save-exclude">
            {t('groups.members.exclude')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

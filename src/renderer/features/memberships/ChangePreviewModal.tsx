import { useMemo } from 'react';
import { Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipChanges } from '../../../shared/contract';
import { formatCount } from '../../lib/format';
import type { RpcError } from '../../rpc/client';
import { changesPerRelation, type ChangeWords } from './change-text';
import { MembershipsError } from './MembershipsError';
import { useMembershipTypes } from './useMemberships';

interface Props {
  changes: MembershipChanges;
  busy: boolean;
  error: RpcError | null;
  onSave: () => void;
  onCancel: () => void;
  /** What is being changed, above the counts (e.g. a warning before deleting). */
  message?: string | undefined;
  saveLabel?: string | undefined;
  danger?: boolean | undefined;
}

/** "Deze wijziging raakt N relaties": per unit gained/lost, then who changes how; Opslaan commits. */
export function ChangePreviewModal({ changes, busy, error, onSave, onCancel, message, saveLabel, danger }: Props) {
  const { t, i18n } = useTranslation();
  const types = useMembershipTypes();
  const typeName = (code: string) => types.data?.rows.find((r) => r.code === code)?.name ?? code;
  const words = useMemo<ChangeWords>(
    () => ({
      endsAfter: (unit, lastDay) => t('memberships.preview.endsAfter', { unit, date: lastDay }),
      startsLater: (unit, firstDay) => t('memberships.preview.startsLater', { unit, date: firstDay }),
      notBetween: (unit, from, until) => t('memberships.preview.notBetween', { unit, from, until }),
      lostAll: (unit) => t('memberships.preview.lostAll', { unit }),
      gainedFrom: (unit, from) => t('memberships.preview.gainedFrom', { unit, date: from }),
      gainedBetween: (unit, from, until) => t('memberships.preview.gainedBetween', { unit, from, until }),
      gainedUntil: (unit, until) => t('memberships.preview.gainedUntil', { unit, date: until }),
      gainedAll: (unit) => t('memberships.preview.gainedAll', { unit }),
    }),
    [t],
  );
  const rows = changesPerRelation(changes.changes, words);
  const showType = new Set(rows.map((r) => r.typeCode)).size > 1;

  return (
    <Modal opened onClose={onCancel} title={t('memberships.preview.title')} size="50rem" data-testid="change-preview">
      <Stack>
        {message && <Text size="sm">{message}</Text>}
        <Title order={4} data-testid="preview-summary">
          {changes.relations === 0
            ? t('memberships.preview.nothing')
            : t('memberships.preview.affects', { count: changes.relations, formatted: formatCount(changes.relations, i18n.language) })}
        </Title>
        {changes.perUnit.length > 0 && (
          <Table withTableBorder data-testid="preview-per-unit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('memberships.preview.unit')}</Table.Th>
                <Table.Th ta="right">{t('memberships.preview.gained')}</Table.Th>
                <Table.Th ta="right">{t('memberships.preview.lost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.perUnit.map((u) => (
                <Table.Tr key={u.unitId} data-testid="preview-unit-row">
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td ta="right" c={u.gained ? 'teal.8' : 'dimmed'}>
                    {u.gained ? `+${u.gained}` : '0'}
                  </Table.Td>
                  <Table.Td ta="right" c={u.lost ? 'red.8' : 'dimmed'}>
                    {u.lost ? `−${u.lost}` : '0'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {rows.length > 0 && (
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={6}>
              {rows.map((r) => (
                <Group key={r.key} gap={6} wrap="wrap" data-testid="preview-change">
                  <Text size="sm" fw={600}>
                    {r.displayName}:
                  </Text>
                  {showType && <Badge variant="light" size="sm">{typeName(r.typeCode)}</Badge>}
                  {r.lost.length > 0 && (
                    <Text size="sm" c="red.8">
                      {r.lost.join(', ')}
                    </Text>
                  )}
                  {r.gained.length > 0 && (
                    <Text size="sm" c="teal.8">
                      → {r.gained.join(', ')}
                    </Text>
                  )}
                </Group>
              ))}
              {changes.truncated && (
                <Text size="sm" c="dimmed">
                  {t('memberships.preview.truncated')}
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <MembershipsError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onSave} loading={busy} color={danger ? 'red' : undefined} data-testid="preview-save">
            {saveLabel ?? t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../rpc/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showDate } from '../../lib/dates';
import { AnonymiseModal } from './AnonymiseModal';

/** Settings → Privacy (AVG): former members past a chosen period, to review and anonymise. Never automatic. */
export function RetentionSettings() {
  const { t } = useTranslation();
  const [years, setYears] = useState(2);
  const list = useQuery('privacy.retention', { years }, { refreshOn: ['relations.changed'] });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const rows = list.data?.rows ?? [];
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  return (
    <Stack gap="sm" maw={900} data-testid="retention-settings">
      <Title order={4}>{t('privacy.retention.title')}</Title>
      <Text size="sm" c="dimmed">{t('privacy.retention.intro')}</Text>
      <Group align="flex-end">
        <NumberInput label={t('privacy.retention.years')} value={years} min={1} max={100} w={260} onChange={(v) => typeof v === 'number' && v >= 1 && setYears(v)} data-testid="retention-years" />
        <Button color="red" variant="light" disabled={selected.size === 0} onClick={() => setConfirming(true)} data-testid="retention-anonymise">
          {t('privacy.retention.anonymiseSelected', { count: selected.size })}
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      {done !== null && <Alert color="teal">{t('privacy.retention.anonymised', { count: done })}</Alert>}
      {list.data && rows.length === 0 && <Text size="sm">{t('privacy.retention.none', { years })}</Text>}
      {list.data && rows.length > 0 && (
        <>
          <Text size="sm" fw={500}>{t('privacy.retention.count', { count: list.data.total, date: showDate(list.data.cutoff) })}</Text>
          <Table striped highlightOnHover data-testid="retention-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox aria-label={t('privacy.retention.selectAll')} checked={selected.size === rows.length} indeterminate={selected.size > 0 && selected.size < rows.length} onChange={() => setSelected(selected.size === rows.length ? new Set() : new Set(rows.map((r) => r.relationId)))} />
                </Table.Th>
                <Table.Th>{t('privacy.retention.number')}</Table.Th>
                <Table.Th>{t('privacy.retention.name')}</Table.Th>
                <Table.Th>{t('privacy.retention.types')}</Table.Th>
                <Table.Th>{t('privacy.retention.leftOn')}</Table.Th>
                <Table.Th>{t('privacy.retention.openInvoices')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, 500).map((r) => (
                <Table.Tr key={r.relationId}>
                  <Table.Td><Checkbox aria-label={r.name} checked={selected.has(r.relationId)} onChange={() => toggle(r.relationId)} /></Table.Td>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.types}</Table.Td>
                  <Table.Td>{showDate(r.leftOn)}</Table.Td>
                  <Table.Td>{r.openInvoices || ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <AnonymiseModal
        opened={confirming}
        relationIds={[...selected]}
        name={null}
        onClose={() => setConfirming(false)}
        onDone={(count) => {
          setConfirming(false);
          setSelected(new Set());
          setDone(count);
        }}
      />
    </Stack>
  );
}

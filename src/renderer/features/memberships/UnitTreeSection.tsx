import { useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIsoLocal } from '../../lib/dates';
import { useNavigation } from '../../shell/navigation';
import { DateField } from '../../components/DateField';
import { MembershipsError } from './MembershipsError';
import { UnitDialogs } from './UnitDialogs';
import { UnitTreeNode } from './UnitTreeNode';
import type { UnitDialog } from './unit-dialog';
import { buildUnitTree } from './unit-tree';
import { useMembershipTypes, useUnits } from './useMemberships';

/** The organisations with their units as they are on a chosen day, with member counts. */
export function UnitTreeSection() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const [day, setDay] = useState<string | null>(todayIsoLocal());
  const on = day ?? todayIsoLocal();
  const units = useUnits(on);
  const types = useMembershipTypes();
  const [dialog, setDialog] = useState<UnitDialog>(null);
  const tree = useMemo(() => buildUnitTree(units.data?.rows ?? [], on), [units.data, on]);
  const typeNames = useMemo(() => new Map((types.data?.rows ?? []).map((r) => [r.code, r.name])), [types.data]);
  const open = (id: string) => navigate({ page: 'units', id });

  return (
    <Stack gap="sm" data-testid="unit-tree">
      <Group justify="space-between" align="flex-end">
        <DateField label={t('units.page.on')} value={day} onChange={setDay} w={160} data-field="on" />
        <Button onClick={() => setDialog({ kind: 'create', parentId: null })} data-testid="new-organisation">
          {t('units.page.newOrganisation')}
        </Button>
      </Group>
      <MembershipsError error={units.error} />
      {units.loading && !units.data && <Loader size="sm" />}
      {units.data && tree.length === 0 && <Alert color="gray">{t('units.page.none')}</Alert>}
      {typeNames.size === 0 && types.data && <Text size="sm" c="dimmed">{t('units.page.noTypes')}</Text>}
      {tree.map((node) => (
        <UnitTreeNode key={node.unit.id} node={node} day={on} typeNames={typeNames} onOpen={open} onDialog={setDialog} />
      ))}
      <UnitDialogs dialog={dialog} tree={tree} onClose={() => setDialog(null)} />
    </Stack>
  );
}

import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIsoLocal } from '../../lib/dates';
import { usePeriodText } from '../../lib/usePeriodText';
import { useNavigation } from '../../shell/navigation';
import { DateField } from '../../components/DateField';
import { JubileeList } from './JubileeList';
import { MembershipsError } from './MembershipsError';
import { RuleEditor } from './RuleEditor';
import { UnitActions } from './UnitActions';
import { UnitDialogs } from './UnitDialogs';
import { UnitMembers } from './UnitMembers';
import type { UnitDialog } from './unit-dialog';
import { buildUnitTree, unitPath } from './unit-tree';
import { useUnit, useUnits } from './useMemberships';

/** One unit: its place in the tree, rules with versions, members on a date, jubilees and CRM actions. */
export function UnitDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const period = usePeriodText();
  const [day, setDay] = useState<string | null>(todayIsoLocal());
  const on = day ?? todayIsoLocal();
  const unit = useUnit(id, on);
  const units = useUnits(on);
  const [dialog, setDialog] = useState<UnitDialog>(null);
  const tree = useMemo(() => buildUnitTree(units.data?.rows ?? [], on), [units.data, on]);
  const path = unitPath(units.data?.rows ?? [], id, on).slice(0, -1);
  const u = unit.data;

  if (!u) return unit.error ? <MembershipsError error={unit.error} /> : <Loader m="xl" />;
  const notStarted = u.startDate !== null && u.startDate > on;
  return (
    <Stack maw={1200} gap="md" data-testid="unit-detail">
      <Anchor component="button" size="sm" w="fit-content" onClick={() => navigate({ page: 'units' })}>
        ← {t('units.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} data-testid="unit-name">
              {u.name}
            </Title>
            {u.level && <Badge variant="outline" color="gray">{u.level}</Badge>}
            {!u.active && <Badge color="gray">{notStarted ? t('units.tree.notStarted') : t('units.tree.stopped')}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {[period(u.startDate, u.endDate), path.length ? t('units.detail.under', { path: path.map((p) => p.name).join(' › ') }) : t('units.detail.root')]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'edit', unit: u })}>
            {t('units.tree.edit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'create', parentId: u.id })} data-testid="add-child">
            {t('units.tree.addChild')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'move', unit: u })}>
            {t('units.tree.move')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'stop', unit: u })}>
            {t('units.tree.stop')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'delete', unit: u })}>
            {t('common.remove')}
          </Button>
        </Group>
      </Group>
      <DateField label={t('units.page.on')} value={day} onChange={setDay} w={160} data-field="on" />
      <Tabs defaultValue="rules" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rules">{t('units.detail.tabRules')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('units.detail.tabMembers')}</Tabs.Tab>
          <Tabs.Tab value="jubilees">{t('units.detail.tabJubilees')}</Tabs.Tab>
          <Tabs.Tab value="actions">{t('units.detail.tabActions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules" pt="md">
          <RuleEditor unit={u} rules={u.rules} on={on} ancestors={path} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <UnitMembers unitId={u.id} on={on} counts={u.counts} />
        </Tabs.Panel>
        <Tabs.Panel value="jubilees" pt="md">
          <JubileeList unitId={u.id} />
        </Tabs.Panel>
        <Tabs.Panel value="actions" pt="md">
          <UnitActions unit={u} onDone={unit.reload} />
        </Tabs.Panel>
      </Tabs>
      <UnitDialogs dialog={dialog} tree={tree} onClose={() => setDialog(null)} onDeleted={() => navigate({ page: 'units' })} />
    </Stack>
  );
}

import { Anchor, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format';
import { usePeriodText } from '../../lib/usePeriodText';
import type { UnitDialog } from './unit-dialog';
import type { UnitNode } from './unit-tree';

interface Props {
  node: UnitNode;
  day: string;
  typeNames: Map<string, string>;
  onOpen: (id: string) => void;
  onDialog: (d: UnitDialog) => void;
}

/** One unit with its dates and member counts on the chosen day; stopped or future units greyed. */
export function UnitTreeNode({ node, day, typeNames, onOpen, onDialog }: Props) {
  const { t, i18n } = useTranslation();
  const period = usePeriodText();
  const { unit } = node;
  const notStarted = unit.startDate !== null && unit.startDate > day;
  const counts = Object.entries(unit.counts).filter(([, n]) => n > 0);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" data-testid="unit-node" data-unit={unit.name} data-active={unit.active} style={{ opacity: unit.active ? 1 : 0.55 }}>
        <Anchor component="button" fw={600} c={unit.active ? undefined : 'dimmed'} onClick={() => onOpen(unit.id)} data-testid="unit-open">
          {unit.name}
        </Anchor>
        {unit.level && (
          <Badge variant="outline" color="gray" size="sm">
            {unit.level}
          </Badge>
        )}
        {(unit.startDate || unit.endDate) && (
          <Text size="xs" c="dimmed">
            {period(unit.startDate, unit.endDate)}
          </Text>
        )}
        {!unit.active && (
          <Badge variant="light" color="gray" size="sm">
            {notStarted ? t('units.tree.notStarted') : t('units.tree.stopped')}
          </Badge>
        )}
        {counts.map(([code, n]) => (
          <Badge key={code} variant="light" size="sm" data-testid="unit-count" data-type={code}>
            {typeNames.get(code) ?? code} {formatCount(n, i18n.language)}
          </Badge>
        ))}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-xs" variant="subtle" aria-label={t('units.tree.actions', { name: unit.name })} data-testid="unit-menu">
              ⋯
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onOpen(unit.id)}>{t('units.tree.open')}</Menu.Item>
            <Menu.Item onClick={() => onDialog({ kind: 'create', parentId: unit.id })}>{t('units.tree.addChild')}</Menu.Item>
            <Menu.Item onClick={() => onDialog({ kind: 'edit', unit })}>{t('units.tree.edit')}</Menu.Item>
            <Menu.Item onClick={() => onDialog({ kind: 'move', unit })}>{t('units.tree.move')}</Menu.Item>
            <Menu.Item onClick={() => onDialog({ kind: 'stop', unit })}>{t('units.tree.stop')}</Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" onClick={() => onDialog({ kind: 'delete', unit })}>
              {t('common.remove')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {node.children.length > 0 && (
        <Stack gap={4} pl="lg" ml={6} style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
          {node.children.map((c) => (
            <UnitTreeNode key={c.unit.id} node={c} day={day} typeNames={typeNames} onOpen={onOpen} onDialog={onDialog} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDto } from '../../../shared/contract';
import { useMutation } from '../../rpc/useQuery';
import { useNavigation } from '../../shell/navigation';
import { MembershipsError } from './MembershipsError';

type Action = 'membersGroup' | 'boardGroup' | 'relation';

/** CRM actions that keep groups and relations in step with the unit, with links to what they made. */
export function UnitActions({ unit, onDone }: { unit: UnitDto; onDone: () => void }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const create = useMutation('units.createActions');
  const items: { action: Action; id: string | null; open: (id: string) => void }[] = [
    { action: 'membersGroup', id: unit.membersGroupId, open: (id) => navigate({ page: 'groups', id }) },
    { action: 'boardGroup', id: unit.boardGroupId, open: (id) => navigate({ page: 'groups', id }) },
    { action: 'relation', id: unit.relationId, open: (id) => navigate({ page: 'relation', id }) },
  ];
  const run = (action: Action) => void create.run({ id: unit.id, [action]: true }).then((r) => r.ok && onDone());

  return (
    <Stack gap="sm" maw={800} data-testid="unit-actions">
      <Text size="sm" c="dimmed">
        {t('units.actions.explain')}
      </Text>
      <MembershipsError error={create.error} />
      {items.map(({ action, id, open }) => (
        <Paper key={action} withBorder p="sm" data-testid="unit-action" data-action={action}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={500}>{t(`units.actions.${action}.title`, { name: unit.name })}</Text>
              <Text size="xs" c="dimmed">
                {t(`units.actions.${action}.explain`, { name: unit.name })}
              </Text>
            </Stack>
            {id ? (
              <Anchor component="button" onClick={() => open(id)} data-testid="action-open">
                {t('units.actions.open')}
              </Anchor>
            ) : (
              <Button size="xs" variant="light" onClick={() => run(action)} loading={create.busy} data-testid="action-create">
                {t('units.actions.create')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

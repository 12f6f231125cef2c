import { Badge, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation, type Route } from './navigation';
import { useNavCounts } from '../features/tasks/useNavCounts';

const ITEMS: { page: Route['page']; key: string; route: Route }[] = [
  { page: 'overview', key: 'shell.nav.overview', route: { page: 'overview' } },
  { page: 'today', key: 'shell.nav.today', route: { page: 'today' } },
  { page: 'relations', key: 'shell.nav.relations', route: { page: 'relations' } },
  { page: 'groups', key: 'shell.nav.groups', route: { page: 'groups' } },
  { page: 'selections', key: 'shell.nav.selections', route: { page: 'selections' } },
  { page: 'units', key: 'shell.nav.units', route: { page: 'units' } },
  { page: 'reports', key: 'shell.nav.reports', route: { page: 'reports' } },
  { page: 'requests', key: 'shell.nav.requests', route: { page: 'requests' } },
  { page: 'log', key: 'shell.nav.log', route: { page: 'log' } },
  { page: 'contributions', key: 'shell.nav.contributions', route: { page: 'contributions' } },
  { page: 'bank', key: 'shell.nav.bank', route: { page: 'bank' } },
  { page: 'io', key: 'shell.nav.io', route: { page: 'io' } },
  { page: 'duplicates', key: 'shell.nav.duplicates', route: { page: 'duplicates' } },
  { page: 'trash', key: 'shell.nav.trash', route: { page: 'trash' } },
  { page: 'history', key: 'shell.nav.history', route: { page: 'history' } },
  { page: 'settings', key: 'shell.nav.settings', route: { page: 'settings' } },
];

export function NavBar() {
  const { t } = useTranslation();
  const { route, navigate } = useNavigation();
  const active = route.page === 'relation' ? 'relations' : route.page === 'list' ? 'overview' : route.page;
  const counts = useNavCounts();
  return (
    <Stack gap={2} component="nav" aria-label={t('shell.nav.label')}>
      {ITEMS.map((item) => (
        <NavLink
          key={item.page}
          component="button"
          label={t(item.key)}
          rightSection={counts[item.page] ? <Badge size="sm" circle={counts[item.page]! < 10} color={item.page === 'today' ? 'red' : 'blue'} data-testid={`nav-count-${item.page}`}>{counts[item.page]}</Badge> : undefined}
          active={active === item.page}
          aria-current={active === item.page ? 'page' : undefined}
          onClick={() => navigate(item.route)}
          data-testid={`nav-${item.page}`}
        />
      ))}
    </Stack>
  );
}

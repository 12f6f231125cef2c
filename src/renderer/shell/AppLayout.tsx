import { AppShell } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { SearchSpotlight } from '../features/search/SearchSpotlight';
import { HeaderBar } from './HeaderBar';
import { NavBar } from './NavBar';
import { Screen } from './Screen';
import { useNavigation } from './navigation';
import { AdministrationWarnings } from '../features/administrations/AdministrationGate';
import { useAdministrationSession } from '../features/administrations/AdministrationContext';

export function AppLayout() {
  const [searchOpen, search] = useDisclosure(false);
  const { navigate } = useNavigation();
  const session = useAdministrationSession();
  // mod = Ctrl on Windows/Linux, ⌘ on macOS; also active while typing in a field.
  useHotkeys([['mod+K', () => search.open()]], []);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 224, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <HeaderBar onOpenSearch={search.open} />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavBar />
      </AppShell.Navbar>
      <AppShell.Main>
        {session?.state.open && <AdministrationWarnings open={session.state.open} />}
        <Screen />
      </AppShell.Main>
      <SearchSpotlight opened={searchOpen} onClose={search.close} onOpenRelation={(id) => navigate({ page: 'relation', id })} />
    </AppShell>
  );
}

import { MantineProvider } from '@mantine/core';
import { theme } from './theme';
import { NavigationProvider } from './shell/navigation';
import { AppLayout } from './shell/AppLayout';
import { AdministrationGate } from './features/administrations/AdministrationGate';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <AdministrationGate>
        <NavigationProvider>
          <AppLayout />
        </NavigationProvider>
      </AdministrationGate>
    </MantineProvider>
  );
}

import { MantineProvider } from '@mantine/core';
import { theme } from './theme';
import { NavigationProvider } from './shell/navigation';
import { AppLayout } from './shell/AppLayout';
import { SessionGate } from './features/session/SessionGate';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <SessionGate>
        <NavigationProvider>
          <AppLayout />
        </NavigationProvider>
      </SessionGate>
    </MantineProvider>
  );
}

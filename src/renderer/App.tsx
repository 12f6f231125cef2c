import { MantineProvider } from '@mantine/core';
import { theme } from './theme';
import { NavigationProvider } from './shell/navigation';
import { AppLayout } from './shell/AppLayout';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <NavigationProvider>
        <AppLayout />
      </NavigationProvider>
    </MantineProvider>
  );
}

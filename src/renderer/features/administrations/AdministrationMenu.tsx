import { Badge, Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { callHost } from '../../rpc/client';
import { useAdministrationSession } from './AdministrationContext';

/** The header's demo mark and the administration menu: switch to a recent one, open, new, close. */
export function AdministrationMenu() {
  const { t } = useTranslation();
  const session = useAdministrationSession();
  if (!session?.state.open) return null;
  const { state, setState } = session;
  const open = state.open;
  const toStart = () => void callHost('administrations.close', {}).then(setState);
  return (
    <>
      {open?.demo && (
        <Badge color="yellow" variant="filled" size="lg" data-testid="demo-badge">
          {t('administrations.header.demo')}
        </Badge>
      )}
      {open?.readOnly && <Badge color="gray" size="lg">{t('administrations.header.readOnly')}</Badge>}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="subtle" size="compact-sm" data-testid="administration-menu">
            {t('administrations.header.menu')} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {state.recent.filter((r) => r.exists).length > 0 && <Menu.Label>{t('administrations.header.switch')}</Menu.Label>}
          {state.recent
            .filter((r) => r.exists)
            .slice(0, 8)
            .map((r) => (
              <Menu.Item key={r.file} onClick={() => void callHost('administrations.open', { file: r.file }).then(setState)}>
                {r.name}
                {r.demo ? ` (${t('administrations.header.demo')})` : ''}
              </Menu.Item>
            ))}
          <Menu.Divider />
          <Menu.Item onClick={toStart}>{t('administrations.header.open')}</Menu.Item>
          <Menu.Item onClick={toStart}>{t('administrations.header.new')}</Menu.Item>
          <Menu.Item onClick={toStart} data-testid="administration-close">
            {t('administrations.header.close')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

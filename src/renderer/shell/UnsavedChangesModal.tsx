import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Weggaan zonder opslaan?" before a screen with unsaved edits is left. */
export function UnsavedChangesModal({ opened, onStay, onLeave }: { opened: boolean; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onStay} title={t('shell.unsaved.title')} data-testid="unsaved-changes">
      <Text size="sm">{t('shell.unsaved.message')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onStay} data-autofocus>
          {t('shell.unsaved.stay')}
        </Button>
        <Button color="red" onClick={onLeave} data-testid="leave-unsaved">
          {t('shell.unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}

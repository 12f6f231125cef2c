import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exclusiveEnd, parseDateText, showDate, todayIsoLocal } from '../lib/dates';
import { issueMessage } from '../lib/issues';

interface Props {
  title: string;
  description?: string;
  busy?: boolean;
  /** Gets the half-open end: the day AFTER the last day the user typed. */
  onConfirm: (validTo: string) => void;
  onClose: () => void;
}

/** Asks for the last valid day ("t/m") of a link or type; hands back the API's exclusive end. */
export function EndDateModal({ title, description, busy, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(showDate(todayIsoLocal()));
  const [invalid, setInvalid] = useState(false);
  const confirm = () => {
    const r = parseDateText(text);
    if (!r.ok || !r.value) {
      setInvalid(true);
      return;
    }
    const end = exclusiveEnd(r.value);
    if (end) onConfirm(end);
  };
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack>
        {description && <Text size="sm">{description}</Text>}
        <TextInput
          label={t('common.lastDay')}
          placeholder={t('common.datePlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setInvalid(false);
          }}
          error={invalid ? issueMessage(t, { code: 'DATE_INVALID' }) : undefined}
          data-field="endDate"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={busy} data-testid="confirm-end">
            {t('common.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

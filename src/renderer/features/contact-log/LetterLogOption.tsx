import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The mail merge's option to log "Brief verstuurd" for each recipient. `subject` null: off. */
export function LetterLogOption({ subject, onChange, defaultSubject }: { subject: string | null; onChange: (s: string | null) => void; defaultSubject: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Checkbox label={t('log.letter.option')} checked={subject !== null} onChange={(e) => onChange(e.currentTarget.checked ? defaultSubject : null)} data-testid="merge-log-letter" />
      {subject !== null && <TextInput size="xs" label={t('log.letter.subject')} value={subject} onChange={(e) => onChange(e.currentTarget.value)} maw={400} />}
    </Stack>
  );
}

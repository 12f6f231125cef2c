import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/contract';
import { useMutation } from '../../../rpc/useQuery';
import { downloadFile } from '../../io/common/file-bytes';
import { ContributionsError } from '../ContributionsError';

type Which = { method: 'invoices.documents'; params: Omit<Input<'invoices.documents'>, 'format' | 'output'> } | { method: 'reminders.documents'; params: Omit<Input<'reminders.documents'>, 'format' | 'output'> };

const CHOICES = [
  { key: 'pdf', format: 'pdf', output: 'single' },
  { key: 'pdfEach', format: 'pdf', output: 'perInvoice' },
  { key: 'docx', format: 'docx', output: 'single' },
] as const;

/**
 * Print the letters (invoices of a run or one invoice, or the reminders of a stage): one
 * PDF, a PDF per invoice in a zip, or one Word document from the shipped template. The
 * file downloads; sending stays the treasurer's step ("Markeer als verstuurd").
 */
export function LetterButtons({ which, label, testId }: { which: Which; label: string; testId: string }) {
  const { t } = useTranslation();
  const invoices = useMutation('invoices.documents');
  const reminders = useMutation('reminders.documents');
  const m = which.method === 'invoices.documents' ? invoices : reminders;
  async function make(format: 'pdf' | 'docx', output: 'single' | 'perInvoice') {
    const r = which.method === 'invoices.documents' ? await invoices.run({ ...which.params, format, output }) : await reminders.run({ ...which.params, format, output });
    if (r.ok) downloadFile(r.value);
  }
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="light" loading={m.busy} data-testid={testId}>
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {CHOICES.map((c) => (
            <Menu.Item key={c.key} onClick={() => void make(c.format, c.output)} data-testid={`${testId}-${c.key}`}>
              {t(`contributions.documents.${c.key}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <ContributionsError error={m.error} />
    </>
  );
}

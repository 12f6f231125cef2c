import { Button, CopyButton, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMergeFields } from '../common/useIo';
import { IoErrorAlert } from '../common/IoErrorAlert';

/** Every field a template can use, as the secretary types it ({aanhef}), with what it gives. */
export function MergeFieldList() {
  const { t } = useTranslation();
  const fields = useMergeFields();
  return (
    <Paper withBorder p="sm" data-testid="merge-fields">
      <Text size="sm" fw={500}>
        {t('io.merge.fieldsTitle')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('io.merge.fieldsHelp')}
      </Text>
      <IoErrorAlert error={fields.error} />
      <ScrollArea h={520}>
        <Table verticalSpacing={2} striped>
          <Table.Tbody>
            {(fields.data?.rows ?? []).map((f) => (
              <Table.Tr key={f.key} data-testid="merge-field" data-key={f.key}>
                <Table.Td>
                  <Text size="sm" ff="monospace">{`{${f.key}}`}</Text>
                  <Text size="xs" c="dimmed">
                    {f.label}
                  </Text>
                </Table.Td>
                <Table.Td w={90} ta="right">
                  <CopyButton value={`{${f.key}}`}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="subtle" onClick={copy} color={copied ? 'teal' : undefined}>
                        {copied ? t('io.merge.copied') : t('io.merge.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

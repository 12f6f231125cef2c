import { Alert, Badge, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateCheck } from '../../../../shared/contract/io';
import { formatCount } from '../../../lib/format';

/** 'word/header1.xml' → 'header': where in the letter a placeholder sits, in the user's words. */
function partKind(path: string): string {
  if (path.includes('header')) return 'header';
  if (path.includes('footer')) return 'footer';
  if (path.includes('notes')) return 'notes';
  return 'body';
}

/** The check before merging: placeholders found, unknown ones, Word fields we skip, recipients with empty values. */
export function TemplateCheckView({ check }: { check: TemplateCheck }) {
  const { t, i18n } = useTranslation();
  const known = check.placeholders.filter((p) => p.known);
  return (
    <Stack gap="sm" data-testid="merge-check">
      <Text size="sm" fw={500} data-testid="merge-recipients">
        {t('io.merge.recipients', { count: check.recipients, formatted: formatCount(check.recipients, i18n.language) })}
      </Text>
      <Group gap={6}>
        <Text size="sm">{t('io.merge.placeholdersFound', { count: known.length })}</Text>
        {known.map((p) => (
          <Badge key={p.name} variant="light" color="teal" tt="none" title={p.written.join(', ')}>
            {`{${p.name}}`}
          </Badge>
        ))}
      </Group>
      {check.unknown.length > 0 && (
        <Alert color="red" title={t('io.merge.unknownTitle', { count: check.unknown.length })} data-testid="merge-unknown">
          <Text size="sm" mb={4}>
            {t('io.merge.unknownHelp')}
          </Text>
          <List size="sm">
            {check.placeholders
              .filter((p) => !p.known)
              .map((p) => (
                <List.Item key={p.name}>{t('io.merge.unknownItem', { name: p.written[0] ?? p.name, parts: [...new Set(p.parts.map(partKind))].map((x) => t(`io.merge.part.${x}`)).join(', ') })}</List.Item>
              ))}
          </List>
        </Alert>
      )}
      {check.unsupportedFields.length > 0 && (
        <Alert color="yellow" title={t('io.merge.unsupportedTitle')} data-testid="merge-unsupported">
          <List size="sm">
            {check.unsupportedFields.map((f, i) => (
              <List.Item key={i}>
                <Text span ff="monospace" size="sm">
                  {f.instruction}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {check.emptyFields.length > 0 ? (
        <Alert color="yellow" title={t('io.merge.emptyTitle', { count: check.emptyFields.length })} data-testid="merge-empty">
          <Text size="sm" mb={4}>
            {t('io.merge.emptyHelp')}
          </Text>
          <ScrollArea.Autosize mah={240}>
            <Table verticalSpacing={2}>
              <Table.Tbody>
                {check.emptyFields.map((r) => (
                  <Table.Tr key={r.relationId} data-testid="merge-empty-row">
                    <Table.Td w={80}>{r.number}</Table.Td>
                    <Table.Td>{r.displayName}</Table.Td>
                    <Table.Td>{r.fields.map((f) => `{${f}}`).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Alert>
      ) : (
        check.recipients > 0 && (
          <Text size="sm" c="teal.8">
            {t('io.merge.noEmpty')}
          </Text>
        )
      )}
    </Stack>
  );
}

import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../shared/contract';
import { RelationTypeEditor } from './editors/RelationTypeEditor';
import { KindEditor } from './editors/KindEditor';
import { AgeEditor } from './editors/AgeEditor';
import { BirthDateEditor } from './editors/BirthDateEditor';
import { GenderEditor } from './editors/GenderEditor';
import { AddressEditor } from './editors/AddressEditor';
import { GroupMemberEditor } from './editors/GroupMemberEditor';
import { LinkEditor } from './editors/LinkEditor';
import { TagEditor } from './editors/TagEditor';
import { CustomFieldEditor } from './editors/CustomFieldEditor';
import { SelectionEditor } from './editors/SelectionEditor';
import { DurationEditor } from './editors/DurationEditor';
import { SubscriptionEditor } from './editors/SubscriptionEditor';
import { DataSignalEditor } from './editors/DataSignalEditor';
import { MembershipEditor } from './editors/MembershipEditor';
import { ContributionAmountEditor, OpenInvoicesEditor, PaymentMethodEditor } from './editors/FinanceEditors';

interface Props {
  value: Condition;
  onChange: (next: Condition) => void;
}

/** The inputs of one atom, chosen by its type. Groups and NIET are handled by the row. */
export function AtomEditor({ value, onChange }: Props) {
  const { t } = useTranslation();
  switch (value.type) {
    case 'relationType':
      return <RelationTypeEditor value={value} onChange={onChange} />;
    case 'kind':
      return <KindEditor value={value} onChange={onChange} />;
    case 'age':
      return <AgeEditor value={value} onChange={onChange} />;
    case 'birthDate':
      return <BirthDateEditor value={value} onChange={onChange} />;
    case 'gender':
      return <GenderEditor value={value} onChange={onChange} />;
    case 'alive':
      return (
        <Text size="sm" c="dimmed" mt={6}>
          {t('conditions.atom.aliveHint')}
        </Text>
      );
    case 'address':
      return <AddressEditor value={value} onChange={onChange} />;
    case 'groupMember':
      return <GroupMemberEditor value={value} onChange={onChange} />;
    case 'link':
      return <LinkEditor value={value} onChange={onChange} />;
    case 'tag':
      return <TagEditor value={value} onChange={onChange} />;
    case 'customField':
      return <CustomFieldEditor value={value} onChange={onChange} />;
    case 'selection':
      return <SelectionEditor value={value} onChange={onChange} />;
    case 'duration':
      return <DurationEditor value={value} onChange={onChange} />;
    case 'subscription':
      return <SubscriptionEditor value={value} onChange={onChange} />;
    case 'membership':
      return <MembershipEditor value={value} onChange={onChange} />;
    case 'paymentMethod':
      return <PaymentMethodEditor value={value} onChange={onChange} />;
    case 'openInvoices':
      return <OpenInvoicesEditor value={value} onChange={onChange} />;
    case 'contributionAmount':
      return <ContributionAmountEditor value={value} onChange={onChange} />;
    case 'birthday':
      return (
        <Text size="sm" c="dimmed" mt={6}>
          {t('conditions.atom.birthdayHint')}
        </Text>
      );
    case 'dataSignal':
      return <DataSignalEditor value={value} onChange={onChange} />;
    default:
      return null;
  }
}

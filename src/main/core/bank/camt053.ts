import { normalizeIban } from '../../../shared/dutch/iban';
import { amountToCents, badStatement, fillContentRefs, realRef, type ParsedStatement, type StatementEntry, type StatementTransaction } from './statement';
import { child, children, parseXmlTree, textAt, type XmlElement } from './xml-tree';

/**
 * CAMT.053 (BankToCustomerStatement), ISO 20022 camt.053.001.02 as the Dutch banks send it
 * (ING, Rabobank, ABN AMRO format descriptions), and the 2019 versions (.08) whose party
 * names sit one level deeper (Dbtr/Pty/Nm). Per entry: amount and sign, booking and value
 * date, AcctSvcrRef (the bank's reference, which keeps a re-import from adding twice), bank
 * transaction code, batch (NtryDtls/Btch) and per-transaction references, parties,
 * remittance (Ustrd, Strd/CdtrRefInf/Ref) and return information (RtrInf/Rsn/Cd).
 */
export function parseCamt053(xml: string): ParsedStatement {
  const tree = parseXmlTree(xml);
  if ('problem' in tree) throw badStatement('BANK_XML_BROKEN', { line: tree.line, problem: tree.problem });
  const doc = tree.root;
  const ns = doc.ns;
  const kind = /camt\.(\d{3})/u.exec(ns)?.[1] ?? null;
  if (doc.name !== 'Document' || !child(doc, 'BkToCstmrStmt')) {
    const what = /pain\.(\d{3})/u.exec(ns)?.[0] ?? (kind ? `camt.${kind}` : doc.name);
    throw badStatement('BANK_NOT_A_STATEMENT', { found: what });
  }
  const stmts = children(child(doc, 'BkToCstmrStmt'), 'Stmt');
  if (stmts.length === 0) throw badStatement('BANK_NO_STATEMENT');
  const ibans = new Set(stmts.map((s) => textAt(s, 'Acct/Id/IBAN')));
  if (ibans.has(null)) throw badStatement('BANK_NO_ACCOUNT');
  if (ibans.size > 1) throw badStatement('BANK_SEVERAL_ACCOUNTS', { accounts: [...ibans].join(', ') });
  const entries: (Omit<StatementEntry, 'bankRef'> & { bankRef: string | null })[] = [];
  let opening: number | null = null;
  let closing: number | null = null;
  const dates: string[] = [];
  stmts.forEach((stmt, si) => {
    for (const bal of children(stmt, 'Bal')) {
      const code = textAt(bal, 'Tp/CdOrPrtry/Cd');
      const cents = signed(bal, 'Amt');
      if ((code === 'OPBD' || code === 'PRCD') && si === 0 && opening === null) opening = cents;
      if (code === 'CLBD') closing = cents;
    }
    const from = textAt(stmt, 'FrToDt/FrDtTm')?.slice(0, 10);
    const to = textAt(stmt, 'FrToDt/ToDtTm')?.slice(0, 10);
    if (from) dates.push(from);
    if (to) dates.push(to);
    children(stmt, 'Ntry').forEach((ntry, n) => entries.push(readEntry(ntry, `Stmt ${si + 1}, Ntry ${n + 1}`)));
  });
  for (const e of entries) dates.push(e.bookingDate);
  dates.sort();
  return {
    format: 'camt053',
    dialect: 'iso',
    accountIban: normalizeIban([...ibans][0]!),
    statementRef: stmts.map((s) => textAt(s, 'Id')).filter(Boolean).join(', ') || null,
    fromDate: dates[0] ?? null,
    toDate: dates.at(-1) ?? null,
    openingCents: opening,
    closingCents: closing,
    entries: fillContentRefs(entries),
  };
}

function signed(el: XmlElement, amtPath: string): number | null {
  const raw = textAt(el, amtPath);
  const cents = raw === null ? null : amountToCents(raw);
  if (cents === null) return null;
  return textAt(el, 'CdtDbtInd') === 'DBIT' ? -cents : cents;
}

const dateOf = (el: XmlElement | undefined) => (textAt(el, 'Dt') ?? textAt(el, 'DtTm'))?.slice(0, 10) ?? null;

/** Dbtr/Nm (2009) or Dbtr/Pty/Nm (2019). */
function partyName(parties: XmlElement | undefined, role: 'Dbtr' | 'Cdtr'): string | null {
  return textAt(parties, `${role}/Nm`) ?? textAt(parties, `${role}/Pty/Nm`);
}

function remittanceOf(tx: XmlElement | undefined): { text: string | null; structured: string | null } {
  const rmt = child(tx, 'RmtInf');
  const text = children(rmt, 'Ustrd')
    .map((u) => u.text.trim())
    .filter(Boolean)
    .join(' ');
  let structured: string | null = null;
  for (const s of children(rmt, 'Strd')) structured ??= textAt(s, 'CdtrRefInf/Ref');
  return { text: text || null, structured };
}

function readTransaction(tx: XmlElement, credit: boolean): StatementTransaction & { pmtInfId: string | null } {
  const parties = child(tx, 'RltdPties');
  // The other party: who paid us on a credit; on a debit the creditor, or the original debtor of a returned collection.
  const name = credit ? partyName(parties, 'Dbtr') : (partyName(parties, 'Cdtr') ?? partyName(parties, 'Dbtr'));
  const iban = credit ? textAt(parties, 'DbtrAcct/Id/IBAN') : (textAt(parties, 'CdtrAcct/Id/IBAN') ?? textAt(parties, 'DbtrAcct/Id/IBAN'));
  const amount = textAt(tx, 'AmtDtls/TxAmt/Amt') ?? textAt(tx, 'Amt');
  const rmt = remittanceOf(tx);
  return {
    amountCents: amount === null ? 0 : (amountToCents(amount) ?? 0),
    endToEndId: realRef(textAt(tx, 'Refs/EndToEndId')),
    mandateRef: realRef(textAt(tx, 'Refs/MndtId')),
    pmtInfId: realRef(textAt(tx, 'Refs/PmtInfId')),
    bankRef: realRef(textAt(tx, 'Refs/AcctSvcrRef')),
    counterpartyName: name,
    counterpartyIban: iban ? normalizeIban(iban) : null,
    remittance: rmt.text ?? textAt(tx, 'AddtlTxInf'),
    structuredRef: rmt.structured,
    returnCode: textAt(tx, 'RtrInf/Rsn/Cd') ?? textAt(tx, 'RtrInf/Rsn/Prtry'),
    returnText: children(child(tx, 'RtrInf'), 'AddtlInf')
      .map((a) => a.text.trim())
      .filter(Boolean)
      .join(' ') || null,
  };
}

function readEntry(ntry: XmlElement, where: string): Omit<StatementEntry, 'bankRef'> & { bankRef: string | null } {
  const cents = signed(ntry, 'Amt');
  const bookingDate = dateOf(child(ntry, 'BookgDt')) ?? dateOf(child(ntry, 'ValDt'));
  if (cents === null) throw badStatement('BANK_ENTRY_NO_AMOUNT', { where });
  if (!bookingDate) throw badStatement('BANK_ENTRY_NO_DATE', { where });
  const credit = cents >= 0;
  const dtls = child(ntry, 'NtryDtls');
  const btch = child(dtls, 'Btch');
  const txs = children(dtls, 'TxDtls').map((t) => readTransaction(t, credit));
  const code = [textAt(ntry, 'BkTxCd/Domn/Cd'), textAt(ntry, 'BkTxCd/Domn/Fmly/Cd'), textAt(ntry, 'BkTxCd/Domn/Fmly/SubFmlyCd')].filter(Boolean).join('/');
  const batchCount = btch ? Number(textAt(btch, 'NbOfTxs') ?? txs.length) : txs.length > 1 ? txs.length : null;
  const single = batchCount === null || batchCount <= 1 ? txs[0] : undefined;
  const pmtInfId = realRef(textAt(btch, 'PmtInfId')) ?? (batchCount !== null && batchCount > 1 ? (txs[0]?.pmtInfId ?? null) : (single?.pmtInfId ?? null));
  return {
    bankRef: realRef(textAt(ntry, 'AcctSvcrRef')) ?? realRef(textAt(ntry, 'NtryRef')),
    bookingDate,
    valueDate: dateOf(child(ntry, 'ValDt')),
    amountCents: cents,
    reversal: textAt(ntry, 'RvslInd') === 'true',
    bankTxCode: code || textAt(ntry, 'BkTxCd/Prtry/Cd'),
    counterpartyName: single?.counterpartyName ?? null,
    counterpartyIban: single?.counterpartyIban ?? null,
    endToEndId: single?.endToEndId ?? null,
    mandateRef: single?.mandateRef ?? null,
    pmtInfId,
    structuredRef: single?.structuredRef ?? null,
    remittance: single?.remittance ?? textAt(ntry, 'AddtlNtryInf'),
    returnCode: single?.returnCode ?? null,
    returnText: single?.returnText ?? null,
    batchCount: batchCount !== null && batchCount > 1 ? batchCount : btch ? batchCount : null,
    transactions: txs.length > 1 ? txs.map(({ pmtInfId: _p, ...t }) => t) : [],
  };
}

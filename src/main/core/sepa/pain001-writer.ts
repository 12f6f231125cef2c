import { account, agent, amount, esc, type Party } from './sepa-xml';
import { sumCents } from './pain008-writer';

/**
 * Writes a SEPA credit transfer, pain.001.001.03 (ISO 2009) or .09 (ISO 2019): the refunds
 * of overpayments and credit notes. One payment-information block (one execution date).
 */
export interface Transfer {
  endToEndId: string;
  amountCents: number;
  creditor: Party;
  remittance: string;
}

export interface TransferMessage {
  version: '03' | '09';
  msgId: string;
  createdAt: string;
  debtor: Party;
  pmtInfId: string;
  date: string;
  transfers: Transfer[];
}

export function writePain001(m: TransferMessage): string {
  const v2019 = m.version === '09';
  const bicTag = v2019 ? 'BICFI' : 'BIC';
  const total = amount(sumCents(m.transfers));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.${m.version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<CstmrCdtTrfInitn>\n`,
    `<GrpHdr><MsgId>${esc(m.msgId)}</MsgId><CreDtTm>${m.createdAt}</CreDtTm><NbOfTxs>${m.transfers.length}</NbOfTxs><CtrlSum>${total}</CtrlSum>`,
    `<InitgPty><Nm>${esc(m.debtor.name)}</Nm></InitgPty></GrpHdr>\n`,
    `<PmtInf><PmtInfId>${esc(m.pmtInfId)}</PmtInfId><PmtMtd>TRF</PmtMtd><BtchBookg>false</BtchBookg><NbOfTxs>${m.transfers.length}</NbOfTxs><CtrlSum>${total}</CtrlSum>`,
    `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>`,
    v2019 ? `<ReqdExctnDt><Dt>${m.date}</Dt></ReqdExctnDt>` : `<ReqdExctnDt>${m.date}</ReqdExctnDt>`,
    `<Dbtr><Nm>${esc(m.debtor.name)}</Nm></Dbtr><DbtrAcct>${account(m.debtor.iban)}</DbtrAcct><DbtrAgt>${agent(m.debtor.bic, bicTag)}</DbtrAgt><ChrgBr>SLEV</ChrgBr>\n`,
  ];
  for (const t of m.transfers) {
    out.push(
      `<CdtTrfTxInf><PmtId><EndToEndId>${esc(t.endToEndId)}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">${amount(t.amountCents)}</InstdAmt></Amt>`,
      t.creditor.bic ? `<CdtrAgt>${agent(t.creditor.bic, bicTag)}</CdtrAgt>` : '',
      `<Cdtr><Nm>${esc(t.creditor.name)}</Nm></Cdtr><CdtrAcct>${account(t.creditor.iban)}</CdtrAcct><RmtInf><Ustrd>${esc(t.remittance)}</Ustrd></RmtInf></CdtTrfTxInf>\n`,
    );
  }
  out.push('</PmtInf>\n</CstmrCdtTrfInitn>\n</Document>\n');
  return out.join('');
}

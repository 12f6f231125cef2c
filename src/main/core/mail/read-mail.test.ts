import { describe, expect, it } from 'vitest';
import { makeMsg } from '../../../../test/support/mail/make-msg';
import { isMsg, readMail } from './read-mail';

describe('reading an Outlook .msg', () => {
  const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n% formulier\n'));
  const msg = makeMsg({
    subject: 'Opzegging lidmaatschap per 1 januari',
    senderName: 'Zoë van Dijk',
    senderSmtp: 'Zoe.vanDijk@Example.nl',
    to: ['ledenadministratie@vereniging.nl', 'secretaris@vereniging.nl'],
    body: 'Beste secretaris,\r\n\r\nIk zeg mijn lidmaatschap op per 1 januari 2027.\r\n\r\nMet vriendelijke groet,\r\nZoë',
    sentAt: new Date('2026-11-19T19:14:00Z'),
    attachments: [{ fileName: 'opzegformulier.pdf', mimeType: 'application/pdf', content: pdf }],
  });

  it('is told apart from an .eml by its content', () => {
    expect(isMsg(msg)).toBe(true);
    expect(isMsg(new TextEncoder().encode('From: a@b.nl\r\n\r\nhoi'))).toBe(false);
  });

  it('gives sender, recipients, subject, date, body and attachments', async () => {
    const mail = await readMail(msg);
    expect(mail).toMatchObject({
      format: 'msg',
      from: 'zoe.vandijk@example.nl',
      fromName: 'Zoë van Dijk',
      to: ['ledenadministratie@vereniging.nl', 'secretaris@vereniging.nl'],
      subject: 'Opzegging lidmaatschap per 1 januari',
      date: '2026-11-19',
    });
    expect(mail.text).toContain('Ik zeg mijn lidmaatschap op per 1 januari 2027.');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ fileName: 'opzegformulier.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(mail.attachments[0]!.content).toString()).toBe('%PDF-1.4\n% formulier\n');
  });

  it('refuses a damaged compound file with MAIL_UNREADABLE', async () => {
    const cut = msg.slice(0, 700);
    await expect(readMail(cut)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'file', code: 'MAIL_UNREADABLE' }] });
  });
});

-- One association setting (issue 11): the name, address, IBAN, BIC and e-mail were kept twice,
-- as the invoicing sender ('contributions.invoicing' $.sender) and in the SEPA creditor
-- settings ('sepa.creditor' $.name, $.iban, $.bic). Both are folded into 'association'.
-- When both are set, the SEPA creditor's name, IBAN and BIC win (the account the bank
-- contract and the Incassant-ID belong to, validated as a bank file requires; the BIC goes
-- with the IBAN it came with); the address lines and e-mail come from the invoicing sender
-- (SEPA has none), and its name and IBAN are used when there is no SEPA creditor.
INSERT INTO settings (key, value)
SELECT 'association', json_object(
    'name', coalesce(json_extract(c.value, '$.name'), json_extract(i.value, '$.sender.name')),
    'addressLines', json(coalesce(json_extract(i.value, '$.sender.addressLines'), '[]')),
    'iban', coalesce(json_extract(c.value, '$.iban'), json_extract(i.value, '$.sender.iban')),
    'bic', CASE WHEN json_extract(c.value, '$.iban') IS NOT NULL THEN json_extract(c.value, '$.bic') ELSE json_extract(i.value, '$.sender.bic') END,
    'email', json_extract(i.value, '$.sender.email'))
  FROM (SELECT 1) LEFT JOIN settings c ON c.key = 'sepa.creditor' AND json_valid(c.value)
                  LEFT JOIN settings i ON i.key = 'contributions.invoicing' AND json_valid(i.value)
 WHERE (c.key IS NOT NULL OR i.key IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'association');
--> statement-breakpoint
UPDATE settings SET value = json_remove(value, '$.name', '$.iban', '$.bic') WHERE key = 'sepa.creditor' AND json_valid(value);
--> statement-breakpoint
UPDATE settings SET value = json_remove(value, '$.sender') WHERE key = 'contributions.invoicing' AND json_valid(value);

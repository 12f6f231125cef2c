-- Compact history (issue 10 item 7): row images of inserts and deletes lose their null fields
-- and their id (the audit row's record_id), as the audit triggers now write them. Lossless: an
-- absent field was null (db/row-image.ts), an id that differs from record_id is kept, and
-- JSON true/false/objects/arrays keep their JSON type.
UPDATE audit_log SET new_value = (
  SELECT json_group_object(key, CASE type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') WHEN 'object' THEN json(value) WHEN 'array' THEN json(value) ELSE value END)
    FROM json_each(audit_log.new_value)
   WHERE type <> 'null' AND NOT (key = 'id' AND value IS audit_log.record_id))
 WHERE action = 'insert' AND json_valid(new_value) AND json_type(new_value) = 'object';
--> statement-breakpoint
UPDATE audit_log SET old_value = (
  SELECT json_group_object(key, CASE type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') WHEN 'object' THEN json(value) WHEN 'array' THEN json(value) ELSE value END)
    FROM json_each(audit_log.old_value)
   WHERE type <> 'null' AND NOT (key = 'id' AND value IS audit_log.record_id))
 WHERE action = 'delete' AND json_valid(old_value) AND json_type(old_value) = 'object';

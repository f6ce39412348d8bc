-- AddEmailToUsers (primary database): a second migration on an existing table.
ALTER TABLE users ADD COLUMN email VARCHAR(255);

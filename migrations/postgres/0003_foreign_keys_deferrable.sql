-- Every foreign key may be checked at the end of its transaction when a transaction asks
-- (SET CONSTRAINTS ALL DEFERRED): `yswd copy` loads a whole record, ids as they were, and a decision
-- may name a parent decision with a later id. Checks stay immediate for every other write.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT conrelid::regclass AS tablename, conname
        FROM pg_constraint
        WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', fk.tablename, fk.conname);
    END LOOP;
END $$;

-- PostgreSQL's planner statistics (pg_statistic) keep sample values of each column: a participant's
-- email or words could stay there after they are erased. Columns that hold what participants said,
-- their contact details or anything made from them are never sampled.
ALTER TABLE participantContact ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE participantContact ALTER COLUMN salutation SET STATISTICS 0;
ALTER TABLE participantContact ALTER COLUMN email SET STATISTICS 0;
ALTER TABLE participantContact ALTER COLUMN phone SET STATISTICS 0;
ALTER TABLE participantContact ALTER COLUMN address SET STATISTICS 0;
ALTER TABLE contactKey ALTER COLUMN key SET STATISTICS 0;
ALTER TABLE contribution ALTER COLUMN text SET STATISTICS 0;
ALTER TABLE history ALTER COLUMN before SET STATISTICS 0;
ALTER TABLE history ALTER COLUMN after SET STATISTICS 0;
ALTER TABLE importUpload ALTER COLUMN content SET STATISTICS 0;
ALTER TABLE importUpload ALTER COLUMN fileName SET STATISTICS 0;
ALTER TABLE formDraft ALTER COLUMN fields SET STATISTICS 0;
ALTER TABLE publishedQuote ALTER COLUMN published SET STATISTICS 0;
ALTER TABLE publishedQuote ALTER COLUMN redacted SET STATISTICS 0;
ALTER TABLE publishedUpdate ALTER COLUMN content SET STATISTICS 0;
ALTER TABLE publishedUpdate ALTER COLUMN data SET STATISTICS 0;
ALTER TABLE updateRendition ALTER COLUMN content SET STATISTICS 0;
ALTER TABLE chosenQuote ALTER COLUMN chosenAt SET STATISTICS 0;

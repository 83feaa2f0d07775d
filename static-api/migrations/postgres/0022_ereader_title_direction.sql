-- The direction of a title as its book's package gives it (`dir` on the title, else on
-- the package): `ltr`, `rtl` or `auto` (not given: the browser takes it from the
-- text). Titles added before keep `auto`.
ALTER TABLE ereader_titles ADD COLUMN title_direction TEXT NOT NULL DEFAULT 'auto';

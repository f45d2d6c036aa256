-- Parquet, second read: only the rows of registered persons, through a semi join that DuckDB turns into a Bloom filter
-- on the scan, then the period rule on those few rows (about 1.5% of them).
CREATE OR REPLACE TEMP TABLE doelgroep_rijen AS
SELECT v.loonheffingennummer AS lhnr, v.vorm, v.persoon, v.periode_begin, v.periode_einde, v.uren
FROM verloning v SEMI JOIN reg_persoon r ON v.persoon = r.persoon
WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde;
CREATE OR REPLACE TEMP TABLE uren_doelgroep AS
SELECT t.lhnr, t.vorm, t.persoon AS dg_persoon, t.periode_begin >= $laatstemaand AS eind{{month_key}}, sum(t.uren) AS uren
FROM doelgroep_rijen t JOIN reg_persoon r ON t.persoon = r.persoon
WHERE {{period_rule}}
GROUP BY ALL;
DROP TABLE doelgroep_rijen;

-- CSV, read once (parsing is the cost): every row joined to the register, grouped by employer, form, target-group
-- person (NULL when not registered in that period) and whether the period is the year's last month; a row failing the
-- check lands in a group whose eind is NULL. The two tables of the Parquet path are derived from it.
CREATE OR REPLACE TEMP TABLE uren_agg AS
SELECT v.loonheffingennummer AS lhnr, v.vorm,
  CASE WHEN {{period_rule}} THEN v.persoon END AS dg_persoon,
  CASE WHEN NOT ({{row_check}}) THEN v.periode_begin >= $laatstemaand END AS eind{{month_key}},
  sum(v.uren) AS uren{{row_count}}
FROM verloning v LEFT JOIN reg_persoon r ON v.persoon = r.persoon
WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde {{without_period_start}}
GROUP BY ALL;
CREATE OR REPLACE TEMP TABLE uren_werkgever AS
SELECT lhnr, vorm, sum(uren) AS uren, count(*) FILTER (eind IS NULL) AS fout{{row_count_sum}}
FROM uren_agg GROUP BY lhnr, vorm;
CREATE OR REPLACE TEMP TABLE uren_doelgroep AS
SELECT lhnr, vorm, dg_persoon, eind{{month_column}}, uren FROM uren_agg WHERE dg_persoon IS NOT NULL AND eind IS NOT NULL;
DROP TABLE uren_agg;

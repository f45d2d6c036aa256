-- Parquet, first read: the totals per employer and form, without a join; rows failing the row check are counted per
-- group (fout). The second read (target_rows.sql) runs after the validation.
CREATE OR REPLACE TEMP TABLE uren_werkgever AS
SELECT v.loonheffingennummer AS lhnr, v.vorm, sum(v.uren) AS uren, count(*) FILTER ({{row_check}}) AS fout{{row_count}}
FROM verloning v
WHERE v.periode_begin BETWEEN $jaarbegin AND $jaareinde {{without_period_start}}
GROUP BY ALL

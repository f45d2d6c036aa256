-- The same answer in PostgreSQL (peer of the benchmark); placeholders ${...} filled by run.sh.
SET work_mem = '1GB';
SET max_parallel_workers_per_gather = 2;
-- Work tables are UNLOGGED, not TEMP: a query reading a temp table cannot run in parallel workers.
DROP TABLE IF EXISTS reg, tot, rijen, dg, att, hand_quotum, hand_meting;
-- Register: per person the hull of the intervals touching the year; the multirange only for persons with several.
CREATE UNLOGGED TABLE reg AS
SELECT persoon, min(begindatum) AS b, max(coalesce(einddatum, DATE '9999-12-31')) AS e,
  CASE WHEN count(*) > 1 THEN range_agg(daterange(begindatum, coalesce(einddatum, DATE '9999-12-31'), '[]')) END AS iv
FROM doelgroepregister
WHERE begindatum <= DATE '${jaareinde}' AND (einddatum IS NULL OR einddatum >= DATE '${jaarbegin}')
GROUP BY persoon;
ANALYZE reg;
-- The same two reads of the payroll as the hand-written DuckDB SQL: totals per employer and form, then the rows of
-- registered persons (a semi join) with the period rule.
CREATE UNLOGGED TABLE tot AS
SELECT loonheffingennummer AS lhnr, vorm, sum(uren) AS uren
FROM verloning
WHERE periode_begin BETWEEN DATE '${jaarbegin}' AND DATE '${jaareinde}'
GROUP BY 1, 2;
CREATE UNLOGGED TABLE rijen AS
SELECT v.loonheffingennummer AS lhnr, v.vorm, v.persoon, v.periode_begin, v.periode_einde, v.uren
FROM verloning v
WHERE v.periode_begin BETWEEN DATE '${jaarbegin}' AND DATE '${jaareinde}' AND EXISTS (SELECT 1 FROM reg r WHERE r.persoon = v.persoon);
ANALYZE rijen;
CREATE UNLOGGED TABLE dg AS
SELECT t.lhnr, t.vorm, t.persoon AS dg, t.periode_begin >= DATE '${laatstemaand}' AS eind, sum(t.uren) AS uren
FROM rijen t JOIN reg r ON t.persoon = r.persoon
WHERE r.b <= t.periode_einde AND r.e >= t.periode_begin
  AND (r.iv IS NULL OR r.iv && daterange(t.periode_begin, t.periode_einde, '[]'))
GROUP BY 1, 2, 3, 4;
ANALYZE dg;
CREATE UNLOGGED TABLE att AS
WITH ph AS (SELECT lhnr, dg AS persoon, sum(uren) AS uren FROM dg GROUP BY 1, 2),
t AS (SELECT t.uitlener, t.inlener, least(t.uren, coalesce(ph.uren, 0)) AS h
      FROM toerekeningen t LEFT JOIN ph ON ph.lhnr = t.uitlener AND ph.persoon = t.persoon
      WHERE t.overeengekomen_op < DATE '${uiterstedatum}')
SELECT lhnr, sum(plus) AS plus, sum(min) AS min FROM (
  SELECT inlener AS lhnr, h AS plus, 0 AS min FROM t UNION ALL SELECT uitlener, 0, h FROM t) x GROUP BY lhnr;
CREATE UNLOGGED TABLE hand_quotum AS
WITH e AS (
  SELECT t.lhnr, t.totaal, t.uitzend, coalesce(d.c, 0) AS c
  FROM (SELECT lhnr, sum(uren) AS totaal, coalesce(sum(uren) FILTER (WHERE vorm = 'uitzending'), 0) AS uitzend FROM tot GROUP BY lhnr) t
  LEFT JOIN (SELECT lhnr, sum(uren) AS c FROM dg GROUP BY lhnr) d ON d.lhnr = t.lhnr),
w AS (
  SELECT w.loonheffingennummer AS lhnr, w.sector IN ('61','62','63','64','65','66') AS overheid,
    greatest(0, coalesce(e.totaal, 0) - coalesce(e.uitzend, 0)) AS a, coalesce(e.c, 0) AS c0,
    greatest(0, coalesce(e.c, 0) + coalesce(att.plus, 0) - coalesce(att.min, 0)) AS c1,
    coalesce(p.verloonde_uren, 0) AS vorig
  FROM werkgevers w
  LEFT JOIN e ON e.lhnr = w.loonheffingennummer
  LEFT JOIN att ON att.lhnr = w.loonheffingennummer
  LEFT JOIN vorig_jaar p ON p.loonheffingennummer = w.loonheffingennummer),
q AS (
  SELECT *, NOT overheid OR a < ${drempel} OR vorig < ${drempel} AS vrij,
    div(floor(a * 100) * ${quotumbp}, 10000) AS axb_cent, div(floor(c1 * 100), 1) AS c_cent
  FROM w)
SELECT lhnr AS loonheffingennummer, floor(a * 100) AS a_cent,
  CASE WHEN vrij THEN NULL ELSE div(axb_cent, ${d} * 10) END AS vereiste_tiende,
  CASE WHEN vrij THEN floor(c0 * 10 / ${d}) ELSE div(c_cent, ${d} * 10) END AS gerealiseerd_tiende,
  CASE WHEN vrij THEN 0 ELSE greatest(0, floor((axb_cent - c_cent) / (${d} * 10.0))) END AS tekort_tiende,
  vrij AS vrijgesteld
FROM q;
CREATE UNLOGGED TABLE hand_meting AS
SELECT w.sector, a.vorm, sum(a.uren) AS uren, count(DISTINCT a.dg) AS personen, count(*) AS relaties
FROM dg a JOIN werkgevers w ON a.lhnr = w.loonheffingennummer
WHERE a.eind GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS werkgevers, sum(tekort_tiende) AS tekort_tiende FROM hand_quotum;

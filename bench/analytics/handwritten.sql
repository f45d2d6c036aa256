-- Hand-written DuckDB SQL for the same answer as `banenmonitor landelijk` (the peer of the benchmark).
-- Exact legal rounding in integer cents/tenths. Placeholders ${...} are filled by the runner from the ParameterSet.
-- Register: per person the hull of the intervals touching the year, and the intervals themselves only for the few
-- persons with more than one (measured faster than a list per person: the common case is two date comparisons).
CREATE TEMP TABLE reg AS
SELECT persoon, min(begindatum) AS b, max(coalesce(einddatum, DATE '9999-12-31')) AS e,
  CASE WHEN count(*) > 1 THEN list({'b': begindatum, 'e': coalesce(einddatum, DATE '9999-12-31')}) END AS iv
FROM read_parquet('${dir}/doelgroepregister.parquet')
WHERE begindatum <= DATE '${jaareinde}' AND (einddatum IS NULL OR einddatum >= DATE '${jaarbegin}')
GROUP BY persoon;
CREATE TEMP TABLE agg AS
SELECT v.loonheffingennummer AS lhnr, v.vorm,
  CASE WHEN r.b <= v.periode_einde AND r.e >= v.periode_begin
        AND (r.iv IS NULL OR len(list_filter(r.iv, x -> x.b <= v.periode_einde AND x.e >= v.periode_begin)) > 0)
       THEN v.persoon END AS dg,
  v.periode_begin >= DATE '${laatstemaand}' AS eind, sum(v.uren) AS uren
FROM read_parquet('${dir}/verloning.parquet') v LEFT JOIN reg r ON v.persoon = r.persoon
WHERE v.periode_begin BETWEEN DATE '${jaarbegin}' AND DATE '${jaareinde}'
GROUP BY ALL;
CREATE TEMP TABLE att AS
WITH ph AS (SELECT lhnr, dg AS persoon, sum(uren) AS uren FROM agg WHERE dg IS NOT NULL GROUP BY ALL),
t AS (SELECT t.uitlener, t.inlener, least(t.uren, coalesce(ph.uren, 0)) AS h
      FROM read_parquet('${dir}/toerekeningen.parquet') t LEFT JOIN ph ON ph.lhnr = t.uitlener AND ph.persoon = t.persoon
      WHERE t.overeengekomen_op < DATE '${uiterstedatum}')
SELECT lhnr, sum(plus) AS plus, sum(min) AS min FROM (
  SELECT inlener AS lhnr, h AS plus, 0 AS min FROM t UNION ALL SELECT uitlener, 0, h FROM t) GROUP BY lhnr;
COPY (
WITH e AS (
  SELECT lhnr, sum(uren) AS totaal, coalesce(sum(uren) FILTER (vorm = 'uitzending'), 0) AS uitzend,
         coalesce(sum(uren) FILTER (dg IS NOT NULL), 0) AS c
  FROM agg GROUP BY lhnr),
w AS (
  SELECT w.loonheffingennummer AS lhnr, w.sector IN ('61','62','63','64','65','66') AS overheid,
    greatest(0, coalesce(e.totaal, 0) - coalesce(e.uitzend, 0)) AS a, coalesce(e.c, 0) AS c0,
    greatest(0, coalesce(e.c, 0) + coalesce(att.plus, 0) - coalesce(att.min, 0)) AS c1,
    coalesce(p.verloonde_uren, 0) AS vorig
  FROM read_parquet('${dir}/werkgevers.parquet') w
  LEFT JOIN e ON e.lhnr = w.loonheffingennummer
  LEFT JOIN att ON att.lhnr = w.loonheffingennummer
  LEFT JOIN read_parquet('${dir}/vorig_jaar.parquet') p ON p.loonheffingennummer = w.loonheffingennummer),
q AS (
  SELECT *, NOT overheid OR a < ${drempel} OR vorig < ${drempel} AS vrij,
    (floor(a * 100)::HUGEINT * ${quotumbp}) // 10000 AS axb_cent,
    (c1 * 10000)::HUGEINT // 100 AS c_cent
  FROM w)
SELECT lhnr AS loonheffingennummer, floor(a * 100)::HUGEINT AS a_cent,
  CASE WHEN vrij THEN NULL ELSE axb_cent // (${d} * 10) END AS vereiste_tiende,
  CASE WHEN vrij THEN (c0 * 10000)::HUGEINT * 10 // (${d} * 10000) ELSE c_cent // (${d} * 10) END AS gerealiseerd_tiende,
  CASE WHEN vrij THEN 0 ELSE greatest(0, (axb_cent - c_cent) // (${d} * 10)) END AS tekort_tiende,
  CASE WHEN vrij THEN 0 ELSE greatest(0, (axb_cent - c_cent) // (${d} * 10)) * ${heffing} * 10 END AS heffing_cent,
  vrij AS vrijgesteld
FROM q) TO '${uit}/hand_quotum.parquet' (FORMAT parquet);
COPY (
SELECT w.sector, a.vorm, sum(a.uren) AS uren, count(DISTINCT a.dg) AS personen, count(*) AS relaties
FROM agg a JOIN read_parquet('${dir}/werkgevers.parquet') w ON a.lhnr = w.loonheffingennummer
WHERE a.dg IS NOT NULL AND a.eind GROUP BY ALL ORDER BY ALL) TO '${uit}/hand_meting.csv' (HEADER true);

-- Register intervals per person (reg_persoon). Period rule (Wfsv art. 38g lid 8): a period counts when the person was
-- registered at any moment of it. Per registered person the hull [b, e] of the intervals that touch the year and, only
-- for persons with more than one interval, the list of intervals (measured: 10-20% faster at 120M rows than a list per person).
CREATE OR REPLACE TEMP TABLE reg_persoon AS
SELECT persoon, min(begindatum) AS b, max(coalesce(einddatum, DATE '9999-12-31')) AS e,
  CASE WHEN count(*) > 1 THEN list({'b': begindatum, 'e': coalesce(einddatum, DATE '9999-12-31')}) END AS iv
FROM doelgroepregister
WHERE begindatum <= $jaareinde AND (einddatum IS NULL OR einddatum >= $jaarbegin) AND persoon IS NOT NULL
GROUP BY persoon

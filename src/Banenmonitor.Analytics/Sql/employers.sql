-- Employer inputs, one row per employer (werkgever_invoer); its rowid, dense from 0, is the employer's position, by
-- which the attributions are looked up and the outcomes stored. Hours are exact DECIMAL(18,4) (input hours have at most
-- 4 decimals, checked when the views are made): narrowing the DECIMAL(38,s) sums is cheap where multiplying them into
-- whole ten-thousandths is not (measured: about 0.3 s for 450,000 employers).
CREATE OR REPLACE TABLE werkgever_invoer AS
WITH a AS (
  SELECT lhnr, sum(uren) AS verloonde_uren,
    coalesce(sum(uren) FILTER (vorm = 'uitzending'), 0) AS uren_uitzendkrachten
  FROM uren_werkgever GROUP BY lhnr),
d AS (SELECT lhnr, sum(uren) AS uren_doelgroep FROM uren_doelgroep GROUP BY lhnr)
SELECT w.loonheffingennummer, w.sector, w.uitlenertype,
  coalesce(a.verloonde_uren, 0)::DECIMAL(18,4) AS verloonde_uren,
  coalesce(a.uren_uitzendkrachten, 0)::DECIMAL(18,4) AS uren_uitzendkrachten,
  coalesce(d.uren_doelgroep, 0)::DECIMAL(18,4) AS uren_doelgroep,
  {{previous_year}}::DECIMAL(18,4) AS verloonde_uren_vorig_jaar
FROM werkgevers w LEFT JOIN a ON a.lhnr = w.loonheffingennummer LEFT JOIN d ON d.lhnr = w.loonheffingennummer {{previous_year_join}}

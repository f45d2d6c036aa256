-- The national measurement per quarter and labour-market region: target-group hours in the quarter's last month
-- (end of quarter, the same rule as the year's last month: the month of the period's start) and over the whole quarter,
-- only for what counts nationally. Regions by the employer's municipality (gemeente_regio; 0 when unknown). The rows
-- without a region (grouping) are the national totals per quarter; persons are counted distinct in each row.
SELECT (a.maand + 2) // 3 AS kwartaal, grouping(regionummer) = 1 AS landelijk, coalesce(g.regionummer, 0) AS regionummer,
  coalesce(sum(a.uren) FILTER (a.maand % 3 = 0), 0) AS uren_einde, count(DISTINCT a.dg_persoon) FILTER (a.maand % 3 = 0) AS personen,
  sum(a.uren) AS uren_kwartaal
FROM uren_doelgroep a JOIN werkgevers w ON a.lhnr = w.loonheffingennummer
LEFT JOIN gemeente_regio g ON g.gemeente = w.gemeente
WHERE {{counts_nationally}}
GROUP BY GROUPING SETS ((kwartaal, regionummer), (kwartaal))
ORDER BY kwartaal, landelijk DESC, regionummer

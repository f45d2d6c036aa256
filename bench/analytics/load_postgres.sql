DROP TABLE IF EXISTS verloning, doelgroepregister, werkgevers, toerekeningen, vorig_jaar;
CREATE UNLOGGED TABLE werkgevers (loonheffingennummer text, sector text, uitlenertype text, gemeente text);
CREATE UNLOGGED TABLE verloning (loonheffingennummer text, persoon bigint, periode_begin date, periode_einde date, uren numeric(18,4), vorm text);
CREATE UNLOGGED TABLE doelgroepregister (persoon bigint, begindatum date, einddatum date);
CREATE UNLOGGED TABLE toerekeningen (uitlener text, inlener text, persoon bigint, uren numeric(18,4), overeengekomen_op date);
CREATE UNLOGGED TABLE vorig_jaar (loonheffingennummer text, verloonde_uren numeric(18,4));
\copy werkgevers FROM '${csv}/werkgevers.csv' CSV HEADER
\copy verloning FROM '${csv}/verloning.csv' CSV HEADER
\copy doelgroepregister FROM '${csv}/doelgroepregister.csv' CSV HEADER
\copy toerekeningen FROM '${csv}/toerekeningen.csv' CSV HEADER
\copy vorig_jaar FROM '${csv}/vorig_jaar.csv' CSV HEADER
-- Indexes on the join keys (the big pass is a full scan with a hash join and hash aggregation either way).
CREATE UNIQUE INDEX ON werkgevers (loonheffingennummer);
CREATE INDEX ON doelgroepregister (persoon);
CREATE INDEX ON toerekeningen (uitlener, persoon);
CREATE UNIQUE INDEX ON vorig_jaar (loonheffingennummer);
VACUUM ANALYZE;

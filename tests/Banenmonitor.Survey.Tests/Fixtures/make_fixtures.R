# Reference results from R's survey package for Banenmonitor.Survey's tests.
# Run: tests/Banenmonitor.Survey.Tests/Fixtures/make_fixtures.sh  (needs r-base-core and r-cran-survey).
# Writes respondenten.csv (Dutch: ';' and decimal comma, as users' files are), populatie_cel.csv, populatie_stratum.csv
# and verwacht.csv (17 significant digits, decimal point).
suppressMessages(library(survey))
options(survey.lonely.psu = "fail")   # R's default, stated explicitly
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
set.seed(20230314)

# --- synthetic respondents: 5 strata of unequal size, 4 post-stratification cells crossing the strata,
#     a domain variable that is absent from one stratum, numerator/denominator pair, 0/1 indicator.
sizes <- c(A = 60, B = 45, C = 30, D = 12, E = 3)
popN  <- c(A = 900, B = 400, C = 650, D = 40, E = 5)
h <- rep(names(sizes), sizes)
n <- length(h)
g <- sample(c("k1", "k2", "k3", "k4"), n, replace = TRUE, prob = c(.4, .3, .2, .1))
d <- ifelse(h == "E", "noord", sample(c("noord", "zuid", "west"), n, replace = TRUE))
x <- rpois(n, 4) + 1                                 # target-group workers
y <- rbinom(n, x, ifelse(h %in% c("A", "C"), .15, .3)) # of whom due to procurement/SROI
b <- as.integer(y > 0)
w <- round(popN[h] / sizes[h] * runif(n, .7, 1.3), 3) # unequal base weights
resp <- data.frame(id = seq_len(n), stratum = h, cel = g, regio = d, teller = y, noemer = x, sroi = b,
                   gewicht = w, N = as.numeric(popN[h]))
popcel <- data.frame(cel = c("k1", "k2", "k3", "k4"), aantal = c(800, 650, 380, 165))
resp$Ntot <- sum(popcel$aantal)                       # population size of an unstratified (SRS) sample, for its fpc
write.csv2(resp, file.path(out, "respondenten.csv"), row.names = FALSE)
write.csv(popcel, file.path(out, "populatie_cel.csv"), row.names = FALSE)
popstr <- data.frame(stratum = names(popN), aantal = as.numeric(popN))
write.csv(popstr, file.path(out, "populatie_stratum.csv"), row.names = FALSE)

rows <- list()
add <- function(case, est, variable, domain, stat, df) {
  e <- as.numeric(coef(stat)); s <- as.numeric(SE(stat))
  ct <- confint(stat, df = df); cn <- confint(stat)
  rows[[length(rows) + 1]] <<- data.frame(geval = case, schatter = est, variabele = variable, deelgroep = domain,
    schatting = sprintf("%.17g", e), se = sprintf("%.17g", s), df = df,
    t_onder = sprintf("%.17g", ct[1]), t_boven = sprintf("%.17g", ct[2]),
    normaal_onder = sprintf("%.17g", cn[1]), normaal_boven = sprintf("%.17g", cn[2]))
}
run <- function(case, des) {
  add(case, "totaal", "teller", "", svytotal(~teller, des), degf(des))
  add(case, "gemiddelde", "noemer", "", svymean(~noemer, des), degf(des))
  add(case, "proportie", "sroi", "", svymean(~sroi, des), degf(des))
  add(case, "ratio", "teller/noemer", "", svyratio(~teller, ~noemer, des), degf(des))
  for (r in c("noord", "zuid", "west")) {
    sub <- subset(des, regio == r)
    add(case, "totaal", "teller", r, svytotal(~teller, sub), degf(sub))
    add(case, "gemiddelde", "noemer", r, svymean(~noemer, sub), degf(sub))
    add(case, "proportie", "sroi", r, svymean(~sroi, sub), degf(sub))
    add(case, "ratio", "teller/noemer", r, svyratio(~teller, ~noemer, sub), degf(sub))
  }
}
# svyby must agree with subset (checked here so the fixture stands for both)
chk <- function(des) {
  a <- svyby(~teller, ~regio, des, svyratio, denominator = ~noemer)
  b <- sapply(c("noord", "west", "zuid"), function(r) SE(svyratio(~teller, ~noemer, subset(des, regio == r))))
  stopifnot(isTRUE(all.equal(as.numeric(SE(a)), as.numeric(b), tolerance = 1e-12)))
}

# 1. stratified, weights given, no fpc
d1 <- svydesign(ids = ~1, strata = ~stratum, weights = ~gewicht, data = resp); chk(d1)
run("gestratificeerd", d1)
# 2. stratified with fpc (population counts), weights implied N_h/n_h
d2 <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = resp); chk(d2)
run("gestratificeerd_fpc", d2)
# 3. unstratified with unequal base weights, post-stratified to cells crossing the strata
d3 <- postStratify(svydesign(ids = ~1, weights = ~gewicht, data = resp), ~cel,
                   data.frame(cel = popcel$cel, Freq = popcel$aantal)); chk(d3)
run("poststratificatie", d3)
# 4. stratified with fpc, post-stratified to the strata themselves given as shares x n (population share / sample share)
d4 <- postStratify(svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = resp), ~stratum,
                   data.frame(stratum = popstr$stratum, Freq = popstr$aantal / sum(popstr$aantal) * n)); chk(d4)
run("gestratificeerd_fpc_poststratificatie", d4)
# 5. stratified, unequal weights, post-stratified to cells crossing the strata
d5 <- postStratify(svydesign(ids = ~1, strata = ~stratum, weights = ~gewicht, data = resp), ~cel,
                   data.frame(cel = popcel$cel, Freq = popcel$aantal)); chk(d5)
run("gestratificeerd_poststratificatie", d5)
# Post-strata apart from design strata (R postStratify on a variable that is not the design's strata):
cellpop <- data.frame(cel = popcel$cel, Freq = popcel$aantal)
# 6. simple random sample (no strata, no weights, no fpc), post-stratified to the cells
d6 <- postStratify(svydesign(ids = ~1, data = resp), ~cel, cellpop); chk(d6)
run("srs_poststratificatie", d6)
# 7. simple random sample with fpc (population size Ntot), post-stratified to the cells
d7 <- postStratify(svydesign(ids = ~1, fpc = ~Ntot, data = resp), ~cel, cellpop); chk(d7)
run("srs_fpc_poststratificatie", d7)
# 8. stratified with fpc (weights implied N_h/n_h), post-stratified to the cells (another variable than the strata)
d8 <- postStratify(svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = resp), ~cel, cellpop); chk(d8)
run("gestratificeerd_fpc_poststratificatie_cel", d8)

# lonely unit: a design where one stratum has a single respondent must fail (R default)
lonely <- resp[!(resp$stratum == "E" & resp$id != max(resp$id[resp$stratum == "E"])), ]
msg <- tryCatch({ svymean(~noemer, svydesign(ids = ~1, strata = ~stratum, weights = ~gewicht, data = lonely)); "geen fout" },
                error = function(e) conditionMessage(e))
stopifnot(grepl("only one PSU", msg))

res <- do.call(rbind, rows)
write.csv(res, file.path(out, "verwacht.csv"), row.names = FALSE)
cat(sprintf("R %s, survey %s: %d verwachte uitkomsten geschreven naar %s\n", getRversion(), packageVersion("survey"), nrow(res), out))

# R side of the survey benchmark: generates 100k synthetic respondents (if absent), times R's survey package
# on the same estimates as SurveyBench, writes r_results.csv. Called by bench/survey/run.sh.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; n <- as.integer(args[2]); reps <- as.integer(args[3])
resp_file <- file.path(dir, "respondenten.csv"); pop_file <- file.path(dir, "populatie.csv")
set.seed(2022)
sectors <- c("landbouw", "industrie", "bouw", "handel", "horeca", "vervoer", "zakelijk", "zorg")
sizes <- c("5-19", "20-99", "100+")
cells <- expand.grid(sector = sectors, grootte = sizes, stringsAsFactors = FALSE)
cells$cel <- paste(cells$sector, cells$grootte, sep = "|")
cells$aantal <- round(runif(nrow(cells), 20000, 400000))
i <- sample(nrow(cells), n, replace = TRUE, prob = runif(nrow(cells), .3, 1))
x <- rpois(n, 3) + 1
y <- rbinom(n, x, .1 + .05 * (match(cells$sector[i], sectors) %% 3))
resp <- data.frame(cel = cells$cel[i], sector = cells$sector[i], teller = y, noemer = x, sroi = as.integer(y > 0))
write.csv(resp, resp_file, row.names = FALSE)
write.csv(cells[, c("cel", "aantal")], pop_file, row.names = FALSE)
resp <- read.csv(resp_file); pop <- read.csv(pop_file)
resp$N <- pop$aantal[match(resp$cel, pop$cel)]

estimate <- function() {
  d <- svydesign(ids = ~1, strata = ~cel, fpc = ~N, data = resp)
  d <- postStratify(d, ~cel, data.frame(cel = pop$cel, Freq = pop$aantal))
  list(ratio = svyratio(~teller, ~noemer, d), mean = svymean(~noemer, d), prop = svymean(~sroi, d),
       total = svytotal(~teller, d), by = svyby(~teller, ~sector, d, svyratio, denominator = ~noemer))
}
times <- numeric(reps)
for (k in seq_len(reps)) times[k] <- system.time(res <- estimate())[["elapsed"]]
by <- res$by
out <- data.frame(
  naam = c("ratio", "gemiddelde", "proportie", "totaal", paste0("ratio_", by$sector)),
  schatting = sprintf("%.17g", c(coef(res$ratio), coef(res$mean), coef(res$prop), coef(res$total), coef(by))),
  se = sprintf("%.17g", c(SE(res$ratio), SE(res$mean), SE(res$prop), SE(res$total), SE(by))))
write.csv(out, file.path(dir, "r_results.csv"), row.names = FALSE)
writeLines(sprintf("%.6f", times), file.path(dir, "r_times.txt"))
cat(sprintf("R %s, survey %s: %d respondenten, mediaan %.3f s over %d herhalingen\n",
            getRversion(), packageVersion("survey"), n, median(times), reps))

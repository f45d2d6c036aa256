// Progress of a background job (the report builder, the data import): while it runs (data-bm-bezig), reload the page
// every second to show the next step. Without JavaScript the page has a plain "Vernieuwen" link.
(function () {
    if (document.querySelector('[data-bm-bezig]')) setTimeout(function () { location.reload(); }, 1000);
})();

// The report builder's progress: while a build runs (data-bm-bezig), reload the page every second to show the next step.
(function () {
    if (document.querySelector('[data-bm-bezig]')) setTimeout(function () { location.reload(); }, 1000);
})();

// Draws each report's chart from the figures the page carries as JSON (the same figures as its table).
(function () {
  function draw() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-report-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.reportChart);
      if (!source || canvas.dataset.drawn) {
        return;
      }
      var figures = JSON.parse(source.textContent);
      canvas.dataset.drawn = "1";
      new window.Chart(canvas, {
        type: figures.type,
        data: { labels: figures.labels, datasets: figures.datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
  // Wagtail replaces the results when a filter changes; draw the new chart then.
  document.addEventListener("w-swap:success", draw);
})();

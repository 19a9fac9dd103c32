/* Wide tables whose newest columns are on the right (years) open scrolled to their end, so
 * that the latest years are in sight without scrolling; the first column stays put (CSS
 * position: sticky), so the rows keep their names as the table scrolls. */
(function () {
  "use strict";
  document.querySelectorAll(".table-wrap[data-scroll-end]").forEach(function (wrap) {
    wrap.scrollLeft = wrap.scrollWidth;
  });
})();

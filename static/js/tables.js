/* Small page helpers that work without any other script.
 *
 * - Wide tables whose newest columns are on the right (years) open scrolled to their end,
 *   so that the latest years are in sight; their first column is sticky (site.css), so rows
 *   keep their names as the table scrolls.
 * - On a phone the filters start folded (a <details> open by default, so that without this
 *   script they are simply shown): the data, not the form, is what the first screen shows.
 */
(function () {
  "use strict";
  var NARROW = 600;
  document.querySelectorAll(".table-wrap[data-scroll-end]").forEach(function (wrap) {
    wrap.scrollLeft = wrap.scrollWidth;
  });
  if (window.innerWidth < NARROW) {
    document.querySelectorAll("details[data-collapse-narrow]").forEach(function (panel) {
      panel.open = false;
    });
  }
})();

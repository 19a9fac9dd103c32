/* Charts of Inspection Explorer, drawn with the vendored Chart.js 4.
 *
 * Every chart reads its data from a <script type="application/json"> element written by
 * the server (Django's json_script), named by the canvas's data-source attribute. The
 * same data is always in a table on the page; the chart is an extra.
 *
 *   data-chart="grade-lines"  one line per series over inspections or years; y = grade rank
 *   data-chart="distribution" stacked bars: authorities per latest grade in each area
 *   data-chart="shares"       stacked bars: each grade's share of authorities, by quarter,
 *                             with its base n; bars of dates where few were judged hatched
 *   data-chart="group-grades" one authority's grades against its group's: a bubble per
 *                             grade and year sized by how many stood there, the median
 *
 * Grade words come from the data (the server owns them); grade colours come from the CSS
 * custom properties --grade-<value> in site.css.
 */
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }

  // No animation: charts appear at once, which suits people who prefer reduced motion
  // and makes what is on screen (and in screenshots) the final picture.
  window.Chart.defaults.animation = false;

  // Okabe-Ito colours (colour-blind safe), each series also gets its own point shape and
  // dash pattern so that colour is never the only way to tell lines apart.
  var SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D1F"];
  var POINT_STYLES = ["circle", "triangle", "rect", "rectRot", "star", "crossRot", "rectRounded", "cross"];
  var DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  // A long title on a narrow chart is clipped at both ends: break it into lines instead.
  function wrapTitle(text, canvas) {
    return wrapWords(text, Math.max(24, Math.floor(width(canvas) / 7.5)));
  }

  function width(canvas) {
    return canvas.parentNode.clientWidth || 600;
  }

  function wrapWords(text, perLine) {
    if (!text || text.length <= perLine) {
      return text;
    }
    var lines = [""];
    text.split(" ").forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last && (last + " " + word).length > perLine) {
        lines.push(word);
      } else {
        lines[lines.length - 1] = last ? last + " " + word : word;
      }
    });
    return lines;
  }

  function readData(canvas) {
    var source = document.getElementById(canvas.dataset.source);
    return source ? JSON.parse(source.textContent) : null;
  }

  // Where a point sits on the time axis: its own inspection date, else its column's.
  function xOf(data, point, index) {
    if (point && point.x !== undefined) {
      return point.x;
    }
    if (data.positions) {
      return data.positions[index];
    }
    return Number(data.labels[index]) + 0.5;
  }

  // The grade axis of every grade chart: best at the top, one tick per grade word.
  function gradeAxis(data) {
    return {
      reverse: true,
      min: 0.5,
      max: 4.5,
      afterBuildTicks: function (axis) {
        axis.ticks = [1, 2, 3, 4].map(function (value) {
          return { value: value };
        });
      },
      ticks: {
        callback: function (value) {
          return data.grades[value] || "";
        },
      },
      title: { display: true, text: "Comparable grade (higher is better)" },
    };
  }

  // A real time axis: years as wide as they last, whatever falls in them.
  function yearAxis(first, last, title) {
    return {
      type: "linear",
      min: first,
      max: last,
      ticks: {
        stepSize: 1,
        autoSkip: true,
        callback: function (value) {
          return Number.isInteger(value) ? String(value) : "";
        },
      },
      title: { display: true, text: title },
    };
  }

  // A chart of grades over the years (an authority's timeline, a group's bubbles): one
  // layout, a tooltip without a title line, and a click on a point opens its inspection.
  function gradeYearChart(canvas, spec) {
    return new window.Chart(canvas, {
      type: spec.type,
      data: spec.chartData,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "nearest", intersect: true },
        scales: {
          y: gradeAxis(spec.data),
          x: yearAxis(spec.first, spec.last, spec.xTitle),
        },
        plugins: {
          title: { display: Boolean(spec.data.title), text: wrapTitle(spec.data.title, canvas) },
          legend: { position: "bottom", labels: { usePointStyle: true, padding: 14 } },
          tooltip: {
            callbacks: Object.assign(
              {
                title: function () {
                  return "";
                },
              },
              spec.tooltip
            ),
          },
        },
        onClick: function (event, elements, chart) {
          var url = elements.length && spec.urlOf(chart, elements[0]);
          if (url) {
            window.location.href = url;
          }
        },
      },
    });
  }

  function gradeLines(canvas, data) {
    // A series with no point at all would only add a legend entry for nothing.
    var series = data.series.filter(function (one) {
      return one.points.some(function (point) {
        return point && point.rank;
      });
    });
    var count = series.length;
    var datasets = series.map(function (one, index) {
      // Lines with equal grades would hide each other: nudge each series a little.
      var nudge = count > 1 ? (index - (count - 1) / 2) * Math.min(0.06, 0.4 / count) : 0;
      // Past eight series the colours repeat: shift shape and dash so no two look alike.
      var round = Math.floor(index / SERIES_COLOURS.length);
      var colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
      var muted = data.focus && one.key !== data.focus;
      var points = one.points;
      var values = points.map(function (point, position) {
        return { x: xOf(data, point, position), y: point && point.rank ? point.rank + nudge : null };
      });
      if (!data.gaps) {
        // A comparison: each authority's own inspections, joined (no inspection between).
        var kept = [];
        var keptPoints = [];
        values.forEach(function (value, position) {
          if (value.y !== null) {
            kept.push(value);
            keptPoints.push(points[position]);
          }
        });
        values = kept;
        points = keptPoints;
      }
      return {
        label: one.label,
        key: one.key,
        points: points,
        data: values,
        borderColor: muted ? colour + "66" : colour,
        backgroundColor: muted ? colour + "66" : colour,
        pointStyle: POINT_STYLES[(index + round * 3) % POINT_STYLES.length],
        borderDash: DASHES[(index + round) % DASHES.length],
        pointRadius: muted ? 4 : 6,
        pointHoverRadius: 9,
        borderWidth: data.focus && !muted ? 4 : 2,
        order: muted ? 1 : 0,
        spanGaps: false,
        tension: 0,
      };
    });
    // Ungraded visits between inspections: markers along the foot of the chart, one
    // series for plain visits and one for visits that set areas for priority action
    // (an empty one gets no legend entry).
    if (data.markers && data.markers.length) {
      [
        { priority: false, label: "Focused visit (not graded)", colour: "#505a5f", style: "triangle" },
        { priority: true, label: "Focused visit with areas for priority action", colour: "#b10e1e", style: "rectRot" },
      ].forEach(function (kind) {
        var markers = data.markers.filter(function (marker) {
          return Boolean(marker.priority) === kind.priority;
        });
        if (!markers.length) {
          return;
        }
        datasets.push({
          label: kind.label,
          key: kind.priority ? "visits-priority" : "visits",
          points: markers.map(function (marker) {
            return {
              grade: marker.label,
              url: marker.url,
              visit: true,
              date: marker.date,
              focus: marker.focus,
              priority: marker.priority,
            };
          }),
          data: markers.map(function (marker) {
            return { x: marker.x, y: 4.35 };
          }),
          showLine: false,
          borderColor: kind.colour,
          backgroundColor: kind.colour,
          pointStyle: kind.style,
          pointRadius: kind.priority ? 8 : 6,
          pointHoverRadius: 10,
          order: 2,
        });
      });
    }
    var xs = [];
    datasets.forEach(function (dataset) {
      dataset.data.forEach(function (value) {
        if (value.y !== null) {
          xs.push(value.x);
        }
      });
    });
    var first = Math.floor(Math.min.apply(null, xs));
    var last = Math.ceil(Math.max.apply(null, xs));
    if (last - first < 2) {
      first -= 1; // one inspection (or one year) still gets a readable axis around it
      last += 1;
    }

    return gradeYearChart(canvas, {
      type: "line",
      chartData: { labels: data.labels, datasets: datasets },
      data: data,
      first: first,
      last: last,
      xTitle: "Year of inspection",
      tooltip: {
        label: function (context) {
          var point = context.dataset.points[context.dataIndex];
          if (point && point.visit) {
            return point.grade + " (" + point.date + ")";
          }
          return point ? context.dataset.label + ": " + point.grade : context.dataset.label;
        },
        afterLabel: function (context) {
          var point = context.dataset.points[context.dataIndex];
          if (!point) {
            return "";
          }
          if (point.visit) {
            var lines = ["Not graded"];
            if (point.priority) {
              lines.push(point.priority + " area(s) for priority action");
            }
            if (point.focus) {
              lines.push(point.focus.length > 90 ? point.focus.slice(0, 88) + "…" : point.focus);
            }
            return lines;
          }
          return [
            "Printed: " + point.printed,
            point.framework + " — " + point.scale,
            "From: " + point.source,
          ];
        },
      },
      urlOf: function (chart, element) {
        var point = chart.data.datasets[element.datasetIndex].points[element.index];
        return point && point.url;
      },
    });
  }

  // Each chart can be saved as a picture; its data stays in the table beside it.
  function addDownload(canvas, chart) {
    var link = document.createElement("a");
    link.className = "chart-download";
    link.textContent = "Download this chart (PNG)";
    link.href = "#";
    link.download = (canvas.id || "chart") + ".png";
    link.addEventListener("click", function () {
      link.href = chart.toBase64Image("image/png", 1);
    });
    var holder = canvas.closest(".chart") || canvas.parentNode;
    holder.insertAdjacentElement("afterend", link);
  }

  function distribution(canvas, data) {
    var datasets = data.grades.map(function (grade) {
      return {
        label: grade.label,
        data: grade.counts,
        backgroundColor: cssVar("--grade-" + grade.key),
        borderColor: "#333",
        borderWidth: 1,
      };
    });
    datasets.push({
      label: data.not_read.label,
      data: data.not_read.counts,
      backgroundColor: "#e3e6ea",
      borderColor: "#6b6b6b",
      borderWidth: 1,
    });
    // On a phone the area names beside the bars would be clipped: a few words a line.
    var labels =
      width(canvas) < 600
        ? data.labels.map(function (label) {
            return wrapWords(label, 20);
          })
        : data.labels;
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            stacked: true,
            ticks: { precision: 0 },
            title: { display: true, text: "Number of authorities" },
          },
          // Every area named, even where wrapped names leave no room by Chart.js's reckoning.
          y: { stacked: true, ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            mode: "index",
            intersect: false,
            callbacks: {
              footer: function (items) {
                return items.length && data.totals
                  ? "n = " + data.totals[items[0].dataIndex] + " authorities judged"
                  : "";
              },
            },
          },
        },
      },
    });
  }

  // A paler, hatched fill: a bar whose base is small, told apart by its pattern as well as
  // its colour (and named in the legend), never by colour alone.
  function hatched(colour) {
    var tile = document.createElement("canvas");
    tile.width = 8;
    tile.height = 8;
    var context = tile.getContext("2d");
    context.globalAlpha = 0.4;
    context.fillStyle = colour;
    context.fillRect(0, 0, 8, 8);
    context.globalAlpha = 1;
    context.strokeStyle = "#333";
    context.lineWidth = 1.5;
    context.beginPath();
    context.moveTo(-2, 10);
    context.lineTo(10, -2);
    context.stroke();
    return context.createPattern(tile, "repeat");
  }

  // "n = 12 of 152 authorities judged": the base of a share, said under every tooltip.
  function baseLines(data, index) {
    var lines = ["n = " + data.judged[index] + " of " + data.existing[index] + " authorities judged"];
    if (data.few[index]) {
      lines.push("Fewer than half judged yet: shares of a few");
    }
    return lines;
  }

  function shares(canvas, data) {
    var few = data.few || [];
    var datasets = data.grades.map(function (grade) {
      var colour = cssVar("--grade-" + grade.key);
      var pale = hatched(colour);
      return {
        label: grade.label,
        data: grade.shares,
        backgroundColor: grade.shares.map(function (share, index) {
          return few[index] ? pale : colour;
        }),
        solid: colour, // the legend's swatch, whatever the first bar's fill
        borderColor: "#333",
        borderWidth: 1,
      };
    });
    if (few.some(Boolean)) {
      // A legend entry only: it names the hatching in words.
      datasets.push({
        label: data.few_label,
        data: data.labels.map(function () {
          return null;
        }),
        backgroundColor: hatched("#ffffff"),
        borderColor: "#333",
        borderWidth: 1,
      });
    }
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, ticks: { maxRotation: 90, autoSkip: true } },
          y: {
            stacked: true,
            min: 0,
            max: 100,
            title: { display: true, text: "% of authorities judged" },
          },
        },
        plugins: {
          legend: {
            position: "bottom",
            labels: {
              generateLabels: function (chart) {
                var labels = window.Chart.defaults.plugins.legend.labels.generateLabels(chart);
                labels.forEach(function (label) {
                  var solid = chart.data.datasets[label.datasetIndex].solid;
                  if (solid) {
                    label.fillStyle = solid;
                  }
                });
                return labels;
              },
            },
          },
          title: { display: true, text: wrapTitle(data.title, canvas) },
          tooltip: {
            mode: "index",
            intersect: false,
            filter: function (item) {
              return item.parsed.y !== null;
            },
            callbacks: {
              label: function (context) {
                return context.dataset.label + ": " + context.parsed.y + "%";
              },
              footer: function (items) {
                return items.length ? baseLines(data, items[0].dataIndex) : "";
              },
            },
          },
        },
      },
    });
  }

  function groupGrades(canvas, data) {
    var bubbles = data.bubbles.map(function (bubble) {
      return { x: bubble.x, y: bubble.y, r: 3 + 3 * Math.sqrt(bubble.count), bubble: bubble };
    });
    var focus = data.focus.points.map(function (point) {
      return { x: point.x, y: point.rank, point: point };
    });
    var xs = bubbles.concat(focus).map(function (value) {
      return value.x;
    });
    var first = xs.length ? Math.floor(Math.min.apply(null, xs)) : 0;
    var last = xs.length ? Math.ceil(Math.max.apply(null, xs)) : 1;
    var datasets = [
      {
        type: "line",
        label: data.focus.label,
        data: focus,
        borderColor: SERIES_COLOURS[0],
        backgroundColor: SERIES_COLOURS[0],
        borderWidth: 4,
        pointRadius: 7,
        pointHoverRadius: 10,
        tension: 0,
        order: 0,
      },
      {
        type: "line",
        label: "Group median (end of year)",
        data: data.median.map(function (point) {
          return { x: point.x, y: point.y, median: point };
        }),
        borderColor: "#505a5f",
        backgroundColor: "#505a5f",
        borderDash: [6, 4],
        borderWidth: 2,
        pointStyle: "rectRot",
        pointRadius: 4,
        tension: 0,
        order: 1,
      },
      {
        type: "bubble",
        label: "Authorities of the group at each grade (end of year)",
        data: bubbles,
        backgroundColor: bubbles.map(function (value) {
          return cssVar("--grade-" + value.bubble.grade) || "#bbb";
        }),
        borderColor: "#333",
        borderWidth: 1,
        order: 2,
      },
    ];
    return gradeYearChart(canvas, {
      type: "bubble",
      chartData: { datasets: datasets },
      data: data,
      first: first,
      last: last,
      xTitle: "Year",
      tooltip: {
        label: function (context) {
          var raw = context.raw;
          if (raw.bubble) {
            return [
              raw.bubble.count + " of the group " + raw.bubble.label + " at " + raw.bubble.as_at,
              "n = " + raw.bubble.judged + " of the group judged then",
            ];
          }
          if (raw.median) {
            return "Group median at " + raw.median.as_at + ": " + data.grades[raw.median.y];
          }
          return data.focus.label + ": " + raw.point.grade + " (" + raw.point.framework + ")";
        },
      },
      urlOf: function (chart, element) {
        var raw = chart.data.datasets[element.datasetIndex].data[element.index];
        return raw && raw.point && raw.point.url;
      },
    });
  }

  var DRAW = {
    "grade-lines": gradeLines,
    distribution: distribution,
    shares: shares,
    "group-grades": groupGrades,
  };

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var draw = DRAW[canvas.dataset.chart];
    var data = readData(canvas);
    if (draw && data) {
      addDownload(canvas, draw(canvas, data));
    }
  });
})();

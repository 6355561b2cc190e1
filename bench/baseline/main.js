// The common way: import Plot, ship it to the reader, draw the chart in the browser.
// data.json is written at bench time from data/replies/<id>/figures.csv (see scripts/bench.mjs).
import * as Plot from '@observablehq/plot';
import data from './data.json';

const chart = Plot.plot({
  marginLeft: 180,
  x: { label: 'Studios', grid: true },
  y: { label: null },
  marks: [
    Plot.barX(data, { x: 'value', y: 'label', sort: { y: '-x' }, fill: 'steelblue' }),
    Plot.text(data, { x: 'value', y: 'label', text: 'value', dx: 8, textAnchor: 'start' }),
    Plot.ruleX([0]),
  ],
});
document.getElementById('chart').append(chart);

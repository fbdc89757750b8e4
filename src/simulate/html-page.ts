import { htmlPage } from '../report/html/page.ts';
import { html } from '../report/html/escape.ts';
import { type PlanSimulation } from './plan-simulation.ts';
import { simulationSummary } from './summary.ts';
import { svgTimeline } from './svg-timeline.ts';

/**
 * A simulation as a page of the HTML report's kind (self-contained, readable from
 * file://): its summary lines and each runner's timeline as SVG.
 */
export function simulationPage(sim: PlanSimulation, title: string): string {
  const runners = sim.runners.map((r, i) => {
    const name = sim.runners.length > 1 ? `runner ${i + 1}` : 'timeline';
    return [`<h2>${html(name)}</h2>`, svgTimeline(r, `${title}: ${name}`, `timeline-${i + 1}`)].join('\n');
  });
  return htmlPage(title, [`<h1>${html(title)}</h1>`, `<pre>${html(simulationSummary(sim).join('\n'))}</pre>`, ...runners].join('\n'));
}

// One session: summary, steps, events, the live I(t) of its running step (server-sent events) and, once it has
// finished, the FE/yield table. Text is set with textContent only, never as HTML.
'use strict';

const id = location.pathname.split('/').pop();
const xs = [];
const ys = [];
let chart = null;
let step = null;
let shownAnalysis = '';
let figureVersion = 0;

function text(tag, value, cls) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (cls) el.className = cls;
  return el;
}

function row(values, cls) {
  const tr = document.createElement('tr');
  values.forEach(v => tr.appendChild(text('td', v === null || v === undefined ? '—' : String(v))));
  if (cls) tr.className = cls;
  return tr;
}

function makeChart() {
  const box = document.getElementById('chart');
  const width = Math.min(1000, box.parentElement.clientWidth - 2);
  chart = new uPlot({
    width: width, height: 360,
    scales: {x: {time: false}},
    axes: [{label: 't in step (s)'}, {label: 'I (mA)', size: 70}],
    series: [{label: 't (s)'}, {label: 'I (mA)', stroke: '#0072B2', width: 1.5}],
  }, [xs, ys], box);
}

function showStep(s) {
  step = s;
  xs.length = 0;
  ys.length = 0;
  document.getElementById('chart-title').textContent = 'I(t) of step ' + s.index + ' (' + s.kind + '): '
    + (s.label || '') + (s.eVsRhe === null || (s.label || '').includes('V vs RHE') ? ''
      : ' at ' + s.eVsRhe.toFixed(3) + ' V vs RHE');
  document.getElementById('chart').dataset.step = s.index;
  draw();
}

function draw() {
  if (!chart) makeChart();
  chart.setData([xs, ys]);
  document.getElementById('points').textContent = String(xs.length);
}

function render(d) {
  const s = d.summary;
  document.title = 'norrlab session ' + s.id;
  document.getElementById('title').textContent = 'session ' + s.id + ': ' + s.protocol;
  const state = document.getElementById('state');
  state.textContent = s.state;
  state.className = 'badge state-' + (s.state === s.status ? s.status : 'hold');
  const dl = document.createElement('dl');
  const facts = [['bench', s.bench], ['sample', s.sample || '—'], ['instrument', d.instrument || '—'],
    ['started (UTC)', s.started], ['steps stored', s.steps],
    ['current step', s.currentStep ? s.currentStep.index + ' (' + s.currentStep.kind + ')' : '—']];
  if (d.statusReason) facts.push(['why', d.statusReason]);
  for (const [k, v] of facts) {
    dl.appendChild(text('dt', k));
    dl.appendChild(text('dd', String(v)));
  }
  document.getElementById('summary').replaceChildren(dl);
  const steps = document.querySelector('#steps tbody');
  steps.replaceChildren(...d.steps.map(t => row([t.index, t.kind, t.label,
    t.eVsRhe === null ? null : t.eVsRhe.toFixed(3), t.plannedSeconds, t.outcome ? t.samples : '…',
    t.outcome || 'running'])));
  const events = document.querySelector('#events tbody');
  events.replaceChildren(...d.events.slice().reverse().map(e => row([e.wallUtc, e.step, e.kind, e.message],
    e.alarming ? 'alarm' : null)));
  const table = document.getElementById('analysis');
  const absent = document.getElementById('analysis-absent');
  const notes = document.getElementById('analysis-notes');
  if (d.analysis) {
    absent.textContent = '';
    const head = document.createElement('tr');
    d.analysis.headers.forEach(h => head.appendChild(text('th', h)));
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(...d.analysis.rows.map(r => row(r)));
    notes.replaceChildren(...d.analysis.notes.map(n => text('li', n)));
    // the figure again only when the table changed (assays stored after the run, corrections)
    const key = JSON.stringify(d.analysis.rows);
    if (key !== shownAnalysis) {
      shownAnalysis = key;
      const figure = document.getElementById('fe-yield');
      figure.onload = () => { figure.hidden = false; };
      figure.onerror = () => { figure.hidden = true; };   // 404: nothing to draw yet
      figure.src = '/api/sessions/' + id + '/fe-yield.svg?v=' + (++figureVersion);
    }
  } else {
    absent.textContent = d.analysisAbsent;
    table.tHead.replaceChildren();
    table.tBodies[0].replaceChildren();
    notes.replaceChildren();
  }
}

async function load() {
  const problem = document.getElementById('problem');
  try {
    const answer = await fetch('/api/sessions/' + id, {cache: 'no-store'});
    if (!answer.ok) throw new Error(await answer.text());
    render(await answer.json());
    problem.hidden = true;
  } catch (e) {
    problem.textContent = 'Cannot read the session: ' + e.message;
    problem.hidden = false;
  }
}

function listen() {
  const live = document.getElementById('live');
  const source = new EventSource('/api/sessions/' + id + '/live');
  source.addEventListener('open', () => { live.textContent = 'live'; });
  source.addEventListener('step', ev => { showStep(JSON.parse(ev.data)); load(); });
  source.addEventListener('points', ev => {
    const p = JSON.parse(ev.data);
    if (!step || p.step !== step.index) return;
    for (let k = 0; k < p.t.length; k++) {
      xs.push(p.t[k]);
      ys.push(p.i[k] * 1e3);
    }
    draw();
  });
  source.addEventListener('end', ev => {
    live.textContent = 'the session has ended (' + JSON.parse(ev.data).status + ')';
    source.close();
    load();
    // assays come after the run (at once with --simulate-assays, days later from the lab): read the table again
    setInterval(load, 5000);
  });
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED) live.textContent = 'reconnecting…';
  });
}

load();
listen();

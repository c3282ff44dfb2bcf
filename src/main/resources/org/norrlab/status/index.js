// The index: every session of the store, refreshed every 2 s. Text is set with textContent only, never as HTML.
'use strict';

function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  row.appendChild(td);
  return td;
}

function current(amperes) {
  if (amperes === null || amperes === undefined) return '—';
  const a = Math.abs(amperes);
  if (a >= 1) return amperes.toFixed(3) + ' A';
  if (a >= 1e-3) return (amperes * 1e3).toFixed(3) + ' mA';
  if (a >= 1e-6) return (amperes * 1e6).toFixed(3) + ' µA';
  return (amperes * 1e9).toFixed(3) + ' nA';
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return (h > 0 ? h + ' h ' : '') + (h > 0 || m > 0 ? m + ' min ' : '') + r + ' s';
}

function render(overview) {
  const body = document.querySelector('#sessions tbody');
  body.replaceChildren();
  for (const s of overview.sessions.slice().reverse()) {
    const row = document.createElement('tr');
    row.dataset.session = s.id;
    const link = document.createElement('a');
    link.href = '/session/' + s.id;
    link.textContent = String(s.id);
    cell(row, '').appendChild(link);
    cell(row, s.bench);
    cell(row, s.protocol + (s.sample ? ' / ' + s.sample : ''));
    const state = cell(row, '');
    const badge = document.createElement('span');
    badge.className = 'badge state-' + (s.state === s.status ? s.status : 'hold');
    badge.textContent = s.state;
    state.appendChild(badge);
    const step = s.currentStep;
    cell(row, step ? step.index + ': ' + (step.label || step.kind) : '—', 'step');
    cell(row, step && step.eVsRhe !== null ? step.eVsRhe.toFixed(3) : '—', 'num');
    cell(row, current(s.lastCurrentAmperes), 'num');
    cell(row, duration(s.elapsedSeconds), 'num');
    cell(row, s.status === 'running' ? duration(s.remainingInStepSeconds) : '—', 'num');
    const events = cell(row, '');
    const list = document.createElement('ul');
    list.className = 'events';
    for (const e of s.latestEvents) {
      const li = document.createElement('li');
      li.textContent = e.kind + ' (step ' + e.step + '): ' + e.message;
      if (e.alarming) li.className = 'alarm';
      list.appendChild(li);
    }
    events.appendChild(list);
    body.appendChild(row);
  }
  document.getElementById('updated').textContent = 'updated ' + overview.now.substring(11, 19) + ' UTC';
}

async function refresh() {
  const problem = document.getElementById('problem');
  try {
    const answer = await fetch('/api/sessions', {cache: 'no-store'});
    if (!answer.ok) throw new Error(await answer.text());
    render(await answer.json());
    problem.hidden = true;
  } catch (e) {
    problem.textContent = 'Cannot read the status: ' + e.message;
    problem.hidden = false;
  }
}

refresh();
setInterval(refresh, 2000);

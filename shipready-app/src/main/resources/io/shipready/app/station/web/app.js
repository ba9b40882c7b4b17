// The station page: tiles per slot fed by server-sent events, a scan field for keyboard-wedge
// scanners, the operator's questions, and the shift's figures drawn as inline SVG. Plain JS, no
// build step, nothing loaded from elsewhere.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  const tiles = new Map(); // slot -> {el, parts, data, promptId}
  let clockOffset = 0; // server time minus this browser's time, in ms
  let station = {};
  let figures = null;

  // Update timings, read back by the browser tests and the 64-slot measurement.
  const stats = { snapshots: 0, updates: 0, tilesApplied: 0, totalMs: 0, maxMs: 0, lastMs: 0 };
  window.stationPageStats = stats;

  // ---- user and messages -------------------------------------------------------------------
  const userField = $('user');
  userField.value = localStorage.getItem('shipready.user') || '';
  userField.addEventListener('change', () => localStorage.setItem('shipready.user', userField.value.trim()));

  function say(text, good) {
    const box = $('message');
    box.textContent = text;
    box.className = 'message ' + (good ? 'good' : 'bad');
  }

  async function post(url, body) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(Object.assign({ user: userField.value.trim() }, body || {})),
      });
      const reply = await response.json().catch(() => ({}));
      if (!response.ok) {
        say(reply.error || ('refused: HTTP ' + response.status), false);
        return false;
      }
      say(reply.message || 'done', true);
      return true;
    } catch (lost) {
      say('the station does not answer: ' + lost.message, false);
      return false;
    } finally {
      keepScanFocus();
    }
  }

  // ---- scan field: keeps focus, submits on Enter (a keyboard-wedge scanner ends with Enter) ----
  const scanField = $('scan');
  function editingElsewhere() {
    const active = document.activeElement;
    if ($('pin-dialog').open) return true;
    return active && active !== scanField && (active.tagName === 'INPUT' || active.tagName === 'SELECT' || active.tagName === 'TEXTAREA');
  }
  function keepScanFocus() {
    setTimeout(() => { if (!editingElsewhere()) scanField.focus(); }, 0);
  }
  scanField.addEventListener('blur', () => setTimeout(keepScanFocus, 150));
  $('scan-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = scanField.value.trim();
    scanField.value = '';
    if (code) await post('api/scan', { code });
  });

  // ---- stop dialog: an engineer with the PIN, or (no PIN set) the operator by name ------------
  function askEngineer(what) {
    const dialog = $('pin-dialog');
    const engineer = !!station.engineerPin;
    $('pin-title').textContent = engineer ? 'Engineer' : 'Stop';
    $('pin-user-label').textContent = engineer ? 'Engineer' : 'Your name';
    $('pin-row').hidden = !engineer;
    $('pin').required = engineer;
    $('pin-what').textContent = what;
    $('pin-error').textContent = engineer ? '' : 'No engineer PIN is set: the stop is recorded with your name.';
    $('pin-error').className = engineer ? 'error-text' : 'muted';
    $('pin').value = '';
    $('pin-user').value = userField.value.trim();
    dialog.showModal();
    $($('pin-user').value ? 'pin' : 'pin-user').focus();
    return new Promise((resolve) => {
      const done = (answer) => {
        $('pin-form').onsubmit = null;
        $('pin-cancel').onclick = null;
        dialog.close();
        keepScanFocus();
        resolve(answer);
      };
      $('pin-form').onsubmit = (event) => {
        event.preventDefault();
        done(engineer ? { user: $('pin-user').value.trim(), pin: $('pin').value } : { user: $('pin-user').value.trim() });
      };
      $('pin-cancel').onclick = () => done(null);
    });
  }

  async function engineerAction(what, url) {
    const who = await askEngineer(what);
    if (who) await post(url, who);
  }
  $('stop-station').addEventListener('click', () =>
    engineerAction('Stop every run and end the shift', 'api/station/stop'));

  // ---- tiles --------------------------------------------------------------------------------
  function tileFor(slot) {
    let tile = tiles.get(slot);
    if (tile) return tile;
    const el = $('tile-template').content.firstElementChild.cloneNode(true);
    el.id = 'slot-' + slot;
    el.dataset.slot = slot;
    const part = (name) => el.querySelector('.' + name);
    tile = {
      el, data: null, promptId: null,
      parts: {
        name: part('slot-name'), unit: part('unit'), elapsed: part('elapsed'), verdict: part('verdict'),
        step: part('step'), bar: part('bar'), failed: part('failed'), prompt: part('prompt'),
        promptMessage: part('prompt-message'), promptImage: part('prompt-image'),
        answers: part('prompt-answers'), start: part('start'), retest: part('retest'), stop: part('stop'),
      },
    };
    tile.parts.name.textContent = slot;
    tile.parts.start.addEventListener('click', () => post('api/slots/' + encodeURIComponent(slot) + '/start'));
    tile.parts.retest.addEventListener('click', () => post('api/slots/' + encodeURIComponent(slot) + '/retest'));
    tile.parts.stop.addEventListener('click', () =>
      engineerAction('Abort the run in slot ' + slot, 'api/slots/' + encodeURIComponent(slot) + '/stop'));
    tiles.set(slot, tile);
    $('slots').appendChild(el);
    return tile;
  }

  function look(data) {
    if (data.state === 'WAITING_FOR_STORE') return { css: 'waiting-for-store', verdict: 'waiting for the store' };
    if (data.outcome) {
      if (data.outcome === 'PASS' && !data.durable) return { css: 'error', verdict: 'NOT RECORDED' };
      return { css: data.outcome.toLowerCase(), verdict: data.outcome };
    }
    if (data.recording) return { css: 'busy recording', verdict: 'recording…' };
    if (data.state === 'BUSY') return { css: 'busy', verdict: 'testing' };
    if (data.state === 'ERROR') return { css: 'out-of-service', verdict: 'OUT OF SERVICE' };
    return { css: 'idle', verdict: '' };
  }

  // Writes to the DOM only what changed: with 64 slots, most of a tile stays the same between updates.
  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
  function setProp(node, name, value) { if (node[name] !== value) node[name] = value; }

  function render(tile, data) {
    tile.data = data;
    const p = tile.parts;
    const seen = look(data);
    const running = data.state === 'BUSY';
    setProp(tile.el, 'className', 'tile ' + seen.css + (data.prompt ? ' asking' : ''));
    setText(p.verdict, seen.verdict);
    setText(p.unit, data.unit ? (data.name || ('unit ' + data.unit)) : '');
    setProp(p.unit, 'title', data.unit ? (data.name ? data.name + ', ' : '') + 'unit ' + data.unit + (data.runId ? ', run ' + data.runId : '') : '');
    setText(p.step, data.state === 'ERROR' || data.state === 'WAITING_FOR_STORE' ? data.slotMessage
      : data.step + (data.step && data.progress ? ' — ' + data.progress : ''));
    const width = (data.total ? Math.min(100, 100 * data.done / data.total) : 0) + '%';
    if (p.bar.style.width !== width) p.bar.style.width = width;
    setText(p.failed, data.outcome && data.outcome !== 'PASS'
      ? (data.failedStep ? data.failedStep + ': ' : '') + data.message : '');
    setProp(p.start, 'disabled', running);
    setProp(p.retest, 'disabled', running || !data.unit);
    setProp(p.stop, 'disabled', !running);
    renderPrompt(tile, data.prompt);
    renderElapsed(tile);
  }

  function renderPrompt(tile, prompt) {
    const p = tile.parts;
    const id = prompt ? prompt.id : null;
    if (id === tile.promptId) return; // keep what the operator is typing
    tile.promptId = id;
    p.prompt.hidden = !prompt;
    p.answers.textContent = '';
    if (!prompt) return;
    p.promptMessage.textContent = prompt.message;
    p.promptImage.hidden = !prompt.image;
    if (prompt.image) p.promptImage.src = 'api/prompts/' + prompt.id + '/image';
    const answer = (value) => post('api/prompts/' + prompt.id + '/answer', { answer: value });
    const button = (label, value, css) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset.answer = value;
      if (css) b.className = css;
      b.addEventListener('click', () => answer(value));
      p.answers.appendChild(b);
    };
    if (prompt.kind === 'CONFIRM') {
      button('Yes', 'yes', 'yes');
      button('No', 'no', 'no');
    } else if (prompt.kind === 'CHOOSE') {
      prompt.choices.forEach((choice) => button(choice, choice));
    } else if (prompt.kind === 'VALUE') {
      const input = document.createElement('input');
      input.className = 'prompt-value';
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') answer(input.value); });
      p.answers.appendChild(input);
      const ok = document.createElement('button');
      ok.type = 'button';
      ok.textContent = 'OK';
      ok.addEventListener('click', () => answer(input.value));
      p.answers.appendChild(ok);
    } else {
      const hint = document.createElement('span');
      hint.textContent = 'Scan now (the scan field takes it)';
      p.answers.appendChild(hint);
      keepScanFocus();
    }
  }

  function renderElapsed(tile) {
    const d = tile.data;
    if (!d || !d.startedAt) { setText(tile.parts.elapsed, ''); return; }
    const end = d.endedAt || (Date.now() + clockOffset);
    const seconds = Math.max(0, Math.round((end - d.startedAt) / 1000));
    setText(tile.parts.elapsed, Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0'));
  }
  setInterval(() => tiles.forEach((tile) => { if (tile.data && tile.data.state === 'BUSY') renderElapsed(tile); }), 1000);

  function applySlots(list) {
    list.forEach((data) => render(tileFor(data.slot), data));
  }

  // ---- figures and charts ---------------------------------------------------------------------
  function percent(x) { return (100 * x).toFixed(1) + ' %'; }

  function renderFigures(f) {
    figures = f;
    $('fig-units').textContent = f.units;
    $('fig-fpy').textContent = f.units ? percent(f.firstPassYield) : '–';
    $('fig-uph').textContent = f.runs ? f.unitsPerHour.toFixed(0) : '–';
    $('fig-pass').textContent = f.pass;
    $('fig-fail').textContent = f.fail;
    $('fig-error').textContent = f.error;
    $('fig-aborted').textContent = f.aborted;
    drawPareto(f.pareto);
    const select = $('measurement');
    const names = Object.keys(f.measurements);
    const chosen = select.value || names[0] || '';
    if (select.options.length !== names.length) {
      select.textContent = '';
      names.forEach((name) => select.appendChild(new Option(name, name)));
    }
    select.value = chosen;
    drawHistogram(chosen, f.measurements[chosen]);
  }
  $('measurement').addEventListener('change', () => {
    if (figures) drawHistogram($('measurement').value, figures.measurements[$('measurement').value]);
    keepScanFocus();
  });

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function drawPareto(pareto) {
    const svg = $('pareto');
    svg.textContent = '';
    if (!pareto.length) {
      svg.appendChild(el('text', { x: 10, y: 110 }, 'No failures this shift'));
      return;
    }
    const rows = pareto.slice(0, 8);
    const total = pareto.reduce((sum, r) => sum + r.count, 0);
    const most = rows[0].count;
    const left = 130, width = 220, rowHeight = 24;
    let cumulative = 0;
    rows.forEach((row, i) => {
      const y = 10 + i * rowHeight;
      cumulative += row.count;
      const g = el('g', { class: 'pareto-row', 'data-step': row.step });
      g.appendChild(el('text', { x: left - 6, y: y + 15, 'text-anchor': 'end' }, row.step));
      g.appendChild(el('rect', { class: 'bar-fail', x: left, y: y + 2, height: rowHeight - 6, width: Math.max(2, width * row.count / most) }));
      g.appendChild(el('text', { x: left + width * row.count / most + 6, y: y + 15 },
        row.count + '  (' + Math.round(100 * cumulative / total) + ' % cum.)'));
      svg.appendChild(g);
    });
  }

  function drawHistogram(name, m) {
    const svg = $('histogram');
    svg.textContent = '';
    if (!m) {
      svg.appendChild(el('text', { x: 10, y: 110 }, 'No measurements yet'));
      return;
    }
    const left = 40, right = 470, top = 10, bottom = 180;
    const most = Math.max(1, ...m.bins);
    const x = (v) => left + (right - left) * (v - m.from) / (m.width * m.bins.length);
    const barWidth = (right - left) / m.bins.length;
    m.bins.forEach((count, i) => {
      const low = m.from + i * m.width, high = low + m.width;
      const out = (m.low !== null && high <= m.low) || (m.high !== null && low >= m.high);
      const h = (bottom - top) * count / most;
      svg.appendChild(el('rect', { class: out ? 'bar-out' : 'bar-in', x: left + i * barWidth + 1, y: bottom - h, width: barWidth - 2, height: h }));
    });
    svg.appendChild(el('line', { class: 'axis', x1: left, x2: right, y1: bottom, y2: bottom }));
    [['low', m.low], ['high', m.high]].forEach(([which, v]) => {
      if (v === null) return;
      svg.appendChild(el('line', { class: 'limit limit-' + which, x1: x(v), x2: x(v), y1: top, y2: bottom }));
      svg.appendChild(el('text', { x: x(v), y: bottom + 14, 'text-anchor': 'middle' }, String(v)));
    });
    svg.appendChild(el('text', { x: left, y: bottom + 30 },
      name + ' (' + m.units + '): ' + m.count + ' values, ' + m.outside + ' outside the limits'));
  }

  // ---- live updates ---------------------------------------------------------------------------
  function connect() {
    const source = new EventSource('events');
    const badge = $('connection');
    source.onopen = () => { badge.textContent = 'live'; badge.className = 'connection online'; };
    source.onerror = () => { badge.textContent = 'reconnecting'; badge.className = 'connection offline'; };
    source.addEventListener('snapshot', (event) => {
      const t0 = performance.now();
      const snapshot = JSON.parse(event.data);
      clockOffset = snapshot.at - Date.now();
      station = snapshot.station;
      $('station-name').textContent = station.station;
      $('recipe-name').textContent = station.recipe + ' ' + station.recipeVersion + (station.simulated ? ' (simulated)' : '');
      document.title = station.station + ' — shipready';
      if (!userField.value) userField.value = station.defaultUser || '';
      $('stop-station').disabled = false;
      $('stop-station').title = station.engineerPin ? 'Engineer: stop every run and end the shift' : 'Stop every run and end the shift';
      applySlots(snapshot.slots);
      renderFigures(snapshot.figures);
      stats.snapshots++;
      stats.lastMs = performance.now() - t0;
      document.body.dataset.ready = 'true';
    });
    source.addEventListener('slots', (event) => {
      const t0 = performance.now();
      const update = JSON.parse(event.data);
      clockOffset = update.at - Date.now();
      applySlots(update.slots);
      const ms = performance.now() - t0;
      stats.updates++;
      stats.tilesApplied += update.slots.length;
      stats.totalMs += ms;
      stats.maxMs = Math.max(stats.maxMs, ms);
      stats.lastMs = ms;
    });
    source.addEventListener('figures', (event) => renderFigures(JSON.parse(event.data)));
  }

  connect();
  keepScanFocus();
})();

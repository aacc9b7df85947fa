// AvEval release report: renders the aveval.report/1 document embedded in index.html.
// Every string of the data is written with textContent (never innerHTML), so a title or message is shown, not run.
(function () {
  'use strict';

  var FORMAT = 'aveval.report/1';
  var PAGE_SIZE = 50;
  var OUTCOME_NAMES = { p: 'pass', f: 'fail', i: 'inconclusive', e: 'bad input', '-': 'absent' };
  var OUTCOME_GLYPHS = { p: '✓', f: '✗', i: '?', e: '!', '-': '·' };
  var TRANSITION_NAMES = { new_failure: 'new failure', fixed: 'fixed', flaky: 'flaky', still_failing: 'still failing', still_passing: 'still passing' };

  var doc = JSON.parse(document.getElementById('aveval-data').textContent);
  if (doc.format !== FORMAT) {
    throw new Error('AvEval report: expected data format ' + FORMAT + ', found ' + doc.format);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { node.textContent = attrs[k]; }
        else if (k === 'className') { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function td(text, className) { return el('td', { text: text, className: className || '' }); }
  function pct(x) { return x === null || x === undefined ? '—' : (100 * x).toFixed(1) + '%'; }
  function signedPoints(x) { return x === null || x === undefined ? '—' : (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(100 * x).toFixed(1) + ' pp'; }
  function interval(ci) { return ci ? ' [' + pct(ci.lower) + ', ' + pct(ci.upper) + ']' : ''; }
  function pointsInterval(ci) { return ci ? ' [' + signedPoints(ci.lower) + ', ' + signedPoints(ci.upper) + ']' : ''; }
  function p(x) { return x < 0.0001 ? '<0.0001' : x.toFixed(4); }
  function outcomeCell(letter, candidate) {
    var name = OUTCOME_NAMES[letter] || letter;
    return el('td', { className: 'outcome', 'data-outcome': letter }, [
      el('span', { className: 'o o-' + (letter === '-' ? 'absent' : letter), title: candidate + ': ' + name, 'aria-label': name, text: OUTCOME_GLYPHS[letter] || letter })
    ]);
  }

  // Header
  document.getElementById('report-subtitle').textContent =
    'Candidate ' + doc.candidate.candidate + ' (run ' + doc.candidate.run + ') vs baseline ' + doc.baseline.candidate + ' (run ' + doc.baseline.run + ')';
  document.title = 'AvEval: ' + doc.candidate.candidate + ' vs ' + doc.baseline.candidate;
  document.getElementById('footer').textContent =
    'Generated ' + doc.generatedAt + ' from results store ' + doc.store + ' (' + doc.format + '). Charts: Apache ECharts ' + (window.echarts ? echarts.version : '(missing)') + ', bundled.';

  // Decision
  (function renderDecision() {
    var box = document.getElementById('decision');
    var gate = doc.gate;
    if (!gate) {
      box.appendChild(el('p', { className: 'decision none', text: 'No gate decision: no gate policy was given, and the candidate run\'s suite folder has no gate.yaml.' }));
      return;
    }
    if (gate.passed === null) {
      box.appendChild(el('p', { className: 'decision none', text: 'The gate could not decide: ' + gate.problem }));
    } else {
      box.appendChild(el('p', { className: 'decision ' + (gate.passed ? 'pass' : 'fail'), id: 'decision-line', text: gate.decision }));
    }
    var list = el('ul', { className: 'reasons' });
    gate.verdicts.forEach(function (v) {
      list.appendChild(el('li', { className: v.regressed ? 'regressed' : '' }, [v.behavior + ': ' + v.reason]));
    });
    box.appendChild(list);
    box.appendChild(el('p', { className: 'note', text: 'Policy ' + gate.policy + ': α = ' + gate.significanceLevel + ', correction ' + gate.correction + '.' }));
  })();

  // Behaviours
  (function renderBehaviors() {
    var body = document.querySelector('#behavior-table tbody');
    doc.behaviors.forEach(function (b) {
      var row = el('tr', { 'data-behavior': b.behavior });
      row.appendChild(el('th', { scope: 'row', text: b.behavior }));
      row.appendChild(td(String(b.pairs), 'num pairs'));
      row.appendChild(td(String(b.baselinePasses), 'num baseline-passes'));
      row.appendChild(td(pct(b.pairs ? b.baselinePasses / b.pairs : null) + interval(b.baselineRate), 'baseline-rate'));
      row.appendChild(td(String(b.candidatePasses), 'num candidate-passes'));
      row.appendChild(td(pct(b.pairs ? b.candidatePasses / b.pairs : null) + interval(b.candidateRate), 'candidate-rate'));
      row.appendChild(td(String(b.newFailures), 'num new-failures'));
      row.appendChild(td(String(b.fixed), 'num fixed'));
      row.appendChild(td(String(b.flaky), 'num flaky'));
      row.appendChild(td(p(b.mcNemarP), 'num mcnemar-p'));
      row.appendChild(td(p(b.pHolm), 'num holm-p'));
      row.appendChild(td(p(b.qBh), 'num bh-q'));
      row.appendChild(td(signedPoints(b.change) + pointsInterval(b.changeInterval), 'change'));
      body.appendChild(row);
    });
  })();

  // Changes
  (function renderChanges() {
    var body = document.querySelector('#change-table tbody');
    if (doc.changes.length === 0) {
      var row = el('tr');
      row.appendChild(el('td', { colspan: '7', text: 'No scenario changed outcome.' }));
      body.appendChild(row);
    }
    doc.changes.forEach(function (c) {
      var row = el('tr', { 'data-transition': c.transition });
      row.appendChild(td(TRANSITION_NAMES[c.transition] || c.transition, 't-' + c.transition));
      row.appendChild(td(c.scenario, 'scenario'));
      row.appendChild(td(c.behavior));
      row.appendChild(td(c.severity));
      row.appendChild(td(c.baseline));
      row.appendChild(td(c.candidate));
      row.appendChild(td(c.flipRate === null ? '—' : pct(c.flipRate), 'num'));
      body.appendChild(row);
    });
    var parts = [];
    if (doc.onlyInBaseline.length) { parts.push(doc.onlyInBaseline.length + ' scenario(s) only in the baseline: ' + doc.onlyInBaseline.join(', ')); }
    if (doc.onlyInCandidate.length) { parts.push(doc.onlyInCandidate.length + ' scenario(s) only in the candidate: ' + doc.onlyInCandidate.join(', ')); }
    document.getElementById('unpaired').textContent = parts.join('; ');
  })();

  // Trends
  (function renderTrends() {
    var names = doc.candidates.map(function (c) { return c.id; });
    var head = document.querySelector('#trend-table thead');
    var headRow = el('tr', null, [el('th', { scope: 'col', text: 'Behaviour' })]);
    names.forEach(function (n) { headRow.appendChild(el('th', { scope: 'col', text: n })); });
    head.appendChild(headRow);
    var body = document.querySelector('#trend-table tbody');
    var charts = document.getElementById('trend-charts');
    // Where the set of learned evaluators differs from the previous candidate's run: marked on every chart.
    var changes = [];
    doc.candidates.forEach(function (c, i) {
      if (i > 0 && c.evaluators.join('\n') !== doc.candidates[i - 1].evaluators.join('\n')) { changes.push({ xAxis: names[i], name: c.evaluators.join(', ') || 'no learned evaluators' }); }
    });
    document.getElementById('trend-changes').textContent = changes.length
      ? 'Evaluator versions changed at: ' + changes.map(function (m) { return m.xAxis + ' (' + m.name + ')'; }).join('; ') + ' (dashed lines).'
      : 'The learned evaluators are the same in every candidate\'s run.';
    doc.trends.forEach(function (t, k) {
      var row = el('tr', { className: 'pass-rate', 'data-behavior': t.behavior }, [el('th', { scope: 'row', text: t.behavior })]);
      t.points.forEach(function (pt, i) {
        var cell = td(pt.cases ? pct(pt.rate) + ' (' + pt.passes + '/' + pt.cases + ')' : '—', 'num');
        cell.setAttribute('data-candidate', names[i]);
        row.appendChild(cell);
      });
      body.appendChild(row);
      t.metrics.forEach(function (m) {
        var mrow = el('tr', { className: 'metric-trend', 'data-behavior': t.behavior, 'data-metric': m.metric },
          [el('th', { scope: 'row', className: 'metric-name', text: '· mean ' + m.metric + (m.unit ? ' (' + m.unit + ')' : '') })]);
        m.points.forEach(function (pt, i) {
          var cell = td(pt.mean === null ? '—' : pt.mean.toFixed(3) + ' (n=' + pt.cases + ')', 'num');
          cell.setAttribute('data-candidate', names[i]);
          mrow.appendChild(cell);
        });
        body.appendChild(mrow);
      });

      var box = el('figure', { className: 'chart', id: 'trend-' + k });
      box.appendChild(el('h3', { text: t.behavior }));
      var plot = el('div', { className: 'plot', role: 'img', 'aria-label': 'Pass rate of ' + t.behavior + ' across ' + names.length + ' candidates (the table below has the numbers)' });
      box.appendChild(plot);
      charts.appendChild(box);
      if (!window.echarts) { return; }
      var lower = t.points.map(function (pt) { return pt.interval ? +(100 * pt.interval.lower).toFixed(2) : null; });
      var band = t.points.map(function (pt) { return pt.interval ? +(100 * (pt.interval.upper - pt.interval.lower)).toFixed(2) : null; });
      var rate = t.points.map(function (pt) { return pt.rate === null ? null : +(100 * pt.rate).toFixed(2); });
      var chart = echarts.init(plot, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        grid: { left: 44, right: 12, top: 12, bottom: 48 },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : v + '%'; } },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 2 ? 30 : 0, fontSize: 10 } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          { name: '95% lower', type: 'line', data: lower, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } },
          { name: '95% interval', type: 'line', data: band, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(9,105,218,0.18)' } },
          { name: 'pass rate', type: 'line', data: rate, symbolSize: 6, connectNulls: false, itemStyle: { color: '#0969da' },
            markLine: changes.length ? { symbol: 'none', silent: true, label: { show: true, formatter: 'evaluators', fontSize: 9 }, lineStyle: { type: 'dashed', color: '#9a6700' }, data: changes.map(function (m) { return { xAxis: m.xAxis }; }) } : undefined }
        ]
      });
    });
  })();

  // Bird's-eye view of one scene: lanes, every agent as an oriented box, a time slider with play, and each event
  // marked at its time on the timeline and at its agents on the map.
  function birdsEye(scene) {
    if (scene.agents.length === 0) {
      var none = el('div', { className: 'birds-eye unavailable', 'data-scenario': scene.scenario });
      scene.notes.forEach(function (n) { none.appendChild(el('p', { className: 'note', text: n })); });
      return none;
    }
    var WIDTH = 720, HEIGHT = 300, METRES_ACROSS = 100;
    var scale = WIDTH / METRES_ACROSS;
    var figure = el('figure', { className: 'birds-eye', 'data-scenario': scene.scenario });
    figure.appendChild(el('figcaption', { text: 'Bird\'s-eye view: ' + doc.candidate.candidate + '\'s ego (blue), ' + doc.baseline.candidate + '\'s ego (green outline), other agents (grey); agents of an event in progress in red.' }));
    var canvas = el('canvas', { width: String(WIDTH), height: String(HEIGHT), role: 'img', 'aria-label': 'Bird\'s-eye view of ' + scene.scenario });
    figure.appendChild(canvas);
    var controls = el('div', { className: 'scene-controls' });
    var play = el('button', { type: 'button', className: 'play', text: 'Play' });
    var label = el('label', null, ['Time ']);
    var slider = el('input', { type: 'range', min: '0', max: String(Math.max(0, scene.frameCount - 1)), value: '0', step: '1', className: 'time' });
    label.appendChild(slider);
    var readout = el('output', { className: 'time-readout' });
    controls.appendChild(play);
    controls.appendChild(label);
    controls.appendChild(readout);
    figure.appendChild(controls);
    var duration = Math.max(scene.stepSeconds, (scene.frameCount - 1) * scene.stepSeconds);
    var timeline = el('div', { className: 'timeline', role: 'group', 'aria-label': 'Events' });
    timeline.style.height = (4 + 22 * Math.max(1, scene.events.length)) + 'px';
    scene.events.forEach(function (e, row) {
      var left = Math.min(100, Math.max(0, 100 * (e.startSeconds - scene.startSeconds) / duration));
      var width = Math.max(0.8, Math.min(100 - left, 100 * (e.endSeconds - e.startSeconds) / duration));
      var marker = el('button', { type: 'button', className: 'event-marker', 'data-start': String(e.startSeconds), 'data-agents': e.agents.join(','),
        title: e.summary, text: e.kind + ' at ' + e.startSeconds.toFixed(1) + ' s' });
      marker.style.left = left + '%';
      marker.style.top = (2 + 22 * row) + 'px';
      marker.style.width = width + '%';
      marker.addEventListener('click', function () { selected = []; show(frameAt(e.startSeconds)); });
      timeline.appendChild(marker);
    });
    figure.appendChild(timeline);
    if (scene.events.length === 0) { figure.appendChild(el('p', { className: 'note', text: 'No event was recorded for this drive.' })); }
    scene.notes.forEach(function (n) { figure.appendChild(el('p', { className: 'note', text: n })); });

    var ego = scene.agents.filter(function (a) { return a.role === 'ego'; })[0];
    // Agents of a chosen threshold violation, marked on the map besides those of the events in progress.
    var selected = [];
    function frameAt(seconds) { return Math.round((seconds - scene.startSeconds) / scene.stepSeconds); }
    function stateAt(agent, frame) {
      var i = frame - agent.firstFrame;
      if (i < 0 || 3 * i + 2 >= agent.states.length) { return null; }
      return [agent.states[3 * i], agent.states[3 * i + 1], agent.states[3 * i + 2]];
    }
    function show(frame) {
      frame = Math.max(0, Math.min(scene.frameCount - 1, frame));
      slider.value = String(frame);
      var t = scene.startSeconds + frame * scene.stepSeconds;
      readout.textContent = 't = ' + t.toFixed(1) + ' s';
      var active = {};
      scene.events.forEach(function (e) { if (t >= e.startSeconds - 1e-6 && t <= e.endSeconds + 1e-6) { e.agents.forEach(function (a) { active[a] = e.kind; }); } });
      var centre = (ego && stateAt(ego, frame)) || (ego ? [ego.states[0], ego.states[1]] : [0, 0]);
      var ctx = canvas.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, WIDTH, HEIGHT);
      ctx.setTransform(scale, 0, 0, -scale, WIDTH / 2 - scale * centre[0], HEIGHT / 2 + scale * centre[1]);
      ctx.lineWidth = 1 / scale;
      ctx.strokeStyle = '#8c959f';
      scene.lanes.forEach(function (lane) {
        [lane.left, lane.right].forEach(function (line) {
          if (line.length < 4) { return; }
          ctx.beginPath();
          ctx.moveTo(line[0], line[1]);
          for (var i = 2; i < line.length; i += 2) { ctx.lineTo(line[i], line[i + 1]); }
          ctx.stroke();
        });
      });
      var highlighted = [];
      selected.forEach(function (a) { if (active[a] === undefined) { active[a] = 'violation'; } });
      scene.agents.forEach(function (a) {
        var st = stateAt(a, frame);
        if (!st) { return; }
        ctx.save();
        ctx.translate(st[0], st[1]);
        ctx.rotate(st[2]);
        var hot = active[a.id] !== undefined && a.role !== 'baseline-ego';
        if (hot) { highlighted.push(a.id); }
        if (a.role === 'ego') { ctx.fillStyle = '#0969da'; ctx.fillRect(-a.length / 2, -a.width / 2, a.length, a.width); }
        else if (a.role === 'agent') { ctx.fillStyle = '#d0d7de'; ctx.fillRect(-a.length / 2, -a.width / 2, a.length, a.width); }
        ctx.lineWidth = (hot ? 3 : 1.5) / scale;
        ctx.strokeStyle = hot ? '#cf222e' : a.role === 'baseline-ego' ? '#1a7f37' : '#57606a';
        if (a.role === 'baseline-ego') { ctx.setLineDash([4 / scale, 3 / scale]); }
        ctx.strokeRect(-a.length / 2, -a.width / 2, a.length, a.width);
        ctx.restore();
      });
      canvas.setAttribute('data-frame', String(frame));
      canvas.setAttribute('data-time', t.toFixed(3));
      canvas.setAttribute('data-highlighted', highlighted.sort().join(','));
    }
    var timer = null;
    play.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; play.textContent = 'Play'; return; }
      play.textContent = 'Pause';
      timer = setInterval(function () {
        var next = +slider.value + 1;
        if (next >= scene.frameCount) { clearInterval(timer); timer = null; play.textContent = 'Play'; return; }
        show(next);
      }, Math.max(20, 1000 * scene.stepSeconds));
    });
    slider.addEventListener('input', function () { selected = []; show(+slider.value); });
    show(0);
    figure.chooseViolation = function (v) { selected = v.agents.slice(); show(frameAt(v.startSeconds)); };
    return figure;
  }

  // One signal of a drive as an ECharts line: each expectation on it as a horizontal mark line, each stretch that breaks a
  // per-sample bound as a shaded area with a mark at its start, and a button per stretch that shows it on the map.
  function fmt(x) { return x === null || x === undefined ? '—' : (Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(2)); }
  function seriesChart(scene, series, choose) {
    var box = el('figure', { className: 'series-chart', 'data-series': series.name });
    box.appendChild(el('h5', { text: series.name + ' (' + series.unit + ')' }));
    var plot = el('div', { className: 'plot series-plot', role: 'img', 'aria-label': series.name + ' over time, in ' + series.unit + (series.thresholds.length ? ', with ' + series.thresholds.map(function (t) { return t.expectation; }).join(' and ') : '') });
    box.appendChild(plot);
    box.appendChild(el('figcaption', { className: 'note definition', text: series.definition + ' Computed by ' + series.source + ' on the replayed drive; gaps where the value is not finite (+∞ or undefined).' }));
    var violations = [];
    series.thresholds.forEach(function (th) {
      if (!th.perSample) {
        box.appendChild(el('p', { className: 'note threshold', text: th.expectation + ': bound ' + fmt(th.value) + ' ' + series.unit + ' drawn for reference; a ' + th.metric.split('.').pop() + ' is not broken at one time.' }));
        return;
      }
      box.appendChild(el('p', { className: 'note threshold', text: th.expectation + ': ' + (th.violations.length ? th.violations.length + ' stretch(es) past ' + fmt(th.value) + ' ' + series.unit : 'kept at every sample') + '.' }));
      th.violations.forEach(function (v) { violations.push({ th: th, v: v }); });
    });
    if (violations.length) {
      var list = el('ul', { className: 'violations' });
      violations.forEach(function (x) {
        var b = el('button', { type: 'button', className: 'violation', 'data-start': String(x.v.startSeconds), 'data-end': String(x.v.endSeconds), 'data-worst': String(x.v.worst), 'data-agents': x.v.agents.join(','),
          text: x.th.expectation + ' broken from ' + x.v.startSeconds.toFixed(1) + ' s to ' + x.v.endSeconds.toFixed(1) + ' s (worst ' + fmt(x.v.worst) + ' ' + series.unit + ' at ' + x.v.worstSeconds.toFixed(1) + ' s; ' + x.v.agents.join(', ') + ')' });
        b.addEventListener('click', function () { choose(x.v); });
        list.appendChild(el('li', null, [b]));
      });
      box.appendChild(list);
    }
    if (!window.echarts) { return box; }
    // ECharts sizes a chart from its element, so it is drawn once the row is in the document (see render).
    pendingCharts.push(function () { drawSeries(plot, scene, series, violations, choose); });
    return box;
  }
  var pendingCharts = [];
  function drawSeries(plot, scene, series, violations, choose) {
    var data = series.timesSeconds.map(function (t, i) { return [t, series.values[i]]; });
    var bounds = series.thresholds.map(function (t) { return t.value; });
    var chart = echarts.init(plot, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 52, right: 110, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : fmt(v) + ' ' + series.unit; } },
      xAxis: { type: 'value', name: 's', min: scene.startSeconds, max: scene.startSeconds + (scene.frameCount - 1) * scene.stepSeconds },
      yAxis: { type: 'value', name: series.unit,
        min: function (r) { return +Math.min.apply(null, [r.min].concat(bounds)).toFixed(3); },
        max: function (r) { return +Math.max.apply(null, [r.max].concat(bounds)).toFixed(3); } },
      series: [{
        name: series.name, type: 'line', data: data, showSymbol: false, connectNulls: false, itemStyle: { color: '#0969da' },
        markLine: bounds.length ? { symbol: 'none', silent: true, lineStyle: { color: '#cf222e', type: 'dashed' },
          label: { position: 'end', formatter: function (p) { return p.name; }, fontSize: 10 },
          data: series.thresholds.map(function (t) { return { name: t.expectation, yAxis: t.value }; }) } : undefined,
        markArea: violations.length ? { silent: true, itemStyle: { color: 'rgba(207,34,46,0.12)' },
          data: violations.map(function (x) { return [{ xAxis: x.v.startSeconds }, { xAxis: x.v.endSeconds }]; }) } : undefined,
        markPoint: violations.length ? { symbol: 'pin', symbolSize: 28, itemStyle: { color: '#cf222e' }, label: { show: false },
          data: violations.map(function (x) { return { name: x.th.expectation, coord: [x.v.startSeconds, x.th.value], value: x.v.startSeconds }; }) } : undefined
      }]
    });
    chart.on('click', function (params) {
      if (params.componentType === 'markPoint') { choose(violations[params.dataIndex].v); }
    });
  }

  // Scenario drill-down: filtered in memory, one page of rows in the DOM at a time.
  (function renderScenarios() {
    var names = doc.candidates.map(function (c) { return c.id; });
    var reviewed = names.indexOf(doc.candidate.candidate);
    var transitions = {};
    doc.changes.forEach(function (c) { transitions[c.scenario] = c.transition; });
    var head = document.querySelector('#scenario-table thead');
    var headRow = el('tr', null, [el('th', { scope: 'col', text: 'Scenario' }), el('th', { scope: 'col', text: 'Behaviour' }), el('th', { scope: 'col', text: 'Severity' })]);
    names.forEach(function (n) { headRow.appendChild(el('th', { scope: 'col', className: 'cand', text: n })); });
    headRow.appendChild(el('th', { scope: 'col', text: 'Details' }));
    head.appendChild(headRow);

    var behaviorSelect = document.getElementById('filter-behavior');
    var behaviors = {};
    doc.scenarios.forEach(function (s) { behaviors[s.behavior] = true; });
    Object.keys(behaviors).sort().forEach(function (b) { behaviorSelect.appendChild(el('option', { value: b, text: b })); });

    var textInput = document.getElementById('filter-text');
    var outcomeSelect = document.getElementById('filter-outcome');
    var body = document.querySelector('#scenario-table tbody');
    var count = document.getElementById('scenario-count');
    var info = document.getElementById('page-info');
    var prev = document.getElementById('page-prev');
    var next = document.getElementById('page-next');
    var filtered = doc.scenarios;
    var scenes = {};
    doc.scenes.forEach(function (sc) { scenes[sc.scenario] = sc; });
    var page = 0;
    var open = {};

    function matches(s, text, behavior, outcome) {
      if (behavior && s.behavior !== behavior) { return false; }
      if (outcome) {
        var letter = reviewed >= 0 ? s.outcomes.charAt(reviewed) : '-';
        if (outcome === 'not-pass') { if (letter === 'p' || letter === '-') { return false; } }
        else if (outcome.length === 1) { if (letter !== outcome) { return false; } }
        else if (transitions[s.scenario] !== outcome) { return false; }
      }
      if (text) {
        var hay = (s.scenario + '\n' + (s.message || '')).toLowerCase();
        if (hay.indexOf(text) < 0) { return false; }
      }
      return true;
    }

    function apply() {
      var text = textInput.value.trim().toLowerCase();
      var behavior = behaviorSelect.value;
      var outcome = outcomeSelect.value;
      filtered = doc.scenarios.filter(function (s) { return matches(s, text, behavior, outcome); });
      page = 0;
      render();
    }

    function details(s) {
      var cell = el('td', { colspan: String(names.length + 4) });
      if (s.message) {
        cell.appendChild(el('h4', { text: 'Message in ' + doc.candidate.candidate }));
        cell.appendChild(el('pre', { className: 'message candidate-message', text: s.message }));
      }
      if (s.baselineMessage) {
        cell.appendChild(el('h4', { text: 'Message in ' + doc.baseline.candidate }));
        cell.appendChild(el('pre', { className: 'message baseline-message', text: s.baselineMessage }));
      }
      if (!s.message && !s.baselineMessage) {
        cell.appendChild(el('p', { text: 'No failure or warning message in the compared runs.' }));
      }
      if (scenes[s.scenario]) {
        var scene = scenes[s.scenario];
        var view = birdsEye(scene);
        cell.appendChild(view);
        if (scene.series && scene.series.length) {
          var charts = el('div', { className: 'series-charts', 'data-scenario': s.scenario });
          charts.appendChild(el('h4', { text: 'Signals of ' + doc.candidate.candidate + '\'s drive, with the expectations as thresholds' }));
          scene.series.forEach(function (series) { charts.appendChild(seriesChart(scene, series, view.chooseViolation || function () {})); });
          cell.appendChild(charts);
        }
      }
      if (s.learned.length) {
        var lt = el('table', { className: 'learned' });
        lt.appendChild(el('caption', { text: 'Learned evaluators on ' + doc.candidate.candidate + '\'s drive' }));
        lt.appendChild(el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Model' }), el('th', { scope: 'col', text: 'Version' }), el('th', { scope: 'col', text: 'Output' }), el('th', { scope: 'col', text: 'Value' }), el('th', { scope: 'col', text: 'SHA-256' })])]));
        var lb = el('tbody');
        s.learned.forEach(function (o) {
          lb.appendChild(el('tr', null, [td(o.evaluator), td(o.version), td(o.output), td(String(o.value), 'num'), td(o.sha256.slice(0, 12) + '…')]));
        });
        lt.appendChild(lb);
        cell.appendChild(lt);
      }
      if (s.metrics.length) {
        var table = el('table', { className: 'metrics' });
        table.appendChild(el('caption', { text: 'Metrics of ' + doc.candidate.candidate + '\'s drive' }));
        table.appendChild(el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Metric' }), el('th', { scope: 'col', text: 'Value' }), el('th', { scope: 'col', text: 'Unit' })])]));
        var tb = el('tbody');
        s.metrics.forEach(function (m) {
          tb.appendChild(el('tr', { 'data-metric': m.name }, [
            el('th', { scope: 'row', text: m.name }),
            td(m.value === null ? '— (' + m.note + ')' : String(m.value), 'num metric-value'),
            td(m.unit)
          ]));
        });
        table.appendChild(tb);
        cell.appendChild(table);
      }
      return el('tr', { className: 'details' }, [cell]);
    }

    function render() {
      var pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
      if (page >= pages) { page = pages - 1; }
      var start = page * PAGE_SIZE;
      var rows = filtered.slice(start, start + PAGE_SIZE);
      var fragment = document.createDocumentFragment();
      rows.forEach(function (s) {
        var row = el('tr', { 'data-scenario': s.scenario });
        row.appendChild(el('th', { scope: 'row', className: 'scenario', text: s.scenario }));
        row.appendChild(td(s.behavior));
        row.appendChild(td(s.severity));
        for (var i = 0; i < names.length; i++) { row.appendChild(outcomeCell(s.outcomes.charAt(i), names[i])); }
        var button = el('button', { type: 'button', className: 'expand', 'aria-expanded': open[s.scenario] ? 'true' : 'false', text: open[s.scenario] ? 'Hide' : 'Show' });
        button.setAttribute('aria-label', (open[s.scenario] ? 'Hide' : 'Show') + ' details of ' + s.scenario);
        button.addEventListener('click', function () {
          open[s.scenario] = !open[s.scenario];
          render();
          var again = body.querySelector('tr[data-scenario="' + CSS.escape(s.scenario) + '"] button.expand');
          if (again) { again.focus(); }
        });
        row.appendChild(el('td', null, [button]));
        fragment.appendChild(row);
        if (open[s.scenario]) { fragment.appendChild(details(s)); }
      });
      body.replaceChildren(fragment);
      pendingCharts.splice(0).forEach(function (draw) { draw(); });
      count.textContent = filtered.length + ' of ' + doc.scenarios.length + ' scenarios';
      info.textContent = 'Page ' + (page + 1) + ' of ' + pages;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }

    document.getElementById('scenario-filter').addEventListener('submit', function (e) { e.preventDefault(); apply(); });
    textInput.addEventListener('input', apply);
    behaviorSelect.addEventListener('change', apply);
    outcomeSelect.addEventListener('change', apply);
    prev.addEventListener('click', function () { page--; render(); });
    next.addEventListener('click', function () { page++; render(); });
    render();
  })();

  // Evaluator health: per learned evaluator version and golden set, the certification, the kind of labels, the agreement
  // at the threshold with its Wilson interval and a reliability diagram.
  (function renderHealth() {
    var health = doc.health;
    var body = document.querySelector('#health-table tbody');
    if (!health) {
      document.getElementById('health-source').textContent = 'No evaluator health: the report was built without a source of model cards and golden sets.';
      return;
    }
    document.getElementById('health-source').textContent = 'From ' + health.source + '. Agreement: golden items with a resolved label, scored again with the model for this report; a probability at or above the threshold counts as positive.';
    document.getElementById('health-judges').textContent = health.judges;
    if (health.evaluators.length === 0) {
      body.appendChild(el('tr', null, [el('td', { colspan: '9', text: 'The suite has no learned evaluators.' })]));
    }
    var charts = document.getElementById('reliability-charts');
    health.evaluators.forEach(function (h, k) {
      var key = h.evaluator + '@' + h.version;
      var row = el('tr', { 'data-evaluator': key, 'data-set': h.goldenSet || '' });
      row.appendChild(el('th', { scope: 'row', text: key }));
      row.appendChild(td(h.behaviour));
      row.appendChild(td(h.goldenSet ? h.goldenSet + ' v' + h.goldenSetVersion : '—', 'golden-set'));
      row.appendChild(td(h.labelBasis || 'not recorded', 'label-basis'));
      row.appendChild(td(h.status, 'status s-' + h.status));
      row.appendChild(td(h.items ? h.agreements + '/' + h.items + ' = ' + pct(h.agreementRate) + interval(h.agreementInterval) + ' at p ≥ ' + h.threshold : '— (' + (h.note || 'not scored') + ')', 'agreement'));
      row.appendChild(td(h.statistic ? h.statistic + ' ' + h.statisticValue.toFixed(3) + (h.statisticInterval ? ' [' + h.statisticInterval.lower.toFixed(3) + ', ' + h.statisticInterval.upper.toFixed(3) + ']' : '') : '—', 'statistic'));
      row.appendChild(td(h.ece === null ? '—' : h.ece.toFixed(4), 'num ece'));
      row.appendChild(td(h.reason, 'reason'));
      body.appendChild(row);
      if (!h.reliability.length) { return; }
      var box = el('figure', { className: 'chart reliability', id: 'reliability-' + k, 'data-evaluator': key, 'data-set': h.goldenSet || '' });
      box.appendChild(el('h3', { text: 'Reliability of ' + key + ' on ' + h.goldenSet }));
      var plot = el('div', { className: 'plot', role: 'img', 'aria-label': 'Reliability diagram of ' + key + ': observed positive rate against mean probability per bin (the table below has the numbers)' });
      box.appendChild(plot);
      var bt = el('table', { className: 'bins' });
      bt.appendChild(el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Bin' }), el('th', { scope: 'col', text: 'Items' }), el('th', { scope: 'col', text: 'Mean probability' }), el('th', { scope: 'col', text: 'Observed positive rate' })])]));
      var bb = el('tbody');
      h.reliability.forEach(function (b) {
        bb.appendChild(el('tr', { 'data-lower': String(b.lower) }, [td('[' + b.lower.toFixed(1) + ', ' + b.upper.toFixed(1) + ')'), td(String(b.items), 'num items'), td(b.meanProbability.toFixed(3), 'num mean'), td(b.observedRate.toFixed(3) + ' (' + b.positives + '/' + b.items + ')', 'num observed')]));
      });
      bt.appendChild(bb);
      box.appendChild(bt);
      charts.appendChild(box);
      if (!window.echarts) { return; }
      var chart = echarts.init(plot, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        grid: { left: 44, right: 12, top: 12, bottom: 36 },
        tooltip: { trigger: 'item' },
        xAxis: { type: 'value', min: 0, max: 1, name: 'mean probability' },
        yAxis: { type: 'value', min: 0, max: 1, name: 'observed' },
        series: [
          { name: 'perfect calibration', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none', lineStyle: { type: 'dashed', color: '#8c959f' }, silent: true },
          { name: key, type: 'line', data: h.reliability.map(function (b) { return [+b.meanProbability.toFixed(4), +b.observedRate.toFixed(4)]; }), symbolSize: function (v, p) { return 4 + Math.sqrt(h.reliability[p.dataIndex].items); }, itemStyle: { color: '#0969da' } }
        ]
      });
    });
  })();

  // Coverage: per behaviour a table of road type × speed band (rows) by traffic density (columns), every cell shown.
  (function renderCoverage() {
    var cov = doc.coverage;
    var rules = document.getElementById('coverage-rules');
    cov.rules.forEach(function (r) { rules.appendChild(el('li', { text: r })); });
    var box = document.getElementById('coverage-shortfalls');
    if (cov.minimum === null) {
      box.appendChild(el('p', { className: 'decision none', text: 'No coverage minimum: the gate policy has no coverage: field.' }));
    } else if (cov.shortfalls.length === 0) {
      box.appendChild(el('p', { className: 'decision pass', text: 'Every cell the gate policy names holds at least ' + cov.minimum + ' scenario(s).' }));
    } else {
      box.appendChild(el('p', { className: 'decision fail', text: cov.shortfalls.length + ' cell(s) under the gate policy\'s minimum of ' + cov.minimum + ' scenario(s):' }));
      var list = el('ul', { className: 'shortfalls' });
      cov.shortfalls.forEach(function (m) { list.appendChild(el('li', { text: m })); });
      box.appendChild(list);
    }
    var tables = document.getElementById('coverage-tables');
    var behaviors = [];
    cov.cells.forEach(function (c) { if (behaviors.indexOf(c.behavior) < 0) { behaviors.push(c.behavior); } });
    behaviors.forEach(function (b) {
      var table = el('table', { className: 'coverage', 'data-behavior': b });
      table.appendChild(el('caption', { text: b }));
      var head = el('tr', null, [el('th', { scope: 'col', text: 'Road type' }), el('th', { scope: 'col', text: 'Speed band' })]);
      cov.densities.forEach(function (d) { head.appendChild(el('th', { scope: 'col', text: d + ' traffic' })); });
      table.appendChild(el('thead', null, [head]));
      var body = el('tbody');
      cov.roadTypes.forEach(function (r) {
        cov.speedBands.forEach(function (sp) {
          var row = el('tr', null, [el('th', { scope: 'row', text: r }), el('th', { scope: 'row', text: sp })]);
          cov.densities.forEach(function (d) {
            var cell = cov.cells.filter(function (c) { return c.behavior === b && c.roadType === r && c.speedBand === sp && c.density === d; })[0];
            var n = cell ? cell.scenarios.length : 0;
            var cls = 'num cov' + (n === 0 ? ' empty' : '') + (cell && cell.underMinimum ? ' under-minimum' : '');
            var c = el('td', { className: cls, 'data-road': r, 'data-speed': sp, 'data-density': d, text: String(n) + (cell && cell.underMinimum ? ' ⚠' : '') });
            if (cell && n) { c.setAttribute('title', cell.scenarios.join('\n')); }
            row.appendChild(c);
          });
          body.appendChild(row);
        });
      });
      table.appendChild(body);
      tables.appendChild(el('div', { className: 'scroll' }, [table]));
    });
    document.getElementById('coverage-unclassified').textContent = cov.unclassified.length
      ? cov.unclassified.length + ' scenario(s) could not be classified: ' + cov.unclassified.join('; ')
      : 'Every scenario of the run was classified (' + cov.scenarios.length + ').';
  })();

  document.documentElement.setAttribute('data-ready', 'true');
})();

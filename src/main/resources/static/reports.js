// The weekly service report page: loads /api/reports/weekly as JSON and shows every indicator.
// Known indicators become tiles and charts; any other indicator row (new ones added to the report
// later) shows in the "More indicators" table without a change here. Every text goes into the
// page through textContent (never innerHTML): escalation reasons are typed by agents.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const DAY = 86400000;

  // Tiles, in the order of the domain's report: efficiency, quality, process.
  // basis: the count indicator the value is computed over, and what it counts.
  const TILES = [
    { indicator: 'average_first_response_time', title: 'Average first response time',
      basis: 'first_response_tickets', counts: ['ticket created and responded to', 'tickets created and responded to'] },
    { indicator: 'average_resolution_time', title: 'Average resolution time',
      basis: 'closed_tickets', counts: ['ticket closed', 'tickets closed'] },
    { indicator: 'first_contact_resolution_rate', title: 'First-contact resolution rate',
      basis: 'closed_tickets', counts: ['ticket closed', 'tickets closed'] },
    { indicator: 'satisfaction_score', title: 'Satisfaction (1 to 5)',
      basis: 'surveys_answered', counts: ['survey answered', 'surveys answered'] },
    { indicator: 'one_time_resolution_rate', title: 'One-time resolution rate',
      basis: 'closed_tickets', counts: ['ticket closed', 'tickets closed'] },
    { indicator: 'repeat_complaint_rate', title: 'Repeat-complaint rate',
      basis: 'complaint_tickets', counts: ['complaint ticket', 'complaint tickets'] },
    { indicator: 'backlog', title: 'Backlog', note: 'tickets open at the end of the week' }
  ];
  const CHARTED = ['stage_time_share', 'top_escalation_reason', 'sla_compliance', 'sla_clocks_stopped'];
  const KNOWN = new Set(TILES.flatMap((t) => [t.indicator, t.basis]).filter(Boolean).concat(CHARTED));

  const STAGES = {
    Task_HandleTier1: 'Tier 1', Task_HandleTier2: 'Tier 2', Task_HandleTier3: 'Tier 3',
    Task_ReviewResolution: 'Supervisor review', Task_HandleSlaBreach: 'SLA breach handling'
  };
  const CLOCKS = {
    ASSIGNMENT: 'Assignment', RESPONSE: 'First response', TIER2_FEEDBACK: 'Tier-2 feedback', RESOLUTION: 'Resolution'
  };
  const COLORS = ['#2a6fdb', '#e8833a', '#3a9e5c', '#b04bb0', '#c9a227', '#5f7386', '#d0455b'];

  function text(tag, content, className) {
    const el = document.createElement(tag);
    el.textContent = content;
    if (className) el.className = className;
    return el;
  }
  // numeric: indexes of the columns that hold numbers (right-aligned)
  function tableRows(table, header, rows, numeric) {
    const head = document.createElement('tr');
    head.append(...header.map((h) => text('th', h)));
    table.replaceChildren(head, ...rows.map((cells) => {
      const tr = document.createElement('tr');
      tr.append(...cells.map((c, i) => text('td', c, numeric.includes(i) ? 'number' : '')));
      return tr;
    }));
  }
  function message(content, isError) {
    const section = $('message');
    section.replaceChildren(text('p', content));
    section.className = 'message' + (isError ? ' error' : '');
    section.hidden = false;
  }

  const has = (value) => value !== undefined && value !== null;
  function format(value, unit) {
    if (!has(value)) return '–';
    switch (unit) {
      case 'ratio': return (value * 100).toFixed(1) + '%';
      case 'minutes': return value < 60 ? value.toFixed(1) + ' min' : (value / 60).toFixed(1) + ' h';
      case 'score': return value.toFixed(2);
      case 'count': return String(value);
      default: return String(value); // a unit the page does not know: as it comes, the unit beside it
    }
  }
  function humanize(indicator) {
    const words = indicator.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  // ISO week ("2026-W47") of the UTC date of an instant.
  function isoWeek(millis) {
    const d = new Date(millis);
    const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
    const week = Math.ceil(((thursday - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
    return thursday.getUTCFullYear() + '-W' + String(week).padStart(2, '0');
  }
  function period(report) {
    const last = new Date(Date.parse(report.to) - 1);
    try {
      const day = new Intl.DateTimeFormat('en-GB', { timeZone: report.zone, weekday: 'short', day: 'numeric',
        month: 'short', year: 'numeric' });
      return day.format(new Date(report.from)) + ' to ' + day.format(last) + ', ' + report.zone + ' time';
    } catch (e) {
      return report.from + ' to ' + report.to + ' (UTC)';
    }
  }

  function showWeek(report) {
    $('week').value = report.week;
    $('period').textContent = period(report);
    const midweek = Date.parse(report.from) + 3.5 * DAY;
    const previous = $('previous');
    previous.href = 'reports?week=' + isoWeek(midweek - 7 * DAY);
    previous.hidden = false;
    const next = $('next');
    next.href = 'reports?week=' + isoWeek(midweek + 7 * DAY);
    next.hidden = Date.parse(report.to) + 7 * DAY > Date.now(); // that week has not ended yet
    const csv = $('csv');
    csv.href = 'api/reports/weekly?week=' + encodeURIComponent(report.week) + '&format=csv';
    csv.download = 'service-report-' + report.week + '.csv';
    csv.hidden = false;
  }

  function showTiles(rows) {
    const single = (indicator) => rows.find((r) => r.indicator === indicator && !r.dimension);
    $('tiles').replaceChildren(...TILES.map((tile) => {
      const row = single(tile.indicator);
      const el = document.createElement('figure');
      el.className = 'tile';
      el.dataset.indicator = tile.indicator;
      const value = text('p', row ? format(row.value, row.unit) : '–', 'value');
      if (!row || !has(row.value)) value.classList.add('none');
      if (row && row.unit === 'minutes' && has(row.value)) value.title = row.value.toFixed(1) + ' minutes';
      let basis = tile.note || '';
      if (tile.basis) {
        const count = single(tile.basis);
        const n = count && has(count.value) ? count.value : 0;
        basis = n === 0 ? 'nothing to measure: no ' + tile.counts[1] : 'over ' + n + ' ' + tile.counts[n === 1 ? 0 : 1];
      }
      el.append(text('h3', tile.title), value, text('p', basis, 'basis'));
      return el;
    }));
  }

  // A chart with its figures table under it, or the "nothing this week" note.
  function chart(id, rows, header, numeric, cells, config) {
    const figure = $(id).closest('figure');
    const empty = rows.length === 0;
    figure.querySelector('.canvas-box').hidden = empty;
    figure.querySelector('.empty').hidden = !empty;
    figure.querySelector('details').hidden = empty;
    tableRows(figure.querySelector('table'), header, rows.map(cells), numeric);
    if (!empty && typeof Chart !== 'undefined') {
      new Chart($(id), config);
    }
  }
  const percentAxis = { min: 0, max: 100, ticks: { maxRotation: 0, callback: (v) => v + '%' } };

  function showStages(rows) {
    const order = Object.keys(STAGES);
    const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
    const stages = rows.filter((r) => r.indicator === 'stage_time_share')
      .sort((a, b) => rank(a.dimension) - rank(b.dimension) || a.dimension.localeCompare(b.dimension));
    const name = (key) => STAGES[key] || key;
    chart('chart-stages', stages, ['Stage', 'Task', 'Share'], [2],
      (r) => [name(r.dimension), r.dimension, format(r.value, 'ratio')], {
        type: 'bar',
        data: { labels: stages.map((r) => name(r.dimension)),
          datasets: [{ label: 'Share of time', data: stages.map((r) => (has(r.value) ? r.value * 100 : null)),
            backgroundColor: COLORS[0], maxBarThickness: 32 }] },
        options: { indexAxis: 'y', scales: { x: percentAxis },
          plugins: { legend: { display: false },
            tooltip: { callbacks: { label: (c) => c.parsed.x.toFixed(1) + '% of the time in user tasks' } } } }
      });
  }

  function showEscalations(rows) {
    const reasons = rows.filter((r) => r.indicator === 'top_escalation_reason');
    chart('chart-escalations', reasons, ['Reason', 'Escalations'], [1], (r) => [r.dimension, format(r.value, 'count')], {
      type: 'bar',
      data: { labels: reasons.map((r) => r.dimension),
        datasets: [{ label: 'Escalations', data: reasons.map((r) => r.value), backgroundColor: COLORS[1],
          maxBarThickness: 32 }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: false } } }
    });
  }

  function showSla(rows) {
    const split = (dimension) => {
      const at = dimension.lastIndexOf('/');
      return at < 0 ? [dimension, ''] : [dimension.slice(0, at), dimension.slice(at + 1)];
    };
    const compliance = rows.filter((r) => r.indicator === 'sla_compliance');
    const stopped = new Map(rows.filter((r) => r.indicator === 'sla_clocks_stopped').map((r) => [r.dimension, r.value]));
    const order = Object.keys(CLOCKS);
    const rank = (clock) => (order.includes(clock) ? order.indexOf(clock) : order.length);
    const clocks = [...new Set(compliance.map((r) => split(r.dimension)[0]))]
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const priorities = [...new Set(compliance.map((r) => split(r.dimension)[1]))].sort();
    const value = (clock, priority) => compliance.find((r) => r.dimension === clock + '/' + priority);
    chart('chart-sla', compliance, ['Clock', 'Priority', 'Compliance', 'Clocks stopped'], [2, 3],
      (r) => { const [clock, priority] = split(r.dimension);
        return [CLOCKS[clock] || clock, priority, format(r.value, 'ratio'), String(stopped.get(r.dimension) ?? '–')]; }, {
        type: 'bar',
        data: { labels: clocks.map((c) => CLOCKS[c] || c),
          datasets: priorities.map((priority, i) => ({
            label: priority, backgroundColor: COLORS[i % COLORS.length], maxBarThickness: 48,
            minBarLength: 3, // a 0% bar is still seen
            data: clocks.map((clock) => { const row = value(clock, priority);
              return row && has(row.value) ? row.value * 100 : null; }) })) },
        options: { scales: { y: percentAxis },
          plugins: { tooltip: { callbacks: { label: (c) => {
            const dimension = clocks[c.dataIndex] + '/' + c.dataset.label;
            return c.dataset.label + ': ' + c.parsed.y.toFixed(1) + '% met of ' + stopped.get(dimension) + ' clocks';
          } } } } }
      });
  }

  // Every row the page does not know yet, as it comes.
  function showMore(rows) {
    const more = rows.filter((r) => !KNOWN.has(r.indicator));
    $('more').hidden = more.length === 0;
    tableRows($('more-table'), ['Indicator', 'Dimension', 'Value', 'Unit'],
      more.map((r) => [humanize(r.indicator), r.dimension || '', format(r.value, r.unit), r.unit || '']), [2]);
  }

  async function load() {
    const week = new URLSearchParams(location.search).get('week');
    if (week) $('week').value = week;
    try {
      const response = await fetch('api/reports/weekly' + (week ? '?week=' + encodeURIComponent(week) : ''),
        { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        let detail = response.status + ' ' + response.statusText;
        try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch (e) { /* not JSON */ }
        message('The report could not be loaded: ' + detail, true);
        return;
      }
      const report = await response.json();
      const rows = report.indicators || [];
      showWeek(report);
      showTiles(rows);
      if (typeof Chart === 'undefined') {
        message('The charts could not be loaded; their figures are below each of them.', true);
      } else {
        Chart.defaults.animation = false;
        Chart.defaults.maintainAspectRatio = false;
        Chart.defaults.font.family = 'system-ui, sans-serif';
      }
      showStages(rows);
      showEscalations(rows);
      showSla(rows);
      showMore(rows);
    } catch (e) {
      message('The report could not be loaded: ' + e.message, true);
    } finally {
      $('report').setAttribute('aria-busy', 'false');
    }
  }

  load();
}());

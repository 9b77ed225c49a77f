// The intake page: looks up the caller and creates the ticket through the public API.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const value = (id) => { const v = $(id).value.trim(); return v === '' ? undefined : v; };
  let customerId;

  function show(section, nodes, isError) {
    section.replaceChildren(...nodes);
    section.className = isError ? 'error' : '';
    section.hidden = false;
  }
  function text(tag, content, className) {
    const el = document.createElement(tag);
    el.textContent = content;   // never innerHTML: names and subjects come from people
    if (className) el.className = className;
    return el;
  }
  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '–';
  }
  async function problem(response) {
    try {
      const body = await response.json();
      const fields = (body.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
      return (body.detail || body.title || response.statusText) + (fields ? ' (' + fields + ')' : '');
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  $('lookup-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (value('phone')) params.set('phone', value('phone'));
    if (value('email')) params.set('email', value('email'));
    const response = await fetch('/api/customers/lookup?' + params);
    if (!response.ok) { show($('customer'), [text('p', await problem(response))], true); return; }
    const found = await response.json();
    if (!found.found) {
      customerId = undefined;
      show($('customer'), [text('p', 'New customer: a STANDARD customer will be created with the ticket.')]);
      return;
    }
    customerId = found.customerId;
    const who = text('p', 'Known customer ' + found.name + ' · tier ');
    who.append(text('span', found.tier, 'tier'));
    const nodes = [who];
    const open = found.tickets.filter((t) => t.status !== 'CLOSED');
    if (open.length === 0) {
      nodes.push(text('p', 'No open tickets.'));
    } else {
      const table = document.createElement('table');
      table.append(...[['Open ticket', 'Subject', 'Status']].concat(open.map((t) => [t.number, t.subject, t.status]))
        .map((cells, row) => { const tr = document.createElement('tr');
          tr.append(...cells.map((c) => text(row === 0 ? 'th' : 'td', c))); return tr; }));
      nodes.push(table);
    }
    show($('customer'), nodes);
  });

  // the session's CSRF token, which the server sets as a cookie for our pages' scripts
  function csrfToken() {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('SD-XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('SD-XSRF-TOKEN='.length)) : '';
  }

  $('ticket-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      customerId, customerName: value('customerName'), phone: value('phone'), email: value('email'),
      channel: value('channel'), category: value('category'), priority: value('priority'),
      subject: value('subject'), description: value('description'), product: value('product'),
      orderNumber: value('orderNumber')
    };
    if (!body.customerName) { show($('result'), [text('p', 'The caller\'s name is required.')], true); return; }
    const response = await fetch('/api/tickets', {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-SD-XSRF-TOKEN': csrfToken() }
    });
    if (!response.ok) { show($('result'), [text('p', await problem(response))], true); return; }
    const created = await response.json();
    show($('result'), [
      text('p', 'Ticket created:'), text('h2', created.number, 'number'),
      text('p', 'Status: ' + created.status),
      text('p', 'Respond by: ' + when(created.responseDueAt)),
      text('p', 'Resolve by: ' + when(created.resolutionDueAt))
    ]);
  });
}());

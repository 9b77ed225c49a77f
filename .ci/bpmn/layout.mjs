#!/usr/bin/env node
// Adds (or recomputes) the diagram layout (BPMN DI) of BPMN files.
//
//   node .ci/bpmn/layout.mjs                  # every processes/*.bpmn, in place
//   node .ci/bpmn/layout.mjs a.bpmn [...]     # only these files, in place
//   node .ci/bpmn/layout.mjs --check [...]    # exit 1 if a file's layout is missing or out of date
//   node .ci/bpmn/layout.mjs --raw [...]      # bpmn-auto-layout's grid only (no refinement), for comparison
//   node .ci/bpmn/layout.mjs --out-dir DIR    # write the results to DIR instead of in place
//   node .ci/bpmn/layout.mjs --force [...]    # write even if the layout checks report problems
//
// How it works:
//   1. Any existing <bpmndi:BPMNDiagram> is cut out of the file text. What is left -- the
//      semantic part -- is never rewritten: the new DI is spliced back into that very text, so
//      every id, name, camunda:* attribute, documentation, condition and extension element
//      stays byte for byte as it was (only xmlns:bpmndi/dc/di are added to the root element
//      when missing).
//   2. bpmn-auto-layout generates the DI (shapes, edges, isExpanded, isMarkerVisible). Every
//      embedded sub-process is laid out expanded, with its content in the same plane.
//   3. Refinement: bpmn-auto-layout 1.3's grid puts long chains on one row, routes flows
//      straight through other shapes and writes no label bounds (see `--raw`). So the shapes
//      and edges it created are re-positioned with ELK's layered algorithm (elkjs, offline):
//      orthogonal flows, no overlaps, feedback loops routed around, the expanded sub-processes
//      laid out inside-out. A task or sub-process with boundary events is laid out as one block:
//      the events on its lower border, the path after each event (the nodes only reachable
//      through it) in a row below, reached by a flow that drops straight down from the event;
//      paths sit side by side or, when the host is too narrow, as a staircase, so these flows
//      never cross. Event sub-processes go below the main flow. A very wide main flow around a
//      big sub-process is wrapped: the sub-process gets a row of its own. Flows between rows and
//      flows that join a boundary path back into the main flow are routed on a grid through
//      the free space (fewest bends and crossings). Then a BPMN touch: flows meet events /
//      gateways on their centre lines, flows that turn up or down at a gateway use its top /
//      bottom corner, simple L-shaped routes replace detours, small steps are straightened,
//      several flows into one side of a gateway meet at its corner, and every label gets
//      explicit bounds (events / gateways: below, else above or beside; boundary events: beside
//      their flow; sequence flows: next to the gateway end) placed where it touches no shape,
//      label or flow. Label sizes follow bpmn-js / Camunda Modeler (Arial 11px, wrapped at
//      90px); tasks whose names need more than 4 lines (3 with boundary events) get wider.
//   4. The result is checked: the semantic part (text with DI stripped, and the model parsed
//      with bpmn-moddle + camunda-bpmn-moddle) must equal the input's; every flow element must
//      have DI; no shapes or labels may overlap, no flow may cross a shape or run on top of an
//      unrelated flow. Nothing is written when such a check fails (unless --force). A flow
//      crossing a label (or a label that found no entirely free place) is only a warning.
//   The layout is deterministic: re-running it on an up-to-date file changes nothing.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';
import ELK from 'elkjs/lib/elk.bundled.js';

const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const DI_NAMESPACES = {
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI'
};

// ---------------------------------------------------------------------------------------------
// Text of the file: strip / splice the DI, keep everything else as it is

const DIAGRAM_RE = /[ \t]*<((?:[\w.-]+:)?)BPMNDiagram\b[\s\S]*?<\/\1BPMNDiagram>[ \t]*(?:\r?\n)?/g;

function stripDi(text) {
  return text.replace(DIAGRAM_RE, '');
}

function rootStartTag(text) {
  const m = /<((?:[\w.-]+:)?)definitions\b[^>]*>/.exec(text);
  if (!m) throw new Error('no <definitions> root element');
  return { index: m.index, tag: m[0], prefix: m[1] };
}

/** Adds xmlns:bpmndi / xmlns:dc / xmlns:di to the root element if they are missing. */
function ensureDiNamespaces(text) {
  const { index, tag } = rootStartTag(text);
  let newTag = tag;
  for (const [prefix, uri] of Object.entries(DI_NAMESPACES)) {
    const declared = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*["']([^"']*)["']`).exec(newTag);
    if (declared) {
      if (declared[1] !== uri) throw new Error(`xmlns:${prefix} is bound to ${declared[1]}, expected ${uri}`);
      continue;
    }
    if (newTag.includes(`"${uri}"`) || newTag.includes(`'${uri}'`)) {
      throw new Error(`${uri} is declared under a prefix other than "${prefix}"; not supported`);
    }
    // insert after the last xmlns declaration, on its own line when the tag is multi-line
    const decls = [...newTag.matchAll(/(\s+)xmlns(?::[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')/g)];
    const last = decls[decls.length - 1];
    const at = last.index + last[0].length;
    const sep = last[1].includes('\n') ? last[1] : ' ';
    newTag = newTag.slice(0, at) + `${sep}xmlns:${prefix}="${uri}"` + newTag.slice(at);
  }
  return text.slice(0, index) + newTag + text.slice(index + tag.length);
}

/** Inserts the DI block (complete lines) right before the closing root tag. */
function spliceDi(text, diBlock) {
  const { prefix } = rootStartTag(text);
  const close = text.lastIndexOf(`</${prefix}definitions>`);
  if (close < 0) throw new Error('no closing </definitions> tag');
  let before = text.slice(0, close);
  const lineStart = before.lastIndexOf('\n') + 1;
  if (before.slice(lineStart).trim() !== '') {
    before += '\n';
  } else {
    before = before.slice(0, lineStart);
  }
  const closingIndent = text.slice(lineStart, close).trim() === '' ? text.slice(lineStart, close) : '';
  return before + diBlock + closingIndent + text.slice(close);
}

/** The semantic text: DI blocks and the DI namespace declarations removed. */
function semanticText(text) {
  let out = stripDi(text);
  const { index, tag } = rootStartTag(out);
  let newTag = tag;
  for (const [prefix, uri] of Object.entries(DI_NAMESPACES)) {
    newTag = newTag.replace(new RegExp(`\\s+xmlns:${prefix}\\s*=\\s*["']${uri.replace(/[.]/g, '\\.')}["']`), '');
  }
  out = out.slice(0, index) + newTag + out.slice(index + tag.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Label metrics: bpmn-js renders external labels in Arial 11px, line height 1.2, wrapped to the
// label bounds' width (Camunda Modeler uses 90px). Liberation Sans has the same metrics.

// Arial/Helvetica advance widths (1/1000 em) for ASCII 32..126
const ARIAL_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
];
const FONT_SIZE = 11;
const LINE_HEIGHT = FONT_SIZE * 1.2;
const NODE_LABEL_WIDTH = 90;
const FLOW_LABEL_WIDTH = 110;

function textWidth(text) {
  let w = 0;
  for (const ch of text.trimEnd()) {
    const c = ch.codePointAt(0);
    w += (c >= 32 && c <= 126) ? ARIAL_WIDTHS[c - 32] : 556;
  }
  return w * FONT_SIZE / 1000;
}

// same line breaking as diagram-js' Text util (layoutNext / shortenLine / semanticShorten)
function semanticShorten(line, maxLength) {
  const parts = line.split(/(\s|-|\u00AD)/g);
  const shortened = [];
  let length = 0, part;
  if (parts.length > 1) {
    while ((part = parts.shift())) {
      if (part.length + length < maxLength) {
        shortened.push(part);
        length += part.length;
      } else {
        if (part === '-' || part === '\u00AD') shortened.pop();
        break;
      }
    }
  }
  if (shortened[shortened.length - 1] === '\u00AD') shortened[shortened.length - 1] = '-';
  return shortened.join('');
}

function wrapText(text, maxWidth) {
  const lines = text.split(/\r?\n/);
  const out = [];
  while (lines.length) {
    const original = lines.shift();
    let fitLine = original;
    for (;;) {
      const width = fitLine ? textWidth(fitLine) : 0;
      if (fitLine === ' ' || fitLine === '' || width <= maxWidth || fitLine.length < 2) break;
      const length = Math.max(fitLine.length * (maxWidth / width), 1);
      fitLine = semanticShorten(fitLine, length) || fitLine.slice(0, Math.max(Math.round(length - 1), 1));
    }
    if (fitLine.length < original.length) lines.unshift(original.slice(fitLine.length).trim());
    out.push(fitLine);
  }
  return out;
}

function labelSize(text, maxWidth) {
  const lines = wrapText(text, maxWidth);
  return {
    width: Math.ceil(Math.max(...lines.map(textWidth))) + 2,
    height: Math.ceil(lines.length * LINE_HEIGHT)
  };
}

// ---------------------------------------------------------------------------------------------
// Model helpers

const is = (el, type) => el && el.$instanceOf && el.$instanceOf(type);
const isFlow = (el) => is(el, 'bpmn:SequenceFlow');
const isBoundary = (el) => is(el, 'bpmn:BoundaryEvent');
const hasExternalLabel = (el) =>
  is(el, 'bpmn:Event') || is(el, 'bpmn:Gateway') || is(el, 'bpmn:SequenceFlow') ||
  is(el, 'bpmn:DataObjectReference') || is(el, 'bpmn:DataStoreReference');

function shapeSize(el) {
  if (is(el, 'bpmn:Gateway')) return { width: 50, height: 50 };
  if (is(el, 'bpmn:Event')) return { width: 36, height: 36 };
  if (is(el, 'bpmn:DataObjectReference')) return { width: 36, height: 50 };
  if (is(el, 'bpmn:DataStoreReference')) return { width: 50, height: 50 };
  // tasks: 100 x 80, wider when the name (bpmn-js: Arial 12px, 5px padding) would need more
  // than 4 lines -- or 3, when boundary events cover the lower border
  if (el.name && !is(el, 'bpmn:SubProcess')) {
    const hostsBoundary = (el.$parent && el.$parent.flowElements || []).some((b) => b.attachedToRef === el);
    const maxLines = hostsBoundary ? 3 : 4;
    for (let width = 100; width < 160; width += 20) {
      if (wrapText(el.name, (width - 10) * FONT_SIZE / 12).length <= maxLines) return { width, height: 80 };
    }
    return { width: 160, height: 80 };
  }
  return { width: 100, height: 80 };
}

function loadModdle(xml) {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });
  return moddle.fromXML(xml).then((res) => ({ moddle, ...res }));
}

// ---------------------------------------------------------------------------------------------
// Step 2: bpmn-auto-layout

/** DI stub that makes bpmn-auto-layout lay out the given sub-processes expanded. */
function expandedStub(processEl, subProcesses) {
  const shapes = subProcesses.map((sp) =>
    `    <bpmndi:BPMNShape id="${sp.id}_di" bpmnElement="${sp.id}" isExpanded="true">\n` +
    '      <dc:Bounds x="0" y="0" width="100" height="80" />\n' +
    '    </bpmndi:BPMNShape>\n').join('');
  return `  <bpmndi:BPMNDiagram id="BPMNDiagram_stub">\n    <bpmndi:BPMNPlane id="BPMNPlane_stub" bpmnElement="${processEl.id}">\n${shapes}    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n`;
}

function allSubProcesses(container) {
  const result = [];
  for (const el of container.flowElements || []) {
    if (is(el, 'bpmn:SubProcess')) result.push(el, ...allSubProcesses(el));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Step 3: refinement with ELK

const elk = new ELK();

const BOUNDARY = 36;
const SUBPROCESS_PADDING = { top: 45, left: 30, bottom: 45, right: 30 };
const PROCESS_PADDING = { top: 20, left: 20, bottom: 20, right: 20 };
const PATH_PADDING = { top: 4, left: 0, bottom: 4, right: 4 }; // a boundary event's path

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.mergeEdges': 'false',
  'elk.layered.feedbackEdges': 'true',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '45',
  'elk.spacing.edgeNode': '20',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.spacing.edgeEdge': '15',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '15',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelNode': '4',
  'elk.spacing.labelLabel': '4',
  'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER',
  'elk.portLabels.placement': 'OUTSIDE',
  'elk.edgeLabels.placement': 'TAIL',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.json.edgeCoords': 'CONTAINER',
  'elk.json.shapeCoords': 'PARENT'
};

/**
 * Splits the nodes of a container (boundary events and event sub-processes excluded) into the
 * main flow -- everything reachable from the nodes without incoming flows -- and, per boundary
 * event, the nodes only reachable through it (its "path"). Paths stop where they join the main
 * flow or another path; such joining flows are routed at the end (see autoRoute).
 */
function partitionNodes(nodes, boundaries, flows) {
  const nodeSet = new Set(nodes);
  const succ = new Map();
  const incoming = new Set();
  for (const f of flows) {
    if (!succ.has(f.sourceRef)) succ.set(f.sourceRef, []);
    succ.get(f.sourceRef).push(f.targetRef);
    incoming.add(f.targetRef);
  }
  const spread = (starts, set, allowed) => {
    const stack = [...starts];
    while (stack.length) {
      const n = stack.pop();
      if (!nodeSet.has(n) || set.has(n) || !allowed(n)) continue;
      set.add(n);
      for (const t of succ.get(n) || []) stack.push(t);
    }
  };
  const main = new Set();
  spread(nodes.filter((n) => !incoming.has(n)), main, () => true);
  const assigned = new Set(main);
  const paths = new Map();
  for (const b of boundaries) {
    const set = new Set();
    spread(succ.get(b) || [], set, (n) => !assigned.has(n));
    set.forEach((n) => assigned.add(n));
    paths.set(b, nodes.filter((n) => set.has(n)));
  }
  // nodes reachable from nowhere (e.g. a cycle without entry) stay in the main flow
  for (const n of nodes) if (!assigned.has(n)) main.add(n);
  return { main: nodes.filter((n) => main.has(n)), paths };
}

const isEventSubProcess = (el) => is(el, 'bpmn:SubProcess') && el.triggeredByEvent;

/**
 * Lays out one container (process or expanded sub-process), children first: its main flow with
 * ELK, event sub-processes as boxes below it.
 * Returns { width, height, inY, outY, place(dx, dy, out) } where place() writes absolute coordinates.
 */
async function layoutContainer(container, isRoot, ctx) {
  const elements = (container.flowElements || []).filter((el) => !isFlow(el));
  const eventSubs = elements.filter(isEventSubProcess);
  const boundaries = elements.filter(isBoundary);
  const nodes = elements.filter((el) => !isBoundary(el) && !eventSubs.includes(el));
  const flows = (container.flowElements || []).filter(isFlow);
  const { main, paths } = partitionNodes(nodes, boundaries, flows);
  const env = { flows, boundaries, paths };
  const pad = isRoot ? PROCESS_PADDING : SUBPROCESS_PADDING;

  const graph = await layoutGraph(main, env, ctx, pad, { wrap: isRoot });
  const subs = [];
  for (const es of eventSubs) subs.push(await layoutContainer(es, false, ctx));

  // event sub-processes: side by side, below the main flow
  let width = graph.width, height = graph.height;
  let x = pad.left;
  const y = graph.height + (subs.length ? EVENT_SUBPROCESS_GAP - pad.bottom : 0);
  const placed = subs.map((s) => {
    const at = { x, y };
    x += s.width + 40;
    width = Math.max(width, at.x + s.width + pad.right);
    height = Math.max(height, at.y + s.height + pad.bottom);
    return at;
  });

  return {
    width, height, inY: graph.inY, outY: graph.outY,
    place(dx, dy, out) {
      graph.place(dx, dy, out);
      eventSubs.forEach((es, i) => {
        const b = { x: dx + placed[i].x, y: dy + placed[i].y, width: subs[i].width, height: subs[i].height };
        out.shapes.set(es.id, b);
        subs[i].place(b.x, b.y, out);
      });
    }
  };
}

const EVENT_SUBPROCESS_GAP = 60;
const BOUNDARY_MIN_GAP = 46;   // between the centres of boundary events on one host
const BOUNDARY_CONNECT = 36;   // horizontal run from a boundary event's drop to its path's first node
const BOUNDARY_ROW_GAP = 24;   // between the rows of boundary paths under one host
const BOUNDARY_GROUP_GAP = 40; // between groups of boundary paths side by side

/**
 * Lays out a set of nodes (the main flow of a container, or the path of a boundary event) with
 * ELK. A node with boundary events becomes a block (see layoutHostBlock) with fixed in / out ports.
 */
async function layoutGraph(nodes, env, ctx, pad, { wrap = false } = {}) {
  const { flows, boundaries } = env;
  const nodeSet = new Set(nodes);
  const inner = new Map();
  for (const el of nodes) {
    const core = is(el, 'bpmn:SubProcess') ? await layoutContainer(el, false, ctx) : null;
    const attached = boundaries.filter((b) => b.attachedToRef === el);
    if (attached.length) inner.set(el, await layoutHostBlock(el, core, attached, env, ctx));
    else if (core) inner.set(el, core);
  }

  const elkNodes = nodes.map((el) => {
    const lay = inner.get(el);
    const size = lay ? { width: lay.width, height: lay.height } : shapeSize(el);
    const node = {
      id: el.id, ...size, labels: [], ports: [],
      layoutOptions: { 'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER', 'elk.portLabels.placement': 'OUTSIDE' }
    };
    if (el.name && hasExternalLabel(el)) {
      node.labels.push({ id: `${el.id}__label`, text: el.name, ...labelSize(el.name, NODE_LABEL_WIDTH) });
    }
    if (lay && lay.isBlock) {
      // flows enter / leave a host with boundary events in the middle of its left / right side
      // (for a sub-process: level with its start / end event)
      node.layoutOptions['elk.portConstraints'] = 'FIXED_POS';
      node.ports.push(
        { id: `${el.id}__in`, x: 0, y: lay.inY, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } },
        { id: `${el.id}__out`, x: size.width, y: lay.outY, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } }
      );
    }
    return node;
  });

  const own = flows.filter((f) => nodeSet.has(f.sourceRef) && nodeSet.has(f.targetRef));
  const isBlock = (ref) => inner.has(ref) && inner.get(ref).isBlock;
  const elkEdges = own.map((f) => {
    const end = (ref, dir) => (isBlock(ref) ? `${ref.id}__${dir}` : ref.id);
    const edge = { id: f.id, sources: [end(f.sourceRef, 'out')], targets: [end(f.targetRef, 'in')], labels: [] };
    if (f.name) {
      edge.labels.push({
        id: `${f.id}__label`, text: f.name, ...labelSize(f.name, FLOW_LABEL_WIDTH),
        layoutOptions: { 'elk.edgeLabels.placement': 'TAIL' }
      });
    }
    return edge;
  });

  const padding = `[top=${pad.top},left=${pad.left},bottom=${pad.bottom},right=${pad.right}]`;
  const run = (subset) => {
    const ids = new Set(subset.map((el) => el.id));
    return elk.layout({
      id: `${subset[0] ? subset[0].$parent.id : 'empty'}__${subset[0] ? subset[0].id : ''}__root`,
      layoutOptions: { ...LAYOUT_OPTIONS, 'elk.padding': padding },
      // (ELK writes its results into the graph it is given: a fresh copy for every run)
      children: structuredClone(elkNodes.filter((n) => ids.has(n.id))),
      edges: structuredClone(elkEdges.filter((e) => ids.has(own.find((f) => f.id === e.id).sourceRef.id) &&
        ids.has(own.find((f) => f.id === e.id).targetRef.id)))
    });
  };

  // one row, or -- when it is long and one node takes most of it -- wrapped into rows, each laid
  // out on its own; the flows between rows are routed at the end (see autoRoute)
  let rows = [{ nodes, graph: await run(nodes), x: 0, y: 0 }];
  if (wrap) {
    const split = wrapRows(nodes, rows[0].graph);
    if (split) {
      rows = [];
      let y = 0;
      for (const subset of split) {
        const graph = await run(subset);
        rows.push({ nodes: subset, graph, x: 0, y });
        y += graph.height + WRAP_ROW_GAP;
      }
    }
  }
  const rowOf = new Map();
  for (const row of rows) for (const el of row.nodes) rowOf.set(el, row);
  const placedFlows = own.filter((f) => rowOf.get(f.sourceRef) === rowOf.get(f.targetRef));
  const graphWidth = Math.max(...rows.map((r) => r.x + r.graph.width));
  const graphHeight = Math.max(...rows.map((r) => r.y + r.graph.height));
  const byId = new Map();
  const edgesById = new Map();
  for (const row of rows) {
    for (const n of row.graph.children) byId.set(n.id, { ...n, x: n.x + row.x, y: n.y + row.y });
    for (const e of row.graph.edges) edgesById.set(e.id, { e, row });
  }

  // where flows meet this graph from outside: level with its start and (rightmost) end event
  const centerY = (n) => n.y + n.height / 2;
  const starts = nodes.filter((el) => is(el, 'bpmn:StartEvent')).map((el) => byId.get(el.id));
  const ends = nodes.filter((el) => is(el, 'bpmn:EndEvent')).map((el) => byId.get(el.id)).sort((a, b) => b.x - a.x);

  return {
    width: Math.round(graphWidth),
    height: Math.round(graphHeight),
    inY: Math.round(starts.length ? centerY(starts[0]) : graphHeight / 2),
    outY: Math.round(ends.length ? centerY(ends[0]) : graphHeight / 2),
    /** the box of a node of this graph (local coordinates), and where a flow from the left meets it */
    box(id) {
      const n = byId.get(id);
      const lay = inner.get(n && nodes.find((el) => el.id === id));
      if (lay && lay.isBlock) return { x: n.x, y: n.y, width: n.width, height: n.height, entryX: n.x + lay.hostX, entryY: n.y + lay.inY };
      return { x: n.x, y: n.y, width: n.width, height: n.height, entryX: n.x, entryY: n.y + (lay ? lay.inY : n.height / 2) };
    },
    place(dx, dy, out) {
      for (const el of nodes) {
        const n = byId.get(el.id);
        const x = dx + n.x, y = dy + n.y;
        const lay = inner.get(el);
        if (lay && lay.isBlock) {
          lay.place(x, y, out);
          continue;
        }
        out.shapes.set(el.id, { x, y, width: n.width, height: n.height });
        for (const l of n.labels || []) out.labels.set(el.id, { x: x + l.x, y: y + l.y, width: l.width, height: l.height });
        if (lay) {
          out.anchors.set(el.id, { inY: y + lay.inY, outY: y + lay.outY });
          lay.place(x, y, out);
        }
      }
      for (const f of placedFlows) {
        const { e, row } = edgesById.get(f.id);
        const ox = dx + row.x, oy = dy + row.y;
        const points = [];
        for (const s of e.sections || []) {
          for (const p of [s.startPoint, ...(s.bendPoints || []), s.endPoint]) points.push({ x: ox + p.x, y: oy + p.y });
        }
        // ELK ends flows at a block's ports: extend them to the host itself
        if (isBlock(f.sourceRef)) {
          const n = byId.get(f.sourceRef.id), lay = inner.get(f.sourceRef);
          points[0].x = dx + n.x + lay.hostX + lay.hostWidth;
        }
        if (isBlock(f.targetRef)) {
          const n = byId.get(f.targetRef.id), lay = inner.get(f.targetRef);
          points[points.length - 1].x = dx + n.x + lay.hostX;
        }
        out.edges.set(f.id, points);
        for (const l of e.labels || []) out.labels.set(f.id, { x: ox + l.x, y: oy + l.y, width: l.width, height: l.height });
      }
    }
  };
}

/**
 * A host activity with its boundary events and their paths, as one rectangle: the host on top,
 * the boundary events on its lower border, each path in a row below, reached by a flow that
 * drops straight down from its event and turns right. Paths are packed side by side in groups;
 * within a group they form a staircase (the rightmost event's path on top), so the drops never
 * cross a path. The fewest rows whose events all fit on the host's lower border win.
 */
async function layoutHostBlock(host, core, attached, env, ctx) {
  let HW = core ? core.width : shapeSize(host).width;
  const HH = core ? core.height : shapeSize(host).height;
  const subs = [];
  for (const b of attached) {
    const nodes = env.paths.get(b) || [];
    const entryFlow = (b.outgoing || []).find((f) => nodes.includes(f.targetRef));
    const lay = nodes.length ? await layoutGraph(nodes, env, ctx, PATH_PADDING) : null;
    const entry = entryFlow ? lay.box(entryFlow.targetRef.id) : null;
    const label = b.name ? labelSize(b.name, NODE_LABEL_WIDTH) : null;
    subs.push({ b, lay, entryFlow, entry, label });
  }
  const margin = core ? 30 : 14;
  const maxLabelH = Math.max(0, ...subs.map((s) => (s.label ? s.label.height : 0)));
  const labelY = HH + BOUNDARY / 2 + 2;
  const bandTop = labelY + maxLabelH + 12;

  function arrange(R, compact) {
    const n = subs.length, k = Math.ceil(n / R);
    const groups = [];
    for (let g = 0, i = 0; g < k; g++) {
      const size = Math.ceil((n - i) / (k - g));
      groups.push(subs.slice(i, i + size));
      i += size;
    }
    const items = [];
    let cursor = 0;
    for (const grp of groups) {
      // narrow host: the first event's label goes left of its drop, the others right
      const left = grp.length > 1 && !core;
      const local = [];
      let d = 0, rowTop = bandTop;
      grp.forEach((s, j) => {
        if (j > 0) {
          const prev = local[j - 1];
          const need = !compact && prev.side === 'right' && prev.s.label ? prev.s.label.width + 24 : 0;
          d += Math.max(BOUNDARY_MIN_GAP, need);
        }
        local.push({ s, d, side: j === 0 && left ? 'left' : 'right' });
      });
      for (let j = grp.length - 1; j >= 0; j--) {
        const it = local[j];
        if (it.s.lay) {
          it.rowY = rowTop;
          it.sx = it.d + BOUNDARY_CONNECT - (it.s.entry ? it.s.entry.entryX : 0);
          rowTop += it.s.lay.height + BOUNDARY_ROW_GAP;
        }
        if (it.s.label) it.lx = it.side === 'left' ? it.d - 10 - it.s.label.width : it.d + 10;
      }
      let gl = Infinity, gr = -Infinity;
      for (const it of local) {
        gl = Math.min(gl, it.d - BOUNDARY / 2, it.s.label ? it.lx : Infinity);
        gr = Math.max(gr, it.d + BOUNDARY / 2, it.s.label ? it.lx + it.s.label.width : -Infinity, it.s.lay ? it.sx + it.s.lay.width : -Infinity);
      }
      const off = cursor - gl;
      for (const it of local) {
        it.d += off;
        if (it.s.label) it.lx += off;
        if (it.s.lay) it.sx += off;
        items.push(it);
      }
      cursor = off + gr + BOUNDARY_GROUP_GAP;
    }
    const drops = items.map((it) => it.d);
    const minD = Math.min(...drops), maxD = Math.max(...drops);
    const right = cursor - BOUNDARY_GROUP_GAP;
    const lo = margin - minD, hi = HW - margin - maxD;
    const pref = HW - right; // right-aligned under the host
    const shift = Math.round(pref >= lo && pref <= hi ? pref : pref > hi ? hi : (lo + hi) / 2);
    for (const it of items) {
      it.d += shift;
      if (it.s.label) it.lx += shift;
      if (it.s.lay) it.sx += shift;
    }
    return { items, valid: maxD - minD <= HW - 2 * margin };
  }

  let arrangement = null;
  for (const compact of [false, true]) {
    for (let R = 1; R <= subs.length && !arrangement; R++) {
      const a = arrange(R, compact);
      if (a.valid) arrangement = a;
    }
  }
  // a task too narrow for its boundary events gets wider
  while (!arrangement && !core && HW < 400) {
    HW += 20;
    const a = arrange(subs.length, false);
    const c = a.valid ? a : arrange(subs.length, true);
    if (c.valid) arrangement = c;
  }
  if (!arrangement) {
    arrangement = arrange(subs.length, true);
    ctx.problems.push(`the boundary events of ${host.id} do not fit on its lower border`);
  }
  const { items } = arrangement;

  // bounding box of the block, relative to the host's top left corner
  let minX = 0, maxX = HW, maxY = HH + BOUNDARY / 2;
  for (const it of items) {
    minX = Math.min(minX, it.d - BOUNDARY / 2);
    maxX = Math.max(maxX, it.d + BOUNDARY / 2);
    if (it.s.label) {
      minX = Math.min(minX, it.lx);
      maxX = Math.max(maxX, it.lx + it.s.label.width);
      maxY = Math.max(maxY, labelY + it.s.label.height);
    }
    if (it.s.lay) {
      minX = Math.min(minX, it.sx);
      maxX = Math.max(maxX, it.sx + it.s.lay.width);
      maxY = Math.max(maxY, it.rowY + it.s.lay.height);
    }
  }
  const hostX = Math.round(-minX);
  return {
    isBlock: true,
    width: Math.round(maxX - minX),
    height: Math.round(maxY),
    hostX,
    hostWidth: HW,
    inY: core ? core.inY : HH / 2,
    outY: core ? core.outY : HH / 2,
    place(dx, dy, out) {
      const hx = dx + hostX, hy = dy;
      out.shapes.set(host.id, { x: hx, y: hy, width: HW, height: HH });
      if (core) {
        out.anchors.set(host.id, { inY: hy + core.inY, outY: hy + core.outY });
        core.place(hx, hy, out);
      }
      for (const it of items) {
        const { b, lay, entry, entryFlow, label } = it.s;
        out.shapes.set(b.id, { x: hx + it.d - BOUNDARY / 2, y: hy + HH - BOUNDARY / 2, width: BOUNDARY, height: BOUNDARY });
        if (label) {
          const r = { x: hx + it.lx, y: hy + labelY, ...label };
          out.labels.set(b.id, r);
          out.preferredLabels.set(b.id, r);
        }
        if (lay) {
          lay.place(hx + it.sx, hy + it.rowY, out);
          if (entryFlow) {
            const y = hy + it.rowY + entry.entryY;
            out.edges.set(entryFlow.id, [
              { x: hx + it.d, y: hy + HH + BOUNDARY / 2 },
              { x: hx + it.d, y },
              { x: hx + it.sx + entry.entryX, y }
            ]);
          }
        }
      }
    }
  };
}

// Wrapping of a long main flow: when one node (an expanded sub-process) takes most of the width,
// it gets a row of its own, with what comes before and after it in rows above and below.
const WRAP_MIN_WIDTH = 2400;
const WRAP_ROW_GAP = 40;

function wrapRows(nodes, graph) {
  if (graph.width < WRAP_MIN_WIDTH || graph.width < 2 * graph.height) return null;
  const pos = new Map(graph.children.map((n) => [n.id, n]));
  const big = graph.children.find((n) => n.width > 0.4 * graph.width);
  if (!big) return null;
  const before = nodes.filter((el) => pos.get(el.id).x + pos.get(el.id).width <= big.x);
  const after = nodes.filter((el) => pos.get(el.id).x >= big.x + big.width);
  const middle = nodes.filter((el) => !before.includes(el) && !after.includes(el));
  return [before, middle, after].filter((r) => r.length);
}

// ---------------------------------------------------------------------------------------------
// Orthogonal routing of the flows no layout step placed (a boundary event's path joining the main
// flow, ...): cheapest path on a grid through the free space between the shapes of the flow's
// container. Costs: length, bends, crossing other flows, running along another flow, crossing labels.

const ROUTE_MARGIN = 12;
const ROUTE_BEND = 40, ROUTE_CROSS = 60, ROUTE_OVERLAP = 25, ROUTE_LABEL = 50;

class MinHeap {
  constructor() { this.k = []; this.v = []; }
  get size() { return this.k.length; }
  push(key, val) {
    const k = this.k, v = this.v;
    let i = k.length;
    k.push(key); v.push(val);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p] <= key) break;
      k[i] = k[p]; v[i] = v[p]; i = p;
    }
    k[i] = key; v[i] = val;
  }
  pop() {
    const k = this.k, v = this.v;
    const topK = k[0], topV = v[0];
    const lastK = k.pop(), lastV = v.pop();
    if (k.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i, mk = lastK;
        if (l < k.length && k[l] < mk) { m = l; mk = k[l]; }
        if (r < k.length && k[r] < mk) { m = r; mk = k[r]; }
        if (m === i) break;
        k[i] = k[m]; v[i] = v[m]; i = m;
      }
      k[i] = lastK; v[i] = lastV;
    }
    return [topK, topV];
  }
}

const DIRS = [[1, 0], [-1, 0], [0, 1], [0, -1]]; // E W S N

/**
 * sources / targets: [{ p: port point, d: outward direction index, cost }]; obstacles: rects
 * (already inflated; a route may touch but not enter them); segments: other flows' segments;
 * labels: label rects; bounds: the area a route must stay in.
 */
function findRoute({ sources, targets, obstacles, segments, labels, bounds }) {
  const M = ROUTE_MARGIN;
  const stub = (port, len) => ({ x: port.p.x + DIRS[port.d][0] * len, y: port.p.y + DIRS[port.d][1] * len });
  const xsSet = new Set([bounds.x, bounds.x + bounds.width]);
  const ysSet = new Set([bounds.y, bounds.y + bounds.height]);
  for (const o of obstacles) {
    xsSet.add(o.x - 1); xsSet.add(o.x + o.width + 1);
    ysSet.add(o.y - 1); ysSet.add(o.y + o.height + 1);
  }
  for (const port of [...sources, ...targets]) {
    const s = stub(port, M + 2);
    port.stub = { x: round(s.x), y: round(s.y) };
    xsSet.add(port.stub.x); ysSet.add(port.stub.y);
  }
  const grid = (set, lo, hi) => {
    const v = [...set].map(round).filter((c) => c >= lo && c <= hi).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < v.length; i++) {
      if (i && v[i] === v[i - 1]) continue;
      if (out.length && v[i] - out[out.length - 1] > 4 * M) {
        // lanes in wide gaps: one in the middle and one a margin away from either side
        const a = out[out.length - 1], b = v[i];
        out.push(a + 2 * M, round((a + b) / 2), b - 2 * M);
      }
      out.push(v[i]);
    }
    return [...new Set(out)].sort((a, b) => a - b);
  };
  const xs = grid(xsSet, bounds.x, bounds.x + bounds.width);
  const ys = grid(ysSet, bounds.y, bounds.y + bounds.height);
  const nx = xs.length, ny = ys.length;
  const idx = (i, j) => i * ny + j;
  const xi = new Map(xs.map((x, i) => [x, i])), yi = new Map(ys.map((y, j) => [y, j]));

  // cost (or Infinity) of the grid edge (i,j)->(i+1,j) [h] and (i,j)->(i,j+1) [v]
  const hCost = new Float64Array(nx * ny), vCost = new Float64Array(nx * ny);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      hCost[idx(i, j)] = i + 1 < nx ? xs[i + 1] - xs[i] : Infinity;
      vCost[idx(i, j)] = j + 1 < ny ? ys[j + 1] - ys[j] : Infinity;
    }
  }
  const lowerBound = (arr, v) => { let lo = 0, hi = arr.length; while (lo < hi) { const m = (lo + hi) >> 1; if (arr[m] < v) lo = m + 1; else hi = m; } return lo; };
  const range = (arr, a, b) => [lowerBound(arr, a), lowerBound(arr, b)]; // indices with a <= arr[k] < b
  for (const o of obstacles) {
    // horizontal moves on rows strictly inside the obstacle, overlapping it
    const [j0, j1] = range(ys, o.y + 0.5, o.y + o.height - 0.5 + 1e-9);
    for (let j = j0; j < j1; j++) {
      for (let i = 0; i + 1 < nx; i++) if (xs[i + 1] > o.x && xs[i] < o.x + o.width) hCost[idx(i, j)] = Infinity;
    }
    const [i0, i1] = range(xs, o.x + 0.5, o.x + o.width - 0.5 + 1e-9);
    for (let i = i0; i < i1; i++) {
      for (let j = 0; j + 1 < ny; j++) if (ys[j + 1] > o.y && ys[j] < o.y + o.height) vCost[idx(i, j)] = Infinity;
    }
  }
  for (const [p, q] of segments) {
    if (p.x === q.x) {
      const x = p.x, y1 = Math.min(p.y, q.y), y2 = Math.max(p.y, q.y);
      const [j0, j1] = range(ys, y1 + 1, y2);
      const i = lowerBound(xs, x) - 1; // xs[i] < x <= xs[i+1]
      if (i >= 0 && i + 1 < nx) for (let j = j0; j < j1; j++) hCost[idx(i, j)] += ROUTE_CROSS;
      const [c0, c1] = range(xs, x - 4, x + 4.01);
      for (let c = c0; c < c1; c++) {
        for (let j = 0; j + 1 < ny; j++) {
          const ov = Math.min(ys[j + 1], y2) - Math.max(ys[j], y1);
          if (ov > 0) vCost[idx(c, j)] += ROUTE_OVERLAP * ov;
        }
      }
    } else if (p.y === q.y) {
      const y = p.y, x1 = Math.min(p.x, q.x), x2 = Math.max(p.x, q.x);
      const [i0, i1] = range(xs, x1 + 1, x2);
      const j = lowerBound(ys, y) - 1;
      if (j >= 0 && j + 1 < ny) for (let i = i0; i < i1; i++) vCost[idx(i, j)] += ROUTE_CROSS;
      const [r0, r1] = range(ys, y - 4, y + 4.01);
      for (let r = r0; r < r1; r++) {
        for (let i = 0; i + 1 < nx; i++) {
          const ov = Math.min(xs[i + 1], x2) - Math.max(xs[i], x1);
          if (ov > 0) hCost[idx(i, r)] += ROUTE_OVERLAP * ov;
        }
      }
    }
  }
  for (const l of labels) {
    const [j0, j1] = range(ys, l.y - 2, l.y + l.height + 2.01);
    for (let j = j0; j < j1; j++) for (let i = 0; i + 1 < nx; i++) if (xs[i + 1] > l.x - 2 && xs[i] < l.x + l.width + 2) hCost[idx(i, j)] += ROUTE_LABEL;
    const [i0, i1] = range(xs, l.x - 2, l.x + l.width + 2.01);
    for (let i = i0; i < i1; i++) for (let j = 0; j + 1 < ny; j++) if (ys[j + 1] > l.y - 2 && ys[j] < l.y + l.height + 2) vCost[idx(i, j)] += ROUTE_LABEL;
  }

  // Dijkstra over (grid point, direction of arrival)
  const dist = new Float64Array(nx * ny * 4).fill(Infinity);
  const prev = new Int32Array(nx * ny * 4).fill(-1);
  const heap = new MinHeap();
  for (const s of sources) {
    const i = xi.get(s.stub.x), j = yi.get(s.stub.y);
    if (i === undefined || j === undefined) continue;
    const st = idx(i, j) * 4 + s.d;
    const c = s.cost + M + 2;
    if (c < dist[st]) { dist[st] = c; prev[st] = -2 - sources.indexOf(s); heap.push(c, st); }
  }
  while (heap.size) {
    const [c, st] = heap.pop();
    if (c > dist[st]) continue;
    const d = st & 3, pi = st >> 2, i = Math.floor(pi / ny), j = pi % ny;
    for (let nd = 0; nd < 4; nd++) {
      if ((d ^ nd) === 1) continue; // no reversing
      let ni = i, nj = j, step;
      if (nd === 0) { ni = i + 1; step = ni < nx ? hCost[idx(i, j)] : Infinity; }
      else if (nd === 1) { ni = i - 1; step = ni >= 0 ? hCost[idx(ni, j)] : Infinity; }
      else if (nd === 2) { nj = j + 1; step = nj < ny ? vCost[idx(i, j)] : Infinity; }
      else { nj = j - 1; step = nj >= 0 ? vCost[idx(i, nj)] : Infinity; }
      if (!Number.isFinite(step)) continue;
      const ns = idx(ni, nj) * 4 + nd;
      const nc = c + step + (nd === d ? 0 : ROUTE_BEND);
      if (nc < dist[ns]) { dist[ns] = nc; prev[ns] = st; heap.push(nc, ns); }
    }
  }
  let best = null;
  for (const t of targets) {
    const i = xi.get(t.stub.x), j = yi.get(t.stub.y);
    if (i === undefined || j === undefined) continue;
    const inward = t.d ^ 1;
    for (let d = 0; d < 4; d++) {
      const st = idx(i, j) * 4 + d;
      if (!Number.isFinite(dist[st]) || d === t.d) continue;
      const c = dist[st] + t.cost + M + 2 + (d === inward ? 0 : ROUTE_BEND);
      if (!best || c < best.c) best = { c, st, t };
    }
  }
  if (!best) return null;
  const pts = [best.t.p];
  let st = best.st;
  while (st >= 0) {
    const pi = st >> 2;
    pts.push({ x: xs[Math.floor(pi / ny)], y: ys[pi % ny] });
    const p = prev[st];
    if (p < -1) { pts.push(sources[-2 - p].p); break; }
    st = p;
  }
  return { points: simplify(pts.reverse()), cost: best.c };
}

// ---------------------------------------------------------------------------------------------
// Post-processing of ELK's result (absolute coordinates): BPMN-style docking at gateways and
// events, and label placement that avoids shapes, other labels and flows.

const round = (v) => Math.round(v);

function simplify(points) {
  const pts = points.map((q) => ({ x: round(q.x), y: round(q.y) }));
  // ELK's coordinates are fractional: make nearly straight segments straight after rounding
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i - 1], q = pts[i];
    if (Math.abs(p.y - q.y) <= 2 && Math.abs(p.x - q.x) > 2) q.y = p.y;
    else if (Math.abs(p.x - q.x) <= 2 && Math.abs(p.y - q.y) > 2) q.x = p.x;
  }
  const out = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    out.push(p);
    // drop middle points of collinear runs (also removes back-and-forth spikes)
    while (out.length >= 3) {
      const [a, b, c] = out.slice(-3);
      if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y)) out.splice(out.length - 2, 1);
      else break;
    }
  }
  return out;
}

const mid = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const rectsOverlap = (a, b, margin = 0) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
const segRect = (p, q, pad = 0) => ({
  x: Math.min(p.x, q.x) - pad, y: Math.min(p.y, q.y) - pad,
  width: Math.abs(p.x - q.x) + 2 * pad, height: Math.abs(p.y - q.y) + 2 * pad
});
const contains = (outer, inner) =>
  inner.x >= outer.x && inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Length over which two axis-parallel segments run on top of each other. */
function collinearOverlap(p, q, a, b) {
  if (p.y === q.y && a.y === b.y && p.y === a.y) {
    return Math.min(Math.max(p.x, q.x), Math.max(a.x, b.x)) - Math.max(Math.min(p.x, q.x), Math.min(a.x, b.x));
  }
  if (p.x === q.x && a.x === b.x && p.x === a.x) {
    return Math.min(Math.max(p.y, q.y), Math.max(a.y, b.y)) - Math.max(Math.min(p.y, q.y), Math.min(a.y, b.y));
  }
  return 0;
}

/** Whether a horizontal and a vertical segment cross (not just touch). */
function segmentsCross(p, q, a, b) {
  const [h, v] = p.y === q.y && a.x === b.x ? [[p, q], [a, b]] : a.y === b.y && p.x === q.x ? [[a, b], [p, q]] : [null, null];
  if (!h) return false;
  const x = v[0].x, y = h[0].y;
  return x > Math.min(h[0].x, h[1].x) && x < Math.max(h[0].x, h[1].x) &&
    y > Math.min(v[0].y, v[1].y) && y < Math.max(v[0].y, v[1].y);
}

/** Moves an edge end that sits on a bounding-box side onto the circle / diamond outline. */
function dockOnOutline(points, el, b, atStart) {
  if (!(is(el, 'bpmn:Event') || is(el, 'bpmn:Gateway')) || points.length < 2) return;
  const p = atStart ? points[0] : points[points.length - 1];
  const q = atStart ? points[1] : points[points.length - 2];
  const { x: cx, y: cy } = mid(b);
  const rx = b.width / 2, ry = b.height / 2;
  const diamond = is(el, 'bpmn:Gateway');
  if (p.y === q.y) {
    const d = Math.min(Math.abs(p.y - cy), ry);
    const half = diamond ? rx * (1 - d / ry) : rx * Math.sqrt(1 - (d / ry) ** 2);
    p.x = round(q.x < cx ? cx - half : cx + half);
  } else if (p.x === q.x) {
    const d = Math.min(Math.abs(p.x - cx), rx);
    const half = diamond ? ry * (1 - d / rx) : ry * Math.sqrt(1 - (d / rx) ** 2);
    p.y = round(q.y < cy ? cy - half : cy + half);
  }
}

function postProcess(out, elementsById) {
  const el = (id) => elementsById.get(id);
  const containerOf = (id) => {
    const parent = el(id).$parent;
    return is(parent, 'bpmn:SubProcess') ? out.shapes.get(parent.id) : null;
  };
  const isAncestor = (ancestorId, id) => {
    for (let p = el(id).$parent; p; p = p.$parent) if (p.id === ancestorId) return true;
    return false;
  };

  for (const [id, pts] of out.edges) out.edges.set(id, simplify(pts));

  // obstacles for a piece of geometry that belongs to element `ownerId`
  function blocked(rect, { ownerId, ignoreShapes = [], ignoreEdges = [], skipLabels = [], pad = 3, edgePad = 3 }) {
    const container = containerOf(ownerId);
    if (container && !contains({ x: container.x + 4, y: container.y + 4, width: container.width - 8, height: container.height - 8 }, rect)) return true;
    for (const [id, b] of out.shapes) {
      if (ignoreShapes.includes(id)) continue;
      if (is(el(id), 'bpmn:SubProcess')) {
        if (isAncestor(id, ownerId)) continue;
        // the border of a sub-process the geometry is not part of
        if (rectsOverlap(rect, b, pad)) return true;
        continue;
      }
      if (rectsOverlap(rect, b, pad)) return true;
    }
    for (const [id, b] of out.labels) {
      if (skipLabels.includes(id)) continue;
      if (rectsOverlap(rect, b, pad)) return true;
    }
    for (const [id, pts] of out.edges) {
      if (ignoreEdges.includes(id)) continue;
      for (let i = 0; i + 1 < pts.length; i++) {
        if (rectsOverlap(rect, segRect(pts[i], pts[i + 1]), edgePad)) return true;
      }
    }
    return false;
  }

  const isRound = (node) => is(node, 'bpmn:Gateway') || (is(node, 'bpmn:Event') && !isBoundary(node));

  // How bad a route for a flow is: hard problems (crossing a shape, leaving the container,
  // running along an unrelated flow) weigh 100, a long shared stretch into the same target 10,
  // each bend 1.
  function routeScore(flowId, pts) {
    const flow = el(flowId);
    const ends = [flow.sourceRef.id, flow.targetRef.id];
    const container = containerOf(flowId);
    let hard = 0, soft = 0, crossings = 0;
    for (let i = 0; i + 1 < pts.length; i++) {
      const r = segRect(pts[i], pts[i + 1]);
      if (container && !contains(container, r)) hard++;
      for (const [id, b] of out.shapes) {
        if (ends.includes(id) || (is(el(id), 'bpmn:SubProcess') && isAncestor(id, flowId))) continue;
        if (flow.sourceRef.attachedToRef && flow.sourceRef.attachedToRef.id === id) continue;
        const inset = is(el(id), 'bpmn:SubProcess') ? -1 : 2;
        if (rectsOverlap(r, { x: b.x + inset, y: b.y + inset, width: b.width - 2 * inset, height: b.height - 2 * inset })) hard++;
      }
    }
    for (const [id, other] of out.edges) {
      if (id === flowId) continue;
      const sameStart = other[0].x === pts[0].x && other[0].y === pts[0].y;
      const last = pts[pts.length - 1], otherLast = other[other.length - 1];
      const sameEnd = last.x === otherLast.x && last.y === otherLast.y;
      let len = 0;
      for (let i = 0; i + 1 < pts.length; i++) {
        for (let k = 0; k + 1 < other.length; k++) {
          len = Math.max(len, collinearOverlap(pts[i], pts[i + 1], other[k], other[k + 1]));
          if (segmentsCross(pts[i], pts[i + 1], other[k], other[k + 1])) crossings++;
        }
      }
      if (len <= 0) continue;
      // a fork: branches may leave along one trunk, unless their labels would then be ambiguous
      if (sameStart) { if (flow.name || el(id).name) soft++; continue; }
      if (sameEnd) { if (len > 40) soft++; continue; } // a join
      hard++;
    }
    // ends that meet a circle / diamond off its centre lines count like a bend
    let offCentre = 0;
    for (const [node, p] of [[flow.sourceRef, pts[0]], [flow.targetRef, pts[pts.length - 1]]]) {
      if (!isRound(node)) continue;
      const c = mid(out.shapes.get(node.id));
      if (Math.abs(p.x - c.x) >= 1 && Math.abs(p.y - c.y) >= 1) offCentre++;
    }
    return hard * 100 + soft * 10 + crossings * 5 + (pts.length - 2) + offCentre;
  }

  function tryRoute(flowId, candidate, strict = false) {
    const pts = out.edges.get(flowId);
    const next = simplify(candidate);
    const before = routeScore(flowId, pts), after = routeScore(flowId, next);
    if (after < 100 && (strict ? after < before : after <= before)) {
      pts.splice(0, pts.length, ...next);
      return true;
    }
    return false;
  }

  function autoRoute(flow) {
    const parent = flow.$parent;
    const siblings = [...out.shapes.keys()].filter((id) => el(id).$parent === parent);
    let bounds;
    if (is(parent, 'bpmn:SubProcess')) {
      const c = out.shapes.get(parent.id);
      bounds = { x: c.x + 6, y: c.y + 6, width: c.width - 12, height: c.height - 12 };
    } else {
      const all = [...out.shapes.values(), ...out.labels.values()];
      const x1 = Math.min(...all.map((b) => b.x)) - 100, y1 = Math.min(...all.map((b) => b.y)) - 100;
      const x2 = Math.max(...all.map((b) => b.x + b.width)) + 100, y2 = Math.max(...all.map((b) => b.y + b.height)) + 100;
      bounds = { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
    }
    const inflate = (r, m) => ({ x: r.x - m, y: r.y - m, width: r.width + 2 * m, height: r.height + 2 * m });
    const obstacles = siblings.map((id) => inflate(out.shapes.get(id), ROUTE_MARGIN - 1));
    const ports = (node, outgoing) => {
      const r = out.shapes.get(node.id);
      const c = { x: round(mid(r).x), y: round(mid(r).y) };
      // a sub-process is entered level with its start event and left level with its end event
      const a = out.anchors.get(node.id);
      let list = [
        { p: { x: round(r.x + r.width), y: a ? round(a.outY) : c.y }, d: 0, cost: outgoing ? 0 : 30 },
        { p: { x: round(r.x), y: a ? round(a.inY) : c.y }, d: 1, cost: outgoing ? 30 : 0 },
        { p: { x: c.x, y: round(r.y + r.height) }, d: 2, cost: 8 },
        { p: { x: c.x, y: round(r.y) }, d: 3, cost: 8 }
      ];
      if (a) list = list.filter((p) => p.d === (outgoing ? 0 : 1));
      if (isBoundary(node) && out.shapes.get(node.attachedToRef.id)) {
        // only away from the host
        const h = out.shapes.get(node.attachedToRef.id);
        const dist = [Math.abs(c.x - (h.x + h.width)), Math.abs(c.x - h.x), Math.abs(c.y - (h.y + h.height)), Math.abs(c.y - h.y)];
        const side = dist.indexOf(Math.min(...dist));
        list = list.filter((p) => p.d === side);
      }
      return list;
    };
    const segments = [];
    for (const [id, pts] of out.edges) {
      if (el(id).$parent !== parent) continue;
      for (let i = 0; i + 1 < pts.length; i++) segments.push([pts[i], pts[i + 1]]);
    }
    const route = findRoute({
      sources: ports(flow.sourceRef, true), targets: ports(flow.targetRef, false),
      obstacles, segments, labels: [...out.labels.values()], bounds
    });
    return route && route.points;
  }

  // --- 0. a flow that meets an event or a gateway off its centre line is moved onto it, so it
  //        touches the circle / diamond at its left or right point
  for (const [flowId, pts] of out.edges) {
    const flow = el(flowId);
    for (const atStart of [true, false]) {
      const node = atStart ? flow.sourceRef : flow.targetRef;
      const otherNode = atStart ? flow.targetRef : flow.sourceRef;
      if (!isRound(node)) continue;
      const cy = round(mid(out.shapes.get(node.id)).y);
      const path = atStart ? pts.slice() : pts.slice().reverse();
      const [p0, p1, p2] = path;
      if (p0.y !== p1.y || p0.y === cy) continue;
      if (path.length === 2) {
        // straight flow: the other end must still meet its shape's side
        const o = out.shapes.get(otherNode.id);
        const fits = is(otherNode, 'bpmn:Activity')
          ? cy >= o.y + 10 && cy <= o.y + o.height - 10
          : Math.abs(mid(o).y - cy) < 1;
        if (!fits || isBoundary(otherNode)) continue;
      } else if (p1.x !== p2.x) {
        continue;
      }
      const moved = path.map((p) => ({ ...p }));
      moved[0].y = cy;
      moved[1].y = cy;
      tryRoute(flowId, atStart ? moved : moved.reverse());
    }
  }

  // --- 1. gateways: a flow that leaves (or enters) a gateway sideways and then turns up or down
  //        uses the top / bottom corner instead, like a hand-drawn BPMN diagram
  for (const [flowId, pts] of out.edges) {
    const flow = el(flowId);
    for (const atStart of [true, false]) {
      const g = atStart ? flow.sourceRef : flow.targetRef;
      if (!is(g, 'bpmn:Gateway')) continue;
      const b = out.shapes.get(g.id);
      const { x: cx, y: cy } = mid(b);
      const path = atStart ? pts.slice() : pts.slice().reverse();
      if (path.length < 4) continue;
      const [p0, p1, p2] = path;
      if (p0.y !== p1.y || p1.x !== p2.x) continue;
      const up = p2.y < p1.y;
      if (Math.abs(p0.y - cy) >= 1 && up !== (p0.y < cy)) continue;
      if (up ? p2.y >= b.y - 10 : p2.y <= b.y + b.height + 10) continue;
      const vertex = { x: round(cx), y: up ? b.y : b.y + b.height };
      const corner = { x: round(cx), y: p2.y };
      const rerouted = [vertex, corner, ...path.slice(2)];
      tryRoute(flowId, atStart ? rerouted : rerouted.reverse());
    }
  }

  // --- 1b. try the two L-shaped routes between the shapes (side -> top/bottom, top/bottom ->
  //         side) for every flow; take one if it is better (fewer bends, nothing crossed, ...)
  for (const [flowId, pts] of out.edges) {
    if (routeScore(flowId, pts) === 0) continue;
    const flow = el(flowId);
    if (isBoundary(flow.sourceRef)) continue;
    const s = out.shapes.get(flow.sourceRef.id), t = out.shapes.get(flow.targetRef.id);
    const sc = { x: round(mid(s).x), y: round(mid(s).y) }, tc = { x: round(mid(t).x), y: round(mid(t).y) };
    const candidates = [];
    if (tc.x > s.x + s.width) {
      if (sc.y < t.y) candidates.push([{ x: s.x + s.width, y: sc.y }, { x: tc.x, y: sc.y }, { x: tc.x, y: t.y }]);
      if (sc.y > t.y + t.height) candidates.push([{ x: s.x + s.width, y: sc.y }, { x: tc.x, y: sc.y }, { x: tc.x, y: t.y + t.height }]);
    }
    if (t.x > sc.x) {
      if (tc.y < s.y) candidates.push([{ x: sc.x, y: s.y }, { x: sc.x, y: tc.y }, { x: t.x, y: tc.y }]);
      if (tc.y > s.y + s.height) candidates.push([{ x: sc.x, y: s.y + s.height }, { x: sc.x, y: tc.y }, { x: t.x, y: tc.y }]);
    }
    candidates
      .map((c) => simplify(c))
      .sort((a, b) => routeScore(flowId, a) - routeScore(flowId, b))
      .some((c) => tryRoute(flowId, c, true));
  }

  // --- 1c. flows no layout placed (paths of boundary events joining the main flow, ...): routed
  //         through the free space of their container
  for (const flow of [...elementsById.values()].filter(isFlow)) {
    if (out.edges.has(flow.id)) continue;
    const route = autoRoute(flow);
    if (route) out.edges.set(flow.id, route);
    else {
      const a = mid(out.shapes.get(flow.sourceRef.id)), b = mid(out.shapes.get(flow.targetRef.id));
      out.edges.set(flow.id, [{ x: round(a.x), y: round(a.y) }, { x: round(a.x), y: round(b.y) }, { x: round(b.x), y: round(b.y) }]);
      out.problems.push(`no route found for ${flow.id}`);
    }
  }

  // --- 1d. small jogs (ELK's nearly straight flows): the part before or after a short step is
  //         moved level with the other part
  for (const [flowId, pts] of out.edges) {
    for (let i = 1; i + 2 < pts.length; i++) {
      const a = pts[i - 1], p = pts[i], q = pts[i + 1], c = pts[i + 2];
      const vertical = p.x === q.x && a.y === p.y && q.y === c.y;
      const horizontal = p.y === q.y && a.x === p.x && q.x === c.x;
      const len = Math.abs(p.x - q.x) + Math.abs(p.y - q.y);
      if (!(vertical || horizontal) || len >= 10) continue;
      const key = vertical ? 'y' : 'x';
      // the segment before the step (points i-1, i) or the one after it (i+1, i+2) moves
      const before = pts.map((r, k) => (k === i - 1 || k === i ? { ...r, [key]: q[key] } : { ...r }));
      const after = pts.map((r, k) => (k === i + 1 || k === i + 2 ? { ...r, [key]: p[key] } : { ...r }));
      const score = routeScore(flowId, pts);
      const ok = (cand) => {
        // an end may only move along the side of a task; ends on events / gateways stay
        const fits = (pt, orig, node) => {
          if (pt.x === orig.x && pt.y === orig.y) return true;
          const s = out.shapes.get(node.id);
          return !isRound(node) && pt.x >= s.x && pt.x <= s.x + s.width && pt.y >= s.y + 10 && pt.y <= s.y + s.height - 10;
        };
        return fits(cand[0], pts[0], el(flowId).sourceRef) && fits(cand[cand.length - 1], pts[pts.length - 1], el(flowId).targetRef);
      };
      const cand = [after, before].map((c) => simplify(c)).filter(ok)
        .find((c) => { const sc = routeScore(flowId, c); return sc < 100 && sc <= score; });
      if (cand) {
        pts.splice(0, pts.length, ...cand);
        i = 0;
      }
    }
  }

  // --- 1e. flows that end on the left side of a gateway off its centre line (ELK spreads several
  //         incoming flows over the side) turn onto the centre line just before it, so they all
  //         meet the diamond at its left corner
  for (const [flowId, pts] of out.edges) {
    const g = el(flowId).targetRef;
    if (!is(g, 'bpmn:Gateway') || pts.length < 2) continue;
    const b = out.shapes.get(g.id);
    const cy = round(mid(b).y);
    const p = pts[pts.length - 2], q = pts[pts.length - 1];
    if (p.y !== q.y || q.y === cy || p.x >= b.x || Math.abs(q.y - cy) >= b.height / 2) continue;
    const xm = round(b.x) - 16;
    if (p.x > xm - 6) continue;
    const merged = [...pts.slice(0, -1), { x: xm, y: q.y }, { x: xm, y: cy }, { x: round(b.x), y: cy }];
    if (routeScore(flowId, merged) < 100) pts.splice(0, pts.length, ...simplify(merged));
  }

  // --- 2. dock flow ends onto event circles and gateway diamonds
  for (const [flowId, pts] of out.edges) {
    const flow = el(flowId);
    dockOnOutline(pts, flow.sourceRef, out.shapes.get(flow.sourceRef.id), true);
    dockOnOutline(pts, flow.targetRef, out.shapes.get(flow.targetRef.id), false);
  }

  // --- 3. labels of events, gateways and boundary events
  const elkLabels = new Map(out.labels);
  out.labels.clear();
  const nodeLabelIds = [...elkLabels.keys()].filter((id) => !isFlow(el(id)));
  const flowLabelIds = [...elkLabels.keys()].filter((id) => isFlow(el(id)));

  const place = (id, candidates, opts) => {
    for (const c of candidates) {
      const r = { x: round(c.x), y: round(c.y), width: c.width, height: c.height };
      if (!blocked(r, { ownerId: id, ...opts })) {
        out.labels.set(id, r);
        return true;
      }
    }
    return false;
  };

  for (const id of nodeLabelIds) {
    const { width: w, height: h } = elkLabels.get(id);
    const b = out.shapes.get(id);
    const { x: cx, y: cy } = mid(b);
    const bottom = b.y + b.height, right = b.x + b.width;
    const candidates = isBoundary(el(id))
      ? [
          { x: cx + 8, y: bottom + 2 }, { x: cx - 8 - w, y: bottom + 2 },
          { x: right + 4, y: bottom - 4 }, { x: b.x - 4 - w, y: bottom - 4 }
        ]
      : [
          { x: cx - w / 2, y: bottom + 4 }, { x: cx - w / 2, y: b.y - 4 - h },
          { x: cx + 6, y: bottom + 2 }, { x: cx - 6 - w, y: bottom + 2 },
          { x: cx + 6, y: b.y - 2 - h }, { x: cx - 6 - w, y: b.y - 2 - h },
          { x: right + 4, y: cy - h / 2 }, { x: b.x - 4 - w, y: cy - h / 2 }
        ];
    if (out.preferredLabels.has(id)) candidates.unshift(out.preferredLabels.get(id));
    const sized = candidates.map((c) => ({ ...c, width: w, height: h }));
    if (!place(id, sized, { ignoreShapes: [id] })) {
      out.labels.set(id, { ...sized[0], x: round(sized[0].x), y: round(sized[0].y) });
      out.problems.push(`no free place for the label of ${id}`);
    }
  }

  // --- 4. labels of sequence flows: next to the first segments (the gateway end), else where
  //        ELK put them, else anywhere along the flow
  for (const id of flowLabelIds) {
    const { width: w, height: h } = elkLabels.get(id);
    const pts = out.edges.get(id);
    const near = [];
    const along = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const p = pts[i], q = pts[i + 1];
      const list = i < 2 ? near : along;
      const len = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
      if (p.y === q.y) {
        const dir = Math.sign(q.x - p.x);
        const xs = [dir > 0 ? p.x + 10 : p.x - 10 - w, (p.x + q.x) / 2 - w / 2, dir > 0 ? q.x - 10 - w : q.x + 10];
        // on a long segment, also a little further from its start, before its middle
        const further = len > w + 80 ? [30, 60].map((off) => (dir > 0 ? xs[0] + off : xs[0] - off)) : [];
        for (const x of [xs[0], ...further, xs[1], xs[2]]) {
          if (len < w + 20 && x !== xs[1]) continue;
          list.push({ x, y: p.y - 3 - h }, { x, y: p.y + 3 });
        }
      } else {
        const dir = Math.sign(q.y - p.y);
        const ys = [dir > 0 ? p.y + 6 : p.y - 6 - h, (p.y + q.y) / 2 - h / 2];
        for (const y of ys) list.push({ x: p.x + 5, y }, { x: p.x - 5 - w, y });
      }
    }
    const elk = elkLabels.get(id);
    const fromGateway = is(el(id).sourceRef, 'bpmn:Gateway');
    const candidates = (fromGateway ? [...near, elk, ...along] : [elk, ...near, ...along])
      .map((c) => ({ x: c.x, y: c.y, width: w, height: h }));
    if (!place(id, candidates, { ignoreEdges: [], pad: 2, edgePad: 2 })) {
      out.labels.set(id, { ...elk, x: round(elk.x), y: round(elk.y) });
      out.problems.push(`no free place for the label of ${id}`);
    }
  }
}

async function refine(definitions, moddle) {
  const processEl = definitions.rootElements.find((el) => is(el, 'bpmn:Process'));
  const ctx = { problems: [] };
  const result = await layoutContainer(processEl, true, ctx);
  const out = {
    shapes: new Map(), edges: new Map(), labels: new Map(), preferredLabels: new Map(), anchors: new Map(), problems: ctx.problems
  };
  result.place(0, 0, out);

  const elementsById = new Map();
  const collect = (c) => (c.flowElements || []).forEach((el) => {
    elementsById.set(el.id, el);
    if (el.flowElements) collect(el);
  });
  collect(processEl);

  postProcess(out, elementsById);

  // the diagram starts at (150, 80), like one drawn in the Modeler
  const all = [...out.shapes.values(), ...out.labels.values()];
  const offX = 150 - Math.min(...all.map((b) => b.x)), offY = 80 - Math.min(...all.map((b) => b.y));
  const moveBounds = (b) => moddle.create('dc:Bounds', {
    x: round(b.x + offX), y: round(b.y + offY), width: round(b.width), height: round(b.height)
  });

  // one plane: every sub-process is expanded
  const diagram = definitions.diagrams[0];
  const plane = diagram.plane;
  const planeElements = definitions.diagrams.flatMap((d) => d.plane.planeElement || []);
  definitions.diagrams = [diagram];
  diagram.id = `BPMNDiagram_${processEl.id}`;
  plane.id = `BPMNPlane_${processEl.id}`;

  for (const di of planeElements) {
    const el = di.bpmnElement;
    if (is(di, 'bpmndi:BPMNShape')) {
      const b = out.shapes.get(el.id);
      if (!b) throw new Error(`no layout for shape ${el.id}`);
      di.bounds = moveBounds(b);
      if (is(el, 'bpmn:SubProcess')) di.isExpanded = true;
    } else if (is(di, 'bpmndi:BPMNEdge')) {
      const pts = out.edges.get(el.id);
      if (!pts) throw new Error(`no layout for flow ${el.id}`);
      di.waypoint = pts.map((p) => moddle.create('dc:Point', { x: round(p.x + offX), y: round(p.y + offY) }));
    }
    const lb = out.labels.get(el.id);
    if (lb) di.label = moddle.create('bpmndi:BPMNLabel', { bounds: moveBounds(lb) });
    else delete di.label;
  }

  // shapes first (document order of the model), then flows
  const order = new Map([...elementsById.keys()].map((id, i) => [id, i]));
  const byModelOrder = (a, b) => order.get(a.bpmnElement.id) - order.get(b.bpmnElement.id);
  plane.planeElement = [
    ...planeElements.filter((d) => is(d, 'bpmndi:BPMNShape')).sort(byModelOrder),
    ...planeElements.filter((d) => is(d, 'bpmndi:BPMNEdge')).sort(byModelOrder)
  ];
  return out.problems;
}

// ---------------------------------------------------------------------------------------------
// Step 4: checks

function overlaps(a, b, margin = 0) {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

function segmentHitsBox(p, q, b, inset = 2) {
  const x1 = Math.min(p.x, q.x), x2 = Math.max(p.x, q.x), y1 = Math.min(p.y, q.y), y2 = Math.max(p.y, q.y);
  return x1 < b.x + b.width - inset && x2 > b.x + inset && y1 < b.y + b.height - inset && y2 > b.y + inset;
}

/** Returns a list of layout problems (empty when fine). */
function checkLayout(definitions) {
  const problems = [];
  const processEl = definitions.rootElements.find((el) => is(el, 'bpmn:Process'));
  const planeElements = definitions.diagrams.flatMap((d) => d.plane.planeElement || []);
  const diById = new Map(planeElements.map((d) => [d.bpmnElement.id, d]));

  const all = [];
  const collect = (c) => (c.flowElements || []).forEach((el) => { all.push(el); if (el.flowElements) collect(el); });
  collect(processEl);
  for (const el of all) if (!diById.has(el.id)) problems.push(`${el.id}: no DI`);

  const shapes = planeElements.filter((d) => is(d, 'bpmndi:BPMNShape'));
  const ancestors = (el) => { const a = new Set(); for (let p = el.$parent; p; p = p.$parent) a.add(p); return a; };
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const a = shapes[i], b = shapes[j], ea = a.bpmnElement, eb = b.bpmnElement;
      if (ancestors(ea).has(eb) || ancestors(eb).has(ea)) continue;
      if (ea.attachedToRef === eb || eb.attachedToRef === ea) continue;
      if (overlaps(a.bounds, b.bounds)) problems.push(`shapes overlap: ${ea.id} / ${eb.id}`);
    }
  }

  const labels = planeElements.filter((d) => d.label && d.label.bounds);
  for (let i = 0; i < labels.length; i++) {
    for (const s of shapes) {
      if (s === labels[i]) continue;
      if (is(s.bpmnElement, 'bpmn:SubProcess')) continue;
      if (overlaps(labels[i].label.bounds, s.bounds)) problems.push(`label of ${labels[i].bpmnElement.id} overlaps shape ${s.bpmnElement.id}`);
    }
    for (let j = i + 1; j < labels.length; j++) {
      if (overlaps(labels[i].label.bounds, labels[j].label.bounds)) {
        problems.push(`labels overlap: ${labels[i].bpmnElement.id} / ${labels[j].bpmnElement.id}`);
      }
    }
  }

  for (const e of planeElements.filter((d) => is(d, 'bpmndi:BPMNEdge'))) {
    const f = e.bpmnElement;
    const pts = e.waypoint;
    for (let k = 0; k + 1 < pts.length; k++) {
      for (const s of shapes) {
        const el = s.bpmnElement;
        if (el === f.sourceRef || el === f.targetRef || is(el, 'bpmn:SubProcess') && ancestors(f).has(el)) continue;
        if (f.sourceRef.attachedToRef === el) continue;
        if (is(el, 'bpmn:SubProcess')) {
          // an edge may not cross a sub-process it is not part of
          if (segmentHitsBox(pts[k], pts[k + 1], s.bounds)) problems.push(`flow ${f.id} crosses ${el.id}`);
          continue;
        }
        if (segmentHitsBox(pts[k], pts[k + 1], s.bounds)) problems.push(`flow ${f.id} crosses ${el.id}`);
      }
      for (const l of labels) {
        if (l === e) continue;
        if (segmentHitsBox(pts[k], pts[k + 1], l.label.bounds, 1)) problems.push(`flow ${f.id} crosses label of ${l.bpmnElement.id}`);
      }
    }
  }
  const edges = planeElements.filter((d) => is(d, 'bpmndi:BPMNEdge'));
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const f = edges[i].bpmnElement, g = edges[j].bpmnElement;
      const shared = [f.sourceRef, f.targetRef].some((n) => n === g.sourceRef || n === g.targetRef);
      const a = edges[i].waypoint, b = edges[j].waypoint;
      let len = 0;
      for (let k = 0; k + 1 < a.length; k++) {
        for (let l = 0; l + 1 < b.length; l++) len = Math.max(len, collinearOverlap(a[k], a[k + 1], b[l], b[l + 1]));
      }
      // branches of a split may leave along one trunk when no label tells them apart
      const trunk = f.sourceRef === g.sourceRef && !f.name && !g.name;
      if (len > (trunk ? Infinity : shared ? 60 : 0)) problems.push(`flows ${f.id} and ${g.id} run on top of each other (${len}px)`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

async function semanticModel(xml) {
  const { moddle, rootElement, warnings } = await loadModdle(xml);
  if (warnings.length) throw new Error('bpmn-moddle: ' + warnings.map((w) => w.message).join('; '));
  rootElement.diagrams = [];
  return (await moddle.toXML(rootElement, { format: true })).xml;
}

async function layoutText(original, { raw }) {
  const semantic = stripDi(original);
  const base = ensureDiNamespaces(semantic);

  const { rootElement: defs, warnings } = await loadModdle(base);
  if (warnings.length) throw new Error('bpmn-moddle: ' + warnings.map((w) => w.message).join('; '));
  const processes = defs.rootElements.filter((el) => is(el, 'bpmn:Process'));
  if (processes.length !== 1 || defs.rootElements.some((el) => is(el, 'bpmn:Collaboration'))) {
    throw new Error('only a single process without collaboration / pools is supported');
  }
  const subProcesses = allSubProcesses(processes[0]);

  // Step 2: bpmn-auto-layout (sub-processes expanded)
  const autoXml = await layoutProcess(spliceDi(base, expandedStub(processes[0], subProcesses)));

  // Step 3: refinement, on the DI bpmn-auto-layout created
  const { moddle, rootElement: laid, warnings: w2 } = await loadModdle(autoXml);
  if (w2.length) throw new Error('bpmn-moddle (auto layout): ' + w2.map((w) => w.message).join('; '));
  const refineProblems = raw ? [] : await refine(laid, moddle);

  const { xml } = await moddle.toXML(laid, { format: true });
  const blocks = xml.match(/[ \t]*<bpmndi:BPMNDiagram\b[\s\S]*?<\/bpmndi:BPMNDiagram>/g);
  if (!blocks) throw new Error('bpmn-auto-layout produced no diagram');
  const result = spliceDi(base, blocks.join('\n') + '\n');

  // Step 4: checks
  if (semanticText(result) !== semanticText(original)) throw new Error('semantic text changed (bug)');
  const [before, after] = await Promise.all([semanticModel(original), semanticModel(result)]);
  if (before !== after) throw new Error('semantic model changed (bug)');
  const { rootElement: check } = await loadModdle(result);
  const all = [...new Set([...refineProblems, ...checkLayout(check)])];
  // a flow crossing a label (or a label without an entirely free place) is a blemish, not a fault
  const isWarning = (p) => /crosses label of|no free place for the label/.test(p);
  return { result, problems: all.filter((p) => !isWarning(p)), warnings: all.filter(isWarning) };
}

async function main() {
  const args = process.argv.slice(2);
  const opts = { check: false, raw: false, outDir: null };
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--check') opts.check = true;
    else if (args[i] === '--raw') opts.raw = true;
    else if (args[i] === '--force') opts.force = true;
    else if (args[i] === '--out-dir') opts.outDir = path.resolve(args[++i]);
    else if (args[i].startsWith('--')) throw new Error(`unknown option ${args[i]}`);
    else files.push(path.resolve(args[i]));
  }
  if (!files.length) {
    const dir = path.join(ROOT, 'processes');
    files.push(...fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort().map((f) => path.join(dir, f)));
  }

  let failed = false;
  for (const file of files) {
    const rel = path.relative(process.cwd(), file);
    const original = fs.readFileSync(file, 'utf8');
    const { result, problems, warnings } = await layoutText(original, opts);
    for (const p of warnings) console.warn(`${rel}: layout warning: ${p}`);
    for (const p of problems) console.warn(`${rel}: layout: ${p}`);
    if (problems.length && !opts.raw && !opts.force) failed = true;
    if (opts.check) {
      if (result !== original) {
        console.error(`${rel}: layout missing or out of date (run: npm run layout)`);
        failed = true;
      } else {
        console.log(`${rel}: layout up to date`);
      }
      continue;
    }
    if (problems.length && !opts.raw && !opts.force) {
      console.error(`${rel}: not written`);
      continue;
    }
    const target = opts.outDir ? path.join(opts.outDir, path.basename(file)) : file;
    if (opts.outDir) fs.mkdirSync(opts.outDir, { recursive: true });
    if (result !== original || target !== file) fs.writeFileSync(target, result);
    console.log(`${rel} -> ${path.relative(process.cwd(), target)}${result === original && target === file ? ' (unchanged)' : ''}`);
  }
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exit(1);
});

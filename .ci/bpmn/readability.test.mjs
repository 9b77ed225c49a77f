// Tests of the readability check: node --test .ci/bpmn/readability.test.mjs (npm run readability:test)
// The fixtures are small BPMN files built here.

import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, evaluate, limitsFor, validateConfig, isGeneratedId } from './readability.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DEFAULTS = { maxFlowNodes: 35, maxCrossings: 0, maxBackwardFlow: 1600, maxTotalBackwardFlow: 3200 };

// nodes: [{ id, type, name, x, y, w, h, attachedTo }], flows: [{ id, from, to, name, points: [[x, y], ...] }]
function bpmn({ processId = 'Fixture', nodes, flows, extra = '', extraDi = '' }) {
  const flowXml = flows.map((f) =>
    `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.from}" targetRef="${f.to}"${f.name ? ` name="${f.name}"` : ''} />`);
  const nodeXml = nodes.map((n) => {
    const inc = flows.filter((f) => f.to === n.id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`);
    const out = flows.filter((f) => f.from === n.id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    const attrs = `id="${n.id}"${n.name ? ` name="${n.name}"` : ''}${n.attachedTo ? ` attachedToRef="${n.attachedTo}"` : ''}`;
    return `<bpmn:${n.type} ${attrs}>${inc.join('')}${out.join('')}</bpmn:${n.type}>`;
  });
  const shapes = nodes.map((n) =>
    `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${n.x}" y="${n.y}" width="${n.w ?? 100}" height="${n.h ?? 80}" /></bpmndi:BPMNShape>`);
  const edges = flows.map((f) =>
    `<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${f.points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_Fixture" targetNamespace="https://example.org">
  <bpmn:process id="${processId}" isExecutable="true">
    ${nodeXml.join('\n    ')}
    ${flowXml.join('\n    ')}
    ${extra}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_Fixture">
    <bpmndi:BPMNPlane id="BPMNPlane_Fixture" bpmnElement="${processId}">
      ${shapes.join('\n      ')}
      ${edges.join('\n      ')}
      ${extraDi}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

// start -> gateway -> (yes) task A -> end A, (no) task B -> end B; A above B, no crossing
function fixture() {
  return {
    nodes: [
      { id: 'StartEvent_Start', type: 'startEvent', name: 'Start', x: 100, y: 120, w: 36, h: 36 },
      { id: 'Gateway_Decide', type: 'exclusiveGateway', name: 'Decide?', x: 200, y: 113, w: 50, h: 50 },
      { id: 'Task_A', type: 'userTask', name: 'Do A', x: 320, y: 98 },
      { id: 'Task_B', type: 'userTask', name: 'Do B', x: 320, y: 238 },
      { id: 'EndEvent_A', type: 'endEvent', name: 'A done', x: 500, y: 120, w: 36, h: 36 },
      { id: 'EndEvent_B', type: 'endEvent', name: 'B done', x: 500, y: 260, w: 36, h: 36 }
    ],
    flows: [
      { id: 'Flow_ToDecide', from: 'StartEvent_Start', to: 'Gateway_Decide', points: [[136, 138], [200, 138]] },
      { id: 'Flow_Yes', from: 'Gateway_Decide', to: 'Task_A', name: 'yes', points: [[250, 138], [320, 138]] },
      { id: 'Flow_No', from: 'Gateway_Decide', to: 'Task_B', name: 'no', points: [[225, 163], [225, 278], [320, 278]] },
      { id: 'Flow_ToEndA', from: 'Task_A', to: 'EndEvent_A', points: [[420, 138], [500, 138]] },
      { id: 'Flow_ToEndB', from: 'Task_B', to: 'EndEvent_B', points: [[420, 278], [500, 278]] }
    ]
  };
}

async function check(def, limits = DEFAULTS, baseline = {}) {
  const result = await measure(bpmn(def));
  return { result, ...evaluate('fixture.bpmn', result, limits, baseline) };
}

test('a clean diagram passes', async () => {
  const { result, violations } = await check(fixture());
  assert.deepEqual(violations, []);
  assert.equal(result.planes.length, 1);
  assert.equal(result.planes[0].flowNodes, 6);
  assert.equal(result.planes[0].crossings.length, 0);
  assert.equal(result.planes[0].longestBackwardFlow, 0);
});

test('an extra crossing is caught', async () => {
  const def = fixture();
  // Task A's flow to its end event drops down through Flow_ToEndB's line to a second end event below
  def.nodes.push({ id: 'EndEvent_Low', type: 'endEvent', name: 'Low', x: 452, y: 330, w: 36, h: 36 });
  def.nodes.push({ id: 'Gateway_Split', type: 'parallelGateway', name: 'Split', x: 440, y: 113, w: 50, h: 50 });
  def.flows.find((f) => f.id === 'Flow_ToEndA').to = 'Gateway_Split';
  def.flows.find((f) => f.id === 'Flow_ToEndA').points = [[420, 138], [440, 138]];
  def.flows.push({ id: 'Flow_SplitToEndA', from: 'Gateway_Split', to: 'EndEvent_A', points: [[490, 138], [500, 138]] });
  def.flows.push({ id: 'Flow_SplitToLow', from: 'Gateway_Split', to: 'EndEvent_Low', points: [[465, 163], [465, 330]] });
  const { result, violations } = await check(def);
  assert.deepEqual(result.planes[0].crossings.map((c) => [c.a, c.b]), [['Flow_ToEndB', 'Flow_SplitToLow']]);
  assert.equal(violations.length, 1);
  assert.match(violations[0], /1 crossing sequence-flow pairs, limit 0: Flow_ToEndB x Flow_SplitToLow/);
});

test('shared endpoints, flows ending on a flow, overlaps and crossings inside a shared node are no crossings', async () => {
  const def = fixture();
  // a second flow into Task B that joins Flow_No at its bend, runs along it and ends where Flow_No
  // ends; Flow_No leaves from the gateway's centre and a second flow out of the gateway crosses it
  // inside the gateway's bounds
  def.flows.find((f) => f.id === 'Flow_No').points = [[225, 138], [225, 278], [320, 278]];
  def.nodes.push({ id: 'StartEvent_Other', type: 'startEvent', name: 'Other', x: 207, y: 330, w: 36, h: 36 });
  def.flows.push({ id: 'Flow_Other', from: 'StartEvent_Other', to: 'Task_B', points: [[225, 330], [225, 278], [320, 278]] });
  def.flows.push({ id: 'Flow_Maybe', from: 'Gateway_Decide', to: 'Task_B', name: 'maybe', points: [[210, 150], [240, 150], [240, 250], [320, 250]] });
  const { result } = await check(def);
  assert.deepEqual(result.planes[0].crossings, []);
});

test('a flow that passes through another at one of its bends is a crossing', async () => {
  const def = fixture();
  def.nodes.push({ id: 'Task_Up', type: 'serviceTask', name: 'Up', x: 290, y: 170, w: 60, h: 40 });
  // from Task B's bottom round to a bend exactly on Flow_No's horizontal segment, on up, then right
  def.flows.push({ id: 'Flow_Up', from: 'Task_B', to: 'Task_Up', points: [[370, 318], [370, 340], [280, 340], [280, 278], [280, 190], [290, 190]] });
  const { result } = await check(def);
  assert.deepEqual(result.planes[0].crossings.map((c) => [c.a, c.b]), [['Flow_No', 'Flow_Up']]);
});

test('a Modeler id is caught, semantic and DI', async () => {
  const def = fixture();
  def.nodes.find((n) => n.id === 'Task_A').id = 'Activity_0abc123';
  for (const f of def.flows) {
    if (f.to === 'Task_A') f.to = 'Activity_0abc123';
    if (f.from === 'Task_A') f.from = 'Activity_0abc123';
  }
  const { violations } = await check(def);
  assert.deepEqual(violations.map((v) => v.replace(/^fixture\.bpmn:\d+: /, '')), [
    'Modeler-generated id "Activity_0abc123" (bpmn:userTask): give it a meaningful id',
    'Modeler-generated id "Activity_0abc123_di" (bpmndi:BPMNShape): give it a meaningful id'
  ]);
});

test('generated ids', () => {
  for (const id of ['Activity_0abc123', 'Gateway_1x2y3z4', 'Flow_0k9d8e7', 'Flow_0k9d8e7_di', 'Event_1q2w3e4',
    'StartEvent_1', 'Process_1', 'BPMNDiagram_1', 'BPMNPlane_1', '_BPMNShape_StartEvent_2', 'Definitions_0f1e2d3',
    'BPMNShape_0abc123', 'BPMNEdge_Flow_0k9d8e7', 'DataObjectReference_0abc123', 'Event_0abc123_label']) {
    assert.equal(isGeneratedId(id), true, id);
  }
  for (const id of ['Task_ReviewKnowledgeArticle', 'Flow_ToArticleDecision_di', 'Gateway_AnyTicketSampled',
    'Definitions_TicketLifecycle', 'TicketLifecycleProcess', 'BPMNPlane_TicketLifecycleProcess', 'Flow_Tier2Resolved',
    'Flow_ToTier_2', 'Msg_CustomerReplied']) {
    assert.equal(isGeneratedId(id), false, id);
  }
});

test('a long backward flow is caught, and the total', async () => {
  const def = fixture();
  // from End B's area back to the start: a loop 2,000 px wide
  def.nodes.push({ id: 'Task_Far', type: 'serviceTask', name: 'Far away', x: 2200, y: 238 });
  def.flows.push({ id: 'Flow_Back', from: 'Task_Far', to: 'Task_B', points: [[2250, 318], [2250, 400], [250, 400], [250, 300], [320, 300]] });
  const { result, violations } = await check(def, { ...DEFAULTS, maxTotalBackwardFlow: 1900 });
  assert.equal(result.planes[0].longestBackwardFlow, 2000);
  assert.equal(result.planes[0].longestBackwardFlowId, 'Flow_Back');
  assert.equal(result.planes[0].totalBackwardFlow, 2000);
  assert.deepEqual(violations, [
    'fixture.bpmn [Fixture]: 2000 px longest backward (right-to-left) flow, limit 1600 (Flow_Back)',
    'fixture.bpmn [Fixture]: 2000 px backward (right-to-left) flow in total, limit 1900'
  ]);
});

test('backward length sums every right-to-left segment of a flow', async () => {
  const def = fixture();
  def.flows.find((f) => f.id === 'Flow_No').points = [[225, 163], [225, 200], [150, 200], [260, 200], [230, 278], [320, 278]];
  const { result } = await check(def);
  assert.equal(result.planes[0].longestBackwardFlow, 75 + 30);
});

test('unnamed flow nodes and unnamed flows out of a deciding gateway are caught', async () => {
  const def = fixture();
  delete def.nodes.find((n) => n.id === 'Task_B').name;
  delete def.flows.find((f) => f.id === 'Flow_No').name;
  const { violations } = await check(def);
  assert.deepEqual(violations.sort(), [
    'fixture.bpmn: SequenceFlow out of gateway Gateway_Decide "Flow_No" has no name',
    'fixture.bpmn: UserTask "Task_B" has no name'
  ]);
});

test('flows out of an event-based gateway, and other flows, may be unnamed', async () => {
  const def = fixture();
  def.nodes.find((n) => n.id === 'Gateway_Decide').type = 'eventBasedGateway';
  def.nodes.find((n) => n.id === 'Task_A').type = 'receiveTask';
  def.nodes.find((n) => n.id === 'Task_B').type = 'receiveTask';
  for (const f of def.flows) delete f.name;
  const { violations } = await check(def);
  assert.deepEqual(violations, []);
});

test('boundary events count as flow nodes; annotations and data objects do not', async () => {
  const def = fixture();
  def.nodes.push({ id: 'BoundaryEvent_Late', type: 'boundaryEvent', name: 'Late', attachedTo: 'Task_A', x: 352, y: 160, w: 36, h: 36 });
  const { result } = await check({
    ...def,
    extra: '<bpmn:textAnnotation id="TextAnnotation_Note"><bpmn:text>note</bpmn:text></bpmn:textAnnotation>' +
      '<bpmn:dataObjectReference id="DataObjectReference_Ticket" name="Ticket" dataObjectRef="DataObject_Ticket" />' +
      '<bpmn:dataObject id="DataObject_Ticket" />',
    extraDi: '<bpmndi:BPMNShape id="TextAnnotation_Note_di" bpmnElement="TextAnnotation_Note"><dc:Bounds x="600" y="0" width="100" height="30" /></bpmndi:BPMNShape>' +
      '<bpmndi:BPMNShape id="DataObjectReference_Ticket_di" bpmnElement="DataObjectReference_Ticket"><dc:Bounds x="600" y="100" width="36" height="50" /></bpmndi:BPMNShape>'
  });
  assert.equal(result.planes[0].flowNodes, 7);
});

test('too many flow nodes are caught; a baseline raises the limit and hints when it can go down', async () => {
  const def = fixture();
  const limits = limitsFor({ defaults: DEFAULTS, files: { 'fixture.bpmn': { reason: 'r', baseline: { maxFlowNodes: 5 } } } }, 'fixture.bpmn');
  assert.equal(limits.maxFlowNodes, 5);
  assert.equal(limits.maxCrossings, 0);
  const worse = await check(def, limits, { maxFlowNodes: 5 });
  assert.deepEqual(worse.violations, ['fixture.bpmn [Fixture]: 6 flow nodes, limit 5']);
  const better = await check(def, { ...limits, maxFlowNodes: 8 }, { maxFlowNodes: 8 });
  assert.deepEqual(better.violations, []);
  assert.deepEqual(better.hints, ['fixture.bpmn [Fixture]: maxFlowNodes can go down to 6 (baseline 8)']);
});

test('a baseline needs a reason', () => {
  assert.deepEqual(validateConfig({ defaults: DEFAULTS, files: { 'x.bpmn': { baseline: { maxCrossings: 3 } } } }),
    ['files["x.bpmn"]: a baseline needs a "reason"']);
  assert.deepEqual(validateConfig({ defaults: DEFAULTS, files: { 'x.bpmn': { reason: 'r', baseline: { maxCrossing: 3 } } } }),
    ['files["x.bpmn"].baseline.maxCrossing: unknown limit']);
});

test('the processes in processes/ pass with .ci/bpmn/readability.json', async () => {
  const config = JSON.parse(fs.readFileSync(path.join(HERE, 'readability.json'), 'utf8'));
  assert.deepEqual(validateConfig(config), []);
  const dir = path.join(ROOT, 'processes');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
    const rel = `processes/${f}`;
    const result = await measure(fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.deepEqual(evaluate(rel, result, limitsFor(config, rel), config.files?.[rel]?.baseline).violations, [], rel);
  }
});

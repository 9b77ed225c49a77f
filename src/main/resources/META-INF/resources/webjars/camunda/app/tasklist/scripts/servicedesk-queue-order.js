/*
 * Service desk: Tasklist lists a filter's tasks by creation date unless the address names an
 * order, so the filters' own order (priority, then due date) would never show. When Tasklist
 * opens with its default order, this switches it once to priority (highest first), then due
 * date (soonest first). An order the agent picks afterwards is kept.
 */
const DESK_ORDER = JSON.stringify([
  { sortBy: 'priority', sortOrder: 'desc' },
  { sortBy: 'dueDate', sortOrder: 'asc' }
]);
const TASKLIST_DEFAULT = JSON.stringify([{ sortBy: 'created', sortOrder: 'desc' }]);

let applied = false;

function applyDeskOrder() {
  if (applied) {
    return;
  }
  const hash = window.location.hash || '#/';
  const query = hash.indexOf('?');
  const path = query >= 0 ? hash.substring(0, query) : hash;
  const params = new URLSearchParams(query >= 0 ? hash.substring(query + 1) : '');
  if (!params.has('filter')) {
    return; // Tasklist has not chosen a filter yet
  }
  applied = true;
  const sorting = params.get('sorting');
  if (sorting === null || JSON.stringify(JSON.parse(sorting)) === TASKLIST_DEFAULT) {
    params.set('sorting', DESK_ORDER);
    window.location.replace(path + '?' + params.toString());
  }
}

window.addEventListener('hashchange', applyDeskOrder);
applyDeskOrder();

export default [];

// Hanji's web page for `hanji serve`: log in, see the year, edit a meeting's record in a form or
// as YAML text, watch the printed page change, save without losing anyone's work, and print.
//
// The flow: the server's record tree (`GET /api/files/{path}?as=json`) is the form's model; every
// control edits the tree at its `data-path` (Hanji's key path, `agenda[1].transcript[0]`), so keys
// the form does not know stay as they were, and a save PUTs the tree back with `If-Match`. A
// diagnostic's `path` finds its control the same way.
//
// Every text from a record reaches the page through textContent, value or setAttribute (the
// `el` helper); nothing here builds HTML from strings.
'use strict';

// ---------------------------------------------------------------------------------------------
// Small helpers

const $ = (id) => document.getElementById(id);

/** Makes an element: attributes through setAttribute, `text`/`value` as properties, `on…` as
 *  listeners, children as nodes or plain text (never parsed as HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'value') node.value = String(value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

let idCount = 0;
/** A fresh element id. */
const newId = (prefix = 'f') => `${prefix}${++idCount}`;

/** Calls `run` once, `ms` after the last of a burst of calls; `waiting` is called at once, and
 *  `pending` tells whether a run is still to come. */
function debounce(run, ms, waiting = () => {}) {
  let timer = null;
  const stop = () => { clearTimeout(timer); timer = null; };
  const call = () => { waiting(); stop(); timer = setTimeout(() => { timer = null; run(); }, ms); };
  call.now = () => { waiting(); stop(); run(); };
  call.cancel = stop;
  Object.defineProperty(call, 'pending', { get: () => timer !== null });
  return call;
}

/** A path in a URL, each segment encoded. */
const urlPath = (path) => path.split('/').map(encodeURIComponent).join('/');

/** An ISO 8601 time as a Korean reader reads it; the text itself when it is not a time. */
function koreanTime(iso) {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeStyle: 'short' }).format(time);
}

function setStatus(message, kind = '') {
  const status = $('status');
  status.textContent = message;
  status.className = `status ${kind}`.trim();
}

// ---------------------------------------------------------------------------------------------
// Key paths: `agenda[1].transcript[0].text` ⇄ ['agenda', 1, 'transcript', 0, 'text']

function parsePath(path) {
  const parts = [];
  for (const piece of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    parts.push(piece.startsWith('[') ? Number(piece.slice(1, -1)) : piece);
  }
  return parts;
}

function joinPath(parts) {
  return parts.reduce((path, part) => typeof part === 'number' ? `${path}[${part}]`
    : path === '' ? part : `${path}.${part}`, '');
}

function getPath(tree, path) {
  let node = tree;
  for (const part of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/** Where a new key goes among its siblings, so a form save writes keys in the usual order. */
const KEY_ORDERS = [
  ['layout', 'body', 'number', 'date', 'weekday', 'time', 'end', 'place', 'recorder', 'confirmer',
    'written', 'approval', 'attendance', 'agenda', 'summary', 'next', 'photos', 'remarks', 'mask'],
  ['role', 'name', 'title', 'status'],
  ['title', 'notes', 'appendix', 'transcript', 'event'],
  ['file', 'caption'],
];

/** Sets `key` on `object`, a new key placed before the first sibling that follows it in the
 *  usual order (else at the end). */
function setKey(object, key, value) {
  if (key in object) { object[key] = value; return; }
  const order = KEY_ORDERS.find((keys) => keys.includes(key));
  const rank = (k) => order ? order.indexOf(k) : -1;
  const entries = Object.entries(object);
  const at = order ? entries.findIndex(([k]) => rank(k) > rank(key)) : -1;
  if (at < 0) { object[key] = value; return; }
  entries.splice(at, 0, [key, value]);
  for (const [k] of entries) delete object[k];
  for (const [k, v] of entries) object[k] = v;
}

/** Sets the value at `path`, making the mappings on the way; `undefined` removes the key. */
function setPath(tree, path, value) {
  const parts = parsePath(path);
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (node[part] === null || typeof node[part] !== 'object') {
      if (value === undefined) return;
      const made = typeof parts[i + 1] === 'number' ? [] : {};
      if (Array.isArray(node)) node[part] = made; else setKey(node, part, made);
    }
    node = node[part];
  }
  const last = parts[parts.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last, 1); else delete node[last];
  } else if (Array.isArray(node)) node[last] = value;
  else setKey(node, last, value);
}

// ---------------------------------------------------------------------------------------------
// YAML text of a tree, for keeping one's own version in the text tab after a conflict. The
// server writes the canonical layout on a form save; this is only a readable, valid copy.

const PLAIN_SPECIAL = /^[-?:,[\]{}#&*!|>'"%@`\s]|[:#]|\s$|[\u0000-\u001f\u007f]/;
const RESOLVES = /^(?:[-+]?(?:\.?\d[\d_]*\.?\d*(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)|true|false|yes|no|on|off|y|n|null|~)$/i;

function yamlScalar(value) {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (value === '' || PLAIN_SPECIAL.test(value) || RESOLVES.test(value)) {
    return /^\d{4}-\d\d-\d\d$/.test(value) ? value : JSON.stringify(value);
  }
  return value;
}

/** The lines of a scalar after `prefix`, a multi-line string as a `|` block. */
function yamlScalarLines(prefix, value, indent) {
  if (typeof value === 'string' && value.includes('\n') && !/^[ \t]|\r/.test(value)) {
    const body = value.replace(/\n+$/, '');
    const trailing = value.length - body.length;
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const lines = body.split('\n').map((line) => line === '' ? '' : indent + line);
    return [`${prefix}|${chomp}`, ...lines, ...Array(Math.max(0, trailing - 1)).fill('')];
  }
  return [prefix + yamlScalar(value)];
}

const isBlock = (v) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;

function yamlLines(value, indent) {
  const lines = [];
  const entries = Array.isArray(value) ? value.map((v) => [null, v]) : Object.entries(value);
  for (const [key, item] of entries) {
    const prefix = key === null ? `${indent}- ` : `${indent}${yamlScalar(key)}:`;
    if (!isBlock(item)) {
      const empty = item !== null && typeof item === 'object' ? (Array.isArray(item) ? '[]' : '{}') : null;
      const head = key === null ? prefix : `${prefix} `;
      lines.push(...(empty ? [head + empty] : yamlScalarLines(head, item, `${indent}  `)));
    } else if (key === null) {
      const inner = yamlLines(item, `${indent}  `);
      lines.push(prefix + inner[0].trimStart(), ...inner.slice(1));
    } else {
      lines.push(prefix, ...yamlLines(item, `${indent}  `));
    }
  }
  return lines;
}

const toYaml = (tree) => `${yamlLines(tree, '').join('\n')}\n`;

// ---------------------------------------------------------------------------------------------
// The server

const state = {
  session: null,      // {csrf, name, role}
  files: [],
  year: null,         // the year record's tree
  meeting: null,      // see openMeeting
};

const isEditor = () => state.session?.role === 'editor';

/** One request; adds the CSRF header to what changes anything. Resolves to the Response. */
async function api(method, url, { json, yaml, body, type } = {}) {
  const headers = {};
  let payload;
  if (json !== undefined) { payload = JSON.stringify(json); headers['Content-Type'] = 'application/json'; }
  else if (yaml !== undefined) { payload = yaml; headers['Content-Type'] = 'text/yaml'; }
  else if (body !== undefined) { payload = body; headers['Content-Type'] = type || 'application/octet-stream'; }
  if (method !== 'GET' && state.session) headers['X-Hanji-CSRF'] = state.session.csrf;
  if (state.meeting?.ifMatch && (method === 'PUT')) headers['If-Match'] = state.meeting.ifMatch;
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new Error('서버에 연결할 수 없습니다. 네트워크나 서버를 확인하세요.');
  }
  if (response.status === 401 && !url.startsWith('/api/login') && !url.startsWith('/api/session')) {
    sessionLost();
    throw new Error('로그인이 끝났습니다. 다시 로그인하세요.');
  }
  return response;
}

/** The message of an error answer: `{"error"}` when it is JSON, else the status. */
async function errorOf(response) {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (body && typeof body.error === 'string') return body.error;
  } catch { /* not JSON */ }
  return `요청이 실패했습니다 (HTTP ${response.status})${text && text.length < 200 ? `: ${text}` : ''}`;
}

async function jsonOf(response) {
  if (!response.ok) throw new Error(await errorOf(response));
  return response.json();
}

// ---------------------------------------------------------------------------------------------
// Session

function showView(id) {
  for (const view of ['login-view', 'overview-view', 'meeting-view']) $(view).hidden = view !== id;
}

function signedIn(session) {
  state.session = session;
  $('who-name').textContent = `${session.name} (${session.role === 'editor' ? '편집자' : '열람자'})`;
  $('who').hidden = false;
  $('nav').hidden = false;
  document.body.classList.toggle('reader', !isEditor());
  route();
}

function sessionLost() {
  state.session = null;
  state.meeting = null;
  $('who').hidden = true;
  $('nav').hidden = true;
  showView('login-view');
  $('login-name').focus();
}

async function login(event) {
  event.preventDefault();
  const error = $('login-error');
  error.textContent = '';
  const response = await api('POST', '/api/login', {
    json: { name: $('login-name').value, password: $('login-password').value },
  }).catch((e) => { error.textContent = e.message; return null; });
  if (!response) return;
  if (response.ok) {
    $('login-password').value = '';
    signedIn(await response.json());
    setStatus('로그인했습니다.');
  } else if (response.status === 401) {
    error.textContent = '이름이나 비밀번호가 맞지 않습니다.';
  } else if (response.status === 429) {
    const wait = response.headers.get('Retry-After');
    error.textContent = `로그인 시도가 너무 많습니다.${wait ? ` ${wait}초 뒤에` : ' 잠시 뒤에'} 다시 시도하세요.`;
  } else {
    error.textContent = await errorOf(response);
  }
}

async function logout() {
  if (!confirmLeave()) return;
  const response = await api('POST', '/api/logout').catch(() => null);
  if (response && !response.ok && response.status !== 401) {
    setStatus(await errorOf(response), 'error');
    return;
  }
  sessionLost();
  location.hash = '#/';
  setStatus('로그아웃했습니다.');
}

// ---------------------------------------------------------------------------------------------
// Routing: `#/` the year, `#/meeting/{path}` a meeting

function confirmLeave() {
  return !state.meeting?.dirty || window.confirm('저장하지 않은 변경이 있습니다. 버리고 나갈까요?');
}

async function route() {
  if (!state.session) return;
  const match = location.hash.match(/^#\/meeting\/(.+)$/);
  try {
    if (match) await openMeeting(decodeURIComponent(match[1]));
    else await openOverview();
  } catch (e) {
    setStatus(e.message, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Year overview

const DOCS = {
  minutes: '회의록', signin: '참석자 서명부', program: '성과공유회 안내', certificates: '감사장', booklet: '성과집',
};
const EDITIONS = { official: '원본', public: '공개용' };
/** The editions each document has: certificates exist only with their recipients' names. */
const DOC_EDITIONS = {
  minutes: ['official', 'public'], signin: ['official', 'public'], booklet: ['official', 'public'],
  program: ['official', 'public'], certificates: ['official'],
};

async function openOverview() {
  state.meeting = null;
  openSeq++;
  showView('overview-view');
  document.title = '연간 현황 · 한지';
  state.files = (await jsonOf(await api('GET', '/api/files'))).files ?? [];
  renderMeetings();
  const year = state.files.find((file) => file.kind === 'year');
  state.year = null;
  if (year) {
    state.year = (await jsonOf(await api('GET', `/api/files/${urlPath(year.path)}?as=json`))).record;
  }
  renderYear(year?.path);
}

function renderMeetings() {
  const rows = state.files.filter((file) => file.kind === 'meeting').map((file) => el('tr', {},
    el('td', {}, el('a', { href: `#/meeting/${urlPath(file.path)}`, 'data-open': file.path, text: file.title || file.path })),
    el('td', { text: file.date ?? '' }),
    el('td', {}, el('span', { class: `badge ${{ 완료: 'done', 오류: 'bad' }[file.status] ?? ''}`.trim(), text: file.status ?? '' }))));
  $('meetings-body').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: 3, text: '회의 기록이 없습니다.' }))]));
}

function renderYear(yearPath) {
  const year = state.year ?? {};
  $('overview-title').textContent = year.year ? `${year.year}년 연간 현황` : '연간 현황';
  if (year.organisation?.name) $('overview-title').append(el('span', { class: 'sub', text: ` ${year.organisation.name}` }));

  const groups = Array.isArray(year.subcommittees) ? year.subcommittees : [];
  $('subcommittees').replaceChildren(...groups.map((group) => el('section', { class: 'card' },
    el('h3', { text: group?.name ?? '' }),
    el('ul', {}, (Array.isArray(group?.members) ? group.members : []).map((member) => el('li', {},
      el('span', { class: 'name', text: member?.name ?? '' }), ' ',
      el('span', { class: 'role', text: member?.role ?? '' })))))));

  const projects = Array.isArray(year.projects) ? year.projects : [];
  $('projects-body').replaceChildren(...projects.map((project) => el('tr', {},
    el('td', { text: project?.title ?? '' }),
    el('td', { text: project?.subcommittee ?? '' }),
    el('td', { class: 'num', text: typeof project?.budget === 'number' ? `${project.budget.toLocaleString('ko-KR')}원` : (project?.budget ?? '') }))));

  renderPrint($('year-print'), yearPath ? ['program', 'certificates', 'booklet'] : [], yearPath);
}

// ---------------------------------------------------------------------------------------------
// Printing: a PDF opened in a new tab, or the server's refusal shown here

function renderPrint(container, docs, path) {
  const allowed = (doc) => DOC_EDITIONS[doc].filter((edition) => isEditor() || edition === 'public');
  const offered = docs.filter((doc) => allowed(doc).length);
  container.replaceChildren(...offered.map((doc) => el('div', { class: 'print-doc' },
    el('span', { class: 'print-name', text: DOCS[doc] }),
    allowed(doc).map((edition) => el('a', {
      class: 'button', target: '_blank', 'data-doc': doc, 'data-edition': edition,
      href: `/api/print/${doc}/${urlPath(path)}?edition=${edition}`,
      text: `${EDITIONS[edition]} 인쇄`, 'aria-label': `${DOCS[doc]} ${EDITIONS[edition]} 인쇄 (새 탭)`,
      onclick: printClicked,
    })))));
}

async function printClicked(event) {
  event.preventDefault();
  const link = event.currentTarget;
  const tab = window.open('', '_blank');
  if (tab) { tab.opener = null; tab.document.title = '인쇄 준비 중…'; }
  setStatus(`${link.getAttribute('aria-label')}: PDF를 만들고 있습니다…`);
  try {
    const response = await api('GET', link.href);
    if (!response.ok) throw new Error(await errorOf(response));
    const url = URL.createObjectURL(await response.blob());
    if (tab) tab.location.href = url; else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setStatus(`${link.getAttribute('aria-label')}: 새 탭에 열었습니다.`);
  } catch (e) {
    tab?.close();
    setStatus(`인쇄하지 못했습니다: ${e.message}`, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// A meeting: loading, the form and the text tab share one record

/* state.meeting = {
 *   path, etag, ifMatch,   the file and the version the edits start from
 *   tree,                  the record as the form edits it
 *   savedTree, savedText,  the saved version (to tell whether anything changed)
 *   dirty,                 null | 'form' | 'text': which tab holds unsaved edits
 *   page, pages,           the preview page shown and the page count
 *   conflict,              the 409 body while a stale save waits for a decision
 *   mine,                  after loading theirs: my unsaved version as YAML text
 * } */

async function fetchSaved(path) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [textResponse, jsonResponse] = await Promise.all([
      api('GET', `/api/files/${urlPath(path)}`), api('GET', `/api/files/${urlPath(path)}?as=json`)]);
    if (!textResponse.ok) throw new Error(await errorOf(textResponse));
    const text = await textResponse.text();
    const etag = textResponse.headers.get('ETag');
    // A text that does not read as YAML has no tree: the text tab alone edits it.
    if (jsonResponse.status === 422) {
      const { diagnostics } = await jsonResponse.json().catch(() => ({}));
      return { text, record: null, etag, diagnostics: diagnostics ?? [] };
    }
    if (!jsonResponse.ok) throw new Error(await errorOf(jsonResponse));
    const { record } = await jsonResponse.json();
    // A save between the two requests: read both again.
    if (etag === jsonResponse.headers.get('ETag')) return { text, record, etag };
  }
  throw new Error('파일이 계속 바뀌고 있어 읽지 못했습니다. 잠시 뒤에 다시 여세요.');
}

let openSeq = 0;
async function openMeeting(path) {
  if (state.meeting?.path === path) return;
  const seq = ++openSeq;
  showView('meeting-view');
  setStatus('회의록을 불러오고 있습니다…');
  if (!state.files.length) state.files = (await jsonOf(await api('GET', '/api/files'))).files ?? [];
  // A reader sees the public edition only: the record itself (names, statuses) stays unread.
  const saved = isEditor() ? await fetchSaved(path) : { text: '', record: null, etag: null };
  if (seq !== openSeq) return; // another meeting was asked for meanwhile
  state.meeting = {
    path, etag: saved.etag, ifMatch: saved.etag, tree: saved.record && structuredClone(saved.record),
    savedTree: saved.record, savedText: saved.text, dirty: null, page: 1, pages: null,
    conflict: null, mine: null,
  };
  $('yaml-text').value = saved.text;
  $('conflict').hidden = true;
  renderMeetingTitle();
  renderForm();
  renderTextTab();
  renderPreviewControls();
  renderPrint($('meeting-print'), ['minutes', 'signin'], path);
  selectTab(saved.record ? 'form' : 'text', false);
  showDiagnostics(saved.diagnostics ?? []);
  setStatus('');
  if (isEditor()) check.now();
  preview.now();
}

function renderMeetingTitle() {
  const { tree, path } = state.meeting;
  const listed = state.files.find((file) => file.path === path);
  const own = tree?.body ? `${tree.body}${tree.number !== undefined ? ` ${tree.number}차` : ''}` : '';
  const title = own || listed?.title || path;
  $('meeting-title').textContent = title;
  document.title = `${title} · 한지`;
}

/** Marks which tab holds unsaved edits, and what that means for the other tab. */
function setDirty(dirty) {
  const meeting = state.meeting;
  meeting.dirty = dirty;
  $('dirty').textContent = !isEditor() ? '읽기 전용' : dirty ? '저장하지 않은 변경이 있습니다' : '저장됨';
  $('save').disabled = !isEditor() || !dirty;
  $('form-body').disabled = !isEditor() || dirty === 'text';
  $('form-note').hidden = dirty !== 'text';
  $('form-note').textContent = dirty === 'text'
    ? 'YAML 원문에서 고친 내용이 있어 양식은 잠겨 있습니다. 원문을 저장하거나 되돌리면 양식을 쓸 수 있습니다.' : '';
  $('yaml-text').readOnly = !isEditor() || dirty === 'form';
  $('text-save').disabled = !isEditor() || dirty !== 'text';
  $('text-revert').disabled = dirty !== 'text';
  const note = dirty === 'form' ? '양식에서 고친 내용이 있어 원문은 잠겨 있습니다. 저장하면 원문에 반영됩니다.'
    : meeting.mine !== null && dirty === 'text' ? '여기에는 저장하지 못한 내 판이 있습니다. 저장하면 방금 불러온 판을 덮어씁니다. 되돌리면 불러온 판으로 돌아갑니다.'
      : !isEditor() ? '열람자는 읽기만 할 수 있습니다.' : '';
  $('text-note').textContent = note;
  $('text-note').hidden = !note;
}

/** The unsaved record as a request body: the text as typed, or the form's tree. */
function recordBody() {
  const meeting = state.meeting;
  return meeting.dirty === 'text' ? { yaml: $('yaml-text').value } : { json: { record: meeting.tree } };
}

/** Called after every edit in the form. */
function formChanged() {
  const meeting = state.meeting;
  setDirty(JSON.stringify(meeting.tree) === JSON.stringify(meeting.savedTree) ? null : 'form');
  check();
  preview();
}

// ---------------------------------------------------------------------------------------------
// The form. Each control carries the key path it edits in `data-path`.

/** A scalar as the tree should hold it: a number stays a number when the text is one, and an
 *  emptied optional key goes away. */
function typed(text, before, optional) {
  if (optional && text.trim() === '') return undefined;
  if (typeof before === 'number' && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  return text;
}

/** A labelled text input (or textarea) bound to `path`. */
function field(label, path, { optional = false, multiline = false, placeholder, hint, wide = false } = {}) {
  const tree = state.meeting.tree;
  const id = newId();
  const value = getPath(tree, path);
  const control = multiline
    ? el('textarea', { id, rows: 3, 'data-path': path })
    : el('input', { id, type: 'text', 'data-path': path, placeholder, autocomplete: 'off' });
  control.value = value === undefined || value === null ? '' : String(value);
  control.addEventListener('input', () => {
    setPath(state.meeting.tree, path, typed(control.value, value, optional));
    formChanged();
  });
  return el('div', { class: wide ? 'field wide' : 'field' },
    el('label', { for: id, text: label }),
    control,
    hint ? el('span', { class: 'hint', text: hint }) : null);
}

function section(legend, ...children) {
  return el('fieldset', { class: 'section' }, el('legend', { text: legend }), ...children);
}

function renderForm() {
  const body = $('form-body');
  const focusPath = document.activeElement?.closest?.('#form-body') ? focusKey(document.activeElement) : null;
  const tree = state.meeting.tree;
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) {
    body.replaceChildren(el('p', { class: 'note', text: '이 기록은 YAML로 읽을 수 없어 양식으로 보여 줄 수 없습니다. YAML 원문 탭에서 고치세요.' }));
    return;
  }
  body.replaceChildren(
    headerSection(),
    Array.isArray(tree.attendance) ? attendanceSection(tree.attendance) : null,
    Array.isArray(tree.agenda) ? agendaSection(tree.agenda) : null,
    summarySection(tree.summary),
    photosSection(tree.photos),
    nextSection(),
  );
  if (focusPath) restoreFocus(focusPath);
}

/** What identifies a control across a re-render: the path it edits, its kind and action. */
function focusKey(node) {
  const path = node.dataset?.path ?? node.dataset?.turnText ?? node.closest?.('[data-path]')?.dataset.path;
  if (path === undefined) return null;
  return { path, tag: node.tagName, action: node.dataset.action ?? null, value: node.type === 'radio' ? node.value : null };
}

function restoreFocus(key) {
  const found = [...$('form-body').querySelectorAll('input, select, textarea, button')].find((node) => {
    const other = focusKey(node);
    return other && other.path === key.path && other.tag === key.tag && other.action === key.action && other.value === key.value;
  });
  found?.focus();
}

function headerSection() {
  return section('회의 정보',
    el('div', { class: 'fields' },
      field('회의체', 'body', { wide: true }),
      field('회차', 'number', { hint: '숫자만 (14 → 14차)' }),
      field('일자', 'date', { placeholder: 'YYYY-MM-DD' }),
      field('시각', 'time', { placeholder: 'HH:MM' }),
      field('장소', 'place', { wide: true }),
      field('기록자 직위', 'recorder.role'),
      field('기록자 이름', 'recorder.name', { optional: true }),
      field('확인자 직위', 'confirmer.role', { optional: true }),
      field('확인자 이름', 'confirmer.name', { optional: true }),
      field('작성일', 'written', { optional: true, placeholder: 'YYYY-MM-DD', hint: '비우면 회의 일자' })));
}

const STATUSES = ['참석', '위임', '불참'];

function attendanceSection(groups) {
  const rows = [];
  groups.forEach((group, g) => {
    const members = Array.isArray(group?.members) ? group.members : [];
    members.forEach((member, m) => {
      const path = `attendance[${g}].members[${m}].status`;
      const person = typeof member === 'object' && member !== null ? member : { name: String(member ?? '') };
      const who = [person.role, person.name].filter(Boolean).join(' ');
      const name = `status-${g}-${m}`;
      const radios = el('div', { class: 'segmented', role: 'radiogroup', 'aria-label': `${who} 출석`, 'data-path': path },
        STATUSES.map((status) => {
          const input = el('input', { type: 'radio', name, value: status });
          input.checked = person.status === status;
          input.addEventListener('change', () => {
            if (!input.checked) return;
            setPath(state.meeting.tree, `attendance[${g}].members[${m}]`, typeof member === 'object' && member !== null ? member : { name: String(member) });
            setPath(state.meeting.tree, path, status);
            $('attendance-tally').textContent = tally(state.meeting.tree.attendance);
            formChanged();
          });
          return el('label', { class: 'seg' }, input, el('span', { text: status }));
        }));
      rows.push(el('tr', {},
        m === 0 ? el('th', { scope: 'rowgroup', rowspan: members.length, text: group?.group ?? '' }) : null,
        el('td', { text: person.role ?? '' }),
        el('th', { scope: 'row', text: person.name ?? '' }),
        el('td', { class: 'muted', text: person.title ?? '' }),
        el('td', {}, radios)));
    });
  });
  return section('참석 명단',
    el('p', { class: 'hint' }, el('span', { id: 'attendance-tally', text: tally(groups) }), ' (화살표 키로 상태를 고릅니다)'),
    el('table', { class: 'grid attendance' },
      el('thead', {}, el('tr', {},
        ['구분', '직위', '성명', '발언 호칭', '출석'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows)));
}

/** `참석 8 · 위임 0 · 불참 5`, counted from the grid's statuses. */
function tally(groups) {
  const members = groups.flatMap((group) => (Array.isArray(group?.members) ? group.members : []));
  return STATUSES.map((status) => `${status} ${members.filter((m) => m?.status === status).length}`).join(' · ');
}

/** The names a turn may start with: each attendee's title, else name. */
function speakers() {
  const options = [];
  for (const group of state.meeting.tree.attendance ?? []) {
    for (const member of group?.members ?? []) {
      if (member === null || typeof member !== 'object') continue;
      const key = member.title || member.name;
      if (key && !options.some((o) => o.key === key)) {
        options.push({ key, label: member.title && member.name ? `${member.title} (${member.name})` : key });
      }
    }
  }
  return options;
}

function agendaSection(items) {
  return section('안건', items.map((item, i) => {
    const base = `agenda[${i}]`;
    if (item === null || typeof item !== 'object') return el('p', { class: 'note', text: `안건 ${i + 1}은 YAML 원문에서 고치세요.` });
    return el('fieldset', { class: 'item' },
      el('legend', { text: `안건 ${i + 1}` }),
      field('제목', `${base}.title`, { wide: true }),
      notesBlock(item, base),
      transcriptBlock(item, base));
  }));
}

/** An agenda item's bullets: plain lines, `text` headings with their items, `note` remarks. */
function notesBlock(item, base) {
  const notes = Array.isArray(item.notes) ? item.notes : [];
  const rows = [];
  notes.forEach((note, j) => {
    const path = `${base}.notes[${j}]`;
    if (typeof note === 'string') rows.push(bulletRow('항목', path, () => removeAt(`${base}.notes`, j)));
    else if (note && typeof note === 'object' && 'note' in note) rows.push(bulletRow('※ 참고', `${path}.note`, () => removeAt(`${base}.notes`, j)));
    else if (note && typeof note === 'object' && 'text' in note) {
      rows.push(bulletRow('○ 제목', `${path}.text`, () => removeAt(`${base}.notes`, j)));
      (Array.isArray(note.items) ? note.items : []).forEach((sub, k) => {
        if (typeof sub === 'string') rows.push(bulletRow('－ 세부', `${path}.items[${k}]`, () => removeAt(`${path}.items`, k), true));
      });
    }
  });
  return el('div', { class: 'bullets' }, el('h4', { text: '내용' }), rows,
    addButton('항목 추가', `${base}.notes`, () => '', 'add-bullet'));
}

/** A button that appends `make()` to the list at `listPath` (made when missing) and puts the
 *  focus on the new entry's control. */
function addButton(text, listPath, make, action) {
  return el('button', {
    type: 'button', class: 'small-button', 'data-action': action, 'data-path': listPath, text,
    onclick: () => {
      const tree = state.meeting.tree;
      const list = getPath(tree, listPath);
      if (Array.isArray(list)) list.push(make()); else setPath(tree, listPath, [make()]);
      renderForm();
      formChanged();
      const index = getPath(tree, listPath).length - 1;
      $('form-body').querySelector(`[data-path="${CSS.escape(`${listPath}[${index}]`)}"]`)?.focus();
    },
  });
}

function bulletRow(label, path, remove, nested = false) {
  const id = newId();
  const input = el('input', { id, type: 'text', 'data-path': path, autocomplete: 'off' });
  input.value = String(getPath(state.meeting.tree, path) ?? '');
  input.addEventListener('input', () => { setPath(state.meeting.tree, path, input.value); formChanged(); });
  return el('div', { class: nested ? 'bullet nested' : 'bullet' },
    el('label', { for: id, text: label }), input,
    el('button', {
      type: 'button', class: 'icon', 'data-action': 'remove', 'aria-label': `${label} 삭제`, title: '삭제', text: '✕',
      onclick: () => { remove(); renderForm(); formChanged(); },
    }));
}

function removeAt(listPath, index) {
  const list = getPath(state.meeting.tree, listPath);
  if (Array.isArray(list)) list.splice(index, 1);
}

function transcriptBlock(item, base) {
  const turns = Array.isArray(item.transcript) ? item.transcript : [];
  const listPath = `${base}.transcript`;
  const people = speakers();
  const list = el('ol', { class: 'turns' }, turns.map((turn, j) => {
    const path = `${listPath}[${j}]`;
    const pairs = turn && typeof turn === 'object' && !Array.isArray(turn) ? Object.entries(turn) : [];
    if (pairs.length !== 1) {
      return el('li', { class: 'turn', 'data-path': path, tabindex: -1 },
        el('p', { class: 'note', text: `발언 ${j + 1}은 '호칭: 발언' 한 줄 모양이 아니어서 YAML 원문에서 고치세요.` }));
    }
    const [speaker, said] = pairs[0];
    const selectId = newId();
    const textId = newId();
    const select = el('select', { id: selectId, 'data-path': path },
      people.map((p) => el('option', { value: p.key, text: p.label })),
      people.some((p) => p.key === speaker) ? null : el('option', { value: speaker, text: `${speaker} (명단에 없음)` }));
    select.value = speaker;
    // The remark's own path (`…transcript[0].협치조정관`) is where Hanji reports an unknown
    // speaker, so the textarea keeps it apart (data-turn-text) and the report lands on the picker.
    const text = el('textarea', { id: textId, rows: 3, 'data-turn-text': `${path}.${speaker}` });
    text.value = said === null || said === undefined ? '' : String(said);
    fitRows(text);
    const write = () => {
      fitRows(text);
      getPath(state.meeting.tree, listPath)[j] = { [select.value]: text.value };
      text.dataset.turnText = `${path}.${select.value}`;
      formChanged();
    };
    select.addEventListener('change', write);
    text.addEventListener('input', write);
    const move = (by, label, action) => el('button', {
      type: 'button', class: 'icon', 'data-action': action, 'aria-label': `발언 ${j + 1} ${label}`, title: label,
      text: by < 0 ? '↑' : '↓', disabled: by < 0 ? j === 0 : j === turns.length - 1,
      onclick: () => moveTurn(listPath, j, by, action),
    });
    return el('li', { class: 'turn' },
      el('div', { class: 'turn-head' },
        el('label', { for: selectId, text: `발언 ${j + 1} 발언자` }), select,
        el('span', { class: 'turn-tools' },
          move(-1, '위로', 'up'), move(1, '아래로', 'down'),
          el('button', {
            type: 'button', class: 'icon', 'data-action': 'remove-turn', 'aria-label': `발언 ${j + 1} 삭제`, title: '삭제', text: '✕',
            onclick: () => { removeAt(listPath, j); renderForm(); formChanged(); focusTurn(listPath, Math.min(j, turns.length - 2)); },
          }))),
      el('label', { for: textId, class: 'sr-only', text: `발언 ${j + 1} 내용` }),
      text);
  }));
  return el('div', { class: 'transcript' }, el('h4', { text: `발언 (${turns.length})` }), list,
    addButton('발언 추가', listPath, () => ({ [people[0]?.key ?? '발언자']: '' }), 'add-turn'));
}

/** Rows enough for a remark's text (about 48 Korean characters a row), 2 to 12. */
function fitRows(area) {
  const lines = area.value.replace(/\n$/, '').split('\n');
  const rows = lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 48)), 0);
  area.rows = Math.min(12, Math.max(2, rows));
}

function moveTurn(listPath, index, by, action) {
  const list = getPath(state.meeting.tree, listPath);
  const to = index + by;
  if (!Array.isArray(list) || to < 0 || to >= list.length) return;
  [list[index], list[to]] = [list[to], list[index]];
  renderForm();
  formChanged();
  const button = $('form-body').querySelector(`select[data-path="${CSS.escape(`${listPath}[${to}]`)}"]`)
    ?.closest('.turn')?.querySelector(`[data-action="${action}"]`);
  (button && !button.disabled ? button : $('form-body').querySelector(`select[data-path="${CSS.escape(`${listPath}[${to}]`)}"]`))?.focus();
  setStatus(`발언을 ${to + 1}번째로 옮겼습니다.`);
}

function focusTurn(listPath, index) {
  if (index < 0) return;
  $('form-body').querySelector(`select[data-path="${CSS.escape(`${listPath}[${index}]`)}"]`)?.focus();
}

function photosSection(photos) {
  const list = Array.isArray(photos) ? photos : [];
  const fileInputId = newId();
  const input = el('input', {
    id: fileInputId, type: 'file', multiple: true, accept: 'image/jpeg,image/png,image/heic,.jpg,.jpeg,.png,.heic',
    onchange: () => { uploadPhotos([...input.files]); input.value = ''; },
  });
  const zone = el('div', { class: 'dropzone editor-only', 'data-path': 'photos' },
    el('p', { text: '사진을 여기에 끌어다 놓거나 ' }),
    input, el('label', { for: fileInputId, class: 'button', text: '사진 고르기' }),
    el('p', { class: 'hint', text: 'JPEG, PNG, HEIC · 한 장 20 MB 이하' }));
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    if (!$('form-body').disabled) uploadPhotos([...event.dataTransfer.files]);
  });
  return section('회의 사진',
    el('ul', { class: 'photos' }, list.map((photo, i) => {
      const file = photo && typeof photo === 'object' ? photo.file : photo;
      return el('li', {},
        el('span', { class: 'file', text: String(file ?? '') }),
        photo && typeof photo === 'object' ? field('설명', `photos[${i}].caption`) : null,
        el('button', {
          type: 'button', class: 'icon', 'data-action': 'remove', 'data-path': `photos[${i}]`, 'aria-label': `사진 ${file} 빼기`, title: '빼기', text: '✕',
          onclick: () => { removeAt('photos', i); renderForm(); formChanged(); },
        }));
    })),
    zone);
}

async function uploadPhotos(files) {
  for (const file of files) {
    setStatus(`사진 ${file.name}을 올리고 있습니다…`);
    try {
      const response = await api('POST', `/api/photos?name=${encodeURIComponent(file.name)}`, { body: file, type: file.type });
      if (response.status === 413) throw new Error('사진이 너무 큽니다. 20 MB 이하로 줄여 주세요.');
      if (response.status === 415) throw new Error('JPEG, PNG, HEIC 사진만 올릴 수 있습니다.');
      const { path } = await jsonOf(response);
      const tree = state.meeting.tree;
      if (!Array.isArray(tree.photos)) setPath(tree, 'photos', []);
      tree.photos.push({ file: path, caption: '' });
      renderForm();
      formChanged();
      setStatus(`사진 ${file.name}을 올렸습니다. 설명을 적고 저장하세요.`);
    } catch (e) {
      setStatus(`사진 ${file.name}: ${e.message}`, 'error');
    }
  }
}

function summarySection(summary) {
  const items = Array.isArray(summary) ? summary : [];
  return section('주요 내용',
    items.map((item, i) => typeof item === 'string'
      ? bulletRow(`주요 내용 ${i + 1}`, `summary[${i}]`, () => removeAt('summary', i))
      : el('p', { class: 'note', 'data-path': `summary[${i}]`, tabindex: -1, text: `주요 내용 ${i + 1}은 YAML 원문에서 고치세요.` })),
    addButton('주요 내용 추가', 'summary', () => '', 'add-summary'),
    el('div', { class: 'fields' }, field('비고', 'remarks', { multiline: true, wide: true })));
}

function nextSection() {
  return section('다음 회의',
    el('div', { class: 'fields' },
      field('안건', 'next.title', { wide: true, optional: true }),
      field('일자', 'next.date', { optional: true, placeholder: 'YYYY-MM-DD' })));
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: at the control that edits their path, else in the list at the top

/** The control for a key path: the path itself, else the nearest enclosing one that has one. */
function controlFor(path) {
  const parts = parsePath(path ?? '');
  while (parts.length) {
    const found = $('form-body').querySelector(`[data-path="${CSS.escape(joinPath(parts))}"]`);
    if (found) return found;
    parts.pop();
  }
  return null;
}

function clearFieldDiagnostics() {
  for (const node of document.querySelectorAll('.diag')) node.remove();
  for (const node of document.querySelectorAll('[data-diag]')) {
    node.removeAttribute('aria-invalid');
    const rest = (node.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('diag-'));
    if (rest.length) node.setAttribute('aria-describedby', rest.join(' ')); else node.removeAttribute('aria-describedby');
    node.removeAttribute('data-diag');
  }
}

const diagText = (d) => `${d.severity === 'error' ? '오류' : '주의'}: ${d.message ?? ''}${d.hint ? ` (${d.hint})` : ''}`;

function showDiagnostics(diagnostics, { fromText = false } = {}) {
  clearFieldDiagnostics();
  // While the text tab holds unsaved edits the form shows the saved tree, whose controls need
  // not be where the text's paths point: then the list and the lines alone show them.
  const atFields = state.meeting?.dirty !== 'text';
  const top = [];
  for (const d of diagnostics) {
    const control = d.path && atFields ? controlFor(d.path) : null;
    if (!control) { top.push(d); continue; }
    const id = newId('diag-');
    const message = el('p', { id, class: `diag ${d.severity}`, text: diagText(d) });
    (control.closest('.field, .bullet, .turn, td, .dropzone') ?? control).append(message);
    if (d.severity === 'error') control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    control.setAttribute('data-diag', '');
  }
  $('diagnostics-list').replaceChildren(...top.map((d) => el('li', { class: d.severity },
    d.line ? el('span', { class: 'where', text: `${d.file ?? ''} ${d.line}행${d.column ? ` ${d.column}열` : ''}${d.path ? ` (${d.path})` : ''} ` }) : null,
    diagText(d))));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  $('diagnostics-title').textContent = diagnostics.length
    ? `확인할 내용: 오류 ${errors}건, 주의 ${diagnostics.length - errors}건${top.length < diagnostics.length ? ' (해당 칸에 표시)' : ''}`
    : '확인할 내용';
  $('diagnostics').hidden = diagnostics.length === 0;
  if (fromText || state.meeting?.dirty !== 'form') renderLineDiagnostics(diagnostics);
  else renderLineDiagnostics([]);
}

// ---------------------------------------------------------------------------------------------
// Checking and previewing the unsaved record

let checkSeq = 0;
const check = debounce(async () => {
  const meeting = state.meeting;
  if (!meeting) return;
  const seq = ++checkSeq;
  try {
    const body = meeting.dirty ? recordBody() : { yaml: meeting.savedText };
    const response = await api('POST', `/api/check/${urlPath(meeting.path)}`, body);
    const { diagnostics } = await jsonOf(response);
    if (seq === checkSeq && state.meeting === meeting) showDiagnostics(diagnostics ?? [], { fromText: meeting.dirty !== 'form' });
  } catch (e) {
    if (seq === checkSeq) setStatus(`검사하지 못했습니다: ${e.message}`, 'error');
  } finally {
    // (What a test waits for: the last check's answer is shown and no other is to come.)
    if (seq === checkSeq && !check.pending) delete $('meeting-view').dataset.checking;
  }
}, 450, () => { $('meeting-view').dataset.checking = 'true'; });

function renderPreviewControls() {
  const select = $('preview-edition');
  const editions = isEditor() ? ['official', 'public'] : ['public'];
  select.replaceChildren(...editions.map((e) => el('option', { value: e, text: EDITIONS[e] })));
}

let previewSeq = 0;
let previewURL = null;
const preview = debounce(async () => {
  const meeting = state.meeting;
  if (!meeting) return;
  const seq = ++previewSeq;
  const doc = $('preview-doc').value;
  const edition = $('preview-edition').value;
  const url = `/api/preview/${doc}/${urlPath(meeting.path)}?page=${meeting.page}&edition=${edition}`;
  try {
    const response = meeting.dirty ? await api('POST', url, recordBody()) : await api('GET', url);
    if (seq !== previewSeq || state.meeting !== meeting) return;
    if (response.status === 404 && meeting.page > 1) {
      // Past the last page (the record got shorter): the last page known, else the first.
      meeting.page = meeting.pages && meeting.pages < meeting.page ? meeting.pages : 1;
      preview.now();
      return;
    }
    if (response.status === 422) {
      const { diagnostics } = await response.json();
      showDiagnostics(diagnostics ?? [], { fromText: meeting.dirty !== 'form' });
      previewNote('인쇄할 수 없는 내용이 있어 미리보기를 새로 그리지 못했습니다. 위의 오류를 고치세요.');
      return;
    }
    if (!response.ok) throw new Error(await errorOf(response));
    const pages = Number(response.headers.get('X-Hanji-Pages')) || null;
    const blob = await response.blob();
    if (seq !== previewSeq) return;
    meeting.pages = pages;
    const img = $('preview-img');
    if (previewURL) URL.revokeObjectURL(previewURL);
    previewURL = URL.createObjectURL(blob);
    img.src = previewURL;
    img.hidden = false;
    img.alt = `${$('meeting-title').textContent} ${DOCS[doc]} ${EDITIONS[edition]} 미리보기 ${meeting.page}쪽${pages ? ` (전체 ${pages}쪽)` : ''}`;
    img.dataset.bytes = String(blob.size);
    img.dataset.digest = await digest(blob);
    previewNote('');
    renderPager();
  } catch (e) {
    if (seq === previewSeq) previewNote(`미리보기를 그리지 못했습니다: ${e.message}`);
  } finally {
    if (seq === previewSeq && !preview.pending) $('preview').removeAttribute('aria-busy');
  }
}, 300, () => $('preview').setAttribute('aria-busy', 'true'));

/** A short fingerprint of the image's bytes (for telling one preview from the next). */
async function digest(blob) {
  if (!crypto.subtle) return String(blob.size);
  const hash = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(hash).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function previewNote(text) {
  $('preview-note').textContent = text;
  $('preview-note').hidden = !text;
}

function renderPager() {
  const { page, pages } = state.meeting;
  $('page-label').textContent = pages ? `${page} / ${pages}쪽` : `${page}쪽`;
  $('page-prev').disabled = page <= 1;
  $('page-next').disabled = pages !== null && page >= pages;
}

function turnPage(by) {
  const meeting = state.meeting;
  const next = meeting.page + by;
  if (next < 1 || (meeting.pages && next > meeting.pages)) return;
  meeting.page = next;
  renderPager();
  preview.now();
}

// ---------------------------------------------------------------------------------------------
// Saving, and a stale save

async function save(fromText = false) {
  const meeting = state.meeting;
  if (!meeting?.dirty || !isEditor()) return;
  // A check under way would answer for the text before this save: its answer is dropped.
  check.cancel();
  checkSeq++;
  delete $('meeting-view').dataset.checking;
  const body = fromText || meeting.dirty === 'text' ? { yaml: $('yaml-text').value } : { json: { record: meeting.tree } };
  setStatus('저장하고 있습니다…');
  $('save').disabled = true;
  try {
    const response = await api('PUT', `/api/files/${urlPath(meeting.path)}`, body);
    if (response.status === 409) return conflict(await response.json().catch(() => ({})));
    if (response.status === 422) {
      const { diagnostics } = await response.json();
      showDiagnostics(diagnostics ?? [], { fromText: meeting.dirty === 'text' });
      setStatus(`저장하지 못했습니다: 고칠 내용이 ${diagnostics?.length ?? 0}건 있습니다.`, 'error');
      return;
    }
    const { etag } = await jsonOf(response);
    await reloadSaved(etag);
    setStatus(`저장했습니다 (${new Intl.DateTimeFormat('ko-KR', { timeStyle: 'medium' }).format(new Date())}).`, 'ok');
  } catch (e) {
    setStatus(`저장하지 못했습니다: ${e.message}`, 'error');
  } finally {
    if (state.meeting === meeting) setDirty(meeting.dirty);
  }
}

/** After a save: the saved text and tree, the form left alone when its tree is what was saved. */
async function reloadSaved(etag) {
  const meeting = state.meeting;
  const saved = await fetchSaved(meeting.path);
  const same = JSON.stringify(saved.record) === JSON.stringify(meeting.tree);
  Object.assign(meeting, {
    etag: saved.etag ?? etag, ifMatch: saved.etag ?? etag, savedTree: saved.record, savedText: saved.text,
    conflict: null, mine: null,
  });
  if (!same) meeting.tree = saved.record && structuredClone(saved.record);
  $('yaml-text').value = saved.text;
  $('conflict').hidden = true;
  setDirty(null);
  if (!same) renderForm();
  renderTextTab();
  renderMeetingTitle();
  check.now();
  preview.now();
}

function conflict(body) {
  const meeting = state.meeting;
  meeting.conflict = body;
  // `by` is a person's name, or what the server says for an edit made outside it: the sentence
  // names it without a particle that would fit only one of them.
  const who = body.by || '알 수 없음';
  const when = body.at ? koreanTime(body.at) : '방금';
  $('conflict-message').textContent = `이 회의록은 내가 연 뒤에 먼저 저장된 판이 있습니다 (저장: ${who}, ${when}). `
    + '내 변경은 아직 저장되지 않았습니다. 먼저 저장된 판을 불러오면 내 판은 YAML 원문 탭에 남아 비교하거나 다시 저장할 수 있습니다.';
  $('conflict-load').textContent = `먼저 저장된 판 불러오기 (${who}, 내 판은 YAML 원문 탭에 보관)`;
  $('conflict').hidden = false;
  setStatus('먼저 저장된 판이 있어 저장하지 못했습니다.', 'error');
  $('conflict-load').focus();
}

/** Takes the saved version into the form, keeps mine as text in the text tab. */
async function loadTheirs() {
  const meeting = state.meeting;
  const mine = meeting.dirty === 'text' ? $('yaml-text').value : toYaml(meeting.tree);
  try {
    const saved = await fetchSaved(meeting.path);
    Object.assign(meeting, {
      etag: saved.etag, ifMatch: saved.etag, tree: saved.record && structuredClone(saved.record), savedTree: saved.record,
      savedText: saved.text, conflict: null, mine,
    });
    $('yaml-text').value = mine;
    $('conflict').hidden = true;
    setDirty('text');
    renderForm();
    renderTextTab();
    selectTab('text');
    setStatus('저장된 판을 불러왔습니다. 내 판은 YAML 원문 탭에 있습니다.', 'ok');
    check.now();
    preview.now();
  } catch (e) {
    setStatus(`불러오지 못했습니다: ${e.message}`, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// The text tab: the file as typed, line numbers, diagnostics by line

function renderTextTab() {
  renderGutter();
  setDirty(state.meeting.dirty);
}

function renderGutter() {
  const count = $('yaml-text').value.split('\n').length;
  // Two spare lines: the text scrolls further than its lines by its horizontal scrollbar.
  $('gutter').textContent = `${Array.from({ length: count }, (_, i) => String(i + 1)).join('\n')}\n\n`;
  $('gutter').scrollTop = $('yaml-text').scrollTop;
}

function renderLineDiagnostics(diagnostics) {
  const lined = diagnostics.filter((d) => Number.isInteger(d.line) && d.line > 0).sort((a, b) => a.line - b.line);
  $('text-diagnostics').replaceChildren(...(lined.length ? lined.map((d) => el('li', { class: d.severity },
    el('button', {
      type: 'button', class: 'link', 'data-line': d.line,
      text: `${d.line}행${d.column ? ` ${d.column}열` : ''}: ${diagText(d)}`,
      onclick: () => goToLine(d.line, d.column),
    }))) : [el('li', { class: 'muted', text: '줄별로 확인할 내용이 없습니다.' })]));
}

/** Puts the caret at a line (and column) of the text and scrolls it into view. */
function goToLine(line, column = 1) {
  const area = $('yaml-text');
  const lines = area.value.split('\n');
  const row = Math.min(Math.max(1, line), lines.length);
  const start = lines.slice(0, row - 1).reduce((sum, text) => sum + text.length + 1, 0);
  const at = start + Math.min(Math.max(0, (column || 1) - 1), lines[row - 1].length);
  selectTab('text', false);
  area.focus();
  area.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (row - 3) * lineHeight);
  renderGutter();
}

function textChanged() {
  const meeting = state.meeting;
  renderGutter();
  if (meeting.dirty === 'form') return;
  const changed = $('yaml-text').value !== meeting.savedText || meeting.mine !== null;
  setDirty(changed ? 'text' : null);
  check();
  preview();
}

function revertText() {
  const meeting = state.meeting;
  if (meeting.dirty !== 'text') return;
  $('yaml-text').value = meeting.savedText;
  meeting.mine = null;
  setDirty(null);
  renderGutter();
  setStatus('원문을 저장된 판으로 되돌렸습니다.');
  check.now();
  preview.now();
}

// ---------------------------------------------------------------------------------------------
// Tabs (arrow keys move between them, as a tablist should)

function selectTab(which, focus = true) {
  const tabs = { form: $('tab-form'), text: $('tab-text') };
  for (const [name, tab] of Object.entries(tabs)) {
    const on = name === which;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
  }
  if (which === 'text') renderGutter();
  if (focus) tabs[which].focus();
}

function tabKeys(event) {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
  event.preventDefault();
  const current = event.currentTarget.id === 'tab-form' ? 'form' : 'text';
  const next = event.key === 'Home' ? 'form' : event.key === 'End' ? 'text' : current === 'form' ? 'text' : 'form';
  selectTab(next);
}

// ---------------------------------------------------------------------------------------------
// Start

function start() {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('save').addEventListener('click', () => save());
  $('text-save').addEventListener('click', () => save(true));
  $('text-revert').addEventListener('click', revertText);
  $('conflict-load').addEventListener('click', loadTheirs);
  $('yaml-text').addEventListener('input', textChanged);
  $('yaml-text').addEventListener('scroll', () => { $('gutter').scrollTop = $('yaml-text').scrollTop; });
  $('tab-form').addEventListener('click', () => selectTab('form'));
  $('tab-text').addEventListener('click', () => selectTab('text'));
  $('tab-form').addEventListener('keydown', tabKeys);
  $('tab-text').addEventListener('keydown', tabKeys);
  $('page-prev').addEventListener('click', () => turnPage(-1));
  $('page-next').addEventListener('click', () => turnPage(1));
  for (const id of ['preview-doc', 'preview-edition']) {
    $(id).addEventListener('change', () => { state.meeting.page = 1; state.meeting.pages = null; preview.now(); });
  }
  $('meeting-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's' && state.meeting) { event.preventDefault(); save(); }
  });
  window.addEventListener('beforeunload', (event) => { if (state.meeting?.dirty) event.preventDefault(); });
  let lastHash = location.hash;
  window.addEventListener('hashchange', () => {
    if (state.meeting?.dirty && !confirmLeave()) { history.replaceState(null, '', lastHash); return; }
    lastHash = location.hash;
    state.meeting = null;
    route();
  });

  api('GET', '/api/session')
    .then(async (response) => {
      if (response.ok) signedIn(await response.json());
      else sessionLost();
    })
    .catch((e) => { sessionLost(); $('login-error').textContent = e.message; });
}

document.addEventListener('DOMContentLoaded', start);

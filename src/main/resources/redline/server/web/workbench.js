// Redline workbench: builds a proposal from the vocabulary and shows every party's verdict.
// Text that comes from the vocabulary, the cases or the server is inserted only as text nodes
// (textContent, createTextNode; never as markup), so nothing in a rule or case file can run as
// script on this page.
'use strict';

(function () {
  const state = {
    vocabulary: null,
    terms: [],          // the vocabulary's terms, in order
    sources: {},        // source id -> citation
    base: null,         // the proposal the draft started from (for Compare)
    baseLabel: 'the blank proposal',
    meta: { sources: [], asOf: '', notes: '' },
    verdicts: {},       // party -> verdict of the previous evaluation
    timer: null,
    seq: 0,
    nearestSeq: 0,
  };

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** Calls the API; the body is an object (sent as JSON) or a string (sent as it is). */
  /** {@code path} with the day of positions chosen, when one is. */
  function dated(path) {
    const day = $('as-of') ? $('as-of').value : '';
    if (!day) return path;
    return path + (path.includes('?') ? '&' : '?') + 'asOf=' + encodeURIComponent(day);
  }

  async function api(method, path, body) {
    const options = { method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      return { ok: false, status: 0, json: { error: 'the workbench does not answer (is `redline serve` still running?)', diagnostics: [] } };
    }
    let json;
    try {
      json = await response.json();
    } catch (e) {
      json = { error: 'the workbench answered ' + response.status + ' without JSON', diagnostics: [] };
    }
    return { ok: response.ok, status: response.status, json };
  }

  function status(text) {
    $('status').textContent = text;
  }

  function showErrors(json) {
    const box = $('errors');
    clear(box);
    if (!json) {
      box.hidden = true;
      return;
    }
    box.append(el('p', { class: 'error-head', text: json.error || 'something went wrong' }));
    const list = el('ul');
    for (const d of json.diagnostics || []) {
      let where = d.file || '';
      if (d.line) where += ':' + d.line + (d.column ? ':' + d.column : '');
      if (d.pointer) where += ' ' + d.pointer;
      list.append(el('li', {}, el('code', { text: where }), ' ' + d.severity + ' [' + d.code + ']: ' + d.message + (d.hint ? ' (' + d.hint + ')' : '')));
    }
    box.append(list);
    box.hidden = false;
  }

  function cite(ids) {
    return (ids || []).map((s) => s + (state.sources[s] ? ': ' + state.sources[s] : '')).join('\n');
  }

  // ---- the controls, one per term ------------------------------------------------------------

  function buildForm() {
    const form = $('terms');
    clear(form);
    for (const t of state.terms) {
      const box = el('fieldset', { class: 'term term-' + t.kind, id: 'term-' + t.name, 'data-term': t.name, 'data-kind': t.kind });
      const legend = el('legend', { title: t.description + '\n\nsources:\n' + cite(t.sources) },
        el('span', { class: 'term-id', text: t.id }), ' ', el('span', { class: 'term-name', text: t.name }));
      box.append(legend);
      box.append(el('p', { class: 'term-desc', text: t.description }));
      if (t.kind === 'one') buildOne(box, t);
      else if (t.kind === 'set') buildSet(box, t);
      else buildNumber(box, t);
      form.append(box);
    }
    form.addEventListener('change', schedule);
    form.addEventListener('input', schedule);
  }

  function buildOne(box, t) {
    const id = 'ctl-' + t.name;
    const select = el('select', { id, name: t.name, 'aria-describedby': id + '-desc' });
    select.append(el('option', { value: '', text: '(open: not settled)' }));
    for (const o of t.options) {
      select.append(el('option', { value: o.name, title: o.description, text: o.name }));
    }
    const desc = el('p', { class: 'option-desc', id: id + '-desc' });
    select.addEventListener('change', () => describeOne(t));
    box.append(el('label', { for: id, class: 'visually-hidden', text: t.name }), select, desc);
  }

  function describeOne(t) {
    const select = $('ctl-' + t.name);
    const o = t.options.find((x) => x.name === select.value);
    $('ctl-' + t.name + '-desc').textContent = o ? o.description : 'open: every constraint that reads this term is undetermined';
    select.title = o ? o.description : '';
  }

  function buildSet(box, t) {
    const openId = 'ctl-' + t.name + '-open';
    const open = el('input', { type: 'checkbox', id: openId, class: 'open-toggle' });
    open.addEventListener('change', () => enableSet(t));
    box.append(el('div', { class: 'choice open-choice' }, open, el('label', { for: openId, text: 'open: not settled' })));
    const list = el('div', { class: 'choices', role: 'group', 'aria-label': t.name + ' options' });
    for (const o of t.options) {
      const id = 'ctl-' + t.name + '-' + o.name;
      list.append(el('div', { class: 'choice', title: o.description },
        el('input', { type: 'checkbox', id, value: o.name, 'data-option': o.name }),
        el('label', { for: id }, el('span', { class: 'option-name', text: o.name }), el('span', { class: 'option-desc', text: o.description }))));
    }
    box.append(list);
  }

  function enableSet(t) {
    const open = $('ctl-' + t.name + '-open').checked;
    for (const o of t.options) $('ctl-' + t.name + '-' + o.name).disabled = open;
  }

  function buildNumber(box, t) {
    const id = 'ctl-' + t.name;
    const mode = el('select', { id: id + '-mode', 'aria-label': t.name + ': open, no ceiling or a number' });
    mode.append(el('option', { value: 'open', text: '(open: not settled)' }));
    if (t.none !== null && t.none !== undefined) mode.append(el('option', { value: 'none', title: t.none, text: 'NONE: ' + t.none }));
    mode.append(el('option', { value: 'value', text: 'a number' + (t.unit ? ' (' + t.unit + ')' : '') }));
    const listId = id + '-values';
    const input = el('input', { type: 'number', id, min: '0', step: '1', list: listId, inputmode: 'numeric', 'aria-label': t.name + (t.unit ? ' in ' + t.unit : '') });
    const values = el('datalist', { id: listId });
    for (const v of t.values || []) values.append(el('option', { value: String(v) }));
    const row = el('div', { class: 'number-row' }, mode, input, values);
    box.append(row);
    if ((t.values || []).length) {
      box.append(el('p', { class: 'option-desc', text: 'figures the positions name: ' + t.values.map((v) => v.toLocaleString('en')).join(', ') }));
    }
    for (const f of t.flags || []) {
      const fid = id + '-flag-' + f.name;
      box.append(el('div', { class: 'choice', title: f.description },
        el('input', { type: 'checkbox', id: fid, 'data-flag': f.name }),
        el('label', { for: fid }, el('span', { class: 'option-name', text: f.name }), el('span', { class: 'option-desc', text: f.description }))));
    }
    mode.addEventListener('change', () => enableNumber(t));
  }

  function enableNumber(t) {
    const mode = $('ctl-' + t.name + '-mode').value;
    $('ctl-' + t.name).disabled = mode !== 'value';
    for (const f of t.flags || []) $('ctl-' + t.name + '-flag-' + f.name).disabled = mode === 'open';
  }

  /** The terms as the controls say, in the proposal file's shapes; open terms are left out. */
  function readTerms() {
    const terms = {};
    for (const t of state.terms) {
      if (t.kind === 'one') {
        const v = $('ctl-' + t.name).value;
        if (v) terms[t.name] = v;
      } else if (t.kind === 'set') {
        if ($('ctl-' + t.name + '-open').checked) continue;
        terms[t.name] = t.options.filter((o) => $('ctl-' + t.name + '-' + o.name).checked).map((o) => o.name);
      } else {
        const mode = $('ctl-' + t.name + '-mode').value;
        if (mode === 'open') continue;
        let value;
        if (mode === 'none') value = 'NONE';
        else {
          const text = $('ctl-' + t.name).value.trim();
          value = /^[0-9]+$/.test(text) ? Number(text) : text; // anything else: the server says why
        }
        const flags = {};
        let any = false;
        for (const f of t.flags || []) {
          if ($('ctl-' + t.name + '-flag-' + f.name).checked) {
            flags[f.name] = true;
            any = true;
          }
        }
        terms[t.name] = any ? Object.assign({ value }, flags) : value;
      }
    }
    return terms;
  }

  /** Sets every control from {@code terms}; a term not in it becomes open. */
  function writeTerms(terms) {
    for (const t of state.terms) {
      const v = Object.prototype.hasOwnProperty.call(terms, t.name) ? terms[t.name] : null;
      writeTerm(t, v);
    }
  }

  function writeTerm(t, v) {
    if (t.kind === 'one') {
      $('ctl-' + t.name).value = typeof v === 'string' ? v : '';
      describeOne(t);
    } else if (t.kind === 'set') {
      $('ctl-' + t.name + '-open').checked = !Array.isArray(v);
      const chosen = new Set(Array.isArray(v) ? v : []);
      for (const o of t.options) $('ctl-' + t.name + '-' + o.name).checked = chosen.has(o.name);
      enableSet(t);
    } else {
      const mode = $('ctl-' + t.name + '-mode');
      const input = $('ctl-' + t.name);
      let value = v;
      let flags = {};
      if (v !== null && typeof v === 'object') {
        value = v.value;
        flags = v;
      }
      if (value === null || value === undefined) {
        mode.value = 'open';
        input.value = '';
      } else if (value === 'NONE') {
        mode.value = 'none';
        input.value = '';
      } else {
        mode.value = 'value';
        input.value = String(value);
      }
      for (const f of t.flags || []) $('ctl-' + t.name + '-flag-' + f.name).checked = flags[f.name] === true;
      enableNumber(t);
    }
  }

  /** The draft as a proposal file that `redline evaluate` reads. */
  function proposal() {
    const p = { id: $('proposal-id').value.trim() || 'draft', title: $('proposal-title').value };
    if (state.meta.sources.length) p.sources = state.meta.sources.slice();
    if (state.meta.asOf) p.asOf = state.meta.asOf;
    if (state.meta.notes) p.notes = state.meta.notes;
    p.terms = readTerms();
    return p;
  }

  // ---- verdicts --------------------------------------------------------------------------------

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(evaluate, 150);
  }

  async function evaluate() {
    const seq = ++state.seq;
    const asOfAsked = $('as-of').value;
    const p = proposal();
    const text = JSON.stringify(p, null, 2) + '\n';
    $('proposal-json').textContent = text;
    status('Evaluating ...');
    const r = await api('POST', dated('/api/evaluate'), p);
    if (seq !== state.seq) return; // a newer change is on its way
    if (!r.ok) {
      showErrors(r.json);
      status('The draft has errors: no verdict (see above).');
      document.body.dataset.evaluated = String(seq);
      return;
    }
    showErrors(null);
    const e = r.json.evaluations[0];
    renderVerdicts(e);
    $('verdicts').dataset.proposal = text; // which draft the verdicts shown are for
    $('verdicts').dataset.asOf = asOfAsked; // and by the positions of which day ('' for the latest)
    status('Evaluated: ' + Object.keys(p.terms).length + ' of ' + state.terms.length + ' terms set.');
    await compare(seq);
    document.body.dataset.evaluated = String(seq);
  }

  const WORD = { REJECTS: 'rejects', OBJECTS: 'objects', ACCEPTS: 'accepts', UNDETERMINED: 'undetermined' };

  function decisive(party) {
    const cs = party.constraints;
    switch (party.verdict) {
      case 'REJECTS': return cs.filter((c) => c.kind === 'red-line' && c.status === 'BROKEN');
      case 'OBJECTS': return cs.filter((c) => c.kind === 'objection' && c.status === 'BROKEN');
      case 'UNDETERMINED': return cs.filter((c) => c.kind !== 'preference' && c.status === 'UNDETERMINED');
      default: return [];
    }
  }

  function constraintTitle(c) {
    const terms = Object.entries(c.terms || {}).map(([k, v]) => k + ' = ' + v).join(', ');
    return c.id + ' (' + c.kind + (c.weight ? ' ' + c.weight : '') + ', ' + c.status + '): ' + c.title
      + '\n' + c.explanation
      + '\nstance: ' + c.stance
      + (c.contested ? '\nCONTESTED: ' + c.contested : '')
      + (terms ? '\nterms: ' + terms : '')
      + '\nsources: ' + (c.sources || []).join(', ') + ' (evidence ' + c.evidence + ', ' + c.asOf + ')'
      + '\n' + cite(c.sources);
  }

  function constraintItem(c) {
    const open = Object.entries(c.terms || {}).filter(([, v]) => v === '(open)').map(([k]) => k);
    return el('li', { title: constraintTitle(c), tabindex: '0', 'data-constraint': c.id },
      el('span', { class: 'cid', text: c.id }), ' ', el('span', { text: c.title }),
      open.length ? el('span', { class: 'open-terms', text: ' (open: ' + open.join(', ') + ')' }) : null);
  }

  function renderVerdicts(e) {
    const box = $('verdicts');
    clear(box);
    const parts = [];
    for (const v of ['REJECTS', 'UNDETERMINED', 'OBJECTS', 'ACCEPTS']) {
      const who = e.parties.filter((p) => p.verdict === v).map((p) => p.party);
      if (who.length) parts.push(v + ' ' + who.join(', '));
    }
    $('summary').textContent = parts.join('; ');
    const previous = state.verdicts;
    state.verdicts = {};
    for (const p of e.parties) {
      state.verdicts[p.party] = p.verdict;
      const was = previous[p.party];
      const moved = was && was !== p.verdict;
      const card = el('section', { class: 'party v-' + p.verdict + (moved ? ' moved' : ''), id: 'party-' + p.party, 'data-verdict': p.verdict, 'aria-label': p.name + ': ' + WORD[p.verdict] });
      const head = el('h3', {}, el('span', { class: 'party-name', text: p.name + ' (' + p.party + ')' }), ' ',
        el('span', { class: 'verdict', id: 'verdict-' + p.party, text: p.verdict }));
      card.append(head);
      if (moved) card.append(el('p', { class: 'was', text: 'was ' + was }));
      card.append(el('p', { class: 'reason', text: p.reason }));
      if (p.maxScore) card.append(el('p', { class: 'score', text: 'preferences ' + (p.score > 0 ? '+' : '') + p.score + ' (of -' + p.maxScore + '..+' + p.maxScore + ')' }));
      const why = decisive(p);
      if (why.length) {
        const list = el('ul', { class: 'decisive' });
        why.forEach((c) => list.append(constraintItem(c)));
        card.append(list);
      }
      const others = p.constraints.filter((c) => c.status === 'BROKEN' && !why.includes(c));
      if (others.length) {
        const list = el('ul', { class: 'others' });
        others.forEach((c) => list.append(constraintItem(c)));
        card.append(el('details', {}, el('summary', { text: 'also broken: ' + others.length + ' (objections, preferences)' }), list));
      }
      const outlook = (e.outlook || []).find((o) => o.party === p.party);
      if (outlook) {
        // what the open terms could do: the CLI's own lines, as text
        const list = el('ul', { class: 'outlook' });
        outlook.lines.forEach((line) => list.append(el('li', { text: line })));
        card.append(el('details', { open: '' }, el('summary', { text: 'what the open terms could do' }), list));
      }
      box.append(card);
    }
  }

  // ---- compare -------------------------------------------------------------------------------

  async function compare(seq) {
    const box = $('comparison');
    const base = state.base || { id: 'blank', title: 'a blank proposal', terms: {} };
    const r = await api('POST', dated('/api/compare'), { before: base, after: proposal() });
    if (seq !== undefined && seq !== state.seq) return;
    clear(box);
    if (!r.ok) {
      box.append(el('p', { class: 'error-head', text: r.json.error || 'no comparison' }));
      return;
    }
    const c = r.json;
    if (!c.terms.length) {
      box.append(el('p', { text: 'No term differs from the start.' }));
    } else {
      const list = el('ul', { class: 'term-changes' });
      for (const t of c.terms) {
        list.append(el('li', {}, el('code', { text: t.term }), ': ' + show(t.before) + ' \u2192 ' + show(t.after)));
      }
      box.append(el('p', { text: c.terms.length + (c.terms.length === 1 ? ' term differs:' : ' terms differ:') }), list);
    }
    const moves = el('ul', { class: 'moves' });
    for (const p of c.parties) {
      if (!p.moved && !p.constraints.length && p.scoreBefore === p.scoreAfter) continue;
      const li = el('li', { id: 'move-' + p.party, 'data-moved': String(p.moved) },
        el('strong', { text: p.party }), ' ' + (p.moved ? p.before + ' \u2192 ' + p.after : p.after + ' (unchanged)')
        + (p.scoreBefore !== p.scoreAfter ? ', preferences ' + p.scoreBefore + ' \u2192 ' + p.scoreAfter : ''));
      if (p.constraints.length) {
        const cs = el('ul');
        for (const k of p.constraints) {
          cs.append(el('li', { title: k.title }, el('span', { class: 'cid', text: k.id }), ' ' + k.kind + ' ' + k.before + ' \u2192 ' + k.after + ': ', el('span', { text: k.title })));
        }
        li.append(cs);
      }
      moves.append(li);
    }
    if (moves.firstChild) box.append(moves);
  }

  function show(v) {
    if (v === null || v === undefined) return '(open)';
    if (Array.isArray(v)) return '[' + v.join(', ') + ']';
    if (typeof v === 'object') {
      const flags = Object.keys(v).filter((k) => k !== 'value' && v[k] === true);
      return String(v.value) + (flags.length ? ' (' + flags.join(', ') + ')' : '');
    }
    return String(v);
  }

  // ---- nearest -------------------------------------------------------------------------------

  function buildNearest() {
    const box = $('nearest-parties');
    for (const p of state.vocabulary.parties.filter((x) => x.rules)) {
      const id = 'must-' + p.code;
      box.append(el('span', { class: 'choice', title: p.name }, el('input', { type: 'checkbox', id, value: p.code, checked: true }), el('label', { for: id, text: p.code })));
    }
  }

  async function nearest() {
    const seq = ++state.nearestSeq;
    const box = $('suggestions');
    clear(box);
    box.append(el('p', { text: 'Searching ...' }));
    const parties = Array.from($('nearest-parties').querySelectorAll('input:checked')).map((x) => x.value);
    const query = new URLSearchParams({ parties: parties.join(','), maxChanges: $('max-changes').value || '3', objections: String($('objections').checked), limit: '5' });
    const draft = proposal();
    const r = await api('POST', dated('/api/nearest?' + query.toString()), draft);
    if (seq !== state.nearestSeq) return;
    clear(box);
    if (!r.ok) {
      showErrors(r.json);
      box.append(el('p', { class: 'error-head', text: r.json.error || 'no suggestion' }));
      return;
    }
    const x = r.json;
    if (x.partial) box.append(el('p', { class: 'warn', text: 'The search ran out of time: these are the suggestions found so far, maybe not the smallest.' }));
    let shown = x.suggestions;
    let losses = null;
    if (!x.suggestions.length) {
      if (x.blocked.length) box.append(el('p', { text: 'No suggestion: no proposal at all is free of the red lines of ' + x.parties.join(', ') + '; they cannot all hold on ' + x.blocked.join(', ') + '.' }));
      else box.append(el('p', { text: 'No suggestion with at most ' + x.maxChanges + ' changes: at least ' + x.atLeast + ' are needed.' }));
      const c = x.compromise;
      if (!c || !c.versions.length) return;
      // the best compromise: the versions that lose the fewest parties
      box.append(el('p', { class: 'compromise-head', id: 'compromise', text: 'Best compromise: the closest versions keep ' + c.kept + ' of ' + x.parties.length + ' parties and lose ' + c.lost + ' (no version loses fewer).' }));
      shown = c.versions.map((v) => v.suggestion);
      losses = c.versions;
    }
    const list = el('ol', { class: 'suggestion-list' });
    shown.forEach((s, i) => {
      const scoreLost = losses ? losses[i].scoreLost : s.lost;
      const lost = scoreLost > 0 ? 'preference score lost ' + scoreLost : scoreLost < 0 ? 'preference score gained ' + (-scoreLost) : 'no preference score lost';
      const li = el('li', { class: 'suggestion', id: 'suggestion-' + (i + 1) });
      li.append(el('p', { class: 'suggestion-head', text: s.size + (s.size === 1 ? ' change' : ' changes') + ', ' + lost }));
      const changes = el('ul');
      for (const c of s.changes) {
        changes.append(el('li', {}, el('code', { text: c.term }), ': ' + (c.settles ? '(open)' : show(c.from)) + ' \u2192 ' + show(c.to)));
      }
      li.append(changes);
      const verdicts = Object.entries(s.verdicts).map(([k, v]) => k + ' ' + v).join(', ');
      li.append(el('p', { class: 'suggestion-verdicts', text: 'verdicts: ' + verdicts }));
      if (losses) li.append(el('p', { class: 'suggestion-loses', text: 'loses ' + losses[i].rejecting.join(', ') + ' (red lines broken: ' + losses[i].redLinesBroken.join(', ') + ')' }));
      const apply = el('button', { type: 'button', class: 'apply', id: 'apply-' + (i + 1), text: 'Apply suggestion ' + (i + 1) });
      apply.addEventListener('click', () => {
        const terms = readTerms();
        for (const c of s.changes) terms[c.term] = c.to;
        writeTerms(terms);
        status('Applied suggestion ' + (i + 1) + '.');
        schedule();
      });
      li.append(apply);
      list.append(li);
    });
    box.append(list);
  }

  // ---- start, download, upload -----------------------------------------------------------------

  async function start() {
    const id = $('start').value;
    if (!id) {
      state.base = null;
      state.baseLabel = 'the blank proposal';
      state.meta = { sources: [], asOf: '', notes: '' };
      $('proposal-id').value = 'draft';
      $('proposal-title').value = '';
      writeTerms({});
    } else {
      const r = await api('GET', '/api/cases/' + encodeURIComponent(id));
      if (!r.ok) {
        showErrors(r.json);
        return;
      }
      const c = r.json;
      state.base = { id: c.id, title: c.title, terms: c.terms };
      state.baseLabel = 'case ' + c.id;
      state.meta = { sources: c.sources || [], asOf: c.asOf || '', notes: 'built in the Redline workbench from case ' + c.id };
      $('proposal-id').value = c.id + '--draft';
      $('proposal-title').value = 'Draft from: ' + c.title;
      writeTerms(c.terms);
    }
    $('compare-base').textContent = state.baseLabel;
    state.verdicts = {};
    schedule();
  }

  function download() {
    const p = proposal();
    const text = JSON.stringify(p, null, 2) + '\n';
    const blob = new Blob([text], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: (p.id.replace(/[^A-Za-z0-9._-]+/g, '-') || 'draft') + '.json' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status('Downloaded ' + a.download + '.');
  }

  async function upload() {
    const file = $('upload').files[0];
    if (!file) return;
    const text = await file.text();
    $('upload').value = '';
    const r = await api('POST', '/api/evaluate', text);
    if (!r.ok) {
      showErrors(r.json);
      status('The file ' + file.name + ' was not loaded.');
      return;
    }
    const p = JSON.parse(text);
    state.base = { id: p.id || file.name, title: p.title || '', terms: p.terms || {} };
    state.baseLabel = 'the file ' + file.name;
    state.meta = { sources: Array.isArray(p.sources) ? p.sources : [], asOf: p.asOf || '', notes: typeof p.notes === 'string' ? p.notes : '' };
    $('proposal-id').value = p.id || file.name.replace(/\.json$/, '');
    $('proposal-title').value = p.title || '';
    $('start').value = '';
    $('compare-base').textContent = state.baseLabel;
    writeTerms(p.terms || {});
    state.verdicts = {};
    schedule();
  }

  async function init() {
    const [v, cs] = await Promise.all([api('GET', '/api/vocabulary'), api('GET', '/api/cases')]);
    if (!v.ok) {
      showErrors(v.json);
      status('The vocabulary did not load.');
      return;
    }
    state.vocabulary = v.json;
    state.terms = v.json.terms;
    state.sources = v.json.sources || {};
    buildForm();
    buildNearest();
    if (cs.ok) {
      for (const c of cs.json.cases) {
        $('start').append(el('option', { value: c.id, title: c.title, text: c.id + ': ' + c.title }));
      }
    }
    const positions = v.json.positions || { changes: [] };
    for (const day of positions.changes.slice().reverse()) {
      $('as-of').append(el('option', { value: day, text: 'as of ' + day + (day === positions.latest ? ' (the latest)' : '') }));
    }
    $('as-of').addEventListener('change', () => { schedule(); compare(); });
    $('start').addEventListener('change', start);
    $('proposal-id').addEventListener('input', schedule);
    $('proposal-title').addEventListener('input', schedule);
    $('download').addEventListener('click', download);
    $('upload').addEventListener('change', upload);
    $('nearest').addEventListener('click', nearest);
    $('compare').addEventListener('click', () => compare());
    $('rebase').addEventListener('click', () => {
      const p = proposal();
      state.base = { id: p.id, title: p.title, terms: p.terms };
      state.baseLabel = 'the draft as it was when made the start';
      $('compare-base').textContent = state.baseLabel;
      compare();
    });
    writeTerms({});
    document.body.dataset.ready = 'true';
    schedule();
  }

  document.addEventListener('DOMContentLoaded', init);
})();

(function () {
  'use strict';
  // The report's decisions, in the page only: a checkbox per suggested fix, the live corrected
  // text and diff, copy, download and the decisions export. Article text is only ever written
  // with textContent or value, never parsed as HTML.
  var data = JSON.parse(document.getElementById('mtlint-data').textContent);
  var articles = data.articles;
  // picked[article][finding] = index of the chosen fix
  var picked = {};
  var tip = document.getElementById('tip');

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function section(a) { return document.getElementById('a' + a); }

  // Edits of a fix: [byteStart, byteEnd, start, end, replacement] (start/end in UTF-16 units).
  function editsOf(a, f, x) { return articles[a].f[f].x[x].e; }

  function chosenEdits(a, except) {
    var out = [];
    var p = picked[a] || {};
    Object.keys(p).forEach(function (f) {
      if (+f === except) { return; }
      editsOf(a, +f, p[f]).forEach(function (e) { out.push({ f: +f, e: e }); });
    });
    out.sort(function (l, r) { return l.e[2] - r.e[2] || l.e[3] - r.e[3]; });
    return out;
  }

  function clash(a, f, x) {
    var mine = editsOf(a, f, x);
    var others = chosenEdits(a, f);
    for (var i = 0; i < mine.length; i++) {
      for (var k = 0; k < others.length; k++) {
        var m = mine[i], o = others[k].e;
        var overlap = (m[2] < o[3] && o[2] < m[3]) || m[2] === o[2];
        if (overlap) { return others[k].f; }
      }
    }
    return null;
  }

  function corrected(a) {
    var text = articles[a].t;
    var out = '';
    var at = 0;
    chosenEdits(a, -1).forEach(function (c) {
      out += text.slice(at, c.e[2]) + c.e[4];
      at = c.e[3];
    });
    return out + text.slice(at);
  }

  function lineNumber(text, offset) {
    var n = 1;
    for (var i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { n++; }
    return n;
  }

  // Hunks of whole lines, as the report's static diff: made from the edits themselves.
  function renderDiff(a, box) {
    var text = articles[a].t;
    var edits = chosenEdits(a, -1).map(function (c) { return c.e; });
    box.textContent = '';
    var hunks = [];
    edits.forEach(function (e) {
      var start = text.lastIndexOf('\n', e[2] - 1) + 1;
      if (e[2] === 0) { start = 0; }
      var end = text.indexOf('\n', e[3]);
      if (end === -1) { end = text.length; }
      var last = hunks[hunks.length - 1];
      if (last && start <= last.end) {
        last.end = Math.max(last.end, end);
        last.edits.push(e);
      } else {
        hunks.push({ start: start, end: end, edits: [e] });
      }
    });
    if (!hunks.length) {
      box.appendChild(el('p', 'note', 'No fix ticked in this article.'));
      return;
    }
    hunks.forEach(function (h) {
      var hunk = el('div', 'hunk');
      hunk.appendChild(el('div', 'hh', 'line ' + lineNumber(text, h.start)));
      var old = el('div', 'old');
      var neu = el('div', 'new');
      var s1 = el('span', 'sign', '−'); s1.setAttribute('aria-label', 'removed'); old.appendChild(s1);
      var s2 = el('span', 'sign', '+'); s2.setAttribute('aria-label', 'added'); neu.appendChild(s2);
      var at = h.start;
      h.edits.forEach(function (e) {
        var same = text.slice(at, e[2]).replace(/\r/g, '');
        old.appendChild(document.createTextNode(same));
        neu.appendChild(document.createTextNode(same));
        if (e[3] > e[2]) { old.appendChild(el('del', '', text.slice(e[2], e[3]).replace(/\r/g, ''))); }
        if (e[4]) { neu.appendChild(el('ins', '', e[4])); }
        at = e[3];
      });
      var rest = text.slice(at, h.end).replace(/\r/g, '');
      old.appendChild(document.createTextNode(rest));
      neu.appendChild(document.createTextNode(rest));
      hunk.appendChild(old);
      hunk.appendChild(neu);
      box.appendChild(hunk);
    });
  }

  function countDecisions() {
    var n = 0;
    Object.keys(picked).forEach(function (a) { n += Object.keys(picked[a]).length; });
    return n;
  }

  function update(a) {
    var sec = section(a);
    var mine = $('.mine', sec);
    var p = picked[a] || {};
    var n = Object.keys(p).length;
    $$('mark.f', sec).forEach(function (m) {
      m.classList.toggle('accepted', p.hasOwnProperty(m.getAttribute('data-f')));
    });
    if (n === 0) {
      mine.hidden = true;
    } else {
      mine.hidden = false;
      $('textarea.corrected', mine).value = corrected(a);
      renderDiff(a, $('.diff.live', mine));
    }
    var total = countDecisions();
    $('#decision-count').textContent = total === 0 ? 'No decision yet'
      : total + (total === 1 ? ' fix ticked' : ' fixes ticked');
  }

  function say(a, message) { $('.status', section(a)).textContent = message; }

  function setPick(box, on) {
    var a = +box.getAttribute('data-a'), f = +box.getAttribute('data-f'), x = +box.getAttribute('data-x');
    if (on) {
      var other = clash(a, f, x);
      if (other !== null) {
        box.checked = false;
        section(a).querySelector('.mine').hidden = false;
        say(a, 'This fix overlaps the fix ticked for finding ' + (other + 1) + '; untick that one first.');
        return false;
      }
      $$('input.pick[data-a="' + a + '"][data-f="' + f + '"]').forEach(function (b) {
        if (b !== box) { b.checked = false; }
      });
      picked[a] = picked[a] || {};
      picked[a][f] = x;
      box.checked = true;
      say(a, '');
    } else {
      box.checked = false;
      if (picked[a] && picked[a][f] === x) { delete picked[a][f]; }
    }
    return true;
  }

  document.addEventListener('change', function (ev) {
    var box = ev.target;
    if (!box.classList || !box.classList.contains('pick')) { return; }
    setPick(box, box.checked);
    update(+box.getAttribute('data-a'));
  });

  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function baseName(path) { return path.split(/[\\/]/).pop() || 'article.txt'; }

  function decisions() {
    var files = [];
    Object.keys(picked).map(Number).sort(function (l, r) { return l - r; }).forEach(function (a) {
      var art = articles[a];
      var list = Object.keys(picked[a]).map(Number).sort(function (l, r) { return art.f[l].s - art.f[r].s; })
        .map(function (f) {
          var finding = art.f[f];
          var x = picked[a][f];
          var text = utf8Slice(a, finding.s, finding.e);
          return {
            rule: finding.r,
            span: { start: finding.s, end: finding.e },
            text: text,
            fix: x,
            edits: finding.x[x].e.map(function (e) {
              return { start: e[0], end: e[1], original: art.t.slice(e[2], e[3]), replacement: e[4] };
            })
          };
        });
      if (list.length) { files.push({ path: art.n, decisions: list }); }
    });
    return { version: 1, generator: 'mtlint report', files: files };
  }

  // The text of a byte span (finding spans are given in bytes only).
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  var bytesCache = {};
  function utf8Slice(a, s, e) {
    if (!bytesCache[a]) { bytesCache[a] = encoder.encode(articles[a].t); }
    return decoder.decode(bytesCache[a].subarray(s, e));
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    var sec = t.closest('section.article');
    if (t.matches('button.copy') && sec) {
      var area = $('textarea.corrected', sec);
      var done = function () { say(+sec.getAttribute('data-a'), 'Corrected article copied.'); };
      var fallback = function () { area.select(); document.execCommand('copy'); done(); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, fallback);
      } else { fallback(); }
    } else if (t.matches('button.download') && sec) {
      var a = +sec.getAttribute('data-a');
      download(baseName(articles[a].n), 'text/plain;charset=utf-8', corrected(a));
    } else if (t.id === 'export') {
      download('mtlint-decisions.json', 'application/json', JSON.stringify(decisions(), null, 2) + '\n');
    } else if (t.id === 'accept-safe') {
      var touched = {};
      $$('input.pick[data-p="safe"]').forEach(function (box) {
        var f = +box.getAttribute('data-f'), a2 = +box.getAttribute('data-a');
        if (picked[a2] && picked[a2].hasOwnProperty(f)) { return; }
        if (setPick(box, true)) { touched[a2] = true; }
      });
      Object.keys(touched).forEach(function (a3) { update(+a3); });
    } else if (t.id === 'clear-all') {
      var was = Object.keys(picked);
      picked = {};
      $$('input.pick').forEach(function (box) { box.checked = false; });
      was.forEach(function (a4) { say(+a4, ''); update(+a4); });
      $('#decision-count').textContent = 'No decision yet';
    } else if (t.matches('a.loc')) {
      var mark = document.getElementById(t.getAttribute('href').slice(1));
      if (mark) { ev.preventDefault(); mark.scrollIntoView({ block: 'center' }); mark.focus(); }
    }
  });

  // Tooltips on hover and keyboard focus: the finding's message and fixes, from the side list.
  function showTip(mark) {
    var item = document.getElementById(mark.getAttribute('aria-describedby'));
    if (!item) { return; }
    tip.textContent = '';
    tip.appendChild(el('strong', '', mark.getAttribute('data-label')));
    tip.appendChild(el('div', '', $('.msg', item).textContent));
    $$('ul.fixes > li', item).forEach(function (li) {
      tip.appendChild(el('div', '', 'Fix: ' + li.textContent.trim()));
    });
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    tip.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 460)) + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
    $$('li.finding.current, mark.f.current').forEach(function (n) { n.classList.remove('current'); });
    item.classList.add('current');
    mark.classList.add('current');
  }
  function hideTip() { tip.hidden = true; }
  document.addEventListener('mouseover', function (ev) {
    var m = ev.target instanceof Element && ev.target.closest('mark.f');
    if (m) { showTip(m); }
  });
  document.addEventListener('mouseout', function (ev) {
    var m = ev.target instanceof Element && ev.target.closest('mark.f');
    if (m && m !== document.activeElement) { hideTip(); }
  });
  document.addEventListener('focusin', function (ev) {
    var m = ev.target instanceof Element && ev.target.closest('mark.f');
    if (m) { showTip(m); } else { hideTip(); }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { hideTip(); return; }
    var m = ev.target instanceof Element && ev.target.closest('mark.f');
    if (m && ev.key === 'Enter') {
      var item = document.getElementById(m.getAttribute('aria-describedby'));
      var box = item && $('input.pick', item);
      if (item) { item.scrollIntoView({ block: 'nearest' }); }
      if (box) { box.focus(); }
    }
  });
  window.addEventListener('beforeprint', function () {
    $$('details').forEach(function (d) { d.open = true; });
  });

  // The tooltip replaces the no-script title; controls come alive.
  $$('mark.f[title]').forEach(function (m) { m.removeAttribute('title'); });
  $$('input.pick').forEach(function (box) { box.disabled = false; box.checked = false; });
  $('.toolbar').hidden = false;
  document.documentElement.setAttribute('data-ready', 'true');
}());

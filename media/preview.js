// Recap preview webview script. Messages from the extension:
//   {type:'update', html, version}  new body (keeps the scroll position)
//   {type:'scrollTo', line}          0-based editor line at the top of the editor
// Messages to the extension:
//   {type:'reveal', line}            0-based line to reveal and select (a finding was clicked)
//   {type:'didScroll', line}         0-based line at the top of the preview
//   {type:'ready'}                   the full document has loaded (the extension then syncs the scroll position)
//   {type:'findings', version, findings:[{rule, line, message, text}], talks:[id]}  after every render, only
//                                    when the root element has data-report-findings="true" (set in tests only);
//                                    line is 1-based, text is the marked text, talks are the talk cards' ids
(function () {
  'use strict';

  var vscode = acquireVsCodeApi();
  var root = document.getElementById('recap-preview');
  var ignoreScrollUntil = 0;
  var scrollPending = false;
  var version = root && root.dataset.version !== undefined ? Number(root.dataset.version) : undefined;

  var report = !!root && root.dataset.reportFindings === 'true';

  function reportFindings() {
    if (!report) return;
    var marks = root.querySelectorAll('mark.finding');
    var findings = [];
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      var rule = m.getAttribute('data-rule') || '';
      var title = m.getAttribute('title') || '';
      findings.push({
        rule: rule,
        line: Number(m.getAttribute('data-line')),
        message: title.indexOf(rule + ': ') === 0 ? title.slice(rule.length + 2) : title,
        text: m.textContent,
      });
    }
    var cards = root.querySelectorAll('.talk-card[data-talk]');
    var talks = [];
    for (var j = 0; j < cards.length; j++) talks.push(cards[j].getAttribute('data-talk'));
    vscode.postMessage({ type: 'findings', version: version, findings: findings, talks: talks });
  }

  /** Elements that map to a source line (0-based), in document order. */
  function lineElements() {
    var nodes = root.querySelectorAll('.recap-header[data-line], .recap-body [data-line]:not(mark)');
    var out = [];
    for (var i = 0; i < nodes.length; i++) {
      var line = Number(nodes[i].getAttribute('data-line'));
      if (!isNaN(line)) out.push({ line: line, el: nodes[i] });
    }
    return out;
  }

  function topOf(el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }

  function scrollToLine(line) {
    var items = lineElements();
    if (!items.length) return;
    var before = items[0];
    var after;
    for (var i = 0; i < items.length; i++) {
      if (items[i].line <= line) before = items[i];
      else {
        after = items[i];
        break;
      }
    }
    var y = topOf(before.el);
    if (after && after.line > before.line && line > before.line) {
      y += (topOf(after.el) - y) * Math.min(1, (line - before.line) / (after.line - before.line));
    }
    if (line <= 0) y = 0;
    ignoreScrollUntil = Date.now() + 200;
    window.scrollTo(0, Math.max(0, y - 8));
  }

  function topLine() {
    var items = lineElements();
    if (!items.length) return 0;
    var y = window.scrollY + 8;
    if (window.scrollY <= 0) return 0;
    var before = items[0];
    for (var i = 0; i < items.length; i++) {
      var top = topOf(items[i].el);
      if (top <= y) {
        before = items[i];
        continue;
      }
      var beforeTop = topOf(before.el);
      if (top > beforeTop && items[i].line > before.line) {
        return Math.floor(before.line + ((y - beforeTop) / (top - beforeTop)) * (items[i].line - before.line));
      }
      break;
    }
    return before.line;
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      root.innerHTML = message.html;
      if (message.version !== undefined) {
        version = message.version;
        root.dataset.version = String(version);
      }
      reportFindings();
    } else if (message.type === 'scrollTo' && typeof message.line === 'number') {
      scrollToLine(message.line);
    }
  });

  window.addEventListener('scroll', function () {
    if (Date.now() < ignoreScrollUntil || scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(function () {
      scrollPending = false;
      if (Date.now() < ignoreScrollUntil) return;
      vscode.postMessage({ type: 'didScroll', line: topLine() });
    });
  });

  function reveal(target, event) {
    var line = Number(target.getAttribute('data-line'));
    if (isNaN(line)) return;
    if (event) event.preventDefault();
    target.classList.remove('finding-flash');
    void target.offsetWidth;
    target.classList.add('finding-flash');
    vscode.postMessage({ type: 'reveal', line: line - 1 });
  }

  document.addEventListener('click', function (event) {
    var target = event.target && event.target.closest ? event.target.closest('mark.finding, .finding-item') : null;
    if (target && root.contains(target)) reveal(target, event);
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    var target = document.activeElement;
    if (target && target.classList && target.classList.contains('finding-item')) reveal(target, event);
  });

  vscode.postMessage({ type: 'ready' });
  reportFindings();
})();

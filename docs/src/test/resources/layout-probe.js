/* Injected by BrowserCheck into a copy of book.html (never shipped): once MathJax has typeset the
   page, it measures the layout and writes the result as JSON into <pre id="layout-probe">, which
   the check reads from Chromium's --dump-dom. */
(function () {
  function box(el) { var r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; }
  function visible(el) { return el.offsetParent !== null || getComputedStyle(el).position === 'fixed'; }
  function probe() {
    var report = {
      innerWidth: window.innerWidth,
      clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      wide: [], clippedTags: [], equations: 0, tags: 0
    };
    /* elements sticking out of the screen on the right (the cause when scrollWidth is too large) */
    document.querySelectorAll('#content *, #header *, #toc *').forEach(function (el) {
      if (!visible(el) || el.closest('.stemblock .content, .listingblock .content, svg')) { return; }
      var r = el.getBoundingClientRect();
      if (r.right > document.documentElement.clientWidth + 1 && r.width > 0 && report.wide.length < 10) {
        var sect = el.closest('.sect2, .sect1');
        var h = sect && sect.querySelector('h2, h3');
        report.wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')
          + ' right=' + Math.round(r.right) + ' in "' + (h ? h.textContent.trim().slice(0, 40) : '?') + '"');
      }
    });
    /* each display equation's number (MathJax SVG puts it in a group data-labels) must lie inside the box that shows the equation */
    document.querySelectorAll('mjx-container[display="true"]').forEach(function (c) {
      if (!visible(c)) { return; }
      report.equations++;
      var frame = c.closest('.content') || c.parentElement;
      var f = box(frame);
      var right = Math.min(f.right, document.documentElement.clientWidth);
      c.querySelectorAll('g[data-labels="true"] > g[data-mml-node="mtd"]').forEach(function (tag) {
        report.tags++;
        var t = box(tag);
        if (t.right > right + 1 || t.left < f.left - 1) {
          var anchor = c.closest('.stemblock');
          report.clippedTags.push((anchor && anchor.previousElementSibling && anchor.previousElementSibling.id
            || (anchor && anchor.id) || tag.textContent || '?') + ' tag at ' + Math.round(t.left) + '..' + Math.round(t.right)
            + ' but the box ends at ' + Math.round(right));
        }
      });
    });
    report.chapter = new URLSearchParams(window.location.search).get('chapter') || 'book';
    var json = JSON.stringify(report);
    if (window.parent !== window) {
      window.parent.postMessage(json, '*');
    }
    var pre = document.createElement('pre');
    pre.id = 'layout-probe';
    pre.textContent = json;
    document.body.appendChild(pre);
  }
  /* the book's own script (docinfo-footer.html) marks the page ready once MathJax has typeset it
     and the equations are fitted */
  function start() {
    if (document.documentElement.getAttribute('data-book-ready') === 'true') {
      setTimeout(probe, 50);
    } else {
      setTimeout(start, 50);
    }
  }
  window.addEventListener('load', start);
})();

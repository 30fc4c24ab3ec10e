// Compare any two published versions, on the archive's versions page (partials/versions.html,
// history()). A published version's folder never changes, so no page can list the versions
// published after it: the lists come from the archive's root (mike's versions.json, and the
// dates in the page's language from notice.json), and the texts from each version's own
// readable.json (its sections and purposes as readers read them: hooks/versions.py). The
// difference is shown as the what-changed page shows it, computed here: word by word, only the
// paragraphs that changed, additions and removals each with a text label. Without JavaScript
// the form stays hidden, and each version's what-changed page is linked below it.
(function () {
  var box = document.querySelector("[data-compare]");
  if (!box || !window.fetch) return;
  var words = JSON.parse(box.dataset.words);
  var root = new URL(box.dataset.root, location.href);
  var from = box.querySelector("#seom-compare-from");
  var to = box.querySelector("#seom-compare-to");
  var result = box.querySelector(".seom-compare__result");
  var status = box.querySelector(".seom-compare__status");
  var PARAGRAPH = "\n\n";
  // A link's target: LINK, the address, DESCRIBED, then how the page says it. Compared by the
  // address, said as the version it comes from says it (notice/changes.py, reader_json()).
  var LINK = "\u0001";
  var DESCRIBED = "\u0002";
  var requests = 0;

  function key(word) {
    return word.charAt(0) === LINK ? word.split(DESCRIBED)[0] : word;
  }

  function json(path) {
    return fetch(new URL(path, root), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The words of the paragraphs, a paragraph mark after each (notice/word_diff.py).
  function flat(paragraphs) {
    var out = [];
    paragraphs.forEach(function (paragraph) {
      out.push.apply(out, paragraph);
      out.push(PARAGRAPH);
    });
    return out;
  }

  // A longest common subsequence of two word lists, as [op, word] pairs: same, del or ins.
  function diff(a, b) {
    var n = a.length, m = b.length, out = [];
    var ka = a.map(key), kb = b.map(key);
    if (n * m > 4000000) {  // too long to compare word by word: replaced whole
      a.forEach(function (w) { out.push(["del", w]); });
      b.forEach(function (w) { out.push(["ins", w]); });
      return out;
    }
    var table = new Int32Array((n + 1) * (m + 1));
    for (var i = n - 1; i >= 0; i--) {
      for (var j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] = ka[i] === kb[j]
          ? table[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
      }
    }
    var x = 0, y = 0;
    while (x < n && y < m) {
      if (ka[x] === kb[y]) { out.push(["same", b[y]]); x++; y++; }
      else if (table[(x + 1) * (m + 1) + y] >= table[x * (m + 1) + y + 1]) out.push(["del", a[x++]]);
      else out.push(["ins", b[y++]]);
    }
    while (x < n) out.push(["del", a[x++]]);
    while (y < m) out.push(["ins", b[y++]]);
    return out;
  }

  // The paragraphs that changed, each a list of runs {op, text}.
  function changed(before, after) {
    var paragraphs = [[]];
    diff(flat(before), flat(after)).forEach(function (pair) {
      if (pair[1] === PARAGRAPH) paragraphs.push([]);
      else paragraphs[paragraphs.length - 1].push(pair);
    });
    return paragraphs
      .filter(function (p) { return p.some(function (pair) { return pair[0] !== "same"; }); })
      .map(function (p) {
        var runs = [];
        p.forEach(function (pair) {
          var op = pair[0], word = pair[1];
          if (word.charAt(0) === LINK) {
            if (op === "same") return;  // a link's target shows only where it changed
            word = word.split(DESCRIBED)[1];
          }
          var last = runs[runs.length - 1];
          if (last && last.op === op) last.text += " " + word;
          else runs.push({ op: op, text: word });
        });
        return runs;
      });
  }

  function paragraph(runs) {
    var p = element("p", { class: "seom-diff" });
    runs.forEach(function (run, index) {
      if (index) p.append(" ");
      if (run.op === "same") { p.append(run.text); return; }
      var mark = element(run.op);
      mark.append(element("span", { class: "seom-diff__label" },
        run.op === "ins" ? words.added : words.removed), " " + run.text);
      p.append(mark);
    });
    return p;
  }

  // Each part (section or purpose) of the newer version in order, then the removed ones.
  function parts(old, now) {
    var before = {}, after = {};
    old.forEach(function (part) { before[part.id] = part; });
    now.forEach(function (part) { after[part.id] = part; });
    var ids = now.map(function (part) { return part.id; })
      .concat(old.map(function (part) { return part.id; }).filter(function (id) { return !after[id]; }));
    return ids.map(function (id) {
      // A part in both is compared with its title (a renamed section changed); one added or
      // removed whole without it, which its heading shows (notice/changes.py, compare()).
      var a = before[id], b = after[id], skip = a && b ? 0 : 1;
      var paragraphs = changed(a ? a.paragraphs.slice(skip) : [], b ? b.paragraphs.slice(skip) : []);
      return {
        id: id, title: (b || a).title, paragraphs: paragraphs,
        state: !a ? "added" : !b ? "removed" : paragraphs.length ? "changed" : "unchanged",
      };
    });
  }

  function show(part, level, added, removed) {
    var section = element("section", { class: "seom-changes__section seom-changes__section--" + part.state });
    var prefix = part.state === "added" ? added + ": " : part.state === "removed" ? removed + ": " : "";
    section.append(element("h" + level, {}, prefix + part.title));
    part.paragraphs.forEach(function (runs) { section.append(paragraph(runs)); });
    return section;
  }

  function label(version, dates) {
    return (dates[version] && dates[version][box.dataset.lang]) || version;
  }

  function compare(older, newer, dates) {
    var prefix = box.dataset.prefix;
    var request = ++requests;  // a later comparison's answer wins, whichever arrives first
    status.textContent = words.loading;
    result.replaceChildren();
    Promise.all([json(older + "/" + prefix + "readable.json"), json(newer + "/" + prefix + "readable.json")])
      .then(function (texts) {
        if (request !== requests) return;
        var sections = parts(texts[0].sections, texts[1].sections);
        var purposes = parts(texts[0].purposes, texts[1].purposes);
        var said = words.result.split("{to}").join(label(newer, dates))
          .split("{from}").join(label(older, dates));
        var out = [element("p", {}, said), element("p", {}, words.legend)];
        var shown = sections.filter(function (p) { return p.state !== "unchanged"; });
        var others = sections.filter(function (p) { return p.state === "unchanged"; });
        var purposesShown = purposes.filter(function (p) { return p.state !== "unchanged"; });
        if (!shown.length && !purposesShown.length) out.push(element("p", {}, words.nothing));
        shown.forEach(function (p) { out.push(show(p, 3, words.section_added, words.section_removed)); });
        if (others.length) {
          var details = element("details", { class: "seom-changes__unchanged" });
          details.append(element("summary", {}, words.unchanged + " (" + others.length + ")"));
          var list = element("ul");
          others.forEach(function (p) { list.append(element("li", {}, p.title)); });
          details.append(list);
          out.push(details);
        }
        if (purposesShown.length) {
          out.push(element("h3", {}, words.purposes));
          purposesShown.forEach(function (p) { out.push(show(p, 4, words.purpose_added, words.purpose_removed)); });
        }
        result.replaceChildren.apply(result, out);
        status.textContent = said;  // said once; the difference is read as the page is
      })
      .catch(function () {
        if (request === requests) status.textContent = words.failed;
      });
  }

  // notice.json is read already where state.js ran (main.html).
  var state = window.seomState || json("notice.json").catch(function () { return {}; });
  Promise.all([json("versions.json"), state])
    .then(function (read) {
      // Only names a version can have (its date): nothing else becomes part of an address.
      var versions = read[0].map(function (v) { return String(v.version); })
        .filter(function (v) { return /^\d{4}-\d{2}-\d{2}$/.test(v); }).sort().reverse();
      var dates = (read[1] && read[1].dates) || {};
      if (versions.length < 2) return giveUp();
      versions.forEach(function (version) {
        [from, to].forEach(function (select) {
          select.append(element("option", { value: version }, label(version, dates)));
        });
      });
      // This page's version against the one before it; the oldest against the next one.
      var at = Math.max(versions.indexOf(box.dataset.current), 0);
      if (at === versions.length - 1) at--;
      to.value = versions[at];
      from.value = versions[at + 1];
      box.querySelector("form").addEventListener("submit", function (event) {
        event.preventDefault();
        if (from.value === to.value) {
          requests++;
          result.replaceChildren();
          status.textContent = words.same;
          return;
        }
        var pair = [from.value, to.value].sort();
        compare(pair[0], pair[1], dates);
      });
      box.hidden = false;
    })
    .catch(giveUp);

  // Nothing to compare: the form's place, kept for it while it was being read (seom.css), is
  // given back.
  function giveUp() {
    box.remove();
  }
})();

// Keyboard and screen-reader fixes to Material's header, menu and banners. Every word comes
// from this script's data-* attributes (overrides/main.html, hooks/notice/words/<lang>.json).
//
// Material opens its menu (the drawer, on screens narrower than 1220 px) and search with
// <label for="__drawer"> and <label for="__search">: they work with a mouse or a finger,
// without JavaScript, but a label takes no focus, so a keyboard could not open either. Here they
// become buttons: reached by Tab, named, saying whether they are open, opened by Enter or
// Space. The labels of the menu's panels (the page's table of contents) take the focus too.
// Once this has run
// (html.seom-keyboard), seom.css takes a closed drawer, panel or search out of the tab order,
// and the focus moves as in a disclosure menu: into the menu when it opens, back to its button
// on Escape, and the menu closes when the focus leaves it.
//
// It also names what Material leaves unnamed: the version selector's button says its visible
// version (WCAG 2.5.3, label in name), and each banner's <aside> takes the name its content
// declares (data-landmark).
(function () {
  var data = document.currentScript.dataset;
  var root = document.documentElement;
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var sidebar = document.querySelector(".md-sidebar--primary");
  // Material's breakpoint below which the menu is a drawer and its sections are panels.
  var narrow = window.matchMedia("(max-width: 76.234375em)");

  function rendered(element) {
    return Boolean(element) && element.getClientRects().length > 0;
  }

  function firstFocusable(container) {
    var candidates = container.querySelectorAll("a[href], [tabindex='0'], input, button");
    for (var i = 0; i < candidates.length; i++) {
      if (rendered(candidates[i]) && getComputedStyle(candidates[i]).visibility === "visible") {
        return candidates[i];
      }
    }
    return null;
  }

  // The header's <label for> toggle, replaced by a button that clicks the toggle: reached by
  // Tab, named, saying whether it is open, pressed by Enter or Space. ARIA allows no role on a
  // label. data-seom-for stands for `for` in seom.css, which hides it where Material hides the
  // label.
  function headerButton(label, toggle, name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.dataset.seomFor = toggle.id;
    button.setAttribute("aria-label", name);
    while (label.firstChild) button.append(label.firstChild);
    label.replaceWith(button);
    function sync() {
      button.setAttribute("aria-expanded", String(toggle.checked));
    }
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () {
      toggle.click();
    });
    return button;
  }

  // A label in the menu that opens or closes a panel, reached by Tab and pressed by Enter or
  // Space, as Material does with a section's label (a button would lose Material's styles,
  // which select the label by its `for`). Material clicks a focused label on Enter too: the
  // event stops here so that the panel does not flip twice.
  function focusable(label) {
    label.tabIndex = 0;
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      label.click();
    });
  }

  // The menu.
  var menu = drawer && sidebar && document.querySelector(".md-header label[for='__drawer']");
  if (menu) {
    menu = headerButton(menu, drawer, data.menu);
    drawer.addEventListener("change", function () {
      if (drawer.checked && document.activeElement === menu) {
        var first = firstFocusable(sidebar);
        if (first) first.focus();
      } else if (!drawer.checked && sidebar.contains(document.activeElement)) {
        menu.focus();
      }
    });
  }

  // The menu's panels: a section's pages, or the page's table of contents. Each opens from a
  // label in the list and closes from the title label at the panel's top.
  var panels = [];
  if (sidebar) {
    sidebar.querySelectorAll(".md-nav__toggle").forEach(function (toggle) {
      var panel = toggle.parentElement.querySelector(":scope > nav.md-nav");
      var opener = toggle.parentElement.querySelector("label.md-nav__link[for='" + toggle.id + "']");
      if (!panel || !opener) return;
      var back = panel.querySelector(":scope > label.md-nav__title[for='" + toggle.id + "']");
      focusable(opener);
      if (back) focusable(back);
      panels.push({ toggle: toggle, panel: panel, opener: opener });
      toggle.addEventListener("change", function () {
        if (!narrow.matches) return;
        if (toggle.checked && document.activeElement === opener) {
          var first = firstFocusable(panel);
          if (first) first.focus();
        } else if (!toggle.checked && panel.contains(document.activeElement)) {
          opener.focus();
        }
      });
    });
  }

  function close(toggle) {
    if (toggle.checked) toggle.click();
  }

  // The focus leaves an open panel or the drawer: it closes, so that nothing it covers, and
  // nothing in it, is focused unseen.
  document.addEventListener("focusin", function (event) {
    if (!narrow.matches) return;
    panels.forEach(function (item) {
      if (item.toggle.checked && !item.panel.contains(event.target)) close(item.toggle);
    });
    if (menu && drawer.checked && !sidebar.contains(event.target) && event.target !== menu) {
      close(drawer);
    }
  });

  // Escape closes the innermost open panel, then the drawer, and gives the focus back to what
  // opened it. Material closes search on Escape itself and leaves the focus nowhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !narrow.matches) return;
    var open = panels.filter(function (item) {
      return item.toggle.checked && item.panel.contains(document.activeElement);
    });
    if (open.length) {
      var inner = open[open.length - 1];
      close(inner.toggle);
      inner.opener.focus();
    } else if (menu && drawer.checked) {
      close(drawer);
      menu.focus();
    }
  });

  // Search, on screens where it is a button in the header (Material hides it on wider ones).
  var finder = search && document.querySelector(".md-header label[for='__search']");
  if (finder) {
    var query = document.querySelector(".md-search__input");
    finder = headerButton(finder, search, data.search);
    search.addEventListener("change", function () {
      // Material focuses the field on a click on the button, before the click opens search:
      // hidden until then on narrow screens (seom.css), it takes the focus only now.
      if (search.checked) {
        if (query && document.activeElement !== query) query.focus();
        return;
      }
      // After Material's own handling (it blurs the search field): Escape leaves the focus on
      // nothing, Tab has moved it on.
      setTimeout(function () {
        var lost = !document.activeElement || document.activeElement === document.body;
        if (lost && rendered(finder)) finder.focus();
      });
    });
    // Material's shortcuts (f, s, /) focus the search field, which seom.css keeps out of the
    // tab order while search is closed on narrow screens: open it first.
    window.addEventListener(
      "keydown",
      function (event) {
        if (["f", "s", "/"].indexOf(event.key) < 0 || event.ctrlKey || event.metaKey) return;
        var active = document.activeElement;
        if (active && (active.matches("input, textarea, select") || active.isContentEditable)) {
          return;
        }
        if (search.checked || !rendered(finder)) return;
        // Open, Material counts the key as typed into search: it is a command, not text.
        event.preventDefault();
        search.click();
      },
      true,
    );
  }

  root.classList.add("seom-keyboard");

  // Banners: Material's <aside> takes the name its content declares, the first when it holds
  // several (the preview's, then an upcoming version's).
  document.querySelectorAll(".md-banner [data-landmark]").forEach(function (element) {
    var aside = element.closest("aside");
    if (aside && !aside.hasAttribute("aria-label")) {
      aside.setAttribute("aria-label", element.dataset.landmark);
    }
  });

  // The version selector, which Material adds once it has read versions.json (the archive).
  // Its entries are mike's version names (ISO dates): each becomes its date as the site writes
  // it in the page's language, and what it is, in force, upcoming or earlier ("1 mars 2027
  // (gäller nu)"), from the archive's state (notice.json at its root, rewritten by every
  // publish: this version's files never change, but which version is in force does). Its
  // button's name, "Select version", did not contain what it shows; it says the version.
  // The state is here already where state.js ran (before the page was drawn: main.html).
  var state = window.seomState || null;
  var waiting = Boolean(!state && data.state && window.fetch);
  function label(version) {
    var date = state && state.dates && state.dates[version];
    if (!date || !date[data.lang]) return null;
    var kind = !state.in_force ? data.upcoming
      : version === state.in_force ? data.inForce
      : version > state.in_force ? data.upcoming : data.earlier;
    return kind.split("{date}").join(date[data.lang]);
  }
  function versionOf(link) {
    var parts = new URL(link.href, location.href).pathname.split("/").filter(Boolean);
    return parts[parts.length - 1];
  }
  function versions() {
    var current = document.querySelector(".md-version__current");
    if (!current || current.dataset.seomNamed) return;
    if (waiting) return; // named once the state is read (below)
    current.dataset.seomNamed = "true";
    document.querySelectorAll(".md-version__link").forEach(function (link) {
      var text = label(versionOf(link));
      if (text) link.textContent = text;
    });
    // The version the button shows is Material's choice (mike's name: the version's date),
    // which on an error page is the version in force, whatever folder the page came from.
    var here = label(current.textContent.trim());
    if (here) current.textContent = here;
    var shown = current.textContent.replace(/\s+/g, " ").trim();
    current.setAttribute("aria-label", data.version.replace("{version}", shown));
  }
  // The header's title where it does not fit (its ellipsis would cut it): left out, not cut.
  // Hidden by visibility, so nothing else in the header moves.
  function fit() {
    document.querySelectorAll(".md-header__topic > .md-ellipsis").forEach(function (text) {
      text.classList.toggle("seom-cut", text.scrollWidth > text.clientWidth + 1);
    });
  }
  fit();
  window.addEventListener("resize", fit);
  if (document.fonts) document.fonts.ready.then(fit);

  var title = document.querySelector(".md-header__title");
  if (title) new MutationObserver(fit).observe(title, { childList: true, subtree: true });
  if (title && data.version) {
    new MutationObserver(versions).observe(title, { childList: true, subtree: true });
    if (waiting) {
      fetch(new URL(data.state, location.href), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (read) { state = read; })
        .catch(function () {})
        .then(function () { waiting = false; versions(); });
    }
    versions();
  }
})();

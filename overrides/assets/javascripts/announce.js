// What the archive's state says of this version, shown before the page is first drawn, so
// that nothing moves once it has been (a layout shift: the page jumped down under a reader's
// eyes). The state is notice.json at the archive's root, which `make publish` rewrites on every
// run (scripts/publish.py):
//   {"in_force": "2027-03-01",
//    "upcoming": {"version": "2027-06-01", "date": {"sv": "1 juni 2027", ...},
//                 "changes": {"sv": "2027-06-01/andringar/", ...}}, "dates": {...}}
// - The version in force announces an upcoming version (overrides/partials/versions.html,
//   announcement()). Its files were published before the upcoming version existed, so the
//   element is filled in here, and stays hidden when there is nothing to announce.
// - An earlier version shows its outdated banner (overrides/main.html, block outdated), which
//   Material's bundle would show only once it has fetched versions.json, after the first paint.
// overrides/main.html loads this script in <head>, deferred and with blocking="render", right
// after state.js, the module that reads the state (window.seomState): the browser draws
// nothing until both have run (Chromium; elsewhere they run as deferred scripts do). Where
// state.js could not run (no JSON modules), the state is fetched and shown when it arrives.
(function () {
  var data = document.currentScript.dataset;

  function show(state) {
    if (!state || !state.in_force) return;
    var outdated = document.querySelector("[data-md-component=outdated]");
    if (outdated && data.version < state.in_force) outdated.hidden = false;
    var box = document.querySelector("[data-notice-announcement]");
    var upcoming = state.upcoming;
    if (!box || !upcoming || state.in_force !== data.version) return;
    var lang = box.dataset.lang;
    box.querySelector(".seom-announcement__text").textContent =
      box.dataset.text.replace("{date}", upcoming.date[lang]);
    box.querySelector(".seom-announcement__link").href =
      new URL(upcoming.changes[lang], new URL(data.state, location.href)).href;
    box.hidden = false;
  }

  if (window.seomState) {
    show(window.seomState);
  } else if (window.fetch) {
    fetch(new URL(data.state, location.href), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(show)
      .catch(function () {});
  }
})();

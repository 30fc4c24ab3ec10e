// The version in force announces an upcoming version (overrides/partials/versions.html,
// announcement()). Its files were published before the upcoming version existed, so the
// announcement comes from the archive's state, notice.json at the archive's root, which
// `make publish` rewrites on every run (scripts/publish.py):
//   {"in_force": "2026-12-01",
//    "upcoming": {"version": "2027-03-01", "date": {"sv": "1 mars 2027", ...},
//                 "changes": {"sv": "2027-03-01/andringar/", ...}}}
// The element stays hidden when there is nothing to announce, or no state to read.
(function () {
  var box = document.querySelector("[data-notice-announcement]");
  if (!box || !window.fetch) return;
  var stateUrl = new URL(box.dataset.state, location.href);
  fetch(stateUrl, { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (state) {
      var upcoming = state && state.upcoming;
      if (!upcoming || state.in_force !== box.dataset.version) return;
      var lang = box.dataset.lang;
      box.querySelector(".seom-announcement__text").textContent =
        box.dataset.text.replace("{date}", upcoming.date[lang]);
      box.querySelector(".seom-announcement__link").href =
        new URL(upcoming.changes[lang], stateUrl).href;
      box.hidden = false;
    })
    .catch(function () {});
})();

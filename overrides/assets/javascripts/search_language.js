// Material loads one search index for the whole site, and static-i18n puts every language in
// it. The build writes one index per language (hooks/i18n_fixes.py). Loaded before Material's
// bundle, this makes Material's search request the index of the page's own language: over
// HTTP the JSON file, and from disk (the preview) the same index as a script, search_index.js.
(function () {
  var own = new URL(document.currentScript.dataset.index, location.href).href;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var shared = new URL("search/search_index.json", new URL(config.base, location.href)).href;
  if (own === shared) return;
  if (location.protocol === "file:") {
    var ownScript = own.replace(/\.json$/, ".js");
    var sharedScript = shared.replace(/\.json$/, ".js");
    var head = document.head;
    var append = head.appendChild;
    head.appendChild = function (node) {
      if (node instanceof HTMLScriptElement && node.src === sharedScript) node.src = ownScript;
      return append.call(this, node);
    };
    return;
  }
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (String(url) === shared) args[1] = own;
    return open.apply(this, args);
  };
})();

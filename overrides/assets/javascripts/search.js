// Material's search, in the page's language and only once the reader opens it. Loaded before
// Material's bundle (both deferred, in this order).
//
// Language: Material loads one search index for the whole site, and static-i18n puts every
// language in it. The build writes one index per language (hooks/i18n_fixes.py); this makes
// Material request the page's own: over HTTP the JSON file, from disk (the preview) the same
// index as a script, search_index.js.
//
// Later: over HTTP, Material starts search as every page loads: it requests the index and
// starts its Web Worker, which then loads lunr and indexes every page, about 20 KiB (gzipped)
// that a reader who never searches does not need. Here the index request waits until the
// reader opens search (the search field gets focus, or search opens by button or shortcut),
// and the worker starts when Material first posts to it, the index. A page opened from a
// search result (?h=…) highlights the words it was found by, which needs the index: there it
// loads at once. From disk, Material itself waits until search is opened. Search cannot be
// opened before this script runs: Material hides it until its bundle has run (html.no-js),
// which is after this script.
(function () {
  var own = new URL(document.currentScript.dataset.index, location.href).href;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var shared = new URL("search/search_index.json", new URL(config.base, location.href)).href;
  if (location.protocol === "file:") {
    if (own === shared) return;
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

  var opened = false;
  var waiting = [];
  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (run) {
      run();
    });
  }
  function whenOpened(run) {
    if (opened) run();
    else waiting.push(run);
  }
  function inSearch(element) {
    return Boolean(element && element.closest && element.closest("form[name=search]"));
  }
  var toggle = document.getElementById("__search");
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) open();
    });
  }
  document.addEventListener("focusin", function (event) {
    if (inSearch(event.target)) open();
  });
  if (new URLSearchParams(location.search).has("h")) open();

  // The index: Material requests it with XMLHttpRequest.
  var requests = new WeakSet();
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (new URL(String(url), location.href).href === shared) {
      args[1] = own;
      requests.add(this);
    }
    return xhrOpen.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!requests.has(request)) return xhrSend.apply(request, args);
    whenOpened(function () {
      try {
        xhrSend.apply(request, args);
      } catch (error) {
        // aborted meanwhile: nothing to send
      }
    });
  };

  // The worker: Material constructs it as its bundle starts; the real one starts on the first
  // message, and what it posts back is passed on (to listeners, and to onmessage/onerror).
  var script = new URL(config.search, location.href).href;
  var NativeWorker = window.Worker;
  class LaterWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.url = url;
      this.options = options;
      this.worker = null;
      this.terminated = false;
      this.onmessage = null;
      this.onmessageerror = null;
      this.onerror = null;
    }
    postMessage(message, transfer) {
      if (this.terminated) return;
      if (!this.worker) {
        var self = this;
        this.worker = new NativeWorker(this.url, this.options);
        ["message", "messageerror", "error"].forEach(function (type) {
          self.worker.addEventListener(type, function (event) {
            var copy =
              type === "error"
                ? new ErrorEvent("error", { message: event.message, error: event.error })
                : new MessageEvent(type, { data: event.data });
            self.dispatchEvent(copy);
            if (typeof self["on" + type] === "function") self["on" + type](copy);
          });
        });
      }
      this.worker.postMessage(message, transfer);
    }
    terminate() {
      this.terminated = true;
      if (this.worker) this.worker.terminate();
    }
  }
  window.Worker = function (url, options) {
    if (new URL(String(url), location.href).href === script) return new LaterWorker(url, options);
    return new NativeWorker(url, options);
  };
})();

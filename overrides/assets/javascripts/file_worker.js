// Material's search runs in a Web Worker, which browsers do not start from a page opened from
// disk (file:). The preview (mkdocs.preview.yml) is opened from disk: this runs the worker's
// script in a hidden frame of the page instead. Material's offline plugin would load a shim for
// this from another host; this one is the site's own file. Material's worker recognises it by
// its name (IFrameWorker) and then finds its language files beside its own script.
(function () {
  if (location.protocol !== "file:") return;

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      document.body.appendChild(frame);
      this.frame = frame;
      this.queue = [];
      var scope = frame.contentWindow;
      // The worker's side: what it posts reaches the page, and importScripts loads in order.
      scope.postMessage = function (data) {
        setTimeout(function () {
          worker.dispatchEvent(new MessageEvent("message", { data: data }));
        });
      };
      scope.importScripts = function () {
        return Array.prototype.reduce.call(
          arguments,
          function (done, src) {
            return done.then(function () {
              return load(scope.document, src);
            });
          },
          Promise.resolve(),
        );
      };
      load(scope.document, url).then(function () {
        var queue = worker.queue;
        worker.queue = null;
        queue.forEach(worker.postMessage, worker);
      });
    }

    postMessage(data) {
      if (this.queue) return this.queue.push(data);
      var scope = this.frame.contentWindow;
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }

    terminate() {
      this.frame.remove();
    }
  }

  function load(document, src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(src, location.href).href;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("Could not load " + script.src));
      };
      document.head.appendChild(script);
    });
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();

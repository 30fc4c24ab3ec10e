// The archive's state, notice.json at its root (rewritten by every `make publish`), read as a
// JSON module, so that it is here before the page is first drawn. overrides/main.html loads
// this module in <head>, with the state itself as a modulepreload (fetched at once, not once
// this file has arrived), and, on the pages of an earlier version and of the one in force,
// with blocking="render": announce.js, right after it, shows what the state says of this
// version. keyboard.js and compare.js read it here too instead of fetching it again.
// A published version's folder never changes: this file is
// <root>/<version>/assets/javascripts/state.js, three folders below the state. Where the
// browser has no JSON modules nothing here runs, and the others fetch the state themselves.
import state from "../../../notice.json" with { type: "json" };

window.seomState = state;

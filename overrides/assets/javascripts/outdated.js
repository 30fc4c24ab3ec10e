// Material's outdated banner's script (tests/upstream/material/partials/javascripts/
// outdated.html), from a file instead of inline (hooks/security.py), with two changes:
// base_url is read from data-base; and it is resolved against the page: base_url is relative
// on every page but the 404, and `new URL(base_url)` without a base threw "Invalid URL" on
// each page of a versioned site. It shows the banner at once on the pages after the first of
// a visit, from what Material's bundle stored when it found the version outdated.
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.base,location.href),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)

// Material's partials/javascripts/outdated.html as a file (overrides/partials/javascripts/
// outdated.html says why), resolving the relative base_url against the page.
var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.base,location.href),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)

// Material's content tabs' scripts (tests/upstream/material/partials/javascripts/content.html),
// from a file instead of inline (hooks/security.py); overrides/partials/javascripts/content.html
// loads it only when the site has content tabs (pymdownx.tabbed). The first selects the tabs
// the reader chose last (feature content.tabs.link: data-link), the second the tab the
// address's fragment names.
if(document.currentScript.dataset.link){var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}}
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))

// Material's first script (tests/upstream/material/partials/javascripts/base.html), from a file
// instead of inline, so that the Content-Security-Policy allows scripts from the site's files
// only (hooks/security.py). One change: the scope is read from data-scope, where Material
// writes the page's base_url into the script. Loaded in <head> with defer: it still runs
// before every script that uses what it defines (Material's bundle, outdated.js, content.js),
// as deferred scripts run in the order of the page.
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

// Live results: on each `ledger` event of the page's server-sent events, fetch the page again
// and swap in its #results section. Without this script the page is complete; a reload shows
// the same numbers.
(function () {
  "use strict";
  var box = document.getElementById("results");
  if (!box || !window.EventSource || !window.fetch) return;
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.href, { headers: { Accept: "text/html" }, cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("results");
        if (fresh) box.innerHTML = fresh.innerHTML;
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }
  var events = new EventSource(box.getAttribute("data-live"));
  events.addEventListener("ledger", refresh);
})();

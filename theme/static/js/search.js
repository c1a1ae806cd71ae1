// The search page: Pagefind's UI over the index that `make html` writes into pagefind/, started with the
// query in the address (?q=..., which the search box in the header sends).
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) {
    return;
  }
  // Pagefind loads its index with fetch(), which a page opened from a file cannot do.
  if (location.protocol === "file:" || typeof PagefindUI === "undefined") {
    document.getElementById("search-unavailable").hidden = false;
    return;
  }
  var siteRoot = new URL(root.getAttribute("data-site-root"), location.href);
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: new URL("pagefind/", siteRoot).pathname,
    baseUrl: siteRoot.pathname,
    showImages: false,
    showSubResults: false,
    // Keep the query in the address, so that reloading or going back shows the same results.
    processTerm: function (term) {
      var address = new URL(location.href);
      address.searchParams.set("q", term);
      history.replaceState(null, "", address);
      return term;
    },
  });
  // Pagefind's search field has only a title; give it an accessible name of its own.
  var field = root.querySelector(".pagefind-ui__search-input");
  if (field) {
    field.setAttribute("aria-label", "Search the briefings");
  }
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    var box = document.getElementById("site-search-q");
    if (box) {
      box.value = query;
    }
    ui.triggerSearch(query);
  }
})();

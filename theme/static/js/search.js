// The search page: Pagefind's UI over the index that `make html` writes into pagefind/ (and its shards), started with the
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
  var bundle = new URL("pagefind/", siteRoot);
  // A large archive's index is in shards: the first bundle, and the others its bundles.json lists.
  fetch(new URL("bundles.json", bundle))
    .then(function (response) {
      return response.ok ? response.json() : { merge: [] };
    })
    .catch(function () {
      return { merge: [] };
    })
    .then(function (bundles) {
      start((bundles && bundles.merge) || []);
    });

  function start(merged) {
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: bundle.pathname,
      mergeIndex: merged.map(function (path) {
        return { bundlePath: new URL(path, bundle).pathname };
      }),
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
  }
})();

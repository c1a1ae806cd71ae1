// The quote index: Pagefind's UI over the statements' own bundle (one record per statement, filtered by
// speaker), which the build writes next to the briefings' index. A record's `target` meta is the
// statement's place on its speaker's page, from the site root: it becomes the result's address.
(function () {
  "use strict";
  var root = document.getElementById("quote-search");
  if (!root) {
    return;
  }
  if (location.protocol === "file:" || typeof PagefindUI === "undefined") {
    document.getElementById("quote-search-unavailable").hidden = false;
    return;
  }
  var siteRoot = new URL(root.getAttribute("data-site-root"), location.href);
  var bundle = new URL(root.getAttribute("data-bundle"), siteRoot);
  // A large archive's quote index is in shards: the first bundle, and the others its bundles.json lists.
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
    new PagefindUI({
      element: "#quote-search",
      bundlePath: bundle.pathname,
      mergeIndex: merged.map(function (path) {
        return { bundlePath: new URL(path, bundle).pathname };
      }),
      baseUrl: siteRoot.pathname,
      showImages: false,
      showSubResults: false,
      openFilters: ["speaker"],
      processResult: function (result) {
        if (result.meta && result.meta.target) {
          var target = new URL(result.meta.target, siteRoot);
          result.url = target.pathname + target.hash;
          delete result.meta.target; // an address, not something to show under the statement
        }
        return result;
      },
      translations: { placeholder: "Search the quotes" },
    });
    var field = root.querySelector(".pagefind-ui__search-input");
    if (field) {
      field.setAttribute("aria-label", "Search the quotes");
    }
  }
})();

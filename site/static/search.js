/* Progressive enhancement of the search form: filters the list of names on the search
   page, or, on the 404 page (served at any depth), finds the site root, loads
   search.json from it and lists the names that match. A large archive's search page
   lists one page of the names: a search there loads search.json once (its address is
   the form's data-index) and looks in every name. Nothing is needed for the pages to
   work without it; it talks to no host but the site's own. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  if (!form || !window.URLSearchParams) { return; }
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function show(count) {
    status.textContent = "Atrasti / found: " + count;
  }

  function filter() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var count = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var text = item.getAttribute("data-text") || fold(item.textContent);
      item.setAttribute("data-text", text);
      var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
      item.hidden = !hit;
      if (hit) { count += 1; }
    });
    show(count);
  }

  function fill(root, entries) {
    entries.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + entry.href;
      link.textContent = entry.lv;
      link.lang = "lv";
      item.appendChild(link);
      if (entry.en !== entry.lv) {
        var en = document.createElement("span");
        en.lang = "en";
        en.className = "en";
        en.textContent = " " + entry.en;
        item.appendChild(en);
      }
      list.appendChild(item);
    });
  }

  /* The 404 page does not know where the site starts: try each parent folder. */
  function findRoot(done) {
    var parts = location.pathname.split("/").slice(0, -1);
    function attempt(n) {
      if (n < 0) { return; }
      var root = parts.slice(0, n + 1).join("/") + "/";
      fetch(root + "search.json").then(function (response) {
        if (!response.ok) { throw new Error(); }
        return response.json();
      }).then(function (entries) { done(root, entries); }, function () { attempt(n - 1); });
    }
    attempt(parts.length - 1);
  }

  /* On one page of several: the first search replaces that page's names with all of them.
     Until they have come, the page's own names are filtered; a failed load is tried again
     at the next search. Once every name is here, an empty search shows none of them. */
  var index = form.getAttribute("data-index");
  var loading = false;
  var everything = false;
  function search() {
    var empty = !fold(input.value).trim();
    if (everything && empty) {
      Array.prototype.forEach.call(list.children, function (item) { item.hidden = true; });
      status.textContent = "Ierakstiet nosaukumu / type a name";
      return;
    }
    filter();
    if (!index || empty || loading || everything) { return; }
    loading = true;
    var root = index.replace(/search\.json$/, "");
    fetch(index).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (entries) {
      list.textContent = "";
      fill(root, entries);
      var pager = document.getElementById("search-pager");
      if (pager) { pager.hidden = true; }
      everything = true;
      search();
    }).catch(function () {
      status.textContent += " (tikai šajā lapā / this page only)";
    }).then(function () { loading = false; });
  }

  var query = new URLSearchParams(location.search).get("q");
  if (form.hasAttribute("data-notfound")) {
    findRoot(function (root, entries) {
      form.action = root + "doc/search.html";
      var home = document.getElementById("home");
      if (home) { home.href = root + "index.html"; }
      fill(root, entries);
      var last = decodeURIComponent(location.pathname.split("/").pop() || "");
      input.value = last.replace(/\.html$/, "").replace(/[-_]/g, " ");
      filter();
      input.addEventListener("input", filter);
    });
    return;
  }
  if (query) { input.value = query; }
  search();
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
}());

/* Progressive enhancement: a copy button beside the IRI a page shows. Without JavaScript
   (or without clipboard access) the IRI is plain, selectable text. Talks to no host. */
(function () {
  "use strict";
  /* The language switch works by CSS alone, page by page; with JavaScript the choice is
     remembered for the next page (in this browser only, never sent anywhere). */
  try {
    var saved = window.localStorage.getItem("lang");
    var chosen = saved && document.getElementById("lang-" + saved);
    if (chosen) { chosen.checked = true; }
    document.querySelectorAll("input[name=lang]").forEach(function (input) {
      input.addEventListener("change", function () {
        window.localStorage.setItem("lang", input.value);
      });
    });
  } catch (e) { /* storage refused: the switch still works on this page */ }
  if (!navigator.clipboard) { return; }
  document.querySelectorAll("p.iri code").forEach(function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Kopēt / Copy";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        button.textContent = "Nokopēts / Copied";
      });
    });
    code.parentNode.appendChild(document.createTextNode(" "));
    code.parentNode.appendChild(button);
  });
})();

/* Progressive enhancement: a copy button beside the IRI a page shows. Without JavaScript
   (or without clipboard access) the IRI is plain, selectable text. Talks to no host. */
(function () {
  "use strict";
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

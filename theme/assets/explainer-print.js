/* Printing: before the page prints, list every citation on it as numbered references at the
 * end of the article, with the cited sentence, its article and date (or the outside source and
 * its address), so a printed explainer keeps its sources. The list is removed after printing.
 */
(function () {
  "use strict";

  var LIST_ID = "explainer-print-references";

  function citationText(anchor) {
    return anchor.getAttribute("data-preview") || anchor.getAttribute("title") || "";
  }

  function addReferences() {
    removeReferences();
    var article = document.querySelector("article.md-content__inner") || document.querySelector("article");
    if (!article) return;
    var seen = {};
    var items = [];
    article.querySelectorAll("a.cite").forEach(function (anchor) {
      var key = anchor.href;
      if (seen[key]) return;
      seen[key] = true;
      items.push(anchor);
    });
    if (!items.length) return;
    var section = document.createElement("section");
    section.id = LIST_ID;
    section.className = "print-references";
    var heading = document.createElement("h2");
    heading.textContent = "Sources cited on this page";
    section.appendChild(heading);
    var list = document.createElement("ol");
    items.forEach(function (anchor) {
      var item = document.createElement("li");
      var label = document.createElement("strong");
      label.textContent = anchor.textContent + " ";
      item.appendChild(label);
      var external = anchor.classList.contains("cite-external");
      item.appendChild(document.createTextNode(
        external ? citationText(anchor) + " (" + anchor.href + ")" : "“" + citationText(anchor) + "”"
      ));
      var origin = anchor.getAttribute("data-origin");
      if (origin) item.appendChild(document.createTextNode(" — " + origin));
      list.appendChild(item);
    });
    section.appendChild(list);
    article.appendChild(section);
  }

  function removeReferences() {
    var old = document.getElementById(LIST_ID);
    if (old) old.remove();
  }

  window.addEventListener("beforeprint", addReferences);
  window.addEventListener("afterprint", removeReferences);
})();

/* Citation, glossary and entity previews.
 *
 * Hovering or focusing a citation marker (a.cite), a glossary term (a.gloss) or a link to a
 * person, place or organisation (a.entity) shows what it points to without leaving the page: the
 * cited sentences with their articles and dates, the term's definition, or the entity's name with its role
 * and a line about it. On a touch screen the first tap shows the preview and a second tap follows the
 * link. Without JavaScript the links still work and the browser shows their title.
 * Listeners sit on the document, so pages swapped in by Material's instant navigation work too.
 * Text is only ever set with textContent: the preview shows data, never markup.
 */
(function () {
  "use strict";

  var SELECTOR = "a.cite, a.gloss, a.entity";
  var popover = null;
  var current = null;
  var hideTimer = null;
  var lastPointer = "mouse";
  var shownBeforeTap = false;

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.id = "explainer-preview";
    popover.className = "explainer-preview";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.addEventListener("mouseenter", cancelHide);
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
    return popover;
  }

  /* The browser's own title tooltip would double the preview: keep the text, drop the title. */
  function previewText(anchor) {
    if (anchor.hasAttribute("title")) {
      anchor.setAttribute("data-preview", anchor.getAttribute("title"));
      anchor.removeAttribute("title");
    }
    return anchor.getAttribute("data-preview") || "";
  }

  /* A marker (a.cite) points to its note in "Sources on this page": the preview shows the
   * note's sentences with their articles, read from the list itself. */
  function noteOf(anchor) {
    /* Material may have made the address absolute: read its fragment. */
    var id = anchor.hash ? decodeURIComponent(anchor.hash.slice(1)) : "";
    return id ? document.getElementById(id) : null;
  }

  function fillNote(box, note) {
    var first = null;
    note.querySelectorAll(".ref-group").forEach(function (group) {
      group.querySelectorAll(".ref-sentence").forEach(function (line) {
        var link = line.querySelector("a");
        var text = line.querySelector(".ref-text") || line;
        var quote = document.createElement(link && link.classList.contains("ref-external") ? "p" : "blockquote");
        quote.className = "explainer-preview__text";
        quote.textContent = text.textContent;
        box.appendChild(quote);
        if (!first && link) first = link;
      });
      var origin = group.querySelector(".ref-origin");
      if (origin) {
        var from = document.createElement("p");
        from.className = "explainer-preview__origin";
        from.textContent = origin.textContent;
        box.appendChild(from);
      }
    });
    return first;
  }

  function fill(anchor) {
    var box = ensurePopover();
    box.textContent = "";
    var go = document.createElement("a");
    go.className = "explainer-preview__go";
    if (anchor.classList.contains("cite")) {
      var note = noteOf(anchor);
      var first = note ? fillNote(box, note) : null;
      go.href = first ? first.href : anchor.href;
      go.textContent = !first
        ? "See the sources"
        : first.classList.contains("ref-external")
          ? "Open the source"
          : "Read it in the article";
      box.appendChild(go);
      return;
    }
    var isEntity = anchor.classList.contains("entity");
    var term = document.createElement("strong");
    term.textContent = anchor.getAttribute("data-term") || anchor.textContent;
    box.appendChild(term);
    var body = document.createElement("p");
    body.className = "explainer-preview__text";
    body.textContent = previewText(anchor);
    box.appendChild(body);
    go.href = anchor.href;
    go.textContent = isEntity ? "Open the page" : "Open the glossary";
    box.appendChild(go);
  }

  function place(anchor) {
    var rect = anchor.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    popover.style.width = width + "px";
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    var top = rect.bottom + 6;
    var below = window.innerHeight - rect.bottom;
    if (below < popover.offsetHeight + 12 && rect.top > popover.offsetHeight + 12) {
      top = rect.top - popover.offsetHeight - 6;
    }
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  function show(anchor) {
    cancelHide();
    if (current === anchor && !popover.hidden) return;
    if (current) current.removeAttribute("aria-describedby");
    fill(anchor);
    current = anchor;
    popover.hidden = false;
    anchor.setAttribute("aria-describedby", popover.id);
    place(anchor);
  }

  function hide() {
    if (popover) popover.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, 250);
  }

  function cancelHide() {
    if (hideTimer) window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  function anchorOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest(SELECTOR) : null;
  }

  /* A tap also focuses the link, which shows its preview: remember what was open before. */
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    var anchor = anchorOf(event);
    shownBeforeTap = Boolean(anchor && current === anchor && popover && !popover.hidden);
  }, true);
  document.addEventListener("mouseover", function (event) {
    var anchor = anchorOf(event);
    if (anchor && lastPointer !== "touch") show(anchor);
  });
  document.addEventListener("mouseout", function (event) {
    if (anchorOf(event) && lastPointer !== "touch") scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var anchor = anchorOf(event);
    if (anchor) show(anchor);
  });
  document.addEventListener("focusout", function (event) {
    if (anchorOf(event)) scheduleHide();
  });
  /* Capturing on window runs before Material's instant navigation sees the click. */
  window.addEventListener("click", function (event) {
    var anchor = anchorOf(event);
    if (anchor && lastPointer === "touch" && !shownBeforeTap) {
      event.preventDefault();
      event.stopPropagation();
      show(anchor);
      return;
    }
    if (!anchor && popover && !popover.contains(event.target)) hide();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();

/* mkdocs-briefs: sources in place.
 *
 * Without this script a citation is a link to its source in the sourcing panel.
 * With it, a citation opens a card with the source right where the reader is: a
 * popover beside it on wide screens, a sheet at the bottom on narrow or touch
 * screens. Opening it never scrolls the page. Escape, a tap outside or the close
 * button dismisses it and puts focus back on the citation.
 * Pointing at a source highlights its claims, and a claim its sources.
 * Listeners sit on the document, so they survive Material's instant navigation.
 */
(function () {
  "use strict";
  if (window.__briefsSourcing) return; // loaded twice: the first copy does the work
  window.__briefsSourcing = true;

  var CITE = "a.brief-cite__link";
  var HIGHLIGHT = "is-highlighted";
  var GAP = 6; // px between the citation and the card
  var MARGIN = 8; // px the card keeps from the viewport's edges
  var card = null; // one card for the page, made on first use
  var opener = null; // the citation the card belongs to

  function escapeId(id) {
    return window.CSS && CSS.escape ? CSS.escape(id) : id;
  }

  function getCard() {
    if (card && card.isConnected) return card;
    card = document.createElement("div");
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-labelledby", "brief-card-title");
    card.tabIndex = -1;
    card.hidden = true;
    document.body.appendChild(card);
    return card;
  }

  function copy(from, selector, into) {
    var node = from.querySelector(selector);
    if (node) into.appendChild(node.cloneNode(true));
    return node;
  }

  function fill(box, link, item) {
    box.textContent = "";
    box.className = "brief-card-popup brief-source--" + (item.dataset.kind || "");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "brief-card-popup__close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    box.appendChild(close);
    var head = copy(item, ".brief-source__head", box);
    if (head) box.lastChild.id = "brief-card-title";
    copy(item, ".brief-source__detail", box);
    copy(item, ".brief-source__via", box);
    copy(item, ".brief-source__link", box);
    var claim = link.closest(".brief-claim");
    var others = Array.prototype.filter.call(
      item.querySelectorAll(".brief-source__claims a[data-claim]"),
      function (a) { return !claim || a.dataset.claim !== claim.id; }
    );
    var note = document.createElement("p");
    note.className = "brief-card-popup__also";
    note.textContent = others.length ? "Also backs:" : "Cited only here.";
    box.appendChild(note);
    if (others.length) {
      var list = document.createElement("ul");
      others.forEach(function (a) {
        var li = document.createElement("li");
        li.appendChild(a.cloneNode(true));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
  }

  function isSheet() {
    return window.matchMedia("(max-width: 599.98px), (pointer: coarse)").matches;
  }

  function place(link, box) {
    box.classList.toggle("is-sheet", isSheet());
    box.style.left = box.style.top = "";
    if (isSheet()) return;
    var rect = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var height = window.innerHeight;
    var left = Math.max(MARGIN, Math.min(rect.left, width - box.offsetWidth - MARGIN));
    var top = rect.bottom + GAP;
    if (top + box.offsetHeight > height - MARGIN) {
      top = rect.top - GAP - box.offsetHeight; // no room below: above the citation
      if (top < MARGIN) top = Math.max(MARGIN, height - MARGIN - box.offsetHeight);
    }
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function open(link) {
    // .hash: Material's instant navigation makes links absolute.
    var item = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!item) return false; // no panel: the link works as it is
    close(false);
    var box = getCard();
    fill(box, link, item);
    box.hidden = false;
    place(link, box);
    opener = link;
    link.setAttribute("aria-expanded", "true");
    box.focus({ preventScroll: true });
    return true;
  }

  function close(refocus) {
    if (!card || card.hidden) return;
    card.hidden = true;
    var link = opener;
    opener = null;
    if (link) {
      link.setAttribute("aria-expanded", "false");
      if (refocus && link.isConnected) link.focus({ preventScroll: true });
    }
  }

  // Capture phase: decide before Material's instant navigation sees the click.
  document.addEventListener(
    "click",
    function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var link = target && target.closest(CITE);
      if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        if (link === opener) {
          close(true);
        } else if (!open(link)) {
          return; // no panel to read the source from: the link works as it is
        }
        // Material's instant navigation would follow the link and move the page.
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (target && target.closest(".brief-card-popup__close")) close(true);
    },
    true
  );

  document.addEventListener(
    "pointerdown",
    function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!card || card.hidden || !target) return;
      if (card.contains(target) || target.closest(CITE)) return;
      close(true);
    },
    true
  );

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && card && !card.hidden) close(true);
  });

  window.addEventListener("resize", function () {
    if (card && !card.hidden && opener) place(opener, card);
  });

  // Highlights: pointing at a source or a claim; focusing a citation or a source.
  function clear() {
    document.querySelectorAll("." + HIGHLIGHT).forEach(function (el) {
      el.classList.remove(HIGHLIGHT);
    });
  }

  function mark(selector) {
    document.querySelectorAll(selector).forEach(function (el) {
      el.classList.add(HIGHLIGHT);
    });
  }

  function highlightFrom(target, pointer) {
    if (!(target instanceof Element) || target.closest(".brief-card-popup")) return;
    var source = target.closest(".brief-source[data-source]");
    if (source) {
      mark('.brief-claim[data-sources~="' + escapeId(source.dataset.source) + '"]');
      source.classList.add(HIGHLIGHT);
      return;
    }
    var cite = target.closest(CITE);
    var claim = pointer ? target.closest(".brief-claim[data-sources]") : null;
    var ids = cite ? [cite.dataset.source] : claim ? claim.dataset.sources.split(" ") : [];
    ids.forEach(function (id) {
      mark('.brief-source[data-source="' + escapeId(id) + '"]');
    });
  }

  document.addEventListener("mouseover", function (event) {
    clear();
    highlightFrom(event.target, true);
  });
  document.addEventListener("focusin", function (event) {
    clear();
    highlightFrom(event.target, false);
  });
  document.addEventListener("mouseout", function (event) {
    var to = event.relatedTarget;
    if (!(to instanceof Element) || !to.closest(".brief-source, .brief-claim")) clear();
  });
  document.addEventListener("focusout", clear);

  // Instant navigation swaps the page without a reload: start clean each time.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      close(false);
      clear();
    });
  }
})();
